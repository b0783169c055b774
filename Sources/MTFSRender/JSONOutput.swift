import Foundation

/// A report's JSON, encoded from its own type (`Encodable`): indented, keys sorted (the same bytes
/// on every run: Foundation's encoder on Linux does not keep the order a type writes its keys in),
/// and `<`, `>` and `&` escaped so the text is inert even inside an HTML page.
public enum JSONOutput {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(value), as: UTF8.self)
        // Outside strings JSON has no <, > or &: replacing them everywhere only changes strings.
        var out = ""
        out.reserveCapacity(text.utf8.count + 1)
        for ch in text.unicodeScalars {
            switch ch {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out + "\n"
    }
}
