import Foundation
import HTTPTypes
import Hummingbird
import MTFSDomain
import MTFSRender
import MTFSStore

/// Signing in and out (SPEC §10): the sign-in form, the throttled check of a password, sessions
/// and their cookies, and the trusted header's users. The portal asks it who a request comes from
/// (``Gate``); it answers the sign-in and sign-out routes.
final class SignIns: Sendable {
    let service: LedgerService
    let options: PortalOptions
    /// Sign-in attempts, one at a time.
    let signInGate = Serial()
    let throttleLog = Once()
    /// Sign-ins through the trusted header, logged once an hour per login and address.
    let signInLog = Once()
    /// Drawn at start: the trusted header's CSRF secrets are derived from it (never stored).
    let trustedKey = Credentials.randomSecret(prefix: "k_")
    static let cookieName = "mtfs_session"

    init(service: LedgerService, options: PortalOptions) {
        self.service = service
        self.options = options
    }

    /// The start page, the sign-in form and signing out.
    func add(to router: RouteTable) {
        router.get("/") { _, context in
            guard let user = context.user else { return Pages.redirect("/login") }
            return Pages.redirect(user.scope.home)
        }
        router.get("/login") { request, context in
            let next = SignIns.safeNext(Portal.query(request)["next"])
            if context.user != nil { return Pages.redirect(next ?? "/") }
            return Pages.html(Pages.layout(title: "Sign in", user: nil, csrf: nil, body: SignIns.loginForm(error: nil, next: next)))
        }
        router.post("/login") { _, context in
            let login = (context.form["login"] ?? "").trimmingCharacters(in: .whitespaces)
            do {
                let secret = try await self.signIn(
                    login: login, password: context.form["password"] ?? "", address: context.address, previous: context.session)
                // Back to the page that asked for a sign-in (a reminder's link), never off this site.
                var r = Pages.redirect(SignIns.safeNext(context.form["next"]) ?? "/")
                r.headers[.setCookie] = self.sessionCookie(secret)
                return r
            } catch let f as HTTPFailure {
                return Pages.html(
                    Pages.layout(
                        title: "Sign in", user: nil, csrf: nil,
                        body: SignIns.loginForm(error: f.message, login: String(login.prefix(64)), next: SignIns.safeNext(context.form["next"]))),
                    status: f.status)
            }
        }
        router.post("/logout") { _, context in
            if let secret = context.session, let user = context.user, !context.trusted {
                try await self.signOut(secret, login: user.login, address: context.address)
            }
            var r = Pages.redirect("/login")
            r.headers[.setCookie] = self.sessionCookie("", clear: true)
            return r
        }
    }

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
        let known = try await service.reading { try $0.people.user(login) != nil }
        // The log names a login that exists; anything else (perhaps a password typed in the wrong box)
        // is logged, and counted, only by a hash.
        let logged = known ? login : "(unknown login " + String(Credentials.digest("mtfs-login\u{1F}" + login).prefix(16)) + ")"
        let since = options.now() - options.throttleWindow
        let before = try await service.reading { try $0.people.failedSignIns(login: logged, address: address, since: since) }
        if max(before.login, before.address) >= options.slowAfter { try await Task.sleep(for: options.slowDelay) }
        return try await signInGate.run {
            let now = self.options.now()
            let failures = try await self.service.reading { try $0.people.failedSignIns(login: logged, address: address, since: since) }
            // Refused: an address with too many failures, or a locked login tried from an address that has failed at it.
            let refused =
                failures.address >= self.options.refuseAfter || (failures.login >= self.options.refuseAfter && failures.both >= SignIns.typosAllowed)
            if refused {
                // Logged once a minute per login and address, so refused tries cannot grow the log without end.
                // Keyed by what refused it: new made-up logins from a refused address add no rows.
                let key = failures.address >= self.options.refuseAfter ? "address|\(address)" : "login|\(logged)|\(address)"
                if await self.throttleLog.due(key, now: now) {
                    try? await self.service.writing {
                        try $0.people.recordAuthEvent(
                            "login throttled", login: logged, address: address, at: now, actor: logged,
                            detail: "\(max(failures.login, failures.address)) failures")
                    }
                }
                throw HTTPFailure(.tooManyRequests, "Too many failed sign-ins for this login or from this address; try again in 15 minutes.")
            }
            let stored = try await self.service.reading { ledger -> (PortalUser, String)? in
                guard let u = try ledger.people.user(login), let hash = try ledger.people.passwordHash(login: login) else { return nil }
                return (u, hash)
            }
            // An unknown login costs the same as a wrong password, so logins cannot be told apart by time.
            let ok: Bool
            if let stored, password.count <= 1024 {
                ok = Credentials.verify(password, hash: stored.1) && !stored.0.disabled
            } else {
                _ = Credentials.verify("not the password", hash: SignIns.decoyHash)
                ok = false
            }
            guard ok else {
                let why = stored == nil ? "unknown login" : (stored!.0.disabled ? "disabled" : "wrong password")
                try await self.service.writing {
                    try $0.people.recordAuthEvent("login failed", login: logged, address: address, at: now, actor: logged, detail: why)
                }
                throw HTTPFailure(.unauthorized, "The login or password is not right.")
            }
            let secret = Credentials.randomSecret(prefix: "s_")
            try await self.service.writing { ledger in
                try ledger.transaction {
                    if let previous { try ledger.people.endSession(idHash: Credentials.digest(previous), at: now, why: "signed in again") }
                    try ledger.people.startSession(idHash: Credentials.digest(secret), login: login, address: address, at: now)
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
            guard let s = try ledger.people.session(idHash: hash) else { return nil }
            return (s, try ledger.people.user(s.login))
        }
        // A session row the chained sign-in log does not vouch for (written, or revived, in the file)
        // grants nothing; what a vouched one may do comes from its user's chained role.
        guard let (session, user) = found, let user, !user.disabled, session.ended == nil, session.vouched, session.login == user.login else {
            return nil
        }
        if now - session.lastSeen > options.idleTimeout || now - session.createdAt > options.absoluteTimeout {
            let why = now - session.createdAt > options.absoluteTimeout ? "too old" : "idle"
            try await service.writing { try $0.people.endSession(idHash: hash, at: now, why: why) }
            return nil
        }
        if now - session.lastSeen >= 60 { try await service.writing { try $0.people.touchSession(idHash: hash, at: now) } }
        return user
    }

    /// The secret a trusted-header user's CSRF token is made from: theirs alone, and good until the
    /// portal restarts.
    func trustedSecret(for login: String) -> String { "t_" + Credentials.digest(trustedKey + "\u{1F}" + login) }

    func sessionCookie(_ secret: String, clear: Bool = false) -> String {
        "\(SignIns.cookieName)=\(clear ? "" : secret); Path=/; HttpOnly; SameSite=Strict" + (options.secureCookies ? "; Secure" : "")
            + (clear ? "; Max-Age=0" : "")
    }

    /// Ends the session `secret` names, logged as a sign-out.
    func signOut(_ secret: String, login: String, address: String) async throws {
        let now = options.now()
        try await service.writing { try $0.people.signOut(idHash: Credentials.digest(secret), login: login, address: address, at: now) }
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

}
