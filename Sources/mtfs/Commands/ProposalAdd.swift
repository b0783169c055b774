import ArgumentParser
import MTFSDomain
import MTFSEngine
import MTFSRender
import MTFSStore

/// `mtfs proposal add`.
struct ProposalAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a savings proposal and approve its target for each MTFS year.",
        discussion: """
            Each --target records an approval entry (MTFS requirement → planned), split over the cost centres \
            by their shares, or equally when no shares are given (pence left over go to the first).

            Example: mtfs proposal add PEO-07 --title "Reduce residential placements" --directorate People \
            --owner "Sam Okafor" --cost-centre PEO-CSC-0412=60% --cost-centre PEO-CSC-0413=40% \
            --target 2023/24=500,000 --target 2024/25=750,000 --target 2025/26=250,000
            """)

    @OptionGroup var options: LedgerOptions
    @Argument(help: "The proposal's ref, e.g. PEO-07.") var ref: ProposalRef
    @Option(help: "What the saving is.") var title: String
    @Option(help: "The directorate accountable for it.") var directorate: String
    @Option(help: "The accountable owner.") var owner: HolderID
    @Option(help: "A category, e.g. demand management, income, efficiency.") var category: String = ""
    @Option(help: "ongoing or one-off.") var recurrence: Recurrence = .ongoing
    @Option(
        name: .customLong("cost-centre"),
        help: ArgumentHelp(
            "A cost centre it cuts, optionally with its share (CODE or CODE=60%); repeat, or separate with ';'.", valueName: "CODE[=SHARE]")
    )
    var costCentres: [String]
    @Option(help: ArgumentHelp("The target for a year; repeat for each year.", valueName: "YEAR=AMOUNT")) var target: [YearAmount] = []
    @Option(
        name: .customLong("delivery-start"),
        help: ArgumentHelp("The period the first year's saving starts accruing (default P1).", valueName: "period"))
    var deliveryStart: Period?
    @Option(help: ArgumentHelp("The ref of a proposal this one replaces.", valueName: "ref")) var replaces: ProposalRef?
    @Option(
        help: ArgumentHelp("The approval date (default: the start of the first target year, or today if earlier).", valueName: "YYYY-MM-DD")
    )
    var date: CivilDate?
    @Option(help: "Why (e.g. the Council decision).") var reason: String = "MTFS approval"
    @Option(help: ArgumentHelp("The Cabinet portfolio, e.g. \"Children's Services\".", valueName: "name")) var portfolio: String?
    @Option(name: .customLong("portfolio-holder"), help: ArgumentHelp("The portfolio holder (the lead member).", valueName: "name"))
    var portfolioHolder: String?
    @Option(help: ArgumentHelp("The risk rating when approved: High, Medium or Low.", valueName: "rating")) var risk: RiskRating?
    @Option(help: ArgumentHelp("The Corporate Plan priority it serves.", valueName: "text")) var priority: String?

    func run() throws {
        try options.writing { ledger in
            let shares = try CostCentreShare.parse(
                costCentres.flatMap { $0.split(separator: ";").map { String($0).trimmingSpaces() } }.filter { !$0.isEmpty })
            let targets = try YearAmount.byYear(target, option: "--target")
            var proposal = Proposal(
                ref: ref, title: title, directorate: directorate, owner: owner, category: category,
                recurrence: recurrence, costCentres: shares,
                deliveryStart: deliveryStart,
                replaces: replaces)
            proposal.portfolio = portfolio
            proposal.portfolioHolder = portfolioHolder
            proposal.risk = risk
            proposal.priority = priority
            let firstYear = targets.keys.min()
            let effective = date ?? min(Clock.today, firstYear?.firstDay ?? Clock.today)
            let ids = try ledger.books.addProposal(proposal, targets: targets, effective: effective, reason: reason, by: try options.provenance())
            let total = targets.values.reduce(Pence.zero, +)
            HolderCommand.noteEarlier([owner], in: ledger)
            Terminal.write(
                "Added proposal \(ref) with \(total) of targets over \(targets.count) year(s)"
                    + (ids.isEmpty ? " (no approval entries: every target is £0.00)." : " (entries \(ids.map(String.init).joined(separator: ", "))).")
            )
        }
    }
}
