#!/usr/bin/env python3
"""Every query command of the `policylens` CLI as a whole process on one model, with hyperfine.

For each command: the median, minimum and maximum wall time over --runs runs after one warm-up
(`hyperfine -N`, output to a pipe), and the peak resident memory of one run (`/usr/bin/time -v`),
against the targets of issue 17 for a 100k-article model:

  tag, themes, topics, timeline --by month --themes, show ID     < 1 s
  clusters --k 20                                                < 10 s
  clusters --auto                                                < 30 s
  report                                                         < 20 s (and the HTML file's size)
  add (one newsletter issue of 12 articles, into a fresh copy)   < 1 s

`add` runs on a copy of the model made before each run (hyperfine --prepare; not timed), and
adds one issue generated with another seed (`policylens-bench ingest --articles 12
--growing-vocabulary --seed 7 --write-corpus`), so its articles are new to the model.

The model is --model DIR, or for --size N the generated model `bench/pipeline.py` fits and caches
(bench/out/model-N, from bench/out/corpus-N; built here when missing). Prints a table (and the
load average before and after; CPU s is hyperfine's mean user + system time, which load inflates
least); --json prints one JSON document instead, --out FILE also writes it.

Usage: bench/queries.py [--size 100000 | --model DIR] [--runs 5] [--skip-build] [--only tag,show]
"""
import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile

from bench_support import OUT, ROOT, load_average, log, run


def first_article(model):
    with open(os.path.join(model, "article_index.tsv"), encoding="utf-8") as handle:
        handle.readline()
        return handle.readline().split("\t")[0]


def peak_rss_mb(command):
    result = subprocess.run(["/usr/bin/time", "-v", "sh", "-c", command], cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stderr[-2000:])
        raise SystemExit(f"failed ({result.returncode}): {command}")
    return int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1)) / 1024


def hyperfine(command, runs, prepare=None):
    with tempfile.NamedTemporaryFile(suffix=".json") as export:
        arguments = ["hyperfine", "-N", "--warmup", "1", "--runs", str(runs), "--export-json", export.name,
                     "--output", "pipe", "--style", "none"]
        if prepare:
            arguments = ["hyperfine", "--warmup", "1", "--runs", str(runs), "--export-json", export.name,
                         "--output", "pipe", "--style", "none", "--prepare", prepare]
        run(arguments + [command], stdout=subprocess.DEVNULL)
        with open(export.name) as handle:
            result = json.load(handle)["results"][0]
    return {"median": result["median"], "min": result["min"], "max": result["max"], "runs": len(result["times"]),
            "cpu": result["user"] + result["system"]}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=100000, help="articles of the generated model (default 100000)")
    parser.add_argument("--model", help="an existing model folder instead of the generated one")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per command after one warm-up (default 5)")
    parser.add_argument("--skip-build", action="store_true", help="use the release binaries as they are")
    parser.add_argument("--only", help="comma-separated command names to run (tag,themes,topics,timeline,show,"
                        "clusters-k20,clusters-auto,report,add)")
    parser.add_argument("--scratch", default=os.path.join(tempfile.gettempdir(), "policylens-queries"),
                        help="folder for the report, the model copies of `add` and the added issue")
    parser.add_argument("--json", action="store_true", help="print one JSON document instead of the table")
    parser.add_argument("--out", help="also write the JSON document to this file")
    options = parser.parse_args()

    if not options.skip_build:
        run(["swift", "build", "-c", "release", "--product", "policylens"])
        run(["swift", "build", "-c", "release", "--product", "policylens-bench"])
    binary = os.path.join(ROOT, ".build", "release", "policylens")
    bench = os.path.join(ROOT, ".build", "release", "policylens-bench")
    model = options.model
    if model is None:
        model = os.path.join(OUT, f"model-{options.size}")
        if not os.path.exists(os.path.join(model, "manifest.json")):
            corpus = os.path.join(OUT, f"corpus-{options.size}")
            if not os.path.exists(os.path.join(corpus, ".complete")):
                shutil.rmtree(corpus, ignore_errors=True)
                run([bench, "ingest", "--articles", str(options.size), "--growing-vocabulary", "--repetitions", "1",
                     "--write-corpus", corpus], stdout=subprocess.DEVNULL)
                open(os.path.join(corpus, ".complete"), "w").close()
            run([binary, "fit", corpus, "--model", model, "--dimensions", "100", "--quiet"], stdout=subprocess.DEVNULL)
    model = os.path.abspath(model)
    os.makedirs(options.scratch, exist_ok=True)
    issue = os.path.join(options.scratch, "new-issue")
    if not os.path.exists(os.path.join(issue, "issue-000000.txt")):
        run([bench, "ingest", "--articles", "12", "--growing-vocabulary", "--seed", "7", "--repetitions", "1",
             "--write-corpus", issue], stdout=subprocess.DEVNULL)
    copy = os.path.join(options.scratch, "model-copy")
    report = os.path.join(options.scratch, "report.html")
    article = first_article(model)
    with open(os.path.join(model, "manifest.json")) as handle:
        counts = json.load(handle)["counts"]
    quoted = f"'{model}'"

    cases = [
        ("tag", f"{binary} tag --model {quoted}", 1.0, None),
        ("themes", f"{binary} themes --model {quoted}", 1.0, None),
        ("topics", f"{binary} topics --model {quoted}", 1.0, None),
        ("timeline", f"{binary} timeline --by month --themes --model {quoted}", 1.0, None),
        ("show", f"{binary} show '{article}' --model {quoted}", 1.0, None),
        ("clusters-k20", f"{binary} clusters --k 20 --model {quoted}", 10.0, None),
        ("clusters-auto", f"{binary} clusters --auto --model {quoted}", 30.0, None),
        ("report", f"{binary} report --quiet --out {report} --model {quoted}", 20.0,
         f"rm -f {report}"),
        ("add", f"{binary} add {issue} --quiet --model {copy}", 1.0,
         f"rm -rf {copy} && cp -r {quoted} {copy}"),
    ]
    selected = set(options.only.split(",")) if options.only else None
    before = load_average()
    rows = []
    for name, command, target, prepare in cases:
        if selected is not None and name not in selected:
            continue
        if prepare:
            subprocess.run(["sh", "-c", prepare], check=True)
        rss = peak_rss_mb(command)
        timing = hyperfine(command, options.runs, prepare)
        row = {"command": name, "invocation": command.replace(binary, "policylens"), "target": target,
               "met": timing["median"] < target, "peakMB": round(rss), **timing}
        if name == "report" and os.path.exists(report):
            row["reportMB"] = round(os.path.getsize(report) / 1e6, 2)
        rows.append(row)
    shutil.rmtree(copy, ignore_errors=True)
    after = load_average()
    document = {"model": model, "counts": counts, "machine": platform.machine(), "cores": os.cpu_count(),
                "loadBefore": before, "loadAfter": after, "runs": options.runs, "results": rows}
    if options.out:
        with open(options.out, "w") as handle:
            json.dump(document, handle, indent=2, ensure_ascii=False)
    if options.json:
        print(json.dumps(document, indent=2, ensure_ascii=False))
        return
    print(f"policylens queries on {model}: {counts['articles']:,} articles, {counts['terms']:,} terms, "
          f"k = {counts['dimensions']}; {platform.machine()}, {os.cpu_count()} cores")
    print(f"load average before {before}  after {after}; hyperfine -N, median of {options.runs} runs after a warm-up")
    print(f"  {'command':<15} {'median s':>9} {'min s':>7} {'max s':>7} {'CPU s':>7} {'peak MB':>8}  target")
    for row in rows:
        extra = f"  (file {row['reportMB']} MB)" if "reportMB" in row else ""
        print(f"  {row['command']:<15} {row['median']:>9.3f} {row['min']:>7.3f} {row['max']:>7.3f} {row['cpu']:>7.3f} "
              f"{row['peakMB']:>8}  < {row['target']:g} s {'MET' if row['met'] else 'MISSED'}{extra}")


if __name__ == "__main__":
    main()
