#!/usr/bin/env python3
"""Prints how the PDF fixtures' articles agree with their text versions (the README's table).

For each seed: articles found in the text and in the PDF, how many titles (white space
removed), regions and dates agree, and the lowest and mean body similarity: difflib's ratio
on the bodies with white space removed (a lower bound of the longest-common-subsequence ratio
IngestTests checks). Needs a built policylens (swift build). Run from the repository root:

    python3 scripts/pdf_agreement.py [.build/debug/policylens]
"""

import difflib
import glob
import json
import re
import subprocess
import sys

binary = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/policylens"


def articles(path):
    out = subprocess.run([binary, "ingest", path, "--json", "--quiet"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)["newsletters"][0]["articles"]


def compact(text):
    return re.sub(r"\s", "", text)


print("| seed | articles (text / PDF) | titles | regions | dates | body similarity: lowest / mean | pages |")
print("|---|---|---|---|---|---|---|")
for text in sorted(glob.glob("seeds/*.txt")):
    number = text.split("/")[-1][:3]
    a, b = articles(text), articles(f"Tests/IngestTests/Fixtures/documents/seed-{number}.pdf")
    pairs = list(zip(a, b))
    same = lambda key: sum(compact(x[key] or "") == compact(y[key] or "") for x, y in pairs)
    ratios = [
        difflib.SequenceMatcher(None, compact("".join(x["body"])), compact("".join(y["body"])), autojunk=False).ratio()
        for x, y in pairs
    ]
    pages = max(y["pages"]["last"] for y in b)
    print(
        f"| {number} | {len(a)} / {len(b)} | {same('title')}/{len(pairs)} | {same('region')}/{len(pairs)} | "
        f"{same('date')}/{len(pairs)} | {min(ratios):.4f} / {sum(ratios) / len(ratios):.4f} | {pages} |"
    )
