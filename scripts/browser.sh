# Sourced by check_report.sh and check_serve.sh: sets $browser to a headless-capable Chromium,
# installing Debian's chromium when none is on PATH, and fonts-noto-cjk when no Chinese font is
# installed (the screenshots would show boxes). $1 names the caller in messages; uses $sudo.
ensure_browser() {
  local caller="$1"
  browser=""
  for candidate in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$candidate" >/dev/null 2>&1; then browser="$candidate"; break; fi
  done
  if [ -z "$browser" ]; then
    echo "$caller: installing chromium" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
    browser=chromium
  fi
  if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=zh family 2>/dev/null | head -1)" ]; then
    echo "$caller: installing fonts-noto-cjk for the screenshot" >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq fonts-noto-cjk >/dev/null \
      || echo "$caller: warning: no Chinese font; the screenshot will show boxes" >&2
  fi
}
