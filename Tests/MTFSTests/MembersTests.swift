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
                try ledger.books.addProposal(proposal, targets: [fy(2023): pounds(s.target)], effective: date("2023-04-01"), reason: "MTFS", by: testWho)
                _ = try ledger.books.setDelivered(ref: proposal.ref, year: fy(2023), to: pounds(s.delivered), asAt: p, reason: { _ in "return" }, by: testWho)
                if (1...4).contains(s.how) {
                    try ledger.books.recordForecast(
                        ref: proposal.ref, year: fy(2023), period: p, forecast: pounds(s.forecast), rag: [.blue, .green, .amber, .red][s.how - 1],
                        comment: "", by: testWho)
                } else if s.how == 5 {
                    let rest = max(0, s.target - s.delivered)
                    let green = rest * s.split / 100
                    let status = StatusMoney(green: pounds(green), amber: pounds((rest - green) / 2), red: pounds(rest - green - (rest - green) / 2))
                    try ledger.books.recordForecast(
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
                // What the approved target lost is slipped or written off: approved − both = the target now.
                #expect(m.originalTarget - m.slipped - m.writtenOff == m.target, "\(l.proposal.ref): \(m)")
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
        let findings = Reconciliation(input: input, settings: try ledger.settings.reconcileSettings()).findings()
        return (cli, MembersReport.build(input: input, findings: findings, since: since, withComments: comments))
    }

    @Test("impacts since the last report only, unforeseen first; slippage and double counts on the portfolio's savings in plain words")
    func impactsAndConcerns() throws {
        let (cli, report) = try borough()
        let proposals = try Ledger(path: cli.ledger, readOnly: true).books.proposals()
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
        #expect(concerns.contains("behind plan") && concerns.contains("Possible double count") && concerns.contains("to 2024/25, agreed 29 September 2023"), "\(concerns)")
        // One sentence for the same double count in several years.
        let place = try #require(report.portfolios.first { $0.name == "Communities and Culture" })
        let repeated = place.concerns.filter { $0.sentence.contains("PLA-09") && $0.sentence.contains("PLA-10") }
        #expect(repeated.count == 1 && repeated[0].sentence.contains("The same in 2024/25 and 2025/26"), "\(repeated)")
        // At a glance: the impacts, and a double count between two portfolios counted once.
        let glance = MembersRenderer.glance(report)
        #expect(glance[1].hasPrefix("2 service impacts") && glance[1].contains("1 not foreseen"), "\(glance)")
        let doubles = Set(report.portfolios.flatMap(\.concerns).filter { $0.kind == .doubleCount }.map(\.sentence))
        #expect(report.portfolios.flatMap(\.concerns).filter { $0.kind == .doubleCount }.count > doubles.count, "the sample has a double count across portfolios")
        #expect(glance[2].hasPrefix("\(doubles.count) possible double count"), "\(glance)")
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
        let target = try #require(rows[0].firstIndex(of: "Target now"))
        #expect(sheet.rows.dropFirst().allSatisfy { if case .number = $0.cells[target] { true } else { false } })
    }

    @Test("a member reads their portfolio only: its report, statement and findings; another portfolio, a holder's statement and the CFO's pages are 403; no write at all, even in their portfolio")
    func memberScope() async throws {
        let member = PortalUser(login: "cllr.fielding", name: "Cllr Maya Fielding", role: .member, portfolio: "Children's Services")
        let f = try await PortalFixture(users: PortalFixture.boroughUsers + [member])
        let m = try await f.signIn("cllr.fielding")
        let home = try await f.request("GET", "/", cookie: m.cookie)
        #expect(home.status == 303 && home.header("Location") == "/members")
        // Their portfolio's savings (PEO-01 to PEO-04), and no other's (PEO-06 is Adult Social Care's).
        for path in ["/members?period=2023-10", "/statement?period=2023-10", "/download?report=members&format=html&period=2023-10"] {
            let r = try await f.request("GET", path, cookie: m.cookie)
            #expect(r.status == 200 && r.body.contains("PEO-01") && r.body.contains("PEO-04"), "\(path): \(r.status)")
            #expect(!r.body.contains("PEO-06") && !r.body.contains("Adult Social Care") && !r.body.contains("Cost centres you hold"), "\(path)")
        }
        let statement = try await f.request("GET", "/statement?period=2023-10", cookie: m.cookie)
        #expect(statement.body.contains("Portfolio statement") && !statement.body.contains("I confirm these figures"))
        let findings = try await f.request("GET", "/findings", cookie: m.cookie)
        #expect(findings.status == 200 && !findings.body.contains("PEO-06") && !findings.body.contains("RES-04"))
        let xlsx = try await f.request("GET", "/download?report=members&format=xlsx&period=2023-10", cookie: m.cookie)
        #expect(xlsx.status == 200 && xlsx.data.starts(with: [0x50, 0x4B]))
        // Out of scope: 403, whatever is asked for.
        for path in [
            "/members?period=2023-10&portfolio=Adult%20Social%20Care%20and%20Health", "/statement?period=2023-10&holder=Helen%20Brandt",
            "/statement?period=2023-10&holder=Amara%20Okoye", "/board?period=2023-10", "/summary", "/trend", "/upload", "/return", "/history",
            "/download?report=summary&format=csv", "/download?report=balance&format=csv",
            "/download?report=statement&format=html&period=2023-10&holder=Amara%20Okoye",
        ] {
            let r = try await f.request("GET", path, cookie: m.cookie)
            #expect(r.status == 403, "\(path): \(r.status)")
        }
        // No write at all: a return for their own portfolio's saving, a sign-off, an upload, the API.
        let token = "member-token-0123456789abcdef0123456789abcdef"
        try f.service.write { try $0.people.addToken(login: "cllr.fielding", tokenHash: Credentials.digest(token), by: "t", at: 0, recordedAt: "") }
        let count = { try f.service.read { ledger in
            [try ledger.db.scalar("SELECT count(*) FROM entries"), try ledger.db.scalar("SELECT count(*) FROM return_lines"),
             try ledger.db.scalar("SELECT count(*) FROM sign_offs"), try ledger.db.scalar("SELECT count(*) FROM forecasts")]
        } }
        let before = try count()
        let writes: [(String, [(String, String)])] = [
            ("/return", [("csrf", m.csrf), ("period", "2023-10"), ("ref.0", "PEO-01"), ("year.0", "2023/24"), ("delivered_to_date.0", "300000"), ("confirm", "1")]),
            ("/sign-off", [("csrf", m.csrf), ("period", "2023-10"), ("comment", "ok")]),
            ("/upload", [("csrf", m.csrf), ("period", "2023-10")]),
        ]
        for (path, form) in writes {
            let r = try await f.request("POST", path, cookie: m.cookie, form: form)
            #expect(r.status == 403, "POST \(path): \(r.status)")
        }
        let bearer = ["Authorization": "Bearer \(token)"]
        // The findings say when only their portfolio's directorates last returned.
        let findingsJSON = try await f.request("GET", "/api/v1/findings", headers: bearer)
        let returned = ((try JSONSerialization.jsonObject(with: findingsJSON.data) as? [String: Any])?["latest_returns"] as? [String: Any]) ?? [:]
        #expect(findingsJSON.status == 200 && Set(returned.keys) == ["People"], "\(returned.keys)")
        let positions = try await f.request("GET", "/api/v1/positions", headers: bearer)
        #expect(positions.status == 200 && positions.body.contains("PEO-01") && !positions.body.contains("PEO-06"))
        let refused = try await f.request("GET", "/api/v1/statements/2023-10?holder=Amara%20Okoye", headers: bearer)
        // Every API refusal in one shape (SPEC §10 v3): {"errors": [...]}.
        let errors = (try JSONSerialization.jsonObject(with: refused.data) as? [String: Any])?["errors"] as? [String]
        #expect(refused.status == 403 && errors?.count == 1, "\(refused.body)")
        let unsigned = try await f.request("GET", "/api/v1/positions", headers: ["Authorization": "Bearer nope"])
        #expect(unsigned.status == 401 && unsigned.body.contains("\"errors\""), "\(unsigned.body)")
        let api = [
            ("/api/v1/returns", "{\"period\": \"2023-10\", \"lines\": [{\"ref\": \"PEO-01\", \"year\": \"2023/24\", \"delivered_to_date\": 300000}]}"),
            ("/api/v1/sign-offs", "{\"period\": \"2023-10\", \"comment\": \"ok\"}"),
        ]
        for (path, json) in api {
            let r = try await f.request("POST", path, json: json, headers: bearer)
            #expect(r.status == 403, "POST \(path): \(r.status) \(r.body)")
        }
        #expect(try count() == before)
        // A month outside the MTFS is refused as the command line refuses it.
        #expect(try await f.request("GET", "/members?period=2030-01", cookie: m.cookie).status == 422)
        // Signing in as someone else, and signing out, are the things a member posts.
        let other = try await f.request("POST", "/login", cookie: m.cookie, form: [("login", "cfo"), ("password", PortalFixture.password)])
        #expect(other.status == 303, "\(other.status)")
        // Every page's methods come from the one route table: POST to the members' report is 405, GET allowed.
        let cfo = try await f.signIn("cfo")
        let wrongMethod = try await f.request("POST", "/members", cookie: cfo.cookie, form: [("csrf", cfo.csrf)])
        #expect(wrongMethod.status == 405 && wrongMethod.header("Allow") == "GET", "\(wrongMethod.status) \(String(describing: wrongMethod.header("Allow")))")
        #expect(try await f.request("POST", "/logout", cookie: m.cookie, form: [("csrf", m.csrf)]).status == 303)
    }

    @Test("mtfs user add --role member needs a portfolio the ledger knows; the portfolio is in the record chain (schema 11 keeps older users' records)")
    func memberUsers() throws {
        let cli = CLI()
        try cli.expectOK(["load", samplePack])
        let stdin = { (args: [String]) throws -> CLI.Result in
            let pipe = Pipe()
            pipe.fileHandleForWriting.write(Data("a long enough password 1".utf8))
            try pipe.fileHandleForWriting.close()
            return try cli.run(args, standardInput: pipe.fileHandleForReading)
        }
        let missing = try stdin(["user", "add", "m1", "--name", "M", "--role", "member", "--password-stdin"])
        #expect(missing.status == 2 && missing.err.contains("--portfolio"), "\(missing.err)")
        let unknown = try stdin(["user", "add", "m1", "--name", "M", "--role", "member", "--portfolio", "Childrens", "--password-stdin"])
        #expect(unknown.status == 2 && unknown.err.contains("Children's Services"), "\(unknown.err)")
        let wrongRole = try stdin(["user", "add", "m1", "--name", "M", "--role", "cfo", "--portfolio", "Children's Services", "--password-stdin"])
        #expect(wrongRole.status == 1 && wrongRole.err.contains("--portfolio is for a member"), "\(wrongRole.err)")
        let ok = try stdin(["user", "add", "m1", "--name", "M", "--role", "member", "--portfolio", "children's services", "--password-stdin"])
        #expect(ok.status == 0 && ok.out.contains("the Children's Services portfolio"), "\(ok.out)\(ok.err)")
        #expect(try cli.run(["user", "list"]).out.contains("Children's Services"))
        #expect(try cli.run(["verify", "--no-head-log"]).status == 0)
        // One portfolio however it is typed: a later spelling that differs in case or spaces is the first one.
        try cli.expectOK([
            "proposal", "add", "X-1", "--title", "Shared transport", "--directorate", "People", "--owner", "Amara Okoye", "--cost-centre", "PEO-CSC-0201",
            "--target", "2023/24=1000", "--portfolio", "CHILDREN'S SERVICES ",
        ])
        let proposals = try Ledger(path: cli.ledger, readOnly: true).books.proposals()
        #expect(Set(proposals.compactMap(\.portfolio)).filter { $0.lowercased().hasPrefix("children") } == ["Children's Services"])
        // A title that would show reversed is refused, naming why.
        let reversed = try cli.run([
            "proposal", "add", "X-2", "--title", "Saving \u{202E}gnilwob", "--directorate", "People", "--owner", "Amara Okoye", "--cost-centre", "PEO-CSC-0201",
        ])
        #expect(reversed.status == 2 && reversed.err.contains("reverses the direction"), "\(reversed.err)")
        // The portfolio is hashed: changed in the file, verify names the user record.
        let db = try Database(path: cli.ledger)
        try db.execute("DROP TRIGGER user_changes_no_update")
        try db.execute("UPDATE user_changes SET portfolio = 'Adult Social Care and Health' WHERE login = 'm1'")
        let r = try cli.run(["verify", "--no-head-log"])
        #expect(r.status == 4 && r.out.contains("user_changes"), "\(r.out)")
    }

    @Test(
        "looked at as a councillor would: printed by Chromium, one A4 page for the programme and one per portfolio; LibreOffice opens the workbook with its sums as the report's",
        .enabled(if: onPath("chromium") || ProcessInfo.processInfo.environment["CI"] != nil))
    func printedAndOpened() throws {
        let cli = CLI()
        try cli.expectOK(["load", samplePack])
        try cli.expectOK(["report", "members", "--period", "2023-12", "--out", cli.dir.path("m.html")])
        _ = try runTool(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(cli.dir.path("m.pdf"))", "file://" + cli.dir.path("m.html")],
            in: cli.dir.path(""))
        let pdf = try Data(contentsOf: URL(fileURLWithPath: cli.dir.path("m.pdf")))
        let pages = try NSRegularExpression(pattern: "/Type\\s*/Page(?!s)").numberOfMatches(
            in: String(decoding: pdf, as: Unicode.ASCII.self), range: NSRange(location: 0, length: pdf.count))
        let (_, report) = try borough()
        #expect(report.portfolios.count == 6 && pages == report.portfolios.count + 1, "\(pages) pages")
        guard haveLibreOffice else { return }
        try cli.expectOK(["report", "members", "--period", "2023-12", "--format", "xlsx", "--out", cli.dir.path("m.xlsx")])
        let sheets = try libreOfficeCSV(cli.dir.path("m.xlsx"), in: cli.dir.path(""))
        let savings = try CSVFile(name: "Savings", bytes: Array(try #require(sheets["Savings"]).utf8), required: ["Target now"], ignoreUnknown: true)
        // LibreOffice reads numbers (not text), and the sheet's column adds up to the report's total.
        let sum = savings.rows.compactMap { Double($0.raw("Target now")) }.reduce(0, +)
        #expect(savings.rows.count > 30 && Int64((sum * 100).rounded()) == report.totals[0].money.target.rawValue, "\(sum)")
    }
}
