import ArgumentParser
import MTFSDomain
import MTFSStore

/// `mtfs reverse`: undo an entry with its mirror.
struct Reverse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Reverse an entry: record its exact mirror. Nothing is ever edited or deleted.",
        discussion: "Example: mtfs reverse 42 --reason \"Keyed against the wrong proposal\"")

    @OptionGroup var options: LedgerOptions
    @Argument(help: "The entry number (see `mtfs journal`).") var entry: Int64
    @Option(help: ArgumentHelp("The effective date (default: today).", valueName: "YYYY-MM-DD")) var date: CivilDate?
    @Option(help: ArgumentHelp("The period; the entry is dated its last day.", valueName: "period")) var period: Period?
    @Option(help: "Why.") var reason: String

    func run() throws {
        try options.writing { ledger in
            let id = try ledger.books.reverse(
                entry: entry, effective: try Parse.effective(date: date, period: period), reason: reason,
                by: try options.provenance())
            Terminal.write("Entry \(id): reversed entry \(entry).")
        }
    }
}
