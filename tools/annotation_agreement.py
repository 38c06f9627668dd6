#!/usr/bin/env python3
"""How far two PolNeAR annotations of one sentence agree on reported speech: a ceiling.

Some stories appear in several articles of polnear-train (wire copy, updated versions), and
each article was annotated on its own.  A sentence of >= 80 characters found verbatim in two
of the first 640 articles (never the blind last 200) is annotated twice.  Scoring one copy's
indirect relations (no quotation marks) as if they were a system's reported items against
the other copy's gold, with the shared scorer's tests (``score_quotes.inside`` for precision
against any gold relation, ``score_quotes.covered`` for recall of an indirect one), both ways
round, says how well an annotator does against another: the point a system imitating the
annotation cannot expect to pass.

    python tools/annotation_agreement.py
"""
import collections
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(os.path.dirname(HERE), "..", "shared")
READABLE = 640  # polnear-train articles whose gold may be read; the rest are the blind split

sys.path.insert(0, os.path.join(SHARED, "eval"))
import score_quotes as S  # noqa: E402

#: a sentence: at least 80 characters of one line up to a full stop, ! or ? before white space
_SENTENCE = re.compile(r"[^\n]{80,}?(?:[.!?](?=\s)|$)", re.M)


def shared_sentences(docs):
    """``{sentence: {article index: offset}}`` for sentences found in >= 2 articles."""
    where = collections.defaultdict(dict)
    for di, d in enumerate(docs):
        for m in _SENTENCE.finditer(d["text"]):
            s = m.group(0).strip()
            if len(s) >= 80:
                where[s].setdefault(di, d["text"].index(s, m.start()))
    return {s: v for s, v in where.items() if len(v) >= 2}


def indirect(g) -> bool:
    return not S.is_quoted(g["text"]) and g.get("has_source", True)


def agreement(docs) -> dict:
    """Copy A's indirect relations scored against copy B's gold and B's against A's."""
    pairs = shared_sentences(docs)
    p_in = p_n = r_ok = r_speaker = r_n = 0
    for s, seen in pairs.items():
        (da, oa), (db, ob) = list(seen.items())[:2]
        for (x, ox), (y, oy) in (((da, oa), (db, ob)), ((db, ob), (da, oa))):
            mine = [g for g in docs[x]["quotes"] if ox <= g["start"] and g["end"] <= ox + len(s) and indirect(g)]
            gold = [g for g in docs[y]["quotes"] if oy <= g["start"] and g["end"] <= oy + len(s)]
            for a in mine:
                p_n += 1
                p_in += any(S.inside(a["start"] - ox, a["end"] - ox, b["start"] - oy, b["end"] - oy) for b in gold)
            for b in (g for g in gold if indirect(g)):
                r_n += 1
                hit = [a for a in mine if S.covered(a["start"] - ox, a["end"] - ox, b["start"] - oy, b["end"] - oy)]
                r_ok += bool(hit)
                r_speaker += any(a.get("speaker_start") is not None and b.get("speaker_start") is not None and
                                 a["speaker_start"] - ox == b["speaker_start"] - oy for a in hit)
    return {"sentences": len(pairs), "relations": r_n,
            "recall": round(r_ok / max(1, r_n), 3), "recall_same_speaker": round(r_speaker / max(1, r_n), 3),
            "precision": round(p_in / max(1, p_n), 3)}


def main():
    docs = S.load(os.path.join(SHARED, "data", "polnear-train.jsonl"))[:READABLE]
    f = agreement(docs)
    print(f"sentences annotated twice (train-640): {f['sentences']}, indirect relations: {f['relations']}")
    print(f"one annotation as a system against the other: recall {f['recall']} "
          f"(with the same speaker span {f['recall_same_speaker']}), precision {f['precision']}")


if __name__ == "__main__":
    main()
