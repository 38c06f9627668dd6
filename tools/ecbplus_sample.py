#!/usr/bin/env python3
"""Draw the ECB+ speaker-name sample and print it for labelling by hand.

    python tools/ecbplus_sample.py            # every sampled document with its quote spans

The sample is fixed by rule, not chosen: the documents at positions 0, 6, 12, ... of
``../shared/data/ecbplus/index.jsonl`` (every 6th line, in file order, across all clusters)
that have at least two quotation marks.  Quote spans are paired here from the marks alone
(``“`` opens (at a line's start it also ends an open quote at the line break before it),
``”`` closes, a ``“`` standing last on its line or after ``,.?!`` while a quote
is open also closes,
a straight ``"`` closes whichever quote is open, else opens one), independently of quotecheck, so that a person labels each span by
reading the text before seeing quotecheck's answer.  The labels live in
``benchmarks/labels/ecbplus_speakers.tsv``.

ECB+ is by Cybulska and Vossen (LREC 2014) under CC BY 3.0.
"""
from __future__ import annotations

import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ECB = os.path.join(HERE, "..", "..", "shared", "data", "ecbplus")
EVERY = 6


def sample(root: str = ECB) -> list:
    """The sampled index records, in file order."""
    with open(os.path.join(root, "index.jsonl"), encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return [r for i, r in enumerate(rows) if i % EVERY == 0 and r["n_quote_marks"] >= 2]


def _after_end(text: str, i: int) -> bool:
    """The mark at ``i`` follows a sentence's or clause's end (``., “said``): a closing mark
    typed the wrong way round."""
    j = i - 1
    while j >= 0 and text[j] in " \n":
        j -= 1
    return j >= 0 and text[j] in ",.?!"


def spans(text: str) -> list:
    """``(start, end)`` of each span between paired double quotation marks, marks included.

    >>> spans('He said “yes,” and “no. “')
    [(8, 14), (19, 25)]
    """
    out, open_at = [], None
    for i, ch in enumerate(text):
        if ch == "\u201c":
            if open_at is not None and i > 0 and text[i - 1] == "\n":
                out.append((open_at, i - 1))  # a quote running on: the line ends the last one
                open_at = i
            elif open_at is not None and (i + 1 >= len(text) or text[i + 1] == "\n"
                                          or _after_end(text, i)):
                out.append((open_at, i + 1))
                open_at = None
            else:
                open_at = i
        elif ch == "\u201d" and open_at is not None or ch == '"' and open_at is not None:
            out.append((open_at, i + 1))
            open_at = None
        elif ch == '"':
            open_at = i
    return sorted(out)


def main() -> int:
    for r in sample():
        with open(os.path.join(ECB, r["path"]), encoding="utf-8") as f:
            text = f.read()
        print(f"=== {r['doc']}  ({r['cluster']}, {r.get('outlet')})")
        print(text)
        for s, e in spans(text):
            print(f"  [{s}:{e}] {text[s:e][:70]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
