import ArgumentParser
import MTFSDomain
import MTFSRender
import MTFSStore

/// `mtfs journal`: list entries.
struct Journal: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List ledger entries, oldest first, filtered by proposal, directorate, period, kind or year.",
        discussion: "Example: mtfs journal --directorate People --period 2023-09 --kind deliver --format csv")

    @OptionGroup var options: LedgerOptions
    @OptionGroup var format: FormatOption
    @Option(help: "Only this proposal's entries.") var proposal: ProposalRef?
    @Option(help: "Only entries of this directorate's proposals.") var directorate: String?
    @Option(help: ArgumentHelp("Only entries effective in this period.", valueName: "period")) var period: Period?
    @Option(help: "Only this kind: approve, deliver, reduce, slip, unachievable or reverse.") var kind: EntryKind?
    @Option(help: ArgumentHelp("Only entries for this year (or slipping to it).", valueName: "YEAR")) var year: FinancialYear?
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Only entries effective by the end of this period.", valueName: "period"))
    var asOf: Period?

    func run() throws {
        try options.reading { ledger in
            let proposal = try self.proposal.map { try ledger.books.resolve($0) }
            let filter = JournalFilter(
                proposal: proposal, directorate: directorate, period: period,
                kind: kind, year: year,
                asOf: asOf)
            if let proposal { _ = try ledger.books.requireProposal(proposal) }
            let entries = try ledger.journal.entries(filter)
            try format.emit(json: { try JSONOutput.encode(entries) }, table: { _ in JournalTable.table(entries, title: "Journal") }, sheet: "Journal")
        }
    }
}
