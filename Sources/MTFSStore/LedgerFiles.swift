import CSQLite
import Foundation
import MTFSDomain

/// Opening a ledger file and making a new one: what is refused before SQLite writes anything.
enum LedgerFiles {
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
    static func checkIsLedger(_ db: Database, path: String) throws {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        if size == 0 { throw LedgerError.unusable("\(path) is an empty file, not an mtfs ledger; nothing was changed") }
        let application = try db.scalar("PRAGMA application_id")
        let version = try db.userVersion
        if application == LedgerFiles.applicationID {
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

    /// The refusal of an empty path, opening a ledger or making one.
    static let emptyPath = "the ledger path is empty; name the ledger file"

    /// Makes a new ledger at `path` whole or not at all: `body` fills a ledger in a temporary file
    /// beside it, which is checkpointed, closed and then linked into place only if nothing has
    /// appeared at `path` meanwhile (`link(2)` never replaces a file). A failure, a kill or a second
    /// command creating the same ledger at the same moment never leaves a half-made ledger, and
    /// never removes a file this call did not make.
    public static func creatingNew<T>(at path: String, _ body: (Ledger) throws -> T) throws -> T {
        if path.isEmpty { throw LedgerError.refused(LedgerFiles.emptyPath) }
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

