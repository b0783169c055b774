/// A code the council writes as text and the ledger keys by: a proposal's ref or a cost centre's code.
/// Each is its own type, so a ref is never passed where a cost centre, a name or a year is meant, and
/// the compiler says so. Compared, hashed, written and encoded (JSON: a plain string) as its text.
public protocol TextIdentity: RawRepresentable<String>, Hashable, Comparable, Sendable, Codable,
    CustomStringConvertible, ExpressibleByStringLiteral
{
    init(rawValue: String)
}

extension TextIdentity {
    public init(_ text: String) { self.init(rawValue: text) }
    public init(stringLiteral value: String) { self.init(rawValue: value) }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    public var description: String { rawValue }
    public var isEmpty: Bool { rawValue.isEmpty }
    /// The text's bytes, as the hash chain takes them.
    public var utf8: String.UTF8View { rawValue.utf8 }
}

/// A proposal's reference as the pack gives it: `PEO-07`.
public struct ProposalRef: TextIdentity {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// A cost centre's code as the pack gives it: `PEO-CSC-0412`.
public struct CostCentreCode: TextIdentity {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// A budget holder: who a statement is for, who signs it, whose account a holder's login is and
/// whose return is due. Its text is the name the holder goes by now: every name read from the
/// ledger is resolved through the holder register (``HolderRegister``), where the ledger issued the
/// holder a number when first named and keeps every name they were recorded under, so a holder
/// renamed is the same holder. Being its own type, a holder is never confused with a login, a
/// directorate or any other text, and statements, sign-offs, accounts and reminders are keyed by it.
public struct HolderID: TextIdentity {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}

extension HolderID {
    /// The holder's name as compared: whatever its case and spacing, one holder.
    public static func canonical(_ name: String) -> String { name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    /// Up to five of `known` a mistyped holder may have meant: those whose name contains any word
    /// typed of three letters or more (`H. Brandt` and `Helen Brant` both mean Helen Brandt),
    /// whatever the case, in order ("did you mean …?").
    public func near(in known: some Sequence<HolderID>) -> [HolderID] {
        let words = rawValue.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init).filter { $0.count >= 3 }
        return Array(known.filter { h in words.contains { h.rawValue.lowercased().contains($0) } }.sorted().prefix(5))
    }
}

extension Sequence where Element: TextIdentity {
    /// The codes' text joined, as `["PEO-07", "PEO-09"].joined(separator: ", ")` would be.
    public func joined(separator: String) -> String { map(\.rawValue).joined(separator: separator) }
}
