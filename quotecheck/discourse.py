"""The discourse model: every mention of a document joins an entity, in text order.

An entity has a kind (person, organisation, group, document), a sex where known, the titles
the text gives it, and whether its latest mention was resolved surely.  Names are matched by
:func:`names.same_person` (the latest compatible entity wins, and a fuller name upgrades
it); a pronoun or description goes to a person the text names before it
(``antecedents.py``, over :class:`nameindex.NameIndex`), so ``Sanders ... "...," he said``
finds Sanders even before he has spoken.  A resolution the model is unsure of (another
person who agrees was named near, a description the text never tied to a name, a role) is
marked so: it lowers the attribution's confidence and is never continued as "the previous
speaker".  Organisations, documents and roles ("a Google spokesperson") are read by
``issuers.py``.  The registry of entities (how a name joins one) is ``cast.py``'s
:class:`~quotecheck.cast.Cast`; :class:`Resolver` adds what a mention of any kind resolves to.
"""
from __future__ import annotations

from typing import NamedTuple, Optional

import regex

from . import antecedents as _antecedents
from . import issuers as _issuers
from . import lexicon as _tables
from .issuers import _ANONYMOUS_HEADS, _COMPANY_HEADS, _DOCUMENT_KINDS, _SPEAKS_FOR
from .cast import LATEST_KINDS, LATEST_SCAN, SAME_KEY_SCAN, Cast, Entity  # noqa: F401  (re-exported)
from .mentions import Mention, _group_organisation, _modifiers, _possessor
from .names import _party_clash, same_person
from .speaker_lexicon import _OWNED, PARTY_MEMBERS, _role_preposition, lexicon, person_noun
from .titles_said import state_names
from .words import tokens


class Resolution(NamedTuple):
    """How a mention was resolved: its entity (or None), the rule, and whether the model is
    sure (a name, or a pronoun or description with one clear antecedent)."""
    entity: Optional[Entity]
    rule: str
    sure: bool




#: Heads that name someone by their tie to another person ("her daughter", "his lawyer").
_RELATION_HEADS = _tables.words("speakers_relation_heads.txt")


#: "an aide to ", "a spokeswoman for ", "one adviser to " right before a name.
_ROLE_BEFORE = regex.compile(r"\b(?:[Aa]n?|[Oo]ne|[Tt]he)\s++(?:\p{Ll}++\s++){0,2}?(" +
                             "|".join(sorted(_SPEAKS_FOR - {"rep"})) + r")\s++(?:to|for)\s++\Z")


class Resolver(Cast):
    """Resolves the mentions of one document to speakers, in text order.

    Names are matched by :func:`same_person` (the latest compatible entity wins, and a
    fuller name upgrades it); pronouns and descriptions go to the latest compatible
    person named before them, which is looked for in the text itself (so ``Sanders ...
    “...,” he said`` finds Sanders even before he has spoken).
    """

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
        mname: str = m.name or ""  # (a name mention always has its name)
        if m.entity == "group" and (m.kind == "group" or m.kind == "name" and " " not in mname):
            org = _group_organisation(m.text)
            if org is not None:
                # "Officials at the Coastal Water Safety Board said": the organisation speaks
                return self._took(self.named(org, pos), "group-organisation", True, pos)
            if m.kind == "group":
                got = _issuers.group_of(self, m, pos)
                if got is not None:
                    return got
        if m.kind == "name":
            if pos < self.ix.headline_block() and " " not in mname and not m.gender and not m.titles and \
                    self._find_name(mname, None) is None:
                return Resolution(None, "headline-word", False)  # "Vote moved to ...": a headline's first word
            role = self._role_of(m)
            if role is not None:
                return role
            return self._took(self.named(m, pos), "name", True, pos)
        if m.kind == "pronoun":
            return self._pronoun(m, pos, prefer)
        if m.kind == "description" and m.head is not None and m.head in _DOCUMENT_KINDS:
            e = _issuers.document_author(self, max(pos, m.end), m.head)
            if e is not None:
                return self._took(e, "document-author", True, pos)
            if m.text[:4].lower() == "the " and " " not in m.text[4:].strip():
                # "the letter said" with no issuer named: the document speaks
                return self._took(_issuers.document(self, m.head, pos), "document", True, pos)
        if m.kind == "description" and m.entity == "person":
            found = self._description(m, pos, prefer)
            if found.entity is None and m.head in _COMPANY_HEADS and m.text[:4].lower() == "the ":
                # "the firm said", "the automaker said" that the text ties to nobody: a
                # business, though the words read as a person's
                return self._organisation_description(m, pos)
            return found
        if m.kind == "description" and m.entity == "organisation":
            return self._organisation_description(m, pos)
        if m.kind == "anonymous" and m.entity == "person" and m.head in _SPEAKS_FOR:
            return _issuers.role(self, m, pos) or Resolution(None, "anonymous", False)
        return Resolution(None, m.kind, False)

    def _role_of(self, m: Mention) -> Optional[Resolution]:
        """The role a name is the principal of, when the words before it say so ("an aide to
        Pelosi said": a reader of the subject before the cue may hand over the name alone): the
        role speaks, not Pelosi (rule ``role``)."""
        if m.entity not in ("person", "organisation") or m.start < 6:
            return None
        lo = max(0, m.start - 60)
        text = self.ix.text
        # (the pattern ends in "to" or "for" and white space: asked of the few names after those)
        if not text[m.start - 1].isspace() or not text[lo:m.start].rstrip().endswith(("to", "for")):
            return None
        found = _ROLE_BEFORE.search(text, lo, m.start)
        if found is None:
            return None
        whole = text[found.start():m.end]
        return _issuers.role(self, Mention(found.start(), m.end, whole, "anonymous", "person",
                                           head=found.group(1).lower()), m.start)

    def _took(self, e: Optional[Entity], rule: str, sure: bool, pos: int) -> Resolution:
        """The resolution of a mention at ``pos`` to ``e``, which becomes the entity's latest
        mention and says whether it was resolved surely."""
        if e is not None:
            self._touch(e, pos)
            e.sure = sure
        return Resolution(e, rule, sure)

    def _pronoun(self, m: Mention, pos: int, prefer: Optional[Entity]) -> Resolution:
        """A pronoun: the writer for "I", the previous speaker when nobody else of that
        gender took the stage since, else the most salient agreeing person before it."""
        if m.head == "i":
            e = self._author()
            if e is not None:
                # "I grew up on a dairy farm": outside quotes, the writer
                return self._took(e, "pronoun-author", True, pos)
            # outside quotations "I" is the writer, whom no byline names here: nobody
            # else in the story ("Clearly, I expect a flurry of comments" after a quote)
            return Resolution(None, "pronoun-writer", False)
        if m.entity == "person":
            if prefer is not None and prefer is self._cache.get("author"):
                prefer = None  # the writer is "I", never "he" or "she"
            if prefer is not None and prefer.principal and prefer.gender != m.gender:
                prefer = None  # "Reid's rep told Us" ... "she said": the rep's sex is not known
            unnamed = _antecedents.unnamed_subject(self, pos, m.gender)
            if prefer is not None and prefer.kind == "person" and (not prefer.gender or prefer.gender == m.gender) \
                    and not _antecedents.other_person_between(self, prefer, pos, m.gender, unnamed[0]):
                prefer.gender = prefer.gender or m.gender  # only a sure reading teaches gender
                return self._took(prefer, "pronoun-previous-speaker", True, pos)
            e, sure = _antecedents.person_before(self, pos, m.gender, sure_of=True, unnamed=unnamed)
            if e is None and unnamed[0] >= 0:
                # "However, one Mac customer was sceptical. “...,” he said": the newcomer,
                # whom the text does not name, not the named speaker before
                return Resolution(None, "pronoun-unnamed-person", False)
            return self._took(e, "pronoun-latest-person", sure, pos)
        if m.head in ("we", "i"):
            return Resolution(prefer, "pronoun-first-person", False)
        if m.head == "it":
            found = _issuers.document_subject(self, pos)
            if found is not None:
                # "The report, issued by the WTO, warns ... “...,” it said": the document, and
                # through it its issuer
                head, end = found
                e = _issuers.document_author(self, end, head) or _issuers.document(self, head, pos)
                return self._took(e, "pronoun-document", False, pos)
        e = self._latest(pos)
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
                e = _antecedents.person_before(self, pos, m.gender, m.head)
                if e is not None:
                    return self._took(e, "description-title", True, pos)
            return (_issuers.role(self, m, pos) if m.head in _SPEAKS_FOR else None) or Resolution(None, "anonymous", False)
        mods = _modifiers(m)
        party = _party_head(m.head)
        if party:
            mods = mods + (party,)  # "the Republican": never someone the article gives another party
        e = _antecedents.person_before(self, pos, m.gender, m.head, window=6000 if mods else 2500, mods=mods)
        rule, sure = "description-title", True
        if e is not None:
            # ("Rubio sought to ... the senator said": the passage's subject before one a page
            # back; "Sen. Tom Reed ... the Florida senator": a guess, the text never said Florida)
            e, rule, sure = _antecedents.head_fit_or_topic(self, e, pos, m.gender, mods, _state_mods(m.text))
        if e is None:
            # "the chairman of Acme Corp" whom the text never named: the role, not Acme, nor a
            # guess at the latest person
            role = _issuers.role(self, m, pos) if _role_preposition(tokens(m.text)) else None
            if role is not None:
                return role
        # a head the titles table knows ("the senator") or an occupation ("the surgeon"): a
        # person, whom the text may not have tied to the words
        titled = m.head in self.lex.titles
        # an occupation ("the surgeon"), an age ("the 43-year-old") or a party ("The Democrat
        # told", "the Ohio Republican"): how news names a person again
        personal = person_noun(m.head) or bool(party) or _AGE_HEAD.fullmatch(m.head or "") is not None
        owner = _possessor(m) if e is None and personal else None
        if owner == "" and (m.head in _RELATION_HEADS or not titled):
            # "her daughter", "the victim's nephew": someone defined by another person, and
            # the person last named is most often that other one
            return Resolution(None, "description-possessed", False)
        if e is None and personal and not person_noun(m.head) and _antecedents.unnamed_description(self, m, pos):
            # "a senior Democrat said ... said the Democrat who is familiar with": the person the
            # text introduced without a name, or one a relative clause defines
            return Resolution(None, "description-unnamed", False)
        if e is None and personal:
            # "the New York businessman": the text never ties the words to a name; the
            # speaker before, else the latest person, is the likeliest referent (never
            # one the article gives another party)
            if prefer is not None and prefer.kind == "person" and not _party_clash(
                    mods, " ".join(prefer.titles).lower()):
                e = prefer
                if _antecedents.other_person_between(self, prefer, pos, m.gender):
                    # someone else took the stage since the speaker before
                    e = _antecedents.newcomer(self, prefer, pos, m.gender, mods)
            else:
                e = _antecedents.person_before(self, pos, m.gender, mods=mods)
            rule, sure = "description-latest-person", False
            if e is not None and owner and same_person(owner, e.name) and e.id not in self._first_named:
                # (not "Grant Schilling", whom "Schilling's son, Grant," named by his father)
                return Resolution(None, "description-possessed", False)  # "Lohan's attorney" is not Lohan
        if e is None and m.text[:4].lower() == "the " and (titled or personal):
            # "The Greek prime minister has denounced ... / Prime Minister George Papandreou
            # vowed": a lede that names the person in the sentence after
            e = _antecedents.person_after(self, pos, m.gender, m.head)
            if e is not None:
                rule, sure = "description-named-after", False
        if e is not None and e is self._cache.get("author") and m.text.lower().startswith(("my ", "our ")):
            e = None  # "my father" is someone the writer names, never the writer
        if e is not None:
            e.titles.extend([m.text] if m.text not in e.titles else [])
        return self._took(e, rule, sure, pos)


    def _organisation_description(self, m: Mention, pos: int) -> Resolution:
        """"the commission" after "the Commission on Fair Elections": the latest
        organisation whose name holds the head noun; else the organisation the story is
        about, for a definite description; else nobody is named."""
        e = _issuers.organisation_named(self, pos, m.head)
        if e is not None:
            return self._took(e, "organisation-description-name", True, pos)
        # only "the union", "the agency": not a campaign or office, which belong to a person,
        # nor a phrase with a name of its own.  "The company" (a head that can also be a
        # person's, "his company") takes only a company the tables do not know, named again
        # and again ("Zentrix has rushed out a fix ... the company said"; not "the Dow" nor an
        # agency named last)
        the_company = m.text.lower() == "the company"
        definite = m.text[:4].lower() == "the " and not any(w[:1].isupper() for w in m.text[4:].split()) \
            and (m.head not in _OWNED or the_company)
        if definite and m.head in _COMPANY_HEADS:
            # "Apple Inc. unveiled ... the company said", "France Telecom says ... The company
            # says": the business the story names as a subject, by a name that says it is one
            # (speakers_organisation_kinds.tsv, "business")
            e = _issuers.organisation_before(self, pos, kind="business")
            if e is not None:
                return self._took(e, "organisation-description-subject", False, pos)
        e = _issuers.organisation_before(self, pos, kind=m.head, bare_only=the_company) if definite else None
        if e is not None:
            # "A union representing flight attendants endorsed ... the Association of Flight
            # Attendants called ... the union wrote": the organisation the story is about
            return self._took(e, "organisation-description-subject", False, pos)
        own = own_organisation_name(m.text, m.head, self.ix.people_surnames())
        if own is not None:
            # "the Indian navy said", "Surrey police said": the phrase names its organisation
            e = self.named(Mention(m.start, m.end, m.text, "name", "organisation", name=own,
                                   rule="organisation-own-name"), pos)
            return self._took(e, "organisation-own-name", True, pos)
        return Resolution(None, "organisation-description", False)


def _state_mods(text: str) -> tuple:
    """The words of a US state right after a description's article ("the Florida senator",
    "the New York Democrat" -> ("New", "York")), else ()."""
    words = text.split()
    if len(words) < 3 or words[0].lower() != "the":
        return ()
    for n in (2, 1):
        if " ".join(words[1:1 + n]).lower() in state_names() and len(words) > 1 + n:
            return tuple(words[1:1 + n])
    return ()


#: The head of an age description ("the 43-year-old asked").
_AGE_HEAD = regex.compile(r"\d{1,3}-year-old")


def _party_head(head: Optional[str]) -> str:
    """The party a description's head names when it is a party member ("the Republican",
    "The Democrat"), capitalised as a modifier; else ""."""
    if head and head in _PARTY_MEMBERS:
        return head.capitalize()
    return ""


#: Nouns for a member of a party (words of ``data/parties.txt`` that name a person).
_PARTY_MEMBERS = PARTY_MEMBERS


def own_organisation_name(text: str, head: Optional[str], people=()) -> Optional[str]:
    """The name an organisation's description gives it with proper modifiers before its head
    noun ("the Ruritanian navy" -> "Ruritanian navy"), else ``None``: no modifier, a lower-case
    one ("the federal agency"), a possessive ("Rita's shop"), or the surname of one of the
    ``people`` the text names ("the Hart campaign" is Tom Hart's, not an organisation's name).

    >>> own_organisation_name("The Ruritanian ministry", "ministry")
    'Ruritanian ministry'
    >>> own_organisation_name("Fairview police", "police")
    'Fairview police'
    >>> own_organisation_name("the federal agency", "agency") is None
    True
    >>> own_organisation_name("the Acme Corp.'s board", "board") is None
    True
    >>> own_organisation_name("His campaign", "campaign"), own_organisation_name("This group", "group")
    (None, None)
    >>> own_organisation_name("the Hart campaign", "campaign", {"Hart"}) is None
    True

    A country's or a place's possessive, or a proper adjective, may come before up to two
    lower-case modifiers (the wire's "Russia's foreign ministry", "the Chinese commerce
    ministry"; "Rita's shop" stays nobody's name):

    >>> own_organisation_name("Russia’s foreign ministry", "ministry", ())
    'Russia’s foreign ministry'
    >>> own_organisation_name("the Chinese commerce ministry", "ministry")
    'Chinese commerce ministry'
    >>> own_organisation_name("Rita's shop", "shop"), own_organisation_name("His new campaign", "campaign")
    (None, None)
    """
    words = text.split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    if len(words) < 2 or not head or words[-1].lower() != head.lower():
        return None
    mods = words[:-1]
    function_words = _tables.words("function_words.txt")
    first, rest = mods[0], mods[1:]
    lower_rest = len(rest) <= 2 and all(w.isalpha() and w.islower() and w not in function_words for w in rest)
    owner = regex.sub(r"['’]s$", "", first)
    if owner != first and owner in lexicon().places and lower_rest:
        return " ".join(words)  # "India's navy", "Russia's foreign ministry"
    if rest and lower_rest and first[:1].isupper() and first[1:].replace("-", "").isalpha() and \
            first not in people and first.lower() not in function_words:
        return " ".join(words)  # "the Russian foreign ministry"
    if not all(w[:1].isupper() and w[1:].replace("-", "").isalpha() for w in mods) or \
            any(w in people for w in mods) or \
            any(w.lower() in _tables.words("function_words.txt") for w in mods):
        return None  # ("His campaign", "This group": a capital opening a sentence names nothing)
    return " ".join(words)
