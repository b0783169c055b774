import ArgumentParser
import MTFSDomain
import MTFSStore

/// `mtfs forecast`: the year-end forecast, RAG and comment.
struct Forecast: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record a proposal's forecast delivery for the year, its RAG rating and a comment.",
        discussion: """
            A projection, not a ledger movement: the latest record per proposal, year and period counts.
            RAG: B (Blue, delivered in full), G (Green, on track), A (Amber, at risk), R (Red, not achievable this year).

            Example: mtfs forecast PEO-07 450,000 --rag A --period 2023-09 --comment "Recruitment delayed; mitigation via PEO-12"
            """)

    @OptionGroup var options: LedgerOptions
    @Argument(help: "The proposal's ref.") var ref: ProposalRef
    @Argument(help: "The expected delivery by year end.") var amount: Pence
    @Option(help: "B, G, A or R (or Blue, Green, Amber, Red).") var rag: RAG
    @Option(help: ArgumentHelp("The period it is made in (default: this month).", valueName: "period")) var period: Period?
    @Option(help: ArgumentHelp("The year forecast (default: the period's year).", valueName: "YEAR")) var year: FinancialYear?
    @Option(help: "The mitigation or explanation.") var comment: String = ""

    func run() throws {
        try options.writing { ledger in
            // The ref as the ledger spells it: `place 13` names Place 13 (SPEC §5 v3).
            let ref = try ledger.books.resolve(self.ref)
            let p = period ?? Clock.today.period
            let fy = year ?? p.year
            try ledger.books.recordForecast(
                ref: ref, year: fy, period: p, forecast: amount, rag: rag, comment: comment, by: try options.provenance())
            Terminal.write("Recorded forecast \(amount) (\(rag.name)) for \(ref) in \(fy) at \(p).")
        }
    }
}
