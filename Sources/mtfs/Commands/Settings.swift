import ArgumentParser
import MTFSDomain
import MTFSEngine
import MTFSRender
import MTFSStore

/// `mtfs settings`: tolerances stored with the ledger.
struct Settings: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show or change the reconciliation tolerances and the reminders' settings stored with the ledger.",
        discussion: """
            Keys:
            \(SettingKey.allCases.map { "  \($0.rawValue): \($0.meaning)" }.joined(separator: "\n"))
            \(ReminderSettings.Key.allCases.map { "  \($0.rawValue): \($0.meaning)" }.joined(separator: "\n"))

            Examples: mtfs settings      mtfs settings behind-profile-percent 15%      mtfs settings behind-profile-minimum 25,000
                      mtfs settings reminders-from savings@council.gov.uk      mtfs settings returns-due-day 12
            """)

    @OptionGroup var options: LedgerOptions
    @Argument(help: "The setting to change.") var key: String?
    @Argument(help: "Its new value.") var value: String?

    func run() throws {
        // Changing a setting records it; showing them only reads.
        if key == nil { try options.reading(show) } else { try options.writing(show) }
    }

    private func show(_ ledger: Ledger) throws {
        if let key {
            guard let value else { throw Failure.usage("give the new value for \(key)") }
            if let reminder = ReminderSettings.Key(parsing: key) {
                var check = ReminderSettings()
                do throws(DomainError) { try check.set(reminder, value) } catch { throw Failure.badInput(error.explanation) }
                try ledger.settings.set(reminder.rawValue, check.value(reminder), by: try options.provenance())
            } else {
                let setting: SettingKey
                do throws(DomainError) { setting = try SettingKey(parsing: key) } catch {
                    throw Failure.badInput(error.explanation + ", " + ReminderSettings.Key.allCases.map(\.rawValue).joined(separator: ", "))
                }
                var check = ReconcileSettings()
                try check.set(setting, value)
                try ledger.settings.set(setting.rawValue, check.value(setting), by: try options.provenance())
            }
        }
        let current = try ledger.settings.reconcileSettings()
        let stored = try ledger.settings.all()
        var table = Table(columns: [.init("key", "Setting"), .init("value", "Value"), .init("from", "From"), .init("meaning", "Meaning")])
        for k in SettingKey.allCases {
            table.rows.append([.text(k.rawValue), .text(current.value(k)), .text(stored[k.rawValue] == nil ? "default" : "ledger"), .text(k.meaning)])
        }
        let reminders = try ReminderSettings(storedIn: ledger)
        for k in ReminderSettings.Key.allCases {
            table.rows.append([.text(k.rawValue), .text(reminders.value(k)), .text(stored[k.rawValue] == nil ? "default" : "ledger"), .text(k.meaning)])
        }
        Terminal.write(table.renderText())
    }
}
