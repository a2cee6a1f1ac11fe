#!/usr/bin/env bash
# Opens a PolicyLens HTML report in headless Chromium, saves a screenshot, and checks that the
# page's script ran without errors and that the expected sections, chart elements and (optionally)
# known article titles are in the DOM after the script ran.
#
# Usage: scripts/check_report.sh REPORT.html [SCREENSHOT.png] [--expect-title TITLE]... [--expect-theme THEME]...
#          [--expect-focus PLACE] [--compare-screenshot REFERENCE.png]
#   SCREENSHOT.png defaults to REPORT.png beside the report.
#   --expect-theme THEME: the timeline heat map has a row for THEME.
#   --compare-screenshot REFERENCE.png: the screenshot just taken must look like REFERENCE.png (the
#   README's models/seeds-report.png): same dimensions, and difference hashes (33 × 32 grid of mean
#   grey levels, 1,024 bits, each "right block brighter than left") that differ in at most 5 % of
#   their bits. Re-rendering the same report differs in 0 bits; the last redesign of the page
#   differed in about 30 %. So a screenshot left stale after the page changed visibly fails, while
#   font hinting and anti-aliasing differences between machines pass. The fix is to copy the new
#   screenshot over the reference (`make report-screenshot`).
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

usage() { echo "usage: $0 REPORT.html [SCREENSHOT.png] [--expect-title TITLE]... [--expect-theme THEME]... [--expect-focus PLACE] [--compare-screenshot REFERENCE.png]" >&2; exit 2; }

report=""
screenshot=""
titles=()
themes=()
focus=""
reference=""
while [ $# -gt 0 ]; do
  case "$1" in
    --expect-title) [ $# -ge 2 ] || usage; titles+=("$2"); shift 2 ;;
    --expect-focus) [ $# -ge 2 ] || usage; focus="$2"; shift 2 ;;
    --expect-theme) [ $# -ge 2 ] || usage; themes+=("$2"); shift 2 ;;
    --compare-screenshot) [ $# -ge 2 ] || usage; reference="$2"; shift 2 ;;
    -h|--help) usage ;;
    *) if [ -z "$report" ]; then report="$1"; elif [ -z "$screenshot" ]; then screenshot="$1"; else usage; fi; shift ;;
  esac
done
[ -n "$report" ] || usage
[ -f "$report" ] || { echo "check_report: no such file: $report" >&2; exit 2; }
report="$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
[ -n "$screenshot" ] || screenshot="${report%.html}.png"
if [ -n "$reference" ] && [ ! -f "$reference" ]; then echo "check_report: no such file: $reference" >&2; exit 2; fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
# shellcheck source=scripts/browser.sh
source "$(dirname "$0")/browser.sh"
ensure_browser check_report

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

python3 - "$work/dom.html" "$screenshot" "$focus" "$work/print.pdf" "$reference" "${#themes[@]}" "${themes[@]}" "${titles[@]}" <<'PY'
import html, os, re, struct, sys, zlib

dom_path, png_path, focus, pdf_path, reference = sys.argv[1:6]
theme_count = int(sys.argv[6])
themes, titles = sys.argv[7:7 + theme_count], sys.argv[7 + theme_count:]
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
check('id="timeline-heatmap"' in dom, "timeline heat map")
periods = dom.count('<th class="period"')
rows = re.findall(r'<tr data-theme="[^"]*">.*?</tr>', dom, re.S)
cells = [row.count('<td class="hm') for row in rows]
check(periods > 0 and len(rows) > 0 and all(c == periods for c in cells),
      f"heat map cells: {len(rows)} theme rows × {periods} periods ({sum(cells)} cells)")
for theme in themes:
    check(f'<tr data-theme="{html.escape(theme)}">' in dom, f"heat map row for theme {theme}")
points = len(re.findall(r'<circle class="pt', dom))
check(points > 0, f"map points ({points})")
legend = re.search(r'<ul class="legend" id="map-legend">(.*?)</ul>', dom, re.S)
highlighted = legend.group(1).count('<li class="hl">') if legend else 0
fills = set(re.findall(r'<circle class="pt" [^>]*fill="([^"]+)"', dom))
check(1 <= highlighted <= 10 and len(fills) == highlighted,
      f"map legend: {highlighted} highlighted clusters (at most 10), {len(fills)} point colours besides grey")
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

def grey_pixels(path):
    """Width, height and rows of grey levels of an 8-bit RGB(A) PNG, without third-party modules."""
    data = open(path, "rb").read()
    pos, idat, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", data[pos + 8:pos + 8 + length])
        elif kind == b"IDAT":
            idat.append(data[pos + 8:pos + 8 + length])
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError(f"unsupported PNG (bit depth {depth}, colour type {colour}, interlace {interlace})")
    bpp = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(b"".join(idat)), 1 + width * bpp
    prev, grey = bytearray(width * bpp), []
    for y in range(height):
        kind, cur = raw[y * stride], bytearray(raw[y * stride + 1:(y + 1) * stride])
        if kind == 2:
            cur = bytearray((c + p) & 255 for c, p in zip(cur, prev))
        elif kind in (1, 3, 4):
            for i in range(len(cur)):
                a = cur[i - bpp] if i >= bpp else 0
                b, c = prev[i], (prev[i - bpp] if i >= bpp else 0)
                if kind == 1:
                    predictor = a
                elif kind == 3:
                    predictor = (a + b) >> 1
                else:
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    predictor = a if pa <= pb and pa <= pc else b if pb <= pc else c
                cur[i] = (cur[i] + predictor) & 255
        prev = cur
        grey.append([(299 * cur[i] + 587 * cur[i + 1] + 114 * cur[i + 2]) // 1000 for i in range(0, len(cur), bpp)])
    return width, height, grey

def difference_hash(width, height, grey, columns=33, rows=32):
    """1,024 bits: for each of 32 rows of 33 blocks, whether a block is brighter than its left neighbour."""
    xs = [width * c // columns for c in range(columns + 1)]
    ys = [height * r // rows for r in range(rows + 1)]
    bits = []
    for r in range(rows):
        sums = [0] * columns
        for y in range(ys[r], ys[r + 1]):
            line = grey[y]
            for c in range(columns):
                sums[c] += sum(line[xs[c]:xs[c + 1]])
        means = [sums[c] / ((ys[r + 1] - ys[r]) * (xs[c + 1] - xs[c])) for c in range(columns)]
        bits += [means[c + 1] > means[c] for c in range(columns - 1)]
    return bits

if reference and is_png:
    try:
        new, old = grey_pixels(png_path), grey_pixels(reference)
        check(new[:2] == old[:2], f"{reference} has the screenshot's dimensions ({old[0]}×{old[1]}, now {new[0]}×{new[1]})")
        if new[:2] == old[:2]:
            a, b = difference_hash(*new), difference_hash(*old)
            distance = sum(x != y for x, y in zip(a, b))
            check(distance <= len(a) * 5 // 100,
                  f"{reference} is current: difference hashes differ in {distance} of {len(a)} bits (at most 5 %)"
                  + ("" if distance <= len(a) * 5 // 100 else "; run make report-screenshot"))
    except (OSError, ValueError, TypeError) as error:
        check(False, f"compare with {reference}: {error}")
sys.exit(1 if failures else 0)
PY
