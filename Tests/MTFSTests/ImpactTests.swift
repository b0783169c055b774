import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@testable import MTFSDomain
@testable import MTFSEngine
@testable import MTFSRender
@testable import MTFSStore
@testable import MTFSWeb

/// Portfolio holders and service impacts (SPEC §5 v3, §6 SI01 and SI02).
@Suite("Portfolio holders and service impacts")
struct ImpactTests {
    /// A scenario with one proposal, rated `risk`, with the impacts identified for it.
    func scenario(risk: RiskRating? = nil, identified: [ImpactKind] = []) throws -> Scenario {
        let s = try Scenario().centre("C1")
        var p = Proposal(ref: "P-1", title: "Library hours", directorate: "People", owner: "Ann", costCentres: [CostCentreShare(costCentre: "C1")])
        p.portfolio = "Communities"
        p.portfolioHolder = "Cllr Ellen Price"
        p.risk = risk
        try s.ledger.books.addProposal(p, targets: [fy(2023): pounds(100_000)], effective: date("2023-04-01"), reason: "MTFS", by: testWho)
        for kind in identified {
            try s.ledger.books.addImpact(IdentifiedImpact(ref: "P-1", kind: kind, impact: "Shorter hours", mitigation: "Self-service"), by: testWho)
        }
        return s
    }

    func report(_ s: Scenario, _ period: String, impact: String? = nil, foreseen: Bool = false, comment: String = "") throws {
        try s.ledger.books.recordReturnLine(
            ref: "P-1", year: fy(2023), period: try Period(parsing: period), deliveredToDate: pounds(10_000), forecast: nil, rag: nil,
            comment: comment, impact: impact.map { ObservedImpact(text: $0, foreseen: foreseen) }, by: testWho)
    }

    @Test("SI01: an impact said not foreseen, or on a proposal with no identified impact; a foreseen one on an assessed proposal is not")
    func si01() throws {
        let foreseen = try scenario(identified: [.residents])
        try report(foreseen, "2023-06", impact: "Complaints up", foreseen: true)
        #expect(try foreseen.findings(code: .SI01).isEmpty)
        let unforeseen = try scenario(identified: [.residents])
        try report(unforeseen, "2023-06", impact: "Longer waits", foreseen: false)
        let f = try #require(try unforeseen.findings(code: .SI01).first)
        #expect(f.severity == .high && f.amount == pounds(100_000) && f.refs == ["P-1"])
        #expect(f.message.contains("“Longer waits”") && f.message.contains("Ann") && f.message.contains("Cllr Ellen Price (Communities)"))
        // Foreseen, says the return, but nothing was identified when it was risk-assessed: unforeseen all the same.
        let unassessed = try scenario()
        try report(unassessed, "2023-06", impact: "Longer waits", foreseen: true)
        #expect(try unassessed.findings(code: .SI01).count == 1)
        // Two reports in a year are one finding, on the latest.
        try report(unforeseen, "2023-07", impact: "Still longer waits", foreseen: false)
        let again = try unforeseen.findings(code: .SI01)
        #expect(again.count == 1 && again[0].message.contains("Still longer waits"))
    }

    @Test("SI02: a High-risk proposal silent about impacts for three months; two silent months, a comment, or a lower rating is not")
    func si02() throws {
        let silent = try scenario(risk: .high)
        for month in ["2023-05", "2023-06"] { try report(silent, month) }
        #expect(try silent.findings(code: .SI02).isEmpty)  // two months
        try report(silent, "2023-07")
        let f = try #require(try silent.findings(code: .SI02).first)
        #expect(f.severity == .low && f.message.contains("2023/24 P2, 2023/24 P3 and 2023/24 P4"))
        let spoke = try scenario(risk: .high)
        for month in ["2023-05", "2023-06"] { try report(spoke, month) }
        try report(spoke, "2023-07", comment: "No impact on users yet")
        #expect(try spoke.findings(code: .SI02).isEmpty)
        let medium = try scenario(risk: .medium)
        for month in ["2023-05", "2023-06", "2023-07"] { try report(medium, month) }
        #expect(try medium.findings(code: .SI02).isEmpty)
    }

    @Test("impacts through a pack, a CSV return, a workbook, the portal form and the API; refusals name the cell")
    func everyWayIn() async throws {
        let cli = CLI()
        try cli.expectOK(["load", samplePack])
        let ledger = try Ledger(path: cli.ledger)
        let p = try #require(try ledger.books.proposal("PEO-06"))
        #expect(p.portfolio == "Adult Social Care and Health" && p.portfolioHolder == "Cllr Daniel Osei" && p.risk == .high)
        #expect(try ledger.returns.identifiedImpacts()["PLA-13"]?.first?.kind == .residents)
        let october = try ledger.returns.impactReports(asOf: nil)
        #expect(october.map(\.ref) == ["PEO-06", "PLA-13"] && october.map(\.impact.foreseen) == [false, true])
        // A CSV return and a workbook.
        try "ref,year,delivered_to_date,impact,impact_foreseen\nPEO-07,2023/24,\"150,000\",Providers threaten to hand back contracts,no\n".write(
            toFile: cli.dir.path("2023-11.csv"), atomically: true, encoding: .utf8)
        let imported = try cli.run(["import-return", "2023-11.csv"])
        #expect(imported.status == 0 && imported.out.contains("1 service impact reported"), "\(imported.out)")
        let json = try JSONSerialization.jsonObject(
            with: Data(try cli.run(["statement", "--holder", "Helen Brandt", "--period", "2023-10", "--format", "json"]).out.utf8)) as! [String: Any]
        let impacts = try #require(json["impacts"] as? [[String: Any]])
        #expect(impacts.contains { $0["ref"] as? String == "PEO-06" && (($0["reported"] as? [[String: Any]])?.first?["unforeseen"] as? Bool) == true })
        try cli.expectOK(["template", "--period", "2023-11", "--holder", "Leo Marsh", "--out", "leo.xlsx"])
        var reader = try WorkbookReader(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: cli.dir.path("leo.xlsx")))), file: "leo.xlsx")
        let header = try #require(try reader.sheet(named: "Return")).rows[0].cells.sorted { $0.key < $1.key }.map { WorkbookSheet.text($0.value) }
        #expect(header.suffix(2) == ["impact", "impact_foreseen"])
        let table = Table(
            columns: ["ref", "year", "delivered_to_date", "impact", "impact_foreseen"].map { Table.Column($0) },
            rows: [[.text("PLA-13"), .text("2023/24"), .money(pounds(60_000)), .text("A branch closed early twice"), .text("yes")]])
        try Data(try XLSXFile.bytes(WorkbookDocument(sheets: [.init(name: "Return", table: table, keyHeadings: true)], about: [("period", "2023-11")])))
            .write(to: URL(fileURLWithPath: cli.dir.path("r.xlsx")))
        try cli.expectOK(["import-return", "r.xlsx"])
        let reports = try Ledger(path: cli.ledger).returns.impactReports(asOf: nil)
        #expect(reports.contains { $0.ref == "PEO-07" && !$0.impact.foreseen && $0.period.monthText == "2023-11" })
        #expect(reports.contains { $0.ref == "PLA-13" && $0.impact.foreseen && $0.impact.text == "A branch closed early twice" })
        // Refusals name the cell, and write nothing.
        let before = try cli.run(["export", "--format", "json"]).out
        try "ref,year,delivered_to_date,impact_foreseen\nPEO-07,2023/24,1,yes\n".write(toFile: cli.dir.path("bad.csv"), atomically: true, encoding: .utf8)
        let bad = try cli.run(["import-return", "bad.csv", "--period", "2023-12"])
        #expect(bad.status == 2 && bad.err.contains("line 2, column \"impact_foreseen\"") && bad.err.contains("no impact"), "\(bad.err)")
        try "ref,year,delivered_to_date,impact,impact_foreseen\nPEO-07,2023/24,1,x,perhaps\n".write(toFile: cli.dir.path("bad2.csv"), atomically: true, encoding: .utf8)
        let bad2 = try cli.run(["import-return", "bad2.csv", "--period", "2023-12"])
        #expect(bad2.status == 2 && bad2.err.contains("column \"impact_foreseen\"") && bad2.err.contains("yes or no"), "\(bad2.err)")
        // An impact returned is refused as an identified one is when it would show text backwards (found by a reviewer).
        try "ref,year,delivered_to_date,impact,impact_foreseen\nPEO-07,2023/24,1,imp \u{202E} evil,no\n".write(
            toFile: cli.dir.path("bad3.csv"), atomically: true, encoding: .utf8)
        let bad3 = try cli.run(["import-return", "bad3.csv", "--period", "2023-12"])
        #expect(bad3.status == 2 && bad3.err.contains("line 2, column \"impact\"") && bad3.err.contains("reverse the direction of text"), "\(bad3.err)")
        // An impact over two lines is plain text, as a comment is (a textarea's Enter, Excel's Alt+Enter).
        try "ref,year,delivered_to_date,impact,impact_foreseen\nPEO-07,2023/24,1,\"Day centre\nclosed\",no\n".write(
            toFile: cli.dir.path("2023-10.csv"), atomically: true, encoding: .utf8)
        let lines = try cli.run(["import-return", "2023-10.csv"])
        #expect(lines.status == 0, "\(lines.err)")
        #expect(try Ledger(path: cli.ledger).returns.impactReports(asOf: nil).contains { $0.impact.text == "Day centre\nclosed" })
        let afterLines = try cli.run(["export", "--format", "json"]).out
        // A CSV return named for one month and given another is refused, as a workbook's About sheet is.
        try "ref,year,delivered_to_date\nPEO-07,2023/24,1\n".write(toFile: cli.dir.path("2023-12.csv"), atomically: true, encoding: .utf8)
        let misnamed = try cli.run(["import-return", "2023-12.csv", "--period", "2023-11"])
        #expect(misnamed.status == 2 && misnamed.err.contains("the file's name says this return is for 2023/24 P9 but the period given is 2023/24 P8"), "\(misnamed.err)")
        #expect(try cli.run(["export", "--format", "json"]).out == afterLines)
        // The portal form and the API.
        let f = try await PortalFixture()
        let helen = try await f.signIn("helen")
        let form = try await f.request("GET", "/return?period=2023-11", cookie: helen.cookie)
        #expect(form.body.contains("name=\"impact_0\"") && form.body.contains("name=\"impact_foreseen_0\""))
        let posted = try await f.request(
            "POST", "/return", cookie: helen.cookie,
            form: [
                ("csrf", helen.csrf), ("period", "2023-11"), ("rows", "1"), ("ref_0", "PEO-06"), ("year_0", "2023/24"),
                ("delivered_to_date_0", "150000"), ("impact_0", "Discharges delayed"), ("impact_foreseen_0", "no"), ("action", "post"),
            ])
        #expect(posted.status == 200, "\(posted.body)")
        // A month before the MTFS years is refused as such, not as proposals that are not hers (found by a reviewer).
        let early = try await f.request(
            "POST", "/return", cookie: helen.cookie,
            form: [
                ("csrf", helen.csrf), ("period", "2022-11"), ("rows", "1"), ("ref_0", "PEO-06"), ("year_0", "2023/24"),
                ("delivered_to_date_0", "150000"), ("action", "post"),
            ])
        #expect(early.status == 422 && (early.body.contains("is outside the ledger&#39;s MTFS years") || early.body.contains("is outside the ledger's MTFS years")), "\(early.status) \(early.body)")
        // Her history says what she reported, the impact included.
        let history = try await f.request("GET", "/history", cookie: helen.cookie)
        #expect(history.status == 200 && history.body.contains("Discharges delayed (not foreseen)"), "\(history.body)")
        let token = Credentials.randomSecret(prefix: "mtfs_")
        try f.service.write { try $0.people.addToken(login: "fbp.people", tokenHash: Credentials.digest(token), by: "t", at: 0, recordedAt: "") }
        let api = try await f.request(
            "POST", "/api/v1/returns",
            json: "{\"period\": \"2023-11\", \"lines\": [{\"ref\": \"PEO-01\", \"year\": \"2023/24\", \"impact\": \"Two children moved out of area\", \"impact_foreseen\": true}]}",
            headers: ["Authorization": "Bearer \(token)"])
        #expect(api.status == 200, "\(api.body)")
        let seen = try f.service.read { try $0.returns.impactReports(asOf: nil) }
        #expect(seen.contains { $0.ref == "PEO-06" && $0.impact.text == "Discharges delayed" && !$0.impact.foreseen })
        #expect(seen.contains { $0.ref == "PEO-01" && $0.impact.foreseen })
        #expect(try f.service.read { try $0.verifier.verify().passed })
    }

    @Test("identified impacts are in the record chain: one changed in the file is caught")
    func chained() throws {
        let cli = CLI()
        try cli.expectOK(["load", samplePack])
        let db = try Database(path: cli.ledger)
        try db.execute("DROP TRIGGER impacts_no_update")
        try db.execute("UPDATE impacts SET mitigation = 'none' WHERE proposal = 'PEO-01'")
        let r = try cli.run(["verify", "--no-head-log"])
        #expect(r.status == 4 && r.out.contains("impacts"), "\(r.out)\(r.err)")
    }

    @Test("summary --by portfolio and --by priority: the same programme, each row a portfolio and its holder, or a priority; totals the same")
    func summaryBy() throws {
        let cli = CLI()
        try cli.expectOK(["load", samplePack])
        func totals(_ args: [String]) throws -> [Int] {
            let json = try JSONSerialization.jsonObject(with: Data(try cli.run(["summary", "--format", "json"] + args).out.utf8)) as! [String: Any]
            return (json["totals"] as! [[String: Any]]).map { $0["current_target_pence"] as! Int }
        }
        let portfolio = try cli.run(["summary", "--by", "portfolio", "--year", "2023/24"]).out
        #expect(portfolio.contains("Portfolio (holder)") && portfolio.contains("Adult Social Care and Health (Cllr Daniel Osei)"), "\(portfolio)")
        let priority = try cli.run(["summary", "--by", "priority", "--year", "2023/24"]).out
        #expect(priority.contains("Corporate Plan priority") && priority.contains("Best start for children"))
        #expect(try totals(["--by", "portfolio"]) == totals([]) && totals(["--by", "priority"]) == totals([]))
        // The CFO summary lists the impacts reported, unforeseen first.
        let text = try cli.run(["summary"]).out
        let unforeseen = try #require(text.range(of: "NOT foreseen"))
        let foreseen = try #require(text.range(of: "foreseen      2023/24"))
        #expect(unforeseen.lowerBound < foreseen.lowerBound)
        let refused = try cli.run(["summary", "--by", "portfolio", "--structure", "2023-10-01"])
        #expect(refused.status == 1 && refused.err.contains("--structure"))
    }
}
