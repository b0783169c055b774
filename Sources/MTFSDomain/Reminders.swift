/// The three reminders a council's monthly cycle sends (SPEC §11).
public enum ReminderKind: String, Sendable, CaseIterable, Codable {
    /// A holder's return for the due month is missing after the due day.
    case returnDue = "return"
    /// A holder's statement for the month they returned is unsigned some days after the due day.
    case signOff = "sign-off"
    /// To the CFO: findings at or above a severity that are new since the last digest.
    case digest

    /// In words ("return reminder").
    public var text: String {
        switch self {
        case .returnDue: "return reminder"
        case .signOff: "sign-off reminder"
        case .digest: "findings digest"
        }
    }
}

/// What the reminders are set to, stored with the ledger (`mtfs settings`), with SPEC §11's defaults.
public struct ReminderSettings: Hashable, Sendable {
    public enum Key: String, Sendable, CaseIterable {
        case dueDay = "returns-due-day"
        case signOffDays = "sign-off-reminder-days"
        case digestSeverity = "digest-severity"
        case time = "reminders-time"
        case from = "reminders-from"
        case returns = "return-reminders"
        case signOffs = "sign-off-reminders"
        case digest = "findings-digest"

        public var meaning: String {
            switch self {
            case .dueDay: "returns: a month's return is due by this day of the next month; reminders go the day after (default 10)"
            case .signOffDays: "sign-off reminder: sent to a holder who returned but has not signed once this many days after the due day have passed (default 5: on the 16th)"
            case .digestSeverity: "findings digest: the CFO is told of new findings at or above this severity (default high)"
            case .time: "mtfs serve sends the day's reminders at this time, HH:MM UK time (Europe/London; default 07:00)"
            case .from: "reminders are sent from this address (required before any is sent)"
            case .returns: "return reminders on or off (default on)"
            case .signOffs: "sign-off reminders on or off (default on)"
            case .digest: "the CFO's findings digest on or off (default on)"
            }
        }

        /// Reads a setting's name (nil when it is not a reminder setting).
        public init?(parsing text: String) { self.init(rawValue: text.trimmingSpaces().lowercased()) }
    }

    public var dueDay = 10
    public var signOffDays = 5
    public var digestSeverity = Severity.high
    /// Minutes after midnight.
    public var time = 7 * 60
    public var from: String?
    public var returns = true
    public var signOffs = true
    public var digest = true

    public init() {}

    /// The settings from the ledger's stored values (others at their defaults).
    public init(stored: [String: String]) throws(DomainError) {
        for key in Key.allCases {
            if let v = stored[key.rawValue] { try set(key, v) }
        }
    }

    /// Sets one from its text, checked.
    public mutating func set(_ key: Key, _ text: String) throws(DomainError) {
        let t = text.trimmingSpaces()
        func number(_ range: ClosedRange<Int>, _ what: String) throws(DomainError) -> Int {
            guard t.count <= 3, let n = Int(t), range.contains(n) else { throw DomainError.invalid("\(key.rawValue): expected \(what), found \"\(text)\"") }
            return n
        }
        func onOff() throws(DomainError) -> Bool {
            switch t.lowercased() {
            case "on", "yes", "true": return true
            case "off", "no", "false": return false
            default: throw DomainError.invalid("\(key.rawValue): expected on or off, found \"\(text)\"")
            }
        }
        switch key {
        case .dueDay: dueDay = try number(1...28, "a day of the month from 1 to 28")
        case .signOffDays: signOffDays = try number(0...60, "a number of days from 0 to 60")
        case .digestSeverity:
            do { digestSeverity = try Severity(parsing: t) } catch { throw DomainError.invalid("\(key.rawValue): \(error.explanation)") }
        case .time:
            let parts = t.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m)
            else { throw DomainError.invalid("\(key.rawValue): expected a time of day as HH:MM (24-hour), found \"\(text)\"") }
            time = h * 60 + m
        case .from:
            do { from = try EmailAddress.check(t) } catch { throw DomainError.invalid("\(key.rawValue): \(error.explanation)") }
        case .returns: returns = try onOff()
        case .signOffs: signOffs = try onOff()
        case .digest: digest = try onOff()
        }
    }

    /// A setting's value as stored and shown.
    public func value(_ key: Key) -> String {
        switch key {
        case .dueDay: "\(dueDay)"
        case .signOffDays: "\(signOffDays)"
        case .digestSeverity: digestSeverity.rawValue
        case .time: "\(time / 60 < 10 ? "0" : "")\(time / 60):\(time % 60 < 10 ? "0" : "")\(time % 60)"
        case .from: from ?? "(not set)"
        case .returns: returns ? "on" : "off"
        case .signOffs: signOffs ? "on" : "off"
        case .digest: digest ? "on" : "off"
        }
    }

    /// Whether reminders of `kind` are on.
    public func isOn(_ kind: ReminderKind) -> Bool {
        switch kind {
        case .returnDue: returns
        case .signOff: signOffs
        case .digest: digest
        }
    }
}
