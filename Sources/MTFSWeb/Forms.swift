import Foundation
import MTFSDomain
import MultipartKit

/// A submitted form: `application/x-www-form-urlencoded` fields, or `multipart/form-data` fields
/// and files (an upload). Multipart bodies are split by Vapor's MultipartKit parser (a well-kept
/// state machine, fuzzed by our tests); what we add are the limits, and a refusal, never a trap,
/// for anything malformed.
public struct Form: Sendable {
    public var fields: [String: String] = [:]
    public var files: [String: (name: String, bytes: [UInt8])] = [:]

    public init(fields: [String: String] = [:]) { self.fields = fields }

    public subscript(_ name: String) -> String? { fields[name] }

    /// What one form may hold: a return workbook or CSV is far inside these.
    public enum Limits {
        /// Parts of a multipart body (an upload: a file and a few fields).
        public static let parts = 200
        /// Fields of a URL-encoded body or query. A return form has eleven fields a line, and a
        /// holder may own hundreds of lines (a limit of 200 cut an 18-line form short, silently);
        /// the body's own size cap (1 MiB for a form) bounds the work either way.
        public static let fields = 20_000
        /// Header lines in one part, and the bytes of one header line.
        public static let headersPerPart = 16
        public static let headerBytes = 4096
        /// A field's value (a file may take the whole body, which the server caps at 8 MiB).
        public static let fieldBytes = 1 << 20
        /// A multipart boundary (RFC 2046: at most 70 characters).
        public static let boundary = 70
    }

    /// `a=1&b=two+words&c=%C2%A3` as fields (the last of a repeated name wins).
    public static func urlEncoded(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for pair in text.split(separator: "&", maxSplits: Limits.fields, omittingEmptySubsequences: true).prefix(Limits.fields) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = parts.first else { continue }
            out[decode(name)] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return out
    }

    /// Every value of a repeated query name (`code=DC04&code=DC05`).
    public static func all(_ name: String, in text: String) -> [String] {
        text.split(separator: "&").prefix(Limits.fields).compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let first = parts.first, parts.count > 1, decode(first) == name else { return nil }
            return decode(parts[1])
        }
    }

    static func decode(_ s: Substring) -> String {
        let plus = s.replacingOccurrences(of: "+", with: " ")
        return plus.removingPercentEncoding ?? plus
    }

    /// Parses a body by its content type; a malformed body, or one past the limits, is nil.
    public static func parse(body: [UInt8], contentType: String?) -> Form? {
        let type = contentType ?? ""
        if type.lowercased().hasPrefix("multipart/form-data") {
            guard let boundary = parameter("boundary", in: type) else { return nil }
            return multipart(body, boundary: boundary)
        }
        guard let text = String(validating: body, as: UTF8.self) else { return nil }
        return Form(fields: urlEncoded(text))
    }

    /// RFC 7578 through MultipartKit's parser. The body must close with its final delimiter
    /// (`--boundary--`): a body cut short is refused, not read as what arrived.
    static func multipart(_ body: [UInt8], boundary: String) -> Form? {
        // RFC 2046 §5.1.1: 1 to 70 characters, none of them a control character.
        guard !boundary.isEmpty, boundary.utf8.count <= Limits.boundary,
            boundary.unicodeScalars.allSatisfy({ $0.value >= 32 && $0.value < 127 })
        else { return nil }
        // Counted before parsing: a body of a million empty parts is refused in one pass.
        let delimiter = Array("--\(boundary)".utf8)
        var delimiters = 0
        var from = 0
        while let found = ByteSearch.find(delimiter, in: body, from: from) {
            delimiters += 1
            if delimiters > Limits.parts + 1 { return nil }
            from = found + delimiter.count
        }
        let closing = Array("--\(boundary)--".utf8)
        guard ByteSearch.find(closing, in: body, from: 0) != nil, headerNamesAreASCII(body, boundary: boundary) else { return nil }

        var form = Form()
        var headers: [(String, String)] = []
        var content: [UInt8] = []
        var parts = 0
        var bad = false
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in
            if headers.count >= Limits.headersPerPart || name.utf8.count + value.utf8.count > Limits.headerBytes { bad = true }
            headers.append((name, value))
        }
        parser.onBody = { chunk in
            if content.count + chunk.readableBytes > body.count { bad = true; return }
            content.append(contentsOf: chunk.readableBytesView)
        }
        parser.onPartComplete = {
            defer { headers = []; content = [] }
            parts += 1
            if parts > Limits.parts { bad = true }
            guard !bad,
                let disposition = headers.first(where: { $0.0.lowercased() == "content-disposition" })?.1,
                disposition.lowercased().hasPrefix("form-data"),
                let name = parameter("name", in: disposition)
            else { return }
            if let file = parameter("filename", in: disposition) {
                form.files[name] = (file, content)
            } else {
                guard content.count <= Limits.fieldBytes, let text = String(validating: content, as: UTF8.self) else { bad = true; return }
                form.fields[name] = text
            }
        }
        do { try parser.execute(body) } catch { return nil }
        return bad || parts == 0 ? nil : form
    }

    /// MultipartKit 4.7.1 traps on a byte of 128 or more in a part's header name (its table of
    /// allowed name characters has 128 entries; found by our fuzz test). Header names are ASCII
    /// tokens (RFC 7578, RFC 5322), so such a body is malformed: it is refused here, before the
    /// parser sees it. The check is wider than the parser: every line that could be a header line,
    /// after any `--boundary` CRLF up to the blank line that ends a part's headers, has only ASCII
    /// before its first colon. One pass: a part's header lines are walked once.
    static func headerNamesAreASCII(_ body: [UInt8], boundary: String) -> Bool {
        let start = Array("--\(boundary)\r\n".utf8)
        var from = 0
        while let found = ByteSearch.find(start, in: body, from: from) {
            var i = found + start.count
            var lineStart = true
            var inName = true
            while i < body.count {
                let byte = body[i]
                if byte == 13, i + 1 < body.count, body[i + 1] == 10 {
                    if lineStart { break }  // the blank line: the part's headers end here
                    lineStart = true
                    inName = true
                    i += 2
                    continue
                }
                lineStart = false
                if inName {
                    if byte == 58 { inName = false } else if byte >= 128 { return false }
                }
                i += 1
            }
            // A later delimiter inside the lines just walked begins at one of their line starts,
            // so its lines were checked: search on from where this walk ended.
            from = max(found + 1, i)
        }
        return true
    }

    /// `key=value` or `key="value"` among a header's `;`-separated parameters (the key's case ignored).
    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let t = piece.trimmingCharacters(in: .whitespaces)
            guard let eq = t.firstIndex(of: "="), t[..<eq].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
            var value = t[t.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}
