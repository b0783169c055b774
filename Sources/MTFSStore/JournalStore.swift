import MTFSDomain

extension JournalStore {
    static let entryColumns = """
        e.id, e.kind, e.proposal, e.year, e.to_year, e.effective, e.recorded_at, e.actor, e.reason, e.source, e.reverses, e.prev_hash, e.hash, e.on_behalf_of
        """

    /// One entry with its postings, or nil.
    public func entry(_ id: Int64) throws -> JournalEntry? {
        try journal(where: "WHERE e.id = ?", [id]).first
    }

    /// The entries the filter selects, oldest first.
    public func entries(_ filter: JournalFilter = JournalFilter()) throws -> [JournalEntry] {
        let (clause, parameters) = JournalStore.whereClause(filter)
        return try journal(where: clause, parameters)
    }

    /// Visits the entries the filter selects, oldest first, without holding them all at once.
    public func forEachEntry(_ filter: JournalFilter, _ body: (JournalEntry) throws -> Void) throws {
        let (clause, parameters) = JournalStore.whereClause(filter)
        try forEachEntry(where: clause, parameters, body)
    }

    /// The WHERE clause (empty for no filter) and its parameters for a filter.
    private static func whereClause(_ filter: JournalFilter) -> (String, [SQLBindable]) {
        var clauses: [String] = []
        var parameters: [SQLBindable] = []
        if let p = filter.proposal {
            clauses.append("e.proposal = ?")
            parameters.append(p)
        }
        if let d = filter.directorate {
            clauses.append("e.proposal IN (SELECT ref FROM proposals WHERE directorate = ?)")
            parameters.append(d)
        }
        if let p = filter.period {
            clauses.append("e.period = ?")
            parameters.append(p.code)
        }
        if let k = filter.kind {
            clauses.append("e.kind = ?")
            parameters.append(k.rawValue)
        }
        if let y = filter.year {
            clauses.append("(e.year = ? OR e.to_year = ?)")
            parameters.append(y.startYear)
            parameters.append(y.startYear)
        }
        if let a = filter.asOf {
            clauses.append("e.effective <= ?")
            parameters.append(a.lastDay.description)
        }
        return (clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND "), parameters)
    }

    /// The newest entry's id (0 before any).
    public func lastEntryID() throws -> Int64 { try db.scalar("SELECT coalesce(max(id), 0) FROM entries") }

    /// The entries after `id`, in order: what one write posted.
    public func entries(after id: Int64) throws -> [JournalEntry] { try journal(where: "WHERE e.id > ?", [id]) }

    /// Every account the ledger has opened, in the order it opened them: what an exported journal
    /// declares before its first transaction, so a strict reader knows each account it meets.
    public func forEachAccount(_ body: (AccountKey) throws -> Void) throws {
        try db.forEach("SELECT kind, year, proposal, cost_centre FROM accounts ORDER BY id") { row in
            guard let kind = AccountKind(rawValue: row.text(0)) else {
                throw LedgerError.integrity("an account has an unknown kind \"\(row.text(0))\"")
            }
            try body(
                AccountKey(
                    kind: kind, year: FinancialYear(startYear: Int(row.int(1))), proposal: row.optionalID(2), costCentre: row.optionalID(3)))
        }
    }

    /// Visits every entry with its postings in id order, without holding them all in memory.
    public func forEachEntry(_ body: (JournalEntry) throws -> Void) throws {
        try forEachEntry(where: "", [], body)
    }

    private func journal(where clause: String, _ parameters: [SQLBindable]) throws -> [JournalEntry] {
        var entries: [JournalEntry] = []
        try forEachEntry(where: clause, parameters) { entries.append($0) }
        return entries
    }

    /// Streams the entries a WHERE clause selects; rows arrive in entry order, so an entry is
    /// complete when the next one starts.
    private func forEachEntry(where clause: String, _ parameters: [SQLBindable], _ body: (JournalEntry) throws -> Void) throws {
        var pending: JournalEntry?
        try db.forEach(
            """
            SELECT \(JournalStore.entryColumns), a.kind, a.year, a.proposal, a.cost_centre, p.amount
            FROM entries e LEFT JOIN postings p ON p.entry = e.id LEFT JOIN accounts a ON a.id = p.account
            \(clause) ORDER BY e.id
            """, parameters: parameters
        ) { row in
            if pending?.id != row.int(0) {
                if let done = pending { try body(done) }
                pending = try JournalStore.entry(from: row)
            }
            if let posting = JournalStore.posting(from: row, at: 14) { pending?.postings.append(posting) }
        }
        if let done = pending { try body(done) }
    }

    static func entry(from row: Row) throws -> JournalEntry {
        guard let kind = EntryKind(rawValue: row.text(1)) else {
            throw LedgerError.integrity("entry \(row.int(0)) has an unknown kind \"\(row.text(1))\"")
        }
        let effective: CivilDate
        do { effective = try CivilDate(parsing: row.text(5)) } catch {
            throw LedgerError.integrity("entry \(row.int(0)) has a malformed effective date \"\(row.text(5))\"")
        }
        let content = EntryContent(
            id: row.int(0), kind: kind, proposal: row.id(2), year: FinancialYear(startYear: Int(row.int(3))),
            toYear: row.optionalInt(4).map { FinancialYear(startYear: Int($0)) }, effective: effective,
            recordedAt: row.text(6), actor: row.text(7), reason: row.text(8), source: row.text(9),
            reverses: row.optionalInt(10), postings: [])
        return JournalEntry(content: content, prevHash: row.text(11), hash: row.text(12), onBehalfOf: row.optionalText(13))
    }

    static func posting(from row: Row, at column: Int32) -> Posting? {
        accountKey(from: row, at: column).map { Posting($0, Pence(row.int(column + 4))) }
    }

    /// The account whose kind, year, proposal and cost centre are in the row from `column` on.
    static func accountKey(from row: Row, at column: Int32) -> AccountKey? {
        guard !row.isNull(column), let kind = AccountKind(rawValue: row.text(column)) else { return nil }
        return AccountKey(
            kind: kind, year: FinancialYear(startYear: Int(row.int(column + 1))),
            proposal: row.optionalID(column + 2), costCentre: row.optionalID(column + 3))
    }
}
