import MTFSDomain

/// The holder register (schema 13): every budget holder the ledger knows, by the number it issued,
/// and every name each was recorded under (``HolderRegister``). The fact tables keep the name a row
/// was written with; reads resolve it here to the holder's current name, and writes register a new
/// name as they store it.
extension HolderStore {
    /// The register as this connection sees it: only rows in the record chain count. Read again only
    /// when the table has grown (it is append-only), and kept up to date by this connection's writes.
    public func register() throws -> HolderRegister {
        if db.inTransaction, ledger.cache.holdersChecked, let cached = ledger.cache.holders { return cached.register }
        let last = try db.scalar("SELECT coalesce(max(id), 0) FROM holder_names")
        if let cached = ledger.cache.holders, cached.lastRow == last {
            if db.inTransaction { ledger.cache.holdersChecked = true }
            return cached.register
        }
        var register = HolderRegister()
        try db.forEach(
            """
            SELECT holder, name, change FROM holder_names h WHERE \(HolderStore.chained) ORDER BY id
            """
        ) { row in
            register.add(
                holder: Int(row.int("holder")), name: row.text("name"), change: HolderRegister.Change(rawValue: row.text("change")) ?? .spelled)
        }
        ledger.cache.holders = (last, register)
        if db.inTransaction { ledger.cache.holdersChecked = true }
        return register
    }

    /// The holder a name means, by the name they go by now (any name they were recorded under, in
    /// any case or spacing), or nil when the ledger has never named them.
    public func holder(named name: HolderID) throws -> HolderRegister.Holder? {
        try register().holder(named: name.rawValue)
    }

    /// The holder as stored in a fact row, by the name they go by now.
    func current(_ stored: HolderID) throws -> HolderID { try register().current(stored) }

    /// The name to store for `holder` in a fact row being written: the name they go by now when the
    /// register knows them; otherwise `holder` (trimmed), registered as a new holder with the next
    /// number, in the chain before the row that names them.
    func named(_ holder: HolderID, by who: Provenance) throws -> HolderID {
        var register = try register()
        if let known = register.holder(named: holder.rawValue) { return known.name }
        let name = holder.rawValue.trimmingSpaces()
        let number = register.nextNumber
        try append(holder: number, name: name, change: .named, by: who, to: &register)
        return HolderID(name)
    }

    /// Records that the holder now goes by `name` (the use case has checked it:
    /// `HolderWrites.renameHolder`).
    public func rename(_ holder: HolderRegister.Holder, to name: String, by who: Provenance) throws {
        try ledger.transaction {
            var register = try register()
            try append(holder: holder.number, name: name, change: .renamed, by: who, to: &register)
        }
    }

    private func append(holder number: Int, name: String, change: HolderRegister.Change, by who: Provenance, to register: inout HolderRegister) throws {
        // A row beside the chain could take the number or the name this one needs: nothing is added
        // to the register until that is looked into.
        if try db.scalar("SELECT count(*) FROM holder_names h WHERE NOT \(HolderStore.chained)") > 0 {
            throw LedgerError.integrity(
                "the holder register has a row that is not in the record chain (added outside mtfs), so no holder was named or renamed; run `mtfs verify`")
        }
        try db.run(
            """
            INSERT INTO holder_names(holder, name, name_key, change, recorded_at, actor, source, on_behalf_of)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, Int64(number), name, HolderID.canonical(name), change.rawValue, who.recordedAt, who.actor, who.source, who.onBehalfOf)
        let row = db.lastInsertRowID
        try ledger.chain.append(.holderNames, row)
        register.add(holder: number, name: name, change: change)
        ledger.cache.holders = (row, register)
    }

    /// Registers every holder a ledger from before schema 13 names, in the order first written (the
    /// operating model, then proposals' owners, users, sign-offs and reminders): the first spelling
    /// of a name, whatever its case and spacing, is a holder `named` with the next number, and each
    /// other spelling of it is `spelled`, so every row already stored finds its holder.
    func registerExistingNames() throws {
        var spellings: [String] = []
        for (table, column) in HolderStore.namingColumns {
            try db.forEach("SELECT \(column) FROM \(table) WHERE \(column) IS NOT NULL ORDER BY rowid") { spellings.append($0.text(0)) }
        }
        let who = Provenance(actor: "mtfs", recordedAt: "", source: "the ledger before schema 13")
        var register = try register()
        for spelling in spellings where !spelling.isEmpty {
            if let known = register.holder(named: spelling) {
                if !register.records(spelling) { try append(holder: known.number, name: spelling, change: .spelled, by: who, to: &register) }
            } else {
                try append(holder: register.nextNumber, name: spelling, change: .named, by: who, to: &register)
            }
        }
    }

    /// A register row (`h`) in the record chain: one written outside mtfs counts for nothing.
    static let chained = "EXISTS (SELECT 1 FROM records r WHERE r.tbl = 'holder_names' AND r.key1 = h.id AND r.key2 = '')"

    /// The columns of the fact tables that name a budget holder, in the order a ledger fills them.
    static let namingColumns = [
        ("assignments", "budget_holder"), ("proposals", "owner"), ("user_changes", "holder"), ("sign_offs", "holder"), ("reminders", "holder"),
    ]

    /// Every row of the register in the record chain, oldest first, as recorded (what `mtfs holder list --history` shows).
    public func history() throws -> [HolderNameRecord] {
        try db.query(
            "SELECT id, holder, name, change, recorded_at, actor, on_behalf_of, source FROM holder_names h WHERE \(HolderStore.chained) ORDER BY id"
        ) { row in
            HolderNameRecord(
                number: Int(row.int("holder")), name: row.text("name"), change: HolderRegister.Change(rawValue: row.text("change")) ?? .spelled,
                recordedAt: row.text("recorded_at"), actor: row.text("actor"), onBehalfOf: row.optionalText("on_behalf_of"), source: row.text("source"))
        }
    }
}

/// One row of the holder register as recorded.
public struct HolderNameRecord: Sendable, Equatable {
    public var number: Int
    public var name: String
    public var change: HolderRegister.Change
    public var recordedAt: String
    public var actor: String
    public var onBehalfOf: String?
    public var source: String
}
extension HolderStore: HolderWrites {
    public func transaction<T>(_ body: () throws -> T) throws -> T { try ledger.transaction(body) }
}
