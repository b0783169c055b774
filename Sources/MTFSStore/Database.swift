import CSQLite
import Foundation
import MTFSDomain

/// A value bound to or read from SQLite.
enum SQLValue: Hashable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

/// Something that binds as a ``SQLValue``.
protocol SQLBindable {
    var sqlValue: SQLValue { get }
}

extension Int64: SQLBindable { var sqlValue: SQLValue { .integer(self) } }
extension Int: SQLBindable { var sqlValue: SQLValue { .integer(Int64(self)) } }
extension String: SQLBindable { var sqlValue: SQLValue { .text(self) } }
extension Double: SQLBindable { var sqlValue: SQLValue { .real(self) } }
extension Bool: SQLBindable { var sqlValue: SQLValue { .integer(self ? 1 : 0) } }
extension SQLValue: SQLBindable { var sqlValue: SQLValue { self } }
extension Optional: SQLBindable where Wrapped: SQLBindable {
    var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

/// An error SQLite reported: its result code, message and the SQL that caused it.
public struct DatabaseError: Error, LocalizedError, Equatable, Sendable {
    /// The extended result code (https://www.sqlite.org/rescode.html).
    public var code: Int32
    public var message: String
    public var sql: String?

    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// The primary result code (the low byte of the extended one).
    public var primaryCode: Int32 { code & 0xff }
    /// SQLITE_FULL: the disk or the database's page limit is full.
    public var isDiskFull: Bool { primaryCode == SQLITE_FULL }
    /// SQLITE_BUSY or SQLITE_LOCKED after the busy timeout ran out.
    public var isBusy: Bool { primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED }
    /// SQLITE_CONSTRAINT: a CHECK, UNIQUE, FOREIGN KEY or trigger RAISE refused the change.
    public var isConstraint: Bool { primaryCode == SQLITE_CONSTRAINT }

    public var errorDescription: String? {
        if isDiskFull { return "the disk is full (SQLite: \(message)); nothing was written" }
        if primaryCode == SQLITE_IOERR {
            return
                "the ledger file could not be read or written (SQLite: \(message)); the disk may be full or the file too large for its limit, and nothing was written"
        }
        if isBusy { return "the ledger is busy with another writer and the wait ran out (SQLite: \(message)); nothing was written" }
        return "the ledger database reported an error: \(message)"
    }
}

/// One connection to an SQLite database file, used by one thread at a time (a bulk write hands it
/// to its ``WritePipeline`` and back).
///
/// Every statement is prepared and bound (never interpolated); prepared statements are cached by
/// their SQL text and reused. Writes go through ``write(_:)``, which takes the write lock at once
/// (`BEGIN IMMEDIATE`) so that a waiting writer honours the busy timeout instead of failing on
/// upgrade (https://www.sqlite.org/lang_transaction.html).
final class Database {
    let handle: OpaquePointer
    private var cache: [String: Statement] = [:]
    private var savepointDepth = 0
    private var profiler: SQLProfiler?
    /// Inside a bulk write: the thread that runs queued inserts (``enqueue(_:parameters:)``), or nil.
    private var pipeline: WritePipeline?
    /// The file's path.
    public let path: String
    /// How long a writer waits for another's lock, in milliseconds.
    let busyTimeout: Int32

    /// SQLite set up once per process, before its first connection: no memory statistics (their
    /// global mutex is taken on every allocation; nothing here reads them).
    private static let configured: Void = { _ = mtfs_sqlite3_memstatus_off() }()

    /// Opens (creating when asked) the database at `path`. New files are readable by their owner only.
    /// `immutable`: read a file that nothing will change while it is open, without the WAL index
    /// (https://www.sqlite.org/uri.html#uriimmutable) — for a ledger in a read-only folder.
    public init(path: String, create: Bool = true, readOnly: Bool = false, immutable: Bool = false, busyTimeout: Int32 = 30_000) throws {
        _ = Database.configured
        self.path = path
        self.busyTimeout = busyTimeout
        if create && !readOnly && path != ":memory:" && !FileManager.default.fileExists(atPath: path) {
            // Created here first so SQLite inherits owner-only permissions for the -wal and -shm files too.
            let fd = open(path, O_CREAT | O_WRONLY | O_EXCL, 0o600)
            if fd >= 0 { close(fd) }
        }
        var db: OpaquePointer?
        var flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE
        if create && !readOnly { flags |= SQLITE_OPEN_CREATE }
        flags |= SQLITE_OPEN_NOMUTEX
        var name = path
        if immutable {
            flags |= SQLITE_OPEN_URI
            let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#%"))
            name = "file:" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path) + "?immutable=1"
        }
        let rc = sqlite3_open_v2(name, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let db { sqlite3_close_v2(db) }
            throw DatabaseError(code: rc, message: message)
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, busyTimeout)
        if ProcessInfo.processInfo.environment["MTFS_SQL_PROFILE"] != nil {
            let profiler = SQLProfiler()
            self.profiler = profiler
            sqlite3_trace_v2(db, UInt32(SQLITE_TRACE_PROFILE), SQLProfiler.callback, Unmanaged.passUnretained(profiler).toOpaque())
        }
    }

    deinit {
        cache.removeAll()
        sqlite3_close_v2(handle)
        profiler?.report()
    }

    /// Runs SQL text with no parameters (schema scripts, pragmas); may hold several statements.
    public func execute(_ sql: String) throws {
        try settle()
        var errorMessage: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        if rc != SQLITE_OK {
            let message = errorMessage.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(errorMessage)
            throw DatabaseError(code: sqlite3_extended_errcode(handle), message: message, sql: sql)
        }
    }

    /// A prepared statement for `sql`, reused from the cache when it was prepared before.
    public func prepare(_ sql: String) throws -> Statement {
        try settle()
        return try prepareNow(sql)
    }

    /// ``prepare(_:)`` without waiting for the pipeline: for the pipeline's own thread.
    private func prepareNow(_ sql: String) throws -> Statement {
        if let cached = cache[sql] {
            try cached.reset()
            return cached
        }
        let statement = try Statement(database: self, sql: sql)
        cache[sql] = statement
        return statement
    }

    /// Runs a statement that returns no rows, with bound parameters.
    public func run(_ sql: String, _ parameters: SQLBindable...) throws {
        try run(sql, parameters: parameters)
    }

    /// Runs a statement that returns no rows, with bound parameters.
    public func run(_ sql: String, parameters: [SQLBindable]) throws {
        let statement = try prepare(sql)
        try statement.bind(parameters)
        while try statement.step() {}
        try statement.reset()
    }

    // MARK: - Pipelined inserts

    /// Starts running the statements given to ``enqueue(_:parameters:)`` on a second thread, in the
    /// order given, inside the open write transaction: SQLite's half of a bulk write runs on one core
    /// while the caller works out the next rows on the other. Every other call on this connection
    /// first waits for what is queued to have run, so a read always sees every earlier write and
    /// the two threads never use the connection at once.
    func startPipeline() {
        precondition(pipeline == nil && inTransaction, "a pipeline runs inside one write transaction")
        pipeline = WritePipeline(database: self)
    }

    /// Waits for every queued statement to run and stops the thread; throws the first error any of
    /// them met (the transaction must then roll back).
    func finishPipeline() throws {
        guard let running = pipeline else { return }
        defer {
            pipeline = nil
            running.stop()
        }
        try running.drain()
    }

    /// Drops what is still queued and stops the thread: the transaction is rolling back.
    func abandonPipeline() {
        guard let running = pipeline else { return }
        pipeline = nil
        running.abandon()
        running.stop()
    }

    /// Runs an insert whose result and rowid nobody reads: queued to the pipeline when one runs
    /// (an error surfaces at the next call on the connection, and fails the transaction), at once
    /// otherwise.
    func enqueue(_ insert: InsertSQL, parameters: [SQLValue]) throws {
        if let pipeline {
            pipelinedStatements += 1
            try pipeline.add(insert, parameters)
        } else {
            let statement = try prepare(insert.sql)
            try statement.bind(parameters[...])
            while try statement.step() {}
            try statement.reset()
        }
    }

    /// Whether inserts are being queued (``startPipeline()``).
    var isPipelined: Bool { pipeline != nil }
    /// How many statements this connection has queued to a pipeline (the tests check loads use it).
    private(set) var pipelinedStatements = 0

    /// Waits until everything queued has run; throws the first error it met.
    private func settle() throws { try pipeline?.drain() }

    /// A statement prepared for the pipeline's thread (not cached here: that thread keeps its own).
    func preparePipelined(_ sql: String) throws -> Statement { try Statement(database: self, sql: sql) }

    /// Runs a query and maps each row.
    public func query<T>(_ sql: String, _ parameters: SQLBindable..., map: (Row) throws -> T) throws -> [T] {
        try query(sql, parameters: parameters, map: map)
    }

    /// Runs a query and maps each row.
    public func query<T>(_ sql: String, parameters: [SQLBindable], map: (Row) throws -> T) throws -> [T] {
        let statement = try prepare(sql)
        try statement.bind(parameters)
        defer { try? statement.reset() }
        var out: [T] = []
        while try statement.step() { out.append(try map(Row(statement: statement))) }
        return out
    }

    /// Runs a query and visits each row without collecting them (for large reads).
    public func forEach(_ sql: String, parameters: [SQLBindable] = [], _ body: (Row) throws -> Void) throws {
        let statement = try prepare(sql)
        try statement.bind(parameters)
        defer { try? statement.reset() }
        while try statement.step() { try body(Row(statement: statement)) }
    }

    /// The first row mapped, or nil.
    public func first<T>(_ sql: String, _ parameters: SQLBindable..., map: (Row) throws -> T) throws -> T? {
        let statement = try prepare(sql)
        try statement.bind(parameters)
        defer { try? statement.reset() }
        return try statement.step() ? map(Row(statement: statement)) : nil
    }

    /// The first row mapped, or nil.
    public func first<T>(_ sql: String, parameters: [SQLBindable], map: (Row) throws -> T) throws -> T? {
        let statement = try prepare(sql)
        try statement.bind(parameters)
        defer { try? statement.reset() }
        return try statement.step() ? map(Row(statement: statement)) : nil
    }

    /// A single integer (COUNT, SUM, pragma), 0 when NULL or no row.
    public func scalar(_ sql: String, _ parameters: SQLBindable...) throws -> Int64 {
        let statement = try prepare(sql)
        try statement.bind(parameters)
        defer { try? statement.reset() }
        return try statement.step() ? Row(statement: statement).int(0) : 0
    }

    /// Runs `body` in one write transaction (BEGIN IMMEDIATE): it commits whole or rolls back whole.
    /// Inside an open transaction it runs in a savepoint, so a failed inner step undoes only itself
    /// and the caller decides whether the outer work goes on (https://www.sqlite.org/lang_savepoint.html).
    /// Takes the write lock, waiting up to the busy timeout. SQLite's busy handler does the waiting,
    /// but in WAL mode SQLite may answer SQLITE_BUSY at once rather than risk a deadlock (a fresh
    /// connection whose first read meets another's write, https://www.sqlite.org/c3ref/busy_handler.html):
    /// such a refusal is tried again until the timeout has passed, so a second writer waits, as
    /// SPEC §4 says, instead of failing at once.
    private func beginImmediate() throws {
        let deadline = ContinuousClock.now + .milliseconds(Int(busyTimeout))
        while true {
            do { return try execute("BEGIN IMMEDIATE") } catch let e as DatabaseError where e.isBusy && ContinuousClock.now < deadline {
                usleep(10_000)
            }
        }
    }

    public func write<T>(_ body: () throws -> T) throws -> T {
        if inTransaction {
            savepointDepth += 1
            let name = "sp\(savepointDepth)"
            defer { savepointDepth -= 1 }
            try run("SAVEPOINT \(name)")
            do {
                let result = try body()
                try run("RELEASE \(name)")
                return result
            } catch {
                if inTransaction {
                    try? run("ROLLBACK TO \(name)")
                    try? run("RELEASE \(name)")
                }
                throw error
            }
        }
        try beginImmediate()
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            abandonPipeline()
            // A failed COMMIT (disk full) may already have rolled back; ROLLBACK then reports "no transaction".
            if inTransaction { try? execute("ROLLBACK") }
            throw error
        }
    }

    /// Runs `body` in one read transaction so every query sees the same snapshot. Inside a
    /// transaction already open, `body` simply runs in it (it sees that transaction's snapshot).
    public func read<T>(_ body: () throws -> T) throws -> T {
        if inTransaction { return try body() }
        try execute("BEGIN DEFERRED")
        defer { if sqlite3_get_autocommit(handle) == 0 { try? execute("COMMIT") } }
        return try body()
    }

    /// Whether a transaction is open.
    public var inTransaction: Bool { pipeline != nil || sqlite3_get_autocommit(handle) == 0 }

    /// `PRAGMA user_version`: the schema version the migrations reached.
    public var userVersion: Int {
        get throws { Int(try scalar("PRAGMA user_version")) }
    }

    /// The rowid of the last insert on this connection.
    public var lastInsertRowID: Int64 {
        pipeline?.waitUntilIdle()
        return sqlite3_last_insert_rowid(handle)
    }

    /// Rows changed by the last statement.
    public var changes: Int {
        pipeline?.waitUntilIdle()
        return Int(sqlite3_changes(handle))
    }

    func error(sql: String?) -> DatabaseError {
        DatabaseError(code: sqlite3_extended_errcode(handle), message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }
}

/// The SQL of an insert a bulk write queues (``Database/enqueue(_:parameters:)``), declared once as
/// a constant: the pipeline's thread finds its prepared statement by the constant, not by hashing
/// its text for every row.
final class InsertSQL: Sendable {
    let sql: String
    init(_ sql: String) { self.sql = sql }
}

/// With `MTFS_SQL_PROFILE` set, each connection adds up the time SQLite spends in every statement
/// (its triggers included) and prints the costliest to standard error when it closes: the tool for
/// finding which statement a slow command waits on.
final class SQLProfiler {
    private var totals: [String: (count: Int, nanoseconds: UInt64)] = [:]

    static let callback: @convention(c) (UInt32, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?) -> Int32 = {
        _, context, statement, elapsed in
        guard let context, let statement, let elapsed else { return 0 }
        let profiler = Unmanaged<SQLProfiler>.fromOpaque(context).takeUnretainedValue()
        let sql = sqlite3_sql(OpaquePointer(statement)).map { String(cString: $0) } ?? "?"
        let ns = elapsed.load(as: UInt64.self)
        let old = profiler.totals[sql] ?? (0, 0)
        profiler.totals[sql] = (old.count + 1, old.nanoseconds + ns)
        return 0
    }

    func report() {
        let all = totals.values.reduce(UInt64(0)) { $0 + $1.nanoseconds }
        var out = "SQL time by statement (\(all / 1_000_000) ms in all):\n"
        for (sql, t) in totals.sorted(by: { $0.value.nanoseconds > $1.value.nanoseconds }).prefix(15) {
            let text = sql.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            out += "\(t.nanoseconds / 1_000_000) ms\t\(t.count)×\t\(text.prefix(140))\n"
        }
        FileHandle.standardError.write(Data(out.utf8))
    }
}

extension ProposalRef: SQLBindable { var sqlValue: SQLValue { .text(rawValue) } }
extension CostCentreCode: SQLBindable { var sqlValue: SQLValue { .text(rawValue) } }
extension HolderID: SQLBindable { var sqlValue: SQLValue { .text(rawValue) } }
