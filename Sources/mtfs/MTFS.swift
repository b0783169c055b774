import ArgumentParser

/// The `mtfs` command: the savings and MTFS tracking ledger.
struct MTFS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mtfs",
        abstract:
            "The savings and MTFS tracking ledger: log delivery, spot double counts and slippage, report to budget holders and the CFO.",
        discussion: """
            Every change to a savings position is a balanced, append-only, hash-chained entry in a \
            SQLite ledger (default Ledgers/mtfs.sqlite; --ledger or MTFS_LEDGER choose another).

            Exit codes: 0 success; 1 usage error; 2 bad input (nothing written), or output that could not be written; \
            3 --fail-on threshold met; \
            4 integrity failure (verify); 5 the ledger file could not be read or written (busy, disk full); \
            6 remind: a reminder could not be sent (it is recorded, and tried again on the next run).
            """,
        version: "0.1.0",
        subcommands: [
            Init.self, Load.self, ImportReturn.self, Org.self, Restructure.self, ProposalCommand.self, Deliver.self, Forecast.self,
            Slip.self,
            Unachievable.self, Reverse.self, Journal.self, Balance.self, Verify.self, Reconcile.self, StatementCommand.self,
            StatementsCommand.self, TemplateCommand.self, SignOffCommand.self, SummaryCommand.self, ReportCommand.self, Settings.self, ExportCommand.self,
            Generate.self, Demo.self, Upgrade.self, Serve.self, UserCommand.self, TokenCommand.self, Remind.self, HolderCommand.self,
        ]
    )
}

extension MTFS {
    /// The command a command line names (`proposal add …` → `ProposalAdd`), for its help.
    static func command(named arguments: [String]) -> ParsableCommand.Type {
        var type: ParsableCommand.Type = MTFS.self
        for word in arguments {
            guard let next = type.configuration.subcommands.first(where: { $0._commandName == word }) else { break }
            type = next
        }
        return type
    }
}
