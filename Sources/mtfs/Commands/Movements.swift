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
    @Argument(help: "The proposal's ref.") var ref: String
    @Argument(help: "The amount, e.g. 125,000 or £125,000.00.") var amount: String
    @Option(help: ArgumentHelp("The financial year the saving counts in (default: the year of the effective date).", valueName: "YEAR"))
    var year: String?
    @Option(help: ArgumentHelp("The effective date (default: today).", valueName: "YYYY-MM-DD")) var date: String?
    @Option(help: ArgumentHelp("The period; the entry is dated its last day.", valueName: "period")) var period: String?
    @Flag(help: "Reduce a delivery logged earlier instead.") var reduce = false
    @Option(help: "Evidence or a note.") var reason: String = ""

    func run() throws {
        let ledger = try options.open()
        var money = try Parse.money(amount, option: "amount")
        var reducing = reduce
        if money.isNegative {
            reducing.toggle()
            money = money.magnitude
        }
        let effective = try Parse.effective(date: date, period: period)
        let fy = try year.map { try Parse.year($0, option: "--year") } ?? effective.financialYear
        let movement: Movement = reducing ? .reduce(year: fy, amount: money) : .deliver(year: fy, amount: money)
        let id = try ledger.record(movement, on: ref, effective: effective, reason: reason, by: try options.provenance())
        let delivered = try ledger.balance(of: ref, .delivered, fy)
        let planned = try ledger.balance(of: ref, .planned, fy)
        let what = reducing ? "reduced the delivery on \(ref) in \(fy) by \(money)" : "delivered \(money) on \(ref) in \(fy)"
        Terminal.write("Entry \(id): \(what). Delivered so far \(delivered); still planned \(planned).")
    }
}

/// `mtfs slip`: move target to a later year.
struct Slip: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Slip part of a proposal's target to a later MTFS year (planned, Y → planned, Z).",
        discussion: "Example: mtfs slip PLA-03 200,000 --from 2023/24 --to 2024/25 --reason \"Contract start delayed\"")

    @OptionGroup var options: LedgerOptions
    @Argument(help: "The proposal's ref.") var ref: String
    @Argument(help: "The amount to slip.") var amount: String
    @Option(help: ArgumentHelp("The year the target moves from.", valueName: "YEAR")) var from: String
    @Option(help: ArgumentHelp("The later year it moves to.", valueName: "YEAR")) var to: String
    @Option(help: ArgumentHelp("The effective date (default: today).", valueName: "YYYY-MM-DD")) var date: String?
    @Option(help: ArgumentHelp("The period; the entry is dated its last day.", valueName: "period")) var period: String?
    @Option(help: "Why it slipped.") var reason: String

    func run() throws {
        let ledger = try options.open()
        let money = try Parse.money(amount, option: "amount")
        let a = try Parse.year(from, option: "--from")
        let b = try Parse.year(to, option: "--to")
        let id = try ledger.record(
            .slip(from: a, to: b, amount: money), on: ref, effective: try Parse.effective(date: date, period: period),
            reason: reason, by: try options.provenance())
        Terminal.write("Entry \(id): slipped \(money) of \(ref) from \(a) to \(b).")
    }
}

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
    @Argument(help: "The proposal's ref.") var ref: String
    @Argument(help: "The amount to write off.") var amount: String
    @Option(help: ArgumentHelp("The year.", valueName: "YEAR")) var year: String
    @Option(help: ArgumentHelp("The effective date (default: today).", valueName: "YYYY-MM-DD")) var date: String?
    @Option(help: ArgumentHelp("The period; the entry is dated its last day.", valueName: "period")) var period: String?
    @Option(help: "Why it cannot be delivered.") var reason: String

    func run() throws {
        let ledger = try options.open()
        let money = try Parse.money(amount, option: "amount")
        let fy = try Parse.year(year, option: "--year")
        let id = try ledger.record(
            .unachievable(year: fy, amount: money), on: ref, effective: try Parse.effective(date: date, period: period),
            reason: reason, by: try options.provenance())
        Terminal.write("Entry \(id): wrote off \(money) of \(ref) in \(fy) as unachievable.")
    }
}

/// `mtfs reverse`: undo an entry with its mirror.
struct Reverse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Reverse an entry: record its exact mirror. Nothing is ever edited or deleted.",
        discussion: "Example: mtfs reverse 42 --reason \"Keyed against the wrong proposal\"")

    @OptionGroup var options: LedgerOptions
    @Argument(help: "The entry number (see `mtfs journal`).") var entry: Int64
    @Option(help: ArgumentHelp("The effective date (default: today).", valueName: "YYYY-MM-DD")) var date: String?
    @Option(help: ArgumentHelp("The period; the entry is dated its last day.", valueName: "period")) var period: String?
    @Option(help: "Why.") var reason: String

    func run() throws {
        let ledger = try options.open()
        let id = try ledger.reverse(
            entry: entry, effective: try Parse.effective(date: date, period: period), reason: reason,
            by: try options.provenance())
        Terminal.write("Entry \(id): reversed entry \(entry).")
    }
}

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
    @Argument(help: "The proposal's ref.") var ref: String
    @Argument(help: "The expected delivery by year end.") var amount: String
    @Option(help: "B, G, A or R (or Blue, Green, Amber, Red).") var rag: String
    @Option(help: ArgumentHelp("The period it is made in (default: this month).", valueName: "period")) var period: String?
    @Option(help: ArgumentHelp("The year forecast (default: the period's year).", valueName: "YEAR")) var year: String?
    @Option(help: "The mitigation or explanation.") var comment: String = ""

    func run() throws {
        let ledger = try options.open()
        let money = try Parse.money(amount, option: "amount")
        let rating = try RAG(parsing: rag)
        let p = try period.map { try Parse.period($0, option: "--period") } ?? Clock.today.period
        let fy = try year.map { try Parse.year($0, option: "--year") } ?? p.year
        try ledger.recordForecast(
            ref: ref, year: fy, period: p, forecast: money, rag: rating, comment: comment, by: try options.provenance())
        Terminal.write("Recorded forecast \(money) (\(rating.name)) for \(ref) in \(fy) at \(p).")
    }
}
