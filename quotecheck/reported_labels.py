"""Colon labels: a paragraph that opens with a short label and a colon whose words are the
label's (``Kasich: We will go all the way to Cleveland.``, a transcript's ``WALLACE: ...``).
Split off :mod:`quotecheck.reported` (one reader, one job)."""

from __future__ import annotations

import regex

from . import lexicon
from . import words as wd
from .clauses import REACH, DocIndex, Hit, np_left
from .reported_content import _content, _trim


#: "Poll: Trump leads in Ohio", "Matthews: Well, speculation is bad": a paragraph that opens
#: with a short capitalised label and a colon; words that only start a label of the page.
_LABEL_WORD = regex.compile(r"[\p{Lu}][\p{L}.'’\-]*+")


_NOT_LABELS = lexicon.exact("reported_not_labels.txt")


#: One-word labels that are sources though no speaker phrase ("Poll: ...", "Study: ...").
_EVIDENCE_LABELS = frozenset(w.capitalize() for w in lexicon.exact("reported_in_sources.txt"))


#: "Smith camp: ...", "Times editorial: ...", "Democrats' new warning: ...": a first line's
#: label may end in one of these lower-case nouns of a speaker's side or document
#: (``data/reported_label_heads.txt``).
_LABEL_HEADS = lexicon.exact("reported_label_heads.txt")


#: "Clinton to Planned Parenthood: ...", "Mukasey at RNC: ...": a headline label names its
#: speaker, then whom or where the words were for.
_ADDRESSED = frozenset({"to", "To", "on", "On", "at", "At"})


def _addressed(text: str, words: list, c: int):
    """The label's words up to a preposition of address after its first word, and where
    they end; the words and ``c`` when there is none."""
    pos = 0
    for n, w in enumerate(words):
        at = text.find(w, pos, c)
        if n and w in _ADDRESSED:
            return words[:n], at - 1
        pos = at + len(w)
    return words, c


def colon_labels(doc: DocIndex) -> list:
    """``Kasich: We will go all the way to Cleveland.`` -- a headline, or a transcript turn
    (``WALLACE: ...``), whose speaker is the short label before the colon that opens the
    paragraph (the first paragraph; later ones only with a label in capitals); the content
    runs to the end of the paragraph (at most 600 characters).  One ``str.find`` per
    paragraph."""
    text = doc.text
    out = []
    for ps, pe in zip(doc.para_starts, doc.para_ends):
        c = text.find(": ", ps, min(pe, ps + (60 if ps == 0 else 40)))
        if c < 0 or pe - c < 14:
            continue
        words = text[ps:c].split()
        end = c
        if ps == 0:
            words, end = _addressed(text, words, c)
            end = max(end, ps)
        if not 1 <= len(words) <= 5 or words[0] in _NOT_LABELS or words[-1] in _NOT_LABELS:
            continue
        headed = ps == 0 and len(words) > 1 and words[-1] in _LABEL_HEADS and _LABEL_WORD.fullmatch(words[0])
        if not headed and any(not _LABEL_WORD.fullmatch(w) for w in words):
            continue
        if len(words[0]) < 2:
            continue  # "Q:", "A:": interview turns, the page's own questions and answers
        if ps > 0 and not all(w.isupper() for w in words):
            continue  # in the body only a transcript's speaker ("WALLACE:"); "Kasich: Now or never." is a list
        toks = wd.tokens(text, ps, end)
        found = np_left(toks, len(toks) - 1, 0) if toks else None
        if not (found and found[0][0].start == ps or headed or len(toks) == 1 and toks[0].text in _EVIDENCE_LABELS):
            continue  # "The Latest:", "Bombshell:": a rubric of the page, not a speaker
        h = Hit(c, c + 1, ":", ":", "speech", tuple(toks), rule="colon-label")
        item = _quoted_headline(doc, c + 1, pe, h) if ps == 0 else None
        if item is None:
            item = _content(doc, c + 1, min(pe, c + REACH), h, "colon-label")
        if item:
            out.append(item)
    return out


def _quoted_headline(doc: DocIndex, s: int, e: int, h: Hit):
    """``Milbank: Republicans ‘Waving The Flag Of Surrender’ To Trump``: a headline's words
    with a quotation among them is one item, the quotation in it (at most 200 characters):
    its pieces apart are not what the headline says."""
    s, e = _trim(doc.text, s, e)
    if not 12 <= e - s <= 200 or not any(s <= q.start < e for q in doc.quotes[:8]):
        return None
    return [(s, e)], h, "colon-label"
