#!/usr/bin/env python3
"""Resolved speaker names on quotations labelled by hand outside the development data.

    python benchmarks/speaker_names.py            # the figures
    python benchmarks/speaker_names.py --errors   # every wrong or missing name, every anonymous
                                                   # quotation named, every non-speech span called speech

Two label sets, both read from ``benchmarks/labels/``:

* ``ecbplus_speakers.tsv``: quotations of a fixed sample of ECB+ articles (other outlets and years
  than PolNeAR; its header says how the sample was drawn), each with the speaker a careful reader
  resolves and the kind of the nearest mention.  The articles are read from
  ``../shared/data/ecbplus/``; a label whose offsets no longer hold its 24-character prefix is
  found again by that prefix (nearest occurrence).
* ``extractor_cases.tsv`` when present: test cases published by other quote extractors.

A labelled quotation counts when quotecheck returns a speech quote (``direct`` or ``partial``)
overlapping at least half of it or half of which lies in it.  The name is right, as in the shared
scorer's ``name_acc`` (``../shared/eval/score_quotes.py``), when the predicted speaker contains
the gold name's last word.  Printed: quotations labelled, found, name accuracy overall and by
mention kind (``resolved`` = pronoun or description), anonymous quotations given a name, spans
that are not speech but were called speech, and speech quotes in the labelled documents that no
label covers (``unlabelled``).
"""
from __future__ import annotations

import argparse
import collections
import csv
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from quotecheck import api  # noqa: E402

LABELS = os.path.join(HERE, "labels")
ECB = os.path.join(HERE, "..", "..", "shared", "data", "ecbplus")
SPEECH = {"direct", "partial"}


def read_tsv(path: str) -> list:
    """Rows of a ``#``-commented TSV file as dicts."""
    with open(path, encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def relocate(text: str, start: int, end: int, prefix: str) -> tuple:
    """``(start, end)`` of the labelled span in ``text``: the stored offsets when they still hold
    the prefix, else the prefix's nearest occurrence (``None`` when it is gone).

    >>> relocate("ab “hi” x", 3, 7, "“hi”")
    (3, 7)
    >>> relocate("abcd “hi” x", 3, 7, "“hi”")
    (5, 9)
    """
    if text[start:start + len(prefix)].replace("\n", " ") == prefix:
        return start, end
    flat = text.replace("\n", " ")
    hits = [m.start() for m in re.finditer(re.escape(prefix), flat)]
    if not hits:
        return None
    s = min(hits, key=lambda h: abs(h - start))
    return s, s + (end - start)


def overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def best_quote(quotes: list, s: int, e: int):
    """The speech quote that best covers the span ``s:e`` (half of either lies in the other)."""
    best, size = None, 0
    for q in quotes:
        n = overlap(q.start, q.end, s, e)
        if n and (n >= 0.5 * (e - s) or n >= 0.5 * (q.end - q.start)) and n > size:
            best, size = q, n
    return best


def name_hit(gold: str, predicted) -> bool:
    """The shared scorer's test: the predicted name contains the gold name's last word.

    >>> name_hit("Tara Reid's rep", "Tara Reid rep"), name_hit("Mark Jay Heller", "Heller")
    (True, True)
    >>> name_hit("Steve Pond", "Hugh Jackman"), name_hit("Steve Pond", None)
    (False, False)
    """
    last = gold.split()[-1].lower()
    return last in {w.lower() for w in re.findall(r"[\w’'-]+", predicted or "")}


def ecbplus_docs(rows: list, root: str) -> dict:
    with open(os.path.join(root, "index.jsonl"), encoding="utf-8") as f:
        paths = {r["doc"]: r["path"] for r in map(json.loads, f) if r}
    texts = {}
    for doc in dict.fromkeys(r["doc"] for r in rows):
        with open(os.path.join(root, paths[doc]), encoding="utf-8") as f:
            texts[doc] = f.read()
    return texts


def evaluate(rows: list, texts: dict, errors: bool = False, label: str = "") -> dict:
    """Figures for one label set; prints the errors when asked."""
    c = collections.Counter()
    by_doc = collections.defaultdict(list)
    for r in rows:
        by_doc[r["doc"]].append(r)
    for doc, labs in by_doc.items():
        text = texts[doc]
        found = api.extract(text, source=doc)
        speech = [q for q in found.quotes if q.kind in SPEECH]
        covered = set()
        for r in labs:
            at = relocate(text, int(r["start"]), int(r["end"]), r["prefix"])
            if at is None:
                c["lost"] += 1
                continue
            q = best_quote(speech, *at)
            if q is not None:
                covered.add(id(q))
            if r["speech"] != "y":
                c["not_speech"] += 1
                c["not_speech_called_speech"] += q is not None
                if errors and q is not None:
                    print(f"{label}NOT-SPEECH {doc} {at[0]} kind={q.kind} "
                          f"{text[at[0]:at[1]][:60]!r}")
                continue
            c["labelled"] += 1
            if q is None:
                c["missed"] += 1
                if errors:
                    print(f"{label}MISSED {doc} {at} {text[at[0]:at[1]][:60]!r}")
                continue
            c["found"] += 1
            got = q.attribution.speaker
            if not r["speaker"]:
                c["anonymous"] += 1
                c["anonymous_named"] += got is not None
                if errors and got is not None:
                    print(f"{label}ANONYMOUS-NAMED {doc} {at[0]} got={got!r} "
                          f"rule={q.attribution.rule} {text[at[0]:at[1]][:50]!r}")
                continue
            kind = r["mention"] if r["mention"] in ("name", "none") else "resolved"
            ok = name_hit(r["speaker"], got)
            c["named"] += 1
            c["named_ok"] += ok
            c[kind] += 1
            c[kind + "_ok"] += ok
            if errors and not ok:
                a = q.attribution
                print(f"{label}WRONG {doc} {at[0]} [{r['mention']}] gold={r['speaker']!r} "
                      f"got={got!r} via {a.mention!r} rule={a.rule} "
                      f"| {text[max(0, at[0] - 160):at[0] + 60]!r}")
        c["unlabelled"] += sum(1 for q in speech if id(q) not in covered)
    return c


def ratio(c: dict, key: str) -> str:
    n = c.get(key, 0)
    return f"{c.get(key + '_ok', 0) / n:.3f} ({c.get(key + '_ok', 0)}/{n})" if n else "-"


def report(name: str, c: dict) -> dict:
    out = {"set": name, "labelled": c["labelled"], "found": c["found"],
           "name_acc": ratio(c, "named"), "name_acc_name": ratio(c, "name"),
           "name_acc_resolved": ratio(c, "resolved"), "name_acc_continued": ratio(c, "none"),
           "anonymous_named": f"{c['anonymous_named']}/{c['anonymous']}",
           "not_speech_called_speech": f"{c['not_speech_called_speech']}/{c['not_speech']}",
           "unlabelled": c["unlabelled"], "lost": c["lost"]}
    for k, v in out.items():
        print(f"  {k:26} {v}")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ecbplus", default=ECB)
    ap.add_argument("--errors", action="store_true", help="print each wrong or missing name")
    ap.add_argument("--json", action="store_true", help="one JSON line of figures last")
    a = ap.parse_args(argv)
    figures = []
    rows = read_tsv(os.path.join(LABELS, "ecbplus_speakers.tsv"))
    c = evaluate(rows, ecbplus_docs(rows, a.ecbplus), a.errors)
    print(f"ECB+ sample ({len({r['doc'] for r in rows})} documents)")
    figures.append(report("ecbplus", c))
    cases = os.path.join(LABELS, "extractor_cases.tsv")
    if os.path.exists(cases):
        rows = read_tsv(cases)
        texts = {r["doc"]: r["text"].replace("\\n", "\n") for r in rows}
        c = evaluate(rows, texts, a.errors, label="case ")
        print(f"other extractors' test cases ({len(texts)} texts)")
        figures.append(report("extractor_cases", c))
    if a.json:
        print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
