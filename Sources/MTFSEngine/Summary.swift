import MTFSDomain
import MTFSStore

/// The CFO's view: the programme by directorate and year, and the top findings.
public struct Summary: Sendable {
    /// What the rows are: directorates (as at `structure`), Cabinet portfolios with their holders,
    /// or Corporate Plan priorities (SPEC §7 v3).
    public enum Grouping: String, Sendable, CaseIterable {
        case directorate, portfolio, priority
        /// The rows' heading.
        public var heading: String {
            switch self {
            case .directorate: "Directorate"
            case .portfolio: "Portfolio (holder)"
            case .priority: "Corporate Plan priority"
            }
        }
    }
    public var grouping: Grouping = .directorate
    public struct Row: Sendable, Hashable {
        public var directorate: String
        public var year: FinancialYear
        /// The fund (SPEC §5 v3): rows and totals are per fund, never added across funds.
        public var fund = Proposal.generalFund
        public var originalTarget = Pence.zero
        public var currentTarget = Pence.zero
        public var delivered = Pence.zero
        public var forecast = Pence.zero
        /// Net slipped out of the year (negative when more slipped in).
        public var slipped = Pence.zero
        public var unachievable = Pence.zero
        /// Delivered money in full, and the rest of the forecast weighted by its RAG.
        public var weightedForecast = Pence.zero
        /// What is still to deliver of proposal-years with no forecast: reported as "no forecast", and
        /// counted in the forecast only for what they have delivered, never as on track.
        public var noForecast = Pence.zero
        /// Savings falling out this year (negative targets, as a positive pressure): shown apart from
        /// the targets (which are savings only), never as slippage.
        public var fallsOut = Pence.zero
        /// delivered ÷ current target (after slips and write-offs).
        public var deliveryRate: Double? { currentTarget.isZero ? nil : Double(delivered.rawValue) / Double(currentTarget.rawValue) }
        /// delivered ÷ original target (SPEC §7 v3: councils report against both).
        public var deliveryRateOfOriginal: Double? {
            originalTarget.isZero ? nil : Double(delivered.rawValue) / Double(originalTarget.rawValue)
        }

        mutating func add(_ o: Row) {
            originalTarget += o.originalTarget
            currentTarget += o.currentTarget
            delivered += o.delivered
            forecast += o.forecast
            slipped += o.slipped
            unachievable += o.unachievable
            weightedForecast += o.weightedForecast
            noForecast += o.noForecast
            fallsOut += o.fallsOut
        }
    }

    public var asOf: Period
    /// The date whose operating model the directorates are those of, or nil for the proposals' own directorates.
    public var structure: CivilDate?
    public var rows: [Row]
    /// One total for each year, never a sum across years (a year's delivery is not comparable with
    /// another year's target).
    public var totals: [Row]
    /// The most serious findings first (critical before high), then the most money.
    public var topFindings: [Finding]
    public var findingCount: Int
    /// The head of the record chain the figures were read at.
    public var head: ChainHead = .empty
    /// Each directorate's latest return by the as-of period: what its delivery figures are as at.
    public var latestReturns: [String: Period] = [:]
    /// The service impacts the returns reported (SPEC §5 v3), unforeseen first (not foreseen, or on
    /// a proposal with no identified impact), then newest first; with each proposal's title, owner and
    /// portfolio holder.
    public var impacts: [(report: ImpactReport, unforeseen: Bool, proposal: Proposal)] = []

    /// Findings most serious first, one line for a code on the same proposals and cost centre in
    /// several years, naming the years (SPEC §7 v3): the most serious (then largest) of them stands
    /// for the rest. The summary's top findings and the CFO's digest.
    public static func oneLineEach(_ findings: [Finding]) -> [Finding] {
        var groups: [[Finding]] = []
        var place: [String: Int] = [:]
        for f in findings.sorted(by: Finding.mostSeriousFirst) {
            let key = "\(f.code.rawValue)|\(f.refs.joined(separator: ";"))|\(f.costCentre?.rawValue ?? "")"
            if let i = place[key] { groups[i].append(f) } else {
                place[key] = groups.count
                groups.append([f])
            }
        }
        return groups.map { group -> Finding in
            var first = group[0]
            let rest = group.dropFirst().filter { $0.year != nil && $0.year != first.year }.sorted { $0.year! < $1.year! }
            guard !rest.isEmpty else { return first }
            first.sentence = first.sentence + Summary.otherYears(first, rest)
            return first
        }
    }

    /// The rest of a finding repeated in other years, for the line that stands for them all: "The
    /// same in 2024/25." when each year's amount is the line's, else each year's amount and the
    /// total, so a CFO never multiplies one year's amount by the years.
    static func otherYears(_ first: Finding, _ rest: [Finding]) -> FindingMessage {
        var tail: FindingMessage = rest.allSatisfy({ $0.amount == first.amount }) ? " The same in " : " Also in "
        let differ = !rest.allSatisfy { $0.amount == first.amount }
        for (i, f) in rest.enumerated() {
            tail = tail + (i == 0 ? "" : i == rest.count - 1 ? " and " : ", ") + "\(f.year!)"
            if differ { tail = tail + " (\(f.amount))" }
        }
        let total = rest.reduce(first.amount) { $0 + $1.amount }
        return tail + (differ ? "; \(total) across the \(rest.count + 1) years." : ".")
    }

    /// The funds the programme's proposals are in (one, the General Fund, for most councils).
    public var funds: [String] { Array(Set(rows.map(\.fund))).sorted { Summary.order($0) < Summary.order($1) } }

    /// Funds in report order: the General Fund first, then the others by name.
    public static func order(_ fund: String) -> String { (fund == Proposal.generalFund ? "0" : "1") + fund }

    /// One year's rows of one fund (all funds' when nil), one per directorate (the chart's bars).
    public func byDirectorate(in year: FinancialYear, fund: String? = nil) -> [Row] {
        rows.filter { $0.year == year && (fund == nil || $0.fund == fund) }
    }

    /// The total for one year of the General Fund (or the one fund there is), or of `fund`.
    public func total(in year: FinancialYear, fund: String? = nil) -> Row? {
        let fund = fund ?? funds.first
        return totals.first { $0.year == year && $0.fund == fund }
    }

    /// Builds the summary from one reconciliation input. With `structure`, every cost centre's share
    /// is counted in the directorate it sat in on that date, so totals are conserved across structures.
    public static func build(
        input: ReconciliationInput, findings: [Finding], settings: ReconcileSettings, structure: CivilDate?,
        year: FinancialYear?, by grouping: Grouping = .directorate
    ) -> Summary {
        let proposals = Dictionary(uniqueKeysWithValues: input.proposals.map { ($0.ref, $0) })
        // Each proposal-year's forecast is split over its cost-centre lines in proportion to their current target.
        var linesByKey: [ProposalYear: [PositionLine]] = [:]
        for line in input.lines where year == nil || line.year == year {
            linesByKey[ReconciliationInput.key(line.proposal, line.year), default: []].append(line)
        }
        var rows: [String: Row] = [:]
        for (key, lines) in linesByKey {
            guard let first = lines.first, let proposal = proposals[first.proposal] else { continue }
            let f = input.forecasts[key]
            let delivered = lines.reduce(Pence.zero) { $0 + $1.position.delivered }
            // Without a forecast only what is delivered is expected: the rest is "no forecast"
            // (SPEC §6 DQ05), never the target in its place.
            // Money banked counts in full (SPEC §7 v3): a forecast below what is delivered counts as delivered.
            let forecast = max(f?.forecast ?? delivered, delivered)
            let undelivered = max(Pence.zero, forecast - delivered)
            // Confidence weights only what is not yet delivered (SPEC §7 v3): money already banked
            // counts in full whatever the RAG, so the weighted figure is never below delivered.
            // Money by status is weighted part by part.
            let weightedUndelivered =
                f?.status.map { $0.weighted(settings.confidenceBasisPoints) }
                ?? undelivered.scaled(by: Int64(f.map { settings.confidenceBasisPoints[$0.rag] ?? 0 } ?? 0), over: 10_000)
            var weights = lines.map { max(0, $0.position.currentTarget.rawValue) }
            if weights.allSatisfy({ $0 == 0 }) { weights = lines.map { _ in 1 } }
            let forecastParts = forecast.allocate(weights: weights)
            // Each line keeps its own delivered money and takes its share of the weighted rest, so no
            // directorate's weighted figure (under any structure) falls below what it delivered.
            let weightedRest = weightedUndelivered.allocate(weights: weights)
            let weightedParts = lines.enumerated().map { i, line in max(Pence.zero, line.position.delivered) + weightedRest[i] }
            for (i, line) in lines.enumerated() {
                let directorate: String
                switch grouping {
                case .directorate:
                    directorate =
                        structure.flatMap {
                            input.model.assignment(of: line.costCentre, on: $0)?.directorate
                                ?? input.model.original(of: line.costCentre)?.directorate
                        }
                        ?? proposal.directorate
                case .portfolio:
                    directorate = proposal.portfolio.map { p in proposal.portfolioHolder.map { "\(p) (\($0))" } ?? p } ?? "No portfolio"
                case .priority:
                    directorate = proposal.priority ?? "No priority given"
                }
                let id = "\(proposal.fund)|\(directorate)|\(line.year.startYear)"
                var row = rows[id] ?? Row(directorate: directorate, year: line.year, fund: proposal.fund)
                let p = line.position
                // Targets are savings; a saving falling out (a negative target) is a pressure, shown
                // apart in its own column, so neither is netted against the other unseen.
                var part = Row(
                    directorate: directorate, year: line.year, fund: proposal.fund, originalTarget: max(.zero, p.originalTarget),
                    currentTarget: max(.zero, p.currentTarget), delivered: p.delivered, forecast: forecastParts[i], slipped: p.netSlipped,
                    unachievable: p.unachievable, weightedForecast: weightedParts[i])
                if f == nil { part.noForecast = max(.zero, p.currentTarget - p.delivered) }
                part.fallsOut = max(.zero, .zero - p.currentTarget)
                row.add(part)
                rows[id] = row
            }
        }
        let sorted = rows.values.sorted {
            (order($0.fund), $0.directorate, $0.year) < (order($1.fund), $1.directorate, $1.year)
        }
        // A total for each fund and year: funds are never added together (SPEC §5 v3).
        var totals: [String: Row] = [:]
        for r in sorted { totals["\(r.fund)|\(r.year.startYear)", default: Row(directorate: "Total", year: r.year, fund: r.fund)].add(r) }
        let relevant = findings.filter { year == nil || $0.year == year }
        let top = Array(Summary.oneLineEach(relevant).prefix(5))
        var summaryImpacts: [(report: ImpactReport, unforeseen: Bool, proposal: Proposal)] = []
        for r in input.impactReports where year == nil || r.year == year {
            guard let p = proposals[r.ref] else { continue }
            summaryImpacts.append((r, r.unforeseen(identified: input.identifiedImpacts[r.ref] ?? []), p))
        }
        summaryImpacts.sort { ($0.unforeseen ? 0 : 1, -$0.report.period.code, $0.report.ref) < ($1.unforeseen ? 0 : 1, -$1.report.period.code, $1.report.ref) }
        var summary = Summary(
            asOf: input.asOf, structure: structure, rows: sorted,
            totals: totals.values.sorted { ($0.year, order($0.fund)) < ($1.year, order($1.fund)) },
            topFindings: top, findingCount: relevant.count, head: input.head,
            latestReturns: input.directorateReturns.mapValues(\.period))
        summary.impacts = summaryImpacts
        summary.grouping = grouping
        return summary
    }
}
