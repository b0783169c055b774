import MTFSDomain

extension Ledger {
    /// Positions by proposal, year and cost centre, from SQL aggregation over every posting effective
    /// by the end of `asOf` (all when nil). A reversal counts as the kind of movement it reverses.
    public func positionLines(asOf: Period? = nil) throws -> [PositionLine] {
        var lines: [String: PositionLine] = [:]
        // Each row: the movement kind (reversals classed as what they reverse), which leg of a slip
        // the posting is (the year slipped from, or to), the account, and the net amount.
        let sql = """
            SELECT coalesce(o.kind, e.kind) AS movement,
                   CASE WHEN coalesce(o.kind, e.kind) = 'slip' AND a.year = coalesce(o.to_year, e.to_year) THEN 'in'
                        WHEN coalesce(o.kind, e.kind) = 'slip' THEN 'out' ELSE '' END AS leg,
                   a.kind, a.proposal, a.year, a.cost_centre, sum(p.amount)
            FROM postings p
            JOIN entries e ON e.id = p.entry
            LEFT JOIN entries o ON o.id = e.reverses
            JOIN accounts a ON a.id = p.account
            WHERE a.proposal IS NOT NULL AND e.effective <= ?
            GROUP BY movement, leg, a.kind, a.proposal, a.year, a.cost_centre
            """
        let cutoff = asOf?.lastDay.description ?? "9999-12-31"
        try db.forEach(sql, parameters: [cutoff]) { row in
            let movement = row.text(0)
            let leg = row.text(1)
            guard let kind = AccountKind(rawValue: row.text(2)) else { return }
            let ref = row.text(3)
            let year = FinancialYear(startYear: Int(row.int(4)))
            let centre = row.text(5)
            let amount = Pence(row.int(6))
            let key = "\(ref)\u{1F}\(year.startYear)\u{1F}\(centre)"
            var line = lines[key] ?? PositionLine(proposal: ref, year: year, costCentre: centre, position: Position())
            switch kind {
            case .planned:
                line.position.planned += amount
                if movement == "approve" { line.position.originalTarget += amount }
                if leg == "in" { line.position.slippedIn += amount }
                if leg == "out" { line.position.slippedOut -= amount }
            case .delivered: line.position.delivered += amount
            case .unachievable: line.position.unachievable += amount
            case .requirement: break
            }
            lines[key] = line
        }
        return lines.values.sorted { ($0.proposal, $0.year, $0.costCentre) < ($1.proposal, $1.year, $1.costCentre) }
    }

    /// The MTFS requirement for each year: what was approved for it (net of reversed approvals).
    public func requirements(asOf: Period? = nil) throws -> [FinancialYear: Pence] {
        var out: [FinancialYear: Pence] = [:]
        try db.forEach(
            """
            SELECT a.year, -sum(p.amount) FROM postings p JOIN accounts a ON a.id = p.account JOIN entries e ON e.id = p.entry
            WHERE a.kind = 'requirement' AND e.effective <= ? GROUP BY a.year
            """, parameters: [asOf?.lastDay.description ?? "9999-12-31"]
        ) { row in
            out[FinancialYear(startYear: Int(row.int(0)))] = Pence(row.int(1))
        }
        return out
    }
}
