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
                guard let u = try await portal.service.reading({ try $0.people.user(tokenHash: hash) }), !u.disabled else {
                    throw HTTPFailure(.unauthorized, "the token is not valid (or its user is disabled)")
                }
                context.user = u
            } else if let header = portal.options.trustedHeader, let name = HTTPField.Name(header), let login = request.headers[name] {
                // Behind the council's sign-on proxy: the proxy says who it is, on every request. No
                // session is stored: the CSRF token comes from a secret derived for this login from
                // one the portal drew at start, so a forged cross-site form still cannot act for them.
                // The sign-in log has one line per login and address an hour, not one per request.
                guard let u = try await portal.service.reading({ try $0.people.user(login) }), !u.disabled else {
                    throw HTTPFailure(.forbidden, "the sign-on proxy named a login that is not an active user of this ledger")
                }
                context.user = u
                context.trusted = true
                context.session = portal.signIns.trustedSecret(for: u.login)
                if await portal.signIns.signInLog.due("\(u.login)|\(context.address)", now: portal.options.now(), every: 3600) {
                    let now = portal.options.now()
                    let address = context.address
                    try await portal.service.writing { ledger in
                        try ledger.people.recordAuthEvent("login", login: u.login, address: address, at: now, actor: u.login, detail: "trusted header")
                    }
                }
            } else if let secret = cookie(request), let u = try await portal.signIns.user(session: secret) {
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
                if t.hasPrefix(SignIns.cookieName + "=") {
                    let v = String(t.dropFirst(SignIns.cookieName.count + 1))
                    return v.isEmpty ? nil : v
                }
            }
        }
        return nil
    }
}
