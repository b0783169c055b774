import ArgumentParser
import MTFSDomain
import MTFSStore

/// `mtfs unachievable`: write off target.
struct Unachievable: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Declare part of a proposal's target unachievable (planned → unachievable).",
        discussion: """
            The amount still counts in the original MTFS phasing but no longer in the current target; it \
            needs mitigation or a replacement proposal (`mtfs proposal add … --replaces REF`).

            Example: mtfs unachievable PEO-11 150,000 --year 2023/24 --reason "Consultation outcome"
            """)

    @OptionGroup var options: LedgerOptions
    @Argument(help: "The proposal's ref.") var ref: ProposalRef
    @Argument(help: "The amount to write off.") var amount: Pence
    @Option(help: ArgumentHelp("The year.", valueName: "YEAR")) var year: FinancialYear
    @Option(help: ArgumentHelp("The effective date (default: today).", valueName: "YYYY-MM-DD")) var date: CivilDate?
    @Option(help: ArgumentHelp("The period; the entry is dated its last day.", valueName: "period")) var period: Period?
    @Option(help: "Why it cannot be delivered.") var reason: String

    func run() throws {
        try options.writing { ledger in
            // The ref as the ledger spells it: `place 13` names Place 13 (SPEC §5 v3).
            let ref = try ledger.books.resolve(self.ref)
            let id = try ledger.books.record(
                .unachievable(year: year, amount: amount), on: ref, effective: try Parse.effective(date: date, period: period),
                reason: reason, by: try options.provenance())
            Terminal.write("Entry \(id): wrote off \(amount) of \(ref) in \(year) as unachievable.")
        }
    }
}
