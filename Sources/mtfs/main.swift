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
    fflush(nil)
    exit(0)
} catch {
    fflush(nil)
    if let sentence = ArgumentRefusal.sentence(for: error) {
        Terminal.error(sentence)
        exit(2)
    }
    let (message, code) = Failure.describe(error)
    if code == 0 {
        MTFS.exit(withError: error)  // --help, --version: ArgumentParser prints them
    }
    if !message.isEmpty { Terminal.error(message) }
    exit(code)
}
