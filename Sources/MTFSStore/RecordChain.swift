import Dispatch
import Foundation
import MTFSDomain

extension RecordChain {
    // MARK: - Writing

    /// The chain's head as this connection sees it (inside a read, that read's snapshot).
    public func head() throws -> ChainHead {
        let tip = try lastRecord()
        return tip.count == 0 ? .empty : ChainHead(count: tip.count, hash: SHA256.hex(digest: tip.hash))
    }

    /// The last record's number and hash (0 and the hash before the first record when there is
    /// none); kept by a write transaction's own appends (``chain``), never by a read.
    private func lastRecord() throws -> (count: Int64, hash: [UInt8]) {
        if db.inTransaction, let tip = ledger.cache.recordTip { return tip }
        return try db.first("SELECT seq, hash FROM records ORDER BY seq DESC LIMIT 1") { ($0.int(0), Array($0.bytes(1))) }
            ?? (0, [UInt8](repeating: 0, count: 32))
    }

    /// Appends the record of a row just inserted into a fact table: its hash covers the row's
    /// record columns (``FactTable/recordColumns``), read back as stored, and the record before it.
    func append(_ table: FactTable, _ key1: SQLBindable, _ key2: SQLBindable? = nil) throws {
        let keys = (key1.sqlValue, key2?.sqlValue ?? .text(""))
        let parameters: [SQLBindable] = table.keyColumns.second == nil ? [keys.0] : [keys.0, keys.1]
        try appendRecord(table, keys) { input in
            try db.first(table.rowSQL, parameters: parameters, map: { RecordHash.columns(&input, of: $0, table: table) }) != nil
        }
    }

    /// Appends the record of a row just inserted by the caller, who knows what was stored: `columns`
    /// are the row's record columns in the table's order, as bound (a STRICT table stores a bound
    /// value as it is, and text is bound with its length, so nothing is converted or cut). A write
    /// of a million return lines is spared reading each row back. Debug builds (the tests) read the
    /// row back all the same and refuse a difference, so a column added to the table and not here
    /// is caught, as `verify` would catch it.
    func append(_ table: FactTable, _ key1: SQLBindable, columns: [SQLValue]) throws {
        #if DEBUG
            let keys = (key1.sqlValue, SQLValue.text(""))
            let stored = try db.first(table.rowSQL, parameters: [keys.0], map: { row in (0..<row.columnCount).map { row.value($0) } })
            guard stored == columns else {
                throw LedgerError.integrity("the row written to \(table.rawValue) is stored as \(String(describing: stored)), not \(columns)")
            }
        #endif
        try appendRecord(table, (key1.sqlValue, .text(""))) { input in
            RecordHash.values(&input, columns, table: table)
            return true
        }
    }

    /// Appends a record: its hash covers the version, the table, the key, the record before it and
    /// the row's columns, which `columns` writes (false when the row is not there).
    private func appendRecord(_ table: FactTable, _ keys: (SQLValue, SQLValue), columns: (inout [UInt8]) throws -> Bool) throws {
        // The first record of a write: the chain it adds to must end at a head mtfs logged, or an
        // ordinary write would bury records appended outside mtfs under a head it logs itself.
        if ledger.cache.recordTip == nil || !db.inTransaction { try checkTipLogged(try lastRecord()) }
        let tip = try lastRecord()
        var input: [UInt8] = []
        input.reserveCapacity(512)
        RecordHash.start(&input, table: table, previous: tip.hash) {
            RecordHash.value(&$0, keys.0)
            RecordHash.value(&$0, keys.1)
        }
        guard try columns(&input) else {
            throw LedgerError.integrity("the row just written to \(table.rawValue) could not be read back to chain it")
        }
        let hash = input.withUnsafeBytes { SHA256.digest($0) }
        try db.enqueue(
            Inserts.record,
            parameters: [.integer(tip.count + 1), .text(table.rawValue), keys.0, keys.1, .blob(hash)])
        ledger.cache.recordTip = (tip.count + 1, hash)
    }

    /// Refuses to write through a schema that is not as the migrations make it (a trigger, index or
    /// table added, dropped or changed in the file): checked again whenever SQLite's schema version
    /// has moved since it was last found right.
    func checkSchemaBeforeWriting() throws {
        let version = try db.scalar("PRAGMA schema_version")
        if version == ledger.checkedSchemaVersion { return }
        let problems = try schemaProblems()
        guard problems.isEmpty else {
            throw LedgerError.integrity(
                "the ledger's tables, indexes and triggers are not as mtfs made them (\(problems[0])), so nothing was written; run `mtfs verify`")
        }
        ledger.checkedSchemaVersion = version
    }

    /// Refuses to add to a chain whose tip mtfs never logged in the head log beside the ledger (records
    /// appended outside mtfs), or to a ledger with records whose log is missing (deleted, or the file
    /// copied without it): nothing is written, and `verify` says what happened. Not for a ledger
    /// being made (no log yet) or upgraded (a ledger from before the log).
    func checkTipLogged(_ tip: (count: Int64, hash: [UInt8])) throws {
        guard let headLog = ledger.headLog, tip.count > 0, !ledger.upgrading else { return }
        let head = ChainHead(count: tip.count, hash: SHA256.hex(digest: tip.hash))
        guard let logged = HeadLog.recentHeads(headLog) else {
            throw LedgerError.integrity(
                "\(headLog), the ledger's head log, is missing though the ledger has \(tip.count) records; nothing was written. Put the log back beside the ledger, or for a copy moved on purpose check it with `mtfs verify --no-head-log` and start a new log with `mtfs verify --no-head-log --start-head-log`")
        }
        if logged.contains(where: { $0.count == head.count && head.hash.hasPrefix($0.hash) }) { return }
        let all = HeadLog.read(headLog)?.compactMap(\.head) ?? []
        if all.contains(where: { $0.count == head.count && head.hash.hasPrefix($0.hash) }) { return }
        throw LedgerError.integrity(
            "the ledger's head \(head.short) was never logged by mtfs (\(headLog)): records were added outside mtfs, and nothing more is written until that is looked into; run `mtfs verify`")
    }

    /// Chains every row already in `tables`, table by table in key order: what schema 5 does for
    /// a ledger written before the record chain existed, and schema 7 for the portal's people.
    func chainExistingRecords(_ tables: [FactTable]) throws {
        for table in tables {
            let (first, second) = table.keyColumns
            // In rowid order, the order the rows were written (and the order verify reads them in).
            let keys = try db.query("SELECT \(first), \(second ?? "''") FROM \(table.rawValue) ORDER BY rowid", parameters: []) {
                ($0.value(0), $0.value(1))
            }
            for (k1, k2) in keys { try append(table, k1, second == nil ? nil : k2) }
        }
    }

    // MARK: - Checking

    /// What checking the record chain found.
    struct RecordCheck: Sendable {
        var problems: [(seq: Int64?, text: String)] = []
        var head = ChainHead.empty
        /// Every record's hash by number is not kept; only those asked for (recorded heads, anchors).
        var hashes: [Int64: String] = [:]

        mutating func note(_ seq: Int64?, _ text: String) {
            if problems.count < 20 { problems.append((seq, text)) }
        }
    }

    /// Checks the record chain (``RecordChecker``) on this connection.
    func checkRecords(wanted: Set<Int64>) throws -> RecordCheck { try RecordChecker(db: db).check(wanted: wanted) }

    static func describeKey(_ k1: SQLValue, _ k2: SQLValue) -> String {
        func text(_ v: SQLValue) -> String {
            switch v {
            case .null: "NULL"
            case .integer(let i): String(i)
            case .real(let d): String(d)
            case .text(let s): s
            case .blob(let b): "\(b.count) bytes"
            }
        }
        if case .text(let s) = k2, s.isEmpty { return text(k1) }
        return text(k1) + " " + text(k2)
    }

    // MARK: - The schema

    /// The schema a ledger of this version has: every table, index and trigger with its SQL text,
    /// as the migrations write it (run on an empty database in memory).
    static let expectedSchema: [String: String] = {
        guard let memory = try? Database(path: ":memory:", create: true) else { return [:] }
        for step in Schema.migrations { try? memory.execute(step) }
        return (try? RecordChain.schema(of: memory)) ?? [:]
    }()

    static func schema(of db: Database) throws -> [String: String] {
        var out: [String: String] = [:]
        // Every object, SQLite's own automatic indexes included (they come from the migrations too);
        // only the statistics tables ANALYZE may add are left out. A trigger given an `sqlite_` name
        // is an object like any other.
        try db.forEach("SELECT type, name, sql FROM sqlite_master WHERE NOT (type = 'table' AND name LIKE 'sqlite\\_stat%' ESCAPE '\\')") { row in
            out["\(row.text(0)) \(row.text(1))"] = row.text(2)
        }
        return out
    }

    /// Every table, index and trigger, compared with what the migrations create: a guard trigger
    /// dropped, replaced by one that does nothing under the same name, or a trigger added that
    /// rewrites what is inserted, is named here.
    func schemaProblems() throws -> [String] {
        let expected = RecordChain.expectedSchema
        guard !expected.isEmpty else { return ["the expected schema could not be built in memory"] }
        let actual = try RecordChain.schema(of: db)
        var problems: [String] = []
        for (name, sql) in expected.sorted(by: { $0.key < $1.key }) {
            guard let found = actual[name] else {
                problems.append("\(name) is missing: the ledger is no longer protected as it should be")
                continue
            }
            if found != sql { problems.append("\(name) is not as mtfs created it: its definition has been changed") }
        }
        for name in actual.keys.sorted() where expected[name] == nil {
            problems.append("\(name) is not part of an mtfs ledger: something was added to the file")
        }
        return problems
    }
}
