import MTFSDomain

/// History that is right at every period (SPEC §3.1): positions read "as at" any period must be
/// true, so no movement may leave a proposal-year's planned, delivered or unachievable amount
/// negative as at any period, and a monthly return speaks for its own period only.
extension BookStore {
    /// Whether a movement dated in `period` comes before the latest entry already on the proposal:
    /// only then can it change a period that later entries have built on.
    func isBackdated(_ proposal: ProposalRef, _ period: Period) throws -> Bool {
        if let latest = ledger.cache.latestPeriods[proposal] { return period.code < latest }
        if ledger.cache.newProposals.contains(proposal) { return false }
        let latest = Int(try db.scalar("SELECT coalesce(max(period), 0) FROM entries WHERE proposal = ?", proposal))
        if db.inTransaction { ledger.cache.latestPeriods[proposal] = latest }
        return period.code < latest
    }

    /// Refuses the open write if it leaves any of the proposal's years with a negative planned,
    /// delivered or unachievable amount as at the end of any period from `from` on.
    func checkHistory(proposal: ProposalRef, years: [FinancialYear], from: Period) throws {
        for year in years {
            if let p = try negativeHistory(proposal: proposal, year: year, fromCode: from.code) {
                throw LedgerError.refused(
                    "this would leave \(proposal)'s \(p.kind) amount for \(year) at \(Pence(p.amount)) as at the end of \(BookStore.monthName(p.period)); a movement dated then cannot take more than was there at the time"
                )
            }
        }
    }

    /// The first period (by code) from `fromCode` on at whose end a proposal-year is wrong, or nil
    /// when every period is right: what a write refuses and `verify` reports. Delivered and
    /// unachievable amounts are never negative; planned may be, by over-delivery or a saving
    /// falling out (SPEC §5 v3), but the year's current target (planned + delivered) is never
    /// below zero unless the year's own approvals are (a fall-out year).
    func negativeHistory(proposal: ProposalRef, year: FinancialYear, fromCode: Int) throws -> (kind: String, period: Int, amount: Int64)? {
        var running: [String: Int64] = [:]
        var approved: Int64 = 0
        var problem: (kind: String, period: Int, amount: Int64)?
        var month = -1
        func settle() {
            guard problem == nil, month >= fromCode else { return }
            for kind in ["delivered", "unachievable"] where running[kind, default: 0] < 0 {
                problem = (kind, month, running[kind, default: 0])
                return
            }
            let target = running["planned", default: 0] &+ running["delivered", default: 0]
            if target < 0 && approved >= 0 { problem = ("planned", month, running["planned", default: 0]) }
        }
        try db.forEach(
            """
            SELECT a.kind, e.period, sum(p.amount), sum(CASE WHEN e.kind = 'approve' THEN p.amount ELSE 0 END) FROM accounts a
            JOIN postings p ON p.account = a.id JOIN entries e ON e.id = p.entry
            WHERE a.proposal = ?1 AND a.year = ?2 AND a.kind <> 'requirement' GROUP BY e.period, a.kind ORDER BY e.period, a.kind
            """, parameters: [proposal, year.startYear]
        ) { row in
            let period = Int(row.int(1))
            if period != month {
                settle()
                month = period
            }
            let kind = row.text(0)
            running[kind] = running[kind, default: 0] &+ row.int(2)
            if kind == "planned" { approved &+= row.int(3) }
        }
        settle()
        return problem
    }

    /// "2023/24 P1 (2023-04)" for a period code.
    static func monthName(_ code: Int) -> String { Period(code: code).map { "\($0) (\($0.monthText))" } ?? String(code) }

    /// The balances of accounts as at the end of `period`: the postings of entries effective by then.
    public func balances(_ keys: [AccountKey], asAt period: Period) throws -> [AccountKey: Pence] {
        var out: [AccountKey: Pence] = [:]
        for key in keys where out[key] == nil {
            guard let id = try accountID(key, create: false) else {
                out[key] = .zero
                continue
            }
            out[key] = Pence(
                try db.scalar(
                    "SELECT coalesce(sum(p.amount), 0) FROM postings p JOIN entries e ON e.id = p.entry WHERE p.account = ? AND e.period <= ?",
                    id, period.code))
        }
        return out
    }

    /// A proposal's state in a year, across its cost centres, as at the end of `period`.
    public func balance(of ref: ProposalRef, _ kind: AccountKind, _ year: FinancialYear, asAt period: Period) throws -> Pence {
        guard let proposal = try proposal(ref) else { return .zero }
        // Nothing on the proposal is dated after the period: as at it is as now (and cached in a write).
        if try !isBackdated(ref, period) { return try balance(of: ref, kind, year) }
        return try balances(proposal.costCentres.map { .proposal(ref, kind, year, $0.costCentre) }, asAt: period).values.reduce(.zero, +)
    }

    /// The first period after `period` for which a return stated the proposal-year's delivered to
    /// date (a line whose delivered cell was blank stated nothing, so it pins no figure).
    public func nextReturn(ref: ProposalRef, year: FinancialYear, after period: Period) throws -> Period? {
        // A proposal added in this write has only the return lines recorded in it.
        if db.inTransaction, ledger.cache.newProposals.contains(ref), ledger.cache.newReturnPeriods[ProposalYear(ref, year), default: 0] <= period.code { return nil }
        let code = try db.scalar(
            "SELECT coalesce(min(period), 0) FROM return_lines WHERE proposal = ? AND year = ? AND period > ? AND delivered_blank IS NULL",
            ref, year.startYear,
            period.code)
        return Period(code: Int(code))
    }

    /// Posts a change to a proposal-year's delivered to date as at the end of `period`, and nothing
    /// after it: the change is posted at the period's end and, when a later period has its own
    /// return, undone at that period's end, so every later return's figure stands (a prior-period
    /// correction). The split over cost centres follows what each held as at `period`, and the
    /// undoing mirrors it exactly. The rules a return keeps are the use case's
    /// (`BookWrites.setDelivered`); the store guards only that no account is left wrong.
    @discardableResult
    public func postDelivered(ref: ProposalRef, year: FinancialYear, change: Pence, asAt period: Period, reason: String, by who: Provenance) throws
        -> Pence
    {
        try ledger.transaction {
            let proposal = try requireProposal(ref)
            let movement: Movement = change.isNegative ? .reduce(year: year, amount: change.magnitude) : .deliver(year: year, amount: change)
            // Nothing on the proposal dated after the period: as at its end is as now (cached in a write).
            let backdated = try isBackdated(ref, period)
            let drawn = movement.drawnAccounts(on: proposal)
            let asAt = try backdated ? balances(drawn, asAt: period) : balances(drawn)
            let postings = try PostingPlanner.postings(for: movement, proposal: proposal) { asAt[$0] ?? .zero }
            _ = try append(
                kind: movement.kind, proposal: ref, year: year, toYear: nil, effective: period.lastDay, reason: reason,
                reverses: nil, postings: postings, by: who)
            let later = try nextReturn(ref: ref, year: year, after: period)
            if let later {
                let undo = "prior-period correction: restores the \(later) return's delivered to date after the \(period) return changed it by \(change)"
                _ = try append(
                    kind: change.isNegative ? .deliver : .reduce, proposal: ref, year: year, toYear: nil, effective: later.lastDay,
                    reason: undo, reverses: nil, postings: postings.map { Posting($0.account, -$0.amount) }, by: who)
            }
            if backdated || later != nil { try checkHistory(proposal: ref, years: [year], from: period) }
            return change
        }
    }
}
