#!/usr/bin/env python3
"""Measure the broad cues of ``quotecheck/data/reported_broad_cues.tsv`` on train-640.

Reads the first 640 articles of ``polnear-train`` only (the last 200 are the blind split:
never read here).  Extracts them twice in this process: with no row of the table read, then
with every row read (``reported_broad.THRESHOLD`` below zero); each reported item of the
second run that the first lacks is put to its table row (its cue's lemma and the frame it
was read in) and counted: items, items inside a gold relation, gold relations recalled that
the first run missed, and the articles its items inside gold lie in.

    python tools/measure_broad_cues.py                 # the tally, rows by items
    python tools/measure_broad_cues.py --write         # and the counts into the table
    python tools/measure_broad_cues.py --subjects all  # every subject kind, tallied apart
    python tools/measure_broad_cues.py --show 'vote\tfor' 10   # items of matching rows, in context
    python tools/measure_broad_cues.py --blind --rows 0.6      # the blind split: counts only

``--blind`` reads the last 200 articles instead and prints only the counts of the rows read at
``--rows`` (their texts and errors stay unread; the table is not written): a row that lifts
train-640 but not the blind split is tuned, and is dropped from the table.
"""
import argparse
import collections
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.dirname(HERE)
SHARED = os.path.join(PROJECT, "..", "shared")
READABLE = 640
TABLE = os.path.join(PROJECT, "quotecheck", "data", "reported_broad_cues.tsv")

sys.path.insert(0, os.path.join(SHARED, "eval"))
sys.path.insert(0, PROJECT)
import score_quotes as S  # noqa: E402

from quotecheck import api, report  # noqa: E402
from quotecheck import reported_broad as B  # noqa: E402

_WH = frozenset("what whether if how why when where who which".split())
_PARTICLES = frozenset({"of", "about", "against", "for", "with", "on"})


def reset() -> None:
    """Forget every cached table of the package (the lexicon depends on the thresholds)."""
    for name, mod in list(sys.modules.items()):
        if name.startswith("quotecheck"):
            for v in list(vars(mod).values()):
                if hasattr(v, "cache_clear"):
                    v.cache_clear()


def run(docs, threshold: float, seen: dict):
    """The reported items of every document with the table read at ``threshold``;
    ``seen[(doc, cue_start)]`` gets what :func:`reported_broad.keep` saw of each broad item
    (lemma, rule, subject kind, cue end) and whether it let it through."""
    B.THRESHOLD = threshold
    reset()
    keep = B.keep.__wrapped__ if hasattr(B.keep, "__wrapped__") else B.keep
    cur = {"doc": -1}

    def spy(item, text=""):
        out = keep(item, text)
        if item and item[1].lemma in B.entries() and item[1].lemma not in B._lexicon_lemmas():
            h = item[1]
            seen[(cur["doc"], h.cue_start)] = (h.lemma, item[2], B.subject_kind(h.np, h.titles), h.cue_end,
                                               out is not None)
        return out

    spy.__wrapped__ = keep
    import quotecheck.reported as R
    R.reported_broad.keep = spy
    out = []
    try:
        for di, d in enumerate(docs):
            cur["doc"] = di
            doc = api.extract(d["text"])
            out.append([r for r in report.jsonl_lines(doc)[1:] if r.get("kind") == "reported"])
    finally:
        R.reported_broad.keep = keep
    return out


def frame_of(text: str, cue_end: int, rule: str, frames) -> str:
    """The frame an item was read in: from its rule (``stance-for``, ``intent-np-to``) or,
    for a participle or a relative reading, from the word after the cue."""
    if rule.endswith("passive"):
        return "passive"
    tail = rule.split("-", 1)[1] if "-" in rule else rule
    named = {"that": "that", "clause": "that", "np-to": "to"}.get(tail, tail)
    if named in ("that", "to", "wh", "ing", "np") or named in _PARTICLES:
        return named
    nxt = (text[cue_end:cue_end + 30].split() or [""])[0].lower().strip(",.;:")
    if nxt == "that" and "that" in frames:
        return "that"
    if nxt == "to" and "to" in frames:
        return "to"
    if nxt in _PARTICLES and nxt in frames:
        return nxt
    if nxt in _WH and "wh" in frames:
        return "wh"
    if nxt.endswith("ing") and "ing" in frames:
        return "ing"
    return "np" if "np" in frames else "that" if "that" in frames else sorted(frames)[0]


def rewrite_table(path: str, update) -> None:
    """Rewrite the table at ``path`` line by line: ``update(columns)`` gives a row's new
    columns, or None to leave the line as it is (comments, blank lines, other rows)."""
    out = []
    for ln in open(path, encoding="utf-8").read().split("\n"):
        new = update(ln.split("\t")) if ln and not ln.startswith("#") else None
        out.append(ln if new is None else "\t".join(new))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))
    print("wrote", path)


def show_sample(docs, shown: dict, show: list) -> None:
    """Print a sample of the items of the rows whose "key<TAB>frame" matches ``show[0]``
    (``show[1]`` of them, 10 by default), each in its context, marked IN or out of gold."""
    rx, n = re.compile(show[0]), int(show[1]) if len(show) > 1 else 10
    random.seed(1)
    pool = [x for k, v in shown.items() if rx.search(f"{k[0]}\t{k[1]}") for x in v]
    for di, p, ins in random.sample(pool, min(n, len(pool))):
        t = docs[di]["text"]
        lo = min(p["start"], p.get("speaker_start") or p["start"])
        print("-----", di, "IN" if ins else "out", p.get("rule"), "| cue", p.get("cue"), "| speaker",
              p.get("mention"))
        print(t[max(0, lo - 80):lo].replace("\n", " ") + "[[" + t[p["start"]:p["end"]] + "]]" +
              t[p["end"]:p["end"] + 60].replace("\n", " "))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="write the counts into the table")
    ap.add_argument("--subjects", choices=["person", "all"], default="person")
    ap.add_argument("--show", nargs="+", metavar=("ROW_REGEX", "N"))
    ap.add_argument("--blind", action="store_true", help="the last 200 articles: counts of read rows only")
    ap.add_argument("--rows", type=float, default=None, help="with --blind: the threshold the rows are read at")
    a = ap.parse_args(argv)
    docs = S.load(os.path.join(SHARED, "data", "polnear-train.jsonl"))
    if a.blind:
        if a.show or a.write or a.subjects != "person":
            ap.error("--blind prints counts only")
        docs = docs[-200:]
        assert len(docs) == 200 and READABLE + 200 <= len(S.load(os.path.join(SHARED, "data", "polnear-train.jsonl")))
    else:
        docs = docs[:READABLE]
    if a.subjects == "all":
        B.PERSON_KINDS = frozenset({"name", "pronoun", "role", "thing", "other"})
    base = run(docs, 2.0, {})
    seen: dict = {}
    if a.blind:
        wanted = {(r.lemma, r.frame) for r in B.rows() if B.read(r, a.rows if a.rows is not None else B.THRESHOLD)}
    every = run(docs, -1.0, seen)
    frames_of = collections.defaultdict(set)
    for r in B.rows():
        frames_of[r.lemma].add(r.frame)
    st = collections.defaultdict(lambda: [0, 0, 0, set()])
    kinds = collections.defaultdict(lambda: [0, 0])
    by_kind = collections.defaultdict(lambda: [0, 0, 0, set()])  # (lemma, frame, kind): as st
    kind_of = {}
    shown = collections.defaultdict(list)
    lost = lost_in = 0
    for di, (d, b, e) in enumerate(zip(docs, base, every)):
        gq = d["quotes"]
        key = lambda p: (p["start"], p["end"], p.get("cue_start"))  # noqa: E731
        bkeys = {key(p) for p in b}
        ekeys = {key(p) for p in e}
        for p in b:
            if key(p) not in ekeys:
                lost += 1
                lost_in += any(S.inside(p["start"], p["end"], g["start"], g["end"]) for g in gq)
        new = [p for p in e if key(p) not in bkeys]
        rowkey = {}
        for p in new:
            info = seen.get((di, p.get("cue_start")))
            if info is None:
                continue
            lemma, rule, kind, cue_end, _ = info
            frame = frame_of(d["text"], cue_end, rule, frames_of[lemma])
            if frame == "np" and "np-as" in frames_of[lemma] and re.search(r"\sas\s", p["text"]):
                frame = "np-as"  # "cast herself as the heir": the object with its "as"
            k = (lemma, frame)
            rowkey[id(p)] = k
            ins = any(S.inside(p["start"], p["end"], g["start"], g["end"]) for g in gq)
            st[k][0] += 1
            st[k][1] += ins
            if ins:
                st[k][3].add(di)
            kinds[(k, kind)][0] += 1
            kinds[(k, kind)][1] += ins
            kind_of[id(p)] = kind
            bk = by_kind[k + (kind,)]
            bk[0] += 1
            bk[1] += ins
            if ins:
                bk[3].add(di)
            shown[k].append((di, p, ins))
        for g in gq:
            if S.is_quoted(g["text"]) or not g.get("has_source", True):
                continue
            if any(S.covered(p["start"], p["end"], g["start"], g["end"]) and S.speaker_ok(p, g) for p in b):
                continue
            for p in new:
                if id(p) in rowkey and S.covered(p["start"], p["end"], g["start"], g["end"]) and S.speaker_ok(p, g):
                    st[rowkey[id(p)]][2] += 1
                    by_kind[rowkey[id(p)] + (kind_of[id(p)],)][2] += 1
                    break
    tot = [sum(v[i] for v in st.values()) for i in range(3)]
    print(f"new items {tot[0]}, inside gold {tot[1]}, relations gained {tot[2]}; "
          f"items of the first run lost {lost} ({lost_in} inside gold)")
    for (lemma, frame), (n, ins, gain, arts) in sorted(st.items(), key=lambda kv: -kv[1][0]):
        if a.blind and (lemma, frame) not in wanted:
            continue
        extra = ""
        if a.subjects == "all":
            extra = "  " + " ".join(f"{kd}:{kinds[((lemma, frame), kd)][1]}/{kinds[((lemma, frame), kd)][0]}"
                                    for kd in ("name", "pronoun", "role", "thing", "other")
                                    if kinds[((lemma, frame), kd)][0])
        print(f"  {lemma:22} {frame:8} items {n:4} inside {ins:4} ({ins / n:.2f}) gained {gain:3} "
              f"articles {len(arts):3}{extra}")
    if a.show:
        show_sample(docs, shown, a.show)
    if a.write:
        def counts(lemma, frame, subjects):
            # a row with a subjects column counts only the items of those subject kinds
            ks = [k for k in subjects.split(",") if k] or sorted(B.PERSON_KINDS)
            vs = [by_kind[(lemma, frame, k)] for k in ks if (lemma, frame, k) in by_kind]
            return (sum(v[0] for v in vs), sum(v[1] for v in vs), sum(v[2] for v in vs),
                    len(set().union(*(v[3] for v in vs))) if vs else 0)

        def update(c):
            c[4:8] = map(str, counts(c[0], c[2], c[9] if len(c) > 9 else ""))
            return c

        rewrite_table(TABLE, update)
    return 0


if __name__ == "__main__":
    sys.exit(main())
