import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A sheet of an `.xlsx` workbook as values: what Excel or LibreOffice saved, read by the project's
/// own small reader (SPEC §9) — the ZIP archive, the workbook's sheet list and relationships, shared
/// strings (rich text joined), inline strings, numbers, booleans, formulas' cached values and error
/// values. No formula is evaluated and nothing external is fetched (no DTDs, no entities beyond
/// XML's own).
public struct WorkbookSheet: Sendable {
    /// One cell's value as saved.
    public enum Value: Sendable, Equatable {
        case text(String)
        /// The number as the file writes it (`1250.5`, `1.25E+6`).
        case number(String)
        case bool(Bool)
        /// An error value such as `#DIV/0!`.
        case error(String)
        /// A formula saved without its result (by a program that does not calculate).
        case uncalculated
    }

    public let file: String
    public let name: String
    /// Rows by their number (1 is the first), each cells by column index (0 is A).
    public let rows: [(row: Int, cells: [Int: Value])]
    /// The cells that hold a formula (`E7`), whatever their saved value.
    public var formulaCells: [String] = []

    /// The cell's reference, `E7`, from a zero-based column and a row number.
    public static func reference(column: Int, row: Int) -> String { columnLetters(column) + String(row) }

    /// `A`, …, `Z`, `AA`, … for a zero-based column index.
    public static func columnLetters(_ column: Int) -> String {
        var n = column + 1
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + r))), at: 0)
            n = (n - 1) / 26
        }
        return String(letters)
    }

    /// The zero-based column of a reference such as `E7`, and its row; nil when it is not one.
    static func parse(reference: String) -> (column: Int, row: Int)? {
        var column = 0, row = 0, letters = 0, digits = 0
        for u in reference.utf8 {
            if u >= 65 && u <= 90 && digits == 0 {
                column = column * 26 + Int(u - 64)
                letters += 1
            } else if u >= 48 && u <= 57 && letters > 0 {
                row = row * 10 + Int(u - 48)
                digits += 1
            } else if u == 36 {  // `$`
                continue
            } else {
                return nil
            }
            if letters > 3 || digits > 7 { return nil }
        }
        return letters > 0 && digits > 0 && row > 0 ? (column - 1, row) : nil
    }

    /// A cell's value as text for the return's columns: text as it is; a number as pounds and
    /// pence when it is a whole number of pence (a float such as 0.30000000000000004 from a formula
    /// is read as 0.30), else as written, which money parsing then refuses; TRUE/FALSE; an error
    /// value as it shows (`#DIV/0!`), which no column accepts as a figure.
    public static func text(_ value: Value) -> String {
        switch value {
        case .text(let s): return s
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .error(let e): return e
        case .uncalculated: return ""
        case .number(let raw):
            guard let d = Double(raw), d.isFinite, abs(d) < 1e13 else { return raw }
            let pence = (d * 100).rounded()
            guard abs(d * 100 - pence) < 1e-6 * max(1, abs(pence)) else { return raw }
            let whole = Int64(pence)
            if whole % 100 == 0 { return String(whole / 100) }
            let sign = whole < 0 ? "-" : ""
            let a = abs(whole)
            let p = a % 100
            return "\(sign)\(a / 100).\(p < 10 ? "0" : "")\(p)"
        }
    }
}

/// Reads sheets of an `.xlsx` workbook.
public struct WorkbookReader {
    private var zip: ZipArchive
    public let file: String
    /// The workbook's sheets in order: name and the part that holds it.
    public private(set) var sheets: [(name: String, part: String)] = []
    private var sharedStrings: [String] = []

    /// Opens the workbook `bytes`, the file `file` (for messages).
    public init(bytes: [UInt8], file: String) throws(InputError) {
        self.file = file
        zip = try ZipArchive(bytes: bytes, name: file)
        guard let workbook = try zip.contents(of: "xl/workbook.xml") else {
            throw InputError(file: file, "the file is a ZIP archive but not an Excel workbook (it has no xl/workbook.xml); save it as an Excel Workbook (.xlsx)")
        }
        var targets: [String: String] = [:]
        if let rels = try zip.contents(of: "xl/_rels/workbook.xml.rels") {
            for e in try XMLElements.parse(rels, file: file, part: "part xl/_rels/workbook.xml.rels") where e.name == "Relationship" {
                if let id = e.attributes["Id"], let target = e.attributes["Target"] {
                    targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
                }
            }
        }
        for e in try XMLElements.parse(workbook, file: file, part: "part xl/workbook.xml") where e.name == "sheet" {
            guard let name = e.attributes["name"] else { continue }
            let id = e.attributes["r:id"] ?? e.attributes.first { $0.key.hasSuffix(":id") }?.value
            let part = id.flatMap { targets[$0] } ?? "xl/worksheets/sheet\(sheets.count + 1).xml"
            sheets.append((name, part))
        }
        if let strings = try zip.contents(of: "xl/sharedStrings.xml") {
            sharedStrings = try XMLElements.sharedStrings(strings, file: file)
        }
    }

    /// The sheet called `name` (ignoring case), or nil.
    public mutating func sheet(named name: String) throws(InputError) -> WorkbookSheet? {
        guard let s = sheets.first(where: { $0.name.lowercased() == name.lowercased() }) else { return nil }
        return try read(s)
    }

    /// The workbook's first sheet.
    public mutating func firstSheet() throws(InputError) -> WorkbookSheet {
        guard let s = sheets.first else { throw InputError(file: file, "the workbook has no sheets") }
        return try read(s)
    }

    private mutating func read(_ s: (name: String, part: String)) throws(InputError) -> WorkbookSheet {
        guard let xml = try zip.contents(of: s.part) else {
            throw InputError(file: file, "the workbook is damaged: its sheet \"\(s.name)\" (\(s.part)) is missing")
        }
        let (rows, formulas) = try XMLElements.cells(xml, file: file, sheet: s.name, sharedStrings: sharedStrings)
        var sheet = WorkbookSheet(file: file, name: s.name, rows: rows)
        sheet.formulaCells = formulas
        return sheet
    }
}

/// The little XML the reader needs, through Foundation's SAX parser with external entities off.
enum XMLElements {
    struct Element {
        let name: String
        let attributes: [String: String]
    }

    /// Every element's name and attributes, in document order.
    static func parse(_ bytes: [UInt8], file: String, part: String) throws(InputError) -> [Element] {
        let collector = Collector()
        try run(bytes, collector, file: file, part: part)
        return collector.elements
    }

    /// The shared strings table: each `<si>`'s text, rich-text runs joined, phonetic runs left out.
    static func sharedStrings(_ bytes: [UInt8], file: String) throws(InputError) -> [String] {
        let collector = StringsCollector()
        try run(bytes, collector, file: file, part: "part xl/sharedStrings.xml")
        return collector.strings
    }

    /// A sheet's cells by row.
    static func cells(_ bytes: [UInt8], file: String, sheet: String, sharedStrings: [String]) throws(InputError) -> (
        rows: [(row: Int, cells: [Int: WorkbookSheet.Value])], formulas: [String]
    ) {
        let collector = CellCollector(sharedStrings: sharedStrings)
        try run(bytes, collector, file: file, part: "sheet \"\(sheet)\"")
        if let problem = collector.problem { throw InputError(file: file, "\(sheetReference(sheet))\(problem)") }
        return (collector.rows, collector.formulas)
    }

    /// `Return!` or `'My sheet'!`, as Excel writes a reference to another sheet.
    static func sheetReference(_ sheet: String) -> String {
        sheet.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "_" }
            ? sheet + "!" : "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'!"
    }

    private static func run(_ bytes: [UInt8], _ delegate: XMLParserDelegate, file: String, part: String) throws(InputError) {
        // A DOCTYPE has no place in a workbook part; refusing it shuts out entity expansion attacks.
        if let head = String(bytes: bytes.prefix(4096), encoding: .utf8), head.contains("<!DOCTYPE") {
            throw InputError(file: file, "the workbook's \(part) declares a DOCTYPE (entity declarations), which no workbook has; refused")
        }
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = delegate
        guard parser.parse() else {
            throw InputError(file: file, "the workbook is damaged: its \(part) is not well-formed XML (line \(parser.lineNumber))")
        }
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            elements.append(Element(name: XMLElements.local(name), attributes: attributes))
        }
    }

    private final class StringsCollector: NSObject, XMLParserDelegate {
        var strings: [String] = []
        var current = ""
        var inText = false
        var phonetic = 0
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            switch XMLElements.local(name) {
            case "si": current = ""
            case "t": inText = phonetic == 0
            case "rPh": phonetic += 1
            default: break
            }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch XMLElements.local(name) {
            case "si": strings.append(current)
            case "t": inText = false
            case "rPh": phonetic -= 1
            default: break
            }
        }
    }

    private final class CellCollector: NSObject, XMLParserDelegate {
        let sharedStrings: [String]
        var rows: [(row: Int, cells: [Int: WorkbookSheet.Value])] = []
        var formulas: [String] = []
        var problem: String?
        var rowNumber = 0
        var cells: [Int: WorkbookSheet.Value] = [:]
        var nextColumn = 0
        var column = 0
        var type = "n"
        var text = ""
        var collecting = false
        var inInline = false
        var value: String?
        var formula = false
        var inlineText = ""

        init(sharedStrings: [String]) { self.sharedStrings = sharedStrings }

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
        ) {
            switch XMLElements.local(name) {
            case "row":
                rowNumber = Int(attributes["r"] ?? "") ?? rowNumber + 1
                cells = [:]
                nextColumn = 0
            case "c":
                if let r = attributes["r"], let parsed = WorkbookSheet.parse(reference: r) {
                    column = parsed.column
                } else {
                    column = nextColumn
                }
                nextColumn = column + 1
                type = attributes["t"] ?? "n"
                value = nil
                formula = false
                inlineText = ""
            case "v":
                text = ""
                collecting = true
            case "is":
                inInline = true
            case "f":
                formula = true
            case "t" where inInline:
                text = ""
                collecting = true
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { if collecting { text += string } }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch XMLElements.local(name) {
            case "v":
                value = text
                collecting = false
            case "t" where inInline:
                inlineText += text
                collecting = false
            case "is":
                inInline = false
            case "c":
                let at = WorkbookSheet.reference(column: column, row: rowNumber)
                if formula { formulas.append(at) }
                if formula && (value ?? "").isEmpty && type != "inlineStr" && type != "str" {
                    cells[column] = .uncalculated
                    break
                }
                switch type {
                case "s":
                    guard let v = value else { break }
                    guard let i = Int(v), i >= 0, i < sharedStrings.count else {
                        if problem == nil { problem = "\(at) refers to a shared string that the workbook does not have; the file is damaged" }
                        break
                    }
                    cells[column] = .text(sharedStrings[i])
                case "inlineStr": cells[column] = .text(inlineText)
                case "str", "d": if let v = value { cells[column] = .text(v) }
                case "b": if let v = value { cells[column] = .bool(v == "1" || v.lowercased() == "true") }
                case "e": cells[column] = .error(value ?? "#VALUE!")
                default: if let v = value { cells[column] = .number(v) }
                }
            case "row":
                if !cells.isEmpty { rows.append((rowNumber, cells)) }
            default: break
            }
        }
    }

    /// An element's name without its namespace prefix.
    fileprivate static func local(_ name: String) -> String {
        if let colon = name.lastIndex(of: ":") { return String(name[name.index(after: colon)...]) }
        return name
    }
}
