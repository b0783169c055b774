import MTFSDomain
import MTFSStore

/// The report a council puts before Cabinet and its overview and scrutiny committee (SPEC §7 v3):
/// by Cabinet portfolio, then directorate, each proposal's target for the year, what is delivered
/// and the rest of the year's money by status; the service impacts reported since the last report
/// (unforeseen first); slippage and double counts in plain words; and who is accountable (the
/// owner, and the portfolio holder). Fit to publish: no figure below a proposal (no cost centre,
/// no ledger entry, no login), and no comment text unless asked for.
public struct MembersReport: Sendable {
    /// One proposal's (or a group's) year in money, by status. Without a forecast, what is still to
    /// deliver is "no forecast": never counted as on track.
    public struct Money: Sendable, Hashable {
        /// The target approved in the MTFS for the year.
        public var originalTarget = Pence.zero
        /// Slipped to later years (net of any slipped in from earlier ones) and written off as
        /// unachievable: approved − slipped − written off = the target now.
        public var slipped = Pence.zero
        public var writtenOff = Pence.zero
        /// The current target (after slips and write-offs); savings only.
        public var target = Pence.zero
        public var delivered = Pence.zero
        public var onTrack = Pence.zero
        public var atRisk = Pence.zero
        public var willNotBeDelivered = Pence.zero
        public var noForecast = Pence.zero
        public init() {}

        mutating func add(_ o: Money) {
            originalTarget += o.originalTarget
            slipped += o.slipped
            writtenOff += o.writtenOff
            target += o.target
            delivered += o.delivered
            onTrack += o.onTrack
            atRisk += o.atRisk
            willNotBeDelivered += o.willNotBeDelivered
            noForecast += o.noForecast
        }

        /// Slipped or written off: what the approved target has lost (negative when more slipped in).
        public var moved: Pence { slipped + writtenOff }

        /// Delivered as a share of the current target.
        public var deliveredShare: Double? { target.isZero ? nil : Double(delivered.rawValue) / Double(target.rawValue) }
    }

    /// A total of one fund: funds are never added together (SPEC §5 v3).
    public struct FundTotal: Sendable, Hashable {
        public var fund: String
        public var money: Money
    }

    public struct Line: Sendable {
        public var proposal: Proposal
        public var money: Money
        /// The latest RAG rating, when a forecast was returned.
        public var rag: RAG?
        /// Returned, but with no delivered figure yet (SPEC §5 v3).
        public var notReported: Bool
        /// The latest return's comment: only with `--with-comments`, else nil.
        public var comment: String?
    }

    /// A portfolio's proposals in one directorate.
    public struct Group: Sendable {
        public var directorate: String
        /// The directorate's latest return by the report's month: what its figures are as at.
        public var latestReturn: Period?
        public var lines: [Line]
        public var totals: [FundTotal]
    }

    /// A service impact a return reported.
    public struct Impact: Sendable {
        public var report: ImpactReport
        /// Not foreseen when the saving was risk-assessed (SPEC §6 SI01's rule).
        public var unforeseen: Bool
        /// The risk assessment identified no impact at all.
        public var noneIdentified: Bool
        public var proposal: Proposal
    }

    /// Slippage or a possible double count, in a sentence a councillor reads.
    public struct Concern: Sendable, Hashable {
        public enum Kind: String, Sendable { case doubleCount = "double count", slippage, writtenOff = "written off" }
        public var kind: Kind
        /// The reconciliation's code, when a finding raised it (a slip agreed is no finding).
        public var code: FindingCode?
        public var sentence: String
        public var amount: Pence
    }

    public struct Portfolio: Sendable {
        public var name: String
        /// The portfolio holder (the lead member); several are named when proposals disagree.
        public var holder: String?
        public var groups: [Group]
        public var totals: [FundTotal]
        /// Unforeseen first, then the newest.
        public var impacts: [Impact]
        /// Double counts first, then slippage; the most money first.
        public var concerns: [Concern]
        /// High-risk savings whose last three returns said nothing about service impacts (SI02).
        public var silentOnImpacts: [Proposal] = []
    }

    /// The end of the month the report is as at; its year is the year reported.
    public var period: Period
    public var year: FinancialYear { period.year }
    /// Impacts reported after this period (the last report's) are "since the last report".
    public var since: Period
    public var withComments: Bool
    public var portfolios: [Portfolio]
    public var totals: [FundTotal]
    /// The head of the record chain the figures were read at.
    public var head: ChainHead
    /// Each directorate's latest return by the period: what its figures are as at.
    public var latestReturns: [String: Period]
    /// Set when the report is one portfolio's (or one directorate's) part of the programme.
    public var scope: String?

    /// The name a proposal with no portfolio is listed under.
    public static let noPortfolio = "No portfolio given"

    /// Reads the books as at the end of `period`. `include` limits the report to some proposals (a
    /// member's portfolio, a finance user's directorate); `scope` says which, in words.
    public static func build(
        input: ReconciliationInput, findings: [Finding], since: Period? = nil, withComments: Bool = false,
        include: (Proposal) -> Bool = { _ in true }, scope: String? = nil
    ) -> MembersReport {
        let period = input.asOf
        let year = period.year
        // The last report's month: a quarter before, unless given.
        let since = since ?? period.back(3)
        var positions: [ProposalRef: Position] = [:]
        for line in input.lines where line.year == year { positions[line.proposal, default: Position()] += line.position }
        let chosen = input.proposals.filter(include)
        let byRef = Dictionary(uniqueKeysWithValues: input.proposals.map { ($0.ref, $0) })

        func line(_ p: Proposal) -> Line? {
            let pos = positions[p.ref] ?? Position()
            guard pos.originalTarget > .zero || pos.currentTarget > .zero || !pos.delivered.isZero else { return nil }
            let key = ReconciliationInput.key(p.ref, year)
            let f = input.forecasts[key]
            var m = Money()
            m.originalTarget = max(.zero, pos.originalTarget)
            m.target = max(.zero, pos.currentTarget)
            // What the approved target lost, so that approved − slipped − written off = the target now.
            m.writtenOff = pos.unachievable
            m.slipped = m.originalTarget - m.target - m.writtenOff
            m.delivered = pos.delivered
            if let status = f?.status {
                m.onTrack = status.green
                m.atRisk = status.amber
                m.willNotBeDelivered = status.red
            } else if let f {
                // The forecast's undelivered part takes its RAG; what the forecast falls short of the
                // target will not be delivered. Money banked counts in full (SPEC §7 v3).
                let forecast = max(f.forecast, m.delivered)
                let coming = forecast - m.delivered
                switch f.rag {
                case .blue, .green: m.onTrack = coming
                case .amber: m.atRisk = coming
                case .red: m.willNotBeDelivered = coming
                }
                m.willNotBeDelivered += max(.zero, m.target - forecast)
            } else {
                m.noForecast = max(.zero, m.target - m.delivered)
            }
            let comment = withComments ? f.map(\.comment).flatMap { $0.trimmingSpaces().isEmpty ? nil : $0 } : nil
            return Line(proposal: p, money: m, rag: f?.rag, notReported: input.notReported(key, delivered: pos.delivered), comment: comment)
        }

        func totals(_ lines: [Line]) -> [FundTotal] {
            var byFund: [String: Money] = [:]
            for l in lines { byFund[l.proposal.fund, default: Money()].add(l.money) }
            return byFund.map { FundTotal(fund: $0.key, money: $0.value) }.sorted { Summary.order($0.fund) < Summary.order($1.fund) }
        }

        func named(_ ref: ProposalRef) -> String { byRef[ref].map { "\(ref) (\($0.title))" } ?? ref.rawValue }
        func list(_ refs: [ProposalRef]) -> String { Reconciliation.list(refs.map(named)) }

        // Findings in plain words, at proposal level: the amount, the proposals and the year, never
        // the cost centre or the figures on it.
        /// ", at People's latest return (October 2023)" when a finding is judged at an earlier return.
        func judged(_ f: Finding) -> String {
            guard let ref = f.refs.first, let at = input.judgedAt[ref]?.period, at < period else { return "" }
            return " (at the latest return, \(at.monthName))"
        }

        func concern(_ f: Finding) -> Concern? {
            let y = f.year.map { " in \($0)" } ?? ""
            let who = list(f.refs)
            let amount = f.amount.forReading
            let one = f.refs.count == 1
            let doubleCount: String? =
                switch f.code {
                case .DC01: "\(who) \(one ? "claims" : "together claim") \(amount) more in savings than the budget \(one ? "it is" : "they are") taken from\(y)."
                case .DC02: "\(who), owned by different officers, claim the same budget\(y); up to \(amount) may be counted twice."
                case .DC03: "\(who) claim the same budget from both sides of a restructure\(y); \(amount) may be counted twice."
                case .DC04: "\(who) look like the same saving\(y); up to \(amount) may be counted twice."
                case .DC05: "\(who) are a saving and its replacement, both still counted\(y); \(amount) is counted twice."
                default: nil
                }
            if let doubleCount { return Concern(kind: .doubleCount, code: f.code, sentence: "Possible double count: " + doubleCount, amount: f.amount) }
            let slippage: String? =
                switch f.code {
                case .SL01: "\(who) is behind plan: \(amount) less delivered by now than planned\(y)\(judged(f))."
                case .SL02: "\(who) is forecast to fall \(amount) short of its target\(y)."
                case .SL03: "\(who) has slipped more than once: \(amount) moved to later years in all."
                case .SL04: "\(who) has recorded no delivery since a restructure moved its budget; \(amount) of its target\(y) remains."
                default: nil
                }
            return slippage.map { Concern(kind: .slippage, code: f.code, sentence: $0, amount: f.amount) }
        }

        var portfolioNames: [String: [Proposal]] = [:]
        for p in chosen { portfolioNames[p.portfolio ?? noPortfolio, default: []].append(p) }
        var portfolios: [Portfolio] = []
        var allLines: [Line] = []
        for (name, proposals) in portfolioNames {
            let inPortfolio = Set(proposals.map(\.ref))
            var byDirectorate: [String: [Line]] = [:]
            for p in proposals { if let l = line(p) { byDirectorate[p.directorate, default: []].append(l) } }
            let groups = byDirectorate.keys.sorted().map { d in
                let lines = byDirectorate[d]!.sorted { $0.proposal.ref < $1.proposal.ref }
                return Group(directorate: d, latestReturn: input.directorateReturns[d]?.period, lines: lines, totals: totals(lines))
            }
            let lines = groups.flatMap(\.lines)
            allLines += lines
            // Service impacts since the last report, once each (a return line per year may repeat one).
            var seen: Set<String> = []
            var impacts: [Impact] = []
            for r in input.impactReports where inPortfolio.contains(r.ref) && r.period > since && r.period <= period {
                guard seen.insert("\(r.ref)|\(r.period.code)|\(r.impact.text)").inserted, let p = byRef[r.ref] else { continue }
                let identified = input.identifiedImpacts[r.ref] ?? []
                impacts.append(Impact(report: r, unforeseen: r.unforeseen(identified: identified), noneIdentified: identified.isEmpty, proposal: p))
            }
            impacts.sort {
                ($0.unforeseen ? 0 : 1, -$0.report.period.code, $0.report.ref) < ($1.unforeseen ? 0 : 1, -$1.report.period.code, $1.report.ref)
            }
            var concerns: [Concern] = []
            // One sentence for a code on the same proposals in several years (the largest stands for
            // the rest, naming their years), as the CFO's summary does.
            var sameFinding: [String: [Finding]] = [:]
            for f in findings where !inPortfolio.isDisjoint(with: f.refs) && (f.year.map { $0 >= year } ?? true) {
                sameFinding["\(f.code.rawValue)|\(f.refs.map(\.rawValue).joined(separator: ";"))", default: []].append(f)
            }
            for group in sameFinding.values {
                let ordered = group.sorted(by: Finding.precedes)
                guard var c = concern(ordered[0]) else { continue }
                let rest = ordered.dropFirst().filter { $0.year != nil && $0.year != ordered[0].year }.sorted { $0.year! < $1.year! }
                if !rest.isEmpty { c.sentence += Summary.otherYears(ordered[0], Array(rest)).text }
                concerns.append(c)
            }
            // Slips agreed out of the year (one sentence a saving, however many decisions), and money
            // written off, whether or not a finding followed.
            let slipsOut = Dictionary(grouping: input.slips.filter { inPortfolio.contains($0.proposal) && $0.from == year }, by: \.proposal)
            for (ref, slips) in slipsOut {
                let total = slips.reduce(Pence.zero) { $0 + $1.amount }
                let each = slips.sorted { $0.effective < $1.effective }.map { "\($0.amount.forReading) to \($0.to), agreed \($0.effective.longText)" }
                concerns.append(
                    Concern(
                        kind: .slippage, code: nil,
                        sentence: "\(total.forReading) of the \(year) saving of \(named(ref)) slipped to later years"
                            + (slips.count == 1 ? ": " : " in \(slips.count) decisions: ") + Reconciliation.list(each) + ".",
                        amount: total))
            }
            for p in proposals.sorted(by: { $0.ref < $1.ref }) {
                if let w = positions[p.ref]?.unachievable, w > .zero {
                    concerns.append(
                        Concern(
                            kind: .writtenOff, code: nil, sentence: "\(w.forReading) of the \(year) saving of \(named(p.ref)) was written off as unachievable.",
                            amount: w))
                }
            }
            concerns.sort { ($0.kind == .doubleCount ? 0 : 1, -$0.amount.rawValue, $0.sentence) < ($1.kind == .doubleCount ? 0 : 1, -$1.amount.rawValue, $1.sentence) }
            let silent = Set(findings.filter { $0.code == .SI02 }.flatMap(\.refs)).intersection(inPortfolio).sorted().compactMap { byRef[$0] }
            let holders = Array(Set(proposals.compactMap(\.portfolioHolder))).sorted()
            portfolios.append(
                Portfolio(
                    name: name, holder: holders.isEmpty ? nil : holders.joined(separator: " and "), groups: groups, totals: totals(lines),
                    impacts: impacts, concerns: concerns, silentOnImpacts: silent))
        }
        // Named portfolios by name; proposals with none last.
        portfolios.sort { ($0.name == noPortfolio ? 1 : 0, $0.name) < ($1.name == noPortfolio ? 1 : 0, $1.name) }
        return MembersReport(
            period: period, since: since, withComments: withComments, portfolios: portfolios, totals: totals(allLines),
            head: input.head,
            latestReturns: input.directorateReturns.filter { d, _ in chosen.contains { $0.directorate == d } }.mapValues(\.period), scope: scope)
    }
}
