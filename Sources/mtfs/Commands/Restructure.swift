import ArgumentParser
import MTFSDomain
import MTFSStore

/// `mtfs restructure`: move a cost centre from a date.
struct Restructure: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Move a cost centre to a new service, directorate or budget holder from a date.",
        discussion: """
            What is not given stays as it was on that date. Earlier positions are kept: reports as of \
            earlier dates still show the old structure, and reconciliation uses the model in force on each date.

            Example: mtfs restructure PEO-BS-0101 --effective 2023-10-01 --service "Business Support Hub" \
            --directorate Resources --holder "Priya Shah" --model hub --reason "Business support centralised"
            """)

    @OptionGroup var options: LedgerOptions
    @Argument(help: "The cost centre code.") var code: CostCentreCode
    @Option(help: ArgumentHelp("The date the change takes effect.", valueName: "YYYY-MM-DD")) var effective: CivilDate
    @Option(help: "The new service.") var service: String?
    @Option(help: "The new directorate.") var directorate: String?
    @Option(help: "The new budget holder.") var holder: HolderID?
    @Option(help: "devolved or hub.") var model: String?
    @Option(help: "Why (e.g. the decision that made the change).") var reason: String

    func run() throws {
        try options.writing { ledger in
            // The code as the ledger spells it (`peo-csc-0412` is PEO-CSC-0412).
            let code = try ledger.books.requireCostCentre(self.code)
            guard let current = try ledger.organisation.operatingModel().assignment(of: code, on: effective) else {
                throw Failure.badInput("cost centre \(code) was not set up by \(effective)")
            }
            let next = Assignment(
                costCentre: code, effective: effective, service: service ?? current.service,
                directorate: directorate ?? current.directorate, budgetHolder: holder ?? current.budgetHolder,
                model: try model.map { try ServiceModel(parsing: $0) } ?? current.model, reason: reason)
            try ledger.books.restructure(next, by: try options.provenance())
            // As recorded: the holder as the ledger spells them.
            let made = try ledger.organisation.operatingModel(of: code).assignment(of: code, on: effective) ?? next
            if let holder { HolderCommand.noteEarlier([holder], in: ledger) }
            Terminal.write(
                "From \(effective) cost centre \(code) is in \(made.service), \(made.directorate), held by \(made.budgetHolder) (was \(current.service), \(current.directorate), \(current.budgetHolder))."
            )
        }
    }
}
