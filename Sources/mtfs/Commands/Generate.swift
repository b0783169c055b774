import ArgumentParser
import Foundation
import MTFSDomain
import MTFSEngine

/// `mtfs generate`: a synthetic programme of any size.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic, valid ledger pack of any size (deterministic for a seed), for benchmarks and tests.",
        discussion: """
            The pack has directorates, services, cost centres with holders and baselines, proposals with shares and \
            phasing, a restructure into a hub, slips, write-offs and monthly returns, with about 1% of proposals showing \
            each problem the reconciliation detects. Entries when loaded ≈ proposals × years (approvals) + proposals × \
            periods (deliveries).

            Example: mtfs generate --proposals 50000 --cost-centres 20000 --years 5 --periods 15 --seed 7 --out /tmp/pack-1m
            """)

    @Option(help: "How many proposals.") var proposals: Int = 100
    @Option(name: .customLong("cost-centres"), help: "How many cost centres.") var costCentres: Int = 200
    @Option(help: "How many MTFS years.") var years: Int = 3
    @Option(help: "How many monthly returns, from April of the first year.") var periods: Int = 7
    @Option(help: "The random seed.") var seed: UInt64 = 1
    @Flag(help: "Titles that follow a template (\"Saving proposal 19916 delta\"), with no near-duplicates planted.")
    var templateTitles = false
    @Option(help: ArgumentHelp("The folder to write (must not exist or be empty).", valueName: "dir")) var out: String

    func validate() throws {
        guard proposals > 0, costCentres >= 2, (1...10).contains(years), (0...120).contains(periods) else {
            throw ValidationError("expected --proposals > 0, --cost-centres ≥ 2, --years 1–10 and --periods 0–120")
        }
    }

    func run() throws {
        let fm = FileManager.default
        if let existing = try? fm.contentsOfDirectory(atPath: out), !existing.isEmpty {
            throw Failure.badInput("\(out) is not empty; choose a new folder")
        }
        try Files.makeFolder(out + "/returns")
        var g = Generator()
        g.proposals = proposals
        g.costCentres = costCentres
        g.years = years
        g.periods = periods
        g.seed = seed
        g.templateTitles = templateTitles
        let manifest = try g.generate { name, header, rows in
            var text = Export.csv([header])
            for row in rows { text += Export.csv([row]) }
            try Files.write(text, to: out + "/" + name)
        }
        Terminal.write(
            "Wrote \(out): \(manifest.costCentres) cost centres, \(manifest.proposals) proposals with \(manifest.total) of targets, "
                + "\(manifest.restructures) restructures, \(manifest.slips) slips, \(manifest.writeOffs) write-offs, \(manifest.returnFiles) returns; "
                + "about \(manifest.entries) ledger entries when loaded.")
    }
}
