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
            let (window, latest) = try await self.service.reading { (try $0.books.window(), try $0.signOffs.latestDataPeriod()) }
            var names: [String: [String]] = [
                "years": (window?.years ?? []).map(\.description), "codes": FindingCode.allCases.flatMap { [$0.rawValue, $0.name] },
                "refs": [], "holders": [], "directorates": [],
            ]
            if let latest {
                let builder = try await self.snapshots(latest, user)
                names["refs"] = builder.input.proposals.filter(user.scope.sees).map(\.ref.rawValue).sorted()
                names["directorates"] = Portal.directorates(builder.input, seenBy: user)
                names["holders"] = builder.holders.filter { user.scope.seesStatement(of: $0, directorates: builder.directorates(of: $0)) }.map(\.rawValue)
            }
            return Pages.json(try router.openAPI(Portal.openAPIDocument(names), names: names))
        }
        OverviewRoutes(portal: self).addAPI(to: router)
        StatementRoutes(portal: self).addAPI(to: router)
        ReturnRoutes(portal: self).addAPI(to: router)
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
        var holder: HolderID
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

            func cells(index: Int) -> ReturnRoutes.FormCells.APILine {
                ReturnRoutes.FormCells.APILine(
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

    /// `?format=json|csv`, which the tabular routes take.
    static let formatParameter = OpenAPI.Parameter.query("format", OpenAPI.Schema(type: "string", allowed: ["json", "csv"], defaultValue: "json"))

    /// The description's fixed part (its info, security and schemas); its paths come from the route
    /// table (``RouteTable/openAPI(_:names:)``). Checked against what the server answers (Schemathesis).
    static func openAPIDocument(_ names: OpenAPI.Names) -> OpenAPI.Document {
        typealias S = OpenAPI.Schema
        let pence = ["original_target_pence", "current_target_pence", "delivered_pence", "slipped_in_pence", "slipped_out_pence", "unachievable_pence", "remaining_pence"]
        let position = S.object(
            required: ["directorate", "ref", "year"] + pence,
            ["directorate": .string(), "ref": .string(), "year": .string()].merging(pence.map { ($0, S.integer) }) { a, _ in a })
        let finding = S.object(
            required: ["code", "name", "severity", "refs", "amount_pence", "message"],
            [
                "code": .named("codes", in: names), "name": .string(), "severity": .string(allowed: ["low", "medium", "high", "critical"]),
                "refs": .array(.string()), "cost_centre": S.string().orNull, "year": S.string().orNull,
                "amount_pence": .integer, "message": .string(), "parts": .array(.anyObject),
            ])
        let findings = S.object(
            required: ["as_of", "head", "findings"],
            [
                "as_of": .string(), "head": .string(), "filter": S.anyObject.orNull, "latest_returns": .map(.string()),
                "findings": .array(.ref("Finding")),
            ])
        let statement = S.object(
            required: ["holder", "period", "as_at", "head", "owned", "others", "totals", "findings", "signature"],
            [
                "holder": .string(), "period": .string(), "as_at": .string(), "head": .string(), "year": .string(),
                "directorates": .array(.string()), "owned": .array(.anyObject), "others": .array(.anyObject),
                "totals": .anyObject, "findings": .array(.ref("Finding")), "signature": .object(required: ["status"], ["status": .string()]),
            ])
        let posted = ["period": S.string()].merging(["deliveries", "reductions", "delivered_change_pence", "forecasts", "unchanged"].map { ($0, S.integer) }) { a, _ in a }
        return OpenAPI.Document(
            info: OpenAPI.Info(
                title: "mtfs savings ledger", version: "1",
                description:
                    "Every enum of the ledger's own names (directorates, holders, refs, years) lists this ledger's, as it stands when the description is asked for."),
            components: OpenAPI.Components(
                securitySchemes: ["bearer": OpenAPI.SecurityScheme(type: "http", scheme: "bearer")],
                schemas: [
                    "Errors": .object(required: ["errors"], ["errors": .array(.string(), minItems: 1)]),
                    "Period": S(
                        type: "string", pattern: "^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])$", example: "2023-12", description: "a calendar month, YYYY-MM"),
                    "Money": S(
                        description: "pounds, as a number or as a spreadsheet shows it (£1,250.00); null or left out: not reported", nullable: true,
                        oneOf: [.number, .string()]),
                    "Positions": .object(required: ["rows"], ["title": .string(), "rows": .array(position)]),
                    "Finding": finding,
                    "Findings": findings,
                    "Statement": statement,
                    "ReturnPosted": .object(required: ["period", "deliveries", "reductions", "delivered_change_pence", "forecasts", "unchanged"], posted),
                    "Signed": .object(required: ["signed", "holder", "period"], ["signed": .boolean, "holder": .string(), "period": .string()]),
                ]),
            security: [["bearer": []]],
            paths: [:])
    }
}

extension ReturnRoutes.FormCells {
    /// A line of an API return: its cells by column, named `lines[3].forecast` in refusals.
    struct APILine: ReturnCells {
        let index: Int
        let values: [String: String]
        subscript(column: String) -> String { (values[column] ?? "").trimmingCharacters(in: .whitespaces) }
        func raw(_ column: String) -> String { values[column] ?? "" }
        func at(_ column: String?) -> SourceLocation { SourceLocation(form: "the API", field: "lines[\(index)]" + (column.map { ".\($0)" } ?? "")) }
    }
}

extension OverviewRoutes {
    /// Its API routes (SPEC §10).
    func addAPI(to router: RouteTable) {
        router.get("/api/v1/positions", describedAs: { _ in
            OpenAPI.Operation(
                "The pinned balance rows (one per proposal and year) in the caller's scope",
                parameters: [Portal.formatParameter],
                responses: [
                    "200": OpenAPI.Response(
                        description: "the rows; money as integer pence under <column>_pence (JSON) or pounds (CSV)",
                        content: [
                            "application/json": OpenAPI.MediaType(schema: .ref("Positions")),
                            "text/csv": OpenAPI.MediaType(
                                schema: .string(
                                    "directorate,ref,year,original_target,current_target,delivered,slipped_in,slipped_out,unachievable,remaining; UTF-8 with a byte order mark")),
                        ]),
                    "422": .plain("a format other than json or csv"),
                ])
        }) { request, context in
            let user = try self.portal.requireUser(context)
            let today = self.portal.options.today()
            var report = try await self.portal.service.reading { try BalanceReport.build($0, by: .proposal, asOf: nil, year: nil, today: today) }
            if !user.scope.seesEverything {
                let proposals = try await self.portal.service.reading { try $0.books.proposals() }
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
        router.get("/api/v1/findings", describedAs: { names in
            OpenAPI.Operation(
                "The reconciliation's findings in the caller's scope, filtered",
                parameters: [
                    .query("severity", "only findings at least this serious", .string(allowed: ["low", "medium", "high", "critical"])),
                    .query("code", "only these kinds (a code or its name; repeat for several)", repeated: true, .array(.named("codes", in: names))),
                    .query("directorate", .named("directorates", in: names)),
                    Portal.formatParameter,
                ],
                responses: [
                    "200": OpenAPI.Response(
                        description: "the findings, most money at risk first",
                        content: [
                            "application/json": OpenAPI.MediaType(schema: .ref("Findings")),
                            "text/csv": OpenAPI.MediaType(schema: .string("code,severity,refs,cost_centre,year,amount,message; UTF-8 with a byte order mark")),
                        ]),
                    "403": .plain("a budget holder (their findings are on their statement)"),
                    "422": .plain("a filter or format the API does not know"),
                ])
        }) { request, context in
            let user = try self.portal.requireUser(context)
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
    }
}

extension StatementRoutes {
    /// Its API routes (SPEC §10).
    func addAPI(to router: RouteTable) {
        router.get("/api/v1/statements/:period", describedAs: { names in
            OpenAPI.Operation(
                "A budget holder's statement for a month",
                parameters: [
                    .path("period", .ref("Period")),
                    .query("holder", required: true, "the budget holder, by the name they go by now (an earlier name of theirs finds them too); a holder may name only themself", .named("holders", in: names)),
                ],
                responses: [
                    "200": .json("the statement; money as integer pence under <name>_pence", .ref("Statement")),
                    "403": .plain("not the caller's to see"),
                    "404": .plain("no budget holder of that name"),
                    "422": .plain("a period that is not a month, or no holder named"),
                ])
        }) { request, context in
            let user = try self.portal.requireUser(context)
            let p = try await self.portal.period(context.parameters.get("period").map { $0.removingPercentEncoding ?? $0 })
            // The holder is named, even by a holder asking for their own (as the description says).
            let q = Portal.query(request)
            guard q["holder"].map({ !$0.isEmpty }) == true, let name = try await self.portal.holder(q, user) else {
                throw HTTPFailure(.unprocessableContent, "holder: give ?holder=NAME, the budget holder whose statement you want")
            }
            return Pages.json(try JSONOutput.encode(try await self.portal.statement(holder: name, period: p, for: user)))
        }
        router.post("/api/v1/sign-offs", describedAs: { _ in
            OpenAPI.Operation(
                "Sign the caller's own statement for a month, as it stands now",
                body: .object(
                    required: ["period"],
                    [
                        "period": .ref("Period"), "comment": .string(nullable: true, maxLength: 2000),
                        "holder": .string("if given, the caller's own name", nullable: true),
                    ]),
                responses: [
                    "201": .json("signed", .ref("Signed")),
                    "403": .plain("not a budget holder, or another holder named"),
                    "409": .plain("these figures are already signed"),
                    "415": .plain("a body that is not application/json"),
                    "422": .plain("a period that is not a month, one with nothing recorded yet or outside the MTFS years, or a comment that is not plain text"),
                ])
        }) { request, context in
            let user = try self.portal.requireUser(context)
            guard let holder = user.scope.ownHolder else { throw HTTPFailure(.forbidden, user.scope.refusal(.signOff)) }
            var request = request
            let body = try await request.collectBody(upTo: 1 << 20)
            let posted: Portal.SignOffPost
            do { posted = try JSONDecoder().decode(Portal.SignOffPost.self, from: Data(buffer: body)) } catch {
                throw HTTPFailure(.unprocessableContent, "expected {\"period\": \"2023-12\", \"comment\": \"…\"}")
            }
            let p: Period
            do { p = try Period(parsing: posted.period) } catch { throw HTTPFailure(.unprocessableContent, "period: \(Pages.explain(error))") }
            if let named = posted.holder, try await self.portal.service.reading({ try $0.holders.holder(named: HolderID(named))?.name }) != holder { throw HTTPFailure(.forbidden, "A holder signs only their own statement; nothing was signed.") }
            let comment = posted.comment ?? ""
            try await self.sign(holder: holder, period: p, comment: comment, shown: nil, user: user, source: "the API")
            return try Pages.json(Portal.Signed(signed: true, holder: holder, period: p.monthText), status: .created)
        }
    }
}

extension ReturnRoutes {
    /// Its API routes (SPEC §10).
    func addAPI(to router: RouteTable) {
        router.post("/api/v1/returns", describedAs: { names in
            let rag: [OpenAPI.Scalar] = ["B", "G", "A", "R", "Blue", "Green", "Amber", "Red", "blue", "green", "amber", "red", .null]
            let line = OpenAPI.Schema.object(
                required: ["ref", "year"],
                [
                    "ref": .named("refs", in: names), "year": .named("years", in: names),
                    "delivered_to_date": .ref("Money"), "forecast": .ref("Money"),
                    "rag": .string(allowed: rag, nullable: true),
                    "comment": .string(nullable: true, maxLength: 32767),
                    "green": .ref("Money"), "amber": .ref("Money"), "red": .ref("Money"),
                    "impact": .string("a service impact seen this month (SPEC §5 v3)", nullable: true, maxLength: 2000),
                    "impact_foreseen": OpenAPI.Schema(
                        description: "whether the risk assessment foresaw it; false when left out beside an impact", nullable: true,
                        oneOf: [.boolean, .string(allowed: ["yes", "no"])]),
                ])
            return OpenAPI.Operation(
                "Post a monthly return (the same rules as import-return); nothing is written unless every line is good",
                body: .object(required: ["period", "lines"], ["period": .ref("Period"), "lines": .array(line, minItems: 1)]),
                responses: [
                    "200": .json("what was posted", .ref("ReturnPosted")),
                    "403": .plain("a line outside the caller's scope, or a caller who does not post returns"),
                    "415": .plain("a body that is not application/json"),
                    "422": .plain(
                        "one message per bad line: a figure that is not money, or one the ledger's rules refuse (as import-return: more delivered than planned, a comment that is not plain text…)"
                    ),
                ])
        }) { request, context in
            let user = try self.portal.requireUser(context)
            // Who may post at all is asked first: the CFO learns nothing from the lines' checks.
            try user.scope.require(.postReturn)
            var request = request
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            let posted: Portal.ReturnPost
            do { posted = try JSONDecoder().decode(Portal.ReturnPost.self, from: Data(buffer: body)) } catch {
                throw HTTPFailure(.unprocessableContent, "expected {\"period\": \"2023-12\", \"lines\": [{\"ref\", \"year\", \"delivered_to_date\", \"forecast\", \"rag\", \"comment\", \"green\", \"amber\", \"red\"}]}")
            }
            let p: Period
            do { p = try Period(parsing: posted.period) } catch { throw HTTPFailure(.unprocessableContent, "period: \(Pages.explain(error))") }
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
                } catch let e as InputError { problems.append(e.description) } catch { problems.append(Pages.explain(error)) }
            }
            // The ledger's own checks that need no posting, for every line: unknown refs, years outside the MTFS.
            // Refs as the ledger spells them (`place 13` names `Place 13`), so scope is checked on the real ref.
            let known = try await self.portal.service.reading { ledger -> ([String: ProposalRef], YearRange?) in
                (Dictionary(try ledger.books.proposals().map { (Proposal.canonical($0.ref.rawValue), $0.ref) }, uniquingKeysWith: { a, _ in a }), try? ledger.books.requireWindow())
            }
            for k in rows.indices { if let ref = known.0[Proposal.canonical(rows[k].ref.rawValue)] { rows[k].ref = ref } }
            for (row, i) in zip(rows, places) {
                if known.0[Proposal.canonical(row.ref.rawValue)] == nil { problems.append("the API, field \"lines[\(i)].ref\": unknown proposal ref \(row.ref)") }
                else if let w = known.1, !w.contains(row.year) { problems.append("the API, field \"lines[\(i)].year\": \(row.year) is outside the ledger's MTFS years \(w)") }
            }
            if !problems.isEmpty {
                return try Pages.json(Portal.APIErrors(problems), status: .unprocessableContent)
            }
            try await self.checkScope(user, rows: rows)
            let parsed = ParsedReturn(file: "the API", period: p, rows: rows)
            let who = self.portal.provenance(user, source: "the API")
            let summary: LoadSummary
            do { summary = try await self.postReturn(parsed, by: who, user: user) } catch let e as InputError {
                return try Pages.json(Portal.APIErrors([e.description]), status: .unprocessableContent)
            }
            return try Pages.json(
                Portal.ReturnPosted(
                    period: p.monthText, deliveries: summary.deliveries, reductions: summary.reductions,
                    delivered_change_pence: summary.deliveredChange.rawValue, forecasts: summary.forecasts, unchanged: summary.unchangedRows))
        }
    }
}
