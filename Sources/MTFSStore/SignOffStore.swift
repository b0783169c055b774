import MTFSDomain

extension SignOffStore {
    /// Records a sign-off of `holder`'s statement for `period` (append-only, in the record chain):
    /// the figures signed, their hash and the chain head they were read at.
    public func record(
        holder: HolderID, period: Period, comment: String, figures: String, head: ChainHead, by who: Provenance
    ) throws {
        try ledger.transaction {
            let holder = try ledger.holders.named(holder, by: who)
            try db.run(
                """
                INSERT INTO sign_offs(holder, period, signed_by, signed_at, comment, source, on_behalf_of, head, figures, figures_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, holder, period.code, who.actor, who.recordedAt, comment, who.source, who.onBehalfOf, head.description, figures,
                SHA256.hex(figures))
            try ledger.chain.append(.signOffs, db.lastInsertRowID)
        }
    }

    private static let signOffColumns = "id, holder, period, signed_by, signed_at, comment, on_behalf_of, head, figures"

    private static func signOff(from row: Row, fallback period: Period, _ register: HolderRegister) -> SignOff {
        var s = SignOff(
            holder: register.current(row.id("holder")), period: Period(code: Int(row.int("period"))) ?? period, signedBy: row.text("signed_by"),
            signedAt: row.text("signed_at"), comment: row.text("comment"), onBehalfOf: row.optionalText("on_behalf_of"),
            head: row.optionalText("head").flatMap { try? ChainHead(parsing: $0) }, figures: row.optionalText("figures"))
        s.id = row.int("id")
        return s
    }

    /// The latest sign-off of `holder`'s statements for a period up to `period` (under any name
    /// the holder was recorded under).
    public func latest(holder: HolderID, upTo period: Period) throws -> SignOff? {
        try first(of: holder, "period <= ?", period)
    }

    /// The latest sign-off of `holder`'s statement for exactly `period`.
    public func find(holder: HolderID, for period: Period) throws -> SignOff? {
        try first(of: holder, "period = ?", period)
    }

    /// The latest of `holder`'s sign-offs whose period is as `condition` says: signed under any of
    /// the names the register has for them (only the name given when it has none).
    private func first(of holder: HolderID, _ condition: String, _ period: Period) throws -> SignOff? {
        let register = try ledger.holders.register()
        let names = register.holder(named: holder.rawValue)?.names ?? [holder.rawValue]
        let placeholders = Array(repeating: "?", count: names.count).joined(separator: ", ")
        return try db.first(
            "SELECT \(SignOffStore.signOffColumns) FROM sign_offs WHERE holder IN (\(placeholders)) AND \(condition) ORDER BY period DESC, id DESC LIMIT 1",
            parameters: names.map { $0 as SQLBindable } + [period.code], map: { SignOffStore.signOff(from: $0, fallback: period, register) })
    }

    /// Every sign-off of a statement for a period up to `period`, oldest period first and, within a
    /// period, in the order recorded: what a statement run for all holders reads once.
    public func all(upTo period: Period) throws -> [SignOff] {
        let register = try ledger.holders.register()
        return try db.query(
            "SELECT \(SignOffStore.signOffColumns) FROM sign_offs WHERE period <= ? ORDER BY period, id", parameters: [period.code]
        ) { SignOffStore.signOff(from: $0, fallback: period, register) }
    }

    /// The latest period with anything in it: an entry, a return line or a forecast.
    public func latestDataPeriod() throws -> Period? {
        let code = try db.scalar(
            """
            SELECT max(p) FROM (SELECT max(period) AS p FROM entries UNION ALL SELECT max(period) FROM return_lines
                                UNION ALL SELECT max(period) FROM forecasts)
            """)
        return Period(code: Int(code))
    }
}
