import MTFSDomain
import MTFSRender
import Testing

@Suite("Escaping for each format")
struct EscapeTests {
    @Test(
        "CSV neutralises formulas and quotes per RFC 4180",
        arguments: [
            ("plain", "plain"), ("=SUM(A1)", "'=SUM(A1)"), ("+1", "'+1"), ("-1", "'-1"), ("@cmd", "'@cmd"),
            ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("line\nbreak", "\"line\nbreak\""),
            ("crlf\r\nbreak", "\"crlf\r\nbreak\""), ("=1,2", "\"'=1,2\""),
            ("Zoë O'Brien", "Zoë O'Brien"), ("", ""),
        ])
    func csv(input: String, expected: String) {
        #expect(Escape.csv(input) == expected)
    }

    @Test("numbers we format are not neutralised")
    func csvNumbers() {
        #expect(Escape.csv("-2500.00", isNumber: true) == "-2500.00")
    }

    @Test("HTML escapes text and attributes")
    func html() {
        #expect(Escape.html("<script>alert('x')</script> & \"q\"") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;")
        #expect(Escape.html("a\u{202E}txt.exe") == "a\u{FFFD}txt.exe")
    }

    @Test("HTML is escaped by default: text interpolated into markup is escaped, markup is not, numbers and periods are text")
    func htmlByDefault() {
        let typed = "<script>alert('x')</script> & \"q\""
        let cell: HTML = "<td title=\"\(typed)\">\(typed)</td>"
        #expect(cell.text == "<td title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</td>")
        // Markup inside markup is kept as it is, once: never escaped twice.
        let row: HTML = "<tr>\(cell)\(cell)</tr>"
        #expect(row.text == "<tr>" + cell.text + cell.text + "</tr>")
        #expect(!row.text.contains("&amp;lt;"))
        // A value of any other type is its text, escaped.
        let name = Substring("a<b")
        let mixed: HTML = "\(42) \(name) \(Pence(-1_250_00))"
        #expect(mixed.text == "42 a&lt;b -£1,250.00")
        #expect(["<a>" as HTML, "\("<b>")"].joined(separator: " · ").text == "<a> · &lt;b&gt;")
        #expect((HTML.empty + "x").text == "x")
        // A page's table escapes its cells once, for HTML: never a terminal's escapes shown as text (found by a reviewer).
        var t = Table(columns: [.init("comment", "Comment")])
        t.rows = [[.text("a\u{202E}b <i>")]]
        let page = HTMLPage.table(t).text
        #expect(page.contains(">a\u{FFFD}b &lt;i&gt;</td>") && !page.contains("\\u{202e}"), "\(page)")
    }

    @Test("Markdown escapes inline markup, strike-through included, and direction overrides")
    func markdownStrikeAndBidi() {
        #expect(Escape.markdown("~~struck~~ *b* | c") == "\\~\\~struck\\~\\~ \\*b\\* \\| c")
        #expect(Escape.markdown("a\u{202E}txt") == "a\u{FFFD}txt")
    }

    @Test(
        "file names cannot leave the folder",
        arguments: ["../../etc/x", "/etc/passwd", "..", ".", "a/b\\c", "Zoë O'Brien", "", "   ", "\u{0}x", "CON"])
    func fileNames(input: String) {
        let name = Escape.fileName(input)
        #expect(!name.isEmpty)
        #expect(!name.contains("/"))
        #expect(!name.contains("\\"))
        #expect(!name.contains(".."))
        #expect(name != ".")
    }

    @Test("file names keep letters people use")
    func fileNameLetters() {
        #expect(Escape.fileName("Zoë O'Brien") == "Zoë-O-Brien")
        #expect(Escape.fileName("../../etc/x") == "etc-x")
        // Device names Windows reserves are not files there.
        #expect(Escape.fileName("CON") == "CON_" && Escape.fileName("com1") == "com1_" && Escape.fileName("Connie") == "Connie")
    }

    @Test("terminal text cannot carry escape sequences")
    func terminal() {
        #expect(Escape.terminal("a\u{1B}[31mb") == "a\\u{1b}[31mb")
        // A right-to-left override would show "evil.txt" for "txt.live": shown as an escape instead.
        #expect(Escape.terminal("a\u{202E}txt.live") == "a\\u{202e}txt.live")
    }

    @Test("markdown cells cannot break the table")
    func markdown() {
        #expect(Escape.markdown("a|b*c") == "a\\|b\\*c")
    }

    @Test("golden: a table in every format with edge values")
    func goldenTable() {
        let t = Table(
            title: "T", columns: [.init("name", "Name"), .init("amount", "Amount")],
            rows: [[.text("=HYPERLINK(\"x\")"), .money(Pence(-250_000))], [.text("Zoë, \"Q\" <b>"), .money(Pence(123_456_789_01))]],
            totals: [.text("Total"), .money(Pence(123_454_289_01))])
        #expect(
            t.renderCSV()
                == "name,amount\r\n\"'=HYPERLINK(\"\"x\"\")\",-2500.00\r\n\"Zoë, \"\"Q\"\" <b>\",123456789.01\r\n")
        #expect(
            t.renderText() == """
                T

                Name                      Amount
                ───────────────  ───────────────
                =HYPERLINK("x")       -£2,500.00
                Zoë, "Q" <b>     £123,456,789.01
                ───────────────  ───────────────
                Total            £123,454,289.01

                """)
        #expect(
            t.renderJSON() == """
                {
                  "rows": [
                    {
                      "amount_pence": -250000,
                      "name": "=HYPERLINK(\\"x\\")"
                    },
                    {
                      "amount_pence": 12345678901,
                      "name": "Zoë, \\"Q\\" \\u003cb\\u003e"
                    }
                  ],
                  "title": "T",
                  "totals": {
                    "amount_pence": 12345428901,
                    "name": "Total"
                  }
                }

                """)
        #expect(t.renderMarkdown().contains("| Zoë, \"Q\" \\<b\\> | £123,456,789.01 |"))
    }
}
