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
    /// How many entries were checked.
    public var entries: Int = 0

    /// Whether every check passed.
    public var passed: Bool { checks.allSatisfy(\.passed) }
}

extension Ledger {
    /// Checks the SPEC §3 invariants and the hash chain, reading the file as it is (not trusting the triggers).
    public func verify() throws -> VerifyReport {
        try db.read {
            var report = VerifyReport()
            report.checks.append(VerifyReport.Check(name: "SQLite integrity check", problems: try sqliteIntegrity()))
            report.checks.append(VerifyReport.Check(name: "append-only triggers present", problems: try missingTriggers()))
            let chain = try verifyChain()
            report.entries = chain.entries
            report.firstBadEntry = chain.firstBad
            report.checks.append(VerifyReport.Check(name: "hash chain unbroken", problems: chain.chainProblems))
            report.checks.append(VerifyReport.Check(name: "every entry sums to zero", problems: chain.balanceProblems))
            report.checks.append(VerifyReport.Check(name: "reversals mirror the entries they reverse", problems: chain.reversalProblems))
            let total = try db.scalar("SELECT coalesce(sum(amount), 0) FROM postings")
            report.checks.append(
                VerifyReport.Check(
                    name: "all postings sum to zero", problems: total == 0 ? [] : ["the postings sum to \(Pence(total)), not £0.00"]))
            report.checks.append(VerifyReport.Check(name: "no account holds a balance of the wrong sign", problems: try wrongSigns()))
            report.checks.append(
                VerifyReport.Check(name: "each proposal: approved = planned + delivered + unachievable", problems: try proposalIdentity()))
            report.checks.append(
                VerifyReport.Check(name: "each year: requirement = approved; states differ by net slips", problems: try yearIdentity()))
            return report
        }
    }

    private func sqliteIntegrity() throws -> [String] {
        var problems = try db.query("PRAGMA integrity_check") { $0.text(0) }.filter { $0 != "ok" }
        problems += try db.query("PRAGMA foreign_key_check") {
            "table \($0.text(0)) row \($0.int(1)) refers to a missing \($0.text(2)) row"
        }
        return problems
    }

    /// The triggers that make the record append-only and balanced; their absence means anyone could have edited it.
    public static let requiredTriggers = [
        "entries_no_update", "entries_no_delete", "postings_no_update", "postings_no_delete", "accounts_no_update",
        "accounts_no_delete", "entries_balanced", "entries_chained", "postings_closed",
    ]

    private func missingTriggers() throws -> [String] {
        let present = Set(try db.query("SELECT name FROM sqlite_master WHERE type = 'trigger'") { $0.text(0) })
        return Ledger.requiredTriggers.filter { !present.contains($0) }.map {
            "trigger \($0) is missing: the ledger is no longer protected against edits"
        }
    }

    private struct ChainResult {
        var entries = 0
        var firstBad: Int64?
        var chainProblems: [String] = []
        var balanceProblems: [String] = []
        var reversalProblems: [String] = []
    }

    private func verifyChain() throws -> ChainResult {
        var result = ChainResult()
        var previousHash = EntryContent.genesisHash
        var expectedID: Int64 = 1
        // Reversals need their originals' postings; keep only those that are reversed.
        let reversed = Set(try db.query("SELECT reverses FROM entries WHERE reverses IS NOT NULL") { $0.int(0) })
        var originals: [Int64: [Posting]] = [:]
        var kinds: [Int64: EntryKind] = [:]
        try forEachEntry { entry in
            result.entries += 1
            func chainBreak(_ text: String) {
                if result.firstBad == nil { result.firstBad = entry.id }
                if result.chainProblems.count < 20 { result.chainProblems.append(text) }
            }
            if entry.id != expectedID {
                chainBreak(
                    entry.id > expectedID
                        ? "entries \(expectedID)…\(entry.id - 1) are missing before entry \(entry.id)"
                        : "entry \(entry.id) is out of order after entry \(expectedID - 1)")
            }
            expectedID = entry.id + 1
            if entry.prevHash != previousHash {
                chainBreak("entry \(entry.id) does not follow the entry before it (its previous-hash link is broken)")
            }
            let computed = entry.content.hash(previous: entry.prevHash)
            if computed != entry.hash {
                chainBreak("entry \(entry.id) has been altered: its content no longer matches its hash")
            }
            previousHash = entry.hash
            if entry.postings.isEmpty {
                result.balanceProblems.append("entry \(entry.id) has no postings")
            } else if !entry.content.isBalanced {
                let sum = entry.postings.reduce(Int64(0)) { $0 &+ $1.amount.rawValue }
                result.balanceProblems.append("entry \(entry.id) does not balance: its postings sum to \(Pence(sum))")
            }
            if reversed.contains(entry.id) {
                originals[entry.id] = entry.postings
                kinds[entry.id] = entry.kind
            }
            if entry.kind == .reverse, let target = entry.reverses {
                if let original = originals[target] {
                    let mirror = Set(original.map { Posting($0.account, -$0.amount) })
                    if mirror != Set(entry.postings) {
                        result.reversalProblems.append("entry \(entry.id) does not exactly mirror entry \(target), which it reverses")
                    }
                    if kinds[target] == .reverse {
                        result.reversalProblems.append("entry \(entry.id) reverses a reversal (entry \(target))")
                    }
                } else {
                    result.reversalProblems.append("entry \(entry.id) reverses entry \(target), which does not come before it")
                }
            }
        }
        return result
    }

    private func wrongSigns() throws -> [String] {
        try db.query(
            """
            SELECT a.kind, a.year, a.proposal, a.cost_centre, sum(p.amount) AS balance
            FROM accounts a JOIN postings p ON p.account = a.id
            GROUP BY a.id
            HAVING (a.kind = 'requirement' AND balance > 0) OR (a.kind <> 'requirement' AND balance < 0)
            LIMIT 20
            """
        ) { row in
            let key = AccountKey(
                kind: AccountKind(rawValue: row.text(0)) ?? .planned, year: FinancialYear(startYear: Int(row.int(1))),
                proposal: row.optionalText(2), costCentre: row.optionalText(3))
            return "account \(key) holds \(Pence(row.int(4))), which is the wrong sign for it"
        }
    }

    private func proposalIdentity() throws -> [String] {
        // Approved = minus the requirement legs of the proposal's entries.
        try db.query(
            """
            SELECT e.proposal,
                   -coalesce(sum(CASE WHEN a.kind = 'requirement' THEN p.amount END), 0) AS approved,
                   coalesce(sum(CASE WHEN a.kind <> 'requirement' THEN p.amount END), 0) AS held
            FROM entries e JOIN postings p ON p.entry = e.id JOIN accounts a ON a.id = p.account
            GROUP BY e.proposal HAVING approved <> held LIMIT 20
            """
        ) { row in
            "proposal \(row.text(0)): approved \(Pence(row.int(1))) but planned + delivered + unachievable is \(Pence(row.int(2)))"
        }
            + db.query(
                """
                SELECT e.id, e.proposal, a.proposal FROM entries e JOIN postings p ON p.entry = e.id JOIN accounts a ON a.id = p.account
                WHERE a.proposal IS NOT NULL AND a.proposal <> e.proposal LIMIT 20
                """
            ) { "entry \($0.int(0)) of proposal \($0.text(1)) posts to an account of proposal \($0.text(2))" }
    }

    private func yearIdentity() throws -> [String] {
        var approved: [Int: Int64] = [:]
        var requirement: [Int: Int64] = [:]
        var held: [Int: Int64] = [:]
        var slipped: [Int: Int64] = [:]  // net slipped in
        try db.forEach(
            """
            SELECT coalesce(o.kind, e.kind), a.kind, a.year, sum(p.amount)
            FROM postings p JOIN entries e ON e.id = p.entry LEFT JOIN entries o ON o.id = e.reverses
            JOIN accounts a ON a.id = p.account
            GROUP BY 1, 2, 3
            """
        ) { row in
            let movement = row.text(0)
            let kind = row.text(1)
            let year = Int(row.int(2))
            let amount = row.int(3)
            if kind == "requirement" {
                requirement[year, default: 0] -= amount
            } else {
                held[year, default: 0] += amount
                if movement == "approve" { approved[year, default: 0] += amount }
                if movement == "slip" { slipped[year, default: 0] += amount }
            }
        }
        var problems: [String] = []
        for year in Set(approved.keys).union(requirement.keys).union(held.keys).sorted() {
            let fy = FinancialYear(startYear: year)
            let a = approved[year] ?? 0
            let r = requirement[year] ?? 0
            let h = held[year] ?? 0
            let s = slipped[year] ?? 0
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
