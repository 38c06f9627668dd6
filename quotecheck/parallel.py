"""Running extraction over many documents, in one process or several.

PLACEHOLDER: sequential only.
"""
from __future__ import annotations

from typing import Callable, Iterable


def map_ordered(func: Callable, items: Iterable, jobs: int = 1) -> list:
    """``[func(x) for x in items]``, using ``jobs`` processes when ``jobs > 1``; the
    result is in input order and identical whatever ``jobs`` is.  ``func`` must be a
    module-level function (picklable)."""
    return [func(x) for x in items]
