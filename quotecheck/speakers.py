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

import functools
import itertools
import re as _re
import unicodedata
from typing import NamedTuple, Optional

import attrs
import regex

from . import lexicon as _tables

@functools.lru_cache(maxsize=1)
def lexicon() -> "Lexicon":
    """The speaker lexicons, loaded once."""
    titles = {}
    for row in _tables.rows("titles.tsv"):
        titles.setdefault(row[0], (row[1], row[2] if len(row) > 2 else "-"))
    pronouns = {r[0]: (r[1], r[2], r[3]) for r in _tables.rows("pronouns.tsv")}
    orgs = {r[0]: r[1] for r in _tables.rows("orgs.tsv")}
    places = frozenset(r[0] for r in _tables.rows("orgs.tsv") if r[2:3] == ("place",))
    # the US counts decide; the extra table only adds names they do not hold.  A name used
    # for both sexes ("u") is a first name with no gender
    genders = {r[0]: r[1] if r[1] in ("m", "f") else None for r in _tables.rows("names_gender.tsv")}
    for r in _tables.rows("names_gender_extra.tsv"):
        genders.setdefault(r[0], r[1])
    # the share of women among the births of a name of both sexes ("Jordan" 27 %)
    shared = {r[0]: int(r[2]) for r in _tables.rows("names_gender.tsv") if r[1] == "u"}
    return Lexicon(titles, pronouns, orgs, genders, places, shared)


@attrs.frozen(eq=False)
class Lexicon:
    titles: dict  # word -> (kind, gender)
    pronouns: dict  # lower-case pronoun -> (gender, number, person)
    orgs: dict  # word -> organisation | group
    genders: dict  # first name -> m | f | None (used for both sexes)
    places: frozenset = frozenset()  # the organisation words that are places ("Jordan")
    female_share: dict = attrs.field(factory=dict)  # first name of both sexes -> % female births
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
        low[0] = _before_apostrophe(low[0])  # "He’s hoping"
        g = lex.pronouns[low[0]][0]
        ent = "organisation" if g == "n" else ("group" if low[0] in ("they", "we") else "person")
        return Mention(s, e, raw, "pronoun", ent, gender=g if g in "mf" else None, head=low[0], rule="pronoun")
    role = _role_preposition(toks)
    # the name: the longest final run of capitalised non-title words (with particles/initials)
    # "Gov. Ann Marie Lee of West Virginia", "Rep. Tom Hart (R-Iowa)": the name is
    # before "of" / the bracket
    for j, t in enumerate(toks if not role else ()):
        if j > 0 and t.text in ("of", "(", "from", "for", "at", "with") and toks[j - 1].cap and \
                (not lex.title(toks[j - 1].text) or _after_name_or_article(toks, j - 1)) and (
                    lex.orgs.get(toks[j - 1].text) != "organisation" or (
                        toks[j - 1].text in lex.places and j >= 2 and toks[j - 2].text in lex.genders)) and \
                any(x.cap for x in toks[j + 1:]):
            toks = toks[:j]
            break
    i = len(toks)
    while i > 0 and not role:
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
        name_toks = []  # "Thirty-one people were hurt": a number, not a name
    if name_toks and not (len(name_toks) == 1 and lex.title(name_toks[0].text) and not honorific):
        words = [t.text for t in name_toks]
        words[-1] = _POSSESSIVE.sub("", words[-1]) or words[-1]  # "Ann Lee’s claim"
        name = " ".join(words)
        # the name's own words decide (a place in the titles, "Former Ohio Gov. Tom
        # Hale", does not make him an organisation)
        entity = "person"
        # a place is a surname after a first name ("Tom Jordan", "Ann Washington"), and so
        # is an organisation's word after a first name of one sex ("Vicente Fox", "Tom Ford";
        # "Morgan Stanley" has a first name of both)
        surname_place = len(words) >= 2 and words[0] in lex.genders and (
            words[-1] in lex.places or lex.genders[words[0]] is not None) and \
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
    # "the Trump campaign", "Clinton's campaign", "the Acme report": a name inside the phrase
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


#: Words that open a phrase naming someone by a role ("an aide to ...", "the chairman of ...").
_ROLE_OPENERS = frozenset({"a", "an", "the", "one", "another", "his", "her", "their", "its", "two", "three", "some",
                           "several"})
#: Role words that speak for someone (besides the title words of ``titles.tsv``).
_ROLE_HEADS = frozenset({"official", "officials", "staffer", "rep", "publicist", "insider", "advisor"})
#: Prepositions that tie a role to its principal.
_ROLE_TIES = frozenset({"for", "to", "of", "at", "with", "from"})


def _role_preposition(toks: list) -> int:
    """The index of the preposition in a phrase that names someone by a lower-case role and
    its principal ("an aide to Pelosi", "the chairman of Acme", "a spokesman for the mayor"),
    else 0: such a phrase is a description of the role's holder, whoever the principal is, not
    the principal's name.

    >>> _role_preposition(tokens("an aide to Senator Jane Doe")), _role_preposition(tokens("Jane Doe of Ohio"))
    (2, 0)
    """
    if len(toks) < 4 or toks[0].text.lower() not in _ROLE_OPENERS:
        return 0
    for j in range(1, len(toks) - 1):
        w = toks[j].text
        if w in _ROLE_TIES:
            # the word before is what the person is ("aide", "chairman"), not a document or
            # an event ("a report from X" is X's, "the release of X" is nobody)
            prev = toks[j - 1].text
            return j if j > 1 and (lexicon().titles.get(prev) or prev in _ROLE_HEADS) else 0
        if not (w.islower() and w.isalpha() or w in ("-", "–")):
            return 0
    return 0


#: First words of place names ("New Hampshire", "San Diego"): such a name is no person.
_PLACE_OPENERS = _tables.exact("speakers_place_openers.txt")


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


def without_title_words(m: Mention) -> Mention:
    """A person's name without the capitalised job words a sentence opening or a headline
    left in front of it ("Actor Peter Capaldi", "Manager A.J. Smith", "Billionaire Donald
    Trump"): the words go to the titles (rule name-title-words); a first name or a last
    two words are never taken."""
    lex = lexicon()
    words = m.name.split()
    if m.entity != "person" or m.kind != "name" or len(words) < 3:
        return m
    k = 0
    while len(words) - k > 2 and lex.titles.get(words[k].lower()) and words[k] not in lex.genders:
        k += 1
    if k == 0:
        return m
    return attrs.evolve(m, name=" ".join(words[k:]), titles=tuple(m.titles) + tuple(words[:k]))


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

    >>> one_typo("McAllister", "McAlister"), one_typo("Wimes", "Wines"), one_typo("Biden", "Bider")
    (True, True, True)
    >>> one_typo("Clinton", "Clinton"), one_typo("Clinton", "Clifford"), one_typo("Trump", "Drump")
    (False, False, False)
    """
    a, b = a.casefold(), b.casefold()  # "McAlister" drops an "l" of "McAllister"
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


_NUMBER_WORD = regex.compile(r"(?i)(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
                             r"(?:thir|four|fif|six|seven|eigh|nine)teen|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozens?|hundreds|"
                             r"thousands|millions)(?:-\w+)?")


_NEWLINE = _re.compile("\n")
_WORD = regex.compile(r"\p{L}[\p{L}'’\-]*+")


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


@functools.lru_cache(maxsize=16384)
def _organisation_name(run: str) -> Optional[Mention]:
    """The organisation a run of capitals names, with or without its article ("the Times",
    "the Association of Bus Drivers"), else None."""
    toks = tokens(run)
    lex = lexicon()
    k = 0
    while k < len(toks) and (toks[k].text in _NOT_NAME or toks[k].text == "the"):
        k += 1  # "the", "A", "In": not part of the name
    words = [t.text for t in toks[k:] if t.cap]
    if len(words) > 1 and any(lex.orgs.get(w.lower()) == "organisation" for w in words):
        # the whole run is the name: "Association of Bus Drivers" (read as a person's
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


_GROUP_OF = regex.compile(r"\p{L}++ (?:at|of|with|from|for|in) ((?:the )?+\p{Lu}.*+)")


def _group_organisation(text: str) -> Optional[Mention]:
    """The organisation a group of people belongs to, when the phrase names it ("Officials at
    Coastal Water Safety Board", "officials with the Department of Justice").

    >>> _group_organisation("Officials at Coastal Water Safety Board").name
    'Coastal Water Safety Board'
    >>> _group_organisation("Democratic leaders") is None
    True
    """
    m = _GROUP_OF.match(text)
    if not m:
        return None
    org = _organisation_name(m.group(1))
    if org is None:
        # officials work at an institution: a name of several words without a first name
        # ("Coastal Water Safety Board") is one, whatever its words
        run = m.group(1)[4:] if m.group(1).startswith("the ") else m.group(1)
        words = run.split()
        if len(words) > 1 and all(w[:1].isupper() or w in ("of", "and", "for") for w in words) and \
                words[0] not in lexicon().genders:
            org = Mention(0, len(run), run, "name", "organisation", name=run, rule="group-organisation")
    return org
