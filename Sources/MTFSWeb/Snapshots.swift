import Foundation
import MTFSDomain
import MTFSEngine
import MTFSStore

/// Statements for many readers at once. Building a month's statements reads the whole programme
/// (every position, forecast and finding: a holder's statement names the findings that touch them),
/// so the portal builds it once per month and chain head and shares it: concurrent requests wait
/// for one build rather than each making their own, and while a newer build is under way a page may
/// be drawn from the previous one — a whole, consistent snapshot that names its head — for at most
/// `maxStaleness` seconds. Someone who has just written always sees a build that includes their
/// write.
actor SnapshotCache {
    struct Entry {
        var head: ChainHead
        var builder: StatementBuilder
        var builtAt: Int64
    }

    private var entries: [Int: Entry] = [:]
    /// Months by when they were last asked for: only the `keep` most recent stay built (a month's
    /// build of a large programme is hundreds of MiB).
    private var used: [Int] = []
    let keep = 2
    private var building: [Int: Task<Entry, Error>] = [:]
    /// The chain length each login's own latest write reached: their pages are at least that new.
    private var wrote: [String: Int64] = [:]
    let maxStaleness: Int64 = 10

    /// Notes that `login` wrote and the chain reached `head`.
    func wrote(_ login: String, head: ChainHead) { wrote[login] = max(wrote[login] ?? 0, head.count) }

    /// The statements of `period` for `login`: the newest build, or a build under way.
    func builder(period: Period, login: String, service: LedgerService, now: Int64) async throws -> StatementBuilder {
        let key = period.code
        used.removeAll { $0 == key }
        used.append(key)
        while used.count > keep {
            let old = used.removeFirst()
            entries[old] = nil
        }
        let needed = wrote[login] ?? 0
        let (current, holders) = try await service.reading { (try $0.head(), try $0.holders.register()) }
        if let e = entries[key], e.head == current { return e.builder }
        // A holder renamed is never served under their old name: their login, links and `holder=`
        // already use the new one.
        if let e = entries[key], e.head.count >= needed, now - e.builtAt <= maxStaleness, e.builder.register == holders {
            // Recent enough: serve it, and refresh behind it for the next request.
            if building[key] == nil { building[key] = start(period, service: service, now: now) }
            Task { _ = try? await self.finish(key) }
            return e.builder
        }
        if building[key] == nil { building[key] = start(period, service: service, now: now) }
        let entry = try await finish(key)
        // A build started before this user's write cannot include it: build again.
        if entry.head.count < needed {
            building[key] = start(period, service: service, now: now)
            return try await finish(key).builder
        }
        return entry.builder
    }

    private func start(_ period: Period, service: LedgerService, now: Int64) -> Task<Entry, Error> {
        Task {
            try await service.reading { ledger in
                let b = try StatementBuilder(ledger: ledger, period: period, settings: try ledger.settings.reconcileSettings())
                return Entry(head: b.head, builder: b, builtAt: now)
            }
        }
    }

    private func finish(_ key: Int) async throws -> Entry {
        guard let task = building[key] else {
            guard let entry = entries[key] else { throw LedgerError.integrity("no statements were built for this month") }
            return entry
        }
        do {
            let entry = try await task.value
            if building[key] == task { building[key] = nil }
            if used.contains(key), (entries[key]?.head.count ?? -1) <= entry.head.count { entries[key] = entry }
            return entry
        } catch {
            if building[key] == task { building[key] = nil }
            throw error
        }
    }
}

/// The programme reconciled as at its latest month, kept for the ledger head it was read at: the
/// summary and findings pages (and their downloads and API) reconcile once per change to the
/// ledger, not once per request. A settings change is a chained record, so it moves the head too.
actor ReconciliationCache {
    struct Entry: Sendable {
        var today: CivilDate
        var input: ReconciliationInput
        var findings: [Finding]
        var settings: ReconcileSettings
    }

    private var entry: Entry?

    /// The reconciliation at the newest head (read again only when the head has moved).
    func current(service: LedgerService, today: CivilDate) async throws -> Entry {
        let head = try await service.reading { try $0.head() }
        if let e = entry, e.input.head == head, e.today == today { return e }
        let fresh = try await service.reading { ledger -> Entry in
            let input = try ReconciliationInput.load(ledger, asOf: nil, today: today)
            let settings = try ledger.settings.reconcileSettings()
            return Entry(today: today, input: input, findings: Reconciliation(input: input, settings: settings).findings(), settings: settings)
        }
        // Another request may have read a newer head meanwhile: keep the newest.
        if (entry?.input.head.count ?? -1) <= fresh.input.head.count { entry = fresh }
        return fresh
    }
}
