import ArgumentParser
import MTFSDomain
import MTFSEngine
import MTFSRender
import MTFSStore

/// `mtfs holder`: the budget holders the ledger knows, and renaming one.
struct HolderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holder", abstract: "List the budget holders the ledger knows, or rename one.",
        discussion: """
            The ledger gives each budget holder a number when the operating model, a pack or a proposal \
            first names them. Renaming a holder changes only the name they go by: their cost centres, \
            proposals, statements, sign-offs, login and reminders stay theirs, and every name they had \
            still finds them (in --holder, packs and restructures).
            """,
        subcommands: [HolderList.self, HolderRename.self])
}

extension HolderCommand {
    /// The holder `name` means, by any name they had in any case or spacing, as they go by now; or
    /// a refusal naming `option`, with the names it might have meant.
    static func known(_ name: HolderID, in ledger: Ledger, option: String) throws -> HolderID {
        if let holder = try ledger.holders.holder(named: name) {
            noteEarlier([name], in: ledger)
            return holder.name
        }
        let near = try ledger.holders.register().near(name)
        throw Failure.badInput(
            "\(option): no budget holder or proposal owner is called \"\(name)\" in the ledger" + (near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?"))
    }

    /// The holder `--holder` names among those `builder` has a statement for, as they go by now;
    /// or a refusal with the names it might have meant.
    static func onStatements(_ name: HolderID, of builder: StatementBuilder, period: Period) throws -> HolderID {
        if let holder = builder.holder(named: name) { return holder }
        let near = name.near(in: builder.holders)
        throw Failure.badInput(
            "--holder: \(name) holds no cost centre and owns no proposal at the end of \(period)"
                + (near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?"))
    }

    /// Says of each of `names` that is a name its holder no longer goes by whose it is: a write
    /// naming someone so is theirs, never a new holder's (a new starter of that name needs a name
    /// of their own, such as "Helen Brandt (Place)").
    static func noteEarlier(_ names: [HolderID], in ledger: Ledger) {
        for note in (try? ledger.holders.register().earlierNames(in: names)) ?? [] { Terminal.write("Note: \(note).") }
    }
}

struct HolderList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List every budget holder: their number, the name they go by, and the names they had.",
        discussion: "--history lists every naming and renaming instead: who recorded it, when, and for whom.")
    @OptionGroup var options: LedgerOptions
    @OptionGroup var format: FormatOption
    @Flag(help: "Every row of the register: each holder's naming and renamings, who recorded them and when.") var history = false

    /// One holder as listed (JSON: the names they had as an array).
    struct Listed: Encodable {
        var number: Int
        var name: String
        var formerly: [String]
    }

    /// One row of the register as listed.
    struct Row: Encodable {
        var number: Int
        var name: String
        var change: String
        var recordedAt: String
        var recordedBy: String
        var source: String
        enum CodingKeys: String, CodingKey { case number, name, change, recordedAt = "recorded_at", recordedBy = "recorded_by", source }
    }

    func run() throws {
        if history {
            let rows = try options.reading { try $0.holders.history() }.map { r in
                Row(number: r.number, name: r.name, change: r.change.rawValue, recordedAt: r.recordedAt,
                    recordedBy: Provenance.display(actor: r.actor, onBehalfOf: r.onBehalfOf), source: r.source)
            }
            var t = Table(columns: [
                .init("number", "Number"), .init("name", "Name"), .init("change", "Change"), .init("recorded_at", "Recorded at"),
                .init("recorded_by", "Recorded by"), .init("source", "Source"),
            ])
            t.rows = rows.map { [.integer(Int64($0.number)), .text($0.name), .text($0.change), .text($0.recordedAt), .text($0.recordedBy), .text($0.source)] }
            return try format.emit(json: { try JSONOutput.encode(rows) }, table: { _ in t }, sheet: "Holder register")
        }
        let holders = try options.reading { try $0.holders.register() }.holders.map {
            Listed(number: $0.number, name: $0.name.rawValue, formerly: $0.formerly)
        }
        var t = Table(columns: [.init("number", "Number"), .init("name", "Name"), .init("formerly", "Formerly")])
        // In a table the earlier names are joined by "; " (JSON has them as a list).
        t.rows = holders.map { h in [.integer(Int64(h.number)), .text(h.name), .text(h.formerly.joined(separator: "; "))] }
        try format.emit(json: { try JSONOutput.encode(holders) }, table: { _ in t }, sheet: "Holders")
    }
}

struct HolderRename: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rename", abstract: "Change the name a budget holder goes by; everything of theirs stays theirs.",
        discussion: """
            The old name still finds them. A name that is, or once was, another holder's is refused.

            Example: mtfs holder rename "Helen Brandt" --to "Helen Okafor"
            """)
    @OptionGroup var options: LedgerOptions
    @Argument(help: "The holder, by any name they have had.") var holder: HolderID
    @Option(help: "The name they go by from now.") var to: String

    func run() throws {
        try options.writing { ledger in
            let before = try ledger.holders.holder(named: holder)
            let renamed = try ledger.holders.renameHolder(holder, to: to, by: try options.provenance(source: "mtfs holder rename"))
            Terminal.write(
                "Holder \(renamed.number), \(before?.name ?? holder), goes by \(renamed.name) from now; their cost centres, proposals, statements, sign-offs, login and reminders stay theirs."
            )
        }
    }
}
