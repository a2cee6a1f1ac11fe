#!/usr/bin/env python3
"""The peer of `policylens similar`: one query against a saved scikit-learn TF-IDF + SVD index.

Run as a fresh process per query, like the CLI. The index is what
`bench/peer_pipeline.py --vectorizer sklearn --save-index DIR` writes: L2-normalised document
coordinates (N × k), SVD components (k × V), the TF-IDF matrix in CSR arrays, the term list,
the fitted TfidfVectorizer (joblib) and article ids / regions / titles (JSON).

  ID query:    row lookup → cosine with every document (one N × k matrix–vector product) →
               top n (argpartition) → for each match the 5 terms with the largest
               tfidf(query, t) · tfidf(match, t) ("because of", as `policylens similar` shows)
  --text:      segment (the index's segmenter) → vectorizer.transform → × componentsᵀ →
               normalise → the same ranking; "because of" uses the query's TF-IDF row
Loads only what the query needs (the vectorizer only for --text). Prints an aligned table.

Usage: python3 bench/python_similar_peer.py --index DIR (ID | --text "…") [-n 10]
"""
import argparse
import json
import os
import sys

import numpy

from peer_common import keep


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("id", nargs="?")
    parser.add_argument("--text")
    parser.add_argument("--index", required=True)
    parser.add_argument("-n", type=int, default=10)
    args = parser.parse_args()
    if (args.id is None) == (args.text is None):
        parser.error("give either an article id or --text")

    folder = args.index
    with open(os.path.join(folder, "articles.json"), encoding="utf-8") as handle:
        meta = json.load(handle)
    articles = meta["articles"]
    coordinates = numpy.load(os.path.join(folder, "coordinates.npy"))
    data = numpy.load(os.path.join(folder, "tfidf_data.npy"))
    indices = numpy.load(os.path.join(folder, "tfidf_indices.npy"))
    indptr = numpy.load(os.path.join(folder, "tfidf_indptr.npy"))
    terms = numpy.load(os.path.join(folder, "terms.npy"))

    if args.id is not None:
        row = next((i for i, a in enumerate(articles) if a["id"] == args.id), None)
        if row is None:
            print(f"Error: no article {args.id}", file=sys.stderr)
            return 66
        query = coordinates[row]
        query_terms = dict(zip(indices[indptr[row]:indptr[row + 1]].tolist(), data[indptr[row]:indptr[row + 1]].tolist()))
        exclude = row
    else:
        import joblib
        if meta["segmenter"] == "jieba":
            import jieba
            jieba.setLogLevel(60)
            tokens = [t for t in jieba.cut(args.text, HMM=True) if keep(t)]
        else:
            import rjieba
            tokens = [t for t in rjieba.cut(args.text) if keep(t)]
        vectorizer = joblib.load(os.path.join(folder, "vectorizer.joblib"))
        components = numpy.load(os.path.join(folder, "components.npy"))
        weights = vectorizer.transform([tokens])
        query = weights @ components.T
        query = numpy.asarray(query).ravel()
        query = query / max(numpy.linalg.norm(query), 1e-12)
        query_terms = dict(zip(weights.indices.tolist(), weights.data.tolist()))
        exclude = None

    scores = coordinates @ query
    if exclude is not None:
        scores[exclude] = -numpy.inf
    count = min(args.n, len(scores) - (exclude is not None))
    top = numpy.argpartition(-scores, count - 1)[:count]
    top = top[numpy.argsort(-scores[top], kind="stable")]
    print(f"{'score':>6}  {'id':<14}  {'region':<6}  {'title':<40}  because of")
    for match in top:
        start, end = indptr[match], indptr[match + 1]
        contributions = [(query_terms[t] * w, t) for t, w in zip(indices[start:end].tolist(), data[start:end].tolist())
                         if t in query_terms]
        contributions.sort(reverse=True)
        because = " ".join(str(terms[t]) for _, t in contributions[:5])
        a = articles[match]
        print(f"{scores[match]:6.3f}  {a['id']:<14}  {a['region']:<6}  {a['title'][:40]:<40}  {because}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
