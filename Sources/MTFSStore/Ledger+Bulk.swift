import MTFSDomain

extension Ledger {
    /// The row-by-row checks that a bulk write replaces with the same checks made once over the
    /// whole batch (``bulk(_:)``). The append-only triggers (no UPDATE, no DELETE) and the foreign
    /// keys stay in force throughout.
    /// The page cache of a bulk write, in KiB when negative (SQLite's convention).
    static let bulkCacheSize = -32_768

    static let batchCheckedTriggers = ["entries_balanced", "entries_chained", "entries_position_lines", "postings_closed", "records_chained"]

    /// Runs a large batch of writes — a pack load, a month's return — in one transaction, all or
    /// nothing, with the ledger's rules checked over the batch instead of entry by entry:
    ///
    /// - the per-row triggers that check balance, chain and closed entries, and the one that keeps
    ///   `position_lines`, are dropped for the length of the transaction (DDL is transactional:
    ///   if anything fails, or the process dies, they are back as they were);
    /// - nested writes do not each take a savepoint: a refusal anywhere rolls back the whole batch;
    /// - before commit, `position_lines` is brought up to date from the batch's postings in one
    ///   statement, every new entry is checked to be non-empty, balanced and the next link of the
    ///   chain, the postings of earlier entries are checked to be as many as before, and the
    ///   triggers are recreated from their own stored text.
    ///
    /// Readers never see the ledger without its triggers (WAL readers see the last commit) and no
    /// other writer can run meanwhile (the transaction holds the write lock from its start).
    public func bulk<T>(_ body: () throws -> T) throws -> T {
        guard !db.inTransaction else {
            throw LedgerError.integrity("a bulk write must be the outermost transaction")
        }
        return try transaction {
            let names = Ledger.batchCheckedTriggers
            let placeholders = names.map { _ in "?" }.joined(separator: ", ")
            let saved = try db.query(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (\(placeholders)) ORDER BY name",
                parameters: names as [SQLBindable]
            ) { (name: $0.text(0), sql: $0.text(1)) }
            guard saved.count == names.count else {
                let missing = Set(names).subtracting(saved.map(\.name)).sorted().joined(separator: ", ")
                throw LedgerError.integrity("the ledger is missing its trigger(s) \(missing); run `mtfs verify`")
            }
            let tip = try db.scalar("SELECT coalesce(max(id), 0) FROM entries")
            let recordsTip = try db.scalar("SELECT coalesce(max(seq), 0) FROM records")
            let closedPostings = try postingsCount(upTo: tip)
            for (name, _) in saved { try db.execute("DROP TRIGGER \(name)") }
            // A smaller page cache while writing in bulk (restored after): a large load's pages go
            // to the write-ahead log as the cache fills either way, and the memory is better left
            // to the load itself (https://www.sqlite.org/pragma.html#pragma_cache_size).
            let cacheSize = try db.scalar("PRAGMA cache_size")
            try db.execute("PRAGMA cache_size = \(Ledger.bulkCacheSize)")
            defer { try? db.execute("PRAGMA cache_size = \(cacheSize)") }
            bulkDepth += 1
            // Into a ledger with no entries yet (a new ledger's load, or the first pack or return
            // after `init`) nearly every row is new and so is its proposal, so the batch reads
            // almost nothing back: its inserts run on a second thread (``Database/startPipeline()``),
            // which takes about a fifth off a large load. A batch on a ledger with entries reads
            // balances and earlier lines at every return line, and waiting for the queue at each
            // read would cost more than it saves (an import of a month was slower with it).
            if tip == 0 && pipelinesBulkWrites { db.startPipeline() }
            let result: T
            do {
                result = try body()
                try db.finishPipeline()
                bulkDepth -= 1
            } catch {
                db.abandonPipeline()
                bulkDepth -= 1
                throw error
            }
            try checkBatch(after: tip)
            try checkRecords(after: recordsTip)
            guard try postingsCount(upTo: tip) == closedPostings else {
                throw LedgerError.integrity("postings were added to entries recorded before this batch; nothing was written")
            }
            try db.run(Schema.positionLinesUpsert, tip)
            for (_, sql) in saved { try db.execute(sql) }
            return result
        }
    }

    /// How many postings belong to entries up to `tip` (none on a new ledger; otherwise one pass
    /// over the postings' primary key): what `postings_closed` keeps from changing.
    private func postingsCount(upTo tip: Int64) throws -> Int64 {
        tip == 0 ? 0 : try db.scalar("SELECT count(*) FROM postings WHERE entry <= ?", tip)
    }

    /// The check `records_chained` makes on each insert, made once over the batch's records: they
    /// are numbered on from the last record before it, with no gap (the number is the primary key,
    /// so no two are alike).
    private func checkRecords(after tip: Int64) throws {
        let (count, first, last) =
            try db.first("SELECT count(*), coalesce(min(seq), ?1 + 1), coalesce(max(seq), ?1) FROM records WHERE seq > ?1", tip) {
                ($0.int(0), $0.int(1), $0.int(2))
            } ?? (0, tip + 1, tip)
        guard first == tip + 1, count == last - tip else {
            throw LedgerError.integrity("the batch's records do not follow one another in the record chain; nothing was written")
        }
    }

    /// The checks `entries_balanced` and `entries_chained` make on each insert, made once over every
    /// entry after `tip`.
    private func checkBatch(after tip: Int64) throws {
        let genesis = EntryContent.genesisHash
        let (count, last, broken) =
            try db.first(
                """
                SELECT count(*), coalesce(max(id), ?1),
                       coalesce(sum(prev_hash <> coalesce((SELECT hash FROM entries p WHERE p.id = e.id - 1), ?2)), 0)
                FROM entries e WHERE id > ?1
                """, tip, genesis
            ) { ($0.int(0), $0.int(1), $0.int(2)) } ?? (0, tip, 0)
        guard count == last - tip, broken == 0 else {
            throw LedgerError.integrity("the batch's entries do not follow one another in the hash chain; nothing was written")
        }
        let unbalanced = try db.scalar(
            """
            SELECT count(*) FROM entries e WHERE e.id > ?1
              AND (SELECT count(*) = 0 OR sum(amount) <> 0 FROM postings WHERE entry = e.id)
            """, tip)
        guard unbalanced == 0 else {
            throw LedgerError.integrity(
                "\(unbalanced) of the batch's entries have no postings or postings that do not sum to zero; nothing was written")
        }
    }
}
