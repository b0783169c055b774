import Foundation
import MTFSDomain

/// An append-only log of the chain heads a ledger has had, in a file beside it
/// (`LEDGER.sqlite.heads`): one line `N:HEX recorded-at` for every committed write. `verify` checks
/// that every logged head is still in the chain.
///
/// What it protects against: the ledger file alone being replaced by an older copy, cut short, or
/// rewritten with recomputed hashes, by someone (or some restore) that does not also edit the log.
/// What it does not: anyone who can write both files can rewrite both; a deleted log is simply
/// absent. For a guarantee that survives that, keep heads outside the machine (`verify --anchor`).
public enum HeadLog {
    /// The log's path for a ledger at `ledger`.
    public static func path(for ledger: String) -> String { ledger + ".heads" }

    /// Appends a head. Best effort: a ledger can be written where its log cannot (the log is an
    /// extra witness, not the record), and one `write(2)` of a short line with `O_APPEND` keeps
    /// lines from concurrent writers whole.
    static func append(_ head: ChainHead, to path: String?) {
        guard let path, head.count > 0 else { return }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let stamp = ISO8601DateFormatter().string(from: Date())
        let line = Array("\(head) \(stamp)\n".utf8)
        _ = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    /// The heads logged for a ledger, with their line numbers; nil when there is no log.
    static func read(_ path: String?) -> [(line: Int, head: ChainHead?)]? {
        guard let path, let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated().map { i, text in
            (i + 1, try? ChainHead(parsing: String(text.split(separator: " ").first ?? "")))
        }
    }
}
