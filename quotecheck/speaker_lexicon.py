"""The speaker lexicons: the words that say what a person is or is called.

Titles and roles (``data/titles.tsv``: ``President``, ``spokesman``, ``Mr.``), pronouns
(``data/pronouns.tsv``), organisation and group words (``data/orgs.tsv``), first names with
their sex (``data/names_gender.tsv`` from the SSA counts, ``names_gender_extra.tsv``; the ones
hardly ever surnames, ``names_first_only.txt`` from the 1990 Census counts; the short forms
of first names, ``names_nicknames.tsv`` from the carltonnorthern/nicknames table), and the
closed word classes the mention rules rest on (determiners, name particles, words that are
never names, the heads of documents and of phrases naming a role with its principal).  Loaded
once; nothing here reads a phrase.
"""
from __future__ import annotations

import functools
from typing import Optional

import regex

from . import grammar_words as gw
from . import lexicon as _tables


@functools.lru_cache(maxsize=1)
def lexicon() -> "Lexicon":
    """The speaker lexicons, loaded once."""
    titles: dict = {}
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
    # the first names that are hardly ever surnames (1990 US Census counts)
    first_only = frozenset(_tables.lines("names_first_only.txt"))
    # a first name <-> the short forms written for it, both ways ("William" / "Bill")
    forms: dict = {}
    for r in _tables.rows("names_nicknames.tsv"):
        forms.setdefault(r[0], set()).add(r[1])
        forms.setdefault(r[1], set()).add(r[0])
    nicknames = {k: frozenset(v) for k, v in forms.items()}
    return Lexicon(titles, pronouns, orgs, genders, places, shared, first_only, nicknames)


class Lexicon:
    """The speaker word tables (a plain class, not attrs: it is internal, made once, and
    compiled by mypyc in the compiled build)."""

    def __init__(self, titles: dict, pronouns: dict, orgs: dict, genders: dict,
                 places: frozenset = frozenset(), female_share: Optional[dict] = None,
                 first_only: frozenset = frozenset(), nicknames: Optional[dict] = None) -> None:
        self.titles = titles  # word -> (kind, gender)
        self.pronouns = pronouns  # lower-case pronoun -> (gender, number, person)
        self.orgs = orgs  # word -> organisation | group
        self.genders = genders  # first name -> m | f | None (used for both sexes)
        self.places = places  # the organisation words that are places ("Jordan")
        # first name of both sexes -> % female births
        self.female_share: dict = {} if female_share is None else female_share
        self.first_only = first_only  # first names of one sex that are hardly ever surnames ("Mary")
        # first name -> the other forms of it ("William" -> Bill, Will, ...; "Bill" -> William, Robert)
        self.nicknames: dict = {} if nicknames is None else nicknames
        # word -> title(word): the rules read the same few words again and again (a name is
        # looked at by every rule of a mention); emptied when full, so it stays small
        self._titles_seen: dict = {}

    def same_first_name(self, a: str, b: str) -> bool:
        """Whether the first names ``a`` and ``b`` are one name, or one the short form of the
        other (``data/names_nicknames.tsv``: "William" and "Bill", "Robert" and "Bob"; not
        "Bill" and "Will", two short forms of "William").

        >>> lex = lexicon()
        >>> lex.same_first_name("William", "Bill"), lex.same_first_name("Bob", "Robert")
        (True, True)
        >>> lex.same_first_name("Bill", "Will"), lex.same_first_name("Mike", "Mark")
        (False, False)
        """
        return a == b or b in self.nicknames.get(a, ())

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


#: Abbreviations that end in a dot without ending the sentence (besides titles and initials).
_ABBREV = _tables.exact("speakers_abbreviations.txt")

#: Words that are capitalised at the start of a sentence but are never part of a name.
_NOT_NAME = _tables.exact("speakers_not_names.txt")

#: Generational suffixes that close a name ("Martin Luther King Jr.", "Abdullah II").
SUFFIXES = frozenset({"Jr.", "Sr.", "Jr", "Sr", "II", "III", "IV"})

_PARTICLES = frozenset({"de", "van", "von", "der", "den", "del", "da", "di", "la", "le", "al", "bin", "ibn",
                        "el", "du", "dos", "das", "ter"}) | SUFFIXES


_INDEFINITE = frozenset({"a", "an", "one", "another", "some", "two", "three", "several", "many", "most"})


#: Words that open a noun phrase read as a mention: the articles and possessives, the
#: singular demonstratives, the indefinite ones above, "all" and "both".
_DETERMINERS = gw.ARTICLES | gw.POSSESSIVES | {"this", "that", "all", "both"} | _INDEFINITE


# A party-and-state tag after a US politician's name ("Sen. Marco Rubio, R-Fla.,").
_PARTY_TAG = regex.compile(r"[RDI]-[\p{L}.]{2,6}")


#: The lower-case words of a number ("Thirty-one people"): never a name.
_NUMBER_WORD = regex.compile(r"(?i)(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
                             r"(?:thir|four|fif|six|seven|eigh|nine)teen|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozens?|hundreds|"
                             r"thousands|millions)(?:-\w+)?")


#: Words that open a phrase naming someone by a role ("an aide to ...", "the chairman of ...").
_ROLE_OPENERS = frozenset({"a", "an", "the", "one", "another", "his", "her", "their", "its", "two", "three", "some",
                           "several"})
#: Role words that speak for someone (besides the title words of ``titles.tsv``).
_ROLE_HEADS = frozenset({"official", "officials", "staffer", "rep", "publicist", "insider", "advisor"})
#: Prepositions that tie a role to its principal.
_ROLE_TIES = frozenset({"for", "to", "of", "at", "with", "from"})


#: Words that open a principal's noun phrase after "of" ("the chairman of the board").
_ROLE_DETERMINERS = frozenset("""the a an his her its their our my your this that these those one two
several some many all both each every""".split())


def _role_preposition(toks: list) -> int:
    """The index of the preposition in a phrase that names someone by a lower-case role and
    its principal ("an aide to Pelosi", "the chairman of Acme", "a spokesman for the mayor"),
    else 0: such a phrase is a description of the role's holder, whoever the principal is, not
    the principal's name.

    >>> from quotecheck.words import tokens
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
            nxt = toks[j + 1].text
            if w == "of" and nxt.isalpha() and nxt.islower() and nxt not in _ROLE_DETERMINERS:
                # "the former secretary of state", "chief of staff", "minister of defence":
                # the name of an office, not a role and its principal
                return 0
            return j if j > 1 and (lexicon().titles.get(prev) or prev in _ROLE_HEADS) else 0
        if not (w.islower() and w.isalpha() or w in ("-", "–")):
            return 0
    return 0


_PLACE_OPENERS = _tables.exact("speakers_place_openers.txt")


#: Nouns that end newspaper names, even where they are also offices.
_MASTHEADS = _tables.exact("speakers_mastheads.txt")


#: Heads of phrases that belong to someone named inside them.
_DOCUMENT_HEADS = _tables.exact("speakers_document_heads.txt")
#: Nouns for a member of a party ("the Republican", "the Ohio Democrat"): a description, as
#: news names a politician again by state and party (train-640 docs 23, 63, 282, 550).
PARTY_MEMBERS = frozenset({"republican", "democrat", "libertarian", "tory"})

_OWNED = _DOCUMENT_HEADS | frozenset("""campaign administration team office committee party government
company""".split())


#: Occupations ("surgeon", "welder") that head a description of a person (the one home of
#: ``data/speakers_person_nouns.txt``: :mod:`quotecheck.phrases` and :mod:`quotecheck.discourse`
#: read it through :func:`person_noun`).
PERSON_NOUNS = _tables.words("speakers_person_nouns.txt")


def person_noun(word: Optional[str]) -> bool:
    """Whether a lower-case noun names a person who can speak: a title or role the titles
    table knows (``senator``, ``spokesman``) or an occupation (``surgeon``).  Singular only:
    a caller that reads plurals strips the ``s`` itself.

    >>> person_noun("senator"), person_noun("surgeon"), person_noun("surgeons"), person_noun("morning")
    (True, True, False, False)
    >>> person_noun("neurosurgeon"), person_noun("star-turned-candidate"), person_noun("well-being")
    (True, True, False)
    """
    if word is None:
        return False
    return word in lexicon().titles or word in PERSON_NOUNS or _compound_person(word)


@functools.lru_cache(maxsize=4096)
def _compound_person(word: str) -> bool:
    """Whether ``word`` is a compound whose last part names a person: after a hyphen a
    title or occupation ("star-turned-candidate"), or closed up an occupation of five letters
    or more after three or more letters ("neurosurgeon", "speechwriter")."""
    if "-" in word:
        last = word[word.rfind("-") + 1:]
        return len(last) >= 4 and (last in lexicon().titles or last in PERSON_NOUNS)
    for k in range(3, len(word) - 4):
        if word[k:] in PERSON_NOUNS:
            return True
    return False


#: Prefixes of ships' names ("INS Mysore", "USS Cole"): a vessel, never a person.
_VESSEL_PREFIXES = _tables.exact("speakers_vessel_prefixes.txt")
