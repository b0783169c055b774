import CSQLite
import Foundation
import MTFSDomain

/// Movements of a saving between its accounts (SPEC §3): delivery, slips, write-offs, reversals.
extension BookStore {
    // MARK: - Appending entries (BookWrites)

    /// Appends one entry the application layer decided on (``NewEntry``) and returns its id. The
    /// store's own guards: the entry balances and is dated inside the window (``append(kind:…)``),
    /// and an entry dated before later ones on the proposal leaves none of its years wrong as at any
    /// period since (``checkHistory(proposal:years:from:)``, what `verify` proves).
    public func append(_ entry: NewEntry, by who: Provenance) throws -> Int64 {
        try ledger.transaction {
            let backdated = try isBackdated(entry.proposal, entry.effective.period)
            let id = try append(
                kind: entry.kind, proposal: entry.proposal, year: entry.year, toYear: entry.toYear, effective: entry.effective, reason: entry.reason,
                reverses: entry.reverses, postings: entry.postings, by: who)
            if backdated { try checkHistory(proposal: entry.proposal, years: entry.years, from: entry.effective.period) }
            return id
        }
    }

    /// The entry that reversed entry `id`, or nil.
    public func reversal(of id: Int64) throws -> Int64? {
        try db.first("SELECT id FROM entries WHERE reverses = ?", id, map: { $0.int(0) })
    }

    /// A proposal's balances now by year and state (requirement accounts are not a proposal's).
    public func yearBalances(of ref: ProposalRef) throws -> [FinancialYear: [AccountKind: Pence]] {
        var out: [FinancialYear: [AccountKind: Pence]] = [:]
        try db.forEach(
            """
            SELECT a.year, a.kind, sum(p.amount) FROM accounts a JOIN postings p ON p.account = a.id
            WHERE a.proposal = ? AND a.kind <> 'requirement' GROUP BY a.year, a.kind
            """, parameters: [ref]
        ) { row in
            guard let kind = AccountKind(rawValue: row.text(1)) else { return }
            out[FinancialYear(startYear: Int(row.int(0))), default: [:]][kind] = Pence(row.int(2))
        }
        return out
    }

    /// The balance of one account (zero when it has never been posted to).
    public func balance(of key: AccountKey) throws -> Pence {
        guard let id = try accountID(key, create: false) else { return .zero }
        if db.inTransaction, let cached = ledger.cache.balances[id] { return cached }
        let balance = Pence(try db.scalar("SELECT coalesce(sum(amount), 0) FROM postings WHERE account = ?", id))
        if db.inTransaction { ledger.cache.balances[id] = balance }
        return balance
    }

    /// The balances of several accounts.
    public func balances(_ keys: [AccountKey]) throws -> [AccountKey: Pence] {
        var out: [AccountKey: Pence] = [:]
        for key in keys where out[key] == nil { out[key] = try balance(of: key) }
        return out
    }

    /// The balance of a proposal's state in a year, across its cost centres (postings only ever go
    /// to the accounts of a proposal's own cost centres). Inside a write transaction each account's
    /// balance is read once and then kept up to date, so a month's return costs one read per account.
    public func balance(of ref: ProposalRef, _ kind: AccountKind, _ year: FinancialYear) throws -> Pence {
        guard let proposal = try proposal(ref) else { return .zero }
        return try balances(proposal.costCentres.map { .proposal(ref, kind, year, $0.costCentre) }).values.reduce(.zero, +)
    }

    func accountID(_ key: AccountKey, create: Bool) throws -> Int64? {
        if let id = ledger.cache.accountIDs[key] { return id }
        if key.kind == .requirement {
            if let found = try db.first(
                "SELECT id FROM accounts WHERE kind = 'requirement' AND year = ?", key.year.startYear, map: { $0.int(0) })
            {
                ledger.cache.accountIDs[key] = found
                return found
            }
        } else if let ref = key.proposal, ledger.cache.newProposals.contains(ref) {
            // Added in this transaction: all its accounts were created here and are cached.
        } else {
            // Every state's account of the line at once, and no `kind = ?`: a parameter compared with
            // the constant in the partial index `accounts_requirement` makes SQLite re-prepare the
            // statement at every new binding (https://www.sqlite.org/c3ref/prepare.html), which cost
            // a tenth of a load.
            try db.forEach(
                "SELECT id, kind FROM accounts WHERE proposal = ? AND year = ? AND cost_centre = ?",
                parameters: [key.proposal, key.year.startYear, key.costCentre]
            ) { row in
                if let kind = AccountKind(rawValue: row.text(1)) {
                    ledger.cache.accountIDs[AccountKey(kind: kind, year: key.year, proposal: key.proposal, costCentre: key.costCentre)] = row.int(0)
                }
            }
            if let found = ledger.cache.accountIDs[key] { return found }
        }
        guard create else { return nil }
        let id = try ledger.insertReturningID(
            "accounts", Inserts.account,
            [.text(key.kind.rawValue), .integer(Int64(key.year.startYear)), key.proposal.sqlValue, key.costCentre.sqlValue])
        ledger.cache.accountIDs[key] = id
        // Made in this transaction: nothing is posted to it yet.
        ledger.cache.balances[id] = .zero
        return id
    }

    func append(
        kind: EntryKind, proposal: ProposalRef, year: FinancialYear, toYear: FinancialYear?, effective: CivilDate,
        reason: String, reverses: Int64?, postings: [Posting], by who: Provenance
    ) throws -> Int64 {
        // Every entry is dated inside the MTFS years, whatever the command (a date defaulting to
        // today can fall after them).
        let window = try YearRange.required(window())
        guard window.contains(effective.period.year) else {
            throw LedgerError.refused(
                "an entry cannot be dated \(effective) (\(effective.period.year)), outside the ledger's MTFS years \(window); date it inside them"
            )
        }
        // One posting per account: merge legs that meet on the same account and drop what nets to zero.
        var merged: [AccountKey: Pence] = [:]
        for p in postings { merged[p.account, default: .zero] += p.amount }
        let legs = merged.filter { !$0.value.isZero }.map { Posting($0.key, $0.value) }.sorted { $0.account < $1.account }
        let last: (id: Int64, hash: String)?
        if let tip = ledger.cache.chainTip {
            last = tip
        } else {
            last = try db.first("SELECT id, hash FROM entries ORDER BY id DESC LIMIT 1") { (id: $0.int(0), hash: $0.text(1)) }
        }
        let id = (last?.0 ?? 0) + 1
        let content = EntryContent(
            id: id, kind: kind, proposal: proposal, year: year, toYear: toYear, effective: effective,
            recordedAt: who.recordedAt, actor: who.actor, reason: reason, source: who.source,
            reverses: reverses, postings: legs)
        guard content.isBalanced, !legs.isEmpty else {
            throw LedgerError.integrity("refusing to record an entry whose postings do not sum to zero")
        }
        var touched: [(Int64, Pence)] = []
        for leg in legs {
            guard let account = try accountID(leg.account, create: true) else {
                throw LedgerError.integrity("could not create the account \(leg.account)")
            }
            touched.append((account, leg.amount))
        }
        try insertPostings(entry: id, touched)
        let previous = last?.1 ?? EntryContent.genesisHash
        let hash = content.hash(previous: previous)
        try db.enqueue(
            Inserts.entry,
            parameters: [
                .integer(id), .text(kind.rawValue), proposal.sqlValue, .integer(Int64(year.startYear)), toYear?.startYear.sqlValue ?? .null,
                .text(effective.description), .integer(Int64(effective.period.code)), .text(who.recordedAt), .text(who.actor), .text(reason),
                .text(who.source), reverses?.sqlValue ?? .null, .text(previous), .text(hash), who.onBehalfOf.sqlValue,
            ])
        try ledger.chain.append(.entries, id, columns: [.integer(id), .integer(Int64(effective.period.code)), who.onBehalfOf.sqlValue, .text(hash)])
        ledger.cache.chainTip = (id, hash)
        if let latest = ledger.cache.latestPeriods[proposal] {
            ledger.cache.latestPeriods[proposal] = max(latest, effective.period.code)
        } else if ledger.cache.newProposals.contains(proposal) {
            ledger.cache.latestPeriods[proposal] = effective.period.code
        }
        for (account, amount) in touched {
            if let cached = ledger.cache.balances[account] { ledger.cache.balances[account] = cached + amount }
        }
        return id
    }

    /// An entry's postings in as few statements as possible: up to eight rows a statement, each
    /// statement prepared once (a statement's start and finish cost more than a row).
    private func insertPostings(entry id: Int64, _ legs: [(account: Int64, amount: Pence)]) throws {
        var start = 0
        while start < legs.count {
            let chunk = legs[start..<min(start + Inserts.postings.count, legs.count)]
            var parameters: [SQLValue] = []
            parameters.reserveCapacity(chunk.count * 3)
            for (account, amount) in chunk {
                parameters.append(.integer(id))
                parameters.append(.integer(account))
                parameters.append(.integer(amount.rawValue))
            }
            try db.enqueue(Inserts.postings[chunk.count - 1], parameters: parameters)
            start += chunk.count
        }
    }
}

extension BookStore {
    // MARK: - The MTFS window

    /// The years the ledger covers, or nil before `init` or the first pack.
    public func window() throws -> YearRange? {
        if db.inTransaction, let cached = ledger.cache.window { return cached }
        let first = try ledger.settings.value("first_year")
        let last = try ledger.settings.value("last_year")
        guard let first, let last, let a = Int(first), let b = Int(last) else { return nil }
        let range = YearRange(first: FinancialYear(startYear: a), last: FinancialYear(startYear: b))
        if db.inTransaction { ledger.cache.window = .some(range) }
        return range
    }

    /// Records the window's first and last years where they differ from what is stored (the rules a
    /// window keeps are the use case's: `BookWrites.setWindow`).
    public func recordWindow(_ range: YearRange, by who: Provenance) throws {
        try ledger.transaction {
            let existing = try window()
            if existing?.first != range.first { try ledger.settings.recordSetting("first_year", String(range.first.startYear), by: who) }
            if existing?.last != range.last { try ledger.settings.recordSetting("last_year", String(range.last.startYear), by: who) }
            ledger.cache.window = nil
        }
    }
}

/// The inserts the store prepares once and reuses (``InsertSQL``).
enum Inserts {
    /// The statements that insert one to eight postings.
    static let postings = (1...8).map {
        InsertSQL("INSERT INTO postings(entry, account, amount) VALUES " + Array(repeating: "(?, ?, ?)", count: $0).joined(separator: ", "))
    }
    static let account = InsertSQL("INSERT INTO accounts(id, kind, year, proposal, cost_centre) VALUES (?, ?, ?, ?, ?)")
    static let entry = InsertSQL(
        """
        INSERT INTO entries(id, kind, proposal, year, to_year, effective, period, recorded_at, actor, reason, source, reverses, prev_hash, hash, on_behalf_of)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    static let forecast = InsertSQL(
        """
        INSERT INTO forecasts(id, proposal, year, period, forecast, rag, comment, recorded_at, actor, source, on_behalf_of, green, amber, red)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    static let returnLine = InsertSQL(
        """
        INSERT INTO return_lines(id, proposal, year, period, delivered_to_date, forecast, rag, comment, recorded_at, actor, source, on_behalf_of,
                                 delivered_blank, green, amber, red, impact, impact_foreseen)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    static let record = InsertSQL("INSERT INTO records(seq, tbl, key1, key2, hash) VALUES (?, ?, ?, ?, ?)")
}

/// The SQLite ledger's books are the store the application layer's use cases run over. What the
/// protocol asks that another part of the ledger keeps is passed to it.
extension BookStore: BookWrites {
    public func transaction<T>(_ body: () throws -> T) throws -> T { try ledger.transaction(body) }

    public func entry(_ id: Int64) throws -> JournalEntry? { try ledger.journal.entry(id) }

    public func costCentre(matching code: CostCentreCode) throws -> CostCentreCode? { try ledger.organisation.code(matching: code) }

    public func operatingModel(of costCentre: CostCentreCode) throws -> OperatingModel {
        try ledger.organisation.operatingModel(of: costCentre)
    }

    public func insert(_ costCentre: CostCentre, assignment: Assignment, baselines: [FinancialYear: Pence], by who: Provenance) throws {
        try ledger.organisation.insert(costCentre, assignment: assignment, baselines: baselines, by: who)
    }

    public func insert(_ assignment: Assignment, by who: Provenance) throws { try ledger.organisation.insert(assignment, by: who) }

    public func insertBaseline(costCentre: CostCentreCode, year: FinancialYear, netBudget: Pence, by who: Provenance) throws {
        try ledger.organisation.insertBaseline(costCentre: costCentre, year: year, netBudget: netBudget, by: who)
    }

    public func insertForecast(
        ref: ProposalRef, year: FinancialYear, period: Period, forecast: Pence, rag: RAG, comment: String, status: StatusMoney?, by who: Provenance
    ) throws {
        try ledger.returns.insertForecast(ref: ref, year: year, period: period, forecast: forecast, rag: rag, comment: comment, status: status, by: who)
    }

    public func insertReturnLine(
        ref: ProposalRef, year: FinancialYear, period: Period, deliveredToDate: Pence, deliveredBlank: Bool, forecast: Pence?, rag: RAG?,
        status: StatusMoney?, comment: String, impact: ObservedImpact?, by who: Provenance
    ) throws -> Bool {
        try ledger.returns.insertReturnLine(
            ref: ref, year: year, period: period, deliveredToDate: deliveredToDate, deliveredBlank: deliveredBlank, forecast: forecast, rag: rag,
            status: status, comment: comment, impact: impact, by: who)
    }

    public func insertImpact(_ impact: IdentifiedImpact, by who: Provenance) throws { try ledger.returns.insertImpact(impact, by: who) }
}
