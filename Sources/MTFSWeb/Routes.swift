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
        signIns.add(to: router)
        StatementRoutes(portal: self).add(to: router)
        ReturnRoutes(portal: self).add(to: router)
        FinanceRoutes(portal: self).add(to: router)
        OverviewRoutes(portal: self).add(to: router)
        UserRoutes(portal: self).add(to: router)
    }

    /// A page for a signed-in user whose scope reaches `area` (declared once, in the route table);
    /// without a user, the browser goes to the sign-in form; out of scope, 403.
    func page(_ context: PortalContext, _ area: Scope.Area? = nil, _ body: (PortalUser) async throws -> Response) async throws -> Response {
        guard let user = context.user else {
            return Pages.redirect("/login" + (SignIns.safeNext(context.target).map { "?next=" + Pages.queryValue($0) } ?? ""))
        }
        if let area { try user.scope.require(area) }
        return try await body(user)
    }

    func frame(
        _ title: String, _ user: PortalUser, _ context: PortalContext, _ body: HTML, status: HTTPResponse.Status = .ok, extraCSS: String = ""
    ) -> Response {
        Pages.html(Pages.layout(title: title, user: user, csrf: csrf(context), body: body, extraCSS: extraCSS), status: status)
    }

    // MARK: - Shared reading

    static func query(_ request: Request) -> [String: String] { Form.urlEncoded(request.uri.query ?? "") }

    /// The period a page asks for, else the latest with anything recorded.
    func period(_ text: String?) async throws -> Period {
        if let text, !text.isEmpty {
            do { return try Period(parsing: text) } catch { throw HTTPFailure(.unprocessableContent, "period: \(Pages.explain(error))") }
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
    func statement(holder: HolderID, period: Period, for user: PortalUser) async throws -> HolderStatement {
        let builder = try await snapshots(period, user)
        let s = try builder.holder(named: holder).map { try builder.statement(for: $0) }
        guard let s else {
            // Those scoped to part of the council learn nothing of holders outside it: unknown and
            // not theirs read the same.
            if user.scope.hidesUnknownHolders { throw HTTPFailure(.forbidden, user.scope.refusal(.statement)) }
            throw HTTPFailure(
                .notFound,
                user.scope.ownHolder != nil
                    ? "\(holder) holds no cost centre and owns no proposal at the end of \(period)" : "there is no statement for \(holder) for \(period)")
        }
        guard user.scope.seesStatement(of: HolderID(s.holder), directorates: s.directorates) else {
            throw HTTPFailure(.forbidden, user.scope.refusal(.statement))
        }
        return s
    }

    /// The holder a page is about: a holder's own (who may name themself by any name they had);
    /// anyone else's named in `holder=`.
    func holder(_ q: [String: String], _ user: PortalUser) async throws -> HolderID? {
        if let own = user.scope.ownHolder {
            if let asked = q["holder"], !asked.isEmpty {
                let named = try await service.reading { try $0.holders.holder(named: HolderID(asked))?.name }
                if named != own { throw HTTPFailure(.forbidden, user.scope.refusal(.statement)) }
            }
            return own
        }
        return q["holder"].flatMap { $0.isEmpty ? nil : HolderID($0) }
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
