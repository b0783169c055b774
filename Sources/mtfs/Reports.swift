import MTFSDomain
import MTFSRender
import MTFSStore

/// Positions rolled up by a dimension, as a table with SPEC §8's columns.
enum BalanceReport {
    static let amountColumns: [Table.Column] = [
        .init("original_target", "Original target"), .init("current_target", "Current target"), .init("delivered", "Delivered"),
        .init("slipped_in", "Slipped in"), .init("slipped_out", "Slipped out"), .init("unachievable", "Unachievable"),
        .init("remaining", "Remaining"),
    ]

    static func cells(_ p: Position) -> [Table.Cell] {
        [
            .money(p.originalTarget), .money(p.currentTarget), .money(p.delivered), .money(p.slippedIn), .money(p.slippedOut),
            .money(p.unachievable), .money(p.remaining),
        ]
    }

    /// A table of rows (key cells, position) with a totals row.
    static func table(rows: [([Table.Cell], Position)], keys: [Table.Column], title: String?) -> Table {
        var total = Position()
        for (_, p) in rows { total += p }
        return Table(
            title: title, columns: keys + amountColumns, rows: rows.map { $0.0 + cells($0.1) },
            totals: [.text("Total")] + Array(repeating: .empty, count: keys.count - 1) + cells(total))
    }
}

/// The journal as a table.
enum JournalTable {
    static func table(_ entries: [JournalEntry], title: String?) -> Table {
        var t = Table(
            title: title,
            columns: [
                .init("entry", "Entry"), .init("effective", "Effective"), .init("period", "Period"), .init("kind", "Kind"),
                .init("ref", "Ref"), .init("year", "Year"), .init("to_year", "To year"), .init("amount", "Amount"),
                .init("reverses", "Reverses"), .init("actor", "By"), .init("recorded_at", "Recorded"),
                .init("reason", "Reason", maxTextWidth: 40),
                .init("source", "Source", maxTextWidth: 40),
            ])
        for e in entries {
            t.rows.append([
                .integer(e.id), .text(e.effective.description), .text(e.period.description), .text(e.kind.rawValue),
                .text(e.proposal), .text(e.year.description), e.toYear.map { .text($0.description) } ?? .empty,
                .money(e.amount), e.reverses.map { .integer($0) } ?? .empty, .text(e.actor), .text(e.recordedAt),
                .text(e.reason), .text(e.source),
            ])
        }
        return t
    }
}
