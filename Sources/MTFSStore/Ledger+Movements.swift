import CSQLite
import Foundation
import MTFSDomain

/// Movements of a saving between its accounts (SPEC §3): delivery, slips, write-offs, reversals.
extension Ledger {
    // MARK: - Movements

    /// Records a movement on a proposal as one balanced, hash-chained entry; returns its id.
    @discardableResult
    public func record(_ movement: Movement, on ref: ProposalRef, effective: CivilDate, reason: String, by who: Provenance) throws -> Int64 {
        try transaction {
            let proposal = try requireProposal(ref)
            return try record(movement, on: proposal, effective: effective, reason: reason, by: who)
        }
    }

    func record(_ movement: Movement, on proposal: Proposal, effective: CivilDate, reason: String, by who: Provenance) throws
        -> Int64
    {
        try checkInWindow(movement.year)
        if let to = movement.toYear { try checkInWindow(to) }
        switch movement {
        case .deliver(let year, _), .reduce(let year, _):
            if effective < year.firstDay {
                throw LedgerError.refused("a delivery for \(year) cannot be dated \(effective), before the year starts")
            }
        default: break
        }
        // A year's target is never taken past what the ledger accepts as one amount, so no single
        // movement of it (a return's delivered-to-date change included) can be larger.
        switch movement {
        case .approve(let year, let amount), .slip(_, let year, let amount):
            let target = try balance(of: proposal.ref, .planned, year) + balance(of: proposal.ref, .delivered, year)
            if target.rawValue > Pence.limit.rawValue - amount.rawValue {
                throw LedgerError.refused(
                    "this would take \(proposal.ref)'s target for \(year) to \(Pence(target.rawValue + amount.rawValue)), more than the \(Pence.limit) a year's target can be")
            }
        default: break
        }
        if case .deliver(let year, _) = movement { try checkSomethingToDeliver(proposal.ref, year) }
        // A saving falling out (a negative target) may not take more out than is in place: the
        // proposal's running total of targets, year by year, never goes below zero (SPEC §5 v3).
        if case .approve(let year, let amount) = movement, amount.isNegative {
            var held: [Int: Int64] = [:]
            try db.forEach(
                """
                SELECT a.year, sum(p.amount) FROM accounts a JOIN postings p ON p.account = a.id
                WHERE a.proposal = ? AND a.kind <> 'requirement' GROUP BY a.year
                """, parameters: [proposal.ref]
            ) { held[Int($0.int(0))] = $0.int(1) }
            held[year.startYear, default: 0] += amount.rawValue
            var running: Int64 = 0
            for (start, target) in held.sorted(by: { $0.key < $1.key }) {
                running += target
                if running < 0 && start >= year.startYear {
                    throw LedgerError.refused(
                        "\(proposal.ref)'s saving in place by \(FinancialYear(startYear: start)) would be \(Pence(running)): a saving cannot fall out by more than was made before it")
                }
            }
        }
        let current = try balances(Ledger.drawnAccounts(movement, on: proposal))
        let postings = try PostingPlanner.postings(for: movement, proposal: proposal) { current[$0] ?? .zero }
        let backdated = try isBackdated(proposal.ref, effective.period)
        let id = try append(
            kind: movement.kind, proposal: proposal.ref, year: movement.year, toYear: movement.toYear,
            effective: effective, reason: reason, reverses: nil, postings: postings, by: who)
        if backdated {
            try checkHistory(proposal: proposal.ref, years: [movement.year] + (movement.toYear.map { [$0] } ?? []), from: effective.period)
        }
        return id
    }

    /// Nothing is delivered in a year where the saving only falls out (a negative target: a
    /// pressure, SPEC §5 v3); over-delivering a saving's own target is accepted. Every way of
    /// delivering (a movement, a return's delivered to date) asks this.
    func checkSomethingToDeliver(_ ref: ProposalRef, _ year: FinancialYear) throws {
        let target = try balance(of: ref, .planned, year) + balance(of: ref, .delivered, year)
        if target.isNegative {
            throw LedgerError.refused(
                "\(year) is when \(ref)'s earlier saving falls out (a pressure of \(target.magnitude)), so nothing is delivered in it; give the delivery in the year the saving is made")
        }
    }

    /// Only the accounts a movement draws on: planned (delivered for a reduction) in its year, on
    /// each of the proposal's cost centres; none for an approval.
    static func drawnAccounts(_ movement: Movement, on proposal: Proposal) -> [AccountKey] {
        let source: AccountKind? =
            switch movement {
            case .approve: nil
            case .reduce: .delivered
            default: .planned
            }
        return source.map { kind in proposal.costCentres.map { AccountKey.proposal(proposal.ref, kind, movement.year, $0.costCentre) } } ?? []
    }

    /// Records the mirror of an earlier entry; returns the new entry's id.
    @discardableResult
    public func reverse(entry id: Int64, effective: CivilDate, reason: String, by who: Provenance) throws -> Int64 {
        try transaction {
            guard let original = try entry(id) else { throw LedgerError.notFound("there is no entry \(id) in the ledger") }
            if original.kind == .reverse {
                throw LedgerError.refused(
                    "entry \(id) is itself a reversal (of entry \(original.reverses ?? 0)); record the movement again instead")
            }
            if let by = try db.first("SELECT id FROM entries WHERE reverses = ?", id, map: { $0.int(0) }) {
                throw LedgerError.conflict("entry \(id) was already reversed by entry \(by)")
            }
            if effective < original.effective {
                throw LedgerError.refused(
                    "a reversal of entry \(id) cannot be dated \(effective), before the entry itself (\(original.effective))")
            }
            let current = try balances(original.postings.map(\.account))
            let mirror = try PostingPlanner.reversal(of: original.postings, entry: id) { current[$0] ?? .zero }
            let backdated = try isBackdated(original.proposal, effective.period)
            let reversal = try append(
                kind: .reverse, proposal: original.proposal, year: original.year, toYear: nil,
                effective: effective, reason: reason, reverses: id, postings: mirror, by: who)
            if backdated {
                try checkHistory(
                    proposal: original.proposal, years: Array(Set(original.postings.map(\.account.year))).sorted(), from: effective.period)
            }
            // A reversal gives a year back what the entry took (a write-off, a slip out): like an
            // approval or a slip, it may not take the year's target past what one amount can be.
            for year in Set(original.postings.compactMap { $0.account.proposal == nil ? nil : $0.account.year }) {
                let target = try balance(of: original.proposal, .planned, year) + balance(of: original.proposal, .delivered, year)
                if target > Pence.limit {
                    throw LedgerError.refused(
                        "reversing entry \(id) would take \(original.proposal)'s target for \(year) to \(target), more than the \(Pence.limit) a year's target can be")
                }
            }
            return reversal
        }
    }

    /// The balance of one account (zero when it has never been posted to).
    public func balance(of key: AccountKey) throws -> Pence {
        guard let id = try accountID(key, create: false) else { return .zero }
        if db.inTransaction, let cached = balanceCache[id] { return cached }
        let balance = Pence(try db.scalar("SELECT coalesce(sum(amount), 0) FROM postings WHERE account = ?", id))
        if db.inTransaction { balanceCache[id] = balance }
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
        if let id = accountIDs[key] { return id }
        if key.kind == .requirement {
            if let found = try db.first(
                "SELECT id FROM accounts WHERE kind = 'requirement' AND year = ?", key.year.startYear, map: { $0.int(0) })
            {
                accountIDs[key] = found
                return found
            }
        } else if let ref = key.proposal, newProposals.contains(ref) {
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
                    accountIDs[AccountKey(kind: kind, year: key.year, proposal: key.proposal, costCentre: key.costCentre)] = row.int(0)
                }
            }
            if let found = accountIDs[key] { return found }
        }
        guard create else { return nil }
        let id = try insertReturningID(
            "accounts", Ledger.insertAccount,
            [.text(key.kind.rawValue), .integer(Int64(key.year.startYear)), key.proposal.sqlValue, key.costCentre.sqlValue])
        accountIDs[key] = id
        // Made in this transaction: nothing is posted to it yet.
        balanceCache[id] = .zero
        return id
    }

    func append(
        kind: EntryKind, proposal: ProposalRef, year: FinancialYear, toYear: FinancialYear?, effective: CivilDate,
        reason: String, reverses: Int64?, postings: [Posting], by who: Provenance
    ) throws -> Int64 {
        // Every entry is dated inside the MTFS years, whatever the command (a date defaulting to
        // today can fall after them).
        let window = try requireWindow()
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
        if let tip = chainTip {
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
            Ledger.insertEntry,
            parameters: [
                .integer(id), .text(kind.rawValue), proposal.sqlValue, .integer(Int64(year.startYear)), toYear?.startYear.sqlValue ?? .null,
                .text(effective.description), .integer(Int64(effective.period.code)), .text(who.recordedAt), .text(who.actor), .text(reason),
                .text(who.source), reverses?.sqlValue ?? .null, .text(previous), .text(hash), who.onBehalfOf.sqlValue,
            ])
        try chain(.entries, id, columns: [.integer(id), .integer(Int64(effective.period.code)), who.onBehalfOf.sqlValue, .text(hash)])
        chainTip = (id, hash)
        if let latest = latestPeriods[proposal] {
            latestPeriods[proposal] = max(latest, effective.period.code)
        } else if newProposals.contains(proposal) {
            latestPeriods[proposal] = effective.period.code
        }
        for (account, amount) in touched {
            if let cached = balanceCache[account] { balanceCache[account] = cached + amount }
        }
        return id
    }

    /// An entry's postings in as few statements as possible: up to eight rows a statement, each
    /// statement prepared once (a statement's start and finish cost more than a row).
    private func insertPostings(entry id: Int64, _ legs: [(account: Int64, amount: Pence)]) throws {
        var start = 0
        while start < legs.count {
            let chunk = legs[start..<min(start + Ledger.postingsSQL.count, legs.count)]
            var parameters: [SQLValue] = []
            parameters.reserveCapacity(chunk.count * 3)
            for (account, amount) in chunk {
                parameters.append(.integer(id))
                parameters.append(.integer(account))
                parameters.append(.integer(amount.rawValue))
            }
            try db.enqueue(Ledger.postingsSQL[chunk.count - 1], parameters: parameters)
            start += chunk.count
        }
    }

    /// The statements that insert one to eight postings.
    private static let postingsSQL = (1...8).map {
        InsertSQL("INSERT INTO postings(entry, account, amount) VALUES " + Array(repeating: "(?, ?, ?)", count: $0).joined(separator: ", "))
    }
    private static let insertAccount = InsertSQL("INSERT INTO accounts(id, kind, year, proposal, cost_centre) VALUES (?, ?, ?, ?, ?)")
    private static let insertEntry = InsertSQL(
        """
        INSERT INTO entries(id, kind, proposal, year, to_year, effective, period, recorded_at, actor, reason, source, reverses, prev_hash, hash, on_behalf_of)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    static let insertForecast = InsertSQL(
        """
        INSERT INTO forecasts(id, proposal, year, period, forecast, rag, comment, recorded_at, actor, source, on_behalf_of, green, amber, red)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    static let insertReturnLine = InsertSQL(
        """
        INSERT INTO return_lines(id, proposal, year, period, delivered_to_date, forecast, rag, comment, recorded_at, actor, source, on_behalf_of,
                                 delivered_blank, green, amber, red, impact, impact_foreseen)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    static let insertRecord = InsertSQL("INSERT INTO records(seq, tbl, key1, key2, hash) VALUES (?, ?, ?, ?, ?)")
}
