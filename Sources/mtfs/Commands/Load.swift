import ArgumentParser
import Foundation
import MTFSDomain
import MTFSEngine
import MTFSStore

/// `mtfs load`: a whole ledger pack.
struct Load: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load a ledger pack (organisation, baselines, proposals, restructures, adjustments, returns) into a ledger.",
        discussion: """
            The pack is a folder of CSV files as SPEC §5 pins them. Everything is checked first; then the whole pack is \
            written in one transaction, dated events in date order. Any problem names the file, line and column and \
            nothing is written (exit 2). A new ledger takes its MTFS years from proposals.csv.

            Example: mtfs load Ledgers/sample-borough --ledger Ledgers/borough.sqlite
            """)

    @OptionGroup var options: LedgerOptions
    @Argument(help: "The pack folder.") var pack: String

    func run() throws {
        // Read and checked before the ledger is opened; handed over whole to the loader, which lets
        // each part go once written.
        var parsed: ParsedPack? = try ParsedPack.read(directory: pack)
        let summary = try LedgerFile.withLedger(path: options.path, create: true) { ledger in
            let who = try options.provenance()
            let loader = PackLoader(ledger: ledger, actor: who.actor, recordedAt: who.recordedAt, progress: ProgressBar.callback())
            defer { ProgressBar.finish() }
            let whole = parsed!
            parsed = nil
            return try loader.load(whole)
        }
        var text = "Loaded \(pack) into \(options.path): \(summary.costCentres) cost centres, \(summary.baselines) baselines, "
        text += "\(summary.proposals) proposals with \(summary.approvedTotal) of targets, \(summary.restructures) restructures, "
        text +=
            "\(summary.adjustments) adjustments, \(summary.returnFiles) returns (\(summary.deliveries + summary.reductions) delivery entries, "
        text += "\(summary.forecasts) forecasts)."
        Terminal.write(text)
    }
}

/// `mtfs import-return`: one monthly return.
struct ImportReturn: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-return",
        abstract: "Import one monthly delivery return: post the change in delivered to date, record forecasts and RAG.",
        discussion: """
            Columns: ref, year, delivered_to_date, forecast, rag, comment. delivered_to_date is cumulative for the year; \
            the entry posted is the difference from what the ledger already holds, so importing the same return twice \
            changes nothing and a corrected return posts only the correction. The period comes from the file name \
            (2023-09.csv) unless --period is given.

            Example: mtfs import-return returns/2023-09.csv --as "Finance BP (People)"
            """)

    @OptionGroup var options: LedgerOptions
    @Argument(help: "The return file.") var file: String
    @Option(help: ArgumentHelp("The period it reports (default: from the file name).", valueName: "period")) var period: String?

    func run() throws {
        let p = try period.map { try Parse.period($0, option: "--period") }
        let parsed = try ParsedReturn.read(path: file, period: p)
        let ledger = try options.open()
        let who = try options.provenance()
        let summary = try PackLoader(ledger: ledger, actor: who.actor, recordedAt: who.recordedAt).importReturn(parsed)
        if !summary.changedAnything {
            Terminal.write("Nothing changed: every row of \(file) matches what the ledger already holds for \(parsed.period).")
            return
        }
        Terminal.write(
            "Imported \(file) for \(parsed.period): \(summary.deliveries) deliveries and \(summary.reductions) reductions posted "
                + "(net \(summary.deliveredChange)), \(summary.forecasts) forecasts recorded, \(summary.unchangedRows) rows unchanged.")
    }
}

/// Opening a ledger for a command that may create it: a new ledger is made in a temporary file and
/// put in place whole (``Ledger/creatingNew(at:_:)``); an existing one is written in one transaction.
enum LedgerFile {
    static func withLedger<T>(path: String, create: Bool, _ body: (Ledger) throws -> T) throws -> T {
        if create && !FileManager.default.fileExists(atPath: path) { return try Ledger.creatingNew(at: path, body) }
        return try body(try Ledger(path: path))
    }
}

/// Progress on a terminal (standard error), only for long operations and never when piped.
enum ProgressBar {
    nonisolated(unsafe) static var shown = false
    nonisolated(unsafe) static var lastDraw = Date.distantPast

    static func callback() -> LoadProgress? {
        guard isatty(2) == 1 else { return nil }
        let started = Date()
        return { phase, done, total in
            let now = Date()
            // Quiet for quick loads; then at most ten redraws a second.
            guard now.timeIntervalSince(started) > 1, now.timeIntervalSince(lastDraw) > 0.1, total > 0 else { return }
            lastDraw = now
            shown = true
            let percent = min(100, done * 100 / total)
            FileHandle.standardError.write(Data("\r\u{1B}[K\(phase): \(done)/\(total) (\(percent)%)".utf8))
        }
    }

    static func finish() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
