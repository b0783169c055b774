import ArgumentParser
import Foundation
import MTFSDomain
import MTFSMail
import ServiceLifecycle
import MTFSStore
import MTFSWeb

/// `mtfs serve`: the web portal (SPEC §10).
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the ledger to the people who own it: budget holders, finance and the CFO sign in to the portal.",
        discussion: """
            Prints its address and runs until Ctrl-C. Add people with `mtfs user add`; API clients use `mtfs token create`. \
            --trusted-header NAME lets a council's own single sign-on proxy name the user in that header instead of a \
            password. Only turn it on when the portal is reachable through that proxy alone: anyone who can reach the \
            port directly can claim to be anyone by sending the header.

            Example: mtfs serve --ledger Ledgers/demo.sqlite --port 8080
            """)

    @OptionGroup var options: LedgerOptions
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port (0: any free port).") var port = 8080
    @Flag(name: .customLong("secure-cookies"), help: "Mark the session cookie Secure (when served over HTTPS, behind a proxy).") var secureCookies = false
    @Option(name: .customLong("trusted-header"), help: ArgumentHelp("Take the user's login from this header, set by a sign-on proxy (off by default; see above).", valueName: "NAME"))
    var trustedHeader: String?
    @Option(
        name: .customLong("client-address-header"),
        help: ArgumentHelp(
            "Behind a reverse proxy on this machine: the header it adds each client's address to (X-Forwarded-For), so sign-ins are throttled by the person's address, not the proxy's.",
            valueName: "NAME"))
    var clientAddressHeader: String?
    @Option(
        name: .customLong("allowed-host"),
        help: ArgumentHelp("A host name people reach the portal by, through a proxy (repeatable; localhost always is).", valueName: "NAME"))
    var allowedHost: [String] = []
    @Option(
        help: ArgumentHelp(
            "Send the day's reminders through this relay (smtp://HOST:PORT, STARTTLS required), at mtfs settings reminders-time each day.", valueName: "url"))
    var smtp: String?
    @Flag(name: .customLong("smtp-insecure"), help: "With --smtp: send without TLS when the relay offers none (a relay on this machine).")
    var smtpInsecure = false
    @Option(name: .customLong("base-url"), help: ArgumentHelp("With --smtp (required then): the portal's address as people reach it, for the link in each reminder.", valueName: "url"))
    var baseURL: String?

    func run() throws {
        let path = options.path
        guard FileManager.default.fileExists(atPath: path) else {
            throw Failure.badInput("there is no ledger at \(path); build one first (swift run mtfs demo) or give --ledger")
        }
        guard (0...65535).contains(port) else { throw Failure.usage("expected --port 0 to 65535, found \(port)") }
        if let trustedHeader, trustedHeader.isEmpty || !trustedHeader.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) {
            throw Failure.usage("expected --trusted-header to be a header name such as X-Remote-User")
        }
        if let clientAddressHeader, clientAddressHeader.isEmpty || !clientAddressHeader.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) {
            throw Failure.usage("expected --client-address-header to be a header name such as X-Forwarded-For")
        }
        let relay = try smtp.map { try RemindOptions.relay($0, insecure: smtpInsecure) }
        if smtp == nil && smtpInsecure { throw Failure.usage("--smtp-insecure goes with --smtp") }
        if smtp != nil && baseURL == nil {
            throw Failure.usage("give --base-url with --smtp: the portal's address as people reach it, for the link in each reminder (such as https://savings.council.gov.uk)")
        }
        let base = try RemindOptions.checkBaseURL(baseURL ?? "http://127.0.0.1")
        let service = try LedgerService(path: path, readers: 4)
        let loopback = ["127.0.0.1", "::1", "localhost"].contains(host)
        if !loopback {
            let demo = try service.read { ledger in try ledger.people.users().filter { u in (try? ledger.people.passwordHash(login: u.login)).flatMap { $0 }.map { Credentials.verify(DemoUsers.password, hash: $0) } ?? false } }
            if !demo.isEmpty {
                throw Failure.badInput(
                    "the demo users (\(demo.map(\.login).joined(separator: ", "))) have a published password, so this ledger is served on localhost only; disable them (mtfs user disable) first")
            }
        }
        var portalOptions = PortalOptions()
        portalOptions.secureCookies = secureCookies
        portalOptions.trustedHeader = trustedHeader
        portalOptions.clientAddressHeader = clientAddressHeader
        portalOptions.allowedHosts = Set(allowedHost.map { $0.lowercased() } + (loopback ? [] : [host.lowercased()]))
        portalOptions.today = { Clock.today }
        let portal = Portal(service: service, options: portalOptions)
        let users = try service.read { try $0.people.users().filter { !$0.disabled }.count }
        let done = DispatchSemaphore(value: 0)
        let failure = Box()
        let host = self.host, port = self.port
        let reminders = relay.map { ReminderService(service: service, job: RemindJob(ledgerPath: path, baseURL: base, sender: $0, actor: Clock.loginName, source: "mtfs serve: the daily reminders")) }
        let timeText = reminders == nil ? "" : try service.read { try ReminderSettings(storedIn: $0) }.value(.time)
        Task {
            do {
                try await portal.run(host: host, port: port, services: reminders.map { [$0] } ?? []) { address in
                    Terminal.write(
                        "Serving \(path) at \(address) (\(users) user\(users == 1 ? "" : "s"); `mtfs user add` adds people). Ctrl-C stops it."
                            + (reminders == nil ? "" : "\nReminders are sent each day at \(timeText) (mtfs settings reminders-time)."))
                }
            } catch { failure.error = error }
            done.signal()
        }
        done.wait()
        if let error = failure.error {
            let text = "\(error)"
            if text.contains("ddress already in use") { throw Failure.badInput("port \(port) on \(host) is already in use; give another --port") }
            throw Failure.badInput("the portal could not listen on \(host):\(port) (\(text.prefix(120))); check --host and --port")
        }
    }

    final class Box: @unchecked Sendable { var error: Error? }
}

/// The reminders' daily job inside `mtfs serve` (SPEC §11): beside the server, never in a request.
/// Twice a minute it looks at the clock; once a day, at `reminders-time` (Europe/London) or at
/// start-up when that time has passed, it runs ``RemindJob`` on a thread of its own. Reminders
/// are recorded as sent, so a restart the same day sends nothing twice; one that failed is tried
/// again the next day (or at the next start).
struct ReminderService: Service {
    let service: LedgerService
    let job: RemindJob

    func run() async throws {
        var lastRun: CivilDate?
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let today = Clock.today
            let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Europe/London")!, from: Clock.now)
            let minutes = (c.hour ?? 0) * 60 + (c.minute ?? 0)
            if lastRun != today, let settings = try? service.read({ try ReminderSettings(storedIn: $0) }), minutes >= settings.time {
                lastRun = today
                let line = await runOnce(today)
                Terminal.write(line)
            }
            do { try await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(30)) } } catch { return }
        }
    }

    /// One day's run, off the server's threads; a line for the server's log.
    private func runOnce(_ today: CivilDate) async -> String {
        let job = self.job, service = self.service
        return await withCheckedContinuation { (done: CheckedContinuation<String, Never>) in
            Thread.detachNewThread {
                do {
                    let r = try job.run(service: service, asOf: today, now: Clock.seconds, recordedAt: Clock.recordedAt)
                    done.resume(returning: "Reminders for \(today): sent \(r.sent), failed \(r.failed)" + (r.failed > 0 ? " (each is tried again tomorrow; the returns board shows them)." : "."))
                } catch {
                    done.resume(returning: "Reminders for \(today) were not sent: \(Failure.describe(error).message)")
                }
            }
        }
    }
}

/// The demo's users: one per role, with a published password, for localhost only.
enum DemoUsers {
    static let password = "demo-password"
    static let users = [
        PortalUser(login: "helen", name: "Helen Brandt", role: .holder, holder: "Helen Brandt"),
        PortalUser(login: "finance.people", name: "Finance BP (People)", role: .finance, directorate: "People"),
        PortalUser(login: "cfo", name: "Chief Finance Officer", role: .cfo),
        PortalUser(login: "cllr.osei", name: "Cllr Daniel Osei", role: .member, portfolio: "Adult Social Care and Health"),
    ]

    /// Adds the demo's people (a member only when the pack has their portfolio).
    static func add(to ledger: Ledger) throws {
        let hash = try Credentials.hashPassword(password)
        let now = Int64(Date().timeIntervalSince1970)
        let portfolios = Set(try ledger.books.proposals().compactMap(\.portfolio))
        for u in users where u.portfolio.map(portfolios.contains) ?? true {
            try ledger.people.addUser(u, passwordHash: hash, by: "mtfs demo", at: now, recordedAt: Clock.recordedAt)
        }
    }
}
