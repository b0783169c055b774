import ArgumentParser
import Foundation
import MTFSDomain
import MTFSEngine
import MTFSMail
import MTFSRender
import MTFSStore

/// `mtfs remind`: the day's reminders by email (SPEC §11).
struct Remind: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Email the day's reminders: returns overdue, statements unsigned, and new serious findings to the CFO.",
        discussion: """
            Who is reminded (each once, for the same holder, kind and month):
              - a holder whose return for the month due is missing (or partly in) after the due day (mtfs settings returns-due-day, default the 10th);
              - a holder who returned but has not signed that month's statement sign-off-reminder-days after the due day (default 5);
              - the CFO, once, of findings at or above digest-severity (default high) that no digest has told them of yet.
            Only enabled users with an email address are sent anything (mtfs user email LOGIN ADDRESS). Every message \
            tried is recorded in the ledger with the relay's answer; one that failed is tried again on the next run, \
            and the run exits 6. The relay's login comes from MTFS_SMTP_USER and MTFS_SMTP_PASSWORD, never the command line.

            Examples: mtfs remind --dry-run --as-of 2023-11-14
                      mtfs remind --smtp smtp://relay.council.gov.uk:587 --base-url https://savings.council.gov.uk
            """)

    @OptionGroup var options: LedgerOptions
    @Option(help: ArgumentHelp("The council's mail relay: smtp://HOST:PORT (STARTTLS required) or smtps://HOST:PORT.", valueName: "url"))
    var smtp: String?
    @Flag(name: .customLong("smtp-insecure"), help: "Send without TLS when the relay offers none (a relay on this machine).")
    var smtpInsecure = false
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day to remind as of (default today).", valueName: "YYYY-MM-DD"))
    var asOf: CivilDate?
    @Flag(name: .customLong("dry-run"), help: "Print the messages that are due; send and record nothing.")
    var dryRun = false
    @Option(name: .customLong("base-url"), help: ArgumentHelp("The portal's address, for the link in each message.", valueName: "url"))
    var baseURL = "http://127.0.0.1:8080"

    func run() throws {
        let base = try RemindOptions.checkBaseURL(baseURL)
        let relay: SMTPRelay?
        if dryRun {
            relay = nil
        } else {
            guard let smtp else { throw Failure.usage("give --smtp smtp://HOST:PORT (the council's relay), or --dry-run to see what would be sent") }
            relay = try RemindOptions.relay(smtp, insecure: smtpInsecure)
        }
        guard FileManager.default.fileExists(atPath: options.path) else {
            throw Failure.badInput("there is no ledger at \(options.path); build one first (swift run mtfs demo) or give --ledger")
        }
        // A dry run only reads: the ledger is not changed, nor brought up to date.
        let service = dryRun ? try LedgerService(reading: options.path) : try LedgerService(path: options.path, readers: 1)
        let job = RemindJob(ledgerPath: options.path, baseURL: base, sender: relay, actor: Clock.loginName, source: try options.provenance().source)
        let report = try job.run(service: service, asOf: asOf ?? Clock.today, now: Clock.seconds, recordedAt: Clock.recordedAt)
        Terminal.write(RemindOptions.describe(report, dryRun: dryRun))
        if report.failed > 0 { throw Failure(message: "\(report.failed) reminder\(report.failed == 1 ? "" : "s") could not be sent; each is recorded and will be tried again on the next run", code: 6) }
    }
}

/// What `mtfs remind` and `mtfs serve` share: the relay and link checks, and the run in words.
enum RemindOptions {
    static func relay(_ text: String, insecure: Bool) throws -> SMTPRelay {
        switch SMTPRelay.parse(text) {
        case .failure(let e): throw Failure.usage(e.message)
        case .success(let url):
            let env = ProcessInfo.processInfo.environment
            let user = env["MTFS_SMTP_USER"].flatMap { $0.isEmpty ? nil : $0 }
            let password = env["MTFS_SMTP_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
            if (user == nil) != (password == nil) { throw Failure.usage("set both MTFS_SMTP_USER and MTFS_SMTP_PASSWORD, or neither") }
            if user != nil && insecure { throw Failure.usage("the relay's login is never sent in clear: drop --smtp-insecure, or unset MTFS_SMTP_USER and MTFS_SMTP_PASSWORD") }
            return SMTPRelay(url: url, insecure: insecure, user: user, password: password)
        }
    }

    static func checkBaseURL(_ text: String) throws -> String {
        guard let c = URLComponents(string: text), let scheme = c.scheme?.lowercased(), scheme == "http" || scheme == "https", let host = c.host, !host.isEmpty,
            c.query == nil, c.fragment == nil, c.user == nil, !text.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" })
        else { throw Failure.usage("--base-url: expected the portal's address such as https://savings.council.gov.uk, found \"\(text)\"") }
        return text
    }

    static func describe(_ report: RemindJob.Report, dryRun: Bool) -> String {
        let p = report.plan
        var out = "Reminders as of \(p.asOf.longText): "
        out += "returns due for " + (p.returnMonth.map { "\($0.monthName) (\($0))" } ?? "no month (off, or outside the MTFS years)")
        out += "; sign-offs due for " + (p.signOffMonth.map { "\($0.monthName) (\($0))" } ?? "no month (off, or outside the MTFS years)") + ".\n"
        if report.outcomes.isEmpty { out += "Nothing is due: no one is sent anything.\n" }
        if dryRun {
            for o in report.outcomes {
                // What people typed (names, comments, findings' titles) reaches the terminal inert.
                let text = o.text.split(separator: "\n", omittingEmptySubsequences: false).map { Escape.terminal(String($0)) }.joined(separator: "\n")
                out += "\n--- \(o.due.kind.text)\(o.due.retry ? " (a retry)" : "") ---\nFrom: \(report.from ?? "(set with mtfs settings reminders-from ADDRESS)")\n"
                out += "To: \(Escape.terminal(o.due.recipient.name)) <\(o.due.recipient.email ?? "")>\nSubject: \(Escape.terminal(o.subject))\n\n\(text)"
            }
            if !report.outcomes.isEmpty { out += "\nDry run: \(report.outcomes.count) message\(report.outcomes.count == 1 ? "" : "s") would be sent; nothing was sent or recorded.\n" }
        } else if !report.outcomes.isEmpty {
            var t = Table(columns: [.init("kind", "Reminder"), .init("to", "To"), .init("about", "About"), .init("month", "Month"), .init("outcome", "Outcome")])
            t.rows = report.outcomes.map { o in
                [
                    .text(o.due.kind.text), .text(o.due.recipient.login), .text(o.due.holder?.rawValue ?? "\(o.due.findings.count) finding\(o.due.findings.count == 1 ? "" : "s")"), .text(o.due.period.description),
                    .text(o.answer.map { $0.accepted ? "sent" : "FAILED: \($0.text)" } ?? "not sent"),
                ]
            }
            out += t.renderText() + "Sent \(report.sent); failed \(report.failed).\n"
        }
        // Who could not be reminded, a line per kind and reason (a council may have dozens).
        var groups: [String: [String]] = [:]
        var order: [String] = []
        for u in p.unreachable {
            let why: String
            switch u.why {
            case .noAccount: why = "no enabled portal account is bound to them: mtfs user add … --role holder --holder NAME --email ADDRESS"
            case .noEmail: why = "their account has no email address: mtfs user email LOGIN ADDRESS"
            }
            let key = "\(u.kind.text)s for \(u.period) (\(why))"
            if groups[key] == nil { order.append(key) }
            if case .noEmail(let logins) = u.why { groups[key, default: []].append("\(u.holder) (\(logins.joined(separator: ", ")))") } else { groups[key, default: []].append(u.holder) }
        }
        for key in order { out += "Not reminded, \(key): \(groups[key]!.joined(separator: ", ")).\n" }
        return out
    }
}
