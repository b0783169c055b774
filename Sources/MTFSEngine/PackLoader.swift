import Dispatch
import MTFSDomain
import MTFSStore

/// What a load or import did, for the user and for tests.
public struct LoadSummary: Sendable, Equatable {
    public var costCentres = 0
    public var baselines = 0
    public var proposals = 0
    public var approvals = 0
    /// The savings approved (positive targets), and what falls out of later years (negative ones).
    public var approvedTotal = Pence.zero
    public var fallsOutTotal = Pence.zero
    /// The savings approved in each fund but the General Fund (funds are never added together
    /// without saying so, SPEC §5 v3).
    public var approvedByFund: [String: Pence] = [:]
    public var restructures = 0
    public var adjustments = 0
    public var impacts = 0
    /// Return lines that reported a service impact.
    public var impactsReported = 0
    public var returnFiles = 0
    public var deliveries = 0
    public var reductions = 0
    public var deliveredChange = Pence.zero
    public var forecasts = 0
    /// Lines of a return that said what the ledger already held as at their month (nil returns:
    /// counted as returned, nothing posted, no figure recorded again).
    public var unchangedRows = 0
    /// Delivery changes to a month before a later month's own return: posted as at their month and
    /// undone at the later return's, so the net change now is nil (SPEC §3.1).
    public var priorPeriodCorrections = 0
    /// Return lines recorded: a month's line is recorded once, so importing the same return again records none.
    public var returnLines = 0
    /// Holders the pack named by a name they no longer go by (what it gave them is theirs), said.
    public var earlierNames: [String] = []
    public init() {}

    /// "(net £X as at its month)", and the prior-period corrections among the movements, in words.
    public var deliveredText: String {
        priorPeriodCorrections == 0
            ? "net \(deliveredChange)"
            : "net \(deliveredChange) as at its month; \(priorPeriodCorrections) of them \(priorPeriodCorrections == 1 ? "is a prior-period correction" : "are prior-period corrections"), undone where a later month's return stands"
    }

    /// Whether anything was written.
    public var changedAnything: Bool {
        costCentres + baselines + proposals + approvals + restructures + adjustments + impacts + deliveries + reductions + forecasts + returnLines > 0
    }
}

/// Reports progress of a long load: a phase, and how far through it.
public typealias LoadProgress = (_ phase: String, _ done: Int, _ total: Int) -> Void

/// Applies parsed packs and returns to a ledger, all-or-nothing, turning every refusal into an error
/// that names the file, line and column it came from.
public struct PackLoader {
    public let ledger: Ledger
    /// Who is loading, and when; each row's source is filled in from its file and line.
    public let actor: String
    public let recordedAt: String
    /// Whom the load is done for (`--as`), recorded beside `actor` on every row (SPEC §3.3).
    public let onBehalfOf: String?
    public var progress: LoadProgress?

    public init(ledger: Ledger, actor: String, recordedAt: String, onBehalfOf: String? = nil, progress: LoadProgress? = nil) {
        self.ledger = ledger
        self.actor = actor
        self.recordedAt = recordedAt
        self.onBehalfOf = onBehalfOf
        self.progress = progress
    }

    /// Who did it, for the row at `at`: the login, whom for, when, and the file and line (or cell, or field).
    public init(ledger: Ledger, by who: Provenance, progress: LoadProgress? = nil) {
        self.init(ledger: ledger, actor: who.actor, recordedAt: who.recordedAt, onBehalfOf: who.onBehalfOf, progress: progress)
    }

    func who(_ at: SourceLocation) -> Provenance {
        Provenance(actor: actor, recordedAt: recordedAt, source: at.source, onBehalfOf: onBehalfOf)
    }

    /// The pack column (SPEC §4) each field a rule names is read from.
    static let columns = [
        "title": "title", "owner": "owner", "directorate": "directorate", "fund": "fund", "category": "category", "portfolio": "portfolio",
        "portfolio holder": "portfolio_holder", "priority": "priority", "cost centre code": "cost_centre", "cost centre name": "name",
        "service": "service", "budget holder": "budget_holder", "reason": "reason", "comment": "comment", "impact": "impact",
        "mitigation": "mitigation",
    ]

    /// A ref as the ledger spells it (a file may write `place 13` for `Place 13`), or the file's
    /// line refused naming its ref column.
    func ref(_ given: ProposalRef, at location: SourceLocation) throws -> ProposalRef {
        guard let ref = try ledger.books.ref(matching: given) else { throw InputError(location.withColumn("ref"), "unknown proposal ref \(given)") }
        return ref
    }

    /// Runs a ledger operation for a row, so any refusal names the row and `column`, or the column
    /// of the field the rule names (a bad title is the title's cell).
    @discardableResult
    func at<T>(_ location: SourceLocation, column: String? = nil, _ body: () throws -> T) throws -> T {
        do { return try body() } catch {
            let sentence: String
            var column = column
            switch error {
            // The file itself (unusable, busy, its head log) is no fault of the cell: said as it is.
            case let e as LedgerError where e.kind == .unusable || e.kind == .integrity: throw e
            case let e as LedgerError:
                sentence = e.explanation
                // A field the rule names is the cell at fault (a bad title is the title's cell).
                if case .badField(let field, _) = e, let named = PackLoader.columns[field] { column = named }
            case let e as DomainError: sentence = e.explanation
            default: throw error
            }
            throw InputError(column.map(location.withColumn) ?? location, sentence)
        }
    }

    /// Loads a whole pack in one transaction: nothing is written unless all of it is. The pack is
    /// taken over, and each part let go once it is written (a million-entry pack's rows are a large
    /// part of a load's memory); pass it as the last use of its variable for that to take effect.
    public func load(_ pack: consuming ParsedPack) throws -> LoadSummary {
        var pack = pack
        return try ledger.bulk { try apply(&pack) }
    }

    /// Imports one monthly return in one transaction.
    public func importReturn(_ ret: ParsedReturn) throws -> LoadSummary {
        try ledger.bulk {
            var summary = LoadSummary()
            try apply(ret, into: &summary)
            summary.returnFiles = 1
            return summary
        }
    }

    /// What importing `ret` would post, without posting it: the import runs in full — every rule,
    /// every refusal — inside a transaction that is then rolled back, so the preview is exactly
    /// what the import will do against the ledger as it stands.
    public func preview(_ ret: ParsedReturn) throws -> (summary: LoadSummary, entries: [JournalEntry]) {
        struct RolledBack: Error {
            let summary: LoadSummary
            let entries: [JournalEntry]
        }
        let tip = try ledger.journal.lastEntryID()
        do {
            _ = try ledger.bulk {
                var summary = LoadSummary()
                try apply(ret, into: &summary)
                summary.returnFiles = 1
                throw RolledBack(summary: summary, entries: try ledger.journal.entries(after: tip))
            }
        } catch let done as RolledBack {
            return (done.summary, done.entries)
        }
        throw LedgerError.integrity("a preview did not finish")
    }

    private func apply(_ pack: inout ParsedPack) throws -> LoadSummary {
        var summary = LoadSummary()
        summary.earlierNames = try ledger.holders.register().earlierNames(
            in: pack.organisation.map(\.holder) + pack.proposals.map(\.proposal.owner) + pack.restructures.compactMap(\.holder))
        let existing = try ledger.books.window()
        if let years = pack.years {
            if let existing, years.first != existing.first {
                throw InputError(
                    SourceLocation(file: pack.name + "/proposals.csv", line: 1),
                    "the pack's years start in \(years.first) but the ledger's MTFS starts in \(existing.first); a pack may extend the window forwards, never backwards"
                )
            }
            // Same first year; the window only ever grows at the end.
            try ledger.books.setWindow(
                YearRange(first: years.first, last: max(existing?.last ?? years.last, years.last)),
                by: who(SourceLocation(file: pack.name + "/proposals.csv", line: 1)))
        } else if existing == nil {
            throw InputError(file: pack.name, "the ledger has no MTFS years and the pack has no proposals.csv to take them from")
        }
        let window = try ledger.books.requireWindow()
        let start = window.first.firstDay

        for (i, row) in pack.organisation.enumerated() {
            try at(row.at, column: "cost_centre") {
                try ledger.books.addCostCentre(
                    row.costCentre,
                    assignment: Assignment(
                        costCentre: row.costCentre.code, effective: start, service: row.service,
                        directorate: row.directorate, budgetHolder: row.holder, model: row.model,
                        reason: "operating model at the start of the MTFS"), by: who(row.at))
            }
            summary.costCentres += 1
            if i % 1000 == 0 { progress?("organisation", i, pack.organisation.count) }
        }
        pack.organisation = []
        for row in pack.baselines {
            try at(row.at, column: "cost_centre") { try ledger.books.requireCostCentre(row.costCentre) }
            try at(row.at, column: "year") {
                try ledger.books.addBaseline(costCentre: row.costCentre, year: row.year, netBudget: row.amount, by: who(row.at))
            }
            summary.baselines += 1
        }

        pack.baselines = []
        // Proposals in ref order (a replaced proposal goes before the one replacing it), so a pack
        // exported from a ledger loads back into an identical journal.
        var pending = pack.proposals.sorted { $0.proposal.ref < $1.proposal.ref }
        let proposalCount = pack.proposals.count
        pack.proposals = []
        var known = Set(try ledger.books.proposals().map(\.ref))
        let inPack = Set(pending.map(\.proposal.ref))
        var done = 0
        while !pending.isEmpty {
            var next: [ParsedPack.ProposalRow] = []
            for row in pending {
                if let r = row.proposal.replaces, !known.contains(r), inPack.contains(r) {
                    next.append(row)
                    continue
                }
                for share in row.proposal.costCentres {
                    try at(row.at, column: "cost_centres") { try ledger.books.requireCostCentre(share.costCentre) }
                }
                if let replaced = row.proposal.replaces, !known.contains(replaced) {
                    throw InputError(
                        row.at.withColumn("replaces"),
                        "proposal \(row.proposal.ref) replaces \(replaced), which is neither in the pack nor in the ledger")
                }
                _ = try at(row.at, column: "ref") {
                    try ledger.books.addProposal(row.proposal, targets: [:], effective: start, reason: "MTFS approval", by: who(row.at))
                }
                // Its fund as the ledger keeps it ("hra" is HRA), for the summary's totals by fund.
                let fund = try ledger.books.proposal(row.proposal.ref)?.fund ?? row.proposal.fund
                for (year, amount) in row.targets.sorted(by: { $0.key < $1.key }) {
                    try at(row.at, column: row.yearColumns[year]) {
                        try ledger.books.record(
                            .approve(year: year, amount: amount), on: row.proposal.ref, effective: start, reason: "MTFS approval",
                            by: who(row.at))
                    }
                    summary.approvals += 1
                    if amount.isNegative { summary.fallsOutTotal += amount.magnitude } else { summary.approvedTotal += amount }
                    if !amount.isNegative, fund != Proposal.generalFund { summary.approvedByFund[fund, default: .zero] += amount }
                }
                known.insert(row.proposal.ref)
                summary.proposals += 1
                done += 1
                if done % 500 == 0 { progress?("proposals", done, proposalCount) }
            }
            if next.count == pending.count {
                let row = next[0]
                throw InputError(row.at.withColumn("replaces"), "proposal \(row.proposal.ref) and the proposals it replaces form a cycle")
            }
            pending = next
        }

        // The impacts identified when each saving was risk-assessed.
        for (given, at) in pack.impacts {
            var impact = given
            impact.ref = try ref(given.ref, at: at)
            try self.at(at, column: "impact") { try ledger.books.addImpact(impact, by: who(at)) }
            summary.impacts += 1
        }
        pack.impacts = []

        // Then everything dated, in date order: restructures, then adjustments, then returns (at their period end).
        enum Event {
            case restructure(ParsedPack.RestructureRow)
            case adjustment(ParsedPack.AdjustmentRow)
            case ret(PackReturn)
        }
        var events: [(CivilDate, Int, Int, Event)] = []
        for (i, r) in pack.restructures.enumerated() { events.append((r.effective, 0, i, .restructure(r))) }
        for (i, a) in pack.adjustments.enumerated() { events.append((a.date, 1, i, .adjustment(a))) }
        for (i, r) in pack.returns.enumerated() { events.append((r.period.lastDay, 2, i, .ret(r))) }
        pack.restructures = []
        pack.adjustments = []
        events.sort { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        let ahead = ReadAhead(events.compactMap { if case .ret(let r) = $0.3 { r } else { nil } })
        for (n, (_, _, _, event)) in events.enumerated() {
            switch event {
            case .restructure(let r):
                try applyRestructure(r)
                summary.restructures += 1
            case .adjustment(var a):
                a.ref = try ref(a.ref, at: a.at)
                try at(a.at, column: "year") { try ledger.books.checkInWindow(a.movement.year) }
                if let to = a.movement.toYear { try at(a.at, column: "to_year") { try ledger.books.checkInWindow(to) } }
                try at(a.at, column: "amount") {
                    try ledger.books.record(a.movement, on: a.ref, effective: a.date, reason: a.reason, by: who(a.at))
                }
                summary.adjustments += 1
            case .ret:
                try apply(try ahead.next(), into: &summary)
                summary.returnFiles += 1
            }
            progress?("events", n + 1, events.count)
        }
        return summary
    }

    private func applyRestructure(_ r: ParsedPack.RestructureRow) throws {
        // The code as the ledger spells it (`peo-csc-0412` is PEO-CSC-0412).
        let code = try ledger.books.costCentre(matching: r.costCentre) ?? r.costCentre
        let model = try ledger.organisation.operatingModel(of: code)
        guard let current = model.assignment(of: code, on: r.effective) else {
            if model.original(of: code) == nil {
                throw InputError(r.at.withColumn("cost_centre"), "unknown cost centre \(r.costCentre)")
            }
            throw InputError(r.at.withColumn("effective"), "cost centre \(r.costCentre) was not set up by \(r.effective)")
        }
        let next = Assignment(
            costCentre: code, effective: r.effective, service: r.service ?? current.service,
            directorate: r.directorate ?? current.directorate, budgetHolder: r.holder ?? current.budgetHolder,
            model: r.model ?? current.model, reason: r.reason)
        try at(r.at, column: "effective") { try ledger.books.restructure(next, by: who(r.at)) }
    }

    private func apply(_ ret: ParsedReturn, into summary: inout LoadSummary) throws {
        do { try ledger.books.checkPeriodInWindow(ret.period) } catch let e as LedgerError { throw InputError(file: ret.file, e.explanation) }
        // Rows in ref and year order, so the same return always writes the same journal.
        let rows = ret.rows.sorted { ($0.ref, $0.year) < ($1.ref, $1.year) }
        // What the ledger already holds as at the period, from this month or an earlier one: a line
        // that says the same again is a nil return (SPEC §5 v3) — it counts as returned, but no
        // forecast is recorded again, so an untouched template posts nothing. (One from this month
        // itself is also what a template's untouched forecast cell is checked against.)
        var standing: [ProposalYear: ForecastRecord] = [:]
        try ledger.returns.latestForecasts(asOf: ret.period, provenance: false) { standing[ProposalYear($0.proposal, $0.year)] = $0 }
        for (i, given) in rows.enumerated() {
            var row = given
            row.ref = try ref(given.ref, at: given.at)
            try at(row.at, column: "year") { try ledger.books.checkInWindow(row.year) }
            // A template's cell left as it was, where the ledger has moved on since the template was
            // made: importing it would set a later figure back, so it is refused, naming the cell.
            let key = ProposalYear(row.ref, row.year)
            if let original = ret.originals[key] {
                let delivered = try ledger.books.balance(of: row.ref, .delivered, row.year, asAt: ret.period)
                if row.deliveredToDate == original.delivered && delivered != original.delivered {
                    throw InputError(
                        row.at.withColumn("delivered_to_date"),
                        "this cell is as the template had it (\(original.delivered)), but the ledger now holds \(delivered) for \(row.ref) \(row.year) as at \(ret.period): the figures changed after the template was made; type the figure you mean, or make a fresh template")
                }
                if let f = original.forecast, row.forecast == f, let now = standing[key], now.period == ret.period, now.forecast != f {
                    throw InputError(
                        row.at.withColumn("forecast"),
                        "this cell is as the template had it (\(f)), but a forecast of \(now.forecast) was recorded for \(row.ref) \(row.year) in \(ret.period) after the template was made; type the forecast you mean, or make a fresh template")
                }
            }
            var changed = false
            let by = who(row.at)
            // The return speaks for its own period: its figure is set as at the period's end, and
            // any later period's own return keeps its figure (SPEC §3.1). A blank cell is not
            // reported: the figure that stood is kept and nothing is posted.
            let delivered: Pence
            if let typed = row.deliveredToDate {
                let change = try at(row.at, column: "delivered_to_date") {
                    try ledger.books.setDelivered(
                        ref: row.ref, year: row.year, to: typed, asAt: ret.period,
                        reason: { "monthly return \(ret.period): delivered to date \(typed) (was \($0))" }, by: by)
                }
                if !change.isZero {
                    if change.isNegative { summary.reductions += 1 } else { summary.deliveries += 1 }
                    summary.deliveredChange += change
                    changed = true
                    // Undone where a later month's return stands: a prior-period correction.
                    if try ledger.books.nextReturn(ref: row.ref, year: row.year, after: ret.period) != nil { summary.priorPeriodCorrections += 1 }
                }
                delivered = typed
            } else {
                delivered = try ledger.books.balance(of: row.ref, .delivered, row.year, asAt: ret.period)
            }
            var forecast = row.forecast, rag = row.rag
            if row.status == nil, (forecast == nil) != (rag == nil) {
                // One of the two given: the other is the one that stands (a RAG re-rates the forecast).
                guard let now = standing[key] else {
                    throw InputError(
                        row.at.withColumn(forecast == nil ? "forecast" : "rag"),
                        "no forecast stands for \(row.ref) \(row.year) yet, so give both a forecast and a RAG rating (or neither)")
                }
                forecast = forecast ?? now.forecast
                rag = rag ?? now.rag
            }
            if let status = row.status {
                (forecast, rag) = try statusForecast(row, status, delivered: delivered, period: ret.period)
            }
            if let forecast, let rag {
                let previous = standing[key]
                // A line without money by status that gives the standing forecast and RAG confirms it:
                // the status split it was worked out from stands (a plain template, returned untouched,
                // after a return by status posts nothing).
                let restated = previous.map { $0.forecast == forecast && $0.rag == rag && $0.comment == row.comment } ?? false
                if !restated || (row.status != nil && previous?.status != row.status) {
                    try at(row.at, column: row.status == nil ? "forecast" : "green") {
                        try ledger.books.recordForecast(
                            ref: row.ref, year: row.year, period: ret.period, forecast: forecast, rag: rag,
                            comment: row.comment, status: row.status, by: by)
                    }
                    summary.forecasts += 1
                    changed = true
                }
            }
            if try ledger.books.recordReturnLine(
                ref: row.ref, year: row.year, period: ret.period, deliveredToDate: delivered, deliveredBlank: row.deliveredToDate == nil,
                forecast: row.forecast, rag: row.rag, status: row.status, comment: row.comment, impact: row.impact, by: by)
            {
                summary.returnLines += 1
            }
            // A service impact reported is news, never a nil return.
            if row.impact != nil {
                changed = true
                summary.impactsReported += 1
            }
            if !changed { summary.unchangedRows += 1 }
            if i % 1000 == 0 { progress?("return \(ret.period.monthText)", i, rows.count) }
        }
    }
}

extension PackLoader {
    /// The forecast and RAG a line's money by status gives (SPEC §5 v3): delivered + green + amber,
    /// rated as the largest undelivered part. A forecast or RAG typed beside it must agree (within
    /// £1 for the forecast, as councils round), or the cell is named.
    func statusForecast(_ row: ParsedReturn.Row, _ status: StatusMoney, delivered: Pence, period: Period) throws -> (Pence, RAG) {
        let implied = status.forecast(delivered: delivered)
        if let typed = row.forecast, (typed - implied).magnitude > Pence.pounds(1) {
            throw InputError(
                row.at.withColumn("forecast"),
                "the forecast \(typed) differs from delivered \(delivered) + green \(status.green) + amber \(status.amber) = \(implied); leave the forecast blank or make them agree")
        }
        let target =
            try ledger.books.balance(of: row.ref, .planned, row.year, asAt: period) + ledger.books.balance(of: row.ref, .delivered, row.year, asAt: period)
        let derived = status.rag(delivered: delivered, target: target)
        if let typed = row.rag, typed != derived {
            throw InputError(
                row.at.withColumn("rag"),
                "the RAG \(typed.name) differs from \(derived.name), the rating of the largest part not yet delivered (green \(status.green), amber \(status.amber), red \(status.red)); leave the RAG blank or make them agree")
        }
        return (implied, derived)
    }
}

extension SourceLocation {
    /// The same row, at `column`: for a sheet's row, that column's cell (`Return!E7`).
    func withColumn(_ column: String) -> SourceLocation {
        var l = self
        l.column = column
        if case .cell(let sheet, let cell) = place, let i = sheetColumns?[column] {
            let row = cell.drop { !("0"..."9").contains($0) }
            l.place = .cell(sheet: sheet, cell: WorkbookSheet.reference(column: i, row: Int(row) ?? 1))
        }
        return l
    }
}

/// A pack's monthly returns read one ahead, on another core, while the month before is written:
/// reading a month and writing one are independent until it is applied. At most two months are
/// in memory at once.
final class ReadAhead: @unchecked Sendable {
    private let returns: [PackReturn]
    /// The month `next()` gives next, and its reading under way.
    private var position = 0
    private var pending: (group: DispatchGroup, result: Slots<Result<ParsedReturn, InputError>>)?

    init(_ returns: [PackReturn]) {
        self.returns = returns
        start()
    }

    private func start() {
        guard position < returns.count else {
            pending = nil
            return
        }
        let group = DispatchGroup()
        let result = Slots<Result<ParsedReturn, InputError>>(count: 1)
        let r = returns[position]
        DispatchQueue.global(qos: .userInitiated).async(group: group) {
            result[0] = Result { () throws(InputError) in try r.read() }
        }
        pending = (group, result)
    }

    /// The next month, in the order given (one call a month).
    func next() throws(InputError) -> ParsedReturn {
        guard let p = pending else { return try returns[position].read() }
        p.group.wait()
        let month = returns[position]
        position += 1
        start()
        guard let result = p.result[0] else { return try month.read() }
        return try result.get()
    }
}
