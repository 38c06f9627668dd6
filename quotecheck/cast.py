"""Who is in a story: the entities a document's mentions join, in text order.

One job: a registry of the people, organisations, groups and documents a text names.  A
name mention joins the latest entity that can be it (:func:`names.same_person`; only
entities sharing its last name are compared, so a text of thousands of names stays linear)
or a new one; a fuller name upgrades a short one; a bare surname of a family, a first name
after a family tie or after the full name, and a one-word organisation name find the full
name the text gave (``antecedents.py``, ``issuers.py``).  Roles and documents the text does
not name are entities of their own (:meth:`Cast.unnamed`).  Which entity a pronoun or a
description stands for is the resolver's job (:class:`quotecheck.discourse.Resolver`, built
on this registry).
"""
from __future__ import annotations

import bisect

import typing
from typing import TYPE_CHECKING, Optional, Sequence

import attrs
import regex

from . import antecedents as _antecedents
from .antecedents import kin_surname
from . import issuers as _issuers
from .model import Span, Speaker
from .nameindex import NameIndex
from .mentions import Mention, _person_name, without_title_words
from .names import _name_key, same_person
from .speaker_lexicon import lexicon

if TYPE_CHECKING:
    from .discourse import Resolver


@attrs.define
class Entity:
    id: str
    name: Optional[str]
    kind: str
    titles: list
    gender: Optional[str]
    mentions: list
    last: int  # offset of the latest mention
    #: whether the latest mention was resolved surely (a name, a title the text gave the
    #: person); a guess is not continued as "the previous speaker"
    sure: bool = True
    #: whom a role speaks for ("Google" for "a Google spokesperson"), when the entity is one
    principal: Optional[str] = None


# A byline line, and a closing line about the writer ("Jane Doe is a playwright ...").
_AUTHOR_NAME = r"(\p{Lu}[\p{L}'’\-]++\.?(?: \p{Lu}[\p{L}'’\-]*+\.?){1,3}+)"
_BYLINE = regex.compile(r"(?m)^[ \t]*+By " + _AUTHOR_NAME + r"[ \t]*+$")
_BIO_LINE = regex.compile(r"[ \t—–-]*+" + _AUTHOR_NAME + r",? (?:is|was|writes|teaches|lives) ")


#: How many entities sharing one last name a name lookup compares, the most recently created
#: ones: more than news names (a family, a few unrelated Smiths), few enough that a text of
#: thousands of namesakes stays linear (64 still grew x20 over 8x the text: the name-word
#: memo of :mod:`names` thrashed).
SAME_KEY_SCAN = 16

#: Entity kinds an unresolved ``they``/``it`` may take the latest of (:meth:`Cast._latest`).
LATEST_KINDS = ("organisation", "group")
#: How many organisations and groups, the most recently mentioned, :meth:`Cast._latest`
#: compares: the latest one is among them unless dozens were mentioned out of text order,
#: and a text naming thousands of organisations stays linear (comparing all of them for
#: each pronoun grew with the square of the text).
LATEST_SCAN = 32


class Cast:
    """The entities of one document, made and merged from its mentions in text order."""

    def __init__(self, text: str, skip=()):
        self.ix = NameIndex(text, skip)
        self.entities: list = []
        self.lex = lexicon()
        self._cache: dict = {}
        self._by_key: dict = {}  # last name word -> entities (see _name_key)
        self._first_named: dict = {}  # entity id -> the first name it is filed under
        self._roles: dict = {}  # "Google spokesperson" -> its entity
        self._recent: dict = {}  # organisations and groups, least recently mentioned first
        self._family_other: dict = {}  # surname -> where a second person of it is first named in full

    def _resolver(self) -> "Resolver":
        """This registry as the :class:`~quotecheck.discourse.Resolver` it is at run time:
        the readers of ``antecedents.py`` and ``issuers.py`` that find a full name for a
        short one may resolve a pronoun on the way (whose family tie is ``his wife, Jane``)."""
        return typing.cast("Resolver", self)

    # - entities -
    def _new(self, name, kind, titles, gender, pos, key: Optional[str] = None) -> Entity:
        """A new entity, filed under its last name, or under ``key`` (a first name its full
        name was built from: :meth:`_find_name` then finds it by that first name alone)."""
        e = Entity(f"S{len(self.entities) + 1}", name, kind, list(titles), gender, [], pos)
        self._add(e)
        if key:
            self._by_key.setdefault(_name_key(key), []).append(e)
            self._first_named[e.id] = key
        elif name:
            self._by_key.setdefault(_name_key(name), []).append(e)
        return e

    def _find_name(self, name: str, gender: Optional[str]) -> Optional[Entity]:
        """The latest entity that can be ``name``.  Only entities sharing its last name can
        (:func:`same_person`), so they are looked up by it: an article naming thousands of
        people stays linear.  Of the people sharing one last name only the
        :data:`SAME_KEY_SCAN` named most recently are compared: news names a handful of
        Smiths, while a text naming thousands made each lookup scan them all (quadratic)."""
        best = None
        for e in self._by_key.get(_name_key(name), ())[-SAME_KEY_SCAN:]:
            if e.name and (same_person(e.name, name) or self._first_named.get(e.id) == name) and \
                    (not gender or not e.gender or gender == e.gender):
                if best is None or e.last > best.last:
                    best = e
        return best

    def _author(self) -> Optional[Entity]:
        """The writer of a first-person piece, as essays and op-eds name them: a byline
        ("By Jane Doe") opening the text or a closing line about them ("Jane Doe is a
        playwright ..."); None when neither is there."""
        key = "author"
        if key not in self._cache:
            found = None
            text = self.ix.text
            tail = text.rstrip()
            last = tail[tail.rfind("\n") + 1:]
            m = _BYLINE.search(text, 0, min(len(text), 400)) or (
                _BIO_LINE.match(last) if len(last) < 500 else None)
            if m:
                person = _person_name(m.group(1))
                pname = (person.name or "") if person is not None else ""
                if person is not None and " " in pname:
                    found = self._find_name(pname, None) or self._new(
                        pname, "person", (), person.gender, 0)
            self._cache[key] = found
        return self._cache[key]

    def named(self, m: Mention, pos: int) -> Entity:
        """The entity for a name mention, created or merged."""
        m = without_title_words(m)
        mname: str = m.name or ""  # (a name mention always has its name)
        if m.gender and not m.titles and " " not in mname and not self._first_name(mname, m):
            # a name of one word is most often a surname (news gives the full name once, then
            # the last): the first-name table's gender of "Hart" or "Carson" says nothing of
            # the person named "Linda Hart" before
            m = attrs.evolve(m, gender=None)
        e = self._find_name(mname, m.gender)
        if m.entity == "person" and " " not in mname and not m.titles:
            e = self._family_surname(mname, pos, e)
        if e is None:
            e = _issuers.acronym(self._resolver(), m, pos)
        if e is None:
            name, titles, gender, entity = mname, m.titles, m.gender, m.entity
            if (m.entity == "person" or name in self.lex.places or self.lex.orgs.get(name) == "organisation") and \
                    len(name.split()) == 1:
                # "Putin said" after "Russian President Vladimir Putin spoke": the full name
                # (a place is a person's surname after "Rep. Tom Jordan" was named)
                for _, full in self.ix.candidates(max(0, pos - 20000), pos):
                    if len(full.name.split()) > 1 and same_person(full.name, name) and \
                            (not gender or not full.gender or gender == full.gender):
                        full = without_title_words(full)  # ("Comedian Ellen DeGeneres")
                        name, titles = full.name or "", tuple(full.titles) + tuple(titles)
                        gender, entity = gender or full.gender, "person"
                if name == mname and name in self.ix.surnames and m.entity == "person":
                    k, full = self.ix.surname_full(name, pos)
                    if k < pos and self.ix.in_headline(k) and (not gender or not full.gender or gender == full.gender):
                        # the full name only a headline gave ("Hugh Jackman to host ..." / "Jackman said")
                        name, titles = full.name or "", tuple(full.titles) + tuple(titles)
                        gender = gender or full.gender
                if name == mname:
                    misspelt = _antecedents.misspelt_full(self._resolver(), name, pos)
                    if misspelt is not None:
                        e = self._find_name(misspelt.name or "", misspelt.gender)
                        if e is not None:
                            self._touch(e, pos)
                            return e
                        name, titles = misspelt.name or "", tuple(misspelt.titles) + tuple(titles)
                        gender = gender or misspelt.gender
            if name == mname and m.entity == "person" and " " not in name:
                # (the name ends the phrase when the tie is read with it: "Ms. Davis's sister Crystal")
                at = next((k for k in (m.start, pos, m.end - len(mname)) if self.ix.text.startswith(mname, k)), -1)
                kin = kin_surname(self.ix.text, at) or _antecedents.kin_of_pronoun(self._resolver(), at)
                if kin is None and not titles and (name in self.lex.first_only or name not in self.ix.surnames and
                                                   self._find_name(name, None) is None):
                    # (a name the first-name table does not hold, "Bilal", is a first name too
                    # when a family tie gave it and no full name of the text ends in it)
                    # "Jane said" after "Sanders ... his wife, Jane,": the relative the tie named
                    k = self._kin_named(name, pos)
                    kin = (kin_surname(self.ix.text, k) or _antecedents.kin_of_pronoun(self._resolver(), k)) if k >= 0 else None
                if kin is not None:
                    # "Clinton's husband, Bill, said": Bill Clinton (his sex from the tie); filed
                    # under "Bill", not "Clinton": a later bare "Clinton" is still the person
                    # the text names by that surname
                    e = self._find_name(f"{name} {kin[0]}", gender or kin[1])
                    if e is None or " " not in (e.name or ""):
                        # (the person named in full already, "Donald J. Trump" for "his little
                        # brother Donald"; never a bare "Clinton" for "Clinton's husband, Bill")
                        e = self._new(f"{name} {kin[0]}", entity, titles, gender or kin[1], pos, key=mname)
                    self._touch(e, pos)
                    return e
            if name == mname and m.entity == "person" and " " not in name and not titles:
                full = _antecedents.first_name_full(self._resolver(), name, pos)
                if full is not None:
                    # "Maria said" after "Maria Lopez, a nurse,": the person named in full
                    e = self._find_name(full.name or "", full.gender)
                    family = self.family_first((full.name or "").split()[-1], pos) is not None
                    if e is not None:
                        if not family:
                            # (a first name that tells a relative apart, "Freddy" among the
                            # Trumps, does not make him the latest a later "Mr. Trump" is)
                            self._touch(e, pos)
                        return e
                    if not family:
                        name, gender = full.name or "", gender or full.gender
            if name == mname and " " not in name and not gender and not titles:
                full_org = _issuers.organisation_full(self._resolver(), name, pos)
                if full_org is not None:
                    # "In a statement, Acme said" after "the steel maker Acme Metals"
                    e = self._find_name(full_org, None) or self._new(full_org, "organisation", (), None, pos)
                    self._touch(e, pos)
                    return e
            e = self._new(name, entity, titles, gender, pos)
        else:
            if len(mname.split()) > len((e.name or "").split()):
                e.name = m.name  # a fuller name upgrades a short one
            e.titles.extend(t for t in m.titles if t not in e.titles)
            e.gender = e.gender or m.gender
        self._touch(e, pos)
        return e

    def _kin_named(self, name: str, pos: int) -> int:
        """Where the text last named ``name``, one word, right after a family tie before
        ``pos`` ("his wife, Jane,"; "Davis's sister Crystal"), else -1.  The names after a
        tie are found in one pass over the document's names, the first time one is asked."""
        ties = self._cache.get("kin-names")
        if ties is None:
            ties = {}
            text = self.ix.text
            for start, mention in self.ix.all_candidates():
                if " " not in (mention.name or "") and _antecedents.after_kin_tie(text, start):
                    ties.setdefault(mention.name, []).append(start)
            self._cache["kin-names"] = ties
        starts = ties.get(name)
        if not starts:
            return -1
        i = bisect.bisect_left(starts, pos) - 1
        return starts[i] if i >= 0 else -1

    def _first_name(self, word: str, m: Mention) -> bool:
        """Whether the one-word name ``word`` can only be a person's first name, so that the
        first-name table's sex is the person's: a first name hardly ever a surname
        (``data/names_first_only.txt``: "Mary", not "Clinton" or "Grant"), no name of the
        document ends in it and the tables know it as no place or organisation ("Maria, a
        nurse, said"; a child or a victim the story names by the first name alone)."""
        return m.entity == "person" and word in self.lex.first_only and word not in self.lex.places and \
            word not in self.lex.orgs and self.ix.only_first_name(word)

    def _family_surname(self, surname: str, pos: int, e: Optional[Entity]) -> Optional[Entity]:
        """The person a bare surname at ``pos`` stands for when the text named two or more
        people with it in full ("Tyler Hansbrough" ... "said Gene Hansbrough, who surprised his
        son"): news calls the person the story is about, named first, by the surname alone,
        and a relative by the full name each time.  So the surname is the first person the
        text named with it, not the entity ``e`` found by name (the latest mentioned), which
        is kept when fewer than two were named before ``pos``.  (Train-640 doc 392, ECB+
        31_12ecb, 31_3ecbplus, 36_2ecbplus: the wife, son, player and sect leader the story
        is about, named before a husband, father or nephew.)"""
        found = self.family_first(surname, pos)
        if found is None:
            return e  # one person of that surname named so far
        k, first = found
        if e is not None and same_person(e.name or "", first.name or ""):
            return e
        return self._find_name(first.name or "", first.gender) or self.named(first, k)

    def family_first(self, surname: str, pos: int) -> Optional[tuple]:
        """``(start, Mention)`` of the first person the text named in full with ``surname``
        when another person of that surname was named in full before ``pos`` too, else None
        (:meth:`_family_surname`)."""
        found = self.ix.people_surnames().get(surname)
        if found is None:
            return None
        starts, fulls = found
        first = fulls[0]
        # (where the first full name of another person with the surname stands, found once
        # per surname: scanning the full names at every bare surname was quadratic in a text
        # that names one person in full thousands of times)
        other = self._family_other.get(surname, -1)
        if other == -1:
            other = next((k for f, k in zip(fulls, starts) if not same_person(f.name, first.name or "")), None)
            self._family_other[surname] = other
        if starts[0] >= pos or other is None or other >= pos:
            return None
        return starts[0], first

    def _add(self, e: Entity) -> None:
        self.entities.append(e)
        if e.kind in LATEST_KINDS:
            self._recent[e.id] = e

    def _touch(self, e: Entity, pos: int) -> None:
        """``e`` is mentioned at ``pos``: its latest mention moves there if later."""
        if pos > e.last:
            e.last = pos
            if e.kind in LATEST_KINDS:
                del self._recent[e.id]  # (re-inserted last: the dict is in order of mention)
                self._recent[e.id] = e

    def _latest(self, pos: int) -> Optional[Entity]:
        """The organisation or group mentioned latest at or before ``pos`` (the earliest
        made of equals), among the :data:`LATEST_SCAN` most recently mentioned."""
        best: Optional[Entity] = None
        for n, e in enumerate(reversed(self._recent.values())):
            if n >= LATEST_SCAN:
                break
            if e.last <= pos and (best is None or e.last > best.last or
                                  e.last == best.last and int(e.id[1:]) < int(best.id[1:])):
                best = e
        return best

    def unnamed(self, name: str, kind: str, pos: int, titles: Sequence = (), gender: Optional[str] = None,
                principal: Optional[str] = None) -> Entity:
        """The one entity of a role or document the text does not name ("Google spokesperson",
        "letter"), made the first time.  Not indexed by name: "Jane Doe aide" is nobody that
        "Doe" stands for."""
        e = self._roles.get((kind, name))
        if e is None:
            e = self._roles[(kind, name)] = Entity(f"S{len(self.entities) + 1}", name, kind, list(titles), gender,
                                                   [], pos, principal=principal)
            self._add(e)
        return e

    def speakers(self) -> tuple:
        """The :class:`Speaker` records, in order of their ids."""
        return tuple(Speaker(e.id, e.name or "", e.kind, tuple(e.titles), tuple(e.mentions), e.gender,
                             e.principal)
                     for e in self.entities if e.mentions)

    def add_mention(self, e: Entity, m: Mention) -> None:
        """Add ``m`` to ``e``'s mentions.  A pronoun resolved through the phrase it stands for
        adds that phrase again (``The X Corporation ... “...,” it said``): the same span is
        one :class:`Span` record, shared (a record each was about 100 bytes, with its offsets,
        per repeat; issue 14)."""
        ms = e.mentions
        if ms and ms[-1].start == m.start and ms[-1].end == m.end:
            ms.append(ms[-1])
        else:
            ms.append(Span(m.start, m.end, m.text))
