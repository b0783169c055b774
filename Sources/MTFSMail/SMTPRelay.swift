import CCurl
import Foundation

/// The council's mail relay, reached through libcurl's SMTP (SPEC §11): one connection per message,
/// STARTTLS required unless the council says otherwise, a login from the environment only.
public struct SMTPRelay: Sendable {
    /// Where the relay is: `smtp://host:port` (STARTTLS) or `smtps://host:port` (TLS from the start).
    public var url: String
    /// Send in clear when the relay offers no STARTTLS (a relay on the same host, or a test's).
    public var insecure = false
    /// The login, when the relay asks for one (from `MTFS_SMTP_USER` / `MTFS_SMTP_PASSWORD`).
    public var user: String?
    public var password: String?
    /// Seconds to wait for the relay to answer before the send counts as failed.
    public var timeoutSeconds = 30

    public init(url: String, insecure: Bool = false, user: String? = nil, password: String? = nil) {
        self.url = url
        self.insecure = insecure
        self.user = user
        self.password = password
    }

    /// Reads `--smtp`: an smtp:// or smtps:// URL with a host (and a port, else 25 or 465), nothing more.
    public static func parse(_ text: String) -> Result<String, MailError> {
        // The URL is never repeated back: a login typed into it would be shown again. A host is
        // letters, digits, dots and hyphens, or an IPv6 address in brackets: nothing percent-encoded,
        // no `@` or `:` that could carry a login past the check.
        let refusal = MailError.setUp(
            "--smtp: expected the relay as smtp://HOST:PORT (or smtps://HOST:PORT), with no login, path or query in it (the login comes from MTFS_SMTP_USER and MTFS_SMTP_PASSWORD)")
        guard !text.contains("%"), !text.contains("@"), let c = URLComponents(string: text), let scheme = c.scheme?.lowercased(),
            scheme == "smtp" || scheme == "smtps", let raw = c.host, c.user == nil, c.password == nil, c.query == nil, c.fragment == nil,
            c.path.isEmpty || c.path == "/"
        else { return .failure(refusal) }
        let v6 = raw.hasPrefix("[") || raw.contains(":")
        let host = raw.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        let allowed = v6 ? Set("0123456789abcdefABCDEF:.") : Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
        guard !host.isEmpty, host.count <= 253, host.allSatisfy(allowed.contains) else { return .failure(refusal) }
        if let port = c.port, !(1...65535).contains(port) { return .failure(.setUp("--smtp: expected a port 1 to 65535, found \(port)")) }
        return .success("\(scheme)://\(v6 ? "[\(host)]" : host):\(c.port ?? (scheme == "smtps" ? 465 : 25))")
    }

    /// What the relay said.
    public struct Answer: Sendable, Hashable {
        public var accepted: Bool
        /// The relay's last reply ("250 2.0.0 Ok: queued as …"), or what went wrong on the way.
        public var text: String
        /// The relay could not be reached or did not answer in time (not a refusal of its own).
        public var unanswered = false

        public init(accepted: Bool, text: String, unanswered: Bool = false) {
            self.accepted = accepted
            self.text = text
            self.unanswered = unanswered
        }
    }

    /// Sends one message (its bytes, RFC 5322 with CRLF line ends) from `from` to `to`.
    /// Never throws: a refusal or a dropped connection is an answer that was not accepted.
    public func send(from: String, to: [String], message: [UInt8]) -> Answer {
        CurlGlobal.once
        guard let curl = curl_easy_init() else { return Answer(accepted: false, text: "libcurl could not start a transfer") }
        defer { curl_easy_cleanup(curl) }
        var recipients: UnsafeMutablePointer<curl_slist>?
        for r in to { recipients = curl_slist_append(recipients, "<\(r)>") }
        defer { curl_slist_free_all(recipients) }
        let state = TransferState(message: message)
        let box = Unmanaged.passRetained(state)
        defer { box.release() }
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        defer { errorBuffer.deallocate() }
        let ssl: Int = insecure ? Int(CURLUSESSL_NONE.rawValue) : Int(CURLUSESSL_ALL.rawValue)
        _ = mtfs_curl_set_string(curl, CURLOPT_URL, url)
        _ = mtfs_curl_set_string(curl, CURLOPT_MAIL_FROM, "<\(from)>")
        _ = mtfs_curl_set_list(curl, CURLOPT_MAIL_RCPT, recipients)
        _ = mtfs_curl_set_long(curl, CURLOPT_USE_SSL, ssl)
        _ = mtfs_curl_set_long(curl, CURLOPT_UPLOAD, 1)
        _ = mtfs_curl_set_long(curl, CURLOPT_NOSIGNAL, 1)
        _ = mtfs_curl_set_long(curl, CURLOPT_CONNECTTIMEOUT, 10)
        _ = mtfs_curl_set_long(curl, CURLOPT_TIMEOUT, timeoutSeconds)
        // Only SMTP: a URL of another scheme is never followed.
        _ = mtfs_curl_set_string(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps")
        if let user { _ = mtfs_curl_set_string(curl, CURLOPT_USERNAME, user) }
        if let password { _ = mtfs_curl_set_string(curl, CURLOPT_PASSWORD, password) }
        _ = mtfs_curl_set_pointer(curl, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorBuffer))
        _ = mtfs_curl_set_pointer(curl, CURLOPT_READDATA, box.toOpaque())
        _ = mtfs_curl_set_read(curl, readMessage)
        // The relay's replies, to say what it answered (the transfer's own log otherwise goes nowhere).
        _ = mtfs_curl_set_pointer(curl, CURLOPT_DEBUGDATA, box.toOpaque())
        _ = mtfs_curl_set_debug(curl, keepReplies)
        _ = mtfs_curl_set_long(curl, CURLOPT_VERBOSE, 1)
        let code = curl_easy_perform(curl)
        var reply = 0
        mtfs_curl_response_code(curl, &reply)
        let last = state.lastReply.trimmingCharacters(in: .whitespacesAndNewlines)
        if code == CURLE_OK { return Answer(accepted: true, text: last.isEmpty ? "\(reply)" : last) }
        let why = String(cString: errorBuffer).trimmingCharacters(in: .whitespacesAndNewlines)
        let detail = why.isEmpty ? String(cString: curl_easy_strerror(code)) : why
        // The relay's own words when it refused; else what libcurl saw (a dropped connection, a timeout).
        let text: String
        if let refusal = state.refusal {
            text = "\(refusal) (\(detail))"
        } else if code == CURLE_RECV_ERROR || code == CURLE_GOT_NOTHING || code == CURLE_SEND_ERROR {
            text = "the connection was dropped before the relay accepted the message (\(detail))"
        } else {
            text = detail
        }
        let unanswered = state.refusal == nil && [CURLE_COULDNT_CONNECT, CURLE_OPERATION_TIMEDOUT, CURLE_COULDNT_RESOLVE_HOST].contains(code)
        return Answer(accepted: false, text: String(text.prefix(300)), unanswered: unanswered)
    }
}

/// The errors of setting up a send (a bad URL or address): said before anything is sent.
public enum MailError: Error, Sendable, Hashable {
    case setUp(String)

    public var message: String {
        switch self { case .setUp(let m): m }
    }
}

/// libcurl's global set-up, once per process, before any transfer.
private enum CurlGlobal {
    static let once: Void = { _ = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()
}

/// What one transfer reads from and writes to: the message's bytes and the relay's last reply.
private final class TransferState {
    let message: [UInt8]
    var sent = 0
    var lastReply = ""
    /// The first reply that refused something (4xx or 5xx): what the relay said no to.
    var refusal: String?

    init(message: [UInt8]) { self.message = message }
}

/// libcurl asks for the next piece of the message.
private func readMessage(_ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ data: UnsafeMutableRawPointer?) -> Int {
    guard let buffer, let data else { return 0 }
    let state = Unmanaged<TransferState>.fromOpaque(data).takeUnretainedValue()
    let n = min(size * count, state.message.count - state.sent)
    guard n > 0 else { return 0 }
    state.message.withUnsafeBytes { bytes in
        UnsafeMutableRawPointer(buffer).copyMemory(from: bytes.baseAddress! + state.sent, byteCount: n)
    }
    state.sent += n
    return n
}

/// libcurl's log: the relay's replies (header-in lines) are kept, the last one answers for the send.
private func keepReplies(_ curl: UnsafeMutableRawPointer?, _ type: curl_infotype, _ text: UnsafeMutablePointer<CChar>?, _ size: Int, _ data: UnsafeMutableRawPointer?) -> Int32 {
    guard type == CURLINFO_HEADER_IN, let text, let data else { return 0 }
    let state = Unmanaged<TransferState>.fromOpaque(data).takeUnretainedValue()
    let line = String(decoding: UnsafeRawBufferPointer(start: text, count: size), as: UTF8.self)
    // Multi-line replies ("250-…") end with "250 …": keep each, the final line stands.
    state.lastReply = line.filter { !$0.isNewline && ($0.asciiValue.map { $0 >= 32 } ?? true) }
    if state.refusal == nil, let first = state.lastReply.first, first == "4" || first == "5" { state.refusal = state.lastReply }
    return 0
}
