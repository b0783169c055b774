import Foundation
import Testing

/// The README's tours, run exactly as written: every `sh` block of the sections from "Tour: the
/// finance business partner" up to "Scale and speed", in order, in one shell, in a copy of `Ledgers/`,
/// with `mtfs` the binary just built. Each command must succeed, except one whose comment says it
/// exits 3 or 4 (a gate), which may.
@Suite("README", .serialized)
struct ReadmeTests {
    static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("README.md")

    /// The tours' command lines, continuation lines joined.
    static func tourCommands() throws -> [String] {
        let text = try String(contentsOf: readme, encoding: .utf8)
        guard let start = text.range(of: "## Tour: the finance business partner"), let end = text.range(of: "## Scale and speed") else {
            return []
        }
        var commands: [String] = []
        var inBlock = false
        var pending = ""
        for line in text[start.lowerBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inBlock = line == "```sh"
                continue
            }
            guard inBlock else { continue }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty && pending.isEmpty { continue }
            if trimmed.hasSuffix("\\") {
                pending += String(trimmed.dropLast()) + " "
                continue
            }
            commands.append(pending + trimmed)
            pending = ""
        }
        return commands
    }

    @Test("every tour runs exactly as written")
    func tours() throws {
        let commands = try ReadmeTests.tourCommands()
        #expect(commands.count > 30, "the tours were not found in the README")
        let dir = TempDir()
        let repo = ReadmeTests.readme.deletingLastPathComponent()
        try FileManager.default.copyItem(at: repo.appendingPathComponent("Ledgers"), to: dir.url.appendingPathComponent("Ledgers"))
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path("Ledgers")) where name.hasSuffix(".sqlite") || name.hasSuffix(".heads") {
            try FileManager.default.removeItem(atPath: dir.path("Ledgers/" + name))
        }
        // One shell, so `export` and earlier commands carry on as in a terminal; `swift build` and
        // `alias` lines are what `mtfs` on the PATH stands for here.
        var script = "mtfs() { \"$MTFS_BIN\" \"$@\"; }\n"
        for (i, command) in commands.enumerated() {
            var line = command
            if line.hasPrefix("swift build") || line.hasPrefix("alias ") { continue }
            if line.hasPrefix("swift run mtfs ") { line = String(line.dropFirst("swift run ".count)) }
            // On its own line inside the braces, so a trailing comment comments out nothing of ours.
            script += "{\n\(line)\n} >/dev/null 2>\"$ERRS/\(i)\" </dev/null\necho \"\(i) $?\" >> \"$ERRS/codes\"\n"
        }
        try FileManager.default.createDirectory(atPath: dir.path("errs"), withIntermediateDirectories: true)
        try script.write(toFile: dir.path("tour.sh"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [dir.path("tour.sh")]
        process.currentDirectoryURL = dir.url
        var environment = ProcessInfo.processInfo.environment
        environment["MTFS_BIN"] = CLI.executable.path
        environment["ERRS"] = dir.path("errs")
        environment["NO_COLOR"] = "1"
        environment.removeValue(forKey: "MTFS_LEDGER")
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let codes = try String(contentsOfFile: dir.path("errs/codes"), encoding: .utf8)
        var ran = 0
        for entry in codes.split(separator: "\n") {
            let parts = entry.split(separator: " ")
            guard parts.count == 2, let i = Int(parts[0]), let code = Int32(parts[1]) else { continue }
            ran += 1
            let command = commands[i]
            var allowed: Set<Int32> = [0]
            if command.contains("exit 3") { allowed.insert(3) }
            if command.contains("exit 4") { allowed.insert(4) }
            let err = (try? String(contentsOfFile: dir.path("errs/\(i)"), encoding: .utf8)) ?? ""
            #expect(allowed.contains(code), "README: `\(command)` exited \(code): \(err)")
        }
        #expect(ran >= commands.count - 3, "only \(ran) of \(commands.count) tour commands ran")
    }
}
