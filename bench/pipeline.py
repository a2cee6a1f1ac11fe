#!/usr/bin/env python3
"""Whole-pipeline benchmarks of the `policylens` CLI against Python peers, in one run.

1. fit: for each size (articles; default 1000 10000 100000) a generated newsletter corpus with
   a growing vocabulary of real words (`policylens-bench ingest --realistic-vocabulary
   --write-corpus`, cached under bench/out/corpus-real-N; `--corpus pseudo` uses the older
   pseudo-terms, bench/out/corpus-N), then
     ours   /usr/bin/time -v policylens fit CORPUS --model bench/out/model-N --dimensions K
            (process wall time, peak RSS, and the per-stage times `fit` prints on stderr)
     peers  bench/peer_pipeline.py on the same articles (`policylens ingest --out`, untimed):
            rjieba + scikit-learn (TfidfVectorizer + TruncatedSVD randomized, n_iter=5),
            jieba segmentation alone (above --jieba-limit articles: a measured subset,
            extrapolated by bytes), jieba + scikit-learn = jieba segment + the sklearn stages
            of the rjieba run, and rjieba + gensim (TfidfModel + LsiModel) up to --gensim-max.
   Target: whole fit of 100k articles in under 20 s. A growth table ends the fit part.
2. similar: median wall time of the whole process (start, model load, query, print to a pipe)
   over --runs runs after one warm-up, for an article-id query and a --text query, on
   models/seeds and on the model of every size; the peer is bench/python_similar_peer.py on
   an index peer_pipeline.py built from the same articles. Targets: < 50 ms (seeds),
   < 200 ms (100k).

Prints tables (and the load average before and after); --json prints one JSON document
instead and --out FILE also writes it. Python peers are single-threaded; `policylens fit`
segments on every core, so on a shared machine compare with the load average in mind.

Usage: bench/pipeline.py [--sizes 1000 10000 100000] [--dimensions 100] [--runs 20] [--json]
       [--fit-runs 1] [--skip-build] [--skip-similar] [--skip-fit] [--jieba-limit 5000] [--gensim-max 10000]
"""
import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time

from bench_support import OUT, ROOT, load_average, log, run

SEEDS_QUERY_ID = "2024-21#4"
QUERY_TEXT = "低空经济 起降场 无人机"


def timed_process(arguments, env=None):
    """Runs under /usr/bin/time -v; returns (stdout, stderr, wall seconds, peak RSS MB)."""
    log("$ /usr/bin/time -v " + " ".join(arguments))
    result = subprocess.run(["/usr/bin/time", "-v"] + arguments, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise SystemExit(f"failed ({result.returncode}): {' '.join(arguments)}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1)) / 1024
    wall_text = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", result.stderr).group(1)
    wall = 0.0
    for part in wall_text.split(":"):
        wall = wall * 60 + float(part)
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", result.stderr).group(1))
    system = float(re.search(r"System time \(seconds\): ([\d.]+)", result.stderr).group(1))
    return result.stdout, result.stderr, wall, rss, user + system


def parse_stage_times(stderr):
    """`stage: summary in 1.23 s` / `… in 456 ms` lines printed by `policylens fit`."""
    stages = {}
    for line in stderr.splitlines():
        match = re.match(r"^([a-z-]+): (.*) in ([\d.]+) (s|ms)$", line.strip())
        if match:
            seconds = float(match.group(3)) / (1000 if match.group(4) == "ms" else 1)
            stages[match.group(1)] = stages.get(match.group(1), 0) + seconds
    return stages


CORPUS_KIND = "realistic"


def name(kind, size):
    """bench/out names: `corpus-real-N`, `model-real-N`, … for the realistic corpus, `corpus-N`, … for the pseudo-term one."""
    return f"{kind}-real-{size}" if CORPUS_KIND == "realistic" else f"{kind}-{size}"


def corpus(binaries, size):
    folder = os.path.join(OUT, name("corpus", size))
    marker = os.path.join(folder, ".complete")
    if not os.path.exists(marker):
        shutil.rmtree(folder, ignore_errors=True)
        start = time.perf_counter()
        vocabulary = "--realistic-vocabulary" if CORPUS_KIND == "realistic" else "--growing-vocabulary"
        run([binaries["bench"], "ingest", "--articles", str(size), vocabulary, "--write-corpus", folder,
             "--repetitions", "1"], stdout=subprocess.DEVNULL)
        with open(marker, "w") as handle:
            handle.write(f"generated in {time.perf_counter() - start:.1f} s\n")
    articles = os.path.join(OUT, name("articles", size) + ".json")
    if not os.path.exists(articles):
        run([binaries["cli"], "ingest", folder, "--out", articles, "--quiet"], stdout=subprocess.DEVNULL)
    megabytes = sum(os.path.getsize(os.path.join(folder, f)) for f in os.listdir(folder) if f.endswith(".txt")) / 1e6
    return folder, articles, megabytes


PEER_ENV = None


def peer(articles, *extra):
    stdout, _, wall, rss, cpu = timed_process(
        [sys.executable, "bench/peer_pipeline.py", "--articles", articles] + list(extra), env=PEER_ENV)
    report = json.loads(stdout)
    report.update(processSeconds=wall, peakRSSMegabytes=rss, cpuSeconds=cpu)
    return report


def fit_ours(binaries, folder, model, args, env):
    stdout, stderr, wall, rss, cpu = timed_process(
        [binaries["cli"], "fit", folder, "--model", model, "--dimensions", str(args.dimensions)], env=env)
    summary = {key: value for key, value in re.findall(r"^  (articles|terms|time)\s+([\d,.]+)", stdout, re.M)}
    dimensions = re.search(r"^  dimensions\s+(\d+) \((\w+) SVD", stdout, re.M)
    ours = {"processSeconds": wall, "peakRSSMegabytes": rss, "cpuSeconds": cpu, "stages": parse_stage_times(stderr),
            "articles": int(summary["articles"].replace(",", "")), "terms": int(summary["terms"].replace(",", "")),
            "dimensions": int(dimensions.group(1)), "algorithm": dimensions.group(2), "fitSeconds": float(summary["time"])}
    # Not a printed stage: rebuilding the analyzer with the discovered phrases, process start and exit.
    ours["stages"]["rest"] = max(0.0, wall - sum(ours["stages"].values()))
    return ours


def median_run(runs):
    """The run with the median wall time (the lower middle one for an even count), plus every wall time."""
    chosen = dict(sorted(runs, key=lambda r: r["processSeconds"])[(len(runs) - 1) // 2])
    chosen["runWallSeconds"] = [r["processSeconds"] for r in runs]
    return chosen


def bench_fit(binaries, size, args, env):
    folder, articles, megabytes = corpus(binaries, size)
    model = os.path.join(OUT, name("model", size))
    index = os.path.join(OUT, name("peer-index", size))
    # --fit-runs > 1 alternates ours and the main peer, so that drifting load hits both alike, and
    # reports the run with the median wall time of each (all wall times are kept).
    ours_runs, sklearn_runs = [], []
    for _ in range(args.fit_runs):
        ours_runs.append(fit_ours(binaries, folder, model, args, env))
        sklearn_runs.append(peer(articles, "--segmenter", "rjieba", "--vectorizer", "sklearn", "--dimensions", str(args.dimensions),
                                 "--save-index", index))
    ours = median_run(ours_runs)
    peers = {"rjieba+sklearn": median_run(sklearn_runs)}
    limit = ["--segment-limit", str(args.jieba_limit)] if size > args.jieba_limit else []
    jieba = peer(articles, "--segmenter", "jieba", "--vectorizer", "none", *limit)
    peers["jieba (segment only)"] = jieba
    sk = peers["rjieba+sklearn"]
    # jieba + sklearn: the jieba process's load + dictionary + (extrapolated) segmentation, then the
    # sklearn stages measured in the rjieba run (their input differs only in the segmenter).
    jieba_total = (jieba["stages"]["load"] + jieba["stages"].get("segmenterLoad", 0) + jieba["segmentSecondsExtrapolated"]
                   + sk["stages"]["tfidf"] + sk["stages"]["svd"])
    peers["jieba+sklearn"] = {"processSeconds": jieba_total + (sk["processSeconds"] - sk["stageSum"]),
                              "extrapolated": bool(limit), "segmentMeasuredArticles": jieba.get("segmentMeasuredArticles"),
                              "peakRSSMegabytes": max(sk["peakRSSMegabytes"], jieba["peakRSSMegabytes"]),
                              "stages": {"load": jieba["stages"]["load"], "segmenterLoad": jieba["stages"].get("segmenterLoad", 0), "segment": jieba["segmentSecondsExtrapolated"],
                                         "tfidf": sk["stages"]["tfidf"], "svd": sk["stages"]["svd"]}}
    if size <= args.gensim_max:
        peers["rjieba+gensim"] = peer(articles, "--segmenter", "rjieba", "--vectorizer", "gensim", "--dimensions", str(args.dimensions))
    return {"articles": size, "megabytes": megabytes, "corpus": CORPUS_KIND, "ours": ours, "peers": peers, "model": model,
            "peerIndex": index}


LOOP_BUDGET_SECONDS = 60.0


def median_process_ms(arguments, runs, env=None):
    """Median wall time of the whole process (fork/exec to exit, stdout into a pipe), and the
    median CPU time (user + system, getrusage(RUSAGE_CHILDREN) deltas), which the machine's load
    inflates less. When the warm-up run shows that `runs` runs would take longer than
    LOOP_BUDGET_SECONDS (--loop-budget), fewer runs are made (at least 5); `runs` in the result
    says how many."""
    start = time.perf_counter()
    subprocess.run(arguments, cwd=ROOT, env=env, check=True, capture_output=True)  # warm-up (page cache, lexicon cache)
    warm_up = time.perf_counter() - start
    if warm_up * runs > LOOP_BUDGET_SECONDS:
        runs = max(5, int(LOOP_BUDGET_SECONDS / warm_up))
    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run(arguments, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        times.append((time.perf_counter() - start) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if result.returncode:
            raise SystemExit(f"failed ({result.returncode}): {' '.join(arguments)}")
        cpu.append((after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000)
    report = {"medianMs": statistics.median(times), "minMs": min(times), "maxMs": max(times), "runs": runs}
    report["medianCPUms"] = statistics.median(cpu)
    return report


def first_article_id(model):
    with open(os.path.join(model, "articles.jsonl"), encoding="utf-8") as handle:
        return json.loads(handle.readline())["id"]


def bench_similar(binaries, label, model, index, query_id, runs, env):
    log(f"similar on {label}: {runs} runs each")
    cli, peer_script = binaries["cli"], [sys.executable, "bench/python_similar_peer.py", "--index", index]
    rows = {}
    rows["id"] = {"ours": median_process_ms([cli, "similar", query_id, "--model", model], runs, env),
                  "peer": median_process_ms(peer_script + [query_id], runs)}
    rows["text"] = {"ours": median_process_ms([cli, "similar", "--text", QUERY_TEXT, "--model", model], runs, env),
                    "peer": median_process_ms(peer_script + ["--text", QUERY_TEXT], runs)}
    return {"model": label, "queryId": query_id, "queryText": QUERY_TEXT, "queries": rows}


def seeds_peer_index(binaries, dimensions):
    articles = os.path.join(OUT, "articles-seeds.json")
    if not os.path.exists(articles):  # `policylens ingest --out` fails (exit 74) when the file exists
        run([binaries["cli"], "ingest", "seeds", "--out", articles, "--quiet"], stdout=subprocess.DEVNULL)
    index = os.path.join(OUT, "peer-index-seeds")
    peer(articles, "--segmenter", "rjieba", "--vectorizer", "sklearn", "--dimensions", str(dimensions), "--save-index", index)
    return index


def ratio(a, b):
    return a / b if b else float("nan")


STAGE_ORDER = ["ingest", "load", "lexicon", "segmenterLoad", "phrases", "segment", "tf-idf", "tfidf", "svd", "save", "rest"]


def ordered(stages):
    return "  ".join(f"{k} {stages[k]:.2f}" for k in sorted(stages, key=lambda k: (STAGE_ORDER.index(k) if k in STAGE_ORDER else 99, k)))


def print_tables(report):
    print(f"PolicyLens whole-pipeline benchmark  {report['date']}  {report['machine']}  {report['cores']} cores")
    print(f"load average before {report['loadBefore']}  after {report['loadAfter']}   ({report['uptime']})")
    print(f"OPENBLAS_NUM_THREADS {report['blasThreads']} for every process; lexicon cache bench/out/cache (warm)")
    for fit in report["fit"]:
        ours = fit["ours"]
        kind = "real words, Zipf + Heaps" if fit.get("corpus") == "realistic" else "growing pseudo-vocabulary"
        print(f"\nfit: {fit['articles']:,} generated articles ({fit['megabytes']:.1f} MB, {kind}), "
              f"k = {ours['dimensions']} ({ours.get('algorithm', '?')} SVD), {ours['terms']:,} terms (ours)")
        print(f"  {'pipeline':<22} {'wall s':>8} {'CPU s':>8} {'peak MB':>8} {'ours/peer':>10}  stages (s)")
        stages = ordered(ours["stages"])
        runs = ours.get("runWallSeconds", [ours["processSeconds"]])
        if len(runs) > 1:
            print(f"  (median of {len(runs)} alternating runs for the first two rows; their wall times: ours "
                  f"{', '.join(f'{t:.1f}' for t in runs)}; rjieba+sklearn "
                  f"{', '.join(f'{t:.1f}' for t in fit['peers']['rjieba+sklearn'].get('runWallSeconds', []))})")
        print(f"  {'policylens fit':<22} {ours['processSeconds']:>8.2f} {ours['cpuSeconds']:>8.2f} "
              f"{ours['peakRSSMegabytes']:>8.0f} {'':>10}  {stages}")
        for name in sorted(fit["peers"], key=lambda n: ["rjieba+sklearn", "jieba+sklearn", "rjieba+gensim"].index(n) if "(" not in n else 3):
            p = fit["peers"][name]
            stages = ordered(p["stages"])
            if name.startswith("jieba (segment"):
                note = f"  (segment {p['segmentSecondsExtrapolated']:.2f} s"
                if p.get("segmentMeasuredArticles"):
                    note += f", EXTRAPOLATED from {p['segmentMeasuredArticles']:,} articles"
                print(f"  {name:<22} {p['processSeconds']:>8.2f} {p['cpuSeconds']:>8.2f} {p['peakRSSMegabytes']:>8.0f} "
                      f"{'':>10}  {stages}{note}, {p['segmentMBps']:.2f} MB/s)")
                continue
            mark = "*" if p.get("extrapolated") else " "
            cpu = f"{p['cpuSeconds']:>8.2f}" if "cpuSeconds" in p else f"{'—':>8}"
            print(f"  {name + mark:<22} {p['processSeconds']:>8.2f} {cpu} {p['peakRSSMegabytes']:>8.0f} "
                  f"{ratio(ours['processSeconds'], p['processSeconds']):>10.2f}  {stages}")
        if any(p.get("extrapolated") for p in fit["peers"].values()):
            print("  * jieba segmentation extrapolated from a measured subset (by UTF-8 bytes); not a full run")
        if fit["articles"] >= 100_000:
            verdict = "MET" if ours["processSeconds"] < 20 else "MISSED"
            print(f"  target: whole fit of 100k articles < 20 s: {verdict} ({ours['processSeconds']:.1f} s)")
    print_growth(report["fit"])
    for block in report["similar"]:
        runs = sorted({row[side]["runs"] for row in block["queries"].values() for side in ("ours", "peer")})
        print(f"\nsimilar (whole process, median of {'/'.join(map(str, runs))} runs after a warm-up, ms) on {block['model']}")
        print(f"  {'query':<34} {'ours':>8} {'peer':>8} {'ours/peer':>10} {'ours CPU':>9} {'peer CPU':>9}  ours min–max   target")
        target = block.get("targetMs")
        for kind, row in block["queries"].items():
            label = f"id {block['queryId']}" if kind == "id" else f"--text \"{block['queryText']}\""
            o, p = row["ours"], row["peer"]
            verdict = "" if target is None else (f"< {target} ms " + ("MET" if o["medianMs"] < target else "MISSED"))
            ocpu = f"{o['medianCPUms']:>9.1f}" if "medianCPUms" in o else f"{'—':>9}"
            pcpu = f"{p['medianCPUms']:>9.1f}" if "medianCPUms" in p else f"{'—':>9}"
            print(f"  {label:<34} {o['medianMs']:>8.1f} {p['medianMs']:>8.1f} {ratio(o['medianMs'], p['medianMs']):>10.2f}"
                  f" {ocpu} {pcpu}  {o['minMs']:.1f}–{o['maxMs']:.1f}   {verdict}")


def print_growth(fits):
    """How each cost grows with the corpus: seconds per size and the factor from one size to the next."""
    fits = sorted(fits, key=lambda f: f["articles"])
    if len(fits) < 2:
        return
    rows = [("terms (ours)", [f"{f['ours']['terms']:,}" for f in fits], None)]
    rows.append(("policylens fit wall s", [f["ours"]["processSeconds"] for f in fits], True))
    rows.append(("policylens fit CPU s", [f["ours"]["cpuSeconds"] for f in fits], True))
    stages = [k for k in STAGE_ORDER if all(k in f["ours"]["stages"] for f in fits)]
    rows += [(f"  {k}", [f["ours"]["stages"][k] for f in fits], True) for k in stages]
    rows.append(("policylens fit peak MB", [f["ours"]["peakRSSMegabytes"] for f in fits], True))
    if all("rjieba+sklearn" in f["peers"] for f in fits):
        peer_runs = [f["peers"]["rjieba+sklearn"] for f in fits]
        rows.append(("rjieba+sklearn wall s", [p["processSeconds"] for p in peer_runs], True))
        rows.append(("rjieba+sklearn CPU s", [p["cpuSeconds"] for p in peer_runs], True))
        for k in ("segment", "tfidf", "svd"):
            if all(k in p["stages"] for p in peer_runs):
                rows.append((f"  {k}", [p["stages"][k] for p in peer_runs], True))
        rows.append(("rjieba+sklearn peak MB", [p["peakRSSMegabytes"] for p in peer_runs], True))
    sizes = [f"{f['articles']:,}" for f in fits]
    steps = [f"×{fits[i + 1]['articles'] // max(1, fits[i]['articles'])}" for i in range(len(fits) - 1)]
    print("\ngrowth (seconds or MB per size; the factor from one size to the next)")
    print(f"  {'cost (articles →)':<24}" + "".join(f"{s:>12}" for s in sizes) + "".join(f"{'growth ' + s:>14}" for s in steps))
    for label, values, numeric in rows:
        if not numeric:
            print(f"  {label:<24}" + "".join(f"{v:>12}" for v in values))
            continue
        growth = [values[i + 1] / values[i] if values[i] > 0 else float("nan") for i in range(len(values) - 1)]
        print(f"  {label:<24}" + "".join(f"{v:>12.2f}" for v in values) + "".join(f"{g:>14.1f}" for g in growth))


def merge(paths):
    """Several saved reports as one (fit sizes and similar blocks concatenated; load averages kept per run)."""
    reports = [json.load(open(path, encoding="utf-8")) for path in paths]
    merged = dict(reports[0])
    merged["fit"] = [fit for r in reports for fit in r["fit"]]
    merged["similar"] = [block for r in reports for block in r["similar"]]
    merged["date"] = ", ".join(r["date"] for r in reports)
    merged["loadBefore"] = [r["loadBefore"] for r in reports] if len(reports) > 1 else reports[0]["loadBefore"]
    merged["loadAfter"] = [r["loadAfter"] for r in reports] if len(reports) > 1 else reports[0]["loadAfter"]
    merged["uptime"] = " | ".join(r["uptime"] for r in reports)
    return merged


def save(report, path):
    """Writes the report so far (after every size, so a long run that fails keeps its figures)."""
    if path:
        report.setdefault("loadAfter", None)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(dict(report, loadAfter=load_average()), indent=2, sort_keys=True, ensure_ascii=False) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--dimensions", type=int, default=100, help="latent dimensions k of every fit")
    parser.add_argument("--dims", type=int, dest="dimensions", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--corpus", choices=["realistic", "pseudo"], default="realistic",
                        help="realistic: real lexicon words, Zipf draws, Heaps' law growth (≈ 207k terms at 100k); "
                             "pseudo: the older random pseudo-terms (≈ 17k terms at 100k)")
    parser.add_argument("--jieba-limit", type=int, default=5000, help="segment at most this many articles with jieba")
    parser.add_argument("--gensim-max", type=int, default=10000, help="run the gensim peer up to this size")
    parser.add_argument("--scratch-path", default=os.environ.get("BENCH_SCRATCH", ".build"))
    parser.add_argument("--fit-runs", type=int, default=1,
                        help="fit processes per size for ours and rjieba+sklearn (alternating); the median is shown")
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--skip-fit", action="store_true", help="reuse bench/out/model-N and peer-index-N")
    parser.add_argument("--skip-similar", action="store_true")
    parser.add_argument("--loop-budget", type=float, default=60.0,
                        help="seconds per latency loop; slower queries get fewer runs (at least 5)")
    parser.add_argument("--blas-threads", type=int, default=1,
                        help="OPENBLAS_NUM_THREADS for every process (0: leave unset); see bench/README.md")
    parser.add_argument("--json", action="store_true", help="print one JSON document instead of tables")
    parser.add_argument("--out", help="also write the JSON report to this file")
    parser.add_argument("--render", nargs="+", metavar="FILE", help="only print the tables of saved --out reports (merged)")
    args = parser.parse_args()
    if args.render:
        report = merge(args.render)
        print(json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False) if args.json else "", end="")
        if not args.json:
            print_tables(report)
        return

    os.makedirs(OUT, exist_ok=True)
    global LOOP_BUDGET_SECONDS, CORPUS_KIND
    CORPUS_KIND = args.corpus
    LOOP_BUDGET_SECONDS = args.loop_budget
    binaries = {"cli": os.path.join(ROOT, args.scratch_path, "release", "policylens"),
                "bench": os.path.join(ROOT, args.scratch_path, "release", "policylens-bench")}
    if not args.skip_build:
        for product in ("policylens", "policylens-bench"):
            run(["swift", "build", "-c", "release", "--scratch-path", args.scratch_path, "--product", product],
                stdout=sys.stderr)
    # A private lexicon cache, warmed by fitting the seeds, so every fit starts from the same state.
    env = dict(os.environ, XDG_CACHE_HOME=os.path.join(OUT, "cache"))
    if args.blas_threads > 0:
        env["OPENBLAS_NUM_THREADS"] = str(args.blas_threads)
    else:
        env.pop("OPENBLAS_NUM_THREADS", None)
    global PEER_ENV
    PEER_ENV = env
    report = {"date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "machine": platform.machine(),
              "cores": os.cpu_count(), "loadBefore": load_average(), "dimensions": args.dimensions,
              "blasThreads": args.blas_threads or "unset",
              "uptime": subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip(), "fit": [], "similar": []}
    run([binaries["cli"], "fit", "seeds", "--model", os.path.join(OUT, "model-seeds-warmup"), "--quiet"], env=env,
        stdout=subprocess.DEVNULL)
    for size in args.sizes:
        if args.skip_fit:
            continue
        log(f"fit benchmark at {size:,} articles")
        report["fit"].append(bench_fit(binaries, size, args, env))
        save(report, args.out)
    if not args.skip_similar:
        manifest = json.load(open(os.path.join(ROOT, "models/seeds/manifest.json"), encoding="utf-8"))
        seeds_index = seeds_peer_index(binaries, manifest["counts"]["dimensions"])
        block = bench_similar(binaries, "models/seeds", "models/seeds", seeds_index, SEEDS_QUERY_ID, args.runs, env)
        block["targetMs"] = 50
        report["similar"].append(block)
        save(report, args.out)
        for size in sorted(args.sizes):
            model = os.path.join(OUT, name("model", size))
            if not os.path.exists(os.path.join(model, "manifest.json")):
                continue
            block = bench_similar(binaries, f"bench/out/{name('model', size)}", model, os.path.join(OUT, name("peer-index", size)),
                                  first_article_id(model), args.runs, env)
            if size >= 100_000:
                block["targetMs"] = 200
            report["similar"].append(block)
            save(report, args.out)
    report["loadAfter"] = load_average()
    save(report, args.out)
    if args.json:
        print(json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False))
    else:
        print_tables(report)


if __name__ == "__main__":
    main()
