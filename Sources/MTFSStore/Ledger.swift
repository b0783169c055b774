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
    // Caches. Accounts and proposals are append-only, so a row once read never changes; they are
    // dropped when a transaction rolls back (its inserts are gone). Balances and the chain tip are
    // only trusted inside one write transaction, when no other writer can move them.
    var accountIDs = AccountIndex()
    var proposalCache: [ProposalRef: Proposal] = [:]
    /// Proposals added in the open transaction: every account they have is in `accountIDs`.
    var newProposals: Set<ProposalRef> = []
    private var windowCache: YearRange??
    var balanceCache = AccountBalances()
    var chainTip: (id: Int64, hash: String)?
    /// Above zero inside ``bulk(_:)``: nested writes then run without savepoints of their own.
    var bulkDepth = 0
    /// Whether a bulk write into a ledger with no entries runs its inserts on a second thread
    /// (``bulk(_:)``); the same rows are written either way, which the tests check by turning it off.
    public var pipelinesBulkWrites = true

    /// The chain's head inside a write transaction (see ``head()``).
    var recordTip: (count: Int64, hash: [UInt8])?
    /// Set while migrations run: a ledger from before the head log is upgraded without one.
    var upgrading = false
    /// `PRAGMA schema_version` when the schema was last found as mtfs made it on this connection.
    var checkedSchemaVersion: Int64?
    /// Inside a write transaction: the latest period of any entry on each proposal read so far, so
    /// a movement dated at or after it needs no check of the periods before (``checkHistory``).
    var latestPeriods: [ProposalRef: Int] = [:]
    /// Inside a write transaction: the latest period of the return lines recorded in it for each
    /// year of a proposal added in it (such a proposal has no other return lines).
    var newReturnPeriods: [ProposalYear: Int] = [:]
    /// Inside a write transaction: the id the next row of each table counted here gets
    /// (``insertReturningID(_:_:_:)``).
    private var nextIDs: [String: Int64] = [:]
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
        if path.isEmpty { throw LedgerError.refused(Ledger.emptyPath) }
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
                db = try Ledger.openForReading(path)
            } else {
                db = try Database(path: path, create: creating)
            }
            if !creating { try Ledger.checkIsLedger(db, path: path) }
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
            throw Ledger.unusable(path, error)
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

    /// The sentence for a file SQLite could not use.
    static func unusable(_ path: String, _ error: DatabaseError) -> LedgerError {
        switch error.primaryCode {
        case SQLITE_NOTADB: .unusable("\(path) is not an mtfs ledger (it is not an SQLite database); nothing was changed")
        case SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_AUTH:
            .unusable("\(path) could not be opened: check that the file and its folder can be read (and written, to record anything)")
        case SQLITE_READONLY:
            .unusable("\(path) cannot be written to: check the permissions of the file and its folder")
        case SQLITE_FULL: .unusable("the disk holding \(path) is full; nothing was written")
        case SQLITE_CORRUPT: .unusable("\(path) is damaged (SQLite reports it as corrupt); restore it from a backup")
        default: .unusable("\(path) could not be used: \(error.message)")
        }
    }

    /// A read-only connection. In a folder that cannot be written to, SQLite cannot make the
    /// WAL index it needs to read, so the file is opened as immutable when no write-ahead log
    /// is waiting beside it (https://www.sqlite.org/uri.html#uriimmutable).
    static func openForReading(_ path: String) throws -> Database {
        let dir = (path as NSString).deletingLastPathComponent
        let folderWritable = FileManager.default.isWritableFile(atPath: dir.isEmpty ? "." : dir)
        if !folderWritable && !FileManager.default.fileExists(atPath: path + "-wal") {
            return try Database(path: path, create: false, readOnly: true, immutable: true)
        }
        return try Database(path: path, create: false, readOnly: true)
    }

    /// Refuses any file that is not an mtfs ledger before anything is written to it.
    private static func checkIsLedger(_ db: Database, path: String) throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        if size == 0 { throw LedgerError.unusable("\(path) is an empty file, not an mtfs ledger; nothing was changed") }
        let application = try db.scalar("PRAGMA application_id")
        let version = try db.userVersion
        if application == Ledger.applicationID {
            // Marked from schema 5 on, with the tables schema 5 made.
            let tables = Set(try db.query("SELECT name FROM sqlite_master WHERE type = 'table'") { $0.text(0) })
            if version >= 5, tables.isSuperset(of: ["records", "entries", "postings", "accounts", "proposals", "setting_changes", "sign_offs"]) {
                return
            }
            throw LedgerError.unusable(
                "\(path) is marked as an mtfs ledger but does not have an mtfs ledger's tables (schema \(version)); nothing was changed")
        }
        let tables = Set(try db.query("SELECT name FROM sqlite_master WHERE type = 'table'") { $0.text(0) })
        // Ledgers from before schema 5 carry no application id: known by their tables.
        if application == 0, (1..<5).contains(version), tables.isSuperset(of: ["meta", "entries", "postings", "accounts", "proposals"]) {
            return
        }
        throw LedgerError.unusable("\(path) is not an mtfs ledger (it is another program's SQLite database); nothing was changed")
    }

    /// `PRAGMA application_id` of an mtfs ledger: "MTFS".
    static let applicationID: Int64 = 0x4D54_4653

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
                if index == 4 { try chainExistingRecords(FactTable.schema5) }
                if index == 6 { try chainExistingRecords([.userChanges, .tokens, .authEvents]) }
            }
        }
    }

    /// Runs `body` so that all its writes land together or not at all.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        // Inside a bulk write any refusal rolls back the whole batch, so no savepoint is needed.
        if bulkDepth > 0 && db.inTransaction { return try body() }
        let outermost = !db.inTransaction
        if outermost { forgetTransactionState() }
        defer { if outermost { forgetTransactionState() } }
        do {
            // The new head goes to the log beside the ledger just before the commit (pending) and
            // again once it has committed, so a process killed between the two has still logged it.
            var logged: ChainHead?
            let result = try db.write {
                // Nothing is written through a schema that is not as mtfs made it: a trigger added
                // in the file could rewrite a row between its insert and the record that chains it.
                if outermost && !upgrading { try checkSchemaBeforeWriting() }
                let result = try body()
                if outermost, let tip = recordTip {
                    logged = ChainHead(count: tip.count, hash: SHA256.hex(digest: tip.hash))
                    HeadLog.append(logged!, to: headLog, pending: true)
                }
                return result
            }
            if let logged { HeadLog.append(logged, to: headLog) }
            return result
        } catch {
            // Rows inserted by the rolled-back work are gone: forget everything derived from them.
            accountIDs.removeAll()
            proposalCache.removeAll()
            windowCache = nil
            forgetTransactionState()
            throw error
        }
    }

    /// Runs `body` in one read transaction: every query in it sees the same snapshot of the file,
    /// whatever other connections commit meanwhile. Inside a transaction already open, it simply
    /// runs in it. What the ledger caches for a transaction is forgotten before and after.
    public func read<T>(_ body: () throws -> T) throws -> T {
        if db.inTransaction { return try body() }
        forgetTransactionState()
        defer { forgetTransactionState() }
        return try db.read(body)
    }

    private func forgetTransactionState() {
        recordTip = nil
        latestPeriods.removeAll()
        newReturnPeriods.removeAll()
        balanceCache.removeAll()
        newProposals.removeAll()
        chainTip = nil
        windowCache = nil
        nextIDs.removeAll()
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
        let id = try nextIDs[table] ?? db.scalar("SELECT coalesce(max(id), 0) + 1 FROM \(table)")
        nextIDs[table] = id + 1
        try db.enqueue(insert, parameters: [.integer(id)] + values)
        return id
    }

    // MARK: - The MTFS window

    /// The years the ledger covers, or nil before `init` or the first pack.
    public func window() throws -> YearRange? {
        if db.inTransaction, let cached = windowCache { return cached }
        let first = try setting("first_year")
        let last = try setting("last_year")
        guard let first, let last, let a = Int(first), let b = Int(last) else { return nil }
        let range = YearRange(first: FinancialYear(startYear: a), last: FinancialYear(startYear: b))
        if db.inTransaction { windowCache = .some(range) }
        return range
    }

    /// Records the window's first and last years where they differ from what is stored (the rules a
    /// window keeps are the use case's: `BookWrites.setWindow`).
    public func recordWindow(_ range: YearRange, by who: Provenance) throws {
        try transaction {
            let existing = try window()
            if existing?.first != range.first { try recordSetting("first_year", String(range.first.startYear), by: who) }
            if existing?.last != range.last { try recordSetting("last_year", String(range.last.startYear), by: who) }
            windowCache = nil
        }
    }
}

extension Ledger {
    /// The refusal of an empty path, opening a ledger or making one.
    static let emptyPath = "the ledger path is empty; name the ledger file"

    /// Makes a new ledger at `path` whole or not at all: `body` fills a ledger in a temporary file
    /// beside it, which is checkpointed, closed and then linked into place only if nothing has
    /// appeared at `path` meanwhile (`link(2)` never replaces a file). A failure, a kill or a second
    /// command creating the same ledger at the same moment never leaves a half-made ledger, and
    /// never removes a file this call did not make.
    public static func creatingNew<T>(at path: String, _ body: (Ledger) throws -> T) throws -> T {
        if path.isEmpty { throw LedgerError.refused(Ledger.emptyPath) }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw LedgerError.unusable("the folder \(folder) could not be created for the ledger \(path); check its permissions")
        }
        let prefix = ".\(url.lastPathComponent).new-"
        removeAbandoned(prefix: prefix, in: folder)
        let temporary = folder + "/" + prefix + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        func removeTemporary() {
            for suffix in ["", "-wal", "-shm", "-journal", ".heads"] { unlink(temporary + suffix) }
        }
        defer { removeTemporary() }
        if FileManager.default.fileExists(atPath: path) {
            throw LedgerError.unusable("\(path) already exists; choose another file, or load into it as an existing ledger")
        }
        var head = ChainHead.empty
        func fill() throws -> T {
            let ledger = try Ledger(path: temporary, create: true)
            // The log is the final ledger's, written once it is in place (never for a ledger that is not).
            ledger.headLog = nil
            let result = try body(ledger)
            head = try ledger.head()
            // Everything into the main file before it is closed and linked: the log is not linked with it.
            let done = try ledger.db.first("PRAGMA wal_checkpoint(TRUNCATE)") { ($0.int(0), $0.int(1), $0.int(2)) }
            guard let done, done.0 == 0, done.1 == done.2 else {
                throw LedgerError.unusable("the new ledger could not be written out in full beside \(path); nothing was created")
            }
            return result
        }
        let result = try fill()
        // The new ledger's log is written beside the temporary file and renamed into place once the
        // ledger is linked: a command that loses the race to create `path` never touches the
        // winner's log, and a log left by an earlier ledger of the same name is replaced, not
        // appended to. (A process killed between the link and the rename leaves a ledger whose
        // log is missing, which `verify` reports; --no-head-log checks it.)
        let log = temporary + ".heads"
        HeadLog.append(head, to: log)
        defer { unlink(log) }
        if link(temporary, path) != 0 {
            let reason = errno
            if reason == EEXIST {
                throw LedgerError.unusable("\(path) was created by another command while this one ran; nothing was written to it")
            }
            throw LedgerError.unusable("the ledger could not be put in place at \(path) (\(String(cString: strerror(reason)))); nothing was created")
        }
        rename(log, HeadLog.path(for: path))
        return result
    }
}

/// Removes the temporary files of earlier attempts to make the same ledger whose process no longer
/// runs (a load killed part-way leaves its temporary file; the ledger itself was never there).
private func removeAbandoned(prefix: String, in folder: String) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    for name in names where name.hasPrefix(prefix) {
        let rest = name.dropFirst(prefix.count)
        guard let pid = rest.split(separator: "-").first.flatMap({ Int32($0) }), pid > 0 else { continue }
        // kill(pid, 0) fails with ESRCH only when no such process exists.
        if kill(pid, 0) != 0 && errno == ESRCH { unlink(folder + "/" + name) }
    }
}

/// The SQLite ledger is the store the application layer's use cases run over.
extension Ledger: BookWrites, PeopleWrites {}
