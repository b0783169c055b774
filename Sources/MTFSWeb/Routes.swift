import Foundation
import HTTPTypes
import Hummingbird
import MTFSDomain
import MTFSEngine
import MTFSRender
import MTFSStore

/// The pages (SPEC §10): server-rendered HTML that works without JavaScript and on a phone.
extension Scope {
    /// Refuses (403) a request outside the scope, with the scope's own sentence.
    func require(_ area: Area) throws {
        guard may(area) else { throw HTTPFailure(.forbidden, refusal(area)) }
    }
}

extension Portal {
    func addPages(to router: RouteTable) {
        router.get("/") { _, context in
            guard let user = context.user else { return Pages.redirect("/login") }
            return Pages.redirect(user.scope.home)
        }
        router.get("/login") { _, context in
            if context.user != nil { return Pages.redirect("/") }
            return Pages.html(Pages.layout(title: "Sign in", user: nil, csrf: nil, body: Portal.loginForm(error: nil)))
        }
        router.post("/login") { _, context in
            let login = (context.form["login"] ?? "").trimmingCharacters(in: .whitespaces)
            do {
                let secret = try await self.signIn(
                    login: login, password: context.form["password"] ?? "", address: context.address, previous: context.session)
                var r = Pages.redirect("/")
                r.headers[.setCookie] = self.sessionCookie(secret)
                return r
            } catch let f as HTTPFailure {
                return Pages.html(
                    Pages.layout(title: "Sign in", user: nil, csrf: nil, body: Portal.loginForm(error: f.message, login: String(login.prefix(64)))), status: f.status)
            }
        }
        router.post("/logout") { _, context in
            if let secret = context.session, let user = context.user, !context.trusted {
                let now = self.options.now()
                try await self.service.writing { ledger in
                    try ledger.signOut(idHash: Credentials.digest(secret), login: user.login, address: context.address, at: now)
                }
            }
            var r = Pages.redirect("/login")
            r.headers[.setCookie] = self.sessionCookie("", clear: true)
            return r
        }
        router.get("/statement") { request, context in try await self.page(context, .statement) { user in try await self.statementPage(request, user, context) } }
        router.post("/sign-off") { _, context in try await self.page(context, .signOff) { user in try await self.signOffPost(user, context) } }
        router.get("/return") { request, context in try await self.page(context, .ownReturn) { user in try await self.returnPage(request, user, context) } }
        router.post("/return") { _, context in try await self.page(context, .ownReturn) { user in try await self.returnPost(user, context) } }
        router.get("/history") { _, context in try await self.page(context, .history) { user in try await self.historyPage(user, context) } }
        router.get("/board") { request, context in try await self.page(context, .board) { user in try await self.boardPage(request, user, context) } }
        router.get("/statements") { request, context in
            Pages.redirect("/board" + (request.uri.query.map { "?" + $0 } ?? ""))
        }
        router.get("/upload") { _, context in try await self.page(context, .upload) { user in try self.uploadPage(user, context, error: nil) } }
        router.post("/upload") { _, context in try await self.page(context, .upload) { user in try await self.uploadPost(user, context) } }
        router.get("/summary") { request, context in try await self.page(context, .summary) { user in try await self.summaryPage(request, user, context) } }
        router.get("/findings") { request, context in try await self.page(context, .findings) { user in try await self.findingsPage(request, user, context) } }
        router.get("/trend") { request, context in try await self.page(context, .trend) { user in try await self.trendPage(request, user, context) } }
        router.get("/members") { request, context in try await self.page(context, .members) { user in try await self.membersPage(request, user, context) } }
        router.get("/downloads") { _, context in try await self.page(context, .downloads) { user in try self.downloadsPage(user, context) } }
        router.get("/download") { request, context in try await self.page(context) { user in try await self.download(request, user, context) } }
    }

    /// A page for a signed-in user whose scope reaches `area` (declared once, in the route table);
    /// without a user, the browser goes to the sign-in form; out of scope, 403.
    func page(_ context: PortalContext, _ area: Scope.Area? = nil, _ body: (PortalUser) async throws -> Response) async throws -> Response {
        guard let user = context.user else { return Pages.redirect("/login") }
        if let area { try user.scope.require(area) }
        return try await body(user)
    }

    func frame(
        _ title: String, _ user: PortalUser, _ context: PortalContext, _ body: String, status: HTTPResponse.Status = .ok, extraCSS: String = ""
    ) -> Response {
        Pages.html(Pages.layout(title: title, user: user, csrf: csrf(context), body: body, extraCSS: extraCSS), status: status)
    }

    static func loginForm(error: String?, login: String = "") -> String {
        "<header><h1>Savings ledger</h1><p class=\"meta\">Sign in to see your figures, make your return and sign off.</p></header>"
            + (error.map { "<p class=\"notice\" role=\"alert\">\(Escape.html($0))</p>" } ?? "")
            + "<form method=\"post\" action=\"/login\"><label for=\"login\">Login</label><input id=\"login\" name=\"login\" autocomplete=\"username\" value=\"\(Escape.html(login))\" required>"
            + "<label for=\"password\">Password</label><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>"
            + "<p><button type=\"submit\">Sign in</button></p></form>"
    }

    // MARK: - Shared reading

    static func query(_ request: Request) -> [String: String] { Form.urlEncoded(request.uri.query ?? "") }

    /// The period a page asks for, else the latest with anything recorded.
    func period(_ text: String?) async throws -> Period {
        if let text, !text.isEmpty {
            do { return try Period(parsing: text) } catch { throw HTTPFailure(.unprocessableContent, "period: \(Portal.explain(error))") }
        }
        let latest = try await service.reading { try $0.latestDataPeriod() }
        guard let latest else { throw HTTPFailure(.notFound, "the ledger has nothing recorded yet") }
        return latest
    }

    /// The month's statements, shared between requests (``SnapshotCache``).
    func snapshots(_ period: Period, _ user: PortalUser) async throws -> StatementBuilder {
        try await cache.builder(period: period, login: user.login, service: service, now: options.now())
    }

    /// Notes a user's write, so their next pages include it.
    func wrote(_ user: PortalUser) async throws {
        let head = try await service.reading { try $0.head() }
        await cache.wrote(user.login, head: head)
    }

    /// A holder's statement for a period, refused (403) outside the user's scope.
    func statement(holder: String, period: Period, for user: PortalUser) async throws -> HolderStatement {
        let builder = try await snapshots(period, user)
        let s = builder.holders.contains(holder) ? try builder.statement(for: holder) : nil
        guard let s else {
            // Those scoped to part of the council learn nothing of holders outside it: unknown and
            // not theirs read the same.
            if user.scope.hidesUnknownHolders { throw HTTPFailure(.forbidden, user.scope.refusal(.statement)) }
            throw HTTPFailure(
                .notFound,
                user.scope.ownHolder != nil
                    ? "\(holder) holds no cost centre and owns no proposal at the end of \(period)" : "there is no statement for \(holder) for \(period)")
        }
        guard user.scope.seesStatement(of: holder, directorates: s.directorates) else {
            throw HTTPFailure(.forbidden, user.scope.refusal(.statement))
        }
        return s
    }

    /// The holder a page is about: a holder's own; anyone else's named in `holder=`.
    func holder(_ q: [String: String], _ user: PortalUser) throws -> String? {
        if let own = user.scope.ownHolder {
            if let asked = q["holder"], !asked.isEmpty, asked != own { throw HTTPFailure(.forbidden, user.scope.refusal(.statement)) }
            return own
        }
        return q["holder"].flatMap { $0.isEmpty ? nil : $0 }
    }

    // MARK: - Statement and sign-off

    func statementPage(_ request: Request, _ user: PortalUser, _ context: PortalContext) async throws -> Response {
        let q = Portal.query(request)
        let p = try await period(q["period"])
        if let portfolio = user.scope.portfolio { return try await portfolioStatementPage(q, p, portfolio, user, context) }
        guard let name = try holder(q, user) else { return Pages.redirect("/board?period=\(p.monthText)") }
        let s = try await statement(holder: name, period: p, for: user)
        var body = Pages.periodForm(action: "/statement", period: p, extra: user.scope.ownHolder != nil ? [] : [("holder", name)])
        if q["signed"] == "1", case .signed = s.signature { body += "<p class=\"ok\" role=\"status\">Signed. Your sign-off is recorded with these figures.</p>" }
        body += HTMLWriter().statementBody(s)
        let enc = { (v: String) in v.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }
        body += "<p>Download: " + [DocumentFormat.xlsx, .csv, .json, .html, .markdown].map {
            "<a href=\"/download?report=statement&amp;period=\(p.monthText)&amp;holder=\(Escape.html(enc(name)))&amp;format=\($0.rawValue)\">\($0.rawValue)</a>"
        }.joined(separator: " · ") + "</p>"
        let latest = try await service.reading { try $0.latestDataPeriod() }
        if user.scope.may(.signOff) && !s.outsideWindow, let latest, p <= latest {
            body += "<section class=\"signoff\"><h2>Sign off these figures</h2><form method=\"post\" action=\"/sign-off\">"
                + Pages.hidden("csrf", csrf(context) ?? "") + Pages.hidden("period", p.monthText) + Pages.hidden("figures", SHA256.hex(s.figures.text))
                + "<label for=\"comment\">Comment (optional)</label><textarea id=\"comment\" name=\"comment\" maxlength=\"2000\"></textarea>"
                + "<p><button type=\"submit\">I confirm these figures</button></p></form></section>"
        }
        return frame("Statement — \(s.holder) — \(p)", user, context, body)
    }

    func signOffPost(_ user: PortalUser, _ context: PortalContext) async throws -> Response {
        guard let holder = user.scope.ownHolder else { throw HTTPFailure(.forbidden, user.scope.refusal(.signOff)) }
        let p = try await period(context.form["period"])
        let shown = context.form["figures"] ?? ""
        let comment = context.form["comment"] ?? ""
        try await sign(holder: holder, period: p, comment: comment, shown: shown, user: user)
        return Pages.redirect("/statement?period=\(p.monthText)&signed=1")
    }

    /// Signs exactly the figures shown: `shown` is the hash of the figures the page displayed (nil:
    /// the API, which signs what the statement says now); if they changed since, nothing is signed.
    func sign(holder: String, period p: Period, comment: String, shown: String?, user: PortalUser, source: String = "the portal") async throws {
        let who = provenance(user, source: source)
        // Signed, or refused because the figures moved: either way the next page this user sees is
        // drawn from the newest head.
        do {
            try await signNow(holder: holder, period: p, comment: comment, shown: shown, who: who)
        } catch {
            try? await wrote(user)
            throw error
        }
        try await wrote(user)
    }

    private func signNow(holder: String, period p: Period, comment: String, shown: String?, who: Provenance) async throws {
        // One statement built, in the write lock: its figures are checked against those shown, and
        // recorded with the sign-off (SignOffs.sign holds every rule of signing).
        _ = try await service.writing { ledger in try SignOffs.sign(ledger: ledger, holder: holder, period: p, comment: comment, shown: shown, by: who) }
    }

    // MARK: - The return form

    /// The lines a holder reports for a period: their own proposals, this year.
    func returnLines(holder: String, period p: Period, user: PortalUser) async throws -> [HolderStatement.Line] {
        // As a template: a proposal with nothing to report this year (no target, nothing delivered) has no row.
        try await statement(holder: holder, period: p, for: user).owned.filter(\.hasSomethingToReport)
    }

    func returnPage(_ request: Request, _ user: PortalUser, _ context: PortalContext) async throws -> Response {
        guard let holder = user.scope.ownHolder else { throw HTTPFailure(.forbidden, user.scope.refusal(.ownReturn)) }
        let p = try await period(Portal.query(request)["period"])
        let lines = try await returnLines(holder: holder, period: p, user: user)
        let values = lines.map { l in
            [
                "ref": l.ref.rawValue, "year": p.year.description, "delivered_to_date": l.neverReported ? "" : l.delivered.plain,
                // With money by status the forecast and RAG follow from it, so they start blank.
                "forecast": l.status == nil ? l.forecast?.plain ?? "" : "", "rag": l.status == nil ? l.rag?.name ?? "" : "", "comment": l.comment,
                "green": l.status?.green.plain ?? "", "amber": l.status?.amber.plain ?? "", "red": l.status?.red.plain ?? "",
            ]
        }
        return frame("Return — \(p)", user, context, Pages.periodForm(action: "/return", period: p) + returnForm(lines: lines, values: values, errors: [:], period: p, context: context))
    }

    func returnForm(lines: [HolderStatement.Line], values: [[String: String]], errors: [String: String], period p: Period, context: PortalContext)
        -> String
    {
        let h = Escape.html
        var body = "<header><h1>Your return for \(h(p.description))</h1><p class=\"meta\">Delivered to date is cumulative for \(h(p.year.description)). "
            + "Preview shows exactly what will be posted; nothing is recorded until you post it.</p></header>"
        if !errors.isEmpty { body += "<p class=\"notice\" role=\"alert\">\(errors.count) field\(errors.count == 1 ? " needs" : "s need") correcting; nothing was posted.</p>" }
        if lines.isEmpty { return body + "<p>You own no proposal this month, so there is nothing to return.</p>" }
        body += "<form method=\"post\" action=\"/return\">" + Pages.hidden("csrf", csrf(context) ?? "") + Pages.hidden("period", p.monthText)
            + Pages.hidden("rows", String(lines.count))
        for (i, l) in lines.enumerated() {
            let v = values.indices.contains(i) ? values[i] : [:]
            func field(_ key: String, _ label: String, _ input: String) -> String {
                let e = errors["\(i).\(key)"]
                return "<div class=\"\(e == nil ? "" : "field-error")\"><label for=\"\(key)_\(i)\">\(h(label))</label>\(input)"
                    + (e.map { "<span class=\"error\" id=\"\(key)_\(i)_error\">\(h($0))</span>" } ?? "") + "</div>"
            }
            let rag = v["rag"] ?? ""
            let options = ["", "Blue", "Green", "Amber", "Red"].map { o in
                "<option value=\"\(o)\"\((RAG(optional: rag)?.name ?? rag) == o ? " selected" : "")>\(o.isEmpty ? "—" : o)</option>"
            }.joined()
            body += "<div class=\"return-row\"><h3>\(h(l.ref.rawValue)) — \(h(l.title))</h3><p class=\"meta\">Target \(h(l.currentTarget.forReading)) · recorded to date \(h(l.delivered.forReading))</p>"
                + Pages.hidden("ref_\(i)", l.ref.rawValue) + Pages.hidden("year_\(i)", v["year"] ?? p.year.description) + "<div class=\"inputs\">"
                + field("delivered_to_date", "Delivered to date (£)", "<input class=\"money\" id=\"delivered_to_date_\(i)\" name=\"delivered_to_date_\(i)\" inputmode=\"decimal\" value=\"\(h(v["delivered_to_date"] ?? ""))\">")
                + field("forecast", "Forecast for the year (£)", "<input class=\"money\" id=\"forecast_\(i)\" name=\"forecast_\(i)\" inputmode=\"decimal\" value=\"\(h(v["forecast"] ?? ""))\">")
                + field("rag", "RAG", "<select id=\"rag_\(i)\" name=\"rag_\(i)\">\(options)</select>")
                + "</div>"
                // Money by status (SPEC §5 v3), for councils that report it: open when it is in use.
                + "<details\(["green", "amber", "red"].contains { !(v[$0] ?? "").isEmpty || errors["\(i).\($0)"] != nil } ? " open" : "")><summary>Money by status (optional: then leave forecast and RAG blank)</summary><div class=\"inputs\">"
                + ["green": "On track, green (£)", "amber": "At risk, amber (£)", "red": "Will not be delivered, red (£)"].sorted { $0.key > $1.key }.map { key, label in
                    field(key, label, "<input class=\"money\" id=\"\(key)_\(i)\" name=\"\(key)_\(i)\" inputmode=\"decimal\" value=\"\(h(v[key] ?? ""))\">")
                }.joined() + "</div></details>" + field("comment", "Comment (your mitigation)", "<textarea id=\"comment_\(i)\" name=\"comment_\(i)\" maxlength=\"2000\">\(h(v["comment"] ?? ""))</textarea>")
                // A service impact seen this month (SPEC §5 v3), and whether the risk assessment foresaw it.
                + field("impact", "Service impact seen this month (if any)", "<textarea id=\"impact_\(i)\" name=\"impact_\(i)\" maxlength=\"2000\">\(h(v["impact"] ?? ""))</textarea>")
                + field("impact_foreseen", "Was it foreseen when the saving was risk-assessed?", "<select id=\"impact_foreseen_\(i)\" name=\"impact_foreseen_\(i)\">"
                    + [("", "—"), ("yes", "Yes"), ("no", "No")].map { key, label in
                        "<option value=\"\(key)\"\((v["impact_foreseen"] ?? "") == key ? " selected" : "")>\(label)</option>"
                    }.joined() + "</select>")
                + "</div>"
        }
        return body + "<p><button type=\"submit\" name=\"action\" value=\"preview\">Preview</button></p></form>"
    }

    /// The fields of a return line in the form (and the API's line keys).
    static let returnFields = ["year", "delivered_to_date", "forecast", "rag", "comment", "green", "amber", "red", "impact", "impact_foreseen"]

    /// The form's rows as a return, each refusal kept beside its field.
    struct FormCells: ReturnCells {
        let values: [String: String]
        let ref: String
        subscript(column: String) -> String { (values[column] ?? "").trimmingCharacters(in: .whitespaces) }
        func raw(_ column: String) -> String { values[column] ?? "" }
        func at(_ column: String?) -> SourceLocation {
            SourceLocation(form: "the return form", field: "\(ref) " + (column ?? "row").replacingOccurrences(of: "_", with: " "))
        }
    }

    func returnPost(_ user: PortalUser, _ context: PortalContext) async throws -> Response {
        guard let holder = user.scope.ownHolder else { throw HTTPFailure(.forbidden, user.scope.refusal(.ownReturn)) }
        let p = try await period(context.form["period"])
        let lines = try await returnLines(holder: holder, period: p, user: user)
        let owned = Set(lines.map(\.ref))
        let n = max(0, min(Int(context.form["rows"] ?? "") ?? 0, 10_000))
        var seen: Set<ProposalYear> = []
        var values: [[String: String]] = []
        var rows: [ParsedReturn.Row] = []
        var errors: [String: String] = [:]
        for i in 0..<n {
            let ref = ProposalRef(context.form["ref_\(i)"] ?? "")
            // Scope, whatever the hidden fields say: only the holder's own proposals.
            guard owned.contains(ref) else { throw HTTPFailure(.forbidden, "\(ref) is not one of your proposals; nothing was posted.") }
            var v: [String: String] = ["ref": ref.rawValue]
            for key in Portal.returnFields { v[key] = context.form["\(key)_\(i)"] ?? "" }
            values.append(v)
            // Every bad field of the row, each beside its field: the rules are the return's own,
            // applied again with each field found bad set aside.
            var probe = v
            for _ in 0..<6 {
                do {
                    let row = try ParsedReturn.line(FormCells(values: probe, ref: ref.rawValue))
                    if probe == v {
                        if !seen.insert(ProposalYear(row.ref, row.year)).inserted {
                            errors["\(i).delivered_to_date"] = "\(ref) \(row.year) is in this form twice"
                        } else {
                            rows.append(row)
                        }
                    }
                    break
                } catch {
                    let name = error.location?.place.fieldName ?? ""
                    let field = Portal.returnFields.first { name.hasSuffix($0.replacingOccurrences(of: "_", with: " ")) } ?? "delivered_to_date"
                    errors["\(i).\(field)"] = errors["\(i).\(field)"] ?? error.message
                    let stand = ["year": p.year.description]
                    if field == "rag" || field == "forecast" { probe["forecast"] = ""; probe["rag"] = "" } else { probe[field] = stand[field] ?? "" }
                }
            }
        }
        // The form's rows as posted, each with its proposal (the same one twice shows twice, each with its error).
        let ordered = values.compactMap { v in lines.first { $0.ref.rawValue == v["ref"] } }
        if !errors.isEmpty {
            return frame("Return — \(p)", user, context, returnForm(lines: ordered, values: values, errors: errors, period: p, context: context), status: .unprocessableContent)
        }
        let parsed = ParsedReturn(file: "the return form", period: p, rows: rows)
        let who = provenance(user, source: "the return form")
        let action = context.form["action"] ?? "preview"
        if rows.isEmpty { throw HTTPFailure(.unprocessableContent, "The form has no lines to post; open My return again.") }
        if action == "edit" { return frame("Return — \(p)", user, context, returnForm(lines: ordered, values: values, errors: [:], period: p, context: context)) }
        if action == "post" {
            let summary: LoadSummary
            do { summary = try await postReturn(parsed, by: who, user: user) } catch let e as InputError {
                return frame("Return — \(p)", user, context, returnForm(lines: ordered, values: values, errors: Portal.besideField(e, values), period: p, context: context), status: .unprocessableContent)
            }
            return frame(
                "Return posted", user, context,
                "<h1>Return posted for \(Escape.html(p.description))</h1><p class=\"ok\" role=\"status\">\(Portal.describe(summary))</p><p><a href=\"/statement?period=\(p.monthText)\">See your statement</a> · <a href=\"/history\">Your history</a></p>"
            )
        }
        let preview: (summary: LoadSummary, entries: [JournalEntry])
        do { preview = try await previewReturn(parsed, by: who) } catch let e as InputError {
            return frame("Return — \(p)", user, context, returnForm(lines: ordered, values: values, errors: Portal.besideField(e, values), period: p, context: context), status: .unprocessableContent)
        }
        var body = "<h1>Preview of your return for \(Escape.html(p.description))</h1><p class=\"headline\">\(Escape.html(Portal.describe(preview.summary)))</p>"
        body += Portal.entriesToPost(preview.entries)
        body += "<form method=\"post\" action=\"/return\">" + Pages.hidden("csrf", csrf(context) ?? "") + Pages.hidden("period", p.monthText) + Pages.hidden("rows", String(values.count))
        for (i, v) in values.enumerated() {
            body += Pages.hidden("ref_\(i)", v["ref"] ?? "")
            for key in Portal.returnFields { body += Pages.hidden("\(key)_\(i)", v[key] ?? "") }
        }
        body += "<p><button type=\"submit\" name=\"action\" value=\"post\">Post this return</button> <button class=\"quiet\" type=\"submit\" name=\"action\" value=\"edit\">Change it</button></p></form>"
        return frame("Preview — \(p)", user, context, body)
    }

    /// A rule of the ledger that refused a line of the form (more delivered than planned…), beside its field.
    static func besideField(_ e: InputError, _ values: [[String: String]]) -> [String: String] {
        let place = e.location?.description ?? ""
        guard let i = values.firstIndex(where: { v in place.contains("field \"\(v["ref"] ?? "") ") }) else { return ["0.delivered_to_date": e.description] }
        let field = Portal.returnFields.first { $0 != "delivered_to_date" && place.contains("\($0.replacingOccurrences(of: "_", with: " "))\"") } ?? "delivered_to_date"
        return ["\(i).\(field)": e.message]
    }

    /// Posts a return under the user's login; their next pages include it.
    func postReturn(_ parsed: ParsedReturn, by who: Provenance, user: PortalUser) async throws -> LoadSummary {
        let summary = try await service.writing { try PackLoader(ledger: $0, by: who).importReturn(parsed) }
        try await wrote(user)
        return summary
    }

    /// What posting a return would do, nothing posted (the form's and the upload's preview).
    func previewReturn(_ parsed: ParsedReturn, by who: Provenance) async throws -> (summary: LoadSummary, entries: [JournalEntry]) {
        try await service.writing { try PackLoader(ledger: $0, by: who).preview(parsed) }
    }

    /// The entries a preview will post, to the penny.
    static func entriesToPost(_ entries: [JournalEntry]) -> String {
        entries.isEmpty
            ? "<p>No ledger entry will be posted.</p>"
            : "<h2>Entries that will be posted</h2><div class=\"scroll\">"
                + HTMLPage.table(JournalTable.table(entries, title: nil).dropping(["recorded_at", "actor", "on_behalf_of", "entry", "reverses", "to_year"]), exact: true)
                + "</div>"
    }

    /// An error's sentence.
    static func explain(_ error: Error) -> String { (error as? KindedError)?.explanation ?? "\(error)" }

    static func describe(_ s: LoadSummary) -> String {
        if !s.changedAnything { return "Nothing changes: every line matches what the ledger already holds." }
        return "\(s.deliveries) deliver\(s.deliveries == 1 ? "y" : "ies") and \(s.reductions) reduction\(s.reductions == 1 ? "" : "s") (\(s.deliveredText)), \(s.forecasts) forecast\(s.forecasts == 1 ? "" : "s") recorded, \(s.impactsReported == 0 ? "" : "\(s.impactsReported) service impact\(s.impactsReported == 1 ? "" : "s") reported, ")\(s.unchangedRows) line\(s.unchangedRows == 1 ? "" : "s") returned unchanged."
    }

    // MARK: - History

    func historyPage(_ user: PortalUser, _ context: PortalContext) async throws -> Response {
        guard let holder = user.scope.ownHolder else { throw HTTPFailure(.forbidden, user.scope.refusal(.history)) }
        let (returns, signOffs) = try await service.reading { ledger -> ([ReturnLineRecord], [SignOff]) in
            let refs = try ledger.proposals().filter { $0.owner == holder }.map(\.ref)
            let latest = try ledger.latestDataPeriod() ?? Period(year: FinancialYear(startYear: 2000), number: 1)
            return (try ledger.returnLines(refs: refs), try ledger.signOffs(upTo: latest).filter { $0.holder == holder })
        }
        var t = Table(columns: [
            .init("period", "Month"), .init("ref", "Ref"), .init("year", "Year"), .init("delivered", "Delivered to date"), .init("forecast", "Forecast"),
            .init("rag", "RAG"), .init("status", "Money by status"), .init("comment", "Comment"), .init("impact", "Service impact"),
            .init("by", "By"), .init("source", "From"),
        ])
        t.rows = returns.map { r in
            [
                .text(r.period.description), .text(r.ref.rawValue), .text(r.year.description),
                // A blank delivered cell reported nothing (the figure beside it is only what stood).
                r.deliveredBlank ? .text("not reported") : .money(r.delivered), r.forecast.map(Table.Cell.money) ?? .empty,
                .text(r.rag?.name ?? ""),
                .text(r.status.map { "on track \($0.green), at risk \($0.amber), will not be delivered \($0.red)" } ?? ""), .text(r.comment),
                .text(r.impact.map { "\($0.text) (\($0.foreseen ? "foreseen" : "not foreseen"))" } ?? ""),
                .text(r.actor), .text((r.source as NSString).lastPathComponent),
            ]
        }
        var s = Table(columns: [.init("period", "Month"), .init("by", "Signed by"), .init("at", "When"), .init("comment", "Comment")])
        s.rows = signOffs.reversed().map { [.text($0.period.description), .text($0.signedBy), .text($0.signedAt), .text($0.comment)] }
        return frame(
            "History", user, context,
            "<h1>Your returns and sign-offs</h1><h2>Sign-offs</h2><div class=\"scroll\">\(HTMLPage.table(s))</div><h2>Return lines</h2><div class=\"scroll\">\(HTMLPage.table(t))</div>")
    }

    // MARK: - Finance: the returns board and uploads

    func boardPage(_ request: Request, _ user: PortalUser, _ context: PortalContext) async throws -> Response {
        let p = try await period(Portal.query(request)["period"])
        let builder = try await snapshots(p, user)
        let statements = try builder.holders.map { try builder.statement(for: $0) }.filter {
            user.scope.seesStatement(of: $0.holder, directorates: $0.directorates)
        }
        var t = Table(columns: [
            .init("holder", "Budget holder"), .init("directorates", "Directorate"), .init("return", "Return for the month"), .init("signed", "Sign-off"),
            .init("delivered", "Delivered"), .init("variance", "Variance to profile"),
        ])
        var counts: [String: Int] = [:]
        for s in statements {
            // What the holder reports: their proposals with something to report this year (as the form).
            let owned = s.owned.filter(\.hasSomethingToReport)
            let returned = owned.filter { $0.returned == p }.count
            // A return is due by the 10th of the month after.
            let next = p.number == 12 ? Period(year: FinancialYear(startYear: p.year.startYear + 1), number: 1) : Period(year: p.year, number: p.number + 1)
            let late = options.today() > CivilDate(year: next.calendarMonth.year, month: next.calendarMonth.month, day: 10)!
            let state =
                owned.isEmpty ? "nothing to report" : returned == owned.count ? "submitted"
                : returned == 0 ? (late ? "missing (late)" : "missing") : "partly submitted (\(returned) of \(owned.count))"
            let signed = HolderStatementSummary.signOff(s)
            counts[state.hasPrefix("partly") ? "partly submitted" : state, default: 0] += 1
            t.rows.append([
                .text(s.holder), .text(s.directorates.joined(separator: ", ")), .text(state), .text(signed), .money(s.totals.delivered),
                .money(s.totals.variance),
            ])
        }
        let links = statements.map { s in
            "<li><a href=\"/statement?period=\(p.monthText)&amp;holder=\(Escape.html(s.holder.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))\">\(Escape.html(s.holder))</a></li>"
        }.joined()
        let body = "<header><h1>Returns board — \(Escape.html(p.description))</h1><p class=\"meta\">\(Escape.html(user.scope.coverage)) · "
            + counts.sorted { $0.key < $1.key }.map { "\($0.value) \(Escape.html($0.key))" }.joined(separator: " · ") + "</p></header>"
            + Pages.periodForm(action: "/board", period: p) + "<div class=\"scroll\">" + HTMLPage.table(t) + "</div><h2>Statements</h2><ul>\(links)</ul>"
        return frame("Returns board — \(p)", user, context, body)
    }

    func uploadPage(_ user: PortalUser, _ context: PortalContext, error: String?) throws -> Response {
        try user.scope.require(.upload)
        let body = "<h1>Upload a return</h1><p class=\"meta\">A CSV return or a filled-in return workbook (.xlsx). You see what will be posted before anything is.</p>"
            + (error.map { "<p class=\"notice\" role=\"alert\">\(Escape.html($0))</p>" } ?? "")
            + "<form method=\"post\" action=\"/upload\" enctype=\"multipart/form-data\">" + Pages.hidden("csrf", csrf(context) ?? "")
            + "<label for=\"file\">Return file</label><input id=\"file\" name=\"file\" type=\"file\" accept=\".csv,.xlsx\" required>"
            + "<label for=\"period\">Month (if the file does not say)</label><input id=\"period\" name=\"period\" placeholder=\"2023-11\" size=\"8\">"
            + "<p><button type=\"submit\" name=\"action\" value=\"preview\">Preview</button></p></form>"
        return frame("Upload a return", user, context, body, status: error == nil ? .ok : .unprocessableContent)
    }

    /// The upload's return, read and checked against the user's scope.
    func uploadedReturn(_ user: PortalUser, name: String, bytes: [UInt8], periodText: String?) async throws -> ParsedReturn {
        let p: Period?
        if let t = periodText, !t.isEmpty {
            do { p = try Period(parsing: t) } catch { throw HTTPFailure(.unprocessableContent, "period: \(Portal.explain(error))") }
        } else {
            p = nil
        }
        let base = (name as NSString).lastPathComponent
        let ext = (base as NSString).pathExtension.lowercased() == "xlsx" ? "xlsx" : "csv"
        let stem = (base as NSString).deletingPathExtension
        let parsed = try ParsedReturn.read(bytes: bytes, name: Escape.fileName(stem, maxLength: 60) + "." + ext, period: p)
        try await checkScope(user, rows: parsed.rows)
        return parsed
    }

    /// Refuses (403, nothing written) any line on a proposal outside the user's scope.
    func checkScope(_ user: PortalUser, rows: [ParsedReturn.Row]) async throws {
        // An administrator may post for anyone: nothing to check line by line.
        guard !(user.scope.seesEverything && user.scope.may(.postReturn)) else { return }
        let proposals = try await service.reading { try $0.proposals() }
        let byRef = Dictionary(proposals.map { ($0.ref, $0) }, uniquingKeysWith: { a, _ in a })
        for row in rows {
            guard let p = byRef[row.ref] else { continue }  // unknown refs are refused by the import, with their place
            if !user.scope.writes(to: p) { throw HTTPFailure(.forbidden, "\(row.at.description): \(row.ref) is not in your scope (\(p.directorate)); nothing was posted.") }
        }
    }

    func uploadPost(_ user: PortalUser, _ context: PortalContext) async throws -> Response {
        let name: String, bytes: [UInt8]
        if let file = context.form.files["file"] {
            (name, bytes) = (file.name, file.bytes)
        } else if let data = context.form["data"], let decoded = Data(base64Encoded: data) {
            (name, bytes) = (context.form["name"] ?? "return.csv", [UInt8](decoded))
        } else {
            return try uploadPage(user, context, error: "Choose a return file to upload.")
        }
        let parsed: ParsedReturn
        do { parsed = try await uploadedReturn(user, name: name, bytes: bytes, periodText: context.form["period"]) } catch let e as InputError {
            return try uploadPage(user, context, error: e.description)
        }
        let who = provenance(user, source: "upload")
        if context.form["action"] == "post" {
            let summary = try await postReturn(parsed, by: who, user: user)
            return frame(
                "Return posted", user, context,
                "<h1>Posted \(Escape.html(parsed.file)) for \(Escape.html(parsed.period.description))</h1><p class=\"ok\" role=\"status\">\(Escape.html(Portal.describe(summary)))</p><p><a href=\"/board?period=\(parsed.period.monthText)\">Back to the returns board</a></p>"
            )
        }
        let preview: (summary: LoadSummary, entries: [JournalEntry])
        do { preview = try await previewReturn(parsed, by: who) } catch let e as InputError {
            return try uploadPage(user, context, error: e.description)
        }
        var body = "<h1>Preview of \(Escape.html(parsed.file)) for \(Escape.html(parsed.period.description))</h1>"
            + parsed.warnings.map { "<p class=\"notice\">\(Escape.html($0))</p>" }.joined()
            + "<p class=\"headline\">\(Escape.html(Portal.describe(preview.summary)))</p>"
        body += Portal.entriesToPost(preview.entries)
        body += "<form method=\"post\" action=\"/upload\">" + Pages.hidden("csrf", csrf(context) ?? "") + Pages.hidden("name", name)
            + Pages.hidden("period", parsed.period.monthText) + Pages.hidden("data", Data(bytes).base64EncodedString())
            + "<p><button type=\"submit\" name=\"action\" value=\"post\">Post this return</button> <a href=\"/upload\">Cancel</a></p></form>"
        return frame("Preview upload", user, context, body)
    }

    // MARK: - The CFO


    func summaryPage(_ request: Request, _ user: PortalUser, _ context: PortalContext) async throws -> Response {
        let q = Portal.query(request)
        let s = try await summary(q)
        let form = "<form class=\"filters\" method=\"get\" action=\"/summary\"><div><label for=\"year\">Year</label><input id=\"year\" name=\"year\" value=\"\(Escape.html(q["year"] ?? ""))\" size=\"8\" placeholder=\"all\"></div>"
            + "<div><label for=\"structure\">Restate under the structure of</label><input id=\"structure\" name=\"structure\" value=\"\(Escape.html(q["structure"] ?? ""))\" size=\"11\" placeholder=\"YYYY-MM-DD\"></div><div><button type=\"submit\">Show</button></div></form>"
        let downloads = "<p>Download: " + [DocumentFormat.xlsx, .csv, .json, .html].map {
            "<a href=\"/download?report=summary&amp;format=\($0.rawValue)&amp;year=\(Escape.html(q["year"] ?? ""))&amp;structure=\(Escape.html(q["structure"] ?? ""))\">\($0.rawValue)</a>"
        }.joined(separator: " · ") + "</p>"
        return frame("Summary", user, context, form + HTMLWriter().summaryBody(s) + downloads)
    }

    func summary(_ q: [String: String]) async throws -> Summary {
        var year: FinancialYear?
        if let t = q["year"], !t.isEmpty {
            do { year = try FinancialYear(parsing: t) } catch { throw HTTPFailure(.unprocessableContent, "year: \(Portal.explain(error))") }
        }
        var structure: CivilDate?
        if let t = q["structure"], !t.isEmpty {
            do { structure = try CivilDate(parsing: t) } catch { throw HTTPFailure(.unprocessableContent, "structure: \(Portal.explain(error))") }
        }
        let y = year, date = structure
        let today = options.today()
        return try await service.reading { ledger in
            if let y { try ledger.checkInWindow(y) }
            let input = try ReconciliationInput.load(ledger, asOf: nil, today: today)
            let settings = try ledger.reconcileSettings()
            return Summary.build(
                input: input, findings: Reconciliation(input: input, settings: settings).findings(), settings: settings, structure: date, year: y)
        }
    }

    /// The findings in the user's scope, filtered as asked.
    func findings(_ q: [String: String], codes: [String], _ user: PortalUser) async throws -> ReconciliationReport {
        var filter = FindingFilter()
        if let s = q["severity"], !s.isEmpty {
            do { filter.severity = try Severity(parsing: s) } catch { throw HTTPFailure(.unprocessableContent, "severity: \(Portal.explain(error))") }
        }
        for c in codes where !c.isEmpty {
            do { filter.codes.insert(try FindingCode(parsing: c)) } catch { throw HTTPFailure(.unprocessableContent, "code: \(Portal.explain(error))") }
        }
        let today = options.today()
        let asked = q["directorate"].flatMap { $0.isEmpty ? nil : $0 }
        let chosen = filter
        return try await service.reading { ledger in
            let input = try ReconciliationInput.load(ledger, asOf: nil, today: today)
            var f = chosen
            if let asked {
                guard let match = Names.match(asked, in: input.directorates) else {
                    throw HTTPFailure(.unprocessableContent, "directorate: there is no directorate \"\(asked)\"")
                }
                f.directorates.insert(match)
            }
            var found = f.apply(Reconciliation(input: input, settings: try ledger.reconcileSettings()).findings(), input)
            // Finance's findings are their directorate's (a finding on a cost centre of it counts too);
            // everyone else's are those on a proposal in their scope.
            if let d = user.scope.directorate {
                found = FindingFilter(directorates: [d]).apply(found, input)
            } else if !user.scope.seesEverything {
                let refs = Set(input.proposals.filter(user.scope.sees).map(\.ref))
                found = found.filter { !$0.refs.filter(refs.contains).isEmpty }
            }
            var report = ReconciliationReport(input, findings: found)
            report.filter = f.isEmpty ? nil : f
            return report
        }
    }

    func findingsPage(_ request: Request, _ user: PortalUser, _ context: PortalContext) async throws -> Response {
        let q = Portal.query(request)
        let r = try await findings(q, codes: Form.all("code", in: request.uri.query ?? ""), user)
        let sev = ["", "low", "medium", "high", "critical"].map { "<option value=\"\($0)\"\(q["severity"] == $0 ? " selected" : "")>\($0.isEmpty ? "any" : $0)</option>" }.joined()
        let codes = FindingCode.allCases.map { c in
            "<option value=\"\(c.rawValue)\"\(Form.all("code", in: request.uri.query ?? "").contains(c.rawValue) ? " selected" : "")>\(c.rawValue) \(Escape.html(c.name))</option>"
        }.joined()
        let form = "<form class=\"filters\" method=\"get\" action=\"/findings\"><div><label for=\"severity\">At least</label><select id=\"severity\" name=\"severity\">\(sev)</select></div>"
            + "<div><label for=\"code\">Codes</label><select id=\"code\" name=\"code\" multiple size=\"4\">\(codes)</select></div>"
            + "<div><label for=\"directorate\">Directorate</label><input id=\"directorate\" name=\"directorate\" value=\"\(Escape.html(q["directorate"] ?? ""))\" size=\"12\"></div>"
            + "<div><button type=\"submit\">Filter</button></div></form>"
        let query = Escape.html(request.uri.query ?? "")
        let body = "<header><h1>Findings</h1><p class=\"meta\">As at the end of \(Escape.html(r.asOf.description)) · ledger head \(Escape.html(r.head.short)) · \(r.findings.count) finding\(r.findings.count == 1 ? "" : "s")"
            + (r.filter.map { " · only \(Escape.html($0.description))" } ?? "") + "</p></header>" + form
            + (r.findings.isEmpty ? "<p>No findings.</p>" : HTMLPage.findings(r.findings))
            + "<p>Download: " + [DocumentFormat.xlsx, .csv, .json, .html].map { "<a href=\"/download?report=findings&amp;format=\($0.rawValue)&amp;\(query)\">\($0.rawValue)</a>" }.joined(separator: " · ") + "</p>"
        return frame("Findings", user, context, body)
    }

    /// The members' report for a period: a member's portfolio; finance's directorate; everything
    /// for the CFO and administrators (who may name one `portfolio`). Not for budget holders.
    func membersReport(_ q: [String: String], _ user: PortalUser) async throws -> MembersReport {
        try user.scope.require(.members)
        let p = try await period(q["period"])
        let builder = try await snapshots(p, user)
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
            guard let name = Proposal.portfolio(named: asked, in: builder.portfolios) else {
                throw HTTPFailure(.unprocessableContent, "portfolio: there is no portfolio \"\(asked)\"")
            }
            return MembersReport.build(input: builder.input, findings: builder.findings, include: { $0.portfolio == name }, scope: name)
        }
    }

    func membersPage(_ request: Request, _ user: PortalUser, _ context: PortalContext) async throws -> Response {
        let q = Portal.query(request)
        let r = try await membersReport(q, user)
        var body = Pages.periodForm(action: "/members", period: r.period)
        if user.scope.seesEverything {
            // The CFO may print one portfolio's pages for its holder.
            let names = try await snapshots(r.period, user).portfolios
            let enc = { (v: String) in v.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }
            body += "<p class=\"noprint\">One portfolio: " + (["<a href=\"/members?period=\(r.period.monthText)\">all</a>"] + names.map {
                "<a href=\"/members?period=\(r.period.monthText)&amp;portfolio=\(Escape.html(enc($0)))\">\(Escape.html($0))</a>"
            }).joined(separator: " · ") + "</p>"
        }
        body += MembersRenderer.htmlBody(r)
        let portfolioQuery = user.scope.seesEverything ? (q["portfolio"].flatMap { $0.isEmpty ? nil : $0 }.map {
            "&amp;portfolio=" + Escape.html($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        } ?? "") : ""
        body += "<p class=\"noprint\">Download: " + MembersRenderer.formats.map {
            "<a href=\"/download?report=members&amp;period=\(r.period.monthText)\(portfolioQuery)&amp;format=\($0.rawValue)\">\($0.rawValue)</a>"
        }.joined(separator: " · ") + "</p>"
        return frame("Members' report — \(r.period)", user, context, body, extraCSS: MembersRenderer.css)
    }

    /// A member's statement: their portfolio's (a holder's statement covers other portfolios).
    func portfolioStatementPage(_ q: [String: String], _ p: Period, _ portfolio: String, _ user: PortalUser, _ context: PortalContext) async throws
        -> Response
    {
        if let asked = q["holder"], !asked.isEmpty { throw HTTPFailure(.forbidden, user.scope.refusal(.statement)) }
        let s = try await snapshots(p, user).statement(forPortfolio: portfolio)
        let body = Pages.periodForm(action: "/statement", period: p) + HTMLWriter().statementBody(s)
        return frame("Portfolio statement — \(s.holder) — \(p)", user, context, body)
    }

    func trendPage(_ request: Request, _ user: PortalUser, _ context: PortalContext) async throws -> Response {
        let p = try await period(Portal.query(request)["period"])
        let builder = try await snapshots(p, user)
        let returned = builder.input.directorateReturns.mapValues(\.period)
        let byDirectorate = Dictionary(grouping: builder.input.proposals, by: \.directorate)
        let trends = byDirectorate.keys.sorted().map { ($0, builder.trend(of: byDirectorate[$0]!)) }
            + [("All directorates", builder.trend(of: builder.input.proposals))]
        var body = "<header><h1>Delivered against profile, month by month — \(Escape.html(p.year.description))</h1><p class=\"meta\">Delivered to date (cumulative) against the straight-line profile of today's targets, by directorate.</p></header>"
            + Pages.periodForm(action: "/trend", period: p)
        for (name, points) in trends {
            var t = Table(columns: [.init("month", "Month"), .init("delivered", "Delivered to date"), .init("profile", "Profile"), .init("variance", "Variance")])
            // A month after the directorate's latest return is not slippage: its return is still to come.
            let last = name == "All directorates" ? returned.values.min() : returned[name]
            let awaiting = { (period: Period) in last.map { period > $0 } ?? false }
            t.columns.append(.init("note", ""))
            t.rows = points.map {
                [.text($0.period.description), .money($0.delivered), .money($0.profiled), .money($0.variance), .text(awaiting($0.period) ? "no return yet" : "")]
            }
            let behind = Set(points.indices.filter { points[$0].behind && !awaiting(points[$0].period) })
            body += "<h2>\(Escape.html(name))</h2><div class=\"scroll\">" + HTMLPage.table(t, calm: ("variance", behind)) + "</div>"
        }
        return frame("Trend", user, context, body)
    }

    func downloadsPage(_ user: PortalUser, _ context: PortalContext) throws -> Response {
        if let portfolio = user.scope.portfolio {
            let links = MembersRenderer.formats.map { "<a href=\"/download?report=members&amp;format=\($0.rawValue)\">\($0.rawValue)</a>" }
            return frame(
                "Downloads", user, context,
                "<h1>Downloads</h1><ul><li>The members' report for \(Escape.html(portfolio)) (the latest month): \(links.joined(separator: " · "))</li></ul>")
        }
        let formats: [DocumentFormat] = [.xlsx, .csv, .json, .html, .markdown]
        var body = "<h1>Downloads</h1><ul>"
        for (report, label) in [("summary", "The summary by directorate and year"), ("findings", "Every finding"), ("balance", "Positions (the pinned balance)")] {
            body += "<li>\(Escape.html(label)): " + formats.filter { report != "balance" || $0 != .html }.map {
                "<a href=\"/download?report=\(report)&amp;format=\($0.rawValue)\">\($0.rawValue)</a>"
            }.joined(separator: " · ") + "</li>"
        }
        return frame("Downloads", user, context, body + "</ul><p>Statements: open one from the returns board and download it there.</p>")
    }

    func download(_ request: Request, _ user: PortalUser, _ context: PortalContext) async throws -> Response {
        let q = Portal.query(request)
        guard let format = DocumentFormat(rawValue: (q["format"] ?? "csv").lowercased()) else {
            throw HTTPFailure(.unprocessableContent, "format: expected xlsx, csv, json, html, markdown or text")
        }
        switch q["report"] ?? "" {
        case "statement":
            let p = try await period(q["period"])
            guard let name = try holder(q, user) else { throw HTTPFailure(.unprocessableContent, "holder: say whose statement") }
            let s = try await statement(holder: name, period: p, for: user)
            return Pages.download(try format.file(statement: s), name: "statement-\(name)-\(p.monthText)", format: format)
        case "summary":
            try user.scope.require(.summary)
            return Pages.download(try format.file(summary: try await summary(q)), name: "summary", format: format)
        case "members":
            guard MembersRenderer.formats.contains(format) else { throw HTTPFailure(.unprocessableContent, "format: the members' report downloads as html, markdown or xlsx") }
            let r = try await membersReport(q, user)
            return Pages.download(Data(try MembersRenderer.file(r, as: format)), name: "members-report-\(r.period.monthText)", format: format)
        case "findings":
            try user.scope.require(.findings)
            let r = try await findings(q, codes: Form.all("code", in: request.uri.query ?? ""), user)
            return Pages.download(try format.file(reconciliation: r), name: "findings", format: format)
        case "balance":
            try user.scope.require(.summary)
            if format == .html { throw HTTPFailure(.unprocessableContent, "format: the positions download as xlsx, csv, json, markdown or text") }
            let today = options.today()
            let report = try await service.reading { try BalanceReport.build($0, by: .proposal, asOf: nil, year: nil, today: today) }
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

/// A holder's sign-off status in words, as the board shows it.
enum HolderStatementSummary {
    static func signOff(_ s: HolderStatement) -> String {
        switch s.signature {
        case .notSigned: "not signed"
        case .signed: "signed"
        case .changed: "changed since signed"
        }
    }
}

extension Table {
    /// The table without the named columns.
    func dropping(_ keys: Set<String>) -> Table {
        let keep = columns.indices.filter { !keys.contains(columns[$0].key) }
        var t = self
        t.columns = keep.map { columns[$0] }
        t.rows = rows.map { row in keep.map { $0 < row.count ? row[$0] : .empty } }
        t.totals = totals.map { row in keep.map { $0 < row.count ? row[$0] : .empty } }
        return t
    }
}

extension RAG {
    init?(optional text: String) { try? self.init(parsing: text) }
}

extension SourceLocation.Place {
    /// A form field's name.
    var fieldName: String? { if case .field(let name) = self { name } else { nil } }
}
