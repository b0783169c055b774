import Dispatch
import Foundation
import MTFSDomain

/// The checks `verify` makes over one pass of the ledger (``Ledger/verifyPass()``): positions, history, signs and identities.
extension Verifier {
    /// `position_lines` is a cache the triggers keep; recompute it from the pass and compare.
    ///
    /// The accounts (through `accounts_proposal`) and the kept lines (their primary key) are both
    /// read in (proposal, year, cost centre) order as SQLite compares text, byte by byte, so one
    /// merge pairs each line with its accounts: no table of every line in memory.
    static func positionProblems(_ pass: Pass, on db: Database) throws -> [String] {
        typealias Key = (proposal: ProposalRef, year: Int64, costCentre: CostCentreCode)
        func precedes(_ a: Key, _ b: Key) -> Bool {
            if a.proposal != b.proposal { return a.proposal.utf8.lexicographicallyPrecedes(b.proposal.utf8) }
            if a.year != b.year { return a.year < b.year }
            return a.costCentre.utf8.lexicographicallyPrecedes(b.costCentre.utf8)
        }
        func same(_ a: Key, _ b: Key) -> Bool { a.proposal == b.proposal && a.year == b.year && a.costCentre == b.costCentre }
        func describe(_ k: Key) -> String { "\(k.proposal) \(FinancialYear(startYear: Int(k.year))) on \(k.costCentre)" }

        let accounts = try db.prepare(
            """
            SELECT proposal, year, cost_centre, id FROM accounts INDEXED BY accounts_proposal
            WHERE proposal IS NOT NULL ORDER BY proposal, year, cost_centre
            """)
        defer { try? accounts.reset() }
        let stored = try db.prepare(
            """
            SELECT proposal, year, cost_centre, planned, delivered, unachievable, original_target, slipped_in, slipped_out
            FROM position_lines ORDER BY proposal, year, cost_centre
            """)
        defer { try? stored.reset() }

        // The next line the postings give: its accounts' balances (and approvals and slips) added up.
        var pendingAccount: (key: Key, id: Int64)?
        func readAccount() throws -> (key: Key, id: Int64)? {
            guard try accounts.step() else { return nil }
            let row = Row(statement: accounts)
            return ((row.id(0), row.int(1), row.id(2)), row.int(3))
        }
        pendingAccount = try readAccount()
        func nextExpected() throws -> (key: Key, position: Position)? {
            while let first = pendingAccount {
                var position = Position()
                var posted = false
                while let account = pendingAccount, same(account.key, first.key) {
                    if let balance = pass.accounts.balance(account.id), let kind = pass.accounts[account.id]?.kind {
                        posted = true
                        switch kind {
                        case .planned: position.planned += Pence(balance)
                        case .delivered: position.delivered += Pence(balance)
                        case .unachievable: position.unachievable += Pence(balance)
                        case .requirement: break
                        }
                        if let moves = pass.targetMoves[account.id] { position += moves }
                    }
                    pendingAccount = try readAccount()
                }
                if posted { return (first.key, position) }
            }
            return nil
        }
        func nextStored() throws -> (key: Key, position: Position)? {
            guard try stored.step() else { return nil }
            let row = Row(statement: stored)
            return ((row.id(0), row.int(1), row.id(2)), PositionStore.keptPosition(from: row, at: 3))
        }

        var problems: [String] = []
        var expected = try nextExpected()
        var kept = try nextStored()
        while problems.count < 20, expected != nil || kept != nil {
            if let e = expected, let k = kept, same(e.key, k.key) {
                if e.position != k.position {
                    problems.append(
                        "the position kept for \(describe(k.key)) does not match its postings (it shows \(k.position.currentTarget) target and \(k.position.delivered) delivered; the postings \(e.position.currentTarget) and \(e.position.delivered))"
                    )
                }
                expected = try nextExpected()
                kept = try nextStored()
            } else if let e = expected, kept == nil || precedes(e.key, kept!.key) {
                problems.append("no position is kept for \(describe(e.key)), which has postings")
                expected = try nextExpected()
            } else if let k = kept {
                problems.append("a position is kept for \(describe(k.key)), which has no postings")
                kept = try nextStored()
            }
        }
        return problems
    }

    /// Every proposal-year's delivered and unachievable amounts as at the end of every month: none
    /// may be negative (SPEC §3.1). Planned may be, by over-delivery or a fall-out (SPEC §5 v3);
    /// a year's target below zero is checked month by month where a write is backdated.
    func historyProblems(_ pass: Pass) throws -> [String] {
        func describe(_ g: Int32, _ month: Int32, _ amount: Int64) -> String {
            let key = pass.history.keys[Int(g)]
            return describe(key.proposal, key.year, key.kind.rawValue, Int(month), amount)
        }
        func describe(_ proposal: ProposalRef, _ year: FinancialYear, _ kind: String, _ month: Int, _ amount: Int64) -> String {
            "\(proposal)'s \(kind) amount for \(year) is \(Pence(amount)) as at the end of \(BookStore.monthName(month))"
        }
        // A group found backdated later is checked from its postings instead (an entry dated earlier
        // changes the months its running total was checked at).
        var problems = pass.history.negative.filter { !pass.history.backdated.contains($0.group) }.map {
            describe($0.group, $0.month, $0.amount)
        }
        problems += pass.history.finalNegatives().map { describe($0.group, $0.month, $0.amount) }
        // Groups with backdated entries: month by month from the postings (few in any ledger).
        var checked: Set<ProposalYear> = []
        for g in pass.history.backdated.sorted() where problems.count < 20 {
            let key = pass.history.keys[Int(g)]
            guard checked.insert(ProposalYear(key.proposal, key.year)).inserted else { continue }
            if let p = try ledger.books.negativeHistory(proposal: key.proposal, year: key.year, fromCode: 0) {
                problems.append(describe(key.proposal, key.year, p.kind, p.period, p.amount))
            }
        }
        return Array(problems.prefix(20))
    }

    func wrongSigns(_ pass: Pass) -> [String] {
        var problems: [String] = []
        for (account, balance) in pass.accounts.balances() where problems.count < 20 {
            guard let key = pass.accounts[account] else { continue }
            if !key.allows(Pence(balance)) { problems.append("account \(key) holds \(Pence(balance)), which is the wrong sign for it") }
        }
        return problems
    }

    func proposalIdentity(_ pass: Pass) -> [String] {
        var problems: [String] = []
        for ref in Set(pass.approvedByProposal.keys).union(pass.heldByProposal.keys).sorted() where problems.count < 20 {
            let approved = pass.approvedByProposal[ref] ?? 0
            let held = pass.heldByProposal[ref] ?? 0
            if approved != held {
                problems.append("proposal \(ref): approved \(Pence(approved)) but planned + delivered + unachievable is \(Pence(held))")
            }
        }
        return problems
    }

    func yearIdentity(_ pass: Pass) -> [String] {
        var problems: [String] = []
        for (year, sums) in zip(pass.byYear.years, pass.byYear.sums).sorted(by: { $0.0 < $1.0 }) {
            let fy = FinancialYear(startYear: year)
            let (a, r, h, s) = (sums.approved, sums.requirement, sums.held, sums.slipped)  // s: net slipped in
            if a != r { problems.append("\(fy): the MTFS requirement is \(Pence(r)) but \(Pence(a)) was approved") }
            if h - a != s {
                problems.append(
                    "\(fy): planned + delivered + unachievable is \(Pence(h)), approved \(Pence(a)), but net slips account for \(Pence(s)), not \(Pence(h - a))"
                )
            }
        }
        return problems
    }

    /// The holder register (schema 13) as the fact tables need it: each row's `name_key` is its name
    /// as compared, a name belongs to one holder, and every name an assignment, a proposal's owner, a
    /// user, a sign-off or a reminder was written with is one of the register's (a name outside it,
    /// or moved to another holder, would give that row to nobody, or to someone else).
    func holderProblems() throws -> [String] {
        var problems: [String] = []
        var holderOf: [String: Int64] = [:]
        try db.forEach("SELECT id, holder, name, name_key FROM holder_names ORDER BY id") { row in
            let (id, holder, name, key) = (row.int("id"), row.int("holder"), row.text("name"), row.text("name_key"))
            if key != HolderID.canonical(name) {
                problems.append("holder register row \(id) gives \(name)'s name as compared as \"\(key)\", not \"\(HolderID.canonical(name))\"")
            }
            if let other = holderOf[HolderID.canonical(name)], other != holder {
                problems.append("holder register row \(id) gives the name \(name) to holder \(holder), though it is holder \(other)'s")
            }
            if holderOf[HolderID.canonical(name)] == nil { holderOf[HolderID.canonical(name)] = holder }
        }
        let register = try ledger.holders.register()
        for (table, column) in HolderStore.namingColumns {
            try db.forEach("SELECT DISTINCT \(column) FROM \(table) WHERE \(column) IS NOT NULL ORDER BY 1") { row in
                let name = row.text(0)
                guard !register.records(name) else { return }
                problems.append("\(table) names the budget holder \"\(name)\", who is not in the holder register")
            }
        }
        return Array(problems.prefix(20))
    }
}
