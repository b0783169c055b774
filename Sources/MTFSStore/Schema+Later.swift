/// The migrations since schema 4 (per-period positions): each a new step, never an edit to one that shipped.
extension Schema {
    /// Version 5: one record chain over every fact the reports rest on (SPEC §3.2), who acted for
    /// whom (§3.3), settings and the MTFS window as an append-only history, and sign-offs bound to
    /// the figures and chain head they saw. The rows already in the file are chained by
    /// ``Ledger/chainExistingRecords()`` in the same transaction as this script.
    static let migration5 = """
        -- Each record covers one row of a fact table (found by its key) and the record before it:
        -- its hash (32 bytes) is over the row's columns and the previous record's hash, so the
        -- link is in the hash itself.
        CREATE TABLE records (
            seq  INTEGER PRIMARY KEY,
            tbl  TEXT NOT NULL,
            key1 ANY NOT NULL,
            key2 ANY NOT NULL,
            hash BLOB NOT NULL CHECK (length(hash) = 32),
            UNIQUE (tbl, key1, key2)
        ) STRICT;
        CREATE TRIGGER records_no_update BEFORE UPDATE ON records
            BEGIN SELECT RAISE(ABORT, 'the record chain is append-only'); END;
        CREATE TRIGGER records_no_delete BEFORE DELETE ON records
            BEGIN SELECT RAISE(ABORT, 'the record chain is append-only'); END;
        CREATE TRIGGER records_chained BEFORE INSERT ON records
            WHEN NEW.seq <> coalesce((SELECT max(seq) FROM records), 0) + 1
            BEGIN SELECT RAISE(ABORT, 'a record must follow the last record of the chain'); END;

        -- Settings (and the MTFS window) as a history: the latest value of a key is in force.
        CREATE TABLE setting_changes (
            id           INTEGER PRIMARY KEY,
            key          TEXT NOT NULL,
            value        TEXT NOT NULL,
            recorded_at  TEXT NOT NULL,
            actor        TEXT NOT NULL,
            on_behalf_of TEXT,
            source       TEXT NOT NULL
        ) STRICT;
        CREATE INDEX setting_changes_by_key ON setting_changes(key, id);
        INSERT INTO setting_changes(key, value, recorded_at, actor, source)
            SELECT key, value, '', 'mtfs', 'the ledger before schema 5' FROM meta WHERE key IN ('first_year', 'last_year') ORDER BY key;
        INSERT INTO setting_changes(key, value, recorded_at, actor, source)
            SELECT key, value, recorded_at, actor, 'the ledger before schema 5' FROM settings ORDER BY key;
        DROP TABLE settings;
        DROP TABLE meta;
        CREATE TRIGGER setting_changes_no_update BEFORE UPDATE ON setting_changes
            BEGIN SELECT RAISE(ABORT, 'settings are a history: record a new value instead'); END;
        CREATE TRIGGER setting_changes_no_delete BEFORE DELETE ON setting_changes
            BEGIN SELECT RAISE(ABORT, 'settings are a history: record a new value instead'); END;

        -- Who acted for whom: `actor` is the login (or portal user), this the `--as` name.
        ALTER TABLE cost_centres ADD COLUMN on_behalf_of TEXT;
        ALTER TABLE assignments ADD COLUMN on_behalf_of TEXT;
        ALTER TABLE baselines ADD COLUMN on_behalf_of TEXT;
        ALTER TABLE proposals ADD COLUMN on_behalf_of TEXT;
        ALTER TABLE entries ADD COLUMN on_behalf_of TEXT;
        ALTER TABLE forecasts ADD COLUMN on_behalf_of TEXT;
        ALTER TABLE return_lines ADD COLUMN on_behalf_of TEXT;

        -- A sign-off records the chain head and the figures it was given over.
        ALTER TABLE sign_offs ADD COLUMN on_behalf_of TEXT;
        ALTER TABLE sign_offs ADD COLUMN head TEXT;
        ALTER TABLE sign_offs ADD COLUMN figures TEXT;
        ALTER TABLE sign_offs ADD COLUMN figures_hash TEXT;

        -- Marks the file as an mtfs ledger ('MTFS'), so a command that only reads can tell a ledger
        -- from any other SQLite file (https://www.sqlite.org/pragma.html#pragma_application_id).
        PRAGMA application_id = 1297368659;
        """

    /// Version 6: the portal's people (SPEC §10). Users and their API tokens (stored only as hashes:
    /// an Argon2id string for a password, SHA-256 for a token), sessions (by the SHA-256 of their
    /// cookie, so the file holds nothing that signs anyone in) and an append-only log of every
    /// login, failed login, logout and user change. Sessions change as people use them; they are
    /// not facts the reports rest on, so they sit outside the record chain, as do users.
    static let migration6 = """
        CREATE TABLE users (
            login         TEXT PRIMARY KEY,
            name          TEXT NOT NULL,
            role          TEXT NOT NULL CHECK (role IN ('holder', 'finance', 'cfo', 'admin')),
            holder        TEXT,
            directorate   TEXT,
            password_hash TEXT NOT NULL,
            disabled      INTEGER NOT NULL DEFAULT 0,
            created_at    TEXT NOT NULL,
            created_by    TEXT NOT NULL
        ) STRICT;
        CREATE TABLE api_tokens (
            id         INTEGER PRIMARY KEY,
            login      TEXT NOT NULL REFERENCES users(login),
            token_hash TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE sessions (
            id_hash    TEXT PRIMARY KEY,
            login      TEXT NOT NULL REFERENCES users(login),
            created_at INTEGER NOT NULL,
            last_seen  INTEGER NOT NULL,
            ended      INTEGER
        ) STRICT;
        CREATE TABLE auth_events (
            id      INTEGER PRIMARY KEY,
            at      INTEGER NOT NULL,
            event   TEXT NOT NULL,
            login   TEXT NOT NULL,
            address TEXT NOT NULL,
            detail  TEXT NOT NULL,
            actor   TEXT NOT NULL
        ) STRICT;
        CREATE INDEX auth_events_failures ON auth_events(event, login, at);
        CREATE INDEX auth_events_by_address ON auth_events(event, address, at);
        CREATE TRIGGER auth_events_no_update BEFORE UPDATE ON auth_events
            BEGIN SELECT RAISE(ABORT, 'the sign-in log is append-only'); END;
        CREATE TRIGGER auth_events_no_delete BEFORE DELETE ON auth_events
            BEGIN SELECT RAISE(ABORT, 'the sign-in log is append-only'); END;
        """

    /// Version 7: the portal's people in the record chain (SPEC §3.2 names "users and their roles").
    /// A user is a history of changes (added, password set, disabled): each row is the user as they
    /// stand after it, and the latest row of a login is in force (the `users` view). API tokens (by
    /// their hashes) and the sign-in log are append-only and chained too. Every row already in the
    /// file is chained by ``Ledger/chainExistingRecords(_:)`` in the same transaction as this
    /// script. Sessions stay outside the chain (they change on every request), but a session counts
    /// only if the chained sign-in log holds the sign-in that began it (`auth_events.session`), and
    /// what it may do comes from its user's chained role: a session row changed or added in the
    /// file grants nothing. The sessions of schema 6 carry no such sign-in, so they end here:
    /// everyone signs in again once.
    static let migration7 = """
        CREATE TABLE user_changes (
            id            INTEGER PRIMARY KEY,
            login         TEXT NOT NULL,
            name          TEXT NOT NULL,
            role          TEXT NOT NULL CHECK (role IN ('holder', 'finance', 'cfo', 'admin')),
            holder        TEXT,
            directorate   TEXT,
            password_hash TEXT NOT NULL,
            disabled      INTEGER NOT NULL CHECK (disabled IN (0, 1)),
            change        TEXT NOT NULL,
            recorded_at   TEXT NOT NULL,
            actor         TEXT NOT NULL,
            on_behalf_of  TEXT
        ) STRICT;
        CREATE INDEX user_changes_by_login ON user_changes(login, id);
        INSERT INTO user_changes(login, name, role, holder, directorate, password_hash, disabled, change, recorded_at, actor)
            SELECT login, name, role, holder, directorate, password_hash, disabled, 'carried forward from schema 6', created_at, created_by
            FROM users ORDER BY rowid;
        CREATE TRIGGER user_changes_no_update BEFORE UPDATE ON user_changes
            BEGIN SELECT RAISE(ABORT, 'users are a history: record a change instead'); END;
        CREATE TRIGGER user_changes_no_delete BEFORE DELETE ON user_changes
            BEGIN SELECT RAISE(ABORT, 'users are a history: record a change instead'); END;

        CREATE TABLE tokens (
            id           INTEGER PRIMARY KEY,
            login        TEXT NOT NULL,
            token_hash   TEXT NOT NULL UNIQUE,
            created_at   TEXT NOT NULL,
            actor        TEXT NOT NULL,
            on_behalf_of TEXT
        ) STRICT;
        INSERT INTO tokens(id, login, token_hash, created_at, actor)
            SELECT id, login, token_hash, created_at, 'carried forward from schema 6' FROM api_tokens ORDER BY id;
        CREATE TRIGGER tokens_no_update BEFORE UPDATE ON tokens
            BEGIN SELECT RAISE(ABORT, 'API tokens are append-only: disable the user to stop them'); END;
        CREATE TRIGGER tokens_no_delete BEFORE DELETE ON tokens
            BEGIN SELECT RAISE(ABORT, 'API tokens are append-only: disable the user to stop them'); END;

        DROP TABLE sessions;
        DROP TABLE api_tokens;
        DROP TABLE users;
        -- Only rows that are in the chain count: one inserted beside it is ignored.
        CREATE VIEW users AS
            SELECT login, name, role, holder, directorate, password_hash, disabled FROM user_changes c
            WHERE id = (SELECT max(u.id) FROM user_changes u WHERE u.login = c.login
                        AND EXISTS (SELECT 1 FROM records r WHERE r.tbl = 'user_changes' AND r.key1 = u.id AND r.key2 = ''));
        CREATE TABLE sessions (
            id_hash    TEXT PRIMARY KEY,
            login      TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            last_seen  INTEGER NOT NULL,
            ended      INTEGER
        ) STRICT;

        -- The sign-in that began a session names it (by the SHA-256 of its cookie, as sessions do).
        ALTER TABLE auth_events ADD COLUMN session TEXT;
        CREATE INDEX auth_events_by_session ON auth_events(session) WHERE session IS NOT NULL;
        """

    /// Version 8: refs compared for sameness (SPEC §5 v3: `Place 13` and `PLACE13` are one ref), found
    /// through an index rather than by reading every proposal.
    static let migration8 = """
        CREATE INDEX proposals_by_canonical_ref ON proposals(lower(replace(ref, ' ', '')));
        """

    /// Version 9: returns and packs as councils publish them (SPEC §5 v3). A return line whose
    /// delivered cell was blank keeps the figure that stood (`delivered_blank` = 1); a line or
    /// forecast may give the year's money by status (green, amber, red); a proposal belongs to a
    /// fund (NULL: the General Fund). Columns added to a chained table are hashed by name and only
    /// when they hold a value (``FactTable/laterColumns``), so records made before them stand.
    static let migration9 = """
        ALTER TABLE return_lines ADD COLUMN delivered_blank INTEGER CHECK (delivered_blank = 1);
        ALTER TABLE return_lines ADD COLUMN green INTEGER CHECK (green >= 0);
        ALTER TABLE return_lines ADD COLUMN amber INTEGER CHECK (amber >= 0);
        ALTER TABLE return_lines ADD COLUMN red INTEGER CHECK (red >= 0);
        ALTER TABLE forecasts ADD COLUMN green INTEGER CHECK (green >= 0);
        ALTER TABLE forecasts ADD COLUMN amber INTEGER CHECK (amber >= 0);
        ALTER TABLE forecasts ADD COLUMN red INTEGER CHECK (red >= 0);
        ALTER TABLE proposals ADD COLUMN fund TEXT CHECK (fund IS NULL OR length(fund) BETWEEN 1 AND 200);
        """

    /// Version 10: members and service impacts (SPEC §5 v3). A proposal's Cabinet portfolio, its
    /// portfolio holder, its risk rating when approved and the Corporate Plan priority it serves;
    /// the service impacts identified when it was risk-assessed (chained, append-only); and on a
    /// return line, a service impact observed and whether it was foreseen.
    static let migration10 = """
        ALTER TABLE proposals ADD COLUMN portfolio TEXT;
        ALTER TABLE proposals ADD COLUMN portfolio_holder TEXT;
        ALTER TABLE proposals ADD COLUMN risk TEXT CHECK (risk IS NULL OR risk IN ('High', 'Medium', 'Low'));
        ALTER TABLE proposals ADD COLUMN priority TEXT;
        ALTER TABLE return_lines ADD COLUMN impact TEXT;
        ALTER TABLE return_lines ADD COLUMN impact_foreseen INTEGER CHECK (impact_foreseen IN (0, 1));
        CREATE TABLE impacts (
            id           INTEGER PRIMARY KEY,
            proposal     TEXT NOT NULL REFERENCES proposals(ref),
            kind         TEXT NOT NULL CHECK (kind IN ('service', 'equality', 'residents', 'staff', 'partners', 'other')),
            impact       TEXT NOT NULL,
            mitigation   TEXT NOT NULL,
            recorded_at  TEXT NOT NULL,
            actor        TEXT NOT NULL,
            source       TEXT NOT NULL,
            on_behalf_of TEXT
        ) STRICT;
        CREATE INDEX impacts_by_proposal ON impacts(proposal);
        CREATE TRIGGER impacts_no_update BEFORE UPDATE ON impacts
            BEGIN SELECT RAISE(ABORT, 'identified impacts are append-only: add another'); END;
        CREATE TRIGGER impacts_no_delete BEFORE DELETE ON impacts
            BEGIN SELECT RAISE(ABORT, 'identified impacts are append-only: add another'); END;
        """

    /// Version 11: the portal's `member` role (SPEC §7 v3), read-only and scoped to a Cabinet
    /// portfolio. A CHECK constraint cannot be altered in place, so the history of users is copied
    /// into a table that allows the role and has a `portfolio` column, keeping every id (the record
    /// chain finds rows by id) and every value (a later column is hashed only when it holds one, so
    /// every record stands). Its guards, index and view are made again as they were.
    static let migration11 = """
        DROP VIEW users;
        DROP TRIGGER user_changes_no_update;
        DROP TRIGGER user_changes_no_delete;
        DROP INDEX user_changes_by_login;
        ALTER TABLE user_changes RENAME TO user_changes_10;
        CREATE TABLE user_changes (
            id            INTEGER PRIMARY KEY,
            login         TEXT NOT NULL,
            name          TEXT NOT NULL,
            role          TEXT NOT NULL CHECK (role IN ('holder', 'finance', 'cfo', 'admin', 'member')),
            holder        TEXT,
            directorate   TEXT,
            password_hash TEXT NOT NULL,
            disabled      INTEGER NOT NULL CHECK (disabled IN (0, 1)),
            change        TEXT NOT NULL,
            recorded_at   TEXT NOT NULL,
            actor         TEXT NOT NULL,
            on_behalf_of  TEXT,
            portfolio     TEXT CHECK (portfolio IS NULL OR length(portfolio) BETWEEN 1 AND 200),
            CHECK (role <> 'member' OR portfolio IS NOT NULL)
        ) STRICT;
        INSERT INTO user_changes(id, login, name, role, holder, directorate, password_hash, disabled, change, recorded_at, actor, on_behalf_of)
            SELECT id, login, name, role, holder, directorate, password_hash, disabled, change, recorded_at, actor, on_behalf_of
            FROM user_changes_10 ORDER BY id;
        DROP TABLE user_changes_10;
        CREATE INDEX user_changes_by_login ON user_changes(login, id);
        CREATE TRIGGER user_changes_no_update BEFORE UPDATE ON user_changes
            BEGIN SELECT RAISE(ABORT, 'users are a history: record a change instead'); END;
        CREATE TRIGGER user_changes_no_delete BEFORE DELETE ON user_changes
            BEGIN SELECT RAISE(ABORT, 'users are a history: record a change instead'); END;
        CREATE VIEW users AS
            SELECT login, name, role, holder, directorate, password_hash, disabled, portfolio FROM user_changes c
            WHERE id = (SELECT max(u.id) FROM user_changes u WHERE u.login = c.login
                        AND EXISTS (SELECT 1 FROM records r WHERE r.tbl = 'user_changes' AND r.key1 = u.id AND r.key2 = ''));
        """

    /// Version 12: reminders by email (SPEC §11). A user gains an email address (a later column of
    /// their history, hashed only when set, so every older record stands), and every reminder tried
    /// is a chained, append-only row: who, what, for which period, when, and what the relay said. A
    /// reminder is sent once: a second `sent` row for the same kind, subject and recipient is refused
    /// by the database as by the rule.
    static let migration12 = """
        ALTER TABLE user_changes ADD COLUMN email TEXT CHECK (email IS NULL OR length(email) BETWEEN 3 AND 254);
        DROP VIEW users;
        CREATE VIEW users AS
            SELECT login, name, role, holder, directorate, password_hash, disabled, portfolio, email FROM user_changes c
            WHERE id = (SELECT max(u.id) FROM user_changes u WHERE u.login = c.login
                        AND EXISTS (SELECT 1 FROM records r WHERE r.tbl = 'user_changes' AND r.key1 = u.id AND r.key2 = ''));
        CREATE TABLE reminders (
            id           INTEGER PRIMARY KEY,
            kind         TEXT NOT NULL CHECK (kind IN ('return', 'sign-off', 'digest')),
            subject_key  TEXT NOT NULL,
            holder       TEXT,
            period       INTEGER NOT NULL,
            login        TEXT NOT NULL,
            address      TEXT NOT NULL,
            outcome      TEXT NOT NULL CHECK (outcome IN ('sent', 'failed')),
            relay        TEXT NOT NULL,
            title        TEXT NOT NULL,
            detail       TEXT NOT NULL,
            recorded_at  TEXT NOT NULL,
            actor        TEXT NOT NULL,
            source       TEXT NOT NULL,
            on_behalf_of TEXT
        ) STRICT;
        CREATE UNIQUE INDEX reminders_sent_once ON reminders(kind, subject_key, login) WHERE outcome = 'sent';
        CREATE INDEX reminders_by_period ON reminders(period, kind);
        CREATE TRIGGER reminders_no_update BEFORE UPDATE ON reminders
            BEGIN SELECT RAISE(ABORT, 'reminders are a history: record another'); END;
        CREATE TRIGGER reminders_no_delete BEFORE DELETE ON reminders
            BEGIN SELECT RAISE(ABORT, 'reminders are a history: record another'); END;
        """
}
