import ArgumentParser
import MTFSDomain
import MTFSEngine
import MTFSRender
import MTFSStore

extension BalanceReport.Dimension: ExpressibleByArgument {}

/// `mtfs balance`: positions by directorate, service, proposal, cost centre or year.
struct Balance: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show savings positions: original and current target, delivered, slipped, unachievable, remaining.",
        discussion: """
            current target = original target + slipped in − slipped out − unachievable; remaining = current target − delivered.
            --by proposal (the default) gives one row per proposal and year; its CSV is the pinned form
            directorate,ref,year,original_target,current_target,delivered,slipped_in,slipped_out,unachievable,remaining
            with amounts in pounds and two decimals. --by service uses the operating model in force at the end of
            --as-of (or today).

            Example: mtfs balance --by directorate --as-of 2023/24 P6
            """)

    @OptionGroup var options: LedgerOptions
    @OptionGroup var format: FormatOption
    @Option(help: "proposal, directorate, service, cost-centre or year.") var by: BalanceReport.Dimension = .proposal
    @Option(help: ArgumentHelp("Only this year.", valueName: "YEAR")) var year: FinancialYear?
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Only what was effective by the end of this period.", valueName: "period"))
    var asOf: Period?

    func run() throws {
        try options.reading { ledger in
            if let year { try ledger.books.checkInWindow(year) }
            let report = try BalanceReport.build(ledger, by: by, asOf: asOf, year: year, today: Clock.today)
            try format.emit(json: { try JSONOutput.encode(report) }, table: { BalanceTable.table(report, pinned: $0) }, sheet: "Balance", pinned: true)
        }
    }
}
