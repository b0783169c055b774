import MTFSDomain

/// A place in an input file, for error messages: file, line and column.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// Where in its source a value was: a line of a text file, a cell of a workbook's sheet, or a
    /// field of a form.
    public enum Place: Hashable, Sendable {
        case line(Int)
        case cell(sheet: String, cell: String)
        case field(String)
    }

    /// The file (or form) it came from, as errors name it.
    public var file: String
    public var place: Place
    /// The column's name, when the place is a line (or a cell under a named column).
    public var column: String?
    /// For a sheet's row, each named column's index, so that ``withColumn(_:)`` names its cell.
    var sheetColumns: [String: Int]? = nil

    /// A line of a text file (CSV), and optionally its column.
    public init(file: String, line: Int, column: String? = nil) {
        self.file = file
        place = .line(line)
        self.column = column
    }

    /// A cell of a workbook's sheet, such as `D7`, and optionally the column's heading.
    public init(file: String, sheet: String, cell: String, column: String? = nil) {
        self.file = file
        place = .cell(sheet: sheet, cell: cell)
        self.column = column
    }

    /// A field of a form, named as the form labels it.
    public init(form: String, field: String) {
        file = form
        place = .field(field)
        column = nil
    }

    /// The line, for a text file.
    public var line: Int? { if case .line(let n) = place { n } else { nil } }

    /// `proposals.csv, line 12, column "2024/25"`; `return.xlsx, Return!D7 (column
    /// "Delivered to date")`; `the return form, field "Delivered to date"`.
    public var description: String {
        switch place {
        case .line(let n): "\(file), line \(n)" + (column.map { ", column \"\($0)\"" } ?? "")
        case .cell(let sheet, let cell): "\(file), \(XMLElements.sheetReference(sheet))\(cell)" + (column.map { " (column \"\($0)\")" } ?? "")
        case .field(let name): "\(file), field \"\(name)\""
        }
    }

    /// What an entry records as its source: `returns/2023-09.csv line 12`, `return.xlsx sheet Return
    /// cell D7`, `the return form field Delivered to date`.
    public var source: String {
        switch place {
        case .line(let n): "\(file) line \(n)"
        case .cell(let sheet, let cell): "\(file) \(XMLElements.sheetReference(sheet))\(cell)"
        case .field(let name): "\(file) field \(name)"
        }
    }
}

/// Bad input: where it is and what was expected, in one sentence.
public struct InputError: KindedError, Hashable, Sendable, CustomStringConvertible {
    public var kind: ErrorKind { .badInput }
    public var location: SourceLocation?
    public var file: String
    public var message: String
    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.file = location.file
        self.message = message
    }
    public init(file: String, _ message: String) {
        self.location = nil
        self.file = file
        self.message = message
    }
    /// The sentence for the user.
    public var description: String { "\(location?.description ?? file): \(message)" }
    public var explanation: String { description }
}

/// One data row of a CSV file, with its header, for typed access with good error messages.
public struct CSVRow: Sendable {
    public let file: String
    /// The workbook sheet it came from, if it came from one.
    public var sheet: String? = nil
    /// The physical line the row starts on (1 is the header).
    public let line: Int
    public let fields: [String]
    let index: [String: Int]

    /// The trimmed cell in `column`, "" when the column is absent.
    public subscript(column: String) -> String {
        guard let i = index[column], i < fields.count else { return "" }
        return fields[i].trimmingSpaces()
    }

    /// The cell as it was, untrimmed.
    public func raw(_ column: String) -> String {
        guard let i = index[column], i < fields.count else { return "" }
        return fields[i]
    }

    /// Where a column of this row is.
    public func at(_ column: String? = nil) -> SourceLocation {
        CSVRow.location(file: file, sheet: sheet, row: line, column: column.flatMap { index[$0] }, heading: column, columns: index)
    }

    /// A line and column of a text file, or a sheet's cell (`Return!E7`; column A for the row as a whole).
    static func location(file: String, sheet: String?, row: Int, column: Int?, heading: String?, columns: [String: Int]? = nil) -> SourceLocation {
        guard let sheet else { return SourceLocation(file: file, line: row, column: heading) }
        var l = SourceLocation(file: file, sheet: sheet, cell: WorkbookSheet.reference(column: column ?? 0, row: row), column: heading)
        l.sheetColumns = columns
        return l
    }

    /// A required cell.
    public func required(_ column: String, what: String) throws(InputError) -> String {
        let v = self[column]
        if v.isEmpty { throw InputError(at(column), "expected \(what), found an empty cell") }
        return v
    }

    /// A required cell that names a proposal or a cost centre.
    public func required<T: TextIdentity>(_ column: String, what: String, as type: T.Type = T.self) throws(InputError) -> T {
        T(rawValue: try required(column, what: what))
    }

    /// Parses a cell with a domain parser, reporting failures at this row and column.
    public func parse<T>(_ column: String, _ parser: (String) throws -> T) throws(InputError) -> T {
        do { return try parser(self[column]) } catch let e as MoneyError {
            throw InputError(at(column), e.explanation)
        } catch let e as CalendarError {
            throw InputError(at(column), e.explanation)
        } catch let e as DomainError {
            throw InputError(at(column), e.explanation)
        } catch let e as InputError {
            throw e
        } catch {
            throw InputError(at(column), "\(error)")
        }
    }
}

/// A CSV file (RFC 4180): header row, `"` quoting with `""` escapes, CRLF or LF line ends (mixed
/// are fine). As Excel saves them (SPEC §5 v2): UTF-8 with or without a byte order mark, or
/// Windows-1252 when the bytes are not UTF-8 (said in a warning, never silently); comma or semicolon
/// separated (the header decides); header names matched ignoring case, spaces and `_`. Blank lines
/// and rows of empty cells are skipped.
public struct CSVFile: Sendable {
    public let name: String
    public let header: [String]
    public let rows: [CSVRow]
    /// What the reader did that a person should know: a file read as Windows-1252, columns ignored.
    public private(set) var warnings: [String] = []

    /// A cell quoted per RFC 4180 when it must be: separators, quotes, line breaks, or spaces at
    /// either end (which the reader would otherwise trim). Reads back exactly through this reader.
    public static func quote(_ cell: String) -> String {
        let needsQuotes =
            cell.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" } || cell != cell.trimmingSpaces()
        return needsQuotes ? "\"" + cell.pieces(separatedBy: "\"").joined(separator: "\"\"") + "\"" : cell
    }

    /// The largest cell accepted; beyond it the file is refused rather than held in memory.
    public static let maxCellBytes = 1 << 20

    /// Parses `bytes` as the file `name` (used in messages), checking the header against the
    /// required and optional columns: duplicate and missing columns are errors; an unknown column is
    /// an error too, unless `ignoreUnknown` (a return as people save it, with columns of their own):
    /// then it is left out with a warning — but a near miss of a known column ("delivered_to_dat")
    /// is still an error, with a "did you mean".
    public init(
        name: String, bytes: [UInt8], required: [String], optional: [String] = [],
        extraColumn: ((String) -> Bool)? = nil, ignoreUnknown: Bool = false
    ) throws(InputError) {
        let (text, encodingWarning) = try CSVFile.utf8(name: name, bytes: bytes)
        try self.init(
            name: name, sheet: nil, records: try CSVFile.records(name: name, bytes: text, separator: CSVFile.separator(of: text)),
            required: required, optional: optional, extraColumn: extraColumn, ignoreUnknown: ignoreUnknown)
        if let encodingWarning { warnings.insert(encodingWarning, at: 0) }
    }

    /// The same checks over rows that came from elsewhere: a workbook's sheet (`sheet` names it;
    /// each record's number is its row, and cells are named `Return!E7`), or a CSV file's lines.
    public init(
        name: String, sheet: String?, records: [(Int, [String])], required: [String], optional: [String] = [],
        extraColumn: ((String) -> Bool)? = nil, ignoreUnknown: Bool = false
    ) throws(InputError) {
        self.name = name
        var records = records
        guard !records.isEmpty else {
            throw InputError(file: name, "the file is empty; expected a header row with \(required.joined(separator: ", "))")
        }
        let (headerLine, rawHeader) = records.removeFirst()
        let known = required + optional
        let byNormal = Dictionary(known.map { (CSVFile.normal($0), $0) }, uniquingKeysWith: { a, _ in a })
        // Each header cell as the column it names ("Delivered to date" is delivered_to_date).
        let header = rawHeader.map { cell -> String in
            let trimmed = cell.trimmingSpaces()
            return byNormal[CSVFile.normal(trimmed)] ?? trimmed
        }
        var index: [String: Int] = [:]
        var ignored: [String] = []
        for (i, column) in header.enumerated() {
            let location = CSVRow.location(file: name, sheet: sheet, row: headerLine, column: i, heading: column)
            if column.isEmpty {
                // An empty heading over empty cells (a spreadsheet's trailing column) is nothing.
                if ignoreUnknown { continue }
                throw InputError(location, "column \(i + 1) of the header has no name")
            }
            if index[column] != nil { throw InputError(location, "the column \"\(column)\" appears twice in the header") }
            if !(known.contains(column) || (extraColumn?(column) ?? false)) {
                // The nearest pinned name within two edits ("gren" is green, not ref).
                let near = known.map { ($0, CSVFile.distance(CSVFile.normal($0), CSVFile.normal(column))) }.filter { $0.1 <= 2 }
                    .min { $0.1 < $1.1 }?.0
                if ignoreUnknown && near == nil {
                    ignored.append(column)
                    continue
                }
                throw InputError(
                    location,
                    "unknown column \"\(column)\"" + (near.map { "; did you mean \"\($0)\"? E" } ?? "; e") + "xpected only \(known.joined(separator: ", "))")
            }
            index[column] = i
        }
        if !ignored.isEmpty {
            warnings.append(
                "\(name): ignored the column\(ignored.count == 1 ? "" : "s") \(ignored.map { "\"\($0)\"" }.joined(separator: ", ")), which a return does not use")
        }
        for column in required where index[column] == nil {
            throw InputError(
                CSVRow.location(file: name, sheet: sheet, row: headerLine, column: nil, heading: nil),
                "the required column \"\(column)\" is missing from the header" + (sheet == nil ? "" : " in row \(headerLine)"))
        }
        self.header = header
        var rows: [CSVRow] = []
        for (line, cells) in records {
            var fields = cells
            // A row of empty cells (",,,,," where a spreadsheet saved an empty row) is skipped.
            if fields.allSatisfy({ $0.trimmingSpaces().isEmpty }) { continue }
            if sheet != nil {
                // A sheet's row is as wide as its last cell: shorter is padded; a value beyond the
                // headings is named.
                while fields.count > header.count, fields.last!.trimmingSpaces().isEmpty { fields.removeLast() }
                if fields.count > header.count {
                    throw InputError(
                        CSVRow.location(file: name, sheet: sheet, row: line, column: header.count, heading: nil),
                        "this cell has a value but its column has no heading in row \(headerLine); expected only the return's columns")
                }
                fields += Array(repeating: "", count: header.count - fields.count)
            }
            if fields.count != header.count {
                throw InputError(
                    SourceLocation(file: name, line: line),
                    "expected \(header.count) cells as in the header, found \(fields.count)")
            }
            rows.append(CSVRow(file: name, sheet: sheet, line: line, fields: fields, index: index))
        }
        self.rows = rows
    }

    /// A header name as it is compared: lower case, without spaces or `_`.
    static func normal(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { $0 != " " && $0 != "_" && $0 != "\u{A0}" })
    }

    /// The edit distance between two short names (for "did you mean").
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// The separator the header line uses: a semicolon when it has semicolons and no commas (as
    /// Excel saves CSV where the decimal mark is a comma), else a comma.
    static func separator(of bytes: [UInt8]) -> UInt8 {
        var commas = 0, semicolons = 0, inQuotes = false
        for b in bytes {
            if b == 10 || b == 13 { if !inQuotes { break } }
            if b == UInt8(ascii: "\"") { inQuotes.toggle() }
            if !inQuotes { if b == UInt8(ascii: ",") { commas += 1 } else if b == UInt8(ascii: ";") { semicolons += 1 } }
        }
        return semicolons > 0 && commas == 0 ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// The file's bytes as UTF-8: as they are when they are UTF-8 (a byte order mark is dropped
    /// later), else read as Windows-1252 — Excel's "CSV" on a UK Windows machine — with a warning
    /// saying so. Bytes that are neither (0x81, 0x8D, 0x8F, 0x90, 0x9D) are an error naming the line.
    static func utf8(name: String, bytes: [UInt8]) throws(InputError) -> ([UInt8], String?) {
        if String(validating: bytes, as: UTF8.self) != nil { return (bytes, nil) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        var line = 1
        for b in bytes {
            if b == 10 { line += 1 }
            if b < 0x80 {
                out.append(b)
                continue
            }
            guard let scalar = windows1252(b) else {
                throw InputError(
                    SourceLocation(file: name, line: line),
                    "the file is neither UTF-8 nor Windows-1252 text (byte 0x\(String(b, radix: 16, uppercase: true))); save it as CSV UTF-8")
            }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        }
        return (out, "\(name) is not UTF-8; it was read as Windows-1252 (as Excel saves CSV on Windows), so £ and accents are as Excel showed them")
    }

    /// A Windows-1252 byte from 0x80 up as Unicode (https://www.unicode.org/Public/MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT).
    static func windows1252(_ b: UInt8) -> Unicode.Scalar? {
        if b >= 0xA0 { return Unicode.Scalar(UInt32(b)) }
        let table: [UInt32?] = [
            0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
            nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
        ]
        return table[Int(b) - 0x80].flatMap(Unicode.Scalar.init)
    }

    /// Splits bytes into records of fields, each with the line it starts on.
    static func records(name: String, bytes: [UInt8], separator: UInt8 = UInt8(ascii: ",")) throws(InputError) -> [(Int, [String])] {
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        var records: [(Int, [String])] = []
        var fields: [String] = []
        var cell: [UInt8] = []
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quotedCell = false
        var i = start
        let n = bytes.count

        func finishCell() throws(InputError) {
            guard let text = String(validating: cell, as: UTF8.self) else {
                throw InputError(SourceLocation(file: name, line: line), "the file is not valid UTF-8 text (cell \(fields.count + 1))")
            }
            if text.utf8.contains(0) {
                throw InputError(SourceLocation(file: name, line: line), "cell \(fields.count + 1) contains a NUL byte; expected text")
            }
            fields.append(text)
            cell.removeAll(keepingCapacity: true)
            quotedCell = false
        }
        func finishRecord() throws(InputError) {
            try finishCell()
            // A line with nothing on it is skipped, not read as a row of one empty cell.
            if !(fields.count == 1 && fields[0].isEmpty) { records.append((recordLine, fields)) }
            fields.removeAll(keepingCapacity: true)
        }

        while i < n {
            let b = bytes[i]
            if cell.count > CSVFile.maxCellBytes {
                throw InputError(
                    SourceLocation(file: name, line: line), "a cell is longer than \(CSVFile.maxCellBytes) bytes; expected ordinary text")
            }
            if inQuotes {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < n && bytes[i + 1] == UInt8(ascii: "\"") {
                        cell.append(b)
                        i += 2
                        continue
                    }
                    inQuotes = false
                    i += 1
                    // After a closing quote only a separator or line end may follow.
                    if i < n && bytes[i] != separator && bytes[i] != 10 && bytes[i] != 13 {
                        throw InputError(
                            SourceLocation(file: name, line: line),
                            "unexpected text after a closing quote in cell \(fields.count + 1); a quote inside a quoted cell is written \"\""
                        )
                    }
                    continue
                }
                if b == 10 { line += 1 }
                cell.append(b)
                i += 1
                continue
            }
            switch b {
            case separator:
                try finishCell()
            case UInt8(ascii: "\""):
                if cell.isEmpty && !quotedCell {
                    inQuotes = true
                    quotedCell = true
                } else {
                    throw InputError(
                        SourceLocation(file: name, line: line),
                        "a quote in the middle of cell \(fields.count + 1); quote the whole cell and write a quote inside it as \"\"")
                }
            case 13:
                if i + 1 < n && bytes[i + 1] == 10 { i += 1 }
                try finishRecord()
                line += 1
                recordLine = line
            case 10:
                try finishRecord()
                line += 1
                recordLine = line
            default:
                cell.append(b)
            }
            i += 1
        }
        if inQuotes {
            throw InputError(SourceLocation(file: name, line: recordLine), "a quoted cell is never closed; expected a closing \"")
        }
        if !cell.isEmpty || !fields.isEmpty { try finishRecord() }
        return records
    }
}
