/// The ledger schema as numbered, append-only migrations recorded in `PRAGMA user_version`
/// (https://www.sqlite.org/pragma.html#pragma_user_version). Never edit a step that has shipped:
/// add the next one.
enum Schema {
    static let migrations: [String] = [migration1, migration2, migration3, migration4, migration5, migration6, migration7, migration8, migration9, migration10, migration11, migration12]

    /// Version 1: the operating model, proposals, the double-entry ledger, forecasts.
    ///
    /// Years are stored as the calendar year they start in (2023 for 2023/24), periods as
    /// `startYear * 100 + number` (202306 for 2023/24 P6), dates as `YYYY-MM-DD`, money as pence.
    static let migration1 = """
        CREATE TABLE meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) STRICT;

        CREATE TABLE cost_centres (
            code        TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 60),
            name        TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            actor       TEXT NOT NULL,
            source      TEXT NOT NULL
        ) STRICT;

        -- The operating model over time: from `effective` the cost centre sits here.
        CREATE TABLE assignments (
            id            INTEGER PRIMARY KEY,
            cost_centre   TEXT NOT NULL REFERENCES cost_centres(code),
            effective     TEXT NOT NULL CHECK (effective GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            service       TEXT NOT NULL,
            directorate   TEXT NOT NULL,
            budget_holder TEXT NOT NULL,
            model         TEXT NOT NULL CHECK (model IN ('devolved', 'hub')),
            reason        TEXT NOT NULL,
            recorded_at   TEXT NOT NULL,
            actor         TEXT NOT NULL,
            source        TEXT NOT NULL,
            UNIQUE (cost_centre, effective)
        ) STRICT;

        CREATE TABLE baselines (
            cost_centre TEXT NOT NULL REFERENCES cost_centres(code),
            year        INTEGER NOT NULL,
            net_budget  INTEGER NOT NULL,
            recorded_at TEXT NOT NULL,
            actor       TEXT NOT NULL,
            source      TEXT NOT NULL,
            PRIMARY KEY (cost_centre, year)
        ) STRICT;

        CREATE TABLE proposals (
            ref            TEXT PRIMARY KEY,
            title          TEXT NOT NULL,
            directorate    TEXT NOT NULL,
            owner          TEXT NOT NULL,
            category       TEXT NOT NULL,
            recurrence     TEXT NOT NULL CHECK (recurrence IN ('ongoing', 'one-off')),
            delivery_start INTEGER,
            replaces       TEXT REFERENCES proposals(ref),
            recorded_at    TEXT NOT NULL,
            actor          TEXT NOT NULL,
            source         TEXT NOT NULL
        ) STRICT;

        CREATE TABLE proposal_cost_centres (
            ref          TEXT NOT NULL REFERENCES proposals(ref),
            position     INTEGER NOT NULL,
            cost_centre  TEXT NOT NULL REFERENCES cost_centres(code),
            basis_points INTEGER CHECK (basis_points BETWEEN 1 AND 10000),
            PRIMARY KEY (ref, cost_centre),
            UNIQUE (ref, position)
        ) STRICT;
        CREATE INDEX proposal_cost_centres_by_centre ON proposal_cost_centres(cost_centre);

        -- One MTFS requirement account per year; proposal accounts per state, year and cost centre.
        CREATE TABLE accounts (
            id          INTEGER PRIMARY KEY,
            kind        TEXT NOT NULL CHECK (kind IN ('requirement', 'planned', 'delivered', 'unachievable')),
            year        INTEGER NOT NULL,
            proposal    TEXT REFERENCES proposals(ref),
            cost_centre TEXT REFERENCES cost_centres(code),
            CHECK ((kind = 'requirement') = (proposal IS NULL AND cost_centre IS NULL)),
            CHECK ((proposal IS NULL) = (cost_centre IS NULL))
        ) STRICT;
        CREATE UNIQUE INDEX accounts_requirement ON accounts(year) WHERE kind = 'requirement';
        CREATE UNIQUE INDEX accounts_proposal ON accounts(proposal, year, cost_centre, kind) WHERE proposal IS NOT NULL;

        CREATE TABLE entries (
            id          INTEGER PRIMARY KEY,
            kind        TEXT NOT NULL CHECK (kind IN ('approve', 'deliver', 'reduce', 'slip', 'unachievable', 'reverse')),
            proposal    TEXT NOT NULL REFERENCES proposals(ref),
            year        INTEGER NOT NULL,
            to_year     INTEGER,
            effective   TEXT NOT NULL CHECK (effective GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            period      INTEGER NOT NULL,
            recorded_at TEXT NOT NULL,
            actor       TEXT NOT NULL,
            reason      TEXT NOT NULL,
            source      TEXT NOT NULL,
            reverses    INTEGER UNIQUE REFERENCES entries(id),
            prev_hash   TEXT NOT NULL,
            hash        TEXT NOT NULL UNIQUE,
            CHECK ((kind = 'slip') = (to_year IS NOT NULL)),
            CHECK ((kind = 'reverse') = (reverses IS NOT NULL))
        ) STRICT;
        CREATE INDEX entries_by_proposal ON entries(proposal, year);
        CREATE INDEX entries_by_period ON entries(period);
        CREATE INDEX entries_by_kind ON entries(kind, proposal, effective, period);  -- covering for "latest delivery"

        -- Postings are written before their entry (the foreign key is deferred), so the entry's
        -- INSERT trigger can check that they balance.
        CREATE TABLE postings (
            entry   INTEGER NOT NULL REFERENCES entries(id) DEFERRABLE INITIALLY DEFERRED,
            account INTEGER NOT NULL REFERENCES accounts(id),
            amount  INTEGER NOT NULL CHECK (amount <> 0),
            PRIMARY KEY (entry, account)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX postings_by_account ON postings(account, amount);  -- covering: balances never touch the table

        -- Projections, not movements: the latest row per proposal, year and period counts.
        CREATE TABLE forecasts (
            id          INTEGER PRIMARY KEY,
            proposal    TEXT NOT NULL REFERENCES proposals(ref),
            year        INTEGER NOT NULL,
            period      INTEGER NOT NULL,
            forecast    INTEGER NOT NULL,
            rag         TEXT NOT NULL CHECK (rag IN ('B', 'G', 'A', 'R')),
            comment     TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            actor       TEXT NOT NULL,
            source      TEXT NOT NULL
        ) STRICT;
        CREATE INDEX forecasts_by_proposal ON forecasts(proposal, year, period);

        -- Append-only: the record is never edited or deleted; a mistake is undone by a reversing entry.
        CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries
            BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: record a reversing entry instead'); END;
        CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries
            BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only: record a reversing entry instead'); END;
        CREATE TRIGGER postings_no_update BEFORE UPDATE ON postings
            BEGIN SELECT RAISE(ABORT, 'ledger postings are append-only: record a reversing entry instead'); END;
        CREATE TRIGGER postings_no_delete BEFORE DELETE ON postings
            BEGIN SELECT RAISE(ABORT, 'ledger postings are append-only: record a reversing entry instead'); END;
        CREATE TRIGGER accounts_no_update BEFORE UPDATE ON accounts
            BEGIN SELECT RAISE(ABORT, 'accounts are append-only'); END;
        CREATE TRIGGER accounts_no_delete BEFORE DELETE ON accounts
            BEGIN SELECT RAISE(ABORT, 'accounts are append-only'); END;
        CREATE TRIGGER forecasts_no_update BEFORE UPDATE ON forecasts
            BEGIN SELECT RAISE(ABORT, 'forecasts are append-only: record a new forecast instead'); END;
        CREATE TRIGGER forecasts_no_delete BEFORE DELETE ON forecasts
            BEGIN SELECT RAISE(ABORT, 'forecasts are append-only: record a new forecast instead'); END;
        CREATE TRIGGER assignments_no_update BEFORE UPDATE ON assignments
            BEGIN SELECT RAISE(ABORT, 'the operating model history is append-only: record a restructure instead'); END;
        CREATE TRIGGER assignments_no_delete BEFORE DELETE ON assignments
            BEGIN SELECT RAISE(ABORT, 'the operating model history is append-only: record a restructure instead'); END;
        CREATE TRIGGER proposals_no_update BEFORE UPDATE ON proposals
            BEGIN SELECT RAISE(ABORT, 'proposals are append-only'); END;
        CREATE TRIGGER proposals_no_delete BEFORE DELETE ON proposals
            BEGIN SELECT RAISE(ABORT, 'proposals are append-only'); END;
        CREATE TRIGGER proposal_cost_centres_no_update BEFORE UPDATE ON proposal_cost_centres
            BEGIN SELECT RAISE(ABORT, 'proposals are append-only'); END;
        CREATE TRIGGER proposal_cost_centres_no_delete BEFORE DELETE ON proposal_cost_centres
            BEGIN SELECT RAISE(ABORT, 'proposals are append-only'); END;
        CREATE TRIGGER baselines_no_update BEFORE UPDATE ON baselines
            BEGIN SELECT RAISE(ABORT, 'baselines are append-only'); END;
        CREATE TRIGGER baselines_no_delete BEFORE DELETE ON baselines
            BEGIN SELECT RAISE(ABORT, 'baselines are append-only'); END;
        CREATE TRIGGER cost_centres_no_update BEFORE UPDATE ON cost_centres
            BEGIN SELECT RAISE(ABORT, 'cost centres are append-only'); END;
        CREATE TRIGGER cost_centres_no_delete BEFORE DELETE ON cost_centres
            BEGIN SELECT RAISE(ABORT, 'cost centres are append-only'); END;

        -- An entry lands only with postings that sum to zero, as the next link of the chain.
        CREATE TRIGGER entries_balanced BEFORE INSERT ON entries
            WHEN (SELECT count(*) FROM postings WHERE entry = NEW.id) = 0
              OR (SELECT sum(amount) FROM postings WHERE entry = NEW.id) <> 0
            BEGIN SELECT RAISE(ABORT, 'an entry must have postings that sum to zero'); END;
        CREATE TRIGGER entries_chained BEFORE INSERT ON entries
            WHEN NEW.id <> coalesce((SELECT max(id) FROM entries), 0) + 1
              OR NEW.prev_hash <> coalesce((SELECT hash FROM entries ORDER BY id DESC LIMIT 1),
                                           '0000000000000000000000000000000000000000000000000000000000000000')
            BEGIN SELECT RAISE(ABORT, 'an entry must follow the last entry of the hash chain'); END;
        CREATE TRIGGER postings_closed BEFORE INSERT ON postings
            WHEN EXISTS (SELECT 1 FROM entries WHERE id = NEW.entry)
            BEGIN SELECT RAISE(ABORT, 'postings cannot be added to an entry already recorded'); END;
        """

    /// Version 2: every line of every monthly return as it was imported (so "no return this period"
    /// and "movement since last period" can be answered), and reconciliation settings.
    static let migration2 = """
        CREATE TABLE return_lines (
            id                INTEGER PRIMARY KEY,
            proposal          TEXT NOT NULL REFERENCES proposals(ref),
            year              INTEGER NOT NULL,
            period            INTEGER NOT NULL,
            delivered_to_date INTEGER NOT NULL,
            forecast          INTEGER,
            rag               TEXT CHECK (rag IN ('B', 'G', 'A', 'R')),
            comment           TEXT NOT NULL,
            recorded_at       TEXT NOT NULL,
            actor             TEXT NOT NULL,
            source            TEXT NOT NULL
        ) STRICT;
        CREATE INDEX return_lines_by_period ON return_lines(period, proposal, year);
        CREATE INDEX return_lines_by_proposal ON return_lines(proposal, year, period);
        CREATE TRIGGER return_lines_no_update BEFORE UPDATE ON return_lines
            BEGIN SELECT RAISE(ABORT, 'returns are append-only: import a corrected return instead'); END;
        CREATE TRIGGER return_lines_no_delete BEFORE DELETE ON return_lines
            BEGIN SELECT RAISE(ABORT, 'returns are append-only: import a corrected return instead'); END;

        CREATE TABLE settings (
            key         TEXT PRIMARY KEY,
            value       TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            actor       TEXT NOT NULL
        ) STRICT;
        """

    /// Version 3: who signed which budget holder's statement, and when.
    static let migration3 = """
        CREATE TABLE sign_offs (
            id          INTEGER PRIMARY KEY,
            holder      TEXT NOT NULL,
            period      INTEGER NOT NULL,
            signed_by   TEXT NOT NULL,
            signed_at   TEXT NOT NULL,
            comment     TEXT NOT NULL,
            source      TEXT NOT NULL
        ) STRICT;
        CREATE INDEX sign_offs_by_holder ON sign_offs(holder, period);
        CREATE TRIGGER sign_offs_no_update BEFORE UPDATE ON sign_offs
            BEGIN SELECT RAISE(ABORT, 'sign-offs are append-only'); END;
        CREATE TRIGGER sign_offs_no_delete BEFORE DELETE ON sign_offs
            BEGIN SELECT RAISE(ABORT, 'sign-offs are append-only'); END;
        """

    /// Each posting's contribution to its line, in the columns of
    /// `position_lines`. `m` is the movement (a reversal counts as the one it undoes); a slip's leg
    /// follows from the sign: the year slipped to gains on the slip and loses on its reversal.
    private static func positionColumns(reversal: String) -> [String] {
        [
            "CASE WHEN a.kind = 'planned' THEN p.amount ELSE 0 END",
            "CASE WHEN a.kind = 'delivered' THEN p.amount ELSE 0 END",
            "CASE WHEN a.kind = 'unachievable' THEN p.amount ELSE 0 END",
            "CASE WHEN a.kind = 'planned' AND m = 'approve' THEN p.amount ELSE 0 END",
            "CASE WHEN a.kind = 'planned' AND m = 'slip' AND (p.amount > 0) <> (\(reversal)) THEN p.amount ELSE 0 END",
            "CASE WHEN a.kind = 'planned' AND m = 'slip' AND (p.amount > 0) = (\(reversal)) THEN -p.amount ELSE 0 END",
        ]
    }

    /// One posting's values (for the trigger, which adds them row by row).
    private static func positionValues(reversal: String) -> String { positionColumns(reversal: reversal).joined(separator: ",\n") }

    /// The values summed (for filling the table from the postings already recorded).
    private static func positionSums(reversal: String) -> String {
        positionColumns(reversal: reversal).map { "sum(\($0))" }.joined(separator: ",\n")
    }

    /// Adds the postings of every entry after `?1` to `position_lines` in one statement: what
    /// `entries_position_lines` does entry by entry, for a bulk write (``Ledger/bulk(_:)``). One
    /// upsert a posting, like the trigger, rather than a GROUP BY: no sorter holding every posting
    /// of a million-entry load in memory, and about as fast.
    static let positionLinesUpsert = """
        INSERT INTO position_lines(proposal, year, cost_centre, planned, delivered, unachievable, original_target, slipped_in, slipped_out)
        SELECT a.proposal, a.year, a.cost_centre, \(positionValues(reversal: "e.reverses IS NOT NULL"))
        FROM (SELECT e.id, e.reverses, coalesce(o.kind, e.kind) AS m FROM entries e LEFT JOIN entries o ON o.id = e.reverses WHERE e.id > ?1) e
        JOIN postings p ON p.entry = e.id JOIN accounts a ON a.id = p.account
        WHERE a.proposal IS NOT NULL
        \(positionAccumulate(indent: ""))
        """

    /// A line's row gains what is inserted for it again: how postings add up in `position_lines`.
    private static func positionAccumulate(indent: String) -> String {
        let columns = ["planned", "delivered", "unachievable", "original_target", "slipped_in", "slipped_out"]
        return "ON CONFLICT (proposal, year, cost_centre) DO UPDATE SET\n"
            + columns.map { "\(indent)    \($0) = \($0) + excluded.\($0)" }.joined(separator: ",\n")
    }

    /// Version 4: each proposal's position by year and cost centre, kept up to date by a trigger as
    /// entries land, so reports read one row per line instead of summing every posting. It is a
    /// cache of the postings, not a record: `mtfs verify` recomputes it and compares. And an index
    /// of forecasts by period.
    static let migration4 = """
        CREATE TABLE position_lines (
            proposal        TEXT NOT NULL REFERENCES proposals(ref),
            year            INTEGER NOT NULL,
            cost_centre     TEXT NOT NULL REFERENCES cost_centres(code),
            planned         INTEGER NOT NULL,
            delivered       INTEGER NOT NULL,
            unachievable    INTEGER NOT NULL,
            original_target INTEGER NOT NULL,
            slipped_in      INTEGER NOT NULL,
            slipped_out     INTEGER NOT NULL,
            PRIMARY KEY (proposal, year, cost_centre)
        ) STRICT, WITHOUT ROWID;

        INSERT INTO position_lines(proposal, year, cost_centre, planned, delivered, unachievable, original_target, slipped_in, slipped_out)
        SELECT a.proposal, a.year, a.cost_centre, \(positionSums(reversal: "e.reverses IS NOT NULL"))
        FROM (SELECT e.id, e.reverses, coalesce(o.kind, e.kind) AS m FROM entries e LEFT JOIN entries o ON o.id = e.reverses) e
        JOIN postings p ON p.entry = e.id JOIN accounts a ON a.id = p.account
        WHERE a.proposal IS NOT NULL
        GROUP BY a.proposal, a.year, a.cost_centre;

        -- One row per posting, no GROUP BY (no sorter on every insert): postings of one entry that
        -- meet on a line update the row the first of them inserted.
        CREATE TRIGGER entries_position_lines AFTER INSERT ON entries
        BEGIN
            INSERT INTO position_lines(proposal, year, cost_centre, planned, delivered, unachievable, original_target, slipped_in, slipped_out)
            SELECT a.proposal, a.year, a.cost_centre, \(positionValues(reversal: "NEW.reverses IS NOT NULL"))
            FROM (SELECT coalesce((SELECT kind FROM entries WHERE id = NEW.reverses), NEW.kind) AS m)
            JOIN postings p ON p.entry = NEW.id JOIN accounts a ON a.id = p.account
            WHERE a.proposal IS NOT NULL
            \(positionAccumulate(indent: "    "));
        END;
        -- "The latest period with a forecast" without reading every forecast.
        CREATE INDEX forecasts_by_period ON forecasts(period);

        CREATE TRIGGER position_lines_no_delete BEFORE DELETE ON position_lines
            BEGIN SELECT RAISE(ABORT, 'positions follow the ledger entries and are never deleted'); END;
        """

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
