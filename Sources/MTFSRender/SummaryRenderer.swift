import MTFSDomain
import MTFSEngine

/// Renders the CFO ``Summary``.
public enum SummaryRenderer {
    /// By year, each directorate and then the year's total (never a total across years); `totals:
    /// false` gives the data rows alone, by directorate and year (the CSV).
    static func table(_ s: Summary, totals: Bool = true) -> Table {
        // A fund column only where the programme has more than one fund; each fund has its own
        // total, and funds are never added together (SPEC §5 v3).
        let funds = s.funds
        let byFund = funds.count > 1
        var t = Table(
            columns: (byFund ? [.init("fund", "Fund")] : []) + [
                .init("directorate", s.grouping.heading), .init("year", "Year"), .init("original_target", "Original target"),
                .init("current_target", "Current target"), .init("delivered", "Delivered"), .init("forecast", "Forecast"),
                .init("no_forecast", "No forecast"), .init("slipped", "Slipped (net)", neutralSign: true), .init("unachievable", "Unachievable"),
                .init("falls_out", "Falls out (pressure)"), .init("delivery_rate", "Delivered % of current"),
                .init("delivery_rate_original", "Delivered % of original"), .init("weighted_forecast", "Confidence-weighted"),
            ])
        func cells(_ r: Summary.Row, label: String, year: String) -> [Table.Cell] {
            (byFund ? [.text(r.fund)] : []) + [
                .text(label), .text(year), .money(r.originalTarget), .money(r.currentTarget), .money(r.delivered), .money(r.forecast),
                .money(r.noForecast), .money(r.slipped), .money(r.unachievable), .money(r.fallsOut), .percent(r.deliveryRate),
                .percent(r.deliveryRateOfOriginal), .money(r.weightedForecast),
            ]
        }
        guard totals else {
            t.rows = s.rows.map { cells($0, label: $0.directorate, year: $0.year.description) }
            return t
        }
        for total in s.totals {
            t.rows += s.byDirectorate(in: total.year, fund: total.fund).map { cells($0, label: $0.directorate, year: $0.year.description) }
            let label = byFund ? "Total \(total.fund)" : "Total"
            if s.totals.count == 1 {
                t.totals = cells(total, label: label, year: total.year.description)
            } else {
                t.subtotals.insert(t.rows.count)
                t.rows.append(cells(total, label: label, year: total.year.description))
            }
        }
        return t
    }

    /// The service impacts reported, unforeseen first, or nil when none were.
    static func impactsTable(_ s: Summary) -> Table? {
        guard !s.impacts.isEmpty else { return nil }
        var t = Table(columns: [
            .init("foreseen", "Foreseen?"), .init("period", "Reported"), .init("ref", "Ref"), .init("title", "Proposal", maxTextWidth: 40),
            .init("impact", "Impact", maxTextWidth: 60), .init("owner", "Owner"), .init("portfolio_holder", "Portfolio holder"),
        ])
        for i in s.impacts {
            t.rows.append([
                .text(i.unforeseen ? "NOT foreseen" : "foreseen"), .text(i.report.period.description), .text(i.report.ref.rawValue),
                .text(i.proposal.title), .text(i.report.impact.text), .text(i.proposal.owner), .text(i.proposal.portfolioHolder ?? ""),
            ])
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
