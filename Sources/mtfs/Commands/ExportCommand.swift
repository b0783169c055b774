import ArgumentParser
import Foundation
import MTFSDomain
import MTFSEngine
import MTFSRender
import MTFSStore

/// `mtfs export`: the books in other forms.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the ledger: postings as CSV or JSON, a ledger pack, or an hledger journal.",
        discussion: """
            csv      one row per posting (entry, date, kind, ref, year, account, amount, who, why, source, hash)
            json     every entry with its postings (amounts in pence), and the positions by proposal and year
            pack     a ledger pack (--out DIR) that `mtfs load` turns back into a ledger with the same balances
            hledger  a plain-text journal, one transaction per entry, amounts in GBP, that hledger and ledger-cli
                     read: `hledger -f books.journal bal` cross-checks our balances independently

            Example: mtfs export --format hledger --out Reports/books.journal
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json, pack, hledger }

    @OptionGroup var options: LedgerOptions
    @Option(help: "csv, json, pack or hledger.") var format: Format
    @Option(help: ArgumentHelp("Where to write (a folder for pack; default standard output).", valueName: "path")) var out: String?
    @OptionGroup var bomOption: BOMOption

    func run() throws {
        try options.reading { ledger in
            // One read snapshot: the export is the books at one head, whatever is written meanwhile.
            try ledger.read { try export(ledger) }
        }
    }

    private func export(_ ledger: Ledger) throws {
        let head = try ledger.head()
        switch format {
        case .pack:
            guard let out else { throw Failure.usage("--format pack needs --out DIR, the folder to write the pack into") }
            var files = try Export.pack(ledger)
            files["head.txt"] = "\(head)\n"
            try PackFolder.write(files, to: out)
            Terminal.write("Wrote a ledger pack of \(files.count) files to \(out) (ledger head \(head.short)).")
        case .hledger:
            try Output.write(to: out) { sink in
                try sink("; mtfs ledger head \(head)\n")
                try Export.hledger(ledger) { try sink($0) }
            }
        case .csv:
            try Output.write(to: out) { sink in
                // A file gets the byte order mark Excel needs; standard output never does.
                if out != nil && bomOption.bom { try sink("\u{FEFF}") }
                try sink(ExportWriter.csvHeader)
                try ledger.journal.forEachEntry { try sink(ExportWriter.csvRows($0)) }
            }
        case .json:
            try Output.write(to: out) { sink in
                var json = JSONExport()
                try sink(json.opening())
                try ledger.journal.forEachEntry { try sink(try json.entry($0)) }
                let directorates = Dictionary(uniqueKeysWithValues: try ledger.books.proposals().map { ($0.ref, $0.directorate) })
                try sink(
                    try json.closing(
                        ledger: options.path, head: head, years: try ledger.books.requireWindow(),
                        positions: PositionRow.byProposal(try ledger.positions.positionLines(), directorates: directorates)))
            }
        }
    }
}

/// Writes streamed text to a file (atomically replaced) or standard output.
enum Output {
    /// `said`: whether a file written says so in a line of its own (a command that lists the files
    /// it wrote, as `demo` does, says it once, in its list).
    static func write(to path: String?, said: Bool = true, _ body: ((String) throws -> Void) throws -> Void) throws {
        guard let path else {
            try body { StandardOutput.write($0) }
            return
        }
        var buffer = Data()
        try body { buffer.append(contentsOf: $0.utf8) }
        try Files.write(buffer, to: path)
        if said { OutputFile.said(path) }
    }
}

/// A pack written whole or not at all: into a temporary folder beside the target, renamed into
/// place at the end. A folder that already holds anything is refused (two packs never mix).
enum PackFolder {
    static func write(_ files: [String: String], to out: String) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw Failure.badInput("\(out) is a file; --out for a pack must be a new or empty folder") }
            let inside = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
            guard inside.isEmpty else {
                throw Failure.badInput("\(out) is not empty; write the pack to a new or empty folder so that two packs never mix")
            }
        }
        let url = URL(fileURLWithPath: out).standardizedFileURL
        let parent = url.deletingLastPathComponent().path
        try Files.makeFolder(parent)
        let temporary = parent + "/.\(url.lastPathComponent).export-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        try Files.makeFolder(temporary + "/returns")
        for (name, text) in files { try Files.write(text, to: temporary + "/" + name) }
        // rename(2) puts a folder in place whole, and replaces only an empty one.
        if rename(temporary, url.path) != 0 {
            throw Failure.badInput(
                "the pack could not be put in place at \(out) (\(String(cString: strerror(errno)).lowercased())); nothing was written there")
        }
    }
}
