#!/usr/bin/env python3
"""Times scikit-learn and gensim on the tokens `policylens-bench lsa --peers` wrote.

Input: one document per line, tokens separated by spaces. Stages, timed like the Swift side
(median and minimum over --repetitions; reading the file is not timed):
  sklearn  tfidf: TfidfVectorizer(analyzer=<identity>) .fit_transform on the token lists
           svd:   TruncatedSVD(n_components=k, algorithm="randomized", n_iter=5).fit
  gensim   tfidf: Dictionary + doc2bow + TfidfModel, materialized as a list of sparse rows
           svd:   LsiModel(num_topics=k) on that corpus (gensim defaults: power_iters=2,
                  extra_samples=100, chunked one-pass stochastic SVD)
Prints one JSON document on stdout.
"""
import argparse
import json
import resource
import statistics
import sys
import time


def identity(document):
    return document


def timed(function, repetitions):
    times, result = [], None
    for _ in range(repetitions):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return {"median": statistics.median(times), "min": min(times)}, result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tokens", required=True)
    parser.add_argument("--dimensions", type=int, default=100, help="latent dimensions k (n_components, num_topics)")
    parser.add_argument("--rank", type=int, dest="dimensions", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--skip-gensim", action="store_true")
    args = parser.parse_args()

    with open(args.tokens, encoding="utf-8") as handle:
        documents = [line.split() for line in handle]

    import numpy
    import sklearn
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer

    report = {"documents": len(documents), "versions": {"numpy": numpy.__version__, "scikit-learn": sklearn.__version__}}

    tfidf, weights = timed(lambda: TfidfVectorizer(analyzer=identity).fit_transform(documents), args.repetitions)
    svd_time, svd = timed(
        lambda: TruncatedSVD(n_components=args.dimensions, algorithm="randomized", n_iter=5, random_state=args.seed).fit(weights),
        args.repetitions,
    )
    report["sklearn"] = {
        "tfidfSeconds": tfidf,
        "svdSeconds": svd_time,
        "terms": weights.shape[1],
        "nonZeros": int(weights.nnz),
        "sigma1": float(svd.singular_values_[0]),
    }

    if not args.skip_gensim:
        import gensim
        from gensim.corpora import Dictionary
        from gensim.models import LsiModel, TfidfModel

        report["versions"]["gensim"] = gensim.__version__

        def gensim_tfidf():
            dictionary = Dictionary(documents)
            bows = [dictionary.doc2bow(d) for d in documents]
            model = TfidfModel(bows, id2word=dictionary)
            return dictionary, [model[b] for b in bows]

        tfidf, (dictionary, corpus) = timed(gensim_tfidf, args.repetitions)
        lsi, _ = timed(lambda: LsiModel(corpus, id2word=dictionary, num_topics=args.dimensions, random_seed=args.seed), args.repetitions)
        report["gensim"] = {"tfidfSeconds": tfidf, "svdSeconds": lsi, "terms": len(dictionary)}

    report["peakResidentMegabytes"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    json.dump(report, sys.stdout, sort_keys=True)


if __name__ == "__main__":
    main()
