import Foundation
import MTFSDomain
import MTFSStore

extension ParsedReturn {
    /// Reads a monthly return; its period comes from a `YYYY-MM.csv` name unless given.
    public static func read(path: String, displayName: String? = nil, period: Period? = nil) throws(InputError) -> ParsedReturn {
        let name = displayName ?? path
        let bytes = try readBytes(path)
        // A workbook is a ZIP archive whatever its name; a file named .xlsx that is not one is told so.
        if path.lowercased().hasSuffix(".xlsx") || bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return try read(workbook: bytes, name: name, period: period)
        }
        guard let resolved = try csvPeriod((path as NSString).lastPathComponent, given: period, name: name) else {
            throw InputError(file: name, "expected a return named YYYY-MM.csv (the calendar month it reports), such as 2023-09.csv")
        }
        let f = try CSVFile(
            name: name, bytes: bytes, required: PackFormat.returnRequired,
            optional: PackFormat.returnColumns.filter { !PackFormat.returnRequired.contains($0) },
            extraColumn: PackFormat.isTemplateColumn, ignoreUnknown: true)
        return try read(f, period: resolved)
    }

    /// A return workbook (SPEC §9): the sheet `Return` (else the first sheet) with the return's
    /// headings in its first row; the period from the `About` sheet's `period` row, or `period`
    /// (both given and different is refused: one of them is wrong).
    public static func read(workbook bytes: [UInt8], name: String, period: Period?) throws(InputError) -> ParsedReturn {
        var reader = try WorkbookReader(bytes: bytes, file: name)
        let sheet: WorkbookSheet
        if let named = try reader.sheet(named: "Return") { sheet = named } else { sheet = try reader.firstSheet() }
        guard sheet.rows.count <= ParsedReturn.maxRows else {
            throw InputError(file: name, "the sheet \"\(sheet.name)\" has \(sheet.rows.count) rows, more than a return can (\(ParsedReturn.maxRows))")
        }
        var stated: Period?
        var statedAt: SourceLocation?
        if let about = try reader.sheet(named: "About") {
            for (row, cells) in about.rows {
                guard case .text(let key) = cells[0], key.trimmingSpaces().lowercased() == "period", let value = cells[1] else { continue }
                let at = SourceLocation(file: name, sheet: about.name, cell: "B\(row)", column: "period")
                if let statedAt { throw InputError(at, "the About sheet gives the period twice (first in \(statedAt.description)); keep one") }
                statedAt = at
                switch value {
                case .number(let raw):
                    // Excel turned "2023-12" into a date: a serial day number in the 1900 system.
                    guard let serial = Double(raw), serial >= 1, serial < 2_958_466 else { throw InputError(at, "expected a period such as 2023-12, found \(raw)") }
                    let date = Date(timeIntervalSince1970: (serial.rounded(.down) - 25569) * 86400)
                    var calendar = Foundation.Calendar(identifier: .gregorian)
                    calendar.timeZone = TimeZone(identifier: "UTC")!
                    let c = calendar.dateComponents([.year, .month], from: date)
                    stated = try? Period(parsing: String(format: "%04d-%02d", c.year!, c.month!))
                    if stated == nil { throw InputError(at, "expected a period such as 2023-12, found the date serial \(raw)") }
                default:
                    let text = WorkbookSheet.text(value).trimmingSpaces()
                    do { stated = try Period(parsing: text) } catch { throw InputError(at, "expected a period such as 2023-12, found \"\(text)\"") }
                }
            }
        }
        if let stated, let period, stated != period, let statedAt {
            throw InputError(statedAt, "the About sheet says this return is for \(stated) but the period given is \(period); give the period the workbook reports")
        }
        guard let resolved = period ?? stated else {
            throw InputError(file: name, "the workbook does not say which period it reports (no About sheet with a period row); give the period with it, such as 2023-12 (--period on the command line, Month in the portal)")
        }
        // A return is a few columns wide: a value far to the right (column ZZZ) is named, not read
        // as thousands of empty cells on every row.
        for (row, cells) in sheet.rows {
            if let far = cells.keys.filter({ $0 >= ParsedReturn.maxColumns }).min() {
                throw InputError(
                    SourceLocation(file: name, sheet: sheet.name, cell: WorkbookSheet.reference(column: far, row: row)),
                    "a value this far to the right; a return has its columns within the first \(ParsedReturn.maxColumns) (A to \(WorkbookSheet.columnLetters(ParsedReturn.maxColumns - 1)))")
            }
        }
        // As wide as the headings and one more (a value beyond them is named): a row is never built
        // wider than that.
        let headings = (sheet.rows.first?.cells.keys.max() ?? -1) + 1
        let width = min((sheet.rows.flatMap { $0.cells.keys }.max() ?? -1) + 1, headings + 1)
        let records = sheet.rows.map { row in (row.row, (0..<width).map { row.cells[$0].map(WorkbookSheet.text) ?? "" }) }
        let f = try CSVFile(
            name: name, sheet: sheet.name, records: records, required: PackFormat.returnRequired,
            optional: PackFormat.returnColumns.filter { !PackFormat.returnRequired.contains($0) },
            extraColumn: PackFormat.isTemplateColumn, ignoreUnknown: true)
        // A figure the spreadsheet could not work out is named, not read as empty or as its error text.
        for (row, cells) in sheet.rows where row > (sheet.rows.first?.row ?? 0) {
            for (column, value) in cells.sorted(by: { $0.key < $1.key }) where column < f.header.count {
                guard PackFormat.returnColumns.contains(f.header[column]) else { continue }
                let at = SourceLocation(file: name, sheet: sheet.name, cell: WorkbookSheet.reference(column: column, row: row), column: f.header[column])
                if case .error(let e) = value { throw InputError(at, "the cell shows the error \(e); expected a value") }
                let ref = WorkbookSheet.reference(column: column, row: row)
                if reader.recalculateOnLoad && sheet.formulaCells.contains(ref) && value != .uncalculated {
                    throw InputError(
                        at, "the cell holds a formula, and the workbook was saved without calculating it (its saved result may be a placeholder); open and save the workbook in Excel or LibreOffice")
                }
                if ["delivered_to_date", "forecast", "green", "amber", "red"].contains(f.header[column]), case .number = value, sheet.dateCells.contains(ref) {
                    throw InputError(at, "the cell holds a date (a spreadsheet can turn what was typed into one); expected an amount of money")
                }
                if value == .uncalculated {
                    throw InputError(
                        at, "the cell holds a formula with no saved result (the program that saved it does not calculate); open and save the workbook in Excel or LibreOffice")
                }
            }
        }
        var parsed = try read(f, period: resolved)
        // A template from `mtfs template` keeps the figures it was filled with on a hidden sheet,
        // so an import can tell a cell left as it was from one typed (PackLoader checks it).
        if let made = try reader.sheet(named: "Template"), let header = made.rows.first {
            let columns = Dictionary(header.cells.map { (WorkbookSheet.text($0.value), $0.key) }, uniquingKeysWith: { a, _ in a })
            for (_, cells) in made.rows.dropFirst() {
                func cell(_ key: String) -> String { columns[key].flatMap { cells[$0] }.map(WorkbookSheet.text) ?? "" }
                guard let year = try? FinancialYear(parsing: cell("year")), let delivered = try? Pence(parsing: cell("delivered_to_date")) else { continue }
                parsed.originals[ProposalYear(ProposalRef(cell("ref")), year)] = ParsedReturn.Original(
                    delivered: delivered, forecast: cell("forecast").isEmpty ? nil : try? Pence(parsing: cell("forecast")))
            }
        }
        return parsed
    }

    /// The most rows a return may have, and the columns its values may be in.
    public static let maxRows = 200_000
    public static let maxColumns = 256

    /// One line of a return from its cells, whatever holds them (a CSV line, a sheet's row, a web
    /// form's fields, an API call's JSON): the same rules for each, and each refusal names its cell or field.
    public static func line(_ r: some ReturnCells) throws(InputError) -> Row {
        func parse<T>(_ column: String, _ parser: (String) throws -> T) throws(InputError) -> T {
            do { return try parser(r[column]) } catch let e as KindedError {
                throw InputError(r.at(column), e.explanation)
            } catch {
                throw InputError(r.at(column), "\(error)")
            }
        }
        let ref = ProposalRef(r["ref"])
        if ref.isEmpty { throw InputError(r.at("ref"), "expected a proposal ref, found an empty cell") }
        let year = try parse("year") { try FinancialYear(parsing: $0) }
        // A blank cell is "not reported" (SPEC §5 v3): nothing is posted for it.
        func money(_ column: String, _ what: String) throws(InputError) -> Pence? {
            if r[column].isEmpty { return nil }
            let amount = try parse(column) { try Pence(parsing: $0) }
            if amount.isNegative { throw InputError(r.at(column), "expected \(what) of £0.00 or more, found \(amount)") }
            return amount
        }
        let delivered = try money("delivered_to_date", "delivered to date")
        let forecast = try money("forecast", "a forecast")
        let rag = r["rag"].isEmpty ? nil : try parse("rag") { try RAG(parsing: $0) }
        let green = try money("green", "money on track (green)")
        let amber = try money("amber", "money at risk (amber)")
        let red = try money("red", "money that will not be delivered (red)")
        // Money by status: a part left blank beside another given is none; the forecast and RAG follow from it.
        let status = green == nil && amber == nil && red == nil ? nil : StatusMoney(green: green ?? .zero, amber: amber ?? .zero, red: red ?? .zero)
        // A forecast without a RAG, or a RAG without a forecast, keeps the other as it stands (a blank
        // cell is not reported); the import refuses it where nothing stands.
        var impact: ObservedImpact?
        let foreseen = r["impact_foreseen"]
        if !r["impact"].isEmpty {
            if PlainText.problem(r.raw("impact"), limit: PlainText.noteLimit) != nil || r.raw("impact").containsDirectionOverrides {
                throw InputError(r.at("impact"), "expected the impact in plain words, up to 2,000 characters, without characters that reverse the direction of text")
            }
            // Left blank beside an impact, it was not foreseen (SPEC §5 v3).
            impact = ObservedImpact(text: r["impact"], foreseen: foreseen.isEmpty ? false : try parse("impact_foreseen") { try ParsedReturn.yesNo($0) })
        } else if !foreseen.isEmpty {
            throw InputError(r.at("impact_foreseen"), "impact_foreseen is given but no impact; say what the impact is in the impact column, or leave both blank")
        }
        let comment = r.raw("comment")
        if let problem = PlainText.problem(comment, limit: PlainText.cellLimit) { throw InputError(r.at("comment"), "the comment \(problem)") }
        var row = Row(ref: ref, year: year, deliveredToDate: delivered, forecast: forecast, rag: rag, status: status, comment: comment, at: r.at(nil))
        row.impact = impact
        return row
    }

    /// `yes` or `no` (also y/n, true/false), as an impact_foreseen cell says it.
    static func yesNo(_ text: String) throws(DomainError) -> Bool {
        switch text.trimmingSpaces().lowercased() {
        case "yes", "y", "true": return true
        case "no", "n", "false": return false
        default: throw DomainError.invalid("expected yes or no, found \"\(text)\"")
        }
    }

    /// The month a CSV return's name says it reports (`2023-12.csv`), or nil for any other name.
    private static func namedPeriod(_ base: String) -> Period? {
        guard base.lowercased().hasSuffix(".csv"), base.count == 11 else { return nil }
        return try? Period(parsing: String(base.dropLast(4)))
    }

    /// The month a CSV return reports: the period given, else the one its name (`base`) says; nil
    /// when neither says. A period given is refused when the name says another month (as a
    /// workbook's About sheet is): `2023-12.csv` given as November is a mistake either way.
    static func csvPeriod(_ base: String, given period: Period?, name: String) throws(InputError) -> Period? {
        let named = namedPeriod(base)
        if let period, let named, named != period {
            throw InputError(
                file: name,
                "the file's name says this return is for \(named) but the period given is \(period); give the period the file reports, or rename the file")
        }
        return period ?? named
    }

    /// A return held in memory (an upload): a workbook when its bytes are one, else CSV.

    public static func read(bytes: [UInt8], name: String, period: Period?) throws(InputError) -> ParsedReturn {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || name.lowercased().hasSuffix(".xlsx") {
            return try read(workbook: bytes, name: name, period: period)
        }
        guard let resolved = try csvPeriod((name as NSString).lastPathComponent, given: period, name: name) else {
            throw InputError(file: name, "say which month the return reports (a period such as 2023-12)")
        }
        let f = try CSVFile(
            name: name, bytes: bytes, required: PackFormat.returnRequired,
            optional: PackFormat.returnColumns.filter { !PackFormat.returnRequired.contains($0) },
            extraColumn: PackFormat.isTemplateColumn, ignoreUnknown: true)
        return try read(f, period: resolved)
    }

    /// The rows of a return, read and checked whatever they came from.
    static func read(_ f: CSVFile, period: Period) throws(InputError) -> ParsedReturn {
        var seen: [ProposalYear: Int] = [:]
        var rows: [Row] = []
        rows.reserveCapacity(f.rows.count)  // one row a line: no second buffer while the array grows
        for r in f.rows {
            let row = try line(r)
            // `Place 13` and `place 13` are one ref (SPEC §5 v3).
            let key = ProposalYear(ProposalRef(Proposal.canonical(row.ref.rawValue)), row.year)
            if let first = seen[key] {
                throw InputError(r.at("ref"), "\(row.ref) \(row.year) is reported twice (first on \(r.sheet == nil ? "line" : "row") \(first))")
            }
            seen[key] = r.line
            rows.append(row)
        }
        var parsed = ParsedReturn(file: f.name, period: period, rows: rows)
        parsed.warnings = f.warnings
        return parsed
    }
}

/// The cells of one line of a return, by column: a CSV line, a sheet's row, a web form's fields.
public protocol ReturnCells {
    /// The cell, trimmed ("" when absent).
    subscript(column: String) -> String { get }
    /// The cell as typed.
    func raw(_ column: String) -> String
    /// Where the cell is (nil: the line as a whole).
    func at(_ column: String?) -> SourceLocation
}
