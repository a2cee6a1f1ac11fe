#!/usr/bin/env python3
"""Reference values for Tests/ClusteringTests: SciPy average/cosine linkage and
scikit-learn cosine silhouettes on a small seeded data set.

Run from the repository root:
    python3 scripts/clustering_fixtures.py > Tests/ClusteringTests/Fixtures/clustering_reference.json
"""
import json
import sys

import numpy as np
import scipy
import sklearn
from scipy.cluster.hierarchy import cut_tree, linkage
from sklearn.metrics import silhouette_samples, silhouette_score


def first_appearance(labels):
    mapping = {}
    return [mapping.setdefault(int(x), len(mapping)) for x in labels]


def main():
    rng = np.random.default_rng(20241107)
    centres = rng.normal(size=(3, 5))
    points = np.vstack([centres[i % 3] + 0.45 * rng.normal(size=5) for i in range(14)])
    points[5] *= 7.0  # scaling must not matter for cosine
    points = np.round(points, 6)

    z = linkage(points, method="average", metric="cosine")
    cuts = {
        str(k): first_appearance(cut_tree(z, n_clusters=k).ravel()) for k in range(1, 6)
    }
    labellings = [first_appearance(cut_tree(z, n_clusters=k).ravel()) for k in (2, 3, 4)]
    labellings.append([int(x) for x in rng.integers(0, 3, size=len(points))])
    labellings.append([0] * 13 + [1])  # a singleton cluster scores 0
    silhouettes = [
        {
            "labels": labels,
            "score": float(silhouette_score(points, labels, metric="cosine")),
            "samples": [float(s) for s in silhouette_samples(points, labels, metric="cosine")],
        }
        for labels in labellings
    ]
    fixture = {
        "generator": "scripts/clustering_fixtures.py",
        "versions": {
            "python": sys.version.split()[0],
            "numpy": np.__version__,
            "scipy": scipy.__version__,
            "scikit-learn": sklearn.__version__,
        },
        "points": points.tolist(),
        "linkage": [[int(a), int(b), float(d), int(s)] for a, b, d, s in z],
        "cuts": cuts,
        "silhouettes": silhouettes,
    }
    json.dump(fixture, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
