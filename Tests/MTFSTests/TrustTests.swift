import Foundation
import MTFSDomain
import MTFSEngine
@testable import MTFSStore
import PropertyBased
import Testing

/// Writes a generated pack into `dir` and returns what the generator says it wrote.
func writeGeneratedPack(
    _ dir: String, proposals: Int, costCentres: Int, periods: Int, seed: UInt64, templateTitles: Bool = false
) throws -> MTFSEngine.Generator.Manifest {
    var g = MTFSEngine.Generator()
    g.templateTitles = templateTitles
    g.proposals = proposals
    g.costCentres = costCentres
    g.periods = periods
    g.seed = seed
    try FileManager.default.createDirectory(atPath: dir + "/returns", withIntermediateDirectories: true)
    return try g.generate { name, header, rows in
        try Data(Export.csv([header] + rows).utf8).write(to: URL(fileURLWithPath: dir + "/" + name))
    }
}

/// Starts `mtfs` and kills it with SIGKILL after `microseconds` (or lets it finish, if it is quicker).
func runAndKill(_ arguments: [String], after microseconds: Int) throws {
    let process = Process()
    process.executableURL = CLI.executable
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    usleep(useconds_t(microseconds))
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
}

@Suite("Trust: crashes, concurrency, full disks, hostile input", .serialized)
struct TrustTests {
    @Test("a load killed with SIGKILL at any moment leaves the ledger as before or fully loaded, and it verifies")
    func killDuringLoad() throws {
        let cli = CLI()
        let manifest = try writeGeneratedPack(cli.dir.path("pack"), proposals: 150, costCentres: 120, periods: 6, seed: 3)
        var outcomes: [String: Int] = [:]
        for attempt in 0..<12 {
            let ledger = cli.dir.path("k\(attempt).sqlite")
            #expect(try cli.run(["init", "--years", "2023/24..2025/26", "--ledger", ledger]).status == 0)
            // From 20 ms to about a second into the load.
            try runAndKill(["load", cli.dir.path("pack"), "--ledger", ledger], after: 20_000 + attempt * 90_000)
            let entries = try Ledger(path: ledger).db.scalar("SELECT count(*) FROM entries")
            #expect(entries == 0 || entries == Int64(manifest.entries), "a partial load survived: \(entries) entries")
            outcomes[entries == 0 ? "before" : "loaded", default: 0] += 1
            let verify = try cli.run(["verify", "--ledger", ledger])
            #expect(verify.status == 0, "\(verify.out)")
        }
        #expect(outcomes.values.reduce(0, +) == 12)
        print("SIGKILL during load: \(outcomes)")
    }

    @Test("an import-return killed with SIGKILL lands whole or not at all")
    func killDuringImport() throws {
        let cli = CLI()
        let manifest = try writeGeneratedPack(cli.dir.path("pack"), proposals: 400, costCentres: 200, periods: 7, seed: 9)
        let last = cli.dir.path("pack/returns/2023-10.csv")
        try FileManager.default.moveItem(atPath: last, toPath: cli.dir.path("2023-10.csv"))
        #expect(try cli.run(["load", cli.dir.path("pack"), "--ledger", cli.dir.path("base.sqlite")]).status == 0)
        let before = try Ledger(path: cli.dir.path("base.sqlite")).db.scalar("SELECT count(*) FROM entries")
        var outcomes: [String: Int] = [:]
        for attempt in 0..<8 {
            let ledger = cli.dir.path("i\(attempt).sqlite")
            try FileManager.default.copyItem(atPath: cli.dir.path("base.sqlite"), toPath: ledger)
            try FileManager.default.copyItem(atPath: HeadLog.path(for: cli.dir.path("base.sqlite")), toPath: HeadLog.path(for: ledger))
            try runAndKill(["import-return", cli.dir.path("2023-10.csv"), "--ledger", ledger], after: 10_000 + attempt * 150_000)
            let entries = try Ledger(path: ledger).db.scalar("SELECT count(*) FROM entries")
            #expect(entries == before || entries == Int64(manifest.entries), "a partial import survived: \(entries) entries")
            outcomes[entries == before ? "before" : "imported", default: 0] += 1
            #expect(try cli.run(["verify", "--ledger", ledger]).status == 0)
        }
        print("SIGKILL during import-return: \(outcomes)")
    }

    @Test("hostile text is refused cleanly or stored verbatim and rendered safely everywhere")
    func hostileCorpus() throws {
        let cli = CLI()
        let sql = "'); DROP TABLE entries; --"
        let html = "<img src=x onerror=alert(1)>"
        let formula = "=cmd|' /C calc'!A0"
        // As long as a comment may be: what a spreadsheet cell holds (a longer one is refused, below).
        let long = String(repeating: "Ω", count: 32_767)
        var pack = FixturePack()
            .replacing("proposals.csv", "P-2,Business support review", "P-2,\"\(sql.replacingOccurrences(of: "\"", with: "\"\""))\"")
            .replacing("proposals.csv", "Hal Moss,model", "\"\(formula)\",model")
            .replacing("organisation.csv", "Dee Kay", html)
            .replacing("returns/2023-09.csv", "Partly written off", long)
        // A byte order mark and mixed line endings in one file.
        pack.files["baselines.csv"] = "\u{FEFF}" + pack.files["baselines.csv"]!.replacingOccurrences(of: "\nCC-2", with: "\r\nCC-2")
        try pack.write(to: cli.dir.path("pack"))
        let load = try cli.run(["load", cli.dir.path("pack")])
        #expect(load.status == 0, "\(load.err)")
        let ledger = try Ledger(path: cli.ledger)
        #expect(try ledger.books.proposal("P-2")?.title == sql && ledger.books.proposal("P-3")?.owner.rawValue == formula)
        #expect(try ledger.db.scalar("SELECT count(*) FROM entries") > 0)  // the table is still there
        for format in ["html", "csv", "markdown", "json", "text"] {
            let r = try cli.run(["statement", "--holder", html, "--period", "2023-09", "--format", format])
            #expect(r.status == 0, "\(format): \(r.err)")
            if format == "html" { #expect(!r.out.contains("<img") && r.out.contains("&lt;img")) }
            if format == "csv" { #expect(!r.out.contains(",=cmd")) }
        }
        let csv = try cli.run(["reconcile", "--format", "csv"]).out + (try cli.run(["journal", "--format", "csv"]).out)
        #expect(!csv.contains(",=cmd") && !csv.contains(",@"))
        #expect(try cli.run(["verify"]).status == 0)
        // Garbage instead of a CSV, and a cell over the reader's limit, are refused with a sentence and nothing written.
        for (name, bytes) in [
            ("garbage", Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) })),
            ("huge", Data(("ref,year,delivered_to_date\nP-1,2023/24,\"" + String(repeating: "9", count: 1_100_000) + "\"\n").utf8)),
        ] {
            try bytes.write(to: URL(fileURLWithPath: cli.dir.path("2023-10.csv")))
            let r = try cli.run(["import-return", cli.dir.path("2023-10.csv")])
            #expect(r.status == 2 && r.err.hasPrefix("error: ") && r.err.split(separator: "\n").count == 1, "\(name): \(r.err)")
        }
        #expect(try cli.run(["verify"]).status == 0)
    }

    @Test("four writers at once: every reported success is in the ledger exactly once, the chain is intact, nobody saw 'locked'")
    func concurrentWriters() async throws {
        let cli = CLI()
        try cli.setUp()
        let ledger = cli.ledger
        let perWriter = 50
        let results = try await withThrowingTaskGroup(of: [Int32].self) { group in
            for writer in 0..<4 {
                group.addTask {
                    var statuses: [Int32] = []
                    for i in 0..<perWriter {
                        let args =
                            i % 2 == 0
                            ? [
                                "deliver", "PEO-07", "1.\(String(format: "%02d", writer))", "--period", "2024-05", "--year", "2024/25",
                                "--reason", "w\(writer)-\(i)", "--ledger", ledger,
                            ]
                            : [
                                "forecast", "PEO-07", "700000", "--rag", "G", "--period", "2024-05", "--comment", "w\(writer)-\(i)",
                                "--ledger", ledger,
                            ]
                        let r = try CLI().run(args)
                        #expect(!r.err.contains("locked"), "\(r.err)")
                        statuses.append(r.status)
                    }
                    return statuses
                }
            }
            var all: [Int32] = []
            for try await s in group { all += s }
            return all
        }
        #expect(results.allSatisfy { $0 == 0 })
        let opened = try Ledger(path: ledger)
        let deliveries = try opened.db.scalar("SELECT count(*) FROM entries WHERE kind = 'deliver' AND reason LIKE 'w%'")
        let forecasts = try opened.db.scalar("SELECT count(*) FROM forecasts WHERE comment LIKE 'w%'")
        #expect(deliveries == Int64(4 * ((perWriter + 1) / 2)))
        #expect(forecasts == Int64(4 * (perWriter / 2)))
        #expect(try opened.db.scalar("SELECT count(DISTINCT reason) FROM entries WHERE reason LIKE 'w%'") == deliveries)
        #expect(try opened.verifier.verify().passed)
    }

    @Test("a full disk fails the load with one sentence and leaves nothing partial")
    func diskFull() throws {
        let cli = CLI()
        _ = try writeGeneratedPack(cli.dir.path("pack"), proposals: 400, costCentres: 200, periods: 6, seed: 5)
        #expect(try cli.run(["init", "--years", "2023/24..2025/26"]).status == 0)
        let before = try cli.run(["export", "--format", "json"]).out
        // RLIMIT_FSIZE of 256 KiB: the load's writes hit the limit long before it completes.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = [
            "-c", "ulimit -f 512; exec \"$0\" load \"$1\" --ledger \"$2\"", CLI.executable.path, cli.dir.path("pack"), cli.ledger,
        ]
        let err = Pipe()
        shell.standardError = err
        shell.standardOutput = FileHandle.nullDevice
        try shell.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(shell.terminationStatus != 0)
        #expect(message.hasPrefix("error: ") && message.split(separator: "\n").count == 1, "\(message)")
        #expect(try cli.run(["export", "--format", "json"]).out == before)
        #expect(try cli.run(["verify"]).status == 0)
    }

    @Test("the CSV reader never crashes on random bytes: it reads them or says why")
    func fuzzCSV() async {
        let alphabet: [UInt8] = Array("a,\"\r\n;£=-+@<>0123456789.()".utf8) + [0, 0xFF, 0xC3, 0xA9, 0xEF, 0xBB, 0xBF]
        await propertyCheck(count: 3000, input: Gen.int(in: 0...(alphabet.count - 1)).array(of: 0...300)) { picks in
            let bytes = Array("ref,year,delivered_to_date\n".utf8) + picks.map { alphabet[$0] }
            do {
                let f = try CSVFile(name: "fuzz.csv", bytes: bytes, required: ["ref", "year", "delivered_to_date"])
                #expect(f.rows.allSatisfy { $0.fields.count == 3 })
            } catch {
                let sentence = (error as? InputError)?.description ?? ""
                #expect(sentence.hasPrefix("fuzz.csv"), "not an InputError naming the file: \(error)")
            }
        }
    }

    @Test("the money parser never crashes and never accepts what it cannot print back")
    func fuzzMoney() async {
        let alphabet = Array("0123456789,.()£-+ eE$¥١")
        await propertyCheck(count: 5000, input: Gen.int(in: 0...(alphabet.count - 1)).array(of: 0...24)) { picks in
            let text = String(picks.map { alphabet[$0] })
            if let p = try? Pence(parsing: text) {
                #expect(p.magnitude <= Pence.limit)
                #expect((try? Pence(parsing: p.formatted())) == p)
            }
        }
    }

    @Test(
        "hledger agrees with several generated ledgers, account by account",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/hledger") || ProcessInfo.processInfo.environment["CI"] != nil),
        arguments: [11, 12, 13] as [UInt64])
    func hledgerOnGenerated(seed: UInt64) throws {
        let dir = TempDir()
        _ = try writeGeneratedPack(dir.path("pack"), proposals: 60, costCentres: 80, periods: 9, seed: seed)
        let ledger = try Ledger(path: dir.path("g.sqlite"), create: true)
        _ = try loadPack(dir.path("pack"), into: ledger)
        try ledger.books.record(
            .reduce(year: fy(2023), amount: Pence(1)), on: "SP-000002", effective: date("2023-12-31"), reason: "", by: testWho)
        let (ours, theirs) = try hledgerBalances(ledger, in: dir)
        #expect(!ours.isEmpty && theirs == ours)
    }
}
