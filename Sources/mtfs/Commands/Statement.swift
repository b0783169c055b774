import ArgumentParser
import Foundation
import MTFSDomain
import MTFSEngine
import MTFSRender
import MTFSStore

/// `mtfs statement`: one budget holder's monthly statement.
struct StatementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statement",
        abstract: "Print one budget holder's monthly accountability statement.",
        discussion: """
            Shows what the holder holds at the period end, every proposal they own and every proposal that cuts one of \
            their cost centres (marked as someone else's): target, profile to date, delivered, variance, forecast, RAG, \
            the month's movement and the years ahead; totals; the reconciliation findings that involve them; the \
            period's ledger entries; and a sign-off block with the last sign-off.

            Example: mtfs statement --holder "Helen Brandt" --period 2023-10 --format html > helen.html
            """)

    @OptionGroup var options: LedgerOptions
    @Option(help: "The budget holder or proposal owner.") var holder: HolderID
    @Option(help: ArgumentHelp("The month.", valueName: "period")) var period: Period
    @OptionGroup var document: DocumentOutput

    func run() throws {
        let f = try document.chosen()
        try options.reading { ledger in
            // One read snapshot: a return imported meanwhile is either wholly in the statement or not at all.
            let statement = try ledger.read {
                let builder = try StatementBuilder(ledger: ledger, period: period, settings: try ledger.settings.reconcileSettings())
                return try builder.statement(for: try HolderCommand.onStatements(holder, of: builder, period: period))
            }
            try document.file.emit(f, text: { try StatementRenderer.render(statement, as: f) }, file: { try f.file(statement: statement, bom: $0) })
        }
    }
}
