import Foundation
import HTTPTypes
import Hummingbird
import MTFSDomain
import MTFSEngine
import MTFSRender
import MTFSStore

/// The pages (SPEC §10): server-rendered HTML that works without JavaScript and on a phone.

/// The portal's statement pages and sign-off (SPEC §10).
/// The statement pages and sign-off (SPEC §10): a holder's statement for a month, and signing exactly the figures shown.
struct StatementRoutes {
    let portal: Portal

    func add(to router: RouteTable) {
        router.get("/statement") { request, context in try await self.portal.page(context, .statement) { user in try await self.statementPage(request, user, context) } }
        router.post("/sign-off") { _, context in try await self.portal.page(context, .signOff) { user in try await self.signOffPost(user, context) } }
    }
}

extension StatementRoutes {
    // MARK: - Statement and sign-off

    func statementPage(_ request: Request, _ user: PortalUser, _ context: PortalContext) async throws -> Response {
        let q = Portal.query(request)
        let p = try await portal.period(q["period"])
        if let portfolio = user.scope.portfolio { return try await portfolioStatementPage(q, p, portfolio, user, context) }
        guard let name = try await portal.holder(q, user) else { return Pages.redirect("/board?period=\(p.monthText)") }
        let s = try await portal.statement(holder: name, period: p, for: user)
        var body = Pages.periodForm(action: "/statement", period: p, extra: user.scope.ownHolder != nil ? [] : [("holder", name.rawValue)])
        if q["signed"] == "1", case .signed = s.signature { body += "<p class=\"ok\" role=\"status\">Signed. Your sign-off is recorded with these figures.</p>" }
        body += HTMLWriter().statementBody(s, inPortal: true)
        let links = [DocumentFormat.xlsx, .csv, .json, .html, .markdown].map { f -> HTML in
            "<a href=\"/download?report=statement&amp;period=\(p.monthText)&amp;holder=\(Pages.queryValue(name.rawValue))&amp;format=\(f.rawValue)\">\(f.rawValue)</a>"
        }
        body += "<p>Download: \(links.joined(separator: " · "))</p>"
        let latest = try await portal.service.reading { try $0.signOffs.latestDataPeriod() }
        // Offered until these figures are signed; again only when they change after a sign-off.
        let alreadySigned: Bool
        if case .signed = s.signature { alreadySigned = true } else { alreadySigned = false }
        if user.scope.may(.signOff) && !s.outsideWindow && !alreadySigned, let latest, p <= latest {
            let heading: String
            if case .changed = s.signature { heading = "Sign off the changed figures" } else { heading = "Sign off these figures" }
            body += "<section class=\"signoff\"><h2>\(heading)</h2><form method=\"post\" action=\"/sign-off\">"
            body += "\(Pages.hidden("csrf", portal.csrf(context) ?? ""))\(Pages.hidden("period", p.monthText))\(Pages.hidden("figures", SHA256.hex(s.figures.text)))"
            body += "<label for=\"comment\">Comment (optional)</label><textarea id=\"comment\" name=\"comment\" maxlength=\"2000\"></textarea>"
            body += "<p><button type=\"submit\">I confirm these figures</button></p></form></section>"
        }
        return portal.frame("Statement — \(s.holder) — \(p)", user, context, body)
    }

    /// A member's statement: their portfolio's (a holder's statement covers other portfolios).
    func portfolioStatementPage(_ q: [String: String], _ p: Period, _ portfolio: String, _ user: PortalUser, _ context: PortalContext) async throws
        -> Response
    {
        if let asked = q["holder"], !asked.isEmpty { throw HTTPFailure(.forbidden, user.scope.refusal(.statement)) }
        let s = try await portal.snapshots(p, user).statement(forPortfolio: portfolio)
        let body = Pages.periodForm(action: "/statement", period: p) + HTMLWriter().statementBody(s, inPortal: true)
        return portal.frame("Portfolio statement — \(s.holder) — \(p)", user, context, body)
    }

    func signOffPost(_ user: PortalUser, _ context: PortalContext) async throws -> Response {
        guard let holder = user.scope.ownHolder else { throw HTTPFailure(.forbidden, user.scope.refusal(.signOff)) }
        let p = try await portal.period(context.form["period"])
        let shown = context.form["figures"] ?? ""
        let comment = context.form["comment"] ?? ""
        try await sign(holder: holder, period: p, comment: comment, shown: shown, user: user)
        return Pages.redirect("/statement?period=\(p.monthText)&signed=1")
    }

    /// Signs exactly the figures shown: `shown` is the hash of the figures the page displayed (nil:
    /// the API, which signs what the statement says now); if they changed since, nothing is signed.
    func sign(holder: HolderID, period p: Period, comment: String, shown: String?, user: PortalUser, source: String = "the portal") async throws {
        let who = portal.provenance(user, source: source)
        // Signed, or refused because the figures moved: either way the next page this user sees is
        // drawn from the newest head.
        do {
            try await signNow(holder: holder, period: p, comment: comment, shown: shown, who: who)
        } catch {
            try? await portal.wrote(user)
            throw error
        }
        try await portal.wrote(user)
    }

    private func signNow(holder: HolderID, period p: Period, comment: String, shown: String?, who: Provenance) async throws {
        // One statement built, in the write lock: its figures are checked against those shown, and
        // recorded with the sign-off (SignOffs.sign holds every rule of signing).
        _ = try await portal.service.writing { ledger in try SignOffs.sign(ledger: ledger, holder: holder, period: p, comment: comment, shown: shown, by: who) }
    }
}
