import MTFSDomain
import MTFSStore

/// Computes statements for any holder from one read of the books, so a run for a thousand holders
/// reads the ledger once.
public struct StatementBuilder: Sendable {
    public let input: ReconciliationInput
    public let findings: [Finding]
    /// The tolerances a line is judged behind profile by.
    let settings: ReconcileSettings
    /// Each proposal-year's lines, as places in `input.lines`: its position is their sum, and a
    /// "not yours" row shows only those on the holder's cost centres.
    let lineIndex: LineIndex
    /// Delivered at the end of the previous period, by line (aligned with `input.lines`), and for
    /// any line that had delivery then but is not among today's lines, by proposal-year.
    let previousDelivered: [Pence]
    let previousElsewhere: [ProposalYear: Pence]
    /// Each proposal's delivery posted in each month of the statement's year (for the trend).
    /// Month n at index n − 1.
    let deliveredByMonth: [ProposalRef: [Pence]]
    let entriesByRef: [ProposalRef: [JournalEntry]]
    let centresByHolder: [HolderID: [CostCentreCode]]
    /// The directorates of the operating model at the period's end: only they are asked for its return.
    let directoratesThen: Set<String>
    /// Each holder's own proposals, and the proposals cutting each cost centre, as places in
    /// `input.proposals` (not copies of them).
    let ownedByHolder: [HolderID: [Int32]]
    let cutting: [CostCentreCode: [Int32]]
    /// The findings' positions in `findings`, by the refs and by the cost centre they name, so
    /// each holder's are found without scanning every finding.
    let findingsByRef: [ProposalRef: [Int]]
    let findingsByCentre: [CostCentreCode: [Int]]
    /// By holder: the latest sign-off for an earlier period, and the latest for this one.
    let signedBefore: [HolderID: SignOff]
    let signedNow: [HolderID: SignOff]
    /// The head of the record chain the books were read at.
    public let head: ChainHead
    /// The holder register as it stood then: which holder each name means.
    public let register: HolderRegister

    /// Reads the books as at the end of `period`.
    public init(ledger: Ledger, period: Period, settings: ReconcileSettings) throws {
        self = try ledger.read {
            let input = try ReconciliationInput.load(ledger, asOf: period, today: period.lastDay)
            return try StatementBuilder(
                reading: ledger, input: input, findings: Reconciliation(input: input, settings: settings).findings(), settings: settings)
        }
    }

    /// Builds on books already read and reconciled as at `input.asOf`.
    public init(ledger: Ledger, input: ReconciliationInput, findings: [Finding], settings: ReconcileSettings = ReconcileSettings()) throws {
        self = try ledger.read { try StatementBuilder(reading: ledger, input: input, findings: findings, settings: settings) }
    }

    /// Everything every holder's statement needs, read at once (callers hold one read open).
    private init(reading ledger: Ledger, input: ReconciliationInput, findings: [Finding], settings: ReconcileSettings) throws {
        self.input = input
        self.findings = findings
        self.settings = settings
        head = try ledger.head()
        register = try ledger.holders.register()
        let period = input.asOf
        let lines = input.lines
        lineIndex = LineIndex(lines)
        var previousDelivered = [Pence](repeating: .zero, count: lines.count)
        var previousElsewhere: [ProposalYear: Pence] = [:]
        for line in try ledger.positions.positionLines(asOf: period.previous) where !line.position.delivered.isZero {
            let key = ReconciliationInput.key(line.proposal, line.year)
            if let i = lineIndex.lines(key).first(where: { lines[Int($0)].costCentre == line.costCentre }) {
                previousDelivered[Int(i)] += line.position.delivered
            } else {
                previousElsewhere[key, default: .zero] += line.position.delivered
            }
        }
        self.previousDelivered = previousDelivered
        self.previousElsewhere = previousElsewhere
        deliveredByMonth = input.window.contains(period.year) ? try ledger.positions.deliveredByMonth(in: period.year) : [:]
        var entriesByRef: [ProposalRef: [JournalEntry]] = [:]
        try ledger.journal.forEachEntry(JournalFilter(period: period)) { entriesByRef[$0.proposal, default: []].append($0) }
        self.entriesByRef = entriesByRef
        var centresByHolder: [HolderID: [CostCentreCode]] = [:]
        var directoratesThen: Set<String> = []
        for a in input.model.snapshot(on: period.lastDay) {
            centresByHolder[a.budgetHolder, default: []].append(a.costCentre)
            directoratesThen.insert(a.directorate)
        }
        self.centresByHolder = centresByHolder
        self.directoratesThen = directoratesThen
        var ownedByHolder: [HolderID: [Int32]] = [:]
        var cutting: [CostCentreCode: [Int32]] = [:]
        for (i, p) in input.proposals.enumerated() {
            ownedByHolder[p.owner, default: []].append(Int32(i))
            for s in p.costCentres { cutting[s.costCentre, default: []].append(Int32(i)) }
        }
        self.ownedByHolder = ownedByHolder
        self.cutting = cutting
        var byRef: [ProposalRef: [Int]] = [:]
        var byCentre: [CostCentreCode: [Int]] = [:]
        for (i, f) in findings.enumerated() {
            for ref in Set(f.refs) { byRef[ref, default: []].append(i) }
            if let c = f.costCentre { byCentre[c, default: []].append(i) }
        }
        findingsByRef = byRef
        findingsByCentre = byCentre
        // Every sign-off up to the period, read once (in period then id order, so the last seen wins).
        var before: [HolderID: SignOff] = [:]
        var now: [HolderID: SignOff] = [:]
        for signed in try ledger.signOffs.all(upTo: period) {
            if signed.period == period { now[signed.holder] = signed } else { before[signed.holder] = signed }
        }
        signedBefore = before
        signedNow = now
    }

    /// Delivered at the end of the previous period, across the proposal-year's cost centres.
    private func previousTotal(_ key: ProposalYear) -> Pence {
        lineIndex.lines(key).reduce(previousElsewhere[key] ?? .zero) { $0 + previousDelivered[Int($1)] }
    }

    /// Everyone a statement is due to: holders of cost centres at the period end and proposal owners.
    public var holders: [HolderID] { Set(centresByHolder.keys).union(ownedByHolder.keys).sorted() }

    /// The holder `name` means, by the name they go by now (any name they had, in any case or
    /// spacing), when a statement is due to them; nil otherwise.
    public func holder(named name: HolderID) -> HolderID? {
        let holder = register.current(HolderID(name.rawValue.trimmingSpaces()))
        return centresByHolder[holder] != nil || ownedByHolder[holder] != nil ? holder : nil
    }

    /// The statement of one holder.
    public func statement(for holder: HolderID) throws -> HolderStatement {
        try statement(
            of: holder, named: holder.rawValue, held: (centresByHolder[holder] ?? []).sorted(),
            owned: (ownedByHolder[holder] ?? []).map { input.proposals[Int($0)] }.sorted { $0.ref < $1.ref }, portfolio: nil)
    }

    /// Every finding a holder's statement names (it shows the ten most serious), most serious first:
    /// what `mtfs reconcile --holder` lists.
    public func findings(onStatementOf holder: HolderID) -> [Finding] {
        onStatement(held: centresByHolder[holder] ?? [], owned: (ownedByHolder[holder] ?? []).map { input.proposals[Int($0)] }).findings
    }

    /// Others' proposals cutting the cost centres held, and every finding on the proposals and cost
    /// centres of a statement, most serious first.
    private func onStatement(held: [CostCentreCode], owned: [Proposal]) -> (others: [Proposal], findings: [Finding]) {
        let ownedRefs = Set(owned.map(\.ref))
        var others: [Proposal] = []
        var seen: Set<ProposalRef> = []
        for c in held {
            for p in (cutting[c] ?? []).map({ input.proposals[Int($0)] }) where !ownedRefs.contains(p.ref) && seen.insert(p.ref).inserted {
                others.append(p)
            }
        }
        others.sort { $0.ref < $1.ref }
        let refs = ownedRefs.union(others.map(\.ref))
        let mine = Set(refs.flatMap { findingsByRef[$0] ?? [] } + held.flatMap { findingsByCentre[$0] ?? [] }).sorted().map {
            findings[$0]
        }.sorted(by: Finding.mostSeriousFirst)
        return (others, mine)
    }

    /// The directorates a holder's statement covers: those of the cost centres they hold at the
    /// month's end and of the proposals they own (what scope is judged by, without building it).
    public func directorates(of holder: HolderID) -> [String] {
        directorates(held: centresByHolder[holder] ?? [], owned: (ownedByHolder[holder] ?? []).map { input.proposals[Int($0)] })
    }

    private func directorates(held: [CostCentreCode], owned: [Proposal]) -> [String] {
        Set(held.map { input.model.assignment(of: $0, on: input.asOf.lastDay)?.directorate ?? "" }).union(owned.map(\.directorate)).sorted()
    }

    /// The Cabinet portfolios the proposals name.
    public var portfolios: [String] { Array(Set(input.proposals.compactMap(\.portfolio))).sorted() }

    /// A Cabinet portfolio's statement (SPEC §7 v3, for its member in the portal): its savings shown
    /// as a holder's own are, with their totals, trend, impacts and findings; no cost centre is
    /// held, no ledger entry is listed and nothing is signed.
    public func statement(forPortfolio name: String) throws -> HolderStatement {
        try statement(
            of: nil, named: name, held: [], owned: input.proposals.filter { $0.portfolio == name }.sorted { $0.ref < $1.ref }, portfolio: name)
    }

    /// The statement of `holder` (nil for a portfolio's), headed `name`.
    private func statement(of holder: HolderID?, named name: String, held: [CostCentreCode], owned: [Proposal], portfolio: String?) throws
        -> HolderStatement
    {
        let period = input.asOf
        let year = period.year
        let ahead = input.window.years.filter { $0 > year }
        let heldSet = Set(held)
        let ownedRefs = Set(owned.map(\.ref))
        let (others, mine) = onStatement(held: held, owned: owned)

        func line(_ p: Proposal, owned: Bool) -> HolderStatement.Line {
            let key = ReconciliationInput.key(p.ref, year)
            let pos = lineIndex.position(key) ?? Position()
            let f = input.forecasts[key]
            return HolderStatement.Line(
                ref: p.ref, title: p.title, owner: p.owner, owned: owned, costCentres: p.costCentres.map(\.costCentre),
                originalTarget: pos.originalTarget, currentTarget: pos.currentTarget,
                // A saving falling out (a negative target) has nothing to deliver, so no profile.
                profiled: p.profiled(max(.zero, pos.currentTarget), year: year, through: period), delivered: pos.delivered,
                forecast: f?.forecast, rag: f?.rag, comment: f?.comment ?? "", movement: pos.delivered - previousTotal(key),
                ahead: ahead.map { lineIndex.position(ReconciliationInput.key(p.ref, $0))?.currentTarget ?? .zero },
                returned: input.returnedAt[key] ?? f?.period, notReported: input.notReported(key, delivered: pos.delivered),
                neverReported: input.neverReported(key, delivered: pos.delivered), fund: p.fund,
                status: f?.status)
        }
        /// Someone else's proposal: only the share on the holder's cost centres (its forecast split in
        /// proportion to current target, as the summary splits it).
        func share(_ p: Proposal) -> HolderStatement.Line {
            var whole = line(p, owned: false)
            let key = ReconciliationInput.key(p.ref, year)
            let all = lineIndex.lines(key)
            let mine = all.filter { heldSet.contains(input.lines[Int($0)].costCentre) }
            guard !mine.isEmpty, mine.count < all.count else { return whole }
            var pos = Position()
            for i in mine { pos += input.lines[Int(i)].position }
            let before = mine.reduce(Pence.zero) { $0 + previousDelivered[Int($1)] }
            let wholeTarget = whole.currentTarget
            whole.wholeTarget = wholeTarget
            whole.originalTarget = pos.originalTarget
            whole.currentTarget = pos.currentTarget
            whole.delivered = pos.delivered
            whole.profiled = p.profiled(max(.zero, pos.currentTarget), year: year, through: period)
            whole.movement = pos.delivered - before
            if let f = whole.forecast, wholeTarget.rawValue > 0 {
                whole.forecast = f.allocate(weights: [pos.currentTarget.rawValue, max(0, wholeTarget.rawValue - pos.currentTarget.rawValue)])[0]
            }
            whole.ahead = ahead.map { y in
                lineIndex.lines(ReconciliationInput.key(p.ref, y)).map { input.lines[Int($0)] }.filter { heldSet.contains($0.costCentre) }
                    .reduce(Pence.zero) { $0 + $1.position.currentTarget }
            }
            return whole
        }
        /// Behind beyond tolerance as the reconciliation judges it (SL01): against the profile as at
        /// the return the proposal is judged at (its owner's, or its directorate's made together), so
        /// a return still to come is not slippage.
        func judged(_ l: HolderStatement.Line, _ p: Proposal) -> HolderStatement.Line {
            var l = l
            let returned = input.judgedAt[p.ref]?.period
            let asAt = returned.map { min($0, period) } ?? period
            let profile = asAt == period ? l.profiled : (asAt.year == year ? p.profiled(l.currentTarget, year: year, through: asAt) : .zero)
            l.behind = !l.notReported && settings.isBehind(delivered: l.delivered, profile: profile)
            return l
        }
        let ownedLines = owned.map { judged(line($0, owned: true), $0) }
        let otherLines = others.map { judged(share($0), $0) }
        let refs = ownedRefs.union(others.map(\.ref))
        let centres = held.map { code -> HolderStatement.Centre in
            let a = input.model.assignment(of: code, on: period.lastDay)
            return HolderStatement.Centre(
                code: code, name: input.names[code] ?? "", service: a?.service ?? "", directorate: a?.directorate ?? "",
                baseline: input.baselines[code]?[year], since: input.model.heldSince(code, on: period.lastDay) ?? a?.effective ?? period.lastDay)
        }
        let directorates = self.directorates(held: held, owned: owned)
        var statement = HolderStatement(
            holder: name, period: period, directorates: directorates, centres: centres, owned: ownedLines, others: otherLines,
            yearsAhead: ahead, totals: HolderStatement.Totals(ownedLines, years: ahead.count, behindIf: settings),
            findings: Array(mine.prefix(HolderStatement.shownFindings)),
            entries: portfolio != nil ? [] : refs.sorted().flatMap { entriesByRef[$0] ?? [] }.sorted { $0.id < $1.id },
            previousSignOff: holder.flatMap { signedBefore[$0] },
            head: head, latestReturns: directorates.compactMap { d in input.directorateReturns[d].map { (d, $0.period) } },
            askedForReturn: directoratesThen,
            signature: holder.map { signature(holder: $0, figures: StatementFigures(ownedLines + otherLines)) } ?? .notSigned,
            window: input.window, trend: trend(owned, lines: ownedLines))
        statement.portfolio = portfolio
        statement.moreFindings = max(0, mine.count - HolderStatement.shownFindings)
        for p in owned {
            let identified = input.identifiedImpacts[p.ref] ?? []
            let reported = input.impactReports.filter { $0.ref == p.ref }
            if !identified.isEmpty || !reported.isEmpty { statement.impacts[p.ref] = (identified, reported) }
        }
        return statement
    }

    /// Proposals month by month through the period (a directorate's, for the CFO's trend): delivered
    /// to date against the profile of today's target, as a holder's statement shows their own.
    public func trend(of proposals: [Proposal]) -> [HolderStatement.TrendPoint] {
        let year = input.asOf.year
        var targets: [ProposalRef: Pence] = [:]
        for line in input.lines where line.year == year { targets[line.proposal, default: .zero] += line.position.currentTarget }
        let lines = targets.map { ref, target in
            HolderStatement.Line(
                ref: ref, title: "", owner: "", owned: true, costCentres: [], originalTarget: target, currentTarget: target, profiled: .zero,
                delivered: .zero, forecast: nil, rag: nil, comment: "", movement: .zero, ahead: [])
        }
        return trend(proposals, lines: lines)
    }

    /// The holder's own proposals, month by month through the statement's month: delivered to date
    /// (the delivery posted in each month, added up) against the profile of today's target.
    private func trend(_ owned: [Proposal], lines: [HolderStatement.Line]) -> [HolderStatement.TrendPoint] {
        let period = input.asOf
        guard input.window.contains(period.year), !owned.isEmpty else { return [] }
        // Savings only (a falling-out target has no profile), and no profile for a line not reported,
        // as the totals leave it out.
        let targets = Dictionary(
            lines.map { ($0.ref, $0.notReported ? .zero : max(.zero, $0.currentTarget)) }, uniquingKeysWith: { a, _ in a })
        var cumulative = Pence.zero
        return (1...period.number).map { n in
            let month = period.year.period(n)
            var profiled = Pence.zero
            for p in owned {
                cumulative += deliveredByMonth[p.ref]?[n - 1] ?? .zero
                profiled += p.profiled(targets[p.ref] ?? .zero, year: period.year, through: month)
            }
            return HolderStatement.TrendPoint(
                period: month, delivered: cumulative, profiled: profiled, behind: settings.isBehind(delivered: cumulative, profile: profiled))
        }
    }

    private func signature(holder: HolderID, figures: StatementFigures) -> HolderStatement.Signature {
        guard let signed = signedNow[holder] else { return .notSigned }
        // A sign-off from before schema 5 recorded no figures: it stands as signed.
        guard let text = signed.figures else { return .signed(signed) }
        let changes = figures.changes(since: text)
        return changes.isEmpty ? .signed(signed) : .changed(signed, changes)
    }
}
