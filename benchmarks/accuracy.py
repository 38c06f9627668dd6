#!/usr/bin/env python3
"""Quote and attribution figures on dev, train (first 640) and the blind split, side by side.

The blind split is the last 200 articles of ``polnear-train``: only its aggregate figures are
printed here, never its errors.  Errors are read on the first 640 articles of ``polnear-train``
(``--errors`` writes them for that part only) and on ECB+.  ``polnear-dev`` is printed for
comparison but its sentences are in the code's history, so its figures flatter.

    python benchmarks/accuracy.py                 # the three rows
    python benchmarks/accuracy.py --only blind    # one row

It runs the shared scorer (``../shared/eval/score_quotes.py``) on temporary JSONL files.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.dirname(HERE)
SHARED = os.path.join(PROJECT, "..", "shared")
SCORER = os.path.join(SHARED, "eval", "score_quotes.py")
KEYS = ("f1", "speaker_acc", "e2e_f1", "name_acc", "name_acc_resolved", "reported_recall",
        "reported_precision")
#: Articles of polnear-train kept blind (the last ones).
BLIND = 200


def splits(data: str) -> dict:
    """``{name: [JSON lines]}`` for dev, train (the readable part) and blind."""
    with open(os.path.join(data, "polnear-train.jsonl"), encoding="utf-8") as f:
        train = [line for line in f if line.strip()]
    with open(os.path.join(data, "polnear-dev.jsonl"), encoding="utf-8") as f:
        dev = [line for line in f if line.strip()]
    return {"dev": dev, "train": train[:-BLIND], "blind": train[-BLIND:]}


def score(lines: list, project: str) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        f.writelines(lines)
        path = f.name
    try:
        out = subprocess.run([sys.executable, SCORER, path, "--project", project],
                             capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(path)
    return json.loads(out.strip().splitlines()[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=os.path.join(SHARED, "data"))
    ap.add_argument("--project", default=PROJECT)
    ap.add_argument("--only", choices=["dev", "train", "blind"], action="append")
    a = ap.parse_args(argv)
    parts = splits(a.data)
    print(f"{'split':6} {'docs':>5} " + " ".join(f"{k:>18}" for k in KEYS))
    for name in ("dev", "train", "blind"):
        if a.only and name not in a.only:
            continue
        r = score(parts[name], a.project)
        cells = " ".join(f"{r[k]:>18.4f}" if isinstance(r.get(k), (int, float)) else f"{'-':>18}"
                         for k in KEYS)
        print(f"{name:6} {r['docs']:>5} {cells}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
