import MTFSDomain

/// One proposal's position in one year, with its directorate: a row of the pinned balance CSV and
/// of the JSON export.
public struct PositionRow: Sendable, Hashable, Encodable {
    public var directorate: String
    public var ref: ProposalRef
    public var year: FinancialYear
    public var position: Position

    /// Every proposal-year's position from the kept lines, by ref then year.
    public static func byProposal(_ lines: [PositionLine], directorates: [ProposalRef: String]) -> [PositionRow] {
        let byProposal = lines.byProposalYear()
        return byProposal.keys.sorted().flatMap { ref in
            (byProposal[ref] ?? [:]).sorted { $0.key < $1.key }.map { year, p in
                PositionRow(directorate: directorates[ref] ?? "", ref: ref, year: year, position: p)
            }
        }
    }

    private enum Keys: String, CodingKey { case directorate, ref, year }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(directorate, forKey: .directorate)
        try c.encode(ref, forKey: .ref)
        try c.encode(year, forKey: .year)
        try PositionCoding(position).encode(to: encoder)
    }
}
