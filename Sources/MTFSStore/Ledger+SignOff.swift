import MTFSDomain

/// A budget holder's sign-off of a monthly statement.
public struct SignOff: Hashable, Sendable {
    public var holder: String
    public var period: Period
    public var signedBy: String
    public var signedAt: String
    public var comment: String

    public init(holder: String, period: Period, signedBy: String, signedAt: String, comment: String) {
        self.holder = holder
        self.period = period
        self.signedBy = signedBy
        self.signedAt = signedAt
        self.comment = comment
    }
}

extension Ledger {
    /// Records that `who.actor` signed `holder`'s statement for `period` (append-only).
    public func signOff(holder: String, period: Period, comment: String, by who: Provenance) throws {
        try transaction {
            try Ledger.checkText(holder, what: "budget holder")
            try db.run(
                "INSERT INTO sign_offs(holder, period, signed_by, signed_at, comment, source, on_behalf_of) VALUES (?, ?, ?, ?, ?, ?, ?)",
                holder, period.code, who.actor, who.recordedAt, comment, who.source, who.onBehalfOf)
            try chain(.signOffs, db.lastInsertRowID)
        }
    }

    /// The latest sign-off of `holder`'s statements for a period up to `period`.
    public func latestSignOff(holder: String, upTo period: Period) throws -> SignOff? {
        try db.first(
            """
            SELECT holder, period, signed_by, signed_at, comment FROM sign_offs
            WHERE holder = ? AND period <= ? ORDER BY period DESC, id DESC LIMIT 1
            """, holder, period.code
        ) { row in
            SignOff(
                holder: row.text(0), period: Period(code: Int(row.int(1))) ?? period, signedBy: row.text(2), signedAt: row.text(3),
                comment: row.text(4))
        }
    }
}
