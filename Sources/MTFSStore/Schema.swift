/// The ledger schema as numbered, append-only migrations recorded in `PRAGMA user_version`
/// (https://www.sqlite.org/pragma.html#pragma_user_version). Never edit a step that has shipped:
/// add the next one.
enum Schema {
    static let migrations: [String] = [migration1, migration2, migration3, migration4, migration5, migration6, migration7, migration8, migration9, migration10, migration11, migration12, migration13]

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
}
