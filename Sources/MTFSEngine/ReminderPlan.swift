import MTFSDomain
import MTFSStore

/// Who is to be reminded of what on a day (SPEC §11): the one statement of the rule, used by
/// `mtfs remind`, the job inside `mtfs serve` and the returns board. It reads; it sends nothing.
///
/// - **Return**: the month due is the latest whose due date (``ReturnsDue/dueDate(for:dueDay:)``)
///   has passed. A holder with something to report for it who has not returned every line is
///   reminded, once.
/// - **Sign-off**: the latest month whose due date passed at least `signOffDays` days ago. A holder
///   who returned every line for it and has not signed its statement is reminded, once.
/// - **Digest**: the CFO is told of the findings at or above the set severity that no digest sent
///   to them has told of yet, in one message.
///
/// Only enabled users with an email address are reminded: a holder's own accounts for their
/// reminders, the CFO's accounts for the digest. A reminder already sent to that user for the
/// same holder, kind and month is never due again; one that failed is due again.
public struct ReminderPlan: Sendable {
    /// One message to send.
    public struct Due: Sendable, Hashable {
        public var kind: ReminderKind
        /// What it is about (``subjectKey(_:holder:period:)``, or a digest's findings).
        public var subjectKey: String
        public var holder: HolderID?
        public var period: Period
        public var recipient: PortalUser
        /// The return's due date.
        public var dueDate: CivilDate
        /// The holder's lines to report for the month, and how many are returned.
        public var lines = 0
        public var returned = 0
        /// The lines still to return: ref and title.
        public var missing: [String] = []
        /// The holder's own proposals this year: target now, delivered as last returned, and the
        /// variance to profile.
        public var target = Pence.zero
        public var delivered = Pence.zero
        public var variance = Pence.zero
        public var directorates: [String] = []
        /// For a digest: the new findings, most serious first.
        public var findings: [Finding] = []
        /// Who to ask: the finance business partners of the holder's directorates (else the CFO).
        public var contacts: [PortalUser] = []
        /// An earlier try failed: this is its retry.
        public var retry = false
    }

    /// A holder who would be reminded but cannot be: no account, or no email address.
    public struct Unreachable: Sendable, Hashable {
        public var kind: ReminderKind
        /// Who, as a sentence names them: a holder, or a CFO whose digest cannot go.
        public var holder: String
        public var period: Period
        public var why: Why
    }

    /// Why a reminder cannot go (each face words it itself).
    public enum Why: Sendable, Hashable {
        /// No enabled portal account is bound to the holder.
        case noAccount
        /// The accounts have no email address.
        case noEmail(logins: [String])
    }

    public var asOf: CivilDate
    /// The month whose return is due, and the month whose statement is due to be signed (nil when
    /// outside the MTFS years or turned off).
    public var returnMonth: Period?
    public var signOffMonth: Period?
    public var due: [Due] = []
    public var unreachable: [Unreachable] = []

    /// The key a reminder about `holder`'s `period` is recorded under.
    public static func subjectKey(_ kind: ReminderKind, holder: HolderID, period: Period) -> String { "\(kind.rawValue)|\(holder)|\(period.monthText)" }

    /// A finding as the digest remembers it: what it is and what it is about (not its wording).
    public static func findingKey(_ f: Finding) -> String {
        ([f.code.rawValue, f.refs.map(\.rawValue).joined(separator: ";"), f.year?.description ?? "", f.costCentre?.rawValue ?? ""]).joined(separator: "|")
    }

    /// The latest month whose return was due more than `afterDays` days before `asOf`.
    public static func month(dueBefore asOf: CivilDate, dueDay: Int, afterDays: Int = 0) -> Period {
        var m = asOf.period.previous
        while !(ReturnsDue.dueDate(for: m, dueDay: dueDay).adding(days: afterDays) < asOf) { m = m.previous }
        return m
    }

    /// The plan for `asOf`, from the ledger as it stands.
    public static func make(
        ledger: Ledger, asOf: CivilDate, settings: ReminderSettings, reconcile: ReconcileSettings = ReconcileSettings()
    ) throws -> ReminderPlan {
        try ledger.read {
            let users = try ledger.people.users().filter { !$0.disabled }
            let history = try ledger.reminders.all()
            let window = try ledger.books.requireWindow()
            var plan = ReminderPlan(asOf: asOf)
            // A try is the same reminder when its kind, subject and recipient are.
            func tried(_ kind: ReminderKind, _ subject: String, _ login: String) -> String { "\(kind.rawValue)#\(subject)#\(login)" }
            // A holder's reminder is about the holder, not the name it was sent under: one sent
            // before their rename is the same reminder (its key is made again with the name they go
            // by now, as the one it is compared with is).
            func subject(_ r: ReminderRecord) -> String { r.holder.map { subjectKey(r.kind, holder: $0, period: r.period) } ?? r.subjectKey }
            let sent = Set(history.filter(\.sent).map { tried($0.kind, subject($0), $0.login) })
            let failed = Set(history.filter { !$0.sent }.map { tried($0.kind, subject($0), $0.login) })
            let cfos = users.filter(\.scope.isCFO)

            /// The finance business partners of any of the directorates.
            func partners(_ directorates: [String]) -> [PortalUser] {
                users.filter { $0.scope.partners(any: directorates) }
            }

            /// Adds the holder's reminder to each of their accounts with an address, or says why it cannot go.
            func remind(_ kind: ReminderKind, _ holder: HolderID, _ s: HolderStatement, period: Period, lines: [HolderStatement.Line]) {
                let key = subjectKey(kind, holder: holder, period: period)
                let accounts = users.filter { $0.scope.isAccount(of: holder) }
                if accounts.isEmpty {
                    plan.unreachable.append(Unreachable(kind: kind, holder: holder.rawValue, period: period, why: .noAccount))
                }
                var reached = false
                for u in accounts {
                    guard u.email != nil else { continue }
                    reached = true
                    let k = tried(kind, key, u.login)
                    guard !sent.contains(k) else { continue }
                    var d = Due(kind: kind, subjectKey: key, holder: holder, period: period, recipient: u, dueDate: ReturnsDue.dueDate(for: period, dueDay: settings.dueDay))
                    d.lines = lines.count
                    d.returned = lines.filter { $0.returned == period }.count
                    d.missing = lines.filter { $0.returned != period }.map { "\($0.ref) \($0.title)" }
                    d.target = s.owned.reduce(.zero) { $0 + max(.zero, $1.currentTarget) }
                    d.delivered = s.owned.reduce(.zero) { $0 + $1.delivered }
                    d.variance = s.totals.variance
                    d.directorates = s.directorates
                    let finance = partners(s.directorates)
                    d.contacts = finance.isEmpty ? cfos : finance
                    d.retry = failed.contains(k)
                    plan.due.append(d)
                }
                if !accounts.isEmpty && !reached {
                    plan.unreachable.append(Unreachable(kind: kind, holder: holder.rawValue, period: period, why: .noEmail(logins: accounts.map(\.login))))
                }
            }

            // Returns and sign-offs: each month's statements, built once.
            var months: [(ReminderKind, Period)] = []
            if settings.returns {
                let m = month(dueBefore: asOf, dueDay: settings.dueDay)
                if window.contains(m.year) { plan.returnMonth = m; months.append((.returnDue, m)) }
            }
            if settings.signOffs {
                let m = month(dueBefore: asOf, dueDay: settings.dueDay, afterDays: settings.signOffDays)
                if window.contains(m.year) { plan.signOffMonth = m; months.append((.signOff, m)) }
            }
            var builders: [Period: StatementBuilder] = [:]
            for (kind, m) in months {
                if builders[m] == nil { builders[m] = try StatementBuilder(ledger: ledger, period: m, settings: reconcile) }
                let builder = builders[m]!
                for holder in builder.holders {
                    let s = try builder.statement(for: holder)
                    // What the holder reports, as the form and the board count it.
                    let lines = s.linesToReport
                    switch (kind, s.returnState(today: asOf, dueDay: settings.dueDay)) {
                    case (.returnDue, .missing), (.returnDue, .partly):
                        // A holder who has signed the month's statement has answered for it.
                        if case .notSigned = s.signature { remind(.returnDue, holder, s, period: m, lines: lines) }
                    case (.signOff, .submitted):
                        if case .notSigned = s.signature { remind(.signOff, holder, s, period: m, lines: lines) }
                    default: break
                    }
                }
            }

            // The CFO's digest: findings as the books stand, at or above the severity, not yet told.
            if settings.digest {
                let input = try ReconciliationInput.load(ledger, asOf: min(asOf.period, window.last.period(12)), today: asOf)
                let serious = Reconciliation(input: input, settings: reconcile).findings()
                    .filter { $0.severity >= settings.digestSeverity }
                    .sorted(by: Finding.mostSeriousFirst)
                for u in cfos {
                    guard u.email != nil else {
                        if !serious.isEmpty { plan.unreachable.append(Unreachable(kind: .digest, holder: u.name, period: input.asOf, why: .noEmail(logins: [u.login]))) }
                        continue
                    }
                    let told = Set(history.filter { $0.sent && $0.kind == .digest && $0.login == u.login }.flatMap { $0.detail.split(separator: "\n").map(String.init) })
                    let new = serious.filter { !told.contains(findingKey($0)) }
                    guard !new.isEmpty else { continue }
                    let keys = new.map(findingKey)
                    let key = "digest|" + String(SHA256.hex(bytes: Array(keys.sorted().joined(separator: "\n").utf8)).prefix(16))
                    var d = Due(kind: .digest, subjectKey: key, holder: nil, period: input.asOf, recipient: u, dueDate: asOf)
                    d.findings = new
                    d.directorates = Array(Set(new.flatMap { f in f.refs.compactMap { r in input.proposals.first { $0.ref == r }?.directorate } })).sorted()
                    d.contacts = partners(d.directorates)
                    d.retry = failed.contains(tried(.digest, key, u.login))
                    plan.due.append(d)
                }
            }
            return plan
        }
    }
}
