import Foundation
import PropertyBased
import Testing

@testable import MTFSDomain
@testable import MTFSStore
@testable import MTFSWeb

/// A pack of `proposals` proposals over `costCentres` cost centres whose every amount comes from
/// `amount` (pence, at most ``Pence/limit``): targets in three years, baselines, and one month's
/// return of delivered to date and forecast for the first year.
func writeExtremePack(_ dir: String, proposals: Int, costCentres: Int, amount: (Int) -> Int64) throws {
    let fm = FileManager.default
    try fm.createDirectory(atPath: dir + "/returns", withIntermediateDirectories: true)
    func money(_ p: Int64) -> String { "\"" + Pence(p).formatted().replacingOccurrences(of: "£", with: "") + "\"" }
    var org = "cost_centre,name,service,directorate,budget_holder,model\n"
    var baselines = "cost_centre,year,net_budget\n"
    for c in 0..<costCentres {
        org += "CC-\(c),Centre \(c),Service \(c % 3),\(c % 2 == 0 ? "People" : "Place"),Holder \(c % 7),devolved\n"
        baselines += "CC-\(c),2023/24,\(money(amount(c)))\n"
    }
    var list = "ref,title,directorate,owner,category,recurrence,cost_centres,delivery_start,replaces,2023/24,2024/25,2025/26\n"
    var returns = "ref,year,delivered_to_date,forecast,rag,comment\n"
    for p in 0..<proposals {
        let c = p % costCentres
        let target = max(1, amount(p))
        list += "P-\(p),Saving number \(p),\(c % 2 == 0 ? "People" : "Place"),Holder \(c % 7),efficiency,ongoing,CC-\(c),,,\(money(target)),\(money(max(1, amount(p + 1)))),\(money(max(1, amount(p + 2))))\n"
        returns += "P-\(p),2023/24,\(money(min(target, max(0, amount(p + 3))))),\(money(max(0, amount(p + 4)))),\(["B", "G", "A", "R"][p % 4]),extreme\n"
    }
    try org.write(toFile: dir + "/organisation.csv", atomically: true, encoding: .utf8)
    try baselines.write(toFile: dir + "/baselines.csv", atomically: true, encoding: .utf8)
    try list.write(toFile: dir + "/proposals.csv", atomically: true, encoding: .utf8)
    try returns.write(toFile: dir + "/returns/2023-09.csv", atomically: true, encoding: .utf8)
}

@Suite("Hardening: money at the limit, what a hostile review found", .serialized)
struct HardeningTests {
    /// Every report of a ledger, in every format (`full`; else each report once, in CSV or its own
    /// form: the totals are the same whatever the format); none may trap (exit 132) or fail.
    static func everyReport(_ cli: CLI, full: Bool = true) throws {
        guard full else {
            for arguments in [
                ["summary", "--format", "csv"], ["reconcile", "--format", "csv"], ["balance", "--format", "csv"],
                ["statements", "--period", "2023-09", "--out", cli.dir.path("statements")], ["export", "--format", "hledger"], ["verify"],
            ] {
                let r = try cli.run(arguments)
                #expect(r.status == 0, "mtfs \(arguments.joined(separator: " ")) exited \(r.status): \(r.err.prefix(300))")
            }
            return
        }
        var runs: [[String]] = []
        for f in ["text", "csv", "json", "html", "markdown"] { runs.append(["summary", "--format", f]) }
        runs.append(["summary", "--format", "xlsx", "--out", cli.dir.path("summary.xlsx")])
        for f in ["text", "csv", "json"] {
            runs.append(["reconcile", "--format", f])
            runs.append(["balance", "--format", f])
        }
        runs.append(["balance", "--by", "directorate"])
        runs.append(["statements", "--period", "2023-09", "--out", cli.dir.path("statements")])
        runs.append(["statements", "--period", "2023-09", "--format", "xlsx", "--out", cli.dir.path("statements-xlsx")])
        for f in ["csv", "json", "hledger"] { runs.append(["export", "--format", f]) }
        runs.append(["verify"])
        for arguments in runs {
            let r = try cli.run(arguments)
            #expect(r.status == 0, "mtfs \(arguments.joined(separator: " ")) exited \(r.status): \(r.err.prefix(300))")
        }
    }

    @Test("10,000 forecasts of the largest amount the ledger accepts in one year: every report builds, nothing traps")
    func largestProgramme() throws {
        let cli = CLI()
        let limit = Pence.limit.rawValue
        try writeExtremePack(cli.dir.path("pack"), proposals: 10_000, costCentres: 40) { _ in limit }
        let load = try cli.run(["load", cli.dir.path("pack")])
        #expect(load.status == 0, "\(load.err)")
        try HardeningTests.everyReport(cli, full: false)
    }

    @Test("random extreme amounts (the limit, a penny, zero and between): every report builds, nothing traps")
    func extremeAmounts() async throws {
        let limit = Pence.limit.rawValue
        let pick = Gen.int(in: 0...3).map { choice -> Int64 in [limit, limit - 1, 1, limit / 3][choice] }
        await propertyCheck(count: 4, input: pick.array(of: 8...8)) { amounts in
            let cli = CLI()
            try writeExtremePack(cli.dir.path("pack"), proposals: 300, costCentres: 9) { amounts[$0 % amounts.count] }
            let load = try cli.run(["load", cli.dir.path("pack")])
            #expect(load.status == 0, "\(load.err)")
            try HardeningTests.everyReport(cli)
        }
    }

    @Test("an amount past £1,000,000,000 is refused at the door with a sentence, nothing written: forecast, deliver, a pack, a return")
    func refusedAtTheDoor() throws {
        let cli = CLI()
        try cli.setUp()
        let ledger = try Ledger(path: cli.ledger, readOnly: true)
        let before = try ledger.db.scalar("SELECT count(*) FROM records")
        for arguments in [
            ["forecast", "PEO-07", "10,000,000,000,000", "--rag", "G", "--period", "2023-09"],
            ["forecast", "PEO-07", "1,000,000,000.01", "--rag", "G", "--period", "2023-09"],
            ["deliver", "PEO-07", "1,000,000,001", "--period", "2023-09"],
        ] {
            let r = try cli.run(arguments)
            #expect(r.status == 2, "mtfs \(arguments.joined(separator: " ")): \(r.status) \(r.err)")
            #expect(r.err.contains("larger than the £1,000,000,000 the ledger accepts"), "\(r.err)")
        }
        let file = cli.dir.path("return.csv")
        try "ref,year,delivered_to_date,forecast\nPEO-07,2023/24,0,\"9,999,999,999,999\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        let r = try cli.run(["import-return", file, "--period", "2023-09"])
        #expect(r.status == 2 && r.err.contains("return.csv") && r.err.contains("larger than the £1,000,000,000"), "\(r.err)")
        #expect(try ledger.db.scalar("SELECT count(*) FROM records") == before)

        // Written outside mtfs, an amount past the limit is named by verify.
        let copy = cli.dir.path("copy.sqlite")
        try FileManager.default.copyItem(atPath: cli.ledger, toPath: copy)
        try HistoryTests.tamper(copy, "UPDATE baselines SET net_budget = 9000000000000000000")
        let v = try cli.run(["verify", "--ledger", copy, "--no-head-log"])
        #expect(v.status == 4 && v.out.contains("net_budget is £90,000,000,000,000,000.00, more than the £1,000,000,000.00 mtfs accepts"), "\(v.out)")
    }

    @Test("verify after an index is dropped exits 4 and names the index, not 5 with SQLite's message")
    func droppedIndex() throws {
        let cli = CLI()
        try cli.setUp()
        try cli.expectOK(["deliver", "PEO-07", "1,000", "--period", "2023-09"])
        for index in ["postings_by_account", "accounts_proposal", "entries_by_period"] {
            let copy = cli.dir.path("\(index).sqlite")
            try FileManager.default.copyItem(atPath: cli.ledger, toPath: copy)
            try FileManager.default.copyItem(atPath: HeadLog.path(for: cli.ledger), toPath: HeadLog.path(for: copy))
            let db = try Database(path: copy, create: false)
            try db.execute("DROP INDEX \(index)")
            let r = try cli.run(["verify", "--ledger", copy])
            #expect(r.status == 4, "DROP INDEX \(index): exit \(r.status) \(r.err)")
            #expect(r.out.contains("index \(index) is missing"), "\(r.out)")
            #expect(!r.err.contains("no such index"), "\(r.err)")
        }
    }

    @Test("a backdated hand reduction names every later month whose return it now contradicts, not only its own")
    func backdatedNote() throws {
        let cli = try boroughCLI()
        let r = try cli.run(["deliver", "PEO-01", "(1,000)", "--period", "2023-08"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("as at the end of 2023/24 P5 and of every month after it"), "\(r.out)")
        for month in ["P5", "P6", "P7"] { #expect(r.out.contains("2023/24 \(month) stated"), "\(month): \(r.out)") }
        // Dated in the last returned month, only that month is named.
        let last = try cli.run(["deliver", "PEO-01", "(1,000)", "--period", "2023-10"])
        #expect(last.out.contains("The return for that month now disagrees: 2023/24 P7 stated"), "\(last.out)")
        #expect(!last.out.contains("P6 stated"), "\(last.out)")
    }

    @Test("no year's target is taken past the limit (so no single movement is larger); a setting past 100% is refused, not an overflow")
    func limitsOnTargetsAndSettings() throws {
        let cli = CLI()
        try cli.setUp()
        try cli.expectOK([
            "proposal", "add", "BIG-01", "--title", "Large", "--directorate", "People", "--owner", "Sam Okafor", "--cost-centre", "PEO-CSC-0412",
            "--target", "2023/24=1,000,000,000", "--target", "2024/25=1,000,000,000",
        ])
        let slip = try cli.run(["slip", "BIG-01", "1,000,000,000", "--from", "2023/24", "--to", "2024/25", "--date", "2023-06-30", "--reason", "later"])
        #expect(slip.status == 2 && slip.err.contains("more than the £1,000,000,000.00 a year's target can be"), "\(slip.err)")
        // Nor by reversing a write-off and a slip out of a year at its limit.
        try cli.expectOK(["unachievable", "BIG-01", "1,000,000,000", "--year", "2024/25", "--date", "2023-06-30", "--reason", "gone"])
        try cli.expectOK(["slip", "BIG-01", "1,000,000,000", "--from", "2023/24", "--to", "2024/25", "--date", "2023-06-30", "--reason", "later"])
        let journal = try cli.run(["journal", "--format", "csv"]).out.split(whereSeparator: \.isNewline)
        let writeOff = try #require(journal.first { $0.contains("unachievable") && $0.contains("BIG-01") }.flatMap { $0.split(separator: ",").first })
        let reversal = try cli.run(["reverse", String(writeOff), "--date", "2023-07-31", "--reason", "back"])
        #expect(reversal.status == 2 && reversal.err.contains("more than the £1,000,000,000.00 a year's target can be"), "\(reversal.err)")
        let setting = try cli.run(["settings", "behind-profile-percent", "99999999999999999%"])
        #expect(setting.status == 2 && setting.err.contains("expected at most 100%"), "\(setting.status) \(setting.err)")
        #expect(try cli.run(["reconcile"]).status == 0)
    }

    @Test("a multipart body of more parts than a form may have is refused before it is parsed")
    func manyParts() {
        let body = Array((String(repeating: "--B\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n\r\n", count: 5_000) + "--B--\r\n").utf8)
        let started = ContinuousClock.now
        #expect(Form.parse(body: body, contentType: "multipart/form-data; boundary=B") == nil)
        #expect(ContinuousClock.now - started < .seconds(2))
    }

    @Test("the byte search finds what a naive search finds, in linear time on a body built to defeat a naive one")
    func byteSearch() async {
        await propertyCheck(count: 300, input: zip(Gen.int(in: 0...2).array(of: 1...6), Gen.int(in: 0...2).array(of: 0...60), Gen.int(in: 0...10))) {
            needle, haystack, start in
            let n = needle.map { UInt8($0) }, h = haystack.map { UInt8($0) }
            var naive: Int? = nil
            if h.count >= n.count, max(0, start) <= h.count - n.count {
                naive = (max(0, start)...(h.count - n.count)).first { i in Array(h[i..<(i + n.count)]) == n }
            }
            #expect(ByteSearch.find(n, in: h, from: start) == naive, "\(n) in \(h) from \(start)")
        }
        let dashes = [UInt8](repeating: UInt8(ascii: "-"), count: 8 << 20)
        let started = ContinuousClock.now
        #expect(ByteSearch.find(Array(String(repeating: "-", count: 69).utf8) + [UInt8(ascii: "x")], in: dashes, from: 0) == nil)
        #expect(ContinuousClock.now - started < .seconds(5))
    }
}
