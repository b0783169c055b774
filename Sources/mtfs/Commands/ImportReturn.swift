import ArgumentParser
import Foundation
import MTFSDomain
import MTFSEngine
import MTFSStore

/// `mtfs import-return`: one monthly return.
struct ImportReturn: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-return",
        abstract: "Import one monthly delivery return: post the change in delivered to date, record forecasts and RAG.",
        discussion: """
            Columns: ref, year, delivered_to_date, forecast, rag, comment; optionally green, amber and red (the year's \
            money by status: on track, at risk, will not be delivered), and impact and impact_foreseen (a service impact \
            seen this month; yes/no). A blank cell reports nothing. delivered_to_date is cumulative for the year; \
            the entry posted is the difference from what the ledger already holds, so importing the same return twice \
            changes nothing and a corrected return posts only the correction. The period comes from the file name \
            (2023-09.csv) unless --period is given.

            Example: mtfs import-return returns/2023-09.csv --as "Finance BP (People)"
            """)

    @OptionGroup var options: LedgerOptions
    @Argument(help: "The return file.") var file: String
    @Option(help: ArgumentHelp("The period it reports (default: from the file name).", valueName: "period")) var period: Period?

    func run() throws {
        let parsed = try ParsedReturn.read(path: file, period: period)
        for warning in parsed.warnings { Terminal.warning(warning) }
        try options.writing { ledger in
            let who = try options.provenance()
            let summary = try PackLoader(ledger: ledger, by: who).importReturn(parsed)
            if !summary.changedAnything {
                Terminal.write("Nothing changed: every row of \(file) matches what the ledger already holds for \(parsed.period).")
                return
            }
            Terminal.write(
                "Imported \(file) for \(parsed.period): \(plural(summary.deliveries, "delivery", "deliveries")) and \(plural(summary.reductions, "reduction")) posted "
                    + "(\(summary.deliveredText)), \(plural(summary.forecasts, "forecast")) recorded, "
                    + (summary.impactsReported == 0 ? "" : "\(plural(summary.impactsReported, "service impact")) reported, ")
                    + "\(plural(summary.unchangedRows, "line")) returned unchanged.")
        }
    }
}

/// `1 row`, `2 rows`.
func plural(_ n: Int, _ one: String, _ many: String? = nil) -> String { "\(n) \(n == 1 ? one : many ?? one + "s")" }
