import MTFSDomain

extension ReturnStore {
    /// The latest forecast for each proposal and year made by the end of `asOf` (all periods when nil).
    public func latestForecasts(ref: ProposalRef? = nil, asOf: Period? = nil) throws -> [ForecastRecord] {
        var out: [ForecastRecord] = []
        try latestForecasts(ref: ref, asOf: asOf, provenance: true) { out.append($0) }
        return out
    }

    /// Each latest forecast handed to `body` in ref and year order, none kept here. Without
    /// `provenance`, who recorded it, when and from where are left empty (the reconciliation and
    /// statements of a large programme do not read them, and they are most of a record's memory).
    public func latestForecasts(
        ref: ProposalRef? = nil, asOf: Period? = nil, provenance: Bool, _ body: (ForecastRecord) throws -> Void
    ) throws {
        // The newest row wins: the latest period, and within it the latest recorded (highest id).
        // One pass over the covering index (proposal, year, period, id) finds it for every proposal
        // and year: period × 2⁴⁰ + id orders rows as "newest".
        let who = provenance ? "f.actor, f.recorded_at, f.source" : "'' AS actor, '' AS recorded_at, '' AS source"
        try db.forEach(
            """
            SELECT f.proposal, f.year, f.period, f.forecast, f.rag, f.comment, \(who), f.green, f.amber, f.red
            FROM (SELECT max(period * 1099511627776 + id) & 1099511627775 AS id FROM forecasts
                  WHERE period <= ?1 AND (?2 IS NULL OR proposal = ?2) GROUP BY proposal, year) latest
            JOIN forecasts f ON f.id = latest.id
            ORDER BY f.proposal, f.year
            """, parameters: [asOf?.code ?? 999_999, ref]
        ) { row in try body(ReturnStore.forecast(from: row)) }
    }

    /// A forecast from the columns proposal, year, period, forecast, rag, comment, actor,
    /// recorded_at, source, and (when present) green, amber, red.
    static func forecast(from row: Row) -> ForecastRecord {
        ForecastRecord(
            proposal: row.id("proposal"), year: FinancialYear(startYear: Int(row.int("year"))),
            period: Period(code: Int(row.int("period"))) ?? FinancialYear(startYear: Int(row.int("year"))).period(1),
            forecast: Pence(row.int("forecast")), rag: RAG(rawValue: row.text("rag")) ?? .amber, comment: row.text("comment"),
            actor: row.text("actor"), recordedAt: row.text("recorded_at"), source: row.text("source"), status: ReturnStore.status(row))
    }

    /// The periods that have at least one forecast, in order.
    public func forecastPeriods() throws -> [Period] {
        try db.query("SELECT DISTINCT period FROM forecasts ORDER BY period") { Period(code: Int($0.int(0))) }.compactMap { $0 }
    }

    /// Appends a line of a monthly return unless the latest line for the proposal, year and period
    /// already says the same; returns whether it was appended (the rules a line keeps are the use
    /// case's: `BookWrites.recordReturnLine`).
    public func insertReturnLine(
        ref: ProposalRef, year: FinancialYear, period: Period, deliveredToDate: Pence, deliveredBlank: Bool,
        forecast: Pence?, rag: RAG?, status: StatusMoney?, comment: String, impact: ObservedImpact?, by who: Provenance
    ) throws -> Bool {
        // The line and its record land together (and its head is logged) even when called alone.
        if !db.inTransaction {
            return try ledger.transaction {
                try insertReturnLine(
                    ref: ref, year: year, period: period, deliveredToDate: deliveredToDate, deliveredBlank: deliveredBlank,
                    forecast: forecast, rag: rag, status: status, comment: comment, impact: impact, by: who)
            }
        }
        // A proposal added in this write has only the lines recorded in it: none for a later period.
        let key = ProposalYear(ref, year)
        let none = db.inTransaction && ledger.cache.newProposals.contains(ref) && ledger.cache.newReturnPeriods[key, default: 0] < period.code
        let same = none ? nil : try db.first(
            """
            SELECT delivered_to_date, forecast, rag, comment, delivered_blank, green, amber, red, impact, impact_foreseen FROM return_lines
            WHERE proposal = ? AND year = ? AND period = ? ORDER BY id DESC LIMIT 1
            """, ref, year.startYear, period.code
        ) { row -> Bool in
            let figures =
                Pence(row.int("delivered_to_date")) == deliveredToDate && row.optionalInt("forecast").map(Pence.init) == forecast
                && row.isNull("delivered_blank") != deliveredBlank && ReturnStore.status(row) == status
            let words =
                row.optionalText("rag").flatMap(RAG.init(rawValue:)) == rag && row.text("comment") == comment
                && row.optionalText("impact").map { ObservedImpact(text: $0, foreseen: row.optionalInt("impact_foreseen") == 1) } == impact
            return figures && words
        }
        if same == true { return false }
        let values: [SQLValue] = [
            ref.sqlValue, .integer(Int64(year.startYear)), .integer(Int64(period.code)), .integer(deliveredToDate.rawValue),
            forecast?.rawValue.sqlValue ?? .null, rag?.rawValue.sqlValue ?? .null, .text(comment), .text(who.recordedAt), .text(who.actor),
            .text(who.source), who.onBehalfOf.sqlValue, deliveredBlank ? .integer(1) : .null,
        ] + ReturnStore.statusValues(status) + [impact.map { .text($0.text) } ?? .null, impact.map { .integer($0.foreseen ? 1 : 0) } ?? .null]
        let id = try ledger.insertReturningID("return_lines", Inserts.returnLine, values)
        try ledger.chain.append(.returnLines, id, columns: [.integer(id)] + values)
        if ledger.cache.newProposals.contains(ref) {
            ledger.cache.newReturnPeriods[key] = max(ledger.cache.newReturnPeriods[key] ?? 0, period.code)
        }
        return true
    }

    /// What each month's return from `period` on stated as delivered to date for the proposal and
    /// year (the latest line of each month, unless its delivered cell was blank), in month order.
    public func returnedDeliveries(ref: ProposalRef, year: FinancialYear, from period: Period) throws -> [(period: Period, stated: Pence)] {
        try db.query(
            """
            SELECT r.period, r.delivered_to_date FROM return_lines r
            WHERE r.proposal = ?1 AND r.year = ?2 AND r.period >= ?3
              AND r.id = (SELECT max(id) FROM return_lines WHERE proposal = ?1 AND year = ?2 AND period = r.period)
              AND r.delivered_blank IS NULL
            ORDER BY r.period
            """, parameters: [ref, year.startYear, period.code]
        ) { (Period(code: Int($0.int(0)))!, Pence($0.int(1))) }
    }

    /// The last period before `period` in which the proposal and year had a return line or forecast.
    public func lastReturn(ref: ProposalRef, year: FinancialYear, before period: Period) throws -> Period? {
        let code = try db.scalar(
            """
            SELECT max(p) FROM (SELECT max(period) AS p FROM return_lines WHERE proposal = ?1 AND year = ?2 AND period < ?3
                                UNION ALL SELECT max(period) FROM forecasts WHERE proposal = ?1 AND year = ?2 AND period < ?3)
            """, ref, year.startYear, period.code)
        return Period(code: Int(code))
    }

}

extension ReturnStore {
    /// For each directorate, the latest period up to `asOf` in which any of its proposals had a
    /// return line or forecast, and the proposals and years reported in it.
    /// Returns arrive directorate by directorate: a proposal is judged against its own
    /// directorate's latest return, not the latest of anyone's (SPEC §6 v2). Periods are read from
    /// the latest down and the reading stops once every directorate is placed.
    public func latestReturnsByDirectorate(asOf: Period?, directorates: Set<String>) throws -> [String: (period: Period, reported: Set<ProposalYear>)] {
        let cutoff = asOf?.code ?? 999_999
        let periods = try db.query(
            """
            SELECT period FROM (SELECT DISTINCT period FROM return_lines WHERE period <= ?1
                                UNION SELECT DISTINCT period FROM forecasts WHERE period <= ?1) ORDER BY period DESC
            """, cutoff
        ) { Int($0.int(0)) }
        var out: [String: (period: Period, reported: Set<ProposalYear>)] = [:]
        for code in periods where out.count < directorates.count {
            guard let period = Period(code: code) else { continue }
            var found: [String: Set<ProposalYear>] = [:]
            try db.forEach(
                """
                SELECT p.directorate, x.proposal, x.year FROM (
                    SELECT proposal, year FROM return_lines WHERE period = ?1 UNION SELECT proposal, year FROM forecasts WHERE period = ?1
                ) x JOIN proposals p ON p.ref = x.proposal
                """, parameters: [code]
            ) { row in
                let directorate = row.text(0)
                if out[directorate] == nil { found[directorate, default: []].insert(ProposalYear(row.id(1), FinancialYear(startYear: Int(row.int(2))))) }
            }
            for (directorate, reported) in found { out[directorate] = (period, reported) }
        }
        return out
    }
}

extension ReturnStore {
    /// The latest month up to `asOf` in which each proposal and year was returned (a return line,
    /// a nil return's included, or a forecast); `returnedAt` of ``judgedPeriods(asOf:proposals:returnedAt:)``.
    public func latestReturnPeriods(asOf: Period?) throws -> [ProposalYear: Period] {
        var out: [ProposalYear: Period] = [:]
        try db.forEach(
            """
            SELECT proposal, year, max(period) FROM (
                SELECT proposal, year, period FROM return_lines WHERE period <= ?1
                UNION ALL SELECT proposal, year, period FROM forecasts WHERE period <= ?1
            ) GROUP BY proposal, year
            """, parameters: [asOf?.code ?? 999_999]
        ) { row in
            if let p = Period(code: Int(row.int(2))) { out[ProposalYear(row.id(0), FinancialYear(startYear: Int(row.int(1))))] = p }
        }
        return out
    }

    /// When each proposal's returns are judged (SPEC §6 v3): holders return their own lines, so a
    /// proposal is judged at the latest period up to `asOf` in which its owner returned any line or
    /// forecast, or in which its directorate's lines were returned together — one submission (one
    /// import, upload or API call: the same recorder at the same moment) holding lines of two or more
    /// of the directorate's owners, as a finance business partner's return does — whichever is later.
    /// One holder returning early moves no colleague's period. Also what was reported in each of
    /// those periods. Proposals never returned for are absent.
    public func judgedPeriods(asOf: Period?, proposals: [Proposal], returnedAt: [ProposalYear: Period]) throws -> (
        judgedAt: [ProposalRef: (period: Period, byDirectorate: Bool)], reported: [Period: Set<ProposalYear>]
    ) {
        let cutoff = asOf?.code ?? 999_999
        // An owner's latest return: the latest month any of their proposal-years was returned in
        // (``latestReturnPeriods(asOf:)``, read once for the reconciliation).
        let ownerOf = Dictionary(proposals.map { ($0.ref, $0.owner) }, uniquingKeysWith: { a, _ in a })
        var byOwner: [HolderID: Int] = [:]
        for (key, period) in returnedAt {
            guard let owner = ownerOf[key.ref] else { continue }
            byOwner[owner] = max(byOwner[owner] ?? 0, period.code)
        }
        var byDirectorate: [String: Int] = [:]
        try db.forEach(
            """
            SELECT directorate, max(period) FROM (
                SELECT p.directorate AS directorate, r.period AS period FROM return_lines r JOIN proposals p ON p.ref = r.proposal
                LEFT JOIN holder_names h ON h.name = p.owner
                    AND EXISTS (SELECT 1 FROM records k WHERE k.tbl = 'holder_names' AND k.key1 = h.id AND k.key2 = '')
                WHERE r.period <= ?1 GROUP BY p.directorate, r.period, r.actor, r.recorded_at HAVING count(DISTINCT coalesce(h.holder, p.owner)) >= 2
            ) GROUP BY directorate
            """, parameters: [cutoff]
        ) { byDirectorate[$0.text(0)] = Int($0.int(1)) }
        var judgedAt: [ProposalRef: (period: Period, byDirectorate: Bool)] = [:]
        for p in proposals {
            let owner = byOwner[p.owner] ?? 0
            let directorate = byDirectorate[p.directorate] ?? 0
            guard let period = Period(code: max(owner, directorate)) else { continue }
            judgedAt[p.ref] = (period, directorate >= owner)
        }
        var reported: [Period: Set<ProposalYear>] = [:]
        for period in Set(judgedAt.values.map(\.period)) {
            var set: Set<ProposalYear> = []
            try db.forEach(
                "SELECT proposal, year FROM return_lines WHERE period = ?1 UNION SELECT proposal, year FROM forecasts WHERE period = ?1",
                parameters: [period.code]
            ) { set.insert(ProposalYear($0.id(0), FinancialYear(startYear: Int($0.int(1))))) }
            reported[period] = set
        }
        return (judgedAt, reported)
    }
}

extension ReturnStore {
    /// The proposal-years with a return line up to `asOf`, and those given a delivered figure by one
    /// (a line whose delivered cell was not blank): "not reported" is returned, never given a
    /// figure and nothing delivered (SPEC §5 v3).
    public func returnedDelivery(asOf: Period?) throws -> (returned: Set<ProposalYear>, reported: Set<ProposalYear>) {
        var returned: Set<ProposalYear> = []
        var reported: Set<ProposalYear> = []
        try db.forEach(
            "SELECT proposal, year, max(delivered_blank IS NULL) FROM return_lines WHERE period <= ?1 GROUP BY proposal, year",
            parameters: [asOf?.code ?? 999_999]
        ) { row in
            let key = ProposalYear(row.id(0), FinancialYear(startYear: Int(row.int(1))))
            returned.insert(key)
            if row.int(2) == 1 { reported.insert(key) }
        }
        return (returned, reported)
    }

    /// Every return line on `refs`, newest month first: a budget holder's history.
    public func returnLines(refs: [ProposalRef]) throws -> [ReturnLineRecord] {
        guard !refs.isEmpty else { return [] }
        let marks = refs.map { _ in "?" }.joined(separator: ", ")
        return try db.query(
            """
            SELECT proposal, year, period, delivered_to_date, forecast, rag, comment, actor, recorded_at, source, delivered_blank,
                   green, amber, red, impact, impact_foreseen
            FROM return_lines WHERE proposal IN (\(marks)) ORDER BY period DESC, proposal, year, id DESC
            """, parameters: refs as [SQLBindable]
        ) { r in
            let year = FinancialYear(startYear: Int(r.int("year")))
            return ReturnLineRecord(
                ref: r.id("proposal"), year: year, period: Period(code: Int(r.int("period"))) ?? year.period(1),
                delivered: Pence(r.int("delivered_to_date")), forecast: r.optionalInt("forecast").map(Pence.init),
                rag: r.optionalText("rag").flatMap(RAG.init(rawValue:)), comment: r.text("comment"), actor: r.text("actor"),
                recordedAt: r.text("recorded_at"), source: r.text("source"), deliveredBlank: !r.isNull("delivered_blank"),
                status: ReturnStore.status(r), impact: r.optionalText("impact").map { ObservedImpact(text: $0, foreseen: r.optionalInt("impact_foreseen") == 1) })
        }
    }
}

/// One line of a return as recorded.
public struct ReturnLineRecord: Sendable, Hashable {
    public var ref: ProposalRef
    public var year: FinancialYear
    public var period: Period
    public var delivered: Pence
    public var forecast: Pence?
    public var rag: RAG?
    public var comment: String
    public var actor: String
    public var recordedAt: String
    public var source: String
    /// The delivered cell was blank ("not reported"): `delivered` is the figure that stood.
    public var deliveredBlank = false
    /// The year's money by status, when the line gave it.
    public var status: StatusMoney?
    /// A service impact the line reported.
    public var impact: ObservedImpact? = nil
}

/// A return line's service impact, with where and when it was reported.
public struct ImpactReport: Sendable, Hashable {
    public var ref: ProposalRef
    public var year: FinancialYear
    public var period: Period
    public var impact: ObservedImpact
    public var comment: String

    /// Not foreseen (SPEC §6 SI01): the return says so, or the risk assessment identified no impact
    /// at all. The one rule the findings, the summary and statements use.
    public func unforeseen(identified: [IdentifiedImpact]) -> Bool { !impact.foreseen || identified.isEmpty }
}

extension ReturnStore {
    /// Appends a service impact identified when a saving was risk-assessed (the rules it keeps are
    /// the use case's: `BookWrites.addImpact`).
    public func insertImpact(_ impact: IdentifiedImpact, by who: Provenance) throws {
        try ledger.transaction {
            try db.run(
                "INSERT INTO impacts(proposal, kind, impact, mitigation, recorded_at, actor, source, on_behalf_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                impact.ref, impact.kind.rawValue, impact.impact, impact.mitigation, who.recordedAt, who.actor, who.source, who.onBehalfOf)
            try ledger.chain.append(.impacts, db.lastInsertRowID)
        }
    }

    /// The impacts identified for each proposal, in the order recorded.
    public func identifiedImpacts() throws -> [ProposalRef: [IdentifiedImpact]] {
        var out: [ProposalRef: [IdentifiedImpact]] = [:]
        try db.forEach("SELECT proposal, kind, impact, mitigation FROM impacts ORDER BY id") { row in
            let ref: ProposalRef = row.id("proposal")
            out[ref, default: []].append(
                IdentifiedImpact(
                    ref: ref, kind: ImpactKind(rawValue: row.text("kind")) ?? .other, impact: row.text("impact"), mitigation: row.text("mitigation")))
        }
        return out
    }

    /// Every service impact returned up to `asOf` (the latest line of each month), oldest first.
    public func impactReports(asOf: Period?) throws -> [ImpactReport] {
        try db.query(
            """
            SELECT r.proposal, r.year, r.period, r.impact, r.impact_foreseen, r.comment FROM return_lines r
            WHERE r.period <= ?1 AND r.impact IS NOT NULL
              AND r.id = (SELECT max(id) FROM return_lines WHERE proposal = r.proposal AND year = r.year AND period = r.period)
            ORDER BY r.period, r.proposal, r.year
            """, parameters: [asOf?.code ?? 999_999]
        ) { row in
            ImpactReport(
                ref: row.id("proposal"), year: FinancialYear(startYear: Int(row.int("year"))), period: Period(code: Int(row.int("period")))!,
                impact: ObservedImpact(text: row.text("impact"), foreseen: row.int("impact_foreseen") == 1), comment: row.text("comment"))
        }
    }

    /// For each of `refs`, its last `count` months with a return line up to `asOf`, newest first:
    /// whether that month's latest line said anything about impacts (an impact or a comment).
    public func recentImpactNotes(refs: [ProposalRef], asOf: Period?, count: Int) throws -> [ProposalRef: [(period: Period, said: Bool)]] {
        var out: [ProposalRef: [(period: Period, said: Bool)]] = [:]
        for ref in refs {
            out[ref] = try db.query(
                """
                SELECT period, max(coalesce(length(trim(impact)), 0) + length(trim(comment))) FROM return_lines
                WHERE proposal = ?1 AND period <= ?2 GROUP BY period ORDER BY period DESC LIMIT ?3
                """, parameters: [ref, asOf?.code ?? 999_999, count]
            ) { (Period(code: Int($0.int(0)))!, $0.int(1) > 0) }
        }
        return out
    }
}

extension ReturnStore {
    // MARK: - Forecasts

    /// Appends a forecast for the year, the RAG and the comment as at a period (the rules it keeps
    /// are the use case's: `BookWrites.recordForecast`).
    public func insertForecast(
        ref: ProposalRef, year: FinancialYear, period: Period, forecast: Pence, rag: RAG, comment: String, status: StatusMoney?, by who: Provenance
    ) throws {
        try ledger.transaction {
            let values: [SQLValue] = [
                ref.sqlValue, .integer(Int64(year.startYear)), .integer(Int64(period.code)), .integer(forecast.rawValue), .text(rag.rawValue),
                .text(comment), .text(who.recordedAt), .text(who.actor), .text(who.source), who.onBehalfOf.sqlValue,
            ] + ReturnStore.statusValues(status)
            let id = try ledger.insertReturningID("forecasts", Inserts.forecast, values)
            try ledger.chain.append(.forecasts, id, columns: [.integer(id)] + values)
        }
    }

    /// The green, amber and red columns of a row: money by status, or three NULLs.
    static func statusValues(_ status: StatusMoney?) -> [SQLValue] {
        guard let status else { return [.null, .null, .null] }
        return [.integer(status.green.rawValue), .integer(status.amber.rawValue), .integer(status.red.rawValue)]
    }

    /// Money by status from the columns green, amber and red (nil when the row has none).
    static func status(_ row: Row) -> StatusMoney? {
        guard let g = row.optionalInt("green"), let a = row.optionalInt("amber"), let r = row.optionalInt("red") else { return nil }
        return StatusMoney(green: Pence(g), amber: Pence(a), red: Pence(r))
    }
}
