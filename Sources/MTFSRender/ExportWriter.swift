import Foundation
import MTFSDomain
import MTFSEngine

/// The postings export (`mtfs export --format csv|json`), written entry by entry as the ledger is
/// read, so a million entries never sit in memory at once.
public enum ExportWriter {
    /// The CSV header: one row per posting.
    public static let csvHeader =
        "entry,effective,period,kind,ref,year,to_year,reverses,account,state,account_year,cost_centre,amount,actor,recorded_at,reason,source,hash\r\n"

    /// An entry's rows: one per posting, in account order.
    public static func csvRows(_ e: JournalEntry) -> String {
        var out = ""
        for p in e.postings.sorted(by: { $0.account < $1.account }) {
            let cells: [String] = [
                String(e.id), e.effective.description, e.period.description, e.kind.rawValue, Escape.csv(e.proposal.rawValue),
                e.year.description, e.toYear?.description ?? "", e.reverses.map(String.init) ?? "",
                Escape.csv(p.account.description), p.account.kind.rawValue, p.account.year.description,
                Escape.csv(p.account.costCentre?.rawValue ?? ""), p.amount.plain, Escape.csv(e.actor), e.recordedAt, Escape.csv(e.reason),
                Escape.csv(e.source), e.hash,
            ]
            out += cells.joined(separator: ",") + "\r\n"
        }
        return out
    }

}

/// The JSON export, a piece at a time, keys in sorted order like all of mtfs's JSON: each entry
/// with its postings (encoded from ``JournalEntry``'s own `Encodable` form, one a line), then the
/// head, the ledger, the positions by proposal and year, and the years.
public struct JSONExport {
    private let encoder = JSONEncoder()
    private var entries = 0

    public init() { encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes] }

    private func compact<T: Encodable>(_ value: T) throws -> String {
        JSONOutput.inert(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// The opening: the entries come first, as every other key sorts after them (keys are sorted in
    /// all of mtfs's JSON).
    public func opening() -> String { "{\n  \"entries\": [" }

    public mutating func entry(_ e: JournalEntry) throws -> String {
        entries += 1
        return (entries == 1 ? "\n    " : ",\n    ") + (try compact(e))
    }

    /// The close: the head, the ledger, the positions and the years.
    public func closing(ledger: String, head: ChainHead, years: YearRange, positions rows: [PositionRow]) throws -> String {
        var out = entries == 0 ? "]," : "\n  ],"
        out += "\n  \"head\": \(try compact(head)),\n  \"ledger\": \(try compact(ledger)),\n  \"positions\": ["
        for (i, row) in rows.enumerated() { out += (i == 0 ? "\n    " : ",\n    ") + (try compact(row)) }
        out += rows.isEmpty ? "]," : "\n  ],"
        return out + "\n  \"years\": \(try compact(years.description))\n}\n"
    }
}
