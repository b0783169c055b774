import MTFSDomain
import PropertyBased
import Testing

@Suite("Financial years, periods and dates")
struct CalendarTests {
    @Test("the fast path for 2023/24 reads exactly what the general parser reads")
    func yearFastPath() async {
        let alphabet = Array("0123456789/- ")
        await propertyCheck(count: 3000, input: Gen.int(in: 0...(alphabet.count - 1)).array(of: 7...7)) { picks in
            let text = String(picks.map { alphabet[$0] })
            #expect((try? FinancialYear(parsing: text)) == (try? FinancialYear(parsing: " " + text)), "\(text)")
        }
        for text in ["2023/24", "1999/00", "2023/25", "0999/00", "2023-24", "2023/2a"] {
            #expect((try? FinancialYear(parsing: text)) == (try? FinancialYear(parsing: " " + text)), "\(text)")
        }
    }

    @Test("years read 2023/24 and 2023-24, print 2023/24")
    func years() throws {
        #expect(try FinancialYear(parsing: "2023/24").description == "2023/24")
        #expect(try FinancialYear(parsing: "2023-24") == FinancialYear(startYear: 2023))
        #expect(try FinancialYear(parsing: "1999/00").description == "1999/00")
        #expect(FinancialYear(startYear: 2009).description == "2009/10")
    }

    @Test("bad years are refused", arguments: ["2023", "2023/25", "23/24", "2023/2024", "abcd/ef", "", "2023/4"])
    func badYears(text: String) {
        #expect(throws: CalendarError.self) { try FinancialYear(parsing: text) }
    }

    @Test(
        "periods from calendar months",
        arguments: [
            ("2023-04", 2023, 1), ("2023-09", 2023, 6), ("2023-12", 2023, 9), ("2024-01", 2023, 10), ("2024-03", 2023, 12),
            ("2023/24 P6", 2023, 6), ("2023-24 P12", 2023, 12), ("2023/24 p1", 2023, 1), ("2023/24P06", 2023, 6),
        ] as [(String, Int, Int)])
    func periods(text: String, year: Int, number: Int) throws {
        let p = try Period(parsing: text)
        #expect(p.year.startYear == year)
        #expect(p.number == number)
    }

    @Test(
        "bad periods are refused", arguments: ["2023-13", "2023-00", "2023/24 P13", "2023/24 P0", "P6", "2023/24 P", "Sept 2023", "2023-9"])
    func badPeriods(text: String) {
        #expect(throws: CalendarError.self) { try Period(parsing: text) }
    }

    @Test("period arithmetic")
    func periodArithmetic() throws {
        let p6 = try Period(parsing: "2023-09")
        #expect(p6.description == "2023/24 P6")
        #expect(p6.lastDay.description == "2023-09-30")
        #expect(p6.monthText == "2023-09")
        #expect(try Period(parsing: "2024-02").lastDay.description == "2024-02-29")
        #expect(try Period(parsing: "2023/24 P1").previous.description == "2022/23 P12")
        #expect(Period(code: p6.code) == p6)
    }

    @Test("dates are checked against the calendar")
    func dates() throws {
        #expect(try CivilDate(parsing: "2024-02-29").description == "2024-02-29")
        #expect(throws: CalendarError.self) { try CivilDate(parsing: "2023-02-29") }
        #expect(throws: CalendarError.self) { try CivilDate(parsing: "2023-13-01") }
        #expect(throws: CalendarError.self) { try CivilDate(parsing: "01/10/2023") }
        #expect(throws: CalendarError.self) { try CivilDate(parsing: "2023-1-01") }
        #expect(try CivilDate(parsing: "2024-03-31").financialYear.description == "2023/24")
        #expect(try CivilDate(parsing: "2024-04-01").financialYear.description == "2024/25")
    }

    @Test("the last financial year with four digits has a last day")
    func lastYear() throws {
        let y = try FinancialYear(parsing: "9999/00")
        #expect(y.lastDay.description == "10000-03-31")
        #expect(y.period(12).lastDay == y.lastDay)
    }

    @Test("year ranges")
    func ranges() throws {
        let r = try YearRange(parsing: "2023/24..2025/26")
        #expect(r.years.map(\.description) == ["2023/24", "2024/25", "2025/26"])
        #expect(r.contains(FinancialYear(startYear: 2024)))
        #expect(!r.contains(FinancialYear(startYear: 2026)))
        #expect(throws: CalendarError.self) { try YearRange(parsing: "2025/26..2023/24") }
    }
}

@Suite("SHA-256 against NIST vectors")
struct SHA256Tests {
    @Test(
        "known digests",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
            (
                "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
                "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
            ),
        ])
    func digests(input: String, hex: String) {
        #expect(SHA256.hex(input) == hex)
    }

    @Test(
        "padding at the block boundaries",
        arguments: [
            (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
            (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
            (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
            (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
            (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
            (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
        ])
    func boundaries(count: Int, hex: String) {
        #expect(SHA256.hex(String(repeating: "a", count: count)) == hex)
    }

    @Test("fed in pieces of any size, the digest is the same as fed whole")
    func pieces() {
        let bytes = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        for length in [0, 1, 63, 64, 65, 127, 128, 129, 300] {
            let whole = SHA256.hex(bytes: Array(bytes.prefix(length)))
            for piece in [1, 3, 17, 63, 64, 65, 200] {
                var h = SHA256()
                var start = 0
                while start < length {
                    let end = min(start + piece, length)
                    h.update(Array(bytes[start..<end]))
                    start = end
                }
                #expect(SHA256.hex(digest: h.finalize()) == whole, "length \(length), pieces of \(piece)")
            }
        }
    }

    @Test("a million a's")
    func million() {
        #expect(SHA256.hex(String(repeating: "a", count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

@Suite("Proposals and operating model")
struct ProposalTests {
    @Test("share lists")
    func shares() throws {
        let s = try CostCentreShare.parseList("PEO-CSC-0412=60%;PEO-CSC-0413=40%")
        #expect(s.map(\.basisPoints) == [6000, 4000])
        #expect(try CostCentreShare.parseList("A;B").map(\.basisPoints) == [nil, nil])
        #expect(try CostCentreShare.parseList("A=33.33%;B=33.33%;C=33.34%").map(\.basisPoints) == [3333, 3333, 3334])
        #expect(CostCentreShare.format(s) == "PEO-CSC-0412=60%;PEO-CSC-0413=40%")
    }

    @Test(
        "bad share lists are refused",
        arguments: ["A=60%;B=30%", "A=60%;B", "A;A", "", "A=0%;B=100%", "A=101%", "A=x%", "=50%;B=50%", "A=60.123%;B=39.877%"])
    func badShares(text: String) {
        #expect(throws: DomainError.self) { try CostCentreShare.parseList(text) }
    }

    @Test("profile is straight line from the delivery start to P12")
    func profile() throws {
        var p = Proposal(ref: "X-1", title: "t", directorate: "d", owner: "o", costCentres: [.init(costCentre: "A")])
        let y = FinancialYear(startYear: 2023)
        #expect(p.profileFraction(year: y, through: y.period(6)) == (6, 12))
        p.deliveryStart = y.period(7)
        #expect(p.profileFraction(year: y, through: y.period(6)) == (0, 6))
        #expect(p.profileFraction(year: y, through: y.period(9)) == (3, 6))
        #expect(p.profileFraction(year: y.next, through: y.next.period(3)) == (3, 12))
        #expect(p.profileFraction(year: y.next, through: y.period(12)) == (0, 1))
    }

    @Test("who held a cost centre on a date")
    func operatingModel() throws {
        let d = { (s: String) in try CivilDate(parsing: s) }
        let model = OperatingModel([
            Assignment(
                costCentre: "BS-1", effective: try d("2023-04-01"), service: "Business Support", directorate: "People", budgetHolder: "A",
                model: .devolved),
            Assignment(
                costCentre: "BS-1", effective: try d("2023-10-01"), service: "Business Support Hub", directorate: "Resources",
                budgetHolder: "B", model: .hub),
        ])
        #expect(model.assignment(of: "BS-1", on: try d("2023-09-30"))?.directorate == "People")
        #expect(model.assignment(of: "BS-1", on: try d("2023-10-01"))?.budgetHolder == "B")
        #expect(model.assignment(of: "BS-1", on: try d("2023-03-31")) == nil)
        #expect(model.moves(of: "BS-1").count == 1)
    }
}

@Suite("The entry hash")
struct EntryHashTests {
    /// The hashed layout is part of every ledger file ever written: a change to it would make every
    /// existing ledger fail `verify`. The expected value was computed independently (Python's hashlib
    /// over `len:field` joined by `|`).
    @Test("is pinned to its published layout")
    func pinned() throws {
        let cc: CostCentreCode = "CHI-CC-1"
        let year = FinancialYear(startYear: 2023)
        let content = EntryContent(
            id: 7, kind: .deliver, proposal: "CHI-01", year: year, toYear: nil, effective: try CivilDate(parsing: "2023-10-31"),
            recordedAt: "2023-11-02T09:00:00Z", actor: "Asha Patel", reason: "Café savings", source: "returns/2023-10.csv:4",
            reverses: nil,
            postings: [
                Posting(.proposal("CHI-01", .delivered, year, cc), Pence(125_000)),
                Posting(.proposal("CHI-01", .planned, year, cc), Pence(-125_000)),
            ])
        #expect(
            content.hash(previous: String(repeating: "ab", count: 32)) == "8057e2536031c8e46940a457ce1445882a488a01c3c750c83cbc592e7ccbb92a"
        )
    }
}
