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
    /// The year's money by status, when the return gave it (then the forecast and RAG follow from it).
    public var status: StatusMoney?
    public init(
        proposal: ProposalRef, year: FinancialYear, period: Period, forecast: Pence, rag: RAG, comment: String,
        actor: String, recordedAt: String, source: String, status: StatusMoney? = nil
    ) {
        self.status = status
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

/// The year's money by status, as councils report it (SPEC §5 v3): besides what is delivered,
/// what is on track (green), at risk (amber) and will not be delivered (red).
public struct StatusMoney: Hashable, Sendable, Codable {
    public var green: Pence
    public var amber: Pence
    public var red: Pence
    public init(green: Pence = .zero, amber: Pence = .zero, red: Pence = .zero) {
        self.green = green
        self.amber = amber
        self.red = red
    }

    /// What is expected by the year's end: delivered, on track and at risk.
    public func forecast(delivered: Pence) -> Pence { delivered + green + amber }

    /// What the status money adds up to with what is delivered (set against the target: DQ04).
    public func total(delivered: Pence) -> Pence { delivered + green + amber + red }

    /// The RAG of the largest undelivered part (a tie goes to the worse rating); with nothing
    /// undelivered, Blue when the year's target is delivered, else Red (nothing said to be coming).
    public func rag(delivered: Pence, target: Pence) -> RAG {
        let largest = max(green, amber, red)
        if largest.isZero || largest.isNegative { return delivered >= target ? .blue : .red }
        return red == largest ? .red : amber == largest ? .amber : .green
    }

    /// The weighted expectation of the undelivered money, given each rating's weight in basis points.
    public func weighted(_ basisPoints: [RAG: Int]) -> Pence {
        [(green, RAG.green), (amber, .amber), (red, .red)].reduce(Pence.zero) { sum, part in
            sum + part.0.scaled(by: Int64(basisPoints[part.1] ?? 0), over: 10_000)
        }
    }
}
