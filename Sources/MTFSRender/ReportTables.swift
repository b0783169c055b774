import MTFSDomain
import MTFSEngine

/// The balance report as a table with SPEC §8's columns.
public enum BalanceTable {
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

    /// `pinned`: the CSV form SPEC §8 pins, with no totals row.
    public static func table(_ report: BalanceReport, pinned: Bool = false) -> Table {
        let keys: [Table.Column]
        let keyCells: (BalanceReport.Row) -> [String]
        switch report.dimension {
        case .proposal:
            keys = [.init("directorate", "Directorate"), .init("ref", "Ref"), .init("year", "Year")]
            keyCells = { [$0.directorate ?? "", $0.ref?.rawValue ?? "", $0.year.description] }
        case .directorate:
            keys = [.init("directorate", "Directorate"), .init("year", "Year")]
            keyCells = { [$0.directorate ?? "", $0.year.description] }
        case .year:
            keys = [.init("year", "Year")]
            keyCells = { [$0.year.description] }
        case .costCentre:
            keys = [.init("cost_centre", "Cost centre"), .init("ref", "Ref"), .init("year", "Year")]
            keyCells = { [$0.costCentre?.rawValue ?? "", $0.ref?.rawValue ?? "", $0.year.description] }
        case .service:
            keys = [.init("directorate", "Directorate"), .init("service", "Service"), .init("year", "Year")]
            keyCells = { [$0.directorate ?? "", $0.service ?? "", $0.year.description] }
        }
        let title =
            "Balance by \(report.dimension.rawValue.replacingOccurrences(of: "-", with: " "))" + (report.asOf.map { " as at the end of \($0)" } ?? "")
        // With more than one fund each row says its fund (not in the pinned CSV, whose columns are fixed).
        let byFund = !pinned && report.fundTotals.count > 1
        var t = table(
            rows: report.rows.map { row in (((byFund ? [row.fund] : []) + keyCells(row)).map { Table.Cell.text($0) }, row.position) },
            keys: (byFund ? [.init("fund", "Fund")] : []) + keys, title: title)
        if pinned {
            t.totals = nil
        } else if report.fundTotals.count > 1 {
            // Each fund totalled apart, never added together (SPEC §5 v3).
            t.totals = nil
            for f in report.fundTotals {
                t.subtotals.insert(t.rows.count)
                t.rows.append([.text("Total \(f.fund)")] + Array(repeating: .empty, count: keys.count) + cells(f.position))
            }
        }
        return t
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
public enum JournalTable {
    public static func table(_ entries: [JournalEntry], title: String?) -> Table {
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
                .integer(e.id), .date(e.effective), .text(e.period.description), .text(e.kind.rawValue),
                .text(e.proposal.rawValue), .text(e.year.description), e.toYear.map { .text($0.description) } ?? .empty,
                .money(e.shownAmount), e.reverses.map { .integer($0) } ?? .empty, .text(e.actor),
                .text(e.onBehalfOf ?? ""), .text(e.recordedAt),
                .text(e.reason), .text(e.source),
            ])
        }
        return t
    }
}

/// Proposals: the list with targets by year, and one proposal in full.
public enum ProposalTables {
    public static func list(_ report: ProposalListReport) -> Table {
        var table = Table(
            columns: [
                .init("ref", "Ref"), .init("directorate", "Directorate"), .init("owner", "Owner"),
                .init("title", "Title"), .init("recurrence", "Recurrence"),
            ]
                + report.years.map { .init($0.description, "\($0) target") })
        for r in report.rows {
            let p = r.proposal
            table.rows.append(
                [.text(p.ref.rawValue), .text(p.directorate), .text(p.owner), .text(p.title), .text(p.recurrence.rawValue)]
                    + r.targets.map { .money($0) })
        }
        table.totals = [.text("Total"), .empty, .empty, .empty, .empty] + report.totals.map { .money($0) }
        return table
    }

    /// For a person at a terminal: the proposal, its cost centres and who holds them now, its
    /// position by year, its latest forecasts and its entries.
    public static func text(_ d: ProposalDetail) -> String {
        let p = d.proposal
        var out = "\(Escape.terminal(p.ref.rawValue)): \(Escape.terminal(p.title))\n"
        out += "  Directorate: \(Escape.terminal(p.directorate))    Owner: \(Escape.terminal(p.owner.rawValue))\n"
        out += "  Category: \(p.category.isEmpty ? "–" : Escape.terminal(p.category))    Recurrence: \(p.recurrence.rawValue)"
        if let s = p.deliveryStart { out += "    Delivery starts: \(s)" }
        if let r = p.replaces { out += "    Replaces: \(Escape.terminal(r.rawValue))" }
        out += "\n\n"
        var centres = Table(
            title: "Cost centres",
            columns: [
                .init("cost_centre", "Cost centre"), .init("share", "Share"),
                .init("service", "Service now"), .init("directorate", "Directorate now"),
                .init("holder", "Held by now"),
            ])
        for c in d.centres {
            centres.rows.append([
                .text(c.share.costCentre.rawValue), .text(c.share.basisPoints.map(CostCentreShare.formatPercent) ?? "equal"),
                .text(c.holder?.service ?? "–"), .text(c.holder?.directorate ?? "–"), .text(c.holder?.budgetHolder.rawValue ?? "–"),
            ])
        }
        out += centres.renderText() + "\n"
        out +=
            BalanceTable.table(
                rows: d.positions.map { ([.text($0.year.description)], $0.position) }, keys: [.init("year", "Year")],
                title: "Position by year"
            ).renderText() + "\n"
        if !d.forecasts.isEmpty {
            var t = Table(
                title: "Latest forecasts",
                columns: [
                    .init("year", "Year"), .init("period", "Given in"), .init("returned", "Last returned"), .init("forecast", "Forecast"),
                    .init("rag", "RAG"), .init("comment", "Comment"), .init("by", "By"),
                ])
            for f in d.forecasts {
                t.rows.append([
                    .text(f.year.description), .text(f.period.description),
                    .text(max(f.period, d.returnedAt[f.year] ?? f.period).description), .money(f.forecast), .text(f.rag.name),
                    .text(f.comment), .text(f.actor),
                ])
            }
            out += t.renderText() + "\n"
        }
        return out + JournalTable.table(d.entries, title: "Entries").renderText()
    }
}

/// The operating model on a date as a table.
public enum OperatingModelTable {
    public static func table(_ report: OperatingModelReport) -> Table {
        var table = Table(
            title: "Operating model on \(report.date)",
            columns: [
                .init("cost_centre", "Cost centre"), .init("name", "Name"), .init("service", "Service"),
                .init("directorate", "Directorate"), .init("budget_holder", "Budget holder"), .init("model", "Model"),
                .init("since", "Since"), .init("baseline", "Baseline \(report.year)"),
            ])
        for r in report.rows {
            let a = r.assignment
            table.rows.append([
                .text(a.costCentre.rawValue), .text(r.name), .text(a.service), .text(a.directorate), .text(a.budgetHolder), .text(a.model.rawValue),
                .date(a.effective), r.baseline.map { .money($0) } ?? .empty,
            ])
        }
        return table
    }
}
