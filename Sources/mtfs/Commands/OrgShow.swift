import ArgumentParser
import MTFSDomain
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
    @Option(name: .customLong("as-of"), help: ArgumentHelp("The date (default: today).", valueName: "YYYY-MM-DD")) var asOf: String?

    func run() throws {
        let ledger = try options.openForReading()
        let date = try asOf.map { try Parse.date($0, option: "--as-of") } ?? Clock.today
        let model = try ledger.operatingModel()
        let names = Dictionary(uniqueKeysWithValues: try ledger.costCentres().map { ($0.code, $0.name) })
        let baselines = try ledger.baselines()
        let year = date.financialYear
        var table = Table(
            title: "Operating model on \(date)",
            columns: [
                .init("cost_centre", "Cost centre"), .init("name", "Name"), .init("service", "Service"),
                .init("directorate", "Directorate"), .init("budget_holder", "Budget holder"), .init("model", "Model"),
                .init("since", "Since"), .init("baseline", "Baseline \(year)"),
            ])
        for a in model.snapshot(on: date) {
            table.rows.append([
                .text(a.costCentre), .text(names[a.costCentre] ?? ""), .text(a.service), .text(a.directorate),
                .text(a.budgetHolder), .text(a.model.rawValue), .text(a.effective.description),
                baselines[a.costCentre]?[year].map { .money($0) } ?? .empty,
            ])
        }
        Terminal.write(table.render(try format.parsed()))
    }
}
