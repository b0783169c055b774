/// How serious a reconciliation finding is.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case low, medium, high, critical

    public static func < (a: Severity, b: Severity) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }

    /// Reads `critical`, `high`, `medium` or `low`.
    public init(parsing text: String) throws(DomainError) {
        guard let s = Severity(rawValue: text.trimmingSpaces().lowercased()) else {
            throw DomainError.invalid("expected a severity of critical, high, medium or low, found \"\(text)\"")
        }
        self = s
    }
}

/// The pinned reconciliation codes of SPEC §6.
public enum FindingCode: String, Sendable, Codable, CaseIterable {
    case DC01, DC02, DC03, DC04, DC05, SL01, SL02, SL03, SL04, AC01, DQ01, DQ02, DQ03

    /// The code's name: `baseline-overclaim`, …
    public var name: String {
        switch self {
        case .DC01: "baseline-overclaim"
        case .DC02: "shared-cost-centre"
        case .DC03: "restructure-overlap"
        case .DC04: "similar-proposals"
        case .DC05: "replacement-overlap"
        case .SL01: "behind-profile"
        case .SL02: "forecast-shortfall"
        case .SL03: "repeated-slippage"
        case .SL04: "stalled-after-restructure"
        case .AC01: "orphaned-owner"
        case .DQ01: "stale-return"
        case .DQ02: "rag-mismatch"
        case .DQ03: "missing-mitigation"
        }
    }

    /// What the code means, for the README and `reconcile --help`.
    public var meaning: String {
        switch self {
        case .DC01: "savings claimed on a cost centre in a year exceed its baseline (ongoing savings count in every later year)"
        case .DC02: "two or more proposals with different owners claim the same cost centre in the same year"
        case .DC03: "a cost centre moved in a restructure and proposals owned on both sides of the move claim it in the same year"
        case .DC04: "two proposals look like the same saving (similar titles, shared cost centres or service, same years)"
        case .DC05:
            "a proposal that replaces another has a target in a year in which the replaced proposal still has planned target"
        case .SL01: "delivered to date is below the profiled amount by more than the tolerance"
        case .SL02: "the forecast for the year is below the current target"
        case .SL03: "the proposal's target has been slipped more than once"
        case .SL04: "a cost centre of the proposal moved and no delivery has been logged since the move"
        case .AC01: "after a restructure the owner holds none of the proposal's cost centres"
        case .DQ01: "no return for the proposal in the latest period that has returns"
        case .DQ02: "RAG is Blue or Green while the forecast is below the threshold of target, or Red while the forecast meets it"
        case .DQ03: "RAG is Amber or Red and the return gives no mitigation comment"
        }
    }
}

/// One thing the reconciliation found: what, how serious, where, how much, and a sentence for the CFO.
public struct Finding: Hashable, Sendable {
    public var code: FindingCode
    public var severity: Severity
    /// Proposal refs involved, sorted.
    public var refs: [String]
    public var costCentre: String?
    public var year: FinancialYear?
    /// The amount at risk.
    public var amount: Pence
    /// The sentence for the CFO, as typed parts (amounts, years, proposals, cost centres) that each
    /// renderer writes its own way.
    public var sentence: FindingMessage
    /// The sentence in plain text.
    public var message: String { sentence.text }

    public init(
        code: FindingCode, severity: Severity, refs: [String], costCentre: String? = nil, year: FinancialYear? = nil,
        amount: Pence, message: FindingMessage
    ) {
        self.code = code
        self.severity = severity
        self.refs = refs.sorted()
        self.costCentre = costCentre
        self.year = year
        self.amount = amount
        self.sentence = message
    }

    /// Most money at risk first; then the more severe; then by code, refs, cost centre and year so the order is stable.
    public static func precedes(_ a: Finding, _ b: Finding) -> Bool {
        if a.amount != b.amount { return a.amount > b.amount }
        if a.severity != b.severity { return a.severity > b.severity }
        if a.code != b.code { return a.code.rawValue < b.code.rawValue }
        if a.refs != b.refs { return a.refs.lexicographicallyPrecedes(b.refs) }
        if a.costCentre != b.costCentre { return (a.costCentre ?? "") < (b.costCentre ?? "") }
        return (a.year?.startYear ?? 0) < (b.year?.startYear ?? 0)
    }
}

/// The reconciliation's tolerances (SPEC §6 defaults), settable per ledger and per run.
public struct ReconcileSettings: Hashable, Sendable {
    /// SL01: how far below profile (in basis points of the profile) before it is flagged. Default 10%.
    public var behindProfileBasisPoints = 1_000
    /// SL01: and at least this much below. Default £10,000.
    public var behindProfileMinimum = Pence.pounds(10_000)
    /// DQ02: Blue or Green needs a forecast of at least this share of target. Default 95%.
    public var ragForecastBasisPoints = 9_500
    /// DC04: how alike two titles must be (shared words over all words, in basis points). Default 50%.
    public var similarityBasisPoints = 5_000
    /// DC04 across the programme (same category and target years, no service or cost centre in
    /// common): titles at least this alike. Default 75%, stricter than within a service.
    public var crossSimilarityBasisPoints = 7_500
    /// The summary's confidence in a forecast by RAG (basis points): Blue and Green 100%, Amber 50%, Red 0%.
    public var confidenceBasisPoints: [RAG: Int] = [.blue: 10_000, .green: 10_000, .amber: 5_000, .red: 0]

    public init() {}

    /// The setting keys, their meanings and how they print.
    public static let keys: [(key: String, meaning: String)] = [
        ("behind-profile-percent", "SL01: flag delivery this far below profile (default 10%)"),
        ("behind-profile-minimum", "SL01: and at least this amount below (default £10,000)"),
        ("rag-forecast-percent", "DQ02: Blue or Green needs a forecast of at least this share of target (default 95%)"),
        ("similarity-percent", "DC04: titles at least this alike are compared (default 50%)"),
        ("cross-similarity-percent", "DC04 across directorates: same category and years, titles at least this alike (default 75%)"),
        ("confidence-blue-percent", "summary: weight of a Blue forecast (default 100%)"),
        ("confidence-green-percent", "summary: weight of a Green forecast (default 100%)"),
        ("confidence-amber-percent", "summary: weight of an Amber forecast, or of none (default 50%)"),
        ("confidence-red-percent", "summary: weight of a Red forecast (default 0%)"),
    ]

    /// Applies one setting from its text form.
    public mutating func set(_ key: String, _ value: String) throws(DomainError) {
        switch key {
        case "behind-profile-percent": behindProfileBasisPoints = try ReconcileSettings.percent(value, key: key)
        case "rag-forecast-percent": ragForecastBasisPoints = try ReconcileSettings.percent(value, key: key)
        case "similarity-percent": similarityBasisPoints = try ReconcileSettings.percent(value, key: key)
        case "cross-similarity-percent": crossSimilarityBasisPoints = try ReconcileSettings.percent(value, key: key)
        case "confidence-blue-percent": confidenceBasisPoints[.blue] = try ReconcileSettings.percent(value, key: key)
        case "confidence-green-percent": confidenceBasisPoints[.green] = try ReconcileSettings.percent(value, key: key)
        case "confidence-amber-percent": confidenceBasisPoints[.amber] = try ReconcileSettings.percent(value, key: key)
        case "confidence-red-percent": confidenceBasisPoints[.red] = try ReconcileSettings.percent(value, key: key)
        case "behind-profile-minimum":
            do { behindProfileMinimum = try Pence(parsing: value) } catch { throw DomainError.invalid("\(key): \(error.explanation)") }
            if behindProfileMinimum.isNegative { throw DomainError.invalid("\(key) cannot be negative") }
        default:
            throw DomainError.invalid(
                "unknown setting \"\(key)\"; expected one of \(ReconcileSettings.keys.map(\.key).joined(separator: ", "))")
        }
    }

    /// The value of a setting as text.
    public func value(_ key: String) -> String {
        switch key {
        case "behind-profile-percent": ReconcileSettings.formatPercent(behindProfileBasisPoints)
        case "behind-profile-minimum": behindProfileMinimum.formatted()
        case "rag-forecast-percent": ReconcileSettings.formatPercent(ragForecastBasisPoints)
        case "similarity-percent": ReconcileSettings.formatPercent(similarityBasisPoints)
        case "cross-similarity-percent": ReconcileSettings.formatPercent(crossSimilarityBasisPoints)
        case "confidence-blue-percent": ReconcileSettings.formatPercent(confidenceBasisPoints[.blue] ?? 0)
        case "confidence-green-percent": ReconcileSettings.formatPercent(confidenceBasisPoints[.green] ?? 0)
        case "confidence-amber-percent": ReconcileSettings.formatPercent(confidenceBasisPoints[.amber] ?? 0)
        case "confidence-red-percent": ReconcileSettings.formatPercent(confidenceBasisPoints[.red] ?? 0)
        default: ""
        }
    }

    static func percent(_ text: String, key: String) throws(DomainError) -> Int {
        var t = text.trimmingSpaces()
        if t.hasSuffix("%") { t.removeLast() }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), whole >= 0, parts[0].allSatisfy(\.isASCIIDigit),
            parts.count == 1 || (parts[1].count <= 2 && parts[1].allSatisfy(\.isASCIIDigit) && !parts[1].isEmpty)
        else { throw DomainError.invalid("\(key): expected a percentage such as 10% or 12.5%, found \"\(text)\"") }
        var bp = whole * 100
        if parts.count == 2 { bp += Int(parts[1].count == 1 ? parts[1] + "0" : String(parts[1])) ?? 0 }
        guard bp <= 10_000 else { throw DomainError.invalid("\(key): expected at most 100%, found \"\(text)\"") }
        return bp
    }

    /// `10%`, `12.5%`.
    public static func formatPercent(_ bp: Int) -> String { CostCentreShare.formatPercent(bp) }
}
