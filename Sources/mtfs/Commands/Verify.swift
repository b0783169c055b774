import ArgumentParser
import MTFSDomain
import MTFSStore

/// `mtfs verify`: check the ledger's invariants and hash chain.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the ledger: every entry balances, the SPEC §3 identities hold, the hash chain is unbroken.",
        discussion: """
            Reads the file as it is, trusting nothing the database enforces. Exits 4 and names the first bad \
            entry when anything fails.
            """)

    @OptionGroup var options: LedgerOptions

    @Flag(
        help: """
            Also run SQLite's integrity_check (every index against its table, every page) and foreign_key_check. \
            Reads the whole file: at 100k entries it takes about as long as the rest of the check.
            """)
    var thorough = false

    func run() throws {
        let ledger = try options.open()
        let report = try ledger.verify(thorough: thorough)
        var out = ""
        for check in report.checks {
            out += (check.passed ? Terminal.paint("ok  ", "32") : Terminal.paint("FAIL", "31;1")) + "  " + check.name + "\n"
            for problem in check.problems { out += "        " + problem + "\n" }
        }
        out += "\(report.entries) entries checked in \(options.path).\n"
        Terminal.write(out)
        if !report.passed {
            let first = report.firstBadEntry.map { "; the first bad entry is \($0)" } ?? ""
            throw LedgerError.integrity("the ledger failed verification\(first)")
        }
    }
}
