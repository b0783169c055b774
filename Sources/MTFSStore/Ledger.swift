import CSQLite
import Foundation
import MTFSDomain

/// A savings ledger in one SQLite file: the operating model, the proposals and their double-entry
/// record. Every public write is atomic: it lands whole or not at all, and writes made inside
/// ``transaction(_:)`` land together.
public final class Ledger {
    /// The connection. Nothing above the store sees it: they call the ledger's methods, inside
    /// ``read(_:)`` or ``transaction(_:)`` for one snapshot or one write.
    let db: Database
    /// What this connection remembers between statements (``WriteCache``).
    var cache = WriteCache()
    /// Above zero inside ``bulk(_:)``: nested writes then run without savepoints of their own.
    var bulkDepth = 0
    /// Whether a bulk write into a ledger with no entries runs its inserts on a second thread
    /// (``bulk(_:)``); the same rows are written either way, which the tests check by turning it off.
    public var pipelinesBulkWrites = true

    /// Set while migrations run: a ledger from before the head log is upgraded without one.
    var upgrading = false
    /// `PRAGMA schema_version` when the schema was last found as mtfs made it on this connection.
    var checkedSchemaVersion: Int64?
    /// Whether the connection only reads (commands that report or verify).
    public let readOnly: Bool
    /// The file beside the ledger each committed head is appended to (``HeadLog``), or nil.
    public var headLog: String?
    /// The page cache of a command that opens the ledger to read it once (a report, `verify`): at
    /// the issue's 975k-entry programme, `reconcile`, `statements` and `verify` each peak about
    /// 50 MiB lower than with 64 MiB, in the same time.
    public static let oneReadPageCacheMiB = 16

    /// Opens the ledger at `path`.
    ///
    /// - `create`: make a new ledger when no file exists at `path` (only `init` and `load` do).
    /// - `readOnly`: open without writing anything, for commands that report or verify; a ledger in
    ///   a folder that cannot be written to is read as it stands.
    /// - `pageCacheMiB`: the bound on SQLite's page cache
    ///   (https://www.sqlite.org/pragma.html#pragma_cache_size). 64 MiB keeps a large ledger's index
    ///   pages in memory for writes and for the portal's readers, which serve many requests from one
    ///   connection; a command that reads once, mostly in scans, does as well with 16 MiB
    ///   (``Ledger/oneReadPageCacheMiB``).
    ///
    /// Any other file — empty, another program's SQLite database, not SQLite at all — is refused
    /// with ``LedgerError/unusable(_:)`` and left exactly as it was. WAL, foreign keys and a busy
    /// timeout are set on every connection (https://www.sqlite.org/wal.html).
    public init(path: String, create: Bool = false, readOnly: Bool = false, pageCacheMiB: Int = 64) throws {
        if path.isEmpty { throw LedgerError.refused(LedgerFiles.emptyPath) }
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        if exists && isFolder.boolValue { throw LedgerError.unusable("\(path) is a folder, not a ledger file") }
        // A pipe or a device would be waited on for ever, not read.
        if exists && !HeadLog.isRegularFile(path) {
            throw LedgerError.unusable("\(path) is not a regular file, so it cannot be a ledger")
        }
        if !exists && !create {
            throw LedgerError.notFound("there is no ledger at \(path); create one with `mtfs init` or `mtfs load`")
        }
        let creating = create && !exists
        self.readOnly = readOnly && !create
        headLog = HeadLog.path(for: path)
        if creating {
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty { try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        }
        do {
            if self.readOnly {
                db = try LedgerFiles.openForReading(path)
            } else {
                db = try Database(path: path, create: creating)
            }
            if !creating { try LedgerFiles.checkIsLedger(db, path: path) }
            if !self.readOnly {
                try db.execute("PRAGMA foreign_keys = ON")
                let mode = try db.first("PRAGMA journal_mode = WAL") { $0.text(0) }
                if mode?.lowercased() != "wal" {
                    throw LedgerError.unusable("\(path) could not be put in WAL mode (it is in \(mode ?? "no") mode)")
                }
                try db.execute("PRAGMA synchronous = FULL")
            }
            // The page cache's bound, in KiB when negative; small ledgers use little of it.
            try db.execute("PRAGMA cache_size = \(-1024 * max(1, pageCacheMiB))")
            // Statement journals (kept so one statement inside a savepoint can be undone) stay in memory
            // rather than in temporary files: a million small writes fewer on a large load.
            try db.execute("PRAGMA temp_store = MEMORY")
        } catch let error as DatabaseError {
            throw LedgerFiles.unusable(path, error)
        }
        if self.readOnly {
            // Reading never writes: a ledger from an earlier mtfs is read only after `mtfs upgrade`.
            let version = try db.userVersion
            if version < Schema.migrations.count {
                throw LedgerError.unusable(
                    "\(path) was written by an earlier version of mtfs (schema \(version)); run `mtfs upgrade --ledger \(path)` once to bring it up to date (its records are chained), then try again"
                )
            }
            if version > Schema.migrations.count {
                throw LedgerError.unusable(
                    "\(path) was written by a newer mtfs (schema \(version)); this one knows schema \(Schema.migrations.count)")
            }
        } else {
            try migrate()
        }
    }

    /// The chain's head as this connection sees it (inside a read, that read's snapshot).
    public func head() throws -> ChainHead { try chain.head() }

    /// The schema version this build writes.
    public static var schemaVersion: Int { Schema.migrations.count }

    /// Applies the migrations this file has not had, in one transaction.
    func migrate() throws {
        let current = try db.userVersion
        if current > Schema.migrations.count {
            throw LedgerError.unusable(
                "\(db.path) was written by a newer mtfs (schema \(current)); this one knows schema \(Schema.migrations.count)")
        }
        // Another process may be migrating at the same moment: re-check under the write lock.
        guard current < Schema.migrations.count else { return }
        upgrading = true
        defer { upgrading = false }
        try transaction {
            let version = try db.userVersion
            for index in version..<Schema.migrations.count {
                try db.execute(Schema.migrations[index])
                try db.execute("PRAGMA user_version = \(index + 1)")
                // Schema 5 starts the record chain: every fact already in the file becomes a record;
                // schema 7 adds the portal's people to it.
                if index == 4 { try chain.chainExistingRecords(FactTable.schema5) }
                if index == 6 { try chain.chainExistingRecords([.userChanges, .tokens, .authEvents]) }
                // Schema 13 registers every holder the file already names (in the chain as it goes).
                if index == 12 { try holders.registerExistingNames() }
            }
        }
    }

    /// Runs `body` so that all its writes land together or not at all.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        // Inside a bulk write any refusal rolls back the whole batch, so no savepoint is needed.
        if bulkDepth > 0 && db.inTransaction { return try body() }
        let outermost = !db.inTransaction
        if outermost { cache.forgetTransaction() }
        defer { if outermost { cache.forgetTransaction() } }
        do {
            // The new head goes to the log beside the ledger just before the commit (pending) and
            // again once it has committed, so a process killed between the two has still logged it.
            var logged: ChainHead?
            let result = try db.write {
                // Nothing is written through a schema that is not as mtfs made it: a trigger added
                // in the file could rewrite a row between its insert and the record that chains it.
                if outermost && !upgrading { try chain.checkSchemaBeforeWriting() }
                let result = try body()
                if outermost, let tip = cache.recordTip {
                    logged = ChainHead(count: tip.count, hash: SHA256.hex(digest: tip.hash))
                    HeadLog.append(logged!, to: headLog, pending: true)
                }
                return result
            }
            if let logged { HeadLog.append(logged, to: headLog) }
            return result
        } catch {
            // Rows inserted by the rolled-back work are gone: forget everything derived from them.
            cache.forgetAll()
            throw error
        }
    }

    /// Runs `body` in one read transaction: every query in it sees the same snapshot of the file,
    /// whatever other connections commit meanwhile. Inside a transaction already open, it simply
    /// runs in it. What the ledger caches for a transaction is forgotten before and after.
    public func read<T>(_ body: () throws -> T) throws -> T {
        if db.inTransaction { return try body() }
        cache.forgetTransaction()
        defer { cache.forgetTransaction() }
        return try db.read(body)
    }

    /// Inserts a row into `table`, whose `INTEGER PRIMARY KEY` is `id`, and returns its id. `sql`
    /// binds the id first and then `values`. In a pipelined bulk write the id is counted here from
    /// the table's largest (read once; nothing else writes while the transaction holds the write
    /// lock, and a failure rolls the whole batch back) and the insert is queued; otherwise SQLite
    /// assigns it. Either way the row gets the id SQLite would give it: one past the largest.
    func insertReturningID(_ table: String, _ insert: InsertSQL, _ values: [SQLValue]) throws -> Int64 {
        guard db.isPipelined else {
            try db.enqueue(insert, parameters: [.null] + values)
            return db.lastInsertRowID
        }
        let id = try cache.nextIDs[table] ?? db.scalar("SELECT coalesce(max(id), 0) + 1 FROM \(table)")
        cache.nextIDs[table] = id + 1
        try db.enqueue(insert, parameters: [.integer(id)] + values)
        return id
    }
}
