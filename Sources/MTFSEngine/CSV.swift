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

    /// `proposals.csv, line 12, column "2024/25"`; `return.xlsx, sheet "Return", cell D7 (column
    /// "Delivered to date")`; `the return form, field "Delivered to date"`.
    public var description: String {
        switch place {
        case .line(let n): "\(file), line \(n)" + (column.map { ", column \"\($0)\"" } ?? "")
        case .cell(let sheet, let cell): "\(file), sheet \"\(sheet)\", cell \(cell)" + (column.map { " (column \"\($0)\")" } ?? "")
        case .field(let name): "\(file), field \"\(name)\""
        }
    }

    /// What an entry records as its source: `returns/2023-09.csv line 12`, `return.xlsx sheet Return
    /// cell D7`, `the return form field Delivered to date`.
    public var source: String {
        switch place {
        case .line(let n): "\(file) line \(n)"
        case .cell(let sheet, let cell): "\(file) sheet \(sheet) cell \(cell)"
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
    public func at(_ column: String? = nil) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }

    /// A required cell.
    public func required(_ column: String, what: String) throws(InputError) -> String {
        let v = self[column]
        if v.isEmpty { throw InputError(at(column), "expected \(what), found an empty cell") }
        return v
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

/// A CSV file (RFC 4180): header row, comma separated, `"` quoting with `""` escapes, CRLF or LF
/// line ends (mixed are fine), an optional UTF-8 byte order mark. Blank lines are skipped.
public struct CSVFile: Sendable {
    public let name: String
    public let header: [String]
    public let rows: [CSVRow]

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
    /// required and optional columns: unknown, duplicate and missing columns are errors.
    public init(
        name: String, bytes: [UInt8], required: [String], optional: [String] = [],
        extraColumn: ((String) -> Bool)? = nil
    ) throws(InputError) {
        self.name = name
        var records = try CSVFile.records(name: name, bytes: bytes)
        guard !records.isEmpty else {
            throw InputError(file: name, "the file is empty; expected a header row with \(required.joined(separator: ", "))")
        }
        let (headerLine, rawHeader) = records.removeFirst()
        let header = rawHeader.map { $0.trimmingSpaces() }
        var index: [String: Int] = [:]
        for (i, column) in header.enumerated() {
            let location = SourceLocation(file: name, line: headerLine, column: column)
            if column.isEmpty { throw InputError(location, "column \(i + 1) of the header has no name") }
            if index[column] != nil { throw InputError(location, "the column \"\(column)\" appears twice in the header") }
            let known = required.contains(column) || optional.contains(column) || (extraColumn?(column) ?? false)
            if !known {
                let expected = (required + optional).joined(separator: ", ")
                throw InputError(location, "unknown column \"\(column)\"; expected only \(expected)")
            }
            index[column] = i
        }
        for column in required where index[column] == nil {
            throw InputError(SourceLocation(file: name, line: headerLine), "the required column \"\(column)\" is missing from the header")
        }
        self.header = header
        var rows: [CSVRow] = []
        for (line, fields) in records {
            if fields.count != header.count {
                throw InputError(
                    SourceLocation(file: name, line: line),
                    "expected \(header.count) cells as in the header, found \(fields.count)")
            }
            rows.append(CSVRow(file: name, line: line, fields: fields, index: index))
        }
        self.rows = rows
    }

    /// Splits bytes into records of fields, each with the line it starts on.
    static func records(name: String, bytes: [UInt8]) throws(InputError) -> [(Int, [String])] {
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
                    if i < n && bytes[i] != UInt8(ascii: ",") && bytes[i] != 10 && bytes[i] != 13 {
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
            case UInt8(ascii: ","):
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
