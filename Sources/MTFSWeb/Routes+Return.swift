import Foundation
import HTTPTypes
import Hummingbird
import MTFSDomain
import MTFSEngine
import MTFSRender
import MTFSStore

/// The pages (SPEC §10): server-rendered HTML that works without JavaScript and on a phone.

/// A budget holder's return form and history (SPEC §10, v3).
/// A holder's monthly return (SPEC §10): the form, checking and recording it, and the history of what was recorded.
struct ReturnRoutes {
    let portal: Portal

    func add(to router: RouteTable) {
        router.get("/return") { request, context in try await self.portal.page(context, .ownReturn) { user in try await self.returnPage(request, user, context) } }
        router.post("/return") { _, context in try await self.portal.page(context, .ownReturn) { user in try await self.returnPost(user, context) } }
        router.get("/history") { _, context in try await self.portal.page(context, .history) { user in try await self.historyPage(user, context) } }
    }
}

extension ReturnRoutes {
    // MARK: - The return form

    /// The lines a holder reports for a period: their own proposals, this year.
    func returnLines(holder: HolderID, period p: Period, user: PortalUser) async throws -> [HolderStatement.Line] {
        // As a template: a proposal with nothing to report this year (no target, nothing delivered) has no row.
        try await portal.statement(holder: holder, period: p, for: user).linesToReport
    }

    func returnPage(_ request: Request, _ user: PortalUser, _ context: PortalContext) async throws -> Response {
        guard let holder = user.scope.ownHolder else { throw HTTPFailure(.forbidden, user.scope.refusal(.ownReturn)) }
        let asked = Portal.query(request)["period"].flatMap { $0.isEmpty ? nil : $0 }
        let p = try await asked == nil ? monthDue(holder: holder, user: user) : portal.period(asked)
        let lines = try await returnLines(holder: holder, period: p, user: user)
        let values = lines.map { l in
            [
                "ref": l.ref.rawValue, "year": p.year.description, "delivered_to_date": l.neverReported ? "" : l.delivered.plain,
                // With money by status the forecast and RAG follow from it, so they start blank.
                "forecast": l.status == nil ? l.forecast?.plain ?? "" : "", "rag": l.status == nil ? l.rag?.name ?? "" : "", "comment": l.comment,
                "green": l.status?.green.plain ?? "", "amber": l.status?.amber.plain ?? "", "red": l.status?.red.plain ?? "",
            ]
        }
        return portal.frame("Return — \(p)", user, context, Pages.periodForm(action: "/return", period: p) + returnForm(lines: lines, values: values, errors: [:], period: p, context: context))
    }

    /// The month "My return" opens on: the one after the holder last returned (``ReturnsDue``).
    func monthDue(holder: HolderID, user: PortalUser) async throws -> Period {
        let latest = try await portal.period(nil)
        let window = try await portal.service.reading { try $0.books.window() }
        let lastReturned = try await returnLines(holder: holder, period: latest, user: user).compactMap(\.returned).max()
        return ReturnsDue.nextMonth(lastReturned: lastReturned, latestData: latest, today: portal.options.today(), window: window) ?? latest
    }

    func returnForm(lines: [HolderStatement.Line], values: [[String: String]], errors: [String: String], period p: Period, context: PortalContext)
        -> HTML
    {
        var body: HTML = "<header><h1>Your return for \(p.description)</h1><p class=\"meta\">Delivered to date is cumulative for \(p.year.description). "
            + "Preview shows exactly what will be posted; nothing is recorded until you post it.</p></header>"
        if !errors.isEmpty {
            // The summary takes the focus (no script needed) and links to each field it names.
            let items = errors.sorted { $0.key.localizedStandardCompare($1.key) == .orderedAscending }.map { key, message -> HTML in
                let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
                let i = Int(parts.first ?? "") ?? 0
                let ref = lines.indices.contains(i) ? lines[i].ref.rawValue + ": " : ""
                return "<li><a href=\"#\(parts.last ?? "")_\(i)\">\(ref + message)</a></li>"
            }
            body += "<div class=\"notice\" role=\"alert\" id=\"error-summary\" tabindex=\"-1\" autofocus><p>\(errors.count) field\(errors.count == 1 ? " needs" : "s need") correcting; nothing was posted.</p><ul>\(items.joined())</ul></div>"
        }
        if lines.isEmpty { return body + "<p>You own no proposal this month, so there is nothing to return.</p>" }
        body += "<form method=\"post\" action=\"/return\">" + Pages.hidden("csrf", portal.csrf(context) ?? "") + Pages.hidden("period", p.monthText)
            + Pages.hidden("rows", String(lines.count))
        for (i, l) in lines.enumerated() {
            let v = values.indices.contains(i) ? values[i] : [:]
            func field(_ key: String, _ label: String, _ input: HTML) -> HTML {
                let e = errors["\(i).\(key)"]
                // A refused field says so to assistive technology, and points at its message.
                let marked = e == nil ? input : HTML(rendered: input.text.replacingOccurrences(
                    of: " id=\"\(key)_\(i)\"", with: " id=\"\(key)_\(i)\" aria-invalid=\"true\" aria-describedby=\"\(key)_\(i)_error\""))
                return "<div class=\"\(e == nil ? "" : "field-error")\"><label for=\"\(key)_\(i)\">\(label)</label>\(marked)"
                    + (e.map { "<span class=\"error\" id=\"\(key)_\(i)_error\">\($0)</span>" } ?? .empty) + "</div>"
            }
            let rag = v["rag"] ?? ""
            let options = ["", "Blue", "Green", "Amber", "Red"].map { o -> HTML in
                "<option value=\"\(o)\"\((RAG(optional: rag)?.name ?? rag) == o ? " selected" : "")>\(o.isEmpty ? "—" : o)</option>"
            }.joined()
            body += "<div class=\"return-row\"><h2>\(l.ref.rawValue) — \(l.title)</h2><p class=\"meta\">Target \(l.currentTarget.forReading) · recorded to date \(l.delivered.forReading)</p>"
                + Pages.hidden("ref_\(i)", l.ref.rawValue) + Pages.hidden("year_\(i)", v["year"] ?? p.year.description) + "<div class=\"inputs\">"
                + field("delivered_to_date", "Delivered to date (£)", "<input class=\"money\" id=\"delivered_to_date_\(i)\" name=\"delivered_to_date_\(i)\" inputmode=\"decimal\" value=\"\(v["delivered_to_date"] ?? "")\">")
                + field("forecast", "Forecast for the year (£)", "<input class=\"money\" id=\"forecast_\(i)\" name=\"forecast_\(i)\" inputmode=\"decimal\" value=\"\(v["forecast"] ?? "")\">")
                + field("rag", "RAG", "<select id=\"rag_\(i)\" name=\"rag_\(i)\">\(options)</select>")
                + "</div>"
                // Money by status (SPEC §5 v3), for councils that report it: open when it is in use.
                + "<details\(["green", "amber", "red"].contains { !(v[$0] ?? "").isEmpty || errors["\(i).\($0)"] != nil } ? " open" : "")><summary>Money by status (optional: then leave forecast and RAG blank)</summary><div class=\"inputs\">"
                + [("green", "On track, green (£)"), ("amber", "At risk, amber (£)"), ("red", "Will not be delivered, red (£)")].map { key, label -> HTML in
                    field(key, label, "<input class=\"money\" id=\"\(key)_\(i)\" name=\"\(key)_\(i)\" inputmode=\"decimal\" value=\"\(v[key] ?? "")\">")
                }.joined() + "</div></details>" + field("comment", "Comment (your mitigation)", "<textarea id=\"comment_\(i)\" name=\"comment_\(i)\" maxlength=\"2000\">\(v["comment"] ?? "")</textarea>")
                // A service impact seen this month (SPEC §5 v3), and whether the risk assessment foresaw it.
                + field("impact", "Service impact seen this month (if any)", "<textarea id=\"impact_\(i)\" name=\"impact_\(i)\" maxlength=\"2000\">\(v["impact"] ?? "")</textarea>")
                + field("impact_foreseen", "Was it foreseen when the saving was risk-assessed?", "<select id=\"impact_foreseen_\(i)\" name=\"impact_foreseen_\(i)\">"
                    + [("", "—"), ("yes", "Yes"), ("no", "No")].map { key, label -> HTML in
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
        let p = try await portal.period(context.form["period"])
        try requireMonthBegun(p)
        // A month the ledger does not cover is said as such, not as proposals that are not hers.
        if let window = try await portal.service.reading({ try $0.books.window() }), !window.contains(p.year) {
            throw HTTPFailure(.unprocessableContent, "period: \(p) is outside the ledger's MTFS years \(window); nothing was posted.")
        }
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
            for key in ReturnRoutes.returnFields { v[key] = context.form["\(key)_\(i)"] ?? "" }
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
                    let field = ReturnRoutes.returnFields.first { name.hasSuffix($0.replacingOccurrences(of: "_", with: " ")) } ?? "delivered_to_date"
                    errors["\(i).\(field)"] = errors["\(i).\(field)"] ?? error.message
                    let stand = ["year": p.year.description]
                    if field == "rag" || field == "forecast" { probe["forecast"] = ""; probe["rag"] = "" } else { probe[field] = stand[field] ?? "" }
                }
            }
        }
        // The form's rows as posted, each with its proposal (the same one twice shows twice, each with its error).
        let ordered = values.compactMap { v in lines.first { $0.ref.rawValue == v["ref"] } }
        if !errors.isEmpty {
            return portal.frame("Return — \(p)", user, context, returnForm(lines: ordered, values: values, errors: errors, period: p, context: context), status: .unprocessableContent)
        }
        let parsed = ParsedReturn(file: "the return form", period: p, rows: rows)
        let who = portal.provenance(user, source: "the return form")
        let action = context.form["action"] ?? "preview"
        if rows.isEmpty { throw HTTPFailure(.unprocessableContent, "The form has no lines to post; open My return again.") }
        if action == "edit" { return portal.frame("Return — \(p)", user, context, returnForm(lines: ordered, values: values, errors: [:], period: p, context: context)) }
        // What the return would post, worked out by the import itself and rolled back: its
        // reductions of delivered to date, whatever year each line is for, are what the holder
        // must confirm.
        let preview: (summary: LoadSummary, entries: [JournalEntry])
        do { preview = try await previewReturn(parsed, by: who) } catch let e as InputError {
            return portal.frame("Return — \(p)", user, context, returnForm(lines: ordered, values: values, errors: ReturnRoutes.besideField(e, values), period: p, context: context), status: .unprocessableContent)
        }
        let reductions = ReturnRoutes.reductions(preview.entries, rows: rows, values: values)
        if action == "post", !reductions.isEmpty, context.form["confirm_reductions"] != "1" {
            // Delivered to date is the year's running total: a figure below it takes delivery
            // away, which is what typing this month's amount in its place would do. Not posted
            // until the holder says they mean it (the preview asks).
            var errors: [String: String] = [:]
            for r in reductions {
                errors["\(r.index).delivered_to_date"] =
                    "\(r.typed.map { "\($0.forReading) would take \(r.amount.forReading) away from" } ?? "this takes \(r.amount.forReading) away from") what is already delivered to date for \(r.year): delivered to date is the year's running total, not this month's amount; type the running total, or preview and confirm the reduction"
            }
            return portal.frame("Return — \(p)", user, context, returnForm(lines: ordered, values: values, errors: errors, period: p, context: context), status: .unprocessableContent)
        }
        if action == "post" {
            let summary: LoadSummary
            do { summary = try await postReturn(parsed, by: who, user: user) } catch let e as InputError {
                return portal.frame("Return — \(p)", user, context, returnForm(lines: ordered, values: values, errors: ReturnRoutes.besideField(e, values), period: p, context: context), status: .unprocessableContent)
            }
            return portal.frame(
                "Return posted", user, context,
                "<h1>Return posted for \(p.description)</h1><p class=\"ok\" role=\"status\">\(ReturnRoutes.describe(summary))</p><p><a href=\"/statement?period=\(p.monthText)\">See your statement</a> · <a href=\"/history\">Your history</a></p>"
            )
        }
        var body: HTML = "<h1>Preview of your return for \(p.description)</h1><p class=\"headline\">\(ReturnRoutes.describe(preview.summary))</p>"
        if !reductions.isEmpty {
            body += "<div class=\"notice\" role=\"alert\"><p>Delivered to date is the year's running total. "
                + (reductions.count == 1 ? "This line takes" : "These lines take") + " delivery away:</p><ul>"
                + reductions.map { r -> HTML in
                    "<li>\(r.ref.rawValue) \(r.year.description): " + (r.typed.map { "to \($0.forReading), " } ?? .empty) + "a reduction of \(r.amount.forReading)</li>"
                }.joined()
                + "</ul><p>If you typed this month's amount, change it to the running total.</p></div>"
        }
        body += ReturnRoutes.linesPreview(rows, lines: lines, period: p)
        body += ReturnRoutes.entriesToPost(preview.entries)
        body += "<form method=\"post\" action=\"/return\">" + Pages.hidden("csrf", portal.csrf(context) ?? "") + Pages.hidden("period", p.monthText) + Pages.hidden("rows", String(values.count))
        for (i, v) in values.enumerated() {
            body += Pages.hidden("ref_\(i)", v["ref"] ?? "")
            for key in ReturnRoutes.returnFields { body += Pages.hidden("\(key)_\(i)", v[key] ?? "") }
        }
        if !reductions.isEmpty {
            body += "<p class=\"confirm\"><input type=\"checkbox\" id=\"confirm_reductions\" name=\"confirm_reductions\" value=\"1\"> "
                + "<label for=\"confirm_reductions\">I mean to reduce delivered to date as shown</label></p>"
        }
        body += "<p><button type=\"submit\" name=\"action\" value=\"post\">Post this return</button> <button class=\"quiet\" type=\"submit\" name=\"action\" value=\"edit\">Change it</button></p></form>"
        return portal.frame("Preview — \(p)", user, context, body)
    }

    /// A reduction of delivered to date that a return would post, and the form's line it comes from.
    struct Reduction {
        var index: Int
        var ref: ProposalRef
        var year: FinancialYear
        var amount: Pence
        var typed: Pence?
    }

    /// The reductions among the entries a preview would post, each with the form's line for its
    /// proposal and year (refs and years compared as the ledger reads them: `peo-06`, `2023-24`).
    static func reductions(_ entries: [JournalEntry], rows: [ParsedReturn.Row], values: [[String: String]]) -> [Reduction] {
        entries.filter { $0.kind == .reduce }.map { e in
            let same = { (ref: String, year: String) in
                Proposal.canonical(ref) == Proposal.canonical(e.proposal.rawValue) && (try? FinancialYear(parsing: year)) == e.year
            }
            let index = values.firstIndex { same($0["ref"] ?? "", $0["year"] ?? "") } ?? 0
            let typed = rows.first { same($0.ref.rawValue, $0.year.description) }?.deliveredToDate
            return Reduction(index: index, ref: e.proposal, year: e.year, amount: e.amount, typed: typed)
        }
    }

    /// Every line of a previewed return: what stands and what the return says, so the holder checks
    /// the forecasts, ratings and comments as well as the money.
    static func linesPreview(_ rows: [ParsedReturn.Row], lines: [HolderStatement.Line], period p: Period) -> HTML {
        var t = Table(columns: [
            .init("ref", "Ref"), .init("year", "Year"), .init("stood", "Delivered to date now"), .init("delivered", "Delivered to date returned"),
            .init("forecast", "Forecast"), .init("rag", "RAG"), .init("comment", "Comment"), .init("impact", "Service impact"),
        ])
        for row in rows {
            let line = row.year == p.year ? lines.first { $0.ref == row.ref } : nil
            let forecast: Table.Cell = row.forecast.map { .money($0) } ?? (row.status.map { .text("from status: green \($0.green.forReading), amber \($0.amber.forReading), red \($0.red.forReading)") } ?? .text("not given"))
            t.rows.append([
                .text(row.ref.rawValue), .text(row.year.description), line.map { .money($0.delivered) } ?? .empty,
                row.deliveredToDate.map { .money($0) } ?? .text("not reported"), forecast,
                .text(row.rag.map { "\($0.rawValue) \($0.name)" } ?? "—"), .text(row.comment), .text(row.impact?.text ?? ""),
            ])
        }
        return "<h2>Your lines</h2>" + Pages.scrolling("Your lines", HTMLPage.table(t, ragColumn: "rag", exact: true))
    }

    /// A rule of the ledger that refused a line of the form (more delivered than planned…), beside its field.
    static func besideField(_ e: InputError, _ values: [[String: String]]) -> [String: String] {
        let place = e.location?.description ?? ""
        guard let i = values.firstIndex(where: { v in place.contains("field \"\(v["ref"] ?? "") ") }) else { return ["0.delivered_to_date": e.description] }
        let field = ReturnRoutes.returnFields.first { $0 != "delivered_to_date" && place.contains("\($0.replacingOccurrences(of: "_", with: " "))\"") } ?? "delivered_to_date"
        return ["\(i).\(field)": e.message]
    }

    /// A return reports a month that has begun: one for a later month (a year typed wrong) would
    /// move every page's "latest month" ahead, in a ledger that never forgets. Form, upload and API.
    func requireMonthBegun(_ p: Period) throws {
        let today = portal.options.today()
        guard p.firstDay <= today else {
            throw HTTPFailure(
                .unprocessableContent,
                "period: a return reports a month that has begun; \(p) begins on \(p.firstDay.longText) (today is \(today.longText)); nothing was posted")
        }
    }

    /// Refuses (403, nothing written) any line on a proposal outside the user's scope.
    func checkScope(_ user: PortalUser, rows: [ParsedReturn.Row]) async throws {
        // An administrator may post for anyone: nothing to check line by line.
        guard !(user.scope.seesEverything && user.scope.may(.postReturn)) else { return }
        let proposals = try await portal.service.reading { try $0.books.proposals() }
        // Matched as the import matches them (SPEC §5 v3: `pla-09` and `PLA 09` are PLA-09), so no
        // spelling of a ref reaches a proposal this check did not see.
        let byRef = Dictionary(proposals.map { (Proposal.canonical($0.ref.rawValue), $0) }, uniquingKeysWith: { a, _ in a })
        for row in rows {
            guard let p = byRef[Proposal.canonical(row.ref.rawValue)] else { continue }  // unknown refs are refused by the import, with their place
            if !user.scope.writes(to: p) { throw HTTPFailure(.forbidden, "\(row.at.description): \(row.ref) (\(p.directorate)) is not in your scope; nothing was posted.") }
        }
    }

    /// Posts a return under the user's login; their next pages include it.
    func postReturn(_ parsed: ParsedReturn, by who: Provenance, user: PortalUser) async throws -> LoadSummary {
        try requireMonthBegun(parsed.period)
        let summary = try await portal.service.writing { try PackLoader(ledger: $0, by: who).importReturn(parsed) }
        try await portal.wrote(user)
        return summary
    }

    /// What posting a return would do, nothing posted (the form's and the upload's preview).
    func previewReturn(_ parsed: ParsedReturn, by who: Provenance) async throws -> (summary: LoadSummary, entries: [JournalEntry]) {
        try requireMonthBegun(parsed.period)
        return try await portal.service.writing { try PackLoader(ledger: $0, by: who).preview(parsed) }
    }

    /// The entries a preview will post, to the penny.
    static func entriesToPost(_ entries: [JournalEntry]) -> HTML {
        entries.isEmpty
            ? "<p>No ledger entry will be posted.</p>"
            : "<h2>Entries that will be posted</h2>"
                + Pages.scrolling(
                    "Entries that will be posted",
                    HTMLPage.table(JournalTable.table(entries, title: nil).dropping(["recorded_at", "actor", "on_behalf_of", "entry", "reverses", "to_year"]), exact: true))
    }

    static func describe(_ s: LoadSummary) -> String {
        if !s.changedAnything { return "Nothing changes: every line matches what the ledger already holds." }
        return "\(s.deliveries) deliver\(s.deliveries == 1 ? "y" : "ies") and \(s.reductions) reduction\(s.reductions == 1 ? "" : "s") (\(s.deliveredText)), \(s.forecasts) forecast\(s.forecasts == 1 ? "" : "s") recorded, \(s.impactsReported == 0 ? "" : "\(s.impactsReported) service impact\(s.impactsReported == 1 ? "" : "s") reported, ")\(s.unchangedRows) line\(s.unchangedRows == 1 ? "" : "s") returned unchanged."
    }

    // MARK: - History

    func historyPage(_ user: PortalUser, _ context: PortalContext) async throws -> Response {
        guard let holder = user.scope.ownHolder else { throw HTTPFailure(.forbidden, user.scope.refusal(.history)) }
        let (returns, signOffs) = try await portal.service.reading { ledger -> ([ReturnLineRecord], [SignOff]) in
            let refs = try ledger.books.proposals().filter { $0.owner == holder }.map(\.ref)
            let latest = try ledger.signOffs.latestDataPeriod() ?? Period(year: FinancialYear(startYear: 2000), number: 1)
            return (try ledger.returns.returnLines(refs: refs), try ledger.signOffs.all(upTo: latest).filter { $0.holder == holder })
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
        return portal.frame(
            "History", user, context,
            "<h1>Your returns and sign-offs</h1><h2>Sign-offs</h2>" + Pages.scrolling("Sign-offs", HTMLPage.table(s)) + "<h2>Return lines</h2>" + Pages.scrolling("Return lines", HTMLPage.table(t)))
    }
}
