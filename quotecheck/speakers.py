"""Speakers: names, titles, mentions, and resolving them to one person.

PLACEHOLDER: only the cross-document name matcher's contract.
"""
from __future__ import annotations

from typing import Optional


def same_person(a: Optional[str], b: Optional[str]) -> bool:
    """Whether two normalised speaker names can denote the same person
    (``"Putin"`` and ``"Vladimir Putin"`` can; ``None`` matches nothing).

    >>> same_person("Putin", "Vladimir Putin")
    True
    >>> same_person("Joe Biden", "Hunter Biden")
    False
    """
    if not a or not b:
        return False
    x, y = a.lower().split(), b.lower().split()
    if x[-1] != y[-1]:
        return False
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    return all(w in long_ for w in short)
