#!/usr/bin/env python3
"""The peer of `policylens fit`: jieba/rjieba segmentation + scikit-learn or gensim TF-IDF + LSA.

Input: the JSON `policylens ingest PATH --out FILE` writes, so both sides see exactly the same
articles. Each article's text is built like `Pipeline.analysisText`: the title three times,
then the body paragraphs, joined with newlines. Stages (wall clock, time.perf_counter):

  load      json.load of the ingest file and building the texts (our side: `ingest`)
  segment   jieba.cut(text, HMM=True) or rjieba.cut(text), keeping tokens that start with a
            letter or digit (drops spaces and punctuation, as our analyzer does)
  tfidf     sklearn: TfidfVectorizer(analyzer=<identity>, sublinear_tf=True).fit_transform
            gensim:  Dictionary + doc2bow + TfidfModel, materialised as a list of rows
  svd       sklearn: TruncatedSVD(n_components=k, algorithm="randomized", n_iter=5).fit_transform
            gensim:  LsiModel(num_topics=k) (defaults: power_iters=2, extra_samples=100)
  save      with --save-index DIR (sklearn only): the index bench/python_similar_peer.py loads

With --segment-limit N only the first N articles are segmented (for jieba at 100k, which
runs at ≈ 1 MB/s); the report then gives the measured time, the measured and total UTF-8
bytes, and `segmentSecondsExtrapolated` = measured × total bytes / measured bytes. Stages
after segmentation are skipped in that case (--vectorizer none is implied).

Usage:
  python3 bench/peer_pipeline.py --articles bench/out/articles-10000.json \
      --segmenter rjieba --vectorizer sklearn --dimensions 100 [--save-index DIR] [--segment-limit N]
Prints one JSON document on stdout; peak RSS of the process is `peakResidentMegabytes`.
"""
import argparse
import json
import os
import platform
import resource
import sys
import time

from peer_common import identity, keep, texts_from_ingest


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", required=True, help="JSON written by `policylens ingest --out`")
    parser.add_argument("--segmenter", choices=["jieba", "rjieba"], default="rjieba")
    parser.add_argument("--vectorizer", choices=["sklearn", "gensim", "none"], default="sklearn")
    parser.add_argument("--dimensions", type=int, default=100, help="latent dimensions k (n_components, num_topics)")
    parser.add_argument("--rank", type=int, dest="dimensions", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--segment-limit", type=int, default=0, help="segment only the first N articles and extrapolate")
    parser.add_argument("--save-index", help="folder for the python_similar_peer.py index (sklearn only)")
    args = parser.parse_args()

    process_start = time.perf_counter()
    report = {"python": sys.version.split()[0], "machine": platform.machine(), "segmenter": args.segmenter,
              "vectorizer": args.vectorizer, "dimensions": args.dimensions, "versions": {}}
    stages = {}

    start = time.perf_counter()
    articles, texts = texts_from_ingest(args.articles)
    stages["load"] = time.perf_counter() - start
    report["articles"] = len(texts)
    total_bytes = sum(len(t.encode("utf-8")) for t in texts)
    report["bytes"] = total_bytes

    from importlib.metadata import version
    if args.segmenter == "jieba":
        import jieba
        jieba.setLogLevel(60)
        start = time.perf_counter()
        jieba.initialize()
        stages["segmenterLoad"] = time.perf_counter() - start
        report["versions"]["jieba"] = jieba.__version__
        cut = lambda text: jieba.cut(text, HMM=True)
    else:
        import rjieba
        report["versions"]["rjieba"] = version("rjieba")
        cut = rjieba.cut

    subset = texts[: args.segment_limit] if args.segment_limit else texts
    start = time.perf_counter()
    documents = [[t for t in cut(text) if keep(t)] for text in subset]
    stages["segment"] = time.perf_counter() - start
    report["tokens"] = sum(len(d) for d in documents)
    if args.segment_limit and args.segment_limit < len(texts):
        measured = sum(len(t.encode("utf-8")) for t in subset)
        report["segmentMeasuredArticles"] = len(subset)
        report["segmentMeasuredBytes"] = measured
        report["segmentSecondsExtrapolated"] = stages["segment"] * total_bytes / measured
        args.vectorizer = "none"
    else:
        report["segmentSecondsExtrapolated"] = stages["segment"]
    report["segmentMBps"] = (sum(len(t.encode("utf-8")) for t in subset) / 1e6) / max(stages["segment"], 1e-9)

    if args.vectorizer == "sklearn":
        import numpy
        import sklearn
        from sklearn.decomposition import TruncatedSVD
        from sklearn.feature_extraction.text import TfidfVectorizer

        report["versions"].update(numpy=numpy.__version__, sklearn=sklearn.__version__)
        start = time.perf_counter()
        vectorizer = TfidfVectorizer(analyzer=identity, sublinear_tf=True)
        weights = vectorizer.fit_transform(documents)
        stages["tfidf"] = time.perf_counter() - start
        dimensions = min(args.dimensions, min(weights.shape) - 1)
        start = time.perf_counter()
        svd = TruncatedSVD(n_components=dimensions, algorithm="randomized", n_iter=5, random_state=args.seed)
        coordinates = svd.fit_transform(weights)
        stages["svd"] = time.perf_counter() - start
        report.update(terms=weights.shape[1], nonZeros=int(weights.nnz), dimensionsUsed=dimensions,
                      sigma1=float(svd.singular_values_[0]))
        if args.save_index:
            import joblib
            start = time.perf_counter()
            os.makedirs(args.save_index, exist_ok=True)
            norms = numpy.linalg.norm(coordinates, axis=1, keepdims=True)
            numpy.save(os.path.join(args.save_index, "coordinates.npy"), coordinates / numpy.maximum(norms, 1e-12))
            numpy.save(os.path.join(args.save_index, "components.npy"), svd.components_)
            numpy.save(os.path.join(args.save_index, "tfidf_data.npy"), weights.data)
            numpy.save(os.path.join(args.save_index, "tfidf_indices.npy"), weights.indices)
            numpy.save(os.path.join(args.save_index, "tfidf_indptr.npy"), weights.indptr)
            numpy.save(os.path.join(args.save_index, "terms.npy"), vectorizer.get_feature_names_out().astype(str))
            joblib.dump(vectorizer, os.path.join(args.save_index, "vectorizer.joblib"))
            with open(os.path.join(args.save_index, "articles.json"), "w", encoding="utf-8") as handle:
                json.dump({"segmenter": args.segmenter,
                           "articles": [{"id": a["id"], "region": a["region"], "title": a["title"]} for a in articles]},
                          handle, ensure_ascii=False)
            stages["save"] = time.perf_counter() - start
    elif args.vectorizer == "gensim":
        import gensim
        from gensim.corpora import Dictionary
        from gensim.models import LsiModel, TfidfModel

        report["versions"]["gensim"] = gensim.__version__
        start = time.perf_counter()
        dictionary = Dictionary(documents)
        bows = [dictionary.doc2bow(d) for d in documents]
        tfidf = TfidfModel(bows, id2word=dictionary, smartirs="lfc")
        corpus = [tfidf[b] for b in bows]
        stages["tfidf"] = time.perf_counter() - start
        start = time.perf_counter()
        lsi = LsiModel(corpus, id2word=dictionary, num_topics=args.dimensions, random_seed=args.seed)
        stages["svd"] = time.perf_counter() - start
        report.update(terms=len(dictionary), sigma1=float(lsi.projection.s[0]))

    report["stages"] = stages
    report["stageSum"] = sum(stages.values())
    report["processSecondsAfterStart"] = time.perf_counter() - process_start
    report["peakResidentMegabytes"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    json.dump(report, sys.stdout, sort_keys=True, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
