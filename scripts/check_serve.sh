#!/usr/bin/env bash
# Starts `policylens serve` on a free port and checks it from outside, as a browser and as an API
# client would:
#   1. headless Chromium loads the search page (with a query), the first result's article page,
#      a theme page, the clusters and the timeline pages, and the DOM it built is checked (results
#      with highlighted snippets, the article's themes and similar policies, the theme's heat-map
#      row and suggestions with mark forms, cluster cards and period lists linking to articles, no
#      script); screenshots of the search page and of a theme page are saved;
#   2. schemathesis (pinned in scripts/serve-check-requirements.txt, installed into a virtual
#      environment under .build/) fuzzes every operation of /api/openapi.json for a bounded number
#      of cases: no 5xx, every response conforms to its documented status, content type and schema.
#
# Usage: scripts/check_serve.sh [--binary .build/debug/policylens] [--model models/seeds]
#          [--screenshots .build] [--examples 25] [--skip-fuzz]
#   --screenshots DIR: where serve-search.png and serve-theme.png go (`make serve-screenshot` writes
#   the README's, in models/).
#
# The served model is a copy under a temporary folder, so nothing the checks do (the fuzzer posts
# to /marks too, and is refused for want of the form token) can touch the repository.
# Installs Debian's `chromium` (and `fonts-noto-cjk`) when missing, as scripts/check_report.sh does.
# Exit status: 0 all checks passed; 1 a check failed; 2 usage or environment problem.
set -euo pipefail
cd "$(dirname "$0")/.."

binary=.build/debug/policylens
model=models/seeds
screenshots=.build
examples=25
fuzz=1
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary=$2; shift 2 ;;
    --model) model=$2; shift 2 ;;
    --screenshots) screenshots=$2; shift 2 ;;
    --examples) examples=$2; shift 2 ;;
    --skip-fuzz) fuzz=0; shift ;;
    *) echo "usage: $0 [--binary FILE] [--model DIR] [--screenshots DIR] [--examples N] [--skip-fuzz]" >&2; exit 2 ;;
  esac
done
[ -x "$binary" ] || { echo "check_serve: no executable $binary (swift build --product policylens)" >&2; exit 2; }

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
# shellcheck source=scripts/browser.sh
source scripts/browser.sh  # the working folder is the repository (cd above)
ensure_browser check_serve

work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill -TERM "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
cp -r "$model" "$work/model"
# The copy is its own: no file it was fitted from, so marks could only ever go to the copy.
python3 - "$work/model/manifest.json" <<'PY'
import json, sys
path = sys.argv[1]
manifest = json.load(open(path, encoding="utf-8"))
manifest.pop("themesSource", None)
json.dump(manifest, open(path, "w", encoding="utf-8"), ensure_ascii=False, indent=2, sort_keys=True)
PY
# The manifest is not checksummed by itself (it holds the checksums), so the copy still loads.

# A minute per request: a debug build on a busy machine may take longer than the default 10 s to
# cluster with a large k, and a 503 for that would be the machine's, not the API's.
"$binary" serve --model "$work/model" --port 0 --time-limit 60 2>"$work/serve.log" &
server=$!
port=""
for _ in $(seq 1 300); do
  port=$(sed -n 's|.*at http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$work/serve.log" | head -1)
  [ -n "$port" ] && break
  kill -0 "$server" 2>/dev/null || { echo "check_serve: the server stopped:" >&2; cat "$work/serve.log" >&2; exit 1; }
  sleep 0.2
done
[ -n "$port" ] || { echo "check_serve: the server did not report its port within 60 s" >&2; cat "$work/serve.log" >&2; exit 1; }
base="http://127.0.0.1:$port"
echo "check_serve: serving at $base"
# The themes are tagged in the background after the load; wait until /api/themes answers.
python3 - "$base/api/themes" <<'PY' || { echo "check_serve: the themes were not tagged within 60 s" >&2; exit 1; }
import sys, time, urllib.error, urllib.request
for _ in range(300):
    try:
        urllib.request.urlopen(sys.argv[1], timeout=10).read()
        sys.exit(0)
    except urllib.error.HTTPError as error:
        if error.code != 503:
            raise
    time.sleep(0.2)
sys.exit(1)
PY

flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run
  --user-data-dir="$work/profile" --host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1" --virtual-time-budget=3000)
dump() { # URL FILE
  "$browser" "${flags[@]}" --dump-dom "$1" >"$2" 2>"$work/browser.log" || {
    echo "check_serve: $browser failed to load $1:" >&2; tail -20 "$work/browser.log" >&2; exit 1; }
}
query='%E4%BD%8E%E7%A9%BA%E7%BB%8F%E6%B5%8E%20%E8%B5%B7%E9%99%8D%E5%9C%BA'  # 低空经济 起降场
dump "$base/?q=$query" "$work/search.html"
article=$(sed -n 's|.*<strong><a href="/articles/\([^"]*\)">.*|\1|p' "$work/search.html" | head -1)
[ -n "$article" ] || { echo "check_serve: FAILED no result on the search page" >&2; exit 1; }
dump "$base/articles/$article" "$work/article.html"
dump "$base/themes/low-altitude-economy" "$work/theme.html"
dump "$base/clusters" "$work/clusters.html"
dump "$base/timeline" "$work/timeline.html"
mkdir -p "$screenshots"
shoot() { # URL FILE
  "$browser" "${flags[@]}" --hide-scrollbars --window-size=1280,1400 --screenshot="$2" "$1" >"$work/shot.log" 2>&1 || {
    echo "check_serve: $browser failed to take a screenshot:" >&2; tail -20 "$work/shot.log" >&2; exit 1; }
}
shoot "$base/?q=$query" "$screenshots/serve-search.png"
shoot "$base/themes/low-altitude-economy" "$screenshots/serve-theme.png"

python3 - "$work" "$screenshots" <<'PY'
import os, re, sys
work, screenshots = sys.argv[1:3]
failures = []
def check(condition, message):
    print(("ok      " if condition else "FAILED  ") + message)
    if not condition:
        failures.append(message)
def page(name):
    return open(os.path.join(work, name + ".html"), encoding="utf-8").read()

search, article, theme = page("search"), page("article"), page("theme")
clusters, timeline = page("clusters"), page("timeline")
for name, dom in [("search", search), ("article", article), ("theme", theme), ("clusters", clusters),
                  ("timeline", timeline)]:
    check("<script" not in dom, f"{name} page: no script")
    check('<a href="/clusters">Clusters</a>' in dom and '<a href="/timeline">Timeline</a>' in dom,
          f"{name} page: navigation to clusters and timeline")
results = search.count('<div class="result">')
check(results >= 5, f"search page: {results} results")
check("<mark>" in search, "search page: matched terms highlighted in the snippets")
check('class="score"' in search and "because of <span>" in search, "search page: scores and explanation terms")
check(re.search(r"<h1>[^<]+</h1>", article) is not None, "article page: title")
check("<h2>Themes</h2>" in article and "P = " in article, "article page: themes with probabilities")
check(article.count('<div class="result">') >= 1, "article page: similar policies in other regions")
check('<form class="mark" method="post" action="/marks">' in article, "article page: mark forms")
check('<tr data-theme="低空经济">' in theme, "theme page: trend row in the heat map")
check('id="suggestions"' in theme and theme.count('action="/marks"') > 5, "theme page: suggestions and mark forms")
cards = clusters.count('<article class="cluster"')
check(cards >= 2 and 'href="/articles/' in clusters, f"clusters page: {cards} cluster cards linking to articles")
check('id="timeline-heatmap"' in timeline and 'href="/articles/' in timeline,
      "timeline page: heat map and articles by period")
for name in ["serve-search.png", "serve-theme.png"]:
    path = os.path.join(screenshots, name)
    size = os.path.getsize(path) if os.path.exists(path) else 0
    check(size > 10_000, f"screenshot {path} ({size} bytes)")
sys.exit(1 if failures else 0)
PY

if [ "$fuzz" -eq 1 ]; then
  venv=.build/serve-check-venv
  if ! "$venv/bin/python" -c 'import schemathesis' 2>/dev/null; then
    echo "check_serve: installing schemathesis into $venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r scripts/serve-check-requirements.txt
  fi
  echo "check_serve: schemathesis, at most $examples cases per operation"
  # From the temporary folder, where schemathesis keeps its cache.
  st="$PWD/$venv/bin/schemathesis"
  (cd "$work" && "$st" run "$base/api/openapi.json" --url "$base" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --max-examples "$examples" --seed 1 --no-color --workers 1 \
    --request-timeout 20 >"$work/fuzz.log" 2>&1) || { cat "$work/fuzz.log"; echo "check_serve: FAILED schemathesis" >&2; exit 1; }
  tail -15 "$work/fuzz.log"
fi
echo "check_serve: all checks passed"
