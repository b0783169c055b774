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
    /// Sign-in attempts, one at a time.
    let signInGate = Serial()
    let throttleLog = Once()
    /// Sign-ins through the trusted header, logged once an hour per login and address.
    let signInLog = Once()
    /// Drawn at start: the trusted header's CSRF secrets are derived from it (never stored).
    let trustedKey = Credentials.randomSecret(prefix: "k_")
    static let cookieName = "mtfs_session"

    public init(service: LedgerService, options: PortalOptions = PortalOptions()) {
        self.service = service
        self.options = options
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

    // MARK: - Sessions

    /// Signs `login` in with `password` from `address`: throttled, logged, and a new session (the
    /// browser's previous one, `previous`, ends). Attempts are taken one at a time, so parallel tries
    /// cannot all slip under the limit before any is counted.
    ///
    /// The throttle counts failures per claimed login and per address, the same way whether or not
    /// the login exists: an unknown login is counted (and logged) under a hash of what was typed, so
    /// the answers — status, sentence and the Argon2 work done — never say which logins exist.
    /// Strangers cannot lock a real user out: a login with too many failures is still checked from
    /// an address with no failures of its own (after the slow delay), so its owner's right password
    /// from their own machine gets in; an address that has failed is refused for that login, and an
    /// address with too many failures is refused for every login.
    func signIn(login rawLogin: String, password: String, address: String, previous: String?) async throws -> String {
        // Only what could be a login is looked up or logged: a 7 MB "login" is not.
        let login = rawLogin.count <= 64 ? rawLogin.lowercased() : String(rawLogin.prefix(64)).lowercased()
        let known = try await service.reading { try $0.user(login) != nil }
        // The log names a login that exists; anything else (perhaps a password typed in the wrong box)
        // is logged, and counted, only by a hash.
        let logged = known ? login : "(unknown login " + String(Credentials.digest("mtfs-login\u{1F}" + login).prefix(16)) + ")"
        let since = options.now() - options.throttleWindow
        let before = try await service.reading { try $0.failedSignIns(login: logged, address: address, since: since) }
        if max(before.login, before.address) >= options.slowAfter { try await Task.sleep(for: options.slowDelay) }
        return try await signInGate.run {
            let now = self.options.now()
            let failures = try await self.service.reading { try $0.failedSignIns(login: logged, address: address, since: since) }
            // Refused: an address with too many failures, or a locked login tried from an address that has failed at it.
            let refused =
                failures.address >= self.options.refuseAfter || (failures.login >= self.options.refuseAfter && failures.both >= Portal.typosAllowed)
            if refused {
                // Logged once a minute per login and address, so refused tries cannot grow the log without end.
                // Keyed by what refused it: new made-up logins from a refused address add no rows.
                let key = failures.address >= self.options.refuseAfter ? "address|\(address)" : "login|\(logged)|\(address)"
                if await self.throttleLog.due(key, now: now) {
                    try? await self.service.writing {
                        try $0.recordAuthEvent(
                            "login throttled", login: logged, address: address, at: now, actor: logged,
                            detail: "\(max(failures.login, failures.address)) failures")
                    }
                }
                throw HTTPFailure(.tooManyRequests, "Too many failed sign-ins for this login or from this address; try again in 15 minutes.")
            }
            let stored = try await self.service.reading { ledger -> (PortalUser, String)? in
                guard let u = try ledger.user(login), let hash = try ledger.passwordHash(login: login) else { return nil }
                return (u, hash)
            }
            // An unknown login costs the same as a wrong password, so logins cannot be told apart by time.
            let ok: Bool
            if let stored, password.count <= 1024 {
                ok = Credentials.verify(password, hash: stored.1) && !stored.0.disabled
            } else {
                _ = Credentials.verify("not the password", hash: Portal.decoyHash)
                ok = false
            }
            guard ok else {
                let why = stored == nil ? "unknown login" : (stored!.0.disabled ? "disabled" : "wrong password")
                try await self.service.writing {
                    try $0.recordAuthEvent("login failed", login: logged, address: address, at: now, actor: logged, detail: why)
                }
                throw HTTPFailure(.unauthorized, "The login or password is not right.")
            }
            let secret = Credentials.randomSecret(prefix: "s_")
            try await self.service.writing { ledger in
                try ledger.transaction {
                    if let previous { try ledger.endSession(idHash: Credentials.digest(previous), at: now, why: "signed in again") }
                    try ledger.startSession(idHash: Credentials.digest(secret), login: login, address: address, at: now)
                }
            }
            return secret
        }
    }

    /// Failures from one address at a login that strangers have locked before that address is
    /// refused for it too: its owner may mistype a couple of times.
    static let typosAllowed = 3

    static let decoyHash = (try? Credentials.hashPassword("not a password of anyone's")) ?? ""

    /// The user of a session cookie, when the session is live (not ended, idle or too old).
    func user(session secret: String) async throws -> PortalUser? {
        let now = options.now()
        let hash = Credentials.digest(secret)
        let found = try await service.reading { ledger -> (StoredSession, PortalUser?)? in
            guard let s = try ledger.session(idHash: hash) else { return nil }
            return (s, try ledger.user(s.login))
        }
        // A session row the chained sign-in log does not vouch for (written, or revived, in the file)
        // grants nothing; what a vouched one may do comes from its user's chained role.
        guard let (session, user) = found, let user, !user.disabled, session.ended == nil, session.vouched, session.login == user.login else {
            return nil
        }
        if now - session.lastSeen > options.idleTimeout || now - session.createdAt > options.absoluteTimeout {
            let why = now - session.createdAt > options.absoluteTimeout ? "too old" : "idle"
            try await service.writing { try $0.endSession(idHash: hash, at: now, why: why) }
            return nil
        }
        if now - session.lastSeen >= 60 { try await service.writing { try $0.touchSession(idHash: hash, at: now) } }
        return user
    }

    /// The secret a trusted-header user's CSRF token is made from: theirs alone, and good until the
    /// portal restarts.
    func trustedSecret(for login: String) -> String { "t_" + Credentials.digest(trustedKey + "\u{1F}" + login) }

    /// The headers every answer carries (``Pages/secure(_:)``), and behind HTTPS (`--secure-cookies`)
    /// HSTS, so a browser never again asks this portal over plain HTTP.
    func secure(_ response: Response) -> Response {
        var r = Pages.secure(response)
        if options.secureCookies { r.headers[HTTPField.Name("Strict-Transport-Security")!] = "max-age=31536000; includeSubDomains" }
        return r
    }

    func sessionCookie(_ secret: String, clear: Bool = false) -> String {
        "\(Portal.cookieName)=\(clear ? "" : secret); Path=/; HttpOnly; SameSite=Strict" + (options.secureCookies ? "; Secure" : "")
            + (clear ? "; Max-Age=0" : "")
    }

    /// Who did it, as the ledger records it (SPEC §3.3): the signed-in login, from the portal.
    func provenance(_ user: PortalUser, source: String) -> Provenance {
        Provenance(actor: user.login, recordedAt: Ledger.isoTime(options.now()), source: source, onBehalfOf: nil)
    }
}

/// Authenticates every request (bearer token, trusted header, or session cookie), and refuses a
/// cookie-authenticated write without the session's CSRF token.
/// Every route the portal answers, recorded as it is registered: the router and the methods a path
/// takes (for 405 and its Allow header) come from this one table, never from a second list.
final class RouteTable: @unchecked Sendable {
    let router: Router<PortalContext>
    /// Filled while the router is built, before the server starts; read-only after. An API route
    /// carries its OpenAPI operation (JSON): the description is made from the routes that exist.
    private var routes: [(method: HTTPRequest.Method, path: [Substring], operation: String?)] = []

    init(_ router: Router<PortalContext>) { self.router = router }

    func get(_ path: String, describedAs operation: String? = nil, use closure: @Sendable @escaping (Request, PortalContext) async throws -> Response) {
        add(.get, path, operation, closure)
    }

    func post(_ path: String, describedAs operation: String? = nil, use closure: @Sendable @escaping (Request, PortalContext) async throws -> Response) {
        add(.post, path, operation, closure)
    }

    private func add(
        _ method: HTTPRequest.Method, _ path: String, _ operation: String?, _ closure: @Sendable @escaping (Request, PortalContext) async throws -> Response
    ) {
        router.on(RouterPath(path), method: method, use: closure)
        routes.append((method, path.split(separator: "/"), operation))
    }

    /// The OpenAPI description: `header` (its info, security and schemas) with a path for every
    /// described route, `:name` written `{name}`. Every operation declares 401 (no or bad token),
    /// and every refusal it declares (4xx) has the one error body, `{"errors": [...]}` (SPEC §10 v3).
    /// The description: the header, and a path for every described route. A schema marked
    /// `"x-mtfs-enum": "directorates"` lists `names["directorates"]` as its enum (the ledger's own
    /// names, so a request that names something the ledger does not know is outside the description).
    func openAPI(_ header: String, names: [String: [String]] = [:]) throws -> String {
        guard var document = try RouteTable.naming(JSONSerialization.jsonObject(with: Data(header.utf8)), names) as? [String: Any] else {
            throw HTTPFailure(.internalServerError, "the API description's header is not a JSON object")
        }
        let errors: [String: Any] = ["application/json": ["schema": ["$ref": "#/components/schemas/Errors"]]]
        var paths: [String: [String: Any]] = [:]
        for route in routes {
            guard let text = route.operation,
                var operation = try RouteTable.naming(JSONSerialization.jsonObject(with: Data(text.utf8)), names) as? [String: Any]
            else { continue }
            var responses = operation["responses"] as? [String: Any] ?? [:]
            responses["401"] = responses["401"] ?? ["description": "no or bad token"]
            for (status, value) in responses where status.hasPrefix("4") {
                guard var response = value as? [String: Any] else { continue }
                response["content"] = errors
                responses[status] = response
            }
            operation["responses"] = responses
            let key = "/" + route.path.map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
            paths[key, default: [:]][route.method.rawValue.lowercased()] = operation
        }
        document["paths"] = paths
        let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// `value` with every `"x-mtfs-enum": KEY` schema given `names[KEY]` as its enum.
    static func naming(_ value: Any, _ names: [String: [String]]) -> Any {
        if var object = value as? [String: Any] {
            for (key, inner) in object { object[key] = naming(inner, names) }
            if let key = object.removeValue(forKey: "x-mtfs-enum") as? String { object["enum"] = names[key] ?? [] }
            return object
        }
        if let array = value as? [Any] { return array.map { naming($0, names) } }
        return value
    }

    /// The methods `path` is answered to (`:name` segments match any one segment), or nil.
    func methods(for path: String) -> [String]? {
        let parts = path.split(separator: "/")
        let methods = routes.filter { route in
            route.path.count == parts.count && zip(route.path, parts).allSatisfy { $0.hasPrefix(":") || $0 == $1 }
        }.map(\.method.rawValue)
        return methods.isEmpty ? nil : Array(Set(methods)).sorted()
    }
}

struct Gate: RouterMiddleware {
    typealias Context = PortalContext
    let portal: Portal
    let routes: RouteTable
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!
    static let fetchSite = HTTPField.Name("Sec-Fetch-Site")!
    static let origin = HTTPField.Name("Origin")!

    func handle(_ request: Request, context: PortalContext, next: (Request, PortalContext) async throws -> Response) async throws -> Response {
        var context = context
        var request = request
        context.api = request.uri.path.hasPrefix("/api/")
        if request.method == .get || request.method == .head { context.target = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "") }
        // Behind the council's reverse proxy every request comes from the proxy's address: the
        // client's is the last one the proxy added to the header named by --client-address-header,
        // believed only from a loopback peer (the proxy on the same machine).
        if let header = portal.options.clientAddressHeader, let name = HTTPField.Name(header), ["127.0.0.1", "::1", "local"].contains(context.address)
            || context.address.hasPrefix("127."),
            let value = request.headers[values: name].last?.split(separator: ",").last?.trimmingCharacters(in: .whitespaces),
            !value.isEmpty, value.count <= 64, value.allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" })
        {
            context.address = value
        }
        do {
            // Only the names this portal is served under (a DNS-rebinding page's name is not one).
            let host = (request.head.authority ?? "").lowercased()
            let name = host.hasPrefix("[") ? String(host.prefix { $0 != "]" }.dropFirst()) : String(host.split(separator: ":").first ?? "")
            guard ["127.0.0.1", "localhost", "::1"].contains(name) || portal.options.allowedHosts.contains(name) else {
                throw HTTPFailure(.misdirectedRequest, "This portal is not served under the name \(name.isEmpty ? "(none)" : name); start it with --allowed-host \(name.isEmpty ? "NAME" : name) if it should be.")
            }
            if let auth = request.headers[.authorization] {
                guard auth.lowercased().hasPrefix("bearer ") else { throw HTTPFailure(.unauthorized, "expected Authorization: Bearer TOKEN") }
                let hash = Credentials.digest(String(auth.dropFirst(7)).trimmingCharacters(in: .whitespaces))
                guard let u = try await portal.service.reading({ try $0.user(tokenHash: hash) }), !u.disabled else {
                    throw HTTPFailure(.unauthorized, "the token is not valid (or its user is disabled)")
                }
                context.user = u
            } else if let header = portal.options.trustedHeader, let name = HTTPField.Name(header), let login = request.headers[name] {
                // Behind the council's sign-on proxy: the proxy says who it is, on every request. No
                // session is stored: the CSRF token comes from a secret derived for this login from
                // one the portal drew at start, so a forged cross-site form still cannot act for them.
                // The sign-in log has one line per login and address an hour, not one per request.
                guard let u = try await portal.service.reading({ try $0.user(login) }), !u.disabled else {
                    throw HTTPFailure(.forbidden, "the sign-on proxy named a login that is not an active user of this ledger")
                }
                context.user = u
                context.trusted = true
                context.session = portal.trustedSecret(for: u.login)
                if await portal.signInLog.due("\(u.login)|\(context.address)", now: portal.options.now(), every: 3600) {
                    let now = portal.options.now()
                    let address = context.address
                    try await portal.service.writing { ledger in
                        try ledger.recordAuthEvent("login", login: u.login, address: address, at: now, actor: u.login, detail: "trusted header")
                    }
                }
            } else if let secret = cookie(request), let u = try await portal.user(session: secret) {
                context.user = u
                context.session = secret
            }
            let writes = request.method != .get && request.method != .head
            if writes {
                // A form posted from another site (sign-in included: no one is signed in to an
                // attacker's account from elsewhere) is refused, whatever cookie it carries.
                if request.headers[Gate.fetchSite]?.lowercased() == "cross-site" {
                    throw HTTPFailure(.forbidden, "This form came from another site; nothing was changed.")
                }
                if request.headers[Gate.origin] == "null" && !context.api {
                    throw HTTPFailure(.forbidden, "This form came from a page with no origin (a sandboxed frame or a file); nothing was changed.")
                }
                if let origin = request.headers[Gate.origin], origin != "null", let host = request.head.authority,
                    URL(string: origin).map({ u in (u.host ?? "") + (u.port.map { ":\($0)" } ?? "") }) != host
                {
                    throw HTTPFailure(.forbidden, "This form came from another site (\(origin)); nothing was changed.")
                }
                // A member reads and never writes (SPEC §7 v3): any write but signing in or out is refused
                // here, before its body is read, whatever page or endpoint it is sent to.
                if let u = context.user, u.scope.readsOnly, request.uri.path != "/logout", request.uri.path != "/login" {
                    throw HTTPFailure(.forbidden, "A member's account reads only; nothing was changed.")
                }
                // A stranger's body is read only for the sign-in form, and only as large as that form
                // can be; anyone else's request is refused by its page or endpoint without its body
                // being read. A signed-in user's form is parsed off the server's event loops.
                let path = request.uri.path
                if context.user != nil || path == "/login" {
                    let limit = path == "/login" ? Gate.signInLimit : (Gate.uploads.contains(path) ? context.maxUploadSize : Gate.formLimit)
                    let body = try await request.collectBody(upTo: limit)
                    let type = request.headers[.contentType]
                    // The API reads JSON and nothing else (a form or text/plain body is not guessed at).
                    let mediaType = type?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                    if path.hasPrefix("/api/"), routes.methods(for: path)?.contains(request.method.rawValue) == true, mediaType != "application/json" {
                        throw HTTPFailure(.unsupportedMediaType, "send the body as application/json")
                    }
                    if type?.lowercased().hasPrefix("application/json") != true {
                        guard let form = await Gate.parse(Array(buffer: body), contentType: type) else {
                            throw HTTPFailure(.badRequest, "the form could not be read")
                        }
                        context.form = form
                    }
                }
                if let secret = context.session, request.uri.path != "/login" {
                    let sent = request.headers[Gate.csrfHeader] ?? context.form["csrf"] ?? ""
                    guard Credentials.constantTimeEqual(sent, Credentials.csrfToken(session: secret)) else {
                        throw HTTPFailure(.forbidden, "This form has expired or did not come from this site (no valid CSRF token); nothing was changed.")
                    }
                }
            }
            let response = try await next(request, context)
            return portal.secure(response)
        } catch let failure as HTTPFailure {
            return portal.secure(portal.failure(failure, context: context))
        } catch let e as HTTPError where e.status == .notFound && routes.methods(for: request.uri.path) != nil {
            // A page that exists, asked for with a method it does not take.
            let allowed = routes.methods(for: request.uri.path)!
            var r = portal.failure(HTTPFailure(.methodNotAllowed, "That page takes \(allowed.joined(separator: " and ")), not \(request.method.rawValue)."), context: context)
            r.headers[.allow] = allowed.joined(separator: ", ")
            return portal.secure(r)
        } catch let e as HTTPError {
            // The server's own refusals: an unknown path, a method a path does not take, a body too large.
            let message =
                switch e.status {
                case .notFound: "There is no such page."
                case .methodNotAllowed: "That page does not take \(request.method.rawValue)."
                case .contentTooLarge: "The request is larger than this page accepts."
                default: e.body ?? e.status.reasonPhrase
                }
            return portal.secure(portal.failure(HTTPFailure(e.status, message), context: context))
        } catch is NIOTooManyBytesError {
            return portal.secure(portal.failure(HTTPFailure(.contentTooLarge, "The request is larger than this page accepts."), context: context))
        } catch let e as KindedError {
            // The ledger's own trouble is said without the server's paths (`mtfs verify` names them).
            let message =
                switch e.kind {
                case .integrity: "The ledger failed an integrity check, so nothing was changed. Tell whoever runs the portal: `mtfs verify` says what."
                case .unusable: "The ledger cannot be used just now, so nothing was changed. Tell whoever runs the portal."
                default: e.explanation
                }
            return portal.secure(portal.failure(HTTPFailure(HTTPFailure.status(for: e.kind), message), context: context))
        } catch let e as DatabaseError where e.isDiskFull || e.primaryCode == 10 /* SQLITE_IOERR */ {
            // Said as the command line says it (exit 5), without the server's paths or SQLite's words.
            return portal.secure(
                portal.failure(
                    HTTPFailure(.serviceUnavailable, "The disk that holds the ledger is full, so nothing was changed. Tell whoever runs the portal; then try again."),
                    context: context))
        } catch let e as DatabaseError where e.isBusy {
            return portal.secure(
                portal.failure(
                    HTTPFailure(.serviceUnavailable, "The ledger is busy with another writer and the wait ran out; nothing was changed. Try again in a moment."),
                    context: context))
        } catch {
            return portal.secure(portal.failure(HTTPFailure(.internalServerError, "Something went wrong; nothing was changed."), context: context))
        }
    }

    /// The largest sign-in form read (a login and a password are far inside it), the largest other
    /// form, and the paths that take a whole return (up to ``PortalContext/maxUploadSize``).
    static let signInLimit = 16 << 10
    static let formLimit = 1 << 20
    static let uploads: Set<String> = ["/upload", "/return", "/api/v1/returns"]

    /// Parses a form on a thread of its own, never on an event loop or the threads that run request
    /// tasks: a large upload does not hold up anyone else's request.
    static func parse(_ body: [UInt8], contentType: String?) async -> Form? {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: Form.parse(body: body, contentType: contentType)) }
            thread.start()
        }
    }

    func cookie(_ request: Request) -> String? {
        for field in request.headers[values: .cookie] {
            for pair in field.split(separator: ";") {
                let t = pair.trimmingCharacters(in: .whitespaces)
                if t.hasPrefix(Portal.cookieName + "=") {
                    let v = String(t.dropFirst(Portal.cookieName.count + 1))
                    return v.isEmpty ? nil : v
                }
            }
        }
        return nil
    }
}

extension Portal {
    /// A refusal as the client needs it: JSON for the API, a page otherwise; a page that needs a
    /// sign-in sends the browser to it.
    func failure(_ f: HTTPFailure, context: PortalContext) -> Response {
        if context.api {
            var r = (try? Pages.json(Portal.APIErrors([f.message]), status: f.status)) ?? Pages.json("{\"errors\": []}", status: f.status)
            if f.status == .unauthorized { r.headers[.wwwAuthenticate] = "Bearer" }
            return r
        }
        if f.needsSignIn && context.user == nil {
            return Pages.redirect("/login")
        }
        return Pages.html(Pages.layout(title: "Not done", user: context.user, csrf: csrf(context), body: "<h1>\(f.status.code) \(Escape.html(f.status.reasonPhrase))</h1><p class=\"notice\">\(Escape.html(f.message))</p><p><a href=\"/\">Back to the start</a></p>"), status: f.status)
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
