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
        router.get("/login") { request, context in
            let next = Portal.safeNext(Portal.query(request)["next"])
            if context.user != nil { return Pages.redirect(next ?? "/") }
            return Pages.html(Pages.layout(title: "Sign in", user: nil, csrf: nil, body: Portal.loginForm(error: nil, next: next)))
        }
        router.post("/login") { _, context in
            let login = (context.form["login"] ?? "").trimmingCharacters(in: .whitespaces)
            do {
                let secret = try await self.signIn(
                    login: login, password: context.form["password"] ?? "", address: context.address, previous: context.session)
                // Back to the page that asked for a sign-in (a reminder's link), never off this site.
                var r = Pages.redirect(Portal.safeNext(context.form["next"]) ?? "/")
                r.headers[.setCookie] = self.sessionCookie(secret)
                return r
            } catch let f as HTTPFailure {
                return Pages.html(
                    Pages.layout(
                        title: "Sign in", user: nil, csrf: nil,
                        body: Portal.loginForm(error: f.message, login: String(login.prefix(64)), next: Portal.safeNext(context.form["next"]))),
                    status: f.status)
            }
        }
        router.post("/logout") { _, context in
            if let secret = context.session, let user = context.user, !context.trusted {
                let now = self.options.now()
                try await self.service.writing { ledger in
                    try ledger.people.signOut(idHash: Credentials.digest(secret), login: user.login, address: context.address, at: now)
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
        router.get("/users") { request, context in try await self.page(context, .users) { user in try await self.usersPage(request, user, context, error: nil) } }
        router.post("/users/email") { request, context in try await self.page(context, .users) { user in try await self.userEmailPost(request, user, context) } }
    }

    /// A page for a signed-in user whose scope reaches `area` (declared once, in the route table);
    /// without a user, the browser goes to the sign-in form; out of scope, 403.
    func page(_ context: PortalContext, _ area: Scope.Area? = nil, _ body: (PortalUser) async throws -> Response) async throws -> Response {
        guard let user = context.user else {
            return Pages.redirect("/login" + (Portal.safeNext(context.target).map { "?next=" + Pages.queryValue($0) } ?? ""))
        }
        if let area { try user.scope.require(area) }
        return try await body(user)
    }

    func frame(
        _ title: String, _ user: PortalUser, _ context: PortalContext, _ body: HTML, status: HTTPResponse.Status = .ok, extraCSS: String = ""
    ) -> Response {
        Pages.html(Pages.layout(title: title, user: user, csrf: csrf(context), body: body, extraCSS: extraCSS), status: status)
    }

    /// A page of this site to return to after sign-in: a path of its own (`/return?period=2023-10`),
    /// never another site's (`//evil.example`, `/\\evil`, a scheme), at most 1,000 characters; nil otherwise.
    static func safeNext(_ text: String?) -> String? {
        guard let t = text, t.hasPrefix("/"), t != "/", !t.hasPrefix("//"), !t.hasPrefix("/\\"), t.count <= 1_000,
            !t.hasPrefix("/login"), !t.hasPrefix("/logout"),
            t.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 32 && $0.value < 127 && $0 != "\\" })
        else { return nil }
        return t
    }

    static func loginForm(error: String?, login: String = "", next: String? = nil) -> HTML {
        "<header><h1>Savings ledger</h1><p class=\"meta\">Sign in to see your figures, make your return and sign off.</p></header>"
            + (error.map { "<p class=\"notice\" role=\"alert\">\($0)</p>" } ?? .empty)
            + "<form method=\"post\" action=\"/login\">" + (next.map { Pages.hidden("next", $0) } ?? .empty) + "<label for=\"login\">Login</label><input id=\"login\" name=\"login\" autocomplete=\"username\" value=\"\(login)\" required>"
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
        let latest = try await service.reading { try $0.signOffs.latestDataPeriod() }
        guard let latest else { throw HTTPFailure(.notFound, "the ledger has nothing recorded yet") }
        return latest
    }

    /// The ledger's directorates a user's views cover, sorted: every one, or those of the proposals
    /// in their scope (a filter's choices, the API description's enum).
    static func directorates(_ input: ReconciliationInput, seenBy user: PortalUser) -> [String] {
        user.scope.seesEverything ? input.directorates.sorted() : Set(input.proposals.filter(user.scope.sees).map(\.directorate)).sorted()
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


extension RAG {
    init?(optional text: String) { try? self.init(parsing: text) }
}

extension SourceLocation.Place {
    /// A form field's name.
    var fieldName: String? { if case .field(let name) = self { name } else { nil } }
}
