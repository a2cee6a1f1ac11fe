#!/usr/bin/env python3
"""Baseline scores on the hand-judged check set, to report next to PolicyLens's own.

Computes the same metrics as Tests/PolicyLensKitTests/EvaluationTests.swift, but for the obvious
off-the-shelf baseline (jieba + scikit-learn), on the committed seed articles:

Similarity (Tests/EvaluationData/similarity_judgements.json)
  For every query article, rank all other articles by cosine similarity (no region filter,
  the query itself excluded, ties broken by model row order) and take the top 5.
    P@5          = |top 5 ∩ relevant| / 5, averaged over queries
    P@min(5,R)   = |top r ∩ relevant| / r with r = min(5, number of judged relevant),
                   averaged over queries ("R-precision capped at 5")
  Grades 1 and 2 both count as relevant, as in the Swift test.
  Rows:
    jieba + TF-IDF + LSA  jieba.lcut (default mode, HMM on) of title + "\\n" + body paragraphs
                          joined by "\\n"; tokens dropped if they are whitespace/punctuation only
                          (Unicode P*, S*, Z* categories), a single character, or a pure number
                          (digits with . or , only); TfidfVectorizer(analyzer=identity,
                          sublinear_tf=True); TruncatedSVD(n_components=min(100, n_docs // 2),
                          algorithm="randomized", n_iter=5, random_state=0); cosine on the SVD
                          output (transform = U·Σ).
    jieba + TF-IDF        the same TF-IDF matrix, cosine without SVD.

Tagging (Tests/EvaluationData/theme_judgements.json, themes from models/themes.yaml)
  Micro-averaged precision / recall / F1 over (article, theme) pairs of the judged articles.
  Rows:
    keywords (≥1 hit)     an article carries a theme when any of the theme's seed terms occurs
                          as a substring of title + "\\n" + body.
    keywords (≥2 hits)    only when the seed-term occurrences add up to at least 2: the sum over
                          the theme's seeds of the non-overlapping occurrence count of that seed
                          (repeats count; a nested seed such as 低空 inside 低空经济 counts again).
  Latin letters match case-insensitively (AI/ai, eVTOL/EVTOL), as PolicyLens matches seeds.

Everything is deterministic (no randomness except the SVD, which is seeded). With only 18
queries one relevant hit moves P@5 by 0.011, and the randomized SVD's seed alone moves it by a
few hits; --svd-seed-spread N also prints the mean/min/max over random_state 0..N-1.

Requirements: Python 3.9+, `pip install jieba scikit-learn pyyaml` (PyYAML is optional; a tiny
parser for the themes.yaml subset is used when it is missing).

Run from anywhere (paths are resolved against the repository root):
    python3 scripts/baseline_eval.py          # table
    python3 scripts/baseline_eval.py --json   # the same numbers as JSON
    python3 scripts/baseline_eval.py --svd-seed-spread 10   # plus LSA spread over SVD seeds
"""
import argparse
import json
import logging
import re
import sys
import unicodedata
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = "models/seeds/articles.jsonl"
SIMILARITY = "Tests/EvaluationData/similarity_judgements.json"
THEME_JUDGEMENTS = "Tests/EvaluationData/theme_judgements.json"
THEMES = "models/themes.yaml"

TOP_K = 5
RANDOM_STATE = 0


# ---------------------------------------------------------------- inputs


def load_articles(root):
    with open(root / ARTICLES, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def article_text(article):
    return article["title"] + "\n" + "\n".join(article["body"])


def load_themes(root):
    """[(key, [seed, ...])] in file order."""
    text = (root / THEMES).read_text(encoding="utf-8")
    try:
        import yaml

        data = yaml.safe_load(text)
        return [(str(t["key"]), [str(s) for s in t.get("seeds") or []]) for t in data["themes"]]
    except ImportError:
        return parse_themes_subset(text)


def _strip_comment(line):
    # Comments start with # at the beginning of a line or after a space.
    if line.lstrip().startswith("#"):
        return ""
    return re.sub(r"\s#.*$", "", line)


def _scalar(value):
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def parse_themes_subset(text):
    """Fallback for the simple YAML subset themes.yaml uses (flow or block seed lists)."""
    themes = []
    current = None
    in_seeds = False
    for raw in text.splitlines():
        line = _strip_comment(raw).rstrip()
        if not line.strip():
            continue
        stripped = line.strip()
        item = re.match(r"^-\s+(\w[\w-]*):\s*(.*)$", stripped)
        if item and item.group(1) == "key":
            current = {"key": _scalar(item.group(2)), "seeds": []}
            themes.append(current)
            in_seeds = False
            continue
        if current is None:
            continue
        field = re.match(r"^(\w[\w-]*):\s*(.*)$", stripped)
        if field:
            name, value = field.group(1), field.group(2).strip()
            in_seeds = name == "seeds" and value == ""
            if name == "seeds" and value.startswith("["):
                inner = value.strip("[]")
                current["seeds"] = [_scalar(s) for s in inner.split(",") if s.strip()]
            continue
        if in_seeds and stripped.startswith("- "):
            current["seeds"].append(_scalar(stripped[2:]))
    return [(t["key"], t["seeds"]) for t in themes]


# ---------------------------------------------------------------- similarity

PURE_NUMBER = re.compile(r"^[\d.,．，]+$")  # \d is Unicode-aware: also full-width digits


def is_punct_or_space(token):
    return all(ch.isspace() or unicodedata.category(ch)[0] in "PSZ" for ch in token)


def keep_token(token):
    token = token.strip()
    if len(token) <= 1:  # empty after stripping whitespace, or a single character
        return False
    if is_punct_or_space(token):
        return False
    if PURE_NUMBER.match(token):
        return False
    return True


def tokenize(texts):
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return [[t.strip() for t in jieba.lcut(text) if keep_token(t)] for text in texts]


def rank_neighbours(vectors, row, k):
    """Top-k rows by cosine similarity to `row`, excluding `row`; ties by row order."""
    norms = np.linalg.norm(vectors, axis=1)
    norms[norms == 0] = 1.0
    unit = vectors / norms[:, None]
    scores = unit @ unit[row]
    order = [i for i in np.argsort(-scores, kind="stable") if i != row]
    return order[:k]


def similarity_metrics(vectors, ids, queries):
    row_of = {a: i for i, a in enumerate(ids)}
    p5, rprec = [], []
    for query in queries:
        relevant = {r["id"] for r in query["relevant"]}
        results = [ids[i] for i in rank_neighbours(vectors, row_of[query["query"]], TOP_K)]
        p5.append(sum(r in relevant for r in results) / TOP_K)
        r = min(TOP_K, len(relevant))
        rprec.append(sum(x in relevant for x in results[:r]) / r)
    return float(np.mean(p5)), float(np.mean(rprec))


def similarity_rows(articles, queries, seed_spread=0):
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer

    ids = [a["id"] for a in articles]
    tokens = tokenize([article_text(a) for a in articles])
    tfidf = TfidfVectorizer(analyzer=lambda x: x, sublinear_tf=True).fit_transform(tokens)
    n_docs = tfidf.shape[0]
    k = min(100, n_docs // 2)
    svd = TruncatedSVD(n_components=k, algorithm="randomized", n_iter=5, random_state=RANDOM_STATE)
    lsa = svd.fit_transform(tfidf)  # = U·Σ

    details = {"documents": n_docs, "vocabulary": tfidf.shape[1], "svd_components": k,
               # rounded: the last bits depend on the BLAS thread count, the rankings do not
               "svd_explained_variance": round(float(svd.explained_variance_ratio_.sum()), 6)}
    if seed_spread > 0:
        runs = []
        for seed in range(seed_spread):
            other = TruncatedSVD(n_components=k, algorithm="randomized", n_iter=5, random_state=seed)
            runs.append(similarity_metrics(other.fit_transform(tfidf), ids, queries))
        runs = np.array(runs)
        details["lsa_svd_seed_spread"] = {
            "random_states": f"0..{seed_spread - 1}",
            **{f"{name}_{stat}": float(fn(runs[:, col]))
               for col, name in enumerate(("p_at_5", "p_at_min_5_r"))
               for stat, fn in (("mean", np.mean), ("min", np.min), ("max", np.max))}}
    rows = []
    for method, vectors in ((f"jieba + TF-IDF + LSA (k={k})", lsa),
                            ("jieba + TF-IDF (no SVD)", tfidf.toarray())):
        p5, rprec = similarity_metrics(np.asarray(vectors, dtype=np.float64), ids, queries)
        rows.append({"method": method, "p_at_5": p5, "p_at_min_5_r": rprec})
    return rows, details


# ---------------------------------------------------------------- tagging


def tag_articles(articles, themes, min_hits):
    tagged = {}
    for article in articles:
        text = article_text(article).lower()
        keys = set()
        for key, seeds in themes:
            hits = 0
            for seed in seeds:
                seed = seed.lower()
                if seed:
                    hits += text.count(seed)
                if hits >= min_hits:
                    keys.add(key)
                    break
        tagged[article["id"]] = keys
    return tagged


def tag_metrics(tagged, judged):
    tp = fp = fn = 0
    for entry in judged:
        expected = set(entry["themes"])
        predicted = tagged[entry["id"]]
        tp += len(expected & predicted)
        fp += len(predicted - expected)
        fn += len(expected - predicted)
    precision = tp / max(1, tp + fp)
    recall = tp / max(1, tp + fn)
    f1 = 2 * precision * recall / max(1e-12, precision + recall)
    return {"tag_precision": precision, "tag_recall": recall, "tag_f1": f1,
            "true_positives": tp, "false_positives": fp, "false_negatives": fn}


def tagging_rows(articles, themes, judged):
    rows = []
    for min_hits in (1, 2):
        label = f"keywords (>={min_hits} seed hit{'s' if min_hits > 1 else ''})"
        rows.append({"method": label, **tag_metrics(tag_articles(articles, themes, min_hits), judged)})
    return rows


# ---------------------------------------------------------------- output


def fmt(value):
    return "—" if value is None else f"{value:.3f}"


def print_table(result):
    columns = ["method", "P@5", "P@min(5,R)", "tag P", "tag R", "tag F1"]
    lines = []
    for row in result["rows"]:
        lines.append([row["method"], fmt(row.get("p_at_5")), fmt(row.get("p_at_min_5_r")),
                      fmt(row.get("tag_precision")), fmt(row.get("tag_recall")), fmt(row.get("tag_f1"))])
    widths = [max(len(c), *(len(l[i]) for l in lines)) for i, c in enumerate(columns)]
    print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(columns, widths))))
    print("  ".join("-" * w for w in widths))
    for line in lines:
        print("  ".join(v.ljust(w) if i == 0 else v.rjust(w) for i, (v, w) in enumerate(zip(line, widths))))
    d = result["details"]
    print()
    print(f"similarity: {d['similarity_queries']} queries, {d['documents']} documents, "
          f"vocabulary {d['vocabulary']}, SVD k={d['svd_components']} "
          f"(explained variance {d['svd_explained_variance']:.3f})")
    spread = d.get("lsa_svd_seed_spread")
    if spread:
        print(f"LSA over SVD random_state {spread['random_states']}: "
              f"P@5 mean {spread['p_at_5_mean']:.3f} (min {spread['p_at_5_min']:.3f}, max {spread['p_at_5_max']:.3f}), "
              f"P@min(5,R) mean {spread['p_at_min_5_r_mean']:.3f} "
              f"(min {spread['p_at_min_5_r_min']:.3f}, max {spread['p_at_min_5_r_max']:.3f})")
    print(f"tagging: {d['tag_articles']} judged articles, {d['themes']} themes")
    print(f"versions: {', '.join(f'{k} {v}' for k, v in d['versions'].items())}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--svd-seed-spread", type=int, default=0, metavar="N",
                        help="also report LSA P@5 / P@min(5,R) mean/min/max over SVD random_state 0..N-1")
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root (default: %(default)s)")
    args = parser.parse_args(argv)

    import jieba
    import sklearn

    articles = load_articles(args.root)
    queries = json.loads((args.root / SIMILARITY).read_text(encoding="utf-8"))["queries"]
    judged = json.loads((args.root / THEME_JUDGEMENTS).read_text(encoding="utf-8"))["articles"]
    themes = load_themes(args.root)

    known = {a["id"] for a in articles}
    missing = sorted({q["query"] for q in queries} - known) + sorted({e["id"] for e in judged} - known)
    if missing:
        sys.exit(f"unknown article ids in the judgements: {missing}")

    sim_rows, details = similarity_rows(articles, queries, args.svd_seed_spread)
    tag_rows = tagging_rows(articles, themes, judged)
    details.update({"similarity_queries": len(queries), "tag_articles": len(judged),
                    "themes": len(themes),
                    "versions": {"python": sys.version.split()[0], "jieba": jieba.__version__,
                                 "scikit-learn": sklearn.__version__, "numpy": np.__version__}})
    result = {"rows": sim_rows + tag_rows, "details": details}

    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print_table(result)


if __name__ == "__main__":
    main()
