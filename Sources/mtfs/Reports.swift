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

    /// Positions rolled up by `dimension`: by proposal (SPEC §8's pinned rows), directorate, service
    /// (as the operating model stood at the end of `asOf`, or today), cost centre or year.
    /// The pinned CSV has no totals row.
    static func build(ledger: Ledger, by dimension: Balance.Dimension, asOf period: Period?, year onlyYear: FinancialYear?, csv: Bool)
        throws -> Table
    {
        let lines = try ledger.positionLines(asOf: period).filter { onlyYear == nil || $0.year == onlyYear }
        let proposals = Dictionary(uniqueKeysWithValues: try ledger.proposals().map { ($0.ref, $0) })
        let model = try ledger.operatingModel()
        let date = period?.lastDay ?? Clock.today
        var groups: [[String]: Position] = [:]
        for line in lines {
            let key: [String]
            switch dimension {
            case .proposal: key = [proposals[line.proposal]?.directorate ?? "", line.proposal, line.year.description]
            case .directorate: key = [proposals[line.proposal]?.directorate ?? "", line.year.description]
            case .year: key = [line.year.description]
            case .costCentre: key = [line.costCentre, line.proposal, line.year.description]
            case .service:
                let a = model.assignment(of: line.costCentre, on: date) ?? model.original(of: line.costCentre)
                key = [a?.directorate ?? "", a?.service ?? "", line.year.description]
            }
            groups[key, default: Position()] += line.position
        }
        let keys: [Table.Column]
        switch dimension {
        case .proposal: keys = [.init("directorate", "Directorate"), .init("ref", "Ref"), .init("year", "Year")]
        case .directorate: keys = [.init("directorate", "Directorate"), .init("year", "Year")]
        case .year: keys = [.init("year", "Year")]
        case .costCentre: keys = [.init("cost_centre", "Cost centre"), .init("ref", "Ref"), .init("year", "Year")]
        case .service: keys = [.init("directorate", "Directorate"), .init("service", "Service"), .init("year", "Year")]
        }
        let rows = groups.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { k in (k.map { Table.Cell.text($0) }, groups[k]!) }
        let title =
            "Balance by \(dimension.rawValue.replacingOccurrences(of: "-", with: " "))" + (period.map { " as at the end of \($0)" } ?? "")
        var table = table(rows: rows, keys: keys, title: title)
        if csv { table.totals = nil }
        return table
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
                .init("reverses", "Reverses"), .init("actor", "By"), .init("on_behalf_of", "For"),
                .init("recorded_at", "Recorded"),
                .init("reason", "Reason", maxTextWidth: 40),
                .init("source", "Source", maxTextWidth: 40),
            ])
        for e in entries {
            t.rows.append([
                .integer(e.id), .text(e.effective.description), .text(e.period.description), .text(e.kind.rawValue),
                .text(e.proposal), .text(e.year.description), e.toYear.map { .text($0.description) } ?? .empty,
                .money(e.amount), e.reverses.map { .integer($0) } ?? .empty, .text(e.actor),
                .text(e.onBehalfOf ?? ""), .text(e.recordedAt),
                .text(e.reason), .text(e.source),
            ])
        }
        return t
    }
}
