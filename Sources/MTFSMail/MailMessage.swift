import Foundation
import MTFSDomain

/// One email: plain text with an HTML alternative (RFC 5322 and 2045–2047), as bytes for the relay.
/// Every header value is checked or encoded, so no name, title or address can add a header.
public struct MailMessage: Sendable, Hashable {
    public struct Mailbox: Sendable, Hashable {
        public var name: String
        public var address: String

        public init(name: String, address: String) {
            self.name = name
            self.address = address
        }
    }

    public var from: Mailbox
    public var to: Mailbox
    public var subject: String
    public var text: String
    public var html: String
    /// When it is sent (the Date header), in seconds since 1970.
    public var date: Int64
    /// Unique per message, for the Message-ID header.
    public var id: String

    public init(from: Mailbox, to: Mailbox, subject: String, text: String, html: String, date: Int64, id: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.date = date
        self.id = id
    }

    /// The message as sent: CRLF line ends, each part base64 in lines of 76.
    public var bytes: [UInt8] {
        let boundary = "=_mtfs_" + String(SHA256.hex(bytes: Array((id + subject).utf8)).prefix(24))
        let domain = from.address.split(separator: "@").last.map(String.init) ?? "mtfs.invalid"
        var lines = [
            "From: " + MailMessage.header(from),
            "To: " + MailMessage.header(to),
            "Subject: " + MailMessage.encodedWord(subject),
            "Date: " + MailMessage.dateText(date),
            "Message-ID: <\(id)@\(domain)>",
            "MIME-Version: 1.0",
            "Auto-Submitted: auto-generated",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
            "",
            "This is a message in plain text and HTML.",
        ]
        for (type, body) in [("text/plain", text), ("text/html", html)] {
            lines += ["--\(boundary)", "Content-Type: \(type); charset=utf-8", "Content-Transfer-Encoding: base64", ""]
            lines += MailMessage.base64Lines(body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n"))
        }
        lines += ["--\(boundary)--", ""]
        return Array(lines.joined(separator: "\r\n").utf8)
    }

    /// `Name <address>`. A name with any character that means something in an address
    /// (`()<>[]:;@\,."`) is an encoded word, so it is never read as an address or a group.
    static func header(_ m: Mailbox) -> String {
        guard !m.name.isEmpty else { return "<\(m.address)>" }
        let special = m.name.contains { "()<>[]:;@\\,.\"".contains($0) }
        return "\(encodedWord(m.name, always: special)) <\(m.address)>"
    }

    /// Text for a header: as it is when it is plain printable ASCII, else RFC 2047 base64 words of
    /// whole characters. Control characters (a line break would start a header) become spaces.
    static func encodedWord(_ text: String, always: Bool = false) -> String {
        let clean = String(text.map { $0.isNewline || ($0.asciiValue.map { $0 < 32 || $0 == 127 } ?? false) ? " " : $0 })
        let plain = clean.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 32 } && !clean.contains("=?") && !clean.contains("\"")
            && !clean.contains("<") && !clean.contains(",") && !clean.contains(";") && clean.count <= 70
        if plain && !always { return clean }
        // Words of at most 45 bytes of text (60 base64 characters), split between characters.
        var words: [String] = []
        var chunk: [UInt8] = []
        for ch in clean {
            let b = Array(String(ch).utf8)
            if chunk.count + b.count > 45 {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += b
        }
        if !chunk.isEmpty || words.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words.joined(separator: "\r\n ")
    }

    static func base64Lines(_ text: String) -> [String] {
        let all = Data(text.utf8).base64EncodedString()
        var out: [String] = []
        var i = all.startIndex
        while i < all.endIndex {
            let j = all.index(i, offsetBy: 76, limitedBy: all.endIndex) ?? all.endIndex
            out.append(String(all[i..<j]))
            i = j
        }
        return out
    }

    /// RFC 5322's date, in UTC: `Tue, 14 Nov 2023 07:00:00 +0000`.
    static func dateText(_ seconds: Int64) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return f.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}

