import MTFSDomain

extension Ledger {
    /// The latest forecast for each proposal and year made by the end of `asOf` (all periods when nil).
    public func latestForecasts(ref: String? = nil, asOf: Period? = nil) throws -> [ForecastRecord] {
        // The newest row wins: the latest period, and within it the latest recorded (highest id).
        try db.query(
            """
            SELECT f.proposal, f.year, f.period, f.forecast, f.rag, f.comment, f.actor, f.recorded_at, f.source
            FROM forecasts f
            WHERE f.id = (SELECT g.id FROM forecasts g
                          WHERE g.proposal = f.proposal AND g.year = f.year AND g.period <= ?
                          ORDER BY g.period DESC, g.id DESC LIMIT 1)
              AND (? IS NULL OR f.proposal = ?)
            ORDER BY f.proposal, f.year
            """, asOf?.code ?? 999_999, ref, ref
        ) { row in
            ForecastRecord(
                proposal: row.text(0), year: FinancialYear(startYear: Int(row.int(1))),
                period: Period(code: Int(row.int(2))) ?? FinancialYear(startYear: Int(row.int(1))).period(1),
                forecast: Pence(row.int(3)), rag: RAG(rawValue: row.text(4)) ?? .amber, comment: row.text(5),
                actor: row.text(6), recordedAt: row.text(7), source: row.text(8))
        }
    }
}
