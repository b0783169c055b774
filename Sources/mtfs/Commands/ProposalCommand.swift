import ArgumentParser
import MTFSDomain
import MTFSEngine
import MTFSRender
import MTFSStore

/// `mtfs proposal`: savings proposals.
struct ProposalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proposal",
        abstract: "Add, list and show savings proposals.",
        subcommands: [ProposalAdd.self, ProposalList.self, ProposalShow.self])
}
