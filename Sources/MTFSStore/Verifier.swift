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

extension Verifier {
    /// Checks the SPEC §3 invariants and the hash chain, reading the file as it is (not trusting the
    /// triggers). One pass over the entries and their postings checks the chain, each entry's balance,
    /// the reversals and every identity, so the check stays linear in the size of the ledger.
    /// `thorough` adds SQLite's own `integrity_check` (every index against its table) and
    /// `foreign_key_check`, which read the whole file and cost more than the rest together.
    /// `anchors`: heads kept outside the file (a printed statement, a committee report); the ledger
    /// must still begin with exactly those records.
    public func verify(thorough: Bool = false, anchors: [ChainHead] = [], headLog useHeadLog: Bool = true) throws -> VerifyReport {
        // How much of the head log was written before this snapshot began: a line after that may be
        // the head of a write another process committed since, which this snapshot cannot see.
        let settledBytes = useHeadLog ? HeadLog.size(ledger.headLog) : 0
        return try db.read {
            var report = VerifyReport()
            if thorough {
                report.checks.append(VerifyReport.Check(name: "SQLite integrity check", problems: try sqliteIntegrity()))
            }
            let schema = try ledger.chain.schemaProblems()
            report.checks.append(VerifyReport.Check(name: "tables, indexes and triggers are as mtfs made them", problems: schema))
            do {
                try verifyContents(&report, anchors: anchors, useHeadLog: useHeadLog, settledBytes: settledBytes)
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
    private func verifyContents(_ report: inout VerifyReport, anchors: [ChainHead], useHeadLog: Bool, settledBytes: Int) throws {
        let signed = try signedHeads()
        let logged = useHeadLog ? HeadLog.read(ledger.headLog) : nil
        let settled = logged?.last { $0.end <= settledBytes }?.number ?? 0
        let wanted = Set(signed.map(\.head.count) + anchors.map(\.count) + (logged ?? []).compactMap { $0.head?.count })
        // The record chain is checked on a second connection while this one makes the pass over
        // the entries: the two halves of the work on the two cores. Its result is used only if it
        // saw the same records as this snapshot; otherwise it is checked again here.
        let recordCount = try db.scalar(Verifier.recordCountSQL)
        let inBackground = SideRead(path: db.path) { db in
            (try db.scalar(Verifier.recordCountSQL), try RecordChecker(db: db).check(wanted: wanted))
        }
        // The balances through the index are read on a third connection while the pass runs.
        let tip = try db.scalar(Verifier.lastEntrySQL)
        let indexed = IndexedBalances(path: db.path)
        let pass = try verifyPass()
        let records = try inBackground.result(ifSaw: recordCount) ?? ledger.chain.checkRecords(wanted: wanted)
        report.head = records.head
        report.firstBadRecord = records.problems.compactMap(\.seq).min()
        report.checks.append(
            VerifyReport.Check(name: "every fact is in the record chain, unaltered", problems: records.problems.map(\.text)))
        report.checks.append(
            VerifyReport.Check(
                name: "every head recorded by a sign-off is in the chain",
                problems: signed.compactMap { s in
                    Verifier.anchorProblem(s.head, records, what: "the head recorded by sign-off \(s.id)")
                }))
        report.checks.append(
            VerifyReport.Check(
                name: "sign-offs in the portal were made by the holder's own account; live sessions began with a recorded sign-in",
                problems: try peopleProblems()))
        report.checks.append(
            VerifyReport.Check(
                name: "every budget holder named is in the holder register, and each name belongs to one holder",
                problems: try holderProblems()))
        report.headLog = useHeadLog ? logged?.count : nil
        report.headLogChecked = useHeadLog
        if useHeadLog {
            report.checks.append(
                VerifyReport.Check(
                    name: "the head log beside the ledger: its heads are in the chain, and it logged the current head",
                    problems: headLogProblems(logged, records, settled: settled)))
        }
        if !anchors.isEmpty {
            report.checks.append(
                VerifyReport.Check(
                    name: "the ledger begins with the anchored records",
                    problems: anchors.compactMap { Verifier.anchorProblem($0, records, what: "the anchor \($0.short)") }))
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
        let positions = SideRead(path: db.path) { db in (try db.scalar(Verifier.lastEntrySQL), try Verifier.positionProblems(pass, on: db)) }
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
                problems: try positions.result(ifSaw: tip) ?? Verifier.positionProblems(pass, on: db)))
        report.checks.append(VerifyReport.Check(name: "each proposal: approved = planned + delivered + unachievable", problems: identities))
        report.checks.append(VerifyReport.Check(name: "each year: requirement = approved; states differ by net slips", problems: years))
    }

    /// What is wrong with the head log beside the ledger (`logged`, nil when there is none) for the
    /// chain as checked: a committed head that is not in the chain (rolled back or rewritten); a
    /// current head that mtfs never logged (records appended outside mtfs, however well hashed); or
    /// no log at all for a ledger with records (mtfs logs every write, so it was deleted, or the
    /// file was copied without it: `--no-head-log` for a copy moved on purpose).
    /// `settled`: the lines the log held before the snapshot `records` was read from began. A head
    /// beyond the snapshot on a later line is a write committed since (the log is read again inside
    /// the snapshot, to see the current head logged), not history cut short.
    func headLogProblems(_ logged: [HeadLog.Line]?, _ records: RecordChain.RecordCheck, settled: Int = .max) -> [String] {
        let path = ledger.headLog ?? HeadLog.path(for: db.path)
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
            if line.number > settled && head.count > records.head.count { continue }  // committed after this snapshot began
            if let p = Verifier.anchorProblem(head, records, what: "the head logged on line \(line.number) of \(path)") { problems.append(p) }
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
        // Both names are read as the holder they name: a sign-off made before a rename, by an
        // account bound under the holder's earlier name, is theirs.
        let register = try ledger.holders.register()
        try db.forEach(
            """
            SELECT s.id, s.holder, s.signed_by, u.id AS user_change, u.role, u.holder AS user_holder, u.disabled
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
            let (id, holder, login) = (row.int("id"), register.current(row.id("holder")), row.text("signed_by"))
            // Whether the account could sign it, asked of the scope policy as signing asks it: a
            // holder's own statement (a role this build does not know could not).
            let role = row.text("role")
            let known = PortalUser.Role(rawValue: role)
            let user = PortalUser(login: login, name: login, role: known ?? .member, holder: row.optionalID("user_holder").map(register.current))
            let couldSign = known != nil && user.scope.may(.signOff) && user.scope.ownHolder == holder
            if row.isNull("user_change") {
                problems.append("sign-off \(id) of \(holder)'s statement was made in the portal by \(login), who was not a user when it was signed")
            } else if !couldSign {
                let article = role.first.map { "aeiouAEIOU".contains($0) } == true ? "an" : "a"
                let was = known?.tie == .holder ? "bound to \(user.holder ?? "no holder")" : "\(article) \(role) account, not a holder's"
                problems.append(
                    "sign-off \(id) of \(holder)'s statement was made in the portal by \(login), whose account was then \(was): the account or the sign-off was changed outside mtfs")
            } else if row.int("disabled") != 0 {
                problems.append("sign-off \(id) of \(holder)'s statement was made in the portal by \(login), whose account was then disabled")
            }
        }
        try db.forEach(
            """
            SELECT s.login, s.id_hash FROM sessions s WHERE s.ended IS NULL ORDER BY s.created_at
            """
        ) { row in
            guard problems.count < 20, let session = try ledger.people.session(idHash: row.text(1)), !session.vouched else { return }
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
    static func anchorProblem(_ head: ChainHead, _ records: RecordChain.RecordCheck, what: String) -> String? {
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

}
