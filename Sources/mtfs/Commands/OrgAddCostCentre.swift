import ArgumentParser
import MTFSDomain
import MTFSRender
import MTFSStore

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
    @Argument(help: "The cost centre code, e.g. PEO-CSC-0412.") var code: CostCentreCode
    @Option(help: "What the budget is for.") var name: String
    @Option(help: "The service it belongs to.") var service: String
    @Option(help: "The directorate it belongs to.") var directorate: String
    @Option(help: "Its budget holder.") var holder: HolderID
    @Option(help: "devolved or hub.") var model: String = "devolved"
    @Option(help: ArgumentHelp("From when it sits here (default: the first day of the MTFS).", valueName: "YYYY-MM-DD")) var effective:
        CivilDate?
    @Option(help: ArgumentHelp("Net budget before savings for a year; repeat for each year.", valueName: "YEAR=AMOUNT")) var baseline:
        [YearAmount] = []

    func run() throws {
        try options.writing { ledger in
            let window = try ledger.books.requireWindow()
            let date = effective ?? window.first.firstDay
            let assignment = Assignment(
                costCentre: code, effective: date, service: service, directorate: directorate,
                budgetHolder: holder, model: try ServiceModel(parsing: model), reason: "set up")
            let baselines = try YearAmount.byYear(baseline, option: "--baseline")
            try ledger.books.addCostCentre(
                CostCentre(code: code, name: name), assignment: assignment, baselines: baselines, by: try options.provenance())
            // As recorded: the holder as the ledger spells them.
            let made = try ledger.organisation.operatingModel(of: code).original(of: code) ?? assignment
            HolderCommand.noteEarlier([holder], in: ledger)
            Terminal.write("Added cost centre \(code) (\(made.service), \(made.directorate), held by \(made.budgetHolder)) from \(date).")
        }
    }
}
