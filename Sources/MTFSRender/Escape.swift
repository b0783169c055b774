import MTFSDomain
import MTFSEngine

/// Escaping for each output format, in one place with its own tests.
public enum Escape {
    /// A CSV cell per RFC 4180, with text that a spreadsheet would run as a formula neutralised by a
    /// leading apostrophe (OWASP's advice for CSV injection). Numbers we format ourselves are not text.
    public static func csv(_ text: String, isNumber: Bool = false) -> String {
        var value = text
        if !isNumber, let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            value = "'" + value
        }
        return CSVFile.quote(value)
    }

    /// Text safe in HTML element content and in double- or single-quoted attribute values.
    public static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            // Control characters (an escape sequence pasted into a comment) are not text: shown as �.
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\u{FFFD}"
            // Bidirectional overrides would show text in another order than it is: shown as �.
            case _ where scalar.reordersText: out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Text safe inside a Markdown table cell: pipes, backslashes, line breaks and inline markup
    /// (strike-through's `~` too) escaped.
    public static func markdown(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "|", "\\", "*", "_", "`", "[", "]", "<", ">", "#", "~":
                out.append("\\")
                out.append(character)
            case "\n", "\r\n", "\r": out += " "
            case _ where character.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F }: out += "\u{FFFD}"
            // Bidirectional overrides would show text in another order than it is, as in HTML.
            case _ where character.unicodeScalars.contains(where: \.reordersText): out += "\u{FFFD}"
            default: out.append(character)
            }
        }
        return out
    }

    /// Plain text for a reader other than a terminal (an email's text part): line breaks and tabs
    /// kept, every other control character and each character that reverses the direction of text
    /// shown as � (as ``html(_:)`` shows them), so typed text cannot drive the reader's display.
    public static func plainText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\t" {
                out.unicodeScalars.append(scalar)
            } else if scalar.properties.generalCategory == .control || scalar.reordersText {
                out += "\u{FFFD}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Text for a terminal: control characters (which could move the cursor or recolour the screen)
    /// shown as visible escapes, line breaks as spaces.
    public static func terminal(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                out += " "
            } else if scalar.properties.generalCategory == .control || scalar.reordersText {
                // Control characters, and the bidirectional overrides that make a terminal show text
                // in another order than it is (U+202A–U+202E, U+2066–U+2069), are shown as escapes.
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A file name made from a person's or team's name: letters, digits, `-` and `_` only, never
    /// empty, never `.` or `..`, so it cannot leave the folder it is written in.
    public static func fileName(_ text: String, maxLength: Int = 80) -> String {
        var out = ""
        var lastWasDash = false
        for scalar in text.unicodeScalars {
            let keep = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
            if keep && scalar.value > 0x20 {
                out.unicodeScalars.append(scalar)
                lastWasDash = false
            } else if !lastWasDash && !out.isEmpty {
                out += "-"
                lastWasDash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        if out.count > maxLength { out = String(out.prefix(maxLength)) }
        // Names Windows keeps for devices (CON, NUL, COM1…) are not files there.
        let reserved = Set(["con", "prn", "aux", "nul"] + (1...9).flatMap { ["com\($0)", "lpt\($0)"] })
        if reserved.contains(out.lowercased()) { out += "_" }
        return out.isEmpty ? "unnamed" : out
    }
}

extension String {
    /// Replaces every occurrence of `target` (no Foundation needed).
    func replacingAll(_ target: String, with replacement: String) -> String {
        pieces(separatedBy: target).joined(separator: replacement)
    }
}
