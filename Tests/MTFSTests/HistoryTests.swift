import Foundation
import MTFSDomain
import PropertyBased
import Testing

@testable import MTFSEngine
@testable import MTFSStore
@testable import MTFSWeb
@testable import mtfs

/// Delivered to date by "REF|YEAR" from `balance --format csv`.
func deliveredByProposal(_ csv: String) -> [String: String] {
    var out: [String: String] = [:]
    for line in csv.split(whereSeparator: \.isNewline).dropFirst() {
        let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        if cells.count >= 6 { out[cells[1] + "|" + cells[2]] = cells[5] }
    }
    return out
}

/// A CLI with the sample borough loaded.
/// A holder and a CFO with a token, and a failed sign-in: a row in each of the people's tables.
func addPeople(_ path: String) throws {
    let ledger = try Ledger(path: path)
    let hash = try Credentials.hashPassword("correct horse battery")
    try ledger.people.addUser(PortalUser(login: "helen", name: "Helen Brandt", role: .holder, holder: "Helen Brandt"), passwordHash: hash, by: "test", at: 1, recordedAt: "x")
    try ledger.people.addUser(PortalUser(login: "cfo", name: "The CFO", role: .cfo), passwordHash: hash, by: "test", at: 2, recordedAt: "x")
    try ledger.people.addToken(login: "cfo", tokenHash: Credentials.digest("mtfs_token"), by: "test", at: 3, recordedAt: "x")
    try ledger.people.recordAuthEvent("login failed", login: "helen", address: "127.0.0.1", at: 4, actor: "helen", detail: "wrong password")
}

func boroughCLI() throws -> CLI {
    let cli = CLI()
    let r = try cli.run(["load", samplePack])
    #expect(r.status == 0, "\(r.err)")
    return cli
}

/// Every period's delivered figures, P1 to `last`, as `balance --as-of` prints them.
func historyByPeriod(_ cli: CLI, through last: Int = 8) throws -> [Int: [String: String]] {
    var out: [Int: [String: String]] = [:]
    for n in 1...last { out[n] = deliveredByProposal(try cli.run(["balance", "--format", "csv", "--as-of", "2023/24 P\(n)"]).out) }
    return out
}

@Suite("Trustworthy history (SPEC §3.1–3.3)", .serialized)
struct HistoryTests {
    // MARK: - 1. Returns speak for their own period

    @Test("re-importing an earlier return changes nothing, whatever was imported since; a corrected one leaves later returns standing")
    func returnsByPeriod() throws {
        let cli = try boroughCLI()
        let before = try historyByPeriod(cli)
        // The reported bug: May again after October erased £2.9m of later delivery.
        let may = try cli.run(["import-return", samplePack + "/returns/2023-05.csv"])
        #expect(may.status == 0 && may.out.contains("Nothing changed"), "\(may.out)\(may.err)")
        #expect(try historyByPeriod(cli) == before)

        // November delivers £10,000 more on PEO-01; October re-imported unchanged keeps it.
        let october = try String(contentsOfFile: samplePack + "/returns/2023-10.csv", encoding: .utf8)
        let november = october.replacingOccurrences(of: "PEO-01,2023/24,\"233,300.00\"", with: "PEO-01,2023/24,\"243,300.00\"")
        #expect(november != october)
        try november.write(toFile: cli.dir.path("2023-11.csv"), atomically: true, encoding: .utf8)
        #expect(try cli.run(["import-return", cli.dir.path("2023-11.csv")]).status == 0)
        #expect(try cli.run(["import-return", samplePack + "/returns/2023-10.csv"]).out.contains("Nothing changed"))
        let after = try historyByPeriod(cli)
        #expect(after[8]?["PEO-01|2023/24"] == "243300.00")
        #expect(after[7]?["PEO-01|2023/24"] == "233300.00")

        // A corrected September (PEO-01 £5,000 lower) changes September only: October and November stand.
        let september = try String(contentsOfFile: samplePack + "/returns/2023-09.csv", encoding: .utf8)
        let line = try #require(september.split(whereSeparator: \.isNewline).first { $0.hasPrefix("PEO-01,") })
        let figure = try #require(line.split(separator: "\"").dropFirst().first.map(String.init))
        let corrected = try Pence(parsing: figure) - Pence.pounds(5_000)
        try september.replacingOccurrences(of: "PEO-01,2023/24,\"\(figure)\"", with: "PEO-01,2023/24,\"\(corrected.plain)\"")
            .write(toFile: cli.dir.path("2023-09.csv"), atomically: true, encoding: .utf8)
        let fix = try cli.run(["import-return", cli.dir.path("2023-09.csv")])
        #expect(fix.status == 0 && fix.out.contains("1 reduction"), "\(fix.out)\(fix.err)")
        let fixed = try historyByPeriod(cli)
        #expect(fixed[6]?["PEO-01|2023/24"] == corrected.plain)
        #expect(fixed[7] == after[7] && fixed[8] == after[8])
        #expect(fixed[5] == after[5])
        #expect(try cli.run(["verify"]).status == 0)
    }

    /// One random import: a period (1…8) and a delivered-to-date in £5,000 steps, or a re-import of
    /// a period already imported, as it was last imported.
    typealias Import = (period: Int, steps: Int, again: Bool)

    @Test("a delivery logged by hand in a month that has a return says that re-importing the return would set it back")
    func handDeliveryInAReturnedMonth() throws {
        let cli = CLI()
        #expect(try cli.run(["load", samplePack]).status == 0)
        let october = try cli.run(["deliver", "PEO-06", "10,000", "--period", "2023-10", "--reason", "late invoice"])
        #expect(october.status == 0 && october.out.contains("The return for that month now disagrees: 2023/24 P7 stated £120,000.00, the ledger now says £130,000.00"), "\(october.out)")
        #expect(october.out.contains("Importing that return again would set the figure back"))
        let november = try cli.run(["deliver", "PEO-06", "10,000", "--period", "2023-11", "--reason", "no return yet"])
        #expect(november.status == 0 && !november.out.contains("Note:"))
        let again = try cli.run(["import-return", samplePack + "/returns/2023-10.csv"])
        #expect(again.out.contains("1 reduction posted (net -£10,000.00)"), "\(again.out)")
    }

    @Test("any order of imports, re-imports and corrected returns gives every period the figure its latest return states")
    func anyOrderOfImports() async throws {
        let gen = zip(Gen.int(in: 1...8), Gen.int(in: 0...90), Gen.bool).map { Import($0.0, $0.1, $0.2) }.array(of: 1...14)
        await propertyCheck(count: 30, input: gen) { imports in
            let dir = TempDir()
            let ledger = try sampleLedger(dir)
            let loader = PackLoader(ledger: ledger, actor: "tester", recordedAt: "2023-11-20T10:00:00Z")
            var latest: [Int: Pence] = [:]
            for (n, op) in imports.enumerated() {
                let value = op.again ? (latest[op.period] ?? Pence.pounds(Int64(op.steps) * 5_000)) : Pence.pounds(Int64(op.steps) * 5_000)
                let period = Period(year: fy(2023), number: op.period)
                let row = ParsedReturn.Row(
                    ref: "P-1", year: fy(2023), deliveredToDate: value, forecast: nil, rag: nil, comment: "",
                    at: SourceLocation(file: "r\(n).csv", line: 2))
                let summary = try loader.importReturn(ParsedReturn(file: "r\(n).csv", period: period, rows: [row]))
                if latest[op.period] == value { #expect(summary.deliveries + summary.reductions == 0, "a re-import posted") }
                latest[op.period] = value
                for (p, figure) in latest {
                    let asAt = try ledger.books.balance(of: "P-1", .delivered, fy(2023), asAt: Period(year: fy(2023), number: p))
                    #expect(asAt == figure, "after \(n + 1) imports, P\(p) shows \(asAt), its latest return \(figure)")
                }
                // Periods between returns show the last return before them; before the first, nothing.
                for p in 1...12 {
                    let expected = latest.filter { $0.key <= p }.max { $0.key < $1.key }?.value ?? .zero
                    let asAt = try ledger.books.balance(of: "P-1", .delivered, fy(2023), asAt: Period(year: fy(2023), number: p))
                    #expect(asAt == expected, "P\(p) shows \(asAt), expected \(expected)")
                }
            }
            #expect(try ledger.verifier.verify().passed)
        }
    }

    // MARK: - 2. No negative history

    @Test("a backdated reduction or reversal that would make any earlier period negative is refused, and nothing is written")
    func noNegativeHistory() throws {
        let cli = try boroughCLI()
        let journal = try cli.run(["journal", "--format", "csv"]).out
        let reduce = try cli.run(["deliver", "PEO-04", "(100,000)", "--period", "2023-04"])
        #expect(reduce.status == 2)
        #expect(reduce.err.contains("PEO-04") && reduce.err.contains("as at the end of 2023/24 P1"), "\(reduce.err)")
        // A P7 delivery reversed as of April.
        let p7 = try #require(
            try cli.run(["journal", "--format", "csv", "--kind", "deliver", "--period", "2023-10", "--proposal", "PEO-04"]).out
                .split(whereSeparator: \.isNewline).dropFirst()
                .first?.split(separator: ",").first.map(String.init))
        let reverse = try cli.run(["reverse", p7, "--period", "2023-04", "--reason", "backdated"])
        #expect(reverse.status == 2, "\(reverse.out)")
        #expect(try cli.run(["journal", "--format", "csv"]).out == journal)
        for n in 1...7 {
            let rows = deliveredByProposal(try cli.run(["balance", "--format", "csv", "--as-of", "2023/24 P\(n)"]).out)
            #expect(rows.values.allSatisfy { !$0.hasPrefix("-") }, "P\(n) has a negative delivered figure")
        }
        // The same reversal dated now is fine.
        #expect(try cli.run(["reverse", p7, "--period", "2023-10", "--reason", "keyed twice"]).status == 0)
        #expect(try cli.run(["verify"]).status == 0)
    }

    @Test("verify finds a month with a negative amount, in month order and when entries were backdated")
    func verifyHistory() throws {
        // The streaming check: a state negative at the end of one month, positive later.
        var tally = Verifier.HistoryTally()
        let key = AccountKey.proposal("P-1", .delivered, fy(2023), "A1")
        tally.add(account: 7, key)
        tally.post(-500, to: 7, in: 202301)
        tally.post(700, to: 7, in: 202302)
        #expect(tally.negative.map(\.month) == [202301] && tally.backdated.isEmpty)
        tally.post(100, to: 7, in: 202301)
        #expect(tally.backdated.count == 1)

        // A reduction moved back before the delivery it reduces (its period edited, triggers aside).
        let dir = TempDir()
        let ledger = try sampleLedger(dir)
        try ledger.books.record(.deliver(year: fy(2023), amount: pounds(100_000)), on: "P-1", effective: date("2023-06-30"), reason: "", by: testWho)
        let reduce = try ledger.books.record(
            .reduce(year: fy(2023), amount: pounds(100_000)), on: "P-1", effective: date("2023-10-31"), reason: "", by: testWho)
        #expect(try ledger.verifier.verify().passed)
        try HistoryTests.tamper(dir.path("l.sqlite"), "UPDATE entries SET period = 202301 WHERE id = \(reduce)")
        let report = try Ledger(path: dir.path("l.sqlite"), readOnly: true).verifier.verify()
        let check = try #require(report.checks.first { $0.name.contains("as at the end of any month") })
        #expect(check.problems.first?.contains("P-1's delivered amount for 2023/24 is -£100,000.00 as at the end of 2023/24 P1") == true, "\(check.problems)")
    }

    @Test("entries are dated inside the MTFS years and a reversal never before what it reverses; an entry's period is its date's")
    func datesAndPeriods() throws {
        let cli = try boroughCLI()
        let journal = try cli.run(["journal", "--format", "csv"]).out
        let p7 = try #require(
            try cli.run(["journal", "--format", "csv", "--kind", "deliver", "--period", "2023-10", "--proposal", "PEO-01"]).out
                .split(whereSeparator: \.isNewline).dropFirst().first?.split(separator: ",").first.map(String.init))
        for arguments in [
            ["reverse", p7, "--period", "2030-01", "--reason", "x"],
            ["reverse", p7, "--period", "2023-09", "--reason", "x"],
            ["slip", "PEO-01", "1", "--from", "2023/24", "--to", "2024/25", "--period", "2026-04", "--reason", "x"],
            ["unachievable", "PEO-01", "1", "--year", "2023/24", "--period", "2026-04", "--reason", "x"],
        ] {
            let r = try cli.run(arguments)
            #expect(r.status == 2, "\(arguments): \(r.out)")
        }
        try String(contentsOfFile: samplePack + "/returns/2023-10.csv", encoding: .utf8).write(
            toFile: cli.dir.path("2030-01.csv"), atomically: true, encoding: .utf8)
        let late = try cli.run(["import-return", cli.dir.path("2030-01.csv")])
        #expect(late.status == 2 && late.err.contains("2030-01.csv") && late.err.contains("outside the ledger's MTFS years"), "\(late.err)")
        #expect(try cli.run(["journal", "--format", "csv"]).out == journal)

        // An entry's stored period moved away from its date, and the record chain re-made to match:
        // verify still finds it, by the date.
        let copy = cli.dir.path("period.sqlite")
        try FileManager.default.copyItem(atPath: cli.ledger, toPath: copy)
        try HistoryTests.tamper(copy, "UPDATE entries SET period = 202304 WHERE id = \(p7); DELETE FROM records")
        let ledger = try Ledger(path: copy)
        try ledger.transaction { try ledger.chain.chainExistingRecords(FactTable.allCases) }
        let r = try cli.run(["verify", "--ledger", copy])
        #expect(r.status == 4 && r.out.contains("entry \(p7) is stored in period 202304 but is dated 2023-10-31"), "\(r.out)")
    }

    // MARK: - 3. Every fact in the chain: the tamper suite

    /// For each fact table: a change to one stored column, a delete, an insert.
    static let tamperings: [(table: String, edit: String, insert: String)] = [
        ("setting_changes", "UPDATE setting_changes SET value = '2022' WHERE key = 'first_year'",
         "INSERT INTO setting_changes(key, value, recorded_at, actor, source) VALUES ('behind-profile-percent', '90%', 'x', 'x', 'x')"),
        ("cost_centres", "UPDATE cost_centres SET name = 'Renamed' WHERE code = (SELECT max(code) FROM cost_centres)",
         "INSERT INTO cost_centres(code, name, recorded_at, actor, source) VALUES ('ZZ-NEW', 'New', 'x', 'x', 'x')"),
        ("assignments", "UPDATE assignments SET budget_holder = 'Someone Else' WHERE id = (SELECT max(id) FROM assignments)",
         "INSERT INTO assignments(cost_centre, effective, service, directorate, budget_holder, model, reason, recorded_at, actor, source) SELECT cost_centre, '2024-01-01', service, directorate, 'Mallory', model, 'x', 'x', 'x', 'x' FROM assignments WHERE id = 1"),
        ("baselines", "UPDATE baselines SET net_budget = net_budget * 10 WHERE rowid = (SELECT max(rowid) FROM baselines)",
         "INSERT INTO baselines(cost_centre, year, net_budget, recorded_at, actor, source) SELECT cost_centre, year + 10, 1, 'x', 'x', 'x' FROM baselines LIMIT 1"),
        ("proposals", "UPDATE proposals SET owner = 'Someone Else' WHERE ref = (SELECT max(ref) FROM proposals)",
         "INSERT INTO proposals(ref, title, directorate, owner, category, recurrence, recorded_at, actor, source) VALUES ('ZZ-99', 't', 'People', 'o', 'c', 'ongoing', 'x', 'x', 'x')"),
        ("proposal_cost_centres", "UPDATE proposal_cost_centres SET basis_points = 5000 WHERE rowid = (SELECT max(rowid) FROM proposal_cost_centres)",
         "INSERT INTO proposal_cost_centres(ref, position, cost_centre, basis_points) SELECT ref, position + 100, (SELECT max(code) FROM cost_centres), NULL FROM proposal_cost_centres LIMIT 1"),
        ("entries", "UPDATE entries SET period = period - 1 WHERE id = (SELECT max(id) FROM entries)",
         "INSERT INTO entries(id, kind, proposal, year, effective, period, recorded_at, actor, reason, source, prev_hash, hash) SELECT (SELECT max(id) FROM entries) + 1, kind, proposal, year, effective, period, recorded_at, actor, reason, source, hash, 'f' || hash FROM entries WHERE id = (SELECT max(id) FROM entries WHERE kind IN ('deliver', 'reduce'))"),
        ("forecasts", "UPDATE forecasts SET rag = CASE rag WHEN 'R' THEN 'G' ELSE 'R' END WHERE id = (SELECT max(id) FROM forecasts)",
         "INSERT INTO forecasts(proposal, year, period, forecast, rag, comment, recorded_at, actor, source) SELECT proposal, year, period, forecast * 2, 'B', 'x', 'x', 'x', 'x' FROM forecasts LIMIT 1"),
        ("return_lines", "UPDATE return_lines SET delivered_to_date = delivered_to_date + 100 WHERE id = (SELECT max(id) FROM return_lines)",
         "INSERT INTO return_lines(proposal, year, period, delivered_to_date, comment, recorded_at, actor, source) SELECT proposal, year, period, 1, 'x', 'x', 'x', 'x' FROM return_lines LIMIT 1"),
        ("sign_offs", "UPDATE sign_offs SET signed_by = 'Mallory' WHERE id = (SELECT max(id) FROM sign_offs)",
         "INSERT INTO sign_offs(holder, period, signed_by, signed_at, comment, source) VALUES ('Helen Brandt', 202306, 'Mallory', 'x', 'x', 'x')"),
        // The portal's people (schema 7): a holder promoted, an admin inserted, a token given, the log rewritten.
        ("user_changes", "UPDATE user_changes SET role = 'admin', holder = NULL WHERE id = (SELECT max(id) FROM user_changes)",
         "INSERT INTO user_changes(login, name, role, holder, directorate, password_hash, disabled, change, recorded_at, actor) VALUES ('mallory', 'Mallory', 'admin', NULL, NULL, 'x', 0, 'added', 'x', 'x')"),
        ("tokens", "UPDATE tokens SET login = 'helen' WHERE id = (SELECT max(id) FROM tokens)",
         "INSERT INTO tokens(login, token_hash, created_at, actor) VALUES ('helen', 'f00d', 'x', 'x')"),
        ("auth_events", "UPDATE auth_events SET event = 'login', detail = '' WHERE id = (SELECT max(id) FROM auth_events)",
         "INSERT INTO auth_events(at, event, login, address, detail, actor) VALUES (0, 'login', 'helen', '127.0.0.1', '', 'helen')"),
    ]

    /// Runs SQL on a copy of the ledger with every trigger set aside and put back exactly as it was,
    /// as an attacker with the file would.
    static func tamper(_ path: String, _ sql: String) throws {
        let db = try Database(path: path, create: false)
        let triggers = try db.query("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'") { ($0.text(0), $0.text(1)) }
        for (name, _) in triggers { try db.execute("DROP TRIGGER \(name)") }
        try db.execute(sql)
        for (_, sql) in triggers { try db.execute(sql) }
    }

    @Test("an edit, a delete and an insert in every fact table are each caught by verify, exit 4, the first bad record named")
    func tamperSuite() throws {
        let cli = try boroughCLI()
        #expect(try cli.run(["sign-off", "--holder", "Helen Brandt", "--period", "2023-10", "--as", "Helen Brandt"]).status == 0)
        #expect(try cli.run(["settings", "behind-profile-percent", "15%"]).status == 0)
        try addPeople(cli.ledger)
        #expect(try cli.run(["verify"]).status == 0)
        var caught = 0
        var tried = 0
        for t in HistoryTests.tamperings {
            let cases = [
                ("edit", t.edit),
                ("delete", "DELETE FROM \(t.table) WHERE rowid = (SELECT max(rowid) FROM \(t.table))"),
                ("insert", t.insert),
            ]
            for (what, sql) in cases {
                tried += 1
                let copy = cli.dir.path("\(t.table)-\(what).sqlite")
                try? FileManager.default.removeItem(atPath: copy)
                try FileManager.default.copyItem(atPath: cli.ledger, toPath: copy)
                try HistoryTests.tamper(copy, sql)
                // The chain alone must catch it: the copy's missing head log is set aside.
                let r = try cli.run(["verify", "--ledger", copy, "--no-head-log"])
                #expect(r.status == 4, "\(what) of \(t.table) was not caught:\n\(r.out)")
                if what == "insert" {
                    #expect(r.err.contains("not in the record chain") || r.err.contains("first bad"), "\(what) \(t.table): \(r.err)")
                } else {
                    #expect(r.err.contains("the first bad record is"), "\(what) \(t.table): \(r.err)")
                }
                if what == "edit" {
                    #expect((r.out + r.err).contains("has been altered: its row of \(t.table) ("), "edit \(t.table): \(r.out)")
                }
                if r.status == 4 { caught += 1 }
            }
        }
        #expect(caught == tried)
        print("tamper suite: \(caught) of \(tried) caught")
    }

    @Test("a guard trigger replaced by one that does nothing, under the same name, is caught")
    func noOpTrigger() throws {
        let cli = try boroughCLI()
        for trigger in ["entries_no_update", "records_chained", "forecasts_no_delete", "entries_balanced"] {
            let copy = cli.dir.path("\(trigger).sqlite")
            try FileManager.default.copyItem(atPath: cli.ledger, toPath: copy)
            let db = try Database(path: copy, create: false)
            let table = try #require(try db.first("SELECT tbl_name FROM sqlite_master WHERE name = ?", trigger) { $0.text(0) })
            try db.execute("DROP TRIGGER \(trigger); CREATE TRIGGER \(trigger) BEFORE UPDATE ON \(table) BEGIN SELECT 1; END;")
            let r = try cli.run(["verify", "--ledger", copy])
            #expect(r.status == 4 && r.out.contains("trigger \(trigger) is not as mtfs created it"), "\(r.out)")
        }
        // A trigger hidden under SQLite's own prefix is an object like any other.
        let hidden = cli.dir.path("hidden.sqlite")
        try FileManager.default.copyItem(atPath: cli.ledger, toPath: hidden)
        let db = try Database(path: hidden, create: false)
        try db.execute(
            """
            PRAGMA writable_schema = ON;
            INSERT INTO sqlite_master(type, name, tbl_name, rootpage, sql) VALUES ('trigger', 'sqlite_hidden', 'forecasts', 0,
              'CREATE TRIGGER sqlite_hidden BEFORE INSERT ON forecasts WHEN NEW.rag = ''R'' BEGIN SELECT RAISE(IGNORE); END');
            PRAGMA writable_schema = OFF;
            """)
        let r = try cli.run(["verify", "--ledger", hidden])
        #expect(r.status == 4 && r.out.contains("trigger sqlite_hidden is not part of an mtfs ledger"), "\(r.out)")
    }

    // MARK: - 4. Anchors and the head log

    @Test("a truncated copy and a forked copy are caught by verify --anchor, and by the head log beside the ledger")
    func anchors() throws {
        let cli = try boroughCLI()
        // The last two records: two settings (so cutting them off leaves a consistent, shorter ledger).
        #expect(try cli.run(["settings", "behind-profile-percent", "15%"]).status == 0)
        #expect(try cli.run(["settings", "behind-profile-percent", "20%"]).status == 0)
        let first = try cli.run(["verify"])
        let head = try #require(first.out.split(separator: "\n").first { $0.hasPrefix("Head: ") }.map { String($0.dropFirst(6)) })
        let anchor = try ChainHead(parsing: head)
        #expect(try cli.run(["verify", "--anchor", anchor.short]).status == 0)

        // Truncated: the last two records and their rows removed, as if the settings had never been made.
        let cut = cli.dir.path("cut.sqlite")
        try FileManager.default.copyItem(atPath: cli.ledger, toPath: cut)
        try HistoryTests.tamper(
            cut,
            """
            DELETE FROM setting_changes WHERE id IN (SELECT key1 FROM records WHERE tbl = 'setting_changes' AND seq > (SELECT max(seq) - 2 FROM records));
            DELETE FROM records WHERE seq > (SELECT max(seq) - 2 FROM records);
            """)
        // Without the anchor or the log, a consistent truncation cannot be seen in the file alone;
        // the copy has no log, which verify refuses unless told the copy was moved on purpose.
        let unlogged = try cli.run(["verify", "--ledger", cut])
        #expect(unlogged.status == 4 && unlogged.out.contains("no head log"), "\(unlogged.out)")
        let moved = try cli.run(["verify", "--ledger", cut, "--no-head-log"])
        #expect(moved.status == 0 && moved.out.contains("not checked (--no-head-log)"), "\(moved.out)")
        let truncated = try cli.run(["verify", "--ledger", cut, "--anchor", anchor.short, "--no-head-log"])
        #expect(truncated.status == 4 && truncated.out.contains("cut short"), "\(truncated.out)")
        // The head log kept beside the original catches it too.
        try FileManager.default.copyItem(atPath: HeadLog.path(for: cli.ledger), toPath: HeadLog.path(for: cut))
        let logged = try cli.run(["verify", "--ledger", cut])
        #expect(logged.status == 4 && logged.out.contains("head logged on line"), "\(logged.out)")

        // Forked: two copies of the same ledger, each given a different next record.
        let a = cli.dir.path("a.sqlite")
        let b = cli.dir.path("b.sqlite")
        for copy in [a, b] {
            try FileManager.default.copyItem(atPath: cli.ledger, toPath: copy)
            try FileManager.default.copyItem(atPath: HeadLog.path(for: cli.ledger), toPath: HeadLog.path(for: copy))
        }
        #expect(try cli.run(["deliver", "PEO-01", "1,000", "--period", "2023-10", "--ledger", a]).status == 0)
        #expect(try cli.run(["deliver", "PEO-01", "2,000", "--period", "2023-10", "--ledger", b]).status == 0)
        let headA = try #require(
            try cli.run(["verify", "--ledger", a]).out.split(separator: "\n").first { $0.hasPrefix("Head: ") }.map { String($0.dropFirst(6)) })
        #expect(try cli.run(["verify", "--ledger", b]).status == 0)
        let fork = try cli.run(["verify", "--ledger", b, "--anchor", headA])
        #expect(fork.status == 4 && fork.out.contains("rewritten"), "\(fork.out)")
        // The anchor from before the fork holds on both.
        #expect(try cli.run(["verify", "--ledger", b, "--anchor", anchor.short]).status == 0)
        // An anchor that is not a head is a usage error, not a pass.
        #expect(try cli.run(["verify", "--anchor", "12:abc"]).status == 1)
    }

    @Test("a consistent append made outside mtfs, hashed exactly as mtfs hashes, is caught by the head log; so is a lost log")
    func headLogCatchesOutsideAppends() throws {
        let cli = try boroughCLI()
        let before = try cli.run(["verify"])
        #expect(before.status == 0, "\(before.out)")
        let anchor = try #require(before.out.split(separator: "\n").first { $0.hasPrefix("Head: ") }.map { String($0.dropFirst(6)) })
        // A sign-off written by code that chains records exactly as mtfs does, but does not log the head:
        // what plain SQL with the right hashes would leave.
        let ledger = try Ledger(path: cli.ledger)
        ledger.headLog = nil
        try ledger.signOffs.record(
            holder: "Helen Brandt", period: Period(code: 202310)!, comment: "", figures: "forged", head: try ledger.head(),
            by: Provenance(actor: "helen", recordedAt: "2023-12-04T09:00:00Z", source: "command line"))
        let appended = try cli.run(["verify"])
        #expect(appended.status == 4 && appended.out.contains("was never logged by mtfs"), "\(appended.out)")
        #expect(appended.out.contains("were written outside mtfs"), "\(appended.out)")
        // The anchor still holds (the append is after it), so it is the log that catches this.
        #expect(try cli.run(["verify", "--anchor", anchor]).status == 4)
        #expect(try cli.run(["verify", "--anchor", anchor, "--no-head-log"]).status == 0)
        // And no ordinary write can bury it under a head of its own: mtfs refuses to add to that chain.
        let records = { try Ledger(path: cli.ledger, readOnly: true).db.scalar("SELECT count(*) FROM records") }
        let recordsBefore = try records()
        let buried = try cli.run(["deliver", "PEO-01", "1,000", "--period", "2023-10"])
        #expect(buried.status == 4 && buried.err.contains("was never logged by mtfs"), "\(buried.err)")
        #expect(try records() == recordsBefore)
        #expect(try cli.run(["verify"]).status == 4)

        // The log deleted: a ledger with records and no log fails, unless the copy was moved on purpose.
        let fresh = try boroughCLI()
        try FileManager.default.removeItem(atPath: HeadLog.path(for: fresh.ledger))
        let lost = try fresh.run(["verify"])
        #expect(lost.status == 4 && lost.out.contains("no head log"), "\(lost.out)")
        let moved = try fresh.run(["verify", "--no-head-log"])
        #expect(moved.status == 0 && moved.out.contains("was not checked (--no-head-log)"), "\(moved.out)")
        // Nor is it forgotten at the next write: a ledger with records and no log takes none...
        let refused = try fresh.run(["deliver", "PEO-01", "1,000", "--period", "2023-10"])
        #expect(refused.status == 4 && refused.err.contains("head log, is missing"), "\(refused.err)")
        // ...until a new log is started on purpose, from a verified head.
        #expect(try fresh.run(["verify", "--start-head-log"]).status == 1)
        let started = try fresh.run(["verify", "--no-head-log", "--start-head-log"])
        #expect(started.status == 0 && started.out.contains("Started a new head log"), "\(started.out)")
        #expect(try fresh.run(["verify", "--no-head-log", "--start-head-log"]).status == 2)
        #expect(try fresh.run(["deliver", "PEO-01", "1,000", "--period", "2023-10"]).status == 0)
        #expect(try fresh.run(["verify"]).status == 0)
        // A write through mtfs logs its head before it commits: the new head is logged, and verify passes.
        let logged = try boroughCLI()
        #expect(try logged.run(["deliver", "PEO-01", "1,000", "--period", "2023-10"]).status == 0)
        let lines = try String(contentsOfFile: HeadLog.path(for: logged.ledger), encoding: .utf8).split(separator: "\n")
        #expect(lines.suffix(2).first?.hasSuffix(" pending") == true && lines.last?.hasSuffix(" pending") == false, "\(lines)")
        #expect(try logged.run(["verify"]).status == 0)
    }

    // MARK: - 5. Sign-offs

    @Test("a sign-off refuses unknown holders and periods, records who signed for whom, and a later change shows on the statement")
    func signOffs() throws {
        let cli = try boroughCLI()
        let journal = try cli.run(["journal", "--format", "csv"]).out
        for (arguments, words) in [
            (["--holder", "Helen Brant", "--period", "2023-10"], "Helen Brant holds no cost centre"),
            (["--holder", "Helen Brandt", "--period", "2030-04"], "outside the ledger's MTFS years"),
            (["--holder", "Helen Brandt", "--period", "2023-11"], "nothing has been recorded for 2023/24 P8"),
        ] {
            let r = try cli.run(["sign-off"] + arguments)
            #expect(r.status == 2 && r.err.contains(words), "\(r.err)")
        }
        #expect(try cli.run(["statement", "--holder", "Helen Brandt", "--period", "2023-10"]).out.contains("Not signed."))
        let signed = try cli.run(["sign-off", "--holder", "Helen Brandt", "--period", "2023-10", "--as", "Someone Else"])
        #expect(signed.status == 0, "\(signed.err)")
        let login = Clock.loginName
        let statement = try cli.run(["statement", "--holder", "Helen Brandt", "--period", "2023-10"]).out
        #expect(statement.contains("This statement was signed by \(login) for Someone Else on 2023-11-20, as the figures stood at ledger head"), "\(statement)")
        // A later backdated delivery on one of her proposals changes the signed figures.
        #expect(try cli.run(["deliver", "PEO-09", "10,000", "--period", "2023-10", "--reason", "late evidence"]).status == 0)
        let changed = try cli.run(["statement", "--holder", "Helen Brandt", "--period", "2023-10"]).out
        #expect(changed.contains("Changed since signed (PEO-09 delivered +£10,000.00"), "\(changed)")
        #expect(try cli.run(["journal", "--format", "csv"]).out != journal)
        // The head recorded with the sign-off is checked by verify.
        #expect(try cli.run(["verify"]).status == 0)
    }

    @Test("--as is recorded as 'on behalf of', beside the login, never instead of it")
    func onBehalfOf() throws {
        let cli = CLI()
        try cli.setUp()
        #expect(try cli.run(["deliver", "PEO-07", "1,000", "--period", "2023-09", "--as", "Finance BP"]).status == 0)
        let csv = try cli.run(["journal", "--format", "csv", "--kind", "deliver"]).out
        let row = try #require(csv.split(separator: "\r\n").last.map(String.init))
        #expect(row.contains(",\(Clock.loginName),Finance BP,"), "\(row)")
        let ledger = try Ledger(path: cli.ledger, readOnly: true)
        let entry = try #require(try ledger.journal.entries(JournalFilter(kind: .deliver)).last)
        #expect(entry.actor == Clock.loginName && entry.onBehalfOf == "Finance BP")
    }

    @Test("--as reaches every row a load or an imported return writes: entries, forecasts and return lines")
    func onBehalfOfInBulk() throws {
        let cli = CLI()
        #expect(try cli.run(["load", samplePack, "--as", "Loader Person"]).status == 0)
        let november = URL(fileURLWithPath: samplePack).deletingLastPathComponent().appendingPathComponent("returns/2023-11.csv").path
        #expect(try cli.run(["import-return", november, "--as", "Finance BP (People)"]).status == 0)
        let ledger = try Ledger(path: cli.ledger, readOnly: true)
        for (table, period, name) in [
            ("entries", "period <= 202307", "Loader Person"), ("forecasts", "period <= 202307", "Loader Person"),
            ("return_lines", "period <= 202307", "Loader Person"), ("entries", "period = 202308", "Finance BP (People)"),
            ("forecasts", "period = 202308", "Finance BP (People)"), ("return_lines", "period = 202308", "Finance BP (People)"),
        ] {
            let rows = try ledger.db.scalar("SELECT count(*) FROM \(table) WHERE \(period)")
            let named = try ledger.db.scalar("SELECT count(*) FROM \(table) WHERE \(period) AND on_behalf_of = ?", name)
            // November's forecasts all say what October's did: nil returns record none (SPEC §5 v3).
            #expect((rows > 0 || (table == "forecasts" && period == "period = 202308")) && named == rows, "\(table) \(period): \(named) of \(rows) rows for \(name)")
        }
        let journal = try cli.run(["journal", "--period", "2023-11", "--format", "csv"]).out
        #expect(journal.contains(",\(Clock.loginName),Finance BP (People),"))
    }

    // MARK: - 6. Two first loads at once

    @Test("two first loads into the same new path at once: one ledger, whole, and the other refused without deleting it")
    func concurrentFirstLoads() throws {
        let cli = CLI()
        let manifest = try writeGeneratedPack(cli.dir.path("pack"), proposals: 40, costCentres: 30, periods: 4, seed: 11)
        for round in 0..<10 {
            let path = cli.dir.path("new\(round).sqlite")
            // Both started before either is waited for.
            let processes = (0..<2).map { _ -> (Process, Pipe) in
                let process = Process()
                process.executableURL = CLI.executable
                process.arguments = ["load", cli.dir.path("pack"), "--ledger", path]
                let err = Pipe()
                process.standardOutput = FileHandle.nullDevice
                process.standardError = err
                return (process, err)
            }
            for (process, _) in processes { try process.run() }
            let results = processes.map { process, err -> CLI.Result in
                let e = err.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                return CLI.Result(status: process.terminationStatus, out: "", err: String(decoding: e, as: UTF8.self))
            }
            #expect(results.filter { $0.status == 0 }.count == 1, "round \(round): \(results.map { "\($0.status) \($0.err)" })")
            #expect(results.allSatisfy { $0.status == 0 || [2, 5].contains($0.status) })
            #expect(FileManager.default.fileExists(atPath: path), "round \(round): the ledger was deleted")
            #expect(try Ledger(path: path, readOnly: true).db.scalar("SELECT count(*) FROM entries") == Int64(manifest.entries))
            #expect(try cli.run(["verify", "--ledger", path]).status == 0)
        }
        // No temporary file is left behind by a load that finished either way.
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.dir.path("")).filter { $0.contains(".new-") }.isEmpty)
    }

    @Test("a first load killed at any moment leaves no ledger or a whole one, and the next load clears what it left")
    func killedFirstLoad() throws {
        let cli = CLI()
        let manifest = try writeGeneratedPack(cli.dir.path("pack"), proposals: 150, costCentres: 120, periods: 6, seed: 3)
        var outcomes: [String: Int] = [:]
        for attempt in 0..<8 {
            let path = cli.dir.path("first\(attempt).sqlite")
            try runAndKill(["load", cli.dir.path("pack"), "--ledger", path], after: 20_000 + attempt * 120_000)
            if FileManager.default.fileExists(atPath: path) {
                #expect(try Ledger(path: path, readOnly: true).db.scalar("SELECT count(*) FROM entries") == Int64(manifest.entries))
                #expect(try cli.run(["verify", "--ledger", path]).status == 0)
                outcomes["whole", default: 0] += 1
            } else {
                outcomes["none", default: 0] += 1
                // Loading again works, and removes the killed load's temporary file.
                #expect(try cli.run(["load", cli.dir.path("pack"), "--ledger", path]).status == 0)
                #expect(try cli.run(["verify", "--ledger", path]).status == 0)
                let left = try FileManager.default.contentsOfDirectory(atPath: cli.dir.path("")).filter {
                    $0.hasPrefix(".first\(attempt).sqlite.new-")
                }
                #expect(left.isEmpty, "temporary files left behind: \(left)")
            }
        }
        print("SIGKILL during a first load: \(outcomes)")
    }

    // MARK: - 7. Foreign files are never converted

    @Test("read-only and write commands refuse a file that is not an mtfs ledger, exit 5, and leave it byte for byte", arguments: [
        ["verify"], ["balance"], ["journal"], ["reconcile"], ["summary"], ["export", "--format", "json"],
        ["statement", "--holder", "X", "--period", "2023-10"], ["deliver", "PEO-07", "1", "--period", "2023-09"], ["load", "PACK"],
    ])
    func foreignFiles(arguments: [String]) throws {
        let cli = CLI()
        let foreign = cli.dir.path("foreign.sqlite")
        let db = try Database(path: foreign, create: true)
        try db.execute("CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes(text) VALUES ('mine')")
        let empty = cli.dir.path("empty.sqlite")
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        let text = cli.dir.path("text.sqlite")
        try "hello, not a database\n".write(toFile: text, atomically: true, encoding: .utf8)
        // Marked as an mtfs ledger, without an mtfs ledger's tables.
        let marked = cli.dir.path("marked.sqlite")
        let m = try Database(path: marked, create: true)
        try m.execute("PRAGMA application_id = 1297368659; CREATE TABLE t(x)")
        _ = try writeGeneratedPack(cli.dir.path("pack"), proposals: 5, costCentres: 5, periods: 1, seed: 1)
        for path in [foreign, empty, text, marked] {
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            let r = try cli.run(arguments.map { $0 == "PACK" ? cli.dir.path("pack") : $0 } + ["--ledger", path])
            #expect(r.status == 5, "\(arguments) on \(path): \(r.status) \(r.err)")
            #expect(
                r.err.contains("is not an mtfs ledger") || r.err.contains("empty file") || r.err.contains("does not have an mtfs ledger's tables"),
                "\(r.err)")
            #expect(!r.err.contains("SQLite:") && r.err.split(separator: "\n").count == 1)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        }
    }

    // MARK: - 8. Files

    @Test("a pack is exported whole into a new or empty folder, never into one that holds anything")
    func packExport() throws {
        let cli = try boroughCLI()
        let out = cli.dir.path("export")
        let ok = try cli.run(["export", "--format", "pack", "--out", out])
        #expect(ok.status == 0, "\(ok.err)")
        #expect(FileManager.default.fileExists(atPath: out + "/head.txt"))
        let again = try cli.run(["export", "--format", "pack", "--out", out])
        #expect(again.status == 2 && again.err.contains("is not empty"), "\(again.err)")
        // Nothing beside it is left over from the refused or the finished export.
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.dir.path("")).filter { $0.contains(".export-") }.isEmpty)
        // The exported pack loads back to the same balances.
        #expect(try cli.run(["load", out, "--ledger", cli.dir.path("back.sqlite")]).status == 0)
        #expect(
            try cli.run(["balance", "--format", "csv", "--ledger", cli.dir.path("back.sqlite")]).out
                == cli.run(["balance", "--format", "csv"]).out)
    }

    @Test("an output path that cannot be written is one sentence naming it, exit 2, no raw file-system error")
    func outputErrors() throws {
        let cli = try boroughCLI()
        try "x".write(toFile: cli.dir.path("afile"), atomically: true, encoding: .utf8)
        // A pipe, a link and a folder at the path are refused, never replaced.
        #expect(mkfifo(cli.dir.path("pipe"), 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: cli.dir.path("link.csv"), withDestinationPath: cli.dir.path("afile"))
        try FileManager.default.createDirectory(atPath: cli.dir.path("folder"), withIntermediateDirectories: true)
        for (path, what) in [("pipe", "a pipe"), ("link.csv", "a symbolic link"), ("folder", "a folder")] {
            let r = try cli.run(["export", "--format", "csv", "--out", cli.dir.path(path)])
            #expect(r.status == 2 && r.err.contains("is \(what)"), "\(path): \(r.status) \(r.err)")
        }
        var info = stat()
        #expect(lstat(cli.dir.path("pipe"), &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
        #expect(lstat(cli.dir.path("link.csv"), &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK)
        #expect(try cli.run(["export", "--format", "csv", "--out", ""]).status == 2)
        for arguments in [
            ["export", "--format", "hledger", "--out", cli.dir.path("afile/books.journal")],
            ["export", "--format", "pack", "--out", cli.dir.path("afile")],
            ["statements", "--period", "2023-10", "--out", cli.dir.path("afile/st")],
        ] {
            let r = try cli.run(arguments)
            #expect(r.status == 2, "\(arguments): \(r.status) \(r.err)")
            #expect(r.err.contains(cli.dir.path("afile")) && !r.err.contains("NSCocoaErrorDomain") && !r.err.contains("Error Domain"))
            #expect(r.err.split(separator: "\n").count == 1, "\(r.err)")
        }
    }

    @Test("a statement is read from one snapshot: a sign-off recorded while it is being built is not half in it")
    func statementSnapshot() throws {
        let cli = try boroughCLI()
        let reader = try Ledger(path: cli.ledger, readOnly: true)
        let writer = try Ledger(path: cli.ledger)
        let period = Period(year: fy(2023), number: 7)
        let before = try reader.head()
        let lastEntry = try reader.db.scalar("SELECT max(id) FROM entries")
        let statement = try reader.db.read {
            let builder = try StatementBuilder(ledger: reader, period: period, settings: ReconcileSettings())
            // Another user signs and a delivery lands between the builder's reads and the statement's.
            try SignOffs.sign(ledger: writer, holder: "Helen Brandt", period: period, comment: "", by: testWho)
            try writer.books.record(
                .deliver(year: fy(2023), amount: pounds(1_000)), on: "PEO-09", effective: date("2023-10-31"), reason: "", by: testWho)
            return try builder.statement(for: "Helen Brandt")
        }
        #expect(statement.signature == .notSigned)
        #expect(statement.head == before)
        #expect(statement.entries.allSatisfy { $0.id <= lastEntry })
        // Read afresh, both are there.
        let now = try StatementBuilder(ledger: reader, period: period, settings: ReconcileSettings()).statement(for: "Helen Brandt")
        #expect(now.head != before && now.entries.contains { $0.id > lastEntry })
        if case .changed = now.signature {} else { Issue.record("the sign-off should be there, changed by the later delivery") }
    }

    @Test("a ledger opened as immutable (a read-only folder) is read by a path that needs escaping in a URI")
    func immutableOpen() throws {
        let cli = try boroughCLI()
        let odd = cli.dir.path("a b?c#d%e.sqlite")
        try FileManager.default.copyItem(atPath: cli.ledger, toPath: odd)
        let db = try Database(path: odd, create: false, readOnly: true, immutable: true)
        #expect(try db.scalar("SELECT count(*) FROM entries") > 0)
        #expect(!FileManager.default.fileExists(atPath: odd + "-shm"))
    }
}
