#!/usr/bin/env bash
# Opens a PolicyLens HTML report in headless Chromium, saves a screenshot, and checks that the
# page's script ran without errors and that the expected sections, chart elements and (optionally)
# known article titles are in the DOM after the script ran.
#
# Usage: scripts/check_report.sh REPORT.html [SCREENSHOT.png] [--expect-title TITLE]... [--expect-focus PLACE]
#   SCREENSHOT.png defaults to REPORT.png beside the report.
#   --expect-focus PLACE: the report was written with `report --region PLACE`; checks that the page
#   opened filtered (every shown article is of PLACE, some are hidden) and that the print view
#   (Chromium's --print-to-pdf, A4 print style sheet) renders the filtered list.
#
# Installs Debian's `chromium` when no Chromium or Chrome is on PATH (apt-get; sudo when not root),
# and `fonts-noto-cjk` when no Chinese font is installed, so the screenshot shows characters
# rather than boxes. Network access is blocked for the browser (every host resolves to nothing),
# so a report that needed a CDN would fail the checks.
#
# A sample report from synthetic data, for trying the check without the pipeline:
#   POLICYLENS_SAMPLE_REPORT=/tmp/report.html swift test --filter HTMLReportTests/writeSample
#   scripts/check_report.sh /tmp/report.html --expect-title 长三角加速低空经济产业布局
#
# Exit status: 0 all checks passed; 1 a check failed; 2 usage or environment problem.
set -euo pipefail

usage() { echo "usage: $0 REPORT.html [SCREENSHOT.png] [--expect-title TITLE]..." >&2; exit 2; }

report=""
screenshot=""
titles=()
focus=""
while [ $# -gt 0 ]; do
  case "$1" in
    --expect-title) [ $# -ge 2 ] || usage; titles+=("$2"); shift 2 ;;
    --expect-focus) [ $# -ge 2 ] || usage; focus="$2"; shift 2 ;;
    -h|--help) usage ;;
    *) if [ -z "$report" ]; then report="$1"; elif [ -z "$screenshot" ]; then screenshot="$1"; else usage; fi; shift ;;
  esac
done
[ -n "$report" ] || usage
[ -f "$report" ] || { echo "check_report: no such file: $report" >&2; exit 2; }
report="$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
[ -n "$screenshot" ] || screenshot="${report%.html}.png"

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
browser=""
for candidate in chromium chromium-browser google-chrome google-chrome-stable; do
  if command -v "$candidate" >/dev/null 2>&1; then browser="$candidate"; break; fi
done
if [ -z "$browser" ]; then
  echo "check_report: installing chromium" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
  browser=chromium
fi
if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=zh family 2>/dev/null | head -1)" ]; then
  echo "check_report: installing fonts-noto-cjk for the screenshot" >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq fonts-noto-cjk >/dev/null \
    || echo "check_report: warning: no Chinese font; the screenshot will show boxes" >&2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run
  --user-data-dir="$work/profile" --host-resolver-rules="MAP * ~NOTFOUND"
  --virtual-time-budget=5000)

"$browser" "${flags[@]}" --dump-dom "file://$report" >"$work/dom.html" 2>"$work/dump.log" || {
  echo "check_report: $browser failed to load the page:" >&2; tail -20 "$work/dump.log" >&2; exit 1; }
"$browser" "${flags[@]}" --hide-scrollbars --window-size=1400,2400 --screenshot="$screenshot" \
  "file://$report" >"$work/shot.log" 2>&1 || {
  echo "check_report: $browser failed to take a screenshot:" >&2; tail -20 "$work/shot.log" >&2; exit 1; }

if [ -n "$focus" ]; then
  "$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$work/print.pdf" "file://$report" \
    >"$work/pdf.log" 2>&1 || { echo "check_report: $browser failed to print:" >&2; tail -20 "$work/pdf.log" >&2; exit 1; }
fi

python3 - "$work/dom.html" "$screenshot" "$focus" "$work/print.pdf" "${titles[@]}" <<'PY'
import html, os, re, sys

dom_path, png_path, focus, pdf_path, titles = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
dom = open(dom_path, encoding="utf-8").read()
failures = []

def check(condition, message):
    print(("ok      " if condition else "FAILED  ") + message)
    if not condition:
        failures.append(message)

check(len(dom) > 1000, f"DOM dumped ({len(dom)} characters)")
check('data-ready="ok"' in dom, 'script finished (body data-ready="ok")')
errors = re.search(r'<html[^>]*data-errors="(\d+)"', dom)
message = re.search(r'data-error-message="([^"]*)"', dom)
check(errors is not None and errors.group(1) == "0",
      "no script errors" + (f" (got {errors.group(1)}: {message.group(1) if message else '?'})" if errors and errors.group(1) != "0" else ""))
for section in ["timeline", "map", "clusters", "matrix", "articles"]:
    check(f'<section id="{section}"' in dom, f"section #{section}")
check(dom.count("<polyline") > 0, f"timeline chart lines ({dom.count('<polyline')})")
points = len(re.findall(r'<circle class="pt"', dom))
check(points > 0, f"map points ({points})")
check('id="matrix-table"' in dom, "region × theme table")
details = dom.count('<details class="art"')
check(details > 0, f"article details ({details})")
check('id="article-filter"' in dom, "article filter box")
check(dom.count('class="chip" data-filter="region"') > 0 and dom.count('data-filter="theme"') > 0,
      "region and theme filter chips")
check('<details class="text">' in dom, "article text behind a disclosure")
check('@media print' in dom and '@page' in dom, "print style sheet")
if focus:
    tags = re.findall(r'<details class="art"[^>]*>', dom)
    def attr(tag, name):
        m = re.search(name + r'="([^"]*)"', tag)
        return html.unescape(m.group(1)) if m else ""
    shown = [t for t in tags if " hidden" not in t]
    check(len(shown) > 0 and len(shown) < len(tags), f"focus {focus}: {len(shown)} of {len(tags)} articles shown")
    check(all(focus in (attr(t, "data-region"), attr(t, "data-city")) for t in shown),
          f"focus {focus}: every shown article is of {focus}")
    pdf = open(pdf_path, "rb").read() if os.path.exists(pdf_path) else b""
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    check(pdf.startswith(b"%PDF") and pages >= 1, f"print view: A4 PDF with {pages} page(s)")
for title in titles:
    check(html.escape(title, quote=False) in dom, f"article title present: {title}")
size = os.path.getsize(png_path) if os.path.exists(png_path) else 0
is_png = False
if size:
    with open(png_path, "rb") as f:
        is_png = f.read(8) == b"\x89PNG\r\n\x1a\n"
check(size > 10_000 and is_png, f"screenshot {png_path} ({size} bytes)")
sys.exit(1 if failures else 0)
PY
