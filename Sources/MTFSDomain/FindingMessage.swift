/// A finding's sentence as typed parts — text, amounts, years, periods, dates, proposals, cost
/// centres — so each renderer writes it its own way: plain text for a terminal or CSV, a link on a
/// ref and a styled amount on a web page, the values themselves in JSON. Written with ordinary
/// string interpolation: `"\(ref) forecasts \(amount) for \(year)"` keeps `amount` a `Pence` and
/// `year` a `FinancialYear`.
public struct FindingMessage: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public enum Part: Sendable, Hashable {
        case text(String)
        case amount(Pence)
        case year(FinancialYear)
        case period(Period)
        case date(CivilDate)
        /// A proposal as a CFO reads it: `REF “Title” (Owner)`; without the title and owner, its ref.
        case proposal(ref: ProposalRef, title: String?, owner: HolderID?)
        /// A cost centre: `CODE (Name)`, or its code alone.
        case costCentre(code: CostCentreCode, name: String?)

        /// The part as plain text.
        public var text: String {
            switch self {
            case .text(let s): s
            case .amount(let p): p.description
            case .year(let y): y.description
            case .period(let p): p.description
            case .date(let d): d.description
            case .proposal(let ref, let title, let owner):
                ref.rawValue + (title.map { " “\($0)”" } ?? "") + (owner.map { " (\($0))" } ?? "")
            case .costCentre(let code, let name): code.rawValue + (name.map { " (\($0))" } ?? "")
            }
        }
    }

    public private(set) var parts: [Part]

    public init(parts: [Part]) {
        self.parts = []
        for part in parts { append(part) }
    }

    public init(stringLiteral value: String) { self.init(parts: [.text(value)]) }

    public init(stringInterpolation: StringInterpolation) { self.init(parts: stringInterpolation.parts) }

    /// The sentence in plain text.
    public var text: String { parts.map(\.text).joined() }
    public var description: String { text }

    /// Adds a part, joining neighbouring text.
    private mutating func append(_ part: Part) {
        if case .text(let s) = part {
            if s.isEmpty { return }
            if case .text(let before) = parts.last {
                parts[parts.count - 1] = .text(before + s)
                return
            }
        }
        parts.append(part)
    }

    public static func + (a: FindingMessage, b: FindingMessage) -> FindingMessage { FindingMessage(parts: a.parts + b.parts) }

    /// `a`, `a and b`, `a, b and c`.
    public static func list(_ items: [FindingMessage]) -> FindingMessage {
        var parts: [Part] = []
        for (i, item) in items.enumerated() {
            if i > 0 { parts.append(.text(i == items.count - 1 ? " and " : ", ")) }
            parts += item.parts
        }
        return FindingMessage(parts: parts)
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var parts: [Part] = []
        public init(literalCapacity: Int, interpolationCount: Int) { parts.reserveCapacity(interpolationCount * 2 + 1) }
        public mutating func appendLiteral(_ literal: String) { parts.append(.text(literal)) }
        public mutating func appendInterpolation(_ amount: Pence) { parts.append(.amount(amount)) }
        public mutating func appendInterpolation(_ year: FinancialYear) { parts.append(.year(year)) }
        public mutating func appendInterpolation(_ period: Period) { parts.append(.period(period)) }
        public mutating func appendInterpolation(_ date: CivilDate) { parts.append(.date(date)) }
        public mutating func appendInterpolation(_ message: FindingMessage) { parts += message.parts }
        public mutating func appendInterpolation(_ value: some CustomStringConvertible) { parts.append(.text(value.description)) }
    }
}
