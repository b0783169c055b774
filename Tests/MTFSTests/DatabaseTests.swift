import Foundation
import MTFSDomain
@testable import MTFSStore
import Testing

@Suite("The SQLite wrapper")
struct DatabaseTests {
    @Test("verify's head log: a head beyond the snapshot logged after it began is a later write, one logged before is history cut short (found by a reviewer)")
    func headLogWrittenSince() throws {
        let dir = TempDir()
        let ledger = try Ledger(path: dir.path("l.sqlite"), create: true)
        var records = RecordChain.RecordCheck()
        records.head = ChainHead(count: 5, hash: String(repeating: "a", count: 64))
        records.hashes[5] = String(repeating: "a", count: 64)
        let logged = [
            HeadLog.Line(number: 1, head: ChainHead(count: 5, hash: String(repeating: "a", count: 16)), pending: false, end: 40),
            HeadLog.Line(number: 2, head: ChainHead(count: 6, hash: String(repeating: "b", count: 16)), pending: false, end: 80),
        ]
        // Line 2 was written after the snapshot began (another process's write, committed since).
        #expect(ledger.verifier.headLogProblems(logged, records, settled: 1).isEmpty)
        // Logged before the snapshot began, record 6 should be in it: the history was cut short.
        let cut = ledger.verifier.headLogProblems(logged, records, settled: 2)
        #expect(cut.count == 1 && cut[0].contains("cut short"), "\(cut)")
        // Which lines were settled is told by the log's size when the snapshot began: each line knows
        // where it ends, counted in the file's bytes (a line still being written is not settled).
        let log = dir.path("l.heads")
        try Data("5:\(String(repeating: "a", count: 16)) t\n\n6:\(String(repeating: "b", count: 16)) t pending\n7:é".utf8).write(to: URL(fileURLWithPath: log))
        let lines = try #require(HeadLog.read(log))
        #expect(lines.map(\.number) == [1, 2, 3] && lines.map(\.end) == [21, 51, 55])
        #expect(lines[1].pending && lines[2].head == nil && HeadLog.size(log) == 55)
    }

    @Test("binds and reads back every type")
    func bindsEveryType() throws {
        let dir = TempDir()
        let db = try Database(path: dir.path("t.sqlite"))
        try db.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n ANY) STRICT")
        try db.run(
            "INSERT INTO t VALUES (?, ?, ?, ?, ?)", Int64.min, 2.5, "Zoë 'quoted' \"x\"; DROP TABLE t; --",
            SQLValue.blob([0, 1, 255]), SQLValue.null)
        try db.run("INSERT INTO t VALUES (?, ?, ?, ?, ?)", Int64.max, -0.0, "", SQLValue.blob([]), 7)
        let rows = try db.query("SELECT i, r, s, b, n FROM t ORDER BY rowid") { row in
            [row.value(0), row.value(1), row.value(2), row.value(3), row.value(4)]
        }
        #expect(rows[0] == [.integer(Int64.min), .real(2.5), .text("Zoë 'quoted' \"x\"; DROP TABLE t; --"), .blob([0, 1, 255]), .null])
        #expect(rows[1][0] == .integer(Int64.max))
        #expect(rows[1][4] == .integer(7))
        #expect(try db.scalar("SELECT count(*) FROM t") == 2)
    }

    @Test("text is stored whole, a NUL and what follows it included, as the record chain hashes it")
    func textWithNUL() throws {
        let dir = TempDir()
        let db = try Database(path: dir.path("t.sqlite"))
        try db.execute("CREATE TABLE t (s TEXT) STRICT")
        let text = "before\u{0}after — Zoë"
        try db.run("INSERT INTO t VALUES (?)", text)
        #expect(try db.scalar("SELECT length(CAST(s AS BLOB)) FROM t") == Int64(text.utf8.count))
        #expect(try db.first("SELECT s FROM t") { $0.value(0) } == .text(text))
    }

    @Test("binding the wrong number of parameters is an error, not a silent NULL")
    func parameterCount() throws {
        let dir = TempDir()
        let db = try Database(path: dir.path("t.sqlite"))
        try db.execute("CREATE TABLE t (x INTEGER)")
        #expect(throws: DatabaseError.self) { try db.run("INSERT INTO t VALUES (?)") }
        #expect(throws: DatabaseError.self) { try db.run("INSERT INTO t VALUES (?)", 1, 2) }
    }

    @Test("prepared statements are reused")
    func statementReuse() throws {
        let dir = TempDir()
        let db = try Database(path: dir.path("t.sqlite"))
        let a = try db.prepare("SELECT 1")
        let b = try db.prepare("SELECT 1")
        #expect(a === b)
        try db.execute("CREATE TABLE t (x INTEGER)")
        for i in 0..<100 { try db.run("INSERT INTO t VALUES (?)", i) }
        #expect(try db.scalar("SELECT sum(x) FROM t") == 4950)
    }

    @Test("a failed write rolls back whole")
    func rollback() throws {
        let dir = TempDir()
        let db = try Database(path: dir.path("t.sqlite"))
        try db.execute("CREATE TABLE t (x INTEGER NOT NULL)")
        #expect(throws: DatabaseError.self) {
            try db.write {
                try db.run("INSERT INTO t VALUES (1)")
                try db.run("INSERT INTO t VALUES (NULL)")
            }
        }
        #expect(try db.scalar("SELECT count(*) FROM t") == 0)
        #expect(!db.inTransaction)
    }

    @Test("a failed nested write undoes only itself")
    func savepoints() throws {
        let dir = TempDir()
        let db = try Database(path: dir.path("t.sqlite"))
        try db.execute("CREATE TABLE t (x INTEGER NOT NULL)")
        try db.write {
            try db.run("INSERT INTO t VALUES (1)")
            _ = try? db.write {
                try db.run("INSERT INTO t VALUES (2)")
                try db.run("INSERT INTO t VALUES (NULL)")
            }
            try db.run("INSERT INTO t VALUES (3)")
        }
        #expect(try db.query("SELECT x FROM t ORDER BY x") { $0.int(0) } == [1, 3])
    }

    @Test("a second writer waits for the busy timeout, then fails cleanly")
    func busyTimeout() throws {
        let dir = TempDir()
        let path = dir.path("t.sqlite")
        let first = try Database(path: path)
        try first.execute("PRAGMA journal_mode = WAL; CREATE TABLE t (x INTEGER)")
        let second = try Database(path: path, busyTimeout: 300)
        try first.execute("BEGIN IMMEDIATE")
        let started = Date()
        #expect {
            try second.write { try second.run("INSERT INTO t VALUES (1)") }
        } throws: { ($0 as? DatabaseError)?.isBusy == true }
        #expect(Date().timeIntervalSince(started) >= 0.25)
        try first.execute("COMMIT")
        try second.write { try second.run("INSERT INTO t VALUES (2)") }
        #expect(try first.scalar("SELECT count(*) FROM t") == 1)
    }

    @Test("a writer that waits gets in once the lock is released")
    func waitsThenWrites() async throws {
        let dir = TempDir()
        let path = dir.path("t.sqlite")
        let first = try Database(path: path)
        try first.execute("PRAGMA journal_mode = WAL; CREATE TABLE t (x INTEGER)")
        try first.execute("BEGIN IMMEDIATE; INSERT INTO t VALUES (1)")
        let waiter = Task.detached { () throws -> Int64 in
            let second = try Database(path: path, busyTimeout: 30_000)
            try second.write { try second.run("INSERT INTO t VALUES (2)") }
            return try second.scalar("SELECT count(*) FROM t")
        }
        try await Task.sleep(nanoseconds: 300_000_000)
        try first.execute("COMMIT")
        #expect(try await waiter.value == 2)
    }

    @Test("new database files are readable by their owner only")
    func permissions() throws {
        let dir = TempDir()
        let path = dir.path("t.sqlite")
        _ = try Database(path: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0
        #expect(mode & 0o077 == 0)
    }

    @Test("a full database fails with SQLITE_FULL and keeps what was committed")
    func diskFull() throws {
        let dir = TempDir()
        let db = try Database(path: dir.path("t.sqlite"))
        try db.execute("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('kept')")
        let pages = try db.scalar("PRAGMA page_count")
        try db.execute("PRAGMA max_page_count = \(pages + 2)")
        #expect {
            try db.write { for _ in 0..<1000 { try db.run("INSERT INTO t VALUES (?)", String(repeating: "x", count: 4000)) } }
        } throws: { ($0 as? DatabaseError)?.isDiskFull == true }
        #expect(try db.query("SELECT x FROM t") { $0.text(0) } == ["kept"])
    }
}

@Suite("The SQLite wrapper's pipelined inserts")
struct PipelineTests {
    private func table(_ dir: TempDir) throws -> Database {
        let db = try Database(path: dir.path("t.sqlite"))
        try db.execute("CREATE TABLE t (i INTEGER PRIMARY KEY, s TEXT NOT NULL)")
        return db
    }

    private static let insert = InsertSQL("INSERT INTO t(i, s) VALUES (?, ?)")

    @Test("queued inserts run in the order given, and every read sees all that was queued before it")
    func order() throws {
        let dir = TempDir()
        let db = try table(dir)
        try db.write {
            db.startPipeline()
            // Several batches, and a read in the middle of one.
            for i in 1...2_500 { try db.enqueue(Self.insert, parameters: [.integer(Int64(i)), .text("row \(i)")]) }
            #expect(try db.scalar("SELECT count(*) FROM t") == 2_500)
            for i in 2_501...5_000 { try db.enqueue(Self.insert, parameters: [.integer(Int64(i)), .text("row \(i)")]) }
            #expect(db.lastInsertRowID == 5_000)
            try db.finishPipeline()
        }
        #expect(db.pipelinedStatements == 5_000)
        #expect(try db.query("SELECT i, s FROM t ORDER BY rowid") { "\($0.int(0)) \($0.text(1))" } == (1...5_000).map { "\($0) row \($0)" })
    }

    @Test("an insert that fails on the second thread fails the write at the next call, and nothing of it is kept")
    func failure() throws {
        let dir = TempDir()
        let db = try table(dir)
        try db.run("INSERT INTO t(i, s) VALUES (0, 'kept')")
        // Found at a read, at the end of the batch (finish), and when the queue is full.
        for readAt in ["read", "finish", "queue"] {
            #expect {
                try db.write {
                    db.startPipeline()
                    for i in 1...1_500 { try db.enqueue(Self.insert, parameters: [.integer(Int64(i)), .text("x")]) }
                    try db.enqueue(Self.insert, parameters: [.integer(1_501), .null])
                    switch readAt {
                    case "read": _ = try db.scalar("SELECT count(*) FROM t")
                    case "finish": try db.finishPipeline()
                    default: for i in 1_502...20_000 { try db.enqueue(Self.insert, parameters: [.integer(Int64(i)), .text("x")]) }
                    }
                    Issue.record("the failed insert was not reported (\(readAt))")
                }
            } throws: { ($0 as? DatabaseError)?.isConstraint == true }
            #expect(!db.inTransaction)
            #expect(!db.isPipelined)
            #expect(try db.query("SELECT s FROM t") { $0.text(0) } == ["kept"])
        }
    }

    @Test("a full disk on the second thread fails the write with SQLITE_FULL and keeps what was committed")
    func diskFull() throws {
        let dir = TempDir()
        let db = try table(dir)
        try db.run("INSERT INTO t(i, s) VALUES (0, 'kept')")
        try db.execute("PRAGMA max_page_count = \(try db.scalar("PRAGMA page_count") + 2)")
        #expect {
            try db.write {
                db.startPipeline()
                for i in 1...1_000 { try db.enqueue(Self.insert, parameters: [.integer(Int64(i)), .text(String(repeating: "x", count: 4_000))]) }
                try db.finishPipeline()
            }
        } throws: { ($0 as? DatabaseError)?.isDiskFull == true }
        #expect(try db.query("SELECT s FROM t") { $0.text(0) } == ["kept"])
    }
}
