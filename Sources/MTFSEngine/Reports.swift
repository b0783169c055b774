import MTFSDomain
import MTFSStore

/// Positions rolled up by one dimension (`mtfs balance`): by proposal (SPEC §8's pinned rows),
/// directorate, service (as the operating model stood at the end of `asOf`, or on `today`), cost
/// centre or year. Read in one snapshot.
public struct BalanceReport: Sendable, Hashable, Encodable {
    public enum Dimension: String, Sendable, CaseIterable, Encodable {
        case proposal, directorate, service, year
        case costCentre = "cost-centre"
    }

    /// One group's position; the fields its dimension does not use are nil.
    public struct Row: Sendable, Hashable, Encodable {
        public var directorate: String?
        public var service: String?
        public var costCentre: CostCentreCode?
        public var ref: ProposalRef?
        public var year: FinancialYear
        public var position: Position
        /// The fund (SPEC §5 v3): rows of different funds are never one row.
        public var fund = Proposal.generalFund
    }

    /// One fund's total.
    public struct FundTotal: Sendable, Hashable, Encodable {
        public var fund: String
        public var position: Position
        private enum Keys: String, CodingKey { case fund }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(fund, forKey: .fund)
            try PositionCoding(position).encode(to: encoder)
        }
    }

    public var dimension: Dimension
    public var asOf: Period?
    public var year: FinancialYear?
    public var rows: [Row]
    public var total: Position
    /// The total of each fund, General Fund first: funds are totalled apart (SPEC §5 v3).
    public var fundTotals: [FundTotal] = []

    public static func build(
        _ ledger: Ledger, by dimension: Dimension, asOf period: Period?, year onlyYear: FinancialYear?, today: CivilDate
    ) throws -> BalanceReport {
        try ledger.read {
            let lines = try ledger.positions.positionLines(asOf: period).filter { onlyYear == nil || $0.year == onlyYear }
            let proposals = try ledger.books.proposals()
            let directorates = Dictionary(uniqueKeysWithValues: proposals.map { ($0.ref, $0.directorate) })
            let funds = Dictionary(uniqueKeysWithValues: proposals.map { ($0.ref, $0.fund) })
            let model = dimension == .service ? try ledger.organisation.operatingModel() : OperatingModel()
            let date = period?.lastDay ?? today
            var groups: [Row: Position] = [:]
            groups.reserveCapacity(lines.count)
            for line in lines {
                var key = Row(year: line.year, position: Position(), fund: funds[line.proposal] ?? Proposal.generalFund)
                switch dimension {
                case .proposal:
                    key.directorate = directorates[line.proposal] ?? ""
                    key.ref = line.proposal
                case .directorate: key.directorate = directorates[line.proposal] ?? ""
                case .year: break
                case .costCentre:
                    key.costCentre = line.costCentre
                    key.ref = line.proposal
                case .service:
                    let a = model.assignment(of: line.costCentre, on: date) ?? model.original(of: line.costCentre)
                    key.directorate = a?.directorate ?? ""
                    key.service = a?.service ?? ""
                }
                groups[key, default: Position()] += line.position
            }
            let unordered = groups.map { key, position in
                var row = key
                row.position = position
                return row
            }
            // Indices are sorted, not the rows themselves: a row is large, and moving it is most of a sort's cost.
            let rows = unordered.indices.sorted { Row.precedes(unordered[$0], unordered[$1]) }.map { unordered[$0] }
            var total = Position()
            var byFund: [String: Position] = [:]
            for r in rows {
                total += r.position
                byFund[r.fund, default: Position()] += r.position
            }
            var report = BalanceReport(dimension: dimension, asOf: period, year: onlyYear, rows: rows, total: total)
            report.fundTotals = byFund.sorted { Summary.order($0.key) < Summary.order($1.key) }.map { FundTotal(fund: $0.key, position: $0.value) }
            return report
        }
    }

    private enum Keys: String, CodingKey { case dimension, as_of, year, rows, totals, totals_by_fund }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(dimension, forKey: .dimension)
        try c.encode(asOf, forKey: .as_of)
        try c.encode(year, forKey: .year)
        try c.encode(rows, forKey: .rows)
        // One total across funds only where there is one fund; else each fund's (SPEC §5 v3).
        if fundTotals.count <= 1 { try c.encode(PositionCoding(total), forKey: .totals) }
        try c.encode(fundTotals, forKey: .totals_by_fund)
    }
}

extension BalanceReport.Row {
    init(year: FinancialYear, position: Position) {
        self.year = year
        self.position = position
    }

    /// The order rows are listed in: by the dimension's keys, then the year (no allocation per
    /// comparison: a 100k-entry ledger has tens of thousands of rows).
    static func precedes(_ a: Self, _ b: Self) -> Bool {
        if a.directorate != b.directorate { return (a.directorate ?? "") < (b.directorate ?? "") }
        if a.service != b.service { return (a.service ?? "") < (b.service ?? "") }
        if a.costCentre != b.costCentre { return (a.costCentre ?? "") < (b.costCentre ?? "") }
        if a.ref != b.ref { return (a.ref ?? "") < (b.ref ?? "") }
        return a.year < b.year
    }

    private enum Keys: String, CodingKey { case fund, directorate, service, cost_centre, ref, year }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(fund, forKey: .fund)
        try c.encodeIfPresent(directorate, forKey: .directorate)
        try c.encodeIfPresent(service, forKey: .service)
        try c.encodeIfPresent(costCentre, forKey: .cost_centre)
        try c.encodeIfPresent(ref, forKey: .ref)
        try c.encode(year, forKey: .year)
        try PositionCoding(position).encode(to: encoder)
    }
}

/// A position's amounts under the pinned names, in pence.
struct PositionCoding: Encodable {
    var p: Position
    init(_ p: Position) { self.p = p }
    private enum Keys: String, CodingKey {
        case original_target_pence, current_target_pence, delivered_pence, slipped_in_pence, slipped_out_pence, unachievable_pence,
            remaining_pence
    }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(p.originalTarget, forKey: .original_target_pence)
        try c.encode(p.currentTarget, forKey: .current_target_pence)
        try c.encode(p.delivered, forKey: .delivered_pence)
        try c.encode(p.slippedIn, forKey: .slipped_in_pence)
        try c.encode(p.slippedOut, forKey: .slipped_out_pence)
        try c.encode(p.unachievable, forKey: .unachievable_pence)
        try c.encode(p.remaining, forKey: .remaining_pence)
    }
}

/// Proposals with their current target in each MTFS year (`mtfs proposal list`).
public struct ProposalListReport: Sendable, Encodable {
    public struct Row: Sendable, Hashable {
        public var proposal: Proposal
        /// The current target in each of `years`.
        public var targets: [Pence]
    }
    public var years: [FinancialYear]
    public var rows: [Row]
    public var totals: [Pence]

    public static func build(_ ledger: Ledger, directorate: String?, owner: HolderID?) throws -> ProposalListReport {
        try ledger.read {
            let years = Array(try ledger.books.requireWindow().years)
            let positions = try ledger.positions.positionLines().byProposalYear()
            var rows: [Row] = []
            var totals = Array(repeating: Pence.zero, count: years.count)
            for p in try ledger.books.proposals() {
                if let directorate, p.directorate != directorate { continue }
                if let owner, p.owner != owner { continue }
                let targets = years.map { positions[p.ref]?[$0]?.currentTarget ?? .zero }
                for (i, a) in targets.enumerated() { totals[i] += a }
                rows.append(Row(proposal: p, targets: targets))
            }
            return ProposalListReport(years: years, rows: rows, totals: totals)
        }
    }

    private enum Keys: String, CodingKey { case years, rows, totals_pence }
    private enum RowKeys: String, CodingKey { case ref, directorate, owner, title, category, recurrence, targets_pence }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(years, forKey: .years)
        var list = c.nestedUnkeyedContainer(forKey: .rows)
        for r in rows {
            var row = list.nestedContainer(keyedBy: RowKeys.self)
            try row.encode(r.proposal.ref, forKey: .ref)
            try row.encode(r.proposal.directorate, forKey: .directorate)
            try row.encode(r.proposal.owner, forKey: .owner)
            try row.encode(r.proposal.title, forKey: .title)
            try row.encode(r.proposal.category, forKey: .category)
            try row.encode(r.proposal.recurrence.rawValue, forKey: .recurrence)
            try row.encode(r.targets, forKey: .targets_pence)
        }
        try c.encode(totals, forKey: .totals_pence)
    }
}

/// Everything about one proposal (`mtfs proposal show`): its cost centres and who holds them on
/// `today`, its position by year, its latest forecasts and its entries. Read in one snapshot.
public struct ProposalDetail: Sendable {
    public struct Centre: Sendable, Hashable {
        public var share: CostCentreShare
        /// Who holds it on the day the report was made, if anyone.
        public var holder: Assignment?
    }
    public var proposal: Proposal
    public var centres: [Centre]
    public var positions: [(year: FinancialYear, position: Position)]
    public var forecasts: [ForecastRecord]
    /// The latest month each year was returned in: a return that says the forecast again
    /// confirms it without recording it anew.
    public var returnedAt: [FinancialYear: Period] = [:]
    public var entries: [JournalEntry]

    public static func build(_ ledger: Ledger, ref: ProposalRef, today: CivilDate) throws -> ProposalDetail {
        try ledger.read {
            let p = try ledger.books.requireProposal(ref)
            let model = try ledger.organisation.operatingModel()
            let byYear = try ledger.positions.positionLines().byProposalYear()[ref] ?? [:]
            let returned = try ledger.returns.latestReturnPeriods(asOf: nil).filter { $0.key.ref == p.ref }
            var detail = ProposalDetail(
                proposal: p,
                centres: p.costCentres.map { Centre(share: $0, holder: model.assignment(of: $0.costCentre, on: today)) },
                positions: byYear.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                forecasts: try ledger.returns.latestForecasts(ref: ref),
                entries: try ledger.journal.entries(JournalFilter(proposal: ref)))
            detail.returnedAt = Dictionary(returned.map { ($0.key.year, $0.value) }, uniquingKeysWith: max)
            return detail
        }
    }
}

/// Every cost centre as the operating model stood on a date (`mtfs org show`), with its name and its
/// baseline for that date's year. Read in one snapshot.
public struct OperatingModelReport: Sendable, Encodable {
    public struct Row: Sendable, Hashable {
        public var assignment: Assignment
        public var name: String
        public var baseline: Pence?
    }
    public var date: CivilDate
    public var year: FinancialYear
    public var rows: [Row]

    public static func build(_ ledger: Ledger, on date: CivilDate) throws -> OperatingModelReport {
        try ledger.read {
            let names = Dictionary(uniqueKeysWithValues: try ledger.organisation.costCentres().map { ($0.code, $0.name) })
            let baselines = try ledger.organisation.baselines()
            let year = date.financialYear
            return OperatingModelReport(
                date: date, year: year,
                rows: try ledger.organisation.operatingModel().snapshot(on: date).map {
                    Row(assignment: $0, name: names[$0.costCentre] ?? "", baseline: baselines[$0.costCentre]?[year])
                })
        }
    }

    private enum Keys: String, CodingKey { case date, year, cost_centres }
    private enum RowKeys: String, CodingKey { case cost_centre, name, service, directorate, budget_holder, model, since, baseline_pence }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(date, forKey: .date)
        try c.encode(year, forKey: .year)
        var list = c.nestedUnkeyedContainer(forKey: .cost_centres)
        for r in rows {
            var row = list.nestedContainer(keyedBy: RowKeys.self)
            try row.encode(r.assignment.costCentre, forKey: .cost_centre)
            try row.encode(r.name, forKey: .name)
            try row.encode(r.assignment.service, forKey: .service)
            try row.encode(r.assignment.directorate, forKey: .directorate)
            try row.encode(r.assignment.budgetHolder, forKey: .budget_holder)
            try row.encode(r.assignment.model.rawValue, forKey: .model)
            try row.encode(r.assignment.effective, forKey: .since)
            try row.encode(r.baseline, forKey: .baseline_pence)
        }
    }
}
