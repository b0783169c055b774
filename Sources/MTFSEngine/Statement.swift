import MTFSDomain
import MTFSStore

/// A budget holder's monthly accountability statement, as data: every renderer only formats it.
public struct HolderStatement: Sendable {
    /// One proposal on the statement.
    public struct Line: Sendable, Hashable {
        public var ref: String
        public var title: String
        public var owner: String
        /// Whether the holder owns it (else it cuts one of their cost centres and is someone else's).
        public var owned: Bool
        public var costCentres: [String]
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
    }

    /// The totals of a set of lines.
    public struct Totals: Sendable, Hashable {
        public var originalTarget = Pence.zero, currentTarget = Pence.zero, profiled = Pence.zero, delivered = Pence.zero
        public var forecast = Pence.zero, movement = Pence.zero
        public var ahead: [Pence] = []
        public var variance: Pence { delivered - profiled }

        init(_ lines: [Line], years: Int) {
            ahead = Array(repeating: .zero, count: years)
            for l in lines {
                originalTarget += l.originalTarget
                currentTarget += l.currentTarget
                profiled += l.profiled
                delivered += l.delivered
                forecast += l.forecast ?? l.currentTarget
                movement += l.movement
                for (i, a) in l.ahead.enumerated() where i < ahead.count { ahead[i] += a }
            }
        }
    }

    /// A cost centre the holder holds at the period end.
    public struct Centre: Sendable, Hashable {
        public var code: String, name: String, service: String, directorate: String
        public var baseline: Pence?
        public var since: CivilDate
    }

    public var holder: String
    public var period: Period
    public var asAt: CivilDate { period.lastDay }
    public var directorates: [String]
    public var centres: [Centre]
    public var owned: [Line]
    public var others: [Line]
    public var yearsAhead: [FinancialYear]
    public var totals: Totals
    public var findings: [Finding]
    public var entries: [JournalEntry]
    public var previousSignOff: SignOff?
}

/// Computes statements for any holder from one read of the books, so a run for a thousand holders
/// reads the ledger once.
public struct StatementBuilder {
    public let input: ReconciliationInput
    public let findings: [Finding]
    let ledger: Ledger
    let previous: [String: Pence]  // delivered by "ref|year" at the end of the previous period
    let position: [String: Position]
    let entriesByRef: [String: [JournalEntry]]
    let centresByHolder: [String: [String]]
    let ownedByHolder: [String: [Proposal]]
    let cutting: [String: [Proposal]]  // proposals by cost centre
    /// The findings' positions in `findings`, by the refs and by the cost centre they name, so
    /// each holder's are found without scanning every finding.
    let findingsByRef: [String: [Int]]
    let findingsByCentre: [String: [Int]]

    /// Reads the books as at the end of `period`.
    public init(ledger: Ledger, period: Period, settings: ReconcileSettings) throws {
        let input = try ReconciliationInput.load(ledger, asOf: period, today: period.lastDay)
        try self.init(ledger: ledger, input: input, findings: Reconciliation(input: input, settings: settings).findings())
    }

    /// Builds on books already read and reconciled as at `input.asOf`.
    public init(ledger: Ledger, input: ReconciliationInput, findings: [Finding]) throws {
        self.ledger = ledger
        self.input = input
        self.findings = findings
        let period = input.asOf
        position = input.positionsByProposalYear()
        var previous: [String: Pence] = [:]
        for line in try ledger.positionLines(asOf: period.previous) {
            previous[ReconciliationInput.key(line.proposal, line.year), default: .zero] += line.position.delivered
        }
        self.previous = previous
        entriesByRef = Dictionary(grouping: try ledger.journal(JournalFilter(period: period)), by: \.proposal)
        var centresByHolder: [String: [String]] = [:]
        for a in input.model.snapshot(on: period.lastDay) { centresByHolder[a.budgetHolder, default: []].append(a.costCentre) }
        self.centresByHolder = centresByHolder
        ownedByHolder = Dictionary(grouping: input.proposals, by: \.owner)
        var cutting: [String: [Proposal]] = [:]
        for p in input.proposals { for s in p.costCentres { cutting[s.costCentre, default: []].append(p) } }
        self.cutting = cutting
        var byRef: [String: [Int]] = [:]
        var byCentre: [String: [Int]] = [:]
        for (i, f) in findings.enumerated() {
            for ref in Set(f.refs) { byRef[ref, default: []].append(i) }
            if let c = f.costCentre { byCentre[c, default: []].append(i) }
        }
        findingsByRef = byRef
        findingsByCentre = byCentre
    }

    /// Everyone a statement is due to: holders of cost centres at the period end and proposal owners.
    public var holders: [String] { Set(centresByHolder.keys).union(ownedByHolder.keys).sorted() }

    /// The statement of one holder.
    public func statement(for holder: String) throws -> HolderStatement {
        let period = input.asOf
        let year = period.year
        let ahead = input.window.years.filter { $0 > year }
        let held = (centresByHolder[holder] ?? []).sorted()
        let heldSet = Set(held)
        let owned = (ownedByHolder[holder] ?? []).sorted { $0.ref < $1.ref }
        let ownedRefs = Set(owned.map(\.ref))
        var others: [Proposal] = []
        var seen: Set<String> = []
        for c in held { for p in cutting[c] ?? [] where !ownedRefs.contains(p.ref) && seen.insert(p.ref).inserted { others.append(p) } }
        others.sort { $0.ref < $1.ref }

        func line(_ p: Proposal, owned: Bool) -> HolderStatement.Line {
            let key = ReconciliationInput.key(p.ref, year)
            let pos = position[key] ?? Position()
            let f = input.forecasts[key]
            return HolderStatement.Line(
                ref: p.ref, title: p.title, owner: p.owner, owned: owned, costCentres: p.costCentres.map(\.costCentre),
                originalTarget: pos.originalTarget, currentTarget: pos.currentTarget,
                profiled: p.profiled(pos.currentTarget, year: year, through: period), delivered: pos.delivered,
                forecast: f?.forecast, rag: f?.rag, comment: f?.comment ?? "", movement: pos.delivered - (previous[key] ?? .zero),
                ahead: ahead.map { position[ReconciliationInput.key(p.ref, $0)]?.currentTarget ?? .zero })
        }
        let ownedLines = owned.map { line($0, owned: true) }
        let otherLines = others.map { line($0, owned: false) }
        let refs = ownedRefs.union(others.map(\.ref))
        let centres = held.map { code -> HolderStatement.Centre in
            let a = input.model.assignment(of: code, on: period.lastDay)
            return HolderStatement.Centre(
                code: code, name: input.names[code] ?? "", service: a?.service ?? "", directorate: a?.directorate ?? "",
                baseline: input.baselines[code]?[year], since: a?.effective ?? period.lastDay)
        }
        let directorates = Set(centres.map(\.directorate)).union(owned.map(\.directorate)).sorted()
        return HolderStatement(
            holder: holder, period: period, directorates: directorates, centres: centres, owned: ownedLines, others: otherLines,
            yearsAhead: ahead, totals: HolderStatement.Totals(ownedLines, years: ahead.count),
            findings: Set(refs.flatMap { findingsByRef[$0] ?? [] } + heldSet.flatMap { findingsByCentre[$0] ?? [] }).sorted().map {
                findings[$0]
            },
            entries: refs.sorted().flatMap { entriesByRef[$0] ?? [] }.sorted { $0.id < $1.id },
            previousSignOff: try ledger.latestSignOff(holder: holder, upTo: period))
    }
}
