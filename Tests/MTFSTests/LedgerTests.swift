import Foundation
import MTFSDomain
import Testing

@testable import MTFSStore

@Suite("The ledger store")
struct LedgerTests {
    @Test("a walk-through gives the right balances and verifies")
    func walkThrough() throws {
        let dir = TempDir()
        let ledger = try sampleLedger(dir)
        try ledger.books.record(
            .deliver(year: fy(2023), amount: pounds(125_000)), on: "P-1", effective: date("2023-09-30"), reason: "", by: testWho)
        try ledger.books.record(
            .slip(from: fy(2023), to: fy(2024), amount: pounds(100_000)), on: "P-1", effective: date("2023-10-31"), reason: "late",
            by: testWho)
        try ledger.books.record(
            .unachievable(year: fy(2023), amount: pounds(50_000)), on: "P-1", effective: date("2023-11-30"), reason: "no", by: testWho)
        let reduce = try ledger.books.record(
            .reduce(year: fy(2023), amount: pounds(25_000)), on: "P-1", effective: date("2023-12-31"), reason: "", by: testWho)
        try ledger.books.reverse(entry: reduce, effective: date("2024-01-31"), reason: "keyed twice", by: testWho)

        var byYear: [FinancialYear: Position] = [:]
        for line in try ledger.positions.positionLines() { byYear[line.year, default: Position()] += line.position }
        let y1 = try #require(byYear[fy(2023)])
        #expect(y1.originalTarget == pounds(500_000))
        #expect(y1.slippedOut == pounds(100_000))
        #expect(y1.unachievable == pounds(50_000))
        #expect(y1.currentTarget == pounds(350_000))
        #expect(y1.delivered == pounds(125_000))
        #expect(y1.remaining == pounds(225_000))
        #expect(y1.remaining == y1.planned)
        let y2 = try #require(byYear[fy(2024)])
        #expect(y2.slippedIn == pounds(100_000))
        #expect(y2.currentTarget == pounds(850_000))
        #expect(try ledger.positions.requirements()[fy(2023)] == pounds(500_000))

        // Cost-centre split: 60/40 of the approval, delivery in proportion to what each still had planned.
        let a1 = try ledger.positions.positionLines().first { $0.costCentre == "A1" && $0.year == fy(2023) }
        #expect(a1?.position.originalTarget == pounds(300_000))
        #expect(a1?.position.delivered == pounds(75_000))

        let report = try ledger.verifier.verify()
        #expect(report.passed, "\(report.checks.filter { !$0.passed })")
        #expect(report.entries == 8)
    }

    @Test("as-of limits positions to what was effective by the period end")
    func asOf() throws {
        let dir = TempDir()
        let ledger = try sampleLedger(dir)
        try ledger.books.record(.deliver(year: fy(2023), amount: pounds(100)), on: "P-1", effective: date("2023-09-30"), reason: "", by: testWho)
        try ledger.books.record(.deliver(year: fy(2023), amount: pounds(200)), on: "P-1", effective: date("2023-10-01"), reason: "", by: testWho)
        let p6 = try ledger.positions.positionLines(asOf: Period(parsing: "2023/24 P6")).filter { $0.year == fy(2023) }
        #expect(p6.reduce(Pence.zero) { $0 + $1.position.delivered } == pounds(100))
    }

    @Test(
        "refused operations say why and change nothing",
        arguments: [
            "reduce more than delivered", "slip backwards", "slip more than planned",
            "write off more than planned", "year outside MTFS", "unknown proposal", "zero amount", "reverse twice",
            "reverse an approval after delivery", "reverse a reversal", "duplicate proposal", "unknown cost centre",
            "delivery before the year", "forecast for unknown proposal", "restructure unknown cost centre",
        ])
    func refusals(name: String) throws {
        let dir = TempDir()
        let ledger = try sampleLedger(dir)
        let d = try ledger.books.record(
            .deliver(year: fy(2023), amount: pounds(10)), on: "P-1", effective: date("2023-05-31"), reason: "", by: testWho)
        let reversal = try ledger.books.reverse(entry: d, effective: date("2023-06-30"), reason: "", by: testWho)
        try ledger.books.record(.deliver(year: fy(2023), amount: pounds(10)), on: "P-1", effective: date("2023-06-30"), reason: "", by: testWho)
        let before = try snapshot(ledger)
        let e = date("2023-09-30")
        let p = Proposal(ref: "P-1", title: "x", directorate: "People", owner: "Ann", costCentres: [.init(costCentre: "A1")])
        #expect(throws: LedgerError.self) {
            switch name {
            case "reduce more than delivered":
                try ledger.books.record(.reduce(year: fy(2023), amount: pounds(11)), on: "P-1", effective: e, reason: "", by: testWho)
            case "slip backwards":
                try ledger.books.record(.slip(from: fy(2024), to: fy(2023), amount: pounds(1)), on: "P-1", effective: e, reason: "", by: testWho)
            case "slip more than planned":
                try ledger.books.record(
                    .slip(from: fy(2023), to: fy(2024), amount: pounds(499_991)), on: "P-1", effective: e, reason: "", by: testWho)
            case "write off more than planned":
                try ledger.books.record(.unachievable(year: fy(2025), amount: pounds(250_001)), on: "P-1", effective: e, reason: "", by: testWho)
            case "year outside MTFS":
                try ledger.books.record(.slip(from: fy(2025), to: fy(2026), amount: pounds(1)), on: "P-1", effective: e, reason: "", by: testWho)
            case "unknown proposal":
                try ledger.books.record(.deliver(year: fy(2023), amount: pounds(1)), on: "NOPE", effective: e, reason: "", by: testWho)
            case "zero amount": try ledger.books.record(.deliver(year: fy(2023), amount: .zero), on: "P-1", effective: e, reason: "", by: testWho)
            case "reverse twice": try ledger.books.reverse(entry: d, effective: e, reason: "", by: testWho)
            case "reverse an approval after delivery":
                try ledger.books.record(
                    .deliver(year: fy(2025), amount: pounds(250_000)), on: "P-1", effective: date("2025-05-01"), reason: "", by: testWho)
            case "reverse a reversal": try ledger.books.reverse(entry: reversal, effective: e, reason: "", by: testWho)
            case "duplicate proposal": try ledger.books.addProposal(p, targets: [:], effective: e, reason: "", by: testWho)
            case "unknown cost centre":
                try ledger.books.addProposal(
                    Proposal(ref: "P-2", title: "x", directorate: "People", owner: "Ann", costCentres: [.init(costCentre: "ZZ")]),
                    targets: [fy(2023): pounds(1)], effective: e, reason: "", by: testWho)
            case "delivery before the year":
                try ledger.books.record(.deliver(year: fy(2024), amount: pounds(1)), on: "P-1", effective: e, reason: "", by: testWho)
            case "forecast for unknown proposal":
                try ledger.books.recordForecast(
                    ref: "NOPE", year: fy(2023), period: e.period, forecast: pounds(1), rag: .green, comment: "", by: testWho)
            case "restructure unknown cost centre":
                try ledger.books.restructure(
                    Assignment(costCentre: "ZZ", effective: e, service: "s", directorate: "d", budgetHolder: "h", model: .hub), by: testWho)
            default: Issue.record("no case \(name)")
            }
            if name == "reverse an approval after delivery" {
                // The delivery above landed; now the approval of 2025/26 cannot be reversed.
                _ = try? snapshot(ledger)
                try ledger.books.reverse(entry: 3, effective: e, reason: "", by: testWho)
            }
        }
        if name != "reverse an approval after delivery" {
            #expect(try snapshot(ledger) == before)
        }
        #expect(try ledger.verifier.verify().passed)
    }

    @Test("the triggers refuse UPDATE and DELETE of the record")
    func appendOnly() throws {
        let dir = TempDir()
        let ledger = try sampleLedger(dir)
        try ledger.books.recordForecast(
            ref: "P-1", year: fy(2023), period: fy(2023).period(5), forecast: pounds(1), rag: .amber, comment: "", by: testWho)
        for sql in [
            "UPDATE postings SET amount = amount + 1", "DELETE FROM postings", "UPDATE entries SET actor = 'x'",
            "DELETE FROM entries", "UPDATE accounts SET year = 2030", "DELETE FROM forecasts", "UPDATE assignments SET budget_holder = 'x'",
        ] {
            #expect(throws: DatabaseError.self, "\(sql)") { try ledger.db.execute(sql) }
        }
        // An unbalanced entry or a posting added to an existing entry is refused by the database itself.
        #expect(throws: DatabaseError.self) {
            try ledger.db.write {
                try ledger.db.run("INSERT INTO postings(entry, account, amount) VALUES (4, 1, 5)")
                try ledger.db.run(
                    """
                    INSERT INTO entries(id, kind, proposal, year, effective, period, recorded_at, actor, reason, source, prev_hash, hash)
                    SELECT 4, 'deliver', 'P-1', 2023, '2023-05-01', 202302, 'x', 'x', 'x', 'x', hash, 'h' FROM entries WHERE id = 3
                    """)
            }
        }
        #expect(throws: DatabaseError.self) { try ledger.db.run("INSERT INTO postings(entry, account, amount) VALUES (1, 1, 5)") }
        #expect(try ledger.verifier.verify().passed)
    }

    @Test(
        "a bulk write refuses at commit what the per-row triggers refuse, and leaves the ledger and its triggers as they were",
        arguments: ["unbalanced entry", "entry without postings", "broken chain", "posting added to an earlier entry", "gap in the record chain"])
    func bulkChecks(name: String) throws {
        let dir = TempDir()
        let ledger = try sampleLedger(dir)
        try ledger.books.record(.deliver(year: fy(2023), amount: pounds(10)), on: "P-1", effective: date("2023-05-31"), reason: "", by: testWho)
        let before = try snapshot(ledger)
        let triggers = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        let triggersBefore = try ledger.db.query(triggers) { "\($0.text(0)): \($0.text(1))" }
        // Entry 5 as the ledger would write it, then spoilt one way.
        let tip = try ledger.db.first("SELECT hash FROM entries WHERE id = 4") { $0.text(0) }!
        let entry = { (prev: String) in
            """
            INSERT INTO entries(id, kind, proposal, year, effective, period, recorded_at, actor, reason, source, prev_hash, hash)
            VALUES (5, 'deliver', 'P-1', 2023, '2023-06-30', 202303, 'x', 'x', 'x', 'x', '\(prev)', 'h5')
            """
        }
        let accounts = try ledger.db.query("SELECT account FROM postings WHERE entry = 4 ORDER BY amount") { $0.int(0) }
        #expect(throws: LedgerError.self, "\(name)") {
            try ledger.bulk {
                switch name {
                case "unbalanced entry":
                    try ledger.db.run(
                        "INSERT INTO postings(entry, account, amount) VALUES (5, ?, -100), (5, ?, 99)", accounts[0], accounts[1])
                    try ledger.db.run(entry(tip))
                case "entry without postings":
                    try ledger.db.run(entry(tip))
                case "broken chain":
                    try ledger.db.run(
                        "INSERT INTO postings(entry, account, amount) VALUES (5, ?, -100), (5, ?, 100)", accounts[0], accounts[1])
                    try ledger.db.run(entry(String(repeating: "1", count: 64)))
                case "gap in the record chain":
                    // A record numbered past the next one (the trigger refuses it row by row).
                    let next = try ledger.db.scalar("SELECT max(seq) FROM records") + 2
                    try ledger.db.run(
                        "INSERT INTO records(seq, tbl, key1, key2, hash) VALUES (?, 'entries', 99, '', zeroblob(32))", next)
                default:
                    // Still balanced: only the count of earlier entries' postings shows it.
                    try ledger.db.run(
                        "INSERT INTO postings(entry, account, amount) VALUES (2, ?, -100), (2, ?, 100)", accounts[0], accounts[1])
                }
            }
        }
        #expect(try snapshot(ledger) == before)
        #expect(try ledger.db.query(triggers) { "\($0.text(0)): \($0.text(1))" } == triggersBefore)
        #expect(try ledger.verifier.verify().passed)
        // The ledger goes on as normal afterwards, in bulk or not.
        _ = try ledger.bulk {
            try ledger.books.record(
                .deliver(year: fy(2023), amount: pounds(5)), on: "P-1", effective: date("2023-06-30"), reason: "", by: testWho)
        }
        try ledger.books.record(.deliver(year: fy(2023), amount: pounds(5)), on: "P-1", effective: date("2023-07-31"), reason: "", by: testWho)
        #expect(try ledger.verifier.verify().passed)
    }

    @Test("the load's account index and balance cache behave as dictionaries would")
    func compactCaches() {
        var index = AccountIndex()
        var model: [AccountKey: Int64] = [:]
        var id: Int64 = 0
        for ref: ProposalRef in ["P-1", "P-2", "A-LONGER-REFERENCE-THAN-FIFTEEN"] {
            for year in [fy(2023), fy(2024)] {
                for cc: CostCentreCode in ["CC1", "CC2"] {
                    for kind in [AccountKind.planned, .delivered] {
                        id += 1
                        let key = AccountKey.proposal(ref, kind, year, cc)
                        index[key] = id
                        model[key] = id
                    }
                }
            }
        }
        index[.requirement(fy(2023))] = 99
        model[.requirement(fy(2023))] = 99
        index[.proposal("P-1", .planned, fy(2023), "CC1")] = 500  // replaced, not added
        model[.proposal("P-1", .planned, fy(2023), "CC1")] = 500
        for (key, value) in model { #expect(index[key] == value) }
        #expect(index[.proposal("P-1", .unachievable, fy(2023), "CC1")] == nil)
        #expect(index[.proposal("P-3", .planned, fy(2023), "CC1")] == nil)
        #expect(index[.requirement(fy(2024))] == nil)
        index.removeAll()
        #expect(index[.requirement(fy(2023))] == nil && index[.proposal("P-2", .planned, fy(2024), "CC2")] == nil)

        var cache = AccountBalances()
        #expect(cache[5] == nil)
        cache[1_500] = pounds(2)  // beyond the array: kept aside, then taken in when the array grows past it
        cache[5] = pounds(3)
        cache[2_000] = .zero  // grows the array
        cache[60_000_000] = pounds(7)  // far beyond: kept aside
        cache[-1] = pounds(1)
        #expect(cache[5] == pounds(3) && cache[2_000] == .zero && cache[60_000_000] == pounds(7) && cache[-1] == pounds(1))
        #expect(cache[1_500] == pounds(2) && cache.count == 5)
        cache.add(-200, to: 1_500)
        #expect(cache[1_500] == .zero && cache.all().map(\.0) == [-1, 5, 1_500, 2_000, 60_000_000])
        #expect(cache[6] == nil && cache[1_999] == nil)
        cache[5] = nil
        #expect(cache[5] == nil)
        cache.removeAll()
        #expect(cache[2_000] == nil && cache[60_000_000] == nil)
    }

    @Test("verify's second connection reads the index's balances, and they are used only if it saw the same entries")
    func indexedBalancesOnASecondConnection() throws {
        let dir = TempDir()
        let ledger = try sampleLedger(dir)
        try ledger.books.record(.deliver(year: fy(2023), amount: pounds(10)), on: "P-1", effective: date("2023-05-31"), reason: "", by: testWho)
        let tip = try ledger.db.scalar("SELECT max(id) FROM entries")
        let expected = try ledger.db.query(IndexedBalances.sql) { "\($0.int(0))=\($0.int(1))" }
        #expect(!expected.isEmpty)
        #expect(IndexedBalances(path: ledger.db.path).result(tip: tip)?.map { "\($0.account)=\($0.balance)" } == expected)
        // A writer landed between the two snapshots: the early read is not used.
        #expect(IndexedBalances(path: ledger.db.path).result(tip: tip - 1) == nil)
        // No file to open (or no permission): not used either, and verify reads the index itself.
        #expect(IndexedBalances(path: dir.path("missing.sqlite")).result(tip: tip) == nil)
        #expect(try ledger.verifier.verify().passed)
    }

    @Test(
        "verify catches tampering and names the first bad entry",
        arguments: [
            "change an amount", "change an actor", "delete an entry", "swap two entries", "drop a trigger", "break the balance",
            "edit a kept position",
        ])
    func tamper(name: String) throws {
        let dir = TempDir()
        let ledger = try sampleLedger(dir)
        for i in 0..<3 {
            try ledger.books.record(
                .deliver(year: fy(2023), amount: pounds(Int64(10 + i))), on: "P-1", effective: date("2023-05-31"), reason: "", by: testWho)
        }
        #expect(try ledger.verifier.verify().passed)
        let drop = Verifier.requiredTriggers.map { "DROP TRIGGER \($0);" }.joined()
        switch name {
        case "change an amount":
            try ledger.db.execute(drop + "UPDATE postings SET amount = amount * 2 WHERE entry = 5")
        case "change an actor":
            try ledger.db.execute(drop + "UPDATE entries SET actor = 'mallory' WHERE id = 4")
        case "delete an entry":
            try ledger.db.execute(
                drop + "PRAGMA foreign_keys = OFF; DELETE FROM postings WHERE entry = 5; DELETE FROM entries WHERE id = 5")
        case "swap two entries":
            try ledger.db.execute(
                drop + """
                    PRAGMA foreign_keys = OFF;
                    UPDATE entries SET id = -4 WHERE id = 4; UPDATE entries SET id = 4 WHERE id = 5; UPDATE entries SET id = 5 WHERE id = -4;
                    UPDATE postings SET entry = -4 WHERE entry = 4; UPDATE postings SET entry = 4 WHERE entry = 5; UPDATE postings SET entry = 5 WHERE entry = -4;
                    """)
        case "drop a trigger":
            try ledger.db.execute("DROP TRIGGER entries_no_update")
        case "break the balance":
            try ledger.db.execute(drop + "UPDATE postings SET amount = amount + 1 WHERE entry = 6 AND amount > 0")
        case "edit a kept position":
            // The reports' cache, not the record: the chain is intact but the positions must not be believed.
            try ledger.db.execute("UPDATE position_lines SET delivered = delivered + 100 WHERE proposal = 'P-1' AND year = 2023")
            #expect(try ledger.positions.positionLines() != ledger.positions.positionLinesFromPostings())
        default: Issue.record("no case \(name)")
        }
        let report = try ledger.verifier.verify()
        #expect(!report.passed)
        if name == "edit a kept position" {
            #expect(report.checks.first { $0.name.contains("positions kept") }?.passed == false)
        }
        switch name {
        case "change an amount", "swap two entries": #expect(report.firstBadEntry == 4 || report.firstBadEntry == 5)
        case "change an actor": #expect(report.firstBadEntry == 4)
        case "delete an entry": #expect(report.firstBadEntry == 6)
        case "break the balance": #expect(report.firstBadEntry == 6)
        default: break
        }
    }

    @Test("a ledger from before the position cache gets it filled from its postings when opened")
    func positionCacheMigration() throws {
        let dir = TempDir()
        let path = dir.path("l.sqlite")
        try makeSchema4Ledger(at: path)
        // Take the file back to schema 3, as an earlier mtfs left it.
        let old = try Database(path: path, create: false)
        try old.execute(
            "DROP TRIGGER entries_position_lines; DROP TRIGGER position_lines_no_delete; DROP TABLE position_lines; DROP INDEX forecasts_by_period; PRAGMA user_version = 3"
        )
        let reopened = try Ledger(path: path)
        #expect(try reopened.db.userVersion == Ledger.schemaVersion)
        #expect(try reopened.positions.positionLines() == reopened.positions.positionLinesFromPostings())
        #expect(!(try reopened.positions.positionLines()).isEmpty)
        #expect(try reopened.verifier.verify().passed)
    }

    @Test("a ledger written by the previous version (schema 4) has its records chained when opened, verifies and reports the same")
    func schema4Migration() throws {
        let dir = TempDir()
        let path = dir.path("old.sqlite")
        try makeSchema4Ledger(at: path)
        let before = try Database(path: path, create: false)
        let entries = try before.scalar("SELECT count(*) FROM entries")
        let forecasts = try before.scalar("SELECT count(*) FROM forecasts")
        // Reading never writes: opened to read, it is refused and left as it was; `mtfs upgrade` (any
        // write) brings it up to date, and then it reads.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: LedgerError.self) { try Ledger(path: path, readOnly: true) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        _ = try Ledger(path: path)
        let ledger = try Ledger(path: path, readOnly: true)
        let report = try ledger.verifier.verify()
        #expect(report.passed)
        #expect(report.entries == Int(entries))
        #expect(try ledger.db.scalar("SELECT count(*) FROM records WHERE tbl = 'entries'") == entries)
        #expect(try ledger.db.scalar("SELECT count(*) FROM records WHERE tbl = 'forecasts'") == forecasts)
        #expect(try ledger.settings.value("behind-profile-minimum") == "£25,000.00")
        #expect(try ledger.books.window() == YearRange(first: fy(2023), last: fy(2025)))
        #expect(report.head.count == (try ledger.db.scalar("SELECT count(*) FROM records")))
        // The balances are those the previous version printed for it, to the penny.
        let balance = try CLI().run(["balance", "--format", "csv", "--ledger", path]).out
        #expect(balance == (try String(contentsOfFile: fixture("schema4-balance.csv"), encoding: .utf8)))
        // And the same findings: code, severity, refs, cost centre, year and amount (DQ01's sentence
        // now names the directorate whose return it is missing from).
        func rows(_ csv: String) -> [String] {
            csv.split(whereSeparator: \.isNewline).map { $0.split(separator: ",", maxSplits: 6, omittingEmptySubsequences: false).prefix(6).joined(separator: ",") }
        }
        let findings = try CLI().run(["reconcile", "--format", "csv", "--ledger", path]).out
        #expect(rows(findings) == rows(try String(contentsOfFile: fixture("schema4-reconcile.csv"), encoding: .utf8)))
        // Tampering with a fact from before the upgrade is caught like any other.
        let tamper = try Database(path: path, create: false)
        try tamper.execute("DROP TRIGGER forecasts_no_update; UPDATE forecasts SET forecast = forecast + 1 WHERE id = 3")
        #expect(!(try Ledger(path: path, readOnly: true).verifier.verify().passed))
    }

    @Test("the window extends forwards, never backwards")
    func window() throws {
        let dir = TempDir()
        let ledger = try sampleLedger(dir)
        try ledger.books.setWindow(YearRange(first: fy(2023), last: fy(2026)), by: testWho)
        #expect(try ledger.books.window()?.last == fy(2026))
        #expect(throws: LedgerError.self) { try ledger.books.setWindow(YearRange(first: fy(2023), last: fy(2025)), by: testWho) }
        #expect(throws: LedgerError.self) { try ledger.books.setWindow(YearRange(first: fy(2022), last: fy(2026)), by: testWho) }
    }

    @Test("restructures are effective-dated")
    func restructure() throws {
        let dir = TempDir()
        let ledger = try sampleLedger(dir)
        try ledger.books.restructure(
            Assignment(
                costCentre: "A2", effective: date("2023-10-01"), service: "Hub", directorate: "Resources",
                budgetHolder: "Hana", model: .hub, reason: "centralised"), by: testWho)
        let model = try ledger.organisation.operatingModel()
        #expect(model.assignment(of: "A2", on: date("2023-09-30"))?.budgetHolder == "Ann")
        #expect(model.assignment(of: "A2", on: date("2023-10-01"))?.budgetHolder == "Hana")
        #expect(throws: LedgerError.self) {
            try ledger.books.restructure(
                Assignment(
                    costCentre: "A2", effective: date("2023-11-01"), service: "Hub", directorate: "Resources",
                    budgetHolder: "Hana", model: .hub), by: testWho)
        }
    }

    @Test("forecasts: the latest by period and recording wins")
    func forecasts() throws {
        let dir = TempDir()
        let ledger = try sampleLedger(dir)
        try ledger.books.recordForecast(
            ref: "P-1", year: fy(2023), period: fy(2023).period(5), forecast: pounds(400_000), rag: .amber, comment: "a", by: testWho)
        try ledger.books.recordForecast(
            ref: "P-1", year: fy(2023), period: fy(2023).period(6), forecast: pounds(450_000), rag: .green, comment: "b", by: testWho)
        try ledger.books.recordForecast(
            ref: "P-1", year: fy(2023), period: fy(2023).period(6), forecast: pounds(460_000), rag: .green, comment: "c", by: testWho)
        #expect(try ledger.returns.latestForecasts().first?.comment == "c")
        #expect(try ledger.returns.latestForecasts(asOf: fy(2023).period(5)).first?.comment == "a")
    }

    @Test("a second connection sees a consistent ledger and can write after the first")
    func twoConnections() throws {
        let dir = TempDir()
        let a = try sampleLedger(dir)
        let b = try Ledger(path: dir.path("l.sqlite"))
        try a.books.record(.deliver(year: fy(2023), amount: pounds(1)), on: "P-1", effective: date("2023-05-31"), reason: "", by: testWho)
        try b.books.record(.deliver(year: fy(2023), amount: pounds(2)), on: "P-1", effective: date("2023-05-31"), reason: "", by: testWho)
        try a.books.record(.deliver(year: fy(2023), amount: pounds(3)), on: "P-1", effective: date("2023-05-31"), reason: "", by: testWho)
        #expect(try a.books.balance(of: "P-1", .delivered, fy(2023)) == pounds(6))
        #expect(try b.verifier.verify().passed)
    }
}
