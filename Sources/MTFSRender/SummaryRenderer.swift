import MTFSDomain
import MTFSEngine

/// Renders the CFO ``Summary``.
public enum SummaryRenderer {
    static func table(_ s: Summary) -> Table {
        var t = Table(columns: [
            .init("directorate", "Directorate"), .init("year", "Year"), .init("original_target", "Original target"),
            .init("current_target", "Current target"), .init("delivered", "Delivered"), .init("forecast", "Forecast"),
            .init("slipped", "Slipped (net)"), .init("unachievable", "Unachievable"), .init("delivery_rate", "Delivered %"),
            .init("weighted_forecast", "Confidence-weighted"),
        ])
        func cells(_ r: Summary.Row, label: String, year: String) -> [Table.Cell] {
            [
                .text(label), .text(year), .money(r.originalTarget), .money(r.currentTarget), .money(r.delivered), .money(r.forecast),
                .money(r.slipped), .money(r.unachievable), .percent(r.deliveryRate), .money(r.weightedForecast),
            ]
        }
        t.rows = s.rows.map { cells($0, label: $0.directorate, year: $0.year.description) }
        t.totals = cells(s.total, label: "Total", year: "")
        return t
    }

    static func title(_ s: Summary) -> String {
        "MTFS savings summary as at the end of \(s.asOf)" + (s.structure.map { ", restated under the operating model of \($0)" } ?? "")
            + " (ledger head \(s.head.short))"
    }

    public static func render(_ s: Summary, as format: DocumentFormat) throws -> String {
        var t = table(s)
        switch format {
        case .csv:
            t.totals = nil
            return t.renderCSV()
        case .json:
            return try JSONOutput.encode(s)
        case .markdown:
            t.title = title(s)
            return t.renderMarkdown() + "\n## Top findings (\(s.findingCount) in all)\n\n"
                + s.topFindings.map { "- **\($0.code.rawValue)** \($0.amount): \(Escape.markdown($0.message))" }.joined(separator: "\n")
                + "\n"
        case .text:
            t.title = title(s)
            return t.renderText() + "\nTop findings (\(s.findingCount) in all; `mtfs reconcile` lists them)\n"
                + s.topFindings.map {
                    "  \($0.severity.rawValue.uppercased()) \($0.code.rawValue) \($0.amount.formatted()): \(Escape.terminal($0.message))"
                }.joined(separator: "\n") + "\n"
        case .html:
            let bars = s.byDirectorate.map { ($0.directorate, $0.currentTarget, $0.delivered, $0.forecast, RAG?.none) }
            var body = "<header><h1>MTFS savings summary</h1><p class=\"meta\">\(Escape.html(title(s)))</p></header>"
            body += HTMLPage.chart(bars: bars, title: "Current target, delivered and forecast by directorate")
            body += "<h2>By directorate and year</h2>" + HTMLPage.table(t)
            body +=
                "<h2>Top findings (\(s.findingCount) in all)</h2><ul class=\"findings\">"
                + s.topFindings.map {
                    "<li class=\"sev-\($0.severity.rawValue)\"><b>\($0.code.rawValue) \(Escape.html($0.code.name))</b> <span class=\"sev\">\($0.severity.rawValue)</span> <span class=\"amt\">\(Escape.html($0.amount.formatted()))</span><br>\(FindingHTML.sentence($0.sentence))</li>"
                }.joined() + "</ul>"
            return HTMLPage.page(title: title(s), body: body)
        }
    }
}
