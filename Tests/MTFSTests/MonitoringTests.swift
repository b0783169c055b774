import Foundation
import PropertyBased
import Testing

@testable import MTFSDomain
@testable import MTFSEngine
@testable import MTFSStore

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
                _ = try? ledger.setDelivered(
                    ref: "P-1", year: fy(2023), to: pounds(delivered), asAt: period, reason: { _ in "return" }, by: testWho)
                try ledger.recordForecast(
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
        _ = try ledger.setDelivered(ref: "P-1", year: fy(2023), to: pounds(300_000), asAt: p, reason: { _ in "return" }, by: testWho)
        let input = { try ReconciliationInput.load(ledger, asOf: nil, today: date("2024-03-31")) }
        func total(_ rag: RAG, forecast: Int64) throws -> Summary.Row {
            try ledger.recordForecast(ref: "P-1", year: fy(2023), period: p, forecast: pounds(forecast), rag: rag, comment: "", by: testWho)
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
        let balance = try cli.run(["balance", "--format", "csv"]).out
        #expect(balance.contains("Place,Place 13,2023/24,120000.00,120000.00,30000.00"), "\(balance)")
        try "ref,year,delivered_to_date\nPlace 13,2023/24,\"45,000\"\n".write(toFile: cli.dir.path("2023-07.csv"), atomically: true, encoding: .utf8)
        #expect(try cli.run(["import-return", cli.dir.path("2023-07.csv")]).status == 0)
        #expect(try cli.run(["deliver", "Place 13", "1,000", "--period", "2023-08"]).status == 0)
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
        let model = try ledger.operatingModel()
        /// The cost centre as `from` had it, changed by `change`, from `day`.
        func restructure(_ from: Assignment, on day: String, _ change: (inout Assignment) -> Void) throws -> Assignment {
            var next = from
            next.effective = date(day)
            change(&next)
            try ledger.restructure(next, by: testWho)
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
        try ledger.addProposal(
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
}
