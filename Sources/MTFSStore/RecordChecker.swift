import Dispatch
import Foundation
import MTFSDomain

/// Recomputes every record: the links of the chain in order, each record's hash from the row it
/// covers, and that every row of every fact table has exactly one record.
///
/// One pass over the records in order. Each table is read alongside in rowid order, which is the
/// order its rows were inserted and so the order of their records: a record normally finds its row
/// under the table's cursor, and only a record out of that order (or a table renumbered by
/// `VACUUM`) costs a look-up by key. Inputs are written into one buffer and hashed on the other core.
struct RecordChecker {
    let db: Database

    func check(wanted: Set<Int64>) throws -> RecordChain.RecordCheck {
        var check = RecordChain.RecordCheck()
        let hasher = RecordHasher()
        var unchained: [(FactTable, Int64)] = []
        let tables = FactTable.allCases
        let names = tables.map(\.bytes)
        // Per table, by position in `tables`: the cursor in rowid order and whether it is on a row,
        // the look-up by key, where the key columns are in `SELECT *`, and how many records matched.
        var cursors: [Statement] = []
        var onRow: [Bool] = []
        var lookups: [Statement] = []
        var keyColumns: [(Int32, Int32?)] = []
        var matched = Array(repeating: Int64(0), count: tables.count)
        for table in tables {
            let cursor = try db.prepare("SELECT \(table.recordColumns) FROM \(table.rawValue) ORDER BY rowid")
            cursors.append(cursor)
            onRow.append(try cursor.step())
            lookups.append(try db.prepare(table.rowSQL))
            let columns =
                table.recordColumns == "*"
                ? try db.query("SELECT name FROM pragma_table_info(?) ORDER BY cid", table.rawValue) { $0.text(0) }
                : table.recordColumns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let (first, second) = table.keyColumns
            let at = { (name: String) in Int32(columns.firstIndex(of: name) ?? 0) }
            keyColumns.append((at(first), second.map(at)))
        }
        defer { for cursor in cursors { try? cursor.reset() } }

        var buffer: [UInt8] = []
        buffer.reserveCapacity(RecordHasher.batchSize * 512)
        var expected: Int64 = 1
        // The hash before the first record: 32 zero bytes.
        var previous = [UInt8](repeating: 0, count: 32)
        var last = -1
        try db.forEach("SELECT seq, tbl, key1, key2, hash FROM records ORDER BY seq") { row in
            let seq = row.int(0)
            if seq != expected {
                check.note(
                    seq, seq > expected ? "records \(expected)…\(seq - 1) are missing before record \(seq)" : "record \(seq) is out of order")
            }
            expected = seq + 1
            if wanted.contains(seq) { check.hashes[seq] = SHA256.hex(digest: Array(row.bytes(4))) }
            // Records come in runs of one table: the name is compared as bytes, not decoded each time.
            let index: Int
            if last >= 0, names[last].withUnsafeBytes({ RecordChecker.same($0, row.bytes(1)) }) {
                index = last
            } else {
                let name = row.text(1)
                guard let known = tables.firstIndex(where: { $0.rawValue == name }) else {
                    check.note(seq, "record \(seq) names an unknown table \"\(name)\"")
                    return
                }
                index = known
                last = known
            }
            let table = tables[index]
            let mark = buffer.count
            // The previous record's hash as stored: a record changed, removed or put out of order
            // makes the next one's hash wrong as well as its own.
            RecordHash.start(&buffer, table: table, previous: previous) {
                RecordHash.column(&$0, row, 2)
                RecordHash.column(&$0, row, 3)
            }
            previous.removeAll(keepingCapacity: true)
            previous.appendBytes(row.bytes(4))
            var found = false
            let cursor = cursors[index]
            // Under the cursor, or (ids only) after rows that have no record of their own.
            if onRow[index] {
                if table.keyedByID, row.type(2) == .integer {
                    let id = row.int(2)
                    while onRow[index], Row(statement: cursor).int(0) < id {
                        unchained.append((table, Row(statement: cursor).int(0)))
                        onRow[index] = try cursor.step()
                    }
                }
                if onRow[index], RecordChecker.keyMatches(Row(statement: cursor), keyColumns[index], row) {
                    RecordHash.columns(&buffer, of: Row(statement: cursor), table: table)
                    found = true
                    onRow[index] = try cursor.step()
                }
            }
            if !found {
                let lookup = lookups[index]
                try lookup.reset()
                try lookup.bind(table.keyColumns.second == nil ? [row.value(2)] : [row.value(2), row.value(3)])
                if try lookup.step() {
                    RecordHash.columns(&buffer, of: Row(statement: lookup), table: table)
                    found = true
                }
                try lookup.reset()
            }
            guard found else {
                buffer.removeSubrange(mark...)
                check.note(
                    seq, "record \(seq): its row of \(table.rawValue) (\(RecordChain.describeKey(row.value(2), row.value(3)))) has been deleted")
                return
            }
            matched[index] += 1
            hasher.add(seq: seq, input: mark..<buffer.count, expected: row.bytes(4))
            if hasher.isFull {
                hasher.submit(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        hasher.submit(buffer)
        check.head = expected == 1 ? .empty : ChainHead(count: expected - 1, hash: SHA256.hex(digest: previous))
        for (i, table) in tables.enumerated() where table.keyedByID {
            while onRow[i] {
                unchained.append((table, Row(statement: cursors[i]).int(0)))
                onRow[i] = try cursors[i].step()
            }
        }
        // Rows with no record: those the id cursors passed over (unless a record out of order found
        // them), and in the tables keyed otherwise, any beyond the records that matched.
        for (table, id) in unchained.prefix(100) {
            let recorded = try db.first("SELECT seq FROM records WHERE tbl = ? AND key1 = ? AND key2 = ''", table.rawValue, id) { $0.int(0) }
            if recorded == nil { check.note(nil, "row \(id) of \(table.rawValue) is not in the record chain: it was written outside mtfs") }
        }
        for (i, table) in tables.enumerated() where !table.keyedByID {
            let rows = try db.scalar("SELECT count(*) FROM \(table.rawValue)")
            guard rows != matched[i] else { continue }
            let (first, second) = table.keyColumns
            let missing = try db.query(
                """
                SELECT \(first), \(second ?? "''") FROM \(table.rawValue) t WHERE NOT EXISTS (
                    SELECT 1 FROM records r WHERE r.tbl = ? AND r.key1 = t.\(first) AND r.key2 = \(second.map { "t.\($0)" } ?? "''"))
                LIMIT 20
                """, parameters: [table.rawValue]
            ) { RecordChain.describeKey($0.value(0), $0.value(1)) }
            for key in missing { check.note(nil, "row \(key) of \(table.rawValue) is not in the record chain: it was written outside mtfs") }
        }
        // Each altered record named with its row (only as many as are reported).
        for seq in hasher.finish() where check.problems.count < 20 {
            let row = try db.first("SELECT tbl, key1, key2 FROM records WHERE seq = ?", seq) {
                "its row of \($0.text(0)) (\(RecordChain.describeKey($0.value(1), $0.value(2))))"
            }
            check.note(seq, "record \(seq) has been altered: \(row ?? "its row") no longer matches its hash")
        }
        check.problems.sort { ($0.seq ?? .max) < ($1.seq ?? .max) }
        return check
    }

    /// Whether two byte strings are equal.
    static func same(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }

    /// Whether `row` (under a table's cursor) has the record's key: same class, same value.
    private static func keyMatches(_ row: Row, _ columns: (Int32, Int32?), _ record: Row) -> Bool {
        func sameValue(_ column: Int32, _ recordColumn: Int32) -> Bool {
            let kind = record.type(recordColumn)
            guard row.type(column) == kind else { return false }
            switch kind {
            case .integer: return row.int(column) == record.int(recordColumn)
            case .text, .blob: return same(row.bytes(column), record.bytes(recordColumn))
            default: return false
            }
        }
        guard sameValue(columns.0, 2) else { return false }
        if let second = columns.1 { return sameValue(second, 3) }
        return record.type(3) == .text && record.bytes(3).count == 0
    }
}

/// Hashes records on a concurrent queue while the reading thread reads on: the reader writes
/// inputs into its buffer, notes each one (``add(seq:input:expected:)``) and hands the buffer over
/// when the batch is full (``submit(_:)``).
final class RecordHasher: @unchecked Sendable {
    private var ends: [Int] = []
    private var seqs: [Int64] = []
    /// The stored hashes, 32 bytes a record.
    private var expected: [UInt8] = []
    private let queue = DispatchQueue(label: "mtfs.verify.records", qos: .userInitiated, attributes: .concurrent)
    private let group = DispatchGroup()
    private let slots = DispatchSemaphore(value: 3)
    private let lock = NSLock()
    private var altered: [Int64] = []
    static let batchSize = 8_192

    init() { reserve() }

    private func reserve() {
        ends.reserveCapacity(RecordHasher.batchSize)
        seqs.reserveCapacity(RecordHasher.batchSize)
        expected.reserveCapacity(RecordHasher.batchSize * 32)
    }

    /// Notes record `seq`, whose input is `input` in the buffer and whose stored hash is `hash`.
    func add(seq: Int64, input: Range<Int>, expected hash: UnsafeRawBufferPointer) {
        ends.append(input.upperBound)
        seqs.append(seq)
        // A stored hash of the wrong length can match nothing: it is compared as 32 bytes of 0xff.
        if hash.count == 32 { expected.appendBytes(hash) } else { expected.append(contentsOf: repeatElement(0xff, count: 32)) }
    }

    var isFull: Bool { seqs.count >= RecordHasher.batchSize }

    /// Hashes the noted records, whose inputs are in `buffer` (taken as it is now).
    func submit(_ buffer: [UInt8]) {
        guard !seqs.isEmpty else { return }
        let (workEnds, workSeqs, workExpected) = (ends, seqs, expected)
        ends = []
        seqs = []
        expected = []
        reserve()
        slots.wait()
        queue.async(group: group) { [self] in
            var bad: [Int64] = []
            let sha = SHA256.Context()
            buffer.withUnsafeBytes { all in
                workExpected.withUnsafeBytes { hashes in
                    var start = 0
                    for (i, end) in workEnds.enumerated() {
                        // An input begins where the last one ended, or after bytes dropped with a deleted row.
                        let input = UnsafeRawBufferPointer(rebasing: all[start..<end])
                        let stored = UnsafeRawBufferPointer(rebasing: hashes[(i * 32)..<(i * 32 + 32)])
                        if !sha.matches(input, digest: stored) { bad.append(workSeqs[i]) }
                        start = end
                    }
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
        group.wait()
        return altered.sorted()
    }
}
