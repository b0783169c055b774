#!/usr/bin/env python3
"""Load benchmark of the portal (not a timed test): readers and writers at once, then verify.

usage: scripts/bench_portal.py MTFS_BINARY LEDGER [--readers 50] [--writers 10] [--seconds 60]

Against LEDGER (a copy is used; build one with `mtfs generate … --out pack && mtfs load pack`):
- READERS sessions of budget holders each sign in and fetch their statement page, over and over;
- WRITERS budget holders each post returns through the API (`POST /api/v1/returns`) with a bearer
  token, each a new delivered-to-date on one of their own proposals, over and over;
for SECONDS. Then: every accepted submission is in the ledger exactly once (its return line, and
its delivery entry), none failed, `mtfs verify` passes. Prints p50/p95/p99 of the statement page
and of the return post, the server's peak memory (VmHWM), and the time of one `mtfs statement`
on the same ledger for comparison.
"""
import argparse
import http.cookiejar
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

p = argparse.ArgumentParser()
p.add_argument("mtfs")
p.add_argument("ledger")
p.add_argument("--readers", type=int, default=50)
p.add_argument("--writers", type=int, default=10)
p.add_argument("--seconds", type=float, default=60)
args = p.parse_args()

work = tempfile.mkdtemp(prefix="mtfs-portal-bench-")
ledger = os.path.join(work, "bench.sqlite")
shutil.copy(args.ledger, ledger)
for suffix in ["-wal", ".heads"]:
    if os.path.exists(args.ledger + suffix):
        shutil.copy(args.ledger + suffix, ledger + suffix)
mtfs = os.path.abspath(args.mtfs)
env = dict(os.environ, NO_COLOR="1")


def run(*a, stdin=None):
    return subprocess.run([mtfs, *a, "--ledger", ledger], input=stdin, capture_output=True, text=True, env=env, check=True).stdout


db = sqlite3.connect(ledger)
period_code = db.execute("SELECT max(period) FROM return_lines").fetchone()[0]
year, number = divmod(period_code, 100)
month = number + 3 if number <= 9 else number - 9
cal_year = year if number <= 9 else year + 1
period = f"{cal_year:04d}-{month:02d}"
holders = [r[0] for r in db.execute(
    "SELECT owner FROM proposals GROUP BY owner HAVING count(*) >= 2 ORDER BY owner LIMIT ?", (args.readers + args.writers,))]
if len(holders) < args.readers + args.writers:
    sys.exit(f"the ledger has only {len(holders)} proposal owners; need {args.readers + args.writers}")
readers, writers = holders[:args.readers], holders[args.readers:]
# Each writer's proposal and its delivered to date (pence) as at the period, to count up from.
targets = {}
for h in writers:
    ref, y = db.execute("SELECT ref, ? FROM proposals WHERE owner = ? ORDER BY ref LIMIT 1", (year, h)).fetchone()
    delivered = db.execute(
        "SELECT coalesce(sum(delivered), 0) FROM position_lines WHERE proposal = ? AND year = ?", (ref, year)).fetchone()[0]
    targets[h] = (ref, delivered)
db.close()

print(f"ledger: {args.ledger} ({len(holders)} users), period {period}", flush=True)
password = "bench-password-long"
logins = {}
for i, h in enumerate(holders):
    login = f"bench{i}"
    run("user", "add", login, "--name", h, "--role", "holder", "--holder", h, "--password-stdin", stdin=password)
    logins[h] = login
tokens = {h: run("token", "create", logins[h]).strip() for h in writers}

t0 = time.time()
run("statement", "--holder", readers[0], "--period", period, "--format", "html")
cli_statement = time.time() - t0

server = subprocess.Popen([mtfs, "serve", "--ledger", ledger, "--port", "0"], stdout=subprocess.PIPE, text=True, env=env)
line = server.stdout.readline()
base = next(w for w in line.split() if w.startswith("http://"))
print(f"server: {base}", flush=True)

stop = time.time() + args.seconds
lock = threading.Lock()
page_times, post_times, errors = [], [], []
accepted = {h: 0 for h in writers}


def reader(h):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    data = urllib.parse.urlencode({"login": logins[h], "password": password}).encode()
    opener.open(base + "/login", data=data).read()
    url = base + "/statement?period=" + period
    while time.time() < stop:
        t = time.time()
        try:
            with opener.open(url) as r:
                body = r.read()
                ok = r.status == 200 and b"Savings statement" in body
        except Exception as e:
            ok = False
            body = str(e).encode()
        dt = time.time() - t
        with lock:
            page_times.append(dt)
            if not ok:
                errors.append(("statement", h, body[:200]))


def writer(h):
    ref, delivered = targets[h]
    n = 0
    while time.time() < stop:
        n += 1
        pounds = (delivered + n * 100) / 100  # a pound more each time: every submission is new
        body = json.dumps({"period": period, "lines": [{"ref": ref, "year": f"{year}/{(year + 1) % 100:02d}", "delivered_to_date": pounds}]}).encode()
        req = urllib.request.Request(base + "/api/v1/returns", data=body, method="POST",
                                     headers={"Authorization": "Bearer " + tokens[h], "Content-Type": "application/json"})
        t = time.time()
        try:
            with urllib.request.urlopen(req) as r:
                reply = json.loads(r.read())
                ok = r.status == 200 and reply.get("deliveries") == 1
        except Exception as e:
            ok = False
            reply = str(e)
        dt = time.time() - t
        with lock:
            post_times.append(dt)
            if ok:
                accepted[h] += 1
            else:
                errors.append(("return", h, reply))


threads = [threading.Thread(target=reader, args=(h,)) for h in readers] + [threading.Thread(target=writer, args=(h,)) for h in writers]
for t in threads:
    t.start()
for t in threads:
    t.join()
with open(f"/proc/{server.pid}/status") as f:
    peak = next(l for l in f if l.startswith("VmHWM")).split()[1]
server.send_signal(2)
server.wait(timeout=30)

db = sqlite3.connect(ledger)
lost_or_duplicated = []
for h in writers:
    lines = db.execute("SELECT count(*) FROM return_lines WHERE actor = ?", (logins[h],)).fetchone()[0]
    entries = db.execute("SELECT count(*) FROM entries WHERE actor = ? AND kind = 'deliver'", (logins[h],)).fetchone()[0]
    if lines != accepted[h] or entries != accepted[h]:
        lost_or_duplicated.append((h, accepted[h], lines, entries))
db.close()
verify = subprocess.run([mtfs, "verify", "--ledger", ledger], capture_output=True, text=True, env=env)


def pct(xs, q):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))] * 1000 if xs else float("nan")


print(f"statement page: {len(page_times)} requests, p50 {pct(page_times, .5):.0f} ms, p95 {pct(page_times, .95):.0f} ms, p99 {pct(page_times, .99):.0f} ms")
print(f"return post:    {len(post_times)} requests, p50 {pct(post_times, .5):.0f} ms, p95 {pct(post_times, .95):.0f} ms, p99 {pct(post_times, .99):.0f} ms")
print(f"one `mtfs statement` on the same ledger: {cli_statement * 1000:.0f} ms")
print(f"server peak memory (VmHWM): {int(peak) // 1024} MiB")
print(f"errors: {len(errors)}; submissions accepted: {sum(accepted.values())}; lost or duplicated: {len(lost_or_duplicated)}; verify: {'passed' if verify.returncode == 0 else 'FAILED'}")
for e in errors[:5]:
    print("  error:", e)
for x in lost_or_duplicated[:5]:
    print("  mismatch (holder, accepted, return lines, entries):", x)
shutil.rmtree(work, ignore_errors=True)
sys.exit(0 if not errors and not lost_or_duplicated and verify.returncode == 0 else 1)
