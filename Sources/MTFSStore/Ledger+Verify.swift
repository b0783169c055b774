import Dispatch
import Foundation
import MTFSDomain

/// What `mtfs verify` found: each SPEC §3 invariant, passed or with what broke it.
public struct VerifyReport: Sendable {
    /// One check and its outcome.
    public struct Check: Sendable, Hashable {
        public var name: String
        public var problems: [String]
        public var passed: Bool { problems.isEmpty }
    }

    public var checks: [Check] = []
    /// The first entry whose hash link is broken, if any.
    public var firstBadEntry: Int64?
    /// The first record of the record chain that is broken, altered or missing its row, if any.
    public var firstBadRecord: Int64?
    /// How many entries were checked.
    public var entries: Int = 0
    /// The head of the record chain as found.
    public var head = ChainHead.empty
    /// How many heads the log beside the ledger holds, or nil when there is none (or it was not checked).
    public var headLog: Int?
    /// Whether the head log was checked (`--no-head-log` leaves it out).
    public var headLogChecked = true

    /// Whether every check passed.
    public var passed: Bool { checks.allSatisfy(\.passed) }
}

extension Ledger {
    /// Checks the SPEC §3 invariants and the hash chain, reading the file as it is (not trusting the
    /// triggers). One pass over the entries and their postings checks the chain, each entry's balance,
    /// the reversals and every identity, so the check stays linear in the size of the ledger.
    /// `thorough` adds SQLite's own `integrity_check` (every index against its table) and
    /// `foreign_key_check`, which read the whole file and cost more than the rest together.
    /// `anchors`: heads kept outside the file (a printed statement, a committee report); the ledger
    /// must still begin with exactly those records.
    public func verify(thorough: Bool = false, anchors: [ChainHead] = [], headLog useHeadLog: Bool = true) throws -> VerifyReport {
        try db.read {
            var report = VerifyReport()
            if thorough {
                report.checks.append(VerifyReport.Check(name: "SQLite integrity check", problems: try sqliteIntegrity()))
            }
            let schema = try schemaProblems()
            report.checks.append(VerifyReport.Check(name: "tables, indexes and triggers are as mtfs made them", problems: schema))
            do {
                try verifyContents(&report, anchors: anchors, useHeadLog: useHeadLog)
            } catch let error as DatabaseError where !schema.isEmpty {
                // A dropped or altered table, index or trigger can stop SQLite reading what the other
                // checks need: the file has already failed, and that is the answer (exit 4), not an
                // unusable file (exit 5).
                report.checks.append(
                    VerifyReport.Check(
                        name: "the other checks",
                        problems: ["not run: the altered schema stops them (\(error.message)); restore the ledger from a backup"]))
            }
            return report
        }
    }

    /// Every check after the schema's, into `report`.
    private func verifyContents(_ report: inout VerifyReport, anchors: [ChainHead], useHeadLog: Bool) throws {
        let signed = try signedHeads()
        let logged = useHeadLog ? HeadLog.read(headLog) : nil
        let wanted = Set(signed.map(\.head.count) + anchors.map(\.count) + (logged ?? []).compactMap { $0.head?.count })
        // The record chain is checked on a second connection while this one makes the pass over
        // the entries: the two halves of the work on the two cores. Its result is used only if it
        // saw the same records as this snapshot; otherwise it is checked again here.
        let recordCount = try db.scalar(Ledger.recordCountSQL)
        let inBackground = SideRead(path: db.path) { db in
            (try db.scalar(Ledger.recordCountSQL), try RecordChecker(db: db).check(wanted: wanted))
        }
        // The balances through the index are read on a third connection while the pass runs.
        let tip = try db.scalar(Ledger.lastEntrySQL)
        let indexed = IndexedBalances(path: db.path)
        let pass = try verifyPass()
        let records = try inBackground.result(ifSaw: recordCount) ?? checkRecords(wanted: wanted)
        report.head = records.head
        report.firstBadRecord = records.problems.compactMap(\.seq).min()
        report.checks.append(
            VerifyReport.Check(name: "every fact is in the record chain, unaltered", problems: records.problems.map(\.text)))
        report.checks.append(
            VerifyReport.Check(
                name: "every head recorded by a sign-off is in the chain",
                problems: signed.compactMap { s in
                    Ledger.anchorProblem(s.head, records, what: "the head recorded by sign-off \(s.id)")
                }))
        report.checks.append(
            VerifyReport.Check(
                name: "sign-offs in the portal were made by the holder's own account; live sessions began with a recorded sign-in",
                problems: try peopleProblems()))
        report.headLog = useHeadLog ? logged?.count : nil
        report.headLogChecked = useHeadLog
        if useHeadLog {
            report.checks.append(
                VerifyReport.Check(
                    name: "the head log beside the ledger: its heads are in the chain, and it logged the current head",
                    problems: headLogProblems(logged, records)))
        }
        if !anchors.isEmpty {
            report.checks.append(
                VerifyReport.Check(
                    name: "the ledger begins with the anchored records",
                    problems: anchors.compactMap { Ledger.anchorProblem($0, records, what: "the anchor \($0.short)") }))
        }
        report.entries = pass.entries
        report.firstBadEntry = pass.firstBad
        report.checks.append(VerifyReport.Check(name: "hash chain unbroken", problems: pass.chainProblems))
        report.checks.append(VerifyReport.Check(name: "every entry sums to zero", problems: pass.balanceProblems))
        report.checks.append(VerifyReport.Check(name: "reversals mirror the entries they reverse", problems: pass.reversalProblems))
        report.checks.append(
            VerifyReport.Check(name: "every posting is to a known account of its entry's proposal", problems: pass.postingProblems))
        report.checks.append(
            VerifyReport.Check(
                name: "every amount is within the \(Pence.limit.formatted()) mtfs accepts", problems: pass.amountProblems + (try amountProblems())))
        report.checks.append(
            VerifyReport.Check(
                name: "all postings sum to zero",
                problems: pass.total == 0 ? [] : ["the postings sum to \(Pence(pass.total)), not £0.00"]))
        // The kept positions are compared on another connection and thread while this one makes
        // the checks that need only the pass (when that connection sees the same entries).
        let positions = SideRead(path: db.path) { db in (try db.scalar(Ledger.lastEntrySQL), try Ledger.positionProblems(pass, on: db)) }
        report.checks.append(
            VerifyReport.Check(
                name: "balances read through the index match the postings",
                problems: try indexedBalances(pass, indexed.result(tip: tip))))
        report.checks.append(VerifyReport.Check(name: "no account holds a balance of the wrong sign", problems: wrongSigns(pass)))
        report.checks.append(
            VerifyReport.Check(
                name: "no proposal-year is negative in any state as at the end of any month", problems: try historyProblems(pass)))
        let identities = proposalIdentity(pass)
        let years = yearIdentity(pass)
        report.checks.append(
            VerifyReport.Check(
                name: "the positions kept for reports match the postings",
                problems: try positions.result(ifSaw: tip) ?? Ledger.positionProblems(pass, on: db)))
        report.checks.append(VerifyReport.Check(name: "each proposal: approved = planned + delivered + unachievable", problems: identities))
        report.checks.append(VerifyReport.Check(name: "each year: requirement = approved; states differ by net slips", problems: years))
    }

    /// What is wrong with the head log beside the ledger (`logged`, nil when there is none) for the
    /// chain as checked: a committed head that is not in the chain (rolled back or rewritten); a
    /// current head that mtfs never logged (records appended outside mtfs, however well hashed); or
    /// no log at all for a ledger with records (mtfs logs every write, so it was deleted, or the
    /// file was copied without it: `--no-head-log` for a copy moved on purpose).
    func headLogProblems(_ logged: [HeadLog.Line]?, _ records: RecordCheck) -> [String] {
        let path = headLog ?? HeadLog.path(for: db.path)
        guard let logged else {
            if records.head.count == 0 { return [] }
            return [
                "the ledger has \(records.head.count) records but no head log (\(path)): mtfs logs every write, so the log has been deleted, or the file was copied without it; keep the log with the ledger, or verify a copy moved on purpose with --no-head-log"
            ]
        }
        var problems: [String] = []
        for line in logged where problems.count < 20 {
            guard let head = line.head else {
                problems.append("line \(line.number) of \(path) is not a chain head")
                continue
            }
            if line.pending { continue }  // its write may have been rolled back
            if let p = Ledger.anchorProblem(head, records, what: "the head logged on line \(line.number) of \(path)") { problems.append(p) }
        }
        guard records.head.count > 0 else { return problems }
        func isLogged(_ lines: [HeadLog.Line]) -> Bool {
            lines.contains { $0.head.map { $0.count == records.head.count && records.head.hash.hasPrefix($0.hash) } ?? false }
        }
        // Every write logs its head before it commits, so a head any reader can see is already logged.
        if !isLogged(logged) {
            let last = logged.compactMap { $0.pending ? nil : $0.head?.count }.filter { $0 <= records.head.count }.max() ?? 0
            problems.append(
                "the ledger's current head \(records.head.short) was never logged by mtfs: "
                    + (last < records.head.count
                        ? "records \(last + 1)…\(records.head.count) were written outside mtfs (the log's last head within the chain is record \(last))"
                        : "the chain was rewritten outside mtfs"))
        }
        return problems
    }

    /// Stored amounts past ``Pence/limit`` outside the postings (which the pass checks): mtfs refuses
    /// them at the door, so reports never total anything that could overflow; one stored anyway was
    /// written outside mtfs.
    func amountProblems() throws -> [String] {
        let limit = Pence.limit.rawValue
        var problems: [String] = []
        for (table, column, key) in [
            ("forecasts", "forecast", "id"), ("return_lines", "delivered_to_date", "id"), ("return_lines", "forecast", "id"),
            ("baselines", "net_budget", "cost_centre || ' ' || year"),
        ] {
            try db.forEach(
                "SELECT \(key), \(column) FROM \(table) WHERE \(column) > ?1 OR \(column) < -?1 LIMIT 5", parameters: [limit]
            ) { row in
                problems.append(
                    "\(table) row \(row.value(0)): \(column) is \(Pence(row.int(1)).formatted()), more than the \(Pence.limit.formatted()) mtfs accepts: it was written outside mtfs")
            }
        }
        return problems
    }

    /// The portal's people against what they did: each sign-off made in the portal or through the
    /// API was made by an account that, as the chain stood just before it, was enabled and bound to
    /// that holder (a binding changed in the file for the moment of signing and put back is caught
    /// here, though every row then matches its hash); each live session and each token belongs to a
    /// recorded user, and each live session was begun by a sign-in in the chained log.
    func peopleProblems() throws -> [String] {
        var problems: [String] = []
        try db.forEach(
            """
            SELECT s.id, s.holder, s.signed_by, u.id, u.role, u.holder, u.disabled
            FROM sign_offs s
            JOIN records rs ON rs.tbl = 'sign_offs' AND rs.key1 = s.id AND rs.key2 = ''
            LEFT JOIN user_changes u ON u.id = (
                SELECT c.id FROM user_changes c JOIN records rc ON rc.tbl = 'user_changes' AND rc.key1 = c.id AND rc.key2 = ''
                WHERE c.login = s.signed_by AND rc.seq < rs.seq ORDER BY rc.seq DESC LIMIT 1)
            WHERE s.source IN ('the portal', 'the API')
            ORDER BY s.id
            """
        ) { row in
            guard problems.count < 20 else { return }
            let (id, holder, login) = (row.int(0), row.text(1), row.text(2))
            if row.type(3) == .null {
                problems.append("sign-off \(id) of \(holder)'s statement was made in the portal by \(login), who was not a user when it was signed")
            } else if row.text(4) != "holder" || row.optionalText(5) != holder {
                problems.append(
                    "sign-off \(id) of \(holder)'s statement was made in the portal by \(login), whose account was then "
                        + (row.text(4) == "holder" ? "bound to \(row.optionalText(5) ?? "no holder")" : "a \(row.text(4)) account, not a holder's")
                        + ": the account was changed outside mtfs when it signed")
            } else if row.int(6) != 0 {
                problems.append("sign-off \(id) of \(holder)'s statement was made in the portal by \(login), whose account was then disabled")
            }
        }
        try db.forEach(
            """
            SELECT s.login, s.id_hash FROM sessions s WHERE s.ended IS NULL ORDER BY s.created_at
            """
        ) { row in
            guard problems.count < 20, let session = try session(idHash: row.text(1)), !session.vouched else { return }
            let began = try db.scalar(
                "SELECT count(*) FROM auth_events WHERE session = ? AND event = 'login' AND login = ?", row.text(1), row.text(0))
            problems.append(
                began == 0
                    ? "a live session for \(row.text(0)) was not begun by a sign-in in the chained log: it was written outside mtfs (the portal refuses it)"
                    : "a session of \(row.text(0)) that the chained log ended is live again in the file: it was revived outside mtfs (the portal refuses it)")
        }
        try db.forEach(
            "SELECT t.id, t.login FROM tokens t WHERE NOT EXISTS (SELECT 1 FROM user_changes u WHERE u.login = t.login) ORDER BY t.id LIMIT 20"
        ) { row in problems.append("API token \(row.int(0)) belongs to \(row.text(1)), who is not a user") }
        return problems
    }

    /// What the side connections report having seen, to compare with this snapshot.
    static let recordCountSQL = "SELECT coalesce(max(seq), 0) FROM records"
    static let lastEntrySQL = "SELECT coalesce(max(id), 0) FROM entries"

    /// Why `head` is not in the chain as found, or nil when it is.
    static func anchorProblem(_ head: ChainHead, _ records: RecordCheck, what: String) -> String? {
        if head.count == 0 { return nil }
        guard head.count <= records.head.count, let hash = records.hashes[head.count] else {
            return "\(what) names record \(head.count) but the ledger has only \(records.head.count) records: its history has been cut short"
        }
        guard hash.hasPrefix(head.hash) else {
            return "\(what) does not match: record \(head.count) now hashes to \(hash.prefix(16)), not \(head.hash.prefix(16)); the history up to it has been rewritten"
        }
        return nil
    }

    /// The heads that sign-offs recorded.
    private func signedHeads() throws -> [(id: Int64, head: ChainHead)] {
        try db.query("SELECT id, head FROM sign_offs WHERE head IS NOT NULL ORDER BY id") { row in
            (row.int(0), (try? ChainHead(parsing: row.text(1))) ?? ChainHead(count: Int64.max, hash: "unreadable"))
        }
    }

    private func sqliteIntegrity() throws -> [String] {
        var problems = try db.query("PRAGMA integrity_check") { $0.text(0) }.filter { $0 != "ok" }
        problems += try db.query("PRAGMA foreign_key_check") {
            "table \($0.text(0)) row \($0.int(1)) refers to a missing \($0.text(2)) row"
        }
        return problems
    }

    /// The triggers that make the entries and postings append-only and balanced (verify compares every
    /// trigger with the migrations' text; the tests drop these to tamper as an attacker would).
    public static let requiredTriggers = [
        "entries_no_update", "entries_no_delete", "postings_no_update", "postings_no_delete", "accounts_no_update",
        "accounts_no_delete", "entries_balanced", "entries_chained", "postings_closed", "entries_position_lines",
    ]

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
    private func verifyPass() throws -> Pass {
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
            if let key = Ledger.accountKey(from: row, at: 1) {
                pass.accounts[row.int(0)] = key
                pass.history.add(account: row.int(0), key)
            }
        }
        try db.forEach("SELECT id, kind, year, proposal, cost_centre FROM accounts WHERE proposal IS NULL") { row in
            if let key = Ledger.accountKey(from: row, at: 1) { pass.accounts[row.int(0)] = key }
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
    private func indexedBalances(_ pass: Pass, _ early: [(account: Int64, balance: Int64)]?) throws -> [String] {
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
            return ((row.id(0), row.int(1), row.id(2)), Ledger.keptPosition(from: row, at: 3))
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
    private func historyProblems(_ pass: Pass) throws -> [String] {
        func describe(_ g: Int32, _ month: Int32, _ amount: Int64) -> String {
            let key = pass.history.keys[Int(g)]
            return describe(key.proposal, key.year, key.kind.rawValue, Int(month), amount)
        }
        func describe(_ proposal: ProposalRef, _ year: FinancialYear, _ kind: String, _ month: Int, _ amount: Int64) -> String {
            "\(proposal)'s \(kind) amount for \(year) is \(Pence(amount)) as at the end of \(Ledger.monthName(month))"
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
            if let p = try negativeHistory(proposal: key.proposal, year: key.year, fromCode: 0) {
                problems.append(describe(key.proposal, key.year, p.kind, p.period, p.amount))
            }
        }
        return Array(problems.prefix(20))
    }

    private func wrongSigns(_ pass: Pass) -> [String] {
        var problems: [String] = []
        for (account, balance) in pass.accounts.balances() where problems.count < 20 {
            guard let key = pass.accounts[account] else { continue }
            if !key.allows(Pence(balance)) { problems.append("account \(key) holds \(Pence(balance)), which is the wrong sign for it") }
        }
        return problems
    }

    private func proposalIdentity(_ pass: Pass) -> [String] {
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

    private func yearIdentity(_ pass: Pass) -> [String] {
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
}

/// Recomputes entries' hashes on other threads, a batch at a time, while the verify pass reads
/// on (at most a few batches wait, so memory stays bounded). The reading thread only copies each
/// entry's stored columns, byte for byte, and its postings into the batch's buffers; this thread
/// builds the hash input from them (in the field order of `EntryContent.hash`, never through a
/// String), hashes it and compares.
private final class HashChecker: @unchecked Sendable {
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
                let db = try Ledger.openForReading(path)
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
