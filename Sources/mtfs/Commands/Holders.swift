import ArgumentParser
import MTFSDomain
import MTFSRender
import MTFSStore

/// `mtfs holder`: the budget holders the ledger knows, and renaming one.
struct HolderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holder", abstract: "List the budget holders the ledger knows, or rename one.",
        discussion: """
            The ledger gives each budget holder a number when the operating model, a pack or a proposal \
            first names them. Renaming a holder changes only the name they go by: their cost centres, \
            proposals, statements, sign-offs, login and reminders stay theirs, and every name they had \
            still finds them (in --holder, packs and restructures).
            """,
        subcommands: [HolderList.self, HolderRename.self])
}

struct HolderList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List every budget holder: their number, the name they go by, and the names they had.")
    @OptionGroup var options: LedgerOptions
    @OptionGroup var format: FormatOption

    func run() throws {
        let register = try options.reading { try $0.holders.register() }
        var t = Table(columns: [.init("number", "Number"), .init("name", "Name"), .init("formerly", "Formerly")])
        t.rows = register.holders.map { h in [.integer(Int64(h.number)), .text(h.name.rawValue), .text(h.formerly.joined(separator: "; "))] }
        try format.emit(json: { t.renderJSON() }, table: { _ in t }, sheet: "Holders")
    }
}

struct HolderRename: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename", abstract: "Change the name a budget holder goes by; everything of theirs stays theirs.",
        discussion: """
            The old name still finds them. A name that is, or once was, another holder's is refused.

            Example: mtfs holder rename "Helen Brandt" --to "Helen Okafor"
            """)
    @OptionGroup var options: LedgerOptions
    @Argument(help: "The holder, by any name they have had.") var holder: HolderID
    @Option(help: "The name they go by from now.") var to: String

    func run() throws {
        try options.writing { ledger in
            let before = try ledger.holders.holder(named: holder)
            let renamed = try ledger.holders.renameHolder(holder, to: to, by: try options.provenance(source: "mtfs holder rename"))
            Terminal.write("Holder \(renamed.number), \(before?.name ?? holder), goes by \(renamed.name) from now; their cost centres, proposals, statements, sign-offs and login stay theirs.")
        }
    }
}
