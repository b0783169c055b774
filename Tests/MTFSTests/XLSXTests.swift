import Foundation
import Testing

@testable import MTFSDomain
@testable import MTFSEngine
@testable import MTFSRender
@testable import MTFSStore

/// Whether a program is on the PATH.
func onPath(_ name: String) -> Bool {
    (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").contains {
        FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
    }
}

/// LibreOffice, for the tests that have a real spreadsheet application open what we write. CI
/// installs it and insists on it; elsewhere those tests run when it is there.
let haveLibreOffice = onPath("soffice") || ProcessInfo.processInfo.environment["CI"] != nil
/// Python with openpyxl, to fill a template as a person would.
let haveOpenpyxl = pythonHas("openpyxl") || ProcessInfo.processInfo.environment["CI"] != nil

/// Whether the python3 on the PATH can import `module`.
func pythonHas(_ module: String) -> Bool {
    guard onPath("python3") else { return false }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", "-c", "import \(module)"]
    p.standardError = FileHandle.nullDevice
    try? p.run()
    p.waitUntilExit()
    return p.terminationStatus == 0
}

/// Runs a program, failing the test with its error output when it fails.
@discardableResult
func runTool(_ arguments: [String], in dir: String) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = arguments
    p.currentDirectoryURL = URL(fileURLWithPath: dir)
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    if p.terminationStatus != 0 {
        Issue.record("\(arguments.joined(separator: " ")) failed: \(String(decoding: e, as: UTF8.self))")
    }
    return String(decoding: o, as: UTF8.self)
}

/// LibreOffice's CSV of each sheet of a workbook: values as stored (not as shown), UTF-8, by sheet name.
func libreOfficeCSV(_ workbook: String, in dir: String) throws -> [String: String] {
    let out = dir + "/lo-\(UUID().uuidString)"
    // Filter options: comma, quote, UTF-8, from row 1, …, "save cell contents as shown" off, every sheet (-1).
    try runTool(
        [
            "soffice", "-env:UserInstallation=file://\(dir)/lo-profile", "--headless", "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", out, workbook,
        ], in: dir)
    var sheets: [String: String] = [:]
    let base = ((workbook as NSString).lastPathComponent as NSString).deletingPathExtension
    for file in try FileManager.default.contentsOfDirectory(atPath: out) where file.hasSuffix(".csv") {
        let sheet = String(file.dropFirst(base.count + 1).dropLast(4))
        sheets[sheet] = try String(contentsOfFile: out + "/" + file, encoding: .utf8)
    }
    return sheets
}

/// Every cell of every sheet, one per line: `Sheet!A1 kind value` (the golden form of a workbook).
func workbookDump(_ data: Data) throws -> String {
    var reader = try WorkbookReader(bytes: [UInt8](data), file: "workbook.xlsx")
    var out = ""
    for (name, _) in reader.sheets {
        let sheet = try #require(try reader.sheet(named: name))
        if !sheet.formulaCells.isEmpty { out += "\(name) FORMULAS \(sheet.formulaCells)\n" }
        for (row, cells) in sheet.rows {
            for (column, value) in cells.sorted(by: { $0.key < $1.key }) {
                let ref = "\(name)!\(WorkbookSheet.reference(column: column, row: row))"
                switch value {
                case .text(let s): out += "\(ref) text \(s.debugDescription)\n"
                case .number(let n): out += "\(ref) number \(n)\n"
                case .bool(let b): out += "\(ref) bool \(b)\n"
                case .error(let e): out += "\(ref) error \(e)\n"
                case .uncalculated: out += "\(ref) uncalculated\n"
                }
            }
        }
    }
    return out
}

/// Each CSV record as cells (RFC 4180), through the product's own reader.
func csvRecords(_ text: String) throws -> [[String]] {
    try CSVFile.records(name: "csv", bytes: Array(text.utf8)).map(\.1)
}

@Suite("Excel in: return workbooks")
struct WorkbookImportTests {
    func ledger(_ dir: TempDir) throws -> Ledger {
        let ledger = try Ledger(path: dir.path("l.sqlite"), create: true)
        _ = try loadPack(samplePack, into: ledger)
        return ledger
    }
    let loader = { (l: Ledger) in PackLoader(ledger: l, actor: "tester", recordedAt: "2023-11-20T10:00:00Z") }
    let nov = Period(year: fy(2023), number: 8)

    @Test("reads workbooks as openpyxl, LibreOffice and a hand-written file save them")
    func goodWorkbooks() throws {
        // openpyxl: headings as people write them, money as numbers and as "£" text, rich text, an
        // owner column (read past without a warning, as a directorate's template has one), a
        // trailing empty row.
        do {
            let dir = TempDir()
            let l = try ledger(dir)
            let parsed = try ParsedReturn.read(path: fixture("xlsx/openpyxl-return.xlsx"))
            #expect(parsed.period == nov && parsed.rows.count == 2)
            #expect(parsed.warnings.isEmpty, "\(parsed.warnings)")
            let s = try loader(l).importReturn(parsed)
            #expect(s.deliveries == 2 && s.deliveredChange == Pence(16_700_00 + 12_500_50))
            #expect(try l.books.balance(of: "PEO-02", .delivered, fy(2023)) == Pence(100_000_50))
            let forecasts = try l.returns.latestForecasts(asOf: nov).filter { $0.period == nov }
            let peo01 = try #require(forecasts.first { $0.proposal == "PEO-01" })
            #expect(peo01.forecast == pounds(400_000) && peo01.rag == .green && peo01.comment == "Agency cover from December")
            let peo02 = try #require(forecasts.first { $0.proposal == "PEO-02" })
            #expect(peo02.rag == .amber && peo02.comment == "=1+1 is text here")
            #expect(try l.journal.entries().last?.source.hasSuffix("openpyxl-return.xlsx Return!A3") == true)
        }
        // LibreOffice: a formula's saved result, a forecast that is a formula, the period a date.
        do {
            let dir = TempDir()
            let l = try ledger(dir)
            let parsed = try ParsedReturn.read(path: fixture("xlsx/libreoffice-return.xlsx"))
            #expect(parsed.period == nov)
            let s = try loader(l).importReturn(parsed)
            #expect(s.deliveries == 1 && s.deliveredChange == pounds(16_700) && s.unchangedRows == 1)
            #expect(try l.books.balance(of: "PEO-01", .delivered, fy(2023)) == pounds(250_000))
        }
        // By hand: inline strings, cells without references, a stored (not deflated) part, no About
        // sheet (the period given), markup and entities in text.
        do {
            let dir = TempDir()
            let l = try ledger(dir)
            #expect(throws: InputError.self) { try ParsedReturn.read(path: fixture("xlsx/inline-strings.xlsx")) }
            let parsed = try ParsedReturn.read(path: fixture("xlsx/inline-strings.xlsx"), period: nov)
            #expect(parsed.rows.count == 1 && parsed.rows[0].comment == "Fish & chips <b> ")
            _ = try loader(l).importReturn(parsed)
            #expect(try l.books.balance(of: "PEO-02", .delivered, fy(2023)) == pounds(95_000))
        }
    }

    @Test("a bad workbook is refused with its sheet and cell named, and nothing is written")
    func badWorkbooks() throws {
        let dir = TempDir()
        func refusal(_ path: String, period: Period? = nil) -> String {
            do {
                _ = try ParsedReturn.read(path: path, period: period)
                return "accepted"
            } catch { return error.description }
        }
        #expect(refusal(fixture("xlsx/bad-cell.xlsx")).contains("Return!E3 (column \"delivered_to_date\"): expected an amount of money"))
        #expect(refusal(fixture("xlsx/error-cell.xlsx")).contains("Return!E2 (column \"delivered_to_date\"): the cell shows the error #DIV/0!"))
        #expect(refusal(fixture("xlsx/uncalculated.xlsx")).contains("Return!E2 (column \"delivered_to_date\"): the cell holds a formula with no saved result"))
        #expect(refusal(fixture("xlsx/entities.xlsx"), period: nov).contains("DOCTYPE"))
        #expect(refusal(fixture("xlsx/wide.xlsx")).contains("Return!ZZZ1: a value this far to the right"))
        #expect(refusal(fixture("xlsx/no-about.xlsx")).contains("give the period with it"))
        #expect(refusal(fixture("xlsx/libreoffice-return.xlsx"), period: Period(year: fy(2023), number: 9)).contains("the About sheet says"))

        // A comment longer than a spreadsheet cell holds is refused (from any source), so no round
        // trip through a workbook can cut it short.
        try Data(("ref,year,delivered_to_date,comment\nPEO-01,2023/24,1," + String(repeating: "x", count: 32_768) + "\n").utf8)
            .write(to: URL(fileURLWithPath: dir.path("2023-11.csv")))
        #expect(refusal(dir.path("2023-11.csv")).contains("line 2, column \"comment\": the comment has 32,768 characters; expected at most 32,767"))

        // Not a workbook, cut short, tampered with: one sentence each, never a crash.
        let good = try [UInt8](Data(contentsOf: URL(fileURLWithPath: fixture("xlsx/openpyxl-return.xlsx"))))
        try Data("ref,year\n".utf8).write(to: URL(fileURLWithPath: dir.path("text.xlsx")))
        #expect(refusal(dir.path("text.xlsx")).contains("is not an Excel workbook"))
        try Data(good.prefix(good.count / 2)).write(to: URL(fileURLWithPath: dir.path("cut.xlsx")))
        #expect(refusal(dir.path("cut.xlsx")).contains("not an Excel workbook"))
        // Every single-byte change in the middle of the archive is caught (CRC, sizes, structure) or harmless.
        var caught = 0
        for i in stride(from: 40, to: good.count - 22, by: 97) {
            var bad = good
            bad[i] ^= 0x5A
            try Data(bad).write(to: URL(fileURLWithPath: dir.path("flip.xlsx")))
            let r = refusal(dir.path("flip.xlsx"))
            if r != "accepted" {
                caught += 1
                #expect(r.hasPrefix(dir.path("flip.xlsx")) && !r.contains("Error Domain"), "\(r)")
            }
        }
        #expect(caught > 0)

        // Through the command line: exit 2, one sentence, the ledger as it was.
        let cli = CLI()
        try cli.setUp()
        let before = try cli.run(["journal", "--format", "csv"]).out
        let r = try cli.run(["import-return", fixture("xlsx/bad-cell.xlsx")])
        #expect(r.status == 2 && r.err.contains("Return!E3") && r.err.split(separator: "\n").count == 1)
        #expect(try cli.run(["journal", "--format", "csv"]).out == before)
    }
}

@Suite("Excel out: templates and workbooks", .serialized)
struct WorkbookExportTests {
    @Test("a template has the pinned layout, and imported unchanged posts nothing")
    func template() throws {
        let cli = CLI()
        #expect(try cli.run(["demo", "--pack", samplePack, "--ledger", cli.ledger, "--out", cli.dir.path("reports")]).status == 0)
        let made = try cli.run(["template", "--period", "2023-11", "--holder", "Helen Brandt", "--out", "helen.xlsx"])
        // Helen owns 8 proposals; PEO-05 (written off) and PEO-15 (starts next year) have nothing to report this year.
        #expect(made.status == 0 && made.out.contains("6 proposals"), "\(made.out)")
        var reader = try WorkbookReader(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: cli.dir.path("helen.xlsx")))), file: "helen.xlsx")
        #expect(reader.sheets.map(\.name) == ["Return", "Template", "About"])
        let sheet = try #require(try reader.sheet(named: "Return"))
        #expect(sheet.rows[0].cells.sorted { $0.key < $1.key }.map { WorkbookSheet.text($0.value) } == PackFormat.templateLayout)
        #expect(sheet.rows.count == 7 && sheet.formulaCells.isEmpty)
        // Money as numbers; the delivered figure is the one recorded (PEO-06: £120,000 at October).
        let peo06 = try #require(sheet.rows.first { $0.cells[0] == .text("PEO-06") })
        #expect(peo06.cells[3] == .number("500000") && peo06.cells[4] == .number("120000") && peo06.cells[6] == .text("Amber"))
        let about = try #require(try reader.sheet(named: "About"))
        let keys = Dictionary(about.rows.map { (WorkbookSheet.text($0.cells[0]!), WorkbookSheet.text($0.cells[1]!)) }, uniquingKeysWith: { a, _ in a })
        let head = try cli.run(["verify"]).out
        #expect(keys["period"] == "2023-11" && keys["holder"] == "Helen Brandt" && head.contains(keys["chain head"]!.prefix(16)))

        let before = try cli.run(["journal", "--format", "csv"]).out
        let forecasts = { try Ledger(path: cli.ledger, readOnly: true).db.scalar("SELECT count(*) FROM forecasts") }
        let forecastsBefore = try forecasts()
        let balanceBefore = try cli.run(["balance", "--format", "csv", "--as-of", "2023-11"]).out
        let imported = try cli.run(["import-return", "helen.xlsx"])
        #expect(imported.status == 0 && imported.out.contains("0 deliveries and 0 reductions posted"), "\(imported.out)\(imported.err)")
        // A nil return (SPEC §5 v3): every line counts as returned, no forecast is recorded again.
        #expect(imported.out.contains("0 forecasts recorded, 6 lines returned unchanged"), "\(imported.out)")
        #expect(try forecasts() == forecastsBefore)
        #expect(try cli.run(["balance", "--format", "csv", "--as-of", "2023-11"]).out == balanceBefore)
        #expect(try cli.run(["journal", "--format", "csv"]).out == before)
        #expect(try cli.run(["import-return", "helen.xlsx"]).out.hasPrefix("Nothing changed"))

        // Every holder, one workbook each, file names made safe; a directorate in one workbook.
        #expect(try cli.run(["template", "--period", "2023-11", "--all", "--out", "templates"]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.dir.path("templates")).contains("Helen-Brandt-2023-11.xlsx"))
        #expect(try cli.run(["template", "--period", "2023-11", "--directorate", "people", "--out", "people.xlsx"]).out.contains("13 proposals"))
        // One of --holder, --directorate, --all; a holder with no proposals; a period outside the MTFS.
        #expect(try cli.run(["template", "--period", "2023-11", "--out", "x.xlsx"]).status == 1)
        #expect(try cli.run(["template", "--period", "2023-11", "--holder", "Nobody", "--out", "x.xlsx"]).status == 2)
        #expect(try cli.run(["template", "--period", "2031-11", "--holder", "Helen Brandt", "--out", "x.xlsx"]).status == 2)
        #expect(!FileManager.default.fileExists(atPath: cli.dir.path("x.xlsx")))
    }

    @Test(
        "template → filled in LibreOffice → import posts exactly what was typed", .enabled(if: haveLibreOffice && haveOpenpyxl))
    func roundTrip() throws {
        let cli = CLI()
        #expect(try cli.run(["demo", "--pack", samplePack, "--ledger", cli.ledger, "--out", cli.dir.path("reports")]).status == 0)
        #expect(try cli.run(["template", "--period", "2023-11", "--holder", "Helen Brandt", "--out", "t.xlsx"]).status == 0)
        let rows = try runTool(["python3", fixture("fill_template.py"), "t.xlsx", "filled.xlsx"], in: cli.dir.url.path)
            .split(whereSeparator: \.isWhitespace).map(String.init)
        try #require(rows.count == 3)
        // LibreOffice opens and saves it, calculating the formula typed (as a person's save would).
        try runTool(
            ["soffice", "-env:UserInstallation=file://\(cli.dir.path("lo-profile"))", "--headless", "--convert-to", "xlsx", "--outdir", "lo", "filled.xlsx"],
            in: cli.dir.url.path)
        let journal = try cli.run(["journal", "--format", "json"]).out
        let r = try cli.run(["import-return", "lo/filled.xlsx"])
        #expect(r.status == 0, "\(r.err)")
        // One typed +£1,234.56, one a formula adding £1,500 and a forecast as "£123,456.78" text, one
        // only its comment (forecast and RAG emptied: none reported); the rest as they were.
        #expect(r.out.contains("2 deliveries and 0 reductions posted (net £2,734.56)"), "\(r.out)")
        let after = try JSONSerialization.jsonObject(with: Data(try cli.run(["journal", "--format", "json"]).out.utf8)) as! [[String: Any]]
        let before = try JSONSerialization.jsonObject(with: Data(journal.utf8)) as! [[String: Any]]
        let posted = after.dropFirst(before.count)
        #expect(posted.map { $0["ref"] as? String } == [rows[0], rows[1]])
        #expect(posted.map { $0["amount_pence"] as? Int } == [123_456, 150_000])
        #expect(posted.allSatisfy { ($0["source"] as? String)?.contains("filled.xlsx Return!A") == true })
        let show = try cli.run(["proposal", "show", rows[1]]).out
        #expect(show.contains("£123,456.78"), "\(show)")
        // The third row's comment is recorded as typed, as text.
        let ledger = try Ledger(path: cli.ledger, readOnly: true)
        let comment = try ledger.db.query(
            "SELECT comment, forecast IS NULL FROM return_lines WHERE proposal = ? ORDER BY id DESC LIMIT 1", rows[2]) { ($0.text(0), $0.int(1)) }
        #expect(comment.first?.0 == "=SUM(A1) is only text; \"quoted\", commas" && comment.first?.1 == 1)
        #expect(try cli.run(["import-return", "lo/filled.xlsx"]).out.hasPrefix("Nothing changed"))
    }

    @Test("LibreOffice opens every workbook we write, and its figures are the ledger's", .enabled(if: haveLibreOffice))
    func libreOfficeReadsReports() throws {
        let cli = CLI()
        #expect(try cli.run(["demo", "--pack", samplePack, "--ledger", cli.ledger, "--out", cli.dir.path("reports")]).status == 0)
        func money(_ s: String) -> Pence? { s.isEmpty ? nil : try? Pence(parsing: s) }
        func same(_ ours: [[String]], _ theirs: [[String]], _ what: String) {
            #expect(ours.count == theirs.count, "\(what): \(ours.count) rows against \(theirs.count)")
            for (a, b) in zip(ours, theirs) {
                #expect(a.count == b.count, "\(what): \(a) against \(b)")
                for (x, y) in zip(a, b) where x != y {
                    // Numbers as LibreOffice stores them (1250000) against ours (1250000.00); text exactly.
                    #expect(money(x) != nil && money(x) == money(y), "\(what): \(x) against \(y) in \(a)")
                }
            }
        }
        // The balance: row 1 the pinned columns, every figure the pinned CSV's.
        #expect(try cli.run(["balance", "--format", "xlsx", "--out", "balance.xlsx"]).status == 0)
        let balance = try libreOfficeCSV(cli.dir.path("balance.xlsx"), in: cli.dir.url.path)
        same(try csvRecords(try cli.run(["balance", "--format", "csv"]).out), try csvRecords(try #require(balance["Balance"])), "balance")
        // The reconciliation: every finding, its amount a number.
        #expect(try cli.run(["reconcile", "--format", "xlsx", "--out", "findings.xlsx"]).status == 0)
        let findings = try csvRecords(try #require(try libreOfficeCSV(cli.dir.path("findings.xlsx"), in: cli.dir.url.path)["Findings"]))
        let pinned = try csvRecords(try cli.run(["reconcile", "--format", "csv"]).out)
        #expect(findings.count == pinned.count && findings.count > 10)
        for (f, p) in zip(findings.dropFirst(), pinned.dropFirst()) {
            #expect(f[0] == p[0] && f[1] == p[1] && money(f[6]) == money(p[5]) && f[7] == p[6])
        }
        // The summary and a statement: the same rows as their CSVs.
        #expect(try cli.run(["summary", "--format", "xlsx", "--out", "summary.xlsx"]).status == 0)
        let summary = try csvRecords(try #require(try libreOfficeCSV(cli.dir.path("summary.xlsx"), in: cli.dir.url.path)["Summary"]))
        let summaryCSV = try csvRecords(try cli.run(["summary", "--format", "csv"]).out)
        // The workbook is by year, the years' totals below the table after a blank row; the CSV by
        // directorate, without totals.
        func byKey(_ rows: [[String]]) -> [[String]] {
            [rows[0]] + rows.dropFirst().filter { $0[0] != "Total" && $0.contains { !$0.isEmpty } }.sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }
        }
        same(byKey(summary).map { Array($0.dropLast(3)) }, byKey(summaryCSV).map { Array($0.dropLast(3)) }, "summary")
        #expect(summary.filter { $0[0] == "Total" }.count == 3)
        #expect(try cli.run(["statements", "--period", "2023-10", "--format", "xlsx", "--format", "csv", "--out", "st"]).status == 0)
        let helen = try libreOfficeCSV(cli.dir.path("st/Helen-Brandt.xlsx"), in: cli.dir.url.path)
        let sheet = try csvRecords(try #require(helen["Statement"]))
        let csv = try csvRecords(try String(contentsOfFile: cli.dir.path("st/Helen-Brandt.csv"), encoding: .utf8))
        // The same lines and figures (the workbook says whose in words; the CSV yes/no).
        let delivered = try #require(csv[0].firstIndex(of: "Delivered")), target = try #require(csv[0].firstIndex(of: "Target 2023/24"))
        let wDelivered = try #require(sheet[0].firstIndex(of: "Delivered")), wTarget = try #require(sheet[0].firstIndex(of: "Target 2023/24"))
        #expect(sheet.count > csv.count && sheet.last?.first == "Yours" && sheet.last?[1] == "Total")  // and a totals row below
        for (w, c) in zip(sheet.dropFirst(), csv.dropFirst()) {
            #expect(money(w[wDelivered]) == money(c[delivered]) && money(w[wTarget]) == money(c[target]))
        }
        #expect(helen["About"]?.contains("chain head") == true && helen["Trend"] != nil)
    }

    @Test(
        "pandas sums every workbook's table to the CSV of the same report: no total inside a table, every figure a number",
        .enabled(if: pythonHas("pandas") || ProcessInfo.processInfo.environment["CI"] != nil))
    func pandasSumsTables() throws {
        let cli = CLI()
        #expect(try cli.run(["demo", "--pack", samplePack, "--ledger", cli.ledger, "--out", cli.dir.path("reports")]).status == 0)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/sum_workbook.py").path
        // Each report with a workbook and a CSV: its command, and the workbook's table sheet.
        let reports: [([String], String)] = [
            (["balance"], "Balance"), (["balance", "--by", "directorate"], "Balance"), (["summary"], "Summary"),
            (["summary", "--by", "portfolio"], "Summary"), (["reconcile"], "Findings"), (["journal"], "Journal"),
            (["proposal", "list"], "Proposals"), (["org", "show"], "Operating model"),
        ]
        for (i, (command, sheet)) in reports.enumerated() {
            let xlsx = cli.dir.path("r\(i).xlsx"), csv = cli.dir.path("r\(i).csv")
            #expect(try cli.run(command + ["--format", "xlsx", "--out", xlsx]).status == 0, "\(command)")
            #expect(try cli.run(command + ["--format", "csv", "--out", csv]).status == 0, "\(command)")
            let names = try runTool(["python3", "-c", "import openpyxl,sys; print(openpyxl.load_workbook(sys.argv[1]).sheetnames[0])", xlsx], in: cli.dir.url.path)
            #expect(names.trimmingSpaces() == sheet, "\(command)")
            _ = try runTool(["python3", script, xlsx, sheet, csv], in: cli.dir.url.path)
        }
        // A statement's workbook against its CSV.
        #expect(try cli.run(["statements", "--period", "2023-10", "--format", "xlsx", "--format", "csv", "--out", "st"]).status == 0)
        _ = try runTool(["python3", script, cli.dir.path("st/Helen-Brandt.xlsx"), "Statement", cli.dir.path("st/Helen-Brandt.csv")], in: cli.dir.url.path)
    }

    @Test("CSV files carry a byte order mark for Excel unless --no-bom; standard output never does")
    func byteOrderMark() throws {
        let cli = CLI()
        #expect(try cli.run(["demo", "--pack", samplePack, "--ledger", cli.ledger, "--out", cli.dir.path("reports")]).status == 0)
        #expect(try cli.run(["balance", "--format", "csv", "--out", "b.csv"]).status == 0)
        #expect(try cli.run(["balance", "--format", "csv", "--out", "plain.csv", "--no-bom"]).status == 0)
        let b = try Data(contentsOf: URL(fileURLWithPath: cli.dir.path("b.csv")))
        let plain = try Data(contentsOf: URL(fileURLWithPath: cli.dir.path("plain.csv")))
        #expect(Array(b.prefix(3)) == [0xEF, 0xBB, 0xBF] && b.dropFirst(3) == plain)
        #expect(String(decoding: plain, as: UTF8.self) == (try cli.run(["balance", "--format", "csv"]).out))
        #expect(String(decoding: plain, as: UTF8.self).hasPrefix("directorate,ref,year,original_target"))
        #expect(try cli.run(["statement", "--holder", "Helen Brandt", "--period", "2023-10", "--format", "csv", "--out", "h.csv"]).status == 0)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: cli.dir.path("h.csv"))).prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(try cli.run(["export", "--format", "csv", "--out", "books.csv"]).status == 0)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: cli.dir.path("books.csv"))).prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(try cli.run(["export", "--format", "csv"]).out.hasPrefix("entry,"))
        // A workbook is never written to a terminal or a pipe.
        let r = try cli.run(["summary", "--format", "xlsx"])
        #expect(r.status == 1 && r.err.contains("--out") && r.out.isEmpty)
    }
}
