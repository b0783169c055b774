import Foundation
import Testing

@testable import MTFSStore

/// Runs the built `mtfs` binary.
struct CLI {
    let dir = TempDir()
    var ledger: String { dir.path("ledger.sqlite") }

    /// The `mtfs` executable beside the test bundle (swift build puts both in the products folder).
    static let executable: URL = {
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [products.appendingPathComponent("mtfs"), products.deletingLastPathComponent().appendingPathComponent("mtfs")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    struct Result {
        var status: Int32
        var out: String
        var err: String
    }

    @discardableResult
    func run(
        _ arguments: [String], env: [String: String] = [:], standardOutput: FileHandle? = nil, standardError: FileHandle? = nil,
        standardInput: FileHandle? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        process.currentDirectoryURL = dir.url
        var environment = ProcessInfo.processInfo.environment
        environment["MTFS_LEDGER"] = ledger
        environment["MTFS_NOW"] = "2023-11-20T10:00:00Z"
        environment["NO_COLOR"] = "1"
        for (k, v) in env { environment[k] = v }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = standardOutput ?? out
        process.standardError = standardError ?? err
        process.standardInput = standardInput ?? FileHandle.nullDevice
        try process.run()
        if standardOutput != nil { try out.fileHandleForWriting.close() }
        if standardError != nil { try err.fileHandleForWriting.close() }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }

    /// A ledger with two cost centres and proposal PEO-07 (targets in three years).
    func setUp() throws {
        try expectOK(["init", "--years", "2023/24..2025/26"])
        try expectOK([
            "org", "add-cost-centre", "PEO-CSC-0412", "--name", "Placements", "--service", "Children's Social Care",
            "--directorate", "People", "--holder", "Sam Okafor", "--baseline", "2023/24=4,200,000",
        ])
        try expectOK([
            "org", "add-cost-centre", "PEO-CSC-0413", "--name", "Fostering", "--service", "Children's Social Care",
            "--directorate", "People", "--holder", "Sam Okafor",
        ])
        try expectOK([
            "proposal", "add", "PEO-07", "--title", "Reduce residential placements", "--directorate", "People",
            "--owner", "Sam Okafor", "--cost-centre", "PEO-CSC-0412=60%", "--cost-centre", "PEO-CSC-0413=40%",
            "--target", "2023/24=500,000", "--target", "2024/25=750,000", "--target", "2025/26=250,000",
        ])
    }

    func expectOK(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try run(arguments)
        #expect(r.status == 0, "mtfs \(arguments.joined(separator: " ")) failed: \(r.err)", sourceLocation: sourceLocation)
    }
}

@Suite("mtfs end to end", .serialized)
struct CLITests {
    @Test("a saving cannot fall out by more than was made, whichever way target moves: an approval, a slip or a reversal (found by a reviewer)")
    func fallOutKept() throws {
        let cli = CLI()
        try cli.setUp()
        // A one-off: £100,000 made in 2023/24 that falls out in 2024/25.
        try cli.expectOK([
            "proposal", "add", "FO-1", "--title", "One-off", "--directorate", "People", "--owner", "Sam Okafor", "--cost-centre", "PEO-CSC-0413",
            "--target", "2023/24=100,000", "--target", "2024/25=(100,000)",
        ])
        let entries = try #require(
            try JSONSerialization.jsonObject(with: Data(try cli.run(["journal", "--proposal", "FO-1", "--format", "json"]).out.utf8)) as? [[String: Any]])
        let made = try #require(entries.first { ($0["year"] as? String) == "2023/24" }?["entry"] as? Int)
        let fallsOut = try #require(entries.first { ($0["year"] as? String) == "2024/25" }?["entry"] as? Int)
        let before = try cli.run(["journal", "--format", "csv"]).out
        for arguments in [
            ["slip", "FO-1", "100,000", "--from", "2023/24", "--to", "2025/26", "--period", "2023-10", "--reason", "x"],
            ["reverse", String(made), "--period", "2023-10", "--reason", "x"],
            [
                "proposal", "add", "FO-2", "--title", "Falls out first", "--directorate", "People", "--owner", "Sam Okafor", "--cost-centre",
                "PEO-CSC-0413", "--target", "2024/25=(1)",
            ],
        ] {
            let r = try cli.run(arguments)
            #expect(r.status == 2 && r.err.contains("a saving cannot fall out by more than was made before it"), "\(arguments): \(r.err)")
        }
        // Nothing is forecast in the year it falls out, as nothing is delivered in it.
        let forecast = try cli.run(["forecast", "FO-1", "10", "--rag", "Green", "--year", "2024/25", "--period", "2023-10"])
        #expect(forecast.status == 2 && forecast.err.contains("so nothing is forecast in it"), "\(forecast.err)")
        #expect(try cli.run(["journal", "--format", "csv"]).out == before)
        // Slipping part of it, or reversing the fall-out itself, leaves enough in place.
        try cli.expectOK(["slip", "FO-1", "100,000", "--from", "2023/24", "--to", "2024/25", "--period", "2023-10", "--reason", "Later"])
        try cli.expectOK(["reverse", String(fallsOut), "--period", "2023-10", "--reason", "Not a one-off after all"])
        #expect(try cli.run(["verify"]).status == 0)
    }

    @Test("a pipe where the head log belongs is never waited on: a write is refused as for a missing log, and verify says so (found by a reviewer)")
    func headLogPipe() throws {
        let cli = CLI()
        try cli.setUp()
        try FileManager.default.removeItem(atPath: cli.ledger + ".heads")
        #expect(mkfifo(cli.ledger + ".heads", 0o600) == 0)
        let write = try cli.run(["deliver", "PEO-07", "10", "--period", "2023-10", "--reason", "x"])
        #expect(write.status == 4 && write.err.contains("head log"), "\(write.err)")
        #expect(try cli.run(["verify"]).status == 4)
    }

    @Test("a proposal replaced is named as the ledger spells it, whatever the case typed; an unknown one is refused, naming it")
    func replacesResolved() throws {
        let cli = CLI()
        try cli.setUp()
        try cli.expectOK([
            "proposal", "add", "PEO-12", "--title", "Step-down fostering", "--directorate", "People", "--owner", "Sam Okafor",
            "--cost-centre", "PEO-CSC-0413", "--target", "2024/25=10,000", "--replaces", "peo-07",
        ])
        #expect(try cli.run(["proposal", "show", "PEO-12"]).out.contains("PEO-07"))
        let unknown = try cli.run([
            "proposal", "add", "PEO-13", "--title", "x", "--directorate", "People", "--owner", "Sam Okafor", "--cost-centre", "PEO-CSC-0413",
            "--replaces", "peo-99",
        ])
        #expect(unknown.status == 2 && unknown.err.contains("replaces peo-99, which is not in the ledger"), "\(unknown.err)")
    }

    @Test("the walk-through: deliver, slip, write off, reverse; balance, journal and verify agree")
    func walkThrough() throws {
        let cli = CLI()
        try cli.setUp()
        try cli.expectOK([
            "deliver", "PEO-07", "125,000", "--period", "2023-09", "--reason", "Two placements stepped down", "--as", "Finance BP",
        ])
        try cli.expectOK(["slip", "PEO-07", "100,000", "--from", "2023/24", "--to", "2024/25", "--reason", "Delayed"])
        try cli.expectOK(["unachievable", "PEO-07", "£50,000", "--year", "2023/24", "--reason", "Consultation"])
        try cli.expectOK(["deliver", "PEO-07", "(25,000)", "--period", "2023-10"])
        try cli.expectOK(["reverse", "7", "--period", "2023-10", "--reason", "Keyed in error"])
        try cli.expectOK(["forecast", "PEO-07", "300,000", "--rag", "Amber", "--period", "2023-10", "--comment", "Mitigation: PEO-12"])
        let balance = try cli.run(["balance", "--format", "csv"])
        #expect(balance.status == 0)
        #expect(
            balance.out == """
                directorate,ref,year,original_target,current_target,delivered,slipped_in,slipped_out,unachievable,remaining\r
                People,PEO-07,2023/24,500000.00,350000.00,125000.00,0.00,100000.00,50000.00,225000.00\r
                People,PEO-07,2024/25,750000.00,850000.00,0.00,100000.00,0.00,0.00,850000.00\r
                People,PEO-07,2025/26,250000.00,250000.00,0.00,0.00,0.00,0.00,250000.00\r

                """)
        let asOf = try cli.run(["balance", "--format", "csv", "--as-of", "2023/24 P6", "--year", "2023/24"])
        #expect(asOf.out.contains("People,PEO-07,2023/24,500000.00,500000.00,125000.00,0.00,0.00,0.00,375000.00"))
        let journal = try cli.run(["journal", "--format", "csv", "--proposal", "PEO-07", "--kind", "deliver"])
        // The header and the one delivery: the bracketed amount was a reduction.
        #expect(journal.out.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 2)
        #expect(journal.out.contains("Finance BP"))
        let json = try cli.run(["journal", "--format", "json", "--period", "2023-10"])
        #expect(json.out.contains("\"kind\": \"reduce\"") && json.out.contains("\"kind\": \"reverse\""))
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [[String: Any]])
        #expect(Set(entries.compactMap { $0["kind"] as? String }).isSuperset(of: ["reduce", "reverse"]))
        #expect(entries.allSatisfy { ($0["postings"] as? [Any])?.isEmpty == false && $0["amount_pence"] is Int })
        let verify = try cli.run(["verify"])
        #expect(verify.status == 0, "\(verify.out)")
        #expect(verify.out.contains("8 entries and") && !verify.out.contains("SQLite integrity check"))
        let thorough = try cli.run(["verify", "--thorough"])
        #expect(thorough.status == 0 && thorough.out.contains("ok    SQLite integrity check"), "\(thorough.out)")
        let show = try cli.run(["proposal", "show", "PEO-07"])
        #expect(show.out.contains("Mitigation: PEO-12"))
        let byDirectorate = try cli.run(["balance", "--by", "directorate"])
        #expect(byDirectorate.out.contains("£1,450,000.00"))
    }

    @Test(
        "refusals: one sentence on stderr, the SPEC exit code, nothing written",
        arguments: [
            (["slip", "PEO-07", "1,000,000", "--from", "2023/24", "--to", "2024/25", "--reason", "x"], 2, "of its target is still planned"),
            (["deliver", "PEO-07", "12O"], 2, "expected an amount of money"),
            (["deliver", "PEO-07", "1.234"], 2, "at most two decimal places"),
            (["deliver", "NOPE-1", "10"], 2, "unknown proposal ref NOPE-1"),
            (["slip", "PEO-07", "10", "--from", "2024/25", "--to", "2023/24", "--reason", "x"], 2, "later year"),
            (["slip", "PEO-07", "10", "--from", "2025/26", "--to", "2026/27", "--reason", "x"], 2, "outside the ledger's MTFS years"),
            (["unachievable", "PEO-07", "600,000", "--year", "2023/24", "--reason", "x"], 2, "still planned"),
            (["reverse", "99", "--reason", "x"], 2, "there is no entry 99"),
            (["forecast", "PEO-07", "10", "--rag", "purple"], 2, "expected a RAG"),
            (["deliver", "PEO-07", "10", "--date", "2023-02-30"], 2, "not a day in the calendar"),
            (["deliver", "PEO-07", "10", "--period", "2023-13"], 2, "expected a period"),
            // Typed options (ExpressibleByArgument): a value the domain refuses is still bad input, named by its option.
            (["deliver", "PEO-07", "12O", "--period", "2023-10"], 2, "amount: expected an amount of money"),
            (["balance", "--year", "2023/25"], 2, "--year: \"2023/25\" is not a financial year"),
            (["journal", "--kind", "payment"], 2, "--kind: expected a kind of approve"),
            (["reconcile", "--severity", "severe"], 2, "--severity: expected a severity"),
            (["forecast", "PEO-07", "10", "--rag", "purple"], 2, "--rag: expected a RAG"),
            // A value cannot forge a second line, drive the terminal or pose as another option.
            (["deliver", "PEO-07", "5", "--period", "2023-13\nerror: forged"], 2, "found \"2023-13 error: forged\""),
            (["deliver", "PEO-07\nerror: forged", "5"], 2, "unknown proposal ref PEO-07 error: forged"),
            (["deliver", "PEO-07", "5", "--period", "\u{1B}[31mRED"], 2, "found \"\\u{1b}[31mRED\""),
            (["deliver", "PEO-07", "x' is invalid for '--evil <x>", "--period", "2023-10"], 2, "error: amount: expected an amount"),
            (
                ["org", "add-cost-centre", "PEO-CSC-9;X", "--name", "x", "--service", "s", "--directorate", "People", "--holder", "h"], 2,
                "contains ';' or '='"
            ),
            (
                ["proposal", "add", "PEO-08", "--title", "x", "--directorate", "People", "--owner", "x", "--cost-centre", "PEO-CSC-0412",
                 "--target", "2023/24=1O0"], 2, "--target: expected an amount of money"
            ),
            (
                ["proposal", "add", "PEO-08", "--title", "x", "--directorate", "People", "--owner", "x", "--cost-centre", "PEO-CSC-0412",
                 "--target", "2023/24=100", "--target", "2023/24=200"], 2, "--target: 2023/24 is given twice"
            ),
            (
                ["proposal", "add", "PEO-07", "--title", "x", "--directorate", "People", "--owner", "x", "--cost-centre", "PEO-CSC-0412"],
                2, "already exists"
            ),
            // A name is at most 500 characters: a paragraph pasted into a title is refused.
            (
                ["proposal", "add", "PEO-08", "--title", String(repeating: "Leisure ", count: 63), "--directorate", "People", "--owner", "x",
                 "--cost-centre", "PEO-CSC-0412"],
                2, "the title is longer than 500 characters"
            ),
            // The proposal replaced must be in the ledger (refused by the rule, not by the database).
            (
                ["proposal", "add", "PEO-90", "--title", "x", "--directorate", "People", "--owner", "x", "--cost-centre", "PEO-CSC-0412",
                 "--replaces", "NOPE-1"], 2, "replaces NOPE-1, which is not in the ledger"
            ),
            // An entry's reason is plain text, as a comment is.
            (["deliver", "PEO-07", "10", "--period", "2023-10", "--reason", "bad\u{1B}[31mred"], 2, "the reason contains control characters"),
            (["reverse", "1", "--period", "2023-10", "--reason", "x\u{7}"], 2, "the reason contains control characters"),
            (["deliver", "PEO-07", "10", "--period", "2023-10", "--reason", "R\u{202E}txt"], 2, "reverses the direction of text"),
            (["deliver", "PEO-07", "10", "--period", "2023-10", "--as", "Bob\u{1B}[31m"], 2, "--as: expected a person's name"),
            // Names and reasons that reach terminals, CSV and email are plain text (found by a reviewer).
            (
                ["org", "add-cost-centre", "PEO-CSC-0999", "--name", "Evil\u{1B}]0;owned\u{7}", "--service", "s", "--directorate", "People",
                 "--holder", "h"], 2, "the cost centre name"
            ),
            (
                ["restructure", "PEO-CSC-0412", "--effective", "2023-12-01", "--holder", "Someone Else", "--reason", "r\u{1B}[2J"], 2,
                "the reason contains control characters"
            ),
            (["balance", "--ledger", "/dev/null"], 5, "is not a regular file"),
            (
                ["restructure", "PEO-CSC-0412", "--effective", "2026-04-01", "--holder", "Someone Else", "--reason", "Later"], 2,
                "after the ledger's MTFS years"
            ),
            // An empty --ledger names no file (never the hidden Ledgers/.sqlite).
            (["balance", "--ledger", ""], 2, "the ledger path is empty"),
            (["init", "--years", "2023/24..2025/26", "--ledger", " "], 2, "the ledger path is empty"),
            (
                [
                    "proposal", "add", "PEO-08", "--title", "x", "--directorate", "People", "--owner", "x", "--cost-centre",
                    "PEO-CSC-0412=60%;PEO-CSC-0413=30%",
                ], 2, "sum to 100%"
            ),
            (
                ["proposal", "add", "PEO-08", "--title", "x", "--directorate", "People", "--owner", "x", "--cost-centre", "NOPE"], 2,
                "unknown cost centre NOPE"
            ),
            // Found by reviewers of #29: a tab in a holder's name or --as would print as someone else; a
            // category is a name; a mistyped holder at sign-off is answered with the names meant.
            (
                ["restructure", "PEO-CSC-0412", "--effective", "2023-12-01", "--holder", "Helen\tBrandt", "--reason", "Move"], 2,
                "the budget holder \"Helen\\tBrandt\" contains control characters"
            ),
            (["deliver", "PEO-07", "10", "--period", "2023-10", "--as", "Helen\tBrandt"], 2, "--as: expected a person's name"),
            (["deliver", "PEO-07", "10", "--period", "2023-10", "--as", String(repeating: "A", count: 501)], 2, "--as: expected a person's name of up to 500"),
            (
                ["proposal", "add", "PEO-08", "--title", "x", "--directorate", "People", "--owner", "x", "--cost-centre", "PEO-CSC-0412",
                 "--category", "Procure\u{202E}ment"], 2, "the category contains a character that reverses the direction of text"
            ),
            (["sign-off", "--holder", "Sam Okafr", "--period", "2023-04"], 2, "--holder: Sam Okafr holds no cost centre and owns no proposal at the end of 2023/24 P1, so has no statement to sign; did you mean Sam Okafor?"),
            (["sign-off", "--holder", "S. Okafor", "--period", "2023-04"], 2, "did you mean Sam Okafor?"),
            (
                ["org", "add-cost-centre", String(repeating: "X", count: 61), "--name", "N", "--service", "S", "--directorate", "People", "--holder", "Sam Okafor"], 2,
                "the cost centre code is longer than 60 characters"
            ),
            (
                ["proposal", "add", "X-2", "--title", "T", "--directorate", "People", "--owner", "Sam Okafor", "--cost-centre", "PEO-CSC-0412",
                 "--portfolio", String(repeating: "e\u{301}", count: 150)], 2, "the portfolio is longer than 200 characters"
            ),
            (["user", "add", "x", "--name", "Sam\u{200B} Okafor", "--role", "cfo", "--password-stdin"], 2, "name: contains an invisible character (U+200B)"),
            (["holder", "rename", "Sam Okafor", "--to", "Sam\u{200B} Reid"], 2, "the holder's new name contains an invisible character (U+200B)"),
            (
                ["proposal", "add", "X-1", "--title", "T", "--directorate", "People", "--owner", "Sam Okafor\u{00AD}", "--cost-centre", "PEO-CSC-0412"], 2,
                "the owner contains an invisible character (U+00AD)"
            ),
            (["holder", "rename", "Sam Okafr", "--to", "Sam Reid"], 2, "no budget holder is called Sam Okafr; did you mean Sam Okafor?"),
            (["holder", "rename", "Sam Okafor", "--to", "Sam Okafor"], 2, "Sam Okafor already goes by that name; nothing was recorded"),
            (["holder", "rename", "Sam Okafor", "--to", "Sam\u{202E}Reid"], 2, "the holder's new name contains a character that reverses the direction of text"),
            (["holder", "rename", "Sam Okafor", "--to", ""], 2, "the holder's new name cannot be empty"),
            (["holder", "rename", "Sam Okafor"], 1, "Missing expected argument '--to <to>'"),
            (["statement", "--holder", "Sam Okafr", "--period", "2023-04"], 2, "--holder: Sam Okafr holds no cost centre"),
            (
                ["org", "add-cost-centre", "peo-csc-0412", "--name", "x", "--service", "s", "--directorate", "People", "--holder", "h"], 2,
                "cost centre peo-csc-0412 differs from PEO-CSC-0412, already in the ledger, only in case or spacing"
            ),
            (
                ["proposal", "add", "PEO-08", "--title", "x", "--directorate", "People", "--owner", "x", "--cost-centre", "PEO-CSC-0412=50%",
                 "--cost-centre", "peo-csc-0412=50%"], 2, "cost centre PEO-CSC-0412 is listed twice (as PEO-CSC-0412 and peo-csc-0412)"
            ),
            (["deliver"], 1, "Missing expected argument"),
            (["frobnicate"], 1, "Unexpected argument"),
            (["balance", "--format", "pdf"], 1, "is invalid for '--format <format>'"),
        ] as [([String], Int32, String)])
    func refusals(arguments: [String], code: Int32, message: String) throws {
        let cli = CLI()
        try cli.setUp()
        let before = try cli.run(["journal", "--format", "csv"]).out
        let r = try cli.run(arguments)
        #expect(r.status == code, "\(r.err)")
        #expect(r.err.contains(message), "\(r.err)")
        #expect(r.err.hasPrefix("error: "))
        #expect(!r.err.contains("Fatal error") && !r.err.contains("Stack"))
        #expect(r.err.split(separator: "\n").count <= 2)  // the sentence, and for usage errors a pointer to --help
        #expect(try cli.run(["journal", "--format", "csv"]).out == before)
    }

    @Test("a holder or a cost centre typed in another case or spacing is the one the ledger has, never a second (found by a reviewer)")
    func namesAsTheLedgerSpellsThem() throws {
        let cli = CLI()
        try cli.setUp()
        try cli.expectOK([
            "proposal", "add", "PEO-08", "--title", "Shared fostering", "--directorate", "People", "--owner", "sam  OKAFOR",
            "--cost-centre", "peo-csc-0413", "--target", "2023/24=10,000",
        ])
        let shown = try cli.run(["proposal", "show", "PEO-08"]).out
        #expect(shown.contains("Sam Okafor") && shown.contains("PEO-CSC-0413") && !shown.contains("OKAFOR") && !shown.contains("peo-csc"), "\(shown)")
        let moved = try cli.run([
            "restructure", "peo-csc-0413", "--effective", "2023-12-01", "--holder", "SAM OKAFOR", "--service", "Fostering Hub", "--reason", "Hub",
        ])
        #expect(moved.status == 0 && moved.out.contains("cost centre PEO-CSC-0413 is in Fostering Hub, People, held by Sam Okafor"), "\(moved.out)\(moved.err)")
        let org = try cli.run(["org", "show", "--as-of", "2023-12-31", "--format", "csv"]).out
        #expect(org.contains("Fostering Hub") && !org.contains("SAM OKAFOR") && !org.contains("peo-csc"), "\(org)")
        let listed = try cli.run(["proposal", "list", "--owner", "sam okafor", "--format", "csv"]).out
        #expect(listed.contains("PEO-07") && listed.contains("PEO-08"), "\(listed)")
        // One holder: every proposal of theirs on one statement.
        let statement = try cli.run(["statement", "--holder", "Sam Okafor", "--period", "2023-04", "--format", "csv"]).out
        #expect(statement.contains("PEO-07") && statement.contains("PEO-08"), "\(statement)")
        #expect(try cli.run(["verify"]).status == 0)
    }

    @Test("a report whose standard output cannot be written (a full disk) fails with one sentence, not a silent success")
    func fullStandardOutput() throws {
        let cli = CLI()
        try cli.setUp()
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { return }
        for arguments in [["balance", "--format", "csv"], ["journal"], ["reconcile", "--format", "json"]] {
            let r = try cli.run(arguments, standardOutput: full)
            #expect(r.status == 2, "mtfs \(arguments.joined(separator: " ")) exited \(r.status)")
            #expect(r.err == "error: standard output could not be written (no space left on device); what it received is incomplete\n")
        }
        // A report lost while its threshold is met ends as lost output, never as a delivered report.
        let failing = try cli.run(["reconcile", "--fail-on", "high", "--format", "csv"], standardOutput: full)
        #expect(failing.status == 2 && failing.err.hasPrefix("error: standard output could not be written"))
        #expect(try cli.run(["reconcile", "--fail-on", "high", "--format", "csv"]).status == 3)
        // Standard error on the same full disk: the message is lost, but the exit code says it (no crash).
        #expect(try cli.run(["balance"], standardOutput: full, standardError: full).status == 2)
        #expect(try cli.run(["balance", "--format", "nope"], standardError: full).status == 1)
        // A reader that stops early is not an error.
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        #expect(try cli.run(["journal"], standardOutput: pipe.fileHandleForWriting).err == "")
    }

    @Test("a standard output handed over non-blocking is waited on, not cut short")
    func nonBlockingStandardOutput() throws {
        let cli = CLI()
        _ = try writeGeneratedPack(cli.dir.path("pack"), proposals: 60, costCentres: 20, periods: 6, seed: 3)
        try cli.expectOK(["load", "pack"])
        let whole = try cli.run(["export", "--format", "hledger"]).out
        #expect(whole.utf8.count > 200_000, "more than a pipe holds")
        let pipe = Pipe()
        let fd = pipe.fileHandleForWriting.fileDescriptor
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        final class Received: @unchecked Sendable { var data = Data() }
        let received = Received()
        let done = DispatchSemaphore(value: 0)
        let reader = pipe.fileHandleForReading
        DispatchQueue.global().async {
            Thread.sleep(forTimeInterval: 0.5)  // the pipe fills and the writer has to wait
            received.data = reader.readDataToEndOfFile()
            done.signal()
        }
        let r = try cli.run(["export", "--format", "hledger"], standardOutput: pipe.fileHandleForWriting)
        try pipe.fileHandleForWriting.close()
        done.wait()
        #expect(r.status == 0 && r.err == "")
        #expect(String(decoding: received.data, as: UTF8.self) == whole)
    }

    @Test("who did it is the operating system's login, whatever $USER says; --as is beside it; MTFS_NOW must be a time")
    func identityFromTheSystem() throws {
        let cli = CLI()
        try cli.setUp()
        let login = String(cString: getpwuid(getuid())!.pointee.pw_name)
        let forged = login == "helen" ? "dana" : "helen"
        let r = try cli.run(["deliver", "PEO-07", "1,000", "--period", "2023-09", "--as", "Sam Okafor"], env: ["USER": forged, "LOGNAME": forged])
        #expect(r.status == 0, "\(r.err)")
        let ledger = try Ledger(path: cli.ledger, readOnly: true)
        let row = try #require(
            try ledger.db.first("SELECT actor, on_behalf_of, recorded_at FROM entries ORDER BY id DESC LIMIT 1") {
                ($0.text(0), $0.optionalText(1), $0.text(2))
            })
        #expect(row.0 == login, "recorded as \(row.0), the environment said \(forged)")
        #expect(row.1 == "Sam Okafor")
        #expect(row.2 == "2023-11-20T10:00:00Z")

        // A clock that is not a time is refused before anything is written.
        let before = try ledger.db.scalar("SELECT count(*) FROM records")
        let bad = try cli.run(["deliver", "PEO-07", "1,000", "--period", "2023-09"], env: ["MTFS_NOW": "not a time at all"])
        #expect(bad.status == 1)
        #expect(bad.err.contains("MTFS_NOW must be a time such as 2024-01-15T10:00:00Z"), "\(bad.err)")
        #expect(try ledger.db.scalar("SELECT count(*) FROM records") == before)
    }

    @Test("direct edits are refused by the triggers; tampering makes verify exit 4")
    func tampering() throws {
        let cli = CLI()
        try cli.setUp()
        try cli.expectOK(["deliver", "PEO-07", "125,000", "--period", "2023-09"])
        let edit = Process()
        edit.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        edit.arguments = ["sqlite3", cli.ledger, "UPDATE postings SET amount = amount + 100 WHERE entry = 4;"]
        let err = Pipe()
        edit.standardError = err
        try edit.run()
        edit.waitUntilExit()
        #expect(edit.terminationStatus != 0)
        #expect(String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).contains("append-only"))
        #expect(try cli.run(["verify"]).status == 0)

        let tamper = Process()
        tamper.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tamper.arguments = [
            "sqlite3", cli.ledger, "DROP TRIGGER entries_no_update; UPDATE entries SET hash = 'ab' || substr(hash, 3) WHERE id = 2;",
        ]
        try tamper.run()
        tamper.waitUntilExit()
        let v = try cli.run(["verify"])
        #expect(v.status == 4)
        #expect(v.err.contains("the first bad entry is 2"), "\(v.err)")
        #expect(v.out.contains("FAIL"))
    }

    @Test(
        "--help on every subcommand",
        arguments: [
            ["--help"], ["init", "--help"], ["org", "add-cost-centre", "--help"], ["org", "show", "--help"], ["restructure", "--help"],
            ["proposal", "add", "--help"], ["proposal", "list", "--help"], ["proposal", "show", "--help"], ["deliver", "--help"],
            ["forecast", "--help"], ["slip", "--help"], ["unachievable", "--help"], ["reverse", "--help"], ["journal", "--help"],
            ["balance", "--help"], ["verify", "--help"],
            // Help beside a value the domain refuses is still help, for the command named.
            ["deliver", "--help", "PEO-07", "12O"], ["proposal", "add", "X-1", "--target", "2023/24=x", "-h"],
        ])
    func help(arguments: [String]) throws {
        let r = try CLI().run(arguments)
        #expect(r.status == 0)
        #expect(r.out.contains("USAGE"))
        if arguments.count > 2 { #expect(r.out.contains("USAGE: mtfs \(arguments[0]) "), "\(r.out)") }
    }

    @Test("restructure and org show use the operating model in force on the date")
    func restructure() throws {
        let cli = CLI()
        try cli.setUp()
        try cli.expectOK([
            "restructure", "PEO-CSC-0413", "--effective", "2023-10-01", "--service", "Business Support Hub",
            "--directorate", "Resources", "--holder", "Priya Shah", "--model", "hub", "--reason", "Centralised",
        ])
        let before = try cli.run(["org", "show", "--as-of", "2023-09-30", "--format", "csv"]).out
        let after = try cli.run(["org", "show", "--as-of", "2023-10-01", "--format", "csv"]).out
        #expect(before.contains("PEO-CSC-0413,Fostering,Children's Social Care,People,Sam Okafor,devolved,2023-04-01"))
        #expect(after.contains("PEO-CSC-0413,Fostering,Business Support Hub,Resources,Priya Shah,hub,2023-10-01"))
        let service = try cli.run(["balance", "--by", "service", "--format", "csv", "--as-of", "2023/24 P7", "--year", "2023/24"]).out
        #expect(service.contains("Resources,Business Support Hub,2023/24,200000.00"))
        #expect(service.contains("People,Children's Social Care,2023/24,300000.00"))
    }

    @Test("a ledger file that does not exist is a clear error")
    func missingLedger() throws {
        let r = try CLI().run(["balance"])
        #expect(r.status == 2)
        #expect(r.err.contains("there is no ledger"))
    }

    @Test("text written into the ledger cannot run as a formula in CSV")
    func formulaCells() throws {
        let cli = CLI()
        try cli.setUp()
        try cli.expectOK([
            "deliver", "PEO-07", "10", "--period", "2023-09", "--reason", "=HYPERLINK(\"http://x\",\"click\")", "--as", "@evil",
        ])
        let csv = try cli.run(["journal", "--format", "csv", "--kind", "deliver"]).out
        #expect(csv.contains("'@evil"))
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\""))
    }
}
