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
        let (server, address) = try BrowserTests.serveDemo(cli)
        defer {
            server.interrupt()
            server.waitUntilExit()
        }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Browser/e2e.py").path
        let output = try runTool(["python3", script, address, cli.dir.path("screenshots")], in: cli.dir.url.path)
        #expect(output.contains("browser tests passed"), "\(output)")
    }

    /// The demo ledger served by the real server, as a person starts it, on a free port: the
    /// process (stop it with `interrupt()`) and the address it serves.
    static func serveDemo(_ cli: CLI, beforeServing: (CLI) throws -> Void = { _ in }) throws -> (Process, String) {
        #expect(try cli.run(["demo", "--pack", samplePack, "--ledger", cli.ledger, "--out", cli.dir.path("reports")]).status == 0)
        try beforeServing(cli)
        let server = Process()
        server.executableURL = CLI.executable
        server.arguments = ["serve", "--ledger", cli.ledger, "--port", "0"]
        server.currentDirectoryURL = cli.dir.url
        let out = Pipe()
        server.standardOutput = out
        server.standardError = FileHandle.nullDevice
        try server.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let address = text.split(separator: " ").first(where: { $0.hasPrefix("http://") }).map(String.init) else {
            server.interrupt()
            server.waitUntilExit()
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "the server said: \(text)"])
        }
        return (server, address)
    }

    /// axe-core's script: `MTFS_AXE_JS`, else the copy in PyPI's axe-playwright-python wheel
    /// (axe-core 4.12.1, MPL-2.0), fetched once with pip into the user's cache. Nil when neither
    /// can be had (CI insists: `.ci/run` fetches it).
    static func axeScript() -> String? {
        if let given = ProcessInfo.processInfo.environment["MTFS_AXE_JS"], FileManager.default.fileExists(atPath: given) { return given }
        let cache = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/mtfs-axe").path
        let script = cache + "/axe_playwright_python/axe.min.js"
        if FileManager.default.fileExists(atPath: script) { return script }
        let fetch = """
            import glob, subprocess, sys, zipfile
            subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "axe-playwright-python==0.1.8", "-d", sys.argv[1]], check=True)
            zipfile.ZipFile(glob.glob(sys.argv[1] + "/axe_playwright_python-*.whl")[0]).extract("axe_playwright_python/axe.min.js", sys.argv[1])
            """
        _ = try? runTool(["python3", "-c", fetch, cache], in: NSTemporaryDirectory())
        return FileManager.default.fileExists(atPath: script) ? script : nil
    }

    @Test(
        "every page for each role, at 1280 and 390 px: no axe-core WCAG 2.2 A or AA violation, nothing past a phone's screen edge",
        .enabled(if: haveBrowser))
    func accessibility() throws {
        let axe = BrowserTests.axeScript()
        if axe == nil && ProcessInfo.processInfo.environment["CI"] == nil { return }
        let cli = CLI()
        // An administrator too, for the Users page (the demo has none: an admin writes).
        let (server, address) = try BrowserTests.serveDemo(cli) { cli in
            let input = Pipe()
            input.fileHandleForWriting.write(Data("demo-password".utf8))
            try input.fileHandleForWriting.close()
            let r = try cli.run(
                ["user", "add", "admin.demo", "--name", "Ada Admin", "--role", "admin", "--email", "ada@council.gov.uk", "--password-stdin", "--ledger", cli.ledger],
                standardInput: input.fileHandleForReading)
            #expect(r.status == 0, "\(r.err)")
        }
        defer {
            server.interrupt()
            server.waitUntilExit()
        }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Browser/axe_pages.py").path
        let output = try runTool(["python3", script, address, try #require(axe, "axe-core could not be fetched"), cli.dir.path("screens")], in: cli.dir.url.path)
        #expect(output.contains("accessibility checks passed"), "\(output)")
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
