import Foundation
import MTFSDomain
import MTFSEngine
import MTFSStore

/// The reminders' use case (SPEC §11): work out who is due a reminder, send each message through
/// the relay, and record every try in the record chain. The command line's `mtfs remind` and the
/// daily job inside `mtfs serve` both run this, and nothing else sends mail.
public struct RemindJob: Sendable {
    public var ledgerPath: String
    public var baseURL: String
    /// The council's relay; nil in a dry run, which sends and records nothing.
    public var sender: SMTPRelay?
    /// Who is running it, recorded with each reminder.
    public var actor: String
    public var source: String
    /// How long to wait for another run holding this ledger's reminders (seconds).
    public var lockWait: Double = 300

    public init(ledgerPath: String, baseURL: String, sender: SMTPRelay?, actor: String, source: String) {
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
        // One run at a time per ledger file (however it is reached: a link or another path to it
        // is the same file), so a reminder cannot be sent twice by two runs at once.
        let real = ledgerPath.withCString { p -> String in
            guard let r = realpath(p, nil) else { return ledgerPath }
            defer { free(r) }
            return String(cString: r)
        }
        // A dry run sends and records nothing, so it takes no turn (and writes no lock file).
        let lock = sender == nil ? nil : try RunLock(path: real + ".remind-lock", wait: lockWait)
        defer { lock?.release() }
        let (settings, plan) = try service.read { ledger in
            let settings = try ReminderSettings(storedIn: ledger)
            return (settings, try ReminderPlan.make(ledger: ledger, asOf: asOf, settings: settings, reconcile: try ledger.settings.reconcileSettings()))
        }
        var report = Report(plan: plan, from: settings.from)
        if sender != nil && settings.from == nil && !plan.due.isEmpty {
            throw Refusal.notSetUp("no sender address is set: mtfs settings reminders-from ADDRESS (the address the council's relay sends as)")
        }
        let from = settings.from ?? "reminders-from@not-set.invalid"
        let who = Provenance(actor: actor, recordedAt: recordedAt, source: source)
        var unanswered = 0
        for (i, due) in plan.due.enumerated() {
            let words = ReminderMessage.compose(due, baseURL: baseURL)
            guard let sender else {
                report.outcomes.append(Outcome(due: due, subject: words.subject, text: words.text, answer: nil))
                continue
            }
            // As the ledger stands now, not as planned: an address changed or an account disabled
            // meanwhile is honoured, and anything recorded as sent (even outside the chain, which
            // verify reports) is never sent again.
            let (current, already) = try service.read { ledger in
                (try ledger.people.user(due.recipient.login), try ledger.reminders.everSent(kind: due.kind, subjectKey: due.subjectKey, login: due.recipient.login))
            }
            guard let recipient = current, !recipient.disabled, let address = recipient.email, !already else { continue }
            let answer: SMTPRelay.Answer
            if unanswered >= 3 {
                // A relay that has not answered three times running is not tried again in this run.
                answer = SMTPRelay.Answer(accepted: false, text: "not tried: the relay did not answer the last three messages")
            } else {
                let message = MailMessage(
                    from: .init(name: "Savings ledger", address: from), to: .init(name: recipient.name, address: address), subject: words.subject,
                    text: words.text, html: words.html, date: now,
                    id: "\(now).\(i).\(SHA256.hex(bytes: Array((due.subjectKey + due.recipient.login).utf8)).prefix(12))")
                answer = sender.send(from: from, to: [address], message: message.bytes)
                unanswered = answer.unanswered ? unanswered + 1 : 0
            }
            let record = ReminderRecord(
                kind: due.kind, subjectKey: due.subjectKey, holder: due.holder, period: due.period, login: due.recipient.login, address: address,
                sent: answer.accepted, relay: answer.text, title: words.subject,
                detail: due.kind == .digest ? due.findings.map(ReminderPlan.findingKey).joined(separator: "\n") : "")
            // A message the relay took must be recorded, or the next run sends it again: the write
            // is tried again while the ledger is busy, and a failure says so plainly.
            var attempt = 0
            while true {
                do {
                    try service.write { try $0.reminders.record(record, by: who) }
                    break
                } catch let e as DatabaseError where e.isBusy && attempt < 3 {
                    // Busy (another writer held the ledger past the busy timeout): wait and write again.
                    attempt += 1
                    usleep(2_000_000)
                } catch {
                    if answer.accepted {
                        throw Refusal.busy(
                            "the \(due.kind.text) to \(due.recipient.login) for \(due.period) was sent, but it could not be recorded (\((error as? KindedError)?.explanation ?? (error as? DatabaseError)?.errorDescription ?? "the ledger refused the write")); the next run may send it again")
                    }
                    throw error
                }
            }
            report.outcomes.append(Outcome(due: due, subject: words.subject, text: words.text, answer: answer))
        }
        return report
    }
}

/// An exclusive lock on a file beside the ledger (flock), held for one run.
final class RunLock {
    private let fd: Int32

    init(path: String, wait: Double) throws {
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw RemindJob.Refusal.busy("\(path) could not be opened to lock the reminders; check the folder is writable") }
        // Another run sending this ledger's reminders: wait for it (up to five minutes), then
        // plan afresh, so what it sent is not sent again.
        var waited = 0
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard Double(waited) * 0.1 < wait else {
                close(fd)
                throw RemindJob.Refusal.busy("another mtfs remind has been sending this ledger's reminders for \(Int(wait)) seconds; run again when it has finished")
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
