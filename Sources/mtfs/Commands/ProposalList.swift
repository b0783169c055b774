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
        let report = try options.reading { try ProposalListReport.build($0, directorate: directorate, owner: owner) }
        try format.emit(json: { try JSONOutput.encode(report) }, table: { _ in ProposalTables.list(report) }, sheet: "Proposals")
    }
}
