import ArgumentParser
import Foundation

// A hand-written entry point so every error leaves with SPEC §8's exit codes and one sentence:
// 1 usage, 2 bad input, 3 --fail-on threshold, 4 integrity, 5 the ledger file could not be used.

// A file-size limit (ulimit -f) should fail a write with a clear error, not kill the process mid-way.
signal(SIGXFSZ, SIG_IGN)

do {
    var command = try MTFS.parseAsRoot()
    ArgumentRefusal.clear()
    try command.run()
    StandardOutput.finish()
    exit(0)
} catch {
    StandardOutput.flush()
    let arguments = Array(CommandLine.arguments.dropFirst())
    if let sentence = ArgumentRefusal.sentence(for: error) {
        // Help asked for beside a value our parser refused: the help, as with any other value.
        let options = arguments.prefix { $0 != "--" }
        if options.contains("--help") || options.contains("-h") {
            print(MTFS.helpMessage(for: MTFS.command(named: arguments)))
            exit(0)
        }
        Terminal.error(sentence)
        exit(2)
    }
    let (message, code, hint) = Failure.describe(error)
    if code == 0 {
        MTFS.exit(withError: error)  // --help, --version: ArgumentParser prints them
    }
    if !message.isEmpty { Terminal.error(message, hint: hint) }
    exit(code)
}
