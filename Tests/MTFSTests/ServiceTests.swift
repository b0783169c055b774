import Dispatch
import Foundation
import MTFSDomain
import MTFSEngine
@testable import MTFSStore
import Testing

/// What one reader or writer thread saw.
final class ServiceTally: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var reads = 0
    private(set) var problems: [String] = []
    private(set) var writes: [String: Int] = [:]
    func read() { lock.withLock { reads += 1 } }
    func wrote(_ what: String) { lock.withLock { writes[what, default: 0] += 1 } }
    func problem(_ text: String) { lock.withLock { if problems.count < 20 { problems.append(text) } } }
}

@Suite("One ledger, many users in one process (LedgerService)")
struct ServiceTests {
    static let november = Period(year: fy(2023), number: 8)

    @Test("8 readers and 2 writers on one ledger for 10 seconds: no error, no lost write, every read one snapshot, verify passes")
    func readersAndWritersAtOnce() throws {
        let dir = TempDir()
        let path = dir.path("shared.sqlite")
        do {
            let ledger = try Ledger(path: path, create: true)
            _ = try loadPack(samplePack, into: ledger)
        }
        let service = try LedgerService(path: path, readers: 8)
        let tally = ServiceTally()
        let deadline = Date().addingTimeInterval(10)
        let holders = try service.read { ledger in
            try StatementBuilder(ledger: ledger, period: Self.november, settings: ledger.settings.reconcileSettings()).holders.sorted()
        }
        #expect(holders.count > 10)
        let group = DispatchGroup()

        // Writer 1: People's November return, PEO-01 a pound further on each time.
        onOwnThread(group) {
            var delivered = Pence.pounds(233_300)
            var n = 0
            while Date() < deadline {
                delivered += Pence.pounds(1)
                n += 1
                let row = ParsedReturn.Row(
                    ref: "PEO-01", year: fy(2023), deliveredToDate: delivered, forecast: Pence.pounds(400_000), rag: .green,
                    comment: "Return \(n)", at: SourceLocation(file: "return-\(n).csv", line: 2))
                do {
                    let posted = try service.write { ledger in
                        try PackLoader(ledger: ledger, actor: "writer-1", recordedAt: "2023-12-01T09:00:00Z")
                            .importReturn(ParsedReturn(file: "return-\(n).csv", period: Self.november, rows: [row])).deliveries
                    }
                    if posted != 1 { tally.problem("return \(n) posted \(posted) deliveries, not 1") }
                    tally.wrote("return")
                } catch { tally.problem("return \(n): \(error)") }
            }
        }
        // Writer 2: forecasts for PEO-02, one a write.
        onOwnThread(group) {
            var n: Int64 = 0
            while Date() < deadline {
                n += 1
                do {
                    try service.write { ledger in
                        try ledger.books.recordForecast(
                            ref: "PEO-02", year: fy(2023), period: Self.november, forecast: Pence.pounds(150_000 - n), rag: .amber,
                            comment: "Forecast \(n)", by: Provenance(actor: "writer-2", recordedAt: "2023-12-01T09:00:00Z", source: "test"))
                    }
                    tally.wrote("forecast")
                } catch { tally.problem("forecast \(n): \(error)") }
            }
        }
        // Eight readers, each taking statements, reconciliations and balances in turn.
        for reader in 0..<8 {
            onOwnThread(group) {
                var turn = reader
                while Date() < deadline {
                    turn += 1
                    do {
                        switch turn % 3 {
                        case 0: try Self.readStatement(service, holder: holders[turn % holders.count].rawValue, tally)
                        case 1: try Self.readReconciliation(service, tally)
                        default: try Self.readBalance(service, tally)
                        }
                        tally.read()
                    } catch { tally.problem("reader \(reader): \(error)") }
                }
            }
        }
        group.wait()

        #expect(tally.problems.isEmpty, "\(tally.problems)")
        let returns = tally.writes["return", default: 0]
        let forecasts = tally.writes["forecast", default: 0]
        #expect(returns > 10 && forecasts > 10 && tally.reads > 30, "\(tally.writes) and \(tally.reads) reads")
        print("LedgerService, 10 s: \(returns) returns and \(forecasts) forecasts written, \(tally.reads) reads")
        // No lost write: every return's delivery and every forecast is there, once.
        let (deliveries, delivered, forecastsKept) = try service.read { ledger in
            (
                try ledger.journal.entries(JournalFilter(proposal: "PEO-01", period: Self.november)).count,
                try ledger.books.balance(of: "PEO-01", .delivered, fy(2023), asAt: Self.november),
                try ledger.returns.latestForecasts(ref: "PEO-02").count
            )
        }
        #expect(deliveries == returns)
        #expect(delivered == Pence.pounds(233_300 + Int64(returns)))
        #expect(forecastsKept >= 1)
        let ledger = try Ledger(path: path, readOnly: true)
        #expect(try ledger.db.scalar("SELECT count(*) FROM forecasts WHERE actor = 'writer-2'") == Int64(forecasts))
        #expect(try ledger.verifier.verify().passed)
    }

    /// A statement for November: each owned line's movement is the change in its proposal's delivery
    /// since October, read in the same snapshot.
    static func readStatement(_ service: LedgerService, holder: String, _ tally: ServiceTally) throws {
        let problems: [String] = try service.read { ledger in
            let statement = try StatementBuilder(ledger: ledger, period: november, settings: ledger.settings.reconcileSettings()).statement(for: HolderID(holder))
            var now: [String: Pence] = [:]
            var before: [String: Pence] = [:]
            for line in try ledger.positions.positionLines(asOf: november) { now["\(line.proposal)|\(line.year)", default: .zero] += line.position.delivered }
            for line in try ledger.positions.positionLines(asOf: november.previous) {
                before["\(line.proposal)|\(line.year)", default: .zero] += line.position.delivered
            }
            var problems: [String] = []
            for line in statement.owned {
                let key = "\(line.ref)|\(november.year)"
                let change = (now[key] ?? .zero) - (before[key] ?? .zero)
                if line.movement != change { problems.append("\(holder)'s \(line.ref) moved \(line.movement), the ledger \(change)") }
            }
            return problems
        }
        for p in problems { tally.problem(p) }
    }

    /// The reconciliation as at the latest period: it reads and runs without error, and PEO-01's
    /// kept position agrees with its postings in that snapshot.
    static func readReconciliation(_ service: LedgerService, _ tally: ServiceTally) throws {
        let problem: String? = try service.read { ledger in
            let input = try ReconciliationInput.load(ledger, asOf: nil, today: date("2026-11-23"))
            _ = Reconciliation(input: input, settings: try ledger.settings.reconcileSettings()).findings()
            let kept = LineIndex(input.lines).position(ReconciliationInput.key("PEO-01", fy(2023)))?.delivered
            let posted = try ledger.books.balance(of: "PEO-01", .delivered, fy(2023), asAt: input.asOf)
            return kept == posted ? nil : "reconciliation read PEO-01 at \(kept.map(\.description) ?? "nothing"), its postings \(posted)"
        }
        if let problem { tally.problem(problem) }
    }

    /// The balance: the positions kept for reports equal those summed from the postings, in one snapshot.
    static func readBalance(_ service: LedgerService, _ tally: ServiceTally) throws {
        let same = try service.read { ledger in
            try ledger.positions.positionLines(asOf: november) == ledger.positions.positionLinesFromPostings(asOf: november)
        }
        if !same { tally.problem("the kept positions and the postings disagree within one read") }
    }

    @Test("a return can come from any source: errors name the file and line, the sheet and cell, or the form field")
    func returnsFromAnySource() throws {
        let dir = TempDir()
        let ledger = try sampleLedger(dir)
        let loader = PackLoader(ledger: ledger, actor: "tester", recordedAt: "2023-11-20T10:00:00Z")
        let places = [
            (SourceLocation(file: "2023-10.csv", line: 7), "2023-10.csv, line 7, column \"ref\""),
            (SourceLocation(file: "return.xlsx", sheet: "Return", cell: "A9"), "return.xlsx, Return!A9 (column \"ref\")"),
            (SourceLocation(form: "the return form", field: "Proposal"), "the return form, field \"Proposal\""),
        ]
        for (place, named) in places {
            let row = ParsedReturn.Row(
                ref: "NOPE-1", year: fy(2023), deliveredToDate: pounds(1), forecast: nil, rag: nil, comment: "", at: place)
            do {
                _ = try loader.importReturn(ParsedReturn(file: place.file, period: Period(year: fy(2023), number: 7), rows: [row]))
                Issue.record("an unknown ref was accepted")
            } catch let e as InputError {
                #expect(e.description == "\(named): unknown proposal ref NOPE-1")
                #expect(e.kind == .badInput)
            }
        }
        // A good line from a workbook records its sheet and cell as the entry's source.
        let row = ParsedReturn.Row(
            ref: "P-1", year: fy(2023), deliveredToDate: pounds(10), forecast: nil, rag: nil, comment: "",
            at: SourceLocation(file: "return.xlsx", sheet: "Return", cell: "A2"))
        _ = try loader.importReturn(ParsedReturn(file: "return.xlsx", period: Period(year: fy(2023), number: 7), rows: [row]))
        #expect(try ledger.journal.entries(JournalFilter(proposal: "P-1")).last?.source == "return.xlsx Return!A2")
    }
}

/// Runs `body` on a thread of its own, in `group`: a reader or writer of a concurrency test must not
/// wait for a place in Dispatch's shared pool, which other suites running at once can fill (on two
/// cores the readers then never ran).
func onOwnThread(_ group: DispatchGroup, _ body: @escaping @Sendable () -> Void) {
    group.enter()
    let thread = Thread {
        body()
        group.leave()
    }
    thread.start()
}
