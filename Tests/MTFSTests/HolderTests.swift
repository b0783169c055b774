import Foundation
import MTFSDomain
import MTFSEngine
@testable import MTFSStore
import MTFSWeb
import PropertyBased
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Budget holders as the ledger issues them (issue #29): a number given when first named and every
/// name they were recorded under, so a holder renamed keeps everything that was theirs.
@Suite("Budget holders: a number, not a name")
struct HolderTests {
    let dir = TempDir()

    /// Each holder's statement for P7 as figures, by holder number.
    private func statements(_ ledger: Ledger) throws -> [Int: String] {
        let builder = try StatementBuilder(ledger: ledger, period: Period(year: fy(2023), number: 7), settings: ReconcileSettings())
        let register = try ledger.holders.register()
        var out: [Int: String] = [:]
        for holder in builder.holders {
            let s = try builder.statement(for: holder)
            out[try #require(register.holder(named: holder.rawValue)).number] = s.figures.text + "|" + "\(s.signature)".replacingOccurrences(of: holder.rawValue, with: "•")
        }
        return out
    }

    @Test("a holder renamed keeps their cost centres, proposals, statement, sign-off and login; any name they had finds them")
    func renameKeepsEverything() throws {
        let ledger = try sampleLedger(dir)
        try ledger.people.addUser(
            PortalUser(login: "ann", name: "Ann", role: .holder, holder: "Ann"), passwordHash: "x", by: "t", at: 0, recordedAt: "")
        _ = try SignOffs.sign(ledger: ledger, holder: "Ann", period: Period(year: fy(2023), number: 1), comment: "ok", by: testWho)
        let before = try statements(ledger)
        #expect(try ledger.holders.register().holders.map(\.name) == ["Ann", "Bob"])

        let renamed = try ledger.holders.renameHolder("  ann ", to: "Ann Okafor", by: testWho)
        #expect(renamed.number == 1 && renamed.name == "Ann Okafor" && renamed.formerly == ["Ann"])
        // The same figures and sign-off, under the same number; only the name differs.
        #expect(try statements(ledger) == before)
        #expect(try ledger.books.proposal("P-1")?.owner == "Ann Okafor")
        #expect(try ledger.organisation.operatingModel().assignment(of: "A1", on: date("2023-05-01"))?.budgetHolder == "Ann Okafor")
        #expect(try ledger.people.user("ann")?.holder == "Ann Okafor")
        #expect(try ledger.people.user("ann")?.scope.ownHolder == "Ann Okafor")
        #expect(try ledger.signOffs.find(holder: "Ann Okafor", for: Period(year: fy(2023), number: 1))?.holder == "Ann Okafor")
        #expect(try ledger.signOffs.find(holder: "ANN", for: Period(year: fy(2023), number: 1)) != nil)
        let builder = try StatementBuilder(ledger: ledger, period: Period(year: fy(2023), number: 7), settings: ReconcileSettings())
        #expect(builder.holder(named: "Ann") == "Ann Okafor" && builder.holder(named: "ann okafor") == "Ann Okafor")
        #expect(builder.holders == ["Ann Okafor", "Bob"])

        // What names them by an old name is theirs, under the name they go by now.
        try ledger.books.restructure(
            Assignment(
                costCentre: "B1", effective: date("2023-10-01"), service: "Place service", directorate: "Place", budgetHolder: "ann",
                model: .devolved, reason: "Ann takes B1"), by: testWho)
        #expect(try ledger.organisation.operatingModel().assignment(of: "B1", on: date("2023-10-01"))?.budgetHolder == "Ann Okafor")
        #expect(try ledger.db.first("SELECT budget_holder FROM assignments ORDER BY id DESC LIMIT 1", map: { $0.text(0) }) == "Ann Okafor")
        // A new name is a new holder, with the next number.
        try ledger.books.restructure(
            Assignment(
                costCentre: "B1", effective: date("2024-01-01"), service: "Place service", directorate: "Place", budgetHolder: "Cai",
                model: .devolved, reason: "Cai takes B1"), by: testWho)
        #expect(try ledger.holders.register().holders.map { "\($0.number) \($0.name)" } == ["1 Ann Okafor", "2 Bob", "3 Cai"])
        #expect(try ledger.verifier.verify().passed)
        // Renamed back, the name they had is theirs again; both names still find them.
        try ledger.holders.renameHolder("Ann Okafor", to: "Ann", by: testWho)
        let again = try #require(try ledger.holders.holder(named: "ann okafor"))
        #expect(again.name == "Ann" && again.formerly == ["Ann Okafor"] && again.names == ["Ann", "Ann Okafor"])
        #expect(try ledger.verifier.verify().passed)
    }

    @Test("a rename is refused, with nothing written, for an unknown holder, another holder's name (now or once), their own name, or a name that is not plain text")
    func renameRefusals() throws {
        let ledger = try sampleLedger(dir)
        try ledger.holders.renameHolder("Bob", to: "Robert", by: testWho)
        let head = try ledger.head()
        func refused(_ holder: HolderID, _ name: String, _ message: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
            #expect(throws: LedgerError.self, sourceLocation: sourceLocation) { try ledger.holders.renameHolder(holder, to: name, by: testWho) }
            do { try ledger.holders.renameHolder(holder, to: name, by: testWho) } catch let error as LedgerError {
                #expect(error.explanation.contains(message), "\(error)", sourceLocation: sourceLocation)
            } catch { Issue.record(error, sourceLocation: sourceLocation) }
        }
        refused("Ann Smith", "Ann Okafor", "no budget holder is called Ann Smith; did you mean Ann?")
        refused("Nobody", "X", "no budget holder is called Nobody")
        refused("Ann", "robert", "Robert is another budget holder's name (holder 2)")
        refused("Ann", "BOB", "BOB was another budget holder's name (holder 2, who goes by Robert now)")
        refused("Ann", "Ann", "Ann already goes by that name")
        refused("Ann", "Ann\tOkafor", "the holder's new name")
        refused("Ann", "Ann \u{202E}Okafor", "the holder's new name")
        refused("Ann", "   ", "the holder's new name")
        refused("Ann", "Bob\u{200B}", "the holder's new name contains an invisible character (U+200B) that would make it look like another name")
        refused("Ann", "\u{FEFF}", "invisible character (U+FEFF)")
        refused("  ", "X", "give the name of the holder to rename")
        for invisible in ["\u{034F}", "\u{061C}", "\u{3164}", "\u{FFA0}", "\u{2800}", "\u{FE0F}", "\u{E0041}", "\u{2028}", "\u{00AD}", "\u{2060}"] {
            refused("Ann", "Bob" + invisible, "the holder's new name contains an invisible character")
        }
        refused("Ann", "Tom" + String(repeating: "\u{301}", count: 20_000), "the holder's new name has a letter with more than 15 accents or marks on it")
        // A mistyped name is suggested by any name the holder had: Bob is Robert now.
        refused("Bob Jones", "X", "no budget holder is called Bob Jones; did you mean Robert?")
        refused("Ann", String(repeating: "A", count: PlainText.nameLimit + 1), "the holder's new name")
        #expect(try ledger.head() == head)
        // The joiners some scripts need between letters stay allowed.
        try ledger.holders.renameHolder("Ann", to: "Ann\u{200C}e", by: testWho)
        try ledger.holders.renameHolder("Ann\u{200C}e", to: "Ann", by: testWho)
        // Spelled differently only in case is the same holder: allowed, as a correction; spaces
        // between words are one.
        try ledger.holders.renameHolder("Ann", to: "ANN", by: testWho)
        #expect(try ledger.holders.register().holder(number: 1)?.name == "ANN")
        #expect(try ledger.holders.register().holder(number: 1)?.formerly == ["Ann\u{200C}e"], "a name in another case is no earlier name")
        try ledger.holders.renameHolder("Ann", to: "  Ann   Lee ", by: testWho)
        #expect(try ledger.holders.register().holder(number: 1)?.name == "Ann Lee")
        // A name is as long as it looks: 300 accented letters typed as letter and accent are 300.
        let accented = String(repeating: "e\u{301}", count: 300)
        try ledger.holders.renameHolder("Ann Lee", to: accented, by: testWho)
        #expect(try ledger.holders.register().holder(number: 1)?.name.rawValue == accented)
        #expect(try ledger.verifier.verify().passed)
    }

    @Test("the database keeps a name to one holder, issues numbers in order and never changes the register")
    func databaseGuards() throws {
        let ledger = try sampleLedger(dir)
        func aborts(_ sql: String, _ message: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
            do {
                try ledger.db.execute(sql)
                Issue.record("\(sql) was not refused", sourceLocation: sourceLocation)
            } catch { #expect("\(error)".contains(message), "\(error)", sourceLocation: sourceLocation) }
        }
        let columns = "holder, name, name_key, change, recorded_at, actor, source"
        aborts("INSERT INTO holder_names(\(columns)) VALUES (2, 'ann', 'ann', 'renamed', '', 'x', 'x')", "belongs to another budget holder")
        aborts("INSERT INTO holder_names(\(columns)) VALUES (5, 'Eve', 'eve', 'named', '', 'x', 'x')", "the next number")
        aborts("INSERT INTO holder_names(\(columns)) VALUES (2, 'Eve', 'eve', 'named', '', 'x', 'x')", "the next number")
        aborts("INSERT INTO holder_names(\(columns)) VALUES (9, 'Eve', 'eve', 'renamed', '', 'x', 'x')", "the next number")
        aborts("UPDATE holder_names SET name = 'Eve' WHERE holder = 1", "append-only")
        aborts("DELETE FROM holder_names", "append-only")
    }

    @Test("verify finds a register row added, changed or missing outside mtfs; a row beside the chain moves no one")
    func tampering() throws {
        let ledger = try sampleLedger(dir)
        // A rename written straight into the file, beside the chain: Ann's statement stays Ann's.
        try ledger.db.execute(
            "INSERT INTO holder_names(holder, name, name_key, change, recorded_at, actor, source) VALUES (1, 'Mallory', 'mallory', 'renamed', '', 'x', 'x')")
        #expect(try ledger.holders.register().holder(number: 1)?.name == "Ann")
        let report = try ledger.verifier.verify()
        #expect(!report.passed && report.checks.contains { !$0.problems.isEmpty && $0.name.contains("record chain") })

        // A name given the wrong key (the triggers dropped to do it) and a fact naming someone the
        // register never had.
        let other = try sampleLedger(dir, name: "m.sqlite")
        try other.db.execute(
            """
            DROP TRIGGER holder_names_no_update; UPDATE holder_names SET name_key = 'zed' WHERE holder = 2;
            DROP TRIGGER sign_offs_no_update; INSERT INTO sign_offs(holder, period, signed_by, signed_at, comment, source) VALUES ('Zed', 202301, 'x', '', '', 'x')
            """)
        // A write that would name or rename a holder says what is wrong, and writes nothing, whether
        // the row beside the chain names a holder or renames one.
        for (i, row) in ["(3, 'Zed', 'zed', 'named'", "(2, 'Sneaky', 'sneaky', 'renamed'"].enumerated() {
            let tampered = try sampleLedger(dir, name: "t\(i).sqlite")
            try tampered.db.execute("INSERT INTO holder_names(holder, name, name_key, change, recorded_at, actor, source) VALUES \(row), '', 'x', 'x')")
            let head = try tampered.head()
            let refusal = LedgerError.integrity(
                "the holder register has a row that is not in the record chain (added outside mtfs), so no holder was named or renamed; run `mtfs verify`")
            #expect(throws: refusal) {
                try tampered.books.restructure(
                    Assignment(costCentre: "B1", effective: date("2023-10-01"), service: "S", directorate: "Place", budgetHolder: "Cai", model: .devolved, reason: "r"),
                    by: testWho)
            }
            #expect(throws: refusal) { try tampered.holders.renameHolder("Ann", to: "Ann Lee", by: testWho) }
            #expect(try tampered.head() == head)
            // The row counts for nothing: not in the register, nor in its history.
            #expect(try tampered.holders.register().holders.map(\.name) == ["Ann", "Bob"] && tampered.holders.history().count == 2)
        }
        let problems = try other.verifier.holderProblems()
        #expect(problems.contains { $0.contains("gives Bob's name as compared as \"zed\"") }, "\(problems)")
        #expect(problems.contains { $0.contains("sign_offs names the budget holder \"Zed\", who is not in the holder register") }, "\(problems)")
    }

    @Test("a ledger from before the register (schema 4) gets one: every spelling of a holder finds them, and reports read as before")
    func upgradeRegisters() throws {
        let path = dir.path("old.sqlite")
        try makeSchema4Ledger(at: path)
        // A proposal whose owner an earlier mtfs stored in another case and spacing.
        let raw = try Database(path: path)
        let owner = try #require(try raw.first("SELECT owner FROM proposals ORDER BY rowid LIMIT 1", map: { $0.text(0) }))
        let variant = "  " + owner.uppercased()
        // And two owners an earlier mtfs took as written: one with é composed, one with e and an accent.
        let (composed, decomposed) = ("L\u{E9}a Ng", "Le\u{301}a Ng")
        // (The guard that stops it put back as it was, so the file is as an earlier mtfs could leave it.)
        let guardSQL = try #require(try raw.first("SELECT sql FROM sqlite_master WHERE name = 'proposals_no_update'", map: { $0.text(0) }))
        try raw.execute(
            """
            DROP TRIGGER proposals_no_update; UPDATE proposals SET owner = '\(variant)' WHERE rowid = (SELECT max(rowid) FROM proposals);
            UPDATE proposals SET owner = '\(composed)' WHERE rowid = (SELECT min(rowid) + 1 FROM proposals);
            UPDATE proposals SET owner = '\(decomposed)' WHERE rowid = (SELECT min(rowid) + 2 FROM proposals); \(guardSQL)
            """)
        let names = try Set(raw.query("SELECT budget_holder FROM assignments UNION SELECT owner FROM proposals", map: { $0.text(0) }))
        let ledger = try Ledger(path: path)
        let register = try ledger.holders.register()
        #expect(Set(register.holders.map { HolderID.canonical($0.name.rawValue) }).count == register.holders.count)
        for name in names { #expect(register.holder(named: name)?.names.contains(name) == true, "\(name)") }
        let holder = try #require(register.holder(named: variant))
        #expect(holder.name.rawValue == owner && holder.names.contains(variant))
        #expect(try ledger.books.proposals().allSatisfy { register.holders.map(\.name).contains($0.owner) })
        let rows = try ledger.holders.history()
        #expect(rows.allSatisfy { $0.source == "the ledger before schema 13" })
        // Each spelling as stored, byte for byte, finds its holder: é either way is one holder, with both.
        #expect(rows.filter { $0.change == .spelled }.map { Array($0.name.utf8) } == [Array(decomposed.utf8), Array(variant.utf8)])
        #expect(register.holder(named: composed)?.number == register.holder(named: decomposed)?.number)
        #expect(register.records(composed) && register.records(decomposed))
        #expect(try ledger.verifier.verify().passed)
    }

    @Test("renames in any order among movements never move money or a statement: the same books kept without renames read alike, holder by holder")
    func renamesNeverMoveMoney() async throws {
        // (what: rename to a new name, to the other's name, back to the first, or a movement; who; year; pounds)
        let gen = zip(Gen.int(in: 0...5), Gen.int(in: 0...1), Gen.int(in: 0...2), Gen.int64(in: 1...300_000)).array(of: 1...14)
        await propertyCheck(count: 15, input: gen) { ops in
            let dir = TempDir()
            let renamed = try sampleLedger(dir, name: "renamed.sqlite")
            let plain = try sampleLedger(dir, name: "plain.sqlite")
            let first: [HolderID] = ["Ann", "Bob"]
            var names = first
            for (step, op) in ops.enumerated() {
                let (what, who, year, amount) = op
                let head = try renamed.head()
                switch what {
                case 0, 1:
                    try renamed.holders.renameHolder(names[who], to: "\(first[who]) \(step)", by: testWho)
                    names[who] = HolderID("\(first[who]) \(step)")
                case 2:
                    #expect(throws: LedgerError.self) { try renamed.holders.renameHolder(names[who], to: names[1 - who].rawValue, by: testWho) }
                    #expect(try renamed.head() == head)
                case 3:
                    if names[who] == first[who] {
                        #expect(throws: LedgerError.self) { try renamed.holders.renameHolder(names[who], to: first[who].rawValue, by: testWho) }
                    } else {
                        try renamed.holders.renameHolder(names[who], to: first[who].rawValue, by: testWho)
                        names[who] = first[who]
                    }
                default:
                    let movement = PropertyTests.movement(for: (kind: what == 4 ? 0 : 2, a: year, b: year, pounds: amount, entry: 0))!
                    let a = Result(catching: { try renamed.books.record(movement, on: "P-1", effective: date("2024-03-31"), reason: "random", by: testWho) })
                    let b = Result(catching: { try plain.books.record(movement, on: "P-1", effective: date("2024-03-31"), reason: "random", by: testWho) })
                    #expect((try? a.get()) == (try? b.get()))
                }
                #expect(try statements(renamed) == statements(plain), "after \(op)")
                #expect(try renamed.holders.register().holders.map(\.name) == names)
            }
            #expect(try renamed.positions.positionLines() == plain.positions.positionLines())
            #expect(try renamed.verifier.verify().passed)
        }
    }
}

@Suite("Budget holders renamed, at the command line and in the portal", .serialized)
struct HolderFaceTests {
    @Test("mtfs holder list and rename: the statement, sign-off and template find the holder by any name they had")
    func commandLine() throws {
        let cli = CLI()
        try cli.setUp()
        try cli.expectOK(["sign-off", "--holder", "Sam Okafor", "--period", "2023-04", "--as", "Sam Okafor"])
        let renamed = try cli.run(["holder", "rename", "sam okafor", "--to", "Sam Okafor-Reid"])
        #expect(renamed.status == 0 && renamed.out.contains("Holder 1, Sam Okafor, goes by Sam Okafor-Reid from now"), "\(renamed.err)")
        let list = try cli.run(["holder", "list", "--format", "csv"])
        #expect(list.out.replacingOccurrences(of: "\r\n", with: "\n") == "number,name,formerly\n1,Sam Okafor-Reid,Sam Okafor\n")
        for name in ["Sam Okafor", "SAM OKAFOR-REID"] {
            let statement = try cli.run(["statement", "--holder", name, "--period", "2023-04"])
            #expect(statement.out.contains("Savings statement for Sam Okafor-Reid") && statement.out.contains("This statement was signed by"), "\(statement.err)")
        }
        let again = try cli.run(["sign-off", "--holder", "Sam Okafor", "--period", "2023-04"])
        #expect(again.status != 0 && again.err.contains("Sam Okafor-Reid's statement for 2023/24 P1 is already signed with these figures"), "\(again.err)")
        try cli.expectOK(["template", "--period", "2023-04", "--holder", "Sam Okafor", "--out", "t.xlsx"])
        let proposals = try cli.run(["proposal", "list", "--owner", "sam okafor", "--format", "csv"])
        #expect(proposals.out.contains("PEO-07"))
        let nobody = try cli.run(["proposal", "list", "--owner", "Sam Okafr"])
        #expect(nobody.status == 2 && nobody.err.contains("--owner: no budget holder or proposal owner is called \"Sam Okafr\" in the ledger; did you mean Sam Okafor-Reid?"), "\(nobody.err)")
        for name in ["Sam Okafor", "sam  okafor-reid"] {
            let findings = try cli.run(["reconcile", "--as-of", "2023-04", "--holder", name])
            #expect(findings.status == 0, "reconcile --holder \(name): \(findings.err)")
        }

        // The register's history: who named and renamed whom, when, for whom.
        try cli.expectOK(["holder", "rename", "Sam Okafor-Reid", "--to", "Sam Reid", "--as", "Finance BP (People)"])
        let json = try JSONSerialization.jsonObject(with: Data(try cli.run(["holder", "list", "--format", "json"]).out.utf8)) as? [[String: Any]]
        #expect(json?.first?["formerly"] as? [String] == ["Sam Okafor", "Sam Okafor-Reid"], "\(String(describing: json))")
        let history = try cli.run(["holder", "list", "--history", "--format", "csv"]).out.replacingOccurrences(of: "\r\n", with: "\n")
        let rows = history.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.first == ["number", "name", "change", "recorded_at", "recorded_by", "source"], "\(history)")
        #expect(rows.dropFirst().map { "\($0[0]) \($0[1]) \($0[2])" } == ["1 Sam Okafor named", "1 Sam Okafor-Reid renamed", "1 Sam Reid renamed"], "\(history)")
        #expect(rows.last?[4].hasSuffix(" for Finance BP (People)") == true && rows.last?[5] == "mtfs holder rename", "\(history)")

        // An earlier name still finds them, and every write that uses one says whose it is.
        let note = "Note: “Sam Okafor” is an earlier name of holder 1, who goes by Sam Reid now"
        let input = Pipe()
        try input.fileHandleForWriting.write(contentsOf: Data("a long passphrase here".utf8))
        try input.fileHandleForWriting.close()
        let added = try cli.run(
            ["user", "add", "sam", "--name", "Sam", "--role", "holder", "--holder", "sam okafor", "--password-stdin"], standardInput: input.fileHandleForReading)
        #expect(added.status == 0 && added.out.contains("Note: “sam okafor” is an earlier name of holder 1") && added.out.contains("Added sam (holder, Sam Reid's statements)"), "\(added.out)\(added.err)")
        let moved = try cli.run(["restructure", "PEO-CSC-0413", "--effective", "2023-10-01", "--holder", "Sam Okafor", "--service", "Fostering Hub", "--reason", "x"])
        #expect(moved.status == 0 && moved.out.contains(note) && moved.out.contains("held by Sam Reid"), "\(moved.out)\(moved.err)")
        try FileManager.default.createDirectory(atPath: cli.dir.path("pack"), withIntermediateDirectories: true)
        try "cost_centre,name,service,directorate,budget_holder,model\nPEO-CSC-0499,New team,Children's Social Care,People,SAM OKAFOR,devolved\n"
            .write(toFile: cli.dir.path("pack/organisation.csv"), atomically: true, encoding: .utf8)
        let loaded = try cli.run(["load", cli.dir.path("pack")])
        #expect(loaded.status == 0 && loaded.out.contains("Note: “SAM OKAFOR” is an earlier name of holder 1, who goes by Sam Reid now; what the pack gives that name is theirs."), "\(loaded.out)\(loaded.err)")
        #expect(try cli.run(["org", "show", "--format", "csv"]).out.contains("PEO-CSC-0499"))
        #expect(try cli.run(["verify"]).status == 0)
    }

    @Test("a holder's login keeps working after their rename, and shows their statement under the new name")
    func portal() async throws {
        let f = try await PortalFixture()
        let helen = try await f.signIn("helen")
        let before = try await f.request("GET", "/statement?period=2023-10", cookie: helen.cookie)
        try f.service.write { try $0.holders.renameHolder("Helen Brandt", to: "Helen Okafor", by: testWho) }
        let after = try await f.request("GET", "/statement?period=2023-10", cookie: helen.cookie)
        // (The login's own name, Helen Brandt in the header, is the user's to change, not the holder's.)
        #expect(before.status == 200 && after.status == 200 && after.body.contains("<title>Statement — Helen Okafor"), "\(after.body)")
        let api = try await f.request("GET", "/api/v1/statements/2023-10?holder=Helen%20Brandt", cookie: helen.cookie)
        #expect(api.status == 200 && api.body.contains("Helen Okafor") && !api.body.contains("Helen Brandt"), "\(api.status) \(api.body.prefix(300))")
        let cfo = try await f.signIn("cfo")
        let byOldName = try await f.request("GET", "/statement?period=2023-10&holder=Helen%20Brandt", cookie: cfo.cookie)
        #expect(byOldName.status == 200 && byOldName.body.contains("Helen Okafor"))
        // Still no one else's, by any name they had.
        try f.service.write { try $0.holders.renameHolder("Sanjay Patel", to: "Sanjay Patel-Jones", by: testWho) }
        for name in ["Sanjay%20Patel", "Sanjay%20Patel-Jones", "sanjay%20patel"] {
            #expect(try await f.request("GET", "/statement?period=2023-10&holder=\(name)", cookie: helen.cookie).status == 403)
            #expect(try await f.request("GET", "/api/v1/statements/2023-10?holder=\(name)", cookie: helen.cookie).status == 403)
        }
        let sanjay = try await f.signIn("sanjay")
        let signed = try await f.request(
            "POST", "/api/v1/sign-offs", cookie: sanjay.cookie, json: #"{"period": "2023-10", "holder": "Helen Okafor"}"#, headers: ["X-CSRF-Token": sanjay.csrf])
        #expect(signed.status == 403, "\(signed.body)")
    }
}
