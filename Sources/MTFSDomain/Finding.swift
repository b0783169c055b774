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
    case DC01, DC02, DC03, DC04, DC05, SL01, SL02, SL03, SL04, AC01, DQ01, DQ02, DQ03, DQ04, DQ05, SI01, SI02

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
        case .DQ04: "status-split-mismatch"
        case .DQ05: "no-forecast"
        case .SI01: "unforeseen-impact"
        case .SI02: "high-risk-silent"
        }
    }

    /// The finding in plain words, for the people who act on it (a budget holder, a councillor),
    /// with the code beside it for finance: "Behind its profile (SL01)".
    public var plainName: String {
        switch self {
        case .DC01: "Savings on a cost centre add up to more than its budget"
        case .DC02: "Two owners claim the same cost centre"
        case .DC03: "A cost centre claimed on both sides of a restructure"
        case .DC04: "Two proposals look like the same saving"
        case .DC05: "A replacement saving overlaps the one it replaces"
        case .SL01: "Behind its profile"
        case .SL02: "Forecast below target"
        case .SL03: "Slipped more than once"
        case .SL04: "Nothing delivered since its cost centre moved"
        case .AC01: "Owner no longer holds its cost centres"
        case .DQ01: "Missing from the latest return"
        case .DQ02: "RAG rating does not match the forecast"
        case .DQ03: "Amber or red with no mitigation"
        case .DQ04: "Money by status does not add up to the target"
        case .DQ05: "No forecast given"
        case .SI01: "A service impact nobody foresaw"
        case .SI02: "High risk, and no word on impacts"
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
        case .DQ04: "delivered + green + amber + red money differs from the current target by more than £1"
        case .DQ05: "a proposal with a target this year has no forecast though its owner has returned for the year"
        case .SI01: "a return reports a service impact not foreseen when the saving was risk-assessed"
        case .SI02: "a proposal rated High risk whose last three returns said nothing about impacts"
        }
    }
}

/// One thing the reconciliation found: what, how serious, where, how much, and a sentence for the CFO.
public struct Finding: Hashable, Sendable {
    public var code: FindingCode
    public var severity: Severity
    /// Proposal refs involved, sorted.
    public var refs: [ProposalRef]
    public var costCentre: CostCentreCode?
    public var year: FinancialYear?
    /// The amount at risk.
    public var amount: Pence
    /// The sentence for the CFO, as typed parts (amounts, years, proposals, cost centres) that each
    /// renderer writes its own way.
    public var sentence: FindingMessage
    /// The sentence in plain text.
    public var message: String { sentence.text }

    public init(
        code: FindingCode, severity: Severity, refs: [ProposalRef], costCentre: CostCentreCode? = nil, year: FinancialYear? = nil,
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

    /// The most serious first (critical before high), then as ``precedes(_:_:)``: the order a reader
    /// who must act on a few findings sees them in (the summary's top findings, a statement's).
    public static func mostSeriousFirst(_ a: Finding, _ b: Finding) -> Bool {
        a.severity != b.severity ? a.severity > b.severity : precedes(a, b)
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

/// The settings a ledger keeps (`mtfs settings KEY VALUE`), by the names users type.
public enum SettingKey: String, Sendable, CaseIterable {
    case behindProfilePercent = "behind-profile-percent"
    case behindProfileMinimum = "behind-profile-minimum"
    case ragForecastPercent = "rag-forecast-percent"
    case similarityPercent = "similarity-percent"
    case crossSimilarityPercent = "cross-similarity-percent"
    case confidenceBluePercent = "confidence-blue-percent"
    case confidenceGreenPercent = "confidence-green-percent"
    case confidenceAmberPercent = "confidence-amber-percent"
    case confidenceRedPercent = "confidence-red-percent"

    /// Reads a setting's name, or says which names there are.
    public init(parsing text: String) throws(DomainError) {
        guard let key = SettingKey(rawValue: text.trimmingSpaces().lowercased()) else {
            throw DomainError.invalid(
                "unknown setting \"\(text)\"; expected one of \(SettingKey.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = key
    }

    /// What it changes, and its default.
    public var meaning: String {
        switch self {
        case .behindProfilePercent: "SL01: flag delivery this far below profile (default 10%)"
        case .behindProfileMinimum: "SL01: and at least this amount below (default £10,000)"
        case .ragForecastPercent: "DQ02: Blue or Green needs a forecast of at least this share of target (default 95%)"
        case .similarityPercent: "DC04: titles at least this alike are compared (default 80%)"
        case .crossSimilarityPercent: "DC04 across directorates: same category and years, titles at least this alike (default 90%)"
        case .confidenceBluePercent: "summary: weight of a Blue forecast (default 100%)"
        case .confidenceGreenPercent: "summary: weight of a Green forecast (default 100%)"
        case .confidenceAmberPercent: "summary: weight of an Amber forecast (default 50%); a year with no forecast counts only what it delivered"
        case .confidenceRedPercent: "summary: weight of a Red forecast (default 0%)"
        }
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
    /// DC04: how alike two titles must be (shared words over all words, in basis points). Default 80%.
    public var similarityBasisPoints = 8_000
    /// DC04 across the programme (same category and target years, no service or cost centre in
    /// common): titles at least this alike. Default 90%, stricter than within a service.
    public var crossSimilarityBasisPoints = 9_000
    /// The summary's confidence in a forecast by RAG (basis points): Blue and Green 100%, Amber 50%, Red 0%.
    public var confidenceBasisPoints: [RAG: Int] = [.blue: 10_000, .green: 10_000, .amber: 5_000, .red: 0]

    public init() {}

    /// Whether delivery is behind profile by more than the tolerance (SL01): short by at least the
    /// minimum and by more than the percentage of the profile. Statements flag a variance the same way.
    public func isBehind(delivered: Pence, profile: Pence) -> Bool {
        let shortfall = profile - delivered
        return shortfall > .zero && shortfall >= behindProfileMinimum
            && Pence.productLess(profile.rawValue, Int64(behindProfileBasisPoints), than: shortfall.rawValue, 10_000)
    }

    /// Applies one setting from its text form.
    public mutating func set(_ key: SettingKey, _ value: String) throws(DomainError) {
        let name = key.rawValue
        switch key {
        case .behindProfilePercent: behindProfileBasisPoints = try ReconcileSettings.percent(value, key: name)
        case .ragForecastPercent: ragForecastBasisPoints = try ReconcileSettings.percent(value, key: name)
        case .similarityPercent: similarityBasisPoints = try ReconcileSettings.percent(value, key: name)
        case .crossSimilarityPercent: crossSimilarityBasisPoints = try ReconcileSettings.percent(value, key: name)
        case .confidenceBluePercent: confidenceBasisPoints[.blue] = try ReconcileSettings.percent(value, key: name)
        case .confidenceGreenPercent: confidenceBasisPoints[.green] = try ReconcileSettings.percent(value, key: name)
        case .confidenceAmberPercent: confidenceBasisPoints[.amber] = try ReconcileSettings.percent(value, key: name)
        case .confidenceRedPercent: confidenceBasisPoints[.red] = try ReconcileSettings.percent(value, key: name)
        case .behindProfileMinimum:
            do { behindProfileMinimum = try Pence(parsing: value) } catch { throw DomainError.invalid("\(name): \(error.explanation)") }
            if behindProfileMinimum.isNegative { throw DomainError.invalid("\(name) cannot be negative") }
        }
    }

    /// The value of a setting as text.
    public func value(_ key: SettingKey) -> String {
        switch key {
        case .behindProfilePercent: ReconcileSettings.formatPercent(behindProfileBasisPoints)
        case .behindProfileMinimum: behindProfileMinimum.formatted()
        case .ragForecastPercent: ReconcileSettings.formatPercent(ragForecastBasisPoints)
        case .similarityPercent: ReconcileSettings.formatPercent(similarityBasisPoints)
        case .crossSimilarityPercent: ReconcileSettings.formatPercent(crossSimilarityBasisPoints)
        case .confidenceBluePercent: ReconcileSettings.formatPercent(confidenceBasisPoints[.blue] ?? 0)
        case .confidenceGreenPercent: ReconcileSettings.formatPercent(confidenceBasisPoints[.green] ?? 0)
        case .confidenceAmberPercent: ReconcileSettings.formatPercent(confidenceBasisPoints[.amber] ?? 0)
        case .confidenceRedPercent: ReconcileSettings.formatPercent(confidenceBasisPoints[.red] ?? 0)
        }
    }

    static func percent(_ text: String, key: String) throws(DomainError) -> Int {
        var t = text.trimmingSpaces()
        if t.hasSuffix("%") { t.removeLast() }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), whole >= 0, parts[0].allSatisfy(\.isASCIIDigit),
            parts.count == 1 || (parts[1].count <= 2 && parts[1].allSatisfy(\.isASCIIDigit) && !parts[1].isEmpty)
        else { throw DomainError.invalid("\(key): expected a percentage such as 10% or 12.5%, found \"\(text)\"") }
        // Checked before it is multiplied: 99999999999999999% is refused, not an overflow.
        guard whole <= 100 else { throw DomainError.invalid("\(key): expected at most 100%, found \"\(text)\"") }
        var bp = whole * 100
        if parts.count == 2 { bp += Int(parts[1].count == 1 ? parts[1] + "0" : String(parts[1])) ?? 0 }
        guard bp <= 10_000 else { throw DomainError.invalid("\(key): expected at most 100%, found \"\(text)\"") }
        return bp
    }

    /// `10%`, `12.5%`.
    public static func formatPercent(_ bp: Int) -> String { CostCentreShare.formatPercent(bp) }
}
