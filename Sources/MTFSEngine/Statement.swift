import MTFSDomain
import MTFSStore

/// A budget holder's monthly accountability statement, as data: every renderer only formats it.
public struct HolderStatement: Sendable {
    /// One proposal on the statement.
    public struct Line: Sendable, Hashable {
        public var ref: ProposalRef
        public var title: String
        public var owner: String
        /// Whether the holder owns it (else it cuts one of their cost centres and is someone else's).
        public var owned: Bool
        public var costCentres: [CostCentreCode]
        public var originalTarget: Pence
        public var currentTarget: Pence
        public var profiled: Pence
        public var delivered: Pence
        /// delivered − profiled: negative is behind.
        public var variance: Pence { delivered - profiled }
        public var forecast: Pence?
        public var rag: RAG?
        public var comment: String
        /// Delivered this period (change since the end of the previous one).
        public var movement: Pence
        /// Current targets for the MTFS years after this one.
        public var ahead: [Pence]
        /// For someone else's proposal: the whole proposal's current target this year, when the
        /// figures on the line are only the share that falls on the holder's cost centres.
        public var wholeTarget: Pence? = nil
        /// The month of the return the forecast, RAG and comment come from (an earlier month's when
        /// the latest return left the proposal out).
        public var returned: Period? = nil
        /// Whether the shortfall is beyond the SL01 tolerance (what a page shows in red; a few pounds
        /// of rounding against a straight-line profile is not slippage).
        public var behind = false
        /// Returned with delivered to date always blank: shown as "not reported" (SPEC §5 v3).
        public var notReported = false
        /// Never given a delivered figure: a template or form leaves its delivered cell blank.
        public var neverReported = false
        /// The fund the saving is made in.
        public var fund = Proposal.generalFund
        /// The year's money by status, when the latest return gave it.
        public var status: StatusMoney? = nil

        /// Delivered beyond the year's target (SPEC §5 v3: accepted, and good news), or nil.
        public var overDelivered: Pence? { currentTarget >= .zero && delivered > currentTarget ? delivered - currentTarget : nil }
        /// A saving falling out this year (a negative target): a pressure, never slippage.
        public var fallsOut: Pence? { currentTarget.isNegative ? currentTarget.magnitude : nil }
        /// Whether the line has a target this year and no forecast: "no forecast", never the target in its place.
        public var noForecast: Bool { forecast == nil && currentTarget > delivered }
        /// What the line's figures mean in plain words, beyond its columns: over-delivered, falls out, its fund.
        public var notes: [String] {
            var out: [String] = []
            if let over = overDelivered { out.append("over-delivered by \(over)") }
            if let out_ = fallsOut { out.append("falls out \(out_): a pressure") }
            if fund != Proposal.generalFund { out.append(fund) }
            return out
        }

        /// Whether the holder has anything to report on it this year (a saving to deliver, or a
        /// delivery): a return template's row, the return form's, and what the returns board and the
        /// reminders count. A year where an earlier saving only falls out (a negative target, a
        /// pressure) has nothing to deliver and is not asked for.
        public var hasSomethingToReport: Bool { currentTarget > .zero || !delivered.isZero }
    }

    /// The totals of a set of lines.
    public struct Totals: Sendable, Hashable {
        public var originalTarget = Pence.zero, currentTarget = Pence.zero, profiled = Pence.zero, delivered = Pence.zero
        public var forecast = Pence.zero, movement = Pence.zero
        /// The current target of lines with no forecast (their forecast counts only what they delivered).
        public var noForecast = Pence.zero
        /// Savings falling out this year (negative targets), as a pressure.
        public var fallsOut = Pence.zero
        /// The funds the lines are in: more than one is said wherever they are totalled together.
        public var funds: [String] = []
        public var ahead: [Pence] = []
        public var variance: Pence { delivered - profiled }

        /// Whether the total is behind beyond tolerance: some line is, and the total shortfall is too.
        public var behind = false

        init(_ lines: [Line], years: Int, behindIf settings: ReconcileSettings? = nil) {
            defer {
                if let settings { behind = lines.contains(where: \.behind) && settings.isBehind(delivered: delivered, profile: profiled) }
            }
            ahead = Array(repeating: .zero, count: years)
            funds = Array(Set(lines.map(\.fund))).sorted { Summary.order($0) < Summary.order($1) }
            for l in lines {
                // Targets are savings; a saving falling out is a pressure, totalled apart (SPEC §5 v3).
                originalTarget += max(.zero, l.originalTarget)
                currentTarget += max(.zero, l.currentTarget)
                if let out = l.fallsOut { fallsOut += out }
                // A line not reported has no variance: its profile is left out of the total's too.
                if !l.notReported { profiled += l.profiled }
                delivered += l.delivered
                forecast += l.forecast ?? l.delivered
                if l.noForecast { noForecast += l.currentTarget - l.delivered }
                movement += l.movement
                for (i, a) in l.ahead.enumerated() where i < ahead.count { ahead[i] += a }
            }
        }
    }

    /// A cost centre the holder holds at the period end.
    public struct Centre: Sendable, Hashable {
        public var code: CostCentreCode
        public var name: String, service: String, directorate: String
        public var baseline: Pence?
        public var since: CivilDate
    }

    public var holder: String
    /// Set for a Cabinet portfolio's statement (then `holder` is the portfolio's name): nothing
    /// held, nothing to sign.
    public var portfolio: String? = nil
    public var period: Period
    public var asAt: CivilDate { period.lastDay }
    public var directorates: [String]
    public var centres: [Centre]
    public var owned: [Line]
    public var others: [Line]
    public var yearsAhead: [FinancialYear]
    public var totals: Totals
    /// The findings on the holder's proposals and cost centres, most serious first, at most
    /// ``shownFindings`` of them: a statement never grows with the programme (SPEC §6 v3).
    public var findings: [Finding]
    /// For the holder's own proposals: the service impacts identified when each was risk-assessed
    /// and those its returns reported (SPEC §5 v3), by ref; proposals with neither are absent.
    public var impacts: [ProposalRef: (identified: [IdentifiedImpact], reported: [ImpactReport])] = [:]

    /// How many more findings there are than are shown, and what lists them all.
    public var moreFindings = 0
    public static let shownFindings = 10

    /// "…and 12 more: `mtfs reconcile --directorate People` lists them all.", or nil; in the portal,
    /// its Findings page instead of the command.
    public func moreFindingsText(inPortal: Bool = false) -> String? {
        guard let lead = moreFindingsLead else { return nil }
        if inPortal { return lead + "the Findings page lists them all." }
        return lead + "`\(moreFindingsCommand)` lists them all (in the portal, Findings)."
    }

    /// "…and 12 more findings on these proposals and cost centres: ", or nil.
    public var moreFindingsLead: String? {
        moreFindings > 0 ? "…and \(moreFindings) more finding\(moreFindings == 1 ? "" : "s") on these proposals and cost centres: " : nil
    }

    /// The command that lists every finding of this statement, and only those.
    public var moreFindingsCommand: String {
        let quoted = "\"" + holder.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        return portfolio == nil
            ? "mtfs reconcile --as-of \(period.monthText) --holder \(quoted)"
            : "mtfs reconcile --as-of \(period.monthText)"
    }

    /// The same, for the command line and files.
    public var moreFindingsText: String? { moreFindingsText() }
    public var entries: [JournalEntry]
    public var previousSignOff: SignOff?
    /// The head of the record chain the statement was made from.
    public var head: ChainHead = .empty
    /// The latest period each of the holder's directorates has returned (by the statement's period).
    public var latestReturns: [(directorate: String, period: Period)] = []
    /// The directorates that existed at the month's end, which alone are asked for its return
    /// (empty: not known, every directorate is).
    public var askedForReturn: Set<String> = []
    /// Whether this period's statement was signed, and whether its figures still stand.
    public var signature: Signature = .notSigned
    /// The ledger's MTFS years, when known: a statement for a month outside them has no targets.
    public var window: YearRange? = nil
    /// Month by month from April to the statement's month: delivered to date on the holder's own
    /// proposals against their profile (SPEC §7 v2).
    public var trend: [TrendPoint] = []

    /// One month of the trend.
    public struct TrendPoint: Sendable, Hashable {
        public var period: Period
        public var delivered: Pence
        public var profiled: Pence
        public var variance: Pence { delivered - profiled }
        /// Behind beyond the SL01 tolerance.
        public var behind = false
    }

    /// Whether the month lies outside the MTFS years (the statement says so at the top).
    public var outsideWindow: Bool { window.map { !$0.contains(period.year) } ?? false }
    /// The holder's directorates that have not returned for this month yet (the statement says so
    /// at the top: its delivery figures are the last returned, not this month's).
    /// A directorate that did not exist at the month's end (one renamed since) is never asked for it.
    public var awaitingReturns: [String] {
        directorates.filter { d in
            (askedForReturn.isEmpty || askedForReturn.contains(d))
                && ((latestReturns.first { $0.directorate == d }?.period).map { $0 < period } ?? true)
        }
    }

    /// The sign-off status of a statement (SPEC §3.3).
    public enum Signature: Sendable, Hashable {
        case notSigned
        /// Signed, and the figures are still those signed.
        case signed(SignOff)
        /// Signed, but the figures have changed since, by these amounts (delivered, target, forecast).
        case changed(SignOff, [StatementFigures.Change])
    }

    /// The figures a sign-off binds: every line's target, delivered and forecast.
    public var figures: StatementFigures { StatementFigures(owned + others) }
}

/// What a holder signs: for each proposal on the statement (theirs and others' on their cost
/// centres) its current target, delivered to date, forecast and RAG, as one line of text each, in
/// ref order. The text is stored with the sign-off and hashed, so a later statement can say whether,
/// and by how much, the figures have changed since.
public struct StatementFigures: Sendable, Hashable {
    /// One figure that moved: what it is and by how much (summed over the statement's lines).
    public struct Change: Sendable, Hashable {
        public var figure: String
        public var amount: Pence
    }

    public var text: String

    init(_ lines: [HolderStatement.Line]) {
        text = lines.sorted { $0.ref < $1.ref }.map { l in
            [l.ref.rawValue, l.owned ? "own" : "other", String(l.currentTarget.rawValue), String(l.delivered.rawValue),
             l.forecast.map { String($0.rawValue) } ?? "", l.rag?.rawValue ?? "-",
             l.ahead.map { String($0.rawValue) }.joined(separator: ",")].joined(separator: "\t")
        }.joined(separator: "\n")
    }

    /// One line as signed: delivered, target and forecast, and the RAG (nil in figures signed before
    /// the RAG was part of them: then only the amounts are compared).
    private struct Signed: Equatable {
        var amounts: [Int64]
        var rag: String?
        /// The targets of the years ahead (nil in figures signed before they were part of them).
        var ahead: [Int64]?
    }

    /// Each proposal's figures in the text form.
    private static func lines(_ text: String) -> [String: Signed] {
        var out: [String: Signed] = [:]
        for line in text.split(separator: "\n") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard (5...7).contains(f.count) else { continue }
            out[String(f[0]) + (f[1] == "own" ? "" : " (not yours)")] = Signed(
                amounts: [Int64(f[3]) ?? 0, Int64(f[2]) ?? 0, Int64(f[4]) ?? 0], rag: f.count >= 6 ? String(f[5]) : nil,
                ahead: f.count == 7 ? f[6].split(separator: ",").map { Int64($0) ?? 0 } : nil)
        }
        return out
    }

    /// What changed from the figures signed to these; empty when nothing did. Up to three changes
    /// are named by proposal ("PEO-06 delivered +£10,000.00", "PEO-07 RAG G → R"); more are given
    /// as totals by figure.
    public func changes(since signed: String) -> [Change] {
        guard signed != text else { return [] }
        let before = StatementFigures.lines(signed)
        let now = StatementFigures.lines(text)
        let names = ["delivered", "target", "forecast"]
        var byLine: [Change] = []
        var totals = [Int64](repeating: 0, count: 3)
        var ratings = 0
        var ahead: Int64 = 0
        for ref in Set(before.keys).union(now.keys).sorted() {
            let a = before[ref]?.amounts ?? [0, 0, 0]
            let b = now[ref]?.amounts ?? [0, 0, 0]
            for i in 0..<3 where a[i] != b[i] {
                byLine.append(Change(figure: "\(ref) \(names[i])", amount: Pence(b[i] &- a[i])))
                totals[i] &+= b[i] &- a[i]
            }
            if let was = before[ref]?.rag, let is_ = now[ref]?.rag, was != is_ {
                byLine.append(Change(figure: "\(ref) RAG \(was) → \(is_)", amount: .zero))
                ratings += 1
            }
            if let was = before[ref]?.ahead, let is_ = now[ref]?.ahead, was != is_ {
                let moved = zip(was, is_).reduce(Int64(0)) { $0 &+ ($1.1 &- $1.0) }
                byLine.append(Change(figure: "\(ref) years ahead", amount: Pence(moved)))
                ahead &+= moved
            }
        }
        if byLine.isEmpty { return Set(before.keys) == Set(now.keys) ? [] : [Change(figure: "lines", amount: .zero)] }
        if byLine.count <= 3 { return byLine }
        var out: [Change] = []
        for i in 0..<3 where totals[i] != 0 { out.append(Change(figure: names[i], amount: Pence(totals[i]))) }
        if ahead != 0 { out.append(Change(figure: "years ahead", amount: Pence(ahead))) }
        if ratings > 0 { out.append(Change(figure: "\(ratings) RAG rating\(ratings == 1 ? "" : "s")", amount: .zero)) }
        if out.isEmpty { out.append(Change(figure: "\(byLine.count) figures that net to nothing", amount: .zero)) }
        return out
    }
}

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
    let centresByHolder: [String: [CostCentreCode]]
    /// The directorates of the operating model at the period's end: only they are asked for its return.
    let directoratesThen: Set<String>
    /// Each holder's own proposals, and the proposals cutting each cost centre, as places in
    /// `input.proposals` (not copies of them).
    let ownedByHolder: [String: [Int32]]
    let cutting: [CostCentreCode: [Int32]]
    /// The findings' positions in `findings`, by the refs and by the cost centre they name, so
    /// each holder's are found without scanning every finding.
    let findingsByRef: [ProposalRef: [Int]]
    let findingsByCentre: [CostCentreCode: [Int]]
    /// By holder: the latest sign-off for an earlier period, and the latest for this one.
    let signedBefore: [String: SignOff]
    let signedNow: [String: SignOff]
    /// The head of the record chain the books were read at.
    public let head: ChainHead

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
        let period = input.asOf
        let lines = input.lines
        lineIndex = LineIndex(lines)
        var previousDelivered = [Pence](repeating: .zero, count: lines.count)
        var previousElsewhere: [ProposalYear: Pence] = [:]
        for line in try ledger.positionLines(asOf: period.previous) where !line.position.delivered.isZero {
            let key = ReconciliationInput.key(line.proposal, line.year)
            if let i = lineIndex.lines(key).first(where: { lines[Int($0)].costCentre == line.costCentre }) {
                previousDelivered[Int(i)] += line.position.delivered
            } else {
                previousElsewhere[key, default: .zero] += line.position.delivered
            }
        }
        self.previousDelivered = previousDelivered
        self.previousElsewhere = previousElsewhere
        deliveredByMonth = input.window.contains(period.year) ? try ledger.deliveredByMonth(in: period.year) : [:]
        var entriesByRef: [ProposalRef: [JournalEntry]] = [:]
        try ledger.forEachEntry(JournalFilter(period: period)) { entriesByRef[$0.proposal, default: []].append($0) }
        self.entriesByRef = entriesByRef
        var centresByHolder: [String: [CostCentreCode]] = [:]
        var directoratesThen: Set<String> = []
        for a in input.model.snapshot(on: period.lastDay) {
            centresByHolder[a.budgetHolder, default: []].append(a.costCentre)
            directoratesThen.insert(a.directorate)
        }
        self.centresByHolder = centresByHolder
        self.directoratesThen = directoratesThen
        var ownedByHolder: [String: [Int32]] = [:]
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
        var before: [String: SignOff] = [:]
        var now: [String: SignOff] = [:]
        for signed in try ledger.signOffs(upTo: period) {
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
    public var holders: [String] { Set(centresByHolder.keys).union(ownedByHolder.keys).sorted() }

    /// The statement of one holder.
    public func statement(for holder: String) throws -> HolderStatement {
        try statement(
            holder: holder, held: (centresByHolder[holder] ?? []).sorted(),
            owned: (ownedByHolder[holder] ?? []).map { input.proposals[Int($0)] }.sorted { $0.ref < $1.ref }, portfolio: nil)
    }

    /// Every finding a holder's statement names (it shows the ten most serious), most serious first:
    /// what `mtfs reconcile --holder` lists.
    public func findings(onStatementOf holder: String) -> [Finding] {
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
    public func directorates(of holder: String) -> [String] {
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
            holder: name, held: [], owned: input.proposals.filter { $0.portfolio == name }.sorted { $0.ref < $1.ref }, portfolio: name)
    }

    private func statement(holder: String, held: [CostCentreCode], owned: [Proposal], portfolio: String?) throws -> HolderStatement {
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
            holder: holder, period: period, directorates: directorates, centres: centres, owned: ownedLines, others: otherLines,
            yearsAhead: ahead, totals: HolderStatement.Totals(ownedLines, years: ahead.count, behindIf: settings),
            findings: Array(mine.prefix(HolderStatement.shownFindings)),
            entries: portfolio != nil ? [] : refs.sorted().flatMap { entriesByRef[$0] ?? [] }.sorted { $0.id < $1.id },
            previousSignOff: portfolio != nil ? nil : signedBefore[holder],
            head: head, latestReturns: directorates.compactMap { d in input.directorateReturns[d].map { (d, $0.period) } },
            askedForReturn: directoratesThen,
            signature: portfolio != nil ? .notSigned : signature(holder: holder, figures: StatementFigures(ownedLines + otherLines)),
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

    private func signature(holder: String, figures: StatementFigures) -> HolderStatement.Signature {
        guard let signed = signedNow[holder] else { return .notSigned }
        // A sign-off from before schema 5 recorded no figures: it stands as signed.
        guard let text = signed.figures else { return .signed(signed) }
        let changes = figures.changes(since: text)
        return changes.isEmpty ? .signed(signed) : .changed(signed, changes)
    }
}

/// Signing a statement: the holder's statement is built, and its figures and the chain head
/// recorded with the sign-off, in one transaction, so what is recorded is what was shown.
public enum SignOffs {
    /// Signs `holder`'s statement for `period`. Refuses a holder with no statement that period,
    /// a period outside the MTFS years, a period after the latest data in the ledger, a comment that
    /// is not plain text, and — given `shown`, the hash of the figures the signer saw — figures that
    /// have changed since (a return recorded meanwhile). Every way to sign (the command line, the
    /// portal's page, the API) comes here: the rules are these and nowhere else.
    @discardableResult
    public static func sign(
        ledger: Ledger, holder: String, period: Period, comment: String, shown: String? = nil, by who: Provenance
    ) throws -> SignOff {
        try ledger.transaction {
            guard !holder.trimmingSpaces().isEmpty else { throw LedgerError.refused("the budget holder's name is empty") }
            if let problem = PlainText.problem(comment, limit: PlainText.noteLimit) { throw LedgerError.refused("the comment \(problem)") }
            let window = try ledger.requireWindow()
            guard window.contains(period.year) else {
                throw LedgerError.refused("\(period) is outside the ledger's MTFS years \(window); there is no statement to sign")
            }
            guard let latest = try ledger.latestDataPeriod(), period <= latest else {
                throw LedgerError.refused(
                    "nothing has been recorded for \(period) yet (the latest data is for \(try ledger.latestDataPeriod().map(\.description) ?? "no period")); a statement can be signed once its month has figures"
                )
            }
            let builder = try StatementBuilder(ledger: ledger, period: period, settings: try ledger.reconcileSettings())
            guard builder.holders.contains(holder) else {
                throw LedgerError.refused(
                    "\(holder) holds no cost centre and owns no proposal at the end of \(period), so has no statement to sign; check the name against the statements for \(period)"
                )
            }
            let statement = try builder.statement(for: holder)
            // Signing the same figures twice records nothing new: a second click, a form sent
            // again, a script run twice. Figures that changed since the last sign-off may be signed.
            if let earlier = try ledger.signOff(holder: holder, for: period), earlier.figures == statement.figures.text {
                throw LedgerError.conflict(
                    "\(holder)'s statement for \(period) is already signed with these figures (by \(earlier.signer) on \(earlier.signedAt.prefix(10))); nothing was recorded")
            }
            if let shown, SHA256.hex(statement.figures.text) != shown {
                throw LedgerError.conflict(
                    "The figures changed after the page was shown (a return or entry was recorded meanwhile); nothing was signed. Open the statement again, check it and sign.")
            }
            try ledger.signOff(
                holder: holder, period: period, comment: comment, figures: statement.figures.text, head: builder.head, by: who)
            return try ledger.signOff(holder: holder, for: period) ?? SignOff(
                holder: holder, period: period, signedBy: who.actor, signedAt: who.recordedAt, comment: comment)
        }
    }
}

/// The statements index: one line per holder saying how their own proposals stand and whether the
/// statement was signed, so finance sees at a glance whom to chase.
public struct StatementIndex: Sendable, Encodable {
    public struct Entry: Sendable, Hashable, Encodable {
        public var holder: String
        public var directorates: [String]
        /// How many proposals the holder owns, and their totals this year.
        public var proposals: Int
        public var currentTarget: Pence
        public var profiled: Pence
        public var delivered: Pence
        public var variance: Pence { delivered - profiled }
        /// Whether the variance is behind beyond tolerance (what a page shows in red).
        public var behind: Bool
        /// The owned proposals by their latest RAG (`unrated` when no return gave one).
        public var blue = 0, green = 0, amber = 0, red = 0, unrated = 0
        public var findings: Int
        /// `signed`, `changed since signed` or `not signed`.
        public var signOffStatus: String
        /// The holder's statement files' name, without the extension.
        public var file: String
        /// The holder's directorates that have not returned for the month yet (their variance is
        /// against a profile the missing return may still meet).
        public var awaitingReturns: [String]

        public init(_ s: HolderStatement, file: String) {
            self.file = file
            awaitingReturns = s.awaitingReturns
            holder = s.holder
            directorates = s.directorates
            proposals = s.owned.count
            currentTarget = s.totals.currentTarget
            profiled = s.totals.profiled
            delivered = s.totals.delivered
            behind = s.totals.behind
            findings = s.findings.count
            for line in s.owned {
                switch line.rag {
                case .blue: blue += 1
                case .green: green += 1
                case .amber: amber += 1
                case .red: red += 1
                case nil: unrated += 1
                }
            }
            switch s.signature {
            case .notSigned: signOffStatus = "not signed"
            case .signed: signOffStatus = "signed"
            case .changed: signOffStatus = "changed since signed"
            }
        }

        private enum Keys: String, CodingKey {
            case holder, file, directorates, proposals, current_target_pence, profiled_pence, delivered_pence, variance_pence, rag, findings,
                sign_off_status, awaiting_returns
        }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(holder, forKey: .holder)
            try c.encode(file, forKey: .file)
            try c.encode(directorates, forKey: .directorates)
            try c.encode(proposals, forKey: .proposals)
            try c.encode(currentTarget, forKey: .current_target_pence)
            try c.encode(profiled, forKey: .profiled_pence)
            try c.encode(delivered, forKey: .delivered_pence)
            try c.encode(variance, forKey: .variance_pence)
            try c.encode(["blue": blue, "green": green, "amber": amber, "red": red, "unrated": unrated], forKey: .rag)
            try c.encode(findings, forKey: .findings)
            try c.encode(signOffStatus, forKey: .sign_off_status)
            try c.encode(awaitingReturns, forKey: .awaiting_returns)
        }
    }

    public var period: Period
    public var head: ChainHead
    public var entries: [Entry] = []

    public init(period: Period, head: ChainHead) {
        self.period = period
        self.head = head
    }

    /// Adds a holder's line (statements are made and written one at a time); `file` is the name
    /// their statement files were written under, without the extension.
    public mutating func add(_ statement: HolderStatement, file: String) { entries.append(Entry(statement, file: file)) }

    private enum Keys: String, CodingKey { case period, head, holders }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(period, forKey: .period)
        try c.encode(head, forKey: .head)
        try c.encode(entries, forKey: .holders)
    }
}
