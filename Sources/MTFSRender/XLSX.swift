import CXLSXWriter
import Foundation
import MTFSDomain
import MTFSEngine

/// A workbook as data: sheets of tables and an `About` sheet of keys and values. The report writers
/// below make one from a report value; ``XLSXFile`` writes it with libxlsxwriter (SPEC §9).
public struct WorkbookDocument: Sendable {
    /// One sheet: a table whose headings are row 1.
    public struct Sheet: Sendable {
        public var name: String
        public var table: Table
        /// Row 1 holds the columns' keys (a pinned layout: the balance, a return template) rather
        /// than their headings for people.
        public var keyHeadings = false
        /// The columns a person may type in; when any are named, everything else on the sheet is
        /// locked (protected, without a password: it guards against slips, not against people).
        public var inputColumns: Set<String> = []
        /// Drop-down lists by column key.
        public var lists: [String: [String]] = [:]
        /// Hidden (and locked): what the product keeps for itself, such as a template's figures.
        public var hidden = false
        /// Printed across more than one page wide, these leading columns (a saving's ref and name)
        /// repeat on every page, so each page's figures say whose they are.
        public var repeatedColumns = 0

        public init(name: String, table: Table, keyHeadings: Bool = false) {
            self.name = name
            self.table = table
            self.keyHeadings = keyHeadings
        }
    }

    public var sheets: [Sheet]
    /// The `About` sheet's rows (column A keys, column B values), written last; none, no sheet.
    public var about: [(key: String, value: String)]
    /// The title every printed page's header carries, with the page number (SPEC §7 v3); nil:
    /// the sheet's name.
    public var printTitle: String? = nil
    /// Printed portrait (a report read page by page, such as the members' report); otherwise
    /// landscape. Either way text wraps rather than shrinks, and a sheet too wide for one page at a
    /// readable size prints across more.
    public var portrait = false

    public init(sheets: [Sheet], about: [(key: String, value: String)] = []) {
        self.sheets = sheets
        self.about = about
    }
}

/// Reports as workbooks: every figure a real number with a £ format, row 1 the headings, frozen,
/// with filters; each report's title, period and chain head on its `About` sheet.
public enum XLSXReports {
    public static func statement(_ s: HolderStatement) -> WorkbookDocument {
        let lines = s.owned + s.others
        var t = StatementRenderer.linesTable(s, lines, totals: false)
        t.columns.insert(.init("whose", "Whose"), at: 0)
        t.columns.append(.init("comment", "Latest comment"))
        for i in t.rows.indices {
            t.rows[i].insert(.text(lines[i].owned ? "Yours" : "\(lines[i].owner)'s (share on your cost centres)"), at: 0)
            t.rows[i].append(.text(lines[i].comment))
        }
        var totals = StatementRenderer.linesTable(s, s.owned, totals: true).totals
        totals?.insert(.text("Yours"), at: 0)
        totals?.append(.empty)
        t.totals = totals
        var statement = WorkbookDocument.Sheet(name: "Statement", table: t)
        // Whose, ref and name repeat on each page the figures run on to.
        statement.repeatedColumns = 3
        var sheets = [statement]
        if let trend = StatementRenderer.trendTable(s) { sheets.append(.init(name: "Trend", table: trend)) }
        sheets.append(.init(name: "Cost centres", table: StatementRenderer.centresTable(s)))
        sheets.append(.init(name: "Findings", table: findingsTable(s.findings)))
        sheets.append(.init(name: "Entries", table: StatementRenderer.entriesTable(s)))
        var about: [(String, String)] = [
            ("report", "Savings statement"), ("holder", s.holder), ("period", s.period.description), ("as at", s.asAt.description),
            ("directorates", s.directorates.joined(separator: ", ")), ("chain head", s.head.description),
            ("sign-off", StatementRenderer.signOffText(s)),
        ]
        if let notice = StatementRenderer.notice(s) { about.append(("note", notice)) }
        var doc = WorkbookDocument(sheets: sheets, about: about)
        doc.printTitle = "Savings statement — \(s.holder) — \(s.period.description), as at \(s.asAt.description)"
        return doc
    }

    public static func summary(_ s: Summary) -> WorkbookDocument {
        var about: [(String, String)] = [("report", SummaryRenderer.title(s)), ("as at", s.asOf.description), ("chain head", s.head.description)]
        if let line = SummaryRenderer.returnsLine(s) { about.append(("returns", line)) }
        about.append(("findings", "\(s.findingCount) in all; the most serious are on the Findings sheet"))
        var doc = WorkbookDocument(
            sheets: [.init(name: "Summary", table: SummaryRenderer.table(s)), .init(name: "Findings", table: findingsTable(s.topFindings))],
            about: about)
        doc.printTitle = "\(SummaryRenderer.title(s)) — as at \(s.asOf.description)"
        return doc
    }

    public static func reconciliation(_ r: ReconciliationReport) -> WorkbookDocument {
        var about: [(String, String)] = [("report", "Reconciliation"), ("as at", r.asOf.description), ("chain head", r.head.description)]
        if let filter = r.filter { about.append(("filter", filter.description)) }
        var doc = WorkbookDocument(sheets: [.init(name: "Findings", table: findingsTable(r.findings))], about: about)
        doc.printTitle = "Reconciliation — as at \(r.asOf.description)"
        return doc
    }

    /// A tabular report on one sheet; `keyHeadings` for a pinned layout (the balance's columns).
    public static func table(_ t: Table, sheet: String, keyHeadings: Bool = false, about: [(key: String, value: String)] = [])
        -> WorkbookDocument
    {
        var about = about
        if let title = t.title { about.insert(("report", title), at: 0) }
        var doc = WorkbookDocument(sheets: [.init(name: sheet, table: t, keyHeadings: keyHeadings)], about: about)
        doc.printTitle = t.title
        return doc
    }

    /// A return template (SPEC §9): the sheet `Return`, one row per proposal-year to report, with
    /// the pinned headings in row 1, pre-filled with the last figures recorded; only the input
    /// columns unlocked, RAG a drop-down, money in £. `About` says the period, who it is for and
    /// the chain head it was made from. `years` gives each line's year (a line is one proposal-year).
    /// `byStatus`: the year's money by status (green, amber, red) is typed beside delivered, and
    /// the forecast and RAG are left for the import to work out from it (SPEC §5 v3).
    /// `withOwner`: an `owner` column after the title, for a template that covers several holders
    /// (a directorate's); it is read past on import, as the title and target are.
    public static func template(
        lines: [(HolderStatement.Line, FinancialYear)], period: Period, holder: String, head: ChainHead, byStatus: Bool = false,
        withOwner: Bool = false
    ) -> WorkbookDocument {
        var layout = byStatus ? PackFormat.statusTemplateLayout : PackFormat.templateLayout
        if withOwner { layout.insert("owner", at: layout.firstIndex(of: "title")! + 1) }
        var t = Table(
            columns: layout.map { Table.Column($0) },
            rows: lines.map { line, year in
                let forecast: [Table.Cell] = [line.forecast.map(Table.Cell.money) ?? .empty, line.rag.map { .text($0.name) } ?? .empty]
                let status: [Table.Cell] = [line.status?.green, line.status?.amber, line.status?.red].map { $0.map(Table.Cell.money) ?? .empty }
                // A line not reported stays blank: a 0 typed for it would report nothing delivered.
                return [
                    .text(line.ref.rawValue), .text(year.description), .text(line.title), .money(line.currentTarget),
                    line.neverReported ? .empty : .money(line.delivered),
                ]
                    + (byStatus ? status + [.empty, .empty] : forecast) + [.text(line.comment), .empty, .empty]
            })
        if withOwner {
            for (i, (line, _)) in lines.enumerated() { t.rows[i].insert(.text(line.owner), at: 3) }
        }
        var sheet = WorkbookDocument.Sheet(name: "Return", table: t, keyHeadings: true)
        // A service impact seen this month, and whether it was foreseen (SPEC §5 v3): blank each month.
        sheet.inputColumns = Set(
            (byStatus ? ["delivered_to_date", "green", "amber", "red", "comment"] : ["delivered_to_date", "forecast", "rag", "comment"])
                + ["impact", "impact_foreseen"])
        sheet.lists = byStatus ? ["impact_foreseen": ["yes", "no"]] : ["rag": RAG.allCases.map(\.name), "impact_foreseen": ["yes", "no"]]
        // The figures as filled in, so an import can tell a cell left alone from one typed.
        var made = WorkbookDocument.Sheet(
            name: "Template",
            table: Table(
                columns: ["ref", "year", "delivered_to_date", "forecast"].map { Table.Column($0) },
                rows: lines.map { line, year in
                    [
                        .text(line.ref.rawValue), .text(year.description), line.neverReported ? .empty : .money(line.delivered),
                        byStatus ? .empty : line.forecast.map(Table.Cell.money) ?? .empty,
                    ]
                }), keyHeadings: true)
        made.hidden = true
        return WorkbookDocument(
            sheets: [sheet, made],
            about: [
                ("period", period.monthText), ("holder", holder), ("chain head", head.description),
                (
                    "how to fill it in",
                    byStatus
                        ? "Type each proposal's delivered to date for the year (cumulative), and the rest of the year's saving by status: green (on track), amber (at risk) and red (will not be delivered), with a comment, in the yellow cells; the forecast (delivered + green + amber) and the RAG follow from them. Leave a cell blank if you have no figure. Then give the file to finance, who import it with mtfs import-return."
                        : "Type each proposal's delivered to date for the year (cumulative), its forecast for the year, a RAG rating and a comment in the yellow cells (leave a cell blank if you have no figure); then give the file to finance, who import it with mtfs import-return."
                ),
            ])
    }

    /// Findings with their parameters as columns and their sentence last.
    static func findingsTable(_ findings: [Finding]) -> Table {
        Table(
            columns: [
                .init("code", "Code"), .init("severity", "Severity"), .init("rule", "Rule"), .init("refs", "Proposals"),
                .init("cost_centre", "Cost centre"), .init("year", "Year"), .init("amount", "Amount"), .init("message", "Finding"),
            ],
            rows: findings.map { f in
                [
                    .text(f.code.rawValue), .text(f.severity.rawValue), .text(f.code.name), .text(f.refs.joined(separator: ", ")),
                    .text(f.costCentre?.rawValue ?? ""), .text(f.year?.description ?? ""), .money(f.amount), .text(f.message),
                ]
            })
    }
}

/// The workbook could not be made.
public struct WorkbookWriteError: KindedError, Sendable {
    public var kind: ErrorKind = .unusable
    public var explanation: String
}

/// Writes a ``WorkbookDocument`` as `.xlsx` bytes with libxlsxwriter. Text is always written as a
/// string cell, so a value such as `=HYPERLINK(…)` or `+1` is shown as typed and never evaluated.
public enum XLSXFile {
    /// The longest text a cell holds (Excel's limit is 32,767 characters).
    static let maxCellCharacters = 32_000

    public static func bytes(_ doc: WorkbookDocument) throws(WorkbookWriteError) -> Data {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mtfs-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard let workbook = workbook_new(path) else {
            throw WorkbookWriteError(explanation: "a workbook could not be started in the temporary folder \(NSTemporaryDirectory()); check it is writable")
        }
        // A fixed creation time: the same report gives the same workbook.
        var properties = lxw_doc_properties()
        properties.created = 0
        _ = "mtfs".withCString { author in
            properties.author = UnsafeMutablePointer(mutating: author)
            return workbook_set_properties(workbook, &properties)
        }
        let styles = Styles(workbook)
        for sheet in doc.sheets { write(sheet, into: workbook, styles, printTitle: doc.printTitle, portrait: doc.portrait) }
        if !doc.about.isEmpty {
            let about = WorkbookDocument.Sheet(
                name: "About",
                table: Table(columns: [.init("key"), .init("value")], rows: doc.about.map { [.text($0.key), .text($0.value)] }))
            write(about, into: workbook, styles, headings: false, printTitle: doc.printTitle, portrait: doc.portrait)
        }
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR, let data = FileManager.default.contents(atPath: path) else {
            throw WorkbookWriteError(
                explanation: "the workbook could not be written to the temporary folder \(NSTemporaryDirectory()) (is the disk full?); nothing was written")
        }
        return data
    }

    /// The cell formats, made once per workbook.
    struct Styles {
        let heading, text, wrapped, money, integer, percent, date, boldText, boldMoney, boldInteger, boldPercent, input, inputMoney: UnsafeMutablePointer<lxw_format>

        init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
            func make(bold: Bool = false, number: String? = nil, unlocked: Bool = false, fill: UInt32? = nil) -> UnsafeMutablePointer<lxw_format> {
                let f = workbook_add_format(workbook)!
                // Figures level with the first line of a wrapped name beside them.
                format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
                if bold { format_set_bold(f) }
                if let number { format_set_num_format(f, number) }
                if unlocked { format_set_unlocked(f) }
                if let fill {
                    format_set_bg_color(f, fill)
                    format_set_pattern(f, UInt8(LXW_PATTERN_SOLID.rawValue))
                }
                return f
            }
            let pounds = "\"£\"#,##0.00;-\"£\"#,##0.00"
            heading = make(bold: true, fill: 0xE7E6E6)
            text = make()
            wrapped = make()
            format_set_text_wrap(wrapped)
            format_set_align(wrapped, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            money = make(number: pounds)
            integer = make(number: "0")
            percent = make(number: "0.0%")
            // ISO order, as the CSV writes it; the cell is a real date a spreadsheet sorts and filters.
            date = make(number: "yyyy-mm-dd")
            boldText = make(bold: true)
            boldMoney = make(bold: true, number: pounds)
            boldInteger = make(bold: true, number: "0")
            boldPercent = make(bold: true, number: "0.0%")
            input = make(unlocked: true, fill: 0xFFF2CC)
            inputMoney = make(number: pounds, unlocked: true, fill: 0xFFF2CC)
        }
    }

    private static func write(
        _ sheet: WorkbookDocument.Sheet, into workbook: UnsafeMutablePointer<lxw_workbook>, _ styles: Styles, headings: Bool = true,
        printTitle: String? = nil, portrait: Bool = false
    ) {
        let ws = workbook_add_worksheet(workbook, String(sheet.name.prefix(31)))!
        let t = sheet.table
        let first = headings ? 1 : 0
        var widths = t.columns.map { max(6, (sheet.keyHeadings ? $0.key : $0.heading).count + 2) }
        if headings {
            for (c, column) in t.columns.enumerated() {
                worksheet_write_string(ws, 0, lxw_col_t(c), sheet.keyHeadings ? column.key : column.heading, styles.heading)
            }
        }
        // The filtered table holds the data rows only; subtotals and totals follow a blank row below
        // it, so a filter, a SUM of the column, a pivot or pandas never counts a total as data.
        let data = t.dataRows, totals = t.totalRows
        let body: [[Table.Cell]?] = data.map { $0 } + (totals.isEmpty ? [] : [nil] + totals.map { $0 })
        for (r, row) in body.enumerated() {
            guard let row else { continue }
            let bold = r > data.count
            for (c, cell) in row.enumerated() where c < t.columns.count {
                let input = sheet.inputColumns.contains(t.columns[c].key)
                let at = (lxw_row_t(r + first), lxw_col_t(c))
                let shown: Int
                switch cell {
                case .text(let s):
                    let text = s.count > maxCellCharacters ? String(s.prefix(maxCellCharacters)) + "…" : s
                    if !text.isEmpty {
                        let plain = sheet.keyHeadings ? styles.text : styles.wrapped
                        worksheet_write_string(ws, at.0, at.1, text, input ? styles.input : bold ? styles.boldText : plain)
                    }
                    else if input { worksheet_write_blank(ws, at.0, at.1, styles.input) }
                    shown = text.count
                case .money(let p):
                    worksheet_write_number(ws, at.0, at.1, Double(p.rawValue) / 100, input ? styles.inputMoney : bold ? styles.boldMoney : styles.money)
                    shown = p.formatted().count
                case .integer(let n):
                    worksheet_write_number(ws, at.0, at.1, Double(n), bold ? styles.boldInteger : styles.integer)
                    shown = String(n).count
                case .percent(let d):
                    if let d { worksheet_write_number(ws, at.0, at.1, d, bold ? styles.boldPercent : styles.percent) }
                    shown = 7
                case .date(let d):
                    var when = lxw_datetime(year: Int32(d.year), month: Int32(d.month), day: Int32(d.day), hour: 0, min: 0, sec: 0)
                    worksheet_write_datetime(ws, at.0, at.1, &when, styles.date)
                    shown = 10
                case .empty:
                    if input { worksheet_write_blank(ws, at.0, at.1, styles.input) }
                    shown = 0
                }
                // Printed, text wraps in columns of at most 30 (portrait) or 40 characters rather
                // than shrinking; a pinned layout (a template, the balance) keeps its lines whole.
                let widest = sheet.keyHeadings || !cell.isText ? 60 : portrait ? 32 : 42
                widths[c] = max(widths[c], min(widest, shown + 2))
            }
        }
        // A page with room to spare gives it to the wrapped columns (a finding's sentence), so they
        // take fewer lines.
        let perPage = portrait ? 130 : 185
        if !sheet.keyHeadings, widths.reduce(0, +) < perPage {
            let longest = t.columns.indices.map { c in body.compactMap { $0 }.map { c < $0.count && $0[c].isText ? Table.human($0[c]).count + 2 : 0 }.max() ?? 0 }
            let wrapped = t.columns.indices.filter { longest[$0] > widths[$0] }
            if !wrapped.isEmpty {
                let share = (perPage - widths.reduce(0, +)) / wrapped.count
                for c in wrapped { widths[c] = min(longest[c], widths[c] + share) }
            }
        }
        for (c, w) in widths.enumerated() { worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), Double(w), nil) }
        // Wrapped text needs its rows tall enough for its lines: no spreadsheet sizes them on
        // opening a file that did not.
        if !sheet.keyHeadings {
            for (r, row) in body.enumerated() {
                guard let row else { continue }
                var lines = 1
                for (c, cell) in row.enumerated() where c < widths.count {
                    if case .text(let s) = cell { lines = max(lines, (min(s.count, maxCellCharacters) + widths[c] - 3) / max(1, widths[c] - 2)) }
                }
                if lines > 1 { worksheet_set_row(ws, lxw_row_t(r + first), 15 * Double(min(lines, 20)), nil) }
            }
        }
        // Printed on A4 with the report's title and the page number on every page. Portrait A4
        // holds about 130 characters of columns at a readable size, landscape about 185: a wider
        // sheet prints across more pages rather than in smaller type.
        if portrait { worksheet_set_portrait(ws) } else { worksheet_set_landscape(ws) }
        // `&` starts a header code: a title's own ampersands are doubled (and the header is kept
        // within Excel's 255 characters).
        let title = String((printTitle ?? sheet.name).replacingAll("&", with: "&&").prefix(200))
        _ = worksheet_set_header(ws, "&L" + title + "&RPage &P of &N")
        worksheet_set_paper(ws, 9)
        let pagesWide = max(1, (widths.reduce(0, +) + perPage - 1) / perPage)
        worksheet_fit_to_pages(ws, UInt16(pagesWide), 0)
        guard headings else { return }
        worksheet_repeat_rows(ws, 0, 0)
        // A sheet printed across pages repeats the columns that say whose each row is: those the
        // report names, else its leading text columns (a directorate and year; an entry's number),
        // at most a third of a page.
        var repeated = sheet.repeatedColumns
        if repeated == 0 && pagesWide > 1 {
            var width = 0
            for (c, column) in t.columns.enumerated() {
                let identifying = data.contains { row in
                    guard c < row.count else { return false }
                    if case .integer = row[c] { return true }
                    return row[c].isText
                }
                guard identifying, width + widths[c] <= perPage / 3, c < 3 else { break }
                width += widths[c]
                repeated = c + 1
                if column.key == "year" || column.key == "entry" || column.key == "id" { break }
            }
        }
        if repeated > 0 { worksheet_repeat_columns(ws, 0, lxw_col_t(repeated - 1)) }
        worksheet_freeze_panes(ws, 1, 0)
        if !t.columns.isEmpty { worksheet_autofilter(ws, 0, 0, lxw_row_t(max(data.count, 1)), lxw_col_t(t.columns.count - 1)) }
        for (key, values) in sheet.lists.sorted(by: { $0.key < $1.key }) {
            guard let c = t.columns.firstIndex(where: { $0.key == key }), !data.isEmpty else { continue }
            var strings = values.map { strdup($0) }
            strings.append(nil)
            defer { strings.forEach { free($0) } }
            strings.withUnsafeMutableBufferPointer { list in
                var v = lxw_data_validation()
                v.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
                v.value_list = list.baseAddress
                v.ignore_blank = UInt8(LXW_VALIDATION_ON.rawValue)
                v.show_error = UInt8(LXW_VALIDATION_ON.rawValue)
                v.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
                _ = worksheet_data_validation_range(ws, 1, lxw_col_t(c), lxw_row_t(data.count), lxw_col_t(c), &v)
            }
        }
        if sheet.hidden {
            worksheet_hide(ws)
            worksheet_protect(ws, nil, nil)
        }
        if !sheet.inputColumns.isEmpty {
            var options = lxw_protection()
            options.autofilter = 1
            options.sort = 1
            options.format_columns = 1
            worksheet_protect(ws, nil, &options)
        }
    }
}
