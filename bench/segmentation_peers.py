#!/usr/bin/env python3
"""Times jieba and rjieba on the same text as `policylens-bench segment`.

The corpus is built exactly as the Swift benchmark builds it: the seed files in name
order (UTF-8 text, one document each); with --megabytes N they are repeated in that
order until the UTF-8 size reaches N × 10⁶ bytes. Each peer segments every document in
default mode (jieba.cut(text, HMM=True); rjieba.cut(text) with its HMM on) after a
warm-up; MB/s = bytes / 10⁶ / seconds, reported as median and best over --repetitions,
by wall clock and per CPU second of the timing thread (time.thread_time; the machine may
be shared). rjieba runs in the calling thread (no parallelism), so both are comparable.

Usage: python3 bench/segmentation_peers.py [--seeds DIR] [--megabytes N] [--repetitions R] [--json]
"""
import argparse
import json
import os
import platform
import statistics
import sys
import time


def corpus(seeds, megabytes):
    names = sorted(n for n in os.listdir(seeds) if n.endswith(".txt"))
    texts = []
    for n in names:
        with open(os.path.join(seeds, n), "rb") as f:
            texts.append(f.read().decode("utf-8", errors="replace"))
    if not megabytes:
        return texts
    target = megabytes * 1_000_000
    documents, size = [], 0
    while size < target:
        for t in texts:
            documents.append(t)
            size += len(t.encode("utf-8"))
            if size >= target:
                break
    return documents


def measure(cut, documents, repetitions):
    size = sum(len(d.encode("utf-8")) for d in documents)
    for d in documents[:5]:
        list(cut(d))
    rates, cpu_rates, tokens = [], [], 0
    for _ in range(repetitions):
        start, cpu_start = time.perf_counter(), time.thread_time()
        tokens = 0
        for d in documents:
            tokens += len(list(cut(d)))
        cpu_rates.append(size / 1e6 / max(time.thread_time() - cpu_start, 1e-9))
        rates.append(size / 1e6 / (time.perf_counter() - start))
    return {"medianMBps": statistics.median(rates), "bestMBps": max(rates),
            "medianMBpsCPU": statistics.median(cpu_rates), "bestMBpsCPU": max(cpu_rates),
            "tokens": tokens, "bytes": size}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default="seeds")
    parser.add_argument("--megabytes", type=float, default=0)
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    documents = corpus(args.seeds, args.megabytes)
    results = {}
    import jieba
    jieba.setLogLevel(60)
    jieba.initialize()
    results["jieba"] = dict(measure(lambda d: jieba.cut(d, HMM=True), documents, args.repetitions),
                            version=jieba.__version__)
    try:
        import rjieba
        from importlib.metadata import version
        results["rjieba"] = dict(measure(lambda d: rjieba.cut(d), documents, args.repetitions),
                                 version=version("rjieba"))
    except ImportError:
        pass
    report = {"python": sys.version.split()[0], "machine": platform.machine(), "peers": results}
    if args.json:
        print(json.dumps(report, sort_keys=True))
    else:
        for name, r in results.items():
            print("%-8s %-8s median %7.2f MB/s  best %7.2f MB/s  per CPU second %7.2f  (%d tokens, %d bytes)" % (
                name, r["version"], r["medianMBps"], r["bestMBps"], r["medianMBpsCPU"], r["tokens"], r["bytes"]))


if __name__ == "__main__":
    main()
