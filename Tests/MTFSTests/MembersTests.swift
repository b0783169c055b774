import Foundation
import PropertyBased
import Testing

@testable import MTFSDomain
@testable import MTFSEngine
@testable import MTFSRender
@testable import MTFSStore

/// The members' report (SPEC §7 v3): by portfolio then directorate, money by status, impacts since
/// the last report, slippage and double counts in plain words; fit to publish.
@Suite("The members' report")
struct MembersTests {
    /// One proposal of a random programme: its portfolio (or none), fund, target and delivered
    /// (pounds), and how it was forecast (0 none, 1–4 a forecast with a RAG, 5 money by status).
    typealias Spec = (portfolio: Int, fund: Int, target: Int64, delivered: Int64, forecast: Int64, how: Int, split: Int64)

    @Test("money by status adds up for every saving, portfolio and fund, for any programme; every saving is listed once; funds are never added together")
    func moneyAddsUp() async throws {
        let spec = zip(
            zip(Gen.int(in: 0...3), Gen.int(in: 0...1), Gen.int64(in: 1...900_000), Gen.int64(in: 0...1_000_000)),
            zip(Gen.int64(in: 0...1_200_000), Gen.int(in: 0...5), Gen.int64(in: 0...100))
        ).map { a, b in Spec(a.0, a.1, a.2, a.3, b.0, b.1, b.2) }.array(of: 1...6)
        await propertyCheck(count: 40, input: spec) { specs in
            let dir = TempDir()
            let ledger = try sampleLedger(dir)
            let p = try Period(parsing: "2023-10")
            for (i, s) in specs.enumerated() {
                var proposal = Proposal(
                    ref: ProposalRef("M-\(i)"), title: "Saving \(i)", directorate: i % 2 == 0 ? "People" : "Place", owner: "Ann",
                    costCentres: [CostCentreShare(costCentre: i % 2 == 0 ? "A1" : "B1")], fund: s.fund == 0 ? Proposal.generalFund : "Housing Revenue Account")
                proposal.portfolio = ["Children", "Adults", "Place", nil][s.portfolio]
                proposal.portfolioHolder = proposal.portfolio.map { "Cllr \($0)" }
                try ledger.addProposal(proposal, targets: [fy(2023): pounds(s.target)], effective: date("2023-04-01"), reason: "MTFS", by: testWho)
                _ = try ledger.setDelivered(ref: proposal.ref, year: fy(2023), to: pounds(s.delivered), asAt: p, reason: { _ in "return" }, by: testWho)
                if (1...4).contains(s.how) {
                    try ledger.recordForecast(
                        ref: proposal.ref, year: fy(2023), period: p, forecast: pounds(s.forecast), rag: [.blue, .green, .amber, .red][s.how - 1],
                        comment: "", by: testWho)
                } else if s.how == 5 {
                    let rest = max(0, s.target - s.delivered)
                    let green = rest * s.split / 100
                    let status = StatusMoney(green: pounds(green), amber: pounds((rest - green) / 2), red: pounds(rest - green - (rest - green) / 2))
                    try ledger.recordForecast(
                        ref: proposal.ref, year: fy(2023), period: p, forecast: status.forecast(delivered: pounds(s.delivered)),
                        rag: status.rag(delivered: pounds(s.delivered), target: pounds(s.target)), comment: "", status: status, by: testWho)
                }
            }
            let input = try ReconciliationInput.load(ledger, asOf: p, today: p.lastDay)
            let report = MembersReport.build(input: input, findings: Reconciliation(input: input, settings: ReconcileSettings()).findings())
            let lines = report.portfolios.flatMap { $0.groups.flatMap(\.lines) }
            // Every saving with a target is listed, once (P-1 of the sample ledger too, under no portfolio).
            #expect(lines.map(\.proposal.ref).sorted() == (["P-1"] + specs.indices.map { ProposalRef("M-\($0)") }).sorted())
            for l in lines {
                let m = l.money
                let parts = m.delivered + m.onTrack + m.atRisk + m.willNotBeDelivered + m.noForecast
                let f = input.forecasts[ReconciliationInput.key(l.proposal.ref, fy(2023))]
                if let status = f?.status {
                    #expect(parts == status.total(delivered: m.delivered), "\(l.proposal.ref): \(m)")
                } else {
                    // The parts are the target, or what is delivered or forecast beyond it.
                    #expect(parts == max(m.target, max(f?.forecast ?? .zero, m.delivered)), "\(l.proposal.ref): \(m) forecast \(String(describing: f))")
                    #expect(f != nil || (m.onTrack + m.atRisk + m.willNotBeDelivered).isZero, "\(l.proposal.ref): no forecast, yet \(m)")
                }
                #expect([m.onTrack, m.atRisk, m.willNotBeDelivered, m.noForecast].allSatisfy { !$0.isNegative })
            }
            // Each total is the sum of its lines, fund by fund; funds never share a total.
            func sums(_ lines: [MembersReport.Line]) -> [String: MembersReport.Money] {
                var out: [String: MembersReport.Money] = [:]
                for l in lines { out[l.proposal.fund, default: .init()].add(l.money) }
                return out
            }
            func asDictionary(_ totals: [MembersReport.FundTotal]) -> [String: MembersReport.Money] {
                Dictionary(uniqueKeysWithValues: totals.map { ($0.fund, $0.money) })
            }
            for portfolio in report.portfolios {
                #expect(asDictionary(portfolio.totals) == sums(portfolio.groups.flatMap(\.lines)))
                for g in portfolio.groups { #expect(asDictionary(g.totals) == sums(g.lines)) }
            }
            #expect(asDictionary(report.totals) == sums(lines))
        }
    }

    /// A workbook sheet's rows as text, or every sheet's text joined.
    func workbookRows(_ path: String, sheet name: String) throws -> [[String]] {
        var reader = try WorkbookReader(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), file: path)
        let sheet = try #require(try reader.sheet(named: name))
        return sheet.rows.map { row in
            let width = (row.cells.keys.max() ?? -1) + 1
            return (0..<width).map { row.cells[$0].map(WorkbookSheet.text) ?? "" }
        }
    }

    func xlsxText(_ path: String) throws -> String {
        let reader = try WorkbookReader(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), file: path)
        return try reader.sheets.map(\.name).flatMap { try workbookRows(path, sheet: $0).flatMap { $0 } }.joined(separator: "\n")
    }

    /// The sample borough loaded, its report as at December 2023 built in the engine.
    func borough(since: Period? = nil, comments: Bool = false) throws -> (CLI, MembersReport) {
        let cli = CLI()
        try cli.expectOK(["load", samplePack])
        let ledger = try Ledger(path: cli.ledger, readOnly: true)
        let p = try Period(parsing: "2023-12")
        let input = try ReconciliationInput.load(ledger, asOf: p, today: p.lastDay)
        let findings = Reconciliation(input: input, settings: try ledger.reconcileSettings()).findings()
        return (cli, MembersReport.build(input: input, findings: findings, since: since, withComments: comments))
    }

    @Test("impacts since the last report only, unforeseen first; slippage and double counts on the portfolio's savings in plain words")
    func impactsAndConcerns() throws {
        let (cli, report) = try borough()
        let proposals = try Ledger(path: cli.ledger, readOnly: true).proposals()
        let all = report.portfolios.flatMap(\.impacts)
        // The sample's two impacts were reported in October 2023: inside the default quarter.
        #expect(all.count == 2 && all.first?.unforeseen == true && all.last?.unforeseen == false)
        let adults = try #require(report.portfolios.first { $0.name == "Adult Social Care and Health" })
        #expect(adults.impacts.map(\.proposal.ref) == ["PEO-06"] && adults.holder == "Cllr Daniel Osei")
        // A report after October's: nothing new.
        let (_, later) = try borough(since: try Period(parsing: "2023-10"))
        #expect(later.portfolios.allSatisfy { $0.impacts.isEmpty })
        // Concerns name savings of the portfolio, double counts first, in words, and no cost centre.
        for p in report.portfolios {
            let refs = Set(proposals.filter { $0.portfolio == p.name }.map(\.ref.rawValue))
            for c in p.concerns { #expect(refs.contains { c.sentence.contains($0) }, "\(p.name): \(c.sentence)") }
            let kinds = p.concerns.map(\.kind)
            #expect(kinds == kinds.sorted { $0 == .doubleCount && $1 == .slippage })
        }
        let concerns = adults.concerns.map(\.sentence).joined(separator: "\n")
        #expect(concerns.contains("behind profile") && concerns.contains("Possible double count") && concerns.contains("slipped to 2024/25"))
        // One sentence for the same double count in several years.
        let place = try #require(report.portfolios.first { $0.name == "Communities and Culture" })
        let repeated = place.concerns.filter { $0.sentence.contains("PLA-09") && $0.sentence.contains("PLA-10") }
        #expect(repeated.count == 1 && repeated[0].sentence.contains("The same in 2024/25 and 2025/26"), "\(repeated)")
    }

    @Test("fit to publish: no cost centre, login or ledger entry in any format; comments only with --with-comments; every value escaped")
    func fitToPublish() throws {
        let cli = CLI()
        try cli.expectOK(["load", samplePack])
        let codes = try String(contentsOfFile: samplePack + "/organisation.csv", encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
            .map { String($0.split(separator: ",")[0]) }
        #expect(codes.count > 50)
        // A comment a holder wrote for finance, and a hostile title, through a return and a proposal.
        try "ref,year,delivered_to_date,forecast,rag,comment\nPEO-01,2023/24,300000,400000,Green,Staff sickness in the team: see HR case 4471\n"
            .write(toFile: cli.dir.path("r.csv"), atomically: true, encoding: .utf8)
        try cli.expectOK(["import-return", cli.dir.path("r.csv"), "--period", "2023-12"])
        try cli.expectOK([
            "proposal", "add", "XSS-1", "--title", "<script>alert(1)</script> & *bold* | pipe", "--directorate", "People", "--owner", "Amara Okoye",
            "--cost-centre", "PEO-CSC-0201", "--target", "2023/24=10000", "--portfolio", "Children's Services",
        ])
        for format in ["html", "markdown", "xlsx"] {
            let out = cli.dir.path("m.\(format)")
            try cli.expectOK(["report", "members", "--period", "2023-12", "--format", format, "--out", out])
            let text = format == "xlsx" ? try xlsxText(out) : try String(contentsOfFile: out, encoding: .utf8)
            for code in codes { #expect(!text.contains(code), "\(format) names cost centre \(code)") }
            #expect(!text.contains("Staff sickness"), "\(format) shows a comment without --with-comments")
            #expect(!text.contains(NSUserName()) && !text.contains("testrunner"), "\(format) names a login")
            #expect(text.contains("PEO-01") && text.contains("Cllr Maya Fielding") && text.contains("Amara Okoye"))
            if format == "html" { #expect(!text.contains("<script>alert") && text.contains("&lt;script&gt;")) }
            if format == "markdown" { #expect(!text.contains("<script>alert") && text.contains("\\*bold\\*") && text.contains("\\| pipe")) }
        }
        let with = cli.dir.path("c.html")
        try cli.expectOK(["report", "members", "--period", "2023-12", "--with-comments", "--out", with])
        #expect(try String(contentsOfFile: with, encoding: .utf8).contains("Staff sickness"))
    }

    @Test("the command: --portfolio limits it, one sentence for a bad period, portfolio or --since, nothing written; the workbook keeps totals out of its data")
    func command() throws {
        let cli = CLI()
        try cli.expectOK(["load", samplePack])
        let out = cli.dir.path("m.md")
        try cli.expectOK(["report", "members", "--period", "2023-12", "--format", "markdown", "--portfolio", "children's services", "--out", out])
        let md = try String(contentsOfFile: out, encoding: .utf8)
        #expect(md.contains("## Children's Services") && !md.contains("## Adult Social Care") && !md.contains("PEO-06"))
        for (args, words) in [
            (["--portfolio", "Childrens"], "the portfolios are"), (["--since", "2023-12"], "must be before"), (["--period", "2031-01"], "--period"),
            (["--format", "csv"], "csv"),
        ] {
            let bad = cli.dir.path("bad.html")
            var arguments = ["report", "members", "--period", "2023-12", "--out", bad]
            if let i = arguments.firstIndex(of: args[0]) { arguments.removeSubrange(i...(i + 1)) }
            let r = try cli.run(arguments + args)
            #expect(r.status != 0 && r.err.contains(words) && r.err.split(separator: "\n").count <= 2, "\(args): \(r.err)")
            #expect(!FileManager.default.fileExists(atPath: bad), "\(args) wrote a file")
        }
        // The workbook: figures as numbers, and no total row in the data sheet.
        let xlsx = cli.dir.path("m.xlsx")
        try cli.expectOK(["report", "members", "--period", "2023-12", "--format", "xlsx", "--out", xlsx])
        let rows = try workbookRows(xlsx, sheet: "Savings")
        #expect(rows.first?.contains("Will not be delivered") == true)
        #expect(!rows.dropFirst().contains { $0.contains("Total") })
        let input = try ReconciliationInput.load(try Ledger(path: cli.ledger, readOnly: true), asOf: try Period(parsing: "2023-12"), today: date("2023-12-31"))
        let withTarget = Set(input.lines.filter { $0.year == fy(2023) && $0.position.originalTarget > .zero }.map(\.proposal))
        #expect(rows.count - 1 == withTarget.count, "one row per saving with a 2023/24 target")
        // Money is a number cell, never text.
        var reader = try WorkbookReader(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: xlsx))), file: "m.xlsx")
        let sheet = try #require(try reader.sheet(named: "Savings"))
        let target = try #require(rows[0].firstIndex(of: "Target"))
        #expect(sheet.rows.dropFirst().allSatisfy { if case .number = $0.cells[target] { true } else { false } })
    }
}
