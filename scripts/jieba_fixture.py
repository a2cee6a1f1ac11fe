#!/usr/bin/env python3
"""Writes jieba's default segmentation of the seed newsletters as a compact fixture.

For each seeds/*.txt, the text is NFKC-normalised (as PolicyLens does before
segmenting; NFKC keeps full-width letters and punctuation one scalar each, so offsets
stay comparable) and cut with jieba.cut(text, HMM=True) using the default dictionary.
The fixture stores, per file, the number of scalars and the token lengths in code
points as one string: a length 1–35 is one base-36 digit, a longer one is "(n)".

Output: Tests/TextAnalysisTests/Fixtures/jieba_seeds.json
Usage:  python3 scripts/jieba_fixture.py     (pip jieba; records its version)
"""
import json
import os
import sys
import unicodedata

import jieba

jieba.setLogLevel(60)
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
seeds = os.path.join(root, "seeds")
digits = "0123456789abcdefghijklmnopqrstuvwxyz"


def encode(lengths):
    return "".join(digits[n] if 1 <= n <= 35 else "(%d)" % n for n in lengths)


def dictionary_fingerprint():
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), "rb") as f:
        data = f.read()
    h = 0xCBF29CE484222325
    for b in data:
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return len(data), h


files = []
for name in sorted(os.listdir(seeds)):
    if not name.endswith(".txt"):
        continue
    with open(os.path.join(seeds, name), encoding="utf-8") as f:
        text = unicodedata.normalize("NFKC", f.read())
    tokens = list(jieba.cut(text, HMM=True))
    assert "".join(tokens) == text
    files.append({"file": name, "scalarCount": len(text), "tokenCount": len(tokens),
                  "tokenLengths": encode(len(t) for t in tokens)})

fixture = {
    "generator": "scripts/jieba_fixture.py",
    "library": "jieba %s (Python %s)" % (jieba.__version__, sys.version.split()[0]),
    "dictionary": "jieba's bundled dict.txt, %d bytes, fnv1a64:%016x (byte-identical to Debian "
                  "python3-jieba's /usr/lib/python3/dist-packages/jieba/dict.txt)" % dictionary_fingerprint(),
    "mode": "jieba.cut(unicodedata.normalize('NFKC', text), HMM=True)",
    "files": files,
}
out = os.path.join(root, "Tests", "TextAnalysisTests", "Fixtures", "jieba_seeds.json")
with open(out, "w", encoding="utf-8") as f:
    json.dump(fixture, f, ensure_ascii=False, indent=1)
    f.write("\n")
print("wrote", out, sum(x["tokenCount"] for x in files), "tokens")
