import Foundation
import MTFSDomain
import MTFSEngine

/// The output formats of documents: statements, the summary, the reconciliation.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case text, markdown, csv, json, html, xlsx

    /// The file extension.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .markdown: "md"
        case .csv: "csv"
        case .json: "json"
        case .html: "html"
        case .xlsx: "xlsx"
        }
    }

    /// A workbook: bytes for a file, never for a terminal.
    public var isWorkbook: Bool { self == .xlsx }

    /// The writer for this format (a workbook's is ``XLSXWriter``, through ``file(statement:bom:)``
    /// and its siblings).
    public var writer: any ReportWriter {
        switch self {
        case .text: TextWriter()
        case .markdown: MarkdownWriter()
        case .csv: CSVWriter()
        case .json: JSONWriter()
        case .html: HTMLWriter()
        case .xlsx: XLSXWriter()
        }
    }

    /// The statement as a file holds it: text formats in UTF-8 (CSV with a byte order mark, so that
    /// Excel reads `£` and quotes right, unless `bom` is false), a workbook as `.xlsx`.
    public func file(statement s: HolderStatement, bom: Bool = true) throws -> Data {
        if isWorkbook { return try XLSXFile.bytes(XLSXReports.statement(s)) }
        return text(try writer.statement(s), bom: bom)
    }

    /// The summary as a file holds it.
    public func file(summary s: Summary, bom: Bool = true) throws -> Data {
        if isWorkbook { return try XLSXFile.bytes(XLSXReports.summary(s)) }
        return text(try writer.summary(s), bom: bom)
    }

    /// The reconciliation as a file holds it.
    public func file(reconciliation r: ReconciliationReport, bom: Bool = true) throws -> Data {
        if isWorkbook { return try XLSXFile.bytes(XLSXReports.reconciliation(r)) }
        return text(try writer.reconciliation(r), bom: bom)
    }

    /// Text as a file's bytes: a CSV starts with a UTF-8 byte order mark when `bom`.
    public func text(_ s: String, bom: Bool) -> Data {
        var data = Data()
        if self == .csv && bom { data.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        data.append(contentsOf: Array(s.utf8))
        return data
    }
}

/// One output format: it writes every report the product makes. Reports arrive as values from the
/// engine; a writer only lays them out and escapes them for its format. A new format — a workbook, a
/// web page — is one more writer.
public protocol ReportWriter: Sendable {
    var format: DocumentFormat { get }
    /// A budget holder's statement.
    func statement(_ s: HolderStatement) throws -> String
    /// The CFO's summary.
    func summary(_ s: Summary) throws -> String
    /// The reconciliation's findings.
    func reconciliation(_ r: ReconciliationReport) throws -> String
    /// Any tabular report (balance, journal, proposals, the operating model).
    func table(_ t: Table) throws -> String
}

/// A workbook is bytes written to a file (``DocumentFormat/file(statement:bom:)``), so as text it
/// refuses with the sentence a person needs.
public struct XLSXWriter: ReportWriter {
    public var format: DocumentFormat { .xlsx }
    public init() {}
    var refusal: WorkbookWriteError {
        WorkbookWriteError(kind: .badInput, explanation: "--format xlsx writes a workbook to a file; give --out FILE.xlsx")
    }
    public func statement(_ s: HolderStatement) throws -> String { throw refusal }
    public func summary(_ s: Summary) throws -> String { throw refusal }
    public func reconciliation(_ r: ReconciliationReport) throws -> String { throw refusal }
    public func table(_ t: Table) throws -> String { throw refusal }
}

/// For a person at a terminal (escape sequences in data made harmless; colour only when asked).
public struct TextWriter: ReportWriter {
    public var format: DocumentFormat { .text }
    public var colour = false
    public init(colour: Bool = false) { self.colour = colour }

    /// The proposals' table cut for a terminal (``statement(_:)``).
    enum TextStatement {
        static let laterKeys: Set<String> = ["original_target", "movement"]
        static func isLater(_ key: String) -> Bool { laterKeys.contains(key) || key.hasPrefix("target_") }

        /// This year's figures, the name cut to 26 characters.
        static func thisYear(_ t: Table) -> Table {
            var cut = t.keeping { !isLater($0) }
            if let i = cut.columns.firstIndex(where: { $0.key == "title" }) { cut.columns[i].maxTextWidth = 26 }
            return cut
        }

        /// The ref, then the month's movement, the original target and the later years.
        static func laterYears(_ t: Table) -> Table { t.keeping { $0 == "ref" || isLater($0) } }
    }

    public func statement(_ s: HolderStatement) -> String {
        var out = "Savings statement for \(Escape.terminal(s.holder)) — \(s.period) (as at \(s.asAt))\n"
        out += "Directorate\(s.directorates.count == 1 ? "" : "s"): \(Escape.terminal(s.directorates.joined(separator: ", ")))\n"
        out += StatementRenderer.headText(s) + "\n\n"
        if let notice = StatementRenderer.notice(s) { out += FindingsReport.wrap("NOTE: " + Escape.terminal(notice), indent: 0, width: 110) + "\n\n" }
        // Within about 120 columns: sentences wrapped, and the proposals in two tables (this year's
        // figures; then the month's movement, the original target and later years) rather than
        // one 230 columns wide.
        out += FindingsReport.wrap(Escape.terminal(StatementRenderer.headline(s)), indent: 0, width: 110) + "\n\n"
        out += "Cost centres you hold\n" + StatementRenderer.centresTable(s).renderText() + "\n"
        let owned = StatementRenderer.linesTable(s, s.owned, totals: true, owner: false)
        out += "Proposals you own\n" + TextStatement.thisYear(owned).renderText()
        // Each proposal's name in full (the table cuts it to fit) with its latest comment.
        out += s.owned.map { l in
            var line = "\(l.ref) " + (l.notes.isEmpty ? l.title : "\(l.title) (\(l.notes.joined(separator: "; ")))")
            if !l.comment.trimmingSpaces().isEmpty {
                line += (l.returned.map { $0 < s.period ? " (comment of \($0))" : "" } ?? "") + ": " + l.comment
            }
            return FindingsReport.wrap(Escape.terminal(line), indent: 2, width: 110) + "\n"
        }.joined() + "\n"
        out += "Movement this month, original target and later years\n"
            + TextStatement.laterYears(owned).renderText() + "\n"
        if let trend = StatementRenderer.trendTable(s) { out += "Your proposals month by month\n" + trend.renderText() + "\n" }
        if let impacts = StatementRenderer.impactsTable(s) { out += "Service impacts\n" + impacts.renderText() + "\n" }
        if !s.others.isEmpty {
            out += "Proposals owned by others that cut your cost centres\n"
                + TextStatement.thisYear(StatementRenderer.linesTable(s, s.others, totals: false)).dropping(["owner"]).renderText()
            // Whose each is, and its share, beneath (an owner column would not fit a terminal).
            out += s.others.map { l in
                FindingsReport.wrap(
                    "\(Escape.terminal(l.ref.rawValue)) is \(Escape.terminal(l.owner.rawValue))'s"
                        + (l.wholeTarget.map { ": \(l.currentTarget) of its \($0) falls on your cost centres" } ?? ""), indent: 2, width: 110) + "\n"
            }.joined() + "\n"
        }
        out += "Reconciliation findings\n"
        out +=
            s.findings.isEmpty
            ? "(none)\n\n"
            : s.findings.map {
                "  \($0.severity.rawValue.uppercased()) \($0.code.plainName) (\($0.code.rawValue)) \($0.amount)\n"
                    + FindingsReport.wrap(Escape.terminal($0.message), indent: 4, width: 110)
            }
            .joined(separator: "\n") + "\n" + (s.moreFindingsText.map { FindingsReport.wrap(Escape.terminal($0), indent: 2, width: 110) + "\n" } ?? "") + "\n"
        out += "Ledger entries in \(s.period)\n" + StatementRenderer.entriesTable(s).renderText() + "\n"
        out +=
            "Sign-off\n" + FindingsReport.wrap(Escape.terminal(StatementRenderer.signOffText(s)), indent: 2, width: 110)
            + "\n  I confirm these figures and the actions above.\n  Signed: ______________________  Date: ____________\n"
        return out
    }

    public func summary(_ s: Summary) -> String {
        var t = SummaryRenderer.table(s)
        t.title = SummaryRenderer.title(s)
        let list = "mtfs reconcile" + (s.totals.count == 1 ? " --year \(s.totals[0].year)" : "")
        return t.renderText() + (SummaryRenderer.returnsLine(s).map { Escape.terminal($0) + "\n" } ?? "")
            + (SummaryRenderer.impactsTable(s).map { "\nService impacts reported (unforeseen first)\n" + $0.renderText() } ?? "")
            + "\nTop findings (\(s.findingCount) in all; `\(list)` lists them)\n"
            + s.topFindings.map {
                "  \($0.severity.rawValue.uppercased()) \($0.code.rawValue) \($0.amount.formatted())\n"
                    + FindingsReport.wrap(Escape.terminal($0.message), indent: 4, width: 110)
            }.joined(separator: "\n") + "\n"
    }

    /// A count by severity, then each finding with its sentence.
    public func reconciliation(_ r: ReconciliationReport) -> String {
        var out = "Reconciliation as at the end of \(r.asOf) (ledger head \(r.head.short))"
            + (r.filter.map { ", only \(Escape.terminal($0.description))" } ?? "") + ": "
        if r.findings.isEmpty { return out + "no findings.\n" }
        let counts = Severity.allCases.reversed().compactMap { s -> String? in
            let n = r.findings.filter { $0.severity == s }.count
            return n == 0 ? nil : "\(n) \(s.rawValue)"
        }
        out += "\(r.findings.count) finding\(r.findings.count == 1 ? "" : "s") (\(counts.joined(separator: ", "))).\n\n"
        for f in r.findings {
            var severity = f.severity.rawValue.uppercased().padding(8)
            if colour {
                let code = f.severity >= .high ? (f.severity == .critical ? "31;1" : "31") : (f.severity == .medium ? "33" : "2")
                severity = "\u{1B}[\(code)m\(severity)\u{1B}[0m"
            }
            var head = "\(severity)  \(f.code.rawValue) \(f.code.name.padding(26))  \(f.amount.formatted().leftPadding(16))"
            head += "  \(f.year?.description ?? "")  \(Escape.terminal(f.refs.joined(separator: ", ")))"
            if let c = f.costCentre { head += "  [\(Escape.terminal(c.rawValue))]" }
            out += head + "\n" + FindingsReport.wrap(Escape.terminal(f.message), indent: 10, width: 110) + "\n\n"
        }
        return out
    }

    public func table(_ t: Table) -> String { t.renderText() }
}

/// GitHub-flavoured Markdown.
public struct MarkdownWriter: ReportWriter {
    public var format: DocumentFormat { .markdown }
    public init() {}

    public func statement(_ s: HolderStatement) -> String {
        var out = "# Savings statement: \(Escape.markdown(s.holder))\n\n"
        out += "**\(s.period)** (as at \(s.asAt)) · \(Escape.markdown(s.directorates.joined(separator: ", "))) · \(StatementRenderer.headText(s))\n\n"
        if let notice = StatementRenderer.notice(s) { out += "> **Note:** " + Escape.markdown(notice) + "\n\n" }
        out += Escape.markdown(StatementRenderer.headline(s)) + "\n\n"
        out += "## Cost centres you hold\n\n" + StatementRenderer.centresTable(s).renderMarkdown() + "\n"
        out += "## Proposals you own\n\n" + StatementRenderer.linesTable(s, s.owned, totals: true, owner: false).renderMarkdown() + "\n"
        let comments = StatementRenderer.comments(s.owned, period: s.period)
        if !comments.isEmpty {
            out += "Comments from the latest return:\n\n" + comments.map { "- **\(Escape.markdown($0.ref))**: \(Escape.markdown($0.comment))\n" }.joined() + "\n"
        }
        if let trend = StatementRenderer.trendTable(s) { out += "## Your proposals month by month\n\n" + trend.renderMarkdown() + "\n" }
        if let impacts = StatementRenderer.impactsTable(s) { out += "## Service impacts\n\n" + impacts.renderMarkdown() + "\n" }
        if !s.others.isEmpty {
            out +=
                "## Proposals owned by others that cut your cost centres\n\n" + StatementRenderer.linesTable(s, s.others, totals: false).renderMarkdown()
                + "\n"
        }
        out += "## Reconciliation findings\n\n"
        out +=
            s.findings.isEmpty
            ? "None.\n\n"
            : s.findings.map { "- **\($0.code.plainName)** (\($0.code.rawValue), \($0.severity.rawValue)) \($0.amount): \(Escape.markdown($0.message))" }.joined(
                separator: "\n") + "\n" + (s.moreFindingsText.map { "\n" + Escape.markdown($0) + "\n" } ?? "") + "\n"
        out += "## Ledger entries in \(s.period)\n\n" + StatementRenderer.entriesTable(s).renderMarkdown() + "\n"
        out += "## Sign-off\n\n\(Escape.markdown(StatementRenderer.signOffText(s)))\n\nSigned: ______________________ Date: ____________\n"
        return out
    }

    public func summary(_ s: Summary) -> String {
        var t = SummaryRenderer.table(s)
        t.title = SummaryRenderer.title(s)
        return t.renderMarkdown() + (SummaryRenderer.returnsLine(s).map { "\n" + Escape.markdown($0) + "\n" } ?? "")
            + (SummaryRenderer.impactsTable(s).map { "\n## Service impacts reported (unforeseen first)\n\n" + $0.renderMarkdown() } ?? "")
            + "\n## Top findings (\(s.findingCount) in all)\n\n"
            + s.topFindings.map { "- **\($0.severity.rawValue.uppercased()) \($0.code.rawValue)** \($0.amount): \(Escape.markdown($0.message))" }.joined(separator: "\n")
            + "\n"
    }

    public func reconciliation(_ r: ReconciliationReport) -> String {
        var out = "# Reconciliation as at the end of \(r.asOf)\n\nLedger head \(r.head.short) · \(r.findings.count) finding\(r.findings.count == 1 ? "" : "s")"
            + (r.filter.map { " · only \(Escape.markdown($0.description))" } ?? "") + "\n\n"
        if r.findings.isEmpty { return out + "No findings.\n" }
        out += r.findings.map {
            "- **\($0.severity.rawValue.uppercased()) \($0.code.rawValue) \($0.code.name)** \($0.amount) · \($0.year?.description ?? "") · "
                + "\(Escape.markdown($0.refs.joined(separator: ", ")))\($0.costCentre.map { " [\(Escape.markdown($0.rawValue))]" } ?? ""): \(Escape.markdown($0.message))"
        }.joined(separator: "\n")
        return out + "\n"
    }

    public func table(_ t: Table) -> String { t.renderMarkdown() }
}

/// RFC 4180 CSV: money in pounds with two decimals, no symbol; cells that a spreadsheet would run as
/// a formula are made inert.
public struct CSVWriter: ReportWriter {
    public var format: DocumentFormat { .csv }
    public init() {}

    /// One row per proposal line (owned and others), with the holder and period on every row; the
    /// header in words, as a person reads it in Excel.
    public func statement(_ s: HolderStatement) -> String {
        let lines = s.owned + s.others
        var t = StatementRenderer.linesTable(s, lines, totals: false)
        t.columns.insert(contentsOf: [.init("holder", "Holder"), .init("period", "Period"), .init("owned", "Yours")], at: 0)
        t.columns.append(.init("comment", "Latest comment"))
        t.columns.append(.init("head", "Chain head"))
        for i in t.rows.indices {
            t.rows[i].insert(contentsOf: [.text(s.holder), .text(s.period.description), .text(lines[i].owned ? "yes" : "no")], at: 0)
            t.rows[i].append(.text(lines[i].comment))
            t.rows[i].append(.text(s.head.short))
        }
        return t.renderCSV(headings: true)
    }

    public func summary(_ s: Summary) -> String {
        SummaryRenderer.table(s, totals: false).renderCSV(headings: true)
    }

    /// SPEC §6's pinned columns: code,severity,refs,cost_centre,year,amount,message.
    public func reconciliation(_ r: ReconciliationReport) -> String {
        var out = "code,severity,refs,cost_centre,year,amount,message\r\n"
        for f in r.findings {
            out +=
                [
                    f.code.rawValue, f.severity.rawValue, Escape.csv(f.refs.joined(separator: ";")), Escape.csv(f.costCentre?.rawValue ?? ""),
                    f.year?.description ?? "", f.amount.plain, Escape.csv(f.message),
                ].joined(separator: ",") + "\r\n"
        }
        return out
    }

    public func table(_ t: Table) -> String { t.renderCSV() }
}

/// Each report's own `Encodable` form (``JSONOutput``); a table as rows keyed by column.
public struct JSONWriter: ReportWriter {
    public var format: DocumentFormat { .json }
    public init() {}

    public func statement(_ s: HolderStatement) throws -> String { try JSONOutput.encode(s) }
    public func summary(_ s: Summary) throws -> String { try JSONOutput.encode(s) }
    public func reconciliation(_ r: ReconciliationReport) throws -> String { try JSONOutput.encode(r) }
    public func table(_ t: Table) -> String { t.renderJSON() }
}

/// A self-contained, printable page: inline CSS and SVG, no network; every value escaped.
public struct HTMLWriter: ReportWriter {
    public var format: DocumentFormat { .html }
    public init() {}

    public func statement(_ s: HolderStatement) -> String {
        HTMLPage.page(title: "Savings statement — \(s.holder) — \(s.period)", body: statementBody(s)).text
    }

    /// The statement's page body, for a page of its own or a frame such as the portal's.
    /// `inPortal`: the page is the portal's, whose readers have its pages rather than the command line.
    public func statementBody(_ s: HolderStatement, inPortal: Bool = false) -> HTML {
        let portfolio = s.portfolio != nil
        var body: HTML = "<header><h1>\(portfolio ? "Portfolio statement" : "Savings statement")</h1><p class=\"who\">\(s.holder)</p>"
        body +=
            "<p class=\"meta\">\(s.period.description) · as at \(s.asAt) · \(s.directorates.joined(separator: ", ")) · \(StatementRenderer.headText(s))</p></header>"
        if let notice = StatementRenderer.notice(s) { body += "<p class=\"notice\"><b>Note:</b> \(notice)</p>" }
        body += "<p class=\"headline\">\(StatementRenderer.headline(s, money: \.forReading))</p>"
        body += HTMLPage.chart(
            bars: s.owned.map { ($0.ref.rawValue, $0.currentTarget, $0.delivered, $0.forecast ?? $0.delivered, $0.rag) },
            title: "Target, delivered and forecast for \(s.period.year)")
        body += "<h2>\(portfolio ? "Savings in this portfolio" : "Proposals you own")</h2>"
        body += HTMLPage.table(
                StatementRenderer.linesTable(s, s.owned, totals: true, owner: false, original: false), ragColumn: "rag",
                calm: ("variance", StatementRenderer.behindRows(s.owned, total: s.totals.behind)))
        // A portfolio's statement is a councillor's: comments are written for finance, and stay there.
        let comments = portfolio ? [] : StatementRenderer.comments(s.owned, period: s.period)
        if !comments.isEmpty {
            body += "<h3>Comments from the latest return</h3><ul class=\"comments\">"
                + comments.map { c -> HTML in "<li><b>\(c.ref)</b>: \(c.comment)</li>" }.joined() + "</ul>"
        }
        if !s.others.isEmpty {
            body +=
                "<h2>Proposals owned by others that cut your cost centres</h2>"
                + HTMLPage.table(
                    StatementRenderer.linesTable(s, s.others, totals: false, original: false), ragColumn: "rag",
                    calm: ("variance", StatementRenderer.behindRows(s.others)))
        }
        if let impacts = StatementRenderer.impactsTable(s) { body += "<h2>Service impacts</h2>\(HTMLPage.table(impacts))" }
        body += "<h2>Reconciliation findings</h2>"
        if s.findings.isEmpty {
            body += "<p>None.</p>"
        } else {
            body += HTMLPage.findings(s.findings)
            if let lead = s.moreFindingsLead {
                let rest: HTML = inPortal ? "the Findings page lists them all." : "<code>\(s.moreFindingsCommand)</code> lists them all (in the portal, Findings)."
                body += "<p class=\"meta\">\(lead)\(rest)</p>"
            }
        }
        // The detail behind the figures: month by month, the cost centres, the month's entries.
        var detail = HTML.empty
        if let trend = StatementRenderer.trendTable(s) {
            // Red only where the month's shortfall is beyond tolerance, as on the proposals' lines.
            let alarmed = Set(s.trend.indices.filter { s.trend[$0].behind })
            detail += "<h2>\(portfolio ? "The portfolio" : "Your proposals") month by month</h2>\(HTMLPage.table(trend, calm: ("variance", alarmed)))"
        }
        // A portfolio's statement is read, not signed, and lists no cost centre or ledger entry (SPEC §7 v3).
        guard !portfolio else { return body + detail }
        detail += "<h2>Cost centres you hold</h2>\(HTMLPage.table(StatementRenderer.centresTable(s)))"
        let entries: HTML = s.entries.isEmpty ? "<p>None.</p>" : HTMLPage.table(StatementRenderer.entriesTable(s))
        detail += "<h2>Ledger entries in \(s.period.description)</h2>\(entries)"
        // In the portal the sign-off's state comes last, where the page offers the form while there
        // is something to sign. On paper the box to sign by hand follows the figures and findings
        // it signs, before the detail, so a printed statement never leaves it alone on a later page.
        let signOff: HTML = "<section class=\"signoff\"><h2>Sign-off</h2><p>\(StatementRenderer.signOffText(s))</p>"
        if inPortal { return body + detail + signOff + "</section>" }
        let signature: HTML = "<p>I confirm these figures and the actions above.</p><div class=\"sig\"><span>Signed</span><span>Date</span></div></section>"
        return body + signOff + signature + "<div class=\"detail\">\(detail)</div>"
    }

    public func summary(_ s: Summary) -> String { HTMLPage.page(title: SummaryRenderer.title(s), body: summaryBody(s)).text }

    /// The summary's page body.
    public func summaryBody(_ s: Summary) -> HTML {
        let t = SummaryRenderer.table(s)
        // The chart is the year of the summary's period: one year's delivery against that year's target.
        let year = s.totals.contains { $0.year == s.asOf.year } ? s.asOf.year : (s.totals.first?.year ?? s.asOf.year)
        let byFund = s.funds.count > 1
        // A fund other than the General Fund is named beside its directorate.
        let bars = s.byDirectorate(in: year).map {
            (byFund && $0.fund != Proposal.generalFund ? "\($0.directorate) (\($0.fund))" : $0.directorate, $0.currentTarget, $0.delivered, $0.forecast, RAG?.none)
        }
        let returns = SummaryRenderer.returnsLine(s).map { " · \($0)" } ?? ""
        var body: HTML = "<header><h1>MTFS savings summary</h1><p class=\"meta\">\(SummaryRenderer.title(s))\(returns)</p></header>"
        body += HTMLPage.chart(bars: bars, title: "Current target, delivered and forecast by directorate, \(year)")
        // Many money columns: the table keeps its words on one line and scrolls sideways in its own box.
        body += "<h2>By \(s.grouping == .directorate ? "directorate" : s.grouping.rawValue) and year</h2><div class=\"wide\" tabindex=\"0\" role=\"region\" aria-label=\"Summary table\">\(HTMLPage.table(t))</div>"
        if let impacts = SummaryRenderer.impactsTable(s) { body += "<h2>Service impacts reported (unforeseen first)</h2>\(HTMLPage.table(impacts))" }
        body += "<h2>Top findings (\(s.findingCount) in all)</h2>\(HTMLPage.findings(s.topFindings))"
        return body
    }

    public func reconciliation(_ r: ReconciliationReport) -> String {
        let title = "Reconciliation as at the end of \(r.asOf)"
        let only = r.filter.map { " · only \($0.description)" } ?? ""
        var body: HTML = "<header><h1>Reconciliation</h1><p class=\"meta\">\(title) · ledger head \(r.head.short) · "
        body += "\(r.findings.count) finding\(r.findings.count == 1 ? "" : "s")\(only)</p></header>"
        body += r.findings.isEmpty ? "<p>No findings.</p>" : HTMLPage.findings(r.findings)
        return HTMLPage.page(title: title, body: body).text
    }

    public func table(_ t: Table) -> String { HTMLPage.page(title: t.title ?? "mtfs", body: HTMLPage.table(t)).text }
}
