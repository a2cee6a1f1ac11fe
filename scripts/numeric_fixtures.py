#!/usr/bin/env python3
"""Reference values for the Vectorization and Reduction tests (tests never call Python).

Writes:
  Tests/VectorizationTests/Fixtures/tfidf_reference.json
      scikit-learn TfidfVectorizer(analyzer=lambda d: d) weights for a hand corpus and for
      jieba-segmented paragraphs of seeds/, under several option combinations.
  Tests/ModelStoreTests/Fixtures/npy_reference.json
      bytes of numpy.save for a few small arrays (base64), to decode and to match on encode.
  Tests/ReductionTests/Fixtures/lsa_reference.json
      numpy.linalg.svd singular values (and leading right singular vectors) of the seeds'
      TF-IDF matrix; numpy exact and scikit-learn TruncatedSVD(algorithm="randomized",
      n_iter=5) singular values of a generated sparse matrix (recipe below, reproduced in
      Swift by ReductionTests/GeneratedMatrix.swift).

Documents: every line of seeds/*.txt (files sorted by name) with at least 40 characters,
segmented with jieba.lcut (default dictionary, HMM on), keeping tokens that contain a CJK
ideograph, Latin letter or digit.

Run: python3 scripts/numeric_fixtures.py   (from the repository root)
"""
import glob
import json
import os
import re

import jieba
import numpy as np
import scipy
import scipy.sparse as sp
import sklearn
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MASK = (1 << 64) - 1
KEEP = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")


def provenance():
    return {
        "script": "scripts/numeric_fixtures.py",
        "scikit-learn": sklearn.__version__,
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "jieba": jieba.__version__,
    }


def seed_documents():
    jieba.setLogLevel(60)
    documents = []
    for path in sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt"))):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                line = line.strip()
                if len(line) >= 40:
                    documents.append([t for t in jieba.lcut(line) if KEEP.search(t)])
    return documents


def csr(matrix):
    matrix = sp.csr_matrix(matrix)
    matrix.sort_indices()
    return {
        "rowCount": matrix.shape[0],
        "columnCount": matrix.shape[1],
        "rowStarts": matrix.indptr.tolist(),
        "columnIndices": matrix.indices.tolist(),
        "values": matrix.data.tolist(),
    }


def bound(value):
    return {"count": value} if isinstance(value, int) else {"proportion": value}


def tie_free_limit(documents, wanted):
    """A max_features near `wanted` with no tie in total count at the cut, so that the kept
    set does not depend on how the sort breaks ties."""
    counts = {}
    for document in documents:
        for token in document:
            counts[token] = counts.get(token, 0) + 1
    totals = sorted(counts.values(), reverse=True)
    limit = wanted
    while totals[limit - 1] == totals[limit]:
        limit += 1
    return limit


def tfidf_case(name, documents, options, transform_documents=None):
    vectorizer = TfidfVectorizer(
        analyzer=lambda d: d,
        sublinear_tf=options.get("sublinear", False),
        smooth_idf=options.get("smooth", True),
        use_idf=options.get("use_idf", True),
        norm=options.get("norm", "l2"),
        min_df=options.get("min_df", 1),
        max_df=options.get("max_df", 1.0),
        max_features=options.get("max_features"),
    )
    weights = vectorizer.fit_transform(documents)
    terms = vectorizer.get_feature_names_out().tolist()
    binary = sp.csr_matrix(weights, copy=True)
    binary.data[:] = 1
    df = np.asarray(binary.sum(axis=0)).ravel().astype(int).tolist()
    case = {
        "name": name,
        "options": {
            "sublinearTermFrequency": options.get("sublinear", False),
            "smoothIDF": options.get("smooth", True),
            "useIDF": options.get("use_idf", True),
            "norm": options.get("norm", "l2") or "none",
            "minimumDocumentFrequency": bound(options.get("min_df", 1)),
            "maximumDocumentFrequency": bound(options.get("max_df", 1.0)),
            "maximumFeatures": options.get("max_features"),
        },
        "terms": terms,
        "documentFrequency": df,
        "inverseDocumentFrequency": vectorizer.idf_.tolist() if options.get("use_idf", True) else None,
        "weights": csr(weights),
    }
    if transform_documents is not None:
        case["transformDocuments"] = transform_documents
        case["transformWeights"] = csr(vectorizer.transform(transform_documents))
    return case


def vectorization_fixture(documents):
    hand = [
        ["经济", "发展", "经济", "创新"],
        ["发展", "政策", "政策", "政策"],
        ["经济", "上海", "创新", "发展"],
        [],
        ["a", "b", "a", "经济"],
    ]
    subset = documents[::20][:36]  # 39 documents spread over all five seeds, 36 kept
    train, held_out = subset[:30], subset[30:] + [["从未见过的词", "经济"], []]
    limit = tie_free_limit(train, 200)
    cases = [
        tfidf_case("hand default", hand, {}),
        tfidf_case("hand sublinear, no smoothing", hand, {"sublinear": True, "smooth": False}),
        tfidf_case("hand no norm", hand, {"norm": None}),
        tfidf_case("hand l1, no idf", hand, {"norm": "l1", "use_idf": False}),
        tfidf_case("seeds default", train, {}, held_out),
        tfidf_case("seeds sublinear", train, {"sublinear": True}, held_out),
        tfidf_case("seeds no smoothing", train, {"smooth": False}),
        tfidf_case("seeds min_df 2, max_df 0.5", train, {"min_df": 2, "max_df": 0.5}, held_out),
        tfidf_case("seeds min_df 0.1, max_df 10", train, {"min_df": 0.1, "max_df": 10}),
        tfidf_case(f"seeds max_features {limit}", train, {"max_features": limit, "sublinear": True}),
    ]
    return {"provenance": provenance(), "documents": {"hand": hand, "seeds": train}, "cases": cases}


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def uniform(self):
        return (self.next() >> 11) * 2.0**-53


def generated_matrix(rows, columns, draws, seed):
    """Recipe: SplitMix64(seed); for each row, `draws` times: u = uniform();
    column = floor(columns * u * u * u) (low columns are frequent, as in Zipf's law);
    value = 1 + next() % 3; duplicates add. Then each row is scaled to unit L2 norm."""
    rng = SplitMix64(seed)
    dense = np.zeros((rows, columns))
    for i in range(rows):
        for _ in range(draws):
            u = rng.uniform()
            j = int(columns * (u * u * u))
            dense[i, j] += 1 + rng.next() % 3
    norms = np.sqrt((dense**2).sum(axis=1))
    norms[norms == 0] = 1
    return sp.csr_matrix(dense / norms[:, None])


def reduction_fixture(documents):
    subset = documents[::5]
    weights = TfidfVectorizer(analyzer=lambda d: d).fit_transform(subset)
    dense = weights.toarray()
    _, s, vt = np.linalg.svd(dense, full_matrices=False)
    recipe = {"rows": 1000, "columns": 3000, "draws": 30, "seed": 20241107}
    generated = generated_matrix(**recipe)
    exact = np.linalg.svd(generated.toarray(), compute_uv=False)
    k = 20
    randomized = TruncatedSVD(n_components=k, algorithm="randomized", n_iter=5, random_state=0)
    randomized.fit(generated)
    # How far scikit-learn's own randomized SVD lands from exact on this flat spectrum, for
    # the tests' comment on tolerances: mean over random_state 0..19 of the maximum relative
    # error of the top-k singular values.
    from sklearn.utils.extmath import randomized_svd

    sklearn_error = {}
    for rank in (10, 40):
        errors = []
        for state in range(20):
            approx = randomized_svd(weights, rank, n_oversamples=10, n_iter=5, random_state=state)[1]
            errors.append(float(np.max(np.abs(approx - s[:rank]) / s[:rank])))
        sklearn_error[str(rank)] = float(np.mean(errors))
    return {
        "provenance": provenance(),
        "seeds": {
            "sklearnRandomizedMeanMaximumRelativeError": sklearn_error,
            "documentCount": len(subset),
            "weights": csr(weights),
            "singularValues": s.tolist(),
            "leadingTermLoadings": vt[:3].tolist(),
        },
        "generated": {
            "recipe": recipe,
            "nonZeroCount": int(generated.nnz),
            "rank": k,
            "exactSingularValues": exact[:k].tolist(),
            "sklearnRandomizedSingularValues": randomized.singular_values_.tolist(),
        },
    }


def npy_fixture():
    import base64
    import io

    def saved(array):
        buffer = io.BytesIO()
        np.save(buffer, array)
        return base64.b64encode(buffer.getvalue()).decode("ascii")

    matrix = np.array([[1.0, -2.5, 3.0], [4.0, 5.0, -6.125]])
    return {
        "provenance": provenance(),
        "matrixRows": matrix.tolist(),
        "matrixCOrder": saved(np.ascontiguousarray(matrix)),
        "matrixFortranOrder": saved(np.asfortranarray(matrix)),
        "doubles": [0.5, -1.0, 1e-300, 12345.678],
        "doublesNpy": saved(np.array([0.5, -1.0, 1e-300, 12345.678])),
        "int32s": [0, -1, 2147483647, -2147483648, 7],
        "int32sNpy": saved(np.array([0, -1, 2147483647, -2147483648, 7], dtype="<i4")),
    }


def write(path, value):
    path = os.path.join(ROOT, path)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(value, handle, ensure_ascii=False, separators=(",", ":"))
    print(f"{path}: {os.path.getsize(path)} bytes")


if __name__ == "__main__":
    docs = seed_documents()
    write("Tests/VectorizationTests/Fixtures/tfidf_reference.json", vectorization_fixture(docs))
    write("Tests/ModelStoreTests/Fixtures/npy_reference.json", npy_fixture())
    write("Tests/ReductionTests/Fixtures/lsa_reference.json", reduction_fixture(docs))
