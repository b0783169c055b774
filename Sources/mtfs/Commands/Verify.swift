import Foundation
import ArgumentParser
import MTFSDomain
import MTFSStore

/// `mtfs verify`: check the ledger's invariants, its record chain and any anchors.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the ledger: every entry balances, the SPEC §3 identities hold, every fact is in the unbroken record chain.",
        discussion: """
            Reads the file as it is, trusting nothing the database enforces, and changes nothing. Prints the chain head \
            N:HEX (the number of records and the hash of the last): keep it (the monthly CFO summary carries it) and a \
            later `mtfs verify --anchor N:HEX` proves the ledger still begins with exactly those records. Exits 4 and \
            names the first bad record or entry when anything fails.

            Example: mtfs verify --anchor 1204:9f2c4e1a7b3d5e60
            """)

    @OptionGroup var options: LedgerOptions

    @Flag(
        help: """
            Also run SQLite's integrity_check (every index against its table, every page) and foreign_key_check. \
            Reads the whole file: at 100k entries it takes about as long as the rest of the check.
            """)
    var thorough = false

    @Option(
        name: .customLong("anchor"),
        help: ArgumentHelp(
            "A head printed earlier (N:HEX, at least 16 hex digits) that the ledger must still begin with; repeatable.",
            valueName: "N:HEX"),
        transform: { text in
            do { return try ChainHead(parsing: text) } catch let e as DomainError { throw ValidationError(e.explanation) }
        })
    var anchors: [ChainHead] = []

    @Flag(
        name: .customLong("no-head-log"),
        help: """
            Leave out the head log beside the ledger (LEDGER.sqlite.heads): for a copy of a ledger moved on purpose \
            without its log. Said in the output; the chain, the signed heads and any --anchor are still checked.
            """)
    var noHeadLog = false

    @Flag(
        name: .customLong("start-head-log"),
        help: """
            With --no-head-log, for a ledger that has no head log (a copy moved on purpose, a restored backup): if \
            every other check passes, start a new log beside it with the head just checked, so it can be written \
            to again. Keep the head printed here with your anchors.
            """)
    var startHeadLog = false

    func run() throws {
        try options.reading { ledger in
            let report = try ledger.verifier.verify(thorough: thorough, anchors: anchors, headLog: !noHeadLog)
            var out = ""
            for check in report.checks {
                out += (check.passed ? Terminal.paint("ok  ", "32") : Terminal.paint("FAIL", "31;1")) + "  " + check.name + "\n"
                for problem in check.problems { out += "        " + problem + "\n" }
            }
            out += "\(report.entries) entries and \(report.head.count) records checked in \(options.path).\n"
            out += "Head: \(report.head)\n"
            if !report.headLogChecked {
                out += "The head log beside the ledger was not checked (--no-head-log): only the chain, the signed heads and any --anchor were.\n"
            } else if let logged = report.headLog {
                out += "\(logged) lines logged beside the ledger (\(HeadLog.path(for: options.path))) were checked against it.\n"
            }
            if startHeadLog {
                guard noHeadLog else { throw Failure.usage("--start-head-log goes with --no-head-log: it starts a log for a ledger that has none") }
                let log = HeadLog.path(for: options.path)
                if FileManager.default.fileExists(atPath: log) {
                    throw Failure.badInput("\(log) already exists; a head log is started only where there is none (move the old one aside to keep it as evidence)")
                }
                if report.passed {
                    try HeadLog.start(report.head, at: log)
                    out += "Started a new head log at \(log) with head \(report.head); keep this head with your anchors.\n"
                }
            }
            Terminal.write(out)
            if !report.passed {
                var first: [String] = []
                if let r = report.firstBadRecord { first.append("the first bad record is \(r)") }
                if let e = report.firstBadEntry { first.append("the first bad entry is \(e)") }
                if first.isEmpty, let problem = report.checks.first(where: { !$0.passed })?.problems.first { first.append(problem) }
                throw LedgerError.integrity("the ledger failed verification" + (first.isEmpty ? "" : "; " + first.joined(separator: ", ")))
            }
        }
    }
}
