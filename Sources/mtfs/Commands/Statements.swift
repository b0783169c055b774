import ArgumentParser
import Foundation
import MTFSDomain
import MTFSEngine
import MTFSRender
import MTFSStore

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
    @Option(help: ArgumentHelp("The month.", valueName: "period")) var period: Period
    @Option(help: "Formats to write (repeatable): text, markdown, csv, json, html, xlsx. Default html.") var format: [DocumentFormatArgument] = []
    @Option(help: ArgumentHelp("The folder (default Reports/<year>/P<n>).", valueName: "dir")) var out: String?
    @OptionGroup var bomOption: BOMOption

    func run() throws {
        let formats = format.isEmpty ? [.html] : format.map(\.format)
        try options.reading { ledger in
            let folder = out ?? "Reports/\(period.year.description.replacingOccurrences(of: "/", with: "-"))/P\(period.number)"
            let written = try StatementFiles.write(ledger: ledger, period: period, formats: formats, folder: folder, bom: bomOption.bom)
            Terminal.write("Wrote \(written.count) statements for \(period) to \(folder)/ (index: \(folder)/index.html).")
        }
    }
}
/// Writing every holder's statement, shared by `statements` and `demo`.
enum StatementFiles {
    /// Writes each holder's statement in each format and an index page; returns (holder, base file name).
    @discardableResult
    static func write(ledger: Ledger, period: Period, formats: [DocumentFormat], folder: String, bom: Bool = true) throws -> [(String, String)] {
        // Every statement from one read snapshot of the ledger.
        try ledger.read {
            try write(
                builder: StatementBuilder(ledger: ledger, period: period, settings: try ledger.settings.reconcileSettings()), formats: formats,
                folder: folder, bom: bom)
        }
    }

    /// Writes the statements a builder makes, for its period.
    @discardableResult
    static func write(builder: StatementBuilder, formats: [DocumentFormat], folder: String, bom: Bool = true) throws -> [(String, String)] {
        let period = builder.input.asOf
        try Files.makeFolder(folder)
        var used: Set<String> = ["index"]
        var written: [(String, String)] = []
        var index = StatementIndex(period: period, head: builder.head)
        for holder in builder.holders {
            var base = Escape.fileName(holder.rawValue)
            var n = 2
            while used.contains(base.lowercased()) {
                base = Escape.fileName(holder.rawValue) + "-\(n)"
                n += 1
            }
            used.insert(base.lowercased())
            let statement = try builder.statement(for: holder)
            for f in formats {
                try Files.write(try f.file(statement: statement, bom: bom), to: folder + "/" + base + "." + f.fileExtension)
            }
            index.add(statement, file: base)
            written.append((holder.rawValue, base))
        }
        try Files.write(StatementIndexRenderer.html(index, formats: formats), to: folder + "/index.html")
        if formats.contains(.json) { try Files.write(try JSONOutput.encode(index), to: folder + "/index.json") }
        return written
    }
}
