import ArgumentParser
import Foundation
import MTFSDomain
import MTFSEngine
import MTFSRender
import MTFSStore

/// Options every ledger command takes: which ledger, and who is acting.
struct LedgerOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The ledger file, or a bare name for Ledgers/<name>.sqlite (default: $MTFS_LEDGER, else Ledgers/mtfs.sqlite).",
            valueName: "path"))
    var ledger: String?

    @Option(
        name: .customLong("as"),
        help: ArgumentHelp("Who this is recorded for; your login is recorded as who did it, this name beside it.", valueName: "name"))
    var actor: String?

    /// The ledger's path as SPEC §4 resolves it.
    var path: String {
        // An empty --ledger names no file (the store refuses an empty path), never the hidden Ledgers/.sqlite.
        if let ledger, ledger.trimmingSpaces().isEmpty { return "" }
        let chosen = ledger ?? ProcessInfo.processInfo.environment["MTFS_LEDGER"].flatMap { $0.trimmingSpaces().isEmpty ? nil : $0 }
        guard let chosen else { return "Ledgers/mtfs.sqlite" }
        if !chosen.contains("/") && !chosen.hasSuffix(".sqlite") { return "Ledgers/\(chosen).sqlite" }
        return chosen
    }

    /// Runs `body` with the existing ledger open to record something, through the ledger service:
    /// the one way in, for the command line as for the portal.
    func writing<T>(_ body: (Ledger) throws -> T) throws -> T { try LedgerService(path: path, readers: 1).write(body) }

    /// Runs `body` on the existing ledger read in one snapshot, through the ledger service: nothing
    /// in the file is changed, and a file that is not an mtfs ledger is refused (exit 5).
    func reading<T>(_ body: (Ledger) throws -> T) throws -> T { try LedgerService(reading: path).read(body) }

    /// The `--as` name, checked (nil without `--as`).
    func onBehalfOf() throws -> String? {
        if let actor, actor.trimmingSpaces().isEmpty { throw Failure.badInput("--as needs a name") }
        // Recorded beside every fact and shown in every journal: a name (PlainText's rule for names),
        // never a terminal's controls.
        if let actor {
            do { try PlainText.checkName(actor, what: "name") } catch {
                throw Failure.badInput(
                    "--as: expected a person's name of up to \(PlainText.nameLimit) characters, without control characters or characters that reverse the direction of text")
            }
        }
        return actor
    }

    /// Who and when, with the command line as the source: the login records, `--as` is recorded as
    /// the person it was done for (SPEC §3.3).
    func provenance(source: String? = nil) throws -> Provenance {
        Provenance(
            actor: Clock.loginName, recordedAt: Clock.recordedAt,
            source: source ?? ("command line: mtfs " + CommandLine.arguments.dropFirst().map(Terminal.shellQuoted).joined(separator: " ")),
            onBehalfOf: try onBehalfOf())
    }
}

/// `--format` and `--out` for tabular output.
struct FormatOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Output format: text, csv, json, markdown or xlsx (xlsx needs --out).", valueName: "format"))
    var format: TableOutput = .text
    @OptionGroup var file: OutputFile

    /// The table format, or nil for a workbook.
    func parsed() throws -> TableFormat? { TableFormat(rawValue: format.rawValue) }

    /// Writes a report: its own JSON, else its table in the format (`pinned`: the table's pinned
    /// layout, which CSV and a workbook use); to `--out` or standard output.
    func emit(json: () throws -> String, table: (_ pinned: Bool) throws -> Table, sheet: String, pinned: Bool = false) throws {
        guard let f = try parsed() else {
            let out = try file.required(for: "xlsx")
            try Files.write(try XLSXFile.bytes(XLSXReports.table(try table(pinned), sheet: sheet, keyHeadings: pinned)), to: out)
            return OutputFile.said(out)
        }
        let text = f == .json ? try json() : try table(pinned && f == .csv).render(f)
        try file.emit(text, csv: f == .csv)
    }
}

/// `--no-bom`, for every command that writes CSV files.
struct BOMOption: ParsableArguments {
    @Flag(
        name: .customLong("no-bom"),
        help: "A CSV file written with --out starts with a UTF-8 byte order mark, so Excel reads £ and quotes right; this leaves it out.")
    var noBOM = false

    /// Whether a CSV file starts with the byte order mark.
    var bom: Bool { !noBOM }
}

/// `--format`, `--out` and `--no-bom` for a document (a statement, the summary, the reconciliation).
struct DocumentOutput: ParsableArguments {
    @Option(help: "text, markdown, csv, json, html or xlsx (xlsx needs --out).") var format = DocumentFormatArgument(argument: "text")!
    @OptionGroup var file: OutputFile

    /// The format asked for; a workbook without `--out` is refused before any work is done.
    func chosen() throws -> DocumentFormat {
        if format.format.isWorkbook { _ = try file.required(for: "xlsx") }
        return format.format
    }
}

/// `--out` and `--no-bom`: a report to a file rather than standard output.
struct OutputFile: ParsableArguments {
    @Option(help: ArgumentHelp("Write to this file rather than standard output (needed for xlsx).", valueName: "file")) var out: String?
    @OptionGroup var bomOption: BOMOption

    /// The file a workbook goes to.
    func required(for format: String) throws -> String {
        guard let out else { throw Failure.usage("--format \(format) writes a workbook to a file; give --out FILE.\(format)") }
        return out
    }

    /// Text to `--out` (a CSV with a byte order mark unless `--no-bom`) or standard output (as it is).
    func emit(_ text: String, csv: Bool) throws {
        guard let out else { return Terminal.write(text) }
        try Files.write((csv ? DocumentFormat.csv : .text).text(text, bom: bomOption.bom), to: out)
        OutputFile.said(out)
    }

    /// Every command that writes a file says so, in one line, as `template` and `statements` do.
    static func said(_ path: String) { Terminal.write("Wrote \(path).\n") }

    /// A document in `f`: a file with --out (a workbook needs it), else standard output.
    func emit(_ f: DocumentFormat, text: () throws -> String, file: (_ bom: Bool) throws -> Data) throws {
        if f.isWorkbook { _ = try required(for: f.rawValue) }
        guard let out else { return Terminal.write(try text()) }
        try Files.write(try file(bomOption.bom), to: out)
        OutputFile.said(out)
    }
}

/// The time now, today's date and who is at the keyboard (SPEC §3.3).
///
/// Who: the operating system's account for this process (`getuid` → `getpwuid`), never the
/// environment, so `USER=helen mtfs sign-off …` is still recorded as whoever ran it; `--as` is
/// recorded beside it. When: the system clock. `MTFS_NOW` (e.g. 2024-01-15T10:00:00Z) fixes the
/// clock for tests and demos in debug builds only (`swift build`, `swift test`); a release build
/// refuses to run with it set (``checkEnvironment()``), so no one can choose the time a fact records.
enum Clock {
    /// The fixed time, when this build honours `MTFS_NOW` and it is set.
    static var fixed: Date? {
        #if DEBUG
            guard let text = ProcessInfo.processInfo.environment["MTFS_NOW"], !text.isEmpty else { return nil }
            return parse(text)
        #else
            return nil
        #endif
    }

    static func parse(_ text: String) -> Date? {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.date(from: text)
    }

    /// Refuses what this build will not honour: `MTFS_NOW` in a release build, or one that is not a time.
    static func checkEnvironment() throws {
        guard let text = ProcessInfo.processInfo.environment["MTFS_NOW"], !text.isEmpty else { return }
        #if DEBUG
            guard parse(text) != nil else {
                throw Failure.usage("MTFS_NOW must be a time such as 2024-01-15T10:00:00Z, not \"\(text)\"; unset it to use the clock")
            }
        #else
            throw Failure.usage("MTFS_NOW fixes the clock only in test builds; this is a release build, which records the real time: unset MTFS_NOW")
        #endif
    }

    static var now: Date { fixed ?? Date() }

    static var recordedAt: String { PeopleStore.isoTime(seconds) }

    /// Seconds since 1970, as the portal's tables keep time.
    static var seconds: Int64 { Int64(now.timeIntervalSince1970) }

    /// Today in the UK (Europe/London), where the council is.
    static var today: CivilDate {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Europe/London")!, from: now)
        return CivilDate(year: c.year!, month: c.month!, day: c.day!)!
    }

    /// The operating system's login of this process's user (never `$USER` or `$LOGNAME`, which
    /// anyone can set); the numeric id when the account has no name.
    static var loginName: String {
        let uid = getuid()
        if let pw = getpwuid(uid), let name = pw.pointee.pw_name, name.pointee != 0 { return String(cString: name) }
        return "uid \(uid)"
    }
}

extension DomainError {
    /// The sentence as the command line says it: a field as its option (`--holder: …`), the login
    /// as the argument it is.
    var commandLine: String {
        guard case .field(let field, let problem) = self else { return explanation }
        return field == "login" ? "the login: \(problem)" : "--\(field): \(problem)"
    }
}

/// An error for the user, with the exit code it leaves with.
struct Failure: Error {
    var message: String
    var code: Int32

    static func usage(_ m: String) -> Failure { Failure(message: m, code: 1) }
    static func badInput(_ m: String) -> Failure { Failure(message: m, code: 2) }

    /// SPEC §8's exit code for each kind of error.
    static func exitCode(for kind: ErrorKind) -> Int32 {
        switch kind {
        case .badInput, .notFound, .conflict, .refused: 2
        case .integrity: 4
        case .unusable: 5
        }
    }

    /// The sentence, exit code and any hint for any error that reaches the top.
    static func describe(_ error: Error) -> (message: String, code: Int32, hint: String?) {
        switch error {
        case let f as Failure: return (f.message, f.code, nil)
        case let e as KindedError: return (e.explanation, exitCode(for: e.kind), nil)
        case let e as DatabaseError: return (e.errorDescription ?? e.message, 5, nil)
        case let e as ExitCode: return ("", e.rawValue, nil)
        default:
            let code = MTFS.exitCode(for: error)
            if code == .success { return ("", 0, nil) }
            // ArgumentParser's usage errors (EX_USAGE) are SPEC's exit code 1.
            return (
                MTFS.message(for: error), code == .validationFailure || code.rawValue == 64 ? 1 : code.rawValue,
                "Run `mtfs --help` or `mtfs <command> --help` for usage."
            )
        }
    }
}

/// Option values that need more than one option to make sense.
enum Parse {
    /// The effective date from `--date` or `--period` (its last day), else today.
    static func effective(date: CivilDate?, period: Period?) throws -> CivilDate {
        if date != nil && period != nil { throw Failure.usage("give --date or --period, not both") }
        return date ?? period?.lastDay ?? Clock.today
    }
}

/// Standard output, written here rather than through `print` so that every write is checked: a
/// report redirected to a file on a full disk must fail, not exit 0 having written nothing. Text is
/// kept in a buffer and written in blocks (at once on a terminal); the first failure is kept and
/// ends the command with one sentence (``finish()``). Used by one thread at a time (the portal's
/// start-up line is written while the main thread waits for the server).
enum StandardOutput {
    nonisolated(unsafe) private static var buffer: [UInt8] = []
    nonisolated(unsafe) private static var failure: Int32?
    private static let interactive = isatty(1) == 1

    static func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if interactive || buffer.count >= 1 << 16 { flush() }
    }

    /// Writes out the buffer; after a failure, drops it (nothing more can reach the file).
    static func flush() {
        defer { buffer.removeAll(keepingCapacity: true) }
        guard failure == nil else { return }
        failure = buffer.withUnsafeBytes { writeAll($0, to: 1) }
    }

    /// Writes every byte to `fd`, through interrupted and partial writes and a descriptor that was
    /// handed over non-blocking (waiting until it can take more); the error that stopped it, or nil.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n > 0 {
                offset += n
            } else if n == 0 {
                return EIO
            } else if errno == EINTR {
                continue
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                var ready = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                _ = poll(&ready, 1, -1)
            } else {
                return errno
            }
        }
        return nil
    }

    /// The sentence for output that could not all be written, or nil when it all was (or when the
    /// reader stopped early, `mtfs journal | head`, which is not an error).
    static var failureSentence: String? {
        guard let failure, failure != EPIPE else { return nil }
        return "standard output could not be written (\(String(cString: strerror(failure)).lowercased())); what it received is incomplete"
    }

    /// Flushes what is left; when any of it could not be written, says so and exits 2.
    static func finish() {
        flush()
        if let sentence = failureSentence {
            Terminal.error(sentence)
            exit(2)
        }
    }
}

/// Standard error, written directly: a message that cannot be written (the same full disk as the
/// output, a closed descriptor) is lost, never a crash.
enum StandardError {
    static func write(_ text: String) {
        _ = Array(text.utf8).withUnsafeBytes { StandardOutput.writeAll($0, to: 2) }
    }
}

/// Terminal output: colour only on a terminal and never with NO_COLOR set (https://no-color.org).
enum Terminal {
    static func colour(for fd: Int32) -> Bool {
        let env = ProcessInfo.processInfo.environment
        return isatty(fd) == 1 && env["NO_COLOR"].map(\.isEmpty) ?? true && env["TERM"] != "dumb"
    }

    static func paint(_ text: String, _ code: String, fd: Int32 = 1) -> String {
        colour(for: fd) ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// An argument as a shell would need it typed: quoted when it holds spaces or quotes.
    static func shellQuoted(_ argument: String) -> String {
        let plain =
            !argument.isEmpty
            && argument.unicodeScalars.allSatisfy {
                $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_=./,:;%£()+@".unicodeScalars.contains($0)
            }
        return plain ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// One sentence on standard error. It is escaped for the terminal whole — newlines and control
    /// characters typed into a value cannot start a line of their own or drive the terminal — and
    /// `hint`, our own text, follows on the next line.
    static func error(_ message: String, hint: String? = nil) {
        let text = paint("error:", "31;1", fd: 2) + " " + Escape.terminal(message) + "\n" + (hint.map { $0 + "\n" } ?? "")
        StandardError.write(text)
    }

    /// A line (or lines) on standard output, written at once (a server's address, a report).
    static func write(_ text: String) {
        StandardOutput.write(text.utf8.last == UInt8(ascii: "\n") ? text : text + "\n")
        StandardOutput.flush()
    }

    /// Something the person should know that is not an error, on standard error.
    static func warning(_ message: String) {
        let text = paint("warning:", "33", fd: 2) + " " + Escape.terminal(message) + "\n"
        StandardError.write(text)
    }
}

/// Writing report and export files: atomically (a temporary file renamed into place), and any
/// failure as one sentence naming the path (exit 2), never the file system's raw error.
enum Files {
    /// Creates a folder (and its parents) for output.
    static func makeFolder(_ path: String) throws {
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw Failure.badInput("the folder \(path) could not be created (\(reason(error))); choose another --out")
        }
    }

    /// Writes `data` to `path`, replacing any file there whole. Only a new path or an ordinary file
    /// is written: a link, folder, device or pipe at the path is refused, never replaced.
    static func write(_ data: Data, to path: String) throws {
        try checkWritable(path)
        let url = URL(fileURLWithPath: path)
        try makeFolder(url.deletingLastPathComponent().path)
        do { try data.write(to: url, options: .atomic) } catch {
            throw Failure.badInput("\(path) could not be written (\(reason(error))); nothing was written there")
        }
    }

    /// Refuses a path that is not new or an ordinary file (a link, folder, device or pipe).
    static func checkWritable(_ path: String) throws {
        guard !path.isEmpty else { throw Failure.badInput("--out needs a path") }
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            let what =
                switch info.st_mode & S_IFMT {
                case S_IFDIR: "a folder"
                case S_IFLNK: "a symbolic link"
                case S_IFIFO: "a pipe"
                case S_IFCHR, S_IFBLK: "a device"
                default: "not an ordinary file"
                }
            throw Failure.badInput("\(path) is \(what); give the path of a new or ordinary file, which is replaced whole")
        }
    }

    static func write(_ text: String, to path: String) throws { try write(Data(text.utf8), to: path) }

    /// The operating system's reason in a few words ("permission denied", "no space left on device").
    static func reason(_ error: Error) -> String {
        var e = error as NSError
        while e.domain != NSPOSIXErrorDomain, let underlying = e.userInfo[NSUnderlyingErrorKey] as? NSError { e = underlying }
        if e.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(e.code))).lowercased() }
        switch CocoaError.Code(rawValue: (error as NSError).code) {
        case .fileWriteNoPermission, .fileReadNoPermission: return "permission denied"
        case .fileWriteOutOfSpace: return "no space left on device"
        case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or folder"
        case .fileWriteVolumeReadOnly: return "the disk is read-only"
        case .fileWriteFileExists: return "a file is in the way"
        default: return "the file system refused it"
        }
    }
}

/// Opening a ledger for a command that may create it: a new ledger is made in a temporary file and
/// put in place whole (``LedgerService/creating(at:_:)``); an existing one is written through the service.
enum LedgerFile {
    static func withLedger<T>(path: String, create: Bool, _ body: (Ledger) throws -> T) throws -> T {
        if create && !FileManager.default.fileExists(atPath: path) { return try LedgerService.creating(at: path, body) }
        return try LedgerService(path: path, readers: 1).write(body)
    }
}
/// Progress on a terminal (standard error), only for long operations and never when piped.
enum ProgressBar {
    nonisolated(unsafe) static var shown = false
    nonisolated(unsafe) static var lastDraw = Date.distantPast

    static func callback() -> LoadProgress? {
        guard isatty(2) == 1 else { return nil }
        let started = Date()
        return { phase, done, total in
            let now = Date()
            // Quiet for quick loads; then at most ten redraws a second.
            guard now.timeIntervalSince(started) > 1, now.timeIntervalSince(lastDraw) > 0.1, total > 0 else { return }
            lastDraw = now
            shown = true
            let percent = min(100, done * 100 / total)
            StandardError.write("\r\u{1B}[K\(phase): \(done)/\(total) (\(percent)%)")
        }
    }

    static func finish() {
        if shown { StandardError.write("\r\u{1B}[K") }
    }
}

/// `--format` for documents (statements, the summary, the reconciliation), any case; refused in one
/// sentence (ArgumentParser would list six formats on six lines).
struct DocumentFormatArgument: ExpressibleByArgument {
    let format: DocumentFormat
    init?(argument: String) {
        guard let f = DocumentFormat(rawValue: argument.lowercased()) else { return nil }
        format = f
    }
    static var allValueStrings: [String] { ["text, markdown, csv, json, html or xlsx"] }
    var defaultValueDescription: String { format.rawValue }
}

/// `--format` for tables: the table formats and a workbook.
enum TableOutput: String, ExpressibleByArgument, CaseIterable {
    case text, csv, json, markdown, xlsx
    init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

extension RiskRating: ExpressibleByArgument {
    public init?(argument: String) { try? self.init(parsing: argument) }
}
