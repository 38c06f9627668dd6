"""``In Professor Lee's view, the tax would be enough``: a possessor's view in a prepositional
aside is reported content -- the clause after it, to the end of the sentence, is what the
possessor thinks (PolNeAR marks ``view`` as the cue and the possessor as the source).

One job: find ``in|In POSSESSOR view`` followed by a comma (or, after ``which``/``that``, by
the verb of the relative clause: ``..., which in his view has gained strength``), outside
quotations, and read the clause after it as reported content.  The possessor is a third
person pronoun (his, her, their) or a capitalised name with ``'s``; ``my``/``our`` are left
out (an editorial's or a quoted speaker's own voice).  One pattern over the text, linear (no
backtracking: possessive quantifiers), each match bounded by its sentence.

Rule ``in-view``, confidence 0.7 (train-640 tally in CHANGELOG.md).
"""
from __future__ import annotations

import regex

from . import words as wd
from .clauses import DocIndex, Hit
from .reported_content import _content, _trim
from .clauses import REACH

RULE = "in-view"
CONFIDENCE = 0.7

_IN_VIEW = regex.compile(
    r"\b(?P<rel>(?:which|that)[ \t]++)?+[Ii]n[ \t]++"
    r"(?P<who>his|her|their|(?:\p{Lu}[\p{L}.\-]*+[ \t]++){0,3}+\p{Lu}[\p{L}\-]*+['’]s)[ \t]++"
    r"(?P<cue>view)(?:,|(?(rel)[ \t]++(?=\p{Ll})|(?!)))")


def view_items(doc: DocIndex, taken: list) -> list:
    """``(spans, hit, rule)`` items for ``in X's view, CLAUSE``; none where a span already
    taken overlaps the clause."""
    text = doc.text
    if " view" not in text and "\tview" not in text:
        return []  # (the pattern needs "view" after a blank: most documents have none)
    out = []
    for m in _IN_VIEW.finditer(text):
        if doc.in_quote(m.start("cue")):
            continue
        np = tuple(wd.tokens(text, m.start("who"), m.end("who")))
        if not np:
            continue
        s0, s1 = doc.sentence(m.start())
        if not m.group("rel") and m.start() > s0 and text[s0:m.start()].rstrip()[-1:] not in (",", "—", "(", "-"):
            continue  # "who runs the council in her view, she said": an adjunct of the clause before
        s, e = _trim(text, m.end(), min(s1, m.end() + REACH))
        if m.group("rel"):
            comma = text.find(",", s, e)
            e = comma if comma >= 0 else e  # "which in his view has gained strength, met ...": the relative clause
        if e <= s or any(a < e and s < b for a, b in taken):
            continue
        h = Hit(m.start("cue"), m.end("cue"), "view", "view", "thought", np, rule=RULE)
        item = _content(doc, s, e, h, RULE)
        if item:
            out.append(item)
    return out
