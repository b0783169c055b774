import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@testable import MTFSDomain
@testable import MTFSEngine
@testable import MTFSStore
@testable import MTFSWeb

/// A clock the tests move.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var t: Int64 = 1_700_000_000
    var now: Int64 {
        lock.lock()
        defer { lock.unlock() }
        return t
    }
    func advance(_ seconds: Int64) {
        lock.lock()
        t += seconds
        lock.unlock()
    }
}

/// Refuses redirects, so a test sees the 303 itself.
final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
        completionHandler: @escaping (URLRequest?) -> Void
    ) { completionHandler(nil) }
}

/// The portal on the sample borough, served in-process on a free port, with users of every role.
final class PortalFixture: @unchecked Sendable {
    let dir = TempDir()
    let clock = TestClock()
    var base = ""
    var task: Task<Void, Error>?
    let service: LedgerService
    let portal: Portal
    let session: URLSession
    static let password = "correct horse battery"

    /// The sample borough's people.
    static let boroughUsers = [
        PortalUser(login: "helen", name: "Helen Brandt", role: .holder, holder: "Helen Brandt"),
        PortalUser(login: "sanjay", name: "Sanjay Patel", role: .holder, holder: "Sanjay Patel"),
        PortalUser(login: "fbp.people", name: "Finance BP (People)", role: .finance, directorate: "People"),
        PortalUser(login: "cfo", name: "The CFO", role: .cfo),
    ]

    init(
        pack: String = samplePack, users: [PortalUser] = PortalFixture.boroughUsers, trustedHeader: String? = nil, secureCookies: Bool = false,
        clientAddressHeader: String? = nil, today: CivilDate = CivilDate(year: 2023, month: 11, day: 20)!
    ) async throws {
        let path = dir.path("portal.sqlite")
        let ledger = try Ledger(path: path, create: true)
        _ = try loadPack(pack, into: ledger)
        let hash = try Credentials.hashPassword(PortalFixture.password)
        for u in users {
            try ledger.people.addUser(u, passwordHash: hash, by: "test", at: clock.now, recordedAt: "2023-11-20T10:00:00Z")
        }
        service = try LedgerService(path: path)
        var options = PortalOptions()
        let clock = self.clock
        options.now = { clock.now }
        options.today = { today }
        options.slowDelay = .milliseconds(5)
        // The fixture stops its server by cancelling it, which Hummingbird logs as an error.
        options.logLevel = .critical
        options.trustedHeader = trustedHeader
        options.secureCookies = secureCookies
        options.clientAddressHeader = clientAddressHeader
        portal = Portal(service: service, options: options)
        let config = URLSessionConfiguration.ephemeral
        // Two cores shared with the browser, LibreOffice and Schemathesis tests running beside it:
        // a slow answer is not a wrong one (the default gives up after 60 s).
        config.timeoutIntervalForRequest = 600
        config.httpShouldSetCookies = false
        config.httpCookieAcceptPolicy = .never
        session = URLSession(configuration: config, delegate: NoRedirects(), delegateQueue: nil)
        let started = AsyncStream<String>.makeStream()
        let portal = self.portal
        task = Task { try await portal.run(host: "127.0.0.1", port: 0) { started.continuation.yield($0) } }
        for await address in started.stream {
            base = address
            break
        }
    }

    deinit { task?.cancel() }

    struct Reply {
        var status: Int
        var body: String
        var headers: [String: String]
        var data: Data
        func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
    }

    @discardableResult
    func request(
        _ method: String, _ path: String, cookie: String? = nil, form: [(String, String)]? = nil, json: String? = nil,
        headers: [String: String] = [:]
    ) async throws -> Reply {
        var r = URLRequest(url: URL(string: base + path)!)
        r.httpMethod = method
        if let cookie { r.setValue("mtfs_session=\(cookie)", forHTTPHeaderField: "Cookie") }
        if let form {
            r.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
            let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
            r.httpBody = Data(
                form.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&").utf8)
        }
        if let json {
            r.setValue("application/json", forHTTPHeaderField: "Content-Type")
            r.httpBody = Data(json.utf8)
        }
        for (k, v) in headers { r.setValue(v, forHTTPHeaderField: k) }
        let (data, response) = try await session.data(for: r)
        let http = response as! HTTPURLResponse
        var h: [String: String] = [:]
        for (k, v) in http.allHeaderFields { h["\(k)"] = "\(v)" }
        return Reply(status: http.statusCode, body: String(decoding: data, as: UTF8.self), headers: h, data: data)
    }

    /// Signs in; returns the session cookie and the CSRF token of its pages.
    func signIn(_ login: String, password: String = PortalFixture.password) async throws -> (cookie: String, csrf: String) {
        let r = try await request("POST", "/login", form: [("login", login), ("password", password)])
        #expect(r.status == 303, "sign-in as \(login): \(r.status) \(r.body)")
        let set = try #require(r.header("Set-Cookie"))
        let cookie = String(set.split(separator: ";")[0].dropFirst("mtfs_session=".count))
        return (cookie, Credentials.csrfToken(session: cookie))
    }

    func journalCount() throws -> Int { try service.read { try $0.journal.entries().count } }
    func returnLineCount() throws -> Int64 { try service.read { try $0.db.scalar("SELECT count(*) FROM return_lines") } }
}

@Suite("The web portal: sign-in, scope and safety (SPEC §10)", .serialized)
struct PortalSecurityTests {
    @Test("not signed in: pages go to /login, the API answers 401; a session is renewed at sign-in and ends at sign-out")
    func sessions() async throws {
        let f = try await PortalFixture()
        #expect(try await f.request("GET", "/statement").status == 303)
        #expect(try await f.request("GET", "/statement").header("Location") == "/login?next=%2Fstatement")
        #expect(try await f.request("GET", "/api/v1/positions").status == 401)
        // A reminder's link survives sign-in: back to the page asked for, and only to a page of this site.
        let asked = try await f.request("GET", "/return?period=2023-10")
        #expect(asked.header("Location") == "/login?next=%2Freturn%3Fperiod%3D2023%2D10")
        let form = try await f.request("GET", "/login?next=%2Freturn%3Fperiod%3D2023-10")
        #expect(form.body.contains("<input type=\"hidden\" name=\"next\" value=\"/return?period=2023-10\">"))
        let back = try await f.request("POST", "/login", form: [("login", "helen"), ("password", PortalFixture.password), ("next", "/return?period=2023-10")])
        #expect(back.header("Location") == "/return?period=2023-10")
        for hostile in ["//evil.example/x", "https://evil.example", "/\\evil.example", "javascript:alert(1)", "/\u{0}x", "/login", "/ok\r\nSet-Cookie: a=b", "evil"] {
            let r = try await f.request("POST", "/login", form: [("login", "helen"), ("password", PortalFixture.password), ("next", hostile)])
            #expect(r.header("Location") == "/", "next=\(hostile) went to \(r.header("Location") ?? "nowhere")")
            #expect(!(try await f.request("GET", "/login?next=" + (hostile.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")).body.contains("name=\"next\"")))
        }
        let first = try await f.signIn("helen")
        let second = try await f.signIn("helen")
        #expect(first.cookie != second.cookie)
        let login = try await f.request("POST", "/login", form: [("login", "helen"), ("password", PortalFixture.password)])
        #expect(login.header("Set-Cookie")?.contains("HttpOnly") == true && login.header("Set-Cookie")?.contains("SameSite=Strict") == true)
        #expect(try await f.request("GET", "/statement", cookie: second.cookie).status == 200)
        // Sign-out ends the session: the same cookie afterwards is not signed in.
        #expect(try await f.request("POST", "/logout", cookie: second.cookie, form: [("csrf", second.csrf)]).status == 303)
        #expect(try await f.request("GET", "/statement", cookie: second.cookie).status == 303)
        // Idle: 31 minutes unused ends a session; absolute: 12 hours whatever.
        let idle = try await f.signIn("helen")
        f.clock.advance(31 * 60)
        #expect(try await f.request("GET", "/statement", cookie: idle.cookie).status == 303)
        let busy = try await f.signIn("helen")
        for _ in 0..<26 {
            f.clock.advance(29 * 60)
            _ = try await f.request("GET", "/", cookie: busy.cookie)
        }
        #expect(try await f.request("GET", "/statement", cookie: busy.cookie).status == 303)
        // Every sign-in and sign-out is in the log.
        let events = try f.service.read { try $0.people.authEvents() }
        #expect(events.contains { $0.event == "logout" && $0.login == "helen" } && events.filter { $0.event == "login" }.count >= 5)
    }

    @Test("a holder sees and writes only their own: another's statement, proposals or sign-off is 403 and nothing is written")
    func holderScope() async throws {
        let f = try await PortalFixture()
        let helen = try await f.signIn("helen")
        #expect(try await f.request("GET", "/statement?period=2023-10", cookie: helen.cookie).status == 200)
        #expect(try await f.request("GET", "/statement?period=2023-10&holder=Sanjay%20Patel", cookie: helen.cookie).status == 403)
        #expect(try await f.request("GET", "/api/v1/statements/2023-10?holder=Sanjay%20Patel", cookie: helen.cookie).status == 403)
        #expect(try await f.request("GET", "/download?report=statement&holder=Sanjay%20Patel&format=csv", cookie: helen.cookie).status == 403)
        let before = (try f.journalCount(), try f.returnLineCount())
        // Sanjay's RES-04 through Helen's return form: refused whatever the hidden fields say.
        let r = try await f.request(
            "POST", "/return", cookie: helen.cookie,
            form: [
                ("csrf", helen.csrf), ("period", "2023-10"), ("rows", "1"), ("ref_0", "RES-04"), ("year_0", "2023/24"),
                ("delivered_to_date_0", "200000"), ("action", "post"),
            ])
        #expect(r.status == 403)
        // And through the API with Helen's token.
        let token = Credentials.randomSecret(prefix: "mtfs_")
        try f.service.write { try $0.people.addToken(login: "helen", tokenHash: Credentials.digest(token), by: "t", at: 0, recordedAt: "") }
        let api = try await f.request(
            "POST", "/api/v1/returns", json: "{\"period\": \"2023-10\", \"lines\": [{\"ref\": \"RES-04\", \"year\": \"2023/24\", \"delivered_to_date\": 200000}]}",
            headers: ["Authorization": "Bearer \(token)"])
        #expect(api.status == 403)
        #expect((try f.journalCount(), try f.returnLineCount()) == before)
        // Her sign-off signs her own statement only, whatever is sent.
        let other = try await f.request(
            "POST", "/api/v1/sign-offs", json: "{\"period\": \"2023-10\", \"comment\": \"ok\", \"holder\": \"Sanjay Patel\"}",
            headers: ["Authorization": "Bearer \(token)"])
        #expect(other.status == 403)
        let signed = try await f.request(
            "POST", "/api/v1/sign-offs", json: "{\"period\": \"2023-10\", \"comment\": \"ok\"}", headers: ["Authorization": "Bearer \(token)"])
        #expect(signed.status == 201 && signed.body.contains("Helen Brandt"))
        let offs = try f.service.read { try $0.signOffs.all(upTo: Period(year: fy(2023), number: 7)) }
        #expect(offs.map(\.holder) == ["Helen Brandt"] && offs[0].signedBy == "helen")
        // The CFO reads anyone's; a finance user only their directorate's.
        let cfo = try await f.signIn("cfo")
        #expect(try await f.request("GET", "/statement?period=2023-10&holder=Sanjay%20Patel", cookie: cfo.cookie).status == 200)
        #expect(try await f.request("GET", "/summary", cookie: helen.cookie).status == 403)
    }

    @Test("a finance user outside their directorate: 403 for its statements and its returns, nothing written")
    func financeScope() async throws {
        let f = try await PortalFixture()
        let fbp = try await f.signIn("fbp.people")
        #expect(try await f.request("GET", "/statement?period=2023-10&holder=Helen%20Brandt", cookie: fbp.cookie).status == 200)
        #expect(try await f.request("GET", "/statement?period=2023-10&holder=Sanjay%20Patel", cookie: fbp.cookie).status == 403)
        let board = try await f.request("GET", "/board?period=2023-10", cookie: fbp.cookie)
        #expect(board.status == 200 && board.body.contains("Helen Brandt") && !board.body.contains("Sanjay Patel"))
        let before = (try f.journalCount(), try f.returnLineCount())
        let csv = "ref,year,delivered_to_date\r\nPEO-06,2023/24,130000\r\nRES-04,2023/24,150000\r\n"
        let boundary = "XyZ"
        var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(fbp.csrf)\r\n"
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"period\"\r\n\r\n2023-10\r\n"
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n--\(boundary)--\r\n"
        var r = URLRequest(url: URL(string: f.base + "/upload")!)
        r.httpMethod = "POST"
        r.setValue("multipart/form-data; boundary=\(boundary)", forHTTPHeaderField: "Content-Type")
        r.setValue("mtfs_session=\(fbp.cookie)", forHTTPHeaderField: "Cookie")
        r.httpBody = Data(body.utf8)
        let (data, response) = try await f.session.data(for: r)
        #expect((response as! HTTPURLResponse).statusCode == 403, "\(String(decoding: data, as: UTF8.self))")
        #expect(String(decoding: data, as: UTF8.self).contains("RES-04 (Resources) is not in your scope"))
        #expect((try f.journalCount(), try f.returnLineCount()) == before)
        // A ref spelled another way is the same proposal to the import, and to the scope check.
        for spelling in ["res-04", "Res-04", "RES -04"] {
            var variant = r
            variant.httpBody = Data(body.replacingOccurrences(of: "RES-04,", with: "\(spelling),").utf8)
            let (vData, vResponse) = try await f.session.data(for: variant)
            #expect((vResponse as! HTTPURLResponse).statusCode == 403, "\(spelling): \(String(decoding: vData, as: UTF8.self).prefix(300))")
            #expect((try f.journalCount(), try f.returnLineCount()) == before)
        }
        // The People rows alone preview, then post.
        body = body.replacingOccurrences(of: "RES-04,2023/24,150000\r\n", with: "")
        r.httpBody = Data(body.utf8)
        let (preview, previewResponse) = try await f.session.data(for: r)
        let page = String(decoding: preview, as: UTF8.self)
        #expect((previewResponse as! HTTPURLResponse).statusCode == 200 && page.contains("Preview of") && page.contains("£10,000"))
        #expect((try f.journalCount(), try f.returnLineCount()) == before)
    }

    @Test("a sign-off signs the figures shown: a page shown before a return was posted signs nothing (409); the page's own figures sign")
    func signOffFiguresShown() async throws {
        let f = try await PortalFixture()
        let helen = try await f.signIn("helen")
        let page = try await f.request("GET", "/statement?period=2023-10", cookie: helen.cookie)
        let marker = "name=\"figures\" value=\""
        let start = try #require(page.body.range(of: marker))
        let shown = String(page.body[start.upperBound...].prefix { $0 != "\"" })
        let signed = { try f.service.read { try $0.db.scalar("SELECT count(*) FROM sign_offs") } }
        let before = try signed()
        let stale = try await f.request(
            "POST", "/sign-off", cookie: helen.cookie, form: [("csrf", helen.csrf), ("period", "2023-10"), ("figures", String(repeating: "0", count: 64))])
        #expect(stale.status == 409 && stale.body.contains("nothing was signed"), "\(stale.status)")
        #expect(try signed() == before)
        let ok = try await f.request("POST", "/sign-off", cookie: helen.cookie, form: [("csrf", helen.csrf), ("period", "2023-10"), ("figures", shown)])
        let afterOK = try signed()
        #expect(ok.status == 303 && afterOK == before + 1, "\(ok.status) \(ok.body)")
        // The rule is the same for every way in: a comment that is not plain text is refused (nothing signed).
        let bad = try await f.request(
            "POST", "/sign-off", cookie: helen.cookie, form: [("csrf", helen.csrf), ("period", "2023-10"), ("figures", shown), ("comment", "a\u{1B}[2J")])
        let afterBad = try signed()
        #expect(bad.status == 422 && afterBad == before + 1, "\(bad.status)")
    }

    @Test("the summary and findings are reconciled once per ledger head: the same head answers the same; a change (a setting) is seen at once")
    func reconciledOncePerHead() async throws {
        let f = try await PortalFixture()
        let token = "cfo-cache-token-0123456789abcdef0123456789"
        try f.service.write { try $0.people.addToken(login: "cfo", tokenHash: Credentials.digest(token), by: "t", at: 0, recordedAt: "") }
        let bearer = ["Authorization": "Bearer \(token)"]
        func count(_ code: String) async throws -> Int {
            let r = try await f.request("GET", "/api/v1/findings?code=\(code)", headers: bearer)
            return ((try JSONSerialization.jsonObject(with: r.data) as? [String: Any])?["findings"] as? [Any])?.count ?? -1
        }
        let before = try await count("SL01")
        #expect(before > 0)
        #expect(try await count("SL01") == before)
        // Flag only shortfalls of £10m or more: the next request sees the new head, and no SL01.
        try f.service.write { try $0.settings.set("behind-profile-minimum", "10000000", by: testWho) }
        #expect(try await count("SL01") == 0)
    }

    @Test("a write without the session's CSRF token is 403 and writes nothing")
    func csrf() async throws {
        let f = try await PortalFixture()
        let helen = try await f.signIn("helen")
        let before = (try f.journalCount(), try f.returnLineCount())
        let form: [(String, String)] = [
            ("period", "2023-10"), ("rows", "1"), ("ref_0", "PEO-06"), ("year_0", "2023/24"), ("delivered_to_date_0", "130000"), ("action", "post"),
        ]
        #expect(try await f.request("POST", "/return", cookie: helen.cookie, form: form).status == 403)
        #expect(try await f.request("POST", "/return", cookie: helen.cookie, form: form + [("csrf", (helen.csrf.first == "0" ? "1" : "0") + helen.csrf.dropFirst())]).status == 403)
        // Another session's token is not this one's.
        let other = try await f.signIn("helen")
        #expect(try await f.request("POST", "/return", cookie: helen.cookie, form: form + [("csrf", other.csrf)]).status == 403)
        #expect(try await f.request("POST", "/sign-off", cookie: helen.cookie, form: [("period", "2023-10")]).status == 403)
        #expect(try await f.request("POST", "/api/v1/sign-offs", cookie: helen.cookie, json: "{\"period\": \"2023-10\"}").status == 403)
        #expect((try f.journalCount(), try f.returnLineCount()) == before)
        #expect(try f.service.read { try $0.signOffs.all(upTo: Period(year: fy(2023), number: 7)) }.isEmpty)
        // With it (form field or header), the same writes go through.
        let posted = try await f.request("POST", "/return", cookie: helen.cookie, form: form + [("csrf", helen.csrf)])
        #expect(posted.status == 200 && posted.body.contains("Return posted"))
        #expect(try f.journalCount() == before.0 + 1)
        #expect(
            try await f.request("POST", "/api/v1/sign-offs", cookie: helen.cookie, json: "{\"period\": \"2023-10\"}", headers: ["X-CSRF-Token": helen.csrf])
                .status == 201)
    }

    @Test("a disabled user's token and session stop at once; 25 wrong passwords are throttled; only hashes are stored")
    func credentials() async throws {
        let f = try await PortalFixture()
        let token = Credentials.randomSecret(prefix: "mtfs_")
        try f.service.write { try $0.people.addToken(login: "cfo", tokenHash: Credentials.digest(token), by: "t", at: 0, recordedAt: "") }
        #expect(try await f.request("GET", "/api/v1/positions", headers: ["Authorization": "Bearer \(token)"]).status == 200)
        let cfo = try await f.signIn("cfo")
        try f.service.write { try $0.people.disableUser("cfo", by: "admin", at: f.clock.now) }
        #expect(try await f.request("GET", "/api/v1/positions", headers: ["Authorization": "Bearer \(token)"]).status == 401)
        #expect(try await f.request("GET", "/summary", cookie: cfo.cookie).status == 303)
        #expect(try await f.request("POST", "/login", form: [("login", "cfo"), ("password", PortalFixture.password)]).status == 401)
        #expect(try await f.request("GET", "/api/v1/positions", headers: ["Authorization": "Bearer mtfs_not-a-token"]).status == 401)

        // 25 wrong passwords (a fresh window: the disabled user's try above counted from this address):
        // slowed after 5, refused (429) from the 11th, even with the right one.
        f.clock.advance(16 * 60)
        var statuses: [Int] = []
        for _ in 0..<25 { statuses.append(try await f.request("POST", "/login", form: [("login", "helen"), ("password", "wrong")]).status) }
        #expect(statuses.prefix(10).allSatisfy { $0 == 401 } && statuses.dropFirst(10).allSatisfy { $0 == 429 })
        #expect(try await f.request("POST", "/login", form: [("login", "helen"), ("password", PortalFixture.password)]).status == 429)
        // From one address across logins too; and after the window it opens again.
        #expect(try await f.request("POST", "/login", form: [("login", "sanjay"), ("password", PortalFixture.password)]).status == 429)
        f.clock.advance(16 * 60)
        #expect(try await f.request("POST", "/login", form: [("login", "helen"), ("password", PortalFixture.password)]).status == 303)
        let events = try f.service.read { try $0.people.authEvents() }
        #expect(events.filter { $0.event == "login failed" }.count >= 10 && events.contains { $0.event == "login throttled" })

        // Neither a password nor a token nor a session cookie is anywhere in the file.
        try f.service.write { _ in }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: f.dir.path("portal.sqlite")))
        let wal = (try? Data(contentsOf: URL(fileURLWithPath: f.dir.path("portal.sqlite-wal")))) ?? Data()
        for secret in [PortalFixture.password, token, cfo.cookie] {
            #expect(bytes.range(of: Data(secret.utf8)) == nil && wal.range(of: Data(secret.utf8)) == nil, "\(secret) is stored in clear")
        }
        let hash = try #require(try f.service.read { try $0.people.passwordHash(login: "helen") })
        #expect(hash.hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$"))
    }

    @Test("SQL, HTML and script typed into every field are stored as typed and rendered inert")
    func hostileInput() async throws {
        let f = try await PortalFixture()
        let evil = "<script>alert(1)</script>'; DROP TABLE entries; -- \"&"
        // The login field, echoed on the failed sign-in page.
        let failed = try await f.request("POST", "/login", form: [("login", evil), ("password", "x")])
        #expect(failed.status == 401 && !failed.body.contains("<script>alert(1)") && failed.body.contains("&lt;script&gt;"))
        let helen = try await f.signIn("helen")
        // Every field of the return form: the bad ones are named beside their field, escaped.
        let bad = try await f.request(
            "POST", "/return", cookie: helen.cookie,
            form: [
                ("csrf", helen.csrf), ("period", "2023-10"), ("rows", "1"), ("ref_0", "PEO-06"), ("year_0", "2023/24"), ("delivered_to_date_0", evil),
                ("forecast_0", evil), ("rag_0", evil), ("comment_0", evil), ("action", "preview"),
            ])
        #expect(bad.status == 422 && !bad.body.contains("<script>alert(1)") && bad.body.contains("class=\"error\""))
        // A comment of it posts, is stored exactly, and shows escaped on the statement and in the API's JSON.
        let ok = try await f.request(
            "POST", "/return", cookie: helen.cookie,
            form: [
                ("csrf", helen.csrf), ("period", "2023-10"), ("rows", "1"), ("ref_0", "PEO-06"), ("year_0", "2023/24"), ("delivered_to_date_0", "120000"),
                ("forecast_0", "380000"), ("rag_0", "Amber"), ("comment_0", evil), ("action", "post"),
            ])
        #expect(ok.status == 200)
        let page = try await f.request("GET", "/statement?period=2023-10", cookie: helen.cookie)
        #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;&#39;; DROP TABLE entries") && !page.body.contains("<script>alert(1)"))
        let json = try await f.request("GET", "/api/v1/statements/2023-10?holder=Helen%20Brandt", cookie: helen.cookie)
        #expect(json.status == 200 && !json.body.contains("<script>") && json.body.contains("\\u003cscript\\u003e"))
        #expect(try f.service.read { try $0.verifier.verify().passed })
        #expect(try f.journalCount() > 300)
        // Every page sends a policy that runs no script at all, and is never framed or cached.
        #expect(page.header("Content-Security-Policy")?.contains("default-src 'none'") == true && page.header("Cache-Control") == "no-store")
    }

    @Test("the API: positions and findings in JSON and CSV, returns with one message per bad line (422, nothing written), and its OpenAPI description is what it answers")
    func api() async throws {
        let f = try await PortalFixture()
        let token = Credentials.randomSecret(prefix: "mtfs_")
        try f.service.write { try $0.people.addToken(login: "fbp.people", tokenHash: Credentials.digest(token), by: "t", at: 0, recordedAt: "") }
        let auth = ["Authorization": "Bearer \(token)"]
        let csv = try await f.request("GET", "/api/v1/positions?format=csv", headers: auth)
        // With the byte order mark every CSV download has (Excel's "From Web" reads £ right).
        #expect(csv.status == 200 && csv.data.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(csv.body.hasPrefix("\u{FEFF}directorate,ref,year,original_target,current_target,delivered,slipped_in,slipped_out,unachievable,remaining"))
        #expect(!csv.body.contains("\nPlace,") && csv.body.contains("\nPeople,PEO-06,2023/24,"))
        let findings = try await f.request("GET", "/api/v1/findings?format=csv&severity=high", headers: auth)
        #expect(findings.status == 200 && findings.body.hasPrefix("\u{FEFF}code,severity,refs,cost_centre,year,amount,message"))
        #expect(try await f.request("GET", "/api/v1/findings?severity=huge", headers: auth).status == 422)
        let before = (try f.journalCount(), try f.returnLineCount())
        let bad = try await f.request(
            "POST", "/api/v1/returns",
            json: """
                {"period": "2023-11", "lines": [
                  {"ref": "PEO-06", "year": "2023/24", "delivered_to_date": "lots"},
                  {"ref": "PEO-07", "year": "2023/24", "delivered_to_date": 210000, "forecast": 350000, "rag": "Purple"},
                  {"ref": "PEO-09", "year": "2023/24", "delivered_to_date": 95000, "forecast": 150000, "rag": "G"}]}
                """, headers: auth)
        #expect(bad.status == 422)
        let errors = (try JSONSerialization.jsonObject(with: bad.data) as? [String: Any])?["errors"] as? [String]
        #expect(errors?.count == 2 && errors?[0].contains("lines[0].delivered_to_date") == true && errors?[1].contains("lines[1].rag") == true)
        #expect((try f.journalCount(), try f.returnLineCount()) == before)
        let good = try await f.request(
            "POST", "/api/v1/returns",
            json: "{\"period\": \"2023-11\", \"lines\": [{\"ref\": \"PEO-09\", \"year\": \"2023/24\", \"delivered_to_date\": 95000, \"forecast\": 150000, \"rag\": \"G\"}]}",
            headers: auth)
        #expect(good.status == 200 && good.body.contains("\"deliveries\": 1"), "\(good.body)")
        let entry = try #require(try f.service.read { try $0.journal.entries().last })
        #expect(entry.actor == "fbp.people" && entry.source.contains("the API"))

        // The description is for callers who are signed in (its enums name the ledger's people and savings).
        #expect(try await f.request("GET", "/api/v1/openapi.json").status == 401)
        // Every documented path and method answers one of its documented statuses, signed in or not.
        let doc = try #require(try JSONSerialization.jsonObject(with: try await f.request("GET", "/api/v1/openapi.json", headers: auth).data) as? [String: Any])
        let paths = try #require(doc["paths"] as? [String: [String: Any]])
        #expect(Set(paths.keys) == ["/api/v1/positions", "/api/v1/findings", "/api/v1/statements/{period}", "/api/v1/returns", "/api/v1/sign-offs"])
        for (path, methods) in paths {
            for (method, spec) in methods {
                let responses = ((spec as? [String: Any])?["responses"] as? [String: Any]) ?? [:]
                // Every refusal declared has the one error body (SPEC §10 v3), 401 included.
                for (status, response) in responses where status.hasPrefix("4") {
                    let schema = (((response as? [String: Any])?["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any]
                    #expect(schema?["$ref"] as? String == "#/components/schemas/Errors", "\(method) \(path) \(status)")
                }
                #expect(responses["401"] != nil, "\(method) \(path) declares no 401")
                let documented = Set(responses.keys.compactMap(Int.init))
                let url = path.replacingOccurrences(of: "{period}", with: "2023-10") + (path.contains("statements") ? "?holder=Helen%20Brandt" : "")
                let body = method == "post" ? (path.hasSuffix("returns") ? "{\"period\": \"2023-11\", \"lines\": []}" : "{\"period\": \"2023-10\"}") : nil
                for headers in [auth, [:]] {
                    let r = try await f.request(method.uppercased(), url, json: body, headers: headers)
                    #expect(documented.contains(r.status), "\(method) \(path) answered \(r.status), which the description does not list")
                }
            }
        }
    }

    @Test("a trusted single sign-on header names the user (only when switched on), and writes still need the CSRF token")
    func trustedHeader() async throws {
        let off = try await PortalFixture()
        #expect(try await off.request("GET", "/statement", headers: ["X-Remote-User": "helen"]).status == 303)
        let f = try await PortalFixture(trustedHeader: "X-Remote-User")
        let page = try await f.request("GET", "/statement?period=2023-10", headers: ["X-Remote-User": "helen"])
        #expect(page.status == 200 && page.body.contains("Helen Brandt"))
        #expect(try await f.request("GET", "/statement", headers: ["X-Remote-User": "nobody"]).status == 403)
        #expect(try await f.request("POST", "/sign-off", form: [("period", "2023-10")], headers: ["X-Remote-User": "helen"]).status == 403)
        // No session and no sign-in line per request: one sign-in line per login and address an hour.
        let logins = { try f.service.read { try $0.db.scalar("SELECT count(*) FROM auth_events WHERE event = 'login'") } }
        let before = try logins()
        for _ in 0..<5 { _ = try await f.request("GET", "/statement?period=2023-10", headers: ["X-Remote-User": "helen"]) }
        #expect(try logins() == before)
        #expect(try f.service.read { try $0.db.scalar("SELECT count(*) FROM sessions") } == 0)
        // The page's CSRF token is the trusted user's own: a sign-off with it goes through.
        let token = Credentials.csrfToken(session: f.portal.signIns.trustedSecret(for: "helen"))
        let signed = try await f.request(
            "POST", "/api/v1/sign-offs", json: "{\"period\": \"2023-10\"}", headers: ["X-Remote-User": "helen", "X-CSRF-Token": token])
        #expect(signed.status == 201, "\(signed.body)")
    }

    @Test("behind a reverse proxy the client's address comes from --client-address-header, believed only from loopback; HEAD is GET without a body")
    func clientAddressBehindProxy() async throws {
        let f = try await PortalFixture(clientAddressHeader: "X-Forwarded-For")
        func login(_ password: String, from address: String) async throws -> Int {
            try await f.request("POST", "/login", form: [("login", "helen"), ("password", password)], headers: ["X-Forwarded-For": "10.9.9.9, \(address)"]).status
        }
        for _ in 0..<10 { #expect(try await login("wrong", from: "198.51.100.7") == 401) }
        // That person's address is refused; everyone else behind the same proxy is not.
        #expect(try await login(PortalFixture.password, from: "198.51.100.7") == 429)
        #expect(try await login(PortalFixture.password, from: "198.51.100.8") == 303)
        let events = try f.service.read { try $0.people.authEvents() }
        #expect(events.contains { $0.address == "198.51.100.7" } && !events.contains { $0.address == "10.9.9.9" })
        // HEAD answers as GET does, with no body.
        let head = try await f.request("HEAD", "/login")
        #expect(head.status == 200 && head.data.isEmpty)
        // The sign-in form is read only up to 16 KiB.
        let big = try await f.request("POST", "/login", form: [("login", "helen"), ("password", String(repeating: "x", count: 20_000))])
        #expect(big.status == 413)
    }

    @Test("a full disk is said as such (503, nothing written), not 'something went wrong'; every answer refuses framing, and HSTS comes with --secure-cookies")
    func fullDiskAndHeaders() async throws {
        let f = try await PortalFixture()
        let fbp = try await f.signIn("fbp.people")
        let page = try await f.request("GET", "/board?period=2023-10", cookie: fbp.cookie)
        #expect(page.header("X-Frame-Options") == "DENY" && page.header("Strict-Transport-Security") == nil)
        let before = try f.returnLineCount()
        try f.service.write { ledger in
            let pages = try ledger.db.scalar("PRAGMA page_count")
            try ledger.db.execute("PRAGMA max_page_count = \(pages)")
        }
        var lines: [String] = []
        for i in 0..<9 { lines.append("{\"ref\": \"PEO-0\(1 + i % 9)\", \"year\": \"2023/24\", \"delivered_to_date\": 0, \"forecast\": \(i), \"rag\": \"G\", \"comment\": \"\(String(repeating: "x", count: 900))\"}") }
        let full = try await f.request(
            "POST", "/api/v1/returns", cookie: fbp.cookie, json: "{\"period\": \"2023-11\", \"lines\": [\(lines.joined(separator: ", "))]}",
            headers: ["X-CSRF-Token": fbp.csrf])
        #expect(full.status == 503 && full.body.contains("disk that holds the ledger is full"), "\(full.status) \(full.body)")
        #expect(try f.returnLineCount() == before)

        let secure = try await PortalFixture(secureCookies: true)
        let login = try await secure.request("GET", "/login")
        #expect(login.header("Strict-Transport-Security")?.hasPrefix("max-age=") == true && login.header("X-Frame-Options") == "DENY")
    }

    @Test("the sign-in throttle says nothing of which logins exist, and strangers cannot lock a real user out")
    func throttleIsNoOracle() async throws {
        let f = try await PortalFixture()
        /// The answer a sign-in gets: "ok", or its status and sentence.
        func answer(_ login: String, _ password: String, from address: String) async -> String {
            do {
                _ = try await f.portal.signIns.signIn(login: login, password: password, address: address, previous: nil)
                return "ok"
            } catch let e as HTTPFailure {
                return "\(e.status.code) \(e.message)"
            } catch { return "\(error)" }
        }
        // Ten failures for made-up names from one address (the review's oracle): that address is refused
        // for every login, known or not, with the same answer...
        for i in 0..<10 { _ = await answer("ghost\(i)", "guess", from: "192.0.2.1") }
        let refusedUnknown = await answer("ghost-new", "guess", from: "192.0.2.1")
        let refusedKnown = await answer("helen", "guess", from: "192.0.2.1")
        #expect(refusedUnknown.hasPrefix("429") && refusedUnknown == refusedKnown, "\(refusedUnknown) / \(refusedKnown)")
        // ...and from a fresh address an unknown login and a real one get the same answer too.
        let unknown = await answer("ghost-new", "guess", from: "192.0.2.2")
        let known = await answer("helen", "guess", from: "192.0.2.3")
        #expect(unknown.hasPrefix("401") && unknown == known, "\(unknown) / \(known)")

        // One made-up login and one real one, each failed twelve times from four addresses: the same answers again.
        for i in 0..<12 {
            _ = await answer("nobody", "guess", from: "198.51.100.\(i % 4)")
            _ = await answer("sanjay", "guess", from: "198.51.100.\(i % 4)")
        }
        let lockedUnknown = await answer("nobody", "guess", from: "198.51.100.1")
        let lockedKnown = await answer("sanjay", "guess", from: "198.51.100.1")
        #expect(lockedUnknown.hasPrefix("429") && lockedUnknown == lockedKnown, "\(lockedUnknown) / \(lockedKnown)")
        let cleanUnknown = await answer("nobody", "guess", from: "203.0.113.9")
        let cleanKnown = await answer("sanjay", "guess", from: "203.0.113.8")
        #expect(cleanUnknown.hasPrefix("401") && cleanUnknown == cleanKnown, "\(cleanUnknown) / \(cleanKnown)")
        // Sanjay, locked out by strangers, still signs in with his password from his own machine;
        // an address that has failed at his login three times stays refused, even with the right password.
        #expect(await answer("sanjay", PortalFixture.password, from: "203.0.113.50") == "ok")
        #expect(await answer("sanjay", PortalFixture.password, from: "198.51.100.2").hasPrefix("429"))
        // A locked login's owner may mistype twice from their own machine before it refuses them too.
        #expect(await answer("sanjay", "typo", from: "203.0.113.60").hasPrefix("401"))
        #expect(await answer("sanjay", "typo", from: "203.0.113.60").hasPrefix("401"))
        #expect(await answer("sanjay", PortalFixture.password, from: "203.0.113.60") == "ok")
        // Tries from a refused address with ever new made-up logins do not grow the chained log.
        let rows = { try f.service.read { try $0.db.scalar("SELECT count(*) FROM auth_events") } }
        let beforeRefused = try rows()
        for i in 0..<20 { _ = await answer("fresh\(i)", "guess", from: "192.0.2.1") }
        #expect(try rows() <= beforeRefused + 1)
        // Made-up logins are logged by a hash, never as typed.
        let logged = try f.service.read { try $0.people.authEvents().map(\.login) }
        #expect(!logged.contains { $0.contains("ghost") || $0 == "nobody" } && logged.contains { $0.hasPrefix("(unknown login ") })
    }

    @Test("who may sign is the chain's: a binding changed in the file to sign another's statement and put back is caught by verify; a session or token written into the file grants nothing")
    func peopleInTheChain() async throws {
        let f = try await PortalFixture()
        let path = f.dir.path("portal.sqlite")
        let cli = CLI()
        let clean = try cli.run(["verify", "--ledger", path])
        #expect(clean.status == 0, "\(clean.out)")
        let anchor = try #require(clean.out.split(separator: "\n").first { $0.hasPrefix("Head: ") }.map { String($0.dropFirst(6)) })

        // helen is bound to Sanjay Patel in the file, signs his statement in the portal, and the row is put back.
        try HistoryTests.tamper(path, "UPDATE user_changes SET holder = 'Sanjay Patel' WHERE login = 'helen'")
        let helen = try await f.signIn("helen")
        let signed = try await f.request(
            "POST", "/api/v1/sign-offs", cookie: helen.cookie, json: "{\"period\": \"2023-10\"}", headers: ["X-CSRF-Token": helen.csrf])
        #expect(signed.status == 201, "\(signed.body)")
        try HistoryTests.tamper(path, "UPDATE user_changes SET holder = 'Helen Brandt' WHERE login = 'helen'")
        for extra in [[], ["--anchor", anchor]] {
            let r = try cli.run(["verify", "--ledger", path] + extra)
            #expect(r.status == 4, "\(r.out)")
            #expect(r.out.contains("of Sanjay Patel's statement was made in the portal by helen, whose account was then bound to Helen Brandt"), "\(r.out)")
        }
        // Her role changed in the file: the scope policy says a finance account signs nothing.
        try HistoryTests.tamper(path, "UPDATE user_changes SET role = 'finance' WHERE login = 'helen'")
        let asFinance = try cli.run(["verify", "--ledger", path])
        #expect(asFinance.status == 4, "\(asFinance.out)")
        #expect(asFinance.out.contains("by helen, whose account was then a finance account, not a holder's"), "\(asFinance.out)")

        // A live session for the CFO written into the file, and a token: neither lets anyone in.
        let g = try await PortalFixture()
        let gPath = g.dir.path("portal.sqlite")
        let now = g.clock.now
        try HistoryTests.tamper(
            gPath,
            "INSERT INTO sessions(id_hash, login, created_at, last_seen) VALUES ('\(Credentials.digest("s_forged"))', 'cfo', \(now), \(now))")
        #expect(try await g.request("GET", "/summary", cookie: "s_forged").status == 303)
        let forgedSession = try cli.run(["verify", "--ledger", gPath])
        #expect(forgedSession.status == 4 && forgedSession.out.contains("a live session for cfo was not begun by a sign-in"), "\(forgedSession.out)")
        try HistoryTests.tamper(gPath, "INSERT INTO tokens(login, token_hash, created_at, actor) VALUES ('cfo', '\(Credentials.digest("mtfs_forged"))', 'x', 'x')")
        let forgedToken = try cli.run(["verify", "--ledger", gPath])
        #expect(forgedToken.status == 4 && forgedToken.out.contains("of tokens is not in the record chain"), "\(forgedToken.out)")
        // A session that really signed in, with its login changed in the file to the CFO's, grants nothing.
        let h = try await PortalFixture()
        let own = try await h.signIn("helen")
        try HistoryTests.tamper(h.dir.path("portal.sqlite"), "UPDATE sessions SET login = 'cfo'")
        #expect(try await h.request("GET", "/summary", cookie: own.cookie).status == 303)

        // A session ended by a new password, revived in the file, stays dead, and verify names it.
        let k = try await PortalFixture()
        let kPath = k.dir.path("portal.sqlite")
        let old = try await k.signIn("cfo")
        #expect(try await k.request("GET", "/summary", cookie: old.cookie).status == 200)
        try k.service.write { try $0.people.setPassword("cfo", passwordHash: try Credentials.hashPassword("another long password"), by: "admin", at: k.clock.now) }
        #expect(try await k.request("GET", "/summary", cookie: old.cookie).status == 303)
        try HistoryTests.tamper(kPath, "UPDATE sessions SET ended = NULL, last_seen = \(k.clock.now)")
        #expect(try await k.request("GET", "/summary", cookie: old.cookie).status == 303)
        let revived = try cli.run(["verify", "--ledger", kPath])
        #expect(revived.status == 4 && revived.out.contains("a session of cfo that the chained log ended is live again"), "\(revived.out)")
        // A session and its sign-in inserted with plain SQL (no trigger touched, no record): refused too.
        let m = try await PortalFixture()
        try HistoryTests.tamper(
            m.dir.path("portal.sqlite"),
            """
            INSERT INTO sessions(id_hash, login, created_at, last_seen) VALUES ('\(Credentials.digest("s_plain"))', 'cfo', \(m.clock.now), \(m.clock.now));
            INSERT INTO auth_events(at, event, login, address, detail, actor, session) VALUES (\(m.clock.now), 'login', 'cfo', '', '', 'cfo', '\(Credentials.digest("s_plain"))');
            """)
        #expect(try await m.request("GET", "/summary", cookie: "s_plain").status == 303)

        // A trigger added in the file to rewrite a failed sign-in into the CFO's sign-in, with a session
        // to match, as mtfs chains it: nothing is written through a schema mtfs did not make.
        let t = try await PortalFixture()
        let tPath = t.dir.path("portal.sqlite")
        let forged = Credentials.digest("s_trigger")
        try Database(path: tPath, create: false).execute(
            """
            CREATE TRIGGER zz AFTER INSERT ON auth_events WHEN NEW.event = 'login failed' BEGIN
              UPDATE auth_events SET event = 'login', login = 'cfo', actor = 'cfo', session = '\(forged)' WHERE id = NEW.id;
              INSERT INTO sessions VALUES ('\(forged)', 'cfo', NEW.at, NEW.at, NULL);
            END;
            """)
        let attempt = try await t.request("POST", "/login", form: [("login", "nobody"), ("password", "guess")])
        #expect(attempt.status == 500 && attempt.body.contains("integrity check") && !attempt.body.contains(tPath), "\(attempt.status) \(attempt.body)")
        try Database(path: tPath, create: false).execute("DROP TRIGGER zz")
        #expect(try await t.request("GET", "/summary", cookie: "s_trigger").status == 303)
        #expect(try cli.run(["verify", "--ledger", tPath]).status == 0)
        // A token and a user row inserted beside the chain let no one in.
        let u = try await PortalFixture()
        let uPath = u.dir.path("portal.sqlite")
        try Database(path: uPath, create: false).execute(
            """
            INSERT INTO tokens(login, token_hash, created_at, actor) VALUES ('cfo', '\(Credentials.digest("mtfs_beside"))', 'x', 'x');
            INSERT INTO user_changes(login, name, role, holder, directorate, password_hash, disabled, change, recorded_at, actor)
              VALUES ('helen', 'Helen Brandt', 'admin', NULL, NULL, '\(try Credentials.hashPassword("another long password"))', 0, 'x', 'x', 'x');
            """)
        #expect(try await u.request("GET", "/api/v1/positions", headers: ["Authorization": "Bearer mtfs_beside"]).status == 401)
        #expect(try await u.request("POST", "/login", form: [("login", "helen"), ("password", "another long password")]).status == 401)
        #expect(try await u.request("POST", "/login", form: [("login", "helen"), ("password", PortalFixture.password)]).status == 303)
    }

    @Test("what a hostile review found: a bad row count, a huge login, the CFO uploading, cross-site forms, parallel guessing, a proposal twice, every bad API line")
    func hostileReview() async throws {
        let f = try await PortalFixture()
        let helen = try await f.signIn("helen")
        // A negative row count is no rows: nothing to post (and the server stays up).
        let negative = try await f.request(
            "POST", "/return", cookie: helen.cookie, form: [("csrf", helen.csrf), ("period", "2023-10"), ("rows", "-5"), ("action", "post")])
        let alive = try await f.request("GET", "/statement", cookie: helen.cookie)
        #expect(negative.status == 422 && alive.status == 200)
        // The same proposal twice in one form is refused, nothing written.
        let before = (try f.journalCount(), try f.returnLineCount())
        let twice = try await f.request(
            "POST", "/return", cookie: helen.cookie,
            form: [
                ("csrf", helen.csrf), ("period", "2023-10"), ("rows", "2"), ("ref_0", "PEO-07"), ("year_0", "2023/24"), ("delivered_to_date_0", "230000"),
                ("ref_1", "PEO-07"), ("year_1", "2023/24"), ("delivered_to_date_1", "240000"), ("action", "post"),
            ])
        #expect(twice.status == 422 && twice.body.contains("in this form twice"))
        // Every bad field of a row is named, not just the first.
        let fields = try await f.request(
            "POST", "/return", cookie: helen.cookie,
            form: [
                ("csrf", helen.csrf), ("period", "2023-10"), ("rows", "1"), ("ref_0", "PEO-07"), ("year_0", "2023/24"), ("delivered_to_date_0", "lots"),
                ("forecast_0", "1000"), ("rag_0", "Purple"), ("action", "preview"),
            ])
        #expect(fields.status == 422 && fields.body.contains("delivered_to_date_0_error") && fields.body.contains("rag_0_error"))
        #expect((try f.journalCount(), try f.returnLineCount()) == before)
        // A 2 MB "login" is refused without storing it.
        let huge = String(repeating: "A", count: 2_000_000)
        #expect(try await f.request("POST", "/login", form: [("login", huge), ("password", "x")]).status == 413)
        #expect(try await f.request("POST", "/login", form: [("login", String(repeating: "A", count: 1_000)), ("password", "x")]).status == 401)
        let longest = try f.service.read { try $0.db.scalar("SELECT max(length(login)) FROM auth_events") }
        #expect(longest <= 64)
        // A password typed into the login box is logged only by a hash.
        _ = try await f.request("POST", "/login", form: [("login", "my secret password"), ("password", "x")])
        #expect(try f.service.read { try $0.people.authEvents() }.allSatisfy { !$0.login.contains("secret") })
        // The CFO reads: no uploads.
        let cfo = try await f.signIn("cfo")
        #expect(try await f.request("GET", "/upload", cookie: cfo.cookie).status == 403)
        // A form from another site is refused, sign-in included.
        #expect(try await f.request("POST", "/login", form: [("login", "helen"), ("password", PortalFixture.password)], headers: ["Origin": "http://evil.example"]).status == 403)
        #expect(try await f.request("POST", "/login", form: [("login", "helen"), ("password", PortalFixture.password)], headers: ["Sec-Fetch-Site": "cross-site"]).status == 403)
        // Unknown pages and methods are 404 and 405, not 500.
        #expect(try await f.request("GET", "/favicon.ico").status == 404)
        let put = try await f.request("PUT", "/statement", cookie: helen.cookie, headers: ["X-CSRF-Token": helen.csrf])
        #expect(put.status == 405 && put.header("Allow") == "GET", "\(put.status)")
        #expect(try await f.request("POST", "/api/v1/positions", cookie: helen.cookie, headers: ["X-CSRF-Token": helen.csrf]).status == 405)
        // A holder's API sign-off naming someone else signs nothing.
        #expect(
            try await f.request("POST", "/api/v1/sign-offs", cookie: helen.cookie, json: "{\"period\": \"2023-10\", \"holder\": \"Sanjay Patel\"}", headers: ["X-CSRF-Token": helen.csrf]).status == 403)
        // Finance cannot tell an unknown holder from another directorate's.
        let fbp = try await f.signIn("fbp.people")
        #expect(try await f.request("GET", "/statement?period=2023-10&holder=Nobody%20Atall", cookie: fbp.cookie).status == 403)
        // Every bad API line: unknown refs and years outside the MTFS as well as unreadable figures.
        let bad = try await f.request(
            "POST", "/api/v1/returns", cookie: fbp.cookie,
            json: """
                {"period": "2023-11", "lines": [{"ref": "NOPE-1", "year": "2023/24", "delivered_to_date": 1},
                  {"ref": "PEO-07", "year": "2031/32", "delivered_to_date": 1}, {"ref": "PEO-09", "year": "2023/24", "delivered_to_date": "x"}]}
                """, headers: ["X-CSRF-Token": fbp.csrf])
        let errors = (try JSONSerialization.jsonObject(with: bad.data) as? [String: Any])?["errors"] as? [String] ?? []
        #expect(bad.status == 422 && errors.count == 3, "\(errors)")

        // A forecast past what the ledger takes is refused at the door (422, its field named); one as
        // large as it takes cannot overflow the arithmetic of any page.
        let tooLarge = try await f.request(
            "POST", "/api/v1/returns", cookie: fbp.cookie,
            json: "{\"period\": \"2023-10\", \"lines\": [{\"ref\": \"PEO-08\", \"year\": \"2023/24\", \"delivered_to_date\": 250000, \"forecast\": \"9999999999999.99\", \"rag\": \"B\"}]}",
            headers: ["X-CSRF-Token": fbp.csrf])
        #expect(tooLarge.status == 422 && tooLarge.body.contains("lines[0].forecast") && tooLarge.body.contains("larger than the £1,000,000,000"), "\(tooLarge.body)")
        let hugeForecast = try await f.request(
            "POST", "/api/v1/returns", cookie: fbp.cookie,
            json: "{\"period\": \"2023-10\", \"lines\": [{\"ref\": \"PEO-08\", \"year\": \"2023/24\", \"delivered_to_date\": 250000, \"forecast\": \"1000000000.00\", \"rag\": \"B\"}]}",
            headers: ["X-CSRF-Token": fbp.csrf])
        #expect(hugeForecast.status == 200, "\(hugeForecast.body)")
        for page in ["/board?period=2023-10", "/summary", "/download?report=summary&format=csv", "/findings"] {
            let afterHuge = try await f.request("GET", page, cookie: fbp.cookie)
            #expect(afterHuge.status == 200 || afterHuge.status == 403, "\(page): \(afterHuge.status)")
        }
        // A body over the limit is 413, not 500.
        var big = URLRequest(url: URL(string: f.base + "/login")!)
        big.httpMethod = "POST"
        big.httpBody = Data(count: 9 << 20)
        let (_, bigResponse) = try await f.session.data(for: big)
        #expect((bigResponse as! HTTPURLResponse).statusCode == 413)

        // Parallel guesses cannot all slip under the limit: at most 10 passwords are checked.
        f.clock.advance(16 * 60)
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for i in 0..<40 { group.addTask { try await f.request("POST", "/login", form: [("login", "sanjay"), ("password", "guess\(i)")]).status } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.filter { $0 == 401 }.count <= 10 && statuses.filter { $0 == 429 }.count >= 30, "\(statuses)")
    }
}
