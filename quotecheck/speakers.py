"""Speakers: names, titles, mentions, and resolving them to one person.

News names people in a few regular ways: a title and a full name the first time
(``Russian President Vladimir Putin``), the last name after that (``Putin``), a pronoun
next to a quote (``he said``), a description (``the president``, ``the Russian leader``)
or an appositive (``Vladimir Putin, Russia's president,``).  This module reads those
mentions with rules and small lexicons (``data/titles.tsv``, ``data/pronouns.tsv``,
``data/orgs.tsv``, ``data/names_gender.tsv``), normalises names (titles are kept as
attributes, never as part of the name) and resolves every mention in a document to one
:class:`Speaker` with a stable id.  No tagger or NER model is used: every decision is a
rule that can be named.

:func:`same_person` is the contract the cross-source checker uses to match names across
documents.
"""
from __future__ import annotations

import bisect
import functools
import itertools
import re as _re
import unicodedata
from typing import NamedTuple, Optional

import attrs
import regex

from . import lexicon as _tables
from . import text as _text
from .model import Span, Speaker

@functools.lru_cache(maxsize=1)
def lexicon() -> "Lexicon":
    """The speaker lexicons, loaded once."""
    titles = {}
    for row in _tables.rows("titles.tsv"):
        titles.setdefault(row[0], (row[1], row[2] if len(row) > 2 else "-"))
    pronouns = {r[0]: (r[1], r[2], r[3]) for r in _tables.rows("pronouns.tsv")}
    orgs = {r[0]: r[1] for r in _tables.rows("orgs.tsv")}
    places = frozenset(r[0] for r in _tables.rows("orgs.tsv") if r[2:3] == ("place",))
    genders = {r[0]: r[1] for r in _tables.rows("names_gender.tsv")}
    return Lexicon(titles, pronouns, orgs, genders, places)


@attrs.frozen(eq=False)
class Lexicon:
    titles: dict  # word -> (kind, gender)
    pronouns: dict  # lower-case pronoun -> (gender, number, person)
    orgs: dict  # word -> organisation | group
    genders: dict  # first name -> m | f
    places: frozenset = frozenset()  # the organisation words that are places ("Jordan")
    # word -> title(word): the rules read the same few words again and again (a name is
    # looked at by every rule of a mention); emptied when full, so it stays small
    _titles_seen: dict = attrs.field(factory=dict, init=False, repr=False)

    def title(self, word: str):
        """``(kind, gender)`` when ``word`` is a title word, else None.  Lower-case
        entries only match lower-case words (``president`` the role) while capitalised
        ones match as written (``President`` the office)."""
        try:
            return self._titles_seen[word]
        except KeyError:
            pass
        if len(self._titles_seen) >= _TITLES_SEEN_MAX:
            self._titles_seen.clear()
        t = self._titles_seen[word] = self._title(word)
        return t

    def _title(self, word: str):
        """:meth:`title` worked out from the table."""
        t = self.titles.get(word)
        if t or not word[:1].isupper():
            return t or None
        t = self.titles.get(word.lower())
        return t if t and t[0] != "role" else None


#: How many words :meth:`Lexicon.title` remembers before it starts again.
_TITLES_SEEN_MAX = 65536


# --- tokens ---------------------------------------------------------------------------

# A word with inner apostrophes, dots, hyphens ("O'Neill", "U.S", "Jean-Claude"), an optional
# final dot; or any other single non-space character.  Possessive runs keep it linear.
_TOKEN = regex.compile(r"[\p{L}\p{N}]++(?:['’.\-][\p{L}\p{N}]++)*+\.?|\S")
# The same tokens for the fast path of :func:`tokens`, in the standard library's ``re``:
# its ``split`` with the token as a group is the quickest C loop there is (a flat list
# ``[space, token, space, token, ..., space]``: no Match object and no tuple per token, and
# every other character is a token, so the pieces between tokens are white space only).
# ``[^\W_]`` is ``[\p{L}\p{N}]`` (``str.isalnum``), and the space class is ``regex``'s ``\s``
# (Unicode White_Space) spelled out, so both read alike.
_WS = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_TOKEN_SPLIT = _re.compile(f"([^\\W_]++(?:['’.\\-][^\\W_]++)*+\\.?|[^{_WS}])")
_INITIAL = regex.compile(r"\p{Lu}\.")
_new_tuple = tuple.__new__


class Token(NamedTuple):
    """A word or mark with its offsets (a tuple: tokens are made by the thousand)."""
    start: int
    end: int
    text: str

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def word(self) -> bool:
        return self.text[:1].isalnum()


def tokens(text: str, start: int = 0, end: Optional[int] = None) -> list:
    """The tokens of ``text[start:end]`` with offsets into ``text``.  A final dot stays on
    abbreviations and initials (``Sen.``, ``J.``, ``U.S.``) and is split off other words.

    >>> [t.text for t in tokens("Sen. J. Smith said.")]
    ['Sen.', 'J.', 'Smith', 'said', '.']
    >>> tokens("  U.S. aid", 1)
    [Token(start=2, end=6, text='U.S.'), Token(start=7, end=10, text='aid')]
    """
    end = len(text) if end is None else end
    # space, word, space, word, ..., space: the running sum of their lengths gives every
    # offset, so the tokens are built by C loops (map, zip, accumulate), not a Python step
    # per word
    parts = _TOKEN_SPLIT.split(text[start:end] if start or end < len(text) else text)
    words = parts[1::2]
    offsets = list(itertools.accumulate(map(len, parts), initial=start))
    out = list(map(_new_tuple, itertools.repeat(Token), zip(offsets[1::2], offsets[2::2], words)))
    dotted = list(itertools.compress(itertools.count(), map(str.endswith, words, itertools.repeat("."))))
    # a final dot that is a full stop becomes a token of its own; the list is rebuilt in one
    # pass (inserting in place would move the rest of the list at every full stop: quadratic
    # on a long paragraph)
    res, prev = [], 0
    for i in dotted:
        w = words[i]
        if len(w) > 1 and _splits_dot(w):
            res += out[prev:i]
            s, e, _ = out[i]
            res.append(_new_tuple(Token, (s, e - 1, w[:-1])))
            res.append(_new_tuple(Token, (e - 1, e, ".")))
            prev = i + 1
    if not prev:
        return out
    res += out[prev:]
    return res


@functools.lru_cache(maxsize=4096)
def _splits_dot(w: str) -> bool:
    """Whether a word's final dot is a full stop (``said.``) rather than part of it
    (``Sen.``, ``J.``, ``U.S.``, ``R-Fla.``).  The abbreviation list is narrower than the
    one ``text.breaks_sentence`` reads on purpose: a token that kept the dot of "Fr." or "Ave."
    would join a name ("Fr. Frank Pavone", "E. Dahlia Ave.")."""
    return not (w in lexicon().titles or _INITIAL.fullmatch(w) or "." in w[:-1] or w in _ABBREV or
                _PARTY_TAG.fullmatch(w[:-1]))


#: Abbreviations that end in a dot without ending the sentence (besides titles and initials).
_ABBREV = _tables.exact("speakers_abbreviations.txt")

#: Words that are capitalised at the start of a sentence but are never part of a name.
_NOT_NAME = _tables.exact("speakers_not_names.txt")

_PARTICLES = frozenset({"de", "van", "von", "der", "den", "del", "da", "di", "la", "le", "al", "bin", "ibn",
                        "el", "du", "dos", "das", "ter", "Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "his", "her", "their", "its", "our", "my", "your", "one",
                          "another", "some", "two", "three", "several", "many", "most", "both", "all"})
_INDEFINITE = frozenset({"a", "an", "one", "another", "some", "two", "three", "several", "many", "most"})
# A party-and-state tag after a US politician's name ("Sen. Marco Rubio, R-Fla.,").
_PARTY_TAG = regex.compile(r"[RDI]-[\p{L}.]{2,6}")
_APOS = regex.compile(r"['’]")


def _before_apostrophe(word: str) -> str:
    """``word`` up to its first apostrophe, straight or curly (``He’s`` -> ``He``), as
    ``_APOS`` splits it, with no regex call for the many words without one."""
    if "'" not in word and "’" not in word:
        return word
    return _APOS.split(word, 1)[0]


# --- mentions -------------------------------------------------------------------------

@attrs.frozen
class Mention:
    """A reading of the words a quote is attributed to.

    ``kind`` is ``name`` (``Vladimir Putin``), ``pronoun`` (``he``), ``description``
    (``the president``), ``group`` (``officials``) or ``anonymous`` (``a spokesman``);
    ``entity`` is ``person`` or ``organisation`` or ``group``.  ``name`` is the
    normalised name when the mention holds one; ``titles`` what it says the speaker is;
    ``head`` the noun a description rests on.
    """

    start: int
    end: int
    text: str
    kind: str
    entity: str = "person"
    name: Optional[str] = None
    titles: tuple = ()
    gender: Optional[str] = None
    head: Optional[str] = None
    rule: str = ""


def _gender_of(words, lex, name: Optional[list] = None) -> Optional[str]:
    """Gender from an honorific/title among ``words`` or the first word of the name proper
    (``name``; a surname that is also a first name elsewhere, "Rakeyia Scott", says nothing),
    else None."""
    for w in words:
        t = lex.title(w)
        if t and t[1] in ("m", "f"):
            return t[1]
    if name is None:
        name = [w for w in words if not lex.title(w) and w[:1].isupper()]
    return lex.genders.get(name[0]) if name else None


def read_mention(text: str, toks: list) -> Optional[Mention]:
    """Read the noun phrase ``toks`` (tokens of ``text``) as a speaker mention.

    The same words read the same way wherever they stand ("he", "Mr. Trump", "the
    president" come back again and again), so the reading is made once per phrase and
    moved to where this one stands.

    >>> text = "  said Sen. Lindsey Graham"
    >>> m = read_mention(text, tokens(text)[1:])
    >>> m.start, m.text, m.name, m.titles
    (7, 'Sen. Lindsey Graham', 'Lindsey Graham', ('Sen.',))
    """
    if not toks:
        return None
    base = toks[0].start
    m = _read_phrase(text[base:toks[-1].end], tuple([(t.start - base, t.end - base) for t in toks]))
    if m is None or base == 0:
        return m
    return Mention(m.start + base, m.end + base, m.text, m.kind, m.entity, m.name, m.titles, m.gender, m.head,
                   m.rule)


@functools.lru_cache(maxsize=65536)
def _read_phrase(phrase: str, spans: tuple) -> Optional[Mention]:
    """:func:`_read_mention` of a phrase on its own (token spans relative to it)."""
    return _read_mention(phrase, [_new_tuple(Token, (a, b, phrase[a:b])) for a, b in spans])


def _read_mention(text: str, toks: list) -> Optional[Mention]:
    """Read the noun phrase ``toks`` (tokens of ``text``) as a speaker mention: the rules.

    A name is the last run of capitalised words that are not titles; what comes before it
    are its titles.  A phrase with no name is a pronoun, a description, a group or an
    organisation, by its head word.

    >>> m = read_mention(*_toks("Assistant Secretary of State Karen Donfried"))
    >>> m.kind, m.name, m.titles, m.gender
    ('name', 'Karen Donfried', ('Assistant Secretary of State',), 'f')
    >>> read_mention(*_toks("the Russian leader")).head
    'leader'
    >>> read_mention(*_toks("he")).kind
    'pronoun'
    >>> read_mention(*_toks("the Kremlin")).entity
    'organisation'
    """
    lex = lexicon()
    toks = [t for t in toks if t.text not in ("'s", "’s")]
    while toks and not toks[-1].word:
        toks = toks[:-1]
    while toks and not toks[0].word:
        toks = toks[1:]
    if not toks:
        return None
    s, e = toks[0].start, toks[-1].end
    raw = text[s:e]
    low = [t.text.lower() for t in toks]
    if len(toks) == 1 and _before_apostrophe(low[0]) in lex.pronouns:
        low[0] = _before_apostrophe(low[0])  # "He’s claiming"
        g = lex.pronouns[low[0]][0]
        ent = "organisation" if g == "n" else ("group" if low[0] in ("they", "we") else "person")
        return Mention(s, e, raw, "pronoun", ent, gender=g if g in "mf" else None, head=low[0], rule="pronoun")
    # the name: the longest final run of capitalised non-title words (with particles/initials)
    # "Gov. Earl Ray Tomblin of West Virginia", "Rep. Jim Jordan (R-Ohio)": the name is
    # before "of" / the bracket
    for j, t in enumerate(toks):
        if j > 0 and t.text in ("of", "(", "from", "for", "at", "with") and toks[j - 1].cap and \
                (not lex.title(toks[j - 1].text) or _after_name_or_article(toks, j - 1)) and (
                    lex.orgs.get(toks[j - 1].text) != "organisation" or (
                        toks[j - 1].text in lex.places and j >= 2 and toks[j - 2].text in lex.genders)) and \
                any(x.cap for x in toks[j + 1:]):
            toks = toks[:j]
            break
    i = len(toks)
    while i > 0:
        t = toks[i - 1]
        if i < len(toks) and len(t.text) > 2 and t.text.endswith(("'s", "’s")):
            break  # "AMD's Lisa Su", "Arizona's Jeff Flake": the possessor is not in the name
        after_honorific = i >= 2 and (lex.title(toks[i - 2].text) or ("", ""))[0] == "honorific"
        if i >= 2 and toks[i - 2].text == "of" and i < len(toks):
            break  # "Secretary of State Karen Donfried": State belongs to the title
        if t.cap and t.text not in _NOT_NAME and _before_apostrophe(t.text) not in _NOT_NAME and not (lex.title(t.text) and i < len(toks) and not after_honorific) or \
                (t.text in _PARTICLES and i < len(toks)):
            i -= 1
            continue
        break
    # a capitalised title right before the name belongs to the titles ("President Putin")
    name_toks = toks[i:]
    while name_toks and lex.title(name_toks[0].text) and len(name_toks) > 1 and \
            lex.title(name_toks[0].text)[0] != "honorific" or (
            len(name_toks) > 1 and (lex.title(name_toks[0].text) or ("", ""))[0] == "honorific"):
        i += 1
        name_toks = toks[i:]
    if low[0] == "the" and name_toks and len(toks) == len(name_toks) + 1 and \
            (lex.title(name_toks[-1].text) or ("", ""))[0] == "office" and name_toks[-1].text not in _MASTHEADS:
        # "the Alaska Governor", "the French President": a capitalised office after the
        # article is a description (agency and British style), not an organisation's name
        # ("the New Hampshire Union Leader" is a newspaper)
        i, name_toks = len(toks), []
    title_toks = [t for t in toks[:i] if t.text.lower() not in ("the", "a", "an", "former", "then")]
    titles = (text[title_toks[0].start:title_toks[-1].end],) if title_toks else ()
    honorific = bool(title_toks) and (lex.title(title_toks[-1].text) or ("", ""))[0] == "honorific"
    if len(toks) == 1 and toks[0].cap and (lex.title(toks[0].text) or ("", ""))[0] == "office" and \
            "." not in toks[0].text:
        honorific = True  # "Dean said": a capitalised title word alone is a surname
    if name_toks and _NUMBER_WORD.fullmatch(name_toks[0].text):
        name_toks = []  # "Twenty-nine people were injured": a number, not a name
    if name_toks and not (len(name_toks) == 1 and lex.title(name_toks[0].text) and not honorific):
        words = [t.text for t in name_toks]
        words[-1] = _POSSESSIVE.sub("", words[-1]) or words[-1]  # "Donald Trump’s claim"
        name = " ".join(words)
        # the name's own words decide (a place in the titles, "Former Pennsylvania Gov. Ed
        # Rendell", does not make him an organisation)
        entity = "person"
        # a place is a surname after a first name ("Jim Jordan", "Denzel Washington")
        surname_place = len(words) >= 2 and words[0] in lex.genders and words[-1] in lex.places and \
            not any(lex.orgs.get(w) == "organisation" for w in words[:-1])
        if not surname_place and any(lex.orgs.get(w) == "organisation" for w in words) or "&" in raw or (
                1 < len(words) <= 3 and words[0] in _PLACE_OPENERS and not any("-" in w for w in words)) or (
                all(w.isupper() for w in words) and max(len(w) for w in words) > 1 and words[0] not in ("II", "III")):
            entity = "organisation"
        if low[0] in ("the",) and entity == "person" and len(toks) == len(name_toks) + 1:
            entity = "organisation"  # "the Times", "the Pentagon": names with an article are not people
        if entity == "person" and any(lex.orgs.get(w) == "group" or lex.orgs.get(w.lower()) == "group"
                                      for w in words):
            entity = "group"
        return Mention(s, e, raw, "name", entity, name=name, titles=titles,
                       gender=_gender_of([t.text for t in toks], lex, words) if entity == "person" else None,
                       rule="name")
    # no name: a description, a group or an anonymous source, by the head noun
    content = [t for t in toks if t.word]
    head = content[-1].text
    # "a spokeswoman for the campaign": the head is before the preposition
    for j, t in enumerate(content):
        if t.text in ("for", "of", "at", "with", "in", "to", "from", "close", "familiar", "who"):
            if j > 0:
                head = content[j - 1].text
            break
    hl = head.lower()
    # "the Trump campaign", "Clinton's campaign", "the IMF report": a name inside the phrase
    # says whose organisation or document speaks
    inner = [t for t in content if t.cap and t.text not in _NOT_NAME and not lex.title(t.text)
             and t.text not in ("The", "A", "An")]
    if inner and hl in _OWNED and inner[-1].end <= content[-1].start:
        who = " ".join(_POSSESSIVE.sub("", t.text) for t in inner[-3:])
        if hl in _DOCUMENT_HEADS:
            g = _gender_of([t.text for t in inner], lex)
            org = any(lex.orgs.get(t.text) == "organisation" or (t.text.isupper() and len(t.text) > 1)
                      for t in inner)
            return Mention(s, e, raw, "name", "organisation" if org else "person", name=who, titles=titles,
                           gender=g, head=hl, rule="document-of")
        return Mention(s, e, raw, "name", "organisation", name=f"{who} {hl}", titles=titles, head=hl,
                       rule="organisation-of")
    if lex.orgs.get(head) == "group" or lex.orgs.get(hl) == "group" or (hl.endswith("s") and hl[:-1] in lex.titles):
        return Mention(s, e, raw, "group", "group", head=hl, titles=titles, rule="group")
    if lex.orgs.get(head) == "organisation" or lex.orgs.get(hl) == "organisation":
        return Mention(s, e, raw, "description", "organisation", head=hl, titles=titles, rule="org-description")
    kind = "anonymous" if low[0] in _INDEFINITE else "description"
    return Mention(s, e, raw, kind, "person", head=hl, titles=titles,
                   gender=_gender_of([t.text for t in toks], lex), rule=kind)


#: First words of place names ("New Hampshire", "San Diego"): such a name is no person.
_PLACE_OPENERS = _tables.exact("speakers_place_openers.txt")

#: Description head -> the words an organisation's name needs to be of that kind ("the
#: police": Police, Department, Sheriff, ...).
_ORGANISATION_KINDS = {row[0]: frozenset(row[1].split()) for row in _tables.rows("speakers_organisation_kinds.tsv")}

#: Heads of descriptions of people the article does not name ("her spokesman").
_ANONYMOUS_HEADS = _tables.words("speakers_anonymous_heads.txt")

#: Heads that name someone by their tie to another person ("her daughter", "his lawyer").
_RELATION_HEADS = _tables.words("speakers_relation_heads.txt")

#: Nouns that end newspaper names, even where they are also offices.
_MASTHEADS = _tables.exact("speakers_mastheads.txt")

def _after_name_or_article(toks: list, k: int) -> bool:
    """Whether the title word at ``k`` is a surname or a description's head rather than the
    start of a longer title: it follows a first name, an initial or an honorific ("Peter T.
    King of New York", "Mr. King of Ohio") or the article ("The Governor of Alaska"), so what
    follows "of" is a place."""
    if k == 0:
        return False
    prev = toks[k - 1].text
    return prev in ("the", "The") or bool(_INITIAL.fullmatch(prev)) or prev in lexicon().genders or \
        (lexicon().title(prev) or ("", ""))[0] == "honorific"


#: Heads of phrases that belong to someone named inside them.
_DOCUMENT_HEADS = _tables.exact("speakers_document_heads.txt")
_OWNED = _DOCUMENT_HEADS | frozenset("""campaign administration team office committee party government
company""".split())
#: Document nouns -> their kind ("memoir" and "book" are one kind), and the verbs that tie a
#: document of a kind (``*``: any) to its author or issuer ("X issued a statement", "X ruled").
_DOCUMENT_KINDS = dict(_tables.rows("speakers_document_kinds.tsv"))
_DOCUMENT_VERBS = dict(_tables.rows("speakers_document_verbs.tsv"))
#: Words between an issuer and its verb that are not part of the issuer ("Mariano also wrote").
_AUXILIARIES = frozenset("has had have also then later recently quickly just first once".split())


def _toks(s: str):
    """Doctest helper: ``(text, tokens)`` for a bare phrase."""
    return s, tokens(s)


# --- names ------------------------------------------------------------------------------

_POSSESSIVE = regex.compile(r"['’]s?$")


def normalise_name(name: Optional[str]) -> Optional[str]:
    """The name without titles, honorifics, possessive or party tag.

    >>> normalise_name("Russian President Vladimir Putin's")
    'Vladimir Putin'
    >>> normalise_name("Sen. Marco Rubio, R-Fla.")
    'Marco Rubio'
    >>> normalise_name("Mrs. Clinton")
    'Clinton'
    """
    if not name:
        return None
    name = name.split(",")[0].strip()
    m = read_mention(name, tokens(name))
    if m is None or not m.name:
        return name.strip() or None
    return _POSSESSIVE.sub("", m.name) or None


_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


@functools.lru_cache(maxsize=8192)
def _name_words(name: str) -> list:
    """The lower-case words of a name that identify the person: titles, possessives and
    suffixes dropped, accents folded (``Núñez`` is how one outlet writes ``Nunez``) and run-on
    initials joined (``A.J.`` and ``AJ`` are one spelling).

    >>> _name_words("Constable A.J. Núñez Jr.")
    ['aj', 'nunez']
    """
    lex = lexicon()
    words = name.split()
    words = [w for w in words if not lex.title(w) or len(words) == 1]
    words = [_fold(_POSSESSIVE.sub("", w)) for w in words]
    return [w.lower().rstrip(",") for w in words if w.lower().rstrip(",") not in _SUFFIXES and w]


_RUN_INITIALS = regex.compile(r"(?:\p{L}\.){2,}+")


def _fold(word: str) -> str:
    """``word`` without accents, with run-on initials joined (``A.J.`` -> ``AJ``)."""
    if _RUN_INITIALS.fullmatch(word):
        word = word.replace(".", "")
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=65536)
def same_person(a: Optional[str], b: Optional[str]) -> bool:
    """Whether two normalised speaker names can denote the same person
    (``"Putin"`` and ``"Vladimir Putin"`` can; ``None`` matches nothing).

    The last names must agree; every other word of the shorter name must agree with a
    word of the longer one in order, where an initial agrees with a word it starts
    (``"J. Biden"``) and a first name with a common short form of it is not guessed.
    Titles are ignored (``"President Putin"``).

    >>> same_person("Putin", "Vladimir Putin")
    True
    >>> same_person("President Putin", "Vladimir Putin")
    True
    >>> same_person("Joe Biden", "Hunter Biden")
    False
    >>> same_person("Vladimir V. Putin", "Vladimir Putin")
    True
    """
    if not a or not b:
        return False
    x, y = _name_words(a), _name_words(b)
    if not x or not y:
        return a.strip().lower() == b.strip().lower()
    if x[-1] != y[-1]:
        return False
    short, long_ = (x, y) if (len(x), x) <= (len(y), y) else (y, x)
    if len(short) > 1 and long_[len(long_) - len(short):] == short:
        return True  # a compound surname without the first name ("Boone Isaacs")
    # middle initials are optional ("Vladimir V. Putin"); first names must agree
    short = [w for w in short[:-1] if not _is_initial(w) or len(short) == len(long_)] + [short[-1]]
    long_rest = [w for w in long_[:-1]]
    j = 0
    for w in short[:-1]:
        while j < len(long_rest) and not _agree(w, long_rest[j]):
            if not _is_initial(long_rest[j]) and len(short) > 1:
                return False
            j += 1
        if j == len(long_rest):
            return False
        j += 1
    return True


def one_typo(a: str, b: str) -> bool:
    """Whether two different words of five letters or more differ by one letter inserted,
    dropped or replaced, after the first letter (a misspelt surname keeps its initial).

    >>> one_typo("McClenney", "McLenney"), one_typo("Wimes", "Wines"), one_typo("Biden", "Bider")
    (True, True, True)
    >>> one_typo("Clinton", "Clinton"), one_typo("Clinton", "Clifford"), one_typo("Trump", "Drump")
    (False, False, False)
    """
    a, b = a.casefold(), b.casefold()  # "McLenney" drops the "C" of "McClenney"
    if a == b or min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return False
    i = 0
    n = min(len(a), len(b))
    while i < n and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return a[i:] == b[i + 1:] if len(b) > len(a) else a[i + 1:] == b[i:]


def _name_key(name: str) -> str:
    """The word :func:`same_person` requires two names to share (the last name), or the
    whole lower-cased name when it has no name words: the key of the resolver's index.

    >>> _name_key("Russian President Vladimir Putin"), _name_key("Putin's")
    ('putin', 'putin')
    """
    words = _name_words(name)
    return words[-1] if words else name.strip().lower()


@functools.lru_cache(maxsize=1)
def _parties() -> dict:
    """party word -> the party's first word, from ``data/parties.txt``."""
    out = {}
    for line in _tables.lines("parties.txt"):
        words = line.split()
        out.update({w: words[0] for w in words})
    return out


def _modifiers(m: Mention) -> tuple:
    """The capitalised words of a description before its head ("The Republican nominee"
    -> ("Republican",)): what the article must have said of the person it stands for."""
    words = _WORD.findall(m.text)
    return tuple(w for w in words[:-1] if w[:1].isupper() and w not in _NOT_NAME and w.lower() != m.head
                 and w not in ("The", "A", "An"))


def _has_word(said: str, word: str) -> bool:
    """Whether ``said`` (lower case) holds ``word`` or a word sharing its first five
    letters ("Russian" and "Russia's", "California" and "Calif.")."""
    party = _parties().get(word.lower())
    if party and any(_parties().get(x) == party for x in _WORD.findall(said)):
        return True  # "Republican" and "GOP"
    return has_word(said, word.lower()[:5], whole=False)


def _party_clash(mods: tuple, said: str) -> bool:
    """Whether the description names one party and the person's titles another.

    >>> _party_clash(("Republican",), "democratic presidential nominee")
    True
    """
    parties = _parties()
    mine = {parties[w.lower()] for w in mods if w.lower() in parties}
    if not mine:
        return False
    theirs = {parties[w] for w in _WORD.findall(said) if w in parties}
    return bool(theirs) and not (mine & theirs)


#: Possessive determiners: a description opening with one is defined by another person.
_POSSESSIVE_DETERMINERS = frozenset({"his", "her", "their", "its", "my", "our", "your"})


def _possessor(m: Mention) -> Optional[str]:
    """Who owns a description, before its head (rule ``description-possessed``): the name
    in ``Lindsay Lohan's attorney``; ``""`` for a pronoun or a description (``her daughter``,
    ``the victim's nephew``); None when nobody does (and for the writer's ``my``, ``our``,
    which the author rules settle)."""
    words = m.text.split()
    if not words or words[0].lower() in ("my", "our"):
        return None
    if words[0].lower() in _POSSESSIVE_DETERMINERS:
        return ""
    for k, w in enumerate(words[:-1]):
        if w[-1:] in "s'’" and _POSSESSIVE.search(w):
            run = [x for x in words[:k + 1] if x[:1].isupper()]
            if not w[:1].isupper():
                return ""
            return " ".join(_POSSESSIVE.sub("", x) for x in run[-3:])
    return None


def _is_initial(w: str) -> bool:
    return len(w.rstrip(".")) == 1


def _agree(a: str, b: str) -> bool:
    if a == b:
        return True
    if _is_initial(a) or _is_initial(b):
        return a[0] == b[0]
    return False


# --- resolution within a document --------------------------------------------------------

@attrs.define
class _Entity:
    id: str
    name: Optional[str]
    kind: str
    titles: list
    gender: Optional[str]
    mentions: list
    last: int  # offset of the latest mention


# A run of capitalised words (with particles, initials and inner "of" in titles): names and
# titles in running text.  Each alternative starts with a different character class, so the
# scan is linear.
_CAPS = regex.compile(
    r"(?:\p{Lu}[\p{L}'’\-]*+\.?|\p{Lu}\.)(?:[ \u00a0](?:\p{Lu}[\p{L}'’\-]*+\.?|\p{Lu}\.|de|van|von|bin|of|al-\p{Lu}\p{L}*+))*+")


# Before a name: the start of a paragraph or a sentence.  After it: a verb of saying, or the
# comma of an appositive.
_SENT_OPEN = regex.compile(r"(?:^|[\n\r]|[.!?][\"”’']?\s)\s*$")
_THEN_VERB = regex.compile(r"\s*+(?:,|(said|says|told|tells|added|adds|wrote|writes|noted|argued|"
                           r"explained|asked|replied|responded|insisted|warned)\b|also\b|has\b|had\b|is\b|was\b)")


# An appositive right after a name: "Vladimir Putin, Russia's president,".
_DASH_WHO = regex.compile(r"\s*+[—–]\s*+who\b")
#: Words that open an adverbial after a comma, not an appositive saying what someone is.
_NOT_APPOSITIVE = frozenset("""over in on at for with from to by after before during while when where since
until into about against under through and but or because although though as if""".split())
_APPOSITIVE = regex.compile(r"\s*+,([^,.;“”\"\n]{1,80})[,.]")
_NUMBER_WORD = regex.compile(r"(?i)(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
                             r"(?:thir|four|fif|six|seven|eigh|nine)teen|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozens?|hundreds|"
                             r"thousands|millions)(?:-\w+)?")


_NEWLINE = _re.compile("\n")
_WORD = regex.compile(r"\p{L}[\p{L}'’\-]*+")
_CLAUSE_MARK = regex.compile(r"[.,;:!?“”\"()\n]")
# A lower-case word that can be a verb right after a name (not a conjunction or relative).
_VERB_NEXT = regex.compile(r"\s++(?!(?:and|or|but|who|which|where|whose|whom|of|in|on|at|for|to|with|from|as)\b)"
                           r"\p{Ll}\p{L}*+")


@functools.lru_cache(maxsize=1024)
def _word_pattern(word: str, whole: bool = True):
    return regex.compile(r"\b" + regex.escape(word) + (r"\b" if whole else ""))


_WORD_CHAR = regex.compile(r"\w")


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_" or c > "\x7f" and bool(_WORD_CHAR.match(c))


def has_word(s: str, word: str, whole: bool = True) -> bool:
    """Whether ``s`` holds ``word`` from a word boundary (and to one, when ``whole``), as
    ``\\bword\\b`` reads it: with ``str.find``, not a pattern compiled per word (the words
    looked for are every description's head, most of them seen once).

    >>> has_word("the vice president", "president"), has_word("presidential", "president")
    (True, False)
    >>> has_word("presidential", "presi", whole=False)
    True
    """
    if not word or not (_word_char(word[0]) and _word_char(word[-1])):
        return bool(_word_pattern(word, whole).search(s))  # boundaries next to marks: the pattern
    n = len(word)
    i = s.find(word)
    while i != -1:
        if (i == 0 or not _word_char(s[i - 1])) and (not whole or i + n == len(s) or not _word_char(s[i + n])):
            return True
        i = s.find(word, i + 1)
    return False


_CAP_RUN = regex.compile(r"(?:[ ]\p{Lu}[\p{L}&'’\-]*+)++")


def _runs_from(text: str, word: str, lo: int, hi: int):
    """``(start, end)`` of each ``word`` (from a word boundary) followed by capitalised
    words inside ``text[lo:hi]``, left to right without overlaps, as the pattern
    ``\\bWORD(?:[ ]\\p{Lu}...)++`` would find them: ``str.find`` for the word (looked for
    once per acronym or name, not worth a compiled pattern each) and one fixed pattern for
    the run after it.

    >>> list(_runs_from("Peabody Energy and Peabody said; xPeabody Coal", "Peabody", 0, 47))
    [(0, 14)]
    """
    n = len(word)
    i = text.find(word, lo, hi)
    while i != -1:
        if i == 0 or not _word_char(text[i - 1]):
            m = _CAP_RUN.match(text, i + n, hi)
            if m:
                yield i, m.end()
                i = text.find(word, m.end(), hi)
                continue
        i = text.find(word, i + 1, hi)


#: Prefixes of ships' names ("INS Mysore", "USS Cole"): a vessel, never a person.
_VESSEL_PREFIXES = _tables.exact("speakers_vessel_prefixes.txt")


@functools.lru_cache(maxsize=65536)
def _person_name(run: str) -> Optional[Mention]:
    toks = tokens(run)
    while toks and (toks[0].text in _NOT_NAME or toks[0].text.rstrip(".") in _NOT_NAME):
        toks = toks[1:]
    if not toks or toks[0].text in _VESSEL_PREFIXES:
        return None  # (rule vessel: "the officer" after "INS Sukanya" is not the ship)
    mention = _read_mention(run, toks)  # (the run is the cache key already)
    if mention is None or mention.kind != "name" or mention.entity != "person":
        return None
    return mention


# First- and second-person words: someone speaking.  Third-person subject pronouns: a narrator.
_SPEAKING = regex.compile(r"\b(?:I|me|my|mine|we|us|our|you|your)\b|\b(?:We|You|My|Our|Your)\b")
_NARRATING = regex.compile(r"\b(?:he|she|He|She)\b")


def _narrative_excerpt(text: str, a: int, b: int) -> bool:
    """Whether the quotation ``text[a:b]`` is a block quotation of another article: a long
    passage opening its paragraph that tells of people in the third person and never speaks
    in the first or second ("McCrummen reports: / "Melanie thought the whole thing was
    outrageous. She wasn't ..."), so the people it introduces are antecedents after it.

    >>> t = 'Smith reports:\\n\\n"Jane Doe thought the plan was absurd. She said so twice, and she left the room before the vote, when the chairman began to read the long list of names aloud."'
    >>> _narrative_excerpt(t, t.index('"'), len(t))
    True
    >>> t = '"I thought the plan was absurd. She said so twice, and she left the room before the vote, when the chairman began to read the long list of names aloud."'
    >>> _narrative_excerpt(t, 0, len(t))
    False
    """
    if b - a < 150 or text[text.rfind("\n", 0, a) + 1:a].strip():
        return False
    return not _SPEAKING.search(text, a, b) and len(_NARRATING.findall(text, a, b)) >= 2


@functools.lru_cache(maxsize=16384)
def _organisation_name(run: str) -> Optional[Mention]:
    """The organisation a run of capitals names, with or without its article ("the Times",
    "the Association of Flight Attendants"), else None."""
    toks = tokens(run)
    lex = lexicon()
    k = 0
    while k < len(toks) and (toks[k].text in _NOT_NAME or toks[k].text == "the"):
        k += 1  # "the", "A", "In": not part of the name
    words = [t.text for t in toks[k:] if t.cap]
    if len(words) > 1 and any(lex.orgs.get(w.lower()) == "organisation" for w in words):
        # the whole run is the name: "Association of Flight Attendants" (read as a person's
        # name, "of" would cut it)
        name = run[toks[k].start:]
        return Mention(toks[k].start, len(run), name, "name", "organisation", name=name, rule="organisation-words")
    mention = _read_mention(run, toks)  # (the run is the cache key already)
    if mention is None or mention.kind != "name" or mention.entity != "organisation" or \
            mention.name in _NOT_NAME:
        return None
    # an article or an acronym makes a bare name an organisation's ("the Times", "the FBI");
    # a place alone ("Wyoming", "WASHINGTON —" of a dateline) is not one
    if not mention.name.replace(" ", "").isalpha() or len(mention.name) < 3:
        return None  # "the U." of "the U.S.": a run cut at its dots
    if run[:4] in ("the ", "The ") or mention.name.isupper() and len(mention.name) <= 6:
        return mention
    return None


# A byline line, and a closing line about the writer ("Jane Doe is a playwright ...").
_AUTHOR_NAME = r"(\p{Lu}[\p{L}'’\-]++\.?(?: \p{Lu}[\p{L}'’\-]*+\.?){1,3}+)"
_BYLINE = regex.compile(r"(?m)^[ \t]*+By " + _AUTHOR_NAME + r"[ \t]*+$")
_BIO_LINE = regex.compile(r"[ \t—–-]*+" + _AUTHOR_NAME + r",? (?:is|was|writes|teaches|lives) ")


_GROUP_OF = regex.compile(r"\p{L}++ (?:at|of|with|from|for|in) ((?:the )?+\p{Lu}.*+)")


def _group_organisation(text: str) -> Optional[Mention]:
    """The organisation a group of people belongs to, when the phrase names it ("Officials at
    Homeland Security Investigations", "officials with the Department of Justice").

    >>> _group_organisation("Officials at Homeland Security Investigations").name
    'Homeland Security Investigations'
    >>> _group_organisation("Democratic leaders") is None
    True
    """
    m = _GROUP_OF.match(text)
    if not m:
        return None
    org = _organisation_name(m.group(1))
    if org is None:
        # officials work at an institution: a name of several words without a first name
        # ("Homeland Security Investigations") is one, whatever its words
        run = m.group(1)[4:] if m.group(1).startswith("the ") else m.group(1)
        words = run.split()
        if len(words) > 1 and all(w[:1].isupper() or w in ("of", "and", "for") for w in words) and \
                words[0] not in lexicon().genders:
            org = Mention(0, len(run), run, "name", "organisation", name=run, rule="group-organisation")
    return org


class Resolver:
    """Resolves the mentions of one document to speakers, in text order.

    Names are matched by :func:`same_person` (the latest compatible entity wins, and a
    fuller name upgrades it); pronouns and descriptions go to the latest compatible
    person named before them, which is looked for in the text itself (so ``Sanders ...
    “...,” he said`` finds Sanders even before he has spoken).
    """

    def __init__(self, text: str, skip: tuple = ()):
        self.text = text
        self.entities: list = []
        self.lex = lexicon()
        # names inside quotations are what the speaker talks about, not who speaks; but a
        # block quotation of another article narrates, and introduces the people it tells of
        skip = tuple(s for s in skip if not _narrative_excerpt(text, s[0], s[1]))
        self.skip_starts = [a for a, _ in skip]
        self.skip = list(skip)
        self._cache: dict = {}
        self._cands = None
        self._cand_starts: list = []
        self._surnames: dict = {}
        self._by_key: dict = {}  # last name word -> entities (see _name_key)

    def _in_headline(self, pos: int) -> bool:
        """Whether ``pos`` is in a headline-like line (most words capitalised, no final full
        stop): "Solid Debate Win Over Kaine" names nobody."""
        if pos < self._headline_block():
            return True
        a = self.text.rfind("\n", max(0, pos - 1000), pos) + 1
        if not a and pos > 1000:
            a = self._line_start(pos)  # a long line: from the line breaks found once
        key = ("head", a)
        if key not in self._cache:
            b = self.text.find("\n", pos)
            line = self.text[a:b if b >= 0 else len(self.text)].strip()
            ended = line.endswith((".", "?", "!", "”", '"', ":", "’", "'"))
            if ended and len(line) > 150:
                self._cache[key] = False  # a sentence of running text
            else:
                words = _WORD.findall(line[:300])
                caps = sum(1 for w in words if w[:1].isupper())
                self._cache[key] = len(words) >= 3 and caps >= 0.6 * len(words) and not ended or \
                    bool(words) and caps == len(words) and len(words) >= 2
        return self._cache[key]

    def _line_start(self, pos: int) -> int:
        """Start of the line holding ``pos``, from the line breaks found once (a search
        back from each position would rescan a long line for every mention on it)."""
        starts = self._cache.get("line-starts")
        if starts is None:
            starts = self._cache["line-starts"] = [0] + [m.end() for m in _NEWLINE.finditer(self.text)]
        return starts[bisect.bisect_right(starts, pos) - 1]

    def _headline_block(self) -> int:
        """Where the headline and its deck end: the opening paragraph when its first line does
        not end as a sentence does ("Lawmaker urges retaliation on Russia;" / "Talk compared
        to 'working the referees'."), else 0."""
        key = "headline-block"
        if key not in self._cache:
            first = self.text[:self.text.find("\n")] if "\n" in self.text[:300] else ""
            end = 0
            if first.strip() and not first.rstrip().endswith((".", "?", "!", "”", '"', "’", "'")):
                para = self.text.find("\n\n")
                end = para if 0 < para <= 400 else len(first)
            self._cache[key] = end
        return self._cache[key]

    def _skipped(self, pos: int) -> bool:
        i = bisect.bisect_right(self.skip_starts, pos) - 1
        return i >= 0 and self.skip[i][0] <= pos < self.skip[i][1]

    def _all_candidates(self):
        """Every person name of the document outside quotes and headlines, in order: one
        scan, made the first time a pronoun or short name needs it."""
        if self._cands is None:
            cands = []
            append = cands.append
            read = _person_name
            # scan the stretches between quotations only
            gaps, cur = [], 0
            for a, b in self.skip:
                if a > cur:
                    gaps.append((cur, a))
                cur = max(cur, b)
            gaps.append((cur, len(self.text)))
            for lo, hi in gaps:
                for m in _CAPS.finditer(self.text, lo, hi):
                    found = read(m.group())
                    if found is not None:
                        k = m.start()
                        if not self._in_headline(k):
                            append((k + found.start, found))
            self._cands = cands
            self._cand_starts = [c[0] for c in cands]
            # surname -> the full names it stands for, in text order ("Clinton" -> "Bill
            # Clinton" at 120, "Hillary Clinton" at 900), so that a bare surname is known to
            # be a person with a gender: the one named last before it
            full: dict = {}
            for k, c in cands:
                words = c.name.split()
                if len(words) > 1 and c.gender:
                    full.setdefault(words[-1], ([], []))
                    full[words[-1]][0].append(k)
                    full[words[-1]][1].append(c)
            self._surnames = full
        return self._cands

    def _surname_gender(self, surname: str, pos: int) -> Optional[str]:
        """The gender of the person a bare surname at ``pos`` stands for: the latest full
        name with that surname before it (a story about Bill and Hillary Clinton means the
        one just named), else the first one after it."""
        return self._surname_full(surname, pos)[1].gender

    def _surname_full(self, surname: str, pos: int):
        """``(start, Mention)`` of the full name a bare surname at ``pos`` stands for."""
        starts, fulls = self._surnames[surname]
        i = max(0, bisect.bisect_right(starts, pos) - 1)
        return starts[i], fulls[i]

    def _candidates(self, lo: int, hi: int):
        """``(start, Mention)`` for the person names in ``text[lo:hi]`` outside quotes."""
        cands = self._all_candidates()
        i = bisect.bisect_left(self._cand_starts, lo)
        j = bisect.bisect_left(self._cand_starts, hi)
        return cands[i:j]

    # - entities -
    def _new(self, name, kind, titles, gender, pos) -> _Entity:
        e = _Entity(f"S{len(self.entities) + 1}", name, kind, list(titles), gender, [], pos)
        self.entities.append(e)
        if name:
            self._by_key.setdefault(_name_key(name), []).append(e)
        return e

    def _find_name(self, name: str, gender: Optional[str]) -> Optional[_Entity]:
        """The latest entity that can be ``name``.  Only entities sharing its last name can
        (:func:`same_person`), so they are looked up by it: an article naming thousands of
        people stays linear."""
        best = None
        for e in self._by_key.get(_name_key(name), ()):
            if e.name and same_person(e.name, name) and (not gender or not e.gender or gender == e.gender):
                if best is None or e.last > best.last:
                    best = e
        return best

    def _author(self) -> Optional[_Entity]:
        """The writer of a first-person piece, as essays and op-eds name them: a byline
        ("By Jane Doe") opening the text or a closing line about them ("Jane Doe is a
        playwright ..."); None when neither is there."""
        key = "author"
        if key not in self._cache:
            found = None
            text = self.text
            tail = text.rstrip()
            last = tail[tail.rfind("\n") + 1:]
            m = _BYLINE.search(text, 0, min(len(text), 400)) or (
                _BIO_LINE.match(last) if len(last) < 500 else None)
            if m:
                person = _person_name(m.group(1))
                if person is not None and " " in person.name:
                    found = self._find_name(person.name, None) or self._new(
                        person.name, "person", (), person.gender, 0)
            self._cache[key] = found
        return self._cache[key]

    def _acronym(self, m: Mention, pos: int) -> Optional[_Entity]:
        """The organisation an acronym stands for when the text spelt it out before ("the IMF"
        after "The International Monetary Fund announced"): the latest run of capitals whose
        initials it is, outside quotes.  Looked up once per acronym and document."""
        name = m.name
        if m.entity != "organisation" or not (name.isalpha() and name.isupper() and 2 < len(name) <= 6):
            return None
        key = ("acronym", name)
        if key not in self._cache:
            found = None
            for r in _CAPS.finditer(self.text, max(0, pos - 20000), pos):
                words = r.group().split()
                while words and words[0] in _NOT_NAME:
                    words = words[1:]
                caps = [w for w in words if w[:1].isupper()]
                if len(caps) == len(name) and "".join(w[0] for w in caps) == name and not self._skipped(r.start()):
                    found = " ".join(words)
            self._cache[key] = found and (self._find_name(found, None) or self._new(found, "organisation", (), None, pos))
        return self._cache[key]

    def named(self, m: Mention, pos: int) -> _Entity:
        """The entity for a name mention, created or merged."""
        m = self._without_title_words(m)
        e = self._find_name(m.name, m.gender)
        if e is None:
            e = self._acronym(m, pos)
        if e is None:
            name, titles, gender, entity = m.name, m.titles, m.gender, m.entity
            if (m.entity == "person" or name in self.lex.places) and len(name.split()) == 1:
                # "Putin said" after "Russian President Vladimir Putin spoke": the full name
                # (a place is a person's surname after "Rep. Jim Jordan" was named)
                for _, full in self._candidates(max(0, pos - 20000), pos):
                    if len(full.name.split()) > 1 and same_person(full.name, name) and \
                            (not gender or not full.gender or gender == full.gender):
                        name, titles = full.name, tuple(full.titles) + tuple(titles)
                        gender, entity = gender or full.gender, "person"
                if name == m.name:
                    full = self._misspelt_full(name, pos)
                    if full is not None:
                        e = self._find_name(full.name, full.gender)
                        if e is not None:
                            e.last = max(e.last, pos)
                            return e
                        name, titles = full.name, tuple(full.titles) + tuple(titles)
                        gender = gender or full.gender
            if name == m.name and " " not in name and not gender and not titles:
                full_org = self._organisation_full(name, pos)
                if full_org is not None:
                    # "In a statement, Peabody said" after "the coal mining giant Peabody Energy"
                    e = self._find_name(full_org, None) or self._new(full_org, "organisation", (), None, pos)
                    e.last = max(e.last, pos)
                    return e
            e = self._new(name, entity, titles, gender, pos)
        else:
            if len(m.name.split()) > len(e.name.split()):
                e.name = m.name  # a fuller name upgrades a short one
            e.titles.extend(t for t in m.titles if t not in e.titles)
            e.gender = e.gender or m.gender
        e.last = max(e.last, pos)
        return e

    def _without_title_words(self, m: Mention) -> Mention:
        """A person's name without the capitalised job words a sentence opening or a headline
        left in front of it ("Actor Peter Capaldi", "Manager A.J. Smith", "Billionaire Donald
        Trump"): the words go to the titles (rule name-title-words); a first name or a last
        two words are never taken."""
        words = m.name.split()
        if m.entity != "person" or m.kind != "name" or len(words) < 3:
            return m
        k = 0
        while len(words) - k > 2 and self.lex.titles.get(words[k].lower()) and words[k] not in self.lex.genders:
            k += 1
        if k == 0:
            return m
        return attrs.evolve(m, name=" ".join(words[k:]), titles=tuple(m.titles) + tuple(words[:k]))

    def _organisation_full(self, word: str, pos: int, window: int = 20000) -> Optional[str]:
        """The organisation's full name that a bare word is the short form of: the latest name
        before ``pos`` that starts with the word and holds an organisation word ("Peabody
        Energy", "Goldman Sachs Group"), outside quotes; companies go by their first word."""
        if not word.isalpha():
            return None
        found = None
        for a, b in _runs_from(self.text, word, max(0, pos - window), pos):
            words = self.text[a:b].split()
            if any(self.lex.orgs.get(w) == "organisation" or self.lex.orgs.get(w + ".") == "organisation"
                   for w in words[1:]) and not self._skipped(a):
                found = self.text[a:b]
        return found

    def _misspelt_full(self, name: str, pos: int) -> Optional[Mention]:
        """The one full name named before ``pos`` whose surname is a single typo away from the
        bare surname ``name`` (sources misspell names: "McLenney" after "Tyresha McClenney"),
        when no other full name is that close: a short name alone rarely names a stranger."""
        if len(name) < 5 or not name.isalpha():
            return None
        found = None
        for _, full in self._candidates(max(0, pos - 20000), pos):
            words = full.name.split()
            if len(words) > 1 and one_typo(words[-1], name) and words[-1] + "s" != name and name + "s" != words[-1]:
                # ("Schools" is the plural of "Intermediate School", no misspelling)
                if found is not None and found.name != full.name:
                    return None  # two people fit: no guess
                found = full
        return found

    def _person_before(self, pos: int, gender: Optional[str], head: Optional[str] = None,
                       window: int = 2500, mods: tuple = ()) -> Optional[_Entity]:
        """The latest person named before ``pos`` who fits ``gender`` (and ``head``, a
        description's noun, when the text gives it to a name).  ``mods`` are the
        description's capitalised modifiers ("Republican", "California"): a person whose
        titles name another party is never taken, and one whose titles hold them all is
        taken first."""
        lo = max(0, pos - window)
        best = best_subject = best_agree = None
        for start, mention in self._candidates(lo, pos):
            known = self._find_name(mention.name, None)
            if " " not in mention.name and mention.name in self._surnames:
                # a bare surname is the full name's person even when it is also a first name
                # ("Benjamin" for Regina Benjamin is "she")
                mention = self._gendered(start, mention)
            g = mention.gender or (known.gender if known else None)
            if gender and g and g != gender:
                continue
            subject = self._is_subject(start, mention)
            # a person needs evidence: already known as one, a first name or honorific that
            # gives a gender, a personal title, or a full name in subject position; "North
            # Korea" and "Gold Star" have none
            if not (known or mention.gender or any(self.lex.title(w) for t in mention.titles for w in t.split())
                    or (subject and len(mention.name.split()) > 1) or subject == 2):
                continue
            if known and known.kind != "person":
                continue
            said = self._title_text(mention, known, start) if mods else ""
            if mods and _party_clash(mods, said):
                continue
            if head and not self._fits(head, mention, known, start):
                continue
            best = (start, mention, known)
            if subject and not (best_subject is not None and subject == 1 and self._opens(best_subject[0]) and
                                best_subject[1].gender and " " in best_subject[1].name and
                                not self._opens(start) and self._one_sentence(best_subject[0], start)):
                # "House Speaker Paul Ryan, ... and he does believe McConnell is correct": a later
                # subject inside the same sentence does not displace the full name that opened it
                best_subject = best
            if mods and head and all(_has_word(said, w) for w in mods):
                best_agree = best
        # the subject of a recent sentence (the person the story is about) is the antecedent a
        # reader picks; a name inside someone else's clause is a weaker one
        if best_subject is not None and (best is None or best[0] - best_subject[0] < 1500):
            best = best_subject
        if best_agree is not None:
            best = best_agree  # "the Republican nominee": the one the article calls that
        if best is None:
            return None
        start, mention, known = best
        return self.named(mention, start) if known is None else known

    def _one_sentence(self, a: int, b: int) -> bool:
        """Whether ``a`` and ``b`` stand in one sentence: no line break and no sentence break
        (the pipeline's rule, ``text.sentence_breaks``) between them."""
        if "\n" in self.text[a:b]:
            return False
        return not any(end <= b for end, _ in _text.sentence_breaks(self.text, a, min(len(self.text), b + 3)))

    def _gendered(self, start: int, mention: Mention) -> Mention:
        """A bare surname's mention with the gender of the full name it stands for (made
        once per candidate: the surnames index does not change)."""
        key = ("gendered", start)
        got = self._cache.get(key)
        if got is None:
            got = self._cache[key] = attrs.evolve(mention, gender=self._surname_gender(mention.name, start))
        return got

    def _is_subject(self, start: int, mention: Mention) -> bool:
        """Whether a name stands where a subject does: opening a sentence or paragraph, or
        right before a speech verb."""
        key = ("subj", start)
        if key in self._cache:
            return self._cache[key]
        after = self.text[start + len(mention.text):start + len(mention.text) + 40]
        v = _THEN_VERB.match(after)
        if v and v.group(1):
            res = 2  # "Melanie said": someone who speaks is a person
        else:
            # (the opening mark of a block quotation's paragraph opens nothing of its own)
            before = self.text[max(0, start - 5):start].rstrip("\"“")[-4:]
            if _SENT_OPEN.search(before) and "." in before:
                # "to Mr. Obama", "of Sen. Tribe": the dot of a title or initial opens nothing
                prev = self.text[max(0, start - 12):start].split()
                if prev and (self.lex.title(prev[-1]) or _INITIAL.fullmatch(prev[-1]) or prev[-1] in _ABBREV):
                    # the title itself may open the sentence ("\n\nMr. Obama dismissed")
                    ts = self.text.rfind(prev[-1], 0, start)
                    before = self.text[max(0, ts - 4):ts] if ts > 0 else ""
                    if ts > 0 and not _SENT_OPEN.search(before):
                        before = "x"  # (an empty string would read as the start of the text)
            elif not _SENT_OPEN.search(before) and self.lex.title(self.text[max(0, start - 30):start].split()[-1:]
                                                                   [0] if start else ""):
                # a title of several words may open the sentence ("House Speaker Paul Ryan, R-Wis.,
                # despite ...", "Libertarian presidential candidate Gary Johnson’s doctor is")
                run = self._title_before(start)
                ts = self.text.rfind(run, max(0, start - 100), start) if run else -1
                if ts == 0 or ts > 0 and _SENT_OPEN.search(self.text[max(0, ts - 4):ts]):
                    before = "\n"
            # a comma after the name marks a subject only before an appositive that says what
            # the person is ("concerns Henry Crespo, president of ...", who is introduced to
            # speak next); "for killing Terence Crutcher, a 40-year-old man" is an object
            verb = bool(v) and (v.group().strip() != "," or self._title_appositive(start + len(mention.text)))
            # "with Hillary Clinton — who’s called for big tax hikes — lambasting": a person
            # given a relative aside in dashes becomes the topic, as a subject does
            verb = verb or bool(_DASH_WHO.match(after))
            self._cache[("open", start)] = bool(_SENT_OPEN.search(before)) or start == 0
            res = int(bool(_SENT_OPEN.search(before)) or start == 0 or verb or (
                # "In a Wall Street Journal essay, Ivanka Trump acknowledged ...": the subject
                # after an opening phrase, followed by its verb
                before.endswith(", ") and bool(_VERB_NEXT.match(after))))
        self._cache[key] = res
        return res

    def _opens(self, start: int) -> bool:
        """Whether the subject at ``start`` (read by :meth:`_is_subject`) opens its sentence."""
        return self._cache.get(("open", start), False)

    def _title_appositive(self, end: int) -> bool:
        """Whether an appositive after ``end`` holds a title word (``, president of ...``,
        ``, a Republican senator,``)."""
        m = _APPOSITIVE.match(self.text, end, min(len(self.text), end + 120))
        if not m:
            return False
        first = m.group(1).split(None, 1)
        if first and first[0].lower() in _NOT_APPOSITIVE:
            return False  # "Hillary Clinton, over the email server she used as secretary of state"
        return any((self.lex.title(w) or ("", ""))[0] in ("office", "role") or
                   (self.lex.title(w.lower()) or ("", ""))[0] in ("office", "role")
                   for w in _WORD.findall(m.group(1)))

    def _person_name(self, m) -> Optional[Mention]:
        """The person name a run of capitals holds, with offsets relative to the run (the
        same words read the same way wherever they stand, so the reading is cached)."""
        return _person_name(m.group())

    def _title_text(self, mention: Mention, known, start: int) -> str:
        """What the text calls a person, lower case: the titles before the name, the
        entity's known titles and an appositive after it."""
        key = ("said", start)
        got = self._cache.get(key)
        if got is None:
            # what the text around the name says never changes; only the entity learns
            end = start + len(mention.text)
            m = _APPOSITIVE.match(self.text, end, min(len(self.text), end + 120))
            after = " " + self._title_before(start) + " " + (m.group(1) if m else "")
            if " " not in mention.name and mention.name in self._surnames:
                # "Kaine" says what "Democratic vice presidential nominee Tim Kaine" said
                k, full = self._surname_full(mention.name, start)
                if k != start:
                    after += " " + self._title_text(full, None, k)
            got = self._cache[key] = (" ".join(mention.titles), after)
        before, after = got
        return (before + " " + " ".join(known.titles if known else ()) + after).lower()

    def _title_before(self, start: int) -> str:
        """The title words right before a name that the run of capitals leaves out
        ("Democratic presidential nominee Hillary Clinton"): the words back from the name
        while each is a title word or capitalised ("the senator attacked Trump" gives none)."""
        key = ("before", start)
        if key in self._cache:
            return self._cache[key]
        words = _WORD.findall(_CLAUSE_MARK.split(self.text[max(0, start - 80):start])[-1])
        out = []
        for w in reversed(words[-6:]):
            if not (self.lex.title(w) or self.lex.title(w.lower()) or w[:1].isupper()):
                break
            out.append(w)
        res = self._cache[key] = " ".join(reversed(out))
        return res

    def _fits(self, head: str, mention: Mention, known, start: int) -> bool:
        """Whether a description's head noun is what the text calls this person: in a title
        before the name, an appositive after it, or the entity's known titles."""
        key = ("fits", start)
        said = self._cache.get(key)
        if said is None:
            # the text's words about the name, once per name (``head`` has no space, so
            # looking in them joined by spaces is looking in each)
            end = start + len(mention.text)
            m = _APPOSITIVE.match(self.text, end, min(len(self.text), end + 120))
            said = self._cache[key] = " ".join((" ".join(mention.titles).lower(), self._title_before(start).lower(),
                                                m.group(1).lower() if m else ""))
        return has_word(said, head) or known is not None and has_word(" ".join(known.titles).lower(), head)

    def _latest(self, pos, kinds) -> Optional[_Entity]:
        cands = [e for e in self.entities if e.kind in kinds and e.last <= pos]
        return max(cands, key=lambda e: e.last) if cands else None

    def resolve(self, m: Mention, pos: Optional[int] = None, prefer: Optional[_Entity] = None):
        """``(entity or None, rule)`` for a mention at ``pos``; ``prefer`` is the speaker of
        the quote before (a pronoun that fits it is taken to continue it)."""
        pos = m.start if pos is None else pos
        if m.entity == "group" and (m.kind == "group" or m.kind == "name" and " " not in m.name):
            org = _group_organisation(m.text)
            if org is not None:
                # "Officials at Homeland Security Investigations said": the organisation speaks
                return self.named(org, pos), "group-organisation"
        if m.kind == "name":
            if pos < self._headline_block() and " " not in m.name and not m.gender and not m.titles and \
                    self._find_name(m.name, None) is None:
                return None, "headline-word"  # "Talk compared to ...": a headline's first word names no one
            return self.named(m, pos), "name"
        if m.kind == "pronoun":
            if m.head == "i":
                e = self._author()
                if e is not None:
                    # "I grew up in a survivalist household": outside quotes, the writer
                    e.last = max(e.last, pos)
                    return e, "pronoun-author"
                # outside quotations "I" is the writer, whom no byline names here: nobody
                # else in the story ("Clearly, I expect a flurry of comments" after a quote)
                return None, "pronoun-writer"
            if m.entity == "person":
                if prefer is not None and prefer is self._cache.get("author"):
                    prefer = None  # the writer is "I", never "he" or "she"
                if prefer is not None and prefer.kind == "person" and (not prefer.gender or prefer.gender == m.gender) \
                        and not self._other_person_between(prefer, pos, m.gender):
                    e = prefer
                    rule = "pronoun-previous-speaker"
                else:
                    e = self._person_before(pos, m.gender)
                    rule = "pronoun-latest-person"
                if e is not None:
                    if rule == "pronoun-previous-speaker":
                        e.gender = e.gender or m.gender  # only a confident reading teaches gender
                    e.last = max(e.last, pos)
                return e, rule
            if m.head in ("we", "i"):
                return prefer, "pronoun-first-person"
            e = self._latest(pos, ("organisation", "group"))
            if e is None and m.head == "it":  # ("they" is as often people)
                e = self._organisation_before(pos)
                if e is not None:
                    e.last = max(e.last, pos)
                    return e, "pronoun-organisation-subject"
            return e, "pronoun-latest-organisation"
        if m.kind == "description" and m.head in _DOCUMENT_KINDS:
            e = self._document_author(pos, m.head)
            if e is not None:
                e.last = max(e.last, pos)
                return e, "document-author"
        if m.kind == "description" and m.entity == "person":
            if m.head in _ANONYMOUS_HEADS:
                return None, "anonymous"
            mods = _modifiers(m)
            e = self._person_before(pos, m.gender, m.head, window=6000 if mods else 2500, mods=mods)
            rule = "description-title"
            owner = _possessor(m) if e is None and m.head in self.lex.titles else None
            if owner == "" and m.head in _RELATION_HEADS:
                # "her daughter", "the victim's nephew": someone defined by another person, and
                # the person last named is most often that other one
                return None, "description-possessed"
            if e is None and m.head in self.lex.titles:
                # "the New York businessman": the text never ties the words to a name; the
                # speaker before, else the latest person, is the likeliest referent (never
                # one the article gives another party)
                if prefer is not None and prefer.kind == "person" and not _party_clash(
                        mods, " ".join(prefer.titles).lower()):
                    e = prefer
                else:
                    e = self._person_before(pos, m.gender, mods=mods)
                rule = "description-latest-person"
                if e is not None and owner and same_person(owner, e.name):
                    return None, "description-possessed"  # "Lohan's attorney" is not Lohan
            if e is not None and e is self._cache.get("author") and m.text.lower().startswith(("my ", "our ")):
                e = None  # "my father" is someone the writer names, never the writer
            if e is not None:
                e.titles.extend([m.text] if m.text not in e.titles else [])
                e.last = max(e.last, pos)
            return e, rule
        if m.kind == "description" and m.entity == "organisation":
            # "the commission" after "the Commission on Presidential Debates": the latest
            # organisation whose name holds the head noun; else nobody is named
            e = self._organisation_named(pos, m.head)
            if e is not None:
                e.last = max(e.last, pos)
                return e, "organisation-description-name"
            # only "the union", "the agency": not a campaign or office, which belong to a person,
            # nor a phrase with a name of its own
            definite = m.text[:4].lower() == "the " and not any(w[:1].isupper() for w in m.text[4:].split()) \
                and m.head not in _OWNED
            e = self._organisation_before(pos, kind=m.head) if definite else None
            if e is not None:
                # "A union representing flight attendants endorsed ... the Association of Flight
                # Attendants called ... the union wrote": the organisation the story is about
                e.last = max(e.last, pos)
                return e, "organisation-description-subject"
            return None, "organisation-description"
        return None, m.kind

    def _document_author(self, pos: int, head: str, window: int = 3000) -> Optional[_Entity]:
        """Who wrote or issued the document a description such as "the ruling" or "the book"
        stands for: the owner the text gave the latest document of the same kind before
        ``pos`` ("A web video by the Republican National Committee ... The clip says", "a Times
        article ... the article read", "Mariano wrote a memoir ... the book said", "The appeals
        court ruled ... said the ruling"); None when the text names no owner.  PolNeAR, like a
        reader, takes the document's words for its author's."""
        kind = _DOCUMENT_KINDS.get(head)
        if kind is None:
            return None
        toks = tokens(self.text, max(0, pos - window), pos)
        for k in range(len(toks) - 1, -1, -1):
            low = toks[k].text.lower()
            noun = _DOCUMENT_KINDS.get(low) == kind
            verb = _DOCUMENT_VERBS.get(low) == kind
            if not (noun or verb) or self._skipped(toks[k].start) or self._in_headline(toks[k].start):
                continue
            owner = self._document_owner(toks, k, verb)
            if owner is not None:
                e = self._owner_entity(owner)
                if e is not None:
                    return e
        return None

    def _document_owner(self, toks: list, k: int, verb: bool) -> Optional[Mention]:
        """The owner of the document word ``toks[k]``: a name after "by"/"from", a name right
        before it ("a Times article", "Clinton's statement"), or the subject of the verb that
        issues it ("the Security Council issued a statement"); for a verb of the document's
        kind (``ruled``), its subject."""
        text = self.text
        if not verb:
            if k + 2 < len(toks) and toks[k + 1].text in ("by", "from"):
                j = k + 2
                if toks[j].text.lower() == "the":
                    j += 1
                e = j
                while e < len(toks) and (toks[e].cap and toks[e].word or toks[e].text in ("of", "and", "for") and
                                         e + 1 < len(toks) and toks[e + 1].cap):
                    e += 1
                if e > j:
                    # "by the Ohio Democratic Party": the whole run when it names an organisation
                    org = _organisation_name(text[toks[k + 2].start:toks[e - 1].end])
                    if org is not None:
                        return attrs.evolve(org, start=org.start + toks[k + 2].start, end=toks[e - 1].end)
                    return read_mention(text, toks[k + 2:e])
            j = k
            while j > 0 and toks[j - 1].cap and toks[j - 1].word and toks[j - 1].text not in _NOT_NAME and \
                    not self.lex.title(toks[j - 1].text):
                j -= 1
            if j < k:
                m = read_mention(text, toks[j:k])
                if m is not None and m.kind == "name":
                    return m
            # "issued a statement", "wrote a memoir", "released a new ad": the verb a few words back
            v = next((i for i in range(k - 1, max(-1, k - 5), -1)
                      if _DOCUMENT_VERBS.get(toks[i].text.lower()) == "*"), None)
            if v is None or any(not t.word for t in toks[v + 1:k]):
                return None
        else:
            v = k
        # the subject: the words back from the verb to the clause's start
        i = v
        while i > 0 and v - i < 10 and toks[i - 1].text not in (".", ",", ";", ":", "!", "?", "“", "”", '"') and \
                text.count("\n", toks[i - 1].end, toks[i].start) == 0:
            i -= 1
        j = v
        while j > i and toks[j - 1].text.lower() in _AUXILIARIES:
            j -= 1
        if j <= i:
            return None
        return read_mention(text, toks[i:j])

    def _owner_entity(self, m: Mention) -> Optional[_Entity]:
        """The entity a document's owner phrase stands for (a name, an organisation
        description such as "the appeals court", or a person by pronoun or description)."""
        if m.kind == "name":
            return self.named(m, m.start)
        if m.kind == "description" and m.head in _DOCUMENT_KINDS:
            return None  # "the ad also mentions": a document again, not its owner
        if m.kind == "description" and m.entity == "organisation":
            return self._organisation_named(m.start, m.head)
        if m.entity == "person" and m.kind in ("pronoun", "description"):
            return self._person_before(m.start, m.gender, m.head if m.kind == "description" else None)
        return None

    def _organisation_before(self, pos: int, window: int = 1500, kind: Optional[str] = None) -> Optional[_Entity]:
        """The organisation named last before ``pos`` as the subject of a sentence or clause
        ("During the primaries, the Times gave Clinton ... Meanwhile, it attacked Trump"), outside
        quotes and headlines: what "it", "they" or "the union" most likely stands for when no
        organisation has spoken yet.  ``kind`` is a description's head: when the kinds table
        knows it ("police", "newspaper"), only an organisation whose name says so is taken."""
        needs = _ORGANISATION_KINDS.get(kind) if kind else None
        found = None
        text = self.text
        self._all_candidates()  # (the surnames of the people named)
        for m in _CAPS.finditer(text, max(0, pos - window), pos):
            s0 = m.start()
            if self._skipped(s0) or self._in_headline(s0):
                continue
            the = text[max(0, s0 - 4):s0]
            run = m.group()
            if the in ("the ", "The "):
                s0, run = s0 - 4, the + run
            org = _organisation_name(run)
            if org is None or org.name in self._surnames or org.name.split()[-1] in self._surnames:
                continue  # "The Cruz campaign": a person's, not an organisation's name
            if needs and not needs.intersection(org.name.split()):
                continue  # "the police" is not the newspaper named last
            known = self._find_name(org.name, None) if org.rule != "organisation-words" else None
            if known is not None and known.kind != "organisation":
                continue
            before = text[max(0, s0 - 4):s0]
            after = text[m.end():m.end() + 40]
            if after[:1] == ":":
                continue  # "The Latest: ...": a label, not a subject
            v = _THEN_VERB.match(after)
            if s0 == 0 or _SENT_OPEN.search(before) or v and v.group(1) or \
                    before.endswith(", ") and _VERB_NEXT.match(after):
                found = (s0, org)
        if found is None:
            return None
        return self.named(found[1], found[0])

    def _organisation_named(self, pos: int, head: Optional[str], window: int = 6000) -> Optional[_Entity]:
        """The organisation named last before ``pos`` (outside quotes and headlines) whose
        name holds ``head`` as a capitalised word: "the fund" is the "International Monetary
        Fund", "the commission" the "Commission on Presidential Debates"."""
        if not head or not head.isalpha():
            return None
        word = head[:1].upper() + head[1:]
        found = None
        lo = max(0, pos - window)
        for m in _word_pattern(word).finditer(self.text, lo, pos):
            if not self._skipped(m.start()) and not self._in_headline(m.start()):
                found = m.start()
        if found is None:
            return None
        # the run of capitals around the word, with inner "of", "on", "for", "and" ("the
        # Commission on Presidential Debates", "U.S. Court of Appeals for the Sixth Circuit")
        line0 = self.text.rfind("\n", 0, found) + 1
        toks = tokens(self.text, max(line0, found - 80), min(len(self.text), found + 120))
        k = next((n for n, t in enumerate(toks) if t.start == found), None)
        if k is None:
            return None
        i = k
        while i > 0 and toks[i - 1].cap and toks[i - 1].word and toks[i - 1].text not in _NOT_NAME:
            i -= 1
        j = k + 1
        while j < len(toks):
            if toks[j].cap and toks[j].word:
                j += 1
            elif toks[j].text in ("of", "on", "for", "and", "the") and j + 1 < len(toks) and toks[j + 1].cap:
                j += 1
            elif toks[j].text in ("of", "for") and j + 2 < len(toks) and toks[j + 1].text == "the" and \
                    toks[j + 2].cap:
                j += 2  # "Court of Appeals for the Sixth Circuit"
            else:
                break
        words = [t.text for t in toks[i:j]]
        while words and not words[-1][:1].isupper():
            words.pop()
        name = _POSSESSIVE.sub("", " ".join(words))
        if len(words) < 2:
            return None  # "Fund" alone names nothing
        e = self._find_name(name, None)
        return e if e is not None else self._new(name, "organisation", (), None, found)

    def _other_person_between(self, prefer, pos, gender) -> bool:
        """Whether another person of the same gender is named between the previous
        speaker's latest mention and ``pos`` (a signal that "he" may be someone else)."""
        lo = prefer.last
        if pos - lo > 2500 or pos <= lo:
            return pos - lo > 2500
        for start, mention in self._candidates(lo, pos):
            if same_person(mention.name, prefer.name or ""):
                continue
            if gender and mention.gender and mention.gender != gender:
                continue
            if not self._is_subject(start, mention):
                continue  # a name inside another clause does not take over "he"
            if not mention.gender and " " not in mention.name and mention.name in self._surnames:
                if gender and self._surname_gender(mention.name, start) != gender:
                    continue
            known = self._find_name(mention.name, None)
            if known is not None and known.kind == "person" or mention.gender or mention.titles or \
                    len(mention.name.split()) > 1:
                return True
        return False

    def speakers(self) -> tuple:
        """The :class:`Speaker` records, in order of their ids."""
        return tuple(Speaker(e.id, e.name or "", e.kind, tuple(e.titles), tuple(e.mentions), e.gender)
                     for e in self.entities if e.mentions)

    def add_mention(self, e: _Entity, m: Mention) -> None:
        e.mentions.append(Span(m.start, m.end, m.text))
