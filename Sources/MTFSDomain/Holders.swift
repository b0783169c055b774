/// The budget holders a ledger knows (issue #29): each has a number the ledger issued when they were
/// first named, and every name they have been recorded under. The operating model, packs, users and
/// sign-offs name holders; a name finds its holder here, whatever its case or spacing and whichever
/// of the holder's names it is, so a holder renamed keeps their cost centres, proposals, statements,
/// sign-offs, login and reminders. A name belongs to one holder only.
public struct HolderRegister: Sendable, Equatable {
    /// One holder: their number, the name they go by now, and every spelling recorded for them.
    public struct Holder: Sendable, Equatable {
        public let number: Int
        /// The name the holder goes by now (the latest naming or renaming).
        public var name: HolderID
        /// Every name the holder was recorded under, in order, the current one among them: each
        /// spelling as stored, byte for byte (`é` composed and decomposed are two).
        public var names: [String]
        /// The earlier names they went by (renamed from), oldest first, not counting other spellings.
        public var formerly: [String]
    }

    /// How a row of the register came to be.
    public enum Change: String, Sendable, CaseIterable {
        /// A holder first named: the ledger issues the next number.
        case named
        /// The name a holder goes by changed (`mtfs holder rename`).
        case renamed
        /// Another spelling of a holder's name found in a ledger from before the register (schema
        /// 13): it finds the holder, but is not the name they go by.
        case spelled
    }

    public private(set) var holders: [Holder] = []
    private var byKey: [String: Int] = [:]
    /// Each name exactly as recorded: most lookups are of a name as stored, spared comparing it.
    private var byName: [String: Int] = [:]

    public init() {}

    /// Adds one row of the register, in the order recorded. A row that would give a name to a second
    /// holder, or rename a holder never named, is ignored (the database refuses both; `verify` says
    /// so of a file changed outside mtfs).
    public mutating func add(holder number: Int, name: String, change: Change) {
        let key = HolderID.canonical(name)
        if let owner = byKey[key], owner != number { return }
        if let i = index(of: number) {
            if !holders[i].names.contains(where: { $0.utf8.elementsEqual(name.utf8) }) { holders[i].names.append(name) }
            if change == .renamed, holders[i].name.rawValue != name {
                if !holders[i].formerly.contains(holders[i].name.rawValue) { holders[i].formerly.append(holders[i].name.rawValue) }
                holders[i].formerly.removeAll { HolderID.canonical($0) == HolderID.canonical(name) }
                holders[i].name = HolderID(name)
            }
        } else {
            guard change == .named else { return }
            holders.append(Holder(number: number, name: HolderID(name), names: [name], formerly: []))
        }
        byKey[key] = number
        byName[name] = number
    }

    private func index(of number: Int) -> Int? {
        // Numbers are issued in order from 1, so a holder's place is usually its number less one.
        if number >= 1, number <= holders.count, holders[number - 1].number == number { return number - 1 }
        return holders.firstIndex { $0.number == number }
    }

    /// The holder that `name` names (any of their names, whatever its case or spacing), or nil.
    public func holder(named name: String) -> Holder? {
        (byName[name] ?? byKey[HolderID.canonical(name)]).flatMap(index(of:)).map { holders[$0] }
    }

    /// The holder with the number, or nil.
    public func holder(number: Int) -> Holder? { index(of: number).map { holders[$0] } }

    /// The holder a stored name means, by the name they go by now; the name itself when the register
    /// has no such name (a file changed outside mtfs, which `verify` reports).
    public func current(_ stored: HolderID) -> HolderID { holder(named: stored.rawValue)?.name ?? stored }

    /// The holder `name` names when it is one they no longer go by (renamed from; not merely their
    /// name in another case or spacing), or nil: what is given that name is theirs, and is said so.
    public func renamed(from name: String) -> Holder? {
        guard let holder = holder(named: name), HolderID.canonical(holder.name.rawValue) != HolderID.canonical(name) else { return nil }
        return holder
    }

    /// "“Helen Brandt” is an earlier name of holder 4, who goes by Helen Okafor now", for each of
    /// `names` that is one, once each.
    public func earlierNames(in names: some Sequence<HolderID>) -> [String] {
        var seen: Set<String> = []
        return names.compactMap { name in
            guard let holder = renamed(from: name.rawValue), seen.insert(HolderID.canonical(name.rawValue)).inserted else { return nil }
            return "“\(name)” is an earlier name of holder \(holder.number), who goes by \(holder.name) now"
        }
    }

    /// Up to five holders a mistyped `name` may have meant, by the name they go by now: those any of
    /// whose names, now or before, has a word of three letters or more that was typed.
    public func near(_ name: HolderID) -> [HolderID] {
        Array(holders.filter { !name.near(in: $0.names.map(HolderID.init)).isEmpty }.map(\.name).sorted().prefix(5))
    }

    /// Whether `name` is, byte for byte, one the register has for the holder it names.
    public func records(_ name: String) -> Bool {
        holder(named: name)?.names.contains { $0.utf8.elementsEqual(name.utf8) } == true
    }

    /// The number the next holder named gets.
    public var nextNumber: Int { (holders.map(\.number).max() ?? 0) + 1 }

    /// Every holder's current name.
    public var names: [HolderID] { holders.map(\.name) }
}
