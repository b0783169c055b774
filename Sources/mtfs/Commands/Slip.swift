import ArgumentParser
import MTFSDomain
import MTFSStore

/// `mtfs slip`: move target to a later year.
struct Slip: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Slip part of a proposal's target to a later MTFS year (planned, Y → planned, Z).",
        discussion: "Example: mtfs slip PLA-03 200,000 --from 2023/24 --to 2024/25 --reason \"Contract start delayed\"")

    @OptionGroup var options: LedgerOptions
    @Argument(help: "The proposal's ref.") var ref: ProposalRef
    @Argument(help: "The amount to slip.") var amount: Pence
    @Option(help: ArgumentHelp("The year the target moves from.", valueName: "YEAR")) var from: FinancialYear
    @Option(help: ArgumentHelp("The later year it moves to.", valueName: "YEAR")) var to: FinancialYear
    @Option(help: ArgumentHelp("The effective date (default: today).", valueName: "YYYY-MM-DD")) var date: CivilDate?
    @Option(help: ArgumentHelp("The period; the entry is dated its last day.", valueName: "period")) var period: Period?
    @Option(help: "Why it slipped.") var reason: String

    func run() throws {
        try options.writing { ledger in
            // The ref as the ledger spells it: `place 13` names Place 13 (SPEC §5 v3).
            let ref = try ledger.books.resolve(self.ref)
            let a = from
            let b = to
            let id = try ledger.books.record(
                .slip(from: a, to: b, amount: amount), on: ref, effective: try Parse.effective(date: date, period: period),
                reason: reason, by: try options.provenance())
            Terminal.write("Entry \(id): slipped \(amount) of \(ref) from \(a) to \(b).")
        }
    }
}
