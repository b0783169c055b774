import ArgumentParser
import MTFSDomain
import MTFSStore

/// `mtfs deliver`: log savings delivered (or reduce an earlier figure).
struct Deliver: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Log a saving delivered on a proposal (planned → delivered), or reduce an earlier delivery.",
        discussion: """
            The amount is what was delivered in this entry, not the year to date (use `mtfs import-return` for \
            cumulative monthly returns). An amount in brackets or --reduce takes a delivery back (delivered → planned).

            Examples:
              mtfs deliver PEO-07 125,000 --period 2023-09 --reason "Two placements stepped down"
              mtfs deliver PEO-07 "(10,000)" --period 2023-10 --reason "Step-down reversed"
            """)

    @OptionGroup var options: LedgerOptions
    @Argument(help: "The proposal's ref.") var ref: ProposalRef
    @Argument(help: "The amount, e.g. 125,000 or £125,000.00.") var amount: Pence
    @Option(help: ArgumentHelp("The financial year the saving counts in (default: the year of the effective date).", valueName: "YEAR"))
    var year: FinancialYear?
    @Option(help: ArgumentHelp("The effective date (default: today).", valueName: "YYYY-MM-DD")) var date: CivilDate?
    @Option(help: ArgumentHelp("The period; the entry is dated its last day.", valueName: "period")) var period: Period?
    @Flag(help: "Reduce a delivery logged earlier instead.") var reduce = false
    @Option(help: "Evidence or a note.") var reason: String = ""

    func run() throws {
        try options.writing { ledger in
            // The ref as the ledger spells it: `place 13` names Place 13 (SPEC §5 v3).
            let ref = try ledger.books.resolve(self.ref)
            var money = amount
            var reducing = reduce
            if money.isNegative {
                reducing.toggle()
                money = money.magnitude
            }
            let effective = try Parse.effective(date: date, period: period)
            let fy = year ?? effective.financialYear
            let movement: Movement = reducing ? .reduce(year: fy, amount: money) : .deliver(year: fy, amount: money)
            let id = try ledger.books.record(movement, on: ref, effective: effective, reason: reason, by: try options.provenance())
            let delivered = try ledger.books.balance(of: ref, .delivered, fy)
            let planned = try ledger.books.balance(of: ref, .planned, fy)
            let what = reducing ? "reduced the delivery on \(ref) in \(fy) by \(money)" : "delivered \(money) on \(ref) in \(fy)"
            Terminal.write("Entry \(id): \(what). Delivered so far \(delivered); still planned \(planned).")
            // A month's return states delivered to date as at its end: importing that return again sets
            // the figure back to what it said (SPEC §3.1). A movement dated in the past moves the figure
            // as at every month from its own on, so every such month whose return now disagrees is named.
            var differ: [(period: Period, stated: Pence, now: Pence)] = []
            for (month, stated) in try ledger.returns.returnedDeliveries(ref: ref, year: fy, from: effective.period) {
                let now = try ledger.books.balance(of: ref, .delivered, fy, asAt: month)
                if now != stated { differ.append((month, stated, now)) }
            }
            if !differ.isEmpty {
                let months = differ.map { "\($0.period) stated \($0.stated), the ledger now says \($0.now)" }
                Terminal.write(
                    "Note: this moves \(ref) \(fy)'s delivered to date as at the end of \(effective.period) and of every month after it. "
                        + "The return\(differ.count == 1 ? "" : "s") for \(differ.count == 1 ? "that month" : "these months") now disagree\(differ.count == 1 ? "s" : ""): "
                        + months.joined(separator: "; ") + ". Importing "
                        + (differ.count == 1 ? "that return" : "those returns")
                        + " again would set the figure back; correct the return instead if it was wrong.")
            }
        }
    }
}
