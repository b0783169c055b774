import Foundation
import MTFSDomain

/// A portal session as stored: by the hash of its cookie.
public struct StoredSession: Sendable {
    public var login: String
    public var createdAt: Int64
    public var lastSeen: Int64
    public var ended: Int64?
    /// The chained sign-in log began this session and has not signed it out.
    public var vouched: Bool
}

/// One line of the sign-in log.
public struct AuthEvent: Sendable, Hashable {
    public var at: Int64
    public var event: String
    public var login: String
    public var address: String
    public var detail: String
    public var actor: String
}

/// The portal's people (SPEC §10): users, API tokens, sessions and the sign-in log. Only hashes of
/// secrets are ever written: an Argon2id string for a password, SHA-256 for a token or session.
///
/// Users, tokens and the sign-in log are facts in the record chain (schema 7): a user is a history of
/// changes (`user_changes`, the latest row of a login in force, read through the `users` view), so
/// a role, a holder binding, a password or a disabling is never edited in place. Sessions are not
/// chained, but one counts only when the chained sign-in that began it is there.
extension PeopleStore {
    private static let userColumns = "login, name, role, holder, directorate, disabled, portfolio, email"

    /// A role this build does not know is read as a disabled member of no portfolio: it grants nothing.
    private static func user(from row: Row) -> PortalUser {
        let role = PortalUser.Role(rawValue: row.text("role"))
        return PortalUser(
            login: row.text("login"), name: row.text("name"), role: role ?? .member, holder: row.optionalID("holder"),
            directorate: row.optionalText("directorate"), portfolio: row.optionalText("portfolio"), email: row.optionalText("email"),
            disabled: role == nil || row.int("disabled") != 0)
    }

    /// A time in seconds since 1970 as the chain's other facts write it (ISO 8601, UTC).
    public static func isoTime(_ seconds: Int64) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// Appends one row of a user's history (the user as they stand after `change`) and chains it.
    private func recordUser(
        _ user: PortalUser, passwordHash: String, change: String, actor: String, onBehalfOf: String?, recordedAt: String
    ) throws {
        var user = user
        let who = Provenance(actor: actor, recordedAt: recordedAt, source: "user \(user.login)", onBehalfOf: onBehalfOf)
        user.holder = try user.holder.map { try ledger.holders.named($0, by: who) }
        try db.run(
            """
            INSERT INTO user_changes(login, name, role, holder, directorate, password_hash, disabled, change, recorded_at, actor, on_behalf_of, portfolio, email)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, user.login, user.name, user.role.rawValue, user.holder, user.directorate, passwordHash, Int64(user.disabled ? 1 : 0), change,
            recordedAt, actor, onBehalfOf, user.portfolio, user.email)
        try ledger.chain.append(.userChanges, db.lastInsertRowID)
    }

    /// Adds a user (checked by the use case, `PeopleWrites.addUser`); a login already taken is a
    /// conflict. Recorded in the sign-in log.
    public func insertUser(_ user: PortalUser, passwordHash: String, by actor: String, onBehalfOf: String?, at time: Int64, recordedAt: String) throws {
        try ledger.transaction {
            let taken = try db.scalar("SELECT count(*) FROM user_changes WHERE lower(login) = lower(?)", user.login)
            if taken > 0 { throw LedgerError.conflict("there is already a user \(user.login) (logins are the same whatever their case)") }
            var added = user
            added.disabled = false
            try recordUser(added, passwordHash: passwordHash, change: "added", actor: actor, onBehalfOf: onBehalfOf, recordedAt: recordedAt)
            try recordAuthEvent(
                "user added", login: user.login, address: "", at: time, actor: actor,
                detail: "\(user.role.rawValue)" + (user.holder.map { " for \($0)" } ?? "") + (user.directorate.map { " in \($0)" } ?? "")
                    + (user.portfolio.map { " of the portfolio \($0)" } ?? ""))
        }
    }

    /// Every user as they stand, by login.
    public func users() throws -> [PortalUser] {
        let register = try ledger.holders.register()
        return try db.query("SELECT \(PeopleStore.userColumns) FROM users ORDER BY login", map: PeopleStore.user(from:)).map { $0.holding(register) }
    }

    /// The user `login` as they stand, or nil.
    public func user(_ login: String) throws -> PortalUser? {
        try db.first("SELECT \(PeopleStore.userColumns) FROM users WHERE login = ?", login, map: PeopleStore.user(from:))?.holding(ledger.holders.register())
    }

    /// The stored password hash of `login`, or nil.
    public func passwordHash(login: String) throws -> String? {
        try db.first("SELECT password_hash FROM users WHERE login = ?", login) { $0.text(0) }
    }

    /// Disables a user: their sessions end and their tokens stop working at once.
    public func disableUser(_ login: String, by actor: String, onBehalfOf: String? = nil, at time: Int64) throws {
        try ledger.transaction {
            guard var u = try user(login), let hash = try passwordHash(login: login) else { throw LedgerError.notFound("there is no user \(login)") }
            guard !u.disabled else { throw LedgerError.conflict("\(login) is already disabled") }
            u.disabled = true
            try recordUser(u, passwordHash: hash, change: "disabled", actor: actor, onBehalfOf: onBehalfOf, recordedAt: PeopleStore.isoTime(time))
            try db.run("UPDATE sessions SET ended = ? WHERE login = ? AND ended IS NULL", time, login)
            try recordAuthEvent("user disabled", login: login, address: "", at: time, actor: actor, detail: "")
        }
    }

    /// Sets a new password (by its hash): the user's sessions end, so every browser signs in again.
    public func setPassword(_ login: String, passwordHash: String, by actor: String, onBehalfOf: String? = nil, at time: Int64) throws {
        try ledger.transaction {
            guard let u = try user(login) else { throw LedgerError.notFound("there is no user \(login)") }
            try recordUser(u, passwordHash: passwordHash, change: "password set", actor: actor, onBehalfOf: onBehalfOf, recordedAt: PeopleStore.isoTime(time))
            try db.run("UPDATE sessions SET ended = ? WHERE login = ? AND ended IS NULL", time, login)
            try recordAuthEvent("password set", login: login, address: "", at: time, actor: actor, detail: "")
        }
    }

    /// Records a user's email address (or, with nil, its removal), checked by the use case
    /// (`PeopleWrites.setEmail`).
    public func recordEmail(_ login: String, _ email: String?, by actor: String, onBehalfOf: String?, at time: Int64) throws {
        try ledger.transaction {
            guard var u = try user(login), let hash = try passwordHash(login: login) else { throw LedgerError.notFound("there is no user \(login)") }
            u.email = email
            try recordUser(u, passwordHash: hash, change: email == nil ? "email removed" : "email set", actor: actor, onBehalfOf: onBehalfOf, recordedAt: PeopleStore.isoTime(time))
        }
    }

    /// Records an API token by its hash (the use case, `PeopleWrites.addToken`, decides who may have one).
    public func insertToken(login: String, tokenHash: String, by actor: String, onBehalfOf: String?, at time: Int64, recordedAt: String) throws {
        try ledger.transaction {
            try db.run(
                "INSERT INTO tokens(login, token_hash, created_at, actor, on_behalf_of) VALUES (?, ?, ?, ?, ?)", login, tokenHash, recordedAt, actor,
                onBehalfOf)
            try ledger.chain.append(.tokens, db.lastInsertRowID)
            try recordAuthEvent("token created", login: login, address: "", at: time, actor: actor, detail: "")
        }
    }

    /// The user a token (by its hash) belongs to, as they stand, or nil.
    public func user(tokenHash: String) throws -> PortalUser? {
        try db.first(
            """
            SELECT u.login, u.name, u.role, u.holder, u.directorate, u.disabled, u.portfolio, u.email FROM tokens t JOIN users u ON u.login = t.login
            WHERE t.token_hash = ? AND EXISTS (SELECT 1 FROM records r WHERE r.tbl = 'tokens' AND r.key1 = t.id AND r.key2 = '')
            """,
            tokenHash, map: PeopleStore.user(from:))?.holding(ledger.holders.register())
    }

    /// Starts a session: the session row and the chained sign-in that vouches for it, together.
    public func startSession(idHash: String, login: String, address: String, at time: Int64, detail: String = "") throws {
        try ledger.transaction {
            try db.run("INSERT INTO sessions(id_hash, login, created_at, last_seen) VALUES (?, ?, ?, ?)", idHash, login, time, time)
            try recordAuthEvent("login", login: login, address: address, at: time, actor: login, detail: detail, session: idHash)
        }
    }

    /// A session by the hash of its cookie, or nil. `vouched`: the chained sign-in log holds the
    /// sign-in that began it, for the same login (a row with its record, not one inserted beside the
    /// chain), and nothing since that ended it — its sign-out or end, or the user's password set or
    /// account disabled — so a row written, revived or re-pointed in the file grants nothing. Its
    /// start, for the absolute timeout, is the chained sign-in's time, not the row's.
    public func session(idHash: String) throws -> StoredSession? {
        try db.first(
            """
            SELECT s.login, s.created_at, s.last_seen, s.ended, b.id AS began_id, b.at AS began_at,
                   EXISTS (SELECT 1 FROM auth_events e WHERE e.session = s.id_hash AND e.event IN ('logout', 'session ended')) AS ended_in_log,
                   EXISTS (SELECT 1 FROM auth_events e WHERE e.event IN ('password set', 'user disabled') AND e.login = s.login AND e.id > b.id)
                       AS reset_since
            FROM sessions s
            LEFT JOIN auth_events b ON b.session = s.id_hash AND b.event = 'login' AND b.login = s.login
                AND EXISTS (SELECT 1 FROM records r WHERE r.tbl = 'auth_events' AND r.key1 = b.id AND r.key2 = '')
            WHERE s.id_hash = ?
            ORDER BY b.id LIMIT 1
            """, idHash
        ) {
            let began = !$0.isNull("began_id")
            return StoredSession(
                login: $0.text("login"), createdAt: began ? $0.int("began_at") : $0.int("created_at"), lastSeen: $0.int("last_seen"),
                ended: $0.optionalInt("ended"), vouched: began && $0.int("ended_in_log") == 0 && $0.int("reset_since") == 0)
        }
    }

    /// Marks a session as used now.
    public func touchSession(idHash: String, at time: Int64) throws {
        try db.run("UPDATE sessions SET last_seen = ? WHERE id_hash = ?", time, idHash)
    }

    /// Ends a session's row (a password set or an account disabled, whose own chained events end
    /// every session of the login).
    func endSession(idHash: String, at time: Int64) throws {
        try db.run("UPDATE sessions SET ended = ? WHERE id_hash = ? AND ended IS NULL", time, idHash)
    }

    /// Ends a session (timed out, or replaced by a new sign-in in the same browser), and says so in
    /// the chained log, so the row revived in the file stays dead.
    public func endSession(idHash: String, at time: Int64, why: String) throws {
        try ledger.transaction {
            guard let login = try db.first("SELECT login FROM sessions WHERE id_hash = ? AND ended IS NULL", idHash, map: { $0.text(0) }) else {
                return
            }
            try endSession(idHash: idHash, at: time)
            try recordAuthEvent("session ended", login: login, address: "", at: time, actor: login, detail: why, session: idHash)
        }
    }

    /// Signs a session out: it ends, and the chained log says so (a revived row stays dead).
    public func signOut(idHash: String, login: String, address: String, at time: Int64) throws {
        try ledger.transaction {
            try endSession(idHash: idHash, at: time)
            try recordAuthEvent("logout", login: login, address: address, at: time, actor: login, detail: "", session: idHash)
        }
    }

    /// Appends to the sign-in log (chained).
    public func recordAuthEvent(
        _ event: String, login: String, address: String, at time: Int64, actor: String, detail: String, session: String? = nil
    ) throws {
        try ledger.transaction {
            try db.run(
                "INSERT INTO auth_events(at, event, login, address, detail, actor, session) VALUES (?, ?, ?, ?, ?, ?, ?)", time, event, login,
                address, detail, actor, session)
            try ledger.chain.append(.authEvents, db.lastInsertRowID)
        }
    }

    /// How many failed sign-ins there were since `time` for `login`, from `address`, and for `login`
    /// from `address`.
    public func failedSignIns(login: String, address: String, since time: Int64) throws -> (login: Int, address: Int, both: Int) {
        let byLogin = try db.scalar("SELECT count(*) FROM auth_events WHERE event = 'login failed' AND login = ? AND at >= ?", login, time)
        let byAddress = try db.scalar("SELECT count(*) FROM auth_events WHERE event = 'login failed' AND address = ? AND at >= ?", address, time)
        let both = try db.scalar(
            "SELECT count(*) FROM auth_events WHERE event = 'login failed' AND login = ? AND address = ? AND at >= ?", login, address, time)
        return (Int(byLogin), Int(byAddress), Int(both))
    }

    /// The sign-in log, newest first.
    public func authEvents(limit: Int = 1000) throws -> [AuthEvent] {
        try db.query("SELECT at, event, login, address, detail, actor FROM auth_events ORDER BY id DESC LIMIT ?", Int64(limit)) {
            AuthEvent(
                at: $0.int("at"), event: $0.text("event"), login: $0.text("login"), address: $0.text("address"), detail: $0.text("detail"),
                actor: $0.text("actor"))
        }
    }
}

/// The portal's people are stored here for the use cases that manage them.
extension PeopleStore: PeopleWrites {
    public func transaction<T>(_ body: () throws -> T) throws -> T { try ledger.transaction(body) }
}

extension PortalUser {
    /// The user with their holder by the name the holder goes by now.
    fileprivate func holding(_ register: HolderRegister) -> PortalUser {
        var u = self
        u.holder = holder.map(register.current)
        return u
    }
}
