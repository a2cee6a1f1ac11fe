#!/usr/bin/env python3
"""Ablation of the ranking choices on the check set (Tests/EvaluationData/checkset.json).

Fits the seeds once per text-analysis variant (sub-words, place names, title weight) into a
temporary folder and runs `policylens evaluate --json` for each lexical weight, then prints
nDCG@10 and P@5 for similar-article and free-text questions on one split (choose settings on
`tuning`; quote `heldout`).

    python3 scripts/ablation.py --split tuning          # needs a built policylens
    python3 scripts/ablation.py --split heldout --binary .build/release/policylens
"""
import argparse
import json
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VARIANTS = [
    ("default (sub-words, no places, title ×3)", []),
    ("without sub-words", ["--no-subwords"]),
    ("with place names", ["--place-names"]),
    ("title ×1", ["--title-weight", "1"]),
    ("title ×2", ["--title-weight", "2"]),
    ("title ×5", ["--title-weight", "5"]),
    ("none of the three (places, no sub-words, title ×1)", ["--no-subwords", "--place-names", "--title-weight", "1"]),
]
WEIGHTS = [0.0, 0.3, 0.5, 0.7, 1.0]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="tuning", choices=["tuning", "heldout", "all"])
    parser.add_argument("--binary", default=str(ROOT / ".build/debug/policylens"))
    parser.add_argument("--variants", type=int, default=len(VARIANTS), help="only the first N variants")
    parser.add_argument("--weights", type=float, nargs="*", default=WEIGHTS)
    args = parser.parse_args()
    checkset = ROOT / "Tests/EvaluationData/checkset.json"
    print(f"split: {args.split}; cells: similar nDCG@10 / P@5 | free text nDCG@10 / P@5")
    print(f"{'variant':52} {'w':>4}  {'sim nDCG':>8} {'sim P@5':>7}  {'txt nDCG':>8} {'txt P@5':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, flags in VARIANTS[: args.variants]:
            model = Path(tmp) / "model"
            subprocess.run([args.binary, "fit", str(ROOT / "seeds"), "--model", str(model), "--quiet", *flags],
                           check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
            for weight in args.weights:
                out = subprocess.run([args.binary, "evaluate", str(checkset), "--model", str(model), "--json",
                                      "--lexical-weight", str(weight)], check=True, cwd=ROOT, capture_output=True, text=True)
                report = json.loads(out.stdout)
                cells = {}
                for row in report["ranking"]:
                    if row["split"] == args.split:
                        cells[row["task"]] = (row["metrics"]["ndcgAt10"], row["metrics"]["precisionAt5"])
                s, t = cells.get("similar", (0, 0)), cells.get("search", (0, 0))
                print(f"{name:52} {weight:4.1f}  {s[0]:8.3f} {s[1]:7.3f}  {t[0]:8.3f} {t[1]:7.3f}", flush=True)


if __name__ == "__main__":
    main()
