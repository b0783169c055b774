import ArgumentParser
import Foundation

// A hand-written entry point so every error leaves with SPEC §8's exit codes and one sentence:
// 1 usage, 2 bad input, 3 --fail-on threshold, 4 integrity, 5 the ledger file could not be used.

// A file-size limit (ulimit -f) should fail a write with a clear error, not kill the process mid-way.
signal(SIGXFSZ, SIG_IGN)

do {
    var command = try MTFS.parseAsRoot()
    ArgumentRefusal.clear()
    try Clock.checkEnvironment()
    try command.run()
    StandardOutput.finish()
    exit(0)
} catch {
    StandardOutput.flush()
    // Output that was lost is said too, whatever else went wrong; a run that otherwise only met its
    // --fail-on threshold (3) ends as output that could not be written (2), so that an empty report
    // is never taken for a delivered one.
    let lostOutput = StandardOutput.failureSentence
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
    if let lostOutput { Terminal.error(lostOutput) }
    if !message.isEmpty { Terminal.error(message, hint: hint) }
    exit(lostOutput != nil && code == 3 ? 2 : code)
}
