import ArgumentParser
import MTFSDomain
import MTFSEngine
import MTFSRender
import MTFSStore

/// `mtfs reconcile`: double counts, slippage, accountability and data quality.
struct Reconcile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List reconciliation findings (double counts, slippage, accountability, data quality), most money at risk first.",
        discussion: """
            Findings use the operating model in force on each date: a restructure is what triggers DC03, SL04 and AC01. \
            --as-of P answers "what would this have said at the end of P?" (default: the latest period with a return, \
            forecast or delivery). Tolerances come from the command line, else `mtfs settings`, else SPEC §6's defaults.

            Codes:
            \(FindingCode.allCases.map { "  \($0.rawValue) \($0.name): \($0.meaning)" }.joined(separator: "\n"))

            CSV columns (pinned): code,severity,refs,cost_centre,year,amount,message.
            Exit code 3 when --fail-on S is given and any finding is at severity S or above.

            Example: mtfs reconcile --as-of 2023-10 --fail-on high --format csv
            """)

    @OptionGroup var options: LedgerOptions
    @Option(help: ArgumentHelp("Only this year's findings.", valueName: "YEAR")) var year: FinancialYear?
    @Option(name: .customLong("as-of"), help: ArgumentHelp("As the books stood at the end of this period.", valueName: "period")) var asOf:
        Period?
    @OptionGroup var document: DocumentOutput
    @Option(help: ArgumentHelp("Only findings at this severity or above: critical, high, medium or low.", valueName: "severity"))
    var severity: Severity?
    @Option(help: ArgumentHelp("Only these codes (repeatable): DC04 or its name, similar-proposals.", valueName: "code"))
    var code: [String] = []
    @Option(
        help: ArgumentHelp(
            "Only findings about this directorate's proposals, or a cost centre it holds at the as-of date (repeatable).",
            valueName: "directorate"))
    var directorate: [String] = []
    @Option(help: ArgumentHelp("Only the findings on this budget holder's statement (their proposals, and the cost centres they hold at the as-of date).", valueName: "name"))
    var holder: HolderID?
    @Option(
        name: .customLong("fail-on"),
        help: ArgumentHelp("Exit 3 if any finding is at this severity or above: critical, high, medium or low.", valueName: "severity"))
    var failOn: Severity?
    @Option(name: .customLong("behind-profile-percent"), help: ArgumentHelp("SL01 tolerance (default 10%).", valueName: "percent"))
    var behindPercent: String?
    @Option(name: .customLong("behind-profile-minimum"), help: ArgumentHelp("SL01 minimum amount (default £10,000).", valueName: "amount"))
    var behindMinimum: String?
    @Option(name: .customLong("rag-forecast-percent"), help: ArgumentHelp("DQ02 threshold (default 95%).", valueName: "percent"))
    var ragPercent: String?
    @Option(name: .customLong("similarity-percent"), help: ArgumentHelp("DC04 threshold (default 80%).", valueName: "percent"))
    var similarity: String?

    func run() throws {
        let f = try document.chosen()
        try options.reading { ledger in
            var settings = try ledger.settings.reconcileSettings()
            for (key, value) in [
                (SettingKey.behindProfilePercent, behindPercent), (.behindProfileMinimum, behindMinimum),
                (.ragForecastPercent, ragPercent), (.similarityPercent, similarity),
            ] {
                if let value { try settings.set(key, value) }
            }
            if let year { try ledger.books.checkInWindow(year) }
            if let asOf {
                do { try ledger.books.checkPeriodInWindow(asOf) } catch let e as LedgerError { throw Failure.badInput("--as-of: \(e.explanation)") }
            }
            let input = try ReconciliationInput.load(ledger, asOf: asOf, today: Clock.today)
            var codes: Set<FindingCode> = []
            for text in code.flatMap({ $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }) {
                do throws(DomainError) { codes.insert(try FindingCode(parsing: text)) } catch { throw Failure.badInput("--code: \(error.explanation)") }
            }
            // Directorates as the ledger spells them, matched whatever the case.
            let known = input.directorates
            var directorates: Set<String> = []
            for name in directorate {
                guard let match = Names.match(name, in: known) else {
                    throw Failure.badInput(
                        "--directorate: there is no directorate \"\(name)\"; the ledger's directorates are \(known.sorted().joined(separator: ", "))")
                }
                directorates.insert(match)
            }
            let filter = FindingFilter(severity: severity, codes: codes, directorates: directorates)
            var findings = filter.apply(Reconciliation(input: input, settings: settings).findings(year: year), input)
            if let holder {
                let builder = try StatementBuilder(ledger: ledger, input: input, findings: findings, settings: settings)
                guard let holder = builder.holder(named: holder) else {
                    let near = holder.near(in: builder.holders)
                    throw Failure.badInput("--holder: no budget holder is called \"\(holder)\" at the end of \(input.asOf)" + (near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?"))
                }
                let mine = Set(builder.findings(onStatementOf: holder))
                findings = findings.filter(mine.contains)
            }
            var report = ReconciliationReport(input, findings: findings)
            report.filter = filter.isEmpty ? nil : filter
            let writer: any ReportWriter = f == .text && document.file.out == nil ? TextWriter(colour: Terminal.colour(for: 1)) : f.writer
            try document.file.emit(f, text: { try writer.reconciliation(report) }, file: { try f.file(reconciliation: report, bom: $0) })
            if let failOn, findings.contains(where: { $0.severity >= failOn }) {
                throw ExitCode(3)
            }
        }
    }
}
