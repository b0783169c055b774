import Foundation

/// A report's JSON, encoded from its own type (`Encodable`): indented, keys sorted (the same bytes
/// on every run: Foundation's encoder on Linux does not keep the order a type writes its keys in),
/// and `<`, `>` and `&` escaped so the text is inert even inside an HTML page.
public enum JSONOutput {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return inert(String(decoding: try encoder.encode(value), as: UTF8.self)) + "\n"
    }

    /// JSON text with `<`, `>` and `&` written as escapes. Outside strings JSON has none of them, so
    /// replacing them everywhere changes only strings, and not their meaning.
    public static func inert(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "&") }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for ch in text.unicodeScalars {
            switch ch {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}
