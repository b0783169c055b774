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

/// `mtfs org add-cost-centre`.
struct OrgAddCostCentre: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-cost-centre",
        abstract: "Add a cost centre, where it sits, who holds it and its net budget by year.",
        discussion: """
            Example: mtfs org add-cost-centre PEO-CSC-0412 --name "Looked after children placements" \
            --service "Children's Social Care" --directorate People --holder "Sam Okafor" \
            --baseline 2023/24=4,200,000 --baseline 2024/25=4,350,000
            """)

    @OptionGroup var options: LedgerOptions
    @Argument(help: "The cost centre code, e.g. PEO-CSC-0412.") var code: String
    @Option(help: "What the budget is for.") var name: String
    @Option(help: "The service it belongs to.") var service: String
    @Option(help: "The directorate it belongs to.") var directorate: String
    @Option(help: "Its budget holder.") var holder: String
    @Option(help: "devolved or hub.") var model: String = "devolved"
    @Option(help: ArgumentHelp("From when it sits here (default: the first day of the MTFS).", valueName: "YYYY-MM-DD")) var effective:
        String?
    @Option(help: ArgumentHelp("Net budget before savings for a year; repeat for each year.", valueName: "YEAR=AMOUNT")) var baseline:
        [String] = []

    func run() throws {
        let ledger = try options.open()
        let window = try ledger.requireWindow()
        let date = try effective.map { try Parse.date($0, option: "--effective") } ?? window.first.firstDay
        let assignment = Assignment(
            costCentre: code, effective: date, service: service, directorate: directorate,
            budgetHolder: holder, model: try ServiceModel(parsing: model), reason: "set up")
        let baselines = try Parse.yearAmounts(baseline, option: "--baseline")
        try ledger.addCostCentre(
            CostCentre(code: code, name: name), assignment: assignment, baselines: baselines, by: try options.provenance())
        Terminal.write("Added cost centre \(code) (\(service), \(directorate), held by \(holder)) from \(date).")
    }
}

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
