import ArgumentParser
import Foundation
import MTFSDomain
import MTFSEngine
import MTFSRender
import MTFSStore

/// `mtfs sign-off`: record that a statement was signed.
struct SignOffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign-off",
        abstract: "Record that a budget holder signed their statement for a month (append-only); the next statement shows it.",
        discussion:
            "Example: mtfs sign-off --holder \"Helen Brandt\" --period 2023-10 --as \"Helen Brandt\" --comment \"Agreed; PEO-06 recovery plan attached\""
    )

    @OptionGroup var options: LedgerOptions
    @Option(help: "The budget holder whose statement it is.") var holder: HolderID
    @Option(help: ArgumentHelp("The month.", valueName: "period")) var period: Period
    @Option(help: "A note with the signature.") var comment: String = ""

    func run() throws {
        try options.writing { ledger in
            let who = try options.provenance()
            let signed: SignOff
            do {
                signed = try SignOffs.sign(ledger: ledger, holder: holder, period: period, comment: comment, suggestingNames: true, by: who)
            } catch let LedgerError.badField(field, sentence) where field == "holder" || field == "budget holder" {
                // The holder is --holder here (the portal signs the user's own statement).
                throw Failure.badInput("--holder: \(sentence)")
            }
            Terminal.write(
                "Recorded the sign-off of \(signed.holder)'s statement for \(period) by \(signed.signer), over the figures at ledger head \(signed.head?.short ?? "?").")
        }
    }
}
