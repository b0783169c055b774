import MTFSDomain
import MTFSEngine

/// A ``HolderStatement`` in any format (``DocumentFormat/writer``). Figures are the statement's;
/// nothing is computed here. The parts every format shares are below; each format's layout is in
/// its writer.
public enum StatementRenderer {
    public static func render(_ s: HolderStatement, as format: DocumentFormat) throws -> String {
        try format.writer.statement(s)
    }

    // MARK: - Shared tables

    /// `owner`: whether to show each line's owner (not on the holder's own proposals: it is them).
    /// `original`: whether to show the original target beside the current one (not on a page,
    /// which must fit A4 portrait; the current target, the one delivery is measured against, stays).
    static func linesTable(
        _ s: HolderStatement, _ lines: [HolderStatement.Line], totals: Bool, owner: Bool = true, original: Bool = true
    ) -> Table {
        var t = Table(
            columns: [
                .init("ref", "Ref"), .init("title", "Proposal", maxTextWidth: 44), .init("owner", "Owner"),
                .init("original_target", "Original \(s.period.year)"), .init("current_target", "Target \(s.period.year)"),
                .init("profiled", "Profiled"), .init("delivered", "Delivered"), .init("variance", "Variance"),
                .init("forecast", "Forecast"),
                .init("rag", "RAG"), .init("movement", "This month"),
            ] + s.yearsAhead.map { .init("target_\($0.description.replacingAll("/", with: "_"))", "\($0)") })
        for l in lines {
            let owner: String = l.owned ? l.owner.rawValue : l.wholeTarget.map { "\(l.owner) (not yours; share of \($0))" } ?? "\(l.owner) (not yours)"
            t.rows.append(
                [
                    .text(l.ref.rawValue), .text(l.notes.isEmpty ? l.title : "\(l.title) (\(l.notes.joined(separator: "; ")))"),
                    .text(owner), .money(l.originalTarget),
                    .money(l.currentTarget),
                    // Plain words where a figure would mislead (SPEC §5 v3, §6 DQ05): a blank return
                    // is "not reported", and a line with no forecast never shows its target as one.
                    .money(l.profiled), l.notReported ? .text("not reported") : .money(l.delivered), l.notReported ? .empty : .money(l.variance),
                    l.forecast.map { .money($0) } ?? (l.noForecast ? .text("no forecast") : .empty),
                    .text(l.rag.map { "\($0.rawValue) \($0.name)" } ?? "–"), .money(l.movement),
                ] + l.ahead.map { .money($0) })
        }
        if totals {
            let x = s.totals
            t.totals =
                [
                    .text(x.funds.count > 1 ? "Total, all funds" : "Total"), .empty, .empty, .money(x.originalTarget), .money(x.currentTarget), .money(x.profiled),
                    .money(x.delivered), .money(x.variance),
                    .money(x.forecast), .empty, .money(x.movement),
                ] + x.ahead.map { .money($0) }
        }
        // Columns left out, last first so the indices stay right: the original target (3), the owner (2).
        for (column, keep) in [(3, original), (2, owner)] where !keep {
            t.columns.remove(at: column)
            for r in t.rows.indices { t.rows[r].remove(at: column) }
            if t.totals != nil { t.totals?.remove(at: column) }
        }
        return t
    }

    /// The service impacts of the holder's proposals: identified when risk-assessed, and reported
    /// (unforeseen ones said so), or nil when there are none.
    static func impactsTable(_ s: HolderStatement) -> Table? {
        guard !s.impacts.isEmpty else { return nil }
        var t = Table(columns: [
            .init("ref", "Ref"), .init("identified", "Identified when risk-assessed", maxTextWidth: 50),
            .init("reported", "Reported in returns", maxTextWidth: 50),
        ])
        for (ref, i) in s.impacts.sorted(by: { $0.key < $1.key }) {
            let identified = i.identified.map { "\($0.kind.rawValue): \($0.impact)" + ($0.mitigation.isEmpty ? "" : " (mitigation: \($0.mitigation))") }
            // Foreseen only where the return says so and the risk assessment identified an impact (SI01's rule).
            let reported = i.reported.map {
                "\($0.period): \($0.impact.text) (\(!$0.unforeseen(identified: i.identified) ? "foreseen" : $0.impact.foreseen ? "not foreseen: none was identified" : "not foreseen"))"
            }
            t.rows.append([
                .text(ref.rawValue), .text(identified.isEmpty ? "none identified" : identified.joined(separator: "; ")),
                .text(reported.isEmpty ? "none reported" : reported.joined(separator: "; ")),
            ])
        }
        return t
    }

    static func centresTable(_ s: HolderStatement) -> Table {
        var t = Table(columns: [
            .init("cost_centre", "Cost centre"), .init("name", "Name"), .init("service", "Service"),
            .init("directorate", "Directorate"), .init("since", "Held since"), .init("baseline", "Baseline \(s.period.year)"),
        ])
        for c in s.centres {
            t.rows.append([
                .text(c.code.rawValue), .text(c.name), .text(c.service), .text(c.directorate), .date(c.since),
                c.baseline.map { .money($0) } ?? .empty,
            ])
        }
        return t
    }

    static func entriesTable(_ s: HolderStatement) -> Table {
        var t = Table(columns: [
            .init("entry", "Entry"), .init("effective", "Date"), .init("kind", "Kind"), .init("ref", "Ref"),
            .init("year", "Year"), .init("amount", "Amount"), .init("by", "By"), .init("reason", "Reason", maxTextWidth: 50),
        ])
        for e in s.entries {
            t.rows.append([
                .integer(e.id), .date(e.effective), .text(e.kind.rawValue), .text(e.proposal.rawValue), .text(e.year.description),
                .money(e.shownAmount), .text(e.actor), .text(e.reason),
            ])
        }
        return t
    }

    /// The sign-off status (SPEC §3.3): signed, changed since signed and by how much, or not signed.
    static func signOffText(_ s: HolderStatement) -> String {
        func signed(_ o: SignOff) -> String {
            // The head the signed figures were made from: the sign-off is recorded after it, so
            // the page's own head is later; say so rather than show two heads unexplained.
            "signed by \(o.signer) on \(o.signedAt.prefix(10))" + (o.head.map { ", as the figures stood at ledger head \($0.short) (the sign-off is recorded after it)" } ?? "")
                + (o.comment.isEmpty ? "." : ": \(o.comment)")
        }
        switch s.signature {
        case .signed(let o):
            return "This statement was " + signed(o)
        case .changed(let o, let changes):
            let what = changes.map {
                $0.figure == "lines" ? "proposals on it" : $0.amount.isZero ? $0.figure : "\($0.figure) \($0.amount.signedText)"
            }
            return "Changed since signed (\(what.joined(separator: ", "))): it was " + signed(o)
        case .notSigned:
            guard let last = s.previousSignOff else { return "Not signed. No earlier statement has been signed." }
            return "Not signed. Last signed for \(last.period) by \(last.signer) on \(last.signedAt.prefix(10))"
                + (last.comment.isEmpty ? "." : ": \(last.comment)")
        }
    }

    /// What the reader must know before the figures: a month outside the MTFS, or directorates that
    /// have not returned for it yet. Nil when neither.
    static func notice(_ s: HolderStatement) -> String? {
        if s.outsideWindow, let window = s.window {
            return "\(s.period) is outside the ledger's MTFS years (\(window)): there are no targets for it, and nothing below is due."
        }
        let awaiting = s.awaitingReturns
        guard !awaiting.isEmpty else { return nil }
        let last = awaiting.map { d in
            "\(d) \(s.latestReturns.first { $0.directorate == d }.map { "last returned \($0.period)" } ?? "has not returned at all")"
        }
        return "No return for \(s.period) yet (\(last.joined(separator: "; "))): delivery is as last returned, so a shortfall against "
            + "this month's profile may only be a return still to come."
    }

    /// The month-by-month trend on the holder's own proposals, one row a month, or nil when there is none.
    static func trendTable(_ s: HolderStatement) -> Table? {
        guard !s.trend.isEmpty else { return nil }
        var t = Table(columns: [
            .init("period", "Month"), .init("delivered", "Delivered to date"), .init("profiled", "Profile"), .init("variance", "Variance"),
        ])
        for point in s.trend {
            t.rows.append([.text(point.period.description), .money(point.delivered), .money(point.profiled), .money(point.variance)])
        }
        return t
    }

    /// The rows (by position) whose delivery is behind profile beyond tolerance; the totals row is
    /// row -1, behind when the statement's total is.
    static func behindRows(_ lines: [HolderStatement.Line], total: Bool = false) -> Set<Int> {
        Set(lines.indices.filter { lines[$0].behind } + (total ? [-1] : []))
    }

    /// The latest return's comment (the holder's mitigation) for each line that has one.
    /// A comment from an earlier month's return than the statement's names that month.
    static func comments(_ lines: [HolderStatement.Line], period: Period) -> [(ref: String, comment: String)] {
        lines.filter { !$0.comment.trimmingSpaces().isEmpty }.map { l in
            (l.returned.map { $0 < period ? "\(l.ref) (\($0))" : l.ref.rawValue } ?? l.ref.rawValue, l.comment)
        }
    }

    /// Where the figures come from: the head of the record chain they were read at, and the month
    /// each of the holder's directorates last returned.
    static func headText(_ s: HolderStatement) -> String {
        "Ledger head \(s.head.short)"
            + (s.latestReturns.isEmpty
                ? "" : " · latest returns: " + s.latestReturns.map { "\($0.directorate) \($0.period)" }.joined(separator: ", "))
    }

    /// The statement in one sentence. `money`: how an amount is written — to the penny as the
    /// text and Markdown tables are, or to the pound on a page, as its tables are.
    static func headline(_ s: HolderStatement, money: (Pence) -> String = { $0.description }) -> String {
        let t = s.totals
        let behind = t.variance.isNegative ? "\(money(t.variance.magnitude)) behind profile" : "\(money(t.variance)) ahead of profile"
        let unforecast = s.owned.filter(\.noForecast).count
        let unreported = s.owned.filter(\.notReported).map(\.ref.rawValue)
        let over = s.owned.compactMap(\.overDelivered).reduce(Pence.zero, +)
        let who = s.portfolio != nil ? "The portfolio has" : "You own"
        return "\(who) \(s.owned.count) proposal\(s.owned.count == 1 ? "" : "s") with \(money(t.currentTarget)) to deliver in \(s.period.year)"
            + (t.funds.count > 1 ? " (all funds: \(t.funds.joined(separator: " + ")))" : "")
            + (t.fallsOut.isZero ? "" : ", and \(money(t.fallsOut)) of savings falling out (a pressure)") + ": "
            + "\(money(t.delivered)) delivered by \(s.period), \(behind)"
            + (unreported.isEmpty ? "" : " (\(unreported.joined(separator: ", ")) not reported)") + "; forecast \(money(t.forecast))"
            + (unforecast == 0 ? "" : " (\(unforecast) proposal\(unforecast == 1 ? " has" : "s have") no forecast: \(money(t.noForecast)) of target)")
            + (over.isZero ? "" : "; over-delivered by \(money(over))") + "."
    }

}

/// The parts of a self-contained, printable HTML page: inline CSS, inline SVG, no network.
public enum HTMLPage {
    public static let css = """
        @page { size: A4 portrait; margin: 10mm; }
        body { font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1d2430; margin: 24px auto; max-width: 1180px; padding: 0 16px; }
        header { border-bottom: 3px solid #1f4e79; margin-bottom: 12px; }
        h1 { font-size: 22px; margin: 0; color: #1f4e79; } h2 { font-size: 15px; margin: 22px 0 6px; color: #1f4e79; }
        .who { font-size: 18px; font-weight: 600; margin: 4px 0 0; } .meta { color: #5b6575; margin: 2px 0 8px; }
        .headline { font-size: 14px; background: #f2f6fa; border-left: 4px solid #1f4e79; padding: 8px 12px; }
        .notice { font-size: 14px; background: #fff4e5; border-left: 4px solid #c77700; padding: 8px 12px; }
        h3 { font-size: 13px; margin: 10px 0 4px; } ul.comments { margin: 0; padding-left: 18px; }
        table { border-collapse: collapse; width: 100%; font-size: 11px; } figure { margin: 8px 0; }
        .wide { overflow-x: auto; } .wide th, .wide td { white-space: nowrap; }
        th, td { padding: 3px 4px; border-bottom: 1px solid #dde3ea; text-align: left; vertical-align: top; }
        th { background: #eef2f6; font-weight: 600; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr.total td { font-weight: 700; border-top: 2px solid #1d2430; }
        td.neg { color: #b00020; } td.ragcell { white-space: nowrap; } td { overflow-wrap: anywhere; } td.num, td.ref { overflow-wrap: normal; white-space: nowrap; }
        .rag { display: inline-block; min-width: 18px; padding: 1px 6px; border-radius: 9px; font-weight: 700; color: #fff; text-align: center; }
        .rag-B { background: #1f5fbf; } .rag-G { background: #2e7d32; } .rag-A { background: #a85d00; } .rag-R { background: #c62828; }
        ul.findings { padding-left: 18px; } ul.findings li { margin-bottom: 6px; }
        .sev { text-transform: uppercase; font-size: 11px; padding: 0 4px; border-radius: 3px; background: #eee; }
        .sev-critical .sev { background: #c62828; color: #fff; } .sev-high .sev { background: #b34700; color: #fff; }
        .sev-medium .sev { background: #f9a825; } .code { color: #5b6575; font-size: 11px; } .amt { font-variant-numeric: tabular-nums; color: #5b6575; }
        .money { font-variant-numeric: tabular-nums; white-space: nowrap; } .ref, .cc { font-weight: 600; white-space: nowrap; }
        .signoff { margin-top: 24px; border: 1px solid #c9d2dc; padding: 8px 14px; page-break-inside: avoid; }
        .sig { display: flex; gap: 48px; margin: 28px 0 8px; } .sig span { border-top: 1px solid #1d2430; padding-top: 2px; min-width: 220px; }
        svg text { font: 11px system-ui, Arial, sans-serif; fill: #1d2430; }
        .legend span { display: inline-block; margin-right: 14px; } .legend i { display: inline-block; width: 12px; height: 10px; margin-right: 4px; vertical-align: middle; }
        svg.chart-narrow { display: none; }
        @media screen and (max-width: 640px) {
          table.cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
          table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; width: auto; }
          table.cards { font-size: 13px; } table.cards tr { border: 1px solid #c9d2dc; border-radius: 6px; margin: 0 0 10px; padding: 4px 10px; }
          table.cards td, .wide table.cards td { display: flex; justify-content: space-between; gap: 12px; border: 0; padding: 3px 0; text-align: right; white-space: normal; overflow-wrap: anywhere; }
          table.cards td.ref, table.cards td.cc, table.cards td.num { overflow-wrap: normal; }
          table.cards td::before { content: attr(data-label); flex: 0 0 45%; font-weight: 600; color: #5b6575; text-align: left; }
          table.cards td:empty { display: none; } table.cards tr.total { border: 2px solid #1d2430; } table.cards tr.total td { border: 0; }
          .wide, .scroll { overflow-x: visible; } svg { max-width: 100%; height: auto; }
          svg.chart-wide { display: none; } svg.chart-narrow { display: block; } }
        @media print { body { margin: 0; max-width: none; padding: 0; font-size: 10px; } table { font-size: 8px; } th, td { padding: 2px; }
          h1 { font-size: 16px; } h2 { font-size: 12px; margin: 8px 0 3px; } .who { font-size: 14px; } .headline, .notice { font-size: 10px; padding: 4px 8px; }
          svg { max-height: 170px; } h2 { page-break-after: avoid; } tr { page-break-inside: avoid; } ul.findings li { margin-bottom: 2px; }
          ul.findings, ul.comments { font-size: 9px; } .signoff { margin-top: 8px; padding: 2px 10px; } .signoff p { margin: 4px 0; } .sig { margin: 14px 0 2px; } }
        """

    /// Findings as a list: code and name, severity, amount, and the sentence with its parts marked.
    public static func findings(_ findings: [Finding]) -> HTML {
        "<ul class=\"findings\">"
            + findings.map { f -> HTML in
                "<li class=\"sev-\(f.severity.rawValue)\"><b>\(f.code.plainName)</b> <span class=\"code\">\(f.code.rawValue)</span> <span class=\"sev\">\(f.severity.rawValue)</span> <span class=\"amt\">\(f.amount.formatted())</span><br>\(FindingHTML.sentence(f.sentence))</li>"
            }.joined() + "</ul>"
    }

    /// A whole page.
    /// `extraCSS`: a report's own rules after the common ones (constants, never user input).
    public static func page(title: String, body: HTML, extraCSS: String = "") -> HTML {
        // The style sheets are constants of ours, never input.
        let style = HTML(rendered: css + extraCSS)
        return "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>\(title)</title><style>\(style)</style></head><body><main>\(body)</main></body></html>\n"
    }

    /// A table; money right-aligned, negative amounts in red, RAG as a coloured badge with its letter.
    /// `calm`: a column whose negative amounts are red only in the given rows (a statement's variance:
    /// red only when behind beyond tolerance, not for a few pounds of rounding against the profile).
    /// `exact`: money to the penny (a preview of what will be posted), not to the pound.
    /// `link`: an address for a row's cell in a column (a holder's name to their statement), or nil.
    public static func table(
        _ t: Table, ragColumn: String? = nil, calm: (column: String, alarmed: Set<Int>)? = nil, exact: Bool = false,
        link: ((_ row: Int, _ column: String) -> String?)? = nil
    ) -> HTML {
        let ragIndex = ragColumn.flatMap { key in t.columns.firstIndex { $0.key == key } }
        let calmIndex = calm.flatMap { c in t.columns.firstIndex { $0.key == c.column } }
        var row = -1
        func cell(_ c: Table.Cell, _ i: Int, header: Bool = false) -> HTML {
            let numeric: Bool
            switch c {
            case .money, .integer, .percent: numeric = true
            default: numeric = false
            }
            // A ref or a cost-centre code is one token: never broken across lines, on a phone's card either.
            let key = t.columns.indices.contains(i) ? t.columns[i].key : ""
            var cls = numeric ? "num" : key == "ref" ? "ref" : ["cost_centre", "code", "cost_centres"].contains(key) ? "cc" : ""
            let neutral = t.columns.indices.contains(i) && t.columns[i].neutralSign
            if case .money(let p) = c, p.isNegative, !neutral, i != calmIndex || calm?.alarmed.contains(row) == true { cls += " neg" }
            // Figures to the pound on a page (the CSV, JSON and workbook keep the pence).
            var text: HTML = "\((exact ? nil : c.money?.forReading) ?? Table.shown(c))"
            if i == ragIndex, case .text(let s) = c, let letter = s.first, "BGAR".contains(letter) {
                // The letter in its colour; the name as the badge's title (a page must fit A4 portrait).
                text = "<span class=\"rag rag-\(letter)\" title=\"\(String(s.dropFirst(2)))\">\(letter)</span>"
                cls += " ragcell"
            }
            if row >= 0, t.columns.indices.contains(i), let href = link?(row, t.columns[i].key) {
                text = "<a href=\"\(href)\">\(text)</a>"
            }
            // The column's heading beside each value when a phone shows the row as a card.
            let label: HTML = t.columns.indices.contains(i) ? " data-label=\"\(t.columns[i].heading)\"" : .empty
            return "<td class=\"\(cls)\"\(label)>\(text)</td>"
        }
        let numericColumns = t.columns.indices.map { i in
            t.rows.contains { row in
                guard i < row.count else { return false }
                switch row[i] {
                case .money, .percent: return true
                default: return false
                }
            }
        }
        let headings = t.columns.enumerated().map { c -> HTML in
            "<th class=\"\(numericColumns[c.offset] ? "num" : "")\">\(c.element.heading)</th>"
        }
        var out: HTML = "<table class=\"cards\"><thead><tr>\(headings.joined())</tr></thead><tbody>"
        for (i, cells) in t.rows.enumerated() {
            row = i
            let open: HTML = t.subtotals.contains(i) ? "<tr class=\"total\">" : "<tr>"
            out += open + cells.enumerated().map { cell($0.element, $0.offset) }.joined() + "</tr>"
        }
        row = -1
        if let totals = t.totals {
            out += "<tr class=\"total\">" + totals.enumerated().map { cell($0.element, $0.offset) }.joined() + "</tr>"
        }
        if t.rows.isEmpty { out += "<tr><td colspan=\"\(t.columns.count)\">None.</td></tr>" }
        return out + "</tbody></table>"
    }

    /// Horizontal bars per item: target (grey), delivered (blue), forecast (outline), with the RAG letter.
    /// Drawn twice: wide, with the name beside each bar, and narrow for a phone, the name above it,
    /// so its text is read at its own size on either (one drawing scaled to a phone's width shrank
    /// its labels to about 4 px). CSS shows one.
    public static func chart(bars: [(label: String, target: Pence, delivered: Pence, forecast: Pence, rag: RAG?)], title: String) -> HTML
    {
        guard !bars.isEmpty else { return .empty }
        let maxValue = max(1, bars.map { max($0.target.rawValue, $0.delivered.rawValue, $0.forecast.rawValue) }.max() ?? 1)
        var svg: HTML =
            "<figure><figcaption><b>\(title)</b> <span class=\"legend\"><span><i style=\"background:#c9d2dc\"></i>target</span>"
        svg +=
            "<span><i style=\"background:#1f4e79\"></i>delivered</span><span><i style=\"border:2px solid #a85d00;height:6px\"></i>forecast</span></span></figcaption>"
        func drawing(narrow: Bool) -> HTML {
            let labelWidth = narrow ? 0 : 150, barWidth = narrow ? 250 : 640, rowHeight = narrow ? 44 : 26, top = 8
            let width = labelWidth + barWidth + (narrow ? 110 : 170)
            let height = top + bars.count * rowHeight + 8
            func x(_ p: Pence) -> Int { Int(Double(max(0, p.rawValue)) / Double(maxValue) * Double(barWidth)) }
            var out: HTML =
                "<svg class=\"chart-\(narrow ? "narrow" : "wide")\" role=\"img\" aria-label=\"\(title)\" style=\"width:100%;max-width:\(width)px;height:auto\" viewBox=\"0 0 \(width) \(height)\">"
            for (i, b) in bars.enumerated() {
                // Narrow: the name on a line of its own, the bar under it.
                let y = top + i * rowHeight + (narrow ? 18 : 0)
                let label = String(b.label.prefix(narrow ? 40 : 22))
                out += narrow ? "<text x=\"0\" y=\"\(y - 4)\">\(label)</text>" : "<text x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" text-anchor=\"end\">\(label)</text>"
                out += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(x(b.target))\" height=\"16\" fill=\"#c9d2dc\"/>"
                out += "<rect x=\"\(labelWidth)\" y=\"\(y + 7)\" width=\"\(x(b.delivered))\" height=\"8\" fill=\"#1f4e79\"/>"
                out += "<rect x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(x(b.forecast))\" height=\"18\" fill=\"none\" stroke=\"#a85d00\" stroke-width=\"2\"/>"
                let ragText = b.rag.map { " \($0.rawValue)" } ?? ""
                // Text colours dark enough to read on white (WCAG AA): the amber is darker than a badge's.
                let colour = b.rag.map { ["B": "#1f5fbf", "G": "#2e7d32", "A": "#a85d00", "R": "#c62828"][$0.rawValue] ?? "#1d2430" } ?? "#1d2430"
                let figures = narrow ? b.delivered.forReading : "\(b.delivered.forReading) of \(b.target.forReading)"
                out += "<text x=\"\(labelWidth + barWidth + 8)\" y=\"\(y + 15)\">\(figures)</text>"
                out += "<text x=\"\(labelWidth + barWidth + (narrow ? 92 : 150))\" y=\"\(y + 15)\" fill=\"\(colour)\" font-weight=\"700\">\(ragText)</text>"
            }
            return out + "</svg>"
        }
        return svg + drawing(narrow: false) + drawing(narrow: true) + "</figure>"
    }

    /// Delivered to date against the profile, month by month, as a line chart: the profile dashed,
    /// delivered solid, each month's delivered marked (red when behind). The table beside it has
    /// the figures; the chart's label says where the latest month stands.
    public static func trendChart(points: [(month: Int, delivered: Pence, profiled: Pence, behind: Bool)], title: String) -> HTML {
        guard let last = points.last else { return .empty }
        let top1 = max(1, points.map { max($0.delivered.rawValue, $0.profiled.rawValue) }.max() ?? 1)
        let summary = "\(title): delivered \(last.delivered.forReading) against a profile of \(last.profiled.forReading) at month \(last.month)"
        // Drawn at a phone's width and at a page's, each shown at its own size (as `chart`).
        func drawing(narrow: Bool) -> HTML {
            let width = narrow ? 360 : 560, height = narrow ? 190 : 220, left = 80, right = 12, top = 12, bottom = 28
            func x(_ month: Int) -> Int { left + (month - 1) * (width - left - right) / 11 }
            func y(_ p: Pence) -> Int { top + Int(Double(top1 - max(0, p.rawValue)) / Double(top1) * Double(height - top - bottom)) }
            var out: HTML = "<svg class=\"chart-\(narrow ? "narrow" : "wide")\" role=\"img\" aria-label=\"\(summary)\" style=\"width:100%;max-width:\(width)px;height:auto\" viewBox=\"0 0 \(width) \(height)\">"
            out += "<line x1=\"\(left)\" y1=\"\(y(.zero))\" x2=\"\(width - right)\" y2=\"\(y(.zero))\" stroke=\"#5b6575\"/>"
            out += "<line x1=\"\(left)\" y1=\"\(y(Pence(top1)))\" x2=\"\(width - right)\" y2=\"\(y(Pence(top1)))\" stroke=\"#dde3ea\"/>"
            out += "<text x=\"\(left - 6)\" y=\"\(y(.zero) + 4)\" text-anchor=\"end\">£0</text>"
            out += "<text x=\"\(left - 6)\" y=\"\(y(Pence(top1)) + 4)\" text-anchor=\"end\">\(Pence(top1).forReading)</text>"
            for m in [1, 4, 7, 10, 12] { out += "<text x=\"\(x(m))\" y=\"\(height - 8)\" text-anchor=\"middle\">P\(m)</text>" }
            let profile = points.map { "\(x($0.month)),\(y($0.profiled))" }.joined(separator: " ")
            let delivered = points.map { "\(x($0.month)),\(y($0.delivered))" }.joined(separator: " ")
            out += "<polyline points=\"\(profile)\" fill=\"none\" stroke=\"#5b6575\" stroke-width=\"2\" stroke-dasharray=\"5 4\"/>"
            out += "<polyline points=\"\(delivered)\" fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"2.5\"/>"
            for p in points { out += "<circle cx=\"\(x(p.month))\" cy=\"\(y(p.delivered))\" r=\"3.5\" fill=\"\(p.behind ? "#c62828" : "#1f4e79")\"/>" }
            return out + "</svg>"
        }
        let legend: HTML = "<figcaption class=\"legend\"><span><i style=\"background:#1f4e79\"></i>delivered to date</span>"
            + "<span><i style=\"border-top:2px dashed #5b6575;height:0\"></i>profile</span><span><i style=\"background:#c62828;border-radius:6px\"></i>behind profile</span></figcaption></figure>"
        return "<figure>" + drawing(narrow: false) + drawing(narrow: true) + legend
    }
}

/// The statements index page: each holder's position and sign-off status, with links to their files.
public enum StatementIndexRenderer {
    /// `formats`: the formats each holder's statement was written in.
    public static func html(_ index: StatementIndex, formats: [DocumentFormat]) -> String {
        let signed = index.entries.filter { $0.signOffStatus == "signed" }.count
        let changed = index.entries.filter { $0.signOffStatus == "changed since signed" }.count
        var body: HTML =
            "<header><h1>Savings statements</h1><p class=\"meta\">\(index.period.description) · \(index.entries.count) budget holders · "
            + "\(signed) signed, \(changed) changed since signed, \(index.entries.count - signed - changed) not signed · ledger head \(index.head.short)</p></header>"
        body +=
            "<table class=\"cards\"><thead><tr><th>Budget holder</th><th>Directorate</th><th class=\"num\">Proposals</th><th class=\"num\">Current target</th>"
            + "<th class=\"num\">Delivered</th><th class=\"num\">Variance to profile</th><th>RAG</th><th class=\"num\">Findings</th><th>Sign-off</th><th>Files</th></tr></thead><tbody>"
        for e in index.entries {
            let base = e.file
            let links = formats.map { f -> HTML in "<a href=\"\(base).\(f.fileExtension)\">\(f.rawValue)</a>" }.joined(separator: " · ")
            // The letter beside the count, not colour alone: readable in print and without colour.
            let rag = [("B", "Blue", e.blue), ("G", "Green", e.green), ("A", "Amber", e.amber), ("R", "Red", e.red)].filter { $0.2 > 0 }
                .map { r -> HTML in "<span class=\"rag rag-\(r.0)\" title=\"\(r.1)\">\(r.0)</span> \(r.2)" }.joined(separator: " ")
                + (e.unrated > 0 ? "\(" \(e.unrated) unrated")" : .empty)
            body += "<tr><td data-label=\"Budget holder\">\(e.holder)</td><td data-label=\"Directorate\">\(e.directorates.joined(separator: ", "))</td><td class=\"num\" data-label=\"Proposals\">\(e.proposals)</td>"
            body += "<td class=\"num\" data-label=\"Current target\">\(e.currentTarget.forReading)</td><td class=\"num\" data-label=\"Delivered\">\(e.delivered.forReading)</td>"
            let awaiting: HTML = e.awaitingReturns.isEmpty ? .empty : "<br><span class=\"amt\">no \(index.period.description) return yet</span>"
            body += "<td class=\"num\(e.behind ? " neg" : "")\" data-label=\"Variance to profile\">\(e.variance.forReading)\(awaiting)</td><td class=\"ragcell\" data-label=\"RAG\">\(rag)</td>"
            body += "<td class=\"num\" data-label=\"Findings\">\(e.findings)</td><td data-label=\"Sign-off\">\(e.signOffStatus)</td><td data-label=\"Files\">\(links)</td></tr>"
        }
        if index.entries.isEmpty { body += "<tr><td colspan=\"10\">No budget holders.</td></tr>" }
        body += "</tbody></table>"
        return HTMLPage.page(title: "Savings statements \(index.period)", body: body).text
    }
}
