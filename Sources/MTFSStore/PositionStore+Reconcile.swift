import Foundation
import MTFSDomain

extension PositionStore {
    /// The latest period with a return, a forecast or a delivery: "now" for the books.
    public func latestActivityPeriod() throws -> Period? {
        // Each part is one seek from the top of a period index (the latest delivery is almost
        // always among the last entries).
        let code = try db.scalar(
            """
            SELECT max(p) FROM (SELECT max(period) AS p FROM return_lines UNION ALL SELECT max(period) FROM forecasts
                                UNION ALL SELECT * FROM (SELECT period FROM entries INDEXED BY entries_by_period
                                                         WHERE kind IN ('deliver', 'reduce') ORDER BY period DESC LIMIT 1))
            """)
        return code == 0 ? nil : Period(code: Int(code))
    }

    /// Slips effective by the end of `asOf` that have not been reversed by then, oldest first.
    public func slips(asOf: Period) throws -> [SlipRecord] {
        let cutoff = asOf.lastDay.description
        return try db.query(
            """
            SELECT e.id, e.proposal, e.year, e.to_year, e.effective, e.reason,
                   (SELECT sum(p.amount) FROM postings p WHERE p.entry = e.id AND p.amount > 0)
            FROM entries e
            WHERE e.kind = 'slip' AND e.effective <= ?
              AND NOT EXISTS (SELECT 1 FROM entries r WHERE r.reverses = e.id AND r.effective <= ?)
            ORDER BY e.effective, e.id
            """, cutoff, cutoff
        ) { row in
            SlipRecord(
                entry: row.int(0), proposal: row.id(1), from: FinancialYear(startYear: Int(row.int(2))),
                to: FinancialYear(startYear: Int(row.optionalInt(3) ?? row.int(2))), amount: Pence(row.int(6)),
                effective: try CivilDate(parsing: row.text(4)), reason: row.text(5))
        }
    }

    /// Each proposal's latest delivery (not reversed) effective by the end of `asOf`; only the
    /// proposals in `refs` when given (one index seek each instead of reading every delivery).
    public func latestDeliveries(asOf: Period, of refs: Set<ProposalRef>? = nil) throws -> [ProposalRef: CivilDate] {
        let cutoff = asOf.lastDay.description
        var out: [ProposalRef: CivilDate] = [:]
        var only: String?
        if let refs {
            guard !refs.isEmpty else { return [:] }
            only = String(decoding: try JSONEncoder().encode(refs.sorted()), as: UTF8.self)
        }
        try db.forEach(
            """
            SELECT e.proposal, max(e.effective) FROM entries e
            WHERE e.kind = 'deliver' AND e.effective <= ?1
              AND (?2 IS NULL OR e.proposal IN (SELECT value FROM json_each(?2)))
              AND e.id NOT IN (SELECT reverses FROM entries WHERE kind = 'reverse' AND effective <= ?1)
            GROUP BY e.proposal
            """, parameters: [cutoff, only]
        ) { row in
            out[row.id(0)] = try CivilDate(parsing: row.text(1))
        }
        return out
    }
}
