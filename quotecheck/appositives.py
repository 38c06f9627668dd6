"""The person name an appositive gives a described speaker (``The agency's chief, Ann Roe,
told reporters``) and the name before a capitalised office (``Captain Ann Roe, Chief Public
Relations Officer, said``): readers :mod:`quotecheck.attribution` runs on a speaker phrase
before it resolves it."""
from __future__ import annotations

from . import mentions as mn
from . import speaker_lexicon as sl
from .clauses import DocIndex, Hit, np_left, np_right
from .subjects import token_index


def named_appositive(doc: DocIndex, h: Hit, closed: bool = False):
    """``said her nephew, Ravi Singh, 32, of Coney Island``: the person name in commas right
    after an inverted cue's description is who speaks (rule ``named-appositive``), as a
    reader takes it; so is one closed by a second comma after a subject description (``The
    agency's chief, Ann Roe, told reporters ...``: ``closed``); ``(tokens, Mention)`` or None."""
    end = h.np[-1].end
    toks = doc.toks(end, min(len(doc.text), end + 120))
    if toks and toks[0].text in _PLACE_PREPOSITIONS:
        # "the other candidate on the stage, former Secretary of State Hillary Clinton, drew":
        # the description's own prepositional phrase (words only) before the appositive
        for k in range(1, min(len(toks), _TAIL_TOKENS)):
            if not toks[k].word:
                toks = toks[k:] if toks[k].text == "," else []
                break
    if len(toks) < 3 or toks[0].text != ",":
        return None
    np = np_right(toks, 1, len(toks)) if toks[1].cap else None
    if not np or not all(t.cap or not t.word for t in np):
        # "the other candidate, former Secretary of State Hillary Clinton, drew",
        # "One pastor, Darran Whiting of Liberty Baptist Church in Marion, said": a name with
        # its lower-case title words or the place it is from, up to the closing comma
        np = _comma_span(toks)
        if np is None:
            return None
    after = token_index(toks, np[-1].start) + 1
    if after < len(toks) and toks[after].text not in (",", ".", ";", "—", "–"):
        return None  # "said his brother, John went home": a clause, not an appositive
    if closed and (after >= len(toks) or toks[after].text != "," or sum(t.word for t in np) < 2):
        return None  # a subject's appositive is a full name closed by a comma before the verb ("Bill" alone: no)
    m = mn.read_mention(doc.text, list(np))
    if m is None or m.kind != "name" or m.entity != "person":
        return None
    return tuple(np), m


#: The lower-case words an appositive name may hold besides its capitalised ones: titles
#: (``former``, ``then``, ``Secretary of State``), the article of a title (``the Rev.``)
#: and the place or organisation a person is of (``of Liberty Baptist Church in Marion``).
_NAME_LINKS = frozenset(("former", "then", "of", "the", "in", "from", "at"))

#: The prepositions of a description's own phrase of place (``the man at the microphone``).
_PLACE_PREPOSITIONS = frozenset(("on", "at", "in", "from", "with", "near", "behind", "outside", "inside"))

#: How many tokens that phrase of place may have.
_TAIL_TOKENS = 8

#: How many tokens an appositive name reads before its closing comma.
_SPAN_TOKENS = 14


def _comma_span(toks: list):
    """The tokens after ``toks[0]`` (a comma) up to the next comma, when every word among
    them is capitalised or one of :data:`_NAME_LINKS`, the first and last capitalised or a
    title's lower-case word (``former``), and there is that next comma within
    :data:`_SPAN_TOKENS`; else None."""
    for k in range(1, min(len(toks), _SPAN_TOKENS + 1)):
        t = toks[k]
        if t.text == ",":
            span = toks[1:k]
            if not span or not span[-1].cap or span[0].text not in ("former", "then") and not span[0].cap:
                return None
            return span
        if t.word and not t.cap and t.text not in _NAME_LINKS or not t.word and t.text not in (".", "-", "'s", "’s"):
            return None
    return None


def name_before_office(doc: DocIndex, h: Hit, m):
    """``Captain Manohar Nambiar, Chief Public Relations Officer, Defence, said``: when the
    phrase before the cue is a capitalised office ("Chief Public Relations Officer", its last
    word a title), the person name in the commas before it is who speaks (rule
    ``name-before-office``); ``(tokens, Mention)`` or None."""
    words = m.text.split()
    if not words or not sl.lexicon().titles.get(words[-1].lower()):
        return None
    start = h.np[0].start
    toks = doc.toks(max(0, start - 100), start)
    if len(toks) < 3 or toks[-1].text != ",":
        return None
    left = np_left(toks, len(toks) - 2, 0)
    if not left or not left[0]:
        return None
    named = mn.read_mention(doc.text, list(left[0]))
    last = named.text.split()[-1] if named is not None else ""
    if named is None or named.kind != "name" or named.entity != "person" or sl.lexicon().titles.get(last.lower()):
        return None
    return tuple(left[0]), named
