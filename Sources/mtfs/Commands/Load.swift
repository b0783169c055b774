import ArgumentParser
import Foundation
import MTFSDomain
import MTFSEngine
import MTFSStore

/// `mtfs load`: a whole ledger pack.
struct Load: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load a ledger pack (organisation, baselines, proposals, restructures, adjustments, returns) into a ledger.",
        discussion: """
            The pack is a folder of CSV files as SPEC §5 pins them. Everything is checked first; then the whole pack is \
            written in one transaction, dated events in date order. Any problem names the file, line and column and \
            nothing is written (exit 2). A new ledger takes its MTFS years from proposals.csv.

            Example: mtfs load Ledgers/sample-borough --ledger Ledgers/borough.sqlite
            """)

    @OptionGroup var options: LedgerOptions
    @Argument(help: "The pack folder.") var pack: String

    func run() throws {
        // Read and checked before the ledger is opened; handed over whole to the loader, which lets
        // each part go once written.
        var parsed: ParsedPack? = try ParsedPack.read(directory: pack)
        for warning in parsed?.warnings ?? [] { Terminal.warning(warning) }
        let summary = try LedgerFile.withLedger(path: options.path, create: true) { ledger in
            let who = try options.provenance()
            let loader = PackLoader(ledger: ledger, by: who, progress: ProgressBar.callback())
            defer { ProgressBar.finish() }
            let whole = parsed!
            parsed = nil
            return try loader.load(whole)
        }
        var text = "Loaded \(pack) into \(options.path): \(summary.costCentres) cost centres, \(summary.baselines) baselines, "
        text += "\(summary.proposals) proposals with \(summary.approvedTotal) of savings"
        // Said, never silently added: how much of it is in each fund but the General Fund.
        var notes = summary.approvedByFund.sorted { $0.key < $1.key }.map { "\($0.value) of it in the \($0.key)" }
        if !notes.isEmpty { notes[notes.count - 1] += ", the rest in the General Fund" }
        if !summary.fallsOutTotal.isZero { notes.append("\(summary.fallsOutTotal) of it falls out in later years") }
        text += notes.isEmpty ? ", " : " (\(notes.joined(separator: "; "))), "
        text += "\(summary.restructures) restructures, "
        text +=
            "\(summary.adjustments) adjustments, \(summary.returnFiles) returns (\(summary.deliveries + summary.reductions) delivery entries, "
        text += "\(summary.forecasts) forecasts)."
        Terminal.write(text)
        for note in summary.earlierNames { Terminal.write("Note: \(note); what the pack gives that name is theirs.") }
    }
}
