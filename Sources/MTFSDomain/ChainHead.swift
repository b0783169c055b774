/// The head of a ledger's record chain, written `N:HEX`: how many records there are and the hash of
/// the last. Anyone who keeps a printed head can later check that the ledger still begins with
/// exactly those N records (`mtfs verify --anchor N:HEX`): a truncated or rewritten history no
/// longer hashes to it.
public struct ChainHead: Hashable, Sendable, CustomStringConvertible, Codable {
    /// The number of records in the chain.
    public var count: Int64
    /// The hash of record `count` (64 lowercase hex digits), or a prefix of it when parsed from print.
    public var hash: String

    /// The hash before the first record.
    public static let genesisHash = String(repeating: "0", count: 64)
    /// The head of an empty chain.
    public static let empty = ChainHead(count: 0, hash: genesisHash)
    /// How many hex digits a printed head shows at least, and an anchor must give.
    public static let minimumDigits = 16

    public init(count: Int64, hash: String) {
        self.count = count
        self.hash = hash
    }

    /// Parses `N:HEX` with at least 16 hex digits.
    public init(parsing text: String) throws {
        let parts = text.trimmingSpaces().split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let n = Int64(parts[0]), n >= 0 else {
            throw DomainError.invalid("expected a chain head written N:HEX such as 1204:9f2c4e1a7b3d5e60, found \"\(text)\"")
        }
        let hex = parts[1].lowercased()
        guard hex.count >= ChainHead.minimumDigits, hex.count <= 64, hex.allSatisfy({ $0.isHexDigit }) else {
            throw DomainError.invalid(
                "the hash of a chain head needs \(ChainHead.minimumDigits) to 64 hex digits, found \"\(parts[1])\"")
        }
        self.init(count: n, hash: String(hex))
    }

    /// `N:HEX` with the whole hash.
    public var description: String { "\(count):\(hash)" }
    /// `N:HEX` with the first 16 hex digits: what reports print.
    public var short: String { "\(count):\(hash.prefix(ChainHead.minimumDigits))" }
}
