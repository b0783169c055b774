/// Markup that is safe to put in a page: the template layer of every HTML the portal writes.
///
/// A literal is the author's own markup. A value interpolated into it (`"<td>\(name)</td>"`) is escaped
/// (``Escape/html(_:)``) unless it is itself `HTML`, so text a person typed cannot become markup by
/// being forgotten: escaping is the default, and the compiler enforces it, since a `String` of markup
/// has to be made `HTML` on purpose (``init(rendered:)``: three places, each markup of our own — the
/// two style sheets, and an attribute added to a form's own input). An optional cannot be interpolated
/// at all.
///
/// Why a typed builder and not a Mustache template (issue #29): both escape by default. Here the
/// compiler sees every value and its type, so a missing value or a wrong one is a build error, not a
/// blank in a page. And there is nothing more to build or load at run time.
public struct HTML: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// The markup.
    public private(set) var text: String

    /// The author's own markup, as written.
    public init(stringLiteral value: String) { text = value }

    public init(stringInterpolation: Interpolation) { text = stringInterpolation.text }

    /// Markup of our own held as text (a style sheet): the one way a `String` becomes `HTML` without
    /// being escaped. Never for anything read from input or the ledger.
    public init(rendered markup: String) { text = markup }

    /// Nothing.
    public static let empty: HTML = ""

    public var description: String { text }

    public var isEmpty: Bool { text.isEmpty }

    public static func + (a: HTML, b: HTML) -> HTML { HTML(rendered: a.text + b.text) }

    public static func += (a: inout HTML, b: HTML) { a.text += b.text }

    public struct Interpolation: StringInterpolationProtocol {
        var text = ""

        public init(literalCapacity: Int, interpolationCount: Int) { text.reserveCapacity(literalCapacity + interpolationCount * 16) }

        public mutating func appendLiteral(_ literal: String) { text += literal }

        /// Markup, as it is.
        public mutating func appendInterpolation(_ markup: HTML) { text += markup.text }

        /// Text: escaped.
        public mutating func appendInterpolation(_ value: String) { text += Escape.html(value) }

        /// A number, a date, a period, an amount: its text, escaped.
        public mutating func appendInterpolation<T: CustomStringConvertible>(_ value: T) { text += Escape.html(value.description) }
    }
}

extension Sequence where Element == HTML {
    /// The pieces one after another, with `separator` between.
    public func joined(separator: HTML = .empty) -> HTML {
        var out = HTML.empty
        var first = true
        for piece in self {
            if !first { out += separator }
            out += piece
            first = false
        }
        return out
    }
}
