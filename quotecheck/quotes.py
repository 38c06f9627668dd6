"""Finding quotations: pairing quotation marks and telling speech from other quoted text.

PLACEHOLDER: a bare pairing of double marks, to be replaced by the real finder.
"""
from __future__ import annotations

import regex

from .model import Quote

_PAIR = regex.compile(r"[“\"]([^“”\"\n]{1,2000})[”\"]")


def find_quotes(text: str) -> tuple:
    """Return ``(quotes, warnings)``: every quotation in ``text``, unattributed."""
    out = []
    for m in _PAIR.finditer(text):
        out.append(Quote(m.start(), m.end(), m.group(), m.start() + 1, m.end() - 1, "direct",
                         marks=text[m.start()] + text[m.end() - 1], rule="pair"))
    return tuple(out), ()
