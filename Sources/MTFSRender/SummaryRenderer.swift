import MTFSDomain
import MTFSEngine

/// Renders the CFO ``Summary``.
public enum SummaryRenderer {
    /// By year, each directorate and then the year's total (never a total across years); `totals:
    /// false` gives the data rows alone, by directorate and year (the CSV).
    static func table(_ s: Summary, totals: Bool = true) -> Table {
        var t = Table(columns: [
            .init("directorate", "Directorate"), .init("year", "Year"), .init("original_target", "Original target"),
            .init("current_target", "Current target"), .init("delivered", "Delivered"), .init("forecast", "Forecast"),
            .init("slipped", "Slipped (net)"), .init("unachievable", "Unachievable"), .init("delivery_rate", "Delivered % of current"),
            .init("delivery_rate_original", "Delivered % of original"), .init("weighted_forecast", "Confidence-weighted"),
        ])
        func cells(_ r: Summary.Row, label: String, year: String) -> [Table.Cell] {
            [
                .text(label), .text(year), .money(r.originalTarget), .money(r.currentTarget), .money(r.delivered), .money(r.forecast),
                .money(r.slipped), .money(r.unachievable), .percent(r.deliveryRate), .percent(r.deliveryRateOfOriginal),
                .money(r.weightedForecast),
            ]
        }
        guard totals else {
            t.rows = s.rows.map { cells($0, label: $0.directorate, year: $0.year.description) }
            return t
        }
        for total in s.totals {
            t.rows += s.byDirectorate(in: total.year).map { cells($0, label: $0.directorate, year: $0.year.description) }
            if s.totals.count == 1 {
                t.totals = cells(total, label: "Total", year: total.year.description)
            } else {
                t.subtotals.insert(t.rows.count)
                t.rows.append(cells(total, label: "Total", year: total.year.description))
            }
        }
        return t
    }

    static func title(_ s: Summary) -> String {
        "MTFS savings summary as at the end of \(s.asOf)" + (s.structure.map { ", restated under the operating model of \($0)" } ?? "")
            + " (ledger head \(s.head.short))"
    }

    /// "Latest returns: People 2023/24 P7, Place 2023/24 P7, Resources 2023/24 P6", or nil before any.
    static func returnsLine(_ s: Summary) -> String? {
        s.latestReturns.isEmpty
            ? nil : "Latest returns: " + s.latestReturns.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    }

    public static func render(_ s: Summary, as format: DocumentFormat) throws -> String {
        try format.writer.summary(s)
    }
}
