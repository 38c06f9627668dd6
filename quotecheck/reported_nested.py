"""A cue inside another item's content reports a relation of its own (rule ``nested-*``).

``The mayor conceded the city had erred after parents reported the water smelled``: the
outer item's content (what the mayor conceded) holds a second cue with its own subject and
content.  The broad readers refuse an item whose spans overlap an item already read (two cue
words of one clause must not read the same content twice); :func:`nested` tells the case
where the new item sits wholly inside the content of the earlier one, its speaker too, and
its speaker does not open that content: a clause embedded further in what was said (after
``because``, ``after``, ``and``, ``although``), not the reported clause itself.  Its rule is
the reader's with ``nested-`` before it.

On train-640: 186 new items, 181 inside gold by the scorer's test (an inner item lies inside
the outer relation's content), 24 at a gold cue; +21 relations.  PolNeAR seldom annotates the
clause that *is* the content (``the mayor says she opposes X``: 2 of 238 such items were at a
gold cue), so the speaker must not open the outer content.  A speaker phrase with the
relative ``who`` is left out: it stands for a person named before, who would become the last
person named when quotes are attributed in text order, and a later ``he said`` resolve to
them (dev name accuracy 0.9420 -> 0.9392 with it; names as inner speakers leave it unchanged
once the speaker may not open the content, where they lowered it to 0.9364).
"""
from __future__ import annotations

from .subjects import FINITE

#: Speaker words that keep a nested item out (see the module's docstring).
_RELATIVES = frozenset(["who"])


def nested(spans, np, cue_start: int, taken) -> bool:
    """Whether every earlier span that the new item's ``spans`` overlap holds the new item
    whole: its cue (at ``cue_start``), its speaker phrase ``np`` (tokens, without ``who``,
    not opening that content) and its spans.

    >>> from quotecheck import words as wd
    >>> t = "The mayor conceded the city had erred after parents reported the water smelled."
    >>> tk = wd.tokens(t, 0, len(t))
    >>> parents = [x for x in tk if x.text == "parents"]
    >>> outer = [(t.index("the city"), len(t) - 1)]
    >>> nested([(t.index("the water"), len(t) - 1)], parents, t.index("reported"), outer)
    True
    >>> mayor = tk[:2]  # a speaker outside the earlier content: a second reading
    >>> nested([(t.index("the water"), len(t) - 1)], mayor, t.index("reported"), outer)
    False
    >>> city = tk[3:5]  # "the city" opens what the mayor conceded: the clause itself
    >>> nested([(t.index("had"), t.index(" after"))], city, t.index("had"), outer)
    False
    """
    if not np or any(t.text.lower() in _RELATIVES or t.text.lower() in FINITE for t in np):
        return False  # "who", or a phrase run into a verb ("he can understand")
    lo = min([np[0].start, cue_start] + [a for a, _ in spans])
    hi = max(b for _, b in spans)
    hit = [(ts, te) for ts, te in taken if any(a < te and ts < b for a, b in spans)]
    return bool(hit) and all(ts < np[0].start - 1 and lo >= ts and hi <= te for ts, te in hit)


def nested_item(item, cue_start: int, taken):
    """``item`` (spans, hit, rule) renamed ``nested-<rule>`` when :func:`nested` holds for
    it against the ``taken`` spans it overlaps; None otherwise."""
    spans, h, rule = item
    if not nested(spans, h.np, cue_start, taken):
        return None
    return spans, h, "nested-" + rule
