import MTFSDomain
import PropertyBased
import Testing

@Suite("Pence: parsing, formatting, allocation")
struct MoneyTests {
    @Test(
        "accepts the forms SPEC §5 allows",
        arguments: [
            ("£1,250,000", 125_000_000), ("1250000.00", 125_000_000), ("(2,500)", -250_000), ("-10.5", -1_050),
            ("0", 0), ("0.01", 1), (".5", 50), ("£0.99", 99), ("-£2,500.00", -250_000), ("£-3", -300),
            ("  42  ", 4_200), ("1,000", 100_000), ("(£1,234.56)", -123_456), ("+7", 700), ("999", 99_900),
            ("1000000000", 100_000_000_000), ("-£1,000,000,000.00", -100_000_000_000),
        ] as [(String, Int64)])
    func parses(text: String, pence: Int64) throws {
        #expect(try Pence(parsing: text) == Pence(pence))
    }

    @Test(
        "refuses what is not money",
        arguments: [
            "", "   ", "1.234", "12O", "£", "()", "(5", "1,00", "1,0000", ",100", "1..2", "1.", "--5", "(-5)", "£££1",
            "1e6", "0x10", "NaN", "½", "١٢٣", "1000000000.01", "1000000001", "£1,000,000,000.01", "10000000000000", "99999999999999999999", "£1 000", "=1+1",
        ])
    func refuses(text: String) {
        #expect(throws: MoneyError.self) { try Pence(parsing: text) }
    }

    @Test(
        "formats with pound sign and separators",
        arguments: [
            (125_000_000, "£1,250,000.00"), (-250_000, "-£2,500.00"), (0, "£0.00"), (1, "£0.01"), (-5, "-£0.05"),
            (99_999, "£999.99"), (100_000, "£1,000.00"), (Int64.max, "£92,233,720,368,547,758.07"),
            (Int64.min, "-£92,233,720,368,547,758.08"),
        ] as [(Int64, String)])
    func formats(pence: Int64, text: String) {
        #expect(Pence(pence).formatted() == text)
    }

    @Test("plain form is pounds with two decimals")
    func plain() {
        #expect(Pence(125_000_000).plain == "1250000.00")
        #expect(Pence(-250_005).plain == "-2500.05")
        #expect(Pence(7).plain == "0.07")
    }

    @Test("formatting then parsing gives the amount back")
    func roundTrip() async {
        await propertyCheck(count: 2000, input: Gen.int64(in: -100_000_000_000...100_000_000_000)) { raw in
            let p = Pence(raw)
            #expect((try? Pence(parsing: p.formatted())) == p)
            #expect((try? Pence(parsing: p.plain)) == p)
        }
    }

    @Test("the fast path for plain digits reads exactly what the general parser reads")
    func plainFastPath() async {
        // A leading space sends a text down the general path (it trims first); without one, plain
        // digits take the byte-level fast path. Both must give the same amount or both refuse.
        let alphabet = Array("0123456789.-")
        await propertyCheck(count: 5000, input: Gen.int(in: 0...(alphabet.count - 1)).array(of: 0...19)) { picks in
            let text = String(picks.map { alphabet[$0] })
            #expect((try? Pence(parsing: text)) == (try? Pence(parsing: " " + text)), "\(text)")
        }
        for text in ["999999999999999", "9999999999999.99", "10000000000000", "10000000000000.01", "-0", "-.5", "5.", "1.234"] {
            #expect((try? Pence(parsing: text)) == (try? Pence(parsing: " " + text)), "\(text)")
        }
    }

    @Test("adding reports overflow instead of trapping")
    func overflow() throws {
        #expect(throws: MoneyError.overflow) { try Pence(Int64.max).adding(Pence(1)) }
        #expect(try Pence(2).adding(Pence(3)) == Pence(5))
    }

    @Test("equal split gives pence remainders to the first")
    func equalSplit() {
        let parts = CostCentreShare.split(Pence(100), over: [.init(costCentre: "A"), .init(costCentre: "B"), .init(costCentre: "C")])
        #expect(parts == [Pence(34), Pence(33), Pence(33)])
    }

    @Test("share split floors and gives the remainder to the first")
    func shareSplit() {
        let shares = [
            CostCentreShare(costCentre: "A", basisPoints: 3333), .init(costCentre: "B", basisPoints: 3333),
            .init(costCentre: "C", basisPoints: 3334),
        ]
        let parts = CostCentreShare.split(Pence(1_000_001), over: shares)
        #expect(parts.reduce(Pence.zero, +) == Pence(1_000_001))
        #expect(parts == [Pence(333_301), Pence(333_300), Pence(333_400)])
    }

    @Test("allocation always sums to the amount and respects caps")
    func allocationProperty() async {
        await propertyCheck(count: 1000, input: Gen.int64(in: 0...1_000_000).array(of: 1...6), Gen.int64(in: 0...100)) { caps, percent in
            let held = caps.map(Pence.init)
            let total = held.reduce(Pence.zero, +)
            let amount = Pence(total.rawValue * percent / 100)
            let parts = amount.allocate(weights: caps, caps: held)
            #expect(parts.reduce(Pence.zero, +) == amount)
            for (part, cap) in zip(parts, held) {
                #expect(part >= .zero)
                #expect(part <= cap)
            }
        }
    }

    @Test("allocation of huge amounts does not overflow")
    func allocationHuge() {
        let parts = Pence.limit.allocate(weights: [Int64.max / 2, Int64.max / 2])
        #expect(parts.reduce(Pence.zero, +) == Pence.limit)
    }
}
