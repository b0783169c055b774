import Dispatch
import Foundation
import MTFSDomain

/// The tables whose rows are the facts the reports rest on (SPEC §3.2). Each row is one record of
/// the ledger's record chain, found by its key (never by rowid, which `VACUUM` may renumber).
public enum FactTable: String, CaseIterable, Sendable {
    case settingChanges = "setting_changes"
    case costCentres = "cost_centres"
    case assignments
    case baselines
    case proposals
    case proposalCostCentres = "proposal_cost_centres"
    case entries
    case forecasts
    case returnLines = "return_lines"
    case signOffs = "sign_offs"
    case userChanges = "user_changes"
    case tokens
    case authEvents = "auth_events"
    case impacts
    case reminders

    /// The tables schema 5 chained (the rest came later, with their own migrations).
    static let schema5: [FactTable] = [
        .settingChanges, .costCentres, .assignments, .baselines, .proposals, .proposalCostCentres, .entries, .forecasts, .returnLines,
        .signOffs,
    ]

    /// The columns that find one row: one, or two for the tables keyed by a pair.
    var keyColumns: (first: String, second: String?) {
        switch self {
        case .costCentres: ("code", nil)
        case .proposals: ("ref", nil)
        case .baselines: ("cost_centre", "year")
        case .proposalCostCentres: ("ref", "position")
        default: ("id", nil)
        }
    }

    /// Columns added after the table was first chained (schema 9 on), last in the table's order: a
    /// record hashes each by its name and only when it holds a value, so a record made before the
    /// column existed hashes as it did and two rows that differ only in which later column holds a
    /// value never hash alike.
    var laterColumns: [String] {
        switch self {
        case .returnLines: ["delivered_blank", "green", "amber", "red", "impact", "impact_foreseen"]
        case .forecasts: ["green", "amber", "red"]
        case .proposals: ["fund", "portfolio", "portfolio_holder", "risk", "priority"]
        case .userChanges: ["portfolio", "email"]
        default: []
        }
    }

    /// How many columns the table had before its later columns (a migration that chains a table's
    /// rows may run before the later columns are added).
    var firstLaterColumn: Int {
        switch self {
        case .returnLines: 12
        case .forecasts: 11
        case .proposals: 12
        case .userChanges: 12
        default: Int.max
        }
    }

    /// Keyed by an integer id given in insertion order: its rows and its records come in the same order.
    var keyedByID: Bool { keyColumns.first == "id" }

    /// The columns a record's hash covers: every stored column (`*`, so a column added later is
    /// covered too), but for an entry the ones its own hash does not cover and that hash itself.
    /// An entry's hash is over every other column, its postings and the entry before it, and
    /// `verify` recomputes it from them: the record covers all of them through it, and `verify`
    /// does not read and hash a million entries' text twice.
    var recordColumns: String { self == .entries ? "id, period, on_behalf_of, hash" : "*" }

    /// One row's record columns, by key. (The table name is one of these constants, never user input.)
    var rowSQL: String { FactTable.rowSQLs[self]! }

    private static let rowSQLs: [FactTable: String] = Dictionary(
        uniqueKeysWithValues: allCases.map { table in
            let (first, second) = table.keyColumns
            return (
                table,
                "SELECT \(table.recordColumns) FROM \(table.rawValue) WHERE \(first) = ?1" + (second.map { " AND \($0) = ?2" } ?? "")
            )
        })

    /// The name as it is hashed.
    var bytes: [UInt8] { FactTable.names[self]! }

    private static let names: [FactTable: [UInt8]] = Dictionary(uniqueKeysWithValues: allCases.map { ($0, Array($0.rawValue.utf8)) })
}

/// The bytes a record's hash is taken over: a version, the table, the key, the previous record's
/// hash, then the row's columns in the table's order (``FactTable/recordColumns``: every stored
/// column, or for an entry those its own hash leaves out and that hash; `verify` checks the
/// table's definition itself against the migrations).
/// Each field is a 4-byte little-endian length and its bytes, and a value's first byte is its
/// storage class (`i` integer, as 8 bytes little-endian; `r` real, its 8 bytes; `t` text; `b`
/// blob; `n` null), so no choice of text can make two records hash alike. Written straight into
/// the caller's buffer: `verify` builds one for every record of the ledger.
enum RecordHash {
    static let version = Array("mtfs-record-v1".utf8)

    /// The fields before the row's columns: the version, the table, the key (written by `keys`, one
    /// value each for key1 and key2) and the previous record's hash.
    static func start<Bytes: Collection>(
        _ out: inout [UInt8], table: FactTable, previous: Bytes, keys: (inout [UInt8]) -> Void
    ) where Bytes.Element == UInt8 {
        field(&out, version)
        field(&out, table.bytes)
        keys(&out)
        field(&out, previous)
    }

    /// Every column of the row the statement is on (a later column by name, and only with a value).
    static func columns(_ out: inout [UInt8], of row: Row, table: FactTable) {
        let later = table.laterColumns
        let base = table.firstLaterColumn
        for i in 0..<row.columnCount {
            if Int(i) >= base {
                if row.type(i) == .null { continue }
                field(&out, Array(later[Int(i) - base].utf8))
            }
            column(&out, row, i)
        }
    }

    /// The same for a row's values as bound.
    static func values(_ out: inout [UInt8], _ values: [SQLValue], table: FactTable) {
        let later = table.laterColumns
        let base = table.firstLaterColumn
        for (i, v) in values.enumerated() {
            if i >= base {
                if case .null = v { continue }
                field(&out, Array(later[i - base].utf8))
            }
            value(&out, v)
        }
    }

    /// One column's value. The class first: reading a column's bytes converts an integer to text in place.
    static func column(_ out: inout [UInt8], _ row: Row, _ i: Int32) {
        switch row.type(i) {
        case .integer: eight(&out, "i", UInt64(bitPattern: row.int(i)))
        case .real: eight(&out, "r", row.double(i).bitPattern)
        case .text: tagged(&out, "t", row.bytes(i))
        case .blob: tagged(&out, "b", row.bytes(i))
        case .null: tagged(&out, "n", UnsafeRawBufferPointer(start: nil, count: 0))
        }
    }

    static func value(_ out: inout [UInt8], _ v: SQLValue) {
        switch v {
        case .null: tagged(&out, "n", UnsafeRawBufferPointer(start: nil, count: 0))
        case .integer(let i): eight(&out, "i", UInt64(bitPattern: i))
        case .real(let d): eight(&out, "r", d.bitPattern)
        case .text(var s): s.withUTF8 { tagged(&out, "t", UnsafeRawBufferPointer($0)) }
        case .blob(let b): b.withUnsafeBytes { tagged(&out, "b", $0) }
        }
    }

    private static func eight(_ out: inout [UInt8], _ tag: Unicode.Scalar, _ bits: UInt64) {
        length(&out, 9)
        out.append(UInt8(ascii: tag))
        out.appendLittleEndian(bits)
    }

    private static func tagged(_ out: inout [UInt8], _ tag: Unicode.Scalar, _ body: UnsafeRawBufferPointer) {
        length(&out, body.count + 1)
        out.append(UInt8(ascii: tag))
        out.appendBytes(body)
    }

    private static func field<Bytes: Collection>(_ out: inout [UInt8], _ body: Bytes) where Bytes.Element == UInt8 {
        length(&out, body.count)
        out.append(contentsOf: body)
    }

    private static func length(_ out: inout [UInt8], _ n: Int) {
        out.appendLittleEndian(UInt32(truncatingIfNeeded: n))
    }
}

extension Ledger {
    // MARK: - Writing

    /// The chain's head as this connection sees it (inside a read, that read's snapshot).
    public func head() throws -> ChainHead {
        let tip = try lastRecord()
        return tip.count == 0 ? .empty : ChainHead(count: tip.count, hash: SHA256.hex(digest: tip.hash))
    }

    /// The last record's number and hash (0 and the hash before the first record when there is
    /// none); kept by a write transaction's own appends (``chain``), never by a read.
    private func lastRecord() throws -> (count: Int64, hash: [UInt8]) {
        if db.inTransaction, let tip = recordTip { return tip }
        return try db.first("SELECT seq, hash FROM records ORDER BY seq DESC LIMIT 1") { ($0.int(0), Array($0.bytes(1))) }
            ?? (0, [UInt8](repeating: 0, count: 32))
    }

    /// Appends the record of a row just inserted into a fact table: its hash covers the row's
    /// record columns (``FactTable/recordColumns``), read back as stored, and the record before it.
    func chain(_ table: FactTable, _ key1: SQLBindable, _ key2: SQLBindable? = nil) throws {
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
    func chain(_ table: FactTable, _ key1: SQLBindable, columns: [SQLValue]) throws {
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
        if recordTip == nil || !db.inTransaction { try checkTipLogged(try lastRecord()) }
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
            Ledger.insertRecord,
            parameters: [.integer(tip.count + 1), .text(table.rawValue), keys.0, keys.1, .blob(hash)])
        recordTip = (tip.count + 1, hash)
    }

    /// Refuses to write through a schema that is not as the migrations make it (a trigger, index or
    /// table added, dropped or changed in the file): checked again whenever SQLite's schema version
    /// has moved since it was last found right.
    func checkSchemaBeforeWriting() throws {
        let version = try db.scalar("PRAGMA schema_version")
        if version == checkedSchemaVersion { return }
        let problems = try schemaProblems()
        guard problems.isEmpty else {
            throw LedgerError.integrity(
                "the ledger's tables, indexes and triggers are not as mtfs made them (\(problems[0])), so nothing was written; run `mtfs verify`")
        }
        checkedSchemaVersion = version
    }

    /// Refuses to add to a chain whose tip mtfs never logged in the head log beside the ledger (records
    /// appended outside mtfs), or to a ledger with records whose log is missing (deleted, or the file
    /// copied without it): nothing is written, and `verify` says what happened. Not for a ledger
    /// being made (no log yet) or upgraded (a ledger from before the log).
    func checkTipLogged(_ tip: (count: Int64, hash: [UInt8])) throws {
        guard let headLog, tip.count > 0, !upgrading else { return }
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
            for (k1, k2) in keys { try chain(table, k1, second == nil ? nil : k2) }
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
        return (try? Ledger.schema(of: memory)) ?? [:]
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
        let expected = Ledger.expectedSchema
        guard !expected.isEmpty else { return ["the expected schema could not be built in memory"] }
        let actual = try Ledger.schema(of: db)
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
