"""A cue inside another item's content reports a relation of its own.

``The state admitted it made a mistake when a local pediatrician reported high lead
levels``: the outer item's content holds a second cue with its own subject and content.  The
broad readers refuse an item whose spans overlap an item already read (two cue words of one
clause must not read the same content twice); :func:`nested` tells the case where the new
item sits wholly inside the content of the earlier one, its speaker too, which is a clause
embedded in what was said, not a second reading of it.
"""
from __future__ import annotations


def nested(spans, np, cue_start: int, taken) -> bool:
    """Whether every earlier span that the new item's ``spans`` overlap holds the new item
    whole: its cue (at ``cue_start``), its speaker phrase ``np`` (tokens) and its spans.

    >>> class T:
    ...     def __init__(self, s, e): self.start, self.end = s, e
    >>> nested([(40, 60)], [T(20, 30)], 31, [(10, 80)])
    True
    >>> nested([(40, 60)], [T(5, 9)], 31, [(10, 80)]), nested([(40, 90)], [T(20, 30)], 31, [(10, 80)])
    (False, False)
    """
    if not np:
        return False
    lo = min([np[0].start, cue_start] + [a for a, _ in spans])
    hi = max(b for _, b in spans)
    hit = [(ts, te) for ts, te in taken if any(a < te and ts < b for a, b in spans)]
    return bool(hit) and all(ts <= lo and hi <= te for ts, te in hit)
