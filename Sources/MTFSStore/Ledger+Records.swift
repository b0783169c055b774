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

    /// Keyed by an integer id given in insertion order: its rows and its records come in the same order.
    var keyedByID: Bool { keyColumns.first == "id" }

    /// Every stored column of one row. (The table name is one of these constants, never user input.)
    var rowSQL: String {
        let (first, second) = keyColumns
        return "SELECT * FROM \(rawValue) WHERE \(first) = ?1" + (second.map { " AND \($0) = ?2" } ?? "")
    }
}

/// The bytes a record's hash is taken over: a version, the table, the key, every stored column of
/// the row (its name, its type and its value, as SQLite returns them: `SELECT *`, so a column added
/// later is covered too) and the previous record's hash. Each field is `count:bytes|`, so no choice
/// of text can make two records hash alike.
struct RecordHashInput {
    static let version = "mtfs-record-v1"
    private(set) var bytes: [UInt8] = []

    init(table: String, key1: SQLValue, key2: SQLValue, previous: String) {
        bytes.reserveCapacity(512)
        field(Array(RecordHashInput.version.utf8))
        field(Array(table.utf8))
        value(key1)
        value(key2)
        field(Array(previous.utf8))
    }

    /// Every column of the row the statement is on.
    mutating func columns(of row: Row) {
        for i in 0..<row.columnCount {
            field(Array(row.columnName(i).utf8))
            // The type first: reading a column's bytes converts an integer to text in place.
            switch row.type(i) {
            case .integer: tagged("i", Array(String(row.int(i)).utf8))
            case .real: tagged("r", Array(String(row.double(i).bitPattern, radix: 16).utf8))
            case .text: tagged("t", row.bytes(i))
            case .blob: tagged("b", row.bytes(i))
            case .null: tagged("n", [])
            }
        }
    }

    private mutating func value(_ v: SQLValue) {
        switch v {
        case .null: tagged("n", [])
        case .integer(let i): tagged("i", Array(String(i).utf8))
        case .real(let d): tagged("r", Array(String(d.bitPattern, radix: 16).utf8))
        case .text(let s): tagged("t", Array(s.utf8))
        case .blob(let b): tagged("b", b)
        }
    }

    private mutating func tagged<C: Collection>(_ tag: Character, _ body: C) where C.Element == UInt8 {
        bytes.append(contentsOf: String(body.count + 1).utf8)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(tag.asciiValue!)
        bytes.append(contentsOf: body)
        bytes.append(UInt8(ascii: "|"))
    }

    private mutating func field(_ body: [UInt8]) {
        bytes.append(contentsOf: String(body.count).utf8)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(contentsOf: body)
        bytes.append(UInt8(ascii: "|"))
    }

    var hash: String { SHA256.hex(bytes: bytes) }
}

extension Ledger {
    // MARK: - Writing

    /// The chain's head as this connection sees it (inside a read, that read's snapshot).
    public func head() throws -> ChainHead {
        // Kept only by a write transaction's own appends (``chain``), never by a read.
        if db.inTransaction, let tip = recordTip { return tip }
        return try db.first("SELECT seq, hash FROM records ORDER BY seq DESC LIMIT 1") { ChainHead(count: $0.int(0), hash: $0.text(1)) }
            ?? .empty
    }

    /// Appends the record of a row just inserted into a fact table: its hash covers every stored
    /// column of the row and the record before it.
    func chain(_ table: FactTable, _ key1: SQLBindable, _ key2: SQLBindable? = nil) throws {
        let tip = try head()
        let k1 = key1.sqlValue
        let k2 = key2?.sqlValue ?? .text("")
        let parameters: [SQLBindable] = table.keyColumns.second == nil ? [k1] : [k1, k2]
        guard
            let input = try db.first(
                table.rowSQL, parameters: parameters,
                map: { row -> RecordHashInput in
                    var input = RecordHashInput(table: table.rawValue, key1: k1, key2: k2, previous: tip.hash)
                    input.columns(of: row)
                    return input
                })
        else { throw LedgerError.integrity("the row just written to \(table.rawValue) could not be read back to chain it") }
        let hash = input.hash
        try db.run(
            "INSERT INTO records(seq, tbl, key1, key2, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)",
            tip.count + 1, table.rawValue, k1, k2, tip.hash, hash)
        recordTip = ChainHead(count: tip.count + 1, hash: hash)
    }

    /// Chains every row already in the fact tables, table by table in key order: what schema 5
    /// does for a ledger written before the record chain existed.
    func chainExistingRecords() throws {
        for table in FactTable.allCases {
            let (first, second) = table.keyColumns
            let keys = try db.query(
                "SELECT \(first), \(second ?? "''") FROM \(table.rawValue) ORDER BY \(first)\(second.map { ", \($0)" } ?? "")",
                parameters: []
            ) { ($0.value(0), $0.value(1)) }
            for (k1, k2) in keys { try chain(table, k1, second == nil ? nil : k2) }
        }
    }

    // MARK: - Checking

    /// What checking the record chain found.
    struct RecordCheck {
        var problems: [(seq: Int64?, text: String)] = []
        var head = ChainHead.empty
        /// Every record's hash by number is not kept; only those asked for (recorded heads, anchors).
        var hashes: [Int64: String] = [:]

        mutating func note(_ seq: Int64?, _ text: String) {
            if problems.count < 20 { problems.append((seq, text)) }
        }
    }

    /// Recomputes every record: the links of the chain in order, each record's hash from the row it
    /// covers, and that every row of every fact table has exactly one record. `wanted`: record
    /// numbers whose hashes the caller needs (anchors, the heads sign-offs recorded).
    func checkRecords(wanted: Set<Int64>) throws -> RecordCheck {
        var check = RecordCheck()
        let hasher = RecordHasher()
        // Tables keyed by id are read alongside the records, in order; others are looked up.
        var cursors: [FactTable: Statement] = [:]
        var current: [FactTable: Int64] = [:]
        var unchained: [(FactTable, Int64)] = []
        var matched: [FactTable: Int64] = [:]
        for table in FactTable.allCases where table.keyedByID {
            let statement = try db.prepare("SELECT * FROM \(table.rawValue) ORDER BY id")
            cursors[table] = statement
            current[table] = try statement.step() ? Row(statement: statement).int(0) : nil
        }
        defer { for statement in cursors.values { try? statement.reset() } }

        func advance(_ table: FactTable) throws {
            guard let statement = cursors[table] else { return }
            current[table] = try statement.step() ? Row(statement: statement).int(0) : nil
        }

        var expected: Int64 = 1
        var previous = ChainHead.genesisHash
        try db.forEach("SELECT seq, tbl, key1, key2, prev_hash, hash FROM records ORDER BY seq") { row in
            let seq = row.int(0)
            let name = row.text(1)
            let stored = row.text(5)
            if seq != expected {
                check.note(
                    seq, seq > expected ? "records \(expected)…\(seq - 1) are missing before record \(seq)" : "record \(seq) is out of order")
            }
            if row.text(4) != previous {
                check.note(seq, "record \(seq) does not follow the record before it (its previous-hash link is broken)")
            }
            expected = seq + 1
            previous = stored
            if wanted.contains(seq) { check.hashes[seq] = stored }
            guard let table = FactTable(rawValue: name) else {
                check.note(seq, "record \(seq) names an unknown table \"\(name)\"")
                return
            }
            let k1 = row.value(2)
            let k2 = row.value(3)
            var input = RecordHashInput(table: name, key1: k1, key2: k2, previous: row.text(4))
            var found = false
            if let cursor = cursors[table], case .integer(let id) = k1 {
                while let at = current[table], at < id {
                    unchained.append((table, at))
                    try advance(table)
                }
                if current[table] == id {
                    input.columns(of: Row(statement: cursor))
                    found = true
                    try advance(table)
                }
            }
            if !found {
                let parameters: [SQLBindable] = table.keyColumns.second == nil ? [k1] : [k1, k2]
                found =
                    try db.first(table.rowSQL, parameters: parameters) { r -> Bool in
                        input.columns(of: r)
                        return true
                    } ?? false
            }
            guard found else {
                check.note(seq, "record \(seq): its row of \(name) (\(Ledger.describeKey(k1, k2))) has been deleted")
                return
            }
            matched[table, default: 0] += 1
            hasher.add(seq: seq, input: input.bytes, expected: stored)
        }
        check.head = ChainHead(count: expected - 1, hash: previous)
        for table in FactTable.allCases where table.keyedByID {
            while let at = current[table] {
                unchained.append((table, at))
                try advance(table)
            }
        }
        // Rows with no record: those the cursors passed over (unless a record out of order found
        // them), and in the tables looked up by key, any beyond the records that matched.
        for (table, id) in unchained.prefix(100) {
            let recorded = try db.first("SELECT seq FROM records WHERE tbl = ? AND key1 = ? AND key2 = ''", table.rawValue, id) { $0.int(0) }
            if recorded == nil { check.note(nil, "row \(id) of \(table.rawValue) is not in the record chain: it was written outside mtfs") }
        }
        for table in FactTable.allCases where !table.keyedByID {
            let rows = try db.scalar("SELECT count(*) FROM \(table.rawValue)")
            guard rows != matched[table, default: 0] else { continue }
            let (first, second) = table.keyColumns
            let missing = try db.query(
                """
                SELECT \(first), \(second ?? "''") FROM \(table.rawValue) t WHERE NOT EXISTS (
                    SELECT 1 FROM records r WHERE r.tbl = ? AND r.key1 = t.\(first) AND r.key2 = \(second.map { "t.\($0)" } ?? "''"))
                LIMIT 20
                """, parameters: [table.rawValue]
            ) { Ledger.describeKey($0.value(0), $0.value(1)) }
            for key in missing { check.note(nil, "row \(key) of \(table.rawValue) is not in the record chain: it was written outside mtfs") }
        }
        for seq in hasher.finish() { check.note(seq, "record \(seq) has been altered: its row no longer matches its hash") }
        check.problems.sort { ($0.seq ?? .max) < ($1.seq ?? .max) }
        return check
    }

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
        try db.forEach("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'") { row in
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

/// Hashes records on a concurrent queue while the reading thread reads on.
private final class RecordHasher: @unchecked Sendable {
    private struct Batch {
        var bytes: [UInt8] = []
        var items: [(seq: Int64, end: Int, expected: String)] = []
    }
    private let queue = DispatchQueue(label: "mtfs.verify.records", qos: .userInitiated, attributes: .concurrent)
    private let group = DispatchGroup()
    private let slots = DispatchSemaphore(value: 4)
    private let lock = NSLock()
    private var altered: [Int64] = []
    private var batch = Batch()

    func add(seq: Int64, input: [UInt8], expected: String) {
        batch.bytes.append(contentsOf: input)
        batch.items.append((seq, batch.bytes.count, expected))
        if batch.items.count == 4_096 { flush() }
    }

    private func flush() {
        guard !batch.items.isEmpty else { return }
        let work = batch
        batch = Batch()
        slots.wait()
        queue.async(group: group) { [self] in
            var bad: [Int64] = []
            work.bytes.withUnsafeBytes { all in
                var start = 0
                for item in work.items {
                    var sha = SHA256()
                    sha.update(UnsafeRawBufferPointer(rebasing: all[start..<item.end]))
                    if SHA256.hex(digest: sha.finalize()) != item.expected { bad.append(item.seq) }
                    start = item.end
                }
            }
            if !bad.isEmpty {
                lock.lock()
                altered += bad
                lock.unlock()
            }
            slots.signal()
        }
    }

    /// The records whose hashes did not match, once every batch is done.
    func finish() -> [Int64] {
        flush()
        group.wait()
        return altered.sorted()
    }
}
