#!/usr/bin/env python3
"""Measure the noun rows of ``quotecheck/data/reported_light_nouns.tsv`` on train-640.

Reads the first 640 articles of ``polnear-train`` only (the last 200 are the blind split:
never read here).  Extracts them twice in this process: with no row read, then with every
row read (``reported_light._MEASURING``); each reported item of
the second run that the first lacks is put to its row (the noun's forms and the preposition:
the item's rule is ``nominal-light-<preposition>``, its cue ends with the noun) and counted:
items, items inside a gold relation, gold relations recalled that the first run missed, and
the articles its items inside gold lie in.

    python tools/measure_light_nouns.py                  # the tally, rows by items
    python tools/measure_light_nouns.py --write          # and the counts into the table
    python tools/measure_light_nouns.py --show 'attack' 10   # items of matching rows, in context

Every row is measured from scratch each time: its counts do not depend on which rows the
table reads.
"""
import argparse
import collections
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.dirname(HERE)
SHARED = os.path.join(PROJECT, "..", "shared")
READABLE = 640
TABLE = os.path.join(PROJECT, "quotecheck", "data", "reported_light_nouns.tsv")

sys.path.insert(0, os.path.join(SHARED, "eval"))
sys.path.insert(0, PROJECT)
import score_quotes as S  # noqa: E402

from quotecheck import api, report  # noqa: E402
from quotecheck import reported_light as L  # noqa: E402
from measure_broad_cues import rewrite_table, show_sample  # noqa: E402


def reset() -> None:
    """Forget every cached table of the package."""
    for name, mod in list(sys.modules.items()):
        if name.startswith("quotecheck"):
            for v in list(vars(mod).values()):
                if hasattr(v, "cache_clear"):
                    v.cache_clear()


def run(docs, measuring):
    L._MEASURING = measuring
    reset()
    try:
        return [[r for r in report.jsonl_lines(api.extract(d["text"]))[1:] if r.get("kind") == "reported"]
                for d in docs]
    finally:
        L._MEASURING = False
        reset()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="write the counts into the table")
    ap.add_argument("--show", nargs="+", metavar=("ROW_REGEX", "N"))
    a = ap.parse_args(argv)
    docs = S.load(os.path.join(SHARED, "data", "polnear-train.jsonl"))[:READABLE]
    group = {}
    for ln in open(TABLE, encoding="utf-8"):
        c = ln.rstrip("\n").split("\t")
        if c[0] == "noun":
            for w in c[1].split(","):
                group[w] = c[1]
    base, every = run(docs, "none"), run(docs, True)
    st = collections.defaultdict(lambda: [0, 0, 0, set()])
    shown = collections.defaultdict(list)
    key = lambda p: (p["start"], p["end"], p.get("cue_start"))  # noqa: E731
    lost = 0
    for di, (d, b, e) in enumerate(zip(docs, base, every)):
        gq = d["quotes"]
        bkeys = {key(p) for p in b}
        ekeys = {key(p) for p in e}
        lost += sum(1 for p in b if key(p) not in ekeys)
        new = [p for p in e if key(p) not in bkeys]
        rowkey = {}
        for p in new:
            rule = p.get("rule") or ""
            if not rule.startswith("nominal-light-"):
                continue
            noun = (re.findall(r"[\w’'-]+", p.get("cue") or "") or [""])[-1]
            k = (group.get(noun, noun), rule.rsplit("-", 1)[1])
            rowkey[id(p)] = k
            ins = any(S.inside(p["start"], p["end"], g["start"], g["end"]) for g in gq)
            st[k][0] += 1
            st[k][1] += ins
            if ins:
                st[k][3].add(di)
            shown[k].append((di, p, ins))
        for g in gq:
            if S.is_quoted(g["text"]) or not g.get("has_source", True):
                continue
            if any(S.covered(p["start"], p["end"], g["start"], g["end"]) and S.speaker_ok(p, g) for p in b):
                continue
            for p in new:
                if id(p) in rowkey and S.covered(p["start"], p["end"], g["start"], g["end"]) and S.speaker_ok(p, g):
                    st[rowkey[id(p)]][2] += 1
                    break
    tot = [sum(v[i] for v in st.values()) for i in range(3)]
    arts_all = set().union(*(v[3] for v in st.values())) if st else set()
    print(f"new items {tot[0]}, inside gold {tot[1]}, relations gained {tot[2]}, articles {len(arts_all)}; "
          f"items of the first run lost {lost}")
    for (noun, prep), (n, ins, gain, arts) in sorted(st.items(), key=lambda kv: -kv[1][0]):
        print(f"  {noun:28} {prep:8} items {n:4} inside {ins:4} ({ins / n:.2f}) gained {gain:3} articles {len(arts):3}")
    if a.show:
        show_sample(docs, shown, a.show)
    if a.write:
        counts = {k: (v[0], v[1], v[2], len(v[3])) for k, v in st.items()}
        arts = set().union(*(v[3] for v in st.values())) if st else set()
        counts[("", "")] = (tot[0], tot[1], tot[2], len(arts))
        def update(c):
            if c[0] not in ("noun", "total"):
                return None
            c[3:7] = map(str, counts.get((c[1], c[2]), (0, 0, 0, 0)))
            return c

        rewrite_table(TABLE, update)
    return 0


if __name__ == "__main__":
    sys.exit(main())
