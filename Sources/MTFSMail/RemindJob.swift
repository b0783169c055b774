import Foundation
import MTFSDomain
import MTFSEngine
import MTFSStore

/// What sends a message: the council's relay, or (in a dry run) nothing at all.
public protocol MailSender: Sendable {
    func send(from: String, to: [String], message: [UInt8]) -> SMTPRelay.Answer
}

extension SMTPRelay: MailSender {}

/// The reminders' use case (SPEC §11): work out who is due a reminder, send each message through
/// the relay, and record every try in the record chain. The command line's `mtfs remind` and the
/// daily job inside `mtfs serve` both run this, and nothing else sends mail.
public struct RemindJob: Sendable {
    public var ledgerPath: String
    public var baseURL: String
    public var sender: (any MailSender)?
    /// Who is running it, recorded with each reminder.
    public var actor: String
    public var source: String

    public init(ledgerPath: String, baseURL: String, sender: (any MailSender)?, actor: String, source: String) {
        self.ledgerPath = ledgerPath
        self.baseURL = baseURL
        self.sender = sender
        self.actor = actor
        self.source = source
    }

    /// One message's fate.
    public struct Outcome: Sendable, Hashable {
        public var due: ReminderPlan.Due
        public var subject: String
        public var text: String
        /// Nil in a dry run.
        public var answer: SMTPRelay.Answer?
    }

    public struct Report: Sendable {
        public var plan: ReminderPlan
        public var outcomes: [Outcome] = []
        public var from: String?
        public var failed: Int { outcomes.filter { $0.answer?.accepted == false }.count }
        public var sent: Int { outcomes.filter { $0.answer?.accepted == true }.count }
    }

    public enum Refusal: KindedError, Sendable {
        /// Another run holds the reminders of this ledger.
        case busy(String)
        /// The settings do not allow a send (no sender address).
        case notSetUp(String)

        public var kind: ErrorKind {
            switch self {
            case .busy: .unusable
            case .notSetUp: .refused
            }
        }

        public var explanation: String {
            switch self {
            case .busy(let m), .notSetUp(let m): m
            }
        }
    }

    /// Runs the reminders due on `asOf`: a dry run (no sender) sends and records nothing.
    /// `now` stamps the messages and the records. The plan is read in one snapshot and each try is
    /// recorded in its own short write, so the portal's writers never wait on the relay.
    public func run(service: LedgerService, asOf: CivilDate, now: Int64, recordedAt: String) throws -> Report {
        // One run at a time per ledger, so a reminder cannot be sent twice by two runs at once.
        let lock = try RunLock(path: ledgerPath + ".remind-lock")
        defer { lock.release() }
        let (settings, plan) = try service.read { ledger in
            let settings = try ledger.reminderSettings()
            return (settings, try ReminderPlan.make(ledger: ledger, asOf: asOf, settings: settings, reconcile: try ledger.reconcileSettings()))
        }
        var report = Report(plan: plan, from: settings.from)
        if sender != nil && settings.from == nil && !plan.due.isEmpty {
            throw Refusal.notSetUp("no sender address is set: mtfs settings reminders-from ADDRESS (the address the council's relay sends as)")
        }
        let from = settings.from ?? "reminders-from@not-set.invalid"
        for (i, due) in plan.due.enumerated() {
            let words = ReminderMessage.compose(due, baseURL: baseURL)
            guard let sender, let address = due.recipient.email else {
                report.outcomes.append(Outcome(due: due, subject: words.subject, text: words.text, answer: nil))
                continue
            }
            let message = MailMessage(
                from: .init(name: "Savings ledger", address: from), to: .init(name: due.recipient.name, address: address), subject: words.subject,
                text: words.text, html: words.html, date: now, id: "\(now).\(i).\(SHA256.hex(bytes: Array((due.subjectKey + due.recipient.login).utf8)).prefix(12))")
            let answer = sender.send(from: from, to: [address], message: message.bytes)
            let record = ReminderRecord(
                    kind: due.kind, subjectKey: due.subjectKey, holder: due.holder, period: due.period, login: due.recipient.login, address: address,
                    sent: answer.accepted, relay: answer.text, title: words.subject,
                    detail: due.kind == .digest ? due.findings.map(ReminderPlan.findingKey).joined(separator: "\n") : "")
            let who = Provenance(actor: actor, recordedAt: recordedAt, source: source)
            try service.write { try $0.recordReminder(record, by: who) }
            report.outcomes.append(Outcome(due: due, subject: words.subject, text: words.text, answer: answer))
        }
        return report
    }
}

/// An exclusive lock on a file beside the ledger (flock), held for one run.
final class RunLock {
    private let fd: Int32

    init(path: String) throws {
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw RemindJob.Refusal.busy("\(path) could not be opened to lock the reminders; check the folder is writable") }
        // Another run sending this ledger's reminders: wait for it (up to five minutes), then
        // plan afresh, so what it sent is not sent again.
        var waited = 0
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard waited < 3_000 else {
                close(fd)
                throw RemindJob.Refusal.busy("another mtfs remind has been sending this ledger's reminders for five minutes; run again when it has finished")
            }
            usleep(100_000)
            waited += 1
        }
    }

    func release() {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
