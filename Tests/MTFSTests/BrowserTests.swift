import Foundation
import Testing

/// Chromium, its WebDriver and Python's selenium, for the end-to-end test. CI installs them and
/// insists; elsewhere the test runs when they are there.
let haveBrowser: Bool = {
    if ProcessInfo.processInfo.environment["CI"] != nil { return true }
    return (onPath("chromium") || onPath("chromium-browser")) && onPath("chromedriver") && pythonHas("selenium")
}()

@Suite("The portal in a real browser", .serialized)
struct BrowserTests {
    @Test("a budget holder's month and a CFO's findings, in headless Chromium through WebDriver", .enabled(if: haveBrowser))
    func holderAndCFO() throws {
        let cli = CLI()
        #expect(try cli.run(["demo", "--pack", samplePack, "--ledger", cli.ledger, "--out", cli.dir.path("reports")]).status == 0)
        // The real server, as a person starts it, on a free port.
        let server = Process()
        server.executableURL = CLI.executable
        server.arguments = ["serve", "--ledger", cli.ledger, "--port", "0"]
        server.currentDirectoryURL = cli.dir.url
        let out = Pipe()
        server.standardOutput = out
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            server.interrupt()
            server.waitUntilExit()
        }
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        let address = try #require(text.split(separator: " ").first { $0.hasPrefix("http://") }.map(String.init), "the server said: \(text)")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Browser/e2e.py").path
        let output = try runTool(["python3", script, address, cli.dir.path("screenshots")], in: cli.dir.url.path)
        #expect(output.contains("browser tests passed"), "\(output)")
    }

    @Test("mtfs serve stops cleanly on Ctrl-C and refuses to serve demo users beyond localhost")
    func serveLifecycle() throws {
        let cli = CLI()
        #expect(try cli.run(["demo", "--pack", samplePack, "--ledger", cli.ledger, "--out", cli.dir.path("reports")]).status == 0)
        let exposed = try cli.run(["serve", "--ledger", cli.ledger, "--host", "0.0.0.0", "--port", "0"])
        #expect(exposed.status == 2 && exposed.err.contains("localhost only"))
        #expect(try cli.run(["serve", "--ledger", cli.dir.path("missing.sqlite")]).status == 2)
        // A user's holder or directorate must be the ledger's own (a typo would give empty pages).
        let typo = try cli.run(["user", "add", "x", "--name", "X", "--role", "holder", "--holder", "Helen Brant", "--password-stdin", "--ledger", cli.ledger])
        #expect(typo.status == 2 && typo.err.contains("Helen Brandt"))
        let server = Process()
        server.executableURL = CLI.executable
        server.arguments = ["serve", "--ledger", cli.ledger, "--port", "0"]
        let out = Pipe()
        server.standardOutput = out
        try server.run()
        _ = out.fileHandleForReading.availableData
        server.interrupt()
        server.waitUntilExit()
        #expect(server.terminationStatus == 0)
    }
}
