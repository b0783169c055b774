import ArgumentParser
import MTFSDomain
import MTFSRender
import MTFSStore

/// `mtfs org`: the operating model (cost centres, where they sit, who holds them).
struct Org: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The operating model: cost centres, their services, directorates and budget holders over time.",
        subcommands: [OrgAddCostCentre.self, OrgShow.self])
}
