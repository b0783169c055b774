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

/// The month's work in the portal as a holder and finance do it (issue #30, "The month's work").
@Suite("The month's work", .serialized)
struct MonthsWorkTests {
    /// The fields a page's form would send as it stands: inputs with their values, textareas with
    /// their text, selects with their selected option (HTML entities decoded).
    static func formFields(_ html: String) -> [(String, String)] {
        func unescape(_ s: String) -> String {
            s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        }
        func attribute(_ name: String, in tag: String) -> String? {
            guard let r = tag.range(of: " \(name)=\"") else { return nil }
            return unescape(String(tag[r.upperBound...].prefix { $0 != "\"" }))
        }
        var fields: [(String, String)] = []
        let form = html.components(separatedBy: "<form method=\"post\" action=\"/return\">").dropFirst().first?.components(separatedBy: "</form>").first ?? ""
        var rest = Substring(form)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[open...]
            let tag = String(rest.prefix { $0 != ">" })
            if tag.hasPrefix("<input"), let name = attribute("name", in: tag) {
                fields.append((name, attribute("value", in: tag) ?? ""))
            } else if tag.hasPrefix("<textarea"), let name = attribute("name", in: tag) {
                let text = rest.dropFirst(tag.count + 1).prefix { $0 != "<" }
                fields.append((name, unescape(String(text))))
            } else if tag.hasPrefix("<select"), let name = attribute("name", in: tag) {
                let body = rest.components(separatedBy: "</select>").first ?? ""
                let selected = body.components(separatedBy: "<option").first { $0.contains(" selected") }
                fields.append((name, selected.flatMap { attribute("value", in: " " + $0) } ?? ""))
            }
            rest = rest.dropFirst()
        }
        return fields
    }

    @Test("My return opens on the month after the last one returned; the untouched form's preview says every line is unchanged and shows forecasts, RAG and comments")
    func returnOpensOnTheMonthDue() async throws {
        let f = try await PortalFixture()
        let helen = try await f.signIn("helen")
        let last = try f.service.read { ledger in
            try ledger.returns.returnLines(refs: try ledger.books.proposals().filter { $0.owner == "Helen Brandt" }.map(\.ref)).map(\.period).max()
        }
        let due = try #require(last).next
        let page = try await f.request("GET", "/return", cookie: helen.cookie)
        #expect(page.status == 200 && page.body.contains("Your return for \(due.description)"), "\(page.body.prefix(3000))")
        // The month already returned is still there when asked for.
        let done = try await f.request("GET", "/return?period=\(try #require(last).monthText)", cookie: helen.cookie)
        #expect(done.body.contains("Your return for \(try #require(last).description)"))
        // Sent back untouched: nothing will be posted, every line is unchanged, and the preview
        // shows what each line says, not only the entries.
        var form = MonthsWorkTests.formFields(page.body)
        let rows = Int(form.first { $0.0 == "rows" }?.1 ?? "") ?? 0
        #expect(rows >= 3)
        form.append(("action", "preview"))
        let preview = try await f.request("POST", "/return", cookie: helen.cookie, form: form)
        #expect(preview.status == 200)
        #expect(preview.body.contains("\(rows) lines returned unchanged") || preview.body.contains("Nothing changes"), "\(preview.body)")
        #expect(!preview.body.contains("0 lines returned unchanged"))
        for heading in ["Forecast", "RAG", "Comment"] { #expect(preview.body.contains("<th class=\"\">\(heading)</th>") || preview.body.contains(">\(heading)</th>"), "\(heading)") }
        #expect(preview.body.contains("On track"))
    }

    @Test("a month's amount typed where the year's running total stood is called out in the preview and not posted without a yes")
    func monthTypedForTheYear() async throws {
        let f = try await PortalFixture()
        let helen = try await f.signIn("helen")
        let page = try await f.request("GET", "/return", cookie: helen.cookie)
        var form = MonthsWorkTests.formFields(page.body)
        // The first line with something delivered: its running total replaced by a tenth of it.
        let i = try #require(
            (0..<20).first { i in (Double(form.first { $0.0 == "delivered_to_date_\(i)" }?.1 ?? "") ?? 0) > 1_000 })
        let ref = form.first { $0.0 == "ref_\(i)" }!.1
        let stood = try Pence(parsing: form.first { $0.0 == "delivered_to_date_\(i)" }!.1)
        let typed = Pence(stood.rawValue / 10)
        form = form.map { $0.0 == "delivered_to_date_\(i)" ? ($0.0, typed.plain) : $0 }
        let before = try f.journalCount()
        let preview = try await f.request("POST", "/return", cookie: helen.cookie, form: form + [("action", "preview")])
        #expect(preview.status == 200)
        #expect(preview.body.contains("role=\"alert\"") && preview.body.contains(ref) && preview.body.contains("running total"), "\(preview.body)")
        #expect(preview.body.contains("name=\"confirm_reductions\""))
        // Posted without saying yes: refused beside the field, nothing written.
        let refused = try await f.request("POST", "/return", cookie: helen.cookie, form: form + [("action", "post")])
        #expect(refused.status == 422 && refused.body.contains("delivered_to_date_\(i)_error") && refused.body.contains("running total"), "\(refused.body)")
        #expect(try f.journalCount() == before)
        // With a yes, the reduction is posted.
        let posted = try await f.request("POST", "/return", cookie: helen.cookie, form: form + [("confirm_reductions", "1"), ("action", "post")])
        #expect(posted.status == 200 && posted.body.contains("Return posted"), "\(posted.body)")
        #expect(try f.journalCount() == before + 1)
    }

    @Test("signed: the statement no longer offers to sign, and signing the same figures again records nothing (page, API and command line)")
    func signedOnce() async throws {
        let f = try await PortalFixture()
        let helen = try await f.signIn("helen")
        let page = try await f.request("GET", "/statement?period=2023-10", cookie: helen.cookie)
        #expect(page.body.contains("I confirm these figures"))
        let figures = try #require(MonthsWorkTests.formFields(page.body.replacingOccurrences(of: "action=\"/sign-off\"", with: "action=\"/return\"")).first { $0.0 == "figures" }?.1)
        let signed = try await f.request(
            "POST", "/sign-off", cookie: helen.cookie, form: [("csrf", helen.csrf), ("period", "2023-10"), ("figures", figures), ("comment", "")])
        #expect(signed.status == 303)
        let after = try await f.request("GET", "/statement?period=2023-10&signed=1", cookie: helen.cookie)
        #expect(after.body.contains("Signed.") && !after.body.contains("I confirm these figures"), "\(after.body)")
        // The same form sent again: refused, one sign-off recorded.
        let again = try await f.request(
            "POST", "/sign-off", cookie: helen.cookie, form: [("csrf", helen.csrf), ("period", "2023-10"), ("figures", figures), ("comment", "")])
        #expect(again.status == 409 && again.body.contains("already signed"), "\(again.status) \(again.body)")
        let token = Credentials.randomSecret(prefix: "mtfs_")
        try f.service.write { try $0.people.addToken(login: "helen", tokenHash: Credentials.digest(token), by: "t", at: 0, recordedAt: "") }
        let api = try await f.request(
            "POST", "/api/v1/sign-offs", json: "{\"period\": \"2023-10\", \"comment\": \"\"}", headers: ["Authorization": "Bearer \(token)"])
        #expect(api.status == 409 && api.body.contains("\"errors\""), "\(api.body)")
        #expect(try f.service.read { try $0.signOffs.all(upTo: Period(year: fy(2023), number: 7)).filter { $0.holder == "Helen Brandt" }.count } == 1)
        // The command line likewise.
        let cli = CLI()
        let ledger = f.dir.path("portal.sqlite")
        let r = try cli.run(["sign-off", "--holder", "Helen Brandt", "--period", "2023-10", "--ledger", ledger])
        #expect(r.status != 0 && r.err.contains("already signed"), "\(r.err)")
    }

    @Test("the returns board: each holder's name opens their statement")
    func boardLinks() async throws {
        let f = try await PortalFixture()
        let fbp = try await f.signIn("fbp.people")
        let board = try await f.request("GET", "/board?period=2023-10", cookie: fbp.cookie)
        #expect(board.status == 200)
        #expect(board.body.contains("<a href=\"/statement?period=2023-10&amp;holder=Helen%20Brandt\">Helen Brandt</a>"), "\(board.body)")
    }

    @Test("when a return is due: by the due day of the month after; the rule the board and My return share")
    func returnsDueRule() {
        let oct = Period(year: fy(2023), number: 7)
        #expect(ReturnsDue.dueDate(for: oct) == CivilDate(year: 2023, month: 11, day: 10))
        #expect(ReturnsDue.dueDate(for: oct, dueDay: 31) == CivilDate(year: 2023, month: 11, day: 30))
        #expect(ReturnsDue.dueDate(for: Period(year: fy(2023), number: 12)) == CivilDate(year: 2024, month: 4, day: 10))
        let day = { (d: Int) in CivilDate(year: 2023, month: 11, day: d)! }
        #expect(ReturnsDue.state(lines: [], period: oct, today: day(20)) == .nothingToReport)
        #expect(ReturnsDue.state(lines: [oct, oct], period: oct, today: day(20)) == .submitted)
        #expect(ReturnsDue.state(lines: [oct, oct.previous], period: oct, today: day(20)) == .partly(returned: 1, of: 2))
        #expect(ReturnsDue.state(lines: [nil, oct.previous], period: oct, today: day(10)) == .missing(late: false))
        #expect(ReturnsDue.state(lines: [nil, oct.previous], period: oct, today: day(11)) == .missing(late: true))
        let window = YearRange(first: fy(2023), last: fy(2025))
        #expect(ReturnsDue.nextMonth(lastReturned: oct, latestData: oct, today: day(20), window: window) == oct.next)
        // Not beyond the month running, nor past the MTFS years; never returned: the latest data.
        #expect(ReturnsDue.nextMonth(lastReturned: oct.next, latestData: oct, today: day(20), window: window) == oct.next)
        let last = Period(year: fy(2025), number: 12)
        #expect(ReturnsDue.nextMonth(lastReturned: last, latestData: last, today: CivilDate(year: 2027, month: 1, day: 1)!, window: window) == last)
        #expect(ReturnsDue.nextMonth(lastReturned: nil, latestData: oct, today: day(20), window: window) == oct)
    }
}

@Suite("The month's work on the command line")
struct MonthsWorkCLITests {
    @Test("a directorate's template says whose each line is, and goes back in untouched changing nothing; --out commands say what they wrote")
    func directorateTemplate() throws {
        let cli = CLI()
        try cli.expectOK(["load", samplePack])
        let r = try cli.run(["template", "--period", "2023-11", "--directorate", "people", "--out", "people.xlsx"])
        #expect(r.status == 0 && r.out.hasPrefix("Wrote"), "\(r.err)")
        var reader = try WorkbookReader(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: cli.dir.path("people.xlsx")))), file: "people.xlsx")
        let sheet = try reader.sheet(named: "Return")
        let header = try #require(sheet?.rows.first).cells.sorted { $0.key < $1.key }.map { WorkbookSheet.text($0.value) }
        #expect(header.prefix(4) == ["ref", "year", "title", "owner"], "\(header)")
        let owners = Set((sheet?.rows.dropFirst() ?? []).compactMap { $0.cells[3].map(WorkbookSheet.text) })
        #expect(owners.contains("Helen Brandt") && owners.count > 1, "\(owners)")
        let back = try cli.run(["import-return", "people.xlsx"])
        #expect(back.status == 0 && back.out.contains("0 deliveries and 0 reductions posted") && back.out.contains("lines returned unchanged"), "\(back.out) \(back.err)")
        for command in [["balance", "--format", "csv", "--out", "b.csv"], ["summary", "--format", "xlsx", "--out", "s.xlsx"], ["journal", "--format", "json", "--out", "j.json"]] {
            let w = try cli.run(command)
            #expect(w.status == 0 && w.out == "Wrote \(command.last!).\n", "\(command): \(w.out)")
        }
    }
}

@Suite("The statement at a terminal")
struct TerminalStatementTests {
    @Test("every demo holder's statement fits a 120-column terminal (it was 232 wide)")
    func fitsATerminal() throws {
        let cli = CLI()
        #expect(try cli.run(["demo", "--pack", samplePack, "--ledger", cli.ledger, "--out", cli.dir.path("reports")]).status == 0)
        let holders = try cli.run(["statements", "--period", "2023-10", "--format", "json", "--out", "st"]).status
        #expect(holders == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: cli.dir.path("st")).filter { $0.hasSuffix(".json") && $0 != "index.json" }
        #expect(names.count > 10)
        for file in names {
            let holder = try #require(
                (try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: cli.dir.path("st/" + file)))) as? [String: Any])?["holder"] as? String)
            let text = try cli.run(["statement", "--holder", holder, "--period", "2023-10"]).out
            let widest = text.split(separator: "\n").map(\.count).max() ?? 0
            #expect(widest <= 120, "\(holder): \(widest) columns")
        }
    }
}

@Suite("What the month's work review found", .serialized)
struct MonthsWorkReviewTests {
    @Test("a holder with 26 lines previews and posts through the form (fields past 200 were dropped); a later month cannot be returned; a prior year's reduction needs the yes too")
    func longFormsAndLaterMonths() async throws {
        let f = try await PortalFixture()
        let helen = try await f.signIn("helen")
        let page = try await f.request("GET", "/return", cookie: helen.cookie)
        var form = MonthsWorkTests.formFields(page.body)
        let rows = Int(form.first { $0.0 == "rows" }?.1 ?? "") ?? 0
        // The same lines three times over, as a long form: each copy after the first is a
        // duplicate, refused beside its field, which is only possible if every field arrived.
        for copy in 1...3 {
            for (name, value) in form where name.hasSuffix("_0") || name.contains("_") && Int(name.split(separator: "_").last ?? "") != nil {
                let parts = name.split(separator: "_")
                guard let i = Int(parts.last ?? "") else { continue }
                form.append((parts.dropLast().joined(separator: "_") + "_\(i + rows * copy)", value))
            }
        }
        form = form.map { $0.0 == "rows" ? ("rows", String(rows * 4)) : $0 }
        #expect(form.count > 200)
        let long = try await f.request("POST", "/return", cookie: helen.cookie, form: form + [("action", "preview")])
        #expect(long.status == 422 && long.body.contains("is in this form twice") && long.body.contains("delivered_to_date_\(rows * 4 - 1)_error"), "\(long.status)")
        // A month that has not begun (the fixture's today is 20 November 2023): refused, nothing written.
        let before = try f.journalCount()
        let later = try await f.request(
            "POST", "/return", cookie: helen.cookie,
            form: [("csrf", helen.csrf), ("period", "2026-03"), ("rows", "1"), ("ref_0", "PEO-06"), ("year_0", "2025/26"), ("delivered_to_date_0", "1"), ("action", "post")])
        #expect(later.status == 422 && later.body.contains("a month that has begun"), "\(later.status) \(later.body)")
        // A reduction on an earlier year's line, with the year typed another way: still asks.
        let prior = try await f.request(
            "POST", "/return", cookie: helen.cookie,
            form: [("csrf", helen.csrf), ("period", "2023-11"), ("rows", "1"), ("ref_0", "PEO-06"), ("year_0", "2023-24"), ("delivered_to_date_0", "50000"), ("action", "post")])
        #expect(prior.status == 422 && prior.body.contains("delivered_to_date_0_error") && prior.body.contains("running total"), "\(prior.status) \(prior.body)")
        #expect(try f.journalCount() == before)
    }
}

@Suite("Money that is a direction, not a shortfall")
struct NeutralSignTests {
    @Test("a net slip out of a year is shown in the text colour on a page, a shortfall in red")
    func netSlipsAreNotRed() {
        var t = Table(columns: [.init("slipped", "Slipped (net)", neutralSign: true), .init("variance", "Variance")])
        t.rows = [[.money(Pence(-100_000_00)), .money(Pence(-5_000_00))]]
        let html = HTMLPage.table(t).text
        #expect(html.contains("<td class=\"num\" data-label=\"Slipped (net)\">-£100,000</td>"), "\(html)")
        #expect(html.contains("<td class=\"num neg\" data-label=\"Variance\">-£5,000</td>"), "\(html)")
    }
}

@Suite("One scope policy for pages and the API")
struct FindingsScopeTests {
    @Test("a holder's findings are on their statement: the findings page and the findings API both refuse a holder (403), and both answer finance")
    func holderFindings() async throws {
        let f = try await PortalFixture()
        let token = Credentials.randomSecret(prefix: "mtfs_")
        try f.service.write { try $0.people.addToken(login: "helen", tokenHash: Credentials.digest(token), by: "t", at: 0, recordedAt: "") }
        let helen = try await f.signIn("helen")
        #expect(try await f.request("GET", "/findings", cookie: helen.cookie).status == 403)
        let api = try await f.request("GET", "/api/v1/findings", headers: ["Authorization": "Bearer \(token)"])
        #expect(api.status == 403 && api.body.contains("\"errors\""), "\(api.status) \(api.body)")
        let fbp = try await f.signIn("fbp.people")
        #expect(try await f.request("GET", "/api/v1/findings", cookie: fbp.cookie).status == 200)
    }
}

@Suite("A forecast said again")
struct ForecastConfirmedTests {
    @Test("proposal show and SL02 say the month a forecast was last returned, beside the month it was given")
    func lastReturned() throws {
        let cli = CLI()
        try cli.expectOK(["load", samplePack])
        let show = try cli.run(["proposal", "show", "PEO-06"]).out
        #expect(show.contains("Last returned") && show.contains("2023/24  2023/24 P1  2023/24 P7"), "\(show)")
        let sl02 = try cli.run(["reconcile", "--code", "SL02", "--format", "csv"]).out
        #expect(sl02.contains("(Amber, returned 2023/24 P7)"), "\(sl02)")
    }
}
