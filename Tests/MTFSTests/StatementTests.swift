import Foundation
import MTFSDomain
import MTFSRender
@testable import MTFSStore
import Testing

@testable import MTFSEngine
@testable import mtfs

let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

/// A fixed statement with edge values: negative variance, zero target, £ millions, quotes, commas, markup, non-ASCII.
func edgeStatement() -> HolderStatement {
    let y = fy(2023)
    func line(
        _ ref: ProposalRef, _ title: String, owner: String, owned: Bool, target: Int64, profiled: Int64, delivered: Int64,
        forecast: Int64?, rag: RAG?, comment: String, movement: Int64, ahead: [Int64]
    ) -> HolderStatement.Line {
        HolderStatement.Line(
            ref: ref, title: title, owner: HolderID(owner), owned: owned, costCentres: ["CC-1"], originalTarget: Pence(target),
            currentTarget: Pence(target),
            profiled: Pence(profiled), delivered: Pence(delivered), forecast: forecast.map(Pence.init), rag: rag, comment: comment,
            movement: Pence(movement), ahead: ahead.map(Pence.init),
            behind: ReconcileSettings().isBehind(delivered: Pence(delivered), profile: Pence(profiled)))
    }
    let owned = [
        line(
            "P-1", "Reduce \"residential\" placements, phase 1 <script>alert('x')</script>", owner: "Zoë O'Brien-Ó Súilleabháin",
            owned: true,
            target: 1_234_567_890_12, profiled: 61_728_394_50, delivered: 50_000_000_00, forecast: 1_000_000_000_00, rag: .amber,
            comment: "=HYPERLINK(\"http://evil\")", movement: -2_500_00, ahead: [500_000_00, 0]),
        line(
            "P-2", "Zero target this year", owner: "Zoë O'Brien-Ó Súilleabháin", owned: true, target: 0, profiled: 0, delivered: 0,
            forecast: nil, rag: nil, comment: "", movement: 0, ahead: [0, 250_000_00]),
    ]
    let others = [
        line(
            "Q-9", "Hub & spoke, \"shared\"", owner: "@Other | Owner", owned: false, target: 10_000_00, profiled: 5_000_00,
            delivered: 5_000_00, forecast: 10_000_00, rag: .blue, comment: "Done", movement: 0, ahead: [0, 0])
    ]
    let finding = Finding(
        code: .DC03, severity: .critical, refs: ["Q-9", "P-1"], costCentre: "CC-1", year: y, amount: Pence(10_000_00),
        message: "CC-1 moved <b>twice</b> & is claimed by both \"sides\".")
    var totals = HolderStatement.Totals([], years: 2)
    totals = HolderStatement.Totals(owned, years: 2, behindIf: ReconcileSettings())
    return HolderStatement(
        holder: "Zoë O'Brien-Ó Súilleabháin", period: y.period(7), directorates: ["People", "Résources, \"Hub\""],
        centres: [
            HolderStatement.Centre(
                code: "CC-1", name: "Placements <main>", service: "Children's Social Care", directorate: "People",
                baseline: Pence(4_200_000_00), since: date("2023-04-01"))
        ],
        owned: owned, others: others, yearsAhead: [fy(2024), fy(2025)], totals: totals, findings: [finding], entries: [],
        previousSignOff: SignOff(
            holder: "Zoë O'Brien-Ó Súilleabháin", period: y.period(6), signedBy: "Zoë", signedAt: "2023-10-05T09:00:00Z",
            comment: "Agreed, <with> \"caveats\""),
        head: ChainHead(count: 1204, hash: "9f2c4e1a7b3d5e60aa11bb22cc33dd44ee55ff6600112233445566778899aabb"))
}

@Suite("Statements and the summary")
struct StatementTests {
    @Test("golden output in every format with edge values", arguments: DocumentFormat.allCases)
    func golden(format: DocumentFormat) throws {
        // A workbook's golden form is its cells, as our reader reads them back.
        let rendered =
            format.isWorkbook ? try workbookDump(try format.file(statement: edgeStatement())) : try StatementRenderer.render(edgeStatement(), as: format)
        let file = goldenFolder.appendingPathComponent("statement." + format.fileExtension + (format.isWorkbook ? ".txt" : ""))
        if ProcessInfo.processInfo.environment["MTFS_UPDATE_GOLDEN"] != nil {
            try Data(rendered.utf8).write(to: file)
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(rendered == expected, "regenerate with MTFS_UPDATE_GOLDEN=1 swift test --filter golden, then review the diff")
        // Whatever the format, hostile text never comes through raw.
        switch format {
        case .html:
            // The page's own <main> landmark once; the cost centre named "Placements <main>" escaped.
            #expect(!rendered.contains("<script>") && !rendered.contains("<b>twice") && rendered.components(separatedBy: "<main>").count == 2)
            #expect(rendered.contains("Placements &lt;main&gt;"))
            #expect(rendered.contains("&lt;script&gt;") && rendered.contains("Zoë O&#39;Brien"))
        case .csv:
            #expect(!rendered.contains(",=HYPERLINK") && !rendered.contains(",@Other"))
            #expect(rendered.contains("'@Other | Owner"))
        case .json:
            #expect(try JSONSerialization.jsonObject(with: Data(rendered.utf8)) is [String: Any])
        case .xlsx:
            // Formula-like text stays text: no cell holds a formula, the comment is a string as typed.
            #expect(!rendered.contains("FORMULAS") && rendered.contains("text \"=HYPERLINK(\\\"http://evil\\\")\""))
            #expect(rendered.contains("text \"@Other | Owner"))
        default: break
        }
    }

    @Test("every holder's statement adds up to the ledger's balances, and its findings are the reconciliation's")
    func agreesWithBalanceAndReconcile() throws {
        let dir = TempDir()
        let ledger = try Ledger(path: dir.path("s.sqlite"), create: true)
        _ = try loadPack(samplePack, into: ledger)
        let period = Period(year: fy(2023), number: 7)
        let builder = try StatementBuilder(ledger: ledger, period: period, settings: ReconcileSettings())
        var target = Pence.zero
        var delivered = Pence.zero
        var ahead = Pence.zero
        let all = Set(builder.findings)
        for holder in builder.holders {
            let s = try builder.statement(for: holder)
            target += s.totals.currentTarget
            delivered += s.totals.delivered
            ahead += s.totals.ahead.reduce(.zero, +)
            #expect(Set(s.findings).isSubset(of: all))
            #expect(s.owned.allSatisfy { $0.owner == holder } && s.others.allSatisfy { $0.owner != holder })
        }
        let lines = try ledger.positions.positionLines(asOf: period)
        #expect(target == lines.filter { $0.year == fy(2023) }.reduce(.zero) { $0 + $1.position.currentTarget })
        #expect(delivered == lines.filter { $0.year == fy(2023) }.reduce(.zero) { $0 + $1.position.delivered })
        #expect(ahead == lines.filter { $0.year > fy(2023) }.reduce(.zero) { $0 + $1.position.currentTarget })
        #expect(builder.holders.count == 19)
    }

    @Test("what a reader needs: the share of someone else's proposal on your cost centres, your return comments, and a notice when a month is outside the MTFS or not yet returned")
    func readerNeeds() throws {
        let dir = TempDir()
        let ledger = try Ledger(path: dir.path("s.sqlite"), create: true)
        _ = try loadPack(samplePack, into: ledger)
        let september = try StatementBuilder(ledger: ledger, period: Period(year: fy(2023), number: 6), settings: ReconcileSettings())
        // PEO-09 (Helen Brandt's) cuts RES-ICT-1602 (Sanjay Patel's) for 50%: his statement shows that half.
        let sanjay = try september.statement(for: "Sanjay Patel")
        let peo09 = try #require(sanjay.others.first { $0.ref == "PEO-09" })
        #expect(peo09.wholeTarget == pounds(150_000) && peo09.currentTarget == pounds(75_000) && peo09.forecast == pounds(75_000))
        #expect(peo09.delivered + peo09.delivered == (try september.statement(for: "Helen Brandt").owned.first { $0.ref == "PEO-09" }?.delivered ?? .zero))
        #expect(sanjay.awaitingReturns.isEmpty && !sanjay.outsideWindow)
        let text = try StatementRenderer.render(sanjay, as: .text)
        #expect(text.contains("PEO-09 is Helen Brandt's: £75,000.00 of its £150,000.00 falls on your cost centres") && !text.contains("NOTE:"))
        #expect(try StatementRenderer.render(sanjay, as: .markdown).contains("Helen Brandt (not yours; share of £150,000.00)"))
        #expect(text.contains("  RES-04 Rationalise software licences: On track"), "\(text)")
        // October: Resources has not returned yet; 2030: outside the MTFS.
        let october = try StatementBuilder(ledger: ledger, period: Period(year: fy(2023), number: 7), settings: ReconcileSettings())
        let late = try october.statement(for: "Sanjay Patel")
        #expect(late.awaitingReturns == ["Resources"])
        #expect(try StatementRenderer.render(late, as: .html).contains("<p class=\"notice\"><b>Note:</b> No return for 2023/24 P7 yet (Resources last returned 2023/24 P6)"))
        #expect(try october.statement(for: "Helen Brandt").awaitingReturns.isEmpty)
        let far = try StatementBuilder(ledger: ledger, period: Period(year: fy(2029), number: 10), settings: ReconcileSettings())
        let helen = try far.statement(for: "Helen Brandt")
        #expect(helen.outsideWindow)
        #expect(try StatementRenderer.render(helen, as: .markdown).contains("is outside the ledger's MTFS years (2023/24..2025/26)"))
        // A variance is red only when the line is behind beyond the SL01 tolerance: PEO-06 (£171,666.66
        // short) is, PEO-07 (£66.66 of rounding) is not.
        let helenOctober = try october.statement(for: "Helen Brandt")
        #expect(helenOctober.owned.first { $0.ref == "PEO-06" }?.behind == true && helenOctober.owned.first { $0.ref == "PEO-07" }?.behind == false)
        let page = try StatementRenderer.render(helenOctober, as: .html)
        // On the page figures are to the pound; under £10 the pence are kept.
        #expect(page.contains("<td class=\"num neg\" data-label=\"Variance\">-£171,667</td>") && page.contains("<td class=\"num\" data-label=\"Variance\">-£67</td>"))
        #expect(Pence(-3_33).forReading == "-£3.33" && Pence(66_50).forReading == "£67" && Pence(-66_49).forReading == "-£66" && Pence.zero.forReading == "£0")
        // Month by month: April to October, ending at the statement's own delivered and profile.
        #expect(helenOctober.trend.map(\.period.number) == Array(1...7))
        #expect(helenOctober.trend.last?.delivered == helenOctober.totals.delivered)
        #expect(helenOctober.trend.last?.profiled == helenOctober.totals.profiled)
        #expect(zip(helenOctober.trend, helenOctober.trend.dropFirst()).allSatisfy { $0.profiled <= $1.profiled })
        #expect(try StatementRenderer.render(helenOctober, as: .text).contains("Your proposals month by month"))
        #expect(try far.statement(for: "Helen Brandt").trend.isEmpty)
        // The holder's own lines do not repeat their name as owner.
        #expect(!(try StatementRenderer.render(try october.statement(for: "Helen Brandt"), as: .text)).contains("Helen Brandt  "))
    }

    @Test("a sign-off binds the RAG too: a rating changed since shows, and figures signed before the RAG was in them still match")
    func signedFiguresIncludeRAG() throws {
        let dir = TempDir()
        let ledger = try Ledger(path: dir.path("s.sqlite"), create: true)
        _ = try loadPack(samplePack, into: ledger)
        let october = Period(year: fy(2023), number: 7)
        try SignOffs.sign(ledger: ledger, holder: "Helen Brandt", period: october, comment: "", by: testWho)
        let signed = try StatementBuilder(ledger: ledger, period: october, settings: ReconcileSettings()).statement(for: "Helen Brandt")
        guard case .signed = signed.signature else { Issue.record("not signed: \(signed.signature)"); return }
        // The same forecast, now Red: only the rating moved.
        try ledger.books.recordForecast(
            ref: "PEO-07", year: fy(2023), period: october, forecast: pounds(350_000), rag: .red, comment: "Provider failed", by: testWho)
        let after = try StatementBuilder(ledger: ledger, period: october, settings: ReconcileSettings()).statement(for: "Helen Brandt")
        guard case .changed(_, let changes) = after.signature else { Issue.record("not changed: \(after.signature)"); return }
        #expect(changes.map(\.figure) == ["PEO-07 RAG G → R"])
        #expect(try StatementRenderer.render(after, as: .text).contains("Changed since signed (PEO-07 RAG G → R)"))
        // A target moved in a year ahead is a change too.
        try SignOffs.sign(ledger: ledger, holder: "Dana Whitfield", period: october, comment: "", by: testWho)
        _ = try ledger.books.record(.unachievable(year: fy(2024), amount: pounds(5_000)), on: "PEO-12", effective: date("2023-10-31"), reason: "", by: testWho)
        let dana = try StatementBuilder(ledger: ledger, period: october, settings: ReconcileSettings()).statement(for: "Dana Whitfield")
        guard case .changed(_, let danaChanges) = dana.signature else { Issue.record("not changed: \(dana.signature)"); return }
        #expect(danaChanges == [StatementFigures.Change(figure: "PEO-12 years ahead", amount: pounds(-5_000))])
        // Figures signed before the RAG was part of them (five fields a line): the amounts alone decide.
        let old = signed.figures.text.split(separator: "\n")
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false).prefix(5).joined(separator: "\t") }
            .joined(separator: "\n")
        #expect(signed.figures.changes(since: old).isEmpty)
        #expect(after.figures.changes(since: old).isEmpty)
    }

    @Test("the summary conserves totals under any structure and weights forecasts by RAG")
    func summary() throws {
        let dir = TempDir()
        let ledger = try Ledger(path: dir.path("s.sqlite"), create: true)
        _ = try loadPack(samplePack, into: ledger)
        let input = try ReconciliationInput.load(ledger, asOf: nil, today: date("2026-01-01"))
        let findings = Reconciliation(input: input).findings()
        let before = Summary.build(
            input: input, findings: findings, settings: ReconcileSettings(), structure: date("2023-04-01"), year: nil)
        let after = Summary.build(input: input, findings: findings, settings: ReconcileSettings(), structure: date("2023-10-01"), year: nil)
        #expect(before.totals == after.totals)
        // Targets are savings; PEO-08's one-off £250,000 falling out in 2024/25 is a pressure, apart.
        #expect(before.totals.reduce(Pence.zero) { $0 + $1.originalTarget } == pounds(17_200_000))
        #expect(before.totals.map(\.fallsOut) == [.zero, pounds(250_000), .zero])
        #expect(before.rows != after.rows)  // business support moved to Resources
        let resources = { (s: Summary) in s.rows.filter { $0.directorate == "Resources" }.reduce(Pence.zero) { $0 + $1.originalTarget } }
        #expect(resources(after) > resources(before))
        // A total for each year, never one across years.
        #expect(before.totals.map(\.year) == [fy(2023), fy(2024), fy(2025)])
        #expect(before.totals.map(\.originalTarget) == [pounds(7_950_000), pounds(6_300_000), pounds(2_950_000)])
        // PEO-06 is Amber with £380k forecast (weighted £190k); PEO-05 is Red (weight 0); Blue and Green count in full.
        let oneYear = Summary.build(input: input, findings: findings, settings: ReconcileSettings(), structure: nil, year: fy(2023))
        let total = try #require(oneYear.totals.first)
        #expect(oneYear.totals.count == 1 && total.weightedForecast < total.forecast)
        var all100 = ReconcileSettings()
        all100.confidenceBasisPoints = [.blue: 10_000, .green: 10_000, .amber: 10_000, .red: 10_000]
        #expect(
            Summary.build(input: input, findings: findings, settings: all100, structure: nil, year: fy(2023)).totals.first?.weightedForecast
                == total.forecast)
        // Years with no forecast yet expect only what is delivered: the rest is "no forecast", never
        // the target in its place (SPEC §6 DQ05).
        let later = try #require(before.total(in: fy(2025)))
        #expect(later.weightedForecast == later.delivered && later.forecast == later.delivered)
        #expect(later.noForecast == later.currentTarget && later.noForecast > .zero)
        // The most serious findings first: the summary's top five start with the critical ones.
        let criticals = findings.filter { $0.severity == .critical }.count
        #expect(criticals >= 5 && before.topFindings.prefix(3).allSatisfy { $0.severity == .critical })
        // A code on the same proposals in several years is one line naming the years (SPEC §7 v3):
        // PLA-CUL-1201's overclaim in three years, once.
        let overclaims = before.topFindings.filter { $0.code == .DC01 && $0.costCentre == "PLA-CUL-1201" }
        #expect(overclaims.count == 1 && overclaims.first?.message.hasSuffix("The same in 2024/25 and 2025/26.") == true, "\(overclaims)")
        #expect(Set(before.topFindings.map { "\($0.code)|\($0.refs)|\($0.costCentre?.rawValue ?? "")" }).count == before.topFindings.count)
        #expect(before.latestReturns[ "Resources"] == Period(year: fy(2023), number: 6))
        let text = try SummaryRenderer.render(before, as: .text)
        #expect(text.contains("Latest returns: People 2023/24 P7, Place 2023/24 P7, Resources 2023/24 P6"))
        #expect(!(try SummaryRenderer.render(oneYear, as: .markdown)).contains("****"))
        #expect(text.contains("Total        2023/24") && !text.contains("£17,200,000.00"))
    }

    @Test("statement files: names from people cannot leave the folder, and the next statement shows the sign-off")
    func filesAndSignOff() throws {
        let s = try Scenario()
        let hostile = ["../../etc/x", "a/b\\c", "Zoë \"Q\" O'Brien", "<script>alert(1)</script>", "..", "CON", "Zoë \"Q\" O'Brien!"]
        for (i, name) in hostile.enumerated() { try s.centre(CostCentreCode("C\(i)"), holder: name) }
        try s.proposal("P-1", owner: hostile[3], centres: "C3")
        let folder = s.dir.path("out/statements")
        let written = try StatementFiles.write(
            ledger: s.ledger, period: Period(year: fy(2023), number: 6), formats: [.html, .csv], folder: folder)
        #expect(written.count == hostile.count)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(files.count == hostile.count * 2 + 1)
        #expect(Set(written.map(\.1)).count == hostile.count)  // no two holders share a file
        #expect(
            !FileManager.default.fileExists(atPath: s.dir.path("etc")) && !FileManager.default.fileExists(atPath: s.dir.path("out/etc")))
        let html = try String(contentsOfFile: folder + "/" + written.first { $0.0 == hostile[3] }!.1 + ".html", encoding: .utf8)
        #expect(!html.contains("<script>alert(1)"))
        // Sign-off: P6 signed (once it has figures), P7's statement shows it.
        #expect(throws: LedgerError.self) {
            try SignOffs.sign(ledger: s.ledger, holder: HolderID(hostile[2]), period: Period(year: fy(2023), number: 6), comment: "ok", by: testWho)
        }
        let ref = try #require(try s.ledger.books.proposals().first?.ref)
        try s.ledger.books.recordForecast(
            ref: ref, year: fy(2023), period: Period(year: fy(2023), number: 6), forecast: pounds(1), rag: .green, comment: "", by: testWho)
        try SignOffs.sign(ledger: s.ledger, holder: HolderID(hostile[2]), period: Period(year: fy(2023), number: 6), comment: "ok", by: testWho)
        let builder = try StatementBuilder(ledger: s.ledger, period: Period(year: fy(2023), number: 7), settings: ReconcileSettings())
        let next = try builder.statement(for: HolderID(hostile[2]))
        #expect(next.previousSignOff?.period == Period(year: fy(2023), number: 6))
        #expect(try StatementRenderer.render(next, as: .text).contains("Not signed. Last signed for 2023/24 P6 by tester"))
        #expect(throws: DatabaseError.self) { try s.ledger.db.execute("DELETE FROM sign_offs") }
    }
}

@Suite("Finding sentences as typed parts")
struct FindingMessageTests {
    @Test("interpolated amounts, years and proposals stay typed; plain text is the sentence; HTML escapes every part")
    func parts() throws {
        let hostile = FindingMessage(parts: [.proposal(ref: "P-<1>", title: "Fees & <charges>", owner: "O'Neil")])
        let m: FindingMessage = "\(hostile) forecasts \(pounds(1_250)) for \(fy(2023)) on \(date("2023-10-31")): " + "\(3) times"
        #expect(m.text == "P-<1> “Fees & <charges>” (O'Neil) forecasts £1,250.00 for 2023/24 on 2023-10-31: 3 times")
        #expect(m.parts.count == 8)
        #expect(m.parts.contains(.amount(pounds(1_250))) && m.parts.contains(.year(fy(2023))) && m.parts.last == .text(": 3 times"))
        let html = FindingHTML.sentence(m).text
        #expect(!html.contains("<1>") && !html.contains("<charges>") && html.contains("<span class=\"ref\">P-&lt;1&gt;</span>"))
        #expect(html.contains("<span class=\"money\">£1,250.00</span>") && html.contains("Fees &amp; &lt;charges&gt;"))
        #expect(FindingMessage.list(["a", "b", "c"]).text == "a, b and c" && FindingMessage.list(["a"]).text == "a")
        let json = try JSONOutput.encode(
            Finding(code: .SL02, severity: .high, refs: ["P-<1>"], amount: pounds(1), message: m))
        #expect(json.contains("\"amount_pence\": 125000") && json.contains("\"ref\": \"P-\\u003c1\\u003e\""))
    }
}

@Suite("JSON output")
struct JSONOutputTests {
    @Test("laid out one member a line; strings with quotes, colons, commas and brackets come through untouched")
    func layout() throws {
        struct Sample: Encodable {
            var text = "a\" : b, {c} [d] \\ \"e\":"
            var empty: [Int] = []
            var nested = ["k": [1, 2]]
            var none: String? = nil  // synthesized Encodable leaves out nil
            var tag = "<b>&"
        }
        let out = try JSONOutput.encode(Sample())
        #expect(
            out == """
                {
                  "empty": [],
                  "nested": {
                    "k": [
                      1,
                      2
                    ]
                  },
                  "tag": "\\u003cb\\u003e\\u0026",
                  "text": "a\\" : b, {c} [d] \\\\ \\"e\\":"
                }

                """)
        let back = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(back["text"] as? String == Sample().text && back["tag"] as? String == "<b>&")
    }
}

@Suite("Report writers, one a format")
struct WriterTests {
    @Test("every format writes the reconciliation, hostile text made harmless in each", arguments: DocumentFormat.allCases)
    func reconciliation(format: DocumentFormat) throws {
        let hostile: FindingMessage = "=HYPERLINK(\"http://evil\") <script>alert(1)</script> \u{1B}[31m & \(pounds(1_000))"
        let report = ReconciliationReport(
            asOf: Period(year: fy(2023), number: 7), head: ChainHead(count: 3, hash: String(repeating: "ab", count: 32)),
            findings: [Finding(code: .DC01, severity: .critical, refs: ["P-<1>"], costCentre: "CC|1", year: fy(2023), amount: pounds(1_000), message: hostile)])
        #expect(format.writer.format == format)
        let file = try format.file(reconciliation: report)
        if format == .xlsx {
            // A workbook: the sentence is a text cell, shown as typed and never run as a formula.
            let dump = try workbookDump(file)
            #expect(!dump.contains("FORMULAS") && dump.contains("Findings!H2 text \"=HYPERLINK(\\\"http://evil\\\")"))
            #expect(dump.contains("Findings!G2 number 1000") && dump.contains("About!B3 text \"3:abab"))
            #expect(throws: WorkbookWriteError.self) { try format.writer.reconciliation(report) }
            return
        }
        let out = try format.writer.reconciliation(report)
        #expect(file == format.text(out, bom: true))
        // Control characters stay out of what a terminal or browser shows; CSV is data and keeps them.
        #expect(out.contains("DC01") && (format == .csv || !out.contains("\u{1B}")))
        switch format {
        case .html: #expect(!out.contains("<script>") && out.contains("&lt;script&gt;") && out.contains("<span class=\"money\">£1,000.00</span>"))
        case .csv: #expect(out.hasPrefix("code,severity,refs,cost_centre,year,amount,message\r\n") && !out.contains(",=HYPERLINK"))
        case .json:
            let back = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
            #expect((back["findings"] as? [[String: Any]])?.first?["amount_pence"] as? Int == 100_000 && !out.contains("<script>"))
        case .markdown: #expect(!out.contains("<script>") && out.contains("# Reconciliation as at the end of 2023/24 P7"))
        case .text: #expect(out.contains("1 finding (1 critical)"))
        case .xlsx: break
        }
    }
}

@Suite("statements end to end", .serialized)
struct StatementCLITests {
    @Test("statement, statements, sign-off and summary from the command line")
    func cli() throws {
        let cli = CLI()
        #expect(try cli.run(["demo", "--pack", samplePack, "--ledger", cli.ledger, "--out", cli.dir.path("reports")]).status == 0)
        let text = try cli.run(["statement", "--holder", "Helen Brandt", "--period", "2023-10"])
        #expect(text.status == 0 && text.out.contains("Savings statement for Helen Brandt — 2023/24 P7"))
        #expect(try cli.run(["statement", "--holder", "Nobody", "--period", "2023-10"]).status == 2)
        #expect(try cli.run(["statement", "--holder", "Helen Brandt", "--period", "2023-10", "--format", "pdf"]).status == 1)
        #expect(try cli.run(["sign-off", "--holder", "Helen Brandt", "--period", "2023-10", "--as", "Helen Brandt"]).status == 0)
        #expect(
            try cli.run(["statement", "--holder", "Helen Brandt", "--period", "2023-11", "--format", "markdown"]).out.contains(
                "Last signed for 2023/24 P7 by \(Clock.loginName) for Helen Brandt"))
        let out = cli.dir.path("statements")
        #expect(try cli.run(["statements", "--period", "2023-10", "--format", "html", "--format", "json", "--out", out]).status == 0)
        #expect(
            FileManager.default.fileExists(atPath: out + "/index.html")
                && FileManager.default.fileExists(atPath: out + "/Helen-Brandt.json"))
        // The index says, holder by holder, how they stand and whether they signed.
        let index = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/index.json"))) as? [String: Any])
        let holders = try #require(index["holders"] as? [[String: Any]])
        #expect(holders.count == 19 && index["period"] as? String == "2023/24 P7")
        let helen = try #require(holders.first { $0["holder"] as? String == "Helen Brandt" })
        #expect(helen["sign_off_status"] as? String == "signed" && (helen["findings"] as? Int ?? 0) > 0)
        #expect(helen["file"] as? String == "Helen-Brandt")
        #expect(holders.filter { $0["sign_off_status"] as? String == "signed" }.count == 1)
        let statement = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/Helen-Brandt.json"))) as? [String: Any])
        let totals = try #require(statement["totals"] as? [String: Any])
        #expect(helen["delivered_pence"] as? Int == totals["delivered_pence"] as? Int)
        let page = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(page.contains("1 signed, 0 changed since signed, 18 not signed") && page.contains("href=\"Helen-Brandt.json\""))
        #expect(page.contains("title=\"Green\">G</span> "))
        // Red only when behind beyond tolerance: a few pounds of rounding (-£33.33, shown -£33) is not.
        #expect(page.contains("<td class=\"num\" data-label=\"Variance to profile\">-£33<") && !page.contains("<td class=\"num neg\" data-label=\"Variance to profile\">-£33<"))
        // Resources has not returned October: its holders' variance is marked as awaiting that return.
        let sanjay = try #require(holders.first { $0["holder"] as? String == "Sanjay Patel" })
        #expect(sanjay["awaiting_returns"] as? [String] == ["Resources"] && (helen["awaiting_returns"] as? [String])?.isEmpty == true)
        #expect(page.components(separatedBy: "no 2023/24 P7 return yet").count - 1 == holders.filter { ($0["directorates"] as? [String]) == ["Resources"] }.count)
        let csv = try cli.run(["summary", "--format", "csv", "--structure", "2023-10-01"]).out
        #expect(
            csv.hasPrefix(
                "Directorate,Year,Original target,Current target,Delivered,Forecast,No forecast,Slipped (net),Unachievable,Falls out (pressure),Delivered % of current,Delivered % of original,Confidence-weighted\r\n"))
        #expect(FileManager.default.fileExists(atPath: cli.dir.path("reports/statements/index.html")))
    }
}
