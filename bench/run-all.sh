#!/bin/sh
# Runs every PolicyLens benchmark in release mode, one after the other:
#   policylens-bench ingest   (parsing throughput on a generated corpus)
#   policylens-bench segment  (segmentation throughput, with jieba and rjieba on the same text)
#   policylens-bench lsa      (TF-IDF + randomized SVD, with scikit-learn and gensim on the same tokens)
#   bench/pipeline.py         (whole `policylens fit` and `policylens similar` processes against Python peers)
#   policylens-bench products (the SVD's sparse products on the TF-IDF matrix of the pipeline's largest model)
# Usage: bench/run-all.sh [--quick] [--json]
#   --quick  small sizes only (1k articles, 1 MB, 1k documents, 10 similar runs): a few minutes
#   --json   each benchmark prints JSON instead of a table
# Environment: BENCH_SCRATCH (default .build) is the SwiftPM scratch path.
# The machine may be shared: the load average is printed first and last.
set -eu
cd "$(dirname "$0")/.."
SCRATCH="${BENCH_SCRATCH:-.build}"
QUICK=0
JSON=""
for argument in "$@"; do
  case "$argument" in
    --quick) QUICK=1 ;;
    --json) JSON="--json" ;;
    *) echo "usage: bench/run-all.sh [--quick] [--json]" >&2; exit 64 ;;
  esac
done
BENCH="$SCRATCH/release/policylens-bench"
echo "== $(date -u +%Y-%m-%dT%H:%M:%SZ)  $(uptime)"
swift build -c release --scratch-path "$SCRATCH" --product policylens >&2
swift build -c release --scratch-path "$SCRATCH" --product policylens-bench >&2
if [ "$QUICK" = 1 ]; then
  echo "== ingest"; "$BENCH" ingest --articles 1000 --growing-vocabulary --repetitions 3 $JSON
  echo "== segment"; "$BENCH" segment --megabytes 1 --repetitions 3 --peers $JSON
  echo "== lsa"; "$BENCH" lsa --documents 1000 --terms 20000 --dimensions 100 --repetitions 3 --peers $JSON
  echo "== pipeline"; python3 bench/pipeline.py --skip-build --scratch-path "$SCRATCH" --sizes 1000 --runs 10 $JSON
  echo "== products"; "$BENCH" products --model bench/out/model-real-1000 --svd --repetitions 3 $JSON
else
  echo "== ingest"; "$BENCH" ingest --articles 10000 --growing-vocabulary --repetitions 5 $JSON
  echo "== segment"; "$BENCH" segment --megabytes 10 --repetitions 3 --peers $JSON
  echo "== lsa"; "$BENCH" lsa --documents 100000 --dimensions 100 --repetitions 3 --peers --skip-gensim $JSON
  echo "== pipeline"; python3 bench/pipeline.py --skip-build --scratch-path "$SCRATCH" --sizes 1000 10000 100000 --runs 20 $JSON
  echo "== products"; "$BENCH" products --model bench/out/model-real-100000 --svd --repetitions 5 $JSON
fi
echo "== done $(date -u +%Y-%m-%dT%H:%M:%SZ)  $(uptime)"
