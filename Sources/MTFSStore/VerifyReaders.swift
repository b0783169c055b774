import Dispatch
import Foundation
import MTFSDomain

/// Recomputes entries' hashes on other threads, a batch at a time, while the verify pass reads
/// on (at most a few batches wait, so memory stays bounded). The reading thread only copies each
/// entry's stored columns, byte for byte, and its postings into the batch's buffers; this thread
/// builds the hash input from them (in the field order of `EntryContent.hash`, never through a
/// String), hashes it and compares.
final class HashChecker: @unchecked Sendable {
    /// The entries columns the hash covers, as `verifyPass` selects them.
    private static let textColumns: [Int32] = [1, 2, 5, 6, 7, 8, 9, 11, 12]  // kind, proposal, effective…source, prev_hash, hash
    private struct Item {
        var id: Int64, year: Int64, toYear: Int64?, reverses: Int64?
        var textEnd: Int, postingsEnd: Int
    }
    private struct Batch {
        var text: [UInt8] = []
        /// Where each hashed column ends in `text`, nine an entry.
        var ends: [Int] = []
        var postings: [(account: Int64, amount: Int64)] = []
        var items: [Item] = []
    }
    private let accounts: AccountTable
    /// Concurrent: batches are independent, so while the reading thread waits for SQLite both
    /// cores can hash.
    private let queue = DispatchQueue(label: "mtfs.verify.hashes", qos: .userInitiated, attributes: .concurrent)
    private let group = DispatchGroup()
    private let slots = DispatchSemaphore(value: 4)
    private let lock = NSLock()
    private var altered: [Int64] = []
    private var batch = Batch()
    private static let batchSize = 4_096

    /// `accounts`: the accounts' keys by id (only read here).
    init(accounts: AccountTable) {
        self.accounts = accounts
        reserve()
    }

    private func reserve() {
        batch.text.reserveCapacity(HashChecker.batchSize * 400)
        batch.ends.reserveCapacity(HashChecker.batchSize * HashChecker.textColumns.count)
        batch.postings.reserveCapacity(HashChecker.batchSize * 4)
        batch.items.reserveCapacity(HashChecker.batchSize)
    }

    /// An entry's row and its postings to known accounts.
    func add(_ row: Row, postings: [(Int64, Int64)]) {
        for column in HashChecker.textColumns {
            batch.text.appendBytes(row.bytes(column))
            batch.ends.append(batch.text.count)
        }
        for (account, amount) in postings { batch.postings.append((account, amount)) }
        batch.items.append(
            Item(
                id: row.int(0), year: row.int(3), toYear: row.optionalInt(4), reverses: row.optionalInt(10),
                textEnd: batch.text.count, postingsEnd: batch.postings.count))
        if batch.items.count == HashChecker.batchSize { flush() }
    }

    private func flush() {
        guard !batch.items.isEmpty else { return }
        let work = batch
        batch = Batch()
        reserve()
        slots.wait()
        queue.async(group: group) { [self] in
            let bad = check(work)
            if !bad.isEmpty {
                lock.lock()
                altered += bad
                lock.unlock()
            }
            slots.signal()
        }
    }

    private func check(_ work: Batch) -> [Int64] {
        var bad: [Int64] = []
        let sha = SHA256.Context()
        var input = EntryHashInput()
        input.reserve(2_048)
        var years = YearNames()
        var legs: [(AccountKey, Int64)] = []
        work.text.withUnsafeBytes { text in
            var column = 0
            var textStart = 0
            var postingStart = 0
            for item in work.items {
                // The nine stored columns of this entry, in `textColumns` order.
                func stored(_ i: Int) -> UnsafeRawBufferPointer {
                    let start = column + i == 0 ? textStart : work.ends[column + i - 1]
                    return UnsafeRawBufferPointer(rebasing: text[start..<work.ends[column + i]])
                }
                input.removeAll()
                input.field(EntryHashInput.version)
                input.field(item.id)
                input.field(stored(0))  // kind
                input.field(stored(1))  // proposal
                input.field(years.name(item.year))
                input.field(item.toYear.map { years.name($0) } ?? "")
                for i in 2...6 { input.field(stored(i)) }  // effective, recorded_at, actor, reason, source
                input.field(item.reverses)
                legs.removeAll(keepingCapacity: true)
                for (account, amount) in work.postings[postingStart..<item.postingsEnd] {
                    if let key = accounts[account] { legs.append((key, amount)) }
                }
                // Postings arrive by account id, which is usually already the accounts' order.
                if legs.count > 1, !zip(legs, legs.dropFirst()).allSatisfy({ !($1.0 < $0.0) }) { legs.sort { $0.0 < $1.0 } }
                for (key, amount) in legs {
                    input.account(key, yearName: years.name(Int64(key.year.startYear)))
                    input.field(amount)
                }
                input.field(stored(7))  // prev_hash
                if !input.bytes.withUnsafeBytes({ sha.matches($0, hex: stored(8)) }) { bad.append(item.id) }
                column += HashChecker.textColumns.count
                textStart = item.textEnd
                postingStart = item.postingsEnd
            }
        }
        return bad
    }

    /// Waits for every batch; the entries whose content no longer matches their hash, by id.
    func finish() -> [Int64] {
        flush()
        group.wait()
        lock.lock()
        defer { lock.unlock() }
        return altered.sorted()
    }
}

/// `2023/24` for 2023, made once a year rather than once a posting.
private struct YearNames {
    private var names: [Int64: String] = [:]
    mutating func name(_ startYear: Int64) -> String {
        if let name = names[startYear] { return name }
        let name = FinancialYear(startYear: Int(startYear)).description
        names[startYear] = name
        return name
    }
}

/// Work done on a read-only connection of its own, on another thread, while the caller's connection
/// works on. `work` runs in one read transaction and returns what it saw (a count of records, the
/// last entry) with its value; the value is used only when the caller's snapshot saw the same, so a
/// writer landing between the two snapshots never mixes them (the caller then does the work itself).
final class SideRead<Value>: @unchecked Sendable {
    /// Where the thread leaves its result. The thread holds this box, not the `SideRead`, so that
    /// the `SideRead` is let go (and its `deinit` waits) as soon as the verify that made it
    /// returns or throws.
    private final class Box: @unchecked Sendable {
        let work: (Database) throws -> (seen: Int64, value: Value)
        /// Nil when the connection could not read.
        var outcome: (seen: Int64, value: Value)?
        init(_ work: @escaping (Database) throws -> (seen: Int64, value: Value)) { self.work = work }
    }
    private let group = DispatchGroup()
    private let box: Box

    init(path: String, _ work: @escaping (Database) throws -> (seen: Int64, value: Value)) {
        let box = Box(work)
        self.box = box
        DispatchQueue.global(qos: .userInitiated).async(group: group) {
            box.outcome = try? {
                let db = try LedgerFiles.openForReading(path)
                return try db.read { try box.work(db) }
            }()
        }
    }

    /// Never let go while the read runs: a verify that stops early (a schema it refuses) must not
    /// return, and the process exit, while this thread still reads the file (it crashed there,
    /// exit 11, when the thread held the `SideRead` itself and this never ran until it ended).
    deinit { group.wait() }

/// The value, if the connection saw `expected`.
    func result(ifSaw expected: Int64) -> Value? {
        group.wait()
        guard let outcome = box.outcome, outcome.seen == expected else { return nil }
        return outcome.value
    }
}

/// Every account's balance read through `postings_by_account` on its own connection and thread, so
/// that it overlaps the verify pass instead of following it.
struct IndexedBalances {
    static let sql = "SELECT account, sum(amount) FROM postings INDEXED BY postings_by_account GROUP BY account"
    private let read: SideRead<[(account: Int64, balance: Int64)]>

    init(path: String) {
        read = SideRead(path: path) { db in
            (try db.scalar("SELECT coalesce(max(id), 0) FROM entries"), try db.query(IndexedBalances.sql) { (account: $0.int(0), balance: $0.int(1)) })
        }
    }

    /// The balances, if the second connection saw the entries up to `tip` and no more.
    func result(tip: Int64) -> [(account: Int64, balance: Int64)]? { read.result(ifSaw: tip) }
}

/// Accounts by id, with the balance the postings give each. Ids are dense from 1, so they index
/// arrays (a million-entry ledger has about 800,000 accounts, and a hash lookup per posting was a
/// tenth of `verify`); an id outside the expected range (a tampered file) goes to a dictionary.
struct AccountTable {
    private var keys: [AccountKey?] = []
    private var otherKeys: [Int64: AccountKey] = [:]
    private var sums = AccountBalances()

    init() {}

    /// Room for ids 1 through a little past `count`.
    init(denseUpTo count: Int64) {
        sums = AccountBalances(denseUpTo: count)
        keys = Array(repeating: nil, count: Int(min(max(count, 0), AccountBalances.denseLimit)) + 1_024)
    }

    private func slot(_ id: Int64) -> Int? { id >= 0 && id < keys.count ? Int(id) : nil }

    subscript(id: Int64) -> AccountKey? {
        get { slot(id).map { keys[$0] } ?? otherKeys[id] }
        set {
            if let i = slot(id) { keys[i] = newValue } else { otherKeys[id] = newValue }
        }
    }

    /// How many accounts have postings.
    var postedCount: Int { sums.count }

    mutating func post(_ amount: Int64, to id: Int64) { sums.add(amount, to: id) }

    /// The balance of an account with postings, nil for one without.
    func balance(_ id: Int64) -> Int64? { sums.balance(id) }

    /// Every account with postings and its balance, by id.
    func balances() -> [(Int64, Int64)] { sums.all() }
}
