import ArgumentParser
import Foundation
import MTFSDomain
import MTFSEngine
import MTFSRender
import MTFSStore

/// `mtfs demo`: the sample borough, end to end.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a fresh ledger from the sample borough pack and write its reports to Reports/demo.",
        discussion: """
            Loads Ledgers/sample-borough (a fictional council: £183m net budget, a £17.2m savings programme over \
            2023/24–2025/26, a mid-year restructure into a business support hub, slips, write-offs and seven monthly \
            returns) into Ledgers/demo.sqlite, replacing any earlier demo ledger, verifies it and writes the reports.
            """)

    @Option(help: ArgumentHelp("The pack to load.", valueName: "dir")) var pack: String = "Ledgers/sample-borough"
    @Option(help: ArgumentHelp("The ledger to build (replaced if it exists).", valueName: "path")) var ledger: String =
        "Ledgers/demo.sqlite"
    @Option(help: ArgumentHelp("Where the reports go.", valueName: "dir")) var out: String = "Reports/demo"
    @Option(name: .customLong("as"), help: ArgumentHelp("Who is recorded as loading it.", valueName: "name")) var actor: String =
        "mtfs demo"

    func run() throws {
        guard FileManager.default.fileExists(atPath: pack + "/proposals.csv") else {
            throw Failure.badInput("the sample pack is not at \(pack); run the demo from the repository's top folder or give --pack")
        }
        for suffix in ["", "-wal", "-shm", ".heads"] { try? FileManager.default.removeItem(atPath: ledger + suffix) }
        let parsed = try ParsedPack.read(directory: pack)
        try LedgerService(path: ledger, create: true, readers: 1).write { book in
            let summary = try PackLoader(ledger: book, actor: actor, recordedAt: Clock.recordedAt, progress: ProgressBar.callback()).load(
                parsed)
            ProgressBar.finish()
            let report = try book.verifier.verify()
            guard report.passed else { throw LedgerError.integrity("the demo ledger failed verification") }
            try DemoUsers.add(to: book)

            try Files.makeFolder(out)
            var written: [String] = []
            func save(_ name: String, _ text: String) throws {
                let path = out + "/" + name
                try Files.write(text, to: path)
                written.append(path)
            }
            let byDirectorate = BalanceTable.table(try BalanceReport.build(book, by: .directorate, asOf: nil, year: nil, today: Clock.today)).renderText()
            try save("balance-by-directorate.txt", byDirectorate)
            try save("balance.csv", BalanceTable.table(try BalanceReport.build(book, by: .proposal, asOf: nil, year: nil, today: Clock.today), pinned: true).renderCSV())
            try save("journal.csv", JournalTable.table(try book.journal.entries(), title: nil).renderCSV())
            let input = try ReconciliationInput.load(book, asOf: nil, today: Clock.today)
            let settings = try book.settings.reconcileSettings()
            let findings = Reconciliation(input: input, settings: settings).findings()
            let reconciliation = ReconciliationReport(input, findings: findings)
            try save("reconcile.txt", TextWriter().reconciliation(reconciliation))
            try save("reconcile.csv", CSVWriter().reconciliation(reconciliation))
            for (name, structure) in [("summary", nil), ("summary-new-structure", input.asOf.lastDay)] as [(String, CivilDate?)] {
                let summary = Summary.build(input: input, findings: findings, settings: settings, structure: structure, year: nil)
                try save(name + ".txt", try SummaryRenderer.render(summary, as: .text))
                try save(name + ".html", try SummaryRenderer.render(summary, as: .html))
            }
            let members = MembersReport.build(input: input, findings: findings)
            for format in MembersRenderer.formats {
                let path = "\(out)/members-report.\(format.fileExtension)"
                try Files.write(Data(try MembersRenderer.file(members, as: format)), to: path)
                written.append(path)
            }
            let statements = try StatementFiles.write(
                builder: StatementBuilder(ledger: book, input: input, findings: findings, settings: settings), formats: [.html, .text, .csv],
                folder: out + "/statements")
            written.append("\(out)/statements/ (\(statements.count) budget holders' statements for \(input.asOf); index.html)")
            try Output.write(to: out + "/books.journal", said: false) { sink in try Export.hledger(book) { try sink($0) } }
            written.append(out + "/books.journal")

            var text =
                "Built \(ledger) from \(pack): \(summary.proposals) proposals, \(summary.approvedTotal) programme over \(try book.books.requireWindow())"
                + (summary.fallsOutTotal.isZero ? ", " : " (\(summary.fallsOutTotal) of one-off savings falls out in later years), ")
            text += "\(summary.costCentres) cost centres, \(summary.restructures) restructures, \(summary.returnFiles) monthly returns; "
            text += "\(report.entries) entries, verified; ledger head \(report.head.short).\n"
            text += "Latest returns: " + input.directorateReturns.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.period)" }
                .joined(separator: ", ") + ".\n\n"
            text += byDirectorate + "\n"
            text +=
                TextWriter(colour: Terminal.colour(for: 1)).reconciliation(reconciliation).split(separator: "\n", maxSplits: 1).first.map(
                    String.init) ?? ""
            text += " (mtfs reconcile --ledger \(ledger))\n\n"
            text += "Reports written:\n" + written.map { "  " + $0 }.joined(separator: "\n")
            text += "\n\nThe portal: mtfs serve --ledger \(ledger), then open http://127.0.0.1:8080 and sign in as "
                + DemoUsers.users.map { "\($0.login) (\($0.name)\($0.scope.readsOnly ? ", a councillor" : ""))" }.joined(separator: ", ")
                + ", each with the password \(DemoUsers.password) (demo users: the portal serves them on localhost only)."
            Terminal.write(text)
        }
    }
}
