#!/usr/bin/env bash
# Regenerates docs/screens/: every portal page for each demo role at 1280 and 390 px, as the
# browser test sees them (it also runs axe-core over each; the pictures are for people to look at).
# usage: scripts/screens.sh   (needs chromium, chromedriver and python3 with selenium)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -q
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
.build/debug/mtfs demo --ledger "$work/demo.sqlite" --out "$work/reports" >/dev/null
.build/debug/mtfs serve --ledger "$work/demo.sqlite" --port 0 >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 50); do grep -q http "$work/serve.log" && break; sleep 0.2; done
address=$(grep -o 'http://[^ ]*' "$work/serve.log" | head -1)
axe="${MTFS_AXE_JS:-$HOME/.cache/mtfs-axe/axe_playwright_python/axe.min.js}"
if [ ! -f "$axe" ]; then
    python3 -m pip download -q --no-deps axe-playwright-python==0.1.8 -d "$HOME/.cache/mtfs-axe"
    python3 -c "import glob,zipfile,sys; zipfile.ZipFile(glob.glob(sys.argv[1]+'/axe_playwright_python-*.whl')[0]).extract('axe_playwright_python/axe.min.js', sys.argv[1])" "$HOME/.cache/mtfs-axe"
fi
rm -rf docs/screens && mkdir -p docs/screens
python3 Tests/MTFSTests/Browser/axe_pages.py "$address" "$axe" docs/screens
# Smaller files for the repository, where ImageMagick is installed (the pictures stay legible).
if command -v convert >/dev/null && convert -version 2>/dev/null | grep -q ImageMagick; then
    for f in docs/screens/*.png; do convert "$f" -strip -colors 96 "PNG8:$f"; done
fi
