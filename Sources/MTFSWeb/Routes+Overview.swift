import Foundation
import HTTPTypes
import Hummingbird
import MTFSDomain
import MTFSEngine
import MTFSRender
import MTFSStore

/// The pages (SPEC §10): server-rendered HTML that works without JavaScript and on a phone.

/// The CFO's pages, findings, the members' report and downloads (SPEC §10, §7 v3).
/// The pages that look across the programme (SPEC §10): the CFO's summary, findings, the trend, the members' report and downloads.
struct OverviewRoutes {
    let portal: Portal

    func add(to router: RouteTable) {
        router.get("/summary") { request, context in try await self.portal.page(context, .summary) { user in try await self.summaryPage(request, user, context) } }
        router.get("/findings") { request, context in try await self.portal.page(context, .findings) { user in try await self.findingsPage(request, user, context) } }
        router.get("/trend") { request, context in try await self.portal.page(context, .trend) { user in try await self.trendPage(request, user, context) } }
        router.get("/members") { request, context in try await self.portal.page(context, .members) { user in try await self.membersPage(request, user, context) } }
        router.get("/downloads") { _, context in try await self.portal.page(context, .downloads) { user in try self.downloadsPage(user, context) } }
        router.get("/download") { request, context in try await self.portal.page(context) { user in try await self.download(request, user, context) } }
    }
}

extension OverviewRoutes {
    // MARK: - The CFO

    func summaryPage(_ request: Request, _ user: PortalUser, _ context: PortalContext) async throws -> Response {
        let q = Portal.query(request)
        let s = try await summary(q)
        let year = q["year"] ?? "", structure = q["structure"] ?? ""
        var form: HTML = "<form class=\"filters\" method=\"get\" action=\"/summary\"><div><label for=\"year\">Year</label><input id=\"year\" name=\"year\" value=\"\(year)\" size=\"8\" placeholder=\"all\"></div>"
        form += "<div><label for=\"structure\">Restate under the structure of</label><input id=\"structure\" name=\"structure\" value=\"\(structure)\" size=\"11\" placeholder=\"YYYY-MM-DD\"></div><div><button type=\"submit\">Show</button></div></form>"
        let links = [DocumentFormat.xlsx, .csv, .json, .html].map { f -> HTML in
            "<a href=\"/download?report=summary&amp;format=\(f.rawValue)&amp;year=\(year)&amp;structure=\(structure)\">\(f.rawValue)</a>"
        }
        let downloads: HTML = "<p>Download: \(links.joined(separator: " · "))</p>"
        let summary = HTMLWriter().summaryBody(s)
        return portal.frame("Summary", user, context, form + summary + downloads)
    }

    func summary(_ q: [String: String]) async throws -> Summary {
        var year: FinancialYear?
        if let t = q["year"], !t.isEmpty {
            do { year = try FinancialYear(parsing: t) } catch { throw HTTPFailure(.unprocessableContent, "year: \(Pages.explain(error))") }
        }
        var structure: CivilDate?
        if let t = q["structure"], !t.isEmpty {
            do { structure = try CivilDate(parsing: t) } catch { throw HTTPFailure(.unprocessableContent, "structure: \(Pages.explain(error))") }
        }
        let r = try await portal.reconciled.current(service: portal.service, today: portal.options.today())
        if let year, !r.input.window.contains(year) {
            throw HTTPFailure(.unprocessableContent, "year: \(year) is outside the ledger's MTFS years \(r.input.window)")
        }
        return Summary.build(input: r.input, findings: r.findings, settings: r.settings, structure: structure, year: year)
    }

    /// The findings in the user's scope, filtered as asked.
    func findings(_ q: [String: String], codes: [String], _ user: PortalUser) async throws -> ReconciliationReport {
        var filter = FindingFilter()
        if let s = q["severity"], !s.isEmpty {
            do { filter.severity = try Severity(parsing: s) } catch { throw HTTPFailure(.unprocessableContent, "severity: \(Pages.explain(error))") }
        }
        for c in codes where !c.isEmpty {
            do { filter.codes.insert(try FindingCode(parsing: c)) } catch { throw HTTPFailure(.unprocessableContent, "code: \(Pages.explain(error))") }
        }
        let r = try await portal.reconciled.current(service: portal.service, today: portal.options.today())
        let input = r.input
        if let asked = q["directorate"].flatMap({ $0.isEmpty ? nil : $0 }) {
            guard let match = Names.match(asked, in: input.directorates) else {
                throw HTTPFailure(.unprocessableContent, "directorate: there is no directorate \"\(asked)\"")
            }
            filter.directorates.insert(match)
        }
        var found = filter.apply(r.findings, input)
        let mine = user.scope.seesEverything ? nil : input.proposals.filter(user.scope.sees)
        // Finance's findings are their directorate's (a finding on a cost centre of it counts too);
        // everyone else's are those on a proposal in their scope.
        if let d = user.scope.directorate {
            found = FindingFilter(directorates: [d]).apply(found, input)
        } else if let mine {
            let refs = Set(mine.map(\.ref))
            found = found.filter { !$0.refs.filter(refs.contains).isEmpty }
        }
        var report = ReconciliationReport(input, findings: found)
        // Only the directorates in the user's scope say when they last returned.
        if let mine {
            let directorates = Set(mine.map(\.directorate))
            report.latestReturns = report.latestReturns.filter { directorates.contains($0.key) }
        }
        report.filter = filter.isEmpty ? nil : filter
        return report
    }

    func findingsPage(_ request: Request, _ user: PortalUser, _ context: PortalContext) async throws -> Response {
        let q = Portal.query(request)
        let asked = Form.all("code", in: request.uri.query ?? "")
        let r = try await findings(q, codes: asked, user)
        let sev = ["", "low", "medium", "high", "critical"].map { v -> HTML in
            "<option value=\"\(v)\"\(q["severity"] == v ? " selected" : "")>\(v.isEmpty ? "any" : v)</option>"
        }.joined()
        // Kinds of finding as tick boxes in plain words (a multiple select needs Ctrl-click and cut
        // names short), and the directorate chosen from those the user sees, not typed.
        let chosen = Set(asked)
        let codes = FindingCode.allCases.map { c -> HTML in
            "<label class=\"tick\"><input type=\"checkbox\" name=\"code\" value=\"\(c.rawValue)\"\(chosen.contains(c.rawValue) ? " checked" : "")> \(c.plainName) <span class=\"code\">\(c.rawValue)</span></label>"
        }.joined()
        let input = try await portal.reconciled.current(service: portal.service, today: portal.options.today()).input
        let directorates = Portal.directorates(input, seenBy: user)
        let directorate = q["directorate"] ?? ""
        let options = ([""] + directorates).map { d -> HTML in
            "<option value=\"\(d)\"\(Names.match(directorate, in: [d]) != nil || (d.isEmpty && directorate.isEmpty) ? " selected" : "")>\(d.isEmpty ? "any" : d)</option>"
        }.joined()
        var form: HTML = "<form class=\"filters\" method=\"get\" action=\"/findings\"><div><label for=\"severity\">At least</label><select id=\"severity\" name=\"severity\">\(sev)</select></div>"
        form += "<div><label for=\"directorate\">Directorate</label><select id=\"directorate\" name=\"directorate\">\(options)</select></div>"
        form += "<fieldset class=\"codes\"><legend>Kinds of finding (none ticked: every kind)</legend>\(codes)</fieldset>"
        form += "<div><button type=\"submit\">Filter</button></div></form>"
        // The downloads carry the filter as read, not the page's whole query (whose other values
        // would override the links' own report and format).
        let kept = (["severity", "directorate"].compactMap { key in q[key].flatMap { $0.isEmpty ? nil : "\(key)=\(Pages.queryValue($0))" } }
            + asked.filter { !$0.isEmpty }.map { "code=\(Pages.queryValue($0))" })
        let query = kept.map { "\($0)" as HTML }.joined(separator: "&amp;")
        let count = "\(r.findings.count) finding\(r.findings.count == 1 ? "" : "s")"
        let only = r.filter.map { " · only \($0.description)" } ?? ""
        var body: HTML = "<header><h1>Findings</h1><p class=\"meta\">As at the end of \(r.asOf.description) · ledger head \(r.head.short) · \(count)\(only)</p></header>"
        body += form
        body += r.findings.isEmpty ? "<p>No findings.</p>" : HTMLPage.findings(r.findings)
        let links = [DocumentFormat.xlsx, .csv, .json, .html].map { f -> HTML in
            "<a href=\"/download?report=findings&amp;format=\(f.rawValue)&amp;\(query)\">\(f.rawValue)</a>"
        }
        body += "<p>Download: \(links.joined(separator: " · "))</p>"
        return portal.frame("Findings", user, context, body)
    }

    /// The members' report for a period: a member's portfolio; finance's directorate; everything
    /// for the CFO and administrators (who may name one `portfolio`). Not for budget holders. With
    /// it, every portfolio the ledger names (read from the same month's snapshot).
    func membersReport(_ q: [String: String], _ user: PortalUser) async throws -> (report: MembersReport, portfolios: [String]) {
        try user.scope.require(.members)
        let p = try await portal.period(q["period"])
        let builder = try await portal.snapshots(p, user)
        return (try membersReport(q, user, builder), builder.portfolios)
    }

    private func membersReport(_ q: [String: String], _ user: PortalUser, _ builder: StatementBuilder) throws -> MembersReport {
        let p = builder.input.asOf
        guard builder.input.window.contains(p.year) else {
            throw HTTPFailure(.unprocessableContent, "period: \(p) is outside the ledger's MTFS years \(builder.input.window)")
        }
        let asked = q["portfolio"].flatMap { $0.isEmpty ? nil : $0 }
        if let mine = user.scope.portfolio {
            if let asked, asked != mine { throw HTTPFailure(.forbidden, "That portfolio is not yours to see.") }
            return MembersReport.build(input: builder.input, findings: builder.findings, include: user.scope.sees, scope: mine)
        } else if let d = user.scope.directorate {
            return MembersReport.build(input: builder.input, findings: builder.findings, include: user.scope.sees, scope: "\(d) directorate")
        } else {
            guard let asked else { return MembersReport.build(input: builder.input, findings: builder.findings) }
            guard let name = Names.match(asked, in: builder.portfolios) else {
                throw HTTPFailure(.unprocessableContent, "portfolio: there is no portfolio \"\(asked)\"")
            }
            return MembersReport.build(input: builder.input, findings: builder.findings, include: { $0.portfolio == name }, scope: name)
        }
    }

    func membersPage(_ request: Request, _ user: PortalUser, _ context: PortalContext) async throws -> Response {
        let q = Portal.query(request)
        let (r, names) = try await membersReport(q, user)
        var body = Pages.periodForm(action: "/members", period: r.period)
        if user.scope.seesEverything {
            // The CFO may print one portfolio's pages for its holder.
            let links = ["<a href=\"/members?period=\(r.period.monthText)\">all</a>" as HTML] + names.map { name -> HTML in
                "<a href=\"/members?period=\(r.period.monthText)&amp;portfolio=\(Pages.queryValue(name))\">\(name)</a>"
            }
            body += "<p class=\"noprint\">One portfolio: \(links.joined(separator: " · "))</p>"
        }
        body += MembersRenderer.htmlBody(r)
        let portfolio = user.scope.seesEverything ? q["portfolio"].flatMap { $0.isEmpty ? nil : $0 } : nil
        let portfolioQuery: HTML = portfolio.map { "&amp;portfolio=\(Pages.queryValue($0))" } ?? .empty
        let links = MembersRenderer.formats.map { f -> HTML in
            "<a href=\"/download?report=members&amp;period=\(r.period.monthText)\(portfolioQuery)&amp;format=\(f.rawValue)\">\(f.rawValue)</a>"
        }
        body += "<p class=\"noprint\">Download: \(links.joined(separator: " · "))</p>"
        return portal.frame("Members' report — \(r.period)", user, context, body, extraCSS: MembersRenderer.css)
    }

    func trendPage(_ request: Request, _ user: PortalUser, _ context: PortalContext) async throws -> Response {
        let p = try await portal.period(Portal.query(request)["period"])
        let builder = try await portal.snapshots(p, user)
        let returned = builder.input.directorateReturns.mapValues(\.period)
        let byDirectorate = Dictionary(grouping: builder.input.proposals, by: \.directorate)
        let trends = byDirectorate.keys.sorted().map { ($0, builder.trend(of: byDirectorate[$0]!)) }
            + [("All directorates", builder.trend(of: builder.input.proposals))]
        var body: HTML = "<header><h1>Delivered against profile, month by month — \(p.year.description)</h1><p class=\"meta\">Delivered to date (cumulative) against the straight-line profile of today's targets, by directorate.</p></header>"
        body += Pages.periodForm(action: "/trend", period: p)
        for (name, points) in trends {
            var t = Table(columns: [.init("month", "Month"), .init("delivered", "Delivered to date"), .init("profile", "Profile"), .init("variance", "Variance")])
            // A month after the directorate's latest return is not slippage: its return is still to come.
            let last = name == "All directorates" ? returned.values.min() : returned[name]
            let awaiting = { (period: Period) in last.map { period > $0 } ?? false }
            t.columns.append(.init("note", "Note"))
            t.rows = points.map {
                [.text($0.period.description), .money($0.delivered), .money($0.profiled), .money($0.variance), .text(awaiting($0.period) ? "no return yet" : "")]
            }
            let behind = Set(points.indices.filter { points[$0].behind && !awaiting(points[$0].period) })
            let chart = HTMLPage.trendChart(
                points: points.enumerated().map { i, point in
                    (point.period.number, point.delivered, point.profiled, behind.contains(i))
                }, title: name)
            body += "<h2>\(name)</h2>\(chart)\(Pages.scrolling(name, HTMLPage.table(t, calm: ("variance", behind))))"
        }
        return portal.frame("Trend", user, context, body)
    }

    func downloadsPage(_ user: PortalUser, _ context: PortalContext) throws -> Response {
        if let portfolio = user.scope.portfolio {
            let links = MembersRenderer.formats.map { f -> HTML in "<a href=\"/download?report=members&amp;format=\(f.rawValue)\">\(f.rawValue)</a>" }
            return portal.frame(
                "Downloads", user, context,
                "<h1>Downloads</h1><ul><li>The members' report for \(portfolio) (the latest month): \(links.joined(separator: " · "))</li></ul>")
        }
        let formats: [DocumentFormat] = [.xlsx, .csv, .json, .html, .markdown]
        var body: HTML = "<h1>Downloads</h1><ul>"
        for (report, label) in [("summary", "The summary by directorate and year"), ("findings", "Every finding"), ("balance", "Positions (the pinned balance)")] {
            let links = formats.filter { report != "balance" || $0 != .html }.map { f -> HTML in
                "<a href=\"/download?report=\(report)&amp;format=\(f.rawValue)\">\(f.rawValue)</a>"
            }
            body += "<li>\(label): \(links.joined(separator: " · "))</li>"
        }
        body += "</ul><p>Statements: open one from the returns board and download it there.</p>"
        return portal.frame("Downloads", user, context, body)
    }

    func download(_ request: Request, _ user: PortalUser, _ context: PortalContext) async throws -> Response {
        let q = Portal.query(request)
        guard let format = DocumentFormat(rawValue: (q["format"] ?? "csv").lowercased()) else {
            throw HTTPFailure(.unprocessableContent, "format: expected xlsx, csv, json, html, markdown or text")
        }
        switch q["report"] ?? "" {
        case "statement":
            let p = try await portal.period(q["period"])
            guard let name = try await portal.holder(q, user) else { throw HTTPFailure(.unprocessableContent, "holder: say whose statement") }
            let s = try await portal.statement(holder: name, period: p, for: user)
            return Pages.download(try format.file(statement: s), name: "statement-\(name)-\(p.monthText)", format: format)
        case "summary":
            try user.scope.require(.summary)
            return Pages.download(try format.file(summary: try await summary(q)), name: "summary", format: format)
        case "members":
            guard MembersRenderer.formats.contains(format) else { throw HTTPFailure(.unprocessableContent, "format: the members' report downloads as html, markdown or xlsx") }
            let r = try await membersReport(q, user).report
            return Pages.download(Data(try MembersRenderer.file(r, as: format)), name: "members-report-\(r.period.monthText)", format: format)
        case "findings":
            try user.scope.require(.findings)
            let r = try await findings(q, codes: Form.all("code", in: request.uri.query ?? ""), user)
            return Pages.download(try format.file(reconciliation: r), name: "findings", format: format)
        case "balance":
            try user.scope.require(.summary)
            if format == .html { throw HTTPFailure(.unprocessableContent, "format: the positions download as xlsx, csv, json, markdown or text") }
            let today = portal.options.today()
            let report = try await portal.service.reading { try BalanceReport.build($0, by: .proposal, asOf: nil, year: nil, today: today) }
            let table = BalanceTable.table(report, pinned: true)
            let data: Data =
                switch format {
                case .xlsx: try XLSXFile.bytes(XLSXReports.table(table, sheet: "Balance", keyHeadings: true))
                case .json: Data(try JSONOutput.encode(report).utf8)
                case .markdown: Data(table.renderMarkdown().utf8)
                case .text: Data(table.renderText().utf8)
                case .csv, .html: format.text(table.renderCSV(), bom: true)
                }
            return Pages.download(data, name: "balance", format: format)
        default:
            throw HTTPFailure(.notFound, "report: expected statement, summary, members, findings or balance")
        }
    }
}
