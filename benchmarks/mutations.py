#!/usr/bin/env python3
"""Mutation recall of the cross-source check: real quote pairs, one side changed on purpose.

Takes pairs of quotes from different documents that the check clusters as one utterance
(ECB+, grouped by story; and the first 640 articles of PolNeAR train, ungrouped), and changes
one side *inside the stretch both quote* in one of three ways:

- ``number``: a figure in the shared words gets another value (``12`` -> ``13``, ``five`` ->
  ``six``);
- ``negation``: ``not`` inserted after an auxiliary in the shared words, or a negation there
  removed;
- ``content``: a content word of the shared words replaced by a content word of another
  quote of the corpus (another lemma, not a spelling variant).

The changed document is extracted again and checked against the other one.  A mutation is
caught when a finding of the expected kind (``number``, ``negation``, ``wording``) at
warning or error covers the pair, and *named* when its explanation names the changed word
or value.  Prints, per corpus and kind, mutations tried, caught and named (recall is
caught / tried; the target is 0.95 each).

    python benchmarks/mutations.py [--pairs N] [--show-missed]
"""
import argparse
import collections
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import corpus  # noqa: E402
import ecbplus_findings  # noqa: E402
from quotecheck import align, api, crosssource, lexicon, numbers, wording  # noqa: E402

DATA = os.path.join(HERE, "..", "..", "shared", "data")
AUX = ("is", "was", "are", "were", "will", "would", "can", "could", "should", "must", "has",
       "have", "had", "did", "does", "do", "might", "may")
NUMBER_WORDS = {w: v for w, (v, role) in numbers.number_words().items() if role in ("digit", "teen")}
WORD_OF = {v: w for w, v in NUMBER_WORDS.items()}


def polnear_train_640() -> list:
    """The first 640 articles of PolNeAR train (the last 200 are kept blind)."""
    return [(doc, None, text) for doc, text in corpus.polnear(DATA)[:640]]


def quote_pairs(docs: list, limit: int) -> list:
    """Pairs ``(item a, item b)`` of quotes of different documents in one cluster whose
    words overlap in a shared stretch of at least five words."""
    clusters, _ = crosssource.check_documents(docs)
    items = {(it.source, it.start, it.end): it for i, d in enumerate(docs) for it in crosssource.utterances(d, i)}
    pairs, seen = [], set()
    for c in clusters:
        members = [items.get((s.source, s.start, s.end)) for s in c.members if s.kind == "quote"]
        members = [m for m in members if m is not None]
        for x, a in enumerate(members):
            for b in members[x + 1:]:
                if a.source == b.source:
                    continue
                if crosssource.compare(a, b) is None:
                    continue  # clustered through a third quote, not matched directly
                al = align.align(a.tokens, b.tokens)
                if al.longest < 5:
                    continue
                key = (a.tokens.norms, b.tokens.norms)
                if key in seen:
                    continue
                seen.add(key)
                pairs.append((a, b, al))
    random.Random(11).shuffle(pairs)
    return pairs[:limit] if limit else pairs


def _inside(al) -> list:
    """Token indices of side b inside the shared stretch: in an equal run, not the first or
    last token of the stretch."""
    middle = [o for o in al.ops if o.where == "middle"]
    if not middle:
        return []
    lo, hi = middle[0].j1, middle[-1].j2
    return [j for o in middle if o.tag == "equal" for j in range(o.j1, o.j2) if lo < j < hi - 1]


def mutate(kind: str, b, al, text: str, rng: random.Random, vocab: list):
    """``(new document text, changed word)`` or None when the pair allows no such mutation."""
    toks = b.tokens.tokens
    inside = _inside(al)
    if kind == "number":
        for j in inside:
            t = toks[j]
            if t.raw.isdigit():
                new = str(int(t.raw) + 1)
            elif t.norm in NUMBER_WORDS and NUMBER_WORDS[t.norm] + 1 in WORD_OF:
                new = WORD_OF[NUMBER_WORDS[t.norm] + 1]
                new = new.capitalize() if t.raw[:1].isupper() else new
            else:
                continue
            return text[:t.start] + new + text[t.end:], new
        return None
    if kind == "negation":
        for j in inside:
            t = toks[j]
            if t.norm in ("not", "never"):
                end = t.end + (1 if text[t.end:t.end + 1] == " " else 0)
                return text[:t.start] + text[end:], t.raw
            if t.norm.endswith("n't") and t.norm not in ("can't", "won't"):
                return text[:t.start] + t.raw[:-3] + text[t.end:], t.raw
        for j in inside:
            t = toks[j]
            if t.norm in AUX:
                return text[:t.end] + " not" + text[t.end:], "not"
        return None
    cands = [j for j in inside if not wording.is_minor_word(toks[j].norm) and not align.is_number(toks[j].norm)
             and not align.is_negation(toks[j].norm) and toks[j].raw.isalpha() and toks[j].raw.islower()
             and len(toks[j].norm) > 2]
    if not cands:
        return None
    j = rng.choice(cands)
    t = toks[j]
    for _ in range(50):
        new = rng.choice(vocab)
        if not (wording.same_lemma(new, t.norm) or wording.spelling_variant(new, t.norm) or new in b.tokens.norms):
            return text[:t.start] + new + text[t.end:], new
    return None


EXPECTED = {"number": "number", "negation": "negation", "content": "wording"}


def run(name: str, records: list, limit: int, show: bool) -> dict:
    docs = [api.extract(text, source=doc, group=group) for doc, group, text in records]
    texts = {doc: text for doc, _, text in records}
    groups = {doc: group for doc, group, _ in records}
    pairs = quote_pairs(docs, limit)
    vocab = sorted({w for d in docs for it in crosssource.utterances(d) for w in it.tokens.norms
                    if w.isalpha() and len(w) > 3 and not wording.is_minor_word(w)})
    by_source = {d.source: d for d in docs}
    rng = random.Random(11)
    tried, caught, named = collections.Counter(), collections.Counter(), collections.Counter()
    for a, b, al in pairs:
        for kind in EXPECTED:
            m = mutate(kind, b, al, texts[b.source], rng, vocab)
            if m is None:
                continue
            new_text, word = m
            tried[kind] += 1
            changed = api.extract(new_text, source=b.source, group=groups[b.source])
            _, fs = crosssource.check_documents([by_source[a.source], changed])
            hit = [f for f in fs if f.kind == EXPECTED[kind] and f.severity in ("warning", "error")
                   and any(s.source == a.source and s.start == a.start for s in f.sides)]
            if hit:
                caught[kind] += 1
                if any(word.lower() in f.explanation.lower() for f in hit):
                    named[kind] += 1
            elif show:
                near = [(f.kind, f.severity, f.explanation[:140]) for f in fs
                        if any(s.source == a.source and s.start == a.start for s in f.sides)]
                print(f"  missed {name} {kind} {word!r}: {a.source} {a.start} / {b.source} {b.start}: {near}")
    return {"pairs": len(pairs), "tried": tried, "caught": caught, "named": named}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=0, help="quote pairs per corpus (0: all)")
    ap.add_argument("--show-missed", action="store_true")
    a = ap.parse_args(argv)
    print("corpus   pairs kind      tried caught named recall")
    for name, records in (("ecbplus", ecbplus_findings.load(os.path.join(DATA, "ecbplus"))), ("polnear", polnear_train_640())):
        r = run(name, records, a.pairs, a.show_missed)
        for kind in EXPECTED:
            t, c, n = r["tried"][kind], r["caught"][kind], r["named"][kind]
            print(f"{name:8} {r['pairs']:5} {kind:9} {t:5} {c:6} {n:5} {c / t if t else float('nan'):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
