import Foundation
import HTTPTypes
import Hummingbird
import MTFSDomain
import MTFSRender
import MTFSStore

/// Administrators: the people who sign in, and where their reminders go (SPEC §11). Email
/// addresses are on this page only: no holder sees another's.
/// Managing users' email addresses (SPEC §10, §11).
struct UserRoutes {
    let portal: Portal

    func add(to router: RouteTable) {
        router.get("/users") { request, context in try await self.portal.page(context, .users) { user in try await self.usersPage(request, user, context, error: nil) } }
        router.post("/users/email") { request, context in try await self.portal.page(context, .users) { user in try await self.userEmailPost(request, user, context) } }
    }
}

extension UserRoutes {
    func usersPage(_ request: Request, _ user: PortalUser, _ context: PortalContext, error: (login: String, message: String)?) async throws -> Response {
        let (users, reminders) = try await portal.service.reading { ledger in (try ledger.people.users(), try ledger.reminders.all()) }
        let saved = Portal.query(request)["saved"]
        var body: HTML = "<header><h1>Users</h1><p class=\"meta\">\(users.count) user\(users.count == 1 ? "" : "s"). Reminders go to the address set here; a user with none is not reminded.</p></header>"
        if let saved, users.contains(where: { $0.login == saved }) {
            body += "<p class=\"notice\" role=\"status\">Saved the email address of \(saved).</p>"
        }
        if let error {
            body += "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" autofocus><h2>There is a problem</h2><p><a href=\"#email-\(error.login)\">\(error.login): \(error.message)</a></p></div>"
        }
        var t = Table(columns: [
            .init("login", "Login"), .init("name", "Name"), .init("role", "Role"), .init("scope", "Holder, directorate or portfolio"), .init("status", "Status"),
            .init("last", "Last reminder"),
        ])
        for u in users {
            let last = reminders.last { $0.login == u.login }
            t.rows.append([
                .text(u.login), .text(u.name), .text(u.role.rawValue), .text(u.holder?.rawValue ?? u.directorate ?? u.portfolio ?? "everything"),
                .text(u.disabled ? "disabled" : "active"),
                .text(last.map { "\($0.kind.text) \($0.sent ? "sent" : "FAILED") \($0.recordedAt.prefix(10))" } ?? "none"),
            ])
        }
        body += Pages.scrolling("Users", HTMLPage.table(t))
        body += "<h2>Email addresses</h2>"
        for u in users where !u.disabled {
            let id = "email-\(u.login)"
            let invalid: HTML = error?.login == u.login ? " aria-invalid=\"true\"" : ""
            body += "<form method=\"post\" action=\"/users/email\" class=\"inline\">\(Pages.hidden("csrf", portal.csrf(context) ?? ""))\(Pages.hidden("login", u.login))"
            body += "<label for=\"\(id)\">\(u.name) (\(u.login))</label>"
            body += "<input id=\"\(id)\" name=\"email\" type=\"email\" autocomplete=\"off\" size=\"40\" value=\"\(u.email ?? "")\"\(invalid)> <button type=\"submit\">Save</button></form>"
        }
        return portal.frame("Users", user, context, body, status: error == nil ? .ok : .unprocessableContent)
    }

    /// Sets (or, when blank, removes) a user's email address.
    func userEmailPost(_ request: Request, _ user: PortalUser, _ context: PortalContext) async throws -> Response {
        let login = context.form["login"] ?? ""
        let text = (context.form["email"] ?? "").trimmingSpaces()
        let address: String?
        if text.isEmpty {
            address = nil
        } else {
            do throws(DomainError) { address = try EmailAddress.check(text) } catch {
                return try await usersPage(request, user, context, error: (login, "email: " + error.explanation))
            }
        }
        let now = portal.options.now()
        do {
            try await portal.service.writing { ledger in try ledger.people.setEmail(login, address, by: user.login, at: now) }
        } catch let e as KindedError where e.kind == .notFound {
            throw HTTPFailure(.notFound, e.explanation)
        }
        try await portal.wrote(user)
        return Pages.redirect("/users?saved=\(Pages.queryValue(login))")
    }
}
