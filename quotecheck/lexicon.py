"""The data tables in ``quotecheck/data/``, read once.

Rules and word lists live in those files, not in the code: ``.txt`` files hold one word
or phrase a line, ``.tsv`` files one tab-separated row a line; in both, blank lines and
lines starting with ``#`` are comments.  Every module reads its tables through here so
that the format is defined in one place.
"""
from __future__ import annotations

import functools
import re
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


def trie_pattern(words) -> str:
    """A standard-library pattern matching exactly ``words``, as a trie of alternatives
    (``sa(?:id|ys?)``): each position costs at most one step per letter of the longest word,
    however many words there are, where a flat alternation tries them all.  A space in a
    phrase matches any run of white space (possessively).  Where two words share a prefix
    the longer is tried first, as in a flat alternation sorted longest first.

    >>> trie_pattern(["said", "say", "says"])
    'sa(?:id|y(?:s)?)'
    >>> bool(re.fullmatch(trie_pattern(["made", "made the case"]), "made  the case"))
    True
    """
    root: dict = {}
    for w in words:
        node = root
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [(r"\s++" if c == " " else re.escape(c)) + emit(sub) for c, sub in sorted(node.items()) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(root)
