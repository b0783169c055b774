#!/usr/bin/env bash
# SQLite's own cost of writing a ledger's rows into this schema: every row of a loaded ledger is
# copied, table by table, into an empty ledger with the same schema (its indexes, CHECKs and
# foreign keys; the per-row checking triggers set aside, as `mtfs load` does in bulk), in one
# transaction, with INSERT … SELECT — a loop inside SQLite, no application code at all. It is the
# floor under `mtfs load`, to set beside the raw figure `scripts/bench.sh` prints (a three-column
# table with no index). It is measured twice: with every index kept up to date row by row, and with
# the secondary indexes dropped first and built once the rows are in (in the same transaction).
#
#   scripts/sql-floor.sh LEDGER.sqlite        # e.g. a ledger `scripts/bench.sh` loaded
set -euo pipefail

src=${1:?usage: scripts/sql-floor.sh LEDGER.sqlite}
work=$(mktemp -d)
dst="$work/floor.sqlite"
trap 'rm -rf "$work"' EXIT

tables=(cost_centres assignments baselines proposals proposal_cost_centres accounts postings entries
    forecasts return_lines position_lines setting_changes sign_offs records)
rows=0
for t in "${tables[@]}"; do rows=$((rows + $(sqlite3 "$src" "SELECT count(*) FROM $t"))); done

# floor LABEL INDEXES_AFTER(0|1): one timed copy of every row.
floor() {
    rm -f "$dst" "$dst-wal" "$dst-shm"
    sqlite3 "$src" .schema | sqlite3 "$dst"
    local copy="PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536;
ATTACH '$src' AS src; BEGIN IMMEDIATE;
DROP TRIGGER entries_balanced; DROP TRIGGER entries_chained; DROP TRIGGER entries_position_lines; DROP TRIGGER postings_closed;
DROP TRIGGER records_chained;"
    local rebuild="" name t start end
    if [ "$2" = 1 ]; then
        while IFS= read -r name; do copy+=" DROP INDEX $name;"; done < <(sqlite3 "$dst" "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
        rebuild=$(sqlite3 "$dst" "SELECT sql || ';' FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL" | tr '\n' ' ')
    fi
    for t in "${tables[@]}"; do copy+=" INSERT INTO main.$t SELECT * FROM src.$t ORDER BY rowid;"; done
    copy="${copy//FROM src.postings ORDER BY rowid/FROM src.postings ORDER BY entry, account}"
    copy="${copy//FROM src.position_lines ORDER BY rowid/FROM src.position_lines}"
    copy+=" $rebuild COMMIT;"
    start=$(date +%s.%N)
    sqlite3 "$dst" "$copy" >/dev/null
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" -v r="$rows" -v l="$1" 'BEGIN { printf "%d rows copied into the ledger schema, %s, in %.2f s: %d rows/s\n", r, l, e - s, r / (e - s) }'
}

floor "every index kept row by row" 0
floor "secondary indexes built after the rows" 1
