import MTFSDomain

extension PositionStore {
    /// Positions by proposal, year and cost centre, counting every entry effective by the end of
    /// `asOf` (all when nil). A reversal counts as the kind of movement it reverses.
    ///
    /// When `asOf` is not before the latest entry, the lines are read from `position_lines`, which
    /// the ledger keeps up to date as entries land (one row per line); an earlier `asOf` is
    /// answered from the postings themselves.
    public func positionLines(asOf: Period? = nil) throws -> [PositionLine] {
        if let asOf, Int64(asOf.code) < (try db.scalar("SELECT coalesce(max(period), 0) FROM entries")) {
            return try positionLinesFromPostings(asOf: asOf)
        }
        return try storedPositionLines()
    }

    /// The lines as `position_lines` holds them.
    func storedPositionLines() throws -> [PositionLine] {
        // Room for every line at once and sorted in place: a large programme's lines are a large
        // part of a report's memory, and a growing or sorted copy would hold them twice.
        var lines: [PositionLine] = []
        lines.reserveCapacity(Int(try db.scalar("SELECT count(*) FROM position_lines")))
        try db.forEach(
            """
            SELECT proposal, year, cost_centre, planned, delivered, unachievable, original_target, slipped_in, slipped_out
            FROM position_lines
            """
        ) { row in
            lines.append(
                PositionLine(
                    proposal: row.id(0), year: FinancialYear(startYear: Int(row.int(1))), costCentre: row.id(2),
                    position: PositionStore.keptPosition(from: row, at: 3)))
        }
        lines.sort(by: PositionLine.precedes)
        return lines
    }

    /// The six amounts of a `position_lines` row, from `column` on, in the table's order.
    static func keptPosition(from row: Row, at column: Int32) -> Position {
        var p = Position()
        p.planned = Pence(row.int(column))
        p.delivered = Pence(row.int(column + 1))
        p.unachievable = Pence(row.int(column + 2))
        p.originalTarget = Pence(row.int(column + 3))
        p.slippedIn = Pence(row.int(column + 4))
        p.slippedOut = Pence(row.int(column + 5))
        return p
    }

    /// The lines summed from the postings effective by the end of `asOf` (all when nil).
    ///
    /// Balances come from one `GROUP BY account` over the postings (joined to entries only when
    /// `asOf` cuts into them); only approvals and slips, a small part of a mature ledger, are
    /// classified by movement for the original target and the slips in and out.
    public func positionLinesFromPostings(asOf: Period? = nil) throws -> [PositionLine] {
        // Each account's line (proposal, year, cost centre) and state, by account id (ids are
        // dense), so rows accumulate by index. The accounts come in line order (the index
        // `accounts_proposal`), so a line's accounts are next to one another. (Dictionaries by
        // account and by key took over 300 MiB for the 790,000 accounts of a 100,000-proposal ledger.)
        let lastID = Int(try db.scalar("SELECT coalesce(max(id), 0) FROM accounts"))
        var slots = [(line: Int32, kind: AccountKind)?](repeating: nil, count: lastID + 1)
        func slot(_ account: Int64) -> (line: Int32, kind: AccountKind)? { account >= 0 && account <= lastID ? slots[Int(account)] : nil }
        var result: [PositionLine] = []
        try db.forEach(
            "SELECT id, kind, year, proposal, cost_centre FROM accounts WHERE proposal IS NOT NULL ORDER BY proposal, year, cost_centre"
        ) { row in
            let id = Int(row.int(0))
            guard let kind = AccountKind(rawValue: row.text(1)), id >= 0, id <= lastID else { return }
            let year = FinancialYear(startYear: Int(row.int(2)))
            let proposal: ProposalRef = row.id(3)
            let centre: CostCentreCode = row.id(4)
            let sameLine = result.last.map { $0.proposal == proposal && $0.year == year && $0.costCentre == centre } ?? false
            if !sameLine { result.append(PositionLine(proposal: proposal, year: year, costCentre: centre, position: Position())) }
            slots[id] = (Int32(result.count - 1), kind)
        }
        var touched = [Bool](repeating: false, count: result.count)
        let latest = try db.scalar("SELECT coalesce(max(period), 0) FROM entries")
        let cutoff = Int64(asOf?.code ?? 999_999)
        func update(_ account: Int64, _ body: (inout Position) -> Void) {
            guard let index = slot(account).map({ Int($0.line) }) else { return }
            touched[index] = true
            body(&result[index].position)
        }
        let balancesSQL =
            cutoff >= latest
            ? "SELECT account, sum(amount) FROM postings WHERE ? >= 0 GROUP BY account"
            : "SELECT p.account, sum(p.amount) FROM entries e JOIN postings p ON p.entry = e.id WHERE e.period <= ? GROUP BY p.account"
        try db.forEach(balancesSQL, parameters: [cutoff]) { row in
            let amount = Pence(row.int(1))
            guard let kind = slot(row.int(0))?.kind else { return }
            update(row.int(0)) { p in
                switch kind {
                case .planned: p.planned += amount
                case .delivered: p.delivered += amount
                case .unachievable: p.unachievable += amount
                case .requirement: break
                }
            }
        }
        // Approvals and slips (and their reversals) on planned accounts. A slip's leg follows from
        // the sign: the year slipped to gains on the slip and loses on its reversal.
        try db.forEach(
            """
            SELECT p.account, coalesce(o.kind, e.kind) AS movement,
                   CASE WHEN (p.amount > 0) <> (e.reverses IS NOT NULL) THEN 'in' ELSE 'out' END AS leg, sum(p.amount)
            FROM (SELECT id, kind, reverses FROM entries WHERE kind IN ('approve', 'slip') AND period <= ?1
                  UNION ALL
                  SELECT id, kind, reverses FROM entries WHERE kind = 'reverse' AND period <= ?1) e
            LEFT JOIN entries o ON o.id = e.reverses
            JOIN postings p ON p.entry = e.id
            WHERE coalesce(o.kind, e.kind) IN ('approve', 'slip')
            GROUP BY p.account, movement, leg
            """, parameters: [cutoff]
        ) { row in
            guard slot(row.int(0))?.kind == .planned else { return }
            let movement = row.text(1)
            let leg = row.text(2)
            let amount = Pence(row.int(3))
            update(row.int(0)) { p in
                if movement == "approve" {
                    p.originalTarget += amount
                } else if leg == "in" {
                    p.slippedIn += amount
                } else {
                    p.slippedOut -= amount
                }
            }
        }
        // Only the lines something was posted to, compacted in place, in the reports' order.
        var kept = 0
        for i in result.indices where touched[i] {
            result[kept] = result[i]
            kept += 1
        }
        result.removeLast(result.count - kept)
        result.sort(by: PositionLine.precedes)
        return result
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

    /// The delivery posted in each month of `year`, by proposal (net of reductions and reversals):
    /// month n at index n − 1, from one pass over that year's delivered postings, for the
    /// statements' month-by-month trend. (Twelve amounts a proposal, not a dictionary a proposal.)
    public func deliveredByMonth(in year: FinancialYear) throws -> [ProposalRef: [Pence]] {
        var out: [ProposalRef: [Pence]] = [:]
        try db.forEach(
            """
            SELECT a.proposal, e.period, sum(p.amount) FROM accounts a JOIN postings p ON p.account = a.id JOIN entries e ON e.id = p.entry
            WHERE a.kind = 'delivered' AND a.year = ? GROUP BY a.proposal, e.period
            """, parameters: [year.startYear]
        ) { row in
            // A movement for this year dated in a later one is not in this year's months.
            guard let period = Period(code: Int(row.int(1))), period.year == year else { return }
            out[row.id(0), default: [Pence](repeating: .zero, count: 12)][period.number - 1] += Pence(row.int(2))
        }
        return out
    }
}
