#!/usr/bin/env python3
"""The curve of the broad-cue dial: ``quotecheck.reported_broad.THRESHOLD`` -> reported recall
and precision on dev, train-640 and the blind split (aggregates only, through
``benchmarks/accuracy.py``), with the train-640 counts (relations found, items, items inside).

    python tools/broad_curve.py                      # 0.90 0.80 0.70 0.65 0.60 0.55 0.50
    python tools/broad_curve.py 0.70 0.60            # some thresholds

Each threshold is passed to a fresh extraction through the environment variable
``QUOTECHECK_BROAD_THRESHOLD`` (read once by :mod:`quotecheck.reported_broad`).  Rows are read
by their train-640 figures in ``data/reported_broad_cues.tsv``; the blind figures printed here
are aggregates, for checking that a threshold chosen on train-640 does not lift train alone.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(PROJECT, "benchmarks"))
sys.path.insert(0, os.path.join(PROJECT, "..", "shared", "eval"))
import accuracy as A  # noqa: E402
import score_quotes as S  # noqa: E402


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    thresholds = [float(x) for x in argv] or [0.90, 0.80, 0.70, 0.65, 0.60, 0.55, 0.50]
    parts = A.splits(os.path.join(A.SHARED, "data"))
    train = [json.loads(line) for line in parts["train"]]
    ind_n = sum(1 for d in train for g in d["quotes"] if not S.is_quoted(g["text"]) and g.get("has_source", True))
    print(f"{'threshold':>9} {'dev R/P':>15} {'train R/P':>15} {'blind R/P':>15}  train found/items/inside")
    old = os.environ.get("QUOTECHECK_BROAD_THRESHOLD")
    try:
        for t in thresholds:
            os.environ["QUOTECHECK_BROAD_THRESHOLD"] = str(t)
            r = {name: A.score(parts[name], A.PROJECT) for name in ("dev", "train", "blind")}
            items = r["train"]["predicted_reported"]
            cells = " ".join(f"{r[n]['reported_recall']:.4f}/{r[n]['reported_precision']:.4f}" for n in r)
            print(f"{t:>9.2f} {cells}  {round(r['train']['reported_recall'] * ind_n)}/{items}/"
                  f"{round(r['train']['reported_precision'] * items)}", flush=True)
    finally:
        if old is None:
            os.environ.pop("QUOTECHECK_BROAD_THRESHOLD", None)
        else:
            os.environ["QUOTECHECK_BROAD_THRESHOLD"] = old
    return 0


if __name__ == "__main__":
    sys.exit(main())
