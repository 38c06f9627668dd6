"""Attribution: who said each quote, and reported speech.

PLACEHOLDER: attributes nothing yet.
"""
from __future__ import annotations


def attribute(text: str, quotes: tuple) -> tuple:
    """Return ``(quotes, speakers, warnings)``: the quotes with their attribution
    filled in, plus reported-speech quotes, in text order; the document's speakers."""
    return tuple(quotes), (), ()
