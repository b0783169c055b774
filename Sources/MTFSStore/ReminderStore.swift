import MTFSDomain

/// One reminder tried (SPEC §11): who it went to, for what, and what the relay answered.
public struct ReminderRecord: Sendable, Hashable {
    public var kind: ReminderKind
    /// What it is about, the same for every try: `return|Helen Brandt|2023-10`, or a digest's findings.
    public var subjectKey: String
    /// The budget holder it is about (none for the CFO's digest).
    public var holder: HolderID?
    public var period: Period
    public var login: String
    public var address: String
    public var sent: Bool
    /// The relay's reply ("250 2.0.0 Ok: queued"), or what went wrong.
    public var relay: String
    /// The message's subject line.
    public var title: String
    /// For a digest: the findings it told of, one key a line, so the next digest tells only new ones.
    public var detail: String
    public var recordedAt: String

    public init(
        kind: ReminderKind, subjectKey: String, holder: HolderID?, period: Period, login: String, address: String, sent: Bool, relay: String,
        title: String, detail: String = "", recordedAt: String = ""
    ) {
        self.kind = kind
        self.subjectKey = subjectKey
        self.holder = holder
        self.period = period
        self.login = login
        self.address = address
        self.sent = sent
        self.relay = relay
        self.title = title
        self.detail = detail
        self.recordedAt = recordedAt
    }
}

extension ReminderStore {
    /// Records a reminder tried, in the record chain. A second `sent` for the same kind, subject
    /// and recipient is a conflict: the database refuses it as the rule does.
    public func record(_ r: ReminderRecord, by who: Provenance) throws {
        try ledger.transaction {
            if r.sent, try everSent(kind: r.kind, subjectKey: r.subjectKey, login: r.login) {
                throw LedgerError.conflict("the \(r.kind.text) \(r.subjectKey) was already sent to \(r.login)")
            }
            var r = r
            r.holder = try r.holder.map { try ledger.holders.named($0, by: who) }
            try db.run(
                """
                INSERT INTO reminders(kind, subject_key, holder, period, login, address, outcome, relay, title, detail, recorded_at, actor, source, on_behalf_of)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, r.kind.rawValue, r.subjectKey, r.holder, Int64(r.period.code), r.login, r.address, r.sent ? "sent" : "failed", r.relay, r.title, r.detail,
                who.recordedAt, who.actor, who.source, who.onBehalfOf)
            try ledger.chain.append(.reminders, db.lastInsertRowID)
        }
    }

    /// Whether any row says this reminder was sent, in the chain or not (a row beside the chain is
    /// tampering, which verify reports; the reminder is still never sent again).
    public func everSent(kind: ReminderKind, subjectKey: String, login: String) throws -> Bool {
        try db.scalar("SELECT count(*) FROM reminders WHERE kind = ? AND subject_key = ? AND login = ? AND outcome = 'sent'", kind.rawValue, subjectKey, login) > 0
    }

    /// Every reminder tried, oldest first, or only those about `period` (only rows in the record
    /// chain count).
    public func all(about period: Period? = nil) throws -> [ReminderRecord] {
        let register = try ledger.holders.register()
        return try db.query(
            """
            SELECT kind, subject_key, holder, period, login, address, outcome, relay, title, detail, recorded_at FROM reminders m
            WHERE (?1 IS NULL OR period = ?1)
              AND EXISTS (SELECT 1 FROM records r WHERE r.tbl = 'reminders' AND r.key1 = m.id AND r.key2 = '') ORDER BY id
            """, period.map { Int64($0.code) }
        ) { row in
            ReminderRecord(
                kind: ReminderKind(rawValue: row.text("kind")) ?? .digest, subjectKey: row.text("subject_key"), holder: row.optionalID("holder").map(register.current),
                period: Period(code: Int(row.int("period"))) ?? Period(year: FinancialYear(startYear: 2000), number: 1), login: row.text("login"), address: row.text("address"),
                sent: row.text("outcome") == "sent", relay: row.text("relay"), title: row.text("title"), detail: row.text("detail"),
                recordedAt: row.text("recorded_at"))
        }
    }
}
