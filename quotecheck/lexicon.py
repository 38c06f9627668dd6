"""The data tables in ``quotecheck/data/``, read once.

Rules and word lists live in those files, not in the code: ``.txt`` files hold one word
or phrase a line, ``.tsv`` files one tab-separated row a line; in both, blank lines and
lines starting with ``#`` are comments.  Every module reads its tables through here so
that the format is defined in one place.
"""
from __future__ import annotations

import functools
from importlib import resources


@functools.lru_cache(maxsize=None)
def lines(name: str) -> tuple:
    """The non-comment, non-blank lines of a data file, trailing newline removed.

    >>> lines("numbers_units.tsv")[0].split("\\t")
    ['%', 'percent']
    """
    raw = resources.files("quotecheck").joinpath("data", name).read_text(encoding="utf-8")
    return tuple(ln.rstrip("\r") for ln in raw.split("\n") if ln.strip() and not ln.startswith("#"))


@functools.lru_cache(maxsize=None)
def rows(name: str) -> tuple:
    """The tab-separated rows of a ``.tsv`` table, as tuples of fields."""
    return tuple(tuple(ln.split("\t")) for ln in lines(name))


@functools.lru_cache(maxsize=None)
def words(name: str) -> frozenset:
    """A word list, stripped and lower-cased.

    >>> "not" in words("negation.txt")
    True
    """
    return frozenset(ln.strip().lower() for ln in lines(name))


@functools.lru_cache(maxsize=None)
def exact(name: str) -> frozenset:
    """A word list as written (case kept: ``Jr.`` is not ``jr.``)."""
    return frozenset(ln.strip() for ln in lines(name))
