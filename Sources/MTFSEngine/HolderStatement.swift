import MTFSDomain
import MTFSStore

/// A budget holder's monthly accountability statement, as data: every renderer only formats it.
public struct HolderStatement: Sendable {
    /// One proposal on the statement.
    public struct Line: Sendable, Hashable {
        public var ref: ProposalRef
        public var title: String
        public var owner: HolderID
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

    /// The holder's own lines with something to report this month: a return template's rows, the
    /// return form's, and what the returns board and the reminders count.
    public var linesToReport: [Line] { owned.filter(\.hasSomethingToReport) }

    /// Where the holder's return for this statement's month stands on `today`.
    public func returnState(today: CivilDate, dueDay: Int = ReturnsDue.standardDueDay) -> ReturnsDue.State {
        ReturnsDue.state(lines: linesToReport.map(\.returned), period: period, today: today, dueDay: dueDay)
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
