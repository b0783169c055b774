import ArgumentParser
import Foundation
import MTFSDomain
import MTFSEngine
import MTFSRender
import MTFSStore

/// `mtfs report`: reports for audiences beyond the finance team.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Reports for councillors: the members' report to Cabinet and scrutiny.",
        subcommands: [MembersReportCommand.self])
}

/// `mtfs report members`: the report a council puts before Cabinet and its scrutiny committee.
struct MembersReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "members",
        abstract: "The members' report: savings by Cabinet portfolio and directorate, money by status, service impacts, slippage and double counts.",
        discussion: """
            For the year of --period, as at its end: by portfolio (with its holder) then directorate, each saving's \
            target, what is delivered, and the rest of the year's money by status — on track (Green), at risk (Amber), \
            will not be delivered (Red), and no forecast where none was returned; the service impacts reported since \
            the last report (unforeseen first); slippage and possible double counts in plain words; and the officer \
            accountable for each saving. Fit to publish: nothing below a saving (no cost centre, entry or login) and \
            no comment text unless --with-comments. HTML prints one page per portfolio.

            --since names the period of the last report (default: three months before --period, a quarter).

            Example: mtfs report members --period 2023-12 --format html --out members-2023-12.html
            """)

    @OptionGroup var options: LedgerOptions
    @Option(help: ArgumentHelp("The month the report is as at.", valueName: "period")) var period: Period
    @Option(help: ArgumentHelp("The period of the last report: impacts reported after it are new (default: a quarter before).", valueName: "period"))
    var since: Period?
    @Option(help: ArgumentHelp("Only this Cabinet portfolio.", valueName: "name")) var portfolio: String?
    @Flag(name: .customLong("with-comments"), help: "Include the latest return's comment on each saving (left out by default: comments are written for officers).")
    var withComments = false
    @Option(help: "html, markdown or xlsx.") var format: MembersFormat = .html
    @Option(help: ArgumentHelp("The file to write.", valueName: "file")) var out: String

    enum MembersFormat: String, ExpressibleByArgument, CaseIterable {
        case html, markdown, xlsx
        init?(argument: String) { self.init(rawValue: argument.lowercased()) }
        var document: DocumentFormat { self == .html ? .html : self == .markdown ? .markdown : .xlsx }
    }

    func run() throws {
        if let since, since >= period { throw Failure.badInput("--since \(since) must be before --period \(period): it is the period of the last report") }
        try options.reading { ledger in
            do { try ledger.books.checkPeriodInWindow(period) } catch let e as LedgerError { throw Failure.badInput("--period: \(e.explanation)") }
            // The last report may be of the year before the MTFS's first (its March), no earlier.
            if let since, since.year.startYear < (try ledger.books.requireWindow()).first.startYear - 1 {
                throw Failure.badInput("--since \(since.monthText) is before the ledger's MTFS years \(try ledger.books.requireWindow()); give the month of the last report")
            }
            let report = try ledger.read {
                let input = try ReconciliationInput.load(ledger, asOf: period, today: period.lastDay)
                let findings = Reconciliation(input: input, settings: try ledger.settings.reconcileSettings()).findings()
                var include: (Proposal) -> Bool = { _ in true }
                var scope: String?
                if let portfolio {
                    let known = Set(input.proposals.compactMap(\.portfolio))
                    guard let name = Names.match(portfolio, in: known) else {
                        throw Failure.badInput(
                            "--portfolio: no proposal is in the portfolio \"\(portfolio)\"; "
                                + (known.isEmpty ? "no proposal has a portfolio (proposals.csv's portfolio column)" : "the portfolios are \(known.sorted().joined(separator: ", "))"))
                    }
                    include = { $0.portfolio == name }
                    scope = name
                }
                return MembersReport.build(
                    input: input, findings: findings, since: since, withComments: withComments, include: include, scope: scope)
            }
            try Files.write(Data(try MembersRenderer.file(report, as: format.document)), to: out)
            Terminal.write(
                "Wrote \(out): the members' report for \(MembersRenderer.asAt(report)), \(report.portfolios.count) portfolio\(report.portfolios.count == 1 ? "" : "s").")
        }
    }
}
