"""Mentions: what a phrase says about the person, organisation or group it names.

News names people in a few regular ways: a title and a full name the first time
(``Russian President Vladimir Putin``), the last name after that (``Putin``), a pronoun
next to a quote (``he said``), a description (``the president``, ``the Russian leader``), a
role with its principal (``a spokesman for the mayor``).  :func:`read_mention` reads a noun
phrase as one :class:`Mention` (titles are kept as attributes, never as part of the name);
:func:`_person_name`, :func:`_organisation_name` and :func:`_group_organisation` read a run
of capitals or a group's phrase.  No tagger or NER model is used: every decision is a rule
that can be named.
"""
from __future__ import annotations

import functools
from typing import Optional

import attrs
import regex

from . import grammar_words as gw
from .speaker_lexicon import (PARTY_MEMBERS, _DOCUMENT_HEADS, _INDEFINITE, _MASTHEADS, _NOT_NAME, _NUMBER_WORD, _OWNED,
                              _PARTICLES, _PLACE_OPENERS, SUFFIXES, _VESSEL_PREFIXES, _role_preposition, lexicon)
from .words import _INITIAL, _POSSESSIVE, _WORD, Token, _before_apostrophe, _new_tuple, tokens


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
    else None.  A word of the name proper is never read as a title: a surname that is a
    title word says nothing of the sex ("Tishana King", "Amy Pope" are women).

    >>> _gender_of(["Tishana", "King"], lexicon(), ["Tishana", "King"]), _gender_of(["King", "Abdullah"], lexicon(), ["Abdullah"])
    ('f', 'm')
    """
    for w in words:
        if name is not None and w in name:
            continue
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
    # the key's spans are one flat tuple of offsets (a tuple per token held in the cache was
    # about 56 bytes more a token)
    flat: list = []
    for t in toks:
        flat.append(t.start - base)
        flat.append(t.end - base)
    m = _read_phrase(text[base:toks[-1].end], tuple(flat))
    if m is None or base == 0:
        return m
    return Mention(m.start + base, m.end + base, m.text, m.kind, m.entity, m.name, m.titles, m.gender, m.head,
                   m.rule)


#: How many phrases :func:`_read_phrase` remembers: the same phrases come back within an
#: article ("he", "Mr. Trump", "the company"), so a memo of 1024 keeps 96 % of the hits of
#: an unbounded one over 640 PolNeAR articles in one process (9 518 / 9 959), while a text
#: naming thousands of organisations filled one of 65 536 entries with a reading each
#: (about 300 bytes an entry: 3.5 bytes per character of that text at extraction's peak).
READ_PHRASE_MEMO = 1024


@functools.lru_cache(maxsize=READ_PHRASE_MEMO)
def _read_phrase(phrase: str, spans: tuple) -> Optional[Mention]:
    """:func:`_read_mention` of a phrase on its own (token spans relative to it, flat:
    ``(start0, end0, start1, end1, ...)``)."""
    return _read_mention(phrase, [_new_tuple(Token, (a, b, phrase[a:b])) for a, b in zip(spans[::2], spans[1::2])])


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
    while toks and not toks[-1].text[:1].isalnum():  # (Token.word, read inline)
        toks = toks[:-1]
    while toks and not toks[0].text[:1].isalnum():
        toks = toks[1:]
    if not toks:
        return None
    s, e = toks[0].start, toks[-1].end
    raw = text[s:e]
    low0 = toks[0].text.lower()  # (the first word decides the article rules below)
    if len(toks) == 1 and _before_apostrophe(low0) in lex.pronouns:
        low0 = _before_apostrophe(low0)  # "He’s hoping"
        g = lex.pronouns[low0][0]
        ent = "organisation" if g == "n" else ("group" if low0 in ("they", "we") else "person")
        return Mention(s, e, raw, "pronoun", ent, gender=g if g in "mf" else None, head=low0, rule="pronoun")
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
    # (a generational suffix closes the name: the word before it is a surname even when it
    # is also a title, "Martin Luther King Jr.", "Gerald Bishop Sr.")
    last = i - 1 if i > 1 and toks[-1].text in SUFFIXES else i
    title = lex.title
    n_toks = len(toks)
    while i > 0 and not role:
        t = toks[i - 1]
        w = t.text
        if i < n_toks and len(w) > 2 and w.endswith(("'s", "’s")):
            break  # "AMD's Lisa Su", "Arizona's Jeff Flake": the possessor is not in the name
        if i >= 2 and toks[i - 2].text == "of" and i < n_toks:
            break  # "Secretary of State Karen Donfried": State belongs to the title
        # (whether an honorific stands before is asked only of a title word inside the name;
        # a word with no apostrophe is its own part before one)
        if t.cap and w not in _NOT_NAME and ("'" not in w and "’" not in w or
                                             _before_apostrophe(w) not in _NOT_NAME) and not (
                title(w) and i < last and
                not (i >= 2 and (title(toks[i - 2].text) or ("", ""))[0] == "honorific")) or \
                (w in _PARTICLES and i < n_toks):
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
    if low0 == "the" and name_toks and len(toks) == len(name_toks) + 1 and \
            (lex.title(name_toks[-1].text) or ("", ""))[0] == "office" and name_toks[-1].text not in _MASTHEADS:
        # "the Alaska Governor", "the French President": a capitalised office after the
        # article is a description (agency and British style), not an organisation's name
        # ("the New Hampshire Union Leader" is a newspaper)
        i, name_toks = len(toks), []
    if low0 == "the" and len(name_toks) > 1 and len(toks) == len(name_toks) + 1 and \
            name_toks[-1].text.lower() in PARTY_MEMBERS and name_toks[0].text not in _MASTHEADS:
        # "the Ohio Republican", "the New York Democrat": a politician named again by state
        # and party (rule party-description), not an organisation's name
        i, name_toks = len(toks), []
    if name_toks and _participle_modifier(toks, i, lex) is not None:
        # "One pastor supporting Mr. Cruz": the name is the object of a participle that
        # modifies the head noun, not the person the phrase names (a description)
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
        if low0 == "the" and entity == "person" and len(toks) == len(name_toks) + 1:
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
    own = toks  # the words that describe the person (not a participle's object: "supporting Mr. Cruz")
    # "a spokeswoman for the campaign": the head is before the preposition
    for j, t in enumerate(content):
        if t.text in ("for", "of", "at", "with", "in", "to", "from", "close", "familiar", "who"):
            if j > 0:
                head = content[j - 1].text
            break
        if _participle_at(content, j, lex):
            head = content[j - 1].text  # "a pastor supporting Mr. Cruz": the head is before the participle
            own = [x for x in toks if x.end <= t.start]
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
    kind = "anonymous" if low0 in _INDEFINITE else "description"
    # (only a title gives a description's sex: its capitalised words are places or parties,
    # "the Florida senator", "the Georgia Republican", never a first name)
    return Mention(s, e, raw, kind, "person", head=hl, titles=titles,
                   gender=_gender_of([t.text for t in own], lex, []), rule=kind)


def _participle_at(toks: list, j: int, lex) -> bool:
    """Whether ``toks[j]`` is a participle that opens a modifier of the noun before it
    (``One pastor supporting Mr. Cruz``, ``a woman wearing a Trump hat``): a lower-case
    ``-ing`` word that is not a title (``acting``), after a lower-case noun that is not an
    article or determiner (``the leading candidate``: an adjective), and before its object:
    an article or determiner, or a capitalised word that is not an office (``global
    marketing VP Phil Schiller``, ``policy planning director``: a compound noun)."""
    t = toks[j]
    if j == 0 or j + 1 >= len(toks) or not t.text.endswith("ing") or not t.text.islower() or len(t.text) < 6:
        return False
    nxt = toks[j + 1].text
    if nxt.lower() not in gw.DETERMINERS and not (
            toks[j + 1].cap and not nxt.isupper() and (lex.title(nxt) or ("honorific", ""))[0] == "honorific"):
        return False  # ("marketing VP Phil Schiller": an acronym is an office)
    prev = toks[j - 1].text
    return prev.isalpha() and prev.islower() and prev not in gw.DETERMINERS and prev not in _INDEFINITE and \
        prev not in _NOT_HEADS and t.text not in _ING_PREPOSITIONS and not lex.title(t.text)


#: Prepositions that end in ``-ing`` (``a spokesman during the call``): not participles.
_ING_PREPOSITIONS = gw.ING_PREPOSITIONS


#: Words before an ``-ing`` word that are not the noun it modifies (``vice president of
#: marketing Phil Schiller``: ``marketing`` is the object of ``of``).
_NOT_HEADS = frozenset(("of", "for", "to", "in", "on", "at", "with", "by", "from", "and", "or", "as"))


def _participle_modifier(toks: list, i: int, lex) -> Optional[int]:
    """The index of a participle among ``toks[:i]`` (the words before a name) that opens a
    modifier of the head noun (:func:`_participle_at`), else None."""
    for j in range(1, i):
        if _participle_at(toks, j, lex):
            return j
    return None


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


def without_title_words(m: Mention) -> Mention:
    """A person's name without the capitalised job words a sentence opening or a headline
    left in front of it ("Actor Peter Capaldi", "Manager A.J. Smith", "Billionaire Donald
    Trump"): the words go to the titles (rule name-title-words); a first name or a last
    two words are never taken.  A word the tables do not know goes too when a first name of
    a known sex follows it and it is none itself ("Comedian Ellen DeGeneres", "Prosecutor Eric
    Nichols"): news puts a job before a first name, and the text has made it a title, which a
    later "the comedian" finds (:meth:`NameIndex.fits`); not after a title the phrase gives.

    >>> without_title_words(Mention(0, 24, "Comedian Ellen DeGeneres", "name", name="Comedian Ellen DeGeneres")).titles
    ('Comedian',)
    """
    lex = lexicon()
    words = (m.name or "").split()
    if m.entity != "person" or m.kind != "name" or len(words) < 3:
        return m
    k = 0
    while len(words) - k > 2 and lex.titles.get(words[k].lower()) and words[k] not in lex.genders:
        k += 1
    if k == 0 and not m.titles and _job_before_first_name(words, lex):
        # (after a title the word is the name's: "spokesman Sawarmi Khaled Saad")
        k = 1
    if k == 0:
        return m
    # the sex is the first name's ("Forecaster Linda Cho" is a woman), unless a title gave one
    gender = m.gender or lex.genders.get(words[k])
    return attrs.evolve(m, name=" ".join(words[k:]), titles=tuple(m.titles) + tuple(words[:k]), gender=gender)


def _job_before_first_name(words: list, lex) -> bool:
    """Whether the first of a name's words is a word of a job or some other word, not part of
    the name: it is no first name, has only letters, is followed by a first name of a known
    sex and then the surname ("Comedian Ellen DeGeneres", "Undersheriff Larry Waldie"; not
    "Hillary Rodham Clinton", nor "Theo" after "GM", a first name given to both sexes).

    >>> _job_before_first_name(["Comedian", "Ellen", "DeGeneres"], lexicon())
    True
    >>> _job_before_first_name(["Hillary", "Rodham", "Clinton"], lexicon())
    False
    """
    return len(words) >= 3 and words[0].isalpha() and words[0][:1].isupper() and words[0][1:2].islower() and \
        words[0] not in lex.genders and words[0] not in _PARTICLES and lex.genders.get(words[1]) in ("m", "f")


def _toks(s: str):
    """Doctest helper: ``(text, tokens)`` for a bare phrase."""
    return s, tokens(s)


def _modifiers(m: Mention) -> tuple:
    """The capitalised words of a description before its head ("The Republican nominee"
    -> ("Republican",)): what the article must have said of the person it stands for."""
    words = _WORD.findall(m.text)
    return tuple(w for w in words[:-1] if w[:1].isupper() and w not in _NOT_NAME and w.lower() != m.head
                 and w not in ("The", "A", "An"))


#: Possessive determiners: a description opening with one is defined by another person.
_POSSESSIVE_DETERMINERS = gw.POSSESSIVES


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


@functools.lru_cache(maxsize=65536)
def _person_name(run: str) -> Optional[Mention]:
    toks = tokens(run)
    while toks and (toks[0].text in _NOT_NAME or toks[0].text.rstrip(".") in _NOT_NAME) and \
            not lexicon().title(toks[0].text):  # ("Mr." and "Mr" are titles: he)
        toks = toks[1:]
    if not toks or toks[0].text in _VESSEL_PREFIXES:
        return None  # (rule vessel: "the officer" after "INS Sukanya" is not the ship)
    mention = _read_mention(run, toks)  # (the run is the cache key already)
    if mention is None or mention.kind != "name" or mention.entity != "person":
        return None
    return mention


@functools.lru_cache(maxsize=1)
def _business_words() -> frozenset:
    """The last words of a business's name ("Apple Inc.", "Kraft Foods", "France Telecom"):
    the ``business`` row of ``data/speakers_organisation_kinds.tsv``."""
    from . import lexicon as _tables
    return next((frozenset(r[1].split()) for r in _tables.rows("speakers_organisation_kinds.tsv")
                 if r[0] == "business"), frozenset())


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
    if len(words) > 1 and (any(lex.orgs.get(w.lower()) == "organisation" for w in words) or
                           words[-1] in _business_words()):
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
    name = mention.name or ""
    if not name.replace(" ", "").isalpha() or len(name) < 3:
        return None  # "the U." of "the U.S.": a run cut at its dots
    if run[:4] in ("the ", "The ") or name.isupper() and len(name) <= 6:
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
