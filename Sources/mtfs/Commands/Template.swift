import ArgumentParser
import Foundation
import MTFSDomain
import MTFSEngine
import MTFSRender
import MTFSStore

/// `mtfs template`: the return workbook a budget holder fills in (SPEC §9).
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write the return workbook (.xlsx) a budget holder fills in for a month.",
        discussion: """
            The sheet Return has one row per proposal the holder owns for the period's year (ref, year, title, target, \
            delivered_to_date, forecast, rag, comment), pre-filled with the last figures recorded; only the yellow input \
            cells can be typed in, RAG is a drop-down and money is in £. The sheet About names the period, the holder and \
            the ledger's chain head. Import the filled workbook with mtfs import-return FILE.xlsx; rows left as they were \
            post nothing.

            --holder writes one workbook; --directorate one for every proposal of the directorate; --all one per holder \
            into the folder --out. --by-status adds the columns green (on track), amber (at risk) and red (will not be \
            delivered) beside delivered, for councils that report the year's money by status; the forecast and RAG \
            are then worked out from them on import.

            Example: mtfs template --period 2023-11 --holder "Helen Brandt" --out helen-2023-11.xlsx
            """)

    @OptionGroup var options: LedgerOptions
    @Option(help: ArgumentHelp("The month the return reports.", valueName: "period")) var period: Period
    @Option(help: "The budget holder (proposal owner).") var holder: HolderID?
    @Option(help: "Every proposal of this directorate, in one workbook.") var directorate: String?
    @Flag(help: "One workbook per holder, into the folder --out.") var all = false
    @Flag(help: "Money by status: green, amber and red columns beside delivered; the forecast and RAG follow from them.")
    var byStatus = false
    @Option(help: ArgumentHelp("The workbook to write (with --all, the folder).", valueName: "path")) var out: String

    func run() throws {
        guard [holder != nil, directorate != nil, all].filter({ $0 }).count == 1 else {
            throw Failure.usage("give exactly one of --holder NAME, --directorate NAME or --all")
        }
        try options.reading { ledger in
            do { try ledger.books.checkPeriodInWindow(period) } catch let e as LedgerError { throw Failure.badInput("--period: \(e.explanation)") }
            // One read snapshot: every workbook is made from the same head.
            let workbooks: [(file: String, document: WorkbookDocument)] = try ledger.read {
                let builder = try StatementBuilder(ledger: ledger, period: period, settings: try ledger.settings.reconcileSettings())
                // A proposal with nothing to report this year (no target, nothing delivered) has no row.
                func lines(_ name: HolderID) throws -> [(HolderStatement.Line, FinancialYear)] {
                    try builder.statement(for: name).linesToReport.map { ($0, period.year) }
                }
                if let holder {
                    let holder = try HolderCommand.onStatements(holder, of: builder, period: period)
                    let statement = try builder.statement(for: holder)
                    let owned = statement.linesToReport.map { ($0, period.year) }
                    if owned.isEmpty {
                        throw Failure.badInput(
                            !statement.owned.isEmpty
                                ? "--holder: \(holder)'s proposals have no saving to deliver in \(period.year) (no target, nothing delivered, or only savings falling out), so there is no return to make for \(period)"
                                : "--holder: \(holder) owns no proposal at the end of \(period), so has no return to make")
                    }
                    return [(out, XLSXReports.template(lines: owned, period: period, holder: holder.rawValue, head: builder.head, byStatus: byStatus))]
                }
                if let directorate {
                    let known = Set(builder.input.proposals.map(\.directorate))
                    guard let match = Names.match(directorate, in: known) else {
                        throw Failure.badInput(
                            "--directorate: there is no directorate \"\(directorate)\"; the ledger's are \(known.sorted().joined(separator: ", "))")
                    }
                    let refs = Set(builder.input.proposals.filter { $0.directorate == match }.map(\.ref))
                    let all = try builder.holders.flatMap { try lines($0) }.filter { refs.contains($0.0.ref) }.sorted { $0.0.ref < $1.0.ref }
                    return [(out, XLSXReports.template(lines: all, period: period, holder: "Directorate: \(match)", head: builder.head, byStatus: byStatus, withOwner: true))]
                }
                var used: Set<String> = []
                return try builder.holders.compactMap { name in
                    let owned = try lines(name)
                    if owned.isEmpty { return nil }
                    var base = Escape.fileName(name.rawValue)
                    while used.contains(base.lowercased()) { base += "-2" }
                    used.insert(base.lowercased())
                    return (out + "/" + base + "-" + period.monthText + ".xlsx", XLSXReports.template(lines: owned, period: period, holder: name.rawValue, head: builder.head, byStatus: byStatus))
                }
            }
            if all { try Files.makeFolder(out) }
            // Every path checked before any is written: one refused leaves nothing half done.
            for w in workbooks { try Files.checkWritable(w.file) }
            let files = try workbooks.map { ($0.file, try XLSXFile.bytes($0.document)) }
            for (path, data) in files { try Files.write(data, to: path) }
            Terminal.write(
                all
                    ? "Wrote \(workbooks.count) return templates for \(period) to \(out)/."
                    : "Wrote the return template for \(period) to \(out) (\(plural(workbooks[0].document.sheets[0].table.rows.count, "proposal"))).")
        }
    }
}
