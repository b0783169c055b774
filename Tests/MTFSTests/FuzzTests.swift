import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@testable import MTFSDomain
@testable import MTFSEngine
@testable import MTFSWeb

/// A small, seeded generator (the pack generator's SplitMix64): every run mutates the same bodies,
/// so a failure repeats.
typealias SeededRandom = MTFSEngine.Generator.Random

/// Mutations a hostile or broken client makes of a good body: bytes flipped, dropped, repeated,
/// cut, and the format's own tokens (boundaries, blank lines, quotes, `%`, `=`) spliced anywhere.
enum Mutate {
    static let tokens: [[UInt8]] = [
        "\r\n", "\r\n\r\n", "--", "--B", "--B--", "\r\n--B\r\n", "\"", ";", "=", "&", "%", "%ZZ", "%C2", "+", "\u{0}", "\u{FF}",
        "Content-Disposition: form-data; name=\"x\"", "filename=\"", "{", "}", "[", "]", ":", ",", "1e999", "-", "9999999999999999999",
        "PK\u{3}\u{4}", "<", ">", "&amp;", "<c r=\"A1\"", "\u{FEFF}",
    ].map { Array($0.utf8) }

    static func one(_ input: [UInt8], _ rng: inout SeededRandom) -> [UInt8] {
        var b = input
        let rounds = Int.random(in: 1...4, using: &rng)
        for _ in 0..<rounds {
            let at = b.isEmpty ? 0 : Int.random(in: 0..<b.count, using: &rng)
            switch Int.random(in: 0..<8, using: &rng) {
            case 0 where !b.isEmpty: b[at] ^= UInt8(1 << Int.random(in: 0..<8, using: &rng))
            case 1 where !b.isEmpty: b.removeSubrange(at..<min(b.count, at + Int.random(in: 1...16, using: &rng)))
            case 2: b.insert(contentsOf: tokens.randomElement(using: &rng)!, at: at)
            case 3: b = Array(b.prefix(at))
            case 4 where !b.isEmpty:
                let end = min(b.count, at + Int.random(in: 1...64, using: &rng))
                b.insert(contentsOf: b[at..<end], at: Int.random(in: 0...b.count, using: &rng))
            case 5: b.insert(UInt8.random(in: 0...255, using: &rng), at: at)
            case 6 where !b.isEmpty: b[at] = UInt8.random(in: 0...255, using: &rng)
            default: b = (0..<Int.random(in: 0...64, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) } + b
            }
        }
        return b
    }
}

/// Every parser a request body reaches, fed random and mutated bodies: each must answer (a value or
/// a refusal), never trap. A trap ends the test process, so this suite fails by crashing.
@Suite("Body parsers under fuzzing")
struct FuzzTests {
    static let multipartSeeds: [(String, [UInt8])] = [
        (
            "B",
            Array(
                "--B\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc\r\n--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.csv\"\r\nContent-Type: text/csv\r\n\r\nref,year,delivered_to_date\r\nP-1,2023/24,1000\r\n--B--\r\n"
                    .utf8)
        ),
        // The attacker's body: the part's blank line runs into the next boundary.
        ("B", Array("--B\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n--B--\r\n".utf8)),
        ("B", Array("--B\r\nContent-Disposition: form-data; name=\"x\"\r\n--B--\r\n".utf8)),
        ("x y", Array("preamble\r\n--x y\r\ncontent-disposition: form-data; name=login\r\n\r\nhelen\r\n--x y--".utf8)),
    ]

    @Test("the attacker's multipart bodies are refused or read, never a trap")
    func knownBodies() throws {
        for (boundary, body) in FuzzTests.multipartSeeds {
            _ = Form.parse(body: body, contentType: "multipart/form-data; boundary=\(boundary)")
        }
        // RFC 2046: the CRLF before `--B` belongs to the delimiter, so the attacker's part never ends: refused.
        #expect(Form.parse(body: FuzzTests.multipartSeeds[1].1, contentType: "multipart/form-data; boundary=B") == nil)
        let empty = Array("--B\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n\r\n--B--\r\n".utf8)
        #expect(Form.parse(body: empty, contentType: "multipart/form-data; boundary=B")?.fields["x"] == "")
        // MultipartKit 4.7.1 traps on a header name byte of 128 or more; refused before it sees one.
        let highByte = Array("--B\r\nContent-Disposition: form-data; name=\"x\"\r\n\u{E9}: y\r\n\r\nv\r\n--B--\r\n".utf8)
        #expect(Form.parse(body: highByte, contentType: "multipart/form-data; boundary=B") == nil)
        #expect(Form.parse(body: FuzzTests.multipartSeeds[2].1, contentType: "multipart/form-data; boundary=B") == nil)
        // An empty boundary, one too long, a body without its closing delimiter.
        #expect(Form.parse(body: FuzzTests.multipartSeeds[0].1, contentType: "multipart/form-data; boundary=") == nil)
        #expect(Form.parse(body: FuzzTests.multipartSeeds[0].1, contentType: "multipart/form-data; boundary=\(String(repeating: "B", count: 71))") == nil)
        #expect(Form.parse(body: Array(FuzzTests.multipartSeeds[0].1.dropLast(9)), contentType: "multipart/form-data; boundary=B") == nil)
        let good = try #require(Form.parse(body: FuzzTests.multipartSeeds[0].1, contentType: "multipart/form-data; boundary=B"))
        #expect(good.fields["csrf"] == "abc")
        #expect(good.files["file"]?.name == "r.csv")
        #expect(good.files["file"].map { String(decoding: $0.bytes, as: UTF8.self) } == "ref,year,delivered_to_date\r\nP-1,2023/24,1000")
        let quoted = try #require(Form.parse(body: FuzzTests.multipartSeeds[3].1, contentType: "multipart/form-data; boundary=\"x y\""))
        #expect(quoted.fields["login"] == "helen")
    }

    @Test("110,000 random and mutated bodies through every body parser: an answer for each, in bounded time")
    func fuzzEveryParser() throws {
        let started = ContinuousClock.now
        var rng = SeededRandom(state: 20_261_206)
        var answered = 0

        // multipart/form-data (40,000) and URL-encoded forms (20,000).
        for i in 0..<40_000 {
            let (boundary, seed) = FuzzTests.multipartSeeds[i % FuzzTests.multipartSeeds.count]
            let body = i % 10 == 0 ? Mutate.one([], &rng) : Mutate.one(seed, &rng)
            let type = i % 7 == 0 ? "multipart/form-data; boundary=" + String(decoding: Mutate.one(Array(boundary.utf8), &rng), as: UTF8.self) : "multipart/form-data; boundary=\(boundary)"
            _ = Form.parse(body: body, contentType: type)
            answered += 1
        }
        let urlSeed = Array("login=helen&password=correct+horse%20battery&csrf=%C2%A3&rag=Amber&rag=Red".utf8)
        for _ in 0..<20_000 {
            let body = Mutate.one(urlSeed, &rng)
            _ = Form.parse(body: body, contentType: "application/x-www-form-urlencoded")
            _ = Form.all("rag", in: String(decoding: body, as: UTF8.self))
            answered += 1
        }

        // The API's JSON bodies, decoded and each line read as a return line (20,000).
        let jsonSeed = Array(
            #"{"period": "2023-12", "lines": [{"ref": "PEO-07", "year": "2023/24", "delivered_to_date": 125000.5, "forecast": "£1,250.00", "rag": "Amber", "comment": "on track"}]}"#
                .utf8)
        let signSeed = Array(#"{"period": "2023-12", "comment": "signed"}"#.utf8)
        for i in 0..<20_000 {
            let body = Mutate.one(i % 4 == 0 ? signSeed : jsonSeed, &rng)
            if let posted = try? JSONDecoder().decode(Portal.ReturnPost.self, from: Data(body)) {
                _ = try? Period(parsing: posted.period)
                for (n, line) in posted.lines.enumerated() { _ = try? ParsedReturn.line(line.cells(index: n)) }
            }
            _ = try? JSONDecoder().decode(Portal.SignOffPost.self, from: Data(body))
            answered += 1
        }

        // Uploaded returns: CSV (20,000) and workbooks (10,000), as /upload reads them.
        let csvSeed = Array("ref,year,delivered_to_date,forecast,rag,comment\r\nPEO-07,2023/24,\"£1,250.00\",2000,Amber,\"a \"\"quoted\"\" note\"\r\n".utf8)
        for _ in 0..<20_000 {
            _ = try? ParsedReturn.read(bytes: Mutate.one(csvSeed, &rng), name: "r.csv", period: try! Period(parsing: "2023-12"))
            answered += 1
        }
        let workbooks = try ["libreoffice-return.xlsx", "openpyxl-return.xlsx", "inline-strings.xlsx", "entities.xlsx"].map {
            [UInt8](try Data(contentsOf: URL(fileURLWithPath: fixture("xlsx/\($0)"))))
        }
        for i in 0..<10_000 {
            _ = try? ParsedReturn.read(bytes: Mutate.one(workbooks[i % workbooks.count], &rng), name: "r.xlsx", period: nil)
            answered += 1
        }

        #expect(answered == 110_000)
        // Bounded: a parser that loops or blows up on some input shows here rather than hanging CI.
        #expect(ContinuousClock.now - started < .seconds(600))
    }

    @Test("the portal keeps answering after hostile bodies to /login and /upload, signed in or not")
    func portalSurvives() async throws {
        let f = try await PortalFixture()
        var rng = SeededRandom(state: 7)
        let (cookie, _) = try await f.signIn("fbp.people")
        for i in 0..<300 {
            let (boundary, seed) = FuzzTests.multipartSeeds[i % FuzzTests.multipartSeeds.count]
            var request = URLRequest(url: URL(string: f.base + (i % 2 == 0 ? "/login" : "/upload"))!)
            request.httpMethod = "POST"
            request.setValue("multipart/form-data; boundary=\(boundary)", forHTTPHeaderField: "Content-Type")
            if i % 3 == 0 { request.setValue("mtfs_session=\(cookie)", forHTTPHeaderField: "Cookie") }
            request.httpBody = Data(i < 4 ? seed : Mutate.one(seed, &rng))
            let (_, response) = try await f.session.data(for: request)
            let status = (response as! HTTPURLResponse).statusCode
            #expect((200..<500).contains(status), "body \(i) answered \(status)")
        }
        let (_, after) = try await f.session.data(from: URL(string: f.base + "/login")!)
        #expect((after as! HTTPURLResponse).statusCode == 200)
    }
}
