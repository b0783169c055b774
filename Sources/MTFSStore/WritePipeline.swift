import CSQLite
import Foundation
import MTFSDomain

/// The second thread of a bulk write (``Database/startPipeline()``): it runs the statements handed
/// to it, in order, on the connection, while the caller goes on computing the next rows. The
/// connection is opened without SQLite's own mutex, so the two threads must never use it at once:
/// the caller hands over whole batches and, before any other call on the connection, waits until
/// the thread is idle. Memory stays bounded: one batch is filled while at most one waits and one
/// runs. After an error the thread runs nothing more, and every later wait throws that error.
final class WritePipeline: @unchecked Sendable {
    /// Statements handed over at once, with their parameters end to end (one buffer, not an array
    /// per statement).
    private struct Batch {
        var inserts: [InsertSQL] = []
        var ends: [Int] = []
        var parameters: [SQLValue] = []
        var count: Int { inserts.count }

        init() {
            inserts.reserveCapacity(WritePipeline.batchSize)
            ends.reserveCapacity(WritePipeline.batchSize)
            parameters.reserveCapacity(WritePipeline.batchSize * 12)
        }
    }

    /// Statements a batch holds: a few milliseconds of SQLite's work, so a hand-over costs little.
    static let batchSize = 1_024

    private let database: Database
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var waiting: Batch?
    private var running = false
    private var failure: (any Error)?
    private var stopping = false
    private var stopped = false
    // The caller's own.
    private var filling = Batch()
    // The thread's own: its prepared statements, by the constant that holds their text.
    private var statements: [ObjectIdentifier: Statement] = [:]

    init(database: Database) {
        self.database = database
        let thread = Thread { [self] in work() }
        thread.name = "mtfs-writer"
        thread.start()
    }

    /// Queues a statement; hands the batch over when it is full.
    func add(_ insert: InsertSQL, _ parameters: [SQLValue]) throws {
        filling.inserts.append(insert)
        filling.parameters.append(contentsOf: parameters)
        filling.ends.append(filling.parameters.count)
        if filling.count >= Self.batchSize { try handOver() }
    }

    /// Waits until every statement queued so far has run; throws the first error any met.
    func drain() throws {
        if filling.count > 0 { try handOver() }
        condition.lock()
        defer { condition.unlock() }
        while waiting != nil || running { condition.wait() }
        if let failure { throw failure }
    }

    /// ``drain()`` for a caller that cannot throw: the error, if any, is thrown by the next call.
    func waitUntilIdle() { try? drain() }

    /// Drops what is queued and waits for the batch running to finish.
    func abandon() {
        filling = Batch()
        condition.lock()
        waiting = nil
        while running { condition.wait() }
        condition.unlock()
    }

    /// Ends the thread once it is idle.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while !stopped { condition.wait() }
        condition.unlock()
    }

    private func handOver() throws {
        condition.lock()
        defer { condition.unlock() }
        while waiting != nil && failure == nil { condition.wait() }
        if let failure {
            filling = Batch()
            throw failure
        }
        waiting = filling
        filling = Batch()
        condition.broadcast()
    }

    private func work() {
        condition.lock()
        while true {
            while waiting == nil && !stopping { condition.wait() }
            guard let batch = waiting else { break }
            waiting = nil
            running = true
            let skip = failure != nil
            condition.broadcast()
            condition.unlock()
            var error: (any Error)?
            if !skip {
                do { try run(batch) } catch let e { error = e }
            }
            condition.lock()
            running = false
            if failure == nil, let error { failure = error }
            condition.broadcast()
        }
        statements.removeAll()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    private func run(_ batch: Batch) throws {
        var start = 0
        for (insert, end) in zip(batch.inserts, batch.ends) {
            let key = ObjectIdentifier(insert)
            let statement: Statement
            if let prepared = statements[key] {
                statement = prepared
            } else {
                statement = try database.preparePipelined(insert.sql)
                statements[key] = statement
            }
            try statement.bind(batch.parameters[start..<end])
            while try statement.step() {}
            try statement.reset()
            start = end
        }
    }
}
