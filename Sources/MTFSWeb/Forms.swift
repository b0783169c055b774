import Foundation
import MTFSDomain

/// A submitted form: `application/x-www-form-urlencoded` fields, or `multipart/form-data` fields
/// and files (an upload). Our own small parsers: the fields a page needs, nothing executed.
public struct Form: Sendable {
    public var fields: [String: String] = [:]
    public var files: [String: (name: String, bytes: [UInt8])] = [:]

    public init(fields: [String: String] = [:]) { self.fields = fields }

    public subscript(_ name: String) -> String? { fields[name] }

    /// `a=1&b=two+words&c=%C2%A3` as fields (the last of a repeated name wins).
    public static func urlEncoded(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = decode(parts[0])
            out[key] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return out
    }

    /// Every value of a repeated query name (`code=DC04&code=DC05`).
    public static func all(_ name: String, in text: String) -> [String] {
        text.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return decode(parts[0]) == name && parts.count > 1 ? decode(parts[1]) : nil
        }
    }

    static func decode(_ s: Substring) -> String {
        let plus = s.replacingOccurrences(of: "+", with: " ")
        return plus.removingPercentEncoding ?? plus
    }

    /// Parses a body by its content type; a malformed body is nil.
    public static func parse(body: [UInt8], contentType: String?) -> Form? {
        let type = (contentType ?? "").lowercased()
        if type.hasPrefix("multipart/form-data") {
            guard let range = contentType!.range(of: "boundary=", options: .caseInsensitive) else { return nil }
            var boundary = String(contentType![range.upperBound...])
            if let semi = boundary.firstIndex(of: ";") { boundary = String(boundary[..<semi]) }
            boundary = boundary.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
            return multipart(body, boundary: boundary)
        }
        guard let text = String(validating: body, as: UTF8.self) else { return nil }
        return Form(fields: urlEncoded(text))
    }

    /// RFC 7578: parts separated by `--boundary`, each with headers, a blank line and its bytes.
    static func multipart(_ body: [UInt8], boundary: String) -> Form? {
        guard !boundary.isEmpty, boundary.count <= 200 else { return nil }
        let delimiter = Array(("--" + boundary).utf8)
        var form = Form()
        var starts: [Int] = []
        var i = 0
        while let found = find(delimiter, in: body, from: i) {
            starts.append(found)
            i = found + delimiter.count
        }
        guard starts.count >= 2 else { return nil }
        for (a, b) in zip(starts, starts.dropFirst()) {
            var partStart = a + delimiter.count
            // Skip the CRLF after the delimiter.
            if partStart + 1 < body.count && body[partStart] == 13 && body[partStart + 1] == 10 { partStart += 2 }
            var partEnd = b
            if partEnd >= 2 && body[partEnd - 2] == 13 && body[partEnd - 1] == 10 { partEnd -= 2 }
            guard partStart <= partEnd, let split = find([13, 10, 13, 10], in: body, from: partStart), split <= partEnd else { continue }
            let headers = String(decoding: body[partStart..<split], as: UTF8.self)
            let content = Array(body[(split + 4)..<partEnd])
            guard let disposition = headers.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }),
                let name = parameter("name", in: String(disposition))
            else { continue }
            if let file = parameter("filename", in: String(disposition)) {
                form.files[name] = (file, content)
            } else {
                form.fields[name] = String(decoding: content, as: UTF8.self)
            }
        }
        return form
    }

    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";") {
            let t = piece.trimmingCharacters(in: .whitespaces)
            if t.lowercased().hasPrefix(key + "=") {
                return String(t.dropFirst(key.count + 1)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        ByteSearch.find(needle, in: haystack, from: start)
    }
}
