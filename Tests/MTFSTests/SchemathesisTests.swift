import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@testable import MTFSDomain
@testable import MTFSStore
@testable import MTFSWeb

/// Schemathesis, a checker we did not write, against the served API with every check: the
/// description at /api/v1/openapi.json is the truth (SPEC §10 v3). CI installs it (pip) and insists.
let haveSchemathesis = onPath("st") || ProcessInfo.processInfo.environment["CI"] != nil

@Suite("The API against its description", .serialized)
struct SchemathesisTests {
    @Test("Schemathesis with --checks all finds nothing, for a holder's, finance's and the CFO's token", .enabled(if: haveSchemathesis))
    func schemathesis() throws {
        let cli = CLI()
        let (server, address) = try BrowserTests.serveDemo(cli)
        defer {
            server.interrupt()
            server.waitUntilExit()
        }
        let config = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Browser/schemathesis.toml").path
        for login in ["helen", "finance.people", "cfo"] {
            let token = try cli.run(["token", "create", login, "--ledger", cli.ledger]).out.split(separator: "\n").last.map(String.init) ?? ""
            #expect(token.hasPrefix("mtfs_"))
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = [
                "st", "--no-color", "--config-file", config, "run", address + "/api/v1/openapi.json", "--checks", "all",
                "-H", "Authorization: Bearer \(token)",
            ]
            p.currentDirectoryURL = cli.dir.url
            let out = Pipe()
            p.standardOutput = out
            p.standardError = out
            try p.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            #expect(p.terminationStatus == 0, "Schemathesis as \(login):\n\(text.suffix(6000))")
        }
    }

    @Test("an API write whose body is not JSON is 415, in the one error shape, and writes nothing")
    func notJSON() async throws {
        let f = try await PortalFixture()
        let token = Credentials.randomSecret(prefix: "mtfs_")
        try f.service.write { try $0.people.addToken(login: "helen", tokenHash: Credentials.digest(token), by: "t", at: 0, recordedAt: "") }
        let before = try f.journalCount()
        for type in ["text/plain", "application/x-www-form-urlencoded", "application/jsonx", "application/json-patch+json"] {
            let r = try await f.request(
                "POST", "/api/v1/returns", headers: ["Authorization": "Bearer \(token)", "Content-Type": type])
            #expect(r.status == 415 && r.body.contains("\"errors\""), "\(type): \(r.status) \(r.body)")
        }
        #expect(try f.journalCount() == before)
    }
}
