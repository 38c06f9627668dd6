#!/usr/bin/env python3
"""Tally reported-speech misses and false positives on the readable part of polnear-train.

Only the first 640 articles of ``polnear-train`` are read (the last 200 are the blind split:
never read here).  Runs ``python -m quotecheck extract`` once through the shared scorer's
runner, caches its output, then sorts every gold indirect relation the scorer does not count
as found, and every reported item it does not count as inside gold, into classes:

  misses   speaker-wrong (an item covers it, its speaker is wrong), boundary-short (an item
           overlaps but covers less than half), samecue-elsewhere (the gold cue is read but
           the content is elsewhere), continuation-seg (a later segment of a split
           relation), inside-speech, cue-known-unread (a word of the gold cue is in the
           tables, nothing read), cue-unknown (no word of the cue is in the tables)
  false    fp-too-long (overlaps gold, more than half outside), fp-samecue-other-content,
  positive fp-no-gold:<rule>

    python tools/reported_errors.py                   # the tally
    python tools/reported_errors.py --rerun           # after a change
    python tools/reported_errors.py --show CLASS 20   # a sample of one class, in context
    python tools/reported_errors.py --bycue '^echo'   # items per cue: how many inside gold
"""
import argparse
import collections
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PROJECT = os.path.dirname(HERE)
SHARED = os.path.join(PROJECT, "..", "shared")
READABLE = 640  # polnear-train articles whose errors may be read; the rest are blind

sys.path.insert(0, os.path.join(SHARED, "eval"))
sys.path.insert(0, PROJECT)
import score_quotes as S  # noqa: E402


def overlap(a, b, c, d):
    return max(0, min(b, d) - max(a, c))


def load(rerun: bool, cache: str):
    docs = S.load(os.path.join(SHARED, "data", "polnear-train.jsonl"))[:READABLE]
    if rerun or not os.path.exists(cache):
        preds, _ = S.run_quotecheck(docs, PROJECT)
        with open(cache, "w", encoding="utf-8") as f:
            json.dump(preds, f)
    with open(cache, encoding="utf-8") as f:
        return docs, json.load(f)


def classify(docs, preds):
    from quotecheck.reported_lexicon import _cue_words
    known = {w.lower() for w in _cue_words()}
    miss, fp = collections.defaultdict(list), collections.defaultdict(list)
    for di, (d, ps) in enumerate(zip(docs, preds)):
        gq = d["quotes"]
        rep = [p for p in ps if p.get("kind") == "reported"]
        speech = [p for p in ps if p.get("kind") in S.SPEECH]
        for g in gq:
            if S.is_quoted(g["text"]) or not g.get("has_source", True):
                continue
            if any(S.covered(p["start"], p["end"], g["start"], g["end"]) and S.speaker_ok(p, g) for p in rep):
                continue
            cov = [p for p in rep if S.covered(p["start"], p["end"], g["start"], g["end"])]
            part = [p for p in rep if overlap(p["start"], p["end"], g["start"], g["end"])]
            same = [p for p in rep if p.get("cue_start") is not None and g.get("cue_start") is not None and
                    overlap(p["cue_start"], p["cue_end"], g["cue_start"], g["cue_end"])]
            words = re.findall(r"[\w’'-]+", (g.get("cue") or "").lower())
            if cov:
                cls = "speaker-wrong"
            elif part:
                cls = "boundary-short"
            elif same:
                cls = "samecue-elsewhere"
            elif any(overlap(p["start"], p["end"], g["start"], g["end"]) for p in speech):
                cls = "inside-speech"
            elif g.get("segment_index", 0) > 0:
                cls = "continuation-seg"
            elif any(w in known for w in words):
                cls = "cue-known-unread"
            else:
                cls = "cue-unknown"
            miss[cls].append((di, g, (cov or part or same or [None])[0]))
        for p in rep:
            if any(S.inside(p["start"], p["end"], g["start"], g["end"]) for g in gq):
                continue
            part = [g for g in gq if overlap(p["start"], p["end"], g["start"], g["end"])]
            same = [g for g in gq if g.get("cue_start") is not None and p.get("cue_start") is not None and
                    overlap(p["cue_start"], p["cue_end"], g["cue_start"], g["cue_end"])]
            cls = "fp-too-long" if part else "fp-samecue-other-content" if same else "fp-no-gold:" + p.get("rule", "?")
            fp[cls].append((di, p, (part or same or [None])[0]))
    return miss, fp


def context(t, a, b, w=150):
    flat = lambda s: s.replace("\n", "⏎")  # noqa: E731
    return flat(t[max(0, a - w):a]) + "[[" + flat(t[a:b]) + "]]" + flat(t[b:b + w])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rerun", action="store_true")
    ap.add_argument("--cache", default=os.path.join("/tmp", "quotecheck-reported-errors.json"))
    ap.add_argument("--show", nargs="+", metavar=("CLASS", "N"))
    ap.add_argument("--bycue", metavar="REGEX")
    a = ap.parse_args(argv)
    docs, preds = load(a.rerun, a.cache)
    miss, fp = classify(docs, preds)
    print("missed", sum(map(len, miss.values())))
    for k, v in sorted(miss.items(), key=lambda kv: -len(kv[1])):
        print(f"  {k:26} {len(v)}")
    print("false positives", sum(map(len, fp.values())))
    for k, v in sorted(fp.items(), key=lambda kv: -len(kv[1]))[:20]:
        print(f"  {k:36} {len(v)}")
    if a.bycue:
        rx = re.compile(a.bycue)
        st = collections.defaultdict(lambda: [0, 0])
        for d, ps in zip(docs, preds):
            for p in ps:
                if p.get("kind") == "reported" and rx.search((p.get("cue") or "").lower()):
                    k = (p.get("cue") or "").lower()
                    st[k][0] += 1
                    st[k][1] += any(S.inside(p["start"], p["end"], g["start"], g["end"]) for g in d["quotes"])
        for k, (n, inside) in sorted(st.items(), key=lambda kv: -kv[1][0]):
            print(f"  {k:25} items {n:4} inside gold {inside:4}")
    if a.show:
        cls, n = a.show[0], int(a.show[1]) if len(a.show) > 1 else 10
        src = miss.get(cls) or fp.get(cls) or []
        random.seed(1)
        for di, x, y in random.sample(src, min(n, len(src))):
            t = docs[di]["text"]
            print("-----", di, cls)
            if cls.startswith("fp"):
                print("ITEM", x.get("rule"), "cue=", x.get("cue"), "speaker=", x.get("mention"))
                print(context(t, x["start"], x["end"]))
                if y:
                    print("GOLD", y.get("cue"), "|", y.get("speaker"), "::", context(t, y["start"], y["end"], 40))
            else:
                print("GOLD cue=", x.get("cue"), "speaker=", x.get("speaker"), "segment", x.get("segment_index"))
                print(context(t, x["start"], x["end"]))
                if y:
                    print("ITEM", y.get("rule"), "cue=", y.get("cue"), "speaker=", y.get("mention"), "::",
                          context(t, y["start"], y["end"], 40))
    return 0


if __name__ == "__main__":
    sys.exit(main())
