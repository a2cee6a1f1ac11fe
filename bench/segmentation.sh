#!/bin/sh
# Segmentation throughput of PolicyLens against jieba and rjieba on the same corpus, with
# ratios from the same run. Usage: bench/segmentation.sh [--megabytes N] [--repetitions R] [--json]
# Needs: python3 with jieba and rjieba (pip), Debian python3-jieba's dict.txt.
set -eu
cd "$(dirname "$0")/.."
swift build -c release --product policylens-bench >&2
exec .build/release/policylens-bench segment --peers "$@"
