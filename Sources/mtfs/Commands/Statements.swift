import ArgumentParser
import Foundation
import MTFSDomain
import MTFSEngine
import MTFSRender
import MTFSStore

/// Reads `--format` for statements and the summary.
func documentFormat(_ text: String) throws -> DocumentFormat {
    guard let f = DocumentFormat(rawValue: text.lowercased()) else {
        throw Failure.usage("expected --format text, markdown, csv, json or html, found \"\(text)\"")
    }
    return f
}

/// `mtfs statement`: one budget holder's monthly statement.
struct StatementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statement",
        abstract: "Print one budget holder's monthly accountability statement.",
        discussion: """
            Shows what the holder holds at the period end, every proposal they own and every proposal that cuts one of \
            their cost centres (marked as someone else's): target, profile to date, delivered, variance, forecast, RAG, \
            the month's movement and the years ahead; totals; the reconciliation findings that involve them; the \
            period's ledger entries; and a sign-off block with the last sign-off.

            Example: mtfs statement --holder "Helen Brandt" --period 2023-10 --format html > helen.html
            """)

    @OptionGroup var options: LedgerOptions
    @Option(help: "The budget holder or proposal owner.") var holder: String
    @Option(help: ArgumentHelp("The month.", valueName: "period")) var period: String
    @Option(help: "text, markdown, csv, json or html.") var format: String = "text"

    func run() throws {
        let f = try documentFormat(format)
        let ledger = try options.openForReading()
        let p = try Parse.period(period, option: "--period")
        // One read snapshot: a return imported meanwhile is either wholly in the statement or not at all.
        let statement = try ledger.read {
            let builder = try StatementBuilder(ledger: ledger, period: p, settings: try ledger.reconcileSettings())
            guard builder.holders.contains(holder) else {
                let near = builder.holders.filter { $0.lowercased().contains(holder.lowercased()) }.prefix(5)
                throw Failure.badInput(
                    "\(holder) holds no cost centre and owns no proposal at the end of \(p)"
                        + (near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?"))
            }
            return try builder.statement(for: holder)
        }
        Terminal.write(try StatementRenderer.render(statement, as: f))
    }
}

/// `mtfs statements`: every holder's statement, written to files.
struct StatementsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statements",
        abstract: "Write every budget holder's statement for a month, with an index page.",
        discussion: """
            Files go to Reports/<year>/P<n>/ (for example Reports/2023-24/P7/) unless --out is given, one per holder and \
            format, named from the holder's name with anything but letters, digits, '-' and '_' replaced, so no name \
            can write outside the folder. index.html links them all.

            Example: mtfs statements --period 2023-10 --format html --format csv
            """)

    @OptionGroup var options: LedgerOptions
    @Option(help: ArgumentHelp("The month.", valueName: "period")) var period: String
    @Option(help: "Formats to write (repeatable): text, markdown, csv, json, html. Default html.") var format: [String] = []
    @Option(help: ArgumentHelp("The folder (default Reports/<year>/P<n>).", valueName: "dir")) var out: String?

    func run() throws {
        let formats = try (format.isEmpty ? ["html"] : format).map(documentFormat)
        let ledger = try options.openForReading()
        let p = try Parse.period(period, option: "--period")
        let folder = out ?? "Reports/\(p.year.description.replacingOccurrences(of: "/", with: "-"))/P\(p.number)"
        let written = try StatementFiles.write(ledger: ledger, period: p, formats: formats, folder: folder)
        Terminal.write("Wrote \(written.count) statements for \(p) to \(folder)/ (index: \(folder)/index.html).")
    }
}

/// Writing every holder's statement, shared by `statements` and `demo`.
enum StatementFiles {
    /// Writes each holder's statement in each format and an index page; returns (holder, base file name).
    @discardableResult
    static func write(ledger: Ledger, period: Period, formats: [DocumentFormat], folder: String) throws -> [(String, String)] {
        // Every statement from one read snapshot of the ledger.
        try ledger.read {
            try write(
                builder: StatementBuilder(ledger: ledger, period: period, settings: try ledger.reconcileSettings()), formats: formats,
                folder: folder)
        }
    }

    /// Writes the statements a builder makes, for its period.
    @discardableResult
    static func write(builder: StatementBuilder, formats: [DocumentFormat], folder: String) throws -> [(String, String)] {
        let period = builder.input.asOf
        try Files.makeFolder(folder)
        var used: Set<String> = ["index"]
        var written: [(String, String)] = []
        var index = StatementIndex(period: period, head: builder.head)
        for holder in builder.holders {
            var base = Escape.fileName(holder)
            var n = 2
            while used.contains(base.lowercased()) {
                base = Escape.fileName(holder) + "-\(n)"
                n += 1
            }
            used.insert(base.lowercased())
            let statement = try builder.statement(for: holder)
            for f in formats {
                try Files.write(try StatementRenderer.render(statement, as: f), to: folder + "/" + base + "." + f.fileExtension)
            }
            index.add(statement)
            written.append((holder, base))
        }
        let files = Dictionary(written, uniquingKeysWith: { first, _ in first })
        try Files.write(StatementIndexRenderer.html(index, files: files, formats: formats), to: folder + "/index.html")
        if formats.contains(.json) { try Files.write(try JSONOutput.encode(index), to: folder + "/index.json") }
        return written
    }
}

/// `mtfs sign-off`: record that a statement was signed.
struct SignOffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign-off",
        abstract: "Record that a budget holder signed their statement for a month (append-only); the next statement shows it.",
        discussion:
            "Example: mtfs sign-off --holder \"Helen Brandt\" --period 2023-10 --as \"Helen Brandt\" --comment \"Agreed; PEO-06 recovery plan attached\""
    )

    @OptionGroup var options: LedgerOptions
    @Option(help: "The budget holder whose statement it is.") var holder: String
    @Option(help: ArgumentHelp("The month.", valueName: "period")) var period: String
    @Option(help: "A note with the signature.") var comment: String = ""

    func run() throws {
        let ledger = try options.open()
        let p = try Parse.period(period, option: "--period")
        let who = try options.provenance()
        let signed = try SignOffs.sign(ledger: ledger, holder: holder, period: p, comment: comment, by: who)
        Terminal.write(
            "Recorded \(signed.signer)'s sign-off of \(holder)'s statement for \(p), over the figures at ledger head \(signed.head?.short ?? "?").")
    }
}

/// `mtfs summary`: the CFO's view.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "The CFO view: the programme by directorate and year, the confidence-weighted forecast and the top findings.",
        discussion: """
            Columns: original target, current target, delivered, forecast (the latest forecast, else the current target), \
            slipped (net), unachievable, delivered %, and the forecast weighted by RAG (Blue and Green 100%, Amber or no \
            rating 50%, Red 0%; change with `mtfs settings confidence-amber-percent 40%`). --structure DATE restates the \
            whole programme under the operating model in force on that date (each cost centre's share in the directorate \
            it sat in then); totals are the same under any structure.

            Example: mtfs summary --structure 2023-04-01      mtfs summary --structure 2023-10-01 --format html
            """)

    @OptionGroup var options: LedgerOptions
    @Option(help: ArgumentHelp("Only this year.", valueName: "YEAR")) var year: String?
    @Option(help: ArgumentHelp("Restate under the operating model of this date.", valueName: "YYYY-MM-DD")) var structure: String?
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp("As at the end of this period (default: the latest with a return).", valueName: "period")) var asOf: String?
    @Option(help: "text, markdown, csv, json or html.") var format: String = "text"

    func run() throws {
        let f = try documentFormat(format)
        let ledger = try options.openForReading()
        let y = try year.map { try Parse.year($0, option: "--year") }
        if let y { try ledger.checkInWindow(y) }
        let date = try structure.map { try Parse.date($0, option: "--structure") }
        let input = try ReconciliationInput.load(ledger, asOf: try asOf.map { try Parse.period($0, option: "--as-of") }, today: Clock.today)
        let settings = try ledger.reconcileSettings()
        let findings = Reconciliation(input: input, settings: settings).findings()
        Terminal.write(
            try SummaryRenderer.render(Summary.build(input: input, findings: findings, settings: settings, structure: date, year: y), as: f))
    }
}
