import Foundation
import MTFSDomain

/// A report as plain data: named columns and rows of typed cells. Each renderer only formats it.
public struct Table: Sendable {
    /// A column: its key (CSV header, JSON key) and its heading for people.
    public struct Column: Sendable {
        public var key: String
        public var heading: String
        /// The widest the column may be in text output; longer cells end in "…".
        public var maxTextWidth: Int?
        /// A negative amount here is a direction, not a shortfall (a net slip out of a year): a
        /// page shows it in the text colour, not red.
        public var neutralSign = false
        public init(_ key: String, _ heading: String? = nil, maxTextWidth: Int? = nil, neutralSign: Bool = false) {
            self.key = key
            self.heading = heading ?? key
            self.maxTextWidth = maxTextWidth
            self.neutralSign = neutralSign
        }
    }

    /// A value in a cell.
    public enum Cell: Sendable, Hashable {
        case text(String)
        case money(Pence)
        case integer(Int64)
        case percent(Double?)
        /// A calendar date: ISO text in CSV, JSON and on screen, a real date in a workbook.
        case date(CivilDate)
        case empty

        /// A code or name the ledger keys by (a ref, a cost centre, a holder), as its text.
        public static func text<ID: TextIdentity>(_ id: ID) -> Cell { .text(id.rawValue) }

        /// Whether the cell is text.
        var isText: Bool { if case .text = self { true } else { false } }

        /// The amount, when the cell is money.
        var money: Pence? { if case .money(let p) = self { p } else { nil } }

        var isNumeric: Bool {
            switch self {
            case .money, .integer, .percent: true
            default: false
            }
        }
    }

    public var title: String?
    public var columns: [Column]
    public var rows: [[Cell]]
    /// A final totals row, shown separated in text, Markdown and pages, under its own key in JSON,
    /// below the filtered table in a workbook, and never in CSV (a total read back as data counts
    /// everything twice).
    public var totals: [Cell]?
    /// Rows inside the table that are subtotals (a year's total in the summary): set in bold on a
    /// page; like the totals, kept out of CSV, apart in JSON, and below a workbook's filtered table.
    public var subtotals: Set<Int> = []

    public init(title: String? = nil, columns: [Column], rows: [[Cell]] = [], totals: [Cell]? = nil) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.totals = totals
    }
}

/// The output formats of tabular reports.
public enum TableFormat: String, Sendable, CaseIterable {
    case text, csv, json, markdown
}

extension Table {
    /// The table in `format`.
    public func render(_ format: TableFormat) -> String {
        switch format {
        case .text: renderText()
        case .csv: renderCSV()
        case .json: renderJSON()
        case .markdown: renderMarkdown()
        }
    }

    /// Aligned columns for a terminal: text left, numbers right, money as `£1,250,000.00`.
    public func renderText() -> String {
        let all = rows + (totals.map { [$0] } ?? [])
        let shown = all.map { row in
            row.enumerated().map { i, cell -> String in
                let text = Table.human(cell)
                guard i < columns.count, let limit = columns[i].maxTextWidth, text.count > limit else { return text }
                return String(text.prefix(max(1, limit - 1))) + "…"
            }
        }
        var widths = columns.map { $0.heading.count }
        for row in shown {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ cells: [String], numeric: [Bool]) -> String {
            var parts: [String] = []
            for (i, cell) in cells.enumerated() {
                let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
                parts.append(numeric[i] ? pad + cell : cell + pad)
            }
            var text = parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        let numericColumns = columns.indices.map { i in all.contains { i < $0.count && $0[i].isNumeric } }
        var out = ""
        if let title { out += Escape.terminal(title) + "\n\n" }
        out += line(columns.map(\.heading), numeric: numericColumns) + "\n"
        out += line(widths.map { String(repeating: "─", count: $0) }, numeric: numericColumns) + "\n"
        for row in shown.prefix(rows.count) { out += line(row, numeric: numericColumns) + "\n" }
        if let t = shown.last, totals != nil {
            out += line(widths.map { String(repeating: "─", count: $0) }, numeric: numericColumns) + "\n"
            out += line(t, numeric: numericColumns) + "\n"
        }
        if rows.isEmpty { out += "(none)\n" }
        return out
    }

    /// The table without the columns `keys` names.
    public func dropping(_ keys: Set<String>) -> Table {
        keeping { !keys.contains($0) }
    }

    /// The table with only the columns whose keys `include` accepts, in their order.
    public func keeping(_ include: (String) -> Bool) -> Table {
        let keep = columns.indices.filter { include(columns[$0].key) }
        var t = self
        t.columns = keep.map { columns[$0] }
        t.rows = rows.map { row in keep.map { $0 < row.count ? row[$0] : .empty } }
        t.totals = totals.map { row in keep.map { $0 < row.count ? row[$0] : .empty } }
        return t
    }

    /// The rows that are data, not subtotals.
    var dataRows: [[Cell]] { subtotals.isEmpty ? rows : rows.enumerated().filter { !subtotals.contains($0.offset) }.map(\.element) }

    /// The subtotal rows, in order.
    var subtotalRows: [[Cell]] { subtotals.sorted().compactMap { rows.indices.contains($0) ? rows[$0] : nil } }

    /// The subtotal rows then the totals row: what a data format keeps apart from the data.
    var totalRows: [[Cell]] { subtotalRows + (totals.map { [$0] } ?? []) }

    /// RFC 4180 CSV with a header of column keys; money as pounds with two decimals, no symbol.
    /// Data rows only: no subtotal or total row, which a reader summing a column would count twice.
    /// `headings`: the header row in words for people (a CSV opened in Excel) rather than the keys.
    public func renderCSV(headings: Bool = false) -> String {
        var out = columns.map { Escape.csv(headings ? $0.heading : $0.key) }.joined(separator: ",") + "\r\n"
        for row in dataRows {
            out +=
                row.map { cell -> String in
                    switch cell {
                    case .text(let s): Escape.csv(s)
                    case .money(let p): Escape.csv(p.plain, isNumber: true)
                    case .integer(let i): String(i)
                    case .percent(let d): d.map { Table.fixed($0 * 100, places: 1) } ?? ""
                    case .date(let d): d.description
                    case .empty: ""
                    }
                }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// The table as JSON, from its Codable form (``TableJSON``): `rows` (and `subtotals`, `totals`,
    /// `title` when it has them), each row an object keyed by column key; money as integer pence
    /// under `<key>_pence`.
    public func renderJSON() -> String {
        // A table's cells are text, whole numbers and decimals written to four places: nothing
        // JSONEncoder refuses, so the fallback is never taken.
        (try? JSONOutput.encode(TableJSON(self))) ?? "{}\n"
    }

    /// A GitHub-flavoured Markdown table.
    public func renderMarkdown() -> String {
        var out = title.map { "## " + Escape.markdown($0) + "\n\n" } ?? ""
        out += "| " + columns.map { Escape.markdown($0.heading) }.joined(separator: " | ") + " |\n"
        let numeric = columns.indices.map { i in rows.contains { i < $0.count && $0[i].isNumeric } }
        out += "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
        for row in rows { out += "| " + row.map { Escape.markdown(Table.human($0)) }.joined(separator: " | ") + " |\n" }
        if let totals {
            out += "| " + totals.map { cell in Table.human(cell).isEmpty ? "" : "**" + Escape.markdown(Table.human(cell)) + "**" }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// A cell as a person reads it.
    public static func human(_ cell: Cell) -> String {
        if case .text(let s) = cell { return Escape.terminal(s) }
        return shown(cell)
    }

    /// A cell as a person reads it, its text as typed: for a writer that escapes for its own format
    /// (a page escapes for HTML, and would otherwise show a terminal's escapes as text).
    public static func shown(_ cell: Cell) -> String {
        switch cell {
        case .text(let s): s
        case .money(let p): p.formatted()
        case .integer(let n): String(n)
        case .percent(let d): d.map { fixed($0 * 100, places: 1) + "%" } ?? "–"
        case .date(let d): d.description
        case .empty: ""
        }
    }

    /// A decimal with fixed places, without Foundation's locale-dependent formatting.
    static func fixed(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (value * scale).rounded()
        let negative = scaled < 0
        let magnitude = Int64(abs(scaled))
        let whole = magnitude / Int64(scale)
        let fraction = magnitude % Int64(scale)
        var f = String(fraction)
        f = String(repeating: "0", count: max(0, places - f.count)) + f
        return (negative && magnitude != 0 ? "-" : "") + String(whole) + (places > 0 ? "." + f : "")
    }
}

/// A table's JSON form: what ``Table/renderJSON()`` encodes.
struct TableJSON: Encodable {
    let table: Table

    init(_ table: Table) { self.table = table }

    struct Key: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    /// One row: each cell under its column's key.
    struct Row: Encodable {
        let columns: [Table.Column]
        let cells: [Table.Cell]

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            for (i, cell) in cells.enumerated() where i < columns.count {
                let key = columns[i].key
                switch cell {
                case .text(let s): try c.encode(s, forKey: Key(stringValue: key))
                case .money(let p): try c.encode(p.rawValue, forKey: Key(stringValue: key + "_pence"))
                case .integer(let n): try c.encode(n, forKey: Key(stringValue: key))
                case .percent(let d):
                    // To four places, as every other format writes it.
                    try c.encode(d.flatMap { Decimal(string: Table.fixed($0, places: 4)) }, forKey: Key(stringValue: key))
                case .date(let d): try c.encode(d.description, forKey: Key(stringValue: key))
                case .empty: try c.encodeNil(forKey: Key(stringValue: key))
                }
            }
        }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        if let title = table.title { try c.encode(title, forKey: Key(stringValue: "title")) }
        try c.encode(table.dataRows.map { Row(columns: table.columns, cells: $0) }, forKey: Key(stringValue: "rows"))
        let subtotals = table.subtotalRows
        if !subtotals.isEmpty { try c.encode(subtotals.map { Row(columns: table.columns, cells: $0) }, forKey: Key(stringValue: "subtotals")) }
        if let totals = table.totals { try c.encode(Row(columns: table.columns, cells: totals), forKey: Key(stringValue: "totals")) }
    }
}
