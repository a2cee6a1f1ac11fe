"""Helpers shared by bench/peer_pipeline.py and bench/python_similar_peer.py.

They live in a module (not in `__main__`) so the pickled TfidfVectorizer, whose analyzer is
``identity``, loads in the similarity peer.
"""
import json


def texts_from_ingest(path):
    """Articles and their analysis texts (title three times, then the body, newline-joined,
    like `Pipeline.analysisText`) from the JSON `policylens ingest --out` writes."""
    with open(path, encoding="utf-8") as handle:
        result = json.load(handle)
    articles = [a for n in result["newsletters"] for a in n["articles"]]
    return articles, ["\n".join([a["title"]] * 3 + a["body"]) for a in articles]


def keep(token):
    """Whether a segmenter token is a term: it starts with a letter or digit (drops spaces and
    punctuation). Checking the first character only keeps the same tokens as checking all of
    them on the generated corpora, at half the cost (rjieba + this filter: ≈ 10 MB/s)."""
    return token[:1].isalnum()


def identity(document):
    """The TfidfVectorizer analyzer: documents arrive already segmented."""
    return document
