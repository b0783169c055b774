/// One proposal in one financial year: the unit every position, forecast and return line is about,
/// and the key of every map of them (never a `"REF|2023"` string).
public struct ProposalYear: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var ref: ProposalRef
    public var year: FinancialYear

    public init(_ ref: ProposalRef, _ year: FinancialYear) {
        self.ref = ref
        self.year = year
    }

    /// By ref, then year.
    public static func < (a: ProposalYear, b: ProposalYear) -> Bool { a.ref != b.ref ? a.ref < b.ref : a.year < b.year }

    /// `PEO-07 2023/24`.
    public var description: String { "\(ref) \(year)" }
}
