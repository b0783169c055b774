import Dispatch
import Foundation
import MTFSDomain

/// One ledger file served to many callers at once — a server's requests, a test's threads — in one
/// process: one writer at a time, several readers, each read in its own snapshot.
///
/// SQLite in WAL mode lets readers and one writer proceed together: a read transaction sees the
/// database as it was when it began, whatever commits meanwhile (https://www.sqlite.org/wal.html,
/// "Concurrency"). So, as GRDB's `DatabasePool` does, the service keeps one read-write connection,
/// used under a lock, and a pool of read-only connections, each lent to one caller at a time for one
/// read transaction. Other processes (the command line) may write the same file meanwhile: writes
/// wait for one another through SQLite's own lock and busy timeout.
///
/// Results leave as values (`Sendable`); the connections never do. Caches live for one transaction
/// (``Ledger/read(_:)``, ``Ledger/transaction(_:)``), so a reader lent again sees the new snapshot.
public final class LedgerService: Sendable {
    /// The ledger file.
    public let path: String
    /// The read-write connection, used under `writeLock` (none when opened for reading only).
    private let writer: Lent?
    private let writeLock = NSLock()
    private let pool: Pool

    /// Opens the ledger at `path` (it must exist; `create` makes a new one first) and brings it up
    /// to date. `readers`: how many reads may run at once; more wait for a free connection.
    public init(path: String, create: Bool = false, readers: Int = 4) throws {
        self.path = path
        writer = Lent(try Ledger(path: path, create: create))
        pool = Pool(path: path, size: max(1, readers))
    }

    /// Opens the ledger at `path` to read only, one read at a time (a command's report): nothing in
    /// the file is changed, and a file that is not an mtfs ledger is refused. `pageCacheMiB`: the
    /// connection's page cache (a single read needs less than a server's readers).
    public init(reading path: String, pageCacheMiB: Int = Ledger.oneReadPageCacheMiB) throws {
        self.path = path
        writer = nil
        pool = Pool(path: path, size: 1, pageCacheMiB: pageCacheMiB)
    }

    /// Makes a new ledger at `path` and runs `body` on it before it is put in place whole: a
    /// command that fails leaves no ledger behind (``Ledger/creatingNew(at:_:)``).
    public static func creating<T>(at path: String, _ body: (Ledger) throws -> T) throws -> T { try LedgerFiles.creatingNew(at: path, body) }

    /// Runs `body` in one read transaction on a pooled read-only connection: every query in it sees
    /// the same snapshot, and writes committed meanwhile are not seen half-way.
    public func read<T>(_ body: (Ledger) throws -> T) throws -> T {
        let connection = try pool.take()
        defer { pool.give(connection) }
        return try connection.ledger.read { try body(connection.ledger) }
    }

    /// Runs `body` with the read-write connection, one caller at a time. Every write the ledger
    /// offers is atomic on its own (an import of a return is one bulk transaction); to make several
    /// land together, `body` wraps them in ``Ledger/transaction(_:)``.
    public func write<T>(_ body: (Ledger) throws -> T) throws -> T {
        guard let writer else { throw LedgerError.unusable("\(path) was opened for reading only; nothing was written") }
        writeLock.lock()
        defer { writeLock.unlock() }
        return try body(writer.ledger)
    }

    /// A connection lent to one caller at a time: the pool (or the write lock) hands it out and takes
    /// it back, so it is never used from two threads at once, which is what makes it safe to send.
    /// Where the asynchronous faces run the synchronous work: off Swift's cooperative threads, so a
    /// server's request tasks never block waiting for SQLite or for the writer.
    private static let queue = DispatchQueue(label: "mtfs.ledger-service", attributes: .concurrent)

    /// ``read(_:)`` for async code (a server's request): the same snapshot read, awaited.
    public func reading<T: Sendable>(_ body: @escaping @Sendable (Ledger) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            LedgerService.queue.async { continuation.resume(with: Result { try self.read(body) }) }
        }
    }

    /// ``write(_:)`` for async code: one writer at a time, awaited.
    public func writing<T: Sendable>(_ body: @escaping @Sendable (Ledger) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            LedgerService.queue.async { continuation.resume(with: Result { try self.write(body) }) }
        }
    }

    final class Lent: @unchecked Sendable {
        let ledger: Ledger
        init(_ ledger: Ledger) { self.ledger = ledger }
    }

    /// Read-only connections, opened when first needed, at most `size` in use at once.
    final class Pool: @unchecked Sendable {
        private let path: String
        private let pageCacheMiB: Int?
        private let slots: DispatchSemaphore
        private let lock = NSLock()
        private var idle: [Lent] = []

        init(path: String, size: Int, pageCacheMiB: Int? = nil) {
            self.path = path
            self.pageCacheMiB = pageCacheMiB
            slots = DispatchSemaphore(value: size)
        }

        func take() throws -> Lent {
            slots.wait()
            lock.lock()
            let reused = idle.popLast()
            lock.unlock()
            if let reused { return reused }
            do {
                return Lent(try pageCacheMiB.map { try Ledger(path: path, readOnly: true, pageCacheMiB: $0) } ?? Ledger(path: path, readOnly: true))
            } catch {
                slots.signal()
                throw error
            }
        }

        func give(_ connection: Lent) {
            lock.lock()
            idle.append(connection)
            lock.unlock()
            slots.signal()
        }
    }
}
