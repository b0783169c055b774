import MTFSDomain

extension SettingStore {
    /// A setting stored with the ledger (its latest value), or nil.
    public func value(_ key: String) throws -> String? {
        try db.first("SELECT value FROM setting_changes WHERE key = ? ORDER BY id DESC LIMIT 1", key) { $0.text(0) }
    }

    /// Every setting stored with the ledger (the latest value of each key), but the MTFS window.
    public func all() throws -> [String: String] {
        var out: [String: String] = [:]
        try db.forEach("SELECT key, value FROM setting_changes WHERE key NOT IN ('first_year', 'last_year') ORDER BY id") { row in
            out[row.text(0)] = row.text(1)
        }
        return out
    }

    /// Stores a new value of a setting; earlier values stay in its history.
    public func set(_ key: String, _ value: String, by who: Provenance) throws {
        try ledger.transaction { try recordSetting(key, value, by: who) }
    }

    func recordSetting(_ key: String, _ value: String, by who: Provenance) throws {
        try db.run(
            "INSERT INTO setting_changes(key, value, recorded_at, actor, on_behalf_of, source) VALUES (?, ?, ?, ?, ?, ?)",
            key, value, who.recordedAt, who.actor, who.onBehalfOf, who.source)
        try ledger.chain.append(.settingChanges, db.lastInsertRowID)
    }

    /// The reconciliation settings stored with the ledger, over the defaults.
    public func reconcileSettings() throws -> ReconcileSettings {
        var s = ReconcileSettings()
        for (name, value) in try all() {
            if let key = SettingKey(rawValue: name) { try s.set(key, value) }
        }
        return s
    }
}
