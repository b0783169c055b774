import Foundation
import HTTPTypes
import Hummingbird
import MTFSDomain
import MTFSEngine
import MTFSRender
import MTFSStore

/// The API (SPEC §10) for Power BI, Excel's "From Web" and scripts: bearer tokens (or the session
/// cookie with its CSRF token), JSON and CSV, 401/403/422 as pinned.
extension Portal {
    func addAPI(to router: RouteTable) {
        router.get("/api/v1/openapi.json") { _, _ in Pages.json(try router.openAPI(Portal.openAPIHeader)) }
        router.get("/api/v1/positions", describedAs: #"""
            {
            "summary": "The pinned balance rows (one per proposal and year) in the caller's scope",
            "parameters": [{"name": "format", "in": "query", "schema": {"type": "string", "enum": ["json", "csv"]}}],
            "responses": {"200": {"description": "rows; money as integer pence under <column>_pence"}, "401": {"description": "no or bad token"}}}
            """#) { request, context in
            let user = try self.requireUser(context)
            let today = self.options.today()
            var report = try await self.service.reading { try BalanceReport.build($0, by: .proposal, asOf: nil, year: nil, today: today) }
            if !user.scope.seesEverything {
                let proposals = try await self.service.reading { try $0.proposals() }
                let mine = Set(proposals.filter(user.scope.sees).map(\.ref))
                report.rows = report.rows.filter { $0.ref.map(mine.contains) ?? false }
            }
            let table = BalanceTable.table(report, pinned: true)
            let format = Portal.query(request)["format"] ?? "json"
            guard format == "json" || format == "csv" else { throw HTTPFailure(.unprocessableContent, "format: expected json or csv, found \"\(format)\"") }
            if format == "csv" {
                return Response(
                    status: .ok, headers: [.contentType: "text/csv; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: table.renderCSV())))
            }
            return Pages.json(table.renderJSON())
        }
        router.get("/api/v1/findings", describedAs: #"""
            {
            "summary": "The reconciliation's findings in the caller's scope, filtered",
            "parameters": [
            {"name": "severity", "in": "query", "schema": {"type": "string"}},
            {"name": "code", "in": "query", "schema": {"type": "string"}},
            {"name": "directorate", "in": "query", "schema": {"type": "string"}},
            {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["json", "csv"]}}],
            "responses": {"200": {"description": "the findings"}, "401": {"description": "no or bad token"}, "422": {"description": "a bad filter"}}}
            """#) { request, context in
            let user = try self.requireUser(context)
            let format = Portal.query(request)["format"] ?? "json"
            guard format == "json" || format == "csv" else { throw HTTPFailure(.unprocessableContent, "format: expected json or csv, found \"\(format)\"") }
            let r = try await self.findings(Portal.query(request), codes: Form.all("code", in: request.uri.query ?? ""), user)
            if format == "csv" {
                return Response(
                    status: .ok, headers: [.contentType: "text/csv; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(string: try CSVWriter().reconciliation(r))))
            }
            return Pages.json(try JSONOutput.encode(r))
        }
        router.get("/api/v1/statements/:period", describedAs: #"""
            {
            "summary": "A holder's statement as JSON",
            "parameters": [
            {"name": "period", "in": "path", "required": true, "schema": {"type": "string", "example": "2023-12"}},
            {"name": "holder", "in": "query", "schema": {"type": "string"}}],
            "responses": {"200": {"description": "the statement"}, "401": {"description": "no or bad token"}, "403": {"description": "not the caller's to see"}, "404": {"description": "no such statement"}, "422": {"description": "a bad period"}}}
            """#) { request, context in
            let user = try self.requireUser(context)
            let p = try await self.period(context.parameters.get("period").map { $0.removingPercentEncoding ?? $0 })
            guard let name = try self.holder(Portal.query(request), user) else {
                throw HTTPFailure(.unprocessableContent, "holder: give ?holder=NAME, the budget holder whose statement you want")
            }
            return Pages.json(try JSONOutput.encode(try await self.statement(holder: name, period: p, for: user)))
        }
        router.post("/api/v1/returns", describedAs: #"""
            {
            "summary": "Post a monthly return (the same rules as import-return); nothing is written unless every line is good",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["period", "lines"], "properties": {
            "period": {"type": "string", "example": "2023-12"},
            "lines": {"type": "array", "items": {"type": "object", "properties": {
            "ref": {"type": "string"}, "year": {"type": "string"}, "delivered_to_date": {"type": "number"},
            "forecast": {"type": "number"}, "rag": {"type": "string"}, "comment": {"type": "string"},
            "green": {"type": "number", "minimum": 0, "description": "money on track (SPEC §5 v3); with green, amber and red the forecast and RAG follow"},
            "amber": {"type": "number", "minimum": 0, "description": "money at risk"},
            "red": {"type": "number", "minimum": 0, "description": "money that will not be delivered"},
            "impact": {"type": "string", "description": "a service impact seen this month (SPEC §5 v3)"},
            "impact_foreseen": {"type": "boolean", "description": "whether the risk assessment foresaw it; false when left out beside an impact"}}}}}}}}},
            "responses": {"200": {"description": "what was posted"}, "401": {"description": "no or bad token"}, "403": {"description": "a line outside the caller's scope"}, "422": {"description": "one message per bad line", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}}}}}
            """#) { request, context in
            let user = try self.requireUser(context)
            // Who may post at all is asked first: the CFO learns nothing from the lines' checks.
            try user.scope.require(.postReturn)
            var request = request
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            let posted: ReturnPost
            do { posted = try JSONDecoder().decode(ReturnPost.self, from: Data(buffer: body)) } catch {
                throw HTTPFailure(.unprocessableContent, "expected {\"period\": \"2023-12\", \"lines\": [{\"ref\", \"year\", \"delivered_to_date\", \"forecast\", \"rag\", \"comment\", \"green\", \"amber\", \"red\"}]}")
            }
            let p: Period
            do { p = try Period(parsing: posted.period) } catch { throw HTTPFailure(.unprocessableContent, "period: \(Portal.explain(error))") }
            var rows: [ParsedReturn.Row] = []
            var places: [Int] = []
            var problems: [String] = []
            var seen: Set<ProposalYear> = []
            for (i, line) in posted.lines.enumerated() {
                do {
                    let row = try ParsedReturn.line(line.cells(index: i))
                    if !seen.insert(ProposalYear(row.ref, row.year)).inserted {
                        problems.append("lines[\(i)]: \(row.ref) \(row.year) is reported twice")
                    }
                    rows.append(row)
                    places.append(i)
                } catch let e as InputError { problems.append(e.description) } catch { problems.append(Portal.explain(error)) }
            }
            // The ledger's own checks that need no posting, for every line: unknown refs, years outside the MTFS.
            // Refs as the ledger spells them (`place 13` names `Place 13`), so scope is checked on the real ref.
            let known = try await self.service.reading { ledger -> ([String: ProposalRef], YearRange?) in
                (Dictionary(try ledger.proposals().map { (Proposal.canonical($0.ref.rawValue), $0.ref) }, uniquingKeysWith: { a, _ in a }), try? ledger.requireWindow())
            }
            for k in rows.indices { if let ref = known.0[Proposal.canonical(rows[k].ref.rawValue)] { rows[k].ref = ref } }
            for (row, i) in zip(rows, places) {
                if known.0[Proposal.canonical(row.ref.rawValue)] == nil { problems.append("the API, field \"lines[\(i)].ref\": unknown proposal ref \(row.ref)") }
                else if let w = known.1, !w.contains(row.year) { problems.append("the API, field \"lines[\(i)].year\": \(row.year) is outside the ledger's MTFS years \(w)") }
            }
            if !problems.isEmpty {
                return try Pages.json(APIErrors(problems), status: .unprocessableContent)
            }
            try await self.checkScope(user, rows: rows)
            let parsed = ParsedReturn(file: "the API", period: p, rows: rows)
            let who = self.provenance(user, source: "the API")
            let summary: LoadSummary
            do { summary = try await self.postReturn(parsed, by: who, user: user) } catch let e as InputError {
                return try Pages.json(APIErrors([e.description]), status: .unprocessableContent)
            }
            return try Pages.json(
                ReturnPosted(
                    period: p.monthText, deliveries: summary.deliveries, reductions: summary.reductions,
                    delivered_change_pence: summary.deliveredChange.rawValue, forecasts: summary.forecasts, unchanged: summary.unchangedRows))
        }
        router.post("/api/v1/sign-offs", describedAs: #"""
            {
            "summary": "Sign the caller's own statement for a period",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["period"], "properties": {
            "period": {"type": "string"}, "comment": {"type": "string"}}}}}},
            "responses": {"201": {"description": "signed"}, "401": {"description": "no or bad token"}, "403": {"description": "not a budget holder"}, "422": {"description": "a bad period or nothing to sign"}}}
            """#) { request, context in
            let user = try self.requireUser(context)
            guard let holder = user.scope.ownHolder else { throw HTTPFailure(.forbidden, user.scope.refusal(.signOff)) }
            var request = request
            let body = try await request.collectBody(upTo: 1 << 20)
            let posted: SignOffPost
            do { posted = try JSONDecoder().decode(SignOffPost.self, from: Data(buffer: body)) } catch {
                throw HTTPFailure(.unprocessableContent, "expected {\"period\": \"2023-12\", \"comment\": \"…\"}")
            }
            let p: Period
            do { p = try Period(parsing: posted.period) } catch { throw HTTPFailure(.unprocessableContent, "period: \(Portal.explain(error))") }
            if let named = posted.holder, named != holder { throw HTTPFailure(.forbidden, "A holder signs only their own statement; nothing was signed.") }
            let comment = posted.comment ?? ""
            try await self.sign(holder: holder, period: p, comment: comment, shown: nil, user: user, source: "the API")
            return try Pages.json(Signed(signed: true, holder: holder, period: p.monthText), status: .created)
        }
    }

    /// Every refusal's body, whatever the status (SPEC §10 v3: errors in one shape).
    struct APIErrors: Encodable {
        var errors: [String]
        init(_ errors: [String]) { self.errors = errors }
    }

    /// What a posted return did.
    struct ReturnPosted: Encodable {
        var period: String
        var deliveries: Int
        var reductions: Int
        var delivered_change_pence: Int64
        var forecasts: Int
        var unchanged: Int
    }

    /// A sign-off recorded through the API.
    struct Signed: Encodable {
        var signed: Bool
        var holder: String
        var period: String
    }

    struct ReturnPost: Decodable {
        struct Line: Decodable {
            var ref: String?
            var year: String?
            var delivered_to_date: Money?
            var forecast: Money?
            var green: Money?
            var amber: Money?
            var red: Money?
            var impact: String?
            var impact_foreseen: YesNo?
            var rag: String?
            var comment: String?

            func cells(index: Int) -> Portal.FormCells.APILine {
                Portal.FormCells.APILine(
                    index: index,
                    values: [
                        "ref": ref ?? "", "year": year ?? "", "delivered_to_date": delivered_to_date?.text ?? "", "forecast": forecast?.text ?? "",
                        "rag": rag ?? "", "comment": comment ?? "", "green": green?.text ?? "", "amber": amber?.text ?? "", "red": red?.text ?? "",
                        "impact": impact ?? "", "impact_foreseen": impact_foreseen?.text ?? "",
                    ])
            }
        }
        var period: String
        var lines: [Line]
    }

    /// Money as a JSON number (pounds) or text (`"£1,250.00"`).
    struct Money: Decodable {
        var text: String
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let s = try? c.decode(String.self) {
                text = s
            } else {
                let d = try c.decode(Decimal.self)
                text = "\(d)"
            }
        }
    }

    /// `true`/`false` or `"yes"`/`"no"`, as text for the return's own rules.
    struct YesNo: Decodable {
        var text: String
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let b = try? c.decode(Bool.self) { text = b ? "yes" : "no" } else { text = try c.decode(String.self) }
        }
    }

    struct SignOffPost: Decodable {
        var period: String
        var comment: String?
        var holder: String?
    }

    /// The API description, checked in a test against what the server answers.
    /// The description's fixed part; its paths come from the route table (``RouteTable/openAPI(_:)``).
    static let openAPIHeader = #"""
        {
          "openapi": "3.0.3",
          "info": {"title": "mtfs savings ledger", "version": "1"},
          "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
              "Errors": {"type": "object", "properties": {"errors": {"type": "array", "items": {"type": "string"}}}}
            }
          },
          "security": [{"bearer": []}],
          "paths": {}
        }
        """#
}

extension Portal.FormCells {
    /// A line of an API return: its cells by column, named `lines[3].forecast` in refusals.
    struct APILine: ReturnCells {
        let index: Int
        let values: [String: String]
        subscript(column: String) -> String { (values[column] ?? "").trimmingCharacters(in: .whitespaces) }
        func raw(_ column: String) -> String { values[column] ?? "" }
        func at(_ column: String?) -> SourceLocation { SourceLocation(form: "the API", field: "lines[\(index)]" + (column.map { ".\($0)" } ?? "")) }
    }
}
