import Foundation
import PropertyBased
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@testable import MTFSDomain
@testable import MTFSEngine
@testable import MTFSRender
@testable import MTFSStore
@testable import MTFSWeb

/// Monitoring as councils publish it (SPEC §5 v3, §7 v3).
@Suite("Monitoring as councils publish it")
struct MonitoringTests {
    /// One proposal-year's month: delivered to date (pounds), forecast (pounds), RAG, and whether it moves.
    typealias Line = (delivered: Int64, forecast: Int64, rag: Int)

    @Test("the confidence-weighted forecast is never below delivered, for any ledger, under any structure and weights")
    func weightedNeverBelowDelivered() async throws {
        let gen = zip(Gen.int64(in: 0...600_000), Gen.int64(in: 0...900_000), Gen.int(in: 0...3)).map { Line($0.0, $0.1, $0.2) }
            .array(of: 1...6)
        let weights = zip(Gen.int(in: 0...10_000), Gen.int(in: 0...10_000), Gen.int(in: 0...10_000), Gen.int(in: 0...10_000))
        await propertyCheck(count: 60, input: zip(gen, weights)) { lines, w in
            let dir = TempDir()
            let ledger = try sampleLedger(dir)
            for (i, line) in lines.enumerated() {
                let period = try Period(parsing: "2023-\(String(format: "%02d", 4 + i))")
                // Delivered to date as a return states it (never past the year's £500,000 target),
                // and a forecast that may be below what is already delivered.
                let delivered = min(line.delivered, 500_000)
                _ = try? ledger.books.setDelivered(
                    ref: "P-1", year: fy(2023), to: pounds(delivered), asAt: period, reason: { _ in "return" }, by: testWho)
                try ledger.books.recordForecast(
                    ref: "P-1", year: fy(2023), period: period, forecast: pounds(line.forecast), rag: [.blue, .green, .amber, .red][line.rag],
                    comment: "", by: testWho)
            }
            var settings = ReconcileSettings()
            settings.confidenceBasisPoints = [.blue: w.0, .green: w.1, .amber: w.2, .red: w.3]
            let input = try ReconciliationInput.load(ledger, asOf: nil, today: date("2024-03-31"))
            for structure in [nil, date("2023-04-01")] {
                let summary = Summary.build(input: input, findings: [], settings: settings, structure: structure, year: nil)
                for row in summary.rows + summary.totals {
                    #expect(row.weightedForecast >= row.delivered, "\(row.directorate) \(row.year): weighted \(row.weightedForecast) < delivered \(row.delivered)")
                }
            }
        }
    }

    @Test("money already delivered counts in full whatever the RAG; only the undelivered rest is weighted")
    func bankedMoneyIsNotDiscounted() throws {
        let dir = TempDir()
        let ledger = try sampleLedger(dir)
        let p = try Period(parsing: "2023-09")
        _ = try ledger.books.setDelivered(ref: "P-1", year: fy(2023), to: pounds(300_000), asAt: p, reason: { _ in "return" }, by: testWho)
        let input = { try ReconciliationInput.load(ledger, asOf: nil, today: date("2024-03-31")) }
        func total(_ rag: RAG, forecast: Int64) throws -> Summary.Row {
            try ledger.books.recordForecast(ref: "P-1", year: fy(2023), period: p, forecast: pounds(forecast), rag: rag, comment: "", by: testWho)
            return try #require(Summary.build(input: try input(), findings: [], settings: ReconcileSettings(), structure: nil, year: fy(2023)).totals.first)
        }
        // Red: £300,000 banked counts, the other £100,000 of the £400,000 forecast counts nothing.
        #expect(try total(.red, forecast: 400_000).weightedForecast == pounds(300_000))
        // Amber: the banked £300,000 and half of the £100,000 still to come.
        #expect(try total(.amber, forecast: 400_000).weightedForecast == pounds(350_000))
        // A forecast below what is banked: the banked money still counts in full.
        #expect(try total(.red, forecast: 100_000).weightedForecast == pounds(300_000))
        #expect(try total(.green, forecast: 450_000).weightedForecast == pounds(450_000))
    }

    @Test("a holder's untouched template for the next month changes no position and no finding outside it, and says its lines were unchanged")
    func untouchedTemplate() throws {
        let cli = CLI()
        #expect(try cli.run(["load", samplePack]).status == 0)
        let findings = { (try cli.run(["reconcile", "--format", "csv"]).out).split(whereSeparator: \.isNewline).map(String.init) }
        let before = try findings()
        let positions = try cli.run(["balance", "--format", "csv", "--as-of", "2023-11"]).out
        #expect(try cli.run(["template", "--period", "2023-11", "--holder", "Helen Brandt", "--out", "helen.xlsx"]).status == 0)
        var reader = try WorkbookReader(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: cli.dir.path("helen.xlsx")))), file: "helen.xlsx")
        let sheet = try #require(try reader.sheet(named: "Return"))
        let hers = Set(sheet.rows.dropFirst().compactMap { $0.cells[0].map(WorkbookSheet.text) })
        #expect(hers.count == 6)
        let imported = try cli.run(["import-return", "helen.xlsx"])
        #expect(imported.status == 0 && imported.out.contains("6 lines returned unchanged"), "\(imported.out)\(imported.err)")
        #expect(try cli.run(["balance", "--format", "csv", "--as-of", "2023-11"]).out == positions)
        // Every finding on a proposal outside the template is as it was: her return moved no colleague's period.
        // A finding is its code, severity, proposals, cost centre, year and amount; its sentence may now
        // say which month it was judged at, since the reconciliation as a whole is as at her return.
        func outside(_ rows: [String]) -> [String] {
            rows.dropFirst().compactMap { row in
                let fields = row.split(separator: ",", maxSplits: 6, omittingEmptySubsequences: false).prefix(6)
                let refs = fields.dropFirst(2).first.map { $0.split(separator: ";").map(String.init) } ?? []
                return refs.contains { hers.contains($0) } ? nil : fields.joined(separator: ",")
            }
        }
        let after = try findings()
        #expect(outside(before).count > 10, "\(before.count) lines")
        #expect(outside(after) == outside(before), "\(Set(outside(after)).symmetricDifference(outside(before)))")
    }

    @Test("refs as councils publish them, with spaces, through a pack, a return and the command line; refs that differ only in case or spacing are one")
    func refsWithSpaces() throws {
        let cli = CLI()
        let pack = cli.dir.path("pack")
        try FileManager.default.createDirectory(atPath: pack + "/returns", withIntermediateDirectories: true)
        try "cost_centre,name,service,directorate,budget_holder,model\nPL-1,Parks,Parks,Place,Ann Lee,devolved\n".write(
            toFile: pack + "/organisation.csv", atomically: true, encoding: .utf8)
        let proposals = "ref,title,directorate,owner,category,recurrence,cost_centres,delivery_start,replaces,2023/24,2024/25,2025/26\n"
        try (proposals + "Place 13,Parks fees,Place,Ann Lee,income,ongoing,PL-1,,,\"120,000\",0,0\n").write(
            toFile: pack + "/proposals.csv", atomically: true, encoding: .utf8)
        try "ref,year,delivered_to_date,forecast,rag,comment\nPlace 13,2023/24,\"30,000\",\"120,000\",G,on track\n".write(
            toFile: pack + "/returns/2023-06.csv", atomically: true, encoding: .utf8)
        let load = try cli.run(["load", pack])
        #expect(load.status == 0, "\(load.err)")
        // Adjustments and impacts name it as councils type it too.
        let typed = cli.dir.path("typed")
        try FileManager.default.copyItem(atPath: pack, toPath: typed)
        try "date,ref,action,year,amount,to_year,reason\n2023-07-14,PLACE13,slip,2023/24,\"10,000\",2024/25,Delayed\n".write(
            toFile: typed + "/adjustments.csv", atomically: true, encoding: .utf8)
        try "ref,kind,impact,mitigation\nplace 13,service,Fewer free parking hours,Season tickets\n".write(toFile: typed + "/impacts.csv", atomically: true, encoding: .utf8)
        let typedLoad = try cli.run(["load", typed, "--ledger", cli.dir.path("typed.sqlite")])
        #expect(typedLoad.status == 0, "\(typedLoad.err)")
        #expect(try cli.run(["balance", "--format", "csv", "--ledger", cli.dir.path("typed.sqlite")]).out.contains("Place,Place 13,2023/24,120000.00,110000.00,30000.00"))
        let balance = try cli.run(["balance", "--format", "csv"]).out
        #expect(balance.contains("Place,Place 13,2023/24,120000.00,120000.00,30000.00"), "\(balance)")
        try "ref,year,delivered_to_date\nPlace 13,2023/24,\"45,000\"\n".write(toFile: cli.dir.path("2023-07.csv"), atomically: true, encoding: .utf8)
        #expect(try cli.run(["import-return", cli.dir.path("2023-07.csv")]).status == 0)
        #expect(try cli.run(["deliver", "Place 13", "1,000", "--period", "2023-08"]).status == 0)
        // Every command that takes a ref reads it as a return does, whatever its case and spacing.
        for args in [
            ["deliver", "place13", "1,000", "--period", "2023-08"], ["forecast", "PLACE 13", "120,000", "--rag", "G", "--period", "2023-08"],
            ["slip", "place 13", "1,000", "--from", "2023/24", "--to", "2024/25", "--period", "2023-08", "--reason", "Fees start later"], ["proposal", "show", "place13"],
            ["journal", "--proposal", "place 13"],
        ] {
            let r = try cli.run(args)
            #expect(r.status == 0, "mtfs \(args.joined(separator: " ")): \(r.err)")
        }
        #expect(try cli.run(["proposal", "show", "place13"]).out.contains("Place 13"))
        // The same ref again, in another case or spacing: refused at the command line and in a pack.
        let again = try cli.run([
            "proposal", "add", "PLACE13", "--title", "Parks fees again", "--directorate", "Place", "--owner", "Ann Lee", "--cost-centre", "PL-1",
            "--target", "2023/24=1,000",
        ])
        #expect(again.status == 2 && again.err.contains("differs from Place 13, already in the ledger, only in case or spacing"), "\(again.err)")
        let twice = cli.dir.path("twice")
        try FileManager.default.createDirectory(atPath: twice, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: pack + "/organisation.csv", toPath: twice + "/organisation.csv")
        try (proposals + "Place 13,A,Place,Ann Lee,income,ongoing,PL-1,,,1,0,0\nplace 13,B,Place,Ann Lee,income,ongoing,PL-1,,,1,0,0\n").write(
            toFile: twice + "/proposals.csv", atomically: true, encoding: .utf8)
        let refused = try cli.run(["load", twice, "--ledger", cli.dir.path("twice.sqlite")])
        #expect(refused.status == 2 && refused.err.contains("line 3") && refused.err.contains("only in case or spacing"), "\(refused.err)")
        // Spaces only between words.
        let padded = try cli.run(["proposal", "add", " Place 14", "--title", "T", "--directorate", "Place", "--owner", "Ann Lee", "--cost-centre", "PL-1", "--target", "2023/24=1"])
        #expect(padded.status != 0)
    }

    @Test("a holder who keeps a cost centre through a restructure that renames its directorate keeps its held-since date")
    func heldSinceThroughRename() throws {
        let dir = TempDir()
        let ledger = try Ledger(path: dir.path("s.sqlite"), create: true)
        _ = try loadPack(samplePack, into: ledger)
        let october = try StatementBuilder(ledger: ledger, period: Period(year: fy(2023), number: 7), settings: ReconcileSettings())
        let centre = try #require(try october.statement(for: "Helen Brandt").centres.first)
        let model = try ledger.organisation.operatingModel()
        /// The cost centre as `from` had it, changed by `change`, from `day`.
        func restructure(_ from: Assignment, on day: String, _ change: (inout Assignment) -> Void) throws -> Assignment {
            var next = from
            next.effective = date(day)
            change(&next)
            try ledger.books.restructure(next, by: testWho)
            return next
        }
        let before = try #require(model.assignment(of: centre.code, on: date("2023-10-31")))
        let renamed = try restructure(before, on: "2023-11-01") {
            $0.directorate = "People and Wellbeing"
            $0.reason = "Directorate renamed"
        }
        let november = try StatementBuilder(ledger: ledger, period: Period(year: fy(2023), number: 8), settings: ReconcileSettings())
        let after = try #require(try november.statement(for: "Helen Brandt").centres.first { $0.code == centre.code })
        #expect(after.directorate == "People and Wellbeing" && after.since == centre.since, "\(after.since) against \(centre.since)")
        // A proposal filed under the new name: October's statement does not ask the new name, which
        // did not exist then, for October's return; November's does.
        try ledger.books.addProposal(
            Proposal(
                ref: "PWB-01", title: "Renamed directorate's saving", directorate: "People and Wellbeing", owner: "Helen Brandt",
                costCentres: [CostCentreShare(costCentre: centre.code)]),
            targets: [fy(2023): pounds(1_000)], effective: date("2023-04-01"), reason: "MTFS", by: testWho)
        let octoberAgain = try StatementBuilder(ledger: ledger, period: Period(year: fy(2023), number: 7), settings: ReconcileSettings())
        #expect(!(try octoberAgain.statement(for: "Helen Brandt").awaitingReturns.contains("People and Wellbeing")))
        let novemberAgain = try StatementBuilder(ledger: ledger, period: Period(year: fy(2023), number: 8), settings: ReconcileSettings())
        #expect(try novemberAgain.statement(for: "Helen Brandt").awaitingReturns.contains("People and Wellbeing"))
        // A new holder starts afresh.
        _ = try restructure(renamed, on: "2023-12-01") {
            $0.budgetHolder = "Sanjay Patel"
            $0.reason = "Moved"
        }
        let december = try StatementBuilder(ledger: ledger, period: Period(year: fy(2023), number: 9), settings: ReconcileSettings())
        #expect(try december.statement(for: "Sanjay Patel").centres.first { $0.code == centre.code }?.since == date("2023-12-01"))
    }

    // MARK: - Returns and packs as councils publish them (SPEC §5 v3)

    static let district = URL(fileURLWithPath: samplePack).deletingLastPathComponent().appendingPathComponent("sample-district").path

    /// The sample district's pack without its returns: the programme before any month was reported.
    static func districtWithoutReturns(_ dir: TempDir) throws -> String {
        let pack = dir.path("district")
        try FileManager.default.createDirectory(atPath: pack, withIntermediateDirectories: true)
        for file in ["pack.csv", "organisation.csv", "baselines.csv", "proposals.csv"] {
            try FileManager.default.copyItem(atPath: district + "/" + file, toPath: pack + "/" + file)
        }
        return pack
    }

    @Test("a fund typed in another case is the ledger's, in the load's summary too (found by a reviewer)")
    func fundAsTheLedgerSpellsIt() throws {
        let cli = CLI()
        let pack = try MonitoringTests.districtWithoutReturns(cli.dir)
        let proposals = try String(contentsOfFile: pack + "/proposals.csv", encoding: .utf8)
        try proposals.replacingOccurrences(of: ",,,HRA,\"75,000\"", with: ",,,hra,\"75,000\"").write(
            toFile: pack + "/proposals.csv", atomically: true, encoding: .utf8)
        #expect(try String(contentsOfFile: pack + "/proposals.csv", encoding: .utf8).contains(",hra,"))
        let load = try cli.run(["load", pack])
        #expect(load.status == 0 && load.out.contains("of it in the HRA, the rest") && !load.out.contains("hra"), "\(load.out)\(load.err)")
    }

    @Test("the sample district: cumulative year columns, a shrinking saving, a one-off falling out, a fund, money by status, blanks and over-delivery")
    func sampleDistrict() throws {
        let cli = CLI()
        let load = try cli.run(["load", MonitoringTests.district])
        #expect(load.status == 0 && load.out.contains("£1,753,400.00 of savings (£510,000.00 of it in the HRA, the rest in the General Fund; £156,200.00 of it falls out in later years)"), "\(load.out)\(load.err)")
        let balance = try cli.run(["balance", "--format", "csv"]).out.split(whereSeparator: \.isNewline).map(String.init)
        func row(_ ref: String, _ year: String) -> String? { balance.first { $0.contains(",\(ref),\(year),") } }
        // Cumulative £143.4k, £138.7k, £137.2k: the increments, the later two savings falling out.
        #expect(row("COM 1", "2024/25") == "Communities,COM 1,2024/25,143400.00,143400.00,71700.00,0.00,0.00,0.00,71700.00")
        #expect(row("COM 1", "2025/26") == "Communities,COM 1,2025/26,-4700.00,-4700.00,0.00,0.00,0.00,0.00,-4700.00")
        #expect(row("COM 1", "2026/27") == "Communities,COM 1,2026/27,-1500.00,-1500.00,0.00,0.00,0.00,0.00,-1500.00")
        // A one-off saving falls out the year after; `0` then nothing more; a `0` first year is no target.
        #expect(row("RES 1", "2025/26") == "Resources,RES 1,2025/26,-150000.00,-150000.00,0.00,0.00,0.00,0.00,-150000.00")
        #expect(row("RES 1", "2026/27") == nil && row("RES 3", "2024/25") == nil)
        // Over-delivery accepted: remaining is negative.
        #expect(row("RES 2", "2024/25") == "Resources,RES 2,2024/25,85000.00,85000.00,95000.00,0.00,0.00,0.00,-10000.00")
        // Each fund totalled apart, never added together.
        let summary = try JSONSerialization.jsonObject(with: Data(try cli.run(["summary", "--format", "json"]).out.utf8)) as! [String: Any]
        let totals = try #require(summary["totals"] as? [[String: Any]])
        let first = totals.filter { $0["year"] as? String == "2024/25" }
        #expect(first.map { $0["fund"] as? String } == ["General Fund", "HRA"])
        #expect(first.map { $0["current_target_pence"] as? Int } == [100_840_000, 47_500_000])
        // The fall-outs are a pressure apart from the targets, which stay savings.
        let second = totals.filter { $0["year"] as? String == "2025/26" && $0["fund"] as? String == "General Fund" }
        #expect(second.first?["falls_out_pence"] as? Int == 15_470_000 && second.first?["current_target_pence"] as? Int == 23_500_000)
        // No forecast counts only what was delivered: COM 3 and Place 14 are in "no forecast", not in the forecast.
        #expect(first.first?["no_forecast_pence"] as? Int == 10_000_000 && first.first?["forecast_pence"] as? Int == 86_840_000)
        let text = try cli.run(["summary"]).out
        #expect(text.contains("Total General Fund") && text.contains("Total HRA") && !text.contains("  Total  "))
        // Findings: DQ04 on HRA 2's split, DQ05 on the two with no forecast; none for the over-delivery or the blank line's profile.
        let findings = try cli.run(["reconcile", "--format", "csv"]).out.split(whereSeparator: \.isNewline).dropFirst().map {
            $0.split(separator: ",", maxSplits: 3).prefix(3).joined(separator: ",")
        }
        #expect(findings.contains("DQ04,low,HRA 2") && findings.contains("DQ05,low,Place 14") && findings.contains("DQ05,low,COM 3"))
        // Over-delivery is accepted; DQ04 notes the money beyond the target, nothing else is said of it.
        #expect(findings.filter { $0.hasSuffix(",RES 2") } == ["DQ04,low,RES 2"] && !findings.contains("SL01,high,Place 14"), "\(findings)")
        // A RAG worked out from money by status is not the holder's to be told off for (no DQ02).
        #expect(!findings.contains { $0.hasPrefix("DQ02") }, "\(findings)")
        #expect(findings.contains("SL01,high,Place 13") && findings.contains("SL02,medium,Place 13"))
        // Place 13's status money: forecast £120k + £40k + £100k, Amber (the largest part not yet delivered).
        let ledger = try Ledger(path: cli.ledger)
        let place13 = try #require(try ledger.returns.latestForecasts(ref: "Place 13").first)
        #expect(place13.forecast == pounds(260_000) && place13.rag == .amber && place13.status == StatusMoney(green: pounds(40_000), amber: pounds(100_000), red: pounds(50_000)))
        #expect(try ledger.returns.latestForecasts(ref: "RES 2").first?.rag == .blue)
        // The statements say it in words.
        let maria = try cli.run(["statement", "--holder", "Maria Lopez", "--period", "2024-09"]).out
        #expect(maria.contains("not reported") && maria.contains("no forecast") && maria.contains("(Place 14 not reported)"), "\(maria)")
        let owen = try cli.run(["statement", "--holder", "Owen Price", "--period", "2024-09"]).out
        #expect(owen.contains("over-delivered by £10,000.00"), "\(owen)")
        let priya = try cli.run(["statement", "--holder", "Priya Shah", "--period", "2025-09", "--format", "csv"]).out
        #expect(priya.contains("falls out £4,700.00: a pressure"), "\(priya)")
        let gail = try cli.run(["statement", "--holder", "Gail Morris", "--period", "2024-09"]).out
        #expect(gail.contains("Housing management mobile working (HRA)"), "\(gail)")
        #expect(try cli.run(["verify"]).status == 0)
    }

    @Test("the same return through a pack, a CSV file, a workbook and the API: the same positions, forecasts and findings")
    func everyWayIn() async throws {
        let cli = CLI()
        let base = try MonitoringTests.districtWithoutReturns(cli.dir)
        let csv = MonitoringTests.district + "/returns/2024-09.csv"
        let parsed = try ParsedReturn.read(path: csv)
        // The pack, whole; the return as a CSV file; as a workbook someone typed it into.
        try cli.expectOK(["load", MonitoringTests.district, "--ledger", "pack.sqlite"])
        for name in ["csv", "xlsx"] { try cli.expectOK(["load", base, "--ledger", "\(name).sqlite"]) }
        try cli.expectOK(["import-return", csv, "--ledger", "csv.sqlite"])
        func money(_ p: Pence?) -> Table.Cell { p.map(Table.Cell.money) ?? .empty }
        let table = Table(
            columns: ["ref", "year", "delivered_to_date", "green", "amber", "red", "comment"].map { Table.Column($0) },
            rows: parsed.rows.map { r in
                [.text(r.ref.rawValue), .text(r.year.description), money(r.deliveredToDate), money(r.status?.green), money(r.status?.amber), money(r.status?.red), .text(r.comment)]
            })
        let book = try XLSXFile.bytes(WorkbookDocument(sheets: [.init(name: "Return", table: table, keyHeadings: true)], about: [("period", "2024-09")]))
        try Data(book).write(to: URL(fileURLWithPath: cli.dir.path("return.xlsx")))
        try cli.expectOK(["import-return", "return.xlsx", "--ledger", "xlsx.sqlite"])
        // The API: each directorate's finance posts its own lines, as one submission each.
        let finance = ["Communities", "Place", "Resources", "Housing"].map {
            PortalUser(login: "fbp.\($0.lowercased())", name: "Finance (\($0))", role: .finance, directorate: $0)
        }
        let f = try await PortalFixture(pack: base, users: finance, today: CivilDate(year: 2025, month: 12, day: 1)!)
        let proposals = Dictionary(uniqueKeysWithValues: try f.service.read { try $0.books.proposals() }.map { ($0.ref, $0.directorate) })
        for user in finance {
            let token = Credentials.randomSecret(prefix: "mtfs_")
            try f.service.write { try $0.people.addToken(login: user.login, tokenHash: Credentials.digest(token), by: "t", at: 0, recordedAt: "") }
            let lines = parsed.rows.filter { proposals[$0.ref] == user.directorate }.map { r in
                var fields: [String: Any] = ["ref": r.ref.rawValue, "year": r.year.description, "comment": r.comment]
                for (key, value) in [("delivered_to_date", r.deliveredToDate), ("green", r.status?.green), ("amber", r.status?.amber), ("red", r.status?.red)] {
                    if let value { fields[key] = NSDecimalNumber(string: value.plain) }
                }
                return fields
            }
            let body = try JSONSerialization.data(withJSONObject: ["period": "2024-09", "lines": lines] as [String: Any])
            let r = try await f.request(
                "POST", "/api/v1/returns", json: String(decoding: body, as: UTF8.self), headers: ["Authorization": "Bearer \(token)"])
            #expect(r.status == 200, "\(r.body)")
        }
        let api = f.dir.path("portal.sqlite")
        /// Positions, findings, forecasts, the summary and every holder's statement (less the chain
        /// head each was made from, which differs from ledger to ledger).
        func seen(_ ledger: String) throws -> [String] {
            let read = try Ledger(path: ledger)
            let head = try read.head()
            let forecasts = try read.returns.latestForecasts().map { "\($0.proposal) \($0.year) \($0.forecast) \($0.rag) \(String(describing: $0.status)) \($0.comment)" }
            let reports = [
                ["balance", "--format", "csv"], ["reconcile", "--format", "csv"], ["summary", "--format", "csv"],
            ] + ["Priya Shah", "Tom Reid", "Maria Lopez", "Owen Price", "Gail Morris"].map {
                ["statement", "--holder", $0, "--period", "2024-09", "--format", "csv"]
            }
            return try reports.map {
                try cli.run($0 + ["--ledger", ledger]).out.replacingOccurrences(of: head.description, with: "HEAD")
                    .replacingOccurrences(of: head.short, with: "HEAD")
            } + forecasts
        }
        let fromPack = try seen(cli.dir.path("pack.sqlite"))
        #expect(fromPack.count == 15)  // eight reports and seven forecasts
        #expect(fromPack[1].contains("DQ04"))
        #expect(fromPack[2].contains("HRA"))
        #expect(fromPack[5].contains("not reported"), "\(fromPack[5])")
        for other in [cli.dir.path("csv.sqlite"), cli.dir.path("xlsx.sqlite"), api] {
            #expect(try seen(other) == fromPack, "\(other)")
            #expect(try cli.run(["verify", "--ledger", other]).status == 0)
        }
    }

    @Test("the portal's return form: money by status under its own heading, a not-reported line left blank, the forecast and RAG worked out")
    func portalFormByStatus() async throws {
        let maria = PortalUser(login: "maria", name: "Maria Lopez", role: .holder, holder: "Maria Lopez")
        let f = try await PortalFixture(pack: MonitoringTests.district, users: [maria], today: CivilDate(year: 2025, month: 12, day: 1)!)
        let (cookie, csrf) = try await f.signIn("maria")
        let page = try await f.request("GET", "/return?period=2024-10", cookie: cookie)
        #expect(page.status == 200 && page.body.contains("Money by status") && page.body.contains("name=\"green_0\""))
        // Place 14 (row 1) was not reported: its delivered field is blank, not £0.
        #expect(page.body.contains("name=\"delivered_to_date_1\" inputmode=\"decimal\" value=\"\""), "\(page.body)")
        let posted = try await f.request(
            "POST", "/return", cookie: cookie,
            form: [
                ("csrf", csrf), ("period", "2024-10"), ("rows", "1"), ("ref_0", "Place 13"), ("year_0", "2024/25"),
                ("delivered_to_date_0", "140000"), ("green_0", "20000"), ("amber_0", "30000"), ("red_0", "120000"), ("comment_0", "Usage down"),
                ("action", "post"),
            ])
        #expect(posted.status == 200 && posted.body.contains("Return posted"), "\(posted.body)")
        let forecast = try f.service.read { try $0.returns.latestForecasts(ref: "Place 13").first }
        #expect(forecast?.forecast == pounds(190_000) && forecast?.rag == .red && forecast?.status?.red == pounds(120_000))
        // A negative amount is named beside its field, and nothing is posted.
        let before = try f.journalCount()
        let bad = try await f.request(
            "POST", "/return", cookie: cookie,
            form: [
                ("csrf", csrf), ("period", "2024-11"), ("rows", "1"), ("ref_0", "Place 13"), ("year_0", "2024/25"),
                ("delivered_to_date_0", "150000"), ("amber_0", "-5"), ("action", "post"),
            ])
        #expect(bad.status == 422 && bad.body.contains("id=\"amber_0_error\""), "\(bad.body)")
        #expect(try f.journalCount() == before)
    }

    @Test("a holder's untouched template uploaded in the portal changes no position and no finding outside it, and says its lines were unchanged")
    func untouchedTemplateInThePortal() async throws {
        let finance = PortalUser(login: "fbp.place", name: "Finance (Place)", role: .finance, directorate: "Place")
        let f = try await PortalFixture(pack: MonitoringTests.district, users: [finance], today: CivilDate(year: 2025, month: 12, day: 1)!)
        let cli = CLI()
        let ledger = f.dir.path("portal.sqlite")
        try cli.expectOK(["template", "--period", "2024-10", "--holder", "Maria Lopez", "--by-status", "--ledger", ledger, "--out", "maria.xlsx"])
        let book = try Data(contentsOf: URL(fileURLWithPath: cli.dir.path("maria.xlsx")))
        let positions = try cli.run(["balance", "--format", "csv", "--ledger", ledger]).out
        let findings = { try cli.run(["reconcile", "--format", "csv", "--ledger", ledger]).out.split(whereSeparator: \.isNewline).dropFirst() }
        func outside(_ rows: ArraySlice<Substring>) -> [String] {
            rows.compactMap { row in
                let fields = row.split(separator: ",", maxSplits: 6, omittingEmptySubsequences: false).prefix(6)
                let refs = fields.dropFirst(2).first.map { $0.split(separator: ";").map(String.init) } ?? []
                return refs.contains { ["Place 13", "Place 14"].contains($0) } ? nil : fields.joined(separator: ",")
            }
        }
        let before = outside(try findings())
        let (cookie, csrf) = try await f.signIn("fbp.place")
        let boundary = "mtfs-test-boundary"
        var body = Data()
        for (name, value) in [("csrf", csrf), ("period", "2024-10"), ("action", "post")] {
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"maria.xlsx\"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n".utf8)
        body += book + Data("\r\n--\(boundary)--\r\n".utf8)
        var r = URLRequest(url: URL(string: f.base + "/upload")!)
        r.httpMethod = "POST"
        r.setValue("multipart/form-data; boundary=\(boundary)", forHTTPHeaderField: "Content-Type")
        r.setValue("mtfs_session=\(cookie)", forHTTPHeaderField: "Cookie")
        r.httpBody = body
        let (data, response) = try await f.session.data(for: r)
        let page = String(decoding: data, as: UTF8.self)
        #expect((response as! HTTPURLResponse).statusCode == 200 && page.contains("2 lines returned unchanged"), "\(page)")
        #expect(try cli.run(["balance", "--format", "csv", "--ledger", ledger]).out == positions)
        let after = outside(try findings())
        #expect(before.count >= 5 && after == before, "\(before)")
    }

    @Test("a template by status: untouched posts nothing and says so; filled in, the forecast and RAG follow from the money")
    func templateByStatus() throws {
        let cli = CLI()
        try cli.expectOK(["load", MonitoringTests.district])
        try cli.expectOK(["template", "--period", "2024-10", "--holder", "Maria Lopez", "--by-status", "--out", "maria.xlsx"])
        var reader = try WorkbookReader(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: cli.dir.path("maria.xlsx")))), file: "maria.xlsx")
        let sheet = try #require(try reader.sheet(named: "Return"))
        let header = (0..<PackFormat.statusTemplateLayout.count).map { sheet.rows[0].cells[$0].map(WorkbookSheet.text) ?? "" }
        #expect(header == PackFormat.statusTemplateLayout)
        let before = try cli.run(["balance", "--format", "csv"]).out
        let findings = try cli.run(["reconcile", "--format", "csv", "--as-of", "2024-09"]).out
        let untouched = try cli.run(["import-return", "maria.xlsx"])
        #expect(untouched.status == 0 && untouched.out.contains("2 lines returned unchanged"), "\(untouched.out)\(untouched.err)")
        #expect(try cli.run(["balance", "--format", "csv"]).out == before)
        #expect(try cli.run(["reconcile", "--format", "csv", "--as-of", "2024-09"]).out == findings)
        // Place 14 was not reported, and an untouched template does not report it (its cell stays blank, not 0).
        let october = try cli.run(["statement", "--holder", "Maria Lopez", "--period", "2024-10", "--format", "csv"]).out
        #expect(october.contains("not reported"), "\(october)")
        // Filled in as a CSV by status: Place 13's money moves to red.
        try "ref,year,delivered_to_date,green,amber,red,comment\nPlace 13,2024/25,\"140,000\",\"20,000\",\"30,000\",\"120,000\",Usage down\n".write(
            toFile: cli.dir.path("2024-10.csv"), atomically: true, encoding: .utf8)
        try cli.expectOK(["import-return", "2024-10.csv"])
        let place13 = try #require(try Ledger(path: cli.ledger).returns.latestForecasts(ref: "Place 13").first)
        #expect(place13.forecast == pounds(190_000) && place13.rag == .red)
        // A forecast or RAG typed beside the money must agree with it, or the cell is named.
        try "ref,year,delivered_to_date,green,amber,red,forecast,rag\nPlace 13,2024/25,\"140,000\",\"20,000\",\"30,000\",\"120,000\",\"250,000\",\n".write(
            toFile: cli.dir.path("bad.csv"), atomically: true, encoding: .utf8)
        let bad = try cli.run(["import-return", "bad.csv", "--period", "2024-10"])
        #expect(bad.status == 2 && bad.err.contains("line 2, column \"forecast\"") && bad.err.contains("delivered £140,000.00 + green £20,000.00 + amber £30,000.00 = £190,000.00"), "\(bad.err)")
        try "ref,year,delivered_to_date,green,amber,red,rag\nPlace 13,2024/25,\"140,000\",\"20,000\",\"30,000\",\"120,000\",Green\n".write(
            toFile: cli.dir.path("bad2.csv"), atomically: true, encoding: .utf8)
        let bad2 = try cli.run(["import-return", "bad2.csv", "--period", "2024-10"])
        #expect(bad2.status == 2 && bad2.err.contains("column \"rag\"") && bad2.err.contains("differs from Red"), "\(bad2.err)")
        try "ref,year,delivered_to_date,green\nPlace 13,2024/25,1,(5)\n".write(toFile: cli.dir.path("bad3.csv"), atomically: true, encoding: .utf8)
        let bad3 = try cli.run(["import-return", "bad3.csv", "--period", "2024-10"])
        #expect(bad3.status == 2 && bad3.err.contains("column \"green\"") && bad3.err.contains("£0.00 or more"), "\(bad3.err)")
    }

    @Test("pack year cells: a saving may fall out, never by more than is in place; a cumulative pack needs a figure after a saving")
    func fallingOut() throws {
        let cli = CLI()
        let pack = try MonitoringTests.districtWithoutReturns(cli.dir)
        let proposals = try String(contentsOfFile: pack + "/proposals.csv", encoding: .utf8)
        func load(_ pack: String, ledger: String) throws -> CLI.Result { try cli.run(["load", pack, "--ledger", ledger]) }
        // Cumulative: an empty cell after a saving of an ongoing proposal is ambiguous.
        try proposals.replacingOccurrences(of: "\"60,000\",\"75,000\",\"75,000\"", with: "\"60,000\",,\"75,000\"").write(
            toFile: pack + "/proposals.csv", atomically: true, encoding: .utf8)
        let empty = try load(pack, ledger: "a.sqlite")
        #expect(empty.status == 2 && empty.err.contains("proposals.csv, line 6, column \"2025/26\"") && empty.err.contains("cumulative"), "\(empty.err)")
        // Incremental: a fall-out larger than the saving in place is refused, naming the cell.
        try "key,value\nyear_columns,incremental\n".write(toFile: pack + "/pack.csv", atomically: true, encoding: .utf8)
        try proposals.replacingOccurrences(of: "\"143,400\",\"138,700\",\"137,200\"", with: "\"143,400\",\"(143,401)\",").write(
            toFile: pack + "/proposals.csv", atomically: true, encoding: .utf8)
        let tooMuch = try load(pack, ledger: "b.sqlite")
        #expect(tooMuch.status == 2 && tooMuch.err.contains("line 2, column \"2025/26\"") && tooMuch.err.contains("-£1.00"), "\(tooMuch.err)")
        // An unknown setting in pack.csv is named.
        try "key,value\nyear_colums,cumulative\n".write(toFile: pack + "/pack.csv", atomically: true, encoding: .utf8)
        let typo = try load(pack, ledger: "c.sqlite")
        #expect(typo.status == 2 && typo.err.contains("pack.csv, line 2") && typo.err.contains("year_columns"), "\(typo.err)")
        // The ledger refuses a fall-out beyond what is in place from any way in, too.
        let dir = TempDir()
        let ledger = try sampleLedger(dir)
        #expect(throws: LedgerError.self) {
            try ledger.books.record(.approve(year: fy(2024), amount: pounds(-1_250_001)), on: "P-1", effective: date("2023-04-01"), reason: "x", by: testWho)
        }
        try ledger.books.record(.approve(year: fy(2025), amount: pounds(-1_250_000)), on: "P-1", effective: date("2023-04-01"), reason: "x", by: testWho)
        #expect(try ledger.verifier.verify().passed)
    }

    @Test("a column added to a chained table is covered by the record: changing a forecast's status money is caught")
    func laterColumnsAreChained() throws {
        let cli = CLI()
        try cli.expectOK(["load", MonitoringTests.district])
        let db = try Database(path: cli.ledger)
        try db.execute("DROP TRIGGER forecasts_no_update")
        try db.execute("UPDATE forecasts SET red = red + 100 WHERE proposal = 'Place 13'")
        let r = try cli.run(["verify", "--no-head-log"])
        #expect(r.status == 4 && r.out.contains("forecasts"), "\(r.out)\(r.err)")
    }

    /// One line of a generated monthly return: what kind, and its figures in pounds.
    struct MixedLine: Sendable {
        var kind: Int
        var delivered: Int64, green: Int64, amber: Int64, red: Int64, forecast: Int64, rag: Int
    }

    @Test("any order of returns mixing blank, status-split, unchanged and over-delivering lines gives the positions of period order, at every period")
    func anyOrderOfMixedReturns() async throws {
        let line = zip(
            Gen.int(in: 0...4), Gen.int64(in: 0...700), Gen.int64(in: 0...300), Gen.int64(in: 0...300), Gen.int64(in: 0...300), Gen.int(in: 0...3)
        ).map { MixedLine(kind: $0.0, delivered: $0.1 * 1_000, green: $0.2 * 1_000, amber: $0.3 * 1_000, red: $0.4 * 1_000, forecast: $0.1 * 1_100, rag: $0.5) }
        let gen = zip(line.array(of: 6...6), line.array(of: 6...6), Gen.int(in: 0...1_000).array(of: 6...6))
        // (A blank line that pinned the figure standing when it was imported, so an earlier month
        // imported after it was undone there, failed this within 150 cases at every seed tried.)
        await propertyCheck(count: 150, input: gen) { first, second, keys in
            // Two proposal-years a month, April to September 2023: P-1's 2023/24 and 2024/25.
            func returns() -> [ParsedReturn] {
                var previous: [ParsedReturn.Row?] = [nil, nil]
                return (0..<6).map { month in
                    let period = Period(year: fy(2023), number: month + 1)
                    let rows = [(first[month], fy(2023), 0), (second[month], fy(2024), 1)].map { l, year, slot -> ParsedReturn.Row in
                        let at = SourceLocation(file: "r.csv", line: slot + 2)
                        let row: ParsedReturn.Row
                        switch l.kind {
                        case 0: row = ParsedReturn.Row(ref: "P-1", year: year, deliveredToDate: nil, forecast: nil, rag: nil, comment: "nothing yet", at: at)
                        case 1:
                            row = ParsedReturn.Row(
                                ref: "P-1", year: year, deliveredToDate: pounds(l.delivered), forecast: pounds(l.forecast),
                                rag: [.blue, .green, .amber, .red][l.rag], comment: "forecast", at: at)
                        case 2, 3:
                            row = ParsedReturn.Row(
                                ref: "P-1", year: year, deliveredToDate: l.kind == 2 ? pounds(l.delivered) : nil, forecast: nil, rag: nil,
                                status: StatusMoney(green: pounds(l.green), amber: pounds(l.amber), red: pounds(l.red)), comment: "by status", at: at)
                        default:
                            // Unchanged: last month's line again (a nil return), or a first line of £1.
                            row = previous[slot] ?? ParsedReturn.Row(ref: "P-1", year: year, deliveredToDate: pounds(1), forecast: nil, rag: nil, comment: "", at: at)
                        }
                        previous[slot] = row
                        return row
                    }
                    return ParsedReturn(file: "\(period.monthText).csv", period: period, rows: rows)
                }
            }
            let dir = TempDir()
            let inOrder = try sampleLedger(dir, name: "a.sqlite")
            let anyOrder = try sampleLedger(dir, name: "b.sqlite")
            let months = returns()
            for r in months { _ = try PackLoader(ledger: inOrder, actor: "t", recordedAt: "2023-11-20T10:00:00Z").importReturn(r) }
            for i in (0..<6).sorted(by: { (keys[$0], $0) < (keys[$1], $1) }) {
                _ = try PackLoader(ledger: anyOrder, actor: "t", recordedAt: "2023-11-20T10:00:00Z").importReturn(months[i])
            }
            for number in 1...12 {
                let period = Period(year: fy(2023), number: number)
                #expect(try inOrder.positions.positionLines(asOf: period) == anyOrder.positions.positionLines(asOf: period), "as at \(period)")
            }
            #expect(try inOrder.verifier.verify().passed && anyOrder.verifier.verify().passed)
        }
    }

    @Test("a plain template, returned untouched after a return by status, posts nothing: the status split stands (found by a reviewer)")
    func plainTemplateAfterStatus() throws {
        let cli = CLI()
        try cli.expectOK(["load", MonitoringTests.district])
        let summary = try cli.run(["summary", "--format", "csv"]).out
        let positions = try cli.run(["balance", "--format", "csv"]).out
        let findings = try cli.run(["reconcile", "--format", "csv"]).out
        try cli.expectOK(["template", "--period", "2024-10", "--holder", "Maria Lopez", "--out", "plain.xlsx"])
        let imported = try cli.run(["import-return", "plain.xlsx"])
        #expect(imported.status == 0, "\(imported.err)")
        #expect(imported.out.contains("0 forecasts recorded") || !imported.out.contains("forecast"), "\(imported.out)")
        #expect(try cli.run(["summary", "--format", "csv"]).out == summary)
        #expect(try cli.run(["balance", "--format", "csv"]).out == positions)
        // The split stands: its check (DQ04) is as it was. (Behind-profile amounts move: the line now
        // counts as returned for the month, and is judged at it.)
        let dq04 = { (text: String) in text.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("DQ04") }.map { $0.split(separator: ",").prefix(6) } }
        #expect(dq04(try cli.run(["reconcile", "--format", "csv"]).out) == dq04(findings))
        #expect(imported.out.contains("2 lines returned unchanged"), "\(imported.out)")
    }

    @Test("a directorate renamed on 1 April: its returns under the old name count for the new, statements and the summary say the new name, and the rename is no restructure (no SL04)")
    func renamedDirectorate() throws {
        let cli = CLI()
        try cli.expectOK(["init", "--years", "2023/24..2024/25"])
        try cli.expectOK([
            "org", "add-cost-centre", "CHF-EH-1", "--name", "Early help hubs", "--service", "Early Help", "--directorate", "Children and Families",
            "--holder", "Kwame Asante", "--baseline", "2023/24=3,000,000", "--baseline", "2024/25=3,000,000",
        ])
        try cli.expectOK([
            "org", "add-cost-centre", "HSG-1", "--name", "Homelessness", "--service", "Housing Options", "--directorate", "Housing", "--holder", "Jo Marsh",
        ])
        try cli.expectOK([
            "proposal", "add", "CHF-2", "--title", "Early help hub consolidation", "--directorate", "Children and Families", "--owner", "Kwame Asante",
            "--cost-centre", "CHF-EH-1=100%", "--target", "2023/24=100,000", "--target", "2024/25=150,000",
        ])
        try cli.expectOK([
            "restructure", "CHF-EH-1", "--effective", "2024-04-01", "--service", "Early Help", "--directorate", "Children, Education and Families",
            "--holder", "Kwame Asante", "--reason", "Directorate renamed",
        ])
        try "ref,year,delivered_to_date,forecast,rag,comment\nCHF-2,2024/25,\"20,000\",\"150,000\",Green,on track\n".write(
            toFile: cli.dir.path("2024-05.csv"), atomically: true, encoding: .utf8)
        try cli.expectOK(["import-return", "2024-05.csv", "--period", "2024-05"])
        let statement = try cli.run(["statement", "--holder", "Kwame Asante", "--period", "2024-05"]).out
        #expect(statement.contains("Directorate: Children, Education and Families\n"), "\(statement.prefix(300))")
        #expect(!statement.contains("has not returned"), "\(statement.prefix(600))")
        #expect(statement.contains("latest returns: Children, Education and Families 2024/25 P2"))
        #expect(!(try cli.run(["reconcile", "--as-of", "2024-05", "--format", "csv"]).out.contains("SL04")))
        let summary = try cli.run(["summary", "--year", "2024/25", "--format", "csv"]).out
        #expect(summary.contains("Children, Education and Families") && !summary.contains("Children and Families,"), "\(summary)")
        // Before the rename, the old name stands.
        let earlier = try cli.run(["statement", "--holder", "Kwame Asante", "--period", "2024-03"]).out
        #expect(earlier.contains("Directorate: Children and Families\n"))
        // A restructure that moves a cost centre to another holder is still one: SL04 when nothing is delivered since.
        try cli.expectOK(["restructure", "HSG-1", "--effective", "2024-04-01", "--service", "Housing Options", "--directorate", "Housing", "--holder", "Ann Lee", "--reason", "New head of service"])
        try cli.expectOK([
            "proposal", "add", "HSG-3", "--title", "Temporary accommodation procurement", "--directorate", "Housing", "--owner", "Jo Marsh",
            "--cost-centre", "HSG-1=100%", "--target", "2024/25=80,000",
        ])
        #expect(try cli.run(["reconcile", "--as-of", "2024-05", "--format", "csv"]).out.contains("SL04,high,HSG-3"))
    }


    @Test("a year where a saving only falls out (a pressure) is not asked for in a template, and a delivery in it is refused naming the cell (found by a reviewer)")
    func fallsOutIsNotDelivered() throws {
        let cli = CLI()
        try cli.expectOK(["load", MonitoringTests.district])
        // RES 1 is a one-off of 2024/25: in 2025/26 it falls out.
        try cli.expectOK(["template", "--period", "2025-05", "--holder", "Owen Price", "--out", "owen.xlsx"])
        var reader = try WorkbookReader(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: cli.dir.path("owen.xlsx")))), file: "owen.xlsx")
        let sheet = try #require(try reader.sheet(named: "Return"))
        let refs = sheet.rows.dropFirst().compactMap { $0.cells[0].map(WorkbookSheet.text) }
        #expect(refs.contains("RES 2") && !refs.contains("RES 1"), "\(refs)")
        try "ref,year,delivered_to_date,forecast,rag,comment\nRES 1,2025/26,\"10,000\",0,Green,\n".write(
            toFile: cli.dir.path("2025-05.csv"), atomically: true, encoding: .utf8)
        let positions = try cli.run(["balance", "--format", "csv"]).out
        let r = try cli.run(["import-return", "2025-05.csv", "--period", "2025-05"])
        #expect(r.status == 2)
        #expect(r.err.contains("line 2") && r.err.contains("delivered_to_date") && r.err.contains("falls out"), "\(r.err)")
        #expect(try cli.run(["balance", "--format", "csv"]).out == positions)
        #expect(try cli.run(["journal", "--proposal", "RES 1", "--format", "csv"]).out.contains(",approve,RES 1,2025/26,,-150000.00,"))
    }


    @Test("a RAG alone re-rates the standing forecast, a forecast alone keeps its RAG; with nothing standing it is refused naming the cell (found by a reviewer)")
    func ragAlone() throws {
        let cli = CLI()
        try cli.setUp()
        try "ref,year,delivered_to_date,forecast,rag,comment\nPEO-07,2023/24,\"100,000\",,Amber,\n".write(toFile: cli.dir.path("none.csv"), atomically: true, encoding: .utf8)
        let none = try cli.run(["import-return", "none.csv", "--period", "2023-07"])
        #expect(none.status == 2 && none.err.contains("line 2") && none.err.contains("\"forecast\"") && none.err.contains("no forecast stands"), "\(none.err)")
        try cli.expectOK(["forecast", "PEO-07", "450,000", "--rag", "G", "--period", "2023-07"])
        try "ref,year,delivered_to_date,forecast,rag,comment\nPEO-07,2023/24,\"100,000\",,Amber,Contract slipping\n".write(
            toFile: cli.dir.path("amber.csv"), atomically: true, encoding: .utf8)
        let amber = try cli.run(["import-return", "amber.csv", "--period", "2023-08"])
        #expect(amber.status == 0, "\(amber.err)")
        let shown = try cli.run(["proposal", "show", "PEO-07"]).out
        #expect(shown.contains("£450,000.00") && shown.contains("Amber"), "\(shown)")
        try "ref,year,delivered_to_date,forecast,rag,comment\nPEO-07,2023/24,\"100,000\",\"400,000\",,Contract slipping\n".write(
            toFile: cli.dir.path("less.csv"), atomically: true, encoding: .utf8)
        try cli.expectOK(["import-return", "less.csv", "--period", "2023-09"])
        let after = try cli.run(["proposal", "show", "PEO-07"]).out
        #expect(after.contains("£400,000.00"), "\(after)")
    }

    @Test("a fault of the ledger file during an import is said as it is, not blamed on a cell of the return (found by a reviewer)")
    func ledgerFaultIsNotACell() throws {
        let cli = CLI()
        try cli.setUp()
        try FileManager.default.removeItem(atPath: cli.ledger + ".heads")
        try "ref,year,delivered_to_date,forecast,rag,comment\nPEO-07,2023/24,\"100,000\",\"500,000\",G,\n".write(toFile: cli.dir.path("r.csv"), atomically: true, encoding: .utf8)
        let r = try cli.run(["import-return", "r.csv", "--period", "2023-07"])
        #expect(r.status == 4 || r.status == 5, "\(r.status) \(r.err)")
        #expect(r.err.contains("head log") && !r.err.contains("line 2") && !r.err.contains("delivered_to_date"), "\(r.err)")
    }

}
