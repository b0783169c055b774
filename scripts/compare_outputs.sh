#!/usr/bin/env bash
# Every output of two builds of mtfs on the sample borough, compared byte for byte: each command's
# standard output, standard error and exit code, every portal page for each demo user, and the API's
# JSON (issue #29: a refactor changes no output unless it says so). Ledger heads, CSRF tokens and
# session cookies differ from run to run by design (salted password hashes are chained), so they are
# replaced by placeholders before comparing.
#
#   scripts/compare_outputs.sh OLD_MTFS NEW_MTFS [OUT_DIR]     # prints the differences; exit 1 if any
set -u
old=$(realpath "$1") new=$(realpath "$2") out=${3:-$(mktemp -d)}
pack=$(cd "$(dirname "$0")/.." && pwd)/Ledgers/sample-borough
export MTFS_NOW=2023-11-20T10:00:00Z NO_COLOR=1

# name | arguments (each run with --ledger ./l.sqlite)
commands='balance|balance --format csv
balance-dir|balance --by directorate
summary|summary
summary-json|summary --format json
summary-md|summary --format markdown
summary-html|summary --format html
summary-portfolio|summary --by portfolio
reconcile|reconcile
reconcile-csv|reconcile --format csv
reconcile-json|reconcile --format json
statement-helen|statement --holder "Helen Brandt" --period 2023-10
statement-helen-json|statement --holder "Helen Brandt" --period 2023-10 --format json
statement-helen-html|statement --holder "Helen Brandt" --period 2023-10 --format html
statement-leo-md|statement --holder "Leo Marsh" --period 2023-10 --format markdown
journal|journal --format csv
proposals|proposal list
proposal-show|proposal show PEO-06
org|org show
export-json|export --format json
export-hledger|export --format hledger
verify|verify
members-md|report members --period 2023-10 --format markdown --out members.md
bad-period|statement --holder "Helen Brandt" --period 2023-13
bad-holder|statement --holder "Nobody" --period 2023-10
bad-members|report members --period 2031-01 --out x.html
bad-since|report members --period 2023-10 --since 2023-10 --out x.html
bad-portfolio|report members --period 2023-10 --portfolio Nope --out x.html
w-deliver|deliver PEO-07 25,000 --period 2023-11 --reason "Two placements stepped down"
w-deliver-case|deliver peo-07 "(5,000)" --period 2023-11 --reason "Step-down reversed"
w-deliver-early|deliver PEO-07 1,000 --year 2024/25 --date 2023-11-01 --reason early
w-deliver-unknown|deliver NOPE-1 1,000 --period 2023-11 --reason x
w-deliver-outside|deliver PEO-07 1,000 --year 2031/32 --period 2023-11 --reason x
w-reduce-toomuch|deliver PEO-07 999,999,999 --reduce --period 2023-11 --reason x
w-slip|slip PLA-03 50,000 --from 2023/24 --to 2024/25 --period 2023-11 --reason "Contract start delayed"
w-slip-back|slip PLA-03 50,000 --from 2024/25 --to 2023/24 --period 2023-11 --reason back
w-slip-huge|slip PLA-03 999,999,999 --from 2023/24 --to 2024/25 --period 2023-11 --reason x
w-unachievable|unachievable PEO-11 10,000 --year 2023/24 --period 2023-11 --reason "Consultation outcome"
w-journal-tail|journal --proposal PEO-07 --format csv
w-reverse|reverse 314 --period 2023-11 --reason "Keyed wrongly"
w-reverse-again|reverse 314 --period 2023-11 --reason again
w-reverse-none|reverse 99999 --period 2023-11 --reason none
w-forecast|forecast PEO-07 300,000 --rag amber --period 2023-11 --comment "Slower step-downs"
w-forecast-neg|forecast PEO-07 "(1)" --rag amber --period 2023-11
w-proposal|proposal add NEW-01 --title "Shared fleet maintenance" --directorate Place --owner "Fatima Rahman" --cost-centre PLA-HWY-0901 --target 2024/25=40,000 --target 2025/26=-10,000
w-proposal-fallout|proposal add NEW-02 --title "Fall-out first" --directorate Place --owner "Fatima Rahman" --cost-centre PLA-HWY-0901 --target 2024/25=-10,000
w-proposal-outside|proposal add NEW-03 --title "Out of window" --directorate Place --owner "Fatima Rahman" --cost-centre PLA-HWY-0901 --target 2030/31=10,000
w-proposal-dup|proposal add new-01 --title "Again" --directorate Place --owner "Fatima Rahman" --cost-centre PLA-HWY-0901 --target 2024/25=1
w-deliver-fallout|deliver NEW-01 100 --year 2025/26 --period 2025-06 --reason x
w-import|import-return '"$pack"'/returns/2023-10.csv
w-signoff|sign-off --holder "Helen Brandt" --period 2023-10 --comment "Agreed"
w-signoff-again|sign-off --holder "Helen Brandt" --period 2023-10
w-settings|settings returns-due-day 12
w-settings-bad|settings returns-due-day 40
w-user|user list
w-user-bad|user email helen "a b@example.org"
w-restructure|restructure PLA-HWY-0902 --effective 2023-12-01 --holder "Leo Marsh" --reason "Team merged"
w-restructure-early|restructure PLA-HWY-0902 --effective 1999-12-01 --holder "Leo Marsh" --reason early
w-verify|verify
w-balance|balance --format csv'

pages='/ /api/v1/openapi.json /statement /statement?period=2023-10&holder=Helen%20Brandt /statement?period=2023-10&holder=Sanjay%20Patel /return /history /board /upload /summary /findings /trend /members /downloads /api/v1/positions /api/v1/findings /api/v1/statements/2023-10?holder=Helen%20Brandt'

normalise() {
    sed -E -e 's/[0-9]+:[0-9a-f]{16,64}/HEAD/g' -e 's/(name="csrf" value=")[^"]*/\1CSRF/g' -e 's/mtfs_session=[^;"]*/mtfs_session=COOKIE/g' "$@"
}

run() {
    local bin=$1 dir=$2 port=$3
    rm -rf "$dir" && mkdir -p "$dir" && cd "$dir" || exit 2
    "$bin" demo --pack "$pack" --ledger ./l.sqlite --out reports >demo.out 2>&1
    echo "exit $?" >>demo.out
    while IFS='|' read -r name args; do
        eval "\"$bin\" $args --ledger ./l.sqlite" >"$name.out" 2>"$name.err" </dev/null
        echo "exit $?" >>"$name.out"
    done <<<"$commands"
    # An administrator, for the Users page.
    echo "admin-password-1234" | "$bin" user add admin --name "Ada Admin" --role admin --email ada@example.org --password-stdin --ledger ./l.sqlite >admin.out 2>&1
    "$bin" serve --ledger ./l.sqlite --port "$port" >/dev/null 2>&1 &
    local server=$!
    sleep 2
    for login in helen finance.people cfo cllr.osei; do
        curl -s -c "$login.jar" -o /dev/null -d "login=$login&password=demo-password" "http://127.0.0.1:$port/login"
        for page in $pages; do
            file="page-$login$(echo "$page" | tr '/?&=%' '_____').html"
            curl -s -b "$login.jar" -o "$file" -w '\nstatus %{http_code}\n' "http://127.0.0.1:$port$page" >>"$file.status"
        done
    done
    curl -s -c admin.jar -o /dev/null -d "login=admin&password=admin-password-1234" "http://127.0.0.1:$port/login"
    for page in /users "/users?saved=helen" /upload /summary?year=2024/25 "/findings?severity=high&code=DC04&code=SL01&directorate=People" /members?portfolio=Children%27s%20Services; do
        file="page-admin$(echo "$page" | tr '/?&=%' '_____').html"
        curl -s -b admin.jar -o "$file" -w '\nstatus %{http_code}\n' "http://127.0.0.1:$port$page" >>"$file.status"
    done
    # Forms: a bad address on the Users page, a return with a refused field, a return's preview, a
    # sign-in refused (each page's CSRF token read from the page before).
    csrf=$(grep -o 'name="csrf" value="[^"]*"' page-admin_users.html | head -1 | sed 's/.*value="//; s/"$//')
    curl -s -b admin.jar -o post-users-bad.html -w '\nstatus %{http_code}\n' --data-urlencode "csrf=$csrf" -d "login=helen" --data-urlencode "email=<b>x@y" "http://127.0.0.1:$port/users/email" >>post-users-bad.html.status
    csrf=$(grep -o 'name="csrf" value="[^"]*"' page-helen_return.html | head -1 | sed 's/.*value="//; s/"$//')
    form="csrf=$csrf&period=2023-11&rows=1&ref_0=PEO-07&year_0=2023/24&forecast_0=&rag_0=&comment_0=%3Cscript%3E&green_0=&amber_0=&red_0=&impact_0=&impact_foreseen_0="
    curl -s -b helen.jar -o post-return-bad.html -w '\nstatus %{http_code}\n' -d "$form&delivered_to_date_0=lots&action=preview" "http://127.0.0.1:$port/return" >>post-return-bad.html.status
    curl -s -b helen.jar -o post-return-preview.html -w '\nstatus %{http_code}\n' -d "$form&delivered_to_date_0=1&action=preview" "http://127.0.0.1:$port/return" >>post-return-preview.html.status
    curl -s -o post-login-bad.html -w '\nstatus %{http_code}\n' -d "login=%3Cb%3Ehelen&password=wrong" "http://127.0.0.1:$port/login" >>post-login-bad.html.status
    kill "$server"
    wait "$server" 2>/dev/null
    rm -f ./*.jar l.sqlite* x.html
    for f in *; do [ -f "$f" ] && normalise -i "$f"; done
    find reports -type f -name '*.txt' -o -type f -name '*.csv' -o -type f -name '*.html' -o -type f -name '*.md' | while read -r f; do normalise -i "$f"; done
    find reports -type f -name '*.xlsx' -delete
}

(run "$old" "$out/old" 18771)
(run "$new" "$out/new" 18772)
if diff -r "$out/old" "$out/new" >"$out/diff.txt"; then
    echo "no output differs ($out)"
else
    echo "outputs differ: $out/diff.txt ($(grep -c '^diff -r' "$out/diff.txt") files)"
    # A reply that is the same JSON value laid out differently is said apart from one that is not.
    grep '^diff -r' "$out/diff.txt" | awk '{print $3, $4}' | python3 -c '
import json, sys
for line in sys.stdin:
    a, b = line.split()
    try:
        same = json.load(open(a)) == json.load(open(b))
    except Exception:
        same = None
    print(("  same JSON value, laid out differently: " if same else "  differs: ") + b)
'
    exit 1
fi
