import Foundation
import HTTPTypes
import Hummingbird
import MTFSDomain
import MTFSEngine
import MTFSRender
import MTFSStore

/// The pages (SPEC §10): server-rendered HTML that works without JavaScript and on a phone.

/// Finance: the returns board and uploads (SPEC §10).
/// Finance's pages (SPEC §10): the returns board and uploading a directorate's return.
struct FinanceRoutes {
    let portal: Portal

    func add(to router: RouteTable) {
        router.get("/board") { request, context in try await self.portal.page(context, .board) { user in try await self.boardPage(request, user, context) } }
        router.get("/statements") { request, context in
            Pages.redirect("/board" + (request.uri.query.map { "?" + $0 } ?? ""))
        }
        router.get("/upload") { _, context in try await self.portal.page(context, .upload) { user in try self.uploadPage(user, context, error: nil) } }
        router.post("/upload") { _, context in try await self.portal.page(context, .upload) { user in try await self.uploadPost(user, context) } }
    }
}

extension FinanceRoutes {
    // MARK: - Finance: the returns board and uploads

    func boardPage(_ request: Request, _ user: PortalUser, _ context: PortalContext) async throws -> Response {
        let p = try await portal.period(Portal.query(request)["period"])
        let builder = try await portal.snapshots(p, user)
        let statements = try builder.holders.map { ($0, try builder.statement(for: $0)) }.filter {
            user.scope.seesStatement(of: $0.0, directorates: $0.1.directorates)
        }
        let (dueDay, reminders, users) = try await portal.service.reading { ledger in
            (try ReminderSettings(storedIn: ledger).dueDay, try ledger.reminders.all(about: p).filter { $0.holder != nil }, try ledger.people.users())
        }
        var t = Table(columns: [
            .init("holder", "Budget holder"), .init("directorates", "Directorate"), .init("return", "Return for the month"), .init("signed", "Sign-off"),
            .init("reminded", "Reminders"), .init("delivered", "Delivered"), .init("variance", "Variance to profile"),
        ])
        var counts: [String: Int] = [:]
        for (holder, s) in statements {
            let state = s.returnState(today: portal.options.today(), dueDay: dueDay)
            let signed = HolderStatementSummary.signOff(s)
            counts[state.group, default: 0] += 1
            t.rows.append([
                .text(s.holder), .text(s.directorates.joined(separator: ", ")), .text(state.text), .text(signed),
                .text(FinanceRoutes.remindersText(reminders.filter { $0.holder == holder }, accounts: users.filter { $0.scope.isAccount(of: holder) && !$0.disabled })),
                .money(s.totals.delivered),
                .money(s.totals.variance),
            ])
        }
        let tally = counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: " · ")
        var body: HTML = "<header><h1>Returns board — \(p.description)</h1><p class=\"meta\">\(user.scope.coverage) · \(tally)</p></header>"
        body += Pages.periodForm(action: "/board", period: p)
        // Each holder's name opens their statement for the month.
        body += Pages.scrolling(
            "Returns board",
            HTMLPage.table(t) { row, column in
                column == "holder" ? "/statement?period=\(p.monthText)&holder=\(Pages.queryValue(statements[row].0.rawValue))" : nil
            })
        return portal.frame("Returns board — \(p)", user, context, body)
    }

    /// A holder's reminders for the month on the board: the latest try of each kind, a failure
    /// with the relay's answer (it is tried again on the next run).
    static func remindersText(_ records: [ReminderRecord], accounts: [PortalUser]) -> String {
        var latest: [ReminderKind: ReminderRecord] = [:]
        for r in records where latest[r.kind].map({ !$0.sent || r.sent }) ?? true { latest[r.kind] = r }
        let parts = ReminderKind.allCases.compactMap { kind -> String? in
            guard let r = latest[kind] else { return nil }
            let day = String(r.recordedAt.prefix(10))
            // The relay's words without any address in them (a holder's address is not finance's to see).
            let said = r.relay.split(separator: " ").map { $0.contains("@") ? "<address>" : String($0) }.joined(separator: " ")
            return r.sent ? "\(kind.text) sent \(day)" : "\(kind.text) FAILED \(day) (\(said.prefix(80))); tried again on the next run"
        }
        if !parts.isEmpty { return parts.joined(separator: "; ") }
        // Say who can never be reminded, so "none" means only that none was due.
        if accounts.isEmpty { return "none (cannot be reminded: no portal account)" }
        if !accounts.contains(where: { $0.email != nil }) { return "none (cannot be reminded: no email address)" }
        return "none"
    }

    func uploadPage(_ user: PortalUser, _ context: PortalContext, error: String?) throws -> Response {
        try user.scope.require(.upload)
        var body: HTML = "<h1>Upload a return</h1><p class=\"meta\">A CSV return or a filled-in return workbook (.xlsx). You see what will be posted before anything is.</p>"
        if let error { body += "<p class=\"notice\" role=\"alert\">\(error)</p>" }
        body += "<form method=\"post\" action=\"/upload\" enctype=\"multipart/form-data\">\(Pages.hidden("csrf", portal.csrf(context) ?? ""))"
        body += "<label for=\"file\">Return file</label><input id=\"file\" name=\"file\" type=\"file\" accept=\".csv,.xlsx\" required>"
        body += "<label for=\"period\">Month (if the file does not say)</label><input id=\"period\" name=\"period\" placeholder=\"2023-11\" size=\"8\">"
        body += "<p><button type=\"submit\" name=\"action\" value=\"preview\">Preview</button></p></form>"
        return portal.frame("Upload a return", user, context, body, status: error == nil ? .ok : .unprocessableContent)
    }

    /// The upload's return, read and checked against the user's scope.
    func uploadedReturn(_ user: PortalUser, name: String, bytes: [UInt8], periodText: String?) async throws -> ParsedReturn {
        let p: Period?
        if let t = periodText, !t.isEmpty {
            do { p = try Period(parsing: t) } catch { throw HTTPFailure(.unprocessableContent, "period: \(Pages.explain(error))") }
        } else {
            p = nil
        }
        let base = (name as NSString).lastPathComponent
        let ext = (base as NSString).pathExtension.lowercased() == "xlsx" ? "xlsx" : "csv"
        let stem = (base as NSString).deletingPathExtension
        let parsed = try ParsedReturn.read(bytes: bytes, name: Escape.fileName(stem, maxLength: 60) + "." + ext, period: p)
        try await ReturnRoutes(portal: portal).checkScope(user, rows: parsed.rows)
        return parsed
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
        let who = portal.provenance(user, source: "upload")
        if context.form["action"] == "post" {
            let summary = try await ReturnRoutes(portal: portal).postReturn(parsed, by: who, user: user)
            return portal.frame(
                "Return posted", user, context,
                "<h1>Posted \(parsed.file) for \(parsed.period.description)</h1><p class=\"ok\" role=\"status\">\(ReturnRoutes.describe(summary))</p><p><a href=\"/board?period=\(parsed.period.monthText)\">Back to the returns board</a></p>"
            )
        }
        let preview: (summary: LoadSummary, entries: [JournalEntry])
        do { preview = try await ReturnRoutes(portal: portal).previewReturn(parsed, by: who) } catch let e as InputError {
            return try uploadPage(user, context, error: e.description)
        }
        var body: HTML = "<h1>Preview of \(parsed.file) for \(parsed.period.description)</h1>"
        for warning in parsed.warnings { body += "<p class=\"notice\">\(warning)</p>" }
        body += "<p class=\"headline\">\(ReturnRoutes.describe(preview.summary))</p>"
        body += ReturnRoutes.entriesToPost(preview.entries)
        body += "<form method=\"post\" action=\"/upload\">\(Pages.hidden("csrf", portal.csrf(context) ?? ""))\(Pages.hidden("name", name))"
        body += "\(Pages.hidden("period", parsed.period.monthText))\(Pages.hidden("data", Data(bytes).base64EncodedString()))"
        body += "<p><button type=\"submit\" name=\"action\" value=\"post\">Post this return</button> <a href=\"/upload\">Cancel</a></p></form>"
        return portal.frame("Preview upload", user, context, body)
    }
}
