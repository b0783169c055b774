import Foundation
import MTFSDomain
@testable import MTFSEngine
import MTFSMail
@testable import MTFSStore
import PropertyBased
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
@testable import MTFSWeb

/// A real SMTP server on 127.0.0.1 (Python's aiosmtpd, `Fixtures/smtp_relay.py`), started by the
/// test: what it accepted is read back from its mailbox file.
final class TestRelay {
    let dir = TempDir()
    let process = Process()
    let port: Int

    /// `refuse`: recipients refused with 551 at RCPT; `drop`: recipients whose message has its
    /// connection dropped in the middle of DATA.
    init(refuse: [String] = [], drop: [String] = []) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", fixture("smtp_relay.py"), dir.path("port"), dir.path("mailbox")]
            + refuse.flatMap { ["--refuse", $0] } + drop.flatMap { ["--drop", $0] }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        var found: Int?
        for _ in 0..<200 {
            if let text = try? String(contentsOfFile: dir.path("port"), encoding: .utf8), let p = Int(text) { found = p; break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        guard let found else { kill(process.processIdentifier, SIGKILL); throw TestRelayError.didNotStart }
        port = found
    }

    enum TestRelayError: Error { case didNotStart }

    var url: String { "smtp://127.0.0.1:\(port)" }

    struct Received {
        var to: [String]
        var raw: String
        /// The plain-text part, decoded.
        var text: String
        var html: String
        var subject: String
    }

    /// Every message accepted so far.
    func received() -> [Received] {
        guard let data = FileManager.default.contents(atPath: dir.path("mailbox")) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            guard let o = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let raw = o["data"] as? String else { return nil }
            return Received(to: o["to"] as? [String] ?? [], raw: raw, text: TestRelay.part(raw, "text/plain"), html: TestRelay.part(raw, "text/html"),
                subject: raw.split(separator: "\r\n").first { $0.hasPrefix("Subject: ") }.map { String($0.dropFirst(9)) } ?? "")
        }
    }

    /// A base64 part of a multipart message, decoded.
    static func part(_ raw: String, _ type: String) -> String {
        guard let start = raw.range(of: "Content-Type: \(type); charset=utf-8") else { return "" }
        let rest = raw[start.upperBound...]
        guard let body = rest.range(of: "\r\n\r\n") else { return "" }
        let lines = rest[body.upperBound...].split(separator: "\r\n").prefix { !$0.hasPrefix("--") }
        return Data(base64Encoded: lines.joined()).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    deinit {
        // SIGKILL: a child of the test runner starts with most signals blocked (SIGTERM among them).
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

@Suite("Reminders by email (SPEC §11)", .serialized)
struct RemindersTests {
    /// The sample borough with reminders set up: Helen (People, 5 of her 6 October lines in), Dana
    /// (returned October in full), Mei Lin (a holder with no address), finance for People, the CFO.
    static func borough() throws -> CLI {
        let c = CLI()
        try c.expectOK(["load", samplePack])
        for (login, args) in [
            ("helen", ["--name", "Helen Brandt", "--role", "holder", "--holder", "Helen Brandt", "--email", "helen.brandt@council.gov.uk"]),
            ("dana", ["--name", "Dana Whitfield", "--role", "holder", "--holder", "Dana Whitfield", "--email", "dana.whitfield@council.gov.uk"]),
            ("mei", ["--name", "Mei Lin", "--role", "holder", "--holder", "Mei Lin"]),
            ("fbp", ["--name", "Priya Shah", "--role", "finance", "--directorate", "People", "--email", "priya.shah@council.gov.uk"]),
            ("cfo", ["--name", "Chief Finance Officer", "--role", "cfo", "--email", "cfo@council.gov.uk"]),
        ] {
            let input = Pipe()
            input.fileHandleForWriting.write(Data("a-long-enough-password".utf8))
            try input.fileHandleForWriting.close()
            let r = try c.run(["user", "add", login, "--password-stdin"] + args, standardInput: input.fileHandleForReading)
            #expect(r.status == 0, "\(r.err)")
        }
        try c.expectOK(["settings", "reminders-from", "savings@council.gov.uk"])
        return c
    }

    @Test("a real relay receives the right messages, with the right figures, exactly once across two runs; nothing to a holder who returned")
    func realRelay() throws {
        let c = try RemindersTests.borough()
        let relay = try TestRelay()
        let args = ["remind", "--smtp", relay.url, "--smtp-insecure", "--as-of", "2023-11-14", "--base-url", "https://savings.council.gov.uk"]
        let first = try c.run(args)
        #expect(first.status == 0, "\(first.err)")
        let mail = relay.received()
        let to = mail.map { $0.to.joined() + " " + $0.subject }.sorted()
        #expect(to == [
            "cfo@council.gov.uk 11 new savings findings to review",
            "dana.whitfield@council.gov.uk Please sign your savings statement for September 2023",
            "helen.brandt@council.gov.uk Please sign your savings statement for September 2023",
            "helen.brandt@council.gov.uk Your savings return for October 2023 is overdue",
        ])
        // Dana returned October in full: no return reminder (the rule), and Mei Lin has no address.
        #expect(!mail.contains { $0.to == ["dana.whitfield@council.gov.uk"] && $0.subject.contains("return") })
        #expect(first.out.contains("Mei Lin"), "the run says who could not be reminded")
        // The figures that matter, the link and who to ask.
        let helen = try #require(mail.first { $0.subject.contains("overdue") })
        #expect(helen.text.contains("Your return for October 2023 (2023/24 P7) was due by 10 November 2023: 5 of your 6 lines are in; still to return: PEO-14 Mental health placements: step-down pathway."), "\(helen.text)")
        #expect(helen.text.contains("target £1,900,000.00, delivered £1,015,700.00 as last returned"))
        #expect(helen.text.contains("https://savings.council.gov.uk/return?period=2023-10"))
        #expect(helen.text.contains("Questions: Priya Shah (priya.shah@council.gov.uk)."))
        #expect(helen.html.contains("<a href=\"https://savings.council.gov.uk/return?period=2023-10\">"))
        #expect(helen.raw.contains("From: =?UTF-8?B?") || helen.raw.contains("From: Savings ledger <savings@council.gov.uk>"))
        let digest = try #require(mail.first { $0.to == ["cfo@council.gov.uk"] })
        #expect(digest.text.contains("CRITICAL DC05"))
        #expect(!digest.text.contains("MEDIUM") && !digest.text.contains("LOW "), "only high and critical by default")

        // A second run sends nothing again.
        let second = try c.run(args)
        #expect(second.status == 0)
        #expect(second.out.contains("Nothing is due"))
        #expect(relay.received().count == 4)
        // Nor after Helen is renamed: her reminders were about her, not the name they went under.
        try c.expectOK(["holder", "rename", "Helen Brandt", "--to", "Helen Okafor"])
        let renamed = try c.run(args)
        #expect(renamed.status == 0 && renamed.out.contains("Nothing is due"), "\(renamed.out)\(renamed.err)")
        #expect(relay.received().count == 4)
        // Every message is in the record chain, and verify passes.
        try c.expectOK(["verify"])
        let ledger = try Ledger(path: c.ledger, readOnly: true)
        #expect(try ledger.reminders.all().filter(\.sent).count == 4)
        #expect(try ledger.reminders.all().allSatisfy { $0.relay.hasPrefix("250") })

        // A new finding later: the digest tells only of what is new.
        let later = try c.run(["remind", "--smtp", relay.url, "--smtp-insecure", "--as-of", "2023-12-14"])
        #expect(later.status == 0, "\(later.err)")
        let cfoMail = relay.received().filter { $0.to == ["cfo@council.gov.uk"] }
        #expect(cfoMail.count <= 2)
        if cfoMail.count == 2 { #expect(!cfoMail[1].text.contains("PEO-15 “Day opportunities commissioning”"), "a finding already told is not told again") }
    }

    @Test("a relay that refuses (551) or drops the connection mid-message leaves the reminder unsent, reported, and retried on the next run")
    func refusedAndDropped() throws {
        let c = try RemindersTests.borough()
        do {
            let bad = try TestRelay(refuse: ["helen.brandt@council.gov.uk"], drop: ["dana.whitfield@council.gov.uk"])
            let r = try c.run(["remind", "--smtp", bad.url, "--smtp-insecure", "--as-of", "2023-11-14"])
            #expect(r.status == 6, "\(r.out)\(r.err)")
            #expect(r.err.contains("3 reminders could not be sent"))
            #expect(r.out.contains("FAILED: 551"))
            #expect(bad.received().map(\.to) == [["cfo@council.gov.uk"]])
            let tries = try Ledger(path: c.ledger, readOnly: true).reminders.all()
            #expect(tries.filter { !$0.sent }.count == 3)
            #expect(tries.contains { !$0.sent && $0.login == "helen" && $0.relay.contains("551") })
        }
        // The next run, through a relay that accepts: each failed one is sent, the CFO's is not sent again.
        let good = try TestRelay()
        let r = try c.run(["remind", "--smtp", good.url, "--smtp-insecure", "--as-of", "2023-11-14"])
        #expect(r.status == 0, "\(r.err)")
        #expect(good.received().map { $0.to.joined() }.sorted() == [
            "dana.whitfield@council.gov.uk", "helen.brandt@council.gov.uk", "helen.brandt@council.gov.uk",
        ])
        try c.expectOK(["verify"])
    }

    @Test("STARTTLS is required unless --smtp-insecure: a relay without it is sent nothing; --dry-run prints and sends nothing")
    func startTLSAndDryRun() throws {
        let c = try RemindersTests.borough()
        let relay = try TestRelay()
        let head = try Ledger(path: c.ledger, readOnly: true).head()
        let dry = try c.run(["remind", "--dry-run", "--as-of", "2023-11-14"])
        #expect(dry.status == 0)
        #expect(dry.out.contains("Subject: Your savings return for October 2023 is overdue"))
        #expect(dry.out.contains("To: Helen Brandt <helen.brandt@council.gov.uk>"))
        #expect(dry.out.contains("Dry run: 4 messages would be sent; nothing was sent or recorded."))
        #expect(try Ledger(path: c.ledger, readOnly: true).head() == head)
        // A dry run only reads: it writes no lock file, and an old ledger is refused, not upgraded (found by a reviewer).
        #expect(!FileManager.default.fileExists(atPath: c.ledger + ".remind-lock"))
        let old = c.dir.path("old.sqlite")
        try makeSchema4Ledger(at: old)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: old))
        let refused = try c.run(["remind", "--dry-run", "--as-of", "2023-11-14", "--ledger", old])
        #expect(refused.status != 0 && refused.err.contains("mtfs upgrade"), "\(refused.err)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: old)) == bytes)

        let r = try c.run(["remind", "--smtp", relay.url, "--as-of", "2023-11-14"])
        #expect(r.status == 6)
        #expect(r.out.contains("STARTTLS"))
        #expect(relay.received().isEmpty)
        // The login is never taken from the command line, and never sent in clear.
        let clear = try c.run(["remind", "--smtp", relay.url, "--smtp-insecure"], env: ["MTFS_SMTP_USER": "u", "MTFS_SMTP_PASSWORD": "p"])
        #expect(clear.status == 1)
        #expect(clear.err.contains("never sent in clear"))
        let inURL = try c.run(["remind", "--smtp", "smtp://u:p@127.0.0.1:\(relay.port)"])
        #expect(inURL.status == 1)
        #expect(relay.received().isEmpty)
    }

    @Test("bad settings, addresses and relays are refused in one sentence, nothing written")
    func refusals() throws {
        let c = try RemindersTests.borough()
        let head = try Ledger(path: c.ledger, readOnly: true).head()
        for (args, status, words) in [
            (["user", "email", "helen", "helen@@council"], Int32(2), "expected an email address"),
            (["user", "email", "helen", "a@b.c\r\nBcc: x@y.z"], 2, "expected an email address"),
            (["user", "email", "nobody", "n@council.gov.uk"], 2, "there is no user nobody"),
            (["settings", "returns-due-day", "31"], 2, "from 1 to 28"),
            (["settings", "reminders-time", "7am"], 2, "HH:MM"),
            (["settings", "digest-severity", "urgent"], 2, "severity"),
            (["settings", "return-reminders", "maybe"], 2, "on or off"),
            (["remind", "--smtp", "http://relay:25"], 1, "smtp://HOST:PORT"),
            (["remind", "--smtp", "smtp://council-user%253AS3cretPW%40127.0.0.1:25", "--smtp-insecure"], 1, "no login"),
            (["remind", "--smtp", "smtp://user:S3cretPW@relay:25"], 1, "no login"),
            (["remind", "--smtp", "smtp://relay:99999"], 1, "port"),
            (["remind", "--dry-run", "--base-url", "javascript:alert(1)"], 1, "--base-url"),
            (["remind"], 1, "--smtp"),
        ] {
            let r = try c.run(args)
            #expect(r.status == status, "mtfs \(args.joined(separator: " ")): \(r.err)")
            #expect(r.err.contains(words), "mtfs \(args.joined(separator: " ")): \(r.err)")
            #expect(r.err.split(separator: "\n").count == 1, "one sentence: \(r.err)")
            #expect(!r.err.contains("S3cretPW"), "a login typed into the URL is never repeated back")
        }
        #expect(try Ledger(path: c.ledger, readOnly: true).head() == head)
        // Unset sender: nothing is sent.
        let d = CLI()
        try d.expectOK(["load", samplePack])
        let input = Pipe()
        input.fileHandleForWriting.write(Data("a-long-enough-password".utf8))
        try input.fileHandleForWriting.close()
        _ = try d.run(["user", "add", "helen", "--name", "Helen", "--role", "holder", "--holder", "Helen Brandt", "--email", "h@council.gov.uk", "--password-stdin"], standardInput: input.fileHandleForReading)
        let relay = try TestRelay()
        let r = try d.run(["remind", "--smtp", relay.url, "--smtp-insecure", "--as-of", "2023-11-14"])
        #expect(r.status == 2)
        #expect(r.err.contains("reminders-from"))
        #expect(relay.received().isEmpty)
    }

    @Test("mtfs serve --smtp sends the day's reminders beside the portal, at the set time, once: a restart sends nothing again")
    func serveJob() throws {
        let c = try RemindersTests.borough()
        try c.expectOK(["settings", "reminders-time", "06:30"])
        let relay = try TestRelay()
        func serve() throws -> (Process, Pipe) {
            let p = Process()
            p.executableURL = CLI.executable
            p.arguments = ["serve", "--ledger", c.ledger, "--port", "0", "--smtp", relay.url, "--smtp-insecure", "--base-url", "https://savings.council.gov.uk"]
            var env = ProcessInfo.processInfo.environment
            env["MTFS_NOW"] = "2023-11-14T07:00:00Z"
            p.environment = env
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            try p.run()
            return (p, out)
        }
        for round in 1...2 {
            let (p, out) = try serve()
            // The portal answers while the job runs; the job reports a line when it has run.
            var log = ""
            for _ in 0..<300 where !log.contains("Reminders for 2023-11-14") {
                Thread.sleep(forTimeInterval: 0.1)
                log += String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
            }
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            #expect(log.contains("Reminders are sent each day at 06:30"))
            #expect(log.contains(round == 1 ? "Reminders for 2023-11-14: sent 4, failed 0." : "Reminders for 2023-11-14: sent 0, failed 0."), "\(log)")
        }
        #expect(relay.received().count == 4)
    }

    @Test("one run at a time per ledger file, whatever path reaches it; a reminder recorded as sent outside the chain is still never sent again (found by a reviewer)")
    func onceWhateverThePath() throws {
        let c = try RemindersTests.borough()
        let relay = try TestRelay()
        let link = c.dir.path("link.sqlite")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: c.ledger)
        try FileManager.default.createSymbolicLink(atPath: link + ".heads", withDestinationPath: c.ledger + ".heads")
        // Another run holds the real file's lock: a run through the link waits, then gives up.
        let fd = open(c.ledger + ".remind-lock", O_RDWR | O_CREAT, 0o600)
        #expect(flock(fd, LOCK_EX) == 0)
        var job = RemindJob(
            ledgerPath: link, baseURL: "https://savings.council.gov.uk", sender: SMTPRelay(url: relay.url, insecure: true), actor: "t", source: "test")
        job.lockWait = 0.3
        let service = try LedgerService(path: link, readers: 1)
        #expect(throws: RemindJob.Refusal.self) {
            _ = try job.run(service: service, asOf: date("2023-11-14"), now: 0, recordedAt: "2023-11-14T07:00:00Z")
        }
        flock(fd, LOCK_UN)
        close(fd)
        #expect(relay.received().isEmpty)
        // A 'sent' row put beside the chain (tampering, which verify reports) still stops a second send.
        let ledger = try Ledger(path: c.ledger)
        try ledger.db.run(
            "INSERT INTO reminders(kind, subject_key, holder, period, login, address, outcome, relay, title, detail, recorded_at, actor, source) VALUES ('return', ?, 'Helen Brandt', 202307, 'helen', 'x', 'sent', '250', 't', '', '', 't', 't')",
            ReminderPlan.subjectKey(.returnDue, holder: "Helen Brandt", period: Period(year: fy(2023), number: 7)))
        let r = try c.run(["remind", "--smtp", relay.url, "--smtp-insecure", "--as-of", "2023-11-14"])
        #expect(r.status == 0, "\(r.err)")
        #expect(!relay.received().contains { $0.subject.contains("overdue") })
        #expect(try c.run(["verify"]).status == 4)
    }

    @Test("a user's problems name the field, never a command-line flag; the command line words them as its options")
    func userFieldErrors() throws {
        let cases: [(PortalUser, String)] = [
            (PortalUser(login: "a b", name: "X", role: .cfo), "login"), (PortalUser(login: "x", name: " ", role: .cfo), "name"),
            (PortalUser(login: "x", name: "X", role: .holder), "holder"), (PortalUser(login: "x", name: "X", role: .finance), "directorate"),
            (PortalUser(login: "x", name: "X", role: .member), "portfolio"), (PortalUser(login: "x", name: "X", role: .cfo, portfolio: "P"), "portfolio"),
            (PortalUser(login: "x", name: "X", role: .cfo, email: "x@y"), "email"),
            (PortalUser(login: "x", name: "Eve\u{202E}nimda", role: .cfo), "name"),
            // A tab would print as a space: another person's name to the eye (found by a reviewer).
            (PortalUser(login: "x", name: "Helen\tBrandt", role: .cfo), "name"),
        ]
        for (user, field) in cases {
            do {
                try user.validate()
                Issue.record("\(user.login) \(field) passed")
            } catch {
                guard case .field(let f, let problem) = error else { Issue.record("\(error)"); continue }
                #expect(f == field && !problem.contains("--"), "\(field): \(problem)")
            }
        }
        let c = try RemindersTests.borough()
        let input = Pipe()
        input.fileHandleForWriting.write(Data("a-long-enough-password".utf8))
        try input.fileHandleForWriting.close()
        let r = try c.run(["user", "add", "x", "--name", "X", "--role", "cfo", "--email", "not-an-address", "--password-stdin"], standardInput: input.fileHandleForReading)
        #expect(r.status == 2 && r.err.contains("--email"), "\(r.err)")
    }

    @Test("a message's headers cannot be added to by a name or a title; bodies are base64 UTF-8")
    func messageHeaders() {
        let m = MailMessage(
            from: .init(name: "Savings ledger", address: "s@council.gov.uk"), to: .init(name: "Eve\r\nBcc: x@evil.example", address: "eve@council.gov.uk"),
            subject: "Return for “October”\r\nBcc: y@evil.example", text: "£1,000", html: "<p>£1,000</p>", date: 0, id: "1")
        let raw = String(decoding: m.bytes, as: UTF8.self)
        #expect(!raw.contains("\r\nBcc:"))
        #expect(raw.contains("Subject: =?UTF-8?B?"))
        // A name that looks like an address or a group is an encoded word, never read as an address.
        let odd = String(decoding: MailMessage(
            from: .init(name: "Savings ledger", address: "s@council.gov.uk"), to: .init(name: "attacker@evil.com (Helen): x", address: "h@council.gov.uk"),
            subject: "s", text: "t", html: "h", date: 0, id: "2").bytes, as: UTF8.self)
        #expect(odd.contains("To: =?UTF-8?B?") && !odd.contains("attacker@evil.com"))
        #expect(SMTPRelay.parse("smtp://[::1]:2525") == .success("smtp://[::1]:2525"))
        #expect(SMTPRelay.parse("smtp://relay.council.gov.uk") == .success("smtp://relay.council.gov.uk:25"))
        #expect(TestRelay.part(raw, "text/plain") == "£1,000")
        #expect(throws: DomainError.self) { _ = try EmailAddress.check("a@b.c>\r\nRCPT TO:<x@y.z") }
        #expect(throws: DomainError.self) { _ = try EmailAddress.check("\"quoted\"@council.gov.uk") }
        #expect((try? EmailAddress.check("helen.o'brien+mtfs@council.gov.uk")) != nil)
    }
}

/// Who is reminded, checked against a direct statement of the rule over random calendars of
/// returns and sign-offs (SPEC §11).
@Suite("Reminders: the rule")
struct ReminderRuleTests {
    @Test("over random calendars of returns, sign-offs and earlier tries, exactly the holders the rule names are reminded")
    func rule() async throws {
        await propertyCheck(count: 30, input: Gen.int(in: 0...1_000_000)) { seed in
            try ReminderRuleTests.check(seed: UInt64(seed))
        }
    }

    static func check(seed: UInt64) throws {
        var rng = SeededRandom(state: seed)
        let dir = TempDir()
        let ledger = try Ledger(path: dir.path("r.sqlite"), create: true)
        try ledger.books.setWindow(YearRange(first: fy(2023), last: fy(2024)), by: testWho)
        let holders = ["Ann", "Bob", "Cat", "Dev"]
        var lines: [String: [ProposalRef]] = [:]
        for (i, h) in holders.enumerated() {
            let code = CostCentreCode("CC\(i)")
            try ledger.books.addCostCentre(
                CostCentre(code: code, name: "Centre \(i)"),
                assignment: Assignment(costCentre: code, effective: date("2023-04-01"), service: "Service", directorate: "People", budgetHolder: HolderID(h), model: .devolved),
                baselines: [fy(2023): pounds(5_000_000)], by: testWho)
            for j in 0..<Int.random(in: 1...2, using: &rng) {
                let ref = ProposalRef("P-\(i)-\(j)")
                try ledger.books.addProposal(
                    Proposal(ref: ref, title: "Saving \(i) \(j)", directorate: "People", owner: HolderID(h), costCentres: try CostCentreShare.parseList("CC\(i)=100%")),
                    targets: [fy(2023): pounds(120_000)], effective: date("2023-04-01"), reason: "MTFS", by: testWho)
                lines[h, default: []].append(ref)
            }
        }
        // The calendar: each line returned or not in each month to January; some full months signed.
        var returned: [String: [Int: Int]] = [:]  // holder → month number → lines returned
        var signed: [String: Set<Int>] = [:]
        for n in 1...10 {
            let p = Period(year: fy(2023), number: n)
            for h in holders {
                for (k, ref) in lines[h]!.enumerated() where Int.random(in: 0..<4, using: &rng) > 0 {
                    try ledger.books.recordReturnLine(
                        ref: ref, year: fy(2023), period: p, deliveredToDate: pounds(Int64(n * 1_000 + k)), forecast: pounds(120_000), rag: .green, comment: "", by: testWho)
                    returned[h, default: [:]][n, default: 0] += 1
                }
            }
            // Most sign-offs follow a full return; a few come without one (signed is answered, either way).
            for h in holders where Int.random(in: 0..<(returned[h]?[n] == lines[h]!.count ? 2 : 6), using: &rng) == 0 {
                try SignOffs.sign(ledger: ledger, holder: HolderID(h), period: p, comment: "", by: testWho)
                signed[h, default: []].insert(n)
            }
        }
        // People: every holder an account; one without an address.
        let noAddress = holders[Int.random(in: 0..<holders.count, using: &rng)]
        for h in holders {
            try ledger.people.addUser(
                PortalUser(login: h.lowercased(), name: h, role: .holder, holder: HolderID(h), email: h == noAddress ? nil : "\(h.lowercased())@council.gov.uk"),
                passwordHash: "x", by: "t", at: 0, recordedAt: "2023-11-20T10:00:00Z")
        }
        var settings = ReminderSettings()
        settings.dueDay = Int.random(in: 1...28, using: &rng)
        settings.signOffDays = Int.random(in: 0...20, using: &rng)
        settings.digest = false
        let asOf = CivilDate(year: 2023, month: 5, day: 1)!.adding(days: Int.random(in: 0...270, using: &rng))

        // The rule, stated directly with Foundation's calendar.
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        func day(_ d: CivilDate) -> Date { cal.date(from: DateComponents(year: d.year, month: d.month, day: d.day))! }
        func monthNumber(monthsBefore k: Int) -> Int {
            // Financial month number of the calendar month k months before asOf's month (April = 1).
            let c = cal.dateComponents([.month], from: cal.date(byAdding: .month, value: -k, to: day(asOf))!)
            return (c.month! + 8) % 12 + 1
        }
        func due(monthsBefore k: Int, plus days: Int) -> Date {
            // The due day falls in the month after: k − 1 months before asOf's month.
            var c = cal.dateComponents([.year, .month], from: cal.date(byAdding: .month, value: -(k - 1), to: day(asOf))!)
            c.day = settings.dueDay
            return cal.date(byAdding: .day, value: days, to: cal.date(from: c)!)!
        }
        func month(after days: Int) -> Int {
            var k = 1
            while !(due(monthsBefore: k, plus: days) < day(asOf)) { k += 1 }
            return k
        }
        let returnK = month(after: 0), signK = month(after: settings.signOffDays)
        // Months before April 2023 are outside the MTFS years: no reminder for them.
        func inWindow(_ k: Int) -> Bool { cal.date(byAdding: .month, value: -k, to: day(asOf))! >= day(CivilDate(year: 2023, month: 4, day: 1)!) }
        let returnN = monthNumber(monthsBefore: returnK), signN = monthNumber(monthsBefore: signK)

        // Some earlier tries: a sent one is never sent again, a failed one is due again.
        var sentBefore: Set<String> = []
        var failedBefore: Set<String> = []
        for h in holders where h != noAddress {
            let roll = Int.random(in: 0..<4, using: &rng)
            guard roll < 2, inWindow(returnK) else { continue }
            let p = Period(year: fy(2023), number: returnN)
            try ledger.reminders.record(
                ReminderRecord(kind: .returnDue, subjectKey: ReminderPlan.subjectKey(.returnDue, holder: HolderID(h), period: p), holder: HolderID(h), period: p,
                    login: h.lowercased(), address: "x@council.gov.uk", sent: roll == 0, relay: roll == 0 ? "250 ok" : "551 no", title: "t"), by: testWho)
            if roll == 0 { sentBefore.insert(h) } else { failedBefore.insert(h) }
        }

        var expected: Set<String> = []
        var expectedRetries: Set<String> = []
        for h in holders where h != noAddress {
            if inWindow(returnK), (returned[h]?[returnN] ?? 0) < lines[h]!.count, !(signed[h]?.contains(returnN) ?? false), !sentBefore.contains(h) {
                expected.insert("return \(h) \(returnN)")
                if failedBefore.contains(h) { expectedRetries.insert(h) }
            }
            if inWindow(signK), returned[h]?[signN] == lines[h]!.count, !(signed[h]?.contains(signN) ?? false) {
                expected.insert("sign-off \(h) \(signN)")
            }
        }
        let plan = try ReminderPlan.make(ledger: ledger, asOf: asOf, settings: settings)
        let got = Set(plan.due.map { "\($0.kind.rawValue) \($0.holder!) \($0.period.number)" })
        #expect(got == expected, "seed \(seed): as of \(asOf), due day \(settings.dueDay), sign-off after \(settings.signOffDays) days")
        #expect(Set(plan.due.filter(\.retry).map { $0.holder!.rawValue }) == expectedRetries, "seed \(seed)")
        #expect(plan.due.allSatisfy { $0.recipient.email != nil && $0.recipient.holder == $0.holder })
        #expect(plan.unreachable.allSatisfy { $0.holder == noAddress }, "seed \(seed)")
    }
}

/// The portal's side of reminders: an administrator sets addresses; no one else sees them; the
/// returns board says what was sent and what failed.
@Suite("Reminders in the portal", .serialized)
struct ReminderPortalTests {
    @Test("only an administrator reaches the users page and sets an address (checked, CSRF-bound); the board shows sent and failed reminders")
    func usersAndBoard() async throws {
        let f = try await PortalFixture(users: PortalFixture.boroughUsers + [PortalUser(login: "admin", name: "Ada Admin", role: .admin)])
        let admin = try await f.signIn("admin")
        let page = try await f.request("GET", "/users", cookie: admin.cookie)
        #expect(page.status == 200)
        #expect(page.body.contains("<label for=\"email-helen\">Helen Brandt (helen)</label>"))
        // Set, then refuse a bad one beside its field, then refuse a missing CSRF token.
        let set = try await f.request("POST", "/users/email", cookie: admin.cookie, form: [("csrf", admin.csrf), ("login", "helen"), ("email", "helen.brandt@council.gov.uk")])
        #expect(set.status == 303)
        #expect(try f.service.read { try $0.people.user("helen")?.email } == "helen.brandt@council.gov.uk")
        let head = try f.service.read { try $0.head() }
        let bad = try await f.request("POST", "/users/email", cookie: admin.cookie, form: [("csrf", admin.csrf), ("login", "helen"), ("email", "helen@<script>")])
        #expect(bad.status == 422)
        #expect(bad.body.contains("aria-invalid=\"true\""))
        #expect(!bad.body.contains("<script>"))
        let forged = try await f.request("POST", "/users/email", cookie: admin.cookie, form: [("login", "helen"), ("email", "evil@example.com")])
        #expect(forged.status == 403)
        #expect(try f.service.read { try $0.head() } == head)
        // Nobody else: not a holder, not finance, not the CFO; and addresses are on no other page.
        for login in ["helen", "fbp.people", "cfo"] {
            let s = try await f.signIn(login)
            #expect(try await f.request("GET", "/users", cookie: s.cookie).status == 403, "\(login)")
            #expect(try await f.request("POST", "/users/email", cookie: s.cookie, form: [("csrf", s.csrf), ("login", "helen"), ("email", "x@y.gov.uk")]).status == 403)
            for path in ["/statement", "/board", "/findings", "/summary"] {
                #expect(!(try await f.request("GET", path, cookie: s.cookie).body.contains("helen.brandt@council.gov.uk")), "\(login) \(path)")
            }
        }
        #expect(try f.service.read { try $0.people.user("helen")?.email } == "helen.brandt@council.gov.uk")

        // The board: a sent reminder and a failed one, each in words.
        let p = Period(year: fy(2023), number: 7)
        try f.service.write { ledger in
            try ledger.reminders.record(
                ReminderRecord(kind: .returnDue, subjectKey: ReminderPlan.subjectKey(.returnDue, holder: "Helen Brandt", period: p), holder: "Helen Brandt", period: p,
                    login: "helen", address: "helen.brandt@council.gov.uk", sent: true, relay: "250 ok", title: "t", recordedAt: ""), by: testWho)
            try ledger.reminders.record(
                ReminderRecord(kind: .returnDue, subjectKey: ReminderPlan.subjectKey(.returnDue, holder: "Sanjay Patel", period: p), holder: "Sanjay Patel", period: p,
                    login: "sanjay", address: "s@council.gov.uk", sent: false, relay: "551 5.1.1 User not local", title: "t"), by: testWho)
        }
        let cfo = try await f.signIn("cfo")
        let board = try await f.request("GET", "/board?period=2023-10", cookie: cfo.cookie)
        #expect(board.body.contains("return reminder sent 2023-11-20"))
        #expect(board.body.contains("return reminder FAILED 2023-11-20 (551 5.1.1 User not local); tried again on the next run"))
    }
}
