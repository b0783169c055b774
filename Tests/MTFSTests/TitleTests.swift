import Foundation
import PropertyBased
import Testing

@testable import MTFSDomain
@testable import MTFSEngine
@testable import MTFSStore
import MTFSRender

/// DC04 judges titles as a person does (SPEC §6 v3): the pair suite of `Fixtures/title-pairs.csv`.
@Suite("Title similarity (DC04 v3)")
struct TitleTests {
    /// The suite's pairs: whether a person judges them the same saving, what DC04 decides, and the two titles.
    static func pairs(_ file: String = "title-pairs.csv") throws -> [(alike: Bool, dc04: Bool, a: String, b: String)] {
        let text = try String(contentsOfFile: fixture(file), encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).dropFirst().map { line in
            let f = line.split(separator: ",", maxSplits: 3).map(String.init)
            return (f[0] == "yes", f[1] == "yes", f[2], f[3])
        }
    }

    /// The programme the pairs are judged in: every title of the suite and of the sample borough.
    static func programme(_ file: String = "title-pairs.csv") throws -> TitleSimilarity {
        let borough = try String(contentsOfFile: samplePack + "/proposals.csv", encoding: .utf8)
        let titles = try CSVFile(name: "proposals.csv", bytes: Array(borough.utf8), required: ["title"], extraColumn: { _ in true }).rows.map { $0["title"] }
        return TitleSimilarity(titles: try pairs(file).flatMap { [$0.a, $0.b] } + titles)
    }

    /// Judges every pair of a suite in its programme: checks each decision is as recorded (or, with
    /// `MTFS_UPDATE_GOLDEN=1`, records them again after a deliberate change), and counts true and
    /// false positives and misses against the person's judgement.
    static func judge(_ file: String) throws -> (tp: Int, fp: Int, fn: Int) {
        let pairs = try TitleTests.pairs(file)
        let judge = try TitleTests.programme(file)
        let threshold = Double(ReconcileSettings().similarityBasisPoints) / 10_000
        let update = ProcessInfo.processInfo.environment["MTFS_UPDATE_GOLDEN"] != nil
        var (tp, fp, fn) = (0, 0, 0)
        var lines = ["alike,dc04,first,second"]
        for pair in pairs {
            let score = judge.score(TitleWords.of(pair.a), TitleWords.of(pair.b))
            let found = score.alike(at: threshold)
            if found && pair.alike { tp += 1 }
            if found && !pair.alike { fp += 1 }
            if !found && pair.alike { fn += 1 }
            lines.append("\(pair.alike ? "yes" : "no"),\(found ? "yes" : "no"),\(pair.a),\(pair.b)")
            if !update { #expect(found == pair.dc04, "DC04 now \(found ? "flags" : "passes") “\(pair.a)” / “\(pair.b)”: \(score)") }
        }
        if update { try (lines.joined(separator: "\n") + "\n").write(toFile: fixture(file), atomically: true, encoding: .utf8) }
        print("DC04 \(file): precision \(tp)/\(tp + fp), recall \(tp)/\(tp + fn)")
        return (tp, fp, fn)
    }

    /// A second suite, held out: 68 pairs a reviewer wrote before reading DC04's code (37 alike in
    /// their judgement), including pairs aimed at its weak points. Its precision and recall are
    /// measured and held, not assumed to be the first suite's: docs/reconciliation.md.
    @Test("a held-out pair suite written by a reviewer: DC04's decisions as recorded; precision at least 90%, recall at least 70%")
    func reviewSuite() throws {
        let (tp, fp, fn) = try TitleTests.judge("title-pairs-review.csv")
        #expect(Double(tp) / Double(max(1, tp + fp)) >= 0.9 && Double(tp) / Double(tp + fn) >= 0.7)
    }

    /// Each pair's DC04 decision is as recorded in the suite (a change to the rule that moves one is
    /// seen, and the suite updated on purpose), and the precision and recall against a person's
    /// judgement are measured and held: docs/reconciliation.md reports them.
    @Test("the pair suite: at least 60 pairs, half alike in a person's judgement; DC04's decisions as recorded, precision and recall at least 95%")
    func pairSuite() throws {
        let pairs = try TitleTests.pairs()
        #expect(pairs.count >= 60 && pairs.filter(\.alike).count * 2 == pairs.count)
        let (tp, fp, fn) = try TitleTests.judge("title-pairs.csv")
        #expect(Double(tp) / Double(max(1, tp + fp)) >= 0.95 && Double(tp) / Double(tp + fn) >= 0.95)
    }

    @Test("word forms meet: decommission and decommissioning, photocopier and photocopying, lease and leasing")
    func wordForms() {
        for (a, b) in [
            ("Decommission", "Decommissioning"), ("photocopier", "photocopying"), ("lease", "leasing"), ("leases", "lease"),
            ("rationalise", "rationalisation"), ("renegotiate", "renegotiation"), ("closure", "close"), ("procurement", "procure"),
            ("charges", "charging"), ("centres", "centre"), ("libraries", "library"), ("contractors", "contract"),
        ] {
            #expect(TitleWords.of(a) == TitleWords.of(b), "\(a) / \(b): \(TitleWords.of(a)) \(TitleWords.of(b))")
        }
        for (a, b) in [("community", "communications"), ("transfer", "transformation"), ("process", "procure")] {
            #expect(TitleWords.of(a) != TitleWords.of(b), "\(a) / \(b)")
        }
    }

    /// DC04's findings as what they say: the proposals, the year and the amount.
    static func dc04(_ ledger: Ledger) throws -> [String] {
        let input = try ReconciliationInput.load(ledger, asOf: nil, today: date("2023-11-20"))
        return Reconciliation(input: input, settings: try ledger.settings.reconcileSettings()).findings().filter { $0.code == .DC04 }
            .map { "\($0.refs.joined(separator: ";")) \($0.year?.description ?? "") \($0.amount)" }.sorted()
    }

    @Test("a statement lists at most ten findings, most serious first, then how many more and the command that lists exactly them")
    func statementCap() throws {
        let dir = TempDir()
        _ = try writeGeneratedPack(dir.path("g"), proposals: 2_000, costCentres: 400, periods: 2, seed: 7)
        let ledger = try Ledger(path: dir.path("g.sqlite"), create: true)
        _ = try loadPack(dir.path("g"), into: ledger)
        let input = try ReconciliationInput.load(ledger, asOf: nil, today: date("2023-11-20"))
        let findings = Reconciliation(input: input, settings: ReconcileSettings()).findings()
        let builder = try StatementBuilder(ledger: ledger, input: input, findings: findings)
        let busiest = try #require(builder.holders.max { builder.findings(onStatementOf: $0).count < builder.findings(onStatementOf: $1).count })
        let all = builder.findings(onStatementOf: busiest)
        #expect(all.count > HolderStatement.shownFindings, "the generated programme gives someone more than ten findings")
        let s = try builder.statement(for: busiest)
        #expect(s.findings == Array(all.prefix(10)))
        #expect(zip(s.findings, s.findings.dropFirst()).allSatisfy { !Finding.mostSeriousFirst($1, $0) })
        #expect(s.moreFindings == all.count - 10)
        #expect(s.moreFindingsCommand == "mtfs reconcile --as-of \(input.asOf.monthText) --holder \"\(busiest)\"")
        let html = HTMLWriter().statement(s)
        #expect(html.contains("<code>mtfs reconcile --as-of"), "the command as code in HTML, not backticks")
        #expect(!html.contains("`mtfs reconcile"))
    }

    @Test("a programme whose titles follow a template yields no DC04; the generator's planted near-duplicates are found")
    func template() throws {
        let dir = TempDir()
        _ = try writeGeneratedPack(dir.path("tpl"), proposals: 2_000, costCentres: 400, periods: 2, seed: 7, templateTitles: true)
        let templated = try Ledger(path: dir.path("tpl.sqlite"), create: true)
        _ = try loadPack(dir.path("tpl"), into: templated)
        #expect(try TitleTests.dc04(templated).isEmpty)
        _ = try writeGeneratedPack(dir.path("plain"), proposals: 2_000, costCentres: 400, periods: 2, seed: 7)
        let plain = try Ledger(path: dir.path("plain.sqlite"), create: true)
        _ = try loadPack(dir.path("plain"), into: plain)
        let planted = try plain.books.proposals().filter { $0.title.hasSuffix(" extension") }
        let found = try TitleTests.dc04(plain)
        #expect(planted.count >= 5)
        for p in planted { #expect(found.contains { $0.contains(p.ref.rawValue) }, "\(p.ref) “\(p.title)” not found") }
    }

    @Test("a word added to every title (a prefix or a suffix) changes no DC04 finding")
    func fixedWord() async throws {
        let dir = TempDir()
        let base = try Ledger(path: dir.path("base.sqlite"), create: true)
        _ = try loadPack(samplePack, into: base)
        let before = try TitleTests.dc04(base)
        #expect(before.count >= 2)
        let proposals = try String(contentsOfFile: samplePack + "/proposals.csv", encoding: .utf8)
        let word = Gen.lowercaseLetter.string(of: 3...9)
        await propertyCheck(count: 6, input: zip(word, Gen.bool)) { word, prefix in
            let pack = TempDir()
            for file in try FileManager.default.contentsOfDirectory(atPath: samplePack) where file != "proposals.csv" {
                try FileManager.default.copyItem(atPath: samplePack + "/" + file, toPath: pack.path(file))
            }
            let f = try CSVFile(name: "proposals.csv", bytes: Array(proposals.utf8), required: ["title"], extraColumn: { _ in true })
            var lines = [f.header.map(CSVFile.quote).joined(separator: ",")]
            for r in f.rows {
                lines.append(f.header.map { column in
                    CSVFile.quote(column == "title" ? (prefix ? "\(word.capitalized): \(r[column])" : "\(r[column]) \(word)") : r.raw(column))
                }.joined(separator: ","))
            }
            try (lines.joined(separator: "\n") + "\n").write(toFile: pack.path("proposals.csv"), atomically: true, encoding: .utf8)
            let renamed = try Ledger(path: pack.path("l.sqlite"), create: true)
            _ = try loadPack(pack.url.path, into: renamed)
            #expect(try TitleTests.dc04(renamed) == before, "with “\(word)”")
        }
    }
}
