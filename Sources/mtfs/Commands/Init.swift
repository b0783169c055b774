import ArgumentParser
import Foundation
import MTFSDomain
import MTFSStore

/// `mtfs init`: create a ledger for an MTFS window.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new ledger for the MTFS years.",
        discussion: """
            The years are the MTFS window: targets, slips and write-offs for any other year are refused. \
            A later pack may extend the window forwards, never backwards.

            Example: mtfs init --years 2023/24..2025/26 --ledger harrow
            """)

    @OptionGroup var options: LedgerOptions

    @Option(help: ArgumentHelp("The MTFS years, e.g. 2023/24..2025/26.", valueName: "first..last"))
    var years: String

    func run() throws {
        let range: YearRange
        do { range = try YearRange(parsing: years) } catch { throw Failure.badInput("--years: \(error.explanation)") }
        let path = options.path
        if FileManager.default.fileExists(atPath: path) {
            try options.writing { existing in
                if let window = try existing.books.window() {
                    throw Failure.badInput("\(path) is already a ledger for \(window); choose another --ledger")
                }
                try existing.books.setWindow(range, by: try options.provenance())
            }
        } else {
            let who = try options.provenance()
            try LedgerService.creating(at: path) { try $0.books.setWindow(range, by: who) }
        }
        Terminal.write("Created ledger \(path) for the MTFS years \(range).")
    }
}
