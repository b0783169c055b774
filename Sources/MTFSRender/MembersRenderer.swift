import MTFSDomain
import MTFSEngine

/// The members' report (SPEC §7 v3) as a printable page (one page per portfolio), Markdown and a
/// workbook. Every value is escaped for its format; nothing below a proposal is shown.
public enum MembersRenderer {
    /// The formats the report is written in.
    public static let formats: [DocumentFormat] = [.html, .markdown, .xlsx]

    public static func title(_ r: MembersReport) -> String {
        "Savings delivery \(r.year): report to members" + (r.scope.map { " (\($0))" } ?? "")
    }

    /// "figures from the latest returns: People October 2023, Place October 2023", when any is
    /// earlier than the report's month (the report is as at its month, its figures as returned).
    static func returnsLine(_ r: MembersReport) -> String? {
        guard !r.latestReturns.isEmpty else { return "no returns yet: the figures are the approved targets and any delivery logged" }
        return "figures from the latest returns: " + r.latestReturns.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.monthName)" }.joined(separator: ", ")
    }

    /// "2024/25 as at the end of September 2024 (P6)".
    public static func asAt(_ r: MembersReport) -> String { "\(r.year) as at the end of \(r.period.monthName) (P\(r.period.number))" }

    /// Whether any proposal is without a forecast: the column is shown only then.
    static func anyNoForecast(_ r: MembersReport) -> Bool { r.totals.contains { !$0.money.noForecast.isZero } }

    static func ragWords(_ l: MembersReport.Line) -> String {
        if l.notReported { return "not reported" }
        guard let rag = l.rag else { return l.money.noForecast.isZero ? "–" : "no forecast" }
        return rag.name
    }

    static func moneyColumns(_ r: MembersReport) -> [Table.Column] {
        [.init("approved", "Approved"), .init("slipped_or_written_off", "Slipped / written off"), .init("target", "Target now"),
         .init("delivered", "Delivered"), .init("on_track", "On track"), .init("at_risk", "At risk"),
         .init("will_not_be_delivered", "Will not be delivered")] + (anyNoForecast(r) ? [.init("no_forecast", "No forecast")] : [])
    }

    static func moneyCells(_ m: MembersReport.Money, _ r: MembersReport) -> [Table.Cell] {
        [.money(m.originalTarget), .money(m.moved), .money(m.target), .money(m.delivered), .money(m.onTrack), .money(m.atRisk), .money(m.willNotBeDelivered)]
            + (anyNoForecast(r) ? [.money(m.noForecast)] : [])
    }

    /// One directorate's proposals in a portfolio, with its total (one per fund).
    static func groupTable(_ g: MembersReport.Group, _ r: MembersReport) -> Table {
        var t = Table(
            columns: [.init("ref", "Ref"), .init("saving", "Saving", maxTextWidth: 44), .init("owner", "Owner")] + moneyColumns(r)
                + [.init("rag", "RAG")])
        for l in g.lines {
            let fund = l.proposal.fund == Proposal.generalFund ? "" : " (\(l.proposal.fund))"
            t.rows.append([.text(l.proposal.ref.rawValue), .text(l.proposal.title + fund), .text(l.proposal.owner)] + moneyCells(l.money, r) + [.text(ragWords(l))])
        }
        if g.totals.count == 1 {
            t.totals = [.text("Total"), .empty, .empty] + moneyCells(g.totals[0].money, r) + [.empty]
        } else {
            for total in g.totals {
                t.subtotals.insert(t.rows.count)
                t.rows.append([.text("Total"), .text(total.fund), .empty] + moneyCells(total.money, r) + [.empty])
            }
        }
        return t
    }

    /// The programme by portfolio: one row per portfolio (and fund), and the total of each fund.
    static func portfolioTable(_ r: MembersReport, totals: Bool = true) -> Table {
        let funds = Set(r.totals.map(\.fund)).count > 1
        var t = Table(
            columns: [.init("portfolio", "Portfolio"), .init("portfolio_holder", "Portfolio holder")] + (funds ? [.init("fund", "Fund")] : [])
                + moneyColumns(r) + [.init("delivered_share", "Delivered %")])
        for p in r.portfolios {
            for total in p.totals {
                t.rows.append(
                    [.text(p.name), .text(p.holder ?? "")] + (funds ? [.text(total.fund)] : []) + moneyCells(total.money, r)
                        + [.percent(total.money.deliveredShare)])
            }
        }
        guard totals else { return t }
        if r.totals.count == 1 {
            t.totals = [.text("Total"), .empty] + moneyCells(r.totals[0].money, r) + [.percent(r.totals[0].money.deliveredShare)]
        } else {
            for total in r.totals {
                t.subtotals.insert(t.rows.count)
                t.rows.append([.text("Total"), .empty, .text(total.fund)] + moneyCells(total.money, r) + [.percent(total.money.deliveredShare)])
            }
        }
        return t
    }

    /// "Target £1,200,000; delivered £400,000 (33.3%); on track …", one sentence per fund.
    static func headline(_ totals: [MembersReport.FundTotal], _ r: MembersReport) -> String {
        guard !totals.isEmpty else { return "No savings target for \(r.year)." }
        return totals.map { t in
            let m = t.money
            let share = m.deliveredShare.map { " (\(Table.human(.percent($0))))" } ?? ""
            var s = (totals.count > 1 ? "\(t.fund): a" : "A") + "pproved target \(m.originalTarget.forReading); "
            if !m.slipped.isZero {
                s += m.slipped.isNegative ? "slipped in from earlier years \(m.slipped.magnitude.forReading); " : "slipped to later years \(m.slipped.forReading); "
            }
            if !m.writtenOff.isZero { s += "written off \(m.writtenOff.forReading); " }
            if !m.moved.isZero { s += "target now \(m.target.forReading); " }
            s += "delivered \(m.delivered.forReading)\(share); "
            s += "on track \(m.onTrack.forReading); at risk \(m.atRisk.forReading); will not be delivered \(m.willNotBeDelivered.forReading)"
            if !m.noForecast.isZero { s += "; no forecast \(m.noForecast.forReading)" }
            return s + "."
        }.joined(separator: " ")
    }

    /// The programme at a glance: savings by rating, impacts reported, concerns; each on its
    /// portfolio's page.
    static func glance(_ r: MembersReport) -> [String] {
        let lines = r.portfolios.flatMap { $0.groups.flatMap(\.lines) }
        var ratings: [String] = []
        for rag in RAG.allCases {
            let n = lines.filter { !$0.notReported && $0.rag == rag }.count
            if n > 0 { ratings.append("\(n) \(rag.name)") }
        }
        let unrated = lines.filter { $0.notReported || $0.rag == nil }.count
        if unrated > 0 { ratings.append("\(unrated) without a forecast or not reported") }
        let impacts = r.portfolios.flatMap(\.impacts)
        let unforeseen = impacts.filter(\.unforeseen).count
        // A double count between two portfolios is on both pages, and counted once here.
        let concerns = Set(r.portfolios.flatMap(\.concerns))
        let doubles = concerns.filter { $0.kind == .doubleCount }.count
        func n(_ count: Int, _ one: String, _ many: String) -> String { "\(count) \(count == 1 ? one : many)" }
        return [
            n(lines.count, "saving", "savings") + " with a target in \(r.year)" + (ratings.isEmpty ? "." : ": " + ratings.joined(separator: ", ") + "."),
            n(impacts.count, "service impact", "service impacts") + " reported since the last report"
                + (impacts.isEmpty ? "." : " (\(unforeseen) not foreseen when the saving was assessed)."),
            n(doubles, "possible double count", "possible double counts") + " and " + n(concerns.count - doubles, "slippage concern", "slippage concerns")
                + (r.portfolios.count > 1 ? ", each on its portfolio's page." : "."),
        ]
    }

    static func impactSentence(_ i: MembersReport.Impact) -> (label: String, text: String) {
        let label = i.unforeseen ? "Not foreseen" : "Foreseen"
        let why = i.noneIdentified ? " (no impact was identified when the saving was assessed)" : ""
        return (label, "\(i.proposal.ref) \(i.proposal.title), reported \(i.report.period.monthName)\(why): \(i.report.impact.text)")
    }

    /// "reported in October to December 2023": the months after the last report, to the report's.
    static func impactsHeading(_ r: MembersReport) -> String {
        let first = r.since.next
        return "Service impacts reported " + (first == r.period ? "in \(r.period.monthName)" : "from \(first.monthName) to \(r.period.monthName)")
            + " (since the last report)"
    }

    /// A portfolio's page lists this many concerns (double counts first, then the most money), so
    /// that it prints on one page; the workbook lists them all.
    static let shownConcerns = 8

    /// "…and 3 more, of less money: …", when a portfolio has more concerns than its page lists.
    static func more(_ p: MembersReport.Portfolio) -> String? {
        let rest = p.concerns.dropFirst(shownConcerns)
        guard !rest.isEmpty else { return nil }
        return "…and \(rest.count) more, each of less money (the workbook version of this report lists every one)."
    }

    /// How to read the tables, naming only the columns shown.
    static func legend(_ r: MembersReport) -> String {
        "Approved is each saving's target for \(r.year) in the MTFS; slipped or written off is what has since moved to later years or been "
            + "found unachievable; target now is what is left to deliver this year. On track, at risk and will not be delivered are the rest "
            + "of the target now as each owner last reported it (Green, Amber and Red; Blue is delivered in full)."
            + (anyNoForecast(r) ? " No forecast: what is still to deliver where no forecast has been returned." : "")
            + " Figures are for each saving as a whole; owners are the officers accountable."
    }

    /// "People (latest return: October 2023)".
    static func groupHeading(_ g: MembersReport.Group) -> String {
        g.directorate + (g.latestReturn.map { " (latest return: \($0.monthName))" } ?? " (no return yet)")
    }

    /// "PEO-11 Sexual health services, rated High risk, has said nothing about service impacts in its last three returns."
    static func silentSentence(_ p: Proposal) -> String {
        "\(p.ref) \(p.title), rated High risk, has said nothing about service impacts in its last three returns."
    }

    // MARK: - HTML

    public static let css = """
        .members h2.portfolio { font-size: 17px; border-bottom: 2px solid #1f4e79; padding-bottom: 2px; margin-top: 28px; }
        .members .holder { font-weight: 600; margin: 2px 0 6px; } .members ul.plain { padding-left: 18px; margin: 4px 0; }
        .members ul.plain li { margin-bottom: 3px; } .members .label { font-weight: 700; } .members .label-no { color: #b00020; }
        .members table td:nth-child(2) { min-width: 12em; } .members th, .members td { padding-left: 6px; }
        .members td:nth-child(3), .members td:last-child { white-space: nowrap; overflow-wrap: normal; }
        .members th { white-space: normal; } .members .scroll { overflow-x: auto; }
        @media print { .members section.paged { break-before: page; } .members h2.portfolio { margin-top: 0; font-size: 14px; }
          .members ul.plain { font-size: 9px; } .members h3 { font-size: 11px; margin: 6px 0 2px; } }
        """

    public static func html(_ r: MembersReport) -> String {
        HTMLPage.page(title: title(r) + " — " + asAt(r), body: htmlBody(r), extraCSS: css).text
    }

    /// The page body (for a page of its own or the portal's frame).
    public static func htmlBody(_ r: MembersReport) -> HTML {
        var body: HTML = "<div class=\"members\"><header><h1>\(title(r))</h1><p class=\"meta\">\(asAt(r)) · ledger head \(r.head.short)"
        if let line = returnsLine(r) { body += " · \(line)" }
        body += "</p></header>"
        // One portfolio's report: its own headline below says it all.
        if r.portfolios.count != 1 { body += "<p class=\"headline\">\(headline(r.totals, r))</p>" }
        body += "<ul class=\"plain\">\(glance(r).map { g -> HTML in "<li>\(g)</li>" }.joined())</ul>"
        if r.portfolios.count > 1 {
            body += "<h2>By portfolio</h2>\(HTMLPage.table(portfolioTable(r)))"
        }
        body += "<p class=\"meta\">\(legend(r))</p>"
        if r.portfolios.isEmpty { body += "<p>No savings proposals in this report.</p>" }
        for p in r.portfolios {
            // Printed, each portfolio starts a page after the programme's; one portfolio alone needs none.
            body += "<section class=\"portfolio\(r.portfolios.count > 1 ? " paged" : "")\"><h2 class=\"portfolio\">\(p.name)</h2>"
            body += "<p class=\"holder\">Portfolio holder: \(p.holder ?? "not named")</p><p class=\"meta\">\(asAt(r))</p>"
            body += "<p class=\"headline\">\(headline(p.totals, r))</p>"
            for g in p.groups {
                // On a narrow screen the table scrolls in its own labelled region, not the page.
                body += "<h3>\(groupHeading(g))</h3><div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(p.name): \(g.directorate)\">"
                body += "\(HTMLPage.table(groupTable(g, r)))</div>"
                let comments = g.lines.compactMap { l in l.comment.map { (l.proposal.ref, $0) } }
                if !comments.isEmpty {
                    body += "<p class=\"meta\">Comments from the latest returns:</p><ul class=\"plain\">"
                        + comments.map { c -> HTML in "<li><b>\(c.0.rawValue)</b>: \(c.1)</li>" }.joined() + "</ul>"
                }
            }
            if p.groups.isEmpty { body += "<p>No savings target for \(r.year.description).</p>" }
            body += "<h3>\(impactsHeading(r))</h3>"
            if p.impacts.isEmpty && p.silentOnImpacts.isEmpty {
                body += "<p>None reported.</p>"
            } else {
                let reported = p.impacts.map { i -> HTML in
                    let s = impactSentence(i)
                    return "<li><span class=\"label\(i.unforeseen ? " label-no" : "")\">\(s.label)</span> · \(s.text)</li>"
                }
                let silent = p.silentOnImpacts.map { x -> HTML in "<li><span class=\"label\">Not reported on</span> · \(silentSentence(x))</li>" }
                body += "<ul class=\"plain\">\(reported.joined())\(silent.joined())</ul>"
            }
            body += "<h3>Slippage and double counts</h3>"
            if p.concerns.isEmpty {
                body += "<p>None.</p>"
            } else {
                let shown = p.concerns.prefix(shownConcerns).map { c -> HTML in "<li>\(c.sentence)</li>" }
                let rest: HTML = more(p).map { "<li>\($0)</li>" } ?? .empty
                body += "<ul class=\"plain\">\(shown.joined())\(rest)</ul>"
            }
            body += "</section>"
        }
        return body + "</div>"
    }

    // MARK: - Markdown

    public static func markdown(_ r: MembersReport) -> String {
        let m = Escape.markdown
        var out = "# \(m(title(r)))\n\n\(m(asAt(r))) · ledger head \(r.head.short)" + (returnsLine(r).map { " · " + m($0) } ?? "") + "\n\n" + (r.portfolios.count == 1 ? "" : "\(m(headline(r.totals, r)))\n\n")
        out += glance(r).map { "- \(m($0))\n" }.joined() + "\n"
        if r.portfolios.count > 1 { out += "## By portfolio\n\n" + portfolioTable(r).renderMarkdown() + "\n" }
        out += "_\(m(legend(r)))_\n\n"
        for p in r.portfolios {
            out += "## \(m(p.name))\n\nPortfolio holder: \(m(p.holder ?? "not named")) · \(m(asAt(r)))\n\n\(m(headline(p.totals, r)))\n\n"
            for g in p.groups {
                out += "### \(m(groupHeading(g)))\n\n" + groupTable(g, r).renderMarkdown() + "\n"
                if g.lines.contains(where: { $0.comment != nil }) { out += "Comments from the latest returns:\n\n" }
                for l in g.lines { if let c = l.comment { out += "- **\(m(l.proposal.ref.rawValue))**: \(m(c))\n" } }
                if g.lines.contains(where: { $0.comment != nil }) { out += "\n" }
            }
            out += "### \(m(impactsHeading(r)))\n\n"
            out += p.impacts.isEmpty && p.silentOnImpacts.isEmpty ? "None reported.\n\n" : p.impacts.map { i in
                let s = impactSentence(i)
                return "- **\(s.label)** · \(m(s.text))\n"
            }.joined() + p.silentOnImpacts.map { "- **Not reported on** · \(m(silentSentence($0)))\n" }.joined() + "\n"
            out += "### Slippage and double counts\n\n"
            out += p.concerns.isEmpty ? "None.\n\n" : p.concerns.prefix(shownConcerns).map { "- \(m($0.sentence))\n" }.joined() + (more(p).map { "- \(m($0))\n" } ?? "") + "\n"
        }
        return out
    }

    // MARK: - Workbook

    /// Data tables without totals (a sum or pivot over a sheet counts nothing twice); the totals are
    /// on `About`.
    public static func workbook(_ r: MembersReport) -> WorkbookDocument {
        let funds = Set(r.totals.map(\.fund)).count > 1
        // A saving's ref and name first: printed across pages, they repeat on each.
        var savings = Table(
            columns: [.init("ref", "Ref"), .init("saving", "Saving"), .init("portfolio", "Portfolio"), .init("portfolio_holder", "Portfolio holder"),
                .init("directorate", "Directorate")] + (funds ? [.init("fund", "Fund")] : []) + [.init("owner", "Owner")]
                + moneyColumns(r) + [.init("rag", "RAG")] + (r.withComments ? [.init("comment", "Latest comment")] : []))
        for p in r.portfolios {
            for g in p.groups {
                for l in g.lines {
                    savings.rows.append(
                        [.text(l.proposal.ref.rawValue), .text(l.proposal.title), .text(p.name), .text(p.holder ?? ""), .text(g.directorate)]
                            + (funds ? [.text(l.proposal.fund)] : []) + [.text(l.proposal.owner)] + moneyCells(l.money, r)
                            + [.text(ragWords(l))] + (r.withComments ? [.text(l.comment ?? "")] : []))
                }
            }
        }
        var impacts = Table(columns: [
            .init("portfolio", "Portfolio"), .init("foreseen", "Foreseen?"), .init("reported", "Reported"), .init("ref", "Ref"),
            .init("saving", "Saving"), .init("impact", "Impact"), .init("owner", "Owner"),
        ])
        // Each concern once, with every portfolio it is on: a sum over the sheet counts nothing twice.
        var concerns = Table(columns: [
            .init("portfolios", "Portfolios"), .init("kind", "Kind"), .init("code", "Code"), .init("amount", "Amount"), .init("what", "What"),
        ])
        var concernOrder: [MembersReport.Concern] = []
        var concernPortfolios: [MembersReport.Concern: [String]] = [:]
        for p in r.portfolios {
            for i in p.impacts {
                impacts.rows.append([
                    .text(p.name), .text(i.unforeseen ? "Not foreseen" : "Foreseen"), .text(i.report.period.monthName), .text(i.proposal.ref.rawValue),
                    .text(i.proposal.title), .text(i.report.impact.text), .text(i.proposal.owner),
                ])
            }
            for c in p.concerns {
                if concernPortfolios[c] == nil { concernOrder.append(c) }
                concernPortfolios[c, default: []].append(p.name)
            }
            for q in p.silentOnImpacts {
                impacts.rows.append([
                    .text(p.name), .text("Not reported on"), .text(""), .text(q.ref.rawValue), .text(q.title), .text(silentSentence(q)), .text(q.owner),
                ])
            }
        }
        for c in concernOrder {
            concerns.rows.append([
                .text(concernPortfolios[c]!.joined(separator: "; ")), .text(c.kind.rawValue), .text(c.code?.rawValue ?? ""), .money(c.amount),
                .text(c.sentence),
            ])
        }
        var about: [(String, String)] = [
            ("report", title(r)), ("as at", asAt(r)), ("service impacts", impactsHeading(r)), ("chain head", r.head.description),
            ("totals", headline(r.totals, r)), ("how to read", legend(r)),
        ]
        if let line = returnsLine(r) { about.insert(("returns", line), at: 2) }
        if let scope = r.scope { about.append(("scope", scope)) }
        var savingsSheet = WorkbookDocument.Sheet(name: "Savings", table: savings)
        savingsSheet.repeatedColumns = 2
        var doc = WorkbookDocument(
            sheets: [
                savingsSheet, .init(name: "By portfolio", table: portfolioTable(r, totals: false)),
                .init(name: "Service impacts", table: impacts), .init(name: "Slippage and double counts", table: concerns),
            ], about: about)
        doc.printTitle = "\(title(r)) — \(asAt(r))"
        doc.portrait = true
        return doc
    }

    /// The report as a file's bytes in `format` (HTML, Markdown or a workbook).
    public static func file(_ r: MembersReport, as format: DocumentFormat) throws -> [UInt8] {
        switch format {
        case .html: Array(html(r).utf8)
        case .markdown: Array(markdown(r).utf8)
        case .xlsx: Array(try XLSXFile.bytes(workbook(r)))
        default: throw WorkbookWriteError(kind: .badInput, explanation: "the members' report is written as html, markdown or xlsx")
        }
    }
}
