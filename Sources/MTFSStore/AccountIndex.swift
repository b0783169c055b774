import MTFSDomain

/// Account ids by key, held compactly: a million-entry load touches about 800,000 accounts, and a
/// dictionary keyed by `AccountKey` (two strings and a year each, at a load factor of ¾) took over
/// 100 MiB and twice that while it grew. Here each proposal's accounts are one short array.
struct AccountIndex {
    private struct Slot {
        var year: Int32
        var kind: AccountKind
        var costCentre: CostCentreCode
        var id: Int64
    }
    private var requirements: [Int: Int64] = [:]
    private var byProposal: [ProposalRef: [Slot]] = [:]

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

/// Balances by account id: the load's cache of live balances, and what `verify` adds up from the
/// postings. Ids are dense from 1, so they index an array (8 bytes an account, where a dictionary
/// took about 40); an id far beyond the accounts there are (a tampered file) goes to a dictionary.
struct AccountBalances {
    private var sums: [Int64] = []
    private var known: [Bool] = []
    private var others: [Int64: Int64] = [:]
    /// How many accounts have a balance.
    private(set) var count = 0
    static let denseLimit: Int64 = 100_000_000

    init() {}

    /// Room for ids up to a little past `count` from the start.
    init(denseUpTo count: Int64) {
        grow(to: Int(min(max(count, 0), AccountBalances.denseLimit)) + 1_024)
    }

    /// Widens the array (taking in any balances kept aside that it now covers).
    private mutating func grow(to size: Int) {
        guard size > sums.count else { return }
        sums += repeatElement(0, count: size - sums.count)
        known += repeatElement(false, count: size - known.count)
        for (id, value) in others where id >= 0 && id < size {
            others[id] = nil
            sums[Int(id)] = value
            known[Int(id)] = true
        }
    }

    /// The balance, nil for an account with none.
    func balance(_ id: Int64) -> Int64? {
        if id >= 0 && id < sums.count { return known[Int(id)] ? sums[Int(id)] : nil }
        return others[id]
    }

    subscript(id: Int64) -> Pence? {
        get { balance(id).map(Pence.init) }
        set {
            if let newValue { set(newValue.rawValue, for: id) } else { forget(id) }
        }
    }

    /// Adds to the account's balance (wrapping: `verify` adds up whatever a file holds).
    mutating func add(_ amount: Int64, to id: Int64) { set((balance(id) ?? 0) &+ amount, for: id) }

    /// Ids arrive in order, so the array doubles as they pass its end; one far beyond it (a
    /// tampered file) is kept aside rather than growing the array to reach it.
    private mutating func set(_ value: Int64, for id: Int64) {
        let reach = min(Int64(max(sums.count * 2, 1_024)), AccountBalances.denseLimit)
        guard id >= 0 && id < max(Int64(sums.count), reach) else {
            if others.updateValue(value, forKey: id) == nil { count += 1 }
            return
        }
        let i = Int(id)
        if i >= sums.count { grow(to: Int(reach)) }
        if !known[i] { count += 1 }
        sums[i] = value
        known[i] = true
    }

    private mutating func forget(_ id: Int64) {
        if id >= 0 && id < sums.count {
            if known[Int(id)] { count -= 1 }
            known[Int(id)] = false
        } else if others.removeValue(forKey: id) != nil {
            count -= 1
        }
    }

    /// Every account with a balance, and the balance, by id.
    func all() -> [(Int64, Int64)] {
        var out: [(Int64, Int64)] = []
        out.reserveCapacity(count)
        for i in known.indices where known[i] { out.append((Int64(i), sums[i])) }
        out += others.map { ($0.key, $0.value) }
        return out.sorted { $0.0 < $1.0 }
    }

    mutating func removeAll() { self = AccountBalances() }
}
