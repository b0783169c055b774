import Foundation
import MTFSDomain
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
    /// The cells whose number format is a date's: a number in one is a date serial, not an amount.
    public var dateCells: Set<String> = []

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
            // Within a ten-thousandth of a penny (a binary fraction such as 0.30000000000000004);
            // a real fraction of a penny (12500.555) stays as written and money parsing refuses it.
            guard abs(d * 100 - pence) < 1e-4 else { return raw }
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
    /// For each cell style (`s="3"`), whether its number format shows a date.
    private var dateStyles: [Bool] = []
    /// The workbook asks to be recalculated when opened: its saved formula results may be placeholders.
    public private(set) var recalculateOnLoad = false

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
        let parts = try XMLElements.parse(workbook, file: file, part: "part xl/workbook.xml")
        if let calc = parts.first(where: { $0.name == "calcPr" }), let full = calc.attributes["fullCalcOnLoad"] {
            recalculateOnLoad = full == "1" || full.lowercased() == "true"
        }
        for e in parts where e.name == "sheet" {
            guard let name = e.attributes["name"] else { continue }
            let id = e.attributes["r:id"] ?? e.attributes.first { $0.key.hasSuffix(":id") }?.value
            let part = id.flatMap { targets[$0] } ?? "xl/worksheets/sheet\(sheets.count + 1).xml"
            sheets.append((name, part))
        }
        if let strings = try zip.contents(of: "xl/sharedStrings.xml") {
            sharedStrings = try XMLElements.sharedStrings(strings, file: file)
        }
        if let styles = try zip.contents(of: "xl/styles.xml") {
            dateStyles = try XMLElements.dateStyles(styles, file: file)
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
        let (rows, formulas, styled) = try XMLElements.cells(xml, file: file, sheet: s.name, sharedStrings: sharedStrings)
        var sheet = WorkbookSheet(file: file, name: s.name, rows: rows)
        sheet.formulaCells = formulas
        sheet.dateCells = Set(styled.compactMap { ref, style in style < dateStyles.count && dateStyles[style] ? ref : nil })
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
        rows: [(row: Int, cells: [Int: WorkbookSheet.Value])], formulas: [String], styled: [(String, Int)]
    ) {
        let collector = CellCollector(sharedStrings: sharedStrings)
        try run(bytes, collector, file: file, part: "sheet \"\(sheet)\"")
        if let problem = collector.problem { throw InputError(file: file, "\(sheetReference(sheet))\(problem)") }
        return (collector.rows, collector.formulas, collector.styled)
    }

    /// Which cell styles show dates: `cellXfs` entries whose number format is a built-in date
    /// format (14–22, 27–36, 45–47, 50–58) or a custom format with day, month or year codes.
    static func dateStyles(_ bytes: [UInt8], file: String) throws(InputError) -> [Bool] {
        let elements = try parse(bytes, file: file, part: "part xl/styles.xml")
        var custom: [Int: Bool] = [:]
        for e in elements where e.name == "numFmt" {
            guard let id = e.attributes["numFmtId"].flatMap(Int.init), let code = e.attributes["formatCode"] else { continue }
            // Date codes outside quoted text and [colour] brackets.
            var inQuote = false, inBracket = false, date = false
            for ch in code.lowercased() {
                if ch == "\"" { inQuote.toggle() } else if ch == "[" { inBracket = true } else if ch == "]" { inBracket = false }
                else if !inQuote && !inBracket && "dmy".contains(ch) { date = true }
            }
            custom[id] = date
        }
        let builtIn: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)
        var inCellXfs = false
        var out: [Bool] = []
        for e in elements {
            if e.name == "cellXfs" { inCellXfs = true; continue }
            if e.name == "cellStyles" || e.name == "dxfs" { inCellXfs = false }
            guard inCellXfs, e.name == "xf" else { continue }
            let id = e.attributes["numFmtId"].flatMap(Int.init) ?? 0
            out.append(custom[id] ?? builtIn.contains(id))
        }
        return out
    }

    /// Excel's escape for characters XML cannot hold, `_x000D_`, decoded (`_x005F_` is a literal `_`).
    static func unescapeExcel(_ s: String) -> String {
        guard s.contains("_x") else { return s }
        var out = ""
        var rest = Substring(s)
        while let r = rest.range(of: "_x") {
            out += rest[..<r.lowerBound]
            let after = rest[r.upperBound...]
            let hex = after.prefix(4)
            if hex.count == 4, after.dropFirst(4).first == "_", let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) {
                out.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                out += "_x"
                rest = after
            }
        }
        return out + rest
    }

    /// `Return!` or `'My sheet'!`, as Excel writes a reference to another sheet.
    static func sheetReference(_ sheet: String) -> String {
        sheet.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "_" }
            ? sheet + "!" : "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'!"
    }

    private static func run(_ bytes: [UInt8], _ delegate: XMLParserDelegate, file: String, part: String) throws(InputError) {
        // A workbook's parts are UTF-8 without a DOCTYPE. Anything else is refused before parsing:
        // no entity declarations (expansion attacks, external fetches), no other encodings (which
        // would hide a DOCTYPE from the check).
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || bytes.prefix(64).contains(0) {
            throw InputError(file: file, "the workbook's \(part) is not UTF-8 XML, as every workbook's is; refused")
        }
        if let end = ByteSearch.find(Array("?>".utf8), in: Array(bytes.prefix(256)), from: 0), bytes.starts(with: Array("<?xml".utf8)) {
            let declaration = String(decoding: bytes[0..<end], as: UTF8.self).lowercased().replacingOccurrences(of: "'", with: "\"")
            if let r = declaration.range(of: "encoding=\""), !declaration[r.upperBound...].hasPrefix("utf-8\"") {
                throw InputError(file: file, "the workbook's \(part) is not UTF-8 XML, as every workbook's is; refused")
            }
        }
        if ByteSearch.find(Array("<!DOCTYPE".utf8), in: bytes, from: 0) != nil || ByteSearch.find(Array("<!ENTITY".utf8), in: bytes, from: 0) != nil {
            throw InputError(file: file, "the workbook's \(part) declares a DOCTYPE (entity declarations), which no workbook has; refused")
        }
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        let watcher = ErrorWatcher(delegate)
        parser.delegate = watcher
        // libxml2 recovers from some errors and reads on; any error at all means a damaged part.
        guard parser.parse(), !watcher.failed else {
            throw InputError(file: file, "the workbook is damaged: its \(part) is not well-formed XML (line \(parser.lineNumber))")
        }
    }

    /// Forwards to a collector and notes any parse or validation error.
    private final class ErrorWatcher: NSObject, XMLParserDelegate {
        let inner: XMLParserDelegate
        var failed = false
        init(_ inner: XMLParserDelegate) { self.inner = inner }
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]
        ) { inner.parser(parser, didStartElement: name, namespaceURI: namespaceURI, qualifiedName: qualifiedName, attributes: attributes) }
        func parser(_ parser: XMLParser, foundCharacters string: String) { inner.parser(parser, foundCharacters: string) }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            inner.parser(parser, didEndElement: name, namespaceURI: namespaceURI, qualifiedName: qualifiedName)
        }
        func parser(_ parser: XMLParser, foundCDATA data: Data) {
            inner.parser(parser, foundCharacters: String(decoding: data, as: UTF8.self))
        }
        func parser(_ parser: XMLParser, parseErrorOccurred error: Error) { failed = true }
        func parser(_ parser: XMLParser, validationErrorOccurred error: Error) { failed = true }
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
            case "si": strings.append(XMLElements.unescapeExcel(current))
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
        var styled: [(String, Int)] = []
        var style: Int?
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
                rowNumber = Int(attributes["r"] ?? "").flatMap { $0 > 0 && $0 <= 1_048_576 ? $0 : nil } ?? rowNumber + 1
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
                style = attributes["s"].flatMap(Int.init)
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
                if let style, style > 0 { styled.append((at, style)) }
                // A formula saved without its result: no <v> at all, or an empty one for a number.
                if formula && type != "inlineStr" && (value == nil || (value!.isEmpty && type != "str")) {
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
                case "inlineStr": cells[column] = .text(XMLElements.unescapeExcel(inlineText))
                case "str", "d": if let v = value { cells[column] = .text(XMLElements.unescapeExcel(v)) }
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
