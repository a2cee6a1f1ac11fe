#!/usr/bin/env bash
# Load test of `policylens serve` on a model: wrk from a second process on loopback, 10 s at 1
# and at 64 connections, against the search API, the search page and an article page.
# Prints requests/s and p50/p99 latency per case. No thresholds.
#
#   bench/serve.sh [--model models/seeds] [--duration 10s] [--port 18080] [--attach]
#
# --attach measures a server already running on --port (started with --model) instead of
# starting one: a 100k-article model takes a quarter of an hour to load and tag on a busy machine.
# Builds the release binary first; installs wrk (Debian) when it is missing. Waits (up to 30
# minutes) until the server has loaded the model and tagged its themes in the background
# (/api/themes answers 200), so the runs measure a settled server, and prints how long that took.
set -euo pipefail
cd "$(dirname "$0")/.."
model=models/seeds
duration=10s
port=18080
attach=0
while [ $# -gt 0 ]; do
  case "$1" in
    --model) model=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --attach) attach=1; shift ;;
    *) echo "usage: bench/serve.sh [--model DIR] [--duration 10s] [--port N] [--attach]" >&2; exit 64 ;;
  esac
done
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
swift build -c release --product policylens >/dev/null
bin=.build/release/policylens

if [ "$attach" -eq 0 ]; then
  "$bin" serve --model "$model" --port "$port" --quiet &
  server=$!
  trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
fi
started=$(date +%s)
for _ in $(seq 1 3600); do
  curl -fs "http://127.0.0.1:$port/api/themes" >/dev/null 2>&1 && break
  [ "$attach" -eq 1 ] || kill -0 "$server" 2>/dev/null || { echo "serve.sh: the server stopped" >&2; exit 1; }
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/api/themes" >/dev/null 2>&1 || { echo "serve.sh: not ready after 30 minutes" >&2; exit 1; }
echo "server ready after $(( $(date +%s) - started )) s (model loaded, themes tagged)"

article=$(curl -fs "http://127.0.0.1:$port/api/search?q=%E4%BD%8E%E7%A9%BA%E7%BB%8F%E6%B5%8E&n=1" \
  | python3 -c 'import json,sys,urllib.parse; print(urllib.parse.quote(json.load(sys.stdin)["results"][0]["id"], safe=""))')
query='q=%E4%BD%8E%E7%A9%BA%E7%BB%8F%E6%B5%8E%20%E8%B5%B7%E9%99%8D%E5%9C%BA%20%E6%97%A0%E4%BA%BA%E6%9C%BA&n=10'

echo "model $model ($(wc -l < "$model/article_index.tsv") lines in article_index.tsv), wrk $duration per case"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-28s %5s %10s %9s %9s\n' case conns 'req/s' p50 p99
for target in "search API|/api/search?$query" "search page|/?$query" "article page|/articles/$article"; do
  name=${target%%|*}
  path=${target#*|}
  for connections in 1 64; do
    threads=$([ "$connections" -eq 1 ] && echo 1 || echo 2)
    # A 30 s timeout, so that queued requests at 64 connections count with their real latency.
    out=$(wrk -t"$threads" -c"$connections" -d"$duration" --timeout 30s --latency "http://127.0.0.1:$port$path")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out")
    printf '%-28s %5s %10s %9s %9s %s\n' "$name" "$connections" "$rps" "$p50" "$p99" "$errors"
  done
done
