import MTFSDomain

/// Account ids by key, held compactly: a million-entry load touches about 800,000 accounts, and a
/// dictionary keyed by `AccountKey` (two strings and a year each, at a load factor of ¾) took over
/// 100 MiB and twice that while it grew. Here each proposal's accounts are one short array.
struct AccountIndex {
    private struct Slot {
        var year: Int32
        var kind: AccountKind
        var costCentre: String
        var id: Int64
    }
    private var requirements: [Int: Int64] = [:]
    private var byProposal: [String: [Slot]] = [:]

    subscript(key: AccountKey) -> Int64? {
        get {
            guard let ref = key.proposal, let costCentre = key.costCentre else {
                return key.kind == .requirement ? requirements[key.year.startYear] : nil
            }
            let year = Int32(truncatingIfNeeded: key.year.startYear)
            return byProposal[ref]?.first { $0.year == year && $0.kind == key.kind && $0.costCentre == costCentre }?.id
        }
        set {
            guard let ref = key.proposal, let costCentre = key.costCentre else {
                if key.kind == .requirement { requirements[key.year.startYear] = newValue }
                return
            }
            let year = Int32(truncatingIfNeeded: key.year.startYear)
            var slots = byProposal.removeValue(forKey: ref) ?? []
            slots.removeAll { $0.year == year && $0.kind == key.kind && $0.costCentre == costCentre }
            if let newValue { slots.append(Slot(year: year, kind: key.kind, costCentre: costCentre, id: newValue)) }
            if !slots.isEmpty { byProposal[ref] = slots }
        }
    }

    mutating func removeAll() {
        requirements.removeAll()
        byProposal.removeAll()
    }
}

/// Balances by account id. Ids are dense from 1, so they index an array (8 bytes an account, where
/// a dictionary took about 40); an id far beyond the accounts there are goes to a dictionary.
struct BalanceCache {
    private var sums: [Int64] = []
    private var known: [Bool] = []
    private var others: [Int64: Pence] = [:]
    private static let denseLimit: Int64 = 50_000_000

    subscript(id: Int64) -> Pence? {
        get {
            if id >= 0 && id < sums.count { return known[Int(id)] ? Pence(sums[Int(id)]) : nil }
            return others[id]
        }
        set {
            guard id >= 0 && id < BalanceCache.denseLimit else {
                others[id] = newValue
                return
            }
            let i = Int(id)
            if i >= sums.count {
                guard newValue != nil else { return }
                let size = max(i + 1, sums.count * 2, 1_024)
                sums += repeatElement(0, count: size - sums.count)
                known += repeatElement(false, count: size - known.count)
            }
            sums[i] = newValue?.rawValue ?? 0
            known[i] = newValue != nil
        }
    }

    mutating func removeAll() {
        sums = []
        known = []
        others.removeAll()
    }
}
