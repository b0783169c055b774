/// Where a slice of the programme stands: SPEC §8's balance columns, in pence.
public struct Position: Hashable, Sendable, Codable {
    public var originalTarget: Pence = .zero
    public var slippedIn: Pence = .zero
    public var slippedOut: Pence = .zero
    public var unachievable: Pence = .zero
    public var delivered: Pence = .zero
    /// What is still planned: the ledger's own balance, which must equal ``remaining``.
    public var planned: Pence = .zero

    public init() {}

    /// original + slipped in − slipped out − unachievable.
    public var currentTarget: Pence { originalTarget + slippedIn - slippedOut - unachievable }
    /// current target − delivered.
    public var remaining: Pence { currentTarget - delivered }
    /// Net slipped out (positive when target moved away from this slice).
    public var netSlipped: Pence { slippedOut - slippedIn }

    /// Adds another slice into this one.
    public static func += (a: inout Position, b: Position) {
        a.originalTarget += b.originalTarget
        a.slippedIn += b.slippedIn
        a.slippedOut += b.slippedOut
        a.unachievable += b.unachievable
        a.delivered += b.delivered
        a.planned += b.planned
    }
}

/// A position of one proposal, year and cost centre: the grain the ledger aggregates to.
public struct PositionLine: Hashable, Sendable {
    public var proposal: ProposalRef
    public var year: FinancialYear
    public var costCentre: CostCentreCode
    public var position: Position
    public init(proposal: ProposalRef, year: FinancialYear, costCentre: CostCentreCode, position: Position) {
        self.proposal = proposal
        self.year = year
        self.costCentre = costCentre
        self.position = position
    }

    /// Report order: by proposal, then year, then cost centre.
    public static func precedes(_ a: PositionLine, _ b: PositionLine) -> Bool {
        a.proposal != b.proposal ? a.proposal < b.proposal : (a.year != b.year ? a.year < b.year : a.costCentre < b.costCentre)
    }
}

extension Array where Element == PositionLine {
    /// The lines summed over cost centres, by proposal and then year.
    public func byProposalYear() -> [ProposalRef: [FinancialYear: Position]] {
        var out: [ProposalRef: [FinancialYear: Position]] = [:]
        for line in self { out[line.proposal, default: [:]][line.year, default: Position()] += line.position }
        return out
    }
}

/// A forecast with its RAG and comment, as recorded for a proposal, year and period.
public struct ForecastRecord: Hashable, Sendable {
    public var proposal: ProposalRef
    public var year: FinancialYear
    public var period: Period
    public var forecast: Pence
    public var rag: RAG
    public var comment: String
    public var actor: String
    public var recordedAt: String
    public var source: String
    public init(
        proposal: ProposalRef, year: FinancialYear, period: Period, forecast: Pence, rag: RAG, comment: String,
        actor: String, recordedAt: String, source: String
    ) {
        self.proposal = proposal
        self.year = year
        self.period = period
        self.forecast = forecast
        self.rag = rag
        self.comment = comment
        self.actor = actor
        self.recordedAt = recordedAt
        self.source = source
    }
}
