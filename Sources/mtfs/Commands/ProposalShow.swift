import ArgumentParser
import MTFSDomain
import MTFSEngine
import MTFSRender
import MTFSStore

/// `mtfs proposal show`.
struct ProposalShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one proposal: its cost centres and who holds them now, its position by year, forecasts and entries.",
        discussion: "Example: mtfs proposal show PEO-07")

    @OptionGroup var options: LedgerOptions
    @Argument(help: "The proposal's ref.") var ref: ProposalRef

    func run() throws {
        try options.reading { ledger in
            Terminal.write(ProposalTables.text(try ProposalDetail.build(ledger, ref: try ledger.books.resolve(ref), today: Clock.today)))
        }
    }
}
