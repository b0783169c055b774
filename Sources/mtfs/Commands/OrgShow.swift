import ArgumentParser
import MTFSDomain
import MTFSEngine
import MTFSRender
import MTFSStore

/// `mtfs org show`.
struct OrgShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show every cost centre as the operating model stood on a date.",
        discussion: "Example: mtfs org show --as-of 2023-10-01 --format csv")

    @OptionGroup var options: LedgerOptions
    @OptionGroup var format: FormatOption
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The date (default: today).", valueName: "YYYY-MM-DD")) var asOf: CivilDate?

    func run() throws {
        let date = asOf ?? Clock.today
        let report = try options.reading { try OperatingModelReport.build($0, on: date) }
        try format.emit(json: { try JSONOutput.encode(report) }, table: { _ in OperatingModelTable.table(report) }, sheet: "Operating model")
    }
}
