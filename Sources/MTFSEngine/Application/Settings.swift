import MTFSDomain
import MTFSStore

extension ReminderSettings {
    /// The reminder settings stored with the ledger (SPEC §11), defaults for the rest. A stored
    /// value that does not read as a setting is refused, naming it.
    public init(storedIn ledger: Ledger) throws {
        let stored = try ledger.settings.all()
        do throws(DomainError) { self = try ReminderSettings(stored: stored) } catch { throw LedgerError.refused(error.explanation) }
    }
}
