import MTFSDomain
@testable import MTFSStore
import PropertyBased
import Testing

/// One random operation: kind, two year indexes, an amount in pounds, an entry to reverse.
typealias RandomOp = (kind: Int, a: Int, b: Int, pounds: Int64, entry: Int)

/// An independent model of each year's position, kept from the operations the ledger accepted.
struct YearModel: Equatable {
    var original = Pence.zero, slippedIn = Pence.zero, slippedOut = Pence.zero
    var unachievable = Pence.zero, delivered = Pence.zero
    var planned: Pence { original + slippedIn - slippedOut - unachievable - delivered }
}

@Suite("Ledger invariants under random operations")
struct PropertyTests {
    static let years = [fy(2023), fy(2024), fy(2025)]
    static let opGen = zip(Gen.int(in: 0...5), Gen.int(in: 0...2), Gen.int(in: 0...2), Gen.int64(in: 0...600_000), Gen.int(in: 1...40))
        .map { RandomOp(kind: $0.0, a: $0.1, b: $0.2, pounds: $0.3, entry: $0.4) }
        .array(of: 1...25)

    @Test("every SPEC §3 invariant holds after any sequence; refused operations change nothing")
    func invariants() async throws {
        await propertyCheck(count: 40, input: PropertyTests.opGen) { ops in
            let dir = TempDir()
            let ledger = try sampleLedger(dir)
            var model: [FinancialYear: YearModel] = [
                fy(2023): YearModel(original: pounds(500_000)), fy(2024): YearModel(original: pounds(750_000)),
                fy(2025): YearModel(original: pounds(250_000)),
            ]
            // What each accepted entry did, so a reversal can be applied to the model.
            var effects: [Int64: (Movement?, Bool)] = [:]
            let when = date("2026-03-31")
            for op in ops {
                let movement = PropertyTests.movement(for: op)
                let before = try snapshot(ledger)
                do {
                    if let movement {
                        let id = try ledger.books.record(movement, on: "P-1", effective: when, reason: "random", by: testWho)
                        apply(movement, to: &model, sign: 1)
                        effects[id] = (movement, false)
                    } else {
                        let target = Int64(op.entry)
                        _ = try ledger.books.reverse(entry: target, effective: when, reason: "random", by: testWho)
                        if let (m, _) = effects[target], let m {
                            apply(m, to: &model, sign: -1)
                        } else if target <= 3 {
                            // An approval reversed: the year's original target goes.
                            let year = PropertyTests.years[Int(target) - 1]
                            model[year]!.original -= [pounds(500_000), pounds(750_000), pounds(250_000)][Int(target) - 1]
                        }
                        effects[target] = (nil, true)
                    }
                    // An accepted operation must have been valid in the model.
                    for (_, m) in model {
                        // Planned goes below zero only by over-delivery (SPEC §5 v3): the year's
                        // target itself never does, and no state but planned is ever negative.
                        #expect(m.planned + m.delivered >= .zero && m.delivered >= .zero && m.unachievable >= .zero)
                    }
                } catch let error as LedgerError {
                    #expect(try snapshot(ledger) == before, "refused \(op) changed the ledger: \(error)")
                    if let movement { #expect(!isValid(movement, model), "the ledger refused a valid \(movement): \(error)") }
                }
                // Positions from the ledger agree with the independent model, year by year.
                var byYear: [FinancialYear: Position] = [:]
                for line in try ledger.positions.positionLines() { byYear[line.year, default: Position()] += line.position }
                for year in PropertyTests.years {
                    let p = byYear[year] ?? Position()
                    let m = model[year]!
                    #expect(p.originalTarget == m.original && p.delivered == m.delivered && p.unachievable == m.unachievable)
                    #expect(p.slippedIn - p.slippedOut == m.slippedIn - m.slippedOut)
                    #expect(p.planned == m.planned && p.remaining == p.planned)
                }
            }
            let report = try ledger.verifier.verify()
            #expect(report.passed, "\(report.checks.filter { !$0.passed })")
            // The positions the trigger keeps are the positions the postings add up to.
            #expect(try ledger.positions.positionLines() == ledger.positions.positionLinesFromPostings())
            // Conservation across the programme: what was approved is still all somewhere.
            let total = try ledger.positions.positionLines().reduce(Position()) {
                var t = $0
                t += $1.position
                return t
            }
            #expect(total.planned + total.delivered + total.unachievable == total.originalTarget)
            #expect(try ledger.positions.requirements().values.reduce(Pence.zero, +) == total.originalTarget)
        }
    }

    @Test("a bulk write records exactly what the same operations record one by one, and puts its triggers back")
    func bulkMatchesOneByOne() async throws {
        await propertyCheck(count: 25, input: PropertyTests.opGen) { ops in
            let dir = TempDir()
            let single = try sampleLedger(dir, name: "single.sqlite")
            let when = date("2026-03-31")
            // Each operation on its own, keeping those the ledger accepts.
            var accepted: [(Movement?, Int64)] = []
            for op in ops {
                let movement = PropertyTests.movement(for: op)
                do {
                    if let movement {
                        try single.books.record(movement, on: "P-1", effective: when, reason: "random", by: testWho)
                    } else {
                        try single.books.reverse(entry: Int64(op.entry), effective: when, reason: "random", by: testWho)
                    }
                    accepted.append((movement, Int64(op.entry)))
                } catch is LedgerError {}
            }
            // The accepted ones again, all in one bulk write on a ledger set up the same way.
            let batched = try sampleLedger(dir, name: "batched.sqlite")
            let triggers = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
            let triggersBefore = try batched.db.query(triggers) { "\($0.text(0)): \($0.text(1))" }
            try batched.bulk {
                for (movement, entry) in accepted {
                    if let movement {
                        try batched.books.record(movement, on: "P-1", effective: when, reason: "random", by: testWho)
                    } else {
                        try batched.books.reverse(entry: entry, effective: when, reason: "random", by: testWho)
                    }
                }
            }
            #expect(try snapshot(batched) == snapshot(single))
            #expect(try batched.positions.positionLines() == single.positions.positionLines())
            #expect(try batched.db.query(triggers) { "\($0.text(0)): \($0.text(1))" } == triggersBefore)
            let report = try batched.verifier.verify()
            #expect(report.passed, "\(report.checks.filter { !$0.passed })")
        }
    }

    /// The movement a random operation stands for; nil for a reversal.
    static func movement(for op: RandomOp) -> Movement? {
        let y = years[op.a]
        let z = years[op.b]
        let amount = Pence.pounds(op.pounds)
        return switch op.kind {
        case 0, 1: .deliver(year: y, amount: amount)
        case 2: .reduce(year: y, amount: amount)
        case 3: .slip(from: y, to: z, amount: amount)
        case 4: .unachievable(year: y, amount: amount)
        default: nil
        }
    }

    func apply(_ movement: Movement, to model: inout [FinancialYear: YearModel], sign: Int64) {
        let a = Pence(movement.amount.rawValue * sign)
        switch movement {
        case .approve(let y, _): model[y]!.original += a
        case .deliver(let y, _): model[y]!.delivered += a
        case .reduce(let y, _): model[y]!.delivered -= a
        case .unachievable(let y, _): model[y]!.unachievable += a
        case .slip(let from, let to, _):
            model[from]!.slippedOut += a
            model[to]!.slippedIn += a
        }
    }

    func isValid(_ movement: Movement, _ model: [FinancialYear: YearModel]) -> Bool {
        let amount = movement.amount
        guard amount > .zero else { return false }
        switch movement {
        case .approve: return true
        case .deliver: return true  // beyond what is planned is over-delivery, accepted
        case .unachievable(let y, _): return amount <= model[y]!.planned
        case .reduce(let y, _): return amount <= model[y]!.delivered
        case .slip(let from, let to, _): return to > from && amount <= model[from]!.planned
        }
    }
}
