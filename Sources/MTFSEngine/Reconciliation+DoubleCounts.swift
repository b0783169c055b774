import MTFSDomain
import MTFSStore

/// The double-count rules (SPEC §6: DC01–DC05).
extension Reconciliation {
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
}
