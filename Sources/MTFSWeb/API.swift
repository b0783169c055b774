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
        router.get("/api/v1/openapi.json") { _, context in
            // Signed in, like every other route: the enums name the ledger's people and savings.
            let user = try self.requireUser(context)
            // The names the caller may use, as the ledger stands: the proposals, holders and
            // directorates in their scope (the month's statements come from the shared cache).
            let (window, latest) = try await self.service.reading { (try $0.window(), try $0.latestDataPeriod()) }
            var names: [String: [String]] = [
                "years": (window?.years ?? []).map(\.description), "codes": FindingCode.allCases.flatMap { [$0.rawValue, $0.name] },
                "refs": [], "holders": [], "directorates": [],
            ]
            if let latest {
                let builder = try await self.snapshots(latest, user)
                names["refs"] = builder.input.proposals.filter(user.scope.sees).map(\.ref.rawValue).sorted()
                names["directorates"] = Portal.directorates(builder.input, seenBy: user)
                names["holders"] = builder.holders.filter { user.scope.seesStatement(of: $0, directorates: builder.directorates(of: $0)) }
            }
            return Pages.json(try router.openAPI(Portal.openAPIHeader, names: names))
        }
        router.get("/api/v1/positions", describedAs: #"""
            {
            "summary": "The pinned balance rows (one per proposal and year) in the caller's scope",
            "parameters": [{"name": "format", "in": "query", "required": false, "schema": {"type": "string", "enum": ["json", "csv"], "default": "json"}}],
            "responses": {
            "200": {"description": "the rows; money as integer pence under <column>_pence (JSON) or pounds (CSV)", "content": {
              "application/json": {"schema": {"$ref": "#/components/schemas/Positions"}},
              "text/csv": {"schema": {"type": "string", "description": "directorate,ref,year,original_target,current_target,delivered,slipped_in,slipped_out,unachievable,remaining; UTF-8 with a byte order mark"}}}},
            "422": {"description": "a format other than json or csv"}}}
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
                return Pages.csv(table.renderCSV())
            }
            return Pages.json(table.renderJSON())
        }
        router.get("/api/v1/findings", describedAs: #"""
            {
            "summary": "The reconciliation's findings in the caller's scope, filtered",
            "parameters": [
            {"name": "severity", "in": "query", "required": false, "description": "only findings at least this serious", "schema": {"type": "string", "enum": ["low", "medium", "high", "critical"]}},
            {"name": "code", "in": "query", "required": false, "style": "form", "explode": true, "description": "only these kinds (a code or its name; repeat for several)", "schema": {"type": "array", "items": {"type": "string", "x-mtfs-enum": "codes"}}},
            {"name": "directorate", "in": "query", "required": false, "schema": {"type": "string", "x-mtfs-enum": "directorates"}},
            {"name": "format", "in": "query", "required": false, "schema": {"type": "string", "enum": ["json", "csv"], "default": "json"}}],
            "responses": {
            "200": {"description": "the findings, most money at risk first", "content": {
              "application/json": {"schema": {"$ref": "#/components/schemas/Findings"}},
              "text/csv": {"schema": {"type": "string", "description": "code,severity,refs,cost_centre,year,amount,message; UTF-8 with a byte order mark"}}}},
            "403": {"description": "a budget holder (their findings are on their statement)"},
            "422": {"description": "a filter or format the API does not know"}}}
            """#) { request, context in
            let user = try self.requireUser(context)
            // The same policy as the findings page: a holder's findings are on their statement.
            try user.scope.require(.findings)
            let format = Portal.query(request)["format"] ?? "json"
            guard format == "json" || format == "csv" else { throw HTTPFailure(.unprocessableContent, "format: expected json or csv, found \"\(format)\"") }
            // A filter given empty is a mistake in a script (the description has no empty value), not "any".
            let q = Portal.query(request)
            for key in ["severity", "directorate", "code"] where q[key] != nil && Form.all(key, in: request.uri.query ?? "").contains("") {
                throw HTTPFailure(.unprocessableContent, "\(key): expected a value, found an empty one")
            }
            let r = try await self.findings(q, codes: Form.all("code", in: request.uri.query ?? ""), user)
            if format == "csv" {
                return Pages.csv(CSVWriter().reconciliation(r))
            }
            return Pages.json(try JSONOutput.encode(r))
        }
        router.get("/api/v1/statements/:period", describedAs: #"""
            {
            "summary": "A budget holder's statement for a month",
            "parameters": [
            {"name": "period", "in": "path", "required": true, "schema": {"$ref": "#/components/schemas/Period"}},
            {"name": "holder", "in": "query", "required": true, "description": "the budget holder (a holder may name only themself)", "schema": {"type": "string", "x-mtfs-enum": "holders"}}],
            "responses": {
            "200": {"description": "the statement; money as integer pence under <name>_pence", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Statement"}}}},
            "403": {"description": "not the caller's to see"},
            "404": {"description": "no budget holder of that name"},
            "422": {"description": "a period that is not a month, or no holder named"}}}
            """#) { request, context in
            let user = try self.requireUser(context)
            let p = try await self.period(context.parameters.get("period").map { $0.removingPercentEncoding ?? $0 })
            // The holder is named, even by a holder asking for their own (as the description says).
            let q = Portal.query(request)
            guard q["holder"].map({ !$0.isEmpty }) == true, let name = try self.holder(q, user) else {
                throw HTTPFailure(.unprocessableContent, "holder: give ?holder=NAME, the budget holder whose statement you want")
            }
            return Pages.json(try JSONOutput.encode(try await self.statement(holder: name, period: p, for: user)))
        }
        router.post("/api/v1/returns", describedAs: #"""
            {
            "summary": "Post a monthly return (the same rules as import-return); nothing is written unless every line is good",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["period", "lines"], "properties": {
            "period": {"$ref": "#/components/schemas/Period"},
            "lines": {"type": "array", "minItems": 1, "items": {"type": "object", "required": ["ref", "year"], "properties": {
            "ref": {"type": "string", "x-mtfs-enum": "refs"}, "year": {"type": "string", "x-mtfs-enum": "years"},
            "delivered_to_date": {"$ref": "#/components/schemas/Money"}, "forecast": {"$ref": "#/components/schemas/Money"},
            "rag": {"type": "string", "nullable": true, "enum": ["B", "G", "A", "R", "Blue", "Green", "Amber", "Red", "blue", "green", "amber", "red", null]},
            "comment": {"type": "string", "nullable": true, "maxLength": 32767},
            "green": {"$ref": "#/components/schemas/Money"}, "amber": {"$ref": "#/components/schemas/Money"}, "red": {"$ref": "#/components/schemas/Money"},
            "impact": {"type": "string", "nullable": true, "maxLength": 2000, "description": "a service impact seen this month (SPEC §5 v3)"},
            "impact_foreseen": {"nullable": true, "description": "whether the risk assessment foresaw it; false when left out beside an impact", "oneOf": [{"type": "boolean"}, {"type": "string", "enum": ["yes", "no"]}]}}}}}}}}},
            "responses": {
            "200": {"description": "what was posted", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ReturnPosted"}}}},
            "403": {"description": "a line outside the caller's scope, or a caller who does not post returns"},
            "415": {"description": "a body that is not application/json"},
            "422": {"description": "one message per bad line: a figure that is not money, or one the ledger's rules refuse (as import-return: more delivered than planned, a comment that is not plain text…)"}}}
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
            guard !posted.lines.isEmpty else { throw HTTPFailure(.unprocessableContent, "lines: expected at least one line") }
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
            "summary": "Sign the caller's own statement for a month, as it stands now",
            "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["period"], "properties": {
            "period": {"$ref": "#/components/schemas/Period"}, "comment": {"type": "string", "nullable": true, "maxLength": 2000},
            "holder": {"type": "string", "nullable": true, "description": "if given, the caller's own name"}}}}}},
            "responses": {
            "201": {"description": "signed", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Signed"}}}},
            "403": {"description": "not a budget holder, or another holder named"},
            "409": {"description": "these figures are already signed"},
            "415": {"description": "a body that is not application/json"},
            "422": {"description": "a period that is not a month, one with nothing recorded yet or outside the MTFS years, or a comment that is not plain text"}}}
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
          "info": {"title": "mtfs savings ledger", "version": "1", "description": "Every enum of the ledger's own names (directorates, holders, refs, years) lists this ledger's, as it stands when the description is asked for."},
          "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
              "Errors": {"type": "object", "required": ["errors"], "properties": {"errors": {"type": "array", "minItems": 1, "items": {"type": "string"}}}},
              "Period": {"type": "string", "pattern": "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])$", "example": "2023-12", "description": "a calendar month, YYYY-MM"},
              "Money": {"nullable": true, "description": "pounds, as a number or as a spreadsheet shows it (£1,250.00); null or left out: not reported", "oneOf": [{"type": "number"}, {"type": "string"}]},
              "Positions": {"type": "object", "required": ["rows"], "properties": {"title": {"type": "string"}, "rows": {"type": "array", "items": {"type": "object",
                "required": ["directorate", "ref", "year", "original_target_pence", "current_target_pence", "delivered_pence", "slipped_in_pence", "slipped_out_pence", "unachievable_pence", "remaining_pence"],
                "properties": {"directorate": {"type": "string"}, "ref": {"type": "string"}, "year": {"type": "string"}, "original_target_pence": {"type": "integer"}, "current_target_pence": {"type": "integer"},
                "delivered_pence": {"type": "integer"}, "slipped_in_pence": {"type": "integer"}, "slipped_out_pence": {"type": "integer"}, "unachievable_pence": {"type": "integer"}, "remaining_pence": {"type": "integer"}}}}}},
              "Finding": {"type": "object", "required": ["code", "name", "severity", "refs", "amount_pence", "message"], "properties": {
                "code": {"type": "string", "x-mtfs-enum": "codes"}, "name": {"type": "string"}, "severity": {"type": "string", "enum": ["low", "medium", "high", "critical"]},
                "refs": {"type": "array", "items": {"type": "string"}}, "cost_centre": {"type": "string", "nullable": true}, "year": {"type": "string", "nullable": true},
                "amount_pence": {"type": "integer"}, "message": {"type": "string"}, "parts": {"type": "array", "items": {"type": "object"}}}},
              "Findings": {"type": "object", "required": ["as_of", "head", "findings"], "properties": {"as_of": {"type": "string"}, "head": {"type": "string"},
                "filter": {"type": "object", "nullable": true}, "latest_returns": {"type": "object", "additionalProperties": {"type": "string"}},
                "findings": {"type": "array", "items": {"$ref": "#/components/schemas/Finding"}}}},
              "Statement": {"type": "object", "required": ["holder", "period", "as_at", "head", "owned", "others", "totals", "findings", "signature"], "properties": {
                "holder": {"type": "string"}, "period": {"type": "string"}, "as_at": {"type": "string"}, "head": {"type": "string"}, "year": {"type": "string"},
                "directorates": {"type": "array", "items": {"type": "string"}}, "owned": {"type": "array", "items": {"type": "object"}}, "others": {"type": "array", "items": {"type": "object"}},
                "totals": {"type": "object"}, "findings": {"type": "array", "items": {"$ref": "#/components/schemas/Finding"}}, "signature": {"type": "object", "required": ["status"], "properties": {"status": {"type": "string"}}}}},
              "ReturnPosted": {"type": "object", "required": ["period", "deliveries", "reductions", "delivered_change_pence", "forecasts", "unchanged"], "properties": {
                "period": {"type": "string"}, "deliveries": {"type": "integer"}, "reductions": {"type": "integer"}, "delivered_change_pence": {"type": "integer"}, "forecasts": {"type": "integer"}, "unchanged": {"type": "integer"}}},
              "Signed": {"type": "object", "required": ["signed", "holder", "period"], "properties": {"signed": {"type": "boolean"}, "holder": {"type": "string"}, "period": {"type": "string"}}}
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
