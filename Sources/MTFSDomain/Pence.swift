/// An amount of money in integer pence. Never a floating-point number.
///
/// Parses the forms finance teams type and export (`£1,250,000`, `1250000.00`, `(2,500)`, `-10.5`)
/// and formats as `£1,250,000.00`. Arithmetic traps on overflow like any Swift integer; user data is
/// bounded by ``Pence/limit`` at parse time so sums of realistic programmes cannot overflow, and
/// ``Pence/adding(_:)`` reports overflow as an error where totals of untrusted rows are formed.
public struct Pence: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The amount in pence.
    public var rawValue: Int64

    /// The largest magnitude accepted from input: £1 billion, more than any one council's savings
    /// line, baseline or forecast. Chosen so no total can overflow: a report adds at most the
    /// amounts the ledger holds, and it would take 92 million amounts at this limit (ten times the
    /// rows of the largest programme benchmarked) to pass `Int64.max`. Refused at the door (every
    /// parser of money), and `verify` names any stored amount past it.
    public static let limit = Pence(100_000_000_000)
    /// Nothing.
    public static let zero = Pence(0)

    /// An amount of `rawValue` pence.
    public init(_ rawValue: Int64) { self.rawValue = rawValue }

    /// A whole number of pounds.
    public static func pounds(_ pounds: Int64) -> Pence { Pence(pounds * 100) }

    public static func < (a: Pence, b: Pence) -> Bool { a.rawValue < b.rawValue }
    public static func + (a: Pence, b: Pence) -> Pence { Pence(a.rawValue + b.rawValue) }
    public static func - (a: Pence, b: Pence) -> Pence { Pence(a.rawValue - b.rawValue) }
    public static prefix func - (a: Pence) -> Pence { Pence(-a.rawValue) }
    public static func += (a: inout Pence, b: Pence) { a = a + b }
    public static func -= (a: inout Pence, b: Pence) { a = a - b }

    /// The sum, or an error instead of a trap when it does not fit.
    public func adding(_ other: Pence) throws(MoneyError) -> Pence {
        let (sum, overflow) = rawValue.addingReportingOverflow(other.rawValue)
        if overflow { throw MoneyError.overflow }
        return Pence(sum)
    }

    /// Whether the amount is below zero.
    public var isNegative: Bool { rawValue < 0 }
    /// Whether the amount is exactly zero.
    public var isZero: Bool { rawValue == 0 }
    /// The magnitude.
    public var magnitude: Pence { Pence(rawValue < 0 ? -rawValue : rawValue) }

    /// `£1,250,000.00`, `-£2,500.00`.
    public var description: String { formatted() }

    /// Digits in groups of three from the right: `1250000` → `1,250,000` (no locale involved).
    public static func grouped(_ digits: String) -> String {
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return out
    }

    /// Formats with a pound sign and thousands separators: `£1,250,000.00`, `-£2,500.00`.
    public func formatted(symbol: Bool = true, separators: Bool = true, wholePounds: Bool = false) -> String {
        let negative = rawValue < 0
        let magnitude = rawValue.magnitude
        let pounds = magnitude / 100
        let pence = magnitude % 100
        let digits = separators ? Pence.grouped(String(pounds)) : String(pounds)
        var out = negative ? "-" : ""
        if symbol { out += "£" }
        out += digits
        if !wholePounds { out += "." + (pence < 10 ? "0" : "") + String(pence) }
        return out
    }

    /// As a person reads a figure on a page: to the nearest pound (half away from zero) with a
    /// pound sign and separators, `£291,667`, `£0`; below £10 either way the pence matter and are kept, `-£0.33`.
    public var forReading: String {
        if rawValue == 0 { return "£0" }
        guard rawValue.magnitude >= 1_000 else { return formatted() }
        let pounds = (Int64(rawValue.magnitude) + 50) / 100 * 100
        return Pence(rawValue < 0 ? -pounds : pounds).formatted(wholePounds: true)
    }

    /// `self × numerator ÷ denominator`, rounded toward zero, with the product in 128 bits so that
    /// no amount the ledger accepts can overflow it (a confidence weight, a percentage).
    public func scaled(by numerator: Int64, over denominator: Int64) -> Pence {
        let product = rawValue.multipliedFullWidth(by: numerator)
        let (quotient, _) = denominator.dividingFullWidth(product)
        return Pence(quotient)
    }

    /// Whether `a × b < c × d`, with both products in 128 bits.
    public static func productLess(_ a: Int64, _ b: Int64, than c: Int64, _ d: Int64) -> Bool {
        let x = a.multipliedFullWidth(by: b), y = c.multipliedFullWidth(by: d)
        return x.high < y.high || (x.high == y.high && x.low < y.low)
    }

    /// Pounds with two decimals, no symbol or separators: `1250000.00`, `-2500.00` (the CSV form).
    public var plain: String { formatted(symbol: false, separators: false) }
    /// With its sign always shown: "+£10,000.00", "-£2,500.00", "£0.00".
    public var signedText: String { rawValue > 0 ? "+" + formatted() : formatted() }

    /// Parses money as SPEC §5 allows: optional sign or accounting brackets, optional `£`,
    /// thousands separators in groups of three, and at most two decimals.
    /// `1250000`, `-12.5`, `0.07`: digits with an optional minus and one or two decimals, at most
    /// 15 digits (so no overflow is possible), else nil.
    static func plain(_ bytes: String.UTF8View) -> Pence? {
        var value: Int64 = 0
        var negative = false
        var digits = 0
        var decimals = -1  // -1 before the point
        for (i, b) in bytes.enumerated() {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = value * 10 + Int64(b &- UInt8(ascii: "0"))
                digits += 1
                if decimals >= 0 { decimals += 1 }
                if digits > 15 || decimals > 2 { return nil }
            case UInt8(ascii: "-") where i == 0:
                negative = true
            case UInt8(ascii: "."):
                if decimals >= 0 || digits == 0 { return nil }
                decimals = 0
            default:
                return nil
            }
        }
        guard digits > 0, decimals != 0 else { return nil }
        for _ in 0..<(decimals < 0 ? 2 : 2 - decimals) { value *= 10 }
        guard value <= Pence.limit.rawValue else { return nil }
        return Pence(negative ? -value : value)
    }

    public init(parsing text: String) throws(MoneyError) {
        // The form a return's cells nearly always have (`-?digits(.d|.dd)?`), read from the bytes;
        // anything else — spaces, £, commas, brackets, a bad shape — takes the general path below.
        if let plain = Pence.plain(text.utf8) {
            self = plain
            return
        }
        var s = Substring(text.trimmingSpaces())
        guard !s.isEmpty else { throw MoneyError.empty }
        var negative = false
        if s.first == "(" {
            guard s.last == ")", s.count >= 3 else { throw MoneyError.malformed(text) }
            negative = true
            s = s.dropFirst().dropLast()
        }
        // A sign may stand before or after the pound sign: -£10, £-10.
        var sawSign = false
        var sawPound = false
        while let first = s.first, first == "-" || first == "+" || first == "£" {
            if first == "£" {
                if sawPound { throw MoneyError.malformed(text) }
                sawPound = true
            } else {
                if sawSign || negative { throw MoneyError.malformed(text) }
                sawSign = true
                if first == "-" { negative = true }
            }
            s = s.dropFirst()
        }
        guard !s.isEmpty else { throw MoneyError.malformed(text) }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw MoneyError.malformed(text) }
        let whole = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.count <= 2 else { throw MoneyError.tooManyDecimals(text) }
        guard fraction.allSatisfy(\.isASCIIDigit) else { throw MoneyError.malformed(text) }
        guard !whole.isEmpty || !fraction.isEmpty else { throw MoneyError.malformed(text) }
        if parts.count == 2 && fraction.isEmpty { throw MoneyError.malformed(text) }
        var wholeDigits = ""
        if whole.contains(",") {
            let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
            guard let head = groups.first, (1...3).contains(head.count),
                groups.dropFirst().allSatisfy({ $0.count == 3 })
            else { throw MoneyError.malformed(text) }
            wholeDigits = groups.joined()
        } else {
            wholeDigits = String(whole)
        }
        guard wholeDigits.allSatisfy(\.isASCIIDigit) else { throw MoneyError.malformed(text) }
        var value: Int64 = 0
        for character in wholeDigits + fraction + String(repeating: "0", count: 2 - fraction.count) {
            guard let digit = character.asciiDigitValue else { throw MoneyError.malformed(text) }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(Int64(digit))
            if o1 || o2 || plus > Pence.limit.rawValue { throw MoneyError.overflow }
            value = plus
        }
        rawValue = negative ? -value : value
    }

    /// Splits `self` over `weights` in proportion, floors each part and gives the pence left over
    /// to the earliest parts that still have room under `caps` (or to the first part when there are
    /// no caps). The parts always sum to `self`. Uses 128-bit intermediates, so it cannot overflow.
    public func allocate(weights: [Int64], caps: [Pence]? = nil) -> [Pence] {
        precondition(!weights.isEmpty, "allocate needs at least one weight")
        let totalWeight = weights.reduce(0, +)
        guard totalWeight > 0 else {
            var parts = Array(repeating: Pence.zero, count: weights.count)
            parts[0] = self
            return parts
        }
        var parts = weights.map { weight -> Pence in
            let product = rawValue.multipliedFullWidth(by: weight)
            let (quotient, _) = totalWeight.dividingFullWidth(product)
            return Pence(quotient)
        }
        var left = rawValue - parts.reduce(Int64(0)) { $0 + $1.rawValue }
        let step: Int64 = left < 0 ? -1 : 1
        var index = 0
        var passes = 0
        while left != 0 {
            let roomy = caps.map { (parts[index] + Pence(step)).magnitude <= $0[index].magnitude } ?? true
            if roomy || passes > 0 {
                parts[index] += Pence(step)
                left -= step
            }
            if caps == nil { continue }
            index += 1
            if index == parts.count {
                index = 0
                passes += 1
            }
        }
        return parts
    }
}

/// Why an amount of money could not be read or formed.
public enum MoneyError: KindedError, Equatable, Sendable {
    public var kind: ErrorKind { .badInput }

    case empty
    case malformed(String)
    case tooManyDecimals(String)
    case overflow

    /// What was expected, in a phrase that completes "… : ".
    public var explanation: String {
        switch self {
        case .empty: "expected an amount of money, found nothing"
        case .malformed(let text): "expected an amount of money such as 1250000.00, £1,250,000 or (2,500), found \"\(text)\""
        case .tooManyDecimals(let text): "expected at most two decimal places (pence), found \"\(text)\""
        case .overflow: "the amount is larger than the £1,000,000,000 the ledger accepts"
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
    var asciiDigitValue: Int? { isASCIIDigit ? wholeNumberValue : nil }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks (no Foundation needed).
    public func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{00A0}" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }

    /// Whether the string holds a control character other than those in `allowed` (an escape
    /// sequence, a bell): names allow a tab, comments also line breaks.
    /// Whether any character would show the text in another order than it is (``Unicode/Scalar/reordersText``).
    public var containsDirectionOverrides: Bool { unicodeScalars.contains(where: \.reordersText) }

    /// The first character that shows as nothing though it is there: Unicode's default-ignorable
    /// characters (a zero-width space, a word joiner, a soft hyphen, a byte-order mark, a direction
    /// mark, a variation selector, a tag, the Hangul fillers), a line or paragraph separator, and the
    /// blank braille pattern. "Grace\u{200B} Mensah" would look like Grace Mensah and be another
    /// name. The joiners some scripts need between letters (U+200C, U+200D) are not among them.
    public var invisibleCharacter: Unicode.Scalar? {
        unicodeScalars.first { s in
            if s.value == 0x200C || s.value == 0x200D { return false }
            return s.properties.isDefaultIgnorableCodePoint || s.value == 0x2028 || s.value == 0x2029 || s.value == 0x2800
        }
    }

    /// Why a name with an invisible character is refused, or nil when it has none.
    public var invisibleProblem: String? {
        guard let invisible = invisibleCharacter else { return nil }
        let hex = String(invisible.value, radix: 16, uppercase: true)
        return "contains an invisible character (U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex)) that would make it look like another name; type it without"
    }

    public func containsControlCharacters(allowing allowed: Set<Unicode.Scalar> = ["\t"]) -> Bool {
        unicodeScalars.contains { $0.properties.generalCategory == .control && !allowed.contains($0) }
    }
}

extension Unicode.Scalar {
    /// The invisible characters that reorder text on screen (bidirectional embeddings, overrides,
    /// isolates: U+202A–U+202E, U+2066–U+2069).
    public var reordersText: Bool { (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) }
}
