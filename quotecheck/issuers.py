"""Organisations and documents in a document: who issued a statement, a ruling or an ad
("the ruling said" is the court's words), which organisation a description or an acronym
stands for ("the fund", "the WTO").

Functions of the resolver (``discourse.Resolver``), kept apart so that the resolver is the
entity model and this module the reading of issuers.  PolNeAR, like a reader, takes a
document's words for its issuer's.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import attrs
import regex

from . import antecedents as _antecedents
from . import lexicon as _tables
from .nameindex import _CAPS, _SENT_OPEN, _THEN_VERB, _VERB_NEXT
from .mentions import Mention, _organisation_name, _possessor, read_mention
from .speaker_lexicon import _NOT_NAME, _ROLE_HEADS, _role_preposition
from .words import _POSSESSIVE, _word_char, _word_pattern, has_word, tokens

if TYPE_CHECKING:
    from .discourse import Entity, Resolution, Resolver

_CAP_RUN = regex.compile(r"(?:[ ]\p{Lu}[\p{L}&'’\-]*+)++")


def _runs_from(text: str, word: str, lo: int, hi: int):
    """``(start, end)`` of each ``word`` (from a word boundary) followed by capitalised
    words inside ``text[lo:hi]``, left to right without overlaps, as the pattern
    ``\\bWORD(?:[ ]\\p{Lu}...)++`` would find them: ``str.find`` for the word (looked for
    once per acronym or name, not worth a compiled pattern each) and one fixed pattern for
    the run after it.

    >>> list(_runs_from("Acmeson Energy and Acmeson said; xAcmeson Coal", "Acmeson", 0, 47))
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


#: Description head -> the words an organisation's name needs to be of that kind ("the
#: police": Police, Department, Sheriff, ...).
_ORGANISATION_KINDS = {row[0]: frozenset(row[1].split()) for row in _tables.rows("speakers_organisation_kinds.tsv")}


#: Document nouns -> their kind ("memoir" and "book" are one kind), and the verbs that tie a
#: document of a kind (``*``: any) to its author or issuer ("X issued a statement", "X ruled").
_DOCUMENT_KINDS = dict(_tables.rows("speakers_document_kinds.tsv"))
_DOCUMENT_VERBS = dict(_tables.rows("speakers_document_verbs.tsv"))


#: Words between an issuer and its verb that are not part of the issuer ("Mariano also wrote").
_AUXILIARIES = frozenset("has had have also then later recently quickly just first once".split())


def acronym(r: "Resolver", m: Mention, pos: int) -> Optional[Entity]:
    """The organisation an acronym stands for when the text spelt it out before ("the WTO"
    after "The World Trade Organization announced"): the latest run of capitals whose
    initials it is, outside quotes.  Looked up once per acronym and document."""
    name = m.name
    if m.entity != "organisation" or name is None or not (name.isalpha() and name.isupper() and 2 < len(name) <= 6):
        return None
    key = ("acronym", name)
    if key not in r._cache:
        found = None
        for run in _CAPS.finditer(r.ix.text, max(0, pos - 20000), pos):
            words = run.group().split()
            while words and words[0] in _NOT_NAME:
                words = words[1:]
            caps = [w for w in words if w[:1].isupper()]
            if len(caps) == len(name) and "".join(w[0] for w in caps) == name and not r.ix.skipped(run.start()):
                found = " ".join(words)
        r._cache[key] = found and (r._find_name(found, None) or r._new(found, "organisation", (), None, pos))
    return r._cache[key]


def organisation_full(r: "Resolver", word: str, pos: int, window: int = 20000) -> Optional[str]:
    """The organisation's full name that a bare word is the short form of: the latest name
    before ``pos`` that starts with the word and holds an organisation word ("Acme
    Energy", "Goldman Sachs Group"), outside quotes; companies go by their first word."""
    if not word.isalpha():
        return None
    found = None
    for a, b in _runs_from(r.ix.text, word, max(0, pos - window), pos):
        words = r.ix.text[a:b].split()
        if any(r.lex.orgs.get(w) == "organisation" or r.lex.orgs.get(w + ".") == "organisation"
               for w in words[1:]) and not r.ix.skipped(a):
            found = r.ix.text[a:b]
    return found


def document_subject(r: "Resolver", pos: int, window: int = 400) -> Optional[tuple]:
    """``(head, end)`` of a document that opens the sentence before ``pos`` or the one holding
    it, in the same paragraph ("The report, issued by the WTO, warns of risks. “...,” it
    said."): what "it" stands for when a document was the subject; else None."""
    text = r.ix.text
    lo = max(text.rfind("\n", 0, pos) + 1, pos - window)
    toks = tokens(text, lo, pos)
    found = None
    for k, t in enumerate(toks):
        opens = k == 0 or toks[k - 1].text in (".", "!", "?", "”", '"') and t.cap
        if not opens or t.text not in ("The", "A", "An", "This", "That", "Its", "His", "Her", "Their"):
            continue
        for j in range(k + 1, min(k + 4, len(toks))):
            head = toks[j].text.lower()
            if head in _DOCUMENT_KINDS and not r.ix.skipped(toks[j].start):
                found = (head, toks[j].end)
                break
            if not toks[j].word:
                break
    return found


def document_author(r: "Resolver", pos: int, head: str, window: int = 3000) -> Optional[Entity]:
    """Who wrote or issued the document a description such as "the ruling" or "the book"
    stands for: the owner the text gave the latest document of the same kind before
    ``pos`` ("A web video by the Green Party ... The clip says", "a Times
    article ... the article read", "Okafor wrote a memoir ... the book said", "The appeals
    court ruled ... said the ruling"); None when the text names no owner.  PolNeAR, like a
    reader, takes the document's words for its author's."""
    kind = _DOCUMENT_KINDS.get(head)
    if kind is None:
        return None
    # (a little past ``pos``: the issuer may follow the document, "The law, passed by Congress")
    toks = tokens(r.ix.text, max(0, pos - window), min(len(r.ix.text), pos + 120))
    for k in range(len(toks) - 1, -1, -1):
        if toks[k].start >= pos:
            continue
        low = toks[k].text.lower()
        noun = _DOCUMENT_KINDS.get(low) == kind
        verb = _DOCUMENT_VERBS.get(low) == kind
        if not (noun or verb) or r.ix.skipped(toks[k].start) or r.ix.in_headline(toks[k].start):
            continue
        owner = document_owner(r, toks, k, verb)
        if owner is not None:
            e = owner_entity(r, owner)
            if e is not None:
                return e
    return None


#: Participles between a document and the "by" of its issuer ("a report issued by").
_ISSUED = frozenset({"issued", "written", "signed", "passed", "released", "published", "sent", "drafted",
                     "authored", "prepared", "commissioned", "posted", "filed", "produced", "compiled"})


def _by_after(toks: list, k: int) -> int:
    """The index of the "by" that names the issuer of the document word ``toks[k]`` through a
    participle ("The report, issued by the WTO,", "a letter signed by 40 senators"), else 0.

    >>> _by_after(tokens("The report, issued by the WTO, warns"), 1), _by_after(tokens("a report by X"), 1)
    (4, 0)
    """
    j = k + 1
    if j < len(toks) and toks[j].text == ",":
        j += 1
    if j + 1 < len(toks) and toks[j].text.lower() in _ISSUED and toks[j + 1].text == "by":
        return j + 1
    return 0


def document_owner(r: "Resolver", toks: list, k: int, verb: bool) -> Optional[Mention]:
    """The owner of the document word ``toks[k]``: a name after "by"/"from", a name right
    before it ("a Times article", "Clinton's statement"), or the subject of the verb that
    issues it ("the city council issued a statement"); for a verb of the document's
    kind (``ruled``), its subject."""
    text = r.ix.text
    if not verb:
        by = _by_after(toks, k)
        if by:
            k = by - 1  # (what follows reads as after "a report by")
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
                not r.lex.title(toks[j - 1].text):
            j -= 1
        opener = j == 0 or toks[j - 1].text in (".", "!", "?") or "\n" in text[toks[j - 1].end:toks[j].start]
        if j < k and not (opener and k - j == 1 and toks[j].text[-2:] not in ("'s", "’s")):
            # ("Early analysis shows": one capitalised word opening a sentence is no owner)
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


def owner_entity(r: "Resolver", m: Mention) -> Optional[Entity]:
    """The entity a document's owner phrase stands for (a name, an organisation
    description such as "the appeals court", or a person by pronoun or description)."""
    if m.kind == "name":
        return r.named(m, m.start)
    if m.kind == "description" and m.head in _DOCUMENT_KINDS:
        return None  # "the ad also mentions": a document again, not its owner
    if m.kind == "description" and m.entity == "organisation":
        return organisation_named(r, m.start, m.head)
    if m.entity == "person" and m.kind in ("pronoun", "description"):
        return _antecedents.person_before(r, m.start, m.gender, m.head if m.kind == "description" else None)
    return None


def organisation_before(r: "Resolver", pos: int, window: int = 1500, kind: Optional[str] = None,
                        bare_only: bool = False) -> Optional[Entity]:
    """The organisation named last before ``pos`` as the subject of a sentence or clause
    ("During the primaries, the Times gave Clinton ... Meanwhile, it attacked Trump"), outside
    quotes and headlines: what "it", "they" or "the union" most likely stands for when no
    organisation has spoken yet.  ``kind`` is a description's head: when the kinds table
    knows it ("police", "newspaper"), only an organisation whose name says so is taken; a
    business's ("the company", ``_COMPANY_HEADS``) may also take a one-word name no table
    knows (:func:`_bare_organisation`), and with ``bare_only`` nothing else."""
    needs = _ORGANISATION_KINDS.get(kind) if kind else None
    found = found_bare = None
    text = r.ix.text
    surnames = r.ix.people_surnames()
    for m in _CAPS.finditer(text, max(0, pos - window), pos):
        s0 = m.start()
        if r.ix.skipped(s0) or r.ix.in_headline(s0):
            continue
        the = text[max(0, s0 - 4):s0]
        run = m.group()
        if the in ("the ", "The "):
            s0, run = s0 - 4, the + run
        org = _organisation_name(run)
        bare = org is None and kind in _COMPANY_HEADS and the not in ("the ", "The ")
        if bare:
            org = _bare_organisation(r, run, s0)
        if bare_only and not bare:
            continue
        if org is None or org.name is None or org.name in surnames or org.name.split()[-1] in surnames:
            continue  # "The Cruz campaign": a person's, not an organisation's name
        if needs and not needs.intersection(org.name.split()):
            continue  # "the police" is not the newspaper named last
        known = r._find_name(org.name, None) if org.rule != "organisation-words" else None
        if known is not None and known.kind != "organisation":
            continue
        before = text[max(0, s0 - 4):s0]
        after = text[m.end():m.end() + 40]
        if after[:1] == ":":
            continue  # "The Latest: ...": a label, not a subject
        v = _THEN_VERB.match(after)
        if s0 == 0 or _SENT_OPEN.search(before) or v and v.group(1) or \
                before.endswith(", ") and _VERB_NEXT.match(after):
            if bare:
                found_bare = (s0, org)
            else:
                found = (s0, org)
    found = found or found_bare  # (a name that says it is an organisation's comes first)
    if found is None:
        return None
    return r.named(found[1], found[0])


#: Heads of descriptions of a business ("the company", "the software maker"): one of these may
#: stand for a one-word name no table knows (:func:`_bare_organisation`).
_COMPANY_HEADS = frozenset({"company", "firm", "corporation", "maker", "manufacturer", "retailer", "startup",
                            "giant", "carrier", "airline", "automaker", "insurer", "lender", "chain"})


def _bare_organisation(r: "Resolver", run: str, pos: int) -> Optional[Mention]:
    """A one-word name no table knows, read as an organisation's for a description that
    needs one ("Zentrix has rushed out a fix ... the company said"): a word that is nobody's
    first name or surname in the text, no title, place, organisation or group word, and no
    person the model has met; else None.  Only :func:`organisation_before` asks, where the
    word must also be the subject of its sentence."""
    lex = r.lex
    word = _POSSESSIVE.sub("", run)
    if " " in word or len(word) < 3 or not word.isalpha() or word in _NOT_NAME or word in lex.genders or \
            lex.title(word) or word.lower() in lex.titles or word in lex.places or lex.orgs.get(word) or \
            lex.orgs.get(word.lower()) or word.lower() in lex.pronouns or word in r.ix.surnames:
        return None
    known = r._find_name(word, None)
    if known is not None and known.kind != "organisation":
        return None
    if not _mid_sentence(r.ix.text, word) or not has_word(r.ix.text[:r.ix.headline_block()], word):
        return None  # only capitalised where a sentence opens ("Late"), or not what the story is about
    return Mention(pos, pos + len(word), word, "name", "organisation", name=word, rule="organisation-bare")


def _mid_sentence(text: str, word: str) -> bool:
    """Whether ``word`` stands capitalised somewhere after a lower-case word or a comma (a
    proper name there, not a capital that opens a sentence or a title-case headline)."""
    i = text.find(word)
    while i != -1:
        before = text[max(0, i - 2):i]
        if (i + len(word) == len(text) or not _word_char(text[i + len(word)])) and len(before) == 2 and \
                before[1] == " " and (before[0].islower() or before[0] == ","):
            return True
        i = text.find(word, i + 1)
    return False


def organisation_named(r: "Resolver", pos: int, head: Optional[str], window: int = 6000) -> Optional[Entity]:
    """The organisation named last before ``pos`` (outside quotes and headlines) whose
    name holds ``head`` as a capitalised word: "the fund" is the "International Monetary
    Fund", "the commission" the "Commission on Fair Elections"."""
    if not head or not head.isalpha():
        return None
    word = head[:1].upper() + head[1:]
    found = None
    lo = max(0, pos - window)
    for m in _word_pattern(word).finditer(r.ix.text, lo, pos):
        if not r.ix.skipped(m.start()) and not r.ix.in_headline(m.start()):
            found = m.start()
    if found is None:
        return None
    # the run of capitals around the word, with inner "of", "on", "for", "and" ("the
    # Commission on Fair Elections", "U.S. Court of Appeals for the Tenth Circuit")
    line0 = r.ix.text.rfind("\n", 0, found) + 1
    toks = tokens(r.ix.text, max(line0, found - 80), min(len(r.ix.text), found + 120))
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
            j += 2  # "Court of Appeals for the Tenth Circuit"
        else:
            break
    words = [t.text for t in toks[i:j]]
    while words and not words[-1][:1].isupper():
        words.pop()
    name = _POSSESSIVE.sub("", " ".join(words))
    if len(words) < 2:
        return None  # "Fund" alone names nothing
    e = r._find_name(name, None)
    return e if e is not None else r._new(name, "organisation", (), None, found)


# --- roles: people named by whom they speak for --------------------------------------------

#: Heads of descriptions of people the article does not name ("her spokesman").
_ANONYMOUS_HEADS = _tables.words("speakers_anonymous_heads.txt")
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


def role(r: "Resolver", m: Mention, pos: int) -> Optional[Resolution]:
    """Someone named by a role and its principal ("a Google spokesperson", "an aide to
    Pelosi", "a spokesman for the mayor", "Grayson's spokeswoman"): an entity named
    ``"<principal> <role>"`` (rule ``role``; ``role-pronoun-principal`` for "her spokesman"
    when "her" surely stands for one person); None when the phrase names no principal ("a
    source").  Never sure: the person is not named, and another outlet
    may name them (the cross-source check should not set a role against a name)."""
    pm = _principal(m)
    if pm is None:
        return _pronoun_role(r, m, pos)
    if pm.kind == "name":
        principal = r.named(pm, pos).name
    else:
        got = r._description(pm, pos, None) if pm.entity == "person" else \
            r._organisation_description(pm, pos)
        principal = got.entity.name if got.entity is not None and got.sure else \
            " ".join(w for w in pm.text.split() if w.lower() not in ("the", "a", "an"))
    if not principal:
        return None
    name = f"{principal} {m.head}"
    e = r.unnamed(name, "person", pos, titles=[m.text], gender=_ROLE_GENDER.get(m.head or ""), principal=principal)
    return r._took(e, "role", False, pos)


def group_of(r: "Resolver", m: Mention, pos: int) -> Optional[Resolution]:
    """A group named by the organisation it works for, before its head ("Interior Department
    officials", "White House aides", "FBI agents"): a group entity ``"<organisation> <head>"``
    with the organisation as its principal (rule ``group-principal``, never sure); None when
    the words before the head are no organisation's name the text can vouch for: a person's
    surname ("Clinton advisers"), a first name, or one word never named as an organisation
    ("Russian officials")."""
    words = m.text.split()
    if words and words[0].lower() in ("the", "a", "an", "some", "several", "two", "three", "many"):
        words = words[1:]
    owner = words[:-1]
    head = m.head or ""
    if not owner or not all(w[:1].isupper() for w in owner) or words[-1].lower() != head:
        return None
    if not (head in _ROLE_HEADS or head[:-1] in _ROLE_HEADS or r.lex.titles.get(head[:-1])):
        return None  # people who work for it ("officials", "aides"), not "FEC records"
    name = " ".join(owner)
    org = _organisation_name("the " + name)
    if org is None or org.name != name or owner[0] in r.lex.genders:
        return None
    if owner[-1] in r.ix.people_surnames():
        return None
    known = r._find_name(name, None)
    if known is not None and known.kind != "organisation":
        return None
    if known is None and len(owner) == 1 and not (name.isupper() and len(name) > 1):
        return None  # "Russian officials": an adjective, or a name the text never gave an organisation
    e = r.unnamed(f"{name} {m.head}", "group", pos, titles=[m.text], principal=name)
    return r._took(e, "group-principal", False, pos)


_POSSESSIVE_GENDER = {"his": "m", "her": "f"}


def _pronoun_role(r: "Resolver", m: Mention, pos: int) -> Optional[Resolution]:
    """A role whose principal is a possessive pronoun ("her spokesman told reporters"): the
    person the pronoun surely stands for is the principal; else None (nobody is named)."""
    word = m.text.split()[0].lower() if m.text.split() else ""
    gender = _POSSESSIVE_GENDER.get(word)
    if gender is None:
        return None
    pronoun = Mention(m.start, m.start + len(word), m.text[:len(word)], "pronoun", "person", gender=gender,
                      head="he" if gender == "m" else "she")
    got = r._pronoun(pronoun, pos, None)
    if got.entity is None or not got.sure or got.entity.kind != "person" or not got.entity.name:
        return None
    principal = got.entity.name
    e = r.unnamed(f"{principal} {m.head}", "person", pos, titles=[m.text], gender=_ROLE_GENDER.get(m.head or ""),
                  principal=principal)
    return r._took(e, "role-pronoun-principal", False, pos)


def document(r: "Resolver", head: str, pos: int) -> Entity:
    """The entity of a document whose issuer the text does not name ("the law"), one per
    kind of document (the latest letter is "the letter")."""
    return r.unnamed(head, "document", pos)
