#!/usr/bin/env bash
# SQLite's own cost of writing a ledger's rows into this schema: every row of a loaded ledger is
# copied, table by table, into an empty ledger with the same schema (its indexes, CHECKs and
# foreign keys; the four per-row checking triggers set aside, as `mtfs load` does in bulk), in one
# transaction, with INSERT … SELECT — a loop inside SQLite, no application code at all. It is the
# floor under `mtfs load`, to set beside the raw figure `scripts/bench.sh` prints (a three-column
# table with no index).
#
#   scripts/sql-floor.sh LEDGER.sqlite        # e.g. a ledger `scripts/bench.sh` loaded
set -euo pipefail

src=${1:?usage: scripts/sql-floor.sh LEDGER.sqlite}
work=$(mktemp -d)
dst="$work/floor.sqlite"
trap 'rm -rf "$work"' EXIT

sqlite3 "$src" .schema | sqlite3 "$dst"
tables=(meta cost_centres assignments baselines proposals proposal_cost_centres accounts postings entries
    forecasts return_lines position_lines settings sign_offs)
rows=0
for t in "${tables[@]}"; do rows=$((rows + $(sqlite3 "$src" "SELECT count(*) FROM $t"))); done

copy="PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536;
ATTACH '$src' AS src; BEGIN IMMEDIATE;
DROP TRIGGER entries_balanced; DROP TRIGGER entries_chained; DROP TRIGGER entries_position_lines; DROP TRIGGER postings_closed;"
for t in "${tables[@]}"; do copy+=" INSERT INTO main.$t SELECT * FROM src.$t ORDER BY rowid;"; done
copy="${copy//FROM src.postings ORDER BY rowid/FROM src.postings ORDER BY entry, account}"
copy="${copy//FROM src.position_lines ORDER BY rowid/FROM src.position_lines}"
copy+=" COMMIT;"

start=$(date +%s.%N)
sqlite3 "$dst" "$copy" >/dev/null
end=$(date +%s.%N)
python3 - "$start" "$end" "$rows" <<'EOF'
import sys
start, end, rows = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
seconds = end - start
print(f"{rows} rows copied into the ledger schema in {seconds:.2f} s: {rows / seconds:,.0f} rows/s")
EOF
