import ArgumentParser
import MTFSDomain
import MTFSEngine
import MTFSRender
import MTFSStore

/// `mtfs proposal list`.
struct ProposalList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List proposals with their targets by year.",
        discussion: "Example: mtfs proposal list --directorate People --format csv")

    @OptionGroup var options: LedgerOptions
    @OptionGroup var format: FormatOption
    @Option(help: "Only this directorate's proposals.") var directorate: String?
    @Option(help: "Only this owner's proposals.") var owner: HolderID?

    func run() throws {
        // The owner as the ledger spells them (`sam okafor` is Sam Okafor).
        let report = try options.reading { ledger in
            try ProposalListReport.build(ledger, directorate: directorate, owner: try owner.map { try HolderCommand.known($0, in: ledger, option: "--owner") })
        }
        try format.emit(json: { try JSONOutput.encode(report) }, table: { _ in ProposalTables.list(report) }, sheet: "Proposals")
    }
}
