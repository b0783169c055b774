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
        let window = try ledger.requireWindow()
        var period = try asOf ?? ledger.latestActivityPeriod() ?? today.period
        if asOf == nil {
            if period < window.first.period(1) { period = window.first.period(1) }
            if period > window.last.period(12) { period = window.last.period(12) }
        }
        var forecasts: [ProposalYear: ForecastRecord] = [:]
        try ledger.latestForecasts(asOf: period, provenance: false) { forecasts[key($0.proposal, $0.year)] = $0 }
        let proposals = try ledger.proposals()
        let model = try ledger.operatingModel()
        let byDirectorate = try ledger.latestReturnsByDirectorate(asOf: period, directorates: Set(proposals.map(\.directorate)))
        let returnedAt = try ledger.latestReturnPeriods(asOf: period)
        let judged = try ledger.judgedPeriods(asOf: period, proposals: proposals, returnedAt: returnedAt)
        var lastReturns: [ProposalYear: Period] = [:]
        // Only the (few) proposals missing from the return they are judged at need their last one.
        for p in proposals {
            guard let own = judged.judgedAt[p.ref], judged.reported[own.period]?.contains(key(p.ref, own.period.year)) == false else { continue }
            if let last = try ledger.lastReturn(ref: p.ref, year: own.period.year, before: own.period) {
                lastReturns[key(p.ref, own.period.year)] = last
            }
        }
        var input = ReconciliationInput(
            window: window, asOf: period, proposals: proposals, model: model,
            names: Dictionary(uniqueKeysWithValues: try ledger.costCentres().map { ($0.code, $0.name) }), baselines: try ledger.baselines(),
            lines: try ledger.positionLines(asOf: period), forecasts: forecasts, lastReturns: lastReturns,
            slips: try ledger.slips(asOf: period),
            latestDelivery: try ledger.latestDeliveries(asOf: period, of: proposalsOnMovedCostCentres(proposals, model, by: period.lastDay))
        )
        input.head = try ledger.head()
        input.directorateReturns = byDirectorate
        input.judgedAt = judged.judgedAt
        input.reportedIn = judged.reported
        input.returnedAt = returnedAt
        (input.returnedYears, input.reportedDelivery) = try ledger.returnedDelivery(asOf: period)
        input.identifiedImpacts = try ledger.identifiedImpacts()
        input.impactReports = try ledger.impactReports(asOf: period)
        input.recentImpactNotes = try ledger.recentImpactNotes(refs: proposals.filter { $0.risk == .high }.map(\.ref), asOf: period, count: 3)
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

    // MARK: - Double counts

    /// DC01: ongoing savings keep cutting the budget in every later year, so a year's claim is the
    /// ongoing targets of that year and the years before it, plus that year's one-off targets.
    func baselineOverclaim() -> [Finding] {
        var out: [Finding] = []
        forEachClaimedCentre { centre, byYear in
            guard let baselines = input.baselines[centre] else { return }
            for year in input.window.years {
                guard let baseline = baselines[year] else { continue }
                var parts: [ProposalRef: Pence] = [:]
                for (claimYear, refs) in byYear where claimYear <= year {
                    for (ref, amount) in refs {
                        let ongoing = proposal(ref)?.recurrence != .oneOff
                        // A one-off's negative target is its own saving falling out (SPEC §5 v3),
                        // already left out of later years here.
                        if !ongoing && amount.isNegative { continue }
                        if claimYear == year || ongoing { parts[ref, default: .zero] += amount }
                    }
                }
                let total = parts.values.reduce(Pence.zero, +)
                guard total > baseline else { continue }
                let detail: [FindingMessage] = parts.sorted { $0.key < $1.key }.map { "\(ref($0.key)) \($0.value)" }
                out.append(
                    Finding(
                        code: .DC01, severity: .critical, refs: Array(parts.keys), costCentre: centre, year: year, amount: total - baseline,
                        message:
                            "Savings of \(total) are claimed on \(describe(centre: centre)) in \(year) (\(FindingMessage.list(detail))) "
                            + "but its net budget is \(baseline): \(total - baseline) cannot be delivered."))
            }
        }
        return out
    }

    /// DC02: different owners claiming one cost centre in one year.
    func sharedCostCentre(excluding dc03: [Finding]) -> [Finding] {
        var out: [Finding] = []
        let covered = Set(dc03.map { "\($0.costCentre ?? "")|\($0.year?.startYear ?? 0)" })
        forEachClaimedCentre { centre, byYear in
            for (year, refs) in byYear where refs.count > 1 {
                let owners = Set(refs.keys.compactMap { proposal($0)?.owner })
                guard owners.count > 1, !covered.contains("\(centre)|\(year.startYear)") else { continue }
                let total = refs.values.reduce(Pence.zero, +)
                let largest = refs.values.max() ?? .zero
                let who: [FindingMessage] = refs.sorted { $0.key < $1.key }.map { "\(ref($0.key)) (\(proposal($0.key)?.owner ?? "?"), \($0.value))" }
                let holderText = holder(centre).map { ", held by \($0.budgetHolder)" } ?? ""
                out.append(
                    Finding(
                        code: .DC02, severity: .medium, refs: Array(refs.keys), costCentre: centre, year: year, amount: total - largest,
                        message:
                            "\(FindingMessage.list(who)) \(refs.count == 2 ? "both" : "all") claim \(describe(centre: centre))\(holderText) in \(year): "
                            + "the owners must confirm how its \(total) of savings is split."))
            }
        }
        return out
    }

    /// DC03: a cost centre moved, and proposals owned on both sides of the move claim it in the same year.
    func restructureOverlap() -> [Finding] {
        var out: [Finding] = []
        forEachClaimedCentre { centre, byYear in
            for (before, after) in moves(of: centre) {
                let directorateChanged = before.directorate != after.directorate
                func side(_ ref: ProposalRef) -> Int {  // 0 old, 1 new, -1 neither
                    guard let p = proposal(ref) else { return -1 }
                    if p.owner == after.budgetHolder { return 1 }
                    if p.owner == before.budgetHolder { return 0 }
                    if directorateChanged {
                        if p.directorate == after.directorate { return 1 }
                        if p.directorate == before.directorate { return 0 }
                    }
                    return -1
                }
                for (year, refs) in byYear {
                    let old = refs.filter { side($0.key) == 0 }
                    let new = refs.filter { side($0.key) == 1 }
                    guard !old.isEmpty, !new.isEmpty else { continue }
                    let oldTotal = old.values.reduce(Pence.zero, +)
                    let newTotal = new.values.reduce(Pence.zero, +)
                    let overlap = min(oldTotal, newTotal)
                    let oldText: [FindingMessage] = old.sorted { $0.key < $1.key }.map { "\(ref($0.key)) (\(proposal($0.key)?.owner ?? "?"), \($0.value))" }
                    let newText: [FindingMessage] = new.sorted { $0.key < $1.key }.map { "\(ref($0.key)) (\(proposal($0.key)?.owner ?? "?"), \($0.value))" }
                    out.append(
                        Finding(
                            code: .DC03, severity: .critical, refs: Array(old.keys) + Array(new.keys), costCentre: centre, year: year,
                            amount: overlap,
                            message:
                                "\(describe(centre: centre)) moved from \(before.service) (\(before.directorate), \(before.budgetHolder)) to "
                                + "\(after.service) (\(after.directorate), \(after.budgetHolder)) on \(after.effective), yet in \(year) it is claimed "
                                + "by \(FindingMessage.list(oldText)) from the old structure and by \(FindingMessage.list(newText)) from the new: "
                                + "up to \(overlap) may be counted twice."))
                }
            }
        }
        return out
    }

    /// DC04: two proposals that look like the same saving.
    ///
    /// Candidate pairs come from prefix filtering (Chaudhuri, Ganti and Kaushik's set-similarity
    /// join): with each title's words ordered rarest first, two titles whose word overlap reaches
    /// the threshold must share one of the first `n − ⌈t·n⌉ + 1` words of each. Proposals are indexed
    /// by those words within each service and cost centre, so a pair is looked at only when it shares
    /// one of the rarer words of each title and a service or cost centre, never every pair of a
    /// service. A candidate is then checked exactly.
    func similarProposals(excluding dc03: [Finding]) -> [Finding] {
        let doubleCounted = Set(dc03.map(\.refs))
        let all = input.proposals
        // Each title's words as sorted ids, so a pair is compared by merging two short arrays. (The
        // words themselves are found again only for the findings reported.)
        var ids: [String: Int] = [:]
        let wordIDs = all.map { p in
            TitleWords.of(p.title).map { w in
                ids[w]
                    ?? {
                        ids[w] = ids.count
                        return ids.count - 1
                    }()
            }.sorted()
        }
        var frequency = [Int](repeating: 0, count: ids.count)
        for list in wordIDs { for w in list { frequency[w] += 1 } }
        // Each word weighs by its rarity in this programme's titles (SPEC §6 v3): a template's words
        // and the everyday vocabulary weigh nothing, and are never indexed.
        let weight = frequency.map { TitleSimilarity.weight(count: $0, titles: all.count) }
        let common = frequency.map { TitleSimilarity.isCommon(count: $0, titles: all.count) }
        let titleWeight = wordIDs.map { $0.reduce(0.0) { $0 + weight[$1] } }
        /// The weight of the words two titles share, and of those of them that are not common (the evidence).
        func sharedWeight(_ a: [Int], _ b: [Int]) -> (shared: Double, evidence: Double) {
            var i = 0
            var j = 0
            var total = 0.0
            var evidence = 0.0
            while i < a.count && j < b.count {
                if a[i] == b[j] {
                    total += weight[a[i]]
                    if !common[a[i]] { evidence += weight[a[i]] }
                    i += 1
                    j += 1
                } else if a[i] < b[j] {
                    i += 1
                } else {
                    j += 1
                }
            }
            return (total, evidence)
        }
        var serviceOf: [CostCentreCode: [String]] = [:]  // each cost centre's services, at the start and now
        // Each proposal's services and cost centres, sorted and each once (short arrays: a set each
        // costs several times the memory).
        let services = all.map { p in
            Array(
                Set(
                    p.costCentres.flatMap { share in
                        if let known = serviceOf[share.costCentre] { return known }
                        let found = [input.model.original(of: share.costCentre)?.service, holder(share.costCentre)?.service].compactMap { $0 }
                        serviceOf[share.costCentre] = found
                        return found
                    })
            ).sorted()
        }
        let centres = all.map { Array(Set($0.costCentres.map(\.costCentre))).sorted() }
        let years = all.map { p in
            input.window.years.filter {
                let x = pos(p.ref, $0)
                return x.currentTarget > .zero || x.originalTarget > .zero
            }
        }
        // Groups: every service and every cost centre; and across the programme, each category with
        // its years of target. Proposals are indexed by group and by the rarest of their words: two
        // titles alike share words carrying at least 40% of both titles' weight, so the first word
        // (rarest first, one order for every title) that they share is among the words of each that
        // carry all but the last 40% of its weight (prefix filtering). A word most titles share is
        // never indexed, so the work does not grow with how many titles share common words.
        var groupIDs: [String: Int] = [:]
        func group(_ key: String) -> Int {
            if let id = groupIDs[key] { return id }
            groupIDs[key] = groupIDs.count
            return groupIDs.count - 1
        }
        // The prefix is taken over every word, rarest first; only its uncommon words are indexed (an
        // alike pair has evidence, so the rarest word it shares is uncommon, and in both prefixes).
        let prefixes = wordIDs.indices.map { j -> [Int] in
            let rarestFirst = wordIDs[j].filter { weight[$0] > 0 }.sorted { (frequency[$0], $0) < (frequency[$1], $1) }
            var remaining = titleWeight[j]
            var out: [Int] = []
            for w in rarestFirst where remaining >= TitleSimilarity.minimumOverlap * titleWeight[j] - 1e-9 {
                if !common[w] { out.append(w) }
                remaining -= weight[w]
            }
            return out
        }
        // Each candidate pair is handed to `visit` as it is found, never kept. The index is one sorted
        // array of (group and word, proposal): a key's proposals are a run in proposal order, and
        // the proposals before `j` in each of `j`'s runs are its candidates.
        func candidatePairs(_ groupsOf: [[Int]], _ visit: (Int, Int) -> Void) {
            // Key and proposal packed in one integer, the proposal in the low bits: sorting the
            // integers sorts by key, then proposal.
            let proposalBits = UInt64(max(1, Int.bitWidth - all.count.leadingZeroBitCount))
            let proposalMask = (UInt64(1) << proposalBits) - 1
            precondition(
                UInt64(max(1, groupIDs.count)).multipliedReportingOverflow(by: UInt64(max(1, ids.count))).partialValue >> (64 - proposalBits) == 0,
                "DC04: too many groups and words to index")
            var keyed: [UInt64] = []
            keyed.reserveCapacity(all.indices.reduce(0) { $0 + prefixes[$1].count * groupsOf[$1].count })
            for j in all.indices {
                for w in prefixes[j] {
                    for g in groupsOf[j] { keyed.append(UInt64(g * ids.count + w) << proposalBits | UInt64(j)) }
                }
            }
            keyed.sort()
            // Where each entry's run starts, and each proposal's entries (offsets by proposal).
            var runStart = [Int32](repeating: 0, count: keyed.count)
            var start = 0
            var first = [Int32](repeating: 0, count: all.count + 1)
            for p in keyed.indices {
                if p > 0 && keyed[p] >> proposalBits != keyed[p - 1] >> proposalBits { start = p }
                runStart[p] = Int32(start)
                first[Int(keyed[p] & proposalMask) + 1] += 1
            }
            for j in all.indices { first[j + 1] += first[j] }
            var next = first
            var entriesOf = [Int32](repeating: 0, count: keyed.count)
            for p in keyed.indices {
                let j = Int(keyed[p] & proposalMask)
                entriesOf[Int(next[j])] = Int32(p)
                next[j] += 1
            }
            var lastSeen = [Int32](repeating: -1, count: all.count)
            for j in all.indices {
                for k in Int(first[j])..<Int(first[j + 1]) {
                    let p = Int(entriesOf[k])
                    for q in Int(runStart[p])..<p {
                        let i = Int(keyed[q] & proposalMask)
                        if lastSeen[i] != Int32(j) {
                            lastSeen[i] = Int32(j)
                            visit(i, j)
                        }
                    }
                }
            }
        }
        let groupsOf = all.indices.map { i in Array(Set(services[i].map { group("s|" + $0) } + centres[i].map { group("c|" + $0.rawValue) })) }
        let crossGroupsOf = all.indices.map { i -> [Int] in
            years[i].isEmpty
                ? [] : [group("x|" + all[i].category.lowercased().trimmingSpaces() + "|" + years[i].map(\.description).joined(separator: ","))]
        }
        // Alike pairs, then groups of alike proposals (connected through alike pairs): one finding a group.
        var pairs: [(i: Int, j: Int, across: Bool, containment: Double)] = []
        var seen: Set<[ProposalRef]> = []
        // Within a service or cost centre first; then across the programme, at the stricter
        // threshold, pairs that the first did not find.
        for within in [true, false] {
            let threshold = Double(within ? settings.similarityBasisPoints : settings.crossSimilarityBasisPoints) / 10_000
            candidatePairs(within ? groupsOf : crossGroupsOf) { i, j in
                let shared = sharedWeight(wordIDs[i], wordIDs[j])
                let score = TitleSimilarity.score(
                    shared: shared.shared, evidence: shared.evidence, a: titleWeight[i], b: titleWeight[j], titles: all.count)
                guard score.alike(at: threshold) else { return }
                let p = all[i]
                let q = all[j]
                if p.replaces == q.ref || q.replaces == p.ref { return }
                let pair = [p.ref, q.ref].sorted()
                if doubleCounted.contains(pair) || seen.contains(pair) { return }
                guard years[i].contains(where: { years[j].contains($0) }) else { return }
                if !within {
                    // Across the programme: the same category and the same years of target, and
                    // nothing in common that the rule within a service would have looked at.
                    guard p.category.lowercased().trimmingSpaces() == q.category.lowercased().trimmingSpaces(), years[i] == years[j],
                        !centres[i].contains(where: { centres[j].contains($0) }), !services[i].contains(where: { services[j].contains($0) })
                    else { return }
                }
                seen.insert(pair)
                pairs.append((min(i, j), max(i, j), !within, score.containment))
            }
        }
        // Groups in which every member is alike every other (a vague title alike two different
        // savings does not make them one): the most alike pairs first, a proposal joining a group only
        // when it is alike all of it; a pair no group holds is its own.
        var alike: Set<Int> = []
        for p in pairs { alike.insert(p.i * all.count + p.j) }
        func isAlike(_ a: Int, _ b: Int) -> Bool { alike.contains(min(a, b) * all.count + max(a, b)) }
        var groups: [[Int]] = []
        var groupOf: [Int: Int] = [:]
        for p in pairs.sorted(by: { ($0.containment, $1.i, $1.j) > ($1.containment, $0.i, $0.j) }) {
            switch (groupOf[p.i], groupOf[p.j]) {
            case (nil, nil):
                groupOf[p.i] = groups.count
                groupOf[p.j] = groups.count
                groups.append([p.i, p.j])
            case (let g?, nil) where groups[g].allSatisfy({ isAlike($0, p.j) }):
                groups[g].append(p.j)
                groupOf[p.j] = g
            case (nil, let g?) where groups[g].allSatisfy({ isAlike($0, p.i) }):
                groups[g].append(p.i)
                groupOf[p.i] = g
            case (let a?, let b?) where a == b:
                break
            default:
                groups.append([p.i, p.j])  // alike, but not with the rest of either's group
            }
        }
        let names = Dictionary(uniqueKeysWithValues: ids.map { ($0.value, $0.key) })
        var out: [Finding] = []
        for list in groups {
            let group = list.sorted { all[$0].ref < all[$1].ref }
            // The words that carried it: shared by all of them, rarest first, each once (as first spelled).
            let carried = group.dropFirst().reduce(Set(wordIDs[group[0]])) { $0.intersection(wordIDs[$1]) }
                .filter { weight[$0] > 0 }.sorted { (frequency[$0], $0) < (frequency[$1], $1) }.prefix(4)
            // In the first title's order, each stem once as first spelled there.
            let stems = Set(carried.compactMap { names[$0] })
            let words = TitleWords.spelled(in: all[group[0]].title, stems: stems, oncePerStem: true)
            let rarest = carried.first.map { frequency[$0] } ?? 0
            let lightest = group.map { titleWeight[$0] }.min() ?? 1
            let carriedShare = Int((carried.reduce(0.0) { $0 + weight[$1] } / max(lightest, 1e-9) * 100).rounded())
            let inAll = group.dropFirst().reduce(Set(centres[group[0]])) { $0.intersection(centres[$1]) }.sorted()
            let servicesInAll = group.dropFirst().reduce(Set(services[group[0]])) { $0.intersection(services[$1]) }.sorted()
            let both = group.count == 2 ? "both" : "all"
            let context: String
            if !inAll.isEmpty {
                context = "\(both) cut \(Reconciliation.list(inAll))"
            } else if !servicesInAll.isEmpty {
                context = "\(both) in \(Reconciliation.list(servicesInAll))"
            } else if Set(group.map { all[$0].directorate }).count > 1 {
                let directorates = Set(group.map { all[$0].directorate }).sorted()
                context = "\(both) \(all[group[0]].category) savings sitting in different directorates (\(Reconciliation.list(directorates))) with no cost centre in common"
            } else {
                context = "\(both) in \(all[group[0]].directorate), in services or cost centres that overlap"
            }
            let named: [FindingMessage] = group.map { "\(all[$0].ref) “\(all[$0].title)”" }
            // One finding a year in which at least two of them have a target: at risk, all but the
            // largest claim that year (as every other code, a year's money in its year).
            for year in input.window.years {
                let claims = group.filter { years[$0].contains(year) }.map { target(all[$0].ref, year) }.filter { $0 > .zero }
                guard claims.count >= 2 else { continue }
                let amount = claims.reduce(Pence.zero, +) - (claims.max() ?? .zero)
                out.append(
                    Finding(
                        code: .DC04, severity: .medium, refs: group.map { all[$0].ref }, costCentre: inAll.first, year: year, amount: amount,
                        message:
                            "\(FindingMessage.list(named)) look like the same saving: their titles share \(Reconciliation.list(words)) "
                            + (rarest <= group.count
                                ? "(used by no other of the programme's \(all.count) titles; \(carriedShare)% of the shorter title by weight), "
                                : "(the rarest used by \(rarest) of the programme's \(all.count) titles; \(carriedShare)% of the shorter title by weight), ")
                            + "\(context), with targets in \(year); confirm they are different savings."))
            }
        }
        return out
    }

    // MARK: - Slippage

    /// SL01: delivered to date below the straight-line profile by more than the tolerance.
    func behindProfile() -> [Finding] {
        var out: [Finding] = []
        for p in input.proposals {
            // As at the return it is judged at (its owner's, or its directorate's made together): a
            // holder who has not returned for the latest month is not behind for lack of one.
            let own = input.judgedAt[p.ref]?.period
            let asOf = own.map { min($0, input.asOf) } ?? input.asOf
            for year in input.window.years where year <= asOf.year {
                let position = pos(p.ref, year)
                let t = position.currentTarget
                guard t > .zero else { continue }
                // A line never given a delivered figure is "not reported", not behind (SPEC §5 v3).
                if input.notReported(ReconciliationInput.key(p.ref, year), delivered: position.delivered) { continue }
                let profile = p.profiled(t, year: year, through: asOf)
                let shortfall = profile - position.delivered
                guard settings.isBehind(delivered: position.delivered, profile: profile) else { continue }
                let when =
                    year < asOf.year
                    ? "by the end of \(year)" : asOf < input.asOf ? "by \(asOf) (\(input.judgedAt[p.ref]?.byDirectorate == false ? p.owner : p.directorate)'s latest return)" : "by \(asOf)"
                out.append(
                    Finding(
                        code: .SL01, severity: .high, refs: [p.ref], year: year, amount: shortfall,
                        message: "\(describe(proposal: p.ref)) has delivered \(position.delivered) of its \(t) target for \(year) \(when), "
                            + "against a profile of \(profile): \(shortfall) behind."))
            }
        }
        return out
    }

    /// DC05 (v3): a replacement (mitigation) mitigates what the proposal it replaces lost in the
    /// year — written off as unachievable or slipped out of it. It counts twice only beyond that:
    /// the replacement's target in the year less what the replaced one lost, capped at the replaced
    /// one's current target that year (what is still counted for it).
    func replacementOverlap() -> [Finding] {
        var out: [Finding] = []
        for q in input.proposals {
            guard let replacedRef = q.replaces, let p = proposal(replacedRef) else { continue }
            for year in input.window.years {
                let replacement = target(q.ref, year)
                let replaced = pos(p.ref, year)
                let lost = replaced.unachievable + max(.zero, replaced.slippedOut - replaced.slippedIn)
                let amount = min(replacement - lost, replaced.currentTarget)
                guard replacement > .zero, amount > .zero else { continue }
                let lostText: FindingMessage = lost.isZero ? "lost nothing (nothing written off or slipped out)" : "lost only \(lost) (written off or slipped out)"
                out.append(
                    Finding(
                        code: .DC05, severity: .critical, refs: [p.ref, q.ref], costCentre: p.costCentres.first?.costCentre, year: year,
                        amount: amount,
                        message:
                            "\(describe(proposal: q.ref)) replaces \(describe(proposal: p.ref)), yet in \(year) \(p.ref) \(lostText) and still counts "
                            + "\(replaced.currentTarget), while \(q.ref) targets \(replacement): \(amount) is counted twice. Write off or slip "
                            + "what \(p.ref) will not deliver, or reduce \(q.ref)."))
            }
        }
        return out
    }

    /// SL02: the forecast for the year below its current target.
    func forecastShortfall() -> [Finding] {
        input.forecasts.values.compactMap { f in
            let t = target(f.proposal, f.year)
            guard f.forecast < t else { return nil }
            let gap = t - f.forecast
            let severity: Severity = gap.rawValue * 4 >= t.rawValue ? .high : .medium
            return Finding(
                code: .SL02, severity: severity, refs: [f.proposal], year: f.year, amount: gap,
                message: "\(describe(proposal: f.proposal)) forecasts \(f.forecast) for \(f.year) against a target of \(t) "
                    + "(\(f.rag.name), \(f.period)): a shortfall of \(gap).")
        }
    }

    /// SL03: target slipped more than once; slips of one proposal on the same day are one decision (v3).
    func repeatedSlippage() -> [Finding] {
        Dictionary(grouping: input.slips, by: \.proposal).compactMap { ref, slips in
            let days = Set(slips.map(\.effective))
            guard days.count > 1, let last = slips.last else { return nil }
            let total = slips.reduce(Pence.zero) { $0 + $1.amount }
            let each: [FindingMessage] = slips.map { "\($0.amount) from \($0.from) to \($0.to) on \($0.effective)" }
            return Finding(
                code: .SL03, severity: .medium, refs: [ref], year: last.from, amount: total,
                message:
                    "\(describe(proposal: ref)) has been slipped on \(days.count) different days (\(FindingMessage.list(each))), \(total) in all: "
                    + "ask whether it is still deliverable.")
        }
    }

    /// SL04: a cost centre moved and nothing has been delivered since.
    func stalledAfterRestructure() -> [Finding] {
        var out: [Finding] = []
        let year = input.asOf.year
        for p in input.proposals {
            let moved = p.costCentres.compactMap { share in moves(of: share.costCentre).last.map { (share.costCentre, $0.after) } }
            guard let latest = moved.max(by: { $0.1.effective < $1.1.effective }) else { continue }
            let remaining = pos(p.ref, year).remaining
            guard remaining > .zero else { continue }
            if let delivered = input.latestDelivery[p.ref], delivered >= latest.1.effective { continue }
            let centres = moved.map(\.0).sorted()
            out.append(
                Finding(
                    code: .SL04, severity: .high, refs: [p.ref], costCentre: latest.0, year: year, amount: remaining,
                    message:
                        "\(describe(proposal: p.ref)): \(FindingMessage.list(centres.map(code))) moved to \(latest.1.service) (\(latest.1.budgetHolder)) on "
                        + "\(latest.1.effective) and no delivery has been logged since; \(remaining) of its \(year) target remains."))
        }
        return out
    }

    // MARK: - Accountability and data quality

    /// AC01: after a restructure the owner holds none of the proposal's cost centres.
    func orphanedOwner() -> [Finding] {
        var out: [Finding] = []
        for p in input.proposals {
            let centres = p.costCentres.map(\.costCentre)
            let allMoves = centres.flatMap { c in moves(of: c).map { (c, $0) } }
            guard let firstMove = allMoves.min(by: { $0.1.after.effective < $1.1.after.effective }) else { continue }
            let heldBefore = centres.contains { input.model.assignment(of: $0, on: firstMove.1.before.effective)?.budgetHolder == p.owner }
            let heldNow = centres.contains { holder($0)?.budgetHolder == p.owner }
            guard heldBefore, !heldNow else { continue }
            let years = input.window.years.filter { $0 >= input.asOf.year }
            let remaining = years.reduce(Pence.zero) { $0 + max(.zero, pos(p.ref, $1).remaining) }
            guard remaining > .zero else { continue }
            let firstYear = years.first { pos(p.ref, $0).remaining > .zero }
            var byHolder: [String: [CostCentreCode]] = [:]
            for c in centres {
                byHolder[holder(c).map { "\($0.budgetHolder) (\($0.service), \($0.directorate))" } ?? "nobody", default: []].append(c)
            }
            let now: [FindingMessage] = byHolder.sorted { $0.key < $1.key }.map {
                "\(FindingMessage.list($0.value.sorted().map(code))) \($0.value.count == 1 ? "is" : "are") now held by \($0.key)"
            }
            out.append(
                Finding(
                    code: .AC01, severity: .high, refs: [p.ref], costCentre: firstMove.0, year: firstYear, amount: remaining,
                    message:
                        "After the restructure of \(firstMove.1.after.effective), \(p.owner) owns \(FindingMessage(parts: [.proposal(ref: p.ref, title: p.title, owner: nil)])) but holds none of its cost centres: "
                        + "\(FindingMessage.list(now)). \(remaining) of its target needs an accountable owner."))
        }
        return out
    }

    /// DQ01: no return for the proposal in the latest period that has returns.
    func staleReturn() -> [Finding] {
        input.proposals.compactMap { p in
            // Judged at its owner's latest return, or its directorate's made together (SPEC §6 v3):
            // one holder's early return makes no colleague stale.
            guard let (latest, byDirectorate) = input.judgedAt[p.ref], let reported = input.reportedIn[latest] else { return nil }
            let year = latest.year
            let t = target(p.ref, year)
            guard t > .zero else { return nil }
            let key = ReconciliationInput.key(p.ref, year)
            guard !reported.contains(key) else { return nil }
            let remaining = pos(p.ref, year).remaining
            // Nothing fully delivered is stale: there is nothing left to report.
            guard remaining > .zero else { return nil }
            let last = input.lastReturns[key]
            let lastText: FindingMessage = last.map { "its last return was \($0)" } ?? "it has never had a return"
            return Finding(
                code: .DQ01, severity: .medium, refs: [p.ref], year: year, amount: remaining,
                message:
                    "\(describe(proposal: p.ref)) is missing from \(byDirectorate ? p.directorate : p.owner)'s \(latest) return (\(lastText)); \(remaining) of its \(year) target is unreported."
            )
        }
    }

    /// DQ02: the RAG says one thing and the forecast another.
    func ragMismatch() -> [Finding] {
        input.forecasts.values.compactMap { f in
            let t = target(f.proposal, f.year)
            // A RAG worked out from money by status is the money's own: DQ04 speaks for the money.
            guard t > .zero, f.status == nil else { return nil }
            let threshold = settings.ragForecastBasisPoints
            if f.rag == .blue || f.rag == .green, Pence.productLess(f.forecast.rawValue, 10_000, than: t.rawValue, Int64(threshold)) {
                return Finding(
                    code: .DQ02, severity: .medium, refs: [f.proposal], year: f.year, amount: t - f.forecast,
                    message: "\(describe(proposal: f.proposal)) is rated \(f.rag.name) for \(f.year) but forecasts \(f.forecast) of \(t) "
                        + "(below \(ReconcileSettings.formatPercent(threshold))): the rating should be Amber or Red.")
            }
            if f.rag == .red, f.forecast >= t {
                return Finding(
                    code: .DQ02, severity: .medium, refs: [f.proposal], year: f.year, amount: t,
                    message: "\(describe(proposal: f.proposal)) is rated Red for \(f.year) yet forecasts \(f.forecast), the whole target: "
                        + "either the rating or the forecast is wrong.")
            }
            return nil
        }
    }

    /// DQ03: Amber or Red with no mitigation.
    func missingMitigation() -> [Finding] {
        input.forecasts.values.compactMap { f in
            guard f.rag == .amber || f.rag == .red, f.comment.trimmingSpaces().isEmpty, target(f.proposal, f.year) > .zero else {
                return nil
            }
            let remaining = pos(f.proposal, f.year).remaining
            return Finding(
                code: .DQ03, severity: .low, refs: [f.proposal], year: f.year, amount: remaining,
                message: "\(describe(proposal: f.proposal)) is rated \(f.rag.name) for \(f.year) in \(f.period) with no comment: "
                    + "the return must say how the \(remaining) still to deliver will be mitigated.")
        }
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
                message: "\(describe(proposal: p.ref)) has no forecast for \(year), though \(byDirectorate ? p.directorate : p.owner) "
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
