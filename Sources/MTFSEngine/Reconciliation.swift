import MTFSDomain
import MTFSStore

/// Everything the reconciliation looks at, as the books stood at the end of one period.
public struct ReconciliationInput: Sendable {
    public var window: YearRange
    public var asOf: Period
    public var proposals: [Proposal]
    public var model: OperatingModel
    public var names: [CostCentreCode: String]
    public var baselines: [CostCentreCode: [FinancialYear: Pence]]
    public var lines: [PositionLine]
    /// The latest forecast of each proposal and year.
    public var forecasts: [ProposalYear: ForecastRecord]
    /// For each proposal and year missing from its directorate's latest return, the period of its last return.
    public var lastReturns: [ProposalYear: Period]
    /// Each directorate's latest period with returns (by the as-of period), and what was reported in it.
    public var directorateReturns: [String: (period: Period, reported: Set<ProposalYear>)] = [:]
    /// The period each proposal's returns are judged at (SPEC §6 v3: its owner's latest return, or
    /// its directorate's latest return made together, whichever is later), and whether it was the
    /// directorate's; SL01, SL02 and DQ01 judge the proposal there.
    public var judgedAt: [ProposalRef: (period: Period, byDirectorate: Bool)] = [:]
    /// What was reported in each period some proposal is judged at.
    public var reportedIn: [Period: Set<ProposalYear>] = [:]
    /// The latest month each proposal and year was returned in (a nil return counts: its forecast
    /// and comment stand from the month they were recorded).
    public var returnedAt: [ProposalYear: Period] = [:]
    /// The service impacts identified for each proposal, those returned, and each High-risk
    /// proposal's last three months of returns (whether each said anything about impacts).
    public var identifiedImpacts: [ProposalRef: [IdentifiedImpact]] = [:]
    public var impactReports: [ImpactReport] = []
    public var recentImpactNotes: [ProposalRef: [(period: Period, said: Bool)]] = [:]

    /// Proposal-years with a return line, and those a return has given a delivered figure (SPEC §5 v3).
    public var returnedYears: Set<ProposalYear> = []
    public var reportedDelivery: Set<ProposalYear> = []

    /// "Not reported": returned, but every line left delivered blank, and nothing delivered (a
    /// delivery logged at the command line is a figure). Never judged behind profile for it. (A
    /// proposal never returned at all is judged as ever: its silence is a finding, not a pass.)
    public func notReported(_ key: ProposalYear, delivered: Pence) -> Bool {
        delivered.isZero && returnedYears.contains(key) && !reportedDelivery.contains(key)
    }

    /// Never given a delivered figure (by a return or a delivery): a template's or form's delivered
    /// cell for it starts blank, never 0, so returning it untouched reports nothing.
    public func neverReported(_ key: ProposalYear, delivered: Pence) -> Bool { delivered.isZero && !reportedDelivery.contains(key) }
    public var slips: [SlipRecord]
    /// The latest delivery of each proposal with a cost centre that moved by the as-of date (SL04 asks no more).
    public var latestDelivery: [ProposalRef: CivilDate]
    /// The head of the record chain the books were read at (reports print it).
    public var head: ChainHead = .empty

    /// Every directorate the books name: the proposals' and the operating model's, at any date.
    public var directorates: Set<String> {
        Set(proposals.map(\.directorate)).union(model.history.values.flatMap { $0.map(\.directorate) })
    }

    /// The key of a proposal and year in ``forecasts`` and a ``LineIndex``.
    public static func key(_ ref: ProposalRef, _ year: FinancialYear) -> ProposalYear { ProposalYear(ref, year) }

    /// Reads the ledger as it stood at the end of `asOf` (default: the latest period with a return,
    /// forecast or delivery; before any, today's period within the MTFS).
    /// Every query runs in one read transaction, so the snapshot is consistent even while a
    /// finance business partner is logging delivery.
    public static func load(_ ledger: Ledger, asOf: Period?, today: CivilDate) throws -> ReconciliationInput {
        try ledger.read { try loadSnapshot(ledger, asOf: asOf, today: today) }
    }

    private static func loadSnapshot(_ ledger: Ledger, asOf: Period?, today: CivilDate) throws -> ReconciliationInput {
        let window = try ledger.books.requireWindow()
        var period = try asOf ?? ledger.positions.latestActivityPeriod() ?? today.period
        if asOf == nil {
            if period < window.first.period(1) { period = window.first.period(1) }
            if period > window.last.period(12) { period = window.last.period(12) }
        }
        var forecasts: [ProposalYear: ForecastRecord] = [:]
        try ledger.returns.latestForecasts(asOf: period, provenance: false) { forecasts[key($0.proposal, $0.year)] = $0 }
        let recorded = try ledger.books.proposals()
        let model = try ledger.organisation.operatingModel()
        var byDirectorate = try ledger.returns.latestReturnsByDirectorate(asOf: period, directorates: Set(recorded.map(\.directorate)))
        let returnedAt = try ledger.returns.latestReturnPeriods(asOf: period)
        let judged = try ledger.returns.judgedPeriods(asOf: period, proposals: recorded, returnedAt: returnedAt)
        // A directorate renamed by the period's end (SPEC §5 v3): its proposals are reported under the
        // new name, and the returns made under the old name are the new one's.
        let renames = model.renames(through: period.lastDay)
        var proposals = recorded
        if !renames.isEmpty {
            for i in proposals.indices { proposals[i].directorate = OperatingModel.currentName(proposals[i].directorate, renames: renames) }
            var merged: [String: (period: Period, reported: Set<ProposalYear>)] = [:]
            for (name, r) in byDirectorate {
                let now = OperatingModel.currentName(name, renames: renames)
                if let m = merged[now] {
                    merged[now] = m.period == r.period ? (m.period, m.reported.union(r.reported)) : (m.period > r.period ? m : r)
                } else {
                    merged[now] = r
                }
            }
            byDirectorate = merged
        }
        var lastReturns: [ProposalYear: Period] = [:]
        // Only the (few) proposals missing from the return they are judged at need their last one.
        for p in proposals {
            guard let own = judged.judgedAt[p.ref], judged.reported[own.period]?.contains(key(p.ref, own.period.year)) == false else { continue }
            if let last = try ledger.returns.lastReturn(ref: p.ref, year: own.period.year, before: own.period) {
                lastReturns[key(p.ref, own.period.year)] = last
            }
        }
        var input = ReconciliationInput(
            window: window, asOf: period, proposals: proposals, model: model,
            names: Dictionary(uniqueKeysWithValues: try ledger.organisation.costCentres().map { ($0.code, $0.name) }), baselines: try ledger.organisation.baselines(),
            lines: try ledger.positions.positionLines(asOf: period), forecasts: forecasts, lastReturns: lastReturns,
            slips: try ledger.positions.slips(asOf: period),
            latestDelivery: try ledger.positions.latestDeliveries(asOf: period, of: proposalsOnMovedCostCentres(proposals, model, by: period.lastDay))
        )
        input.head = try ledger.head()
        input.directorateReturns = byDirectorate
        input.judgedAt = judged.judgedAt
        input.reportedIn = judged.reported
        input.returnedAt = returnedAt
        (input.returnedYears, input.reportedDelivery) = try ledger.returns.returnedDelivery(asOf: period)
        input.identifiedImpacts = try ledger.returns.identifiedImpacts()
        input.impactReports = try ledger.returns.impactReports(asOf: period)
        input.recentImpactNotes = try ledger.returns.recentImpactNotes(refs: proposals.filter { $0.risk == .high }.map(\.ref), asOf: period, count: 3)
        return input
    }

    /// The proposals with a cost centre that moved by `date`.
    static func proposalsOnMovedCostCentres(_ proposals: [Proposal], _ model: OperatingModel, by date: CivilDate) -> Set<ProposalRef> {
        let moved = Set(model.history.compactMap { centre, list in list.dropFirst().contains { $0.effective <= date } ? centre : nil })
        return Set(proposals.filter { $0.costCentres.contains { moved.contains($0.costCentre) } }.map(\.ref))
    }
}

/// The reconciliation engine: SPEC §6's rules over one snapshot of the books. Pure: no I/O.
public struct Reconciliation {
    public let input: ReconciliationInput
    public let settings: ReconcileSettings

    // Indexes built once.
    /// Each proposal's place in `input.proposals`, by ref (``proposal(_:)``): an index, not a second
    /// copy of every proposal.
    let indexByRef: [ProposalRef: Int]
    /// Each proposal-year's lines, whose sum is its position (``pos(_:_:)``).
    let lineIndex: LineIndex
    /// The position lines with a current target, by the cost centre they claim (places in
    /// `input.lines`); ``forEachClaimedCentre(_:)`` gives one centre's claims at a time.
    let claimLines: [CostCentreCode: [Int32]]

    public init(input: ReconciliationInput, settings: ReconcileSettings = ReconcileSettings()) {
        self.input = input
        self.settings = settings
        indexByRef = Dictionary(uniqueKeysWithValues: input.proposals.indices.map { (input.proposals[$0].ref, $0) })
        lineIndex = LineIndex(input.lines)
        var claimLines: [CostCentreCode: [Int32]] = [:]
        for (i, line) in input.lines.enumerated() where line.position.currentTarget > .zero {
            claimLines[line.costCentre, default: []].append(Int32(i))
        }
        self.claimLines = claimLines
    }

    /// Each cost centre with a claim, and its current (incremental) target by year and ref: built
    /// for one centre at a time rather than held for every centre at once (a dictionary of
    /// dictionaries for 80,000 cost centres took 60 MiB).
    func forEachClaimedCentre(_ body: (CostCentreCode, [FinancialYear: [ProposalRef: Pence]]) -> Void) {
        for (centre, lines) in claimLines {
            var byYear: [FinancialYear: [ProposalRef: Pence]] = [:]
            for i in lines {
                let line = input.lines[Int(i)]
                byYear[line.year, default: [:]][line.proposal, default: .zero] += line.position.currentTarget
            }
            body(centre, byYear)
        }
    }

    /// Every finding, most money at risk first; `year` keeps only that year's.
    public func findings(year: FinancialYear? = nil) -> [Finding] {
        var all: [Finding] = []
        let dc03 = restructureOverlap()
        all += baselineOverclaim()
        all += sharedCostCentre(excluding: dc03)
        all += dc03
        all += similarProposals(excluding: dc03)
        all += replacementOverlap()
        all += behindProfile()
        all += forecastShortfall()
        all += repeatedSlippage()
        all += stalledAfterRestructure()
        all += orphanedOwner()
        all += staleReturn()
        all += ragMismatch()
        all += missingMitigation()
        all += statusSplitMismatch()
        all += noForecast()
        all += unforeseenImpacts()
        all += highRiskSilent()
        return all.filter { year == nil || $0.year == year }.sorted(by: Finding.precedes)
    }

    // MARK: - Helpers

    func proposal(_ ref: ProposalRef) -> Proposal? { indexByRef[ref].map { input.proposals[$0] } }

    func pos(_ ref: ProposalRef, _ year: FinancialYear) -> Position {
        lineIndex.position(ReconciliationInput.key(ref, year)) ?? Position()
    }
    func target(_ ref: ProposalRef, _ year: FinancialYear) -> Pence { pos(ref, year).currentTarget }
    var asOfDate: CivilDate { input.asOf.lastDay }

    func holder(_ centre: CostCentreCode) -> Assignment? {
        input.model.assignment(of: centre, on: asOfDate) ?? input.model.original(of: centre)
    }

    func describe(centre: CostCentreCode) -> FindingMessage {
        FindingMessage(parts: [.costCentre(code: centre, name: input.names[centre].flatMap { $0.isEmpty ? nil : $0 })])
    }

    /// A proposal named by its ref alone.
    func ref(_ ref: ProposalRef) -> FindingMessage { FindingMessage(parts: [.proposal(ref: ref, title: nil, owner: nil)]) }

    /// A cost centre named by its code alone.
    func code(_ code: CostCentreCode) -> FindingMessage { FindingMessage(parts: [.costCentre(code: code, name: nil)]) }

    func describe(proposal ref: ProposalRef) -> FindingMessage {
        FindingMessage(parts: [.proposal(ref: ref, title: proposal(ref)?.title, owner: proposal(ref)?.owner)])
    }

    static func list(_ items: [some CustomStringConvertible]) -> String {
        let items = items.map(\.description)
        return switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }

    /// Moves of a cost centre effective by the end of the as-of period, with the assignment each replaced.
    func moves(of centre: CostCentreCode) -> [(before: Assignment, after: Assignment)] {
        let history = (input.model.history[centre] ?? []).filter { $0.effective <= asOfDate }
        guard history.count > 1 else { return [] }
        return (1..<history.count).map { (history[$0 - 1], history[$0]) }
    }

}

extension Reconciliation {
    /// DQ04: the year's money by status does not add up to the current target (SPEC §6 v3).
    func statusSplitMismatch() -> [Finding] {
        input.forecasts.values.compactMap { f in
            guard let status = f.status else { return nil }
            let position = pos(f.proposal, f.year)
            let t = position.currentTarget
            let total = status.total(delivered: position.delivered)
            let gap = (total - t).magnitude
            guard gap > Pence.pounds(1) else { return nil }
            return Finding(
                code: .DQ04, severity: .low, refs: [f.proposal], year: f.year, amount: gap,
                message: "\(describe(proposal: f.proposal))'s \(f.period) return gives "
                    + (input.notReported(ReconciliationInput.key(f.proposal, f.year), delivered: position.delivered)
                        ? "no delivered figure, " : "\(position.delivered) delivered, ") + "\(status.green) on track, "
                    + "\(status.amber) at risk and \(status.red) that will not be delivered for \(f.year): \(total) in all, "
                    + "\(gap) \(total > t ? "more" : "less") than its target of \(t).")
        }
    }

    /// SI01: a return reports a service impact the risk assessment did not foresee — said not
    /// foreseen, or the proposal has no identified impact of any kind. One finding for each
    /// proposal-year, on its latest such report; at risk, the year's current target.
    func unforeseenImpacts() -> [Finding] {
        var latest: [ProposalYear: ImpactReport] = [:]
        for r in input.impactReports where r.unforeseen(identified: input.identifiedImpacts[r.ref] ?? []) {
            latest[ReconciliationInput.key(r.ref, r.year)] = r
        }
        return latest.values.compactMap { r in
            guard let p = proposal(r.ref) else { return nil }
            let why: FindingMessage = (input.identifiedImpacts[r.ref] ?? []).isEmpty ? "no impact was identified when it was risk-assessed" : "the return says it was not foreseen"
            return Finding(
                code: .SI01, severity: .high, refs: [r.ref], year: r.year, amount: target(r.ref, r.year),
                message: "\(describe(proposal: r.ref))'s \(r.period) return reports a service impact: “\(r.impact.text)”; \(why). "
                    + "Accountable: \(p.owner)" + (p.portfolioHolder.map { " and the portfolio holder, \($0)\(p.portfolio.map { " (\($0))" } ?? "")" } ?? "") + ".")
        }
    }

    /// SI02: a proposal rated High risk when approved whose last three returns said nothing about
    /// impacts (neither an impact nor a comment).
    func highRiskSilent() -> [Finding] {
        input.proposals.compactMap { p in
            guard p.risk == .high, let notes = input.recentImpactNotes[p.ref], notes.count >= 3, !notes.contains(where: \.said) else { return nil }
            let year = notes[0].period.year
            let months = notes.map(\.period).sorted()
            return Finding(
                code: .SI02, severity: .low, refs: [p.ref], year: year, amount: target(p.ref, year),
                message: "\(describe(proposal: p.ref)) was rated High risk when approved, yet its returns for \(FindingMessage.list(months.map { "\($0)" })) "
                    + "said nothing about service impacts: ask \(p.owner)" + (p.portfolioHolder.map { " and \($0)" } ?? "") + " what the saving is doing to the service.")
        }
    }

    /// DQ05: a proposal with a target this year and no forecast, though its owner (or its
    /// directorate's finance) has returned for the year (SPEC §6 v3). Reports say "no forecast".
    func noForecast() -> [Finding] {
        input.proposals.compactMap { p in
            guard let (judged, byDirectorate) = input.judgedAt[p.ref] else { return nil }
            let year = judged.year
            let t = target(p.ref, year)
            guard t > .zero, input.forecasts[ReconciliationInput.key(p.ref, year)] == nil else { return nil }
            // Delivered in full: there is nothing left to forecast.
            guard pos(p.ref, year).delivered < t else { return nil }
            return Finding(
                code: .DQ05, severity: .low, refs: [p.ref], year: year, amount: t,
                message: "\(describe(proposal: p.ref)) has no forecast for \(year), though \(byDirectorate ? p.directorate : p.owner.rawValue) "
                    + "returned for \(judged): its \(t) target is shown as \"no forecast\", not as on track.")
        }
    }
}

/// Which findings a reader wants (`reconcile --severity --code --directorate`): nil or empty means any.
public struct FindingFilter: Sendable, Encodable {
    /// This severity and above.
    public var severity: Severity?
    public var codes: Set<FindingCode>
    /// Findings about a proposal of these directorates, or a cost centre they held at the as-of date.
    public var directorates: Set<String>

    public init(severity: Severity? = nil, codes: Set<FindingCode> = [], directorates: Set<String> = []) {
        self.severity = severity
        self.codes = codes
        self.directorates = directorates
    }

    /// Whether it lets everything through.
    public var isEmpty: Bool { severity == nil && codes.isEmpty && directorates.isEmpty }

    /// What it keeps, for a report's heading: "high and above; DC04, DC05; People".
    public var description: String {
        var parts: [String] = []
        if let severity { parts.append(severity == .critical ? "critical" : "\(severity.rawValue) and above") }
        if !codes.isEmpty { parts.append(codes.map(\.rawValue).sorted().joined(separator: ", ")) }
        if !directorates.isEmpty { parts.append(directorates.sorted().joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }

    private enum Keys: String, CodingKey { case severity_at_least, codes, directorates }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(severity, forKey: .severity_at_least)
        try c.encode(codes.map(\.rawValue).sorted(), forKey: .codes)
        try c.encode(directorates.sorted(), forKey: .directorates)
    }

    /// The findings that pass, in their order.
    public func apply(_ findings: [Finding], _ input: ReconciliationInput) -> [Finding] {
        let directorateOf = Dictionary(uniqueKeysWithValues: input.proposals.map { ($0.ref, $0.directorate) })
        return findings.filter { f in
            if let severity, f.severity < severity { return false }
            if !codes.isEmpty, !codes.contains(f.code) { return false }
            if !directorates.isEmpty {
                let own = f.refs.compactMap { directorateOf[$0] }
                let centre = f.costCentre.flatMap {
                    (input.model.assignment(of: $0, on: input.asOf.lastDay) ?? input.model.original(of: $0))?.directorate
                }
                if !(own + [centre].compactMap { $0 }).contains(where: directorates.contains) { return false }
            }
            return true
        }
    }
}

extension FindingCode {
    /// Reads a code (`DC04`) or its name (`similar-proposals`), any case.
    public init(parsing text: String) throws(DomainError) {
        let t = text.trimmingSpaces()
        if let code = FindingCode(rawValue: t.uppercased()) ?? FindingCode.allCases.first(where: { $0.name == t.lowercased() }) {
            self = code
            return
        }
        throw DomainError.invalid(
            "expected a finding code such as DC04 or a name such as similar-proposals, found \"\(text)\"; the codes are "
                + FindingCode.allCases.map(\.rawValue).joined(separator: ", "))
    }
}

/// Where each proposal-year's position lines (one a cost centre) sit in an array of lines: a run
/// of places in `order`, the lines in proposal and year order. A position is the sum of its run
/// (one to a few lines), so no dictionary of positions, nor of arrays of lines, is kept: at
/// 100,000 proposals those took over 100 MiB each.
public struct LineIndex: Sendable {
    struct Run: Sendable {
        var start: Int32
        var count: Int32
    }

    /// The lines indexed (the caller's array, shared, not copied).
    let lines: [PositionLine]
    let order: [Int32]
    let runs: [ProposalYear: Run]

    /// Indexes `lines` (sorted by proposal and year, as the ledger gives them, or sorted here if not).
    public init(_ lines: [PositionLine]) {
        var order = (0..<Int32(lines.count)).map { $0 }
        func before(_ a: Int32, _ b: Int32) -> Bool {
            let (x, y) = (lines[Int(a)], lines[Int(b)])
            return x.proposal != y.proposal ? x.proposal < y.proposal : x.year < y.year
        }
        if !order.indices.dropFirst().allSatisfy({ !before(order[$0], order[$0 - 1]) }) { order.sort(by: before) }
        var runs: [ProposalYear: Run] = [:]
        for (at, i) in order.enumerated() {
            let key = ReconciliationInput.key(lines[Int(i)].proposal, lines[Int(i)].year)
            if let run = runs[key], Int(run.start + run.count) == at {
                runs[key]?.count += 1
            } else {
                runs[key] = Run(start: Int32(at), count: 1)
            }
        }
        self.lines = lines
        self.order = order
        self.runs = runs
    }

    /// A proposal-year's lines, as places in ``lines``.
    public func lines(_ key: ProposalYear) -> ArraySlice<Int32> {
        guard let run = runs[key] else { return [] }
        return order[Int(run.start)..<Int(run.start + run.count)]
    }

    /// A proposal-year's position: its lines summed; nil when it has none.
    public func position(_ key: ProposalYear) -> Position? {
        let places = self.lines(key)
        guard !places.isEmpty else { return nil }
        var total = Position()
        for i in places { total += lines[Int(i)].position }
        return total
    }
}
