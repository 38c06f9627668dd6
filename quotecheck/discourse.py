"""The discourse model: every mention of a document joins an entity, in text order.

Names are matched by :func:`speakers.same_person` (the latest compatible entity wins, and a
fuller name upgrades it); pronouns and descriptions go to a person named before them, which is
looked for in the text itself (:class:`nameindex.NameIndex`), so ``Sanders ... "...," he said``
finds Sanders even before he has spoken.  Organisations and documents are read by
``issuers.py``.
"""
from __future__ import annotations

from typing import NamedTuple, Optional

import attrs
import regex

from . import issuers as _issuers
from . import lexicon as _tables
from .model import Span, Speaker
from .nameindex import NameIndex
from .issuers import _DOCUMENT_KINDS
from .speakers import (_OWNED, Mention, _group_organisation, _has_word, _modifiers, _name_key, _organisation_name,
                       _party_clash, _person_name, _possessor, _role_preposition, lexicon, one_typo, read_mention,
                       same_person, tokens)

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


class Resolution(NamedTuple):
    """How a mention was resolved: its entity (or None), the rule, and whether the model is
    sure (a name, or a pronoun or description with one clear antecedent)."""
    entity: Optional[Entity]
    rule: str
    sure: bool


#: Heads of descriptions of people the article does not name ("her spokesman").
_ANONYMOUS_HEADS = _tables.words("speakers_anonymous_heads.txt")


#: Heads that name someone by their tie to another person ("her daughter", "his lawyer").
_RELATION_HEADS = _tables.words("speakers_relation_heads.txt")


# A byline line, and a closing line about the writer ("Jane Doe is a playwright ...").
_AUTHOR_NAME = r"(\p{Lu}[\p{L}'’\-]++\.?(?: \p{Lu}[\p{L}'’\-]*+\.?){1,3}+)"
_BYLINE = regex.compile(r"(?m)^[ \t]*+By " + _AUTHOR_NAME + r"[ \t]*+$")
_BIO_LINE = regex.compile(r"[ \t—–-]*+" + _AUTHOR_NAME + r",? (?:is|was|writes|teaches|lives) ")


#: Roles that speak for a principal ("a spokesman for ...", "an aide to ..."); a "source close
#: to" or a "person familiar with" someone does not speak for them.
_SPEAKS_FOR = _ANONYMOUS_HEADS - {"source", "person", "insider"}
#: The sex a role word says ("spokeswoman").
_ROLE_GENDER = {"spokesman": "m", "spokeswoman": "f"}


def _principal(m: Mention) -> Optional[Mention]:
    """The principal a role phrase names, as a mention: after its preposition ("an aide to
    Pelosi", "a spokesman for the mayor"), as a possessor ("Grayson's spokeswoman") or as
    capitalised words before the role ("a Google spokesperson", "a White House aide"); None
    for a pronoun possessor or no principal.

    >>> _principal(Mention(0, 23, "a spokesman for the mayor", "anonymous", head="spokesman")).text
    'the mayor'
    >>> _principal(Mention(0, 22, "a Google spokesperson", "anonymous", head="spokesperson")).name
    'Google'
    >>> _principal(Mention(0, 16, "her spokeswoman", "description", head="spokeswoman")) is None
    True
    """
    toks = tokens(m.text)
    j = _role_preposition(toks)
    if j:
        rest = toks[j + 1:]
        k = next((n for n, t in enumerate(rest) if t.text in (",", "who", "that", "which", "(")), len(rest))
        pm = read_mention(m.text, rest[:k]) if k else None
        if pm is None or pm.kind == "pronoun" or pm.entity == "group":
            return None
        return attrs.evolve(pm, start=pm.start + m.start, end=pm.end + m.start)
    owner = _possessor(m)
    if owner:
        return read_mention(owner, tokens(owner))
    if owner == "":
        return None
    heads = [n for n, t in enumerate(toks) if t.text.lower() == m.head]
    caps = [t for t in toks[:heads[-1]] if t.cap and t.word] if heads else []
    caps = [t for t in caps if t.text not in ("The", "A", "An")]
    if not caps:
        return None
    run = m.text[caps[0].start:caps[-1].end]
    pm = _organisation_name(run) or read_mention(run, tokens(run))
    if pm is None or pm.kind != "name":
        return None
    return attrs.evolve(pm, start=m.start + caps[0].start, end=m.start + caps[-1].end)


def _rivals(fits: list, chosen: Mention, pos: int, near: int = 1500) -> bool:
    """Whether another person than ``chosen`` among the agreeing candidates ``fits``
    (``(start, mention, ...)``) was named within ``near`` characters before ``pos``: then a
    pronoun could be either, and its resolution is a guess.

    >>> a, b = Mention(0, 8, "Jane Doe", "name", name="Jane Doe"), Mention(20, 28, "Ann Roe", "name", name="Ann Roe")
    >>> _rivals([(0, a, "f")], a, 100), _rivals([(0, a, "f"), (20, b, "f")], a, 100)
    (False, True)
    """
    return any(f[0] >= pos - near and not same_person(f[1].name, chosen.name) for f in fits)


class Resolver:
    """Resolves the mentions of one document to speakers, in text order.

    Names are matched by :func:`same_person` (the latest compatible entity wins, and a
    fuller name upgrades it); pronouns and descriptions go to the latest compatible
    person named before them, which is looked for in the text itself (so ``Sanders ...
    “...,” he said`` finds Sanders even before he has spoken).
    """

    def __init__(self, text: str, skip: tuple = ()):
        self.ix = NameIndex(text, skip)
        self.entities: list = []
        self.lex = lexicon()
        self._cache: dict = {}
        self._by_key: dict = {}  # last name word -> entities (see _name_key)
        self._roles: dict = {}  # "Google spokesperson" -> its entity

    # - entities -
    def _new(self, name, kind, titles, gender, pos) -> Entity:
        e = Entity(f"S{len(self.entities) + 1}", name, kind, list(titles), gender, [], pos)
        self.entities.append(e)
        if name:
            self._by_key.setdefault(_name_key(name), []).append(e)
        return e

    def _find_name(self, name: str, gender: Optional[str]) -> Optional[Entity]:
        """The latest entity that can be ``name``.  Only entities sharing its last name can
        (:func:`same_person`), so they are looked up by it: an article naming thousands of
        people stays linear."""
        best = None
        for e in self._by_key.get(_name_key(name), ()):
            if e.name and same_person(e.name, name) and (not gender or not e.gender or gender == e.gender):
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
                if person is not None and " " in person.name:
                    found = self._find_name(person.name, None) or self._new(
                        person.name, "person", (), person.gender, 0)
            self._cache[key] = found
        return self._cache[key]

    def named(self, m: Mention, pos: int) -> Entity:
        """The entity for a name mention, created or merged."""
        m = self._without_title_words(m)
        if m.gender and not m.titles and " " not in m.name:
            # a name of one word is most often a surname (news gives the full name once, then
            # the last): the first-name table's gender of "Hart" or "Carson" says nothing of
            # the person named "Linda Hart" before
            m = attrs.evolve(m, gender=None)
        e = self._find_name(m.name, m.gender)
        if e is None:
            e = _issuers.acronym(self, m, pos)
        if e is None:
            name, titles, gender, entity = m.name, m.titles, m.gender, m.entity
            if (m.entity == "person" or name in self.lex.places or self.lex.orgs.get(name) == "organisation") and \
                    len(name.split()) == 1:
                # "Putin said" after "Russian President Vladimir Putin spoke": the full name
                # (a place is a person's surname after "Rep. Jim Jordan" was named)
                for _, full in self.ix.candidates(max(0, pos - 20000), pos):
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
                full_org = _issuers.organisation_full(self, name, pos)
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

    def _misspelt_full(self, name: str, pos: int) -> Optional[Mention]:
        """The one full name named before ``pos`` whose surname is a single typo away from the
        bare surname ``name`` (sources misspell names: "McLenney" after "Tyresha McClenney"),
        when no other full name is that close: a short name alone rarely names a stranger."""
        if len(name) < 5 or not name.isalpha():
            return None
        found = None
        for _, full in self.ix.candidates(max(0, pos - 20000), pos):
            words = full.name.split()
            if len(words) > 1 and one_typo(words[-1], name) and words[-1] + "s" != name and name + "s" != words[-1]:
                # ("Schools" is the plural of "Intermediate School", no misspelling)
                if found is not None and found.name != full.name:
                    return None  # two people fit: no guess
                found = full
        return found

    def _person_before(self, pos: int, gender: Optional[str], head: Optional[str] = None,
                       window: int = 2500, mods: tuple = (), sure_of: bool = False):
        """The latest person named before ``pos`` who fits ``gender`` (and ``head``, a
        description's noun, when the text gives it to a name).  ``mods`` are the
        description's capitalised modifiers ("Republican", "California"): a person whose
        titles name another party is never taken, and one whose titles hold them all is
        taken first.  With ``sure_of``, ``(entity, sure)``: sure when no other person who
        agrees as well was named near it (:meth:`_rivals`)."""
        fits = []  # (start, mention, gender, known, subject, said) of every person who agrees
        for start, mention in self.ix.candidates(max(0, pos - window), pos):
            known = self._find_name(mention.name, None)
            if " " not in mention.name and mention.name in self.ix.surnames:
                # a bare surname is the full name's person even when it is also a first name
                # ("Benjamin" for Regina Benjamin is "she")
                mention = self.ix.gendered(start, mention)
            g = mention.gender or (known.gender if known else None)
            if gender and g and g != gender:
                continue
            subject = self.ix.is_subject(start, mention)
            # a person needs evidence: already known as one, a first name or honorific that
            # gives a gender, a personal title, or a full name in subject position; "North
            # Korea" and "Gold Star" have none
            if not (known or mention.gender or any(self.lex.title(w) for t in mention.titles for w in t.split())
                    or (subject and len(mention.name.split()) > 1) or subject == 2):
                continue
            if known and known.kind != "person":
                continue
            said = self.ix.title_text(mention, known, start) if mods else ""
            if mods and _party_clash(mods, said):
                continue
            if head and not self.ix.fits(head, mention, known, start):
                continue
            fits.append((start, mention, g, known, subject, said))
        best = best_subject = best_agree = None
        for start, mention, g, known, subject, said in fits:
            best = (start, mention, known)
            if subject and not (best_subject is not None and subject == 1 and self.ix.opens(best_subject[0]) and
                                best_subject[1].gender and " " in best_subject[1].name and
                                not self.ix.opens(start) and self.ix.one_sentence(best_subject[0], start)):
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
            return (None, False) if sure_of else None
        start, mention, known = best
        e = self.named(mention, start) if known is None else known
        if not sure_of:
            return e
        return e, bool(gender) and (e.gender or mention.gender) == gender and not _rivals(fits, mention, pos)

    def _latest(self, pos, kinds) -> Optional[Entity]:
        cands = [e for e in self.entities if e.kind in kinds and e.last <= pos]
        return max(cands, key=lambda e: e.last) if cands else None

    def resolve(self, m: Mention, pos: Optional[int] = None, prefer: Optional[Entity] = None):
        """``(entity or None, rule)`` for a mention at ``pos``; ``prefer`` is the speaker of
        the quote before (a pronoun that fits it is taken to continue it)."""
        return self.resolution(m, pos, prefer)[:2]

    def resolution(self, m: Mention, pos: Optional[int] = None, prefer: Optional[Entity] = None) -> Resolution:
        """The :class:`Resolution` of a mention at ``pos``: its entity, the rule, and whether
        the model is sure of it.  ``prefer`` is the speaker of the quote before; it is only
        continued when it was itself resolved surely, so one guess never becomes the
        antecedent of every later "he said"."""
        pos = m.start if pos is None else pos
        if prefer is not None and not prefer.sure:
            prefer = None
        if m.entity == "group" and (m.kind == "group" or m.kind == "name" and " " not in m.name):
            org = _group_organisation(m.text)
            if org is not None:
                # "Officials at Homeland Security Investigations said": the organisation speaks
                return self._took(self.named(org, pos), "group-organisation", True, pos)
        if m.kind == "name":
            if pos < self.ix.headline_block() and " " not in m.name and not m.gender and not m.titles and \
                    self._find_name(m.name, None) is None:
                return Resolution(None, "headline-word", False)  # "Talk compared to ...": a headline's first word
            return self._took(self.named(m, pos), "name", True, pos)
        if m.kind == "pronoun":
            return self._pronoun(m, pos, prefer)
        if m.kind == "description" and m.head in _DOCUMENT_KINDS:
            e = _issuers.document_author(self, max(pos, m.end), m.head)
            if e is not None:
                return self._took(e, "document-author", True, pos)
            if m.text[:4].lower() == "the " and " " not in m.text[4:].strip():
                # "the letter said" with no issuer named: the document speaks
                return self._took(self._document(m.head, pos), "document", True, pos)
        if m.kind == "description" and m.entity == "person":
            return self._description(m, pos, prefer)
        if m.kind == "description" and m.entity == "organisation":
            return self._organisation_description(m, pos)
        if m.kind == "anonymous" and m.entity == "person" and m.head in _SPEAKS_FOR:
            return self._role(m, pos) or Resolution(None, "anonymous", False)
        return Resolution(None, m.kind, False)

    def _took(self, e: Optional[Entity], rule: str, sure: bool, pos: int) -> Resolution:
        """The resolution of a mention at ``pos`` to ``e``, which becomes the entity's latest
        mention and says whether it was resolved surely."""
        if e is not None:
            e.last = max(e.last, pos)
            e.sure = sure
        return Resolution(e, rule, sure)

    def _pronoun(self, m: Mention, pos: int, prefer: Optional[Entity]) -> Resolution:
        """A pronoun: the writer for "I", the previous speaker when nobody else of that
        gender took the stage since, else the most salient agreeing person before it."""
        if m.head == "i":
            e = self._author()
            if e is not None:
                # "I grew up in a survivalist household": outside quotes, the writer
                return self._took(e, "pronoun-author", True, pos)
            # outside quotations "I" is the writer, whom no byline names here: nobody
            # else in the story ("Clearly, I expect a flurry of comments" after a quote)
            return Resolution(None, "pronoun-writer", False)
        if m.entity == "person":
            if prefer is not None and prefer is self._cache.get("author"):
                prefer = None  # the writer is "I", never "he" or "she"
            if prefer is not None and prefer.principal and prefer.gender != m.gender:
                prefer = None  # "Reid's rep told Us" ... "she said": the rep's sex is not known
            if prefer is not None and prefer.kind == "person" and (not prefer.gender or prefer.gender == m.gender) \
                    and not self._other_person_between(prefer, pos, m.gender):
                prefer.gender = prefer.gender or m.gender  # only a sure reading teaches gender
                return self._took(prefer, "pronoun-previous-speaker", True, pos)
            e, sure = self._person_before(pos, m.gender, sure_of=True)
            return self._took(e, "pronoun-latest-person", sure, pos)
        if m.head in ("we", "i"):
            return Resolution(prefer, "pronoun-first-person", False)
        if m.head == "it":
            found = _issuers.document_subject(self, pos)
            if found is not None:
                # "The report, issued by the IMF, warns ... “...,” it said": the document, and
                # through it its issuer
                head, end = found
                e = _issuers.document_author(self, end, head) or self._document(head, pos)
                return self._took(e, "pronoun-document", False, pos)
        e = self._latest(pos, ("organisation", "group"))
        if e is None and m.head == "it":  # ("they" is as often people)
            e = _issuers.organisation_before(self, pos)
            if e is not None:
                return self._took(e, "pronoun-organisation-subject", False, pos)
        return Resolution(e, "pronoun-latest-organisation", False)

    def _description(self, m: Mention, pos: int, prefer: Optional[Entity]) -> Resolution:
        """A description of a person: the person the text gave its head noun ("the senator"
        after "Sen. Jane Doe"), else a guess at the speaker before or the latest person."""
        if m.head in _ANONYMOUS_HEADS:
            if m.text[:4].lower() == "the " and m.head in _SPEAKS_FOR:
                # "the UNRWA official" after "John Ging, the UNRWA official,": the person the text
                # gave the role to
                e = self._person_before(pos, m.gender, m.head)
                if e is not None:
                    return self._took(e, "description-title", True, pos)
            return (self._role(m, pos) if m.head in _SPEAKS_FOR else None) or Resolution(None, "anonymous", False)
        mods = _modifiers(m)
        e = self._person_before(pos, m.gender, m.head, window=6000 if mods else 2500, mods=mods)
        rule, sure = "description-title", True
        if e is None:
            # "the chairman of Acme Corp" whom the text never named: the role, not Acme, nor a
            # guess at the latest person
            role = self._role(m, pos) if _role_preposition(tokens(m.text)) else None
            if role is not None:
                return role
        owner = _possessor(m) if e is None and m.head in self.lex.titles else None
        if owner == "" and m.head in _RELATION_HEADS:
            # "her daughter", "the victim's nephew": someone defined by another person, and
            # the person last named is most often that other one
            return Resolution(None, "description-possessed", False)
        if e is None and m.head in self.lex.titles:
            # "the New York businessman": the text never ties the words to a name; the
            # speaker before, else the latest person, is the likeliest referent (never
            # one the article gives another party)
            if prefer is not None and prefer.kind == "person" and not _party_clash(
                    mods, " ".join(prefer.titles).lower()):
                e = prefer
            else:
                e = self._person_before(pos, m.gender, mods=mods)
            rule, sure = "description-latest-person", False
            if e is not None and owner and same_person(owner, e.name):
                return Resolution(None, "description-possessed", False)  # "Lohan's attorney" is not Lohan
        if e is not None and e is self._cache.get("author") and m.text.lower().startswith(("my ", "our ")):
            e = None  # "my father" is someone the writer names, never the writer
        if e is not None:
            e.titles.extend([m.text] if m.text not in e.titles else [])
        return self._took(e, rule, sure, pos)

    def _role(self, m: Mention, pos: int) -> Optional[Resolution]:
        """Someone named by a role and its principal ("a Google spokesperson", "an aide to
        Pelosi", "a spokesman for the mayor", "Grayson's spokeswoman"): an entity named
        ``"<principal> <role>"`` (rule ``role``); None when the phrase names no principal ("a
        source", "her spokesman").  Never sure: the person is not named, and another outlet
        may name them (the cross-source check should not set a role against a name)."""
        pm = _principal(m)
        if pm is None:
            return None
        if pm.kind == "name":
            principal = self.named(pm, pos).name
        else:
            got = self._description(pm, pos, None) if pm.entity == "person" else \
                self._organisation_description(pm, pos)
            principal = got.entity.name if got.entity is not None and got.sure else \
                " ".join(w for w in pm.text.split() if w.lower() not in ("the", "a", "an"))
        if not principal:
            return None
        name = f"{principal} {m.head}"
        e = self._roles.get(name)
        if e is None:
            # (not indexed by name: "Jane Doe aide" is nobody "Doe" stands for)
            e = self._roles[name] = Entity(f"S{len(self.entities) + 1}", name, "person", [m.text],
                                           _ROLE_GENDER.get(m.head), [], pos, principal=principal)
            self.entities.append(e)
        return self._took(e, "role", False, pos)

    def _document(self, head: str, pos: int) -> Entity:
        """The entity of a document whose issuer the text does not name ("the law"), one per
        kind of document (the latest letter is "the letter")."""
        e = self._roles.get(("document", head))
        if e is None:
            e = self._roles[("document", head)] = Entity(f"S{len(self.entities) + 1}", head, "document", [], None,
                                                          [], pos)
            self.entities.append(e)
        return e

    def _organisation_description(self, m: Mention, pos: int) -> Resolution:
        """"the commission" after "the Commission on Presidential Debates": the latest
        organisation whose name holds the head noun; else the organisation the story is
        about, for a definite description; else nobody is named."""
        e = _issuers.organisation_named(self, pos, m.head)
        if e is not None:
            return self._took(e, "organisation-description-name", True, pos)
        # only "the union", "the agency": not a campaign or office, which belong to a person,
        # nor a phrase with a name of its own
        definite = m.text[:4].lower() == "the " and not any(w[:1].isupper() for w in m.text[4:].split()) \
            and m.head not in _OWNED
        e = _issuers.organisation_before(self, pos, kind=m.head) if definite else None
        if e is not None:
            # "A union representing flight attendants endorsed ... the Association of Flight
            # Attendants called ... the union wrote": the organisation the story is about
            return self._took(e, "organisation-description-subject", False, pos)
        return Resolution(None, "organisation-description", False)

    def _other_person_between(self, prefer, pos, gender) -> bool:
        """Whether another person of the same gender is named between the previous
        speaker's latest mention and ``pos`` (a signal that "he" may be someone else)."""
        lo = prefer.last
        if pos - lo > 2500 or pos <= lo:
            return pos - lo > 2500
        for start, mention in self.ix.candidates(lo, pos):
            if same_person(mention.name, prefer.name or ""):
                continue
            if gender and mention.gender and mention.gender != gender:
                continue
            if not self.ix.is_subject(start, mention):
                continue  # a name inside another clause does not take over "he"
            if not mention.gender and " " not in mention.name and mention.name in self.ix.surnames:
                if gender and self.ix.surname_gender(mention.name, start) != gender:
                    continue
            known = self._find_name(mention.name, None)
            if known is not None and known.kind == "person" or mention.gender or mention.titles or \
                    len(mention.name.split()) > 1:
                return True
        return False

    def speakers(self) -> tuple:
        """The :class:`Speaker` records, in order of their ids."""
        return tuple(Speaker(e.id, e.name or "", e.kind, tuple(e.titles), tuple(e.mentions), e.gender,
                             e.principal)
                     for e in self.entities if e.mentions)

    def add_mention(self, e: Entity, m: Mention) -> None:
        e.mentions.append(Span(m.start, m.end, m.text))
