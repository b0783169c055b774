import ArgumentParser
import MTFSStore

/// `mtfs upgrade`: bring a ledger written by an earlier mtfs up to this version's schema.
struct Upgrade: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Bring a ledger written by an earlier version of mtfs up to date (schema \(Ledger.schemaVersion)).",
        discussion: """
            Commands that only read never change the file, so a ledger from an earlier version is upgraded once with \
            this command (any command that records something upgrades it too). The upgrade runs in one transaction: \
            every fact already in the ledger becomes a record of the record chain. Then `mtfs verify` checks it as \
            any other ledger.

            Example: mtfs upgrade --ledger Ledgers/borough.sqlite
            """)

    @OptionGroup var options: LedgerOptions

    func run() throws {
        try options.writing { ledger in
            Terminal.write("\(options.path) is at schema \(Ledger.schemaVersion); ledger head \(try ledger.head()).")
        }
    }
}
