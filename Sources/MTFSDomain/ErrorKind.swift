/// What kind of failure an error is, whatever layer raised it: the command line maps a kind to its
/// exit code (SPEC §8) and a server to an HTTP status, without knowing every error type.
public enum ErrorKind: String, Sendable, CaseIterable {
    /// The input is malformed or out of range: a file's cell, an option, a form field.
    case badInput
    /// It names something that does not exist: a proposal ref, a cost centre, an entry.
    case notFound
    /// It would create what already exists, or undo what was already undone.
    case conflict
    /// Well-formed, but a rule of the ledger forbids it (SPEC §3): nothing was written.
    case refused
    /// The ledger fails its own checks (verify).
    case integrity
    /// The file cannot be used: not a ledger, unreadable, unwritable, locked, disk full.
    case unusable
}

/// An error that says what kind it is and has one sentence for the user.
public protocol KindedError: Error {
    var kind: ErrorKind { get }
    /// One sentence naming where and what was expected.
    var explanation: String { get }
}
