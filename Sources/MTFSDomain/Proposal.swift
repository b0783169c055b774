/// Whether a saving recurs every year once made, or is made once.
public enum Recurrence: String, Sendable, Codable, CaseIterable {
    case ongoing
    case oneOff = "one-off"

    /// Reads `ongoing` or `one-off` (also `oneoff`, `one off`).
    public init(parsing text: String) throws(DomainError) {
        switch text.trimmingSpaces().lowercased() {
        case "ongoing", "recurrent", "recurring": self = .ongoing
        case "one-off", "oneoff", "one off": self = .oneOff
        default: throw DomainError.invalid("expected a recurrence of ongoing or one-off, found \"\(text)\"")
        }
    }
}

/// One cost centre a proposal cuts, with its share of the target in basis points (1% = 100),
/// or nil when the target is split equally.
public struct CostCentreShare: Hashable, Sendable, Codable {
    public var costCentre: CostCentreCode
    public var basisPoints: Int?
    public init(costCentre: CostCentreCode, basisPoints: Int? = nil) {
        self.costCentre = costCentre
        self.basisPoints = basisPoints
    }

    /// Parses the pack form `PEO-CSC-0412=60%;PEO-CSC-0413=40%` (shares optional, all or none,
    /// summing to exactly 100%).
    public static func parseList(_ text: String) throws(DomainError) -> [CostCentreShare] {
        let items = text.split(separator: ";").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
        return try parse(items)
    }

    /// Parses items such as `PEO-CSC-0412=60%` or `PEO-CSC-0412`.
    public static func parse(_ items: [String]) throws(DomainError) -> [CostCentreShare] {
        guard !items.isEmpty else { throw DomainError.invalid("expected at least one cost centre") }
        var shares: [CostCentreShare] = []
        for item in items {
            let pieces = item.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces() }
            let code = CostCentreCode(pieces[0])
            guard !code.isEmpty else { throw DomainError.invalid("expected a cost centre code before \"=\" in \"\(item)\"") }
            if shares.contains(where: { $0.costCentre == code }) {
                throw DomainError.invalid("cost centre \(code) is listed twice")
            }
            if pieces.count == 2 {
                shares.append(CostCentreShare(costCentre: code, basisPoints: try parsePercent(pieces[1], item: item)))
            } else {
                shares.append(CostCentreShare(costCentre: code))
            }
        }
        let given = shares.filter { $0.basisPoints != nil }.count
        if given != 0 && given != shares.count {
            throw DomainError.invalid("give a share for every cost centre or for none (found shares on \(given) of \(shares.count))")
        }
        if given > 0 {
            let total = shares.reduce(0) { $0 + ($1.basisPoints ?? 0) }
            if total != 10_000 {
                throw DomainError.invalid("cost centre shares must sum to 100%, found \(formatPercent(total))")
            }
        }
        return shares
    }

    /// `60%` or `33.33%` into basis points.
    static func parsePercent(_ text: String, item: String) throws(DomainError) -> Int {
        var t = text
        if t.hasSuffix("%") { t.removeLast() }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 3,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), parts.count == 1 || (1...2).contains(parts[1].count),
            let whole = Int(parts[0])
        else { throw DomainError.invalid("expected a share such as 60% or 33.33% in \"\(item)\"") }
        var bp = whole * 100
        if parts.count == 2 {
            let f = String(parts[1])
            bp += Int(f.count == 1 ? f + "0" : f) ?? 0
        }
        guard bp > 0 && bp <= 10_000 else {
            throw DomainError.invalid("a share must be more than 0% and at most 100%, found \"\(text)\" in \"\(item)\"")
        }
        return bp
    }

    /// `60%`, `33.33%`.
    public static func formatPercent(_ basisPoints: Int) -> String {
        let whole = basisPoints / 100
        let fraction = basisPoints % 100
        return fraction == 0 ? "\(whole)%" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)%".replacingTrailingZero()
    }

    /// The pack form of a list: `A=60%;B=40%` or `A;B`.
    public static func format(_ shares: [CostCentreShare]) -> String {
        shares.map { s in s.basisPoints.map { "\(s.costCentre)=\(formatPercent($0))" } ?? s.costCentre.rawValue }.joined(separator: ";")
    }

    /// Splits an amount over the shares: by basis points, or equally; pence remainders to the first.
    public static func split(_ amount: Pence, over shares: [CostCentreShare]) -> [Pence] {
        let weights = shares.map { Int64($0.basisPoints ?? 1) }
        return amount.allocate(weights: weights)
    }
}

extension String {
    fileprivate func replacingTrailingZero() -> String {
        // 33.30% reads better as 33.3%.
        if hasSuffix("0%"), contains(".") { return String(dropLast(2)) + "%" }
        return self
    }
}

/// A saving's risk rating when it was approved (SPEC §5 v3).
public enum RiskRating: String, Sendable, Codable, CaseIterable {
    case high = "High", medium = "Medium", low = "Low"

    /// Reads `High`, `Medium` or `Low` (any case; also H, M, L).
    public init(parsing text: String) throws(DomainError) {
        switch text.trimmingSpaces().lowercased() {
        case "high", "h": self = .high
        case "medium", "med", "m": self = .medium
        case "low", "l": self = .low
        default: throw DomainError.invalid("expected a risk of High, Medium or Low, found \"\(text)\"")
        }
    }
}

/// What kind of service impact a saving was assessed to have (SPEC §5 v3, impacts.csv).
public enum ImpactKind: String, Sendable, Codable, CaseIterable {
    case service, equality, residents, staff, partners, other

    public init(parsing text: String) throws(DomainError) {
        guard let kind = ImpactKind(rawValue: text.trimmingSpaces().lowercased()) else {
            throw DomainError.invalid(
                "expected an impact kind of \(ImpactKind.allCases.map(\.rawValue).joined(separator: ", ")), found \"\(text)\"")
        }
        self = kind
    }
}

/// A service impact a return reports (SPEC §5 v3), and whether the risk assessment foresaw it.
public struct ObservedImpact: Sendable, Hashable {
    public var text: String
    public var foreseen: Bool
    public init(text: String, foreseen: Bool) {
        self.text = text
        self.foreseen = foreseen
    }
}

/// A service impact identified when a saving was risk-assessed, and its mitigation.
public struct IdentifiedImpact: Sendable, Hashable, Codable {
    public var ref: ProposalRef
    public var kind: ImpactKind
    public var impact: String
    public var mitigation: String
    public init(ref: ProposalRef, kind: ImpactKind, impact: String, mitigation: String) {
        self.ref = ref
        self.kind = kind
        self.impact = impact
        self.mitigation = mitigation
    }
}

/// A savings proposal: what it is, who owns it, which cost centres it cuts.
/// Its targets live in the ledger as approval entries.
public struct Proposal: Hashable, Sendable, Codable {
    public var ref: ProposalRef
    public var title: String
    public var directorate: String
    public var owner: HolderID
    public var category: String
    public var recurrence: Recurrence
    public var costCentres: [CostCentreShare]
    /// The period the first year's saving starts accruing; P1 of the first year when nil.
    public var deliveryStart: Period?
    /// The ref of a proposal this one replaces (mitigation of an unachievable saving).
    public var replaces: ProposalRef?
    /// The fund whose budget the saving is made in (SPEC §5 v3): funds are totalled apart and never
    /// added together without saying so.
    public var fund: String

    /// The fund a proposal is in unless its pack says otherwise.
    public static let generalFund = "General Fund"
    /// The Cabinet portfolio, its holder (the lead member), the risk rating when approved and the
    /// Corporate Plan priority the saving serves (SPEC §5 v3), when the pack gives them.
    public var portfolio: String? = nil
    public var portfolioHolder: String? = nil
    public var risk: RiskRating? = nil
    public var priority: String? = nil

    public init(
        ref: ProposalRef, title: String, directorate: String, owner: HolderID, category: String = "",
        recurrence: Recurrence = .ongoing, costCentres: [CostCentreShare], deliveryStart: Period? = nil,
        replaces: ProposalRef? = nil, fund: String = Proposal.generalFund
    ) {
        self.fund = fund
        self.ref = ref
        self.title = title
        self.directorate = directorate
        self.owner = owner
        self.category = category
        self.recurrence = recurrence
        self.costCentres = costCentres
        self.deliveryStart = deliveryStart
        self.replaces = replaces
    }

    /// Checks what can be checked without the ledger: a ref, a title, an owner, cost centres.
    public func validate() throws(DomainError) {
        if !Proposal.isValidRef(ref.rawValue) {
            throw DomainError.invalid("expected a proposal ref of letters, digits, single spaces, '-', '_', '.' or '/' (at most 40), found \"\(ref)\"")
        }
        if title.trimmingSpaces().isEmpty { throw DomainError.invalid("proposal \(ref) needs a title") }
        if directorate.trimmingSpaces().isEmpty { throw DomainError.invalid("proposal \(ref) needs a directorate") }
        if owner.rawValue.trimmingSpaces().isEmpty { throw DomainError.invalid("proposal \(ref) needs an owner") }
        if costCentres.isEmpty { throw DomainError.invalid("proposal \(ref) needs at least one cost centre") }
        if replaces == ref { throw DomainError.invalid("proposal \(ref) cannot replace itself") }
        if fund.trimmingSpaces().isEmpty || fund.unicodeScalars.count > 200 {
            throw DomainError.invalid("proposal \(ref) needs a fund of 1 to 200 characters (General Fund unless said)")
        }
    }

    /// Refs are short codes such as `PEO-07`, or as councils publish them, `Place 13`: letters,
    /// digits, `-`, `_`, `.`, `/` and single spaces between them (SPEC §5 v3).
    public static func isValidRef(_ ref: String) -> Bool {
        !ref.isEmpty && ref.count <= 40 && !ref.hasPrefix(" ") && !ref.hasSuffix(" ") && !ref.contains("  ")
            && ref.unicodeScalars.allSatisfy {
                ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "-_./ ".unicodeScalars.contains($0)
            }
    }

    /// A ref as compared for sameness: two refs that differ only in case or spacing are one
    /// (`Place 13`, `PLACE13`), and a second is refused as a duplicate.
    public static func canonical(_ ref: String) -> String { ref.lowercased().filter { $0 != " " } }

    /// The expected share of a year's target accrued by the end of `period`, as (months elapsed,
    /// months accruing): straight line from P1, or from the delivery start period in its own year, to P12.
    public func profileFraction(year: FinancialYear, through period: Period) -> (elapsed: Int, months: Int) {
        if period.year < year { return (0, 1) }
        if period.year > year { return (1, 1) }
        let start = deliveryStart.flatMap { $0.year == year ? $0.number : nil } ?? 1
        let months = 12 - start + 1
        return (max(0, min(months, period.number - start + 1)), months)
    }
    /// How much of `target` (the year's current target) the profile expects by the end of `period`.
    public func profiled(_ target: Pence, year: FinancialYear, through period: Period) -> Pence {
        let (elapsed, months) = profileFraction(year: year, through: period)
        return Pence(target.rawValue * Int64(elapsed) / Int64(max(1, months)))
    }

}

/// A rule of the domain that a value broke, in a sentence for the user.
public enum DomainError: KindedError, Equatable, Sendable {
    public var kind: ErrorKind { .badInput }

    case invalid(String)
    /// A named field is wrong (`holder`, `email`): each face words the field its own way (the
    /// command line as `--holder`, a page beside its field).
    case field(String, String)

    /// The sentence.
    public var explanation: String {
        switch self {
        case .invalid(let s): s
        case .field(let f, let s): "\(f): \(s)"
        }
    }
}
