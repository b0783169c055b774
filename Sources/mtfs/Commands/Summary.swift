import ArgumentParser
import Foundation
import MTFSDomain
import MTFSEngine
import MTFSRender
import MTFSStore

/// `mtfs summary`: the CFO's view.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "The CFO view: the programme by directorate and year, the confidence-weighted forecast and the top findings.",
        discussion: """
            By year, each directorate then the year's total (never a total across years). Columns: original target, \
            current target, delivered, forecast (the latest forecast, else the current target), slipped (net), unachievable, \
            delivered %, and the forecast weighted by RAG (Blue and Green 100%, Amber 50%, Red 0%; change with \
            `mtfs settings confidence-amber-percent 40%`; with no forecast yet the target stands unweighted). The top \
            findings are the most serious first, then the largest. --structure DATE restates the \
            whole programme under the operating model in force on that date (each cost centre's share in the directorate \
            it sat in then); totals are the same under any structure.

            --by portfolio gives the same table by Cabinet portfolio and its holder (the lead member); --by priority by \
            Corporate Plan priority (SPEC §7 v3).

            Example: mtfs summary --structure 2023-04-01      mtfs summary --structure 2023-10-01 --format html      mtfs summary --by portfolio
            """)

    @OptionGroup var options: LedgerOptions
    @Option(help: ArgumentHelp("Only this year.", valueName: "YEAR")) var year: FinancialYear?
    @Option(help: ArgumentHelp("Restate under the operating model of this date.", valueName: "YYYY-MM-DD")) var structure: CivilDate?
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("As at the end of this period (default: the latest with a return).", valueName: "period")) var asOf: Period?
    @Option(help: ArgumentHelp("Rows by directorate (the default), Cabinet portfolio and its holder, or Corporate Plan priority.", valueName: "directorate|portfolio|priority"))
    var by: Summary.Grouping = .directorate
    @OptionGroup var document: DocumentOutput

    func run() throws {
        let f = try document.chosen()
        try options.reading { ledger in
            if let year { try ledger.books.checkInWindow(year) }
            if let asOf {
                do { try ledger.books.checkPeriodInWindow(asOf) } catch let e as LedgerError { throw Failure.badInput("--as-of: \(e.explanation)") }
            }
            let input = try ReconciliationInput.load(ledger, asOf: asOf, today: Clock.today)
            let settings = try ledger.settings.reconcileSettings()
            let findings = Reconciliation(input: input, settings: settings).findings()
            if by != .directorate && structure != nil { throw Failure.usage("--structure restates directorates; it cannot be given with --by \(by.rawValue)") }
            let summary = Summary.build(input: input, findings: findings, settings: settings, structure: structure, year: year, by: by)
            try document.file.emit(f, text: { try SummaryRenderer.render(summary, as: f) }, file: { try f.file(summary: summary, bom: $0) })
        }
    }
}

extension Summary.Grouping: ExpressibleByArgument {}
