"""Which person a pronoun or a description stands for: the candidates the text names before
it (:class:`nameindex.NameIndex`), filtered by agreement (sex, the description's head noun
and party) and ranked by where they stand, and whether another person who agrees as well was
named near (then the resolution is a guess).  Functions of ``discourse.Resolver``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import attrs
import regex

from . import lexicon as _tables
from .mentions import Mention
from .names import _has_word, _party_clash, one_typo, same_person
from .speaker_lexicon import SUFFIXES, lexicon, person_noun
from .titles_said import state_clash

if TYPE_CHECKING:
    from .discourse import Resolver


def _rivals(fits: list, chosen: Mention, pos: int, near: int = 1500) -> bool:
    """Whether another person than ``chosen`` among the agreeing candidates ``fits``
    (``(start, mention, ...)``) was named within ``near`` characters before ``pos``: then a
    pronoun could be either, and its resolution is a guess.

    >>> a, b = Mention(0, 8, "Jane Doe", "name", name="Jane Doe"), Mention(20, 28, "Ann Roe", "name", name="Ann Roe")
    >>> _rivals([(0, a, "f")], a, 100), _rivals([(0, a, "f"), (20, b, "f")], a, 100)
    (False, True)
    """
    return any(f[0] >= pos - near and not same_person(f[1].name, chosen.name) for f in fits)


#: Family ties that pass a surname on, with the sex they give ("" for neither), for
#: :func:`kin_surname`.  Ties by marriage count: news writes "Clinton's husband, Bill".
_KIN = {"husband": "m", "wife": "f", "son": "m", "daughter": "f", "brother": "m", "sister": "f",
        "father": "m", "mother": "f", "widow": "f", "widower": "m", "grandson": "m",
        "granddaughter": "f", "grandfather": "m", "grandmother": "f", "child": "", "stepson": "m",
        "stepdaughter": "f"}
#: "<Surname>'s <kin>, " right before a one-word name (the comma may be left out, and one
#: lower-case word may say more of the tie: "Davis's sister Crystal", "Gray's older sister,").
_KIN_BEFORE = regex.compile(r"(?<![\p{L}'’])(\p{Lu}\p{Ll}[\p{L}\-]*+)(?:'s|’s) (?:\p{Ll}++[ ])?(" + "|".join(sorted(_KIN)) +
                            r"),?+[ \t]++\Z")
#: "his <kin>, " or "her <kin>, " right before a one-word name ("his wife, Jane,").
_KIN_PRONOUN = regex.compile(r"(?<![\p{L}'’])([Hh]is|[Hh]er|[Tt]heir) (?:\p{Ll}++[ ])?(" + "|".join(sorted(_KIN)) +
                             r"),?+[ \t]++\Z")


_POSSESSIVE_SEX = {"his": "m", "her": "f", "their": None}
_KIN_WORDS = tuple(_KIN)


def _kin_word_ends(text: str, lo: int, start: int) -> bool:
    """Whether ``text[lo:start]`` ends as :data:`_KIN_BEFORE` and :data:`_KIN_PRONOUN` need:
    a tie word, an optional comma, then spaces or tabs (a test of a few characters that
    spares both searches at almost every name)."""
    if start <= lo or text[start - 1] not in " \t":
        return False
    tail = text[lo:start].rstrip(" \t")
    return tail[:-1].endswith(_KIN_WORDS) if tail.endswith(",") else tail.endswith(_KIN_WORDS)


def _pronoun_tie(text: str, start: int) -> Optional[tuple]:
    """``("", sex)`` for a name right after a possessive pronoun's family tie of one sex ("his
    wife, ", "her son "), else None."""
    lo = max(0, start - 40)
    m = _KIN_PRONOUN.search(text, lo, start) if start > 0 and _kin_word_ends(text, lo, start) else None
    return ("", _KIN[m.group(2)]) if m is not None and _KIN[m.group(2)] else None


def kin_surname(text: str, start: int) -> Optional[tuple]:
    """``(surname, sex)`` for a one-word name at ``start`` that stands in commas after a
    named person's family tie (``Clinton's husband, Bill,``, ``Khan's wife, Ghazala,``):
    the name is the first name of someone of that family, whose surname the possessor gives
    and whose sex the tie gives (None for an unknown sex); else None.  A possessive that is a
    title or an organisation (``the company's son``) never matches: it needs a capital.

    >>> kin_surname("Trump's wife, Melania, said", 14)
    ('Trump', 'f')
    >>> kin_surname("his wife, Melania, said", 10) is None
    True
    >>> kin_surname("Davis's older sister Crystal said", 21)
    ('Davis', 'f')
    """
    lo = max(0, start - 40)
    m = _KIN_BEFORE.search(text, lo, start) if start > 0 and _kin_word_ends(text, lo, start) else None
    if m is None:
        return None
    return m.group(1), _KIN[m.group(2)] or None


def _story_surname(r: "Resolver") -> str:
    """The surname of the first person the text's body names in full (the person the story
    is about, whose family a tie most often names), "" when it names nobody so.  Found
    once per document."""
    got: Optional[str] = r._cache.get("story-surname")
    if got is None:
        got = ""
        for _, c in r.ix.all_candidates():
            words = [w for w in (c.name or "").split() if w not in SUFFIXES]
            if len(words) > 1:
                got = words[-1]
                break
        r._cache["story-surname"] = got
    return got


def after_kin_tie(text: str, start: int) -> bool:
    """Whether a family tie, a name's or a pronoun's, stands right before ``start``
    ("Davis's sister Crystal", "his wife, Jane,").

    >>> after_kin_tie("with his wife, Jane, at home", 15), after_kin_tie("with Jane", 5)
    (True, False)
    """
    lo = max(0, start - 40)
    return start > 0 and _kin_word_ends(text, lo, start) and (_KIN_BEFORE.search(text, lo, start) is not None or
                          _KIN_PRONOUN.search(text, lo, start) is not None)


def kin_of_pronoun(r: "Resolver", start: int) -> Optional[tuple]:
    """``(surname, sex)`` for a one-word name at ``start`` right after a possessive pronoun's
    family tie (``his wife, Jane,``, ``her husband Eric``): the first name of a relative of
    the person the pronoun stands for, whose surname news lets the reader supply (``Jane``
    after ``Sen. Bernie Sanders ... his wife, Jane,`` is Jane Sanders).  The possessor is
    the person a ``he`` or ``she`` there would be (:func:`person_before`), taken only when
    named in full and resolved surely (of that sex, no rival named near) or the person the
    story is about (:func:`_story_surname`); else None.  The tie gives the sex (None for ``child``)."""
    lo = max(0, start - 40)
    m = _KIN_PRONOUN.search(r.ix.text, lo, start) if start > 0 and _kin_word_ends(r.ix.text, lo, start) else None
    if m is None:
        return None
    # ("Their son, Paolo,": a couple's child, whose surname is the family's: the person the
    # story is about, as for an unsure "his")
    e, sure = person_before(r, m.start(), _POSSESSIVE_SEX.get(m.group(1).lower()), sure_of=True)
    words = [w for w in (e.name or "").split() if w not in SUFFIXES] if e is not None else []
    if len(words) < 2 or e is None or e.kind != "person":
        return None
    if not sure and words[-1] != _story_surname(r):
        return None  # ("Devine said ... Sanders, whose ... his wife, Jane,": not Jane Devine)
    return words[-1], _KIN[m.group(2)] or None


def person_before(r: "Resolver", pos: int, gender: Optional[str], head: Optional[str] = None,
                   window: int = 2500, mods: tuple = (), sure_of: bool = False,
                   unnamed: tuple = (-1, -1)):
    """The latest person named before ``pos`` who fits ``gender`` (and ``head``, a
    description's noun, when the text gives it to a name).  ``mods`` are the
    description's capitalised modifiers ("Republican", "California"): a person whose
    titles name another party is never taken, and one whose titles hold them all is
    taken first.  With ``sure_of``, ``(entity, sure)``: sure when no other person who
    agrees as well was named near it (:meth:`_rivals`), and ``(None, False)`` when the
    unnamed person who opens a sentence at ``unnamed`` (``(start, end)`` of the description,
    :func:`unnamed_subject`) came after the person chosen: "he" is that newcomer, whom the
    text does not name (a name inside the description, "one Mac customer", is nobody)."""
    fits = []  # (start, mention, gender, known, subject, said, reported) of every person who agrees
    static = r._cache.get("candidate-facts")
    if static is None:
        static = r._cache["candidate-facts"] = {}
    said_of = r._cache.get("candidate-said")
    if said_of is None:
        said_of = r._cache["candidate-said"] = {}
    find_name = r._find_name
    for start, mention in r.ix.candidates(max(0, pos - window), pos):
        if unnamed[0] <= start < unnamed[1]:
            continue
        got = static.get(start)
        if got is None:
            got = static[start] = _candidate_facts(r, start, mention)
        # (a title that gives a sex, "Mrs. Lee", rules out a Lee of the other sex)
        known = find_name(mention.name, got[1])
        family = got[2]
        mention = got[0]
        if family is not None:
            # a surname two people of one family share is the one named first ("Tyler
            # Hansbrough", not his father "Gene Hansbrough" named since: discourse.named)
            if known is None or not same_person(known.name or "", family[1].name or ""):
                known = find_name(family[1].name or "", family[1].gender)
        kin = got[3] if not known else None
        g = mention.gender or (known.gender if known else None) or (kin[1] if kin else None)
        if gender and g and g != gender:
            continue
        if known and known.kind != "person":
            continue
        # (the cheaper and more selective tests first: the description's head and modifiers,
        # then whether the name stands as a subject)
        if head and not r.ix.fits(head, mention, known, start):
            continue
        if mods:
            # what the text calls the person and whether it names another party or state:
            # fixed for a name, the entity's titles (which only grow) and the modifiers
            key = (start, tuple(known.titles) if known else (), mods)
            read = said_of.get(key)
            if read is None:
                said = r.ix.title_text(mention, known, start)
                read = said_of[key] = (said, _party_clash(mods, said) or state_clash(mods, said))
            if read[1]:
                continue
            said = read[0]
        else:
            said = ""
        subject = r.ix.is_subject(start, mention)
        reported = bool(subject) and got[4]
        # a person needs evidence: already known as one, a first name or honorific that
        # gives a gender, a personal title, or a full name in subject position; "North
        # Korea" and "Gold Star" have none
        # ("Hart's wife, Noor,": the tie makes her a person)
        if not (known or mention.gender or kin or got[5] or (subject and got[6]) or subject == 2):
            continue
        fits.append((start, mention, g, known, subject, said, reported))
    if gender and any(f[2] == gender for f in fits):
        # a first name given to both sexes, mostly to the other one ("Jordan" for "she"),
        # does not agree when someone known to be of the pronoun's sex does
        fits = [f for f in fits if f[2] or not _mostly_other_sex(r, f[1], gender)]
    best = best_subject = best_agree = None
    for start, mention, g, known, subject, said, reported in fits:
        best = (start, mention, known)
        if subject and not reported and not (best_subject is not None and subject == 1 and r.ix.opens(best_subject[0]) and
                            best_subject[1].gender and " " in best_subject[1].name and
                            not r.ix.opens(start) and r.ix.one_sentence(best_subject[0], start)):
            # "Council Speaker Ann Lee, ... and she does think Okafor is right": a later
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
        return (None, False) if sure_of else None
    start, mention, known = best
    if sure_of and unnamed[0] > start:
        return None, False
    e = r.named(mention, start) if known is None else known
    if not sure_of:
        return e
    return e, bool(gender) and (e.gender or mention.gender) == gender and not _rivals(fits, mention, pos)


def _candidate_facts(r: "Resolver", start: int, mention: Mention) -> tuple:
    """What the text around the candidate name at ``start`` says whatever is being resolved,
    read once per name (:func:`person_before` asks it of every name in a window of up to
    6000 characters at every pronoun and description; the candidates of a document are
    fixed, so the start is the key): ``(mention, find_gender, family, tie, after_speech,
    titled, several_words)``.  ``mention`` is the candidate with the sex its family gives
    it (:meth:`Cast.family_first`, a bare surname shared by two people named in full) or
    the full name it stands for gives it (:meth:`NameIndex.gendered`); ``find_gender`` the
    sex a title gives it to look its name up by; ``family`` the family's first person or
    None; ``tie`` the family tie before it (:func:`kin_surname`, else :func:`_pronoun_tie`);
    whether a speech verb's subject stands right before it (:data:`_REPORTED_SUBJECT`);
    whether a title of the mention is a personal title; whether the name has several words."""
    name = mention.name or ""  # (a candidate always has a name; "" keeps the type a str)
    titles = mention.titles
    find_gender = mention.gender if titles else None
    family = r.family_first(name, start) if " " not in name and not titles else None
    if family is not None:
        mention = attrs.evolve(mention, gender=family[1].gender)
    elif " " not in name and name in r.ix.surnames:
        # a bare surname is the full name's person even when it is also a first name
        # ("Benjamin" for Regina Benjamin is "she")
        mention = r.ix.gendered(start, mention)
    text = r.ix.text
    # (a full name after a tie takes its sex: "Kim Jong-un's sister, Kim Yo-jong," and "his
    # wife, Breshna Alawee," are women)
    return (mention, find_gender, family, kin_surname(text, start) or _pronoun_tie(text, start),
            _REPORTED_SUBJECT.search(text, max(0, start - 30), start) is not None,
            any(r.lex.title(w) for t in titles for w in t.split()), len(name.split()) > 1)


#: A name right after a speech verb and a name or pronoun ("Moffat said Capaldi had been
#: thought of"): the subject of the reported clause, not of the sentence; the one who said it
#: stays the subject a later "he said" goes back to.
_REPORTED_SUBJECT = regex.compile(r"(?:\p{Lu}[\p{L}'’-]+|\b(?:he|she))[ ](?:said|says|told[ ]\p{Ll}+|added|argued)"
                                  r"[ ](?:that[ ])?$")


def _mostly_other_sex(r: "Resolver", mention: Mention, gender: str) -> bool:
    """Whether the mention's first name is one of both sexes given mostly to the sex other
    than ``gender`` (the share of the US birth counts, ``data/names_gender.tsv``)."""
    words = (mention.name or "").split()
    share = r.lex.female_share.get(words[0]) if len(words) > 1 else None
    if share is None:
        return False
    return share < 50 if gender == "f" else share > 50


def person_after(r: "Resolver", pos: int, gender: Optional[str], head: Optional[str], window: int = 400):
    """The first person named in the ``window`` characters after ``pos`` whom the text gives
    a description's head noun (``The Greek prime minister has denounced ... Prime Minister
    George Papandreou vowed``: a lede that names the person in the sentence after), of the
    description's sex; else None.  Only when nobody before fits: the caller asks last."""
    if not head:
        return None
    for start, mention in r.ix.candidates(pos + 1, pos + window):
        if " " not in (mention.name or "") and not mention.titles:
            continue  # a full or titled name introduces the person ("Khan, a Muslim," is no one new)
        known = r._find_name(mention.name, None)
        if gender and (mention.gender or (known.gender if known else None)) not in (None, gender):
            continue
        if r.ix.fits(head, mention, known, start):
            return r.named(mention, start) if known is None else known
    return None


def salience(r: "Resolver", e, pos: int, window: int = 6000) -> int:
    """How often the text names person ``e`` in the ``window`` characters before ``pos``
    (the names outside quotes that can be that person): the person a story is about is
    named again and again, a passer-by once or twice."""
    name = e.name or ""
    return sum(1 for _, mention in r.ix.candidates(max(0, pos - window), pos) if same_person(mention.name, name))


def unnamed_description(r: "Resolver", m: Mention, pos: int, window: int = 2500) -> bool:
    """Whether a description with a party or age head (``the Democrat``) stands for someone
    the text does not name: a relative clause defines it (``the Democrat who is familiar
    with``), or an indefinite phrase with its head came before (``a senior Democrat said``)."""
    if _RELATIVE_WORD.search(m.text):
        return True
    head = regex.escape(m.head or "")
    found = regex.search(r"(?i)\b(?:a|an|one|another)[ \u00a0](?:[\p{L}-]++[ \u00a0]){0,3}?" + head + r"\b",
                         r.ix.text, pos=max(0, pos - window), endpos=pos)
    return found is not None


_RELATIVE_WORD = regex.compile(r"\b(?:who|whom|whose|that)\b")


def other_person_between(r: "Resolver", prefer, pos, gender, unnamed: int = -1) -> bool:
    """Whether another person of the same gender is named between the previous
    speaker's latest mention and ``pos`` (a signal that "he" may be someone else), or an
    unnamed one opens a sentence there (``unnamed``, :func:`unnamed_subject`)."""
    lo = prefer.last
    if pos - lo > 2500 or pos <= lo:
        return pos - lo > 2500
    if unnamed > lo:
        return True  # "However, one customer was sceptical. “...,” he said"
    for start, mention in r.ix.candidates(lo, pos):
        family = r.family_first(mention.name, start) if " " not in mention.name and not mention.titles else None
        if family is not None and not same_person(family[1].name, prefer.name or "") and \
                (not gender or family[1].gender in (None, gender)) and r.ix.is_subject(start, mention):
            return True  # "said Bill Hart ... Then Hart choked up": Hart is the son named first
        if same_person(mention.name, prefer.name or ""):
            continue
        if gender and mention.gender and mention.gender != gender:
            continue
        if not r.ix.is_subject(start, mention):
            continue  # a name inside another clause does not take over "he"
        if not mention.gender and " " not in mention.name and mention.name in r.ix.surnames:
            if gender and r.ix.surname_gender(mention.name, start) != gender:
                continue
        # (a title that gives a sex, "Mrs. Lee", rules out a Lee of the other sex)
        known = r._find_name(mention.name, mention.gender if mention.titles else None)
        if known is not None and known.kind == "person" or mention.gender or mention.titles or \
                len(mention.name.split()) > 1 or " " not in mention.name and mention.name in r.ix.surnames:
            # (a bare surname of a full name the text gave, as the subject: that person is back
            # on stage, even when the model has not met them as a speaker)
            return True
    return False


#: A sentence's opening determiner of an unnamed person ("One Mac customer", "A local
#: woman", "However, another shopper"); :func:`unnamed_subject` reads the words after it.
_UNNAMED_OPENER = regex.compile(r"(?:(?<=^|\n)|(?<=[.!?”\"’)][ ]{1,2}))"
                                r"(?:(?:However|But|And|Meanwhile|Still|Yet|Outside|Inside|Nearby),?[ ]"
                                r"(?:one|an|a|another)|One|An|A|Another)[ ]")
_WORD = regex.compile(r"[\p{L}\d'’-]+|[,;:()“”\"]")
_SENTENCE_END = regex.compile(r"[.!?][”\"’)]?(?:[ ]|\n)|\n")
#: Heads of such descriptions beyond titles and occupations ("customer", "woman").
_UNNAMED_HEADS = _tables.words("discourse_unnamed_heads.txt") | _tables.words("speakers_anonymous_heads.txt")
_NAMED_AFTER = regex.compile(r"(?:[ ](?:named|called)[ ]|,[ ]\p{Lu}\p{Ll}+[ ]\p{Lu})")
#: An object pronoun that points at a person other than the newcomer ("asked her to pose").
_OTHER_PERSON = {"m": regex.compile(r"\bhim\b"), "f": regex.compile(r"\bher(?=[ ](?:to|and|that|as|at|for)\b|[,.;])")}
_HEAD_GENDER = {"man": "m", "guy": "m", "boy": "m", "woman": "f", "lady": "f", "girl": "f"}


def unnamed_subject(r: "Resolver", pos: int, gender: Optional[str], near: int = 600) -> tuple:
    """``(start, end)`` of the description of the latest unnamed person who opens a sentence
    within ``near`` characters before ``pos`` ("However, one Mac customer from the show floor
    was sceptical."), or ``(-1, -1)``.
    A reporter brings in a person from the street so, and the "he said" after it is theirs,
    not the named speaker's before.  The description's head is a person noun of up to six
    words after "one", "a", "an" or "another" ("a 29-year-old local woman"), never followed
    by "of" ("one of the lawyers" is a part of a group the text may name).  The person must
    agree with ``gender`` when the head gives one ("woman"); a head that does not ("customer")
    only counts when its sentence ended before ``pos`` ("A member of the crew was hurt, he
    said" is the speaker's account, not the member's).  A description followed by a name
    ("a photographer named Jerry Tibbs", "a professor, Yanis Varoufakis,") is a named person,
    and one whose sentence names another person or points at one of ``gender`` ("asked her to
    pose") leaves that person on stage."""
    text = r.ix.text
    found = (-1, -1)
    for m in _UNNAMED_OPENER.finditer(text, max(0, pos - near), pos):
        g = head_gender = None
        n = 0
        for w in _WORD.finditer(text, m.end(), min(pos, m.end() + 80)):
            word = w.group()
            n += 1
            if n > 6 or not word[:1].isalnum() or word == "of":
                break
            if word[:1].islower() and (word in _UNNAMED_HEADS or person_noun(word)):
                title = lexicon().title(word)
                head_gender = _HEAD_GENDER.get(word) or (title[1] if title and title[1] in ("m", "f") else None)
                g = w
                break
        if g is None or text[g.end():g.end() + 3] == " of" or _NAMED_AFTER.match(text, g.end()):
            continue
        stop = _SENTENCE_END.search(text, g.end(), pos)
        end = stop.start() if stop else pos
        if gender and _OTHER_PERSON[gender].search(text, g.end(), end) or _person_named(r, g.end(), end, gender):
            continue  # "A reporter asked Sanders how he was feeling. He replied": Sanders
        if head_gender is not None:
            if gender and head_gender != gender:
                continue
        elif stop is None:
            continue
        found = (m.start(), g.end())
    return found


def _person_named(r: "Resolver", lo: int, hi: int, gender: Optional[str]) -> bool:
    """Whether a person the text knows, or a name of ``gender``, stands between ``lo`` and ``hi``
    (places and organisations do not count)."""
    for _, mention in r.ix.candidates(lo, hi):
        # (a title that gives a sex, "Mrs. Lee", rules out a Lee of the other sex)
        known = r._find_name(mention.name, mention.gender if mention.titles else None)
        if known is not None and known.kind == "person" and (not gender or known.gender in (None, gender)) \
                or gender and mention.gender == gender:
            return True
    return False


def first_name_full(r: "Resolver", name: str, pos: int) -> Optional[Mention]:
    """The one full name named before ``pos`` whose first name is the lone name ``name``, a
    first name hardly ever a surname (``"I was lost," Maria said`` after "Maria Lopez, a
    nurse,"): features and family stories call a person by the first name after the full
    one, or by its short form ("Bob" after "Robert Costa": ``data/names_nicknames.tsv``).
    None when two people named so far share that first name.  A name the first-name table
    does not hold as "hardly ever a surname" ("Giulia", "Paolo", "Tedros", "Lula": names from
    outside the US birth counts, or given first in other naming customs) counts too when no
    name of the document ends in it (:meth:`nameindex.NameIndex.only_first_name`) and the
    tables know it as no place or organisation."""
    if name not in r.lex.first_only and not (r.ix.only_first_name(name) and name not in r.lex.places and
                                             not r.lex.orgs.get(name)):
        return None
    found = None
    for _, full in r.ix.candidates(max(0, pos - 20000), pos):
        words = full.name.split()
        if len(words) > 1 and r.lex.same_first_name(words[0], name) and not full.titles:
            if found is not None and found.name != full.name:
                return None
            found = full
    return found


def misspelt_full(r: "Resolver", name: str, pos: int) -> Optional[Mention]:
    """The one full name named before ``pos`` whose surname is a single typo away from the
    bare surname ``name`` (sources misspell names: "McAlister" after "Joan McAllister"),
    when no other full name is that close: a short name alone rarely names a stranger."""
    if len(name) < 5 or not name.isalpha():
        return None
    found = None
    for _, full in r.ix.candidates(max(0, pos - 20000), pos):
        words = full.name.split()
        if len(words) > 1 and one_typo(words[-1], name) and words[-1] + "s" != name and name + "s" != words[-1]:
            # ("Schools" is the plural of "Intermediate School", no misspelling)
            if found is not None and found.name != full.name:
                return None  # two people fit: no guess
            found = full
    return found


def topic_person(r: "Resolver", pos: int, gender: Optional[str], mods: tuple = (), near: int = 400):
    """The person the text made the subject of a sentence within ``near`` characters before
    ``pos`` (the latest), who agrees with ``gender`` and whose titles name no other party or
    state than the description's ``mods``; else None.  News names the person a passage is
    about again by a description the text had not yet given them ("Rubio sought to stoke
    positive energy ... Walking into the office, the senator said"), so that person is who
    a description names, before someone a page earlier whom the text gave the word
    (:func:`head_far_from`)."""
    best = None
    for start, mention in r.ix.candidates(max(0, pos - near), pos):
        if not r.ix.is_subject(start, mention):
            continue
        known = r._find_name(mention.name, mention.gender if mention.titles else None)
        if known is not None and known.kind != "person":
            continue
        g = mention.gender or (known.gender if known else None)
        if gender and g and g != gender:
            continue
        if known is None and not (len(mention.name.split()) > 1 and (mention.gender or mention.titles)):
            continue  # (a person the model has met, or a full name that is a person's: not "United States")
        said = r.ix.title_text(mention, known, start)
        if mods and (_party_clash(mods, said) or state_clash(mods, said)):
            continue
        best = (start, mention, known)
    if best is None:
        return None
    start, mention, known = best
    return r.named(mention, start) if known is None else known


def head_far_from(r: "Resolver", e, pos: int, near: int = 600) -> bool:
    """Whether the text names person ``e`` nowhere in the ``near`` characters before ``pos``."""
    name = e.name or ""
    return not any(same_person(mention.name, name) for _, mention in r.ix.candidates(max(0, pos - near), pos))


def said_all(r: "Resolver", e, pos: int, mods: tuple, window: int = 6000) -> bool:
    """Whether the text gave person ``e`` every one of a description's capitalised
    ``mods`` ("Florida" of "the Florida senator") near a name of theirs in the ``window``
    before ``pos``: else the description adds what the text had not said, and naming them
    by it is a guess."""
    name = e.name or ""
    for start, mention in r.ix.candidates(max(0, pos - window), pos):
        if same_person(mention.name, name) and all(_has_word(r.ix.title_text(mention, e, start), w.lower())
                                                   for w in mods):
            return True
    return False


def head_fit_or_topic(r: "Resolver", e, pos: int, gender: Optional[str], mods: tuple, states: tuple):
    """``(entity, rule, sure)`` for a description whose head the text gave person ``e``: the
    subject of the sentences just before (:func:`topic_person`, rule ``description-topic``, a
    guess) when ``e`` is named nowhere in the 600 characters before it ("Rubio sought to stoke
    positive energy ... Walking into the office, the senator said", not Sanders a page back);
    else ``e`` (rule ``description-title``), a guess when the description names a US state
    (``states``) the text never gave ``e`` ("Sen. Tom Reed ... the Florida senator")."""
    if head_far_from(r, e, pos):
        topic = topic_person(r, pos, gender, mods)
        if topic is not None and topic is not e and topic.kind == "person":
            return topic, "description-topic", False
    return e, "description-title", not (states and not said_all(r, e, pos, states))


def newcomer(r: "Resolver", prefer, pos: int, gender: Optional[str], mods: tuple):
    """Whom a description the text never tied to a name stands for when someone else took the
    stage since the speaker before ``prefer``: the subject of the sentences just before ("Sen.
    Ann Lee on Wednesday also called ... “...,” the Vermont senator told") when the story names
    that person at least as often as ``prefer`` and did not give ``prefer`` the description's
    capitalised ``mods``; else the latest agreeing person when the story names them more often
    than ``prefer`` (the one the story is about); else ``prefer`` ("Harold Doley left the
    room" is a passer-by)."""
    topic = topic_person(r, pos, gender, mods)
    if topic is not None and topic is not prefer and topic.kind == "person" and \
            not (mods and said_all(r, prefer, pos, mods)) and salience(r, topic, pos) >= salience(r, prefer, pos):
        return topic
    other = person_before(r, pos, gender, mods=mods)
    if other is not None and other is not prefer and salience(r, other, pos) > salience(r, prefer, pos):
        return other
    return prefer
