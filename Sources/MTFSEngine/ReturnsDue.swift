import MTFSDomain

/// When a budget holder's monthly return is due, and where one stands: the one statement of the
/// rule, used by the returns board, the holder's return page and (later) the reminders.
///
/// A month's return is due by the `dueDay` of the month after it (the 10th unless a council sets
/// otherwise): figures for October are due by 10 November.
public enum ReturnsDue {
    /// The day a council expects returns by, unless it sets another.
    public static let standardDueDay = 10

    /// The last day a return for `period` is on time.
    public static func dueDate(for period: Period, dueDay: Int = standardDueDay) -> CivilDate {
        let next = period.next.firstDay
        // A due day past the month's end (the 31st in November) is the month's last day.
        let last = period.next.lastDay.day
        return CivilDate(year: next.year, month: next.month, day: min(max(1, dueDay), last)) ?? period.next.lastDay
    }

    /// Where a holder's return for a month stands.
    public enum State: Hashable, Sendable {
        /// The holder owns nothing with a target or delivery this year.
        case nothingToReport
        case submitted
        /// Some of the holder's lines are returned, not all.
        case partly(returned: Int, of: Int)
        /// Nothing returned; `late` once the due date has passed.
        case missing(late: Bool)

        /// In words, for the board.
        public var text: String {
            switch self {
            case .nothingToReport: "nothing to report"
            case .submitted: "submitted"
            case .partly(let returned, let of): "partly submitted (\(returned) of \(of))"
            case .missing(let late): late ? "missing (late)" : "missing"
            }
        }

        /// The state without its counts, for tallies ("3 partly submitted").
        public var group: String {
            if case .partly = self { return "partly submitted" }
            return text
        }
    }

    /// Where a return stands: `lines` the months each line the holder must report was last
    /// returned for (nil: never), for `period`, on `today`.
    public static func state(lines: [Period?], period: Period, today: CivilDate, dueDay: Int = standardDueDay) -> State {
        guard !lines.isEmpty else { return .nothingToReport }
        let returned = lines.filter { $0 == period }.count
        if returned == lines.count { return .submitted }
        if returned > 0 { return .partly(returned: returned, of: lines.count) }
        return .missing(late: today > dueDate(for: period, dueDay: dueDay))
    }

    /// The month a holder's return page opens on: the month after the last one they returned, so
    /// "My return" never opens on a month already done. Not beyond the month just ended (a month
    /// is returned once it is over, or while it runs) nor past the MTFS years; a holder who has
    /// never returned starts on the latest month the ledger has figures for.
    public static func nextMonth(lastReturned: Period?, latestData: Period?, today: CivilDate, window: YearRange?) -> Period? {
        guard let lastReturned else { return latestData }
        var next = lastReturned.next
        if next > today.period { next = lastReturned }
        if let window, next.year > window.last { next = max(lastReturned, window.last.period(12)) }
        return next
    }
}
