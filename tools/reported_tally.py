#!/usr/bin/env python3
"""Tally a change to the reported-speech readers on the readable part of polnear-train.

Saves the reported items of the first 640 articles of ``polnear-train`` (never the blind
split) before a change, then compares the items after it: new items and how many of them
fall inside gold (the scorer's precision test), items removed, and relations gained or lost
(the scorer's recall test), each listed by rule with its context.

    python tools/reported_tally.py --save /tmp/base.json     # before the change
    python tools/reported_tally.py --against /tmp/base.json  # after it
    python tools/reported_tally.py --against /tmp/base.json --show 30
"""
import argparse
import collections
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.dirname(HERE)
SHARED = os.path.join(PROJECT, "..", "shared")
READABLE = 640  # polnear-train articles whose errors may be read; the rest are blind

sys.path.insert(0, os.path.join(SHARED, "eval"))
import score_quotes as S  # noqa: E402

sys.path.insert(0, HERE)
from reported_errors import context as _context  # noqa: E402


def reported(preds):
    return [[p for p in ps if p.get("kind") == "reported"] for ps in preds]


def key(p):
    return (p["start"], p["end"], p.get("cue_start"), p.get("speaker_start"), p.get("speaker_end"))


def found(d, rep):
    return {i for i, g in enumerate(d["quotes"])
            if not S.is_quoted(g["text"]) and g.get("has_source", True) and
            any(S.covered(p["start"], p["end"], g["start"], g["end"]) and S.speaker_ok(p, g) for p in rep)}


def context(t, a, b, w=110):
    """The item in its text, as tools/reported_errors.py shows it (narrower)."""
    return _context(t, a, b, w)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--save", metavar="PATH")
    ap.add_argument("--against", metavar="PATH")
    ap.add_argument("--show", type=int, default=0, metavar="N")
    ap.add_argument("--bycue", action="store_true", help="new items per cue word too")
    a = ap.parse_args(argv)
    docs = S.load(os.path.join(SHARED, "data", "polnear-train.jsonl"))[:READABLE]
    preds, _ = S.run_quotecheck(docs, PROJECT)
    after = reported(preds)
    if a.save:
        with open(a.save, "w", encoding="utf-8") as f:
            json.dump(after, f)
    if not a.against:
        return 0
    with open(a.against, encoding="utf-8") as f:
        before = json.load(f)
    new, gone = [], []
    gained = lost = 0
    per = collections.defaultdict(lambda: [0, 0])
    for di, (d, b, x) in enumerate(zip(docs, before, after)):
        kb, kx = {key(p) for p in b}, {key(p) for p in x}
        for p in x:
            if key(p) not in kb:
                ins = any(S.inside(p["start"], p["end"], g["start"], g["end"]) for g in d["quotes"])
                new.append((di, p, ins))
                per[p.get("rule", "?")][0] += 1
                per[p.get("rule", "?")][1] += ins
        for p in b:
            if key(p) not in kx:
                gone.append((di, p, any(S.inside(p["start"], p["end"], g["start"], g["end"])
                                        for g in d["quotes"])))
        fb, fx = found(d, b), found(d, x)
        gained += len(fx - fb)
        lost += len(fb - fx)
    print(f"new items {len(new)}, inside gold {sum(i for _, _, i in new)}; removed {len(gone)}, "
          f"inside gold {sum(i for _, _, i in gone)}; relations +{gained} -{lost}")
    for r, (n, i) in sorted(per.items(), key=lambda kv: -kv[1][0]):
        print(f"  {r:40} {i}/{n}")
    if a.bycue:
        cue = collections.defaultdict(lambda: [0, 0])
        for _, p, ins in new:
            cue[(p.get("cue") or "").lower()][0] += 1
            cue[(p.get("cue") or "").lower()][1] += ins
        for c, (n, i) in sorted(cue.items(), key=lambda kv: -kv[1][0]):
            print(f"    {c:38} {i}/{n}")
    for label, rows in (("NEW", new), ("GONE", gone)):
        for di, p, ins in rows[:a.show]:
            print(f"--- {label} {di} {'IN' if ins else 'OUT'} {p.get('rule')} cue={p.get('cue')} "
                  f"speaker={p.get('mention') or p.get('speaker')}")
            print("   ", context(docs[di]["text"], p["start"], p["end"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
