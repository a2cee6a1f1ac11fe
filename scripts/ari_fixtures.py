#!/usr/bin/env python3
"""Reference values for Tests/ClusteringTests/AdjustedRandIndexTests: scikit-learn's
adjusted_rand_score on small label pairs (hand-made edge cases and seeded random ones).

A label of -1 means "unclustered" in PolicyLens, where such a document is its own singleton;
the pairs are stored as PolicyLens reads them, and scored after replacing each -1 by a fresh
label, which is what PolicyLens computes.

Run from the repository root:
    python3 scripts/ari_fixtures.py > Tests/ClusteringTests/Fixtures/adjusted_rand_index.json
"""
import json
import sys

import numpy as np
import sklearn
from sklearn.metrics import adjusted_rand_score


def singletons(labels):
    fresh = max(labels, default=0) + 1
    out = []
    for x in labels:
        if x < 0:
            out.append(fresh)
            fresh += 1
        else:
            out.append(x)
    return out


def main():
    rng = np.random.default_rng(20251201)
    pairs = [
        ([0, 0, 1, 1], [0, 0, 1, 1]),
        ([0, 0, 1, 1], [1, 1, 0, 0]),
        ([0, 0, 1, 1], [0, 1, 0, 1]),
        ([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]),
        ([0, 0, 0, 0], [0, 0, 0, 0]),
        ([0, 1, 2, 3], [0, 1, 2, 3]),
        ([0, 0, 1, 2], [0, 0, 1, 1]),
        ([0, 0, 1, 1, -1, -1], [0, 0, 1, 1, 2, 2]),
        ([0, 0, -1, 1, 1, -1], [0, 0, -1, 1, 1, -1]),
    ]
    for size in (5, 8, 13, 30):
        for _ in range(3):
            a = [int(x) for x in rng.integers(-1, 4, size=size)]
            b = [int(x) for x in rng.integers(-1, 4, size=size)]
            pairs.append((a, b))
    cases = [{"a": a, "b": b, "ari": float(adjusted_rand_score(singletons(a), singletons(b)))}
             for a, b in pairs]
    fixture = {
        "generator": "scripts/ari_fixtures.py",
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__,
                     "scikit-learn": sklearn.__version__},
        "cases": cases,
    }
    json.dump(fixture, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
