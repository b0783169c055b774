#!/usr/bin/env bash
# Benchmarks: mtfs against hledger and ledger-cli on the same books, at about 10k, 100k and 1M
# ledger entries. Release build; wall time and peak memory (GNU time) of every command.
#
#   scripts/bench.sh                 # 10k, 100k and 975k (about 25 minutes on 2 cores)
#   scripts/bench.sh 10k 100k        # some of them
#   scripts/bench.sh 1m              # the wide programme: 100,000 proposals, 7 monthly returns
#   scripts/bench.sh 975k-tpl        # 975k with templated titles (DC04 must find nothing)
#   BENCH_DIR=/big/disk scripts/bench.sh
#
# 10k, 100k and 975k are one programme at three sizes: the performance issue's (25,000 proposals,
# 5,000 cost centres, 36 monthly returns, the last held back and imported) at a hundredth, a tenth
# and in full, so the growth from one to the next is the growth of the same books. 1m is wide where
# they are deep: four times the proposals, sixteen times the cost centres, a fifth of the returns.
#
# Writes the table to standard output and to Reports/benchmarks/<date>.md. Read-only commands
# (balance, reconcile, verify, hledger, ledger) are run up to three times and the fastest run is
# kept (once when a run takes over 10 s); load, import-return and statements once.
set -euo pipefail

cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10k 100k 975k)
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work" Reports/benchmarks

need() { command -v "$1" >/dev/null 2>&1; }
if ! need hledger || ! need ledger || ! [ -x /usr/bin/time ] || ! need sqlite3 || ! need python3; then
    echo "Installing hledger, ledger, time, sqlite3 and python3 from Debian's packages…" >&2
    apt-get update -qq && apt-get install -y -qq hledger ledger time sqlite3 python3 >/dev/null
fi
swift build -c release --product mtfs >&2
mtfs="$PWD/.build/release/mtfs"

# Generator settings for each size (about 8 cost centres per budget holder). 10k, 100k and 975k:
# the performance issue's programme at 1/100, 1/10 and in full, about 38 entries per proposal over
# 36 monthly returns. 1m: 100,000 proposals over 80,000 cost centres with 7 returns.
declare -A proposals=([10k]=250 [100k]=2500 [975k]=25000 [1m]=100000 [975k-tpl]=25000)
declare -A centres=([10k]=50 [100k]=500 [975k]=5000 [1m]=80000 [975k-tpl]=5000)
declare -A periods=([10k]=36 [100k]=36 [975k]=36 [1m]=7 [975k-tpl]=36)
# 975k-tpl: the 975k programme with titles that follow a template ("Saving proposal 19916 delta"),
# where DC04 must find nothing and cost no more than elsewhere (issue #27).
declare -A extra=([975k-tpl]=--template-titles)

# hledger and ledger-cli slow down sharply with the number of accounts (one per proposal, year,
# cost centre and state here); each of their runs is cut off after this many seconds.
tool_limit=${BENCH_TOOL_LIMIT:-600}

# measure NAME RUNS COMMAND... : best wall time (s) and its peak memory (MiB) over RUNS runs.
# A run of hledger or ledger cut off at the limit is recorded as ">limit".
declare -A wall mem
measure() {
    local key=$1 runs=$2 best="" bestmem="" i out status
    shift 2
    for ((i = 0; i < runs; i++)); do
        out=$(mktemp)
        status=0
        case $1 in
        hledger | ledger) timeout "$tool_limit" /usr/bin/time -f "%e %M" -o "$out" "$@" >/dev/null 2>"$work/last.err" || status=$? ;;
        *) /usr/bin/time -f "%e %M" -o "$out" "$@" >/dev/null 2>"$work/last.err" || status=$? ;;
        esac
        if [ "$status" = 124 ]; then
            wall[$key]=">$tool_limit"
            mem[$key]="-"
            rm -f "$out"
            return
        fi
        if [ "$status" != 0 ]; then
            echo "FAILED: $* (see $work/last.err)" >&2
            cat "$work/last.err" >&2
            exit 1
        fi
        read -r seconds kib <"$out"
        rm -f "$out"
        if [ -z "$best" ] || awk "BEGIN{exit !($seconds < $best)}"; then
            best=$seconds
            bestmem=$((kib / 1024))
        fi
        awk "BEGIN{exit !($seconds > 10)}" && break  # a long run is measured once
    done
    wall[$key]=$best
    mem[$key]=$bestmem
}

# Raw SQLite insert throughput on this machine: one transaction, one prepared statement reused
# (Python's executemany is a C loop over sqlite3_step), rows shaped like the ledger's postings.
raw_rows_per_second() {
    python3 - "$work/raw.sqlite" <<'EOF'
import sqlite3, sys, time, os
path = sys.argv[1]
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(path + suffix): os.remove(path + suffix)
db = sqlite3.connect(path, isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
db.execute("CREATE TABLE t(entry INTEGER NOT NULL, account INTEGER NOT NULL, amount INTEGER NOT NULL, PRIMARY KEY(entry, account)) WITHOUT ROWID")
n = 1_000_000
rows = ((i // 3, i % 3, 100 + i) for i in range(n))
start = time.perf_counter()
db.execute("BEGIN")
db.executemany("INSERT INTO t VALUES (?, ?, ?)", rows)
db.execute("COMMIT")
print(int(n / (time.perf_counter() - start)))
EOF
}

rows_written() {
    sqlite3 "$1" "SELECT (SELECT count(*) FROM entries) + (SELECT count(*) FROM postings) + (SELECT count(*) FROM accounts)
        + (SELECT count(*) FROM forecasts) + (SELECT count(*) FROM return_lines) + (SELECT count(*) FROM position_lines)
        + (SELECT count(*) FROM proposals) + (SELECT count(*) FROM proposal_cost_centres) + (SELECT count(*) FROM cost_centres)
        + (SELECT count(*) FROM assignments) + (SELECT count(*) FROM baselines)"
}

raw=$(raw_rows_per_second)
report="Reports/benchmarks/$(date +%Y-%m-%d-%H%M).md"
{
    echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)."
    echo "mtfs $(git rev-parse --short HEAD 2>/dev/null || echo '?') (release), SQLite $(sqlite3 --version | cut -d' ' -f1), $(hledger --version | cut -d, -f1), $(ledger --version | head -1)."
    echo "Raw SQLite insert throughput here: $raw rows/s (one transaction, one prepared statement)."
    echo
    echo "| size | entries | command | wall (s) | peak (MiB) | vs ledger bal | notes |"
    echo "|---|---:|---|---:|---:|---:|---|"
} | tee "$report"

declare -A size_entries
for size in "${sizes[@]}"; do
    [ -n "${proposals[$size]:-}" ] || { echo "unknown size $size (use 10k, 100k, 975k, 975k-tpl or 1m)" >&2; exit 2; }
    pack="$work/pack-$size"
    rm -rf "$pack" "$work/$size".sqlite* "$work/$size-import".sqlite*
    "$mtfs" generate --proposals "${proposals[$size]}" --cost-centres "${centres[$size]}" --years 3 --periods "${periods[$size]}" --seed 7 ${extra[$size]:-} --out "$pack" >&2
    # The last month is held back and imported on its own.
    last=$(ls "$pack/returns" | sort | tail -1)
    mkdir -p "$work/held-$size"
    mv "$pack/returns/$last" "$work/held-$size/$last"
    ledger_file="$work/$size.sqlite"
    measure "$size load" 1 "$mtfs" load "$pack" --ledger "$ledger_file"
    rows=$(rows_written "$ledger_file")
    load_rate=$(awk "BEGIN{printf \"%d\", $rows / ${wall[$size load]}}")
    cp "$ledger_file" "$work/$size-import.sqlite"
    cp "$ledger_file.heads" "$work/$size-import.sqlite.heads"  # the head log travels with its ledger (#25)
    measure "$size import" 1 "$mtfs" import-return "$work/held-$size/$last" --ledger "$work/$size-import.sqlite"
    ledger_file="$work/$size-import.sqlite"  # the whole pack from here on
    entries=$(sqlite3 "$ledger_file" "SELECT count(*) FROM entries")
    size_entries[$size]=$entries
    period=${last%.csv}
    "$mtfs" export --ledger "$ledger_file" --format hledger --out "$work/$size.journal" >&2
    measure "$size ledger" 3 ledger -f "$work/$size.journal" bal
    measure "$size hledger" 3 hledger -f "$work/$size.journal" bal
    measure "$size balance" 3 "$mtfs" balance --ledger "$ledger_file" --format csv
    measure "$size reconcile" 3 "$mtfs" reconcile --ledger "$ledger_file" --format csv
    rm -rf "$work/statements-$size"
    measure "$size statements" 1 "$mtfs" statements --ledger "$ledger_file" --period "$period" --out "$work/statements-$size"
    holders=$(find "$work/statements-$size" -name '*.html' ! -name index.html | wc -l)
    measure "$size verify" 3 "$mtfs" verify --ledger "$ledger_file"
    reference=${wall[$size ledger]#>}  # a lower bound when ledger was cut off
    for command in load import balance reconcile statements verify hledger ledger; do
        key="$size $command"
        ratio=$(awk "BEGIN{ v = \"${wall[$key]}\"; sub(/^>/, \"\", v); if ($reference > 0) printf \"%s%.2f\", (\"${wall[$key]}\" ~ /^>/ ? \">\" : (\"${wall[$size ledger]}\" ~ /^>/ ? \"<\" : \"\")), v / $reference; else print \"-\" }")
        note=""
        case $command in
        load) note="$rows rows, $load_rate rows/s = $(awk "BEGIN{printf \"%.0f\", 100 * $load_rate / $raw}")% of raw" ;;
        import) note="one month ($last) into the loaded ledger" ;;
        statements) note="$holders holders, HTML" ;;
        hledger | ledger) note="bal on mtfs export --format hledger" ;;
        esac
        label=$command
        case $command in
        import) label="import-return" ;;
        hledger) label="hledger bal" ;;
        ledger) label="ledger bal" ;;
        esac
        echo "| $size | $entries | $label | ${wall[$key]} | ${mem[$key]} | $ratio | $note |" | tee -a "$report"
    done
done

# Growth: how each command's time grows from one size to the next (10 × the entries is linear at 10).
if [ ${#sizes[@]} -gt 1 ]; then
    {
        echo
        echo "| command | growth $(for ((i = 1; i < ${#sizes[@]}; i++)); do printf '%s→%s | ' "${sizes[i - 1]}" "${sizes[i]}"; done)"
        echo "|---|$(for ((i = 1; i < ${#sizes[@]}; i++)); do printf -- '---:|'; done)"
        for command in load import balance reconcile statements verify hledger ledger; do
            printf '| %s | ' "$command"
            for ((i = 1; i < ${#sizes[@]}; i++)); do
                a=${wall[${sizes[i - 1]} $command]}
                b=${wall[${sizes[i]} $command]}
                ea=${size_entries[${sizes[i - 1]}]}
                eb=${size_entries[${sizes[i]}]}
                # A cut-off run gives a bound: more than (it grew at least) or less than.
                bound=""
                [[ $b == ">"* ]] && bound=">"
                [[ $a == ">"* ]] && bound="<"
                [[ $a == ">"* && $b == ">"* ]] && bound="?"
                awk "BEGIN{ a = ${a#>}; b = ${b#>}; if (a > 0) printf \"%s%.1f× (entries %.1f×) | \", \"$bound\", b / a, $eb / $ea; else printf \"- | \" }"
            done
            echo
        done
    } | tee -a "$report"
fi
echo >&2
echo "Written to $report; work files in $work" >&2
