"""What the words around a name call the person, beyond the titles the name's phrase holds:
the words an abbreviated title stands for ("Sen." is a senator), the party a tag gives
("Rep. Tom Hart (R-Iowa)" is a Republican), a second appositive after a short one ("Jane Doe,
43, a former banker,") and a description in apposition before the name ("met the governor,
Rick Adams,", "Her deputy, Mark Olsen, disagreed").  A later description ("the senator",
"the Ohio Republican", "the former banker") names that person again; these are the ways news
gives the words first.  Pure functions of the text, read by :mod:`nameindex`.
"""
from __future__ import annotations

import functools

import regex

from . import lexicon as _tables
from .words import has_word


@functools.lru_cache(maxsize=1)
def _abbreviations() -> dict:
    """``{abbreviated title: the words it stands for}`` (``speakers_title_abbreviations.tsv``)."""
    return {row[0]: row[1] for row in _tables.rows("speakers_title_abbreviations.tsv") if len(row) > 1}


_TITLE_WORD = regex.compile(r"\p{Lu}[\p{L}]*+\.?")


def spelled_out(words: str) -> str:
    """The words an abbreviated title in ``words`` stands for, space-separated ("" for none).

    >>> spelled_out("Sen."), spelled_out("Former Gov."), spelled_out("the president")
    ('senator', 'governor', '')
    """
    table = _abbreviations()
    return " ".join(table[w] for w in _TITLE_WORD.findall(words) if w in table)


#: A US party-and-state tag right after a name: " (R-Iowa)", ", D-N.Y.,", " (I-Vt.)".
_PARTY_TAG = regex.compile(r"[ \u00a0]*+[(,][ \u00a0]*+([DRI])-(\p{Lu}[\p{L}.]*+(?:[ ]?\p{Lu}[\p{L}.]*+)?)[),]")
_PARTY = {"D": "democrat", "R": "republican", "I": "independent"}
#: The words :func:`party_tag` may give.
PARTY_WORDS = tuple(_PARTY.values())


def abbreviation_words() -> tuple:
    """Every spelling out of an abbreviated title (what :func:`spelled_out` may give)."""
    return tuple(_abbreviations().values())


@functools.lru_cache(maxsize=1)
def us_states() -> dict:
    """``{a tag's state abbreviation: the state's name}`` (``speakers_us_states.tsv``)."""
    return {row[0]: row[1] for row in _tables.rows("speakers_us_states.tsv") if len(row) > 1}


@functools.lru_cache(maxsize=1)
def state_names() -> frozenset:
    """The names of the US states, lower case ("new york")."""
    return frozenset(us_states().values())


def party_tag(text: str, end: int) -> str:
    """The party a tag right after the name ending at ``end`` gives, as its member noun
    ("democrat", "republican", "independent"), and the tag's state by name; else "".

    >>> text = "Sen. Ann Lee (D-Ohio) said"
    >>> party_tag(text, 12), party_tag("Tom Hart, R-Wis., said", 8), party_tag("Tom Hart (right)", 8)
    ('democrat ohio', 'republican wisconsin', '')
    """
    m = _PARTY_TAG.match(text, end, min(len(text), end + 30)) if 0 <= end <= len(text) else None
    if m is None:
        return ""
    state = us_states().get(m.group(2).replace(" ", ""), "")
    return (_PARTY[m.group(1)] + " " + state).strip()


def state_clash(mods: tuple, said: str) -> bool:
    """Whether a description names a US state ("the Florida senator") and what the text
    says of the person names only other states ("Sen. Joni Ernst, R-Iowa"): a politician
    stands for one state.

    >>> state_clash(("Florida",), "sen. republican iowa"), state_clash(("Iowa",), "republican iowa")
    (True, False)
    >>> state_clash(("Republican",), "democrat iowa"), state_clash(("New", "York"), "new york democrat")
    (False, False)
    """
    mine = _states_in(" ".join(mods).lower())
    if not mine:
        return False
    theirs = _states_in(said)
    return bool(theirs) and not (mine & theirs)


@functools.lru_cache(maxsize=1)
def _states_pattern():
    """Every state name as one alternation between non-letters (no state name opens another,
    so at each position at most one matches; ``overlapped`` finds "virginia" inside "west
    virginia" as the per-state searches did)."""
    names = sorted(state_names(), key=lambda s: (-len(s), s))
    return regex.compile(r"(?<![\p{L}])(?:" + "|".join(regex.escape(s) for s in names) + r")(?![\p{L}])")


@functools.lru_cache(maxsize=4096)
def _states_in(words: str) -> frozenset:
    """The US states named in lower-case ``words``, by whole words (one scan, memoised per
    string: the same words about a person are asked of every description)."""
    return frozenset(_states_pattern().findall(words, overlapped=True))


#: An appositive after a name: ", 43," or ", a former banker," (up to a comma or a full stop).
_APPOSITIVE = regex.compile(r"[ \t]*+,([^,.;“”\"\n]{1,80}+)[,.]")
#: The determiner that opens a noun phrase in apposition (an article, a possessive, a name's
#: possessive).
_NP_OPEN = regex.compile(r"(?i)^[ ]*+(?:a|an|the|his|her|its|their|\p{Lu}[\p{L}.-]*+['’]s)[ ]")


def second_appositive(text: str, end: int) -> str:
    """The words of an appositive that follows a short first one after the name ending at
    ``end`` (an age or a tag: "Jane Doe, 43, a former banker,"; "Tom Hart, R-Iowa, the panel's
    chairman,"), when it opens with a determiner; else "".

    >>> second_appositive("Jane Doe, 43, a former banker, said", 8)
    ' a former banker'
    >>> second_appositive("Jane Doe, 43, said", 8), second_appositive("Jane Doe, who is 43, and I", 8)
    ('', '')
    """
    if not 0 <= end <= len(text):
        return ""
    first = _APPOSITIVE.match(text, end, min(len(text), end + 120))
    if first is None or not first.group(0).endswith(",") or len(first.group(1).split()) > 2:
        return ""
    second = _APPOSITIVE.match(text, first.end() - 1, min(len(text), first.end() + 120))
    if second is None or not _NP_OPEN.match(second.group(1)):
        return ""
    return second.group(1)


#: The description right before ", <name>": an article or possessive, then up to four
#: words, the last a lower-case noun ("the governor, ", "Britain's finance minister, ",
#: "his French counterpart, ").
_BEFORE = regex.compile(r"(?:(?<![\p{L}])(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Aa]n?)|\p{Lu}[\p{L}.-]*+['’]s)"
                        r"((?:[ ][\p{L}-]++){0,3}?[ ]\p{Ll}[\p{Ll}-]*+),[ ]++\Z")
#: Words that open a fronted adverbial: "Like the governor, Hart ..." does not make Hart the
#: governor.
_FRONTED = regex.compile(r"(?i)(?:^|(?<=[.!?\n][”\"’)]?[ \n]*+))[ ]*+(?:like|unlike|as|after|before|for|with|"
                         r"without|unlike|despite|besides|beyond|than|to|from|against|among|including)[ ]"
                         r"[^.!?\n]*+\Z")


def appositive_before(text: str, start: int) -> str:
    """The words of a description in apposition right before the name at ``start``
    ("met the governor, Rick Adams,"; "Her deputy, Mark Olsen, was"): what the text calls
    that person, else "".  A description in a fronted phrase ("Like the governor, Hart
    said") is someone else, and gives nothing.

    >>> appositive_before("He met the governor, Rick Adams, on Monday.", 21)
    ' governor'
    >>> appositive_before("Britain's finance minister, Rachel Green, said", 28)
    ' finance minister'
    >>> appositive_before("Like the governor, Hart said", 19), appositive_before("Hart said", 0)
    ('', '')
    """
    if not 0 < start <= len(text):
        return ""
    lo = max(0, start - 60)
    # (the description ends in a comma and spaces right before the name: a test of a few
    # characters before the search)
    j = start
    while j > lo and text[j - 1] == " ":
        j -= 1
    if j == start or j == lo or text[j - 1] != ",":
        return ""
    m = _BEFORE.search(text, lo, start)
    if m is None:
        return ""
    if _FRONTED.search(text, max(0, m.start() - 80), m.start()):
        return ""
    return m.group(1)


def said_more(text: str, mention, start: int, before: str) -> str:
    """What the words around the name ``mention`` at ``start`` call the person beyond its
    titles and first appositive, lower case: its abbreviated titles (and ``before``, the title
    words the run of capitals left out) spelled out, a party tag's party and state, a second
    appositive, a description in apposition before the name."""
    end = start + len(mention.text)
    return " ".join((spelled_out(" ".join(mention.titles) + " " + before), party_tag(text, end),
                     second_appositive(text, end).lower(), appositive_before(text, start).lower()))


def known_titles_fit(titles, head: str) -> bool:
    """Whether the titles a person was given (as written) hold a description's ``head``,
    abbreviations spelled out ("Sen." holds "senator").

    >>> known_titles_fit(["Sen."], "senator"), known_titles_fit(["Governor"], "governor")
    (True, True)
    """
    if not titles:
        return False
    joined = " ".join(titles)
    return has_word(joined.lower(), head) or has_word(spelled_out(joined), head)
