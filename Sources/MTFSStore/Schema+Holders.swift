extension Schema {
    /// Version 13: the holder register (issue #29). A budget holder is a number the ledger issues
    /// when they are first named, with every name they were recorded under: assignments, proposals'
    /// owners, users, sign-offs and reminders keep the name they were written with, and the register
    /// finds the holder from it, so a holder renamed (one `renamed` row) keeps all of it. A name
    /// belongs to one holder, whatever its case or spacing (`name_key`, the name as compared, which
    /// `verify` recomputes). Chained and append-only. The names already in the file are registered by
    /// ``HolderStore/registerExistingNames()`` in the same transaction as this script.
    static let migration13 = """
        CREATE TABLE holder_names (
            id           INTEGER PRIMARY KEY,
            holder       INTEGER NOT NULL CHECK (holder >= 1),
            name         TEXT NOT NULL CHECK (name <> ''),
            name_key     TEXT NOT NULL,
            change       TEXT NOT NULL CHECK (change IN ('named', 'renamed', 'spelled')),
            recorded_at  TEXT NOT NULL,
            actor        TEXT NOT NULL,
            source       TEXT NOT NULL,
            on_behalf_of TEXT
        ) STRICT;
        CREATE INDEX holder_names_by_key ON holder_names(name_key, holder);
        CREATE INDEX holder_names_by_holder ON holder_names(holder, id);
        CREATE INDEX holder_names_by_name ON holder_names(name, holder);
        CREATE TRIGGER holder_names_no_update BEFORE UPDATE ON holder_names
            BEGIN SELECT RAISE(ABORT, 'the holder register is append-only: rename the holder instead'); END;
        CREATE TRIGGER holder_names_no_delete BEFORE DELETE ON holder_names
            BEGIN SELECT RAISE(ABORT, 'the holder register is append-only: rename the holder instead'); END;
        CREATE TRIGGER holder_names_one_holder BEFORE INSERT ON holder_names
            WHEN EXISTS (SELECT 1 FROM holder_names WHERE name_key = NEW.name_key AND holder <> NEW.holder)
            BEGIN SELECT RAISE(ABORT, 'that name belongs to another budget holder'); END;
        CREATE TRIGGER holder_names_issued_in_order BEFORE INSERT ON holder_names
            WHEN (NEW.change = 'named') <> (NOT EXISTS (SELECT 1 FROM holder_names WHERE holder = NEW.holder))
              OR (NEW.change = 'named' AND NEW.holder <> coalesce((SELECT max(holder) FROM holder_names), 0) + 1)
            BEGIN SELECT RAISE(ABORT, 'a holder is named once, with the next number, before any other name'); END;
        """
}
