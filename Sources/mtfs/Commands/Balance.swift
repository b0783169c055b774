import ArgumentParser
import MTFSDomain
import MTFSRender
import MTFSStore

/// `mtfs balance`: positions by directorate, service, proposal, cost centre or year.
struct Balance: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show savings positions: original and current target, delivered, slipped, unachievable, remaining.",
        discussion: """
            current target = original target + slipped in − slipped out − unachievable; remaining = current target − delivered.
            --by proposal (the default) gives one row per proposal and year; its CSV is the pinned form
            directorate,ref,year,original_target,current_target,delivered,slipped_in,slipped_out,unachievable,remaining
            with amounts in pounds and two decimals. --by service uses the operating model in force at the end of
            --as-of (or today).

            Example: mtfs balance --by directorate --as-of 2023/24 P6
            """)

    enum Dimension: String, ExpressibleByArgument, CaseIterable {
        case proposal, directorate, service, year
        case costCentre = "cost-centre"
    }

    @OptionGroup var options: LedgerOptions
    @OptionGroup var format: FormatOption
    @Option(help: "proposal, directorate, service, cost-centre or year.") var by: Dimension = .proposal
    @Option(help: ArgumentHelp("Only this year.", valueName: "YEAR")) var year: String?
    @Option(name: .customLong("as-of"), help: ArgumentHelp("Only what was effective by the end of this period.", valueName: "period"))
    var asOf: String?

    func run() throws {
        let ledger = try options.open()
        let period = try asOf.map { try Parse.period($0, option: "--as-of") }
        let onlyYear = try year.map { try Parse.year($0, option: "--year") }
        if let onlyYear { try ledger.checkInWindow(onlyYear) }
        let lines = try ledger.positionLines(asOf: period).filter { onlyYear == nil || $0.year == onlyYear }
        let proposals = Dictionary(uniqueKeysWithValues: try ledger.proposals().map { ($0.ref, $0) })
        let model = try ledger.operatingModel()
        let date = period?.lastDay ?? Clock.today

        var groups: [[String]: Position] = [:]
        let keys: [Table.Column]
        for line in lines {
            let key: [String]
            switch by {
            case .proposal: key = [proposals[line.proposal]?.directorate ?? "", line.proposal, line.year.description]
            case .directorate: key = [proposals[line.proposal]?.directorate ?? "", line.year.description]
            case .year: key = [line.year.description]
            case .costCentre: key = [line.costCentre, line.proposal, line.year.description]
            case .service:
                let a = model.assignment(of: line.costCentre, on: date) ?? model.original(of: line.costCentre)
                key = [a?.directorate ?? "", a?.service ?? "", line.year.description]
            }
            groups[key, default: Position()] += line.position
        }
        switch by {
        case .proposal: keys = [.init("directorate", "Directorate"), .init("ref", "Ref"), .init("year", "Year")]
        case .directorate: keys = [.init("directorate", "Directorate"), .init("year", "Year")]
        case .year: keys = [.init("year", "Year")]
        case .costCentre: keys = [.init("cost_centre", "Cost centre"), .init("ref", "Ref"), .init("year", "Year")]
        case .service: keys = [.init("directorate", "Directorate"), .init("service", "Service"), .init("year", "Year")]
        }
        let rows = groups.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { k in (k.map { Table.Cell.text($0) }, groups[k]!) }
        let title = "Balance by \(by.rawValue.replacingOccurrences(of: "-", with: " "))" + (period.map { " as at the end of \($0)" } ?? "")
        var table = BalanceReport.table(rows: rows, keys: keys, title: title)
        let f = try format.parsed()
        if f == .csv { table.totals = nil }  // the pinned CSV is one row per key, no totals row
        Terminal.write(table.render(f))
    }
}
