import Foundation
import HTTPTypes
import Hummingbird
import ServiceLifecycle
import Logging
import MTFSDomain
import MTFSEngine
import MTFSRender
import MTFSStore
import NIOCore

/// What each request carries through the portal: who it is for, and how they proved it.
public struct PortalContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in user, when there is one.
    public var user: PortalUser?
    /// The session's secret when the user came by cookie (or a trusted header): their writes need
    /// the session's CSRF token. Nil for a bearer token, which a browser never sends by itself.
    public var session: String?
    /// The user came through the council's sign-on proxy (`--trusted-header`): `session` is then a
    /// secret derived for them, not a stored session.
    public var trusted = false
    /// The client's address, for throttling sign-ins.
    public var address: String
    /// The submitted form of a POST (parsed once, where its CSRF token is checked).
    public var form = Form()
    /// Whether the request came to the API (401 and JSON rather than a redirect and a page).
    public var api = false
    /// The page a GET asked for (path and query), where sign-in returns to.
    public var target = "/"

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        address = source.channel.remoteAddress?.ipAddress ?? "local"
    }

    /// The largest body accepted: a return workbook is well under it.
    public var maxUploadSize: Int { 8 << 20 }
}

/// A refusal with its HTTP status and one sentence.
public struct HTTPFailure: Error, Sendable {
    public var status: HTTPResponse.Status
    public var message: String
    /// Not signed in: a page sends the browser to the sign-in form rather than showing the message.
    public var needsSignIn = false
    public init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    /// No one is signed in (401): an API client is told how to authenticate; a browser is sent to sign in.
    static func signInFirst(api: Bool) -> HTTPFailure {
        var f = HTTPFailure(.unauthorized, api ? "sign in first: send Authorization: Bearer TOKEN" : "sign in first")
        f.needsSignIn = true
        return f
    }

    /// The status a kind of error means to a browser or API client.
    static func status(for kind: ErrorKind) -> HTTPResponse.Status {
        switch kind {
        case .badInput, .refused: .unprocessableContent
        case .notFound: .notFound
        case .conflict: .conflict
        case .integrity: .internalServerError
        case .unusable: .serviceUnavailable
        }
    }
}

/// How the portal runs.
public struct PortalOptions: Sendable {
    /// Cookies marked Secure (only behind HTTPS).
    public var secureCookies = false
    /// A header a council's single sign-on proxy sets to the user's login; off unless named.
    public var trustedHeader: String?
    /// A header the reverse proxy adds the client's address to (`X-Forwarded-For`), for throttling
    /// sign-ins by the real address; believed only from a loopback peer; off unless named.
    public var clientAddressHeader: String?
    /// The host names the portal answers to (the `Host` header, without its port). Another name —
    /// a DNS-rebinding page that resolves to this machine — is refused. Loopback names always are.
    public var allowedHosts: Set<String> = []
    /// Sessions end after this long unused, and after this long whatever.
    public var idleTimeout: Int64 = 30 * 60
    public var absoluteTimeout: Int64 = 12 * 60 * 60
    /// Failed sign-ins (per login or per address) in the window before each try is slowed, and
    /// before tries are refused (429) until the window has passed.
    public var slowAfter = 5
    public var refuseAfter = 10
    public var throttleWindow: Int64 = 15 * 60
    /// How long a slowed try waits.
    public var slowDelay: Duration = .milliseconds(750)
    /// What the server itself logs (errors; a test that stops servers by cancelling them raises it).
    public var logLevel: Logger.Level = .error
    /// The clock, in seconds since 1970 (tests move it).
    public var now: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }
    /// Today's date, for reports that need it (`MTFS_NOW` fixes it from the command line).
    public var today: @Sendable () -> CivilDate = {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Europe/London")!, from: Date())
        return CivilDate(year: c.year!, month: c.month!, day: c.day!)!
    }

    public init() {}
}

/// The web portal (SPEC §10) over one ledger: pages for budget holders, finance and the CFO, and
/// the API. Every request is authenticated and every page and endpoint checks the user's scope.
public final class Portal: Sendable {
    public let service: LedgerService
    public let options: PortalOptions
    /// Each month's statements, shared between requests.
    let cache = SnapshotCache()
    /// The latest month's reconciliation, for the summary and findings.
    let reconciled = ReconciliationCache()
    /// Signing in and out, and the sessions and trusted-header users requests come with.
    let signIns: SignIns

    public init(service: LedgerService, options: PortalOptions = PortalOptions()) {
        self.service = service
        self.options = options
        signIns = SignIns(service: service, options: options)
    }

    /// Runs the server until SIGINT or SIGTERM; `started` is told the address once it listens.
    /// `services` run beside the server (the daily reminders) and stop with it.
    public func run(host: String, port: Int, services: [any Service] = [], started: @escaping @Sendable (String) -> Void) async throws {
        var app = Application(
            responder: HeadAsGet(inner: router().buildResponder()), configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? port
                started("http://\(host.contains(":") ? "[\(host)]" : host):\(port)")
            }, logger: { var l = Logger(label: "mtfs"); l.logLevel = options.logLevel; return l }())
        app.addServices(services)
        try await app.runService()
    }

    /// Every route, behind the authentication and CSRF middleware.
    public func router() -> Router<PortalContext> {
        let router = Router(context: PortalContext.self)
        let routes = RouteTable(router)
        // The gate comes first (it guards every route added after it) and answers 405 from the
        // same table the routes are registered through.
        router.add(middleware: Gate(portal: self, routes: routes))
        addPages(to: routes)
        addAPI(to: routes)
        return router
    }

    /// The headers every answer carries (``Pages/secure(_:)``), and behind HTTPS (`--secure-cookies`)
    /// HSTS, so a browser never again asks this portal over plain HTTP.
    func secure(_ response: Response) -> Response {
        var r = Pages.secure(response)
        if options.secureCookies { r.headers[HTTPField.Name("Strict-Transport-Security")!] = "max-age=31536000; includeSubDomains" }
        return r
    }

    /// Who did it, as the ledger records it (SPEC §3.3): the signed-in login, from the portal.
    func provenance(_ user: PortalUser, source: String) -> Provenance {
        Provenance(actor: user.login, recordedAt: PeopleStore.isoTime(options.now()), source: source, onBehalfOf: nil)
    }
}

extension Portal {
    /// A refusal as the client needs it: JSON for the API, a page otherwise; a page that needs a
    /// sign-in sends the browser to it.
    func failure(_ f: HTTPFailure, context: PortalContext) -> Response {
        if context.api {
            // Encoding a list of sentences does not fail; if it ever did, the status still says what happened.
            var r = (try? Pages.json(Portal.APIErrors([f.message]), status: f.status)) ?? Response(status: f.status)
            if f.status == .unauthorized { r.headers[.wwwAuthenticate] = "Bearer" }
            return r
        }
        if f.needsSignIn && context.user == nil {
            return Pages.redirect("/login")
        }
        return Pages.html(Pages.layout(title: "Not done", user: context.user, csrf: csrf(context), body: "<h1>\(f.status.code) \(f.status.reasonPhrase)</h1><p class=\"notice\">\(f.message)</p><p><a href=\"/\">Back to the start</a></p>"), status: f.status)
    }

    func csrf(_ context: PortalContext) -> String? { context.session.map(Credentials.csrfToken(session:)) }

    /// The signed-in user, or the refusal a page or the API gives without one.
    func requireUser(_ context: PortalContext) throws -> PortalUser {
        guard let u = context.user else { throw HTTPFailure.signInFirst(api: context.api) }
        return u
    }
}

/// HEAD is GET without the body (RFC 9110 §9.3.2), for every page that takes GET: the request is
/// answered as a GET before routing, and its body dropped.
struct HeadAsGet<Inner: HTTPResponder>: HTTPResponder {
    let inner: Inner

    func respond(to request: Request, context: Inner.Context) async throws -> Response {
        guard request.method == .head else { return try await inner.respond(to: request, context: context) }
        var head = request.head
        head.method = .get
        var response = try await inner.respond(to: Request(head: head, body: request.body), context: context)
        response.body = ResponseBody()
        return response
    }
}

/// Runs async work one piece at a time, in the order it arrives.
actor Serial {
    private var tail: Task<Void, Never>?

    func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let previous = tail
        let task = Task<T, Error> {
            await previous?.value
            return try await body()
        }
        tail = Task { _ = try? await task.value }
        return try await task.value
    }
}

/// Says yes at most once a minute (or `every` seconds) for each key.
actor Once {
    private var last: [String: Int64] = [:]
    func due(_ key: String, now: Int64, every interval: Int64 = 60) -> Bool {
        if let t = last[key], now - t < interval { return false }
        if last.count > 10_000 { last.removeAll() }
        last[key] = now
        return true
    }
}
