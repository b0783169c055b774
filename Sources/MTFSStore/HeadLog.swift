import Foundation
import MTFSDomain

/// An append-only log of the chain heads a ledger has had, in a file beside it
/// (`LEDGER.sqlite.heads`): for every write, `N:HEX recorded-at pending` just before it commits and
/// `N:HEX recorded-at` once it has. `verify` checks that every committed head is still in the chain
/// and that the ledger's current head was logged (pending or committed: a process killed between
/// its commit and the second line has still logged it), and fails when a ledger with records has
/// no log at all.
///
/// What it protects against: the ledger file alone being replaced by an older copy, cut short,
/// rewritten with recomputed hashes, or added to with plain SQL that hashes exactly as mtfs does, by
/// someone (or some restore) that does not also edit the log. What it does not: anyone who can
/// write both files can rewrite both. For a guarantee that survives that, keep heads outside the
/// machine (`verify --anchor`, the heads on signed statements and CFO summaries).
public enum HeadLog {
    /// The log's path for a ledger at `ledger`.
    public static func path(for ledger: String) -> String { ledger + ".heads" }

    /// One line of the log.
    public struct Line: Sendable {
        public var number: Int
        /// Nil when the line is not a head.
        public var head: ChainHead?
        /// Logged before its write committed: the write may have been rolled back.
        public var pending: Bool
        /// How many bytes of the log end with this line (its newline included).
        public var end: Int
    }

    /// Appends a head. Best effort: a ledger can be written where its log cannot (`verify` then
    /// says the head was never logged), and one `write(2)` of a short line with `O_APPEND` keeps
    /// lines from concurrent writers whole.
    static func append(_ head: ChainHead, to path: String?, pending: Bool = false) {
        guard let path, head.count > 0 else { return }
        // Never waits: a pipe put where the log belongs is not written to (verify then says so).
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NONBLOCK, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let stamp = ISO8601DateFormatter().string(from: Date())
        let line = Array("\(head) \(stamp)\(pending ? " pending" : "")\n".utf8)
        _ = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    /// The heads in the last 64 KiB of the log (a write's starting head is always among the newest);
    /// nil when there is no log.
    static func recentHeads(_ path: String) -> [ChainHead]? {
        // Only a regular file is a log: a pipe in its place would be waited on for ever.
        guard isRegularFile(path) else { return nil }
        guard let handle = FileHandle(forReadingAtPath: path) else { return FileManager.default.fileExists(atPath: path) ? [] : nil }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        let start = size > 65_536 ? size - 65_536 : 0
        try? handle.seek(toOffset: start)
        let data = (try? handle.readToEnd()) ?? Data()
        var lines = parse(data)
        if start > 0, !lines.isEmpty { lines.removeFirst() }  // cut part-way through
        return lines.compactMap(\.head)
    }

    /// Starts a log at `path`, which must not exist, with `head` (a verified copy's, say).
    public static func start(_ head: ChainHead, at path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw LedgerError.unusable("\(path) could not be created (\(String(cString: strerror(errno))))") }
        close(fd)
        append(head, to: path)
    }

    /// Whether `path` is a regular file (through any link): only such a file is a ledger or a log,
    /// since a pipe or a device put in its place would be waited on for ever.
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// How many bytes the log holds now (0 when there is none): where a reader that begins later
    /// can tell the lines written before from those written since (``Line/end``).
    static func size(_ path: String?) -> Int {
        var info = stat()
        guard let path, stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return 0 }
        return Int(info.st_size)
    }

    /// The lines logged for a ledger; nil when there is no log.
    static func read(_ path: String?) -> [Line]? {
        guard let path, isRegularFile(path), let data = FileManager.default.contents(atPath: path) else { return nil }
        return parse(data)
    }

    /// The log's lines (`N:HEX recorded-at [pending]`), numbered from 1 (empty lines are not lines),
    /// each with the byte offset where it ends, read from the bytes as they are.
    private static func parse(_ data: Data) -> [Line] {
        var lines: [Line] = []
        var start = data.startIndex
        while start < data.endIndex {
            let newline = data[start...].firstIndex(of: UInt8(ascii: "\n"))
            let stop = newline ?? data.endIndex
            if stop > start {
                let words = String(decoding: data[start..<stop], as: UTF8.self).split(separator: " ")
                lines.append(
                    Line(
                        number: lines.count + 1, head: try? ChainHead(parsing: String(words.first ?? "")),
                        pending: words.count >= 3 && words[2] == "pending", end: (newline.map { $0 + 1 } ?? stop) - data.startIndex))
            }
            start = newline.map { $0 + 1 } ?? data.endIndex
        }
        return lines
    }
}
