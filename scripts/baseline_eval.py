#!/usr/bin/env python3
"""Baseline scores on the hand-judged check set, to report next to PolicyLens's own.

Scores the obvious off-the-shelf baseline (jieba + scikit-learn) on the committed seed articles
(models/seeds/articles.jsonl) against Tests/EvaluationData/checkset.json, with exactly the
measures `policylens evaluate` computes (Sources/PolicyLensKit/Evaluation.swift,
Sources/SimilaritySearch/RankingMetrics.swift, Sources/ThemeTagging/TagAgreement.swift).

Check set (format of Sources/PolicyLensKit/CheckSet.swift)
  formatVersion 1; sections `similar` (query article + graded judgements), `search` (free text
  + graded judgements) and `themes` (an article's judged theme keys), each entry with a split,
  `tuning` or `heldout`. An article is named by its id or, failing that, by its exact title
  (the first article with that title). A later judgement of the same article replaces an
  earlier one. Grades must be 0..3, splits tuning/heldout, as the Swift reader checks. Names
  that match no article are an error, or with --allow-missing are listed and skipped (a
  judgement is dropped, a similar question or theme entry is left out), as in Swift.

How questions are answered
  similar  rank every article except the query itself by cosine similarity to the query
           article's vector (no region, date or near-duplicate filter).
  search   rank every article by cosine similarity to the query text's vector, the text
           tokenised and weighted exactly as the articles were (a text with no known term has
           the zero vector: every score is 0 and the ranking is article order; Swift would
           refuse such a question, so their number is reported).
  Ties go to the earlier article in articles.jsonl order (higher score first, then lower index,
  as Neighbour.ranks(before:)). The answer list is the top min(100, number of articles).

Ranking measures (per question, then the plain mean over the questions of a task and split)
  A judged article has its grade, every other article grade 0; relevant = grade ≥ 1; R = the
  number of relevant judged articles (including any the ranking cannot return, such as one
  outside the top 100); rel(i) = grade of the answer at rank i (1-based).
    nDCG@10 = DCG@10 / IDCG@10, DCG@10 = Σᵢ₌₁¹⁰ (2^rel(i) − 1) / log₂(i + 1); IDCG@10 is the same
              sum over all judged grades sorted descending (0 when no grade is positive:
              nDCG = 0)
    P@5     = |relevant in the top 5| / 5
    AP      = (1/R) Σ over the ranks i ≤ 100 holding a relevant answer of P@i   (0 when R = 0)
    R@10    = |relevant in the top 10| / R                                     (0 when R = 0)
  Rows are `similar` and `search` × `tuning`, `heldout`, `all` (both splits together); a split
  with no question has no row. Printed as nDCG@10, P@5, MAP (mean AP), R@10.

Theme agreement (per split, over the judged articles of that split)
  Pairs (article, theme) with the theme predicted or judged for the article:
  TP = both, FP = predicted only, FN = judged only, summed over articles and themes.
    micro P = TP / (TP + FP), micro R = TP / (TP + FN), micro F1 = 2PR / (P + R)
    macro F1 = mean over the themes occurring in at least one pair (judged or predicted for
               some article of the split) of that theme's F1 from its own TP/FP/FN
  A ratio with a zero denominator is 0.

Rows
  jieba + TF-IDF            ("plain script" baseline) jieba.lcut (default mode, HMM on) of
                            title + "\\n" + body paragraphs joined by "\\n"; each token is
                            stripped of surrounding whitespace and dropped if it is then empty,
                            a single character, only punctuation/symbols/separators (Unicode
                            P*, S*, Z* categories), or a pure number (digits with . or , only,
                            full-width included); TfidfVectorizer(analyzer=identity,
                            sublinear_tf=True) (smooth idf, l2 rows) fitted on the articles;
                            cosine on those rows. A search text is tokenised the same way and
                            vectorizer.transform-ed (unknown tokens ignored).
  jieba + TF-IDF + LSA      TruncatedSVD(n_components=min(100, n_docs // 2),
                            algorithm="randomized", n_iter=5, random_state=0) fitted on the
                            TF-IDF matrix above; articles are the fit_transform rows (U·Σ), a
                            search text is folded in with svd.transform(its TF-IDF row); cosine.
  Theme rows; Latin letters match case-insensitively (str.lower on both text and seed, as
  PolicyLens matches AI/ai, eVTOL/EVTOL); hits(text) = Σ over the theme's seeds of
  text.count(seed), the non-overlapping substring count (repeats count; a nested seed such as
  低空 inside 低空经济 counts again); themes from models/themes.yaml (`seeds` lists):
    seed-term count (≥4 in body or ≥1 in title)
                            the article carries the theme when hits(body paragraphs joined by
                            "\\n") ≥ 4 or hits(title) ≥ 1.
    keywords (≥1 seed hit)  when hits(title + "\\n" + body) ≥ 1 (the older keyword row).
    keywords (≥2 seed hits) when hits(title + "\\n" + body) ≥ 2.

Cluster purity (--clusters K, with --clusters-json FILE to score PolicyLens's clusters too)
  Baseline: KMeans(n_clusters=K, random_state=0, n_init=10) on the jieba TF-IDF rows above,
  l2-normalised. Reference partition: each article's judged themes in the check set's `themes`
  section; an article with no judged theme has the one class "none" (it is not left out).
  purity = Σ over clusters of the largest number of members carrying one single theme (a
           multi-theme article counts for each of its themes) / number of clustered articles.
  FILE is the output of `policylens clusters --json`; its `unclustered` articles are not
  clustered: they are left out of the denominator, and the coverage (clustered / all) and a
  strict purity (the same numerator over all articles) are printed next to it. With --clusters
  auto, K is the number of clusters in FILE. Rows: all judged articles, and each split.

Everything is deterministic (the only randomness, the SVD, is seeded); the explained variance
is printed rounded because its last bits depend on the BLAS thread count. With 20-30 questions
per split one answer moves a mean by a few hundredths; --svd-seed-spread N also prints the LSA
rows' mean/min/max over random_state 0..N-1 to show how much the SVD seed alone moves them.

Requirements: Python 3.9+, `pip install jieba scikit-learn numpy pyyaml` (PyYAML is optional;
a tiny parser for the themes.yaml subset is used when it is missing).

Run from anywhere (paths are resolved against the repository root):
    python3 scripts/baseline_eval.py          # tables
    python3 scripts/baseline_eval.py --json   # the same numbers as JSON
    python3 scripts/baseline_eval.py --svd-seed-spread 10   # plus LSA spread over SVD seeds
    python3 scripts/baseline_eval.py --clusters 12          # plus KMeans cluster purity, k = 12
    policylens clusters --json > /tmp/c.json
    python3 scripts/baseline_eval.py --clusters auto --clusters-json /tmp/c.json
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
CHECKSET = "Tests/EvaluationData/checkset.json"
THEMES = "models/themes.yaml"

FORMAT_VERSION = 1
SPLITS = ("tuning", "heldout")
ROW_SPLITS = ("tuning", "heldout", "all")
TASKS = ("similar", "search")
RANKED_ANSWERS = 100
RANDOM_STATE = 0

TFIDF = "jieba + TF-IDF"
LSA = "jieba + TF-IDF + LSA"
SEED_COUNT = "seed-term count (≥4 in body or ≥1 in title)"
MEASURES = ("ndcgAt10", "precisionAt5", "averagePrecision", "recallAt10")


# ---------------------------------------------------------------- inputs


def load_articles(root):
    with open(root / ARTICLES, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def article_body(article):
    return "\n".join(article["body"])


def article_text(article):
    return article["title"] + "\n" + article_body(article)


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


def load_checkset(path):
    """The check set's three sections, checked as CheckSet.init(contentsOf:) checks them."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        sys.exit(f"cannot read the check set {path}: {error}")
    if data.get("formatVersion") != FORMAT_VERSION:
        sys.exit(f"{path}: formatVersion {data.get('formatVersion')}; this script reads {FORMAT_VERSION}")
    sections = {name: data.get(name) or [] for name in ("similar", "search", "themes")}
    for entries in sections.values():
        for entry in entries:
            if entry["split"] not in SPLITS:
                sys.exit(f"{path}: split {entry['split']!r} is not tuning or heldout")
    for name in TASKS:
        for entry in sections[name]:
            for judgement in entry["judgements"]:
                if not 0 <= int(judgement["grade"]) <= 3:
                    sys.exit(f"{path}: a grade of {judgement['grade']}; grades are 0, 1, 2 (or 3)")
    return sections


class Resolver:
    """Article references (id, else exact title) to row numbers; unknown ones are collected."""

    def __init__(self, articles):
        self.row_by_id = {a["id"]: i for i, a in enumerate(articles)}
        self.row_by_title = {}
        for i, a in enumerate(articles):
            self.row_by_title.setdefault(a["title"], i)
        self.missing = []

    def row(self, value):
        if value in self.row_by_id:
            return self.row_by_id[value]
        if value in self.row_by_title:
            return self.row_by_title[value]
        if value not in self.missing:
            self.missing.append(value)
        return None

    def grades(self, judgements):
        """{row: grade}; later judgements of the same article replace earlier ones."""
        grades = {}
        for judgement in judgements:
            row = self.row(judgement["id"])
            if row is not None:
                grades[row] = int(judgement["grade"])
        return grades


# ---------------------------------------------------------------- vectors

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


def identity(tokens):
    return tokens


def unit_rows(matrix):
    matrix = np.asarray(matrix, dtype=np.float64)
    if matrix.ndim == 1:
        matrix = matrix[None, :]
    norms = np.linalg.norm(matrix, axis=1)
    norms[norms == 0] = 1.0
    return matrix / norms[:, None]


class Space:
    """One method's article vectors (unit rows) and how it folds in a text."""

    def __init__(self, unit, fold_in):
        self.unit = unit
        self.fold_in = fold_in  # list of token lists -> matrix of query rows

    def rank(self, query_unit, exclude=None):
        """Rows by cosine to `query_unit`, best first, ties by row order, top RANKED_ANSWERS."""
        scores = self.unit @ query_unit
        order = [int(i) for i in np.argsort(-scores, kind="stable") if i != exclude]
        return order[: min(RANKED_ANSWERS, len(self.unit))]


def build_spaces(articles, seed_spread=0):
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer

    tokens = tokenize([article_text(a) for a in articles])
    vectorizer = TfidfVectorizer(analyzer=identity, sublinear_tf=True)
    tfidf = vectorizer.fit_transform(tokens)
    n_docs = tfidf.shape[0]
    k = min(100, n_docs // 2)

    def lsa_space(seed):
        svd = TruncatedSVD(n_components=k, algorithm="randomized", n_iter=5, random_state=seed)
        lsa = svd.fit_transform(tfidf)  # = U·Σ
        return Space(unit_rows(lsa), lambda toks: svd.transform(vectorizer.transform(toks))), svd

    lsa, svd = lsa_space(RANDOM_STATE)
    spaces = {
        TFIDF: Space(unit_rows(tfidf.toarray()), lambda toks: vectorizer.transform(toks).toarray()),
        LSA: lsa,
    }
    extra = [lsa_space(seed)[0] for seed in range(seed_spread)]
    details = {"documents": n_docs, "vocabulary": tfidf.shape[1], "svdComponents": k,
               # rounded: the last bits depend on the BLAS thread count, the rankings do not
               "svdExplainedVariance": round(float(svd.explained_variance_ratio_.sum()), 6),
               "vocabulary_set": set(vectorizer.vocabulary_)}
    return spaces, extra, details


# ---------------------------------------------------------------- ranking measures


def ranking_metrics(ranking, grades):
    """RankingMetrics(ranking:grades:) of Sources/SimilaritySearch/RankingMetrics.swift."""

    def gain(grade):
        return float((1 << max(0, min(grade, 30))) - 1)

    def discount(rank):
        return 1.0 / np.log2(rank + 1)

    relevant_count = sum(1 for g in grades.values() if g > 0)
    top10 = [grades.get(key, 0) for key in ranking[:10]]
    dcg = sum(gain(g) * discount(i + 1) for i, g in enumerate(top10))
    ideal = sum(gain(g) * discount(i + 1) for i, g in enumerate(sorted(grades.values(), reverse=True)[:10]))
    hits = 0
    precision_sum = 0.0
    for offset, key in enumerate(ranking):
        if grades.get(key, 0) > 0:
            hits += 1
            precision_sum += hits / (offset + 1)
    return {
        "ndcgAt10": dcg / ideal if ideal > 0 else 0.0,
        "precisionAt5": sum(1 for key in ranking[:5] if grades.get(key, 0) > 0) / 5,
        "averagePrecision": precision_sum / relevant_count if relevant_count > 0 else 0.0,
        "recallAt10": sum(1 for g in top10 if g > 0) / relevant_count if relevant_count > 0 else 0.0,
    }


def mean_metrics(all_metrics):
    if not all_metrics:
        return {m: 0.0 for m in MEASURES}
    return {m: float(sum(x[m] for x in all_metrics) / len(all_metrics)) for m in MEASURES}


def answer_questions(space, questions):
    """[(task, split, metrics)] for prepared questions (see prepare_questions)."""
    results = []
    text_questions = [q for q in questions if q["task"] == "search"]
    if text_questions:
        folded = unit_rows(space.fold_in([q["tokens"] for q in text_questions]))
        for q, vector in zip(text_questions, folded):
            q["_vector"] = vector
    for q in questions:
        if q["task"] == "similar":
            ranking = space.rank(space.unit[q["row"]], exclude=q["row"])
        else:
            ranking = space.rank(q.pop("_vector"))
        results.append((q["task"], q["split"], ranking_metrics(ranking, q["grades"])))
    return results


def ranking_rows(method, results):
    rows = []
    for task in TASKS:
        for split in ROW_SPLITS:
            chosen = [m for t, s, m in results if t == task and (split == "all" or s == split)]
            if chosen:
                rows.append({"method": method, "task": task, "split": split,
                             "questionCount": len(chosen), **mean_metrics(chosen)})
    return rows


def prepare_questions(checkset, resolver):
    questions = []
    for entry in checkset["similar"]:
        grades = resolver.grades(entry["judgements"])  # before the query, as in Swift
        row = resolver.row(entry["query"])
        if row is not None:
            questions.append({"task": "similar", "split": entry["split"], "row": row, "grades": grades})
    texts = [entry["text"] for entry in checkset["search"]]
    for entry, tokens in zip(checkset["search"], tokenize(texts)):
        questions.append({"task": "search", "split": entry["split"], "text": entry["text"],
                          "tokens": tokens, "grades": resolver.grades(entry["judgements"])})
    return questions


# ---------------------------------------------------------------- themes


def hits(text, seeds):
    """Σ over seeds of the non-overlapping occurrences of the seed in text (Latin lower-cased)."""
    text = text.lower()
    return sum(text.count(seed.lower()) for seed in seeds if seed)


def tag_articles(articles, themes, rule):
    return [{key for key, seeds in themes if rule(article, seeds)} for article in articles]


THEME_RULES = (
    (SEED_COUNT, lambda a, seeds: hits(article_body(a), seeds) >= 4 or hits(a["title"], seeds) >= 1),
    ("keywords (≥1 seed hit)", lambda a, seeds: hits(article_text(a), seeds) >= 1),
    ("keywords (≥2 seed hits)", lambda a, seeds: hits(article_text(a), seeds) >= 2),
)


def tag_agreement(predicted, judged):
    """TagAgreement(predicted:judged:) of Sources/ThemeTagging/TagAgreement.swift."""
    per_theme = {}
    for p, j in zip(predicted, judged):
        for key in sorted(p | j):  # sorted: sums in a fixed order, whatever the hash seed
            counts = per_theme.setdefault(key, [0, 0, 0])
            if key in p and key in j:
                counts[0] += 1
            elif key in p:
                counts[1] += 1
            else:
                counts[2] += 1

    def ratio(a, b):
        return a / b if b > 0 else 0.0

    def f1(precision, recall):
        return 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0

    per_theme = [per_theme[key] for key in sorted(per_theme)]
    tp = sum(c[0] for c in per_theme)
    fp = sum(c[1] for c in per_theme)
    fn = sum(c[2] for c in per_theme)
    precision, recall = ratio(tp, tp + fp), ratio(tp, tp + fn)
    theme_f1 = [f1(ratio(c[0], c[0] + c[1]), ratio(c[0], c[0] + c[2])) for c in per_theme]
    return {"microPrecision": precision, "microRecall": recall, "microF1": f1(precision, recall),
            "macroF1": float(sum(theme_f1) / len(theme_f1)) if theme_f1 else 0.0}


def theme_rows(articles, themes, checkset, resolver):
    entries = []
    for entry in checkset["themes"]:
        row = resolver.row(entry["id"])
        if row is not None:
            entries.append((entry["split"], row, set(entry["themes"])))
    rows = []
    few = [(key, seeds[:3]) for key, seeds in themes]
    variants = [(method, rule, themes) for method, rule in THEME_RULES]
    variants.append((SEED_COUNT + ", first 3 seeds", THEME_RULES[0][1], few))
    for method, rule, chosen_themes in variants:
        tagged = tag_articles(articles, chosen_themes, rule)
        for split in ROW_SPLITS:
            chosen = [(row, judged) for s, row, judged in entries if split == "all" or s == split]
            if chosen:
                agreement = tag_agreement([tagged[row] for row, _ in chosen], [j for _, j in chosen])
                rows.append({"method": method, "split": split, "articleCount": len(chosen), **agreement})
    return rows


# ---------------------------------------------------------------- cluster purity


def judged_classes(articles, checkset, resolver):
    """{row: set of judged themes, or {"none"}} and {row: split} over the themes section."""
    classes, splits = {}, {}
    for entry in checkset["themes"]:
        row = resolver.row(entry["id"])
        if row is not None:
            classes[row] = set(entry["themes"]) or {"none"}
            splits[row] = entry["split"]
    return classes, splits


def purity(groups, classes, rows):
    """(purity, clustered, strict): groups is [[row, …], …]; only rows in `rows` count."""
    numerator = clustered = 0
    for group in groups:
        members = [r for r in group if r in rows]
        counts = {}
        for r in members:
            for theme in classes[r]:
                counts[theme] = counts.get(theme, 0) + 1
        numerator += max(counts.values(), default=0)
        clustered += len(members)
    return (numerator / clustered if clustered else 0.0), clustered, numerator / len(rows)


def cluster_rows(articles, checkset, resolver, k, ours_path):
    from sklearn.cluster import KMeans

    classes, splits = judged_classes(articles, checkset, resolver)
    ours = None
    if ours_path is not None:
        data = json.loads(Path(ours_path).read_text(encoding="utf-8"))
        ours = [[resolver.row(m["id"]) for m in c["articles"]] for c in data["clusters"]]
        if k == "auto":
            k = len(ours)
    if k == "auto":
        sys.exit("--clusters auto needs --clusters-json FILE (the k is read from it)")
    k = int(k)
    tokens = tokenize([article_text(a) for a in articles])
    from sklearn.feature_extraction.text import TfidfVectorizer

    tfidf = unit_rows(TfidfVectorizer(analyzer=identity, sublinear_tf=True).fit_transform(tokens).toarray())
    labels = KMeans(n_clusters=k, random_state=RANDOM_STATE, n_init=10).fit_predict(tfidf)
    baseline = [[r for r in range(len(articles)) if labels[r] == c] for c in range(k)]
    rows = []
    for split in ROW_SPLITS:
        chosen = {r for r in classes if split == "all" or splits[r] == split}
        for method, groups in (("jieba + TF-IDF + KMeans", baseline), ("PolicyLens clusters", ours)):
            if groups is None:
                continue
            value, clustered, strict = purity(groups, classes, chosen)
            rows.append({"method": method, "split": split, "clusters": k, "judged": len(chosen),
                         "clustered": clustered, "purity": value, "strictPurity": strict})
    return rows


# ---------------------------------------------------------------- output


def print_table(columns, lines, left=1):
    widths = [max(len(c), *(len(l[i]) for l in lines)) for i, c in enumerate(columns)]

    def render(values):
        return "  ".join(v.ljust(w) if i < left else v.rjust(w)
                         for i, (v, w) in enumerate(zip(values, widths))).rstrip()

    print(render(columns))
    print("  ".join("-" * w for w in widths))
    for line in lines:
        print(render(line))


def print_tables(result):
    order = {m: i for i, m in enumerate((TFIDF, LSA))}
    rows = sorted(result["rows"], key=lambda r: (TASKS.index(r["task"]), ROW_SPLITS.index(r["split"]),
                                                 order[r["method"]]))
    print_table(["method", "task", "split", "questions", "nDCG@10", "P@5", "MAP", "R@10"],
                [[r["method"], r["task"], r["split"], str(r["questionCount"]),
                  *(f"{r[m]:.3f}" for m in MEASURES)] for r in rows], left=3)
    print()
    methods = [m for m, _ in THEME_RULES] + [SEED_COUNT + ", first 3 seeds"]
    rows = sorted(result["themeRows"], key=lambda r: (ROW_SPLITS.index(r["split"]), methods.index(r["method"])))
    print_table(["method", "split", "articles", "micro P", "micro R", "micro F1", "macro F1"],
                [[r["method"], r["split"], str(r["articleCount"]),
                  *(f"{r[m]:.3f}" for m in ("microPrecision", "microRecall", "microF1", "macroF1"))]
                 for r in rows], left=2)
    d = result["details"]
    print()
    print(f"check set: {d['checkSet']}; {d['documents']} articles, vocabulary {d['vocabulary']}, "
          f"SVD k={d['svdComponents']} (explained variance {d['svdExplainedVariance']:.3f}), "
          f"{d['themes']} themes; top {d['rankedAnswers']} answers per question")
    if d["textsWithoutKnownTerms"]:
        print(f"search texts with no known term (ranked in article order): {', '.join(d['textsWithoutKnownTerms'])}")
    if d["missing"]:
        print(f"skipped, not among the articles: {', '.join(d['missing'])}")
    spread = d.get("lsaSvdSeedSpread")
    if spread:
        print(f"{LSA} over SVD random_state {spread['randomStates']} (mean [min, max]):")
        for entry in spread["rows"]:
            parts = ", ".join(f"{label} {entry[m]['mean']:.3f} [{entry[m]['min']:.3f}, {entry[m]['max']:.3f}]"
                              for label, m in zip(("nDCG@10", "P@5", "MAP", "R@10"), MEASURES))
            print(f"  {entry['task']:<7} {entry['split']:<7} {parts}")
    if result.get("clusterRows"):
        print()
        print_table(["method", "split", "k", "judged", "clustered", "purity", "strict purity"],
                    [[r["method"], r["split"], str(r["clusters"]), str(r["judged"]), str(r["clustered"]),
                      f"{r['purity']:.3f}", f"{r['strictPurity']:.3f}"] for r in result["clusterRows"]], left=2)
    print(f"versions: {', '.join(f'{k} {v}' for k, v in d['versions'].items())}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--checkset", type=Path, default=None, metavar="FILE",
                        help=f"check-set file (default: ROOT/{CHECKSET})")
    parser.add_argument("--allow-missing", action="store_true",
                        help="list and skip check-set articles that are not among the articles")
    parser.add_argument("--svd-seed-spread", type=int, default=0, metavar="N",
                        help="also report the LSA rows' mean/min/max over SVD random_state 0..N-1")
    parser.add_argument("--clusters", default=None, metavar="K",
                        help="also print cluster theme purity of KMeans with K clusters (or 'auto': "
                             "the k of --clusters-json)")
    parser.add_argument("--clusters-json", default=None, metavar="FILE",
                        help="`policylens clusters --json` output to score with the same purity")
    parser.add_argument("--root", type=Path, default=ROOT, help="repository root (default: %(default)s)")
    args = parser.parse_args(argv)

    import jieba
    import sklearn

    checkset_path = args.checkset or args.root / CHECKSET
    articles = load_articles(args.root)
    themes = load_themes(args.root)
    checkset = load_checkset(checkset_path)
    resolver = Resolver(articles)
    questions = prepare_questions(checkset, resolver)
    rows_of_themes = theme_rows(articles, themes, checkset, resolver)
    if resolver.missing and not args.allow_missing:
        sys.exit(f"{checkset_path} names {len(resolver.missing)} article(s) not in {ARTICLES}: "
                 f"{', '.join(resolver.missing[:10])}{', …' if len(resolver.missing) > 10 else ''}. "
                 "Fix them, or pass --allow-missing to evaluate the rest.")

    spaces, extra, details = build_spaces(articles, args.svd_seed_spread)
    vocabulary = details.pop("vocabulary_set")
    rows = []
    for method, space in spaces.items():
        rows += ranking_rows(method, answer_questions(space, questions))

    details.update({
        "checkSet": str(checkset_path.relative_to(args.root) if checkset_path.is_relative_to(args.root)
                        else checkset_path),
        "rankedAnswers": min(RANKED_ANSWERS, len(articles)),
        "themes": len(themes),
        "textsWithoutKnownTerms": [q["text"] for q in questions
                                   if q["task"] == "search" and not any(t in vocabulary for t in q["tokens"])],
        "missing": resolver.missing,
    })
    if extra:
        runs = [ranking_rows(LSA, answer_questions(space, questions)) for space in extra]
        details["lsaSvdSeedSpread"] = {
            "randomStates": f"0..{len(extra) - 1}",
            "rows": [{"task": first["task"], "split": first["split"],
                      **{m: {"mean": float(np.mean(values)), "min": float(np.min(values)),
                             "max": float(np.max(values))}
                         for m in MEASURES for values in [[run[i][m] for run in runs]]}}
                     for i, first in enumerate(runs[0])]}
    details["versions"] = {"python": sys.version.split()[0], "jieba": jieba.__version__,
                           "scikit-learn": sklearn.__version__, "numpy": np.__version__}
    result = {"rows": rows, "themeRows": rows_of_themes, "details": details}
    if args.clusters is not None:
        result["clusterRows"] = cluster_rows(articles, checkset, resolver, args.clusters, args.clusters_json)

    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print_tables(result)


if __name__ == "__main__":
    main()
