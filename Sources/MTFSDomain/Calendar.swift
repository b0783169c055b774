/// A calendar date with no time or time zone: the effective date of an entry or a restructure.
public struct CivilDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A date, or nil when the day does not exist.
    public init?(year: Int, month: Int, day: Int) {
        // Up to 10000 so that the last day of financial year 9999/00 exists (input years have four digits).
        guard (1...10_000).contains(year), (1...12).contains(month),
            (1...CivilDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `2023-10-01` (ISO 8601 calendar date).
    public init(parsing text: String) throws(CalendarError) {
        // The form every stored date has, read straight from the bytes (`verify` reads one an entry).
        if text.utf8.count == 10 {
            // Year, month and day as three numbers, with the dashes where they belong.
            var parts = (0, 0, 0)
            var shape = true
            for (i, byte) in text.utf8.enumerated() {
                if i == 4 || i == 7 {
                    shape = shape && byte == UInt8(ascii: "-")
                } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                    let digit = Int(byte - UInt8(ascii: "0"))
                    switch i {
                    case 0..<4: parts.0 = parts.0 * 10 + digit
                    case 5..<7: parts.1 = parts.1 * 10 + digit
                    default: parts.2 = parts.2 * 10 + digit
                    }
                } else {
                    shape = false
                }
            }
            if shape {
                guard let date = CivilDate(year: parts.0, month: parts.1, day: parts.2) else { throw CalendarError.impossibleDate(text) }
                self = date
                return
            }
        }
        let t = text.trimmingSpaces()
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) })
        else { throw CalendarError.malformedDate(text) }
        guard let date = CivilDate(year: y, month: m, day: d) else { throw CalendarError.impossibleDate(text) }
        self = date
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// The months' names, January first, as reports for people write them.
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    /// `29 September 2023`: the date as a report for people writes it.
    public var longText: String { "\(day) \(CivilDate.monthNames[month - 1]) \(year)" }

    /// The day `days` later (or earlier, when negative).
    public func adding(days: Int) -> CivilDate {
        var (y, m, d) = (year, month, day + days)
        while d > CivilDate.daysIn(month: m, year: y) {
            d -= CivilDate.daysIn(month: m, year: y)
            (y, m) = m == 12 ? (y + 1, 1) : (y, m + 1)
        }
        while d < 1 {
            (y, m) = m == 1 ? (y - 1, 12) : (y, m - 1)
            d += CivilDate.daysIn(month: m, year: y)
        }
        return CivilDate(year: y, month: m, day: d) ?? self
    }

    /// `2023-10-01`.
    public var description: String {
        String(year) + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
    }

    /// The financial year (April–March) the date falls in.
    public var financialYear: FinancialYear { FinancialYear(startYear: month >= 4 ? year : year - 1) }

    /// The period (P1 = April) the date falls in.
    public var period: Period { Period(year: financialYear, number: month >= 4 ? month - 3 : month + 9) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// A financial year, 1 April to 31 March, written `2023/24`.
public struct FinancialYear: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The calendar year in which it starts (2023 for 2023/24).
    public let startYear: Int

    /// The year starting in April of `startYear`.
    public init(startYear: Int) { self.startYear = startYear }

    /// Parses `2023/24` or `2023-24`.
    public init(parsing text: String) throws(CalendarError) {
        // `2023/24`, the form nearly every cell has, read from the bytes.
        if text.utf8.count == 7 {
            var start = 0
            var end = 0
            var shape = true
            for (i, b) in text.utf8.enumerated() {
                if i == 4 {
                    shape = shape && b == UInt8(ascii: "/")
                } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) {
                    if i < 4 { start = start * 10 + Int(b &- 48) } else { end = end * 10 + Int(b &- 48) }
                } else {
                    shape = false
                }
            }
            if shape && start >= 1000 && end == (start + 1) % 100 {
                startYear = start
                return
            }
        }
        let t = text.trimmingSpaces()
        let parts = t.split(maxSplits: 1, whereSeparator: { $0 == "/" || $0 == "-" })
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts[0].allSatisfy(\.isASCIIDigit), parts[1].allSatisfy(\.isASCIIDigit),
            let start = Int(parts[0]), let end = Int(parts[1]), start >= 1000
        else { throw CalendarError.malformedYear(text) }
        guard end == (start + 1) % 100 else { throw CalendarError.inconsistentYear(text) }
        startYear = start
    }

    public static func < (a: FinancialYear, b: FinancialYear) -> Bool { a.startYear < b.startYear }

    /// `2023/24`.
    public var description: String {
        let end = (startYear + 1) % 100
        return String(startYear) + "/" + (end < 10 ? "0" : "") + String(end)
    }

    /// 1 April.
    public var firstDay: CivilDate { CivilDate(year: startYear, month: 4, day: 1)! }
    /// 31 March.
    public var lastDay: CivilDate { CivilDate(year: startYear + 1, month: 3, day: 31)! }
    /// The year after.
    public var next: FinancialYear { FinancialYear(startYear: startYear + 1) }
    /// Whether the date falls in this year.
    public func contains(_ date: CivilDate) -> Bool { date.financialYear == self }
    /// Period `number` of this year.
    public func period(_ number: Int) -> Period { Period(year: self, number: number) }
}

/// A run of consecutive financial years: the ledger's MTFS window, e.g. `2023/24..2025/26`.
public struct YearRange: Hashable, Sendable, Codable, CustomStringConvertible, Sequence {
    public let first: FinancialYear
    public let last: FinancialYear

    /// The years from `first` to `last` inclusive (`first <= last`).
    public init(first: FinancialYear, last: FinancialYear) {
        precondition(first <= last, "a year range runs forwards")
        self.first = first
        self.last = last
    }

    /// Parses `2023/24..2025/26` (or a single year).
    public init(parsing text: String) throws(CalendarError) {
        let t = text.trimmingSpaces()
        let pieces = t.pieces(separatedBy: "..")
        guard pieces.count == 1 || pieces.count == 2 else { throw CalendarError.malformedRange(text) }
        let a = try FinancialYear(parsing: pieces[0])
        let b = pieces.count == 2 ? try FinancialYear(parsing: pieces[1]) : a
        guard a <= b else { throw CalendarError.backwardsRange(text) }
        self.init(first: a, last: b)
    }

    public func contains(_ year: FinancialYear) -> Bool { first <= year && year <= last }
    public var years: [FinancialYear] { (first.startYear...last.startYear).map(FinancialYear.init(startYear:)) }
    public func makeIterator() -> IndexingIterator<[FinancialYear]> { years.makeIterator() }
    /// `2023/24..2025/26`.
    public var description: String { first == last ? first.description : "\(first)..\(last)" }
}

/// A month of a financial year: P1 = April … P12 = March.
public struct Period: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: FinancialYear
    /// 1 (April) to 12 (March).
    public let number: Int

    /// Period `number` (1...12) of `year`.
    public init(year: FinancialYear, number: Int) {
        precondition((1...12).contains(number), "a period is P1 to P12")
        self.year = year
        self.number = number
    }

    /// Parses `2023-09` (a calendar month) or `2023/24 P6` (also `2023-24 P6`, `2023/24-P06`).
    public init(parsing text: String) throws(CalendarError) {
        let t = text.trimmingSpaces()
        if let pIndex = t.firstIndex(where: { $0 == "P" || $0 == "p" }) {
            let yearText = String(t[..<pIndex]).trimmingSpaces()
            let cleanedYear = (yearText.hasSuffix("-") ? String(yearText.dropLast()) : yearText).trimmingSpaces()
            let numberText = t[t.index(after: pIndex)...]
            guard !numberText.isEmpty, numberText.count <= 2, numberText.allSatisfy(\.isASCIIDigit),
                let n = Int(numberText)
            else { throw CalendarError.malformedPeriod(text) }
            guard (1...12).contains(n) else { throw CalendarError.malformedPeriod(text) }
            let year: FinancialYear
            do { year = try FinancialYear(parsing: cleanedYear) } catch { throw CalendarError.malformedPeriod(text) }
            self.init(year: year, number: n)
            return
        }
        let parts = t.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m), y >= 1000
        else { throw CalendarError.malformedPeriod(text) }
        self = CivilDate(year: y, month: m, day: 1)!.period
    }

    /// A compact sortable code: 202306 for 2023/24 P6.
    public var code: Int { year.startYear * 100 + number }
    /// The period with the given ``code``, when valid.
    public init?(code: Int) {
        let n = code % 100
        guard (1...12).contains(n) else { return nil }
        self.init(year: FinancialYear(startYear: code / 100), number: n)
    }

    public static func < (a: Period, b: Period) -> Bool { a.code < b.code }

    /// `2023/24 P6`.
    public var description: String { "\(year) P\(number)" }

    /// The calendar month: (2023, 9) for 2023/24 P6.
    public var calendarMonth: (year: Int, month: Int) {
        number <= 9 ? (year.startYear, number + 3) : (year.startYear + 1, number - 9)
    }
    /// `2023-09`.
    public var monthText: String {
        let (y, m) = calendarMonth
        return String(y) + "-" + (m < 10 ? "0" : "") + String(m)
    }
    /// `September 2024`: the month as a report for people names it.
    public var monthName: String {
        let (y, m) = calendarMonth
        return "\(CivilDate.monthNames[m - 1]) \(y)"
    }
    /// The period `n` months earlier.
    public func back(_ n: Int) -> Period { (0..<max(0, n)).reduce(self) { p, _ in p.previous } }
    /// The first day of the month.
    public var firstDay: CivilDate { CivilDate(year: calendarMonth.year, month: calendarMonth.month, day: 1)! }
    /// The last day of the month: what "at the end of P6" means.
    public var lastDay: CivilDate {
        let (y, m) = calendarMonth
        return CivilDate(year: y, month: m, day: CivilDate.daysIn(month: m, year: y))!
    }
    /// The period before (P12 of the previous year before P1).
    public var previous: Period {
        number == 1 ? Period(year: FinancialYear(startYear: year.startYear - 1), number: 12) : Period(year: year, number: number - 1)
    }
    /// The period after (P1 of the next year after P12).
    public var next: Period { number == 12 ? Period(year: year.next, number: 1) : Period(year: year, number: number + 1) }
}

/// Why a date, year or period could not be read.
public enum CalendarError: KindedError, Equatable, Sendable {
    public var kind: ErrorKind { .badInput }

    case malformedDate(String)
    case impossibleDate(String)
    case malformedYear(String)
    case inconsistentYear(String)
    case malformedRange(String)
    case backwardsRange(String)
    case malformedPeriod(String)

    /// What was expected, in a phrase that completes "… : ".
    public var explanation: String {
        switch self {
        case .malformedDate(let t): "expected a date as YYYY-MM-DD, such as 2023-10-01, found \"\(t)\""
        case .impossibleDate(let t): "\"\(t)\" is not a day in the calendar"
        case .malformedYear(let t): "expected a financial year such as 2023/24, found \"\(t)\""
        case .inconsistentYear(let t): "\"\(t)\" is not a financial year: the second part must be the year after the first, as in 2023/24"
        case .malformedRange(let t): "expected years such as 2023/24..2025/26, found \"\(t)\""
        case .backwardsRange(let t): "the range \"\(t)\" runs backwards; write the earlier year first"
        case .malformedPeriod(let t): "expected a period such as 2023-09 or 2023/24 P6, found \"\(t)\""
        }
    }
}

extension String {
    /// Splits on a multi-character separator without Foundation.
    public func pieces(separatedBy separator: String) -> [String] {
        var result: [String] = []
        var rest = Substring(self)
        while let range = rest.firstRange(of: separator) {
            result.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        result.append(String(rest))
        return result
    }
}
