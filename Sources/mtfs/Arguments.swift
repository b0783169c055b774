import ArgumentParser
import Foundation
import MTFSDomain

// The domain's values typed on the command line (`--period 2023-10`, `--year 2023/24`, an amount,
// a date, a ref, a cost centre code): each command declares the type it means, and argument-parser
// hands `run()` a parsed value. A value the domain's parser refuses is bad input (exit 2, SPEC §8),
// answered with that parser's own sentence, not argument-parser's usage error (exit 1):
// `ArgumentRefusal` keeps the sentence for `main` to give.

extension ProposalRef: ExpressibleByArgument {}
extension CostCentreCode: ExpressibleByArgument {}
extension HolderID: ExpressibleByArgument {}

extension Period: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument: argument, parsedBy: Period.init(parsing:)) }
}

extension FinancialYear: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument: argument, parsedBy: FinancialYear.init(parsing:)) }
}

extension Pence: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument: argument, parsedBy: Pence.init(parsing:)) }
}

extension CivilDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument: argument, parsedBy: CivilDate.init(parsing:)) }
}

// The enums' help lists their values in words ("critical, high, medium or low"), so
// argument-parser's own list of raw values is left out.

extension Severity: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument: argument, parsedBy: Severity.init(parsing:)) }
    public static var allValueStrings: [String] { [] }
}

extension EntryKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument: argument, parsedBy: EntryKind.init(parsing:)) }
    public static var allValueStrings: [String] { [] }
}

extension RAG: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument: argument, parsedBy: RAG.init(parsing:)) }
    public static var allValueStrings: [String] { [] }
}

extension Recurrence: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument: argument, parsedBy: Recurrence.init(parsing:)) }
    public static var allValueStrings: [String] { [] }
    public var defaultValueDescription: String { rawValue }
}

extension ExpressibleByArgument {
    /// A value read by the domain's parser; when it refuses, `ArgumentRefusal` keeps its sentence.
    init?(argument: String, parsedBy parse: (String) throws -> Self) {
        guard let value = ArgumentRefusal.parse(argument, parse) else { return nil }
        self = value
    }
}

/// `2023/24=1,250,000`: an amount for a year, as `--target` and `--baseline` take them.
struct YearAmount: ExpressibleByArgument {
    var year: FinancialYear
    var amount: Pence

    init?(argument: String) {
        self.init(argument: argument) { text in
            let pieces = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard pieces.count == 2 else {
                throw Failure.badInput("expected YEAR=AMOUNT such as 2023/24=1,250,000, found \"\(text)\"")
            }
            return YearAmount(year: try FinancialYear(parsing: pieces[0]), amount: try Pence(parsing: pieces[1]))
        }
    }

    private init(year: FinancialYear, amount: Pence) {
        self.year = year
        self.amount = amount
    }

    /// The amounts by year; a year given twice is bad input naming the option.
    static func byYear(_ items: [YearAmount], option: String) throws -> [FinancialYear: Pence] {
        var out: [FinancialYear: Pence] = [:]
        for item in items {
            if out[item.year] != nil { throw Failure.badInput("\(option): \(item.year) is given twice") }
            out[item.year] = item.amount
        }
        return out
    }
}

/// The sentence of the last command-line value a domain parser refused. Parsing the command line
/// happens once, on the main thread, before anything runs.
enum ArgumentRefusal {
    nonisolated(unsafe) private static var last: (text: String, explanation: String)?

    static func parse<T>(_ text: String, _ parser: (String) throws -> T) -> T? {
        do { return try parser(text) } catch {
            last = (text, (error as? KindedError)?.explanation ?? (error as? Failure)?.message ?? "\(error)")
            return nil
        }
    }

    /// Forgets a refusal once the command line has parsed (argument-parser may try a value more than once).
    static func clear() { last = nil }

    /// For an error argument-parser raised over a value our parser refused: our sentence, naming
    /// the option as argument-parser's own message does (`--period`, or `amount` for an argument).
    static func sentence(for error: Error) -> String? {
        guard let (text, explanation) = last else { return nil }
        let message = MTFS.message(for: error)
        // "The value 'x' is invalid for '--period <period>'" or "… for '<amount>'", about the very
        // value refused (matched whole, so a value cannot pose as another option's name).
        let prefix = "The value '\(text)' is invalid for '"
        guard message.hasPrefix(prefix) else { return nil }
        let rest = message.dropFirst(prefix.count)
        guard let end = rest.firstIndex(of: "'") else { return nil }
        let words = rest[..<end].split(separator: " ")
        guard let first = words.first else { return nil }
        let option = first.hasPrefix("-") ? String(first) : first.trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
        return "\(option): \(explanation)"
    }
}
