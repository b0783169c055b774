import Dispatch
import Foundation
import MTFSDomain

/// The verify pass over every entry and the checks that need only its tallies (SPEC §3, §3.1).
extension Verifier {
    /// What one pass over the record found and added up.
    struct Pass {
        var entries = 0
        var firstBad: Int64?
        var chainProblems: [String] = []
        var balanceProblems: [String] = []
        var reversalProblems: [String] = []
        var postingProblems: [String] = []
        /// Postings past ``Pence/limit``.
        var amountProblems: [String] = []
        var total: Int64 = 0
        /// By proposal: minus its requirement legs (approved) and its other legs (held).
        var approvedByProposal: [ProposalRef: Int64] = [:]
        var heldByProposal: [ProposalRef: Int64] = [:]
        /// By year, the requirement, held, approved and slipped legs (a reversal counts as the
        /// movement it undoes).
        var byYear = YearTally()
        /// Approvals and slips in and out on each planned account (a reversal counts against the movement it undoes).
        var targetMoves: [Int64: Position] = [:]
        /// The accounts, and each one's balance as summed from the postings table.
        var accounts = AccountTable()
        /// Each proposal-year-state's running total in entry order, checked at every change of month.
        var history = HistoryTally()

        mutating func note(_ problem: String, in list: WritableKeyPath<Pass, [String]>) {
            if self[keyPath: list].count < 20 { self[keyPath: list].append(problem) }
        }
    }

    /// What the checks need of an entry (the hash input is built from the stored bytes).
    private struct Checked {
        var id: Int64
        var kind: EntryKind
        var proposal: ProposalRef
        var reverses: Int64?
        var period: Int32
        var postings: [Posting] = []
    }

    /// Each proposal-year-state (planned, delivered, unachievable of one proposal in one year, over
    /// its cost centres) as entries arrive in id order. While a group's entries come in month order,
    /// its running total when the month changes is its amount as at the end of the month before, so
    /// one pass checks every month. A group with an entry dated before one already seen (a backdated
    /// movement) is set aside and checked month by month from the postings afterwards.
    struct HistoryTally {
        /// Group by account id: ids are dense from 1, so an array; a far-off id (a tampered file) in a dictionary.
        private var byAccount: [Int32] = []
        private var farAccounts: [Int64: Int32] = [:]
        private(set) var keys: [GroupKey] = []
        private var running: [Int64] = []
        private var month: [Int32] = []
        private(set) var negative: [(group: Int32, month: Int32, amount: Int64)] = []
        private(set) var backdated: Set<Int32> = []

        struct GroupKey: Hashable {
            var proposal: ProposalRef
            var year: FinancialYear
            var kind: AccountKind
        }

        /// Room for about `accounts` accounts (a group has one to a few).
        mutating func reserve(_ accounts: Int) {
            keys.reserveCapacity(accounts)
            running.reserveCapacity(accounts)
            month.reserveCapacity(accounts)
            byAccount.reserveCapacity(accounts + 1)
        }

        /// The proposal-year whose accounts are arriving, and its groups by state.
        private var current: (proposal: ProposalRef, year: FinancialYear)?
        private var currentGroups: [Int32] = [-1, -1, -1, -1]

        /// Notes which group an account belongs to. Accounts must arrive with each proposal-year's
        /// together (the caller reads them ordered by proposal and year), so the group is found by
        /// comparing with the last, with no look-up.
        mutating func add(account id: Int64, _ key: AccountKey) {
            guard key.kind != .requirement, let proposal = key.proposal else { return }
            if current?.proposal != proposal || current?.year != key.year {
                current = (proposal, key.year)
                currentGroups = [-1, -1, -1, -1]
            }
            let slot = key.kind == .planned ? 0 : key.kind == .delivered ? 1 : 2
            let index: Int32
            if currentGroups[slot] >= 0 {
                index = currentGroups[slot]
            } else {
                index = Int32(keys.count)
                keys.append(GroupKey(proposal: proposal, year: key.year, kind: key.kind))
                running.append(0)
                month.append(0)
                currentGroups[slot] = index
            }
            if id >= 0 && id < 1 << 26 {
                if Int(id) >= byAccount.count { byAccount.append(contentsOf: repeatElement(-1, count: Int(id) + 1 - byAccount.count)) }
                byAccount[Int(id)] = index
            } else {
                farAccounts[id] = index
            }
        }

        private func group(of account: Int64) -> Int32? {
            if account >= 0 && account < byAccount.count {
                let g = byAccount[Int(account)]
                return g < 0 ? nil : g
            }
            return farAccounts[account]
        }

        mutating func post(_ amount: Int64, to account: Int64, in period: Int32) {
            guard let g = group(of: account) else { return }
            let i = Int(g)
            if period != month[i] {
                if period < month[i] {
                    backdated.insert(g)
                } else if month[i] != 0, running[i] < 0, keys[i].kind != .planned, negative.count < 100 {
                    negative.append((g, month[i], running[i]))
                }
                month[i] = max(month[i], period)
            }
            running[i] &+= amount
        }

        /// Groups whose last month ends negative (the wrong-sign check covers the balance itself).
        func finalNegatives() -> [(group: Int32, month: Int32, amount: Int64)] {
            running.indices.filter { running[$0] < 0 && keys[$0].kind != .planned }.prefix(20).map { (Int32($0), month[$0], running[$0]) }
        }
    }

    /// By year: minus the requirement legs, the other legs (held), and the held legs of approvals
    /// and of slips. Years are few, so they sit in a short array searched from the last one used
    /// (this is added to once a posting).
    struct YearTally {
        private(set) var years: [Int] = []
        private(set) var sums: [(requirement: Int64, held: Int64, approved: Int64, slipped: Int64)] = []
        private var last = 0

        mutating func add(_ amount: Int64, year: Int, account: AccountKind, movement: EntryKind) {
            if last >= years.count || years[last] != year {
                if let i = years.firstIndex(of: year) {
                    last = i
                } else {
                    years.append(year)
                    sums.append((0, 0, 0, 0))
                    last = years.count - 1
                }
            }
            if account == .requirement {
                sums[last].requirement &-= amount
            } else {
                sums[last].held &+= amount
                if movement == .approve { sums[last].approved &+= amount }
                if movement == .slip { sums[last].slipped &+= amount }
            }
        }
    }

    /// Streams the entries (by id) and the postings (by entry, the table's own order) side by side.
    func verifyPass() throws -> Pass {
        var pass = Pass()
        pass.accounts = AccountTable(denseUpTo: try db.scalar("SELECT count(*) FROM accounts"))
        pass.history.reserve(Int(try db.scalar("SELECT count(*) FROM accounts")))
        // Proposals' accounts in (proposal, year) order through `accounts_proposal`, so each
        // proposal-year's accounts come together and are grouped without a look-up; then the
        // requirement accounts.
        try db.forEach(
            """
            SELECT id, kind, year, proposal, cost_centre FROM accounts INDEXED BY accounts_proposal
            WHERE proposal IS NOT NULL ORDER BY proposal, year
            """
        ) { row in
            if let key = JournalStore.accountKey(from: row, at: 1) {
                pass.accounts[row.int(0)] = key
                pass.history.add(account: row.int(0), key)
            }
        }
        try db.forEach("SELECT id, kind, year, proposal, cost_centre FROM accounts WHERE proposal IS NULL") { row in
            if let key = JournalStore.accountKey(from: row, at: 1) { pass.accounts[row.int(0)] = key }
        }
        // Reversals need their originals' postings and kind; keep only those that are reversed.
        let reversed = Set(try db.query("SELECT reverses FROM entries WHERE reverses IS NOT NULL") { $0.int(0) })
        var originals: [Int64: (kind: EntryKind, postings: [Posting])] = [:]
        var previousHash = Array(EntryContent.genesisHash.utf8)
        var expectedID: Int64 = 1
        let postings = try db.prepare("SELECT entry, account, amount FROM postings ORDER BY entry")
        defer { try? postings.reset() }
        func nextPosting() throws -> (entry: Int64, account: Int64, amount: Int64)? {
            guard try postings.step() else { return nil }
            let row = Row(statement: postings)
            let amount = row.int(2)
            // Past the limit only by a write outside mtfs; named (a few), and the totals are not trusted.
            if amount > Pence.limit.rawValue || amount < -Pence.limit.rawValue, pass.amountProblems.count < 20 {
                pass.amountProblems.append(
                    "a posting of entry \(row.int(0)) is \(Pence(amount).formatted()), more than the \(Pence.limit.formatted()) mtfs accepts: it was written outside mtfs")
            }
            return (row.int(0), row.int(1), amount)
        }
        var pendingPosting = try nextPosting()
        // Hashes are recomputed on a second thread while this one reads on; breaks in the links are
        // found here, in order, and both are merged by entry id at the end.
        let hashes = HashChecker(accounts: pass.accounts)
        var breaks: [(id: Int64, text: String)] = []

        func chainBreak(_ id: Int64, _ text: String) {
            if breaks.count < 20 { breaks.append((id, text)) }
        }

        func check(_ entry: Checked, accountIDs: [(Int64, Int64)]) {
            pass.entries += 1
            let sum = entry.postings.reduce(Int64(0)) { $0 &+ $1.amount.rawValue }
            if entry.postings.isEmpty {
                pass.note("entry \(entry.id) has no postings", in: \.balanceProblems)
            } else if sum != 0 {
                pass.note("entry \(entry.id) does not balance: its postings sum to \(Pence(sum))", in: \.balanceProblems)
            }
            if reversed.contains(entry.id) { originals[entry.id] = (entry.kind, entry.postings) }
            var movement = entry.kind
            if entry.kind == .reverse, let target = entry.reverses {
                if let original = originals[target] {
                    movement = original.kind
                    if Set(original.postings.map { Posting($0.account, -$0.amount) }) != Set(entry.postings) {
                        pass.note("entry \(entry.id) does not exactly mirror entry \(target), which it reverses", in: \.reversalProblems)
                    }
                    if original.kind == .reverse {
                        pass.note("entry \(entry.id) reverses a reversal (entry \(target))", in: \.reversalProblems)
                    }
                } else {
                    pass.note("entry \(entry.id) reverses entry \(target), which does not come before it", in: \.reversalProblems)
                }
            }
            var approved: Int64 = 0
            var held: Int64 = 0
            defer {
                if approved != 0 { pass.approvedByProposal[entry.proposal, default: 0] &+= approved }
                if held != 0 { pass.heldByProposal[entry.proposal, default: 0] &+= held }
            }
            for (posting, (account, amount)) in zip(entry.postings, accountIDs) {
                pass.total &+= amount
                pass.accounts.post(amount, to: account)
                pass.history.post(amount, to: account, in: entry.period)
                pass.byYear.add(amount, year: posting.account.year.startYear, account: posting.account.kind, movement: movement)
                if posting.account.kind == .planned && (movement == .approve || movement == .slip) {
                    let value = Pence(amount)
                    if movement == .approve {
                        pass.targetMoves[account, default: Position()].originalTarget += value
                    } else if (amount > 0) != (entry.reverses != nil) {
                        pass.targetMoves[account, default: Position()].slippedIn += value
                    } else {
                        pass.targetMoves[account, default: Position()].slippedOut -= value
                    }
                }
                if posting.account.kind == .requirement {
                    approved &-= amount
                } else {
                    held &+= amount
                    if posting.account.proposal != entry.proposal {
                        pass.note(
                            "entry \(entry.id) of proposal \(entry.proposal) posts to an account of proposal \(posting.account.proposal ?? "")",
                            in: \.postingProblems)
                    }
                }
            }
        }

        try db.forEach(
            """
            SELECT id, kind, proposal, year, to_year, effective, recorded_at, actor, reason, source, reverses, prev_hash, hash, period
            FROM entries ORDER BY id
            """
        ) { row in
            let id = row.int(0)
            guard let kind = EntryKind(rawValue: row.text(1)) else {
                throw LedgerError.integrity("entry \(id) has an unknown kind \"\(row.text(1))\"")
            }
            guard let effective = try? CivilDate(parsing: row.text(5)) else {
                throw LedgerError.integrity("entry \(id) has a malformed effective date \"\(row.text(5))\"")
            }
            // The period reports select by is stored beside the date: it must be the date's.
            if row.type(13) != .integer || row.int(13) != Int64(effective.period.code) {
                chainBreak(id, "entry \(id) is stored in period \(row.text(13)) but is dated \(effective), in \(effective.period)")
            }
            var entry = Checked(id: id, kind: kind, proposal: row.id(2), reverses: row.optionalInt(10), period: Int32(truncatingIfNeeded: row.int(13)))
            var ids: [(Int64, Int64)] = []
            ids.reserveCapacity(8)
            entry.postings.reserveCapacity(8)
            // Postings of entries that are not in the entries table (a deleted entry) are skipped here;
            // the broken chain reports the deletion.
            while let p = pendingPosting, p.entry <= id {
                if p.entry == id {
                    if let key = pass.accounts[p.account] {
                        entry.postings.append(Posting(key, Pence(p.amount)))
                        ids.append((p.account, p.amount))
                    } else {
                        pass.note("entry \(id) posts to account \(p.account), which does not exist", in: \.postingProblems)
                        pass.total &+= p.amount
                    }
                } else {
                    pass.total &+= p.amount
                }
                pendingPosting = try nextPosting()
            }

            if id != expectedID {
                chainBreak(
                    id,
                    id > expectedID
                        ? "entries \(expectedID)…\(id - 1) are missing before entry \(id)"
                        : "entry \(id) is out of order after entry \(expectedID - 1)")
            }
            expectedID = id + 1
            if !row.bytes(11).elementsEqual(previousHash) {
                chainBreak(id, "entry \(id) does not follow the entry before it (its previous-hash link is broken)")
            }
            previousHash.removeAll(keepingCapacity: true)
            previousHash.appendBytes(row.bytes(12))

            hashes.add(row, postings: ids)

            check(entry, accountIDs: ids)
        }
        while let p = pendingPosting {
            pass.note("postings of entry \(p.entry) have no entry", in: \.postingProblems)
            pass.total &+= p.amount
            pendingPosting = try nextPosting()
        }
        let altered = hashes.finish().prefix(20).map {
            (id: $0, text: "entry \($0) has been altered: its content no longer matches its hash")
        }
        let all = (breaks + altered).sorted { $0.id < $1.id }.prefix(20)
        pass.firstBad = all.first?.id
        pass.chainProblems = all.map(\.text)
        return pass
    }

    /// Reports read balances through `postings_by_account`; it must agree with the table the chain covers.
    ///
    /// `early`: the index's balances as read on a second connection during the pass, when that saw
    /// the same entries (so the same postings: they are append-only and closed with their entry);
    /// otherwise they are read here.
    func indexedBalances(_ pass: Pass, _ early: [(account: Int64, balance: Int64)]?) throws -> [String] {
        var problems: [String] = []
        var seen = 0
        func compare(_ account: Int64, _ balance: Int64) {
            seen += 1
            if problems.count < 20, pass.accounts.balance(account) != balance {
                problems.append(
                    "account \(account) reads \(Pence(balance)) through the index but its postings sum to \(Pence(pass.accounts.balance(account) ?? 0))"
                )
            }
        }
        if let early {
            for (account, balance) in early { compare(account, balance) }
        } else {
            try db.forEach(IndexedBalances.sql) { compare($0.int(0), $0.int(1)) }
        }
        if problems.isEmpty, seen != pass.accounts.postedCount {
            problems.append("the balance index holds \(seen) accounts but the postings touch \(pass.accounts.postedCount)")
        }
        return problems
    }
}
