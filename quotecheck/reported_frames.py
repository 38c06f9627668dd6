"""Reported speech read through the reporting lexicon (PARC-style frames): a verb of
speech, belief, intention, stance or evidence with its frame (``believes that``, ``wants
to``, ``has called for``, ``polls show``), a participle after a comma, a noun after a
possessive (``Trump's criticism of``).  One job: read the frame at a cue word and where its
content starts; :mod:`quotecheck.reported_content` shapes the span it takes, as PolNeAR
annotates it.  :func:`quotecheck.reported.find_reported` calls these readers at each cue
word it finds.
"""
from __future__ import annotations

import functools
from typing import Optional


from . import lexicon
from . import grammar_words as gw
from . import reported_frame_after as _after
from .clauses import DocIndex, Hit, noun_use, np_left, skip_adverbs_left
from .subjects import BE_FORMS, CONNECTIVES, FINITE, OPENERS, initial_subject, token_index
from .reported_content import _clause_end, _content, _trim, gap_rest
from .reported_fallback import _finite_soon, that_fallback
from .reported_relative import object_gap, relative_after, to_gap_head
from .reported_hearer import _by_manner, _latest_subject, _skip_object
from .reported_far_subject import far_subject, tail_speaker
from .reported_lexicon import (_COPULAS, _NOT_CLAUSE, _NOT_OBJECT, _NOT_SUBJECT_END,
                               _NP_ADJUNCT, _PARTICLES, _POSSESSIVE_PRONOUNS, _SUBJECT_STOP, _SUBJ_PRONOUNS, _WH,
                               _before_relative, _clause_start, _cue_words, _loose_subject, left_of, _object_then_to,
                               _opening_name, _phrase_end, _skip_adjunct, _subject_before_finite,
                               _verb_at, _verb_reading, homographs, nouns, skip_left)


def _carried(out, s0: int, ms: int):
    """The subject of the latest reported item (``out`` holds the items so far) when its cue
    stands earlier in the same sentence: a cue after ``and``/``but`` shares it (``X said A,
    and urged that B``) when the opening of the sentence defeats the subject reader."""
    if out and s0 <= out[-1][1].cue_start < ms:
        return out[-1][1].np, None
    return None


#: Verbs and adjectives that hand their subject to the infinitive after them ("seems to
#: believe", "is likely to endorse").
_CHAIN = lexicon.exact("reported_chain_words.txt")


_BE = BE_FORMS | {"am"}


_NEGATIONS = frozenset({"not", "never"})


_DEGREE = frozenset({"more", "less", "most", "very", "so", "too", "quite", "all", "also", "now"})


#: The words before a cue that may end a verb group (with their capitalised forms).
_GROUP_PREV = frozenset(w for x in _BE | _NEGATIONS | {"to"} for w in (x, x.capitalize()))


_NEG_ENDS = frozenset({"n't", "n’t"})


#: The perfect's auxiliary (``have long argued``), with the capitalised forms.
_HAVE = frozenset({"has", "have", "had", "Has", "Have", "Had"})


#: Adverbs that stand between the perfect's auxiliary and its participle besides the group
#: adverbs (``have long argued``, ``has never publicly blamed``, ``has since modified``).
_PERFECT_ADVERBS = frozenset({"long", "never", "since", "repeatedly", "consistently", "previously"})


#: A quantifier that floats off its subject into the verb group (``Trump and Sanders have both
#: argued``, ``the ministers all urged``): the subject stands before it.
FLOATING = frozenset({"both", "all", "each"})

#: Prepositions of a short fixed phrase between the perfect's auxiliary and its participle
#: (``have in the past said``, ``have in particular noted``, ``has at times suggested``).
_INSERT_PREPS = frozenset({"in", "at", "for", "on", "over"})


def _insert_left(toks: list, k: int) -> int:
    """The index before a two- or three-word lower-case phrase ``in the past``, ``at times``
    ending at ``k`` and opened by one of :data:`_INSERT_PREPS`, else ``k``."""
    for n in (2, 3):
        m = k - n + 1
        if m > 0 and toks[m].text in _INSERT_PREPS and all(t.word and t.text.islower() for t in toks[m:k + 1]):
            return m - 1
    return k


def _perfect_left(toks: list, i: int):
    """``Republicans, ..., have long considered``: one or two adverbs, a floating quantifier
    (``have both argued``) or a short phrase (``have in the past said``) between the perfect's
    auxiliary and the cue at ``i``; the index before the auxiliary, or None."""
    k = i - 1
    while k >= i - 2 and k > 0 and (group_adverb(toks[k].text) or toks[k].text in _PERFECT_ADVERBS or
                                    toks[k].text in FLOATING):
        k -= 1
    if k == i - 1 and k > 0:
        k = _insert_left(toks, k)
    if k == i - 1 or toks[k].text not in _HAVE:
        return None
    return k - 1 if k >= 1 else None


def _negative(word: str) -> bool:
    """A contracted negative auxiliary (``didn't``, ``won’t``), one token as cut."""
    return word[-3:] in _NEG_ENDS


def _may_group(toks: list, i: int) -> bool:
    """The quick test before :func:`_group_left`, from the word before the cue alone (most
    cues have none of these before them), or the two before it when the first is an
    adverb (``is now calling``)."""
    if i < 2:
        return False
    prev = toks[i - 1].text
    return prev in _GROUP_PREV or prev[-3:] in _NEG_ENDS or toks[i - 2].text in _GROUP_PREV and group_adverb(prev) or \
        (group_adverb(prev) or prev in _PERFECT_ADVERBS or prev in FLOATING or
         i >= 4 and toks[i - 2].word and prev.islower() and (toks[i - 3].text in _HAVE or toks[i - 4].text in _HAVE)) \
        and not toks[i].text.endswith("ing")


def group_at(toks: list, i: int, memo: Optional[dict] = None):
    """``_group_left(toks, i)`` when :func:`_may_group` lets it read, else None: once per
    candidate when ``memo`` is its dict (the cue table's reader and the broad reader ask
    for the same cue word's verb group; the key ``("group", i)`` is no index of
    :func:`quotecheck.reported_lexicon.left_of`)."""
    if memo is None:
        return _group_left(toks, i) if _may_group(toks, i) else None
    key = ("group", i)
    if key in memo:
        return memo[key]
    found = memo[key] = _group_left(toks, i) if _may_group(toks, i) else None
    return found


#: Adverbs that stand inside a verb group (``is now calling``, ``are still pushing``), with the
#: lower-case ``-ly`` words (``has been quietly pushing``).
_GROUP_ADVERBS = frozenset({"now", "still", "also", "already", "again", "just", "always", "even", "once", "then",
                            "increasingly", "openly", "quietly", "publicly", "privately"})


def group_adverb(word: str) -> bool:
    """Whether ``word`` is an adverb that may stand between an auxiliary and a verb."""
    return word in _GROUP_ADVERBS or word.endswith("ly") and word.islower() and len(word) > 4


def relative_before(toks: list, j: int):
    """``Mitt Romney, who campaigned on self-deportation and sought ...``: the verb after
    ``and``/``but`` at ``j`` shares the subject of a relative clause that holds it (no
    punctuation between ``who`` and ``and``), a relative after a comma.  ``([who], head
    phrase, "relative")`` or None."""
    for m in range(j - 1, max(0, j - 16), -1):
        t = toks[m].text
        if t.lower() == "who":
            if toks[m - 1].text != ",":
                # "mothers who have lost children ... and said": a restrictive clause may end
                # before "and" (the verb is then the sentence's), "on who ...": a question
                return None
            found = np_left(toks, m - 2, 0) if m >= 2 else None
            return [toks[m]], tuple(found[0]) if found else (), "relative"
        if not toks[m].word or t.lower() in ("and", "but", "that", "which", "when", "while", "because", "if"):
            return None
    return None


def _group_left(toks: list, i: int):
    """Where the subject of the cue at ``i`` ends when a verb group stands between them that
    the refusal of a word before would misread: a chain word (``seems to believe``, ``is
    likely to endorse``), a negation after an auxiliary (``did not endorse``, ``didn't
    mention``), a progressive (``is expecting``).  The index of the last token before the
    group (auxiliaries and adverbs left of it are skipped by the caller), or None."""
    if i < 2:
        return None
    prev = toks[i - 1].text.lower()
    ing = toks[i].text.endswith("ing")
    if ing and group_adverb(prev) and toks[i - 2].text.lower() in _BE:
        k = i - 3  # "is now calling", "has been quietly pushing"
    elif prev == "to" and toks[i - 2].text.lower() in _CHAIN:
        k = i - 3
        while k >= 0 and toks[k].text.lower() in _DEGREE:
            k -= 1  # "were more likely to say"
    elif prev in _NEGATIONS and (toks[i - 2].text.lower() in FINITE and
                                 (ing or toks[i - 2].text.lower() not in _BE) or _negative(toks[i - 2].text)):
        k = i - 3  # "did not endorse", "is not expecting"; "was not told" is a passive
    elif prev in _BE and ing:
        k = i - 2  # "is expecting to", "are taking"
    elif _negative(prev):
        k = i - 2  # "didn't mention"
    elif not ing:
        p = _perfect_left(toks, i)
        if p is None:
            return None
        k = p  # "have long argued", "has always maintained"
    else:
        return None
    if k >= 0 and _negative(toks[k].text):
        k -= 1  # "didn't seem to"
    return k if k >= 0 else None


_HEAD_OPEN = lexicon.exact("grammar_head_openers.txt")


def _relative_head(toks: list, npi: int, k: int):
    """``a probe the agency said was ongoing``, ``the only regret he acknowledged was``,
    ``moves that he said improved``: the cue's subject (at ``npi``) opens a relative clause
    whose gap is what was said, so the content is the noun phrase it hangs on (to its
    determiner, at most six words).  Only when the cue takes no complement of its own: a
    finite verb or the end of the clause follows it (``k``), and before the subject stands
    ``that`` or a noun.  The ``(start, end)`` of that phrase, or None."""
    if npi < 2 or k >= len(toks):
        return None
    nxt = toks[k]
    if not (nxt.text.lower() in FINITE or nxt.text in (".", ",", ";", ":", "—", "–")):
        return None
    m = npi - 1
    if toks[m].text == "that":
        m -= 1
    w = toks[m]
    if not w.word or w.text.lower() in _HEAD_OPEN or w.text.lower() in _SUBJECT_STOP or \
            w.text.lower() in FINITE or w.text in _cue_words() or w.text.endswith("ly") or not w.text.islower():
        return None
    end = w.end
    while m >= 0 and npi - m <= 7 and toks[m].word and toks[m].text.lower() not in _SUBJECT_STOP and \
            toks[m].text.lower() not in FINITE:
        if toks[m].text.lower() in _HEAD_OPEN:
            return toks[m].start, end
        m -= 1
    return None


@functools.lru_cache(maxsize=1)
def object_frames() -> dict:
    """The frames ``data/reported_object_frames.tsv`` adds to a verb of the lexicon (a noun
    phrase or a prepositional phrase as its content), by lemma.

    >>> sorted(object_frames()["argue"])
    ['for']
    """
    return {row[0]: frozenset(row[1].split(",")) for row in lexicon.rows("reported_object_frames.tsv")}


def _broad_at(doc: DocIndex, toks: list, i: int, s0: int, s1: int, items=(), lefts: Optional[dict] = None):
    """Reported content of a verb from the broad lexicon at token ``i``: its subject is the
    source, what its frame takes after it (a that-clause, an infinitive, a wh-clause, an
    object) is the content, to the end of the clause."""
    v = _verb_at(toks, i)
    if v is None:
        return None
    n, lemma, cls, frames = v
    more = object_frames().get(lemma)
    if more:
        frames = frames | more
    text = doc.text
    prev = toks[i - 1].text.lower() if i > 0 else ""
    group = group_at(toks, i, lefts) if cls != "state" else None
    if cls == "state":
        # "X is confident that ...": the adjective counts after a copula, whose subject speaks
        c = i - 1
        while c >= 0 and (toks[c].text.lower() in ("very", "so", "quite", "more", "less", "not", "n't", "too",
                                                    "also", "still", "now", "all") or
                          toks[c].text.endswith("ly") and toks[c].text.islower()):
            c -= 1
        if c < 1 or toks[c].text.lower() not in _COPULAS:
            return None
        i_subject_end = c - 1
    elif group is None and toks[i].text.endswith("ing"):
        # a gerund or participle is as often a noun or an attribute ("the thinking"); after a
        # comma it continues the sentence's subject ("Trump spoke, vowing to ..."), and so
        # after "by" ("rallied crowds by promising to ...")
        if prev == "," or _by_manner(toks, i) or prev == "and" and _second_participle(toks, i) or \
                after_break(toks, i) and cls == "speech":
            return _participle_at(doc, toks, i, n, lemma, cls, frames, s1)
        return _reduced_relative_at(doc, toks, i, n, lemma, cls, frames, s1)
    if cls in _PURPOSE_CLASSES and group is None and prev == "to" and purpose_to(toks, i) and \
            i + n < len(toks) and toks[i + n].text.lower() not in _WH and toks[i + n].text.lower() != "that":
        return _participle_at(doc, toks, i, n, lemma, cls, frames, s1, rule="purpose")
    if cls != "state" and group is None and prev in _NOT_SUBJECT_END:
        return None  # a noun ("the report"), an infinitive or a passive ("was told")
    # the frame after the verb reads no token left of it: read first, so that a verb with
    # nothing it takes after it is refused before its subject (the costliest step) is read,
    # unless a relative reading, which needs no frame, may still take it
    framed = _after.frame_at(toks, i, n, lemma, cls, frames)
    if framed is None and not _after.relative_may(toks, i, n, cls):
        return None
    j = skip_left(toks, i_subject_end if cls == "state" else i - 1 if group is None else group, lefts)
    if j < 0:
        return None
    rule = "subject"
    if toks[j].text.lower() in ("both", "all", "each") and j > 0:
        # "Clinton and Sanders both sought to", "who has both endorsed": the floating
        # quantifier is not the subject, nor the auxiliary before it
        j = skip_adverbs_left(toks, j - 1, 0)
        if j < 0:
            return None
    rel = relative_before(toks, j) if toks[j].text in ("and", "but") else None
    left: Optional[tuple] = None
    if rel:
        left, rule = (rel[0], rel[1]), rel[2]
    elif toks[j].text in ("and", "but"):
        # "has given to many candidates, but plans to narrow ...": the sentence's subject
        found = initial_subject(text, toks[:j]) or _carried(items, s0, toks[i].start)
        if found:
            left, rule = (found[0], ()), "coordinated"
    else:
        left = left_of(toks, j, lefts)
    if left and noun_use(toks, i, left[0]):
        return None
    # (after "who" a homograph is a verb: "a candidate who hopes to compete", "those who fear
    # a backlash"; but an object of speech or stance there, "voters who back Smith", "who
    # requests a ballot", is as often not what anyone said)
    if toks[i].text in homographs() and not (toks[j].text == "who" and _who_reads(toks, i, cls)) and \
            not _verb_reading(toks, left[0] if left else None, toks[i].text,
                                                          toks[i + 1].text if i + 1 < len(toks) else "",
                                                          doc.named_mid_sentence):
        return None
    if left and left[0][-1].text.endswith(("'s", "’s")) or prev in ("'s", "’s"):
        return None  # "Lopez's show was cancelled": the word is a noun after a possessive
    if not left and toks[j].text == ",":
        left = _before_relative(toks, j) or _opening_name(toks, j)
    if left:
        np, appos = left
    elif toks[j].text in ("who", "which", "that") and j > 0 and toks[j - 1].text == "," or \
            toks[j].text == "who" and j > 0 and toks[j - 1].text in ("and", "but"):
        # ", which endorsed Clinton": the relative pronoun is the mention; the phrase
        # before the comma is whom it stands for
        found = np_left(toks, j - 2, 0) if j >= 2 else None
        np, appos, rule = [toks[j]], tuple(found[0]) if found else (), "relative"
    elif toks[j].text == "who" and j > 0 and (toks[j - 1].word or toks[j - 1].text == "%"):
        # "business leaders who say the law ...", "18 percent who say ...": a restrictive
        # relative; the mention is "who", the phrase before it whom it stands for
        found = np_left(toks, j - 1, 0) or ((_loose_subject(toks, j - 1), ()) if toks[j - 1].word else None)
        np, appos, rule = [toks[j]], tuple(found[0] or ()) if found else (), "restrictive"
    else:
        np, appos, rule = _loose_subject(toks, j), (), "loose-subject"
        if not np:
            return None
    npi = token_index(toks, np[0].start)
    if npi > 0 and toks[npi - 1].text.lower() in ("what", "which") and rule != "relative" and \
            cls in ("speech", "thought"):
        # "what he calls corruption", "which he said": the content is the relative word,
        # standing for what the clause before names
        rel = toks[npi - 1]
        h = Hit(toks[i].start, toks[i + n - 1].end, text[toks[i].start:toks[i + n - 1].end], lemma, cls,
                 tuple(np), tuple(appos), rule=f"broad-{rule}")
        rel_item = relative_after(doc, toks, npi - 1, i + n, s1, h, cls)
        if rel_item is not None:  # "in which he laid out ...", "which he describes as ..." (reported_relative)
            return rel_item
        return [(rel.start, rel.end)] + gap_rest(doc, toks, i + n, s1, h, rel.start), h, f"{cls}-relative-object"
    if rule not in ("relative", "restrictive") and object_gap(toks, npi, i + n):
        # "the bill, which the governor opposed, ...": the relative word is the object
        # (reported_relative.object_gap)
        rel = toks[npi - 1]
        h = Hit(toks[i].start, toks[i + n - 1].end, text[toks[i].start:toks[i + n - 1].end], lemma, cls,
                 tuple(np), tuple(appos), rule=f"broad-{rule}")
        return [(rel.start, rel.end)], h, f"{cls}-relative-gap"
    head = _relative_head(toks, npi, i + n)
    if head:
        h = Hit(toks[i].start, toks[i + n - 1].end, text[toks[i].start:toks[i + n - 1].end], lemma, cls,
                 tuple(np), tuple(appos), rule=f"broad-{rule}")
        return [head] + gap_rest(doc, toks, i + n, s1, h, head[0]), h, f"{cls}-relative-head"
    if framed is None:
        return None
    frame, k, frames = framed
    if k >= len(toks) or rule == "restrictive" and frame not in ("that", "clause") and not (
            (cls in ("thought", "intent") and frame in ("to", "np") or cls == "speech" and frame == "np") and
            lemma != "decline"):
        return None  # "senators who wanted to attend ... could be faced": the phrase is the subject's
    if rule == "restrictive" and frame in ("to", "np"):
        # "idealists who wanted a complete break": the relative clause sits in a phrase,
        # often the sentence's subject; its object ends where the main verb comes
        for t in toks[k + 1:]:
            if t.text.lower() in FINITE or t.text.islower() and t.text.endswith("ed") and t.word:
                s1 = min(s1, t.start)
                break
    h = Hit(toks[i].start, toks[i + n - 1].end, text[toks[i].start:toks[i + n - 1].end], lemma, cls,
             tuple(np), tuple(appos), rule=f"broad-{rule}")
    s, e = _trim(text, toks[k].start, s1)
    if frame not in ("that", "clause", "np-to"):
        e = _phrase_end(text, s, e)
    if frame == "np":
        # "endorsed Mr. Trump at a news conference": the object, not where it happened
        adjunct = _NP_ADJUNCT.search(text, s, e)
        e = adjunct.start() if adjunct else e
    item = _content(doc, s, e, h, f"{cls}-{frame}", short=frame not in ("that", "clause"))
    head = to_gap_head(toks, npi, k, _relative_head) if item and frame == "to" else None
    return ([head] + item[0], h, item[2]) if head else item  # "issues she likes to campaign on"


def _who_reads(toks: list, i: int, cls: str) -> bool:
    """Whether a homograph after ``who`` at ``i`` is read as the verb of a cue: a verb of
    belief, or a verb of speech or intent before ``that`` or ``to``."""
    nxt = toks[i + 1].text if i + 1 < len(toks) else ""
    return cls == "thought" or cls in ("speech", "intent") and nxt in ("that", "to")


#: Signs of a sum of money, which open an object (``calls for $1 trillion in new spending``).
_CURRENCY = frozenset({"$", "£", "€"})


#: Words of quantity that open an object although they stand among the words that open no
#: clause (``called for more accountability``, ``wants no part of it``).
_QUANTITY = frozenset({"more", "no", "much", "little"})


def quantity_object(toks: list, k: int) -> bool:
    """Whether a phrase of quantity or money starts at ``k`` and so may be an object:
    ``$1 trillion``, ``more accountability``, ``no new taxes`` (a word of
    :data:`_QUANTITY` with a lower-case word after it: not ``more than``, ``no one``).

    >>> from quotecheck import words as wd
    >>> s = "for $1 trillion, more accountability, more than, no one"
    >>> t = wd.tokens(s, 0, len(s))
    >>> quantity_object(t, 1), quantity_object(t, 5), quantity_object(t, 8), quantity_object(t, 11)
    (True, True, False, False)
    """
    if k + 1 >= len(toks):
        return False
    w, nxt = toks[k].text.lower(), toks[k + 1]
    if w in _CURRENCY:
        return nxt.text[:1].isdigit()
    return w in _QUANTITY and nxt.word and nxt.text.islower() and nxt.text not in _QUANTITY_NOT_HEAD


#: Words after a word of quantity that make it no object's opening (``more than``, ``no one``).
_QUANTITY_NOT_HEAD = frozenset({"than", "one", "longer", "of", "to", "and", "or", "doubt", "matter", "such"})


#: The classes read in an infinitive of purpose: evidence verbs there are the subject's aim,
#: not a finding (``pressure to show``, ``a bid to show``).
_PURPOSE_CLASSES = frozenset({"speech", "stance", "intent"})


def purpose_to(toks: list, i: int) -> bool:
    """Whether the cue at ``i`` after ``to`` is an infinitive of purpose, which speaks for
    the subject of its clause (``gathered at a bar to talk about``, ``used his speech to
    call for``): the word before ``to`` ends a phrase (a noun, a name, an object pronoun),
    no verb or adjective that takes the infinitive as its own complement."""
    if i < 3:
        return False
    w = toks[i - 2].text
    lw = w.lower()
    if not toks[i - 2].word or lw in FINITE or lw in _CHAIN or lw in _BE or w in _cue_words() or lw in _cue_words() or \
            w.islower() and (w.endswith(("ed", "ing", "ly")) or lw in _NOT_SUBJECT_END):
        return False
    # "is too soon to", "was difficult to", "strong enough to": an adjective's complement
    return not (lw == "enough" or toks[i - 3].text.lower() in _DEGREE_TO or
                any(toks[m].text.lower() in _BE for m in range(max(0, i - 4), i - 2)))


#: Words of degree before an adjective that takes an infinitive (``too soon to say``).
_DEGREE_TO = frozenset({"too", "so", "as"})


#: Dashes that may stand for the comma before a participle (``flipped his choice – saying``).
_DASHES = frozenset({"–", "—", "-", "--"})


def after_break(toks: list, i: int) -> bool:
    """Whether the participle at ``i`` follows a dash (``flipped his choice on the spot –
    saying ...``) or a comma and one adverb (``turned tougher, eventually saying ...``): the
    two other ways it continues the clause before, besides a comma right before it.

    >>> from quotecheck import words as wd
    >>> t = wd.tokens("He flipped – saying so. He wavered, eventually saying no.", 0, 56)
    >>> after_break(t, 3), after_break(t, 10), after_break(t, 2)
    (True, True, False)
    """
    if i < 2:
        return False
    prev = toks[i - 1].text
    return prev in _DASHES or toks[i - 2].text == "," and prev.islower() and prev.endswith("ly") and len(prev) > 4


def _second_participle(toks: list, i: int) -> bool:
    """``..., calling them rapists and vowing to ...``: the ``-ing`` form at ``i`` (after
    ``and``) is the second of two participles, the first after a comma in the same clause."""
    for m in range(i - 2, max(0, i - 14), -1):
        t = toks[m].text
        if t in (".", ";", ":") or t.lower() in FINITE:
            return False
        if t.endswith("ing") and t.islower() and toks[m - 1].text == ",":
            return True
    return False


def _participle_at(doc: DocIndex, toks: list, i: int, n: int, lemma: str, cls: str, frames, s1: int,
                   rule: str = "participle"):
    """``X did something, saying/vowing/calling for ...``: the content is what the participle
    takes, the speaker the subject of the sentence (of its last clause, after ``, and``)."""
    b = _clause_start(toks, i)
    # '"...," the former president said, referring to': the tail attribution's speaker
    found = tail_speaker(toks, b, i) or initial_subject(doc.text, toks[b:i]) or _subject_before_finite(toks, b, i)
    plain = False
    if found is None:
        found = plain_subject(toks, b, i)
        plain = found is not None
    if found is None:
        # '“...,” he vowed, adding he intended to ...': the speaker of the clause before
        subj = _latest_subject(doc, toks, i)
        if subj is None:
            # "Sen. Roe, R-Ohio, who ..., withdrew her support, saying": a subject further off
            found = far_subject(toks, b, i)
            if found is None:
                return None
            rule = "far-" + rule
        else:
            found = (subj, None)
    text = doc.text
    k = _skip_object(toks, i + n, lemma)
    if cls == "speech" and k < len(toks) and toks[k].text != "to":
        k = _skip_adjunct(toks, k)  # "saying in a tweet that ..." (not "hoping to avoid a misstep that")
    if k >= len(toks) or not toks[k].word:
        return None
    nxt = toks[k].text.lower()
    if nxt == "that" and "that" in frames or nxt == "to" and "to" in frames or nxt in _WH and "wh" in frames:
        frame = "clause" if nxt == "that" else "phrase"
    elif nxt in _PARTICLES and nxt in frames:
        frame, k = "phrase", k + 1
    elif "that" in frames and (nxt in _SUBJ_PRONOUNS or _finite_soon(toks, k, 6)) and nxt not in _NOT_CLAUSE:
        frame = "clause"
    elif "np" in frames and nxt not in _NOT_CLAUSE and nxt not in ("and", "but", "or", "as", "in", "at"):
        frame = "phrase"
    elif "to" in frames and cls != "evidence" and _object_then_to(toks, k):
        frame = "clause"  # ", asking him to probe the claims": the object and its infinitive
    elif "np" in frames and nxt in ("him", "her", "them"):
        frame = "phrase"  # ", criticizing him for repeated votes", ", supporting her by 67 points"
    else:
        return None
    if k >= len(toks):
        return None
    if plain and frame == "phrase" and nxt != "to":
        # a plain subject speaks through a clause or an infinitive only; before a phrase,
        # the speaker of the clause before, as without it
        subj = _latest_subject(doc, toks, i)
        if subj is None:
            return None
        found = (subj, None)
    h = Hit(toks[i].start, toks[i + n - 1].end, text[toks[i].start:toks[i + n - 1].end], lemma, cls,
             tuple(found[0]), rule=f"broad-{rule}")
    s, e = _trim(text, toks[k].start, s1)
    if frame == "phrase":
        e = _phrase_end(text, s, e)
    else:
        e = _clause_end(text, s, e)
    return _content(doc, s, e, h, f"{cls}-{rule}", short=frame == "phrase")


#: Words that may open a plain subject with no name in it (``Both parents``, ``Other
#: Republicans``, ``the families of the founders``), besides a capitalised word.
_PLAIN_OPENING = gw.ARTICLES | gw.POSSESSIVES | {"both", "other", "some", "many", "most", "several", "few", "all",
                                                 "these", "those", "two", "three", "four", "five"}
#: Words that end a plain subject: it holds no clause of its own.
_PLAIN_STOP = frozenset({"who", "which", "that", "whose", "and", "or", "but", "to"})


def plain_subject(toks: list, b: int, i: int):
    """``Both parents stiffened their denunciation of Mr. Trump, saying ...``: the subject of
    the clause (from ``b``) that a participle at ``i`` continues, when the phrase reader
    knows no name, pronoun or role in it: the words from the clause start (past one
    opening adverbial up to a comma: ``Shortly after the merger announcement, the
    families ... had mobilized, warning ...``) to its verb, a lower-case past form in
    ``-ed`` or a finite auxiliary, at most eight words, opened by a capitalised word or a
    determiner and holding no clause of its own.

    >>> from quotecheck import words as wd
    >>> t = "Other Republicans echoed those comments, saying the plan was weak."
    >>> [x.text for x in plain_subject(wd.tokens(t, 0, len(t)), 0, 6)[0]]
    ['Other', 'Republicans']
    """
    start = b
    for m in range(b, min(i, b + 12)):
        if toks[m].text == ",":
            w0 = toks[b].text
            if w0 in OPENERS or w0.endswith("ly") or w0.islower():
                start = m + 1  # an opening adverbial: the subject comes after its comma
            break
    while start < i - 1 and toks[start].text in CONNECTIVES:
        start += 1  # "And officials ...": the connective is not the subject's
    if start >= i or not (toks[start].cap or toks[start].text.lower() in _PLAIN_OPENING or
                          start > b and toks[start].text.endswith("s") and toks[start].word) or \
            toks[start].text.lower() in _SUBJ_PRONOUNS:
        return None
    for m in range(start + 1, min(i, start + 9)):
        w = toks[m].text
        if w.islower() and (len(w) > 4 and w.endswith("ed") or w in FINITE):
            if toks[m - 1].text.lower() in _PLAIN_OPENING:
                return None  # "the embattled": an attribute, not the verb
            end = m
            while end - 1 > start and group_adverb(toks[end - 1].text):
                end -= 1  # "The chancellery also ...": the adverb is the verb's
            return toks[start:end], None
        if not (toks[m].word or w in ("'s", "’s")) or w.lower() in _PLAIN_STOP or w.lower() in _SUBJ_PRONOUNS or \
                w.endswith("ly") and w.islower():
            return None  # a clause or an adverb inside: not one plain phrase
    return None


def _nominal_at(doc: DocIndex, toks: list, i: int, s1: int):
    """``Trump's criticism of the judge``, ``his claim that ...``, ``her call for ...``: a
    possessive before the noun is the source; the frame word after it opens the content,
    which ends with its phrase (a that-clause with its clause)."""
    frames = nouns().get(toks[i].text)
    if not frames or i == 0 or i + 2 >= len(toks):
        return None
    text = doc.text
    prev = toks[i - 1]
    if i >= 2 and prev.word and prev.text.islower() and prev.text not in nouns() and (
            toks[i - 2].text.lower() in _POSSESSIVE_PRONOUNS or toks[i - 2].text.endswith(("'s", "’s"))):
        i_adj = i - 1  # "his harsh attacks on": one adjective between
        prev = toks[i_adj - 1]
    else:
        i_adj = i
    if prev.text.lower() in _POSSESSIVE_PRONOUNS:
        np = [prev]
    elif prev.text.endswith(("'s", "’s")) and prev.cap:
        found = np_left(toks, i_adj - 1, 0)
        np = list(found[0]) if found else [prev]
    elif prev.text.endswith(("'s", "’s")) and prev.word and "that" in frames and toks[i + 1].text == "that":
        # "the Obama administration's hopes that ...": a described source, before a clause
        found = np_left(toks, i_adj - 1, 0)
        if not found:
            return None
        np = list(found[0])
    elif prev.text in ("'", "’") and i >= 2 and toks[i - 2].text.endswith("s") and toks[i - 2].word and (
            toks[i - 2].cap or toks[i + 1].text == "that"):
        np = [toks[i - 2]]  # "Sanders’ support for", "budget hawks’ warnings that"
    else:
        return None
    k = i + 1
    nxt = toks[k].text.lower()
    copular = nxt in _COPULA_WORDS and "that" in frames
    if copular:
        # "His message has long been that ...", "Her argument is that ...": the noun is the
        # subject of a copula whose complement is what was said
        m = k
        while m < len(toks) - 2 and m - k < 4 and toks[m].text.lower() in _COPULA_WORDS:
            m += 1
        if toks[m].text.lower() != "that" or not any(toks[c].text.lower() in _COPULA_HEADS for c in range(k, m)) or \
                not toks[m + 1].word or toks[m + 1].text.lower() in ("of", "is", "was", "which"):
            return None  # "Her view was that of a stranger": a pronoun, no clause
        k, nxt = m, "that"
    if nxt not in frames:
        return None
    if nxt == "to" and not (toks[k + 1].word and toks[k + 1].text.islower()):
        return None  # "his opposition to the war" is read as an object below only if listed
    start = toks[k].start if nxt in ("that", "to") else toks[k + 1].start
    h = Hit(toks[i].start, toks[i].end, toks[i].text, toks[i].text, "nominal", tuple(np), rule="nominal")
    # the noun phrase is often the sentence's subject: its content ends where the main verb
    # comes (the first finite word; for a that-clause, the one after the clause's own)
    finite_seen = 0
    end = s1
    for t in toks[k + 1:]:
        if t.text.lower() in FINITE:
            finite_seen += 1
            if finite_seen == (99 if copular else 2 if nxt == "that" else 1):
                end = t.start
                break
    s, e = _trim(text, start, end)
    if nxt != "that":
        e = _phrase_end(text, s, e)
    return _content(doc, s, e, h, f"nominal-{nxt}", short=nxt != "that")


#: A copula after a noun of the lexicon, with adverbs and auxiliaries (``has long been``).
_COPULA_WORDS = frozenset({"is", "was", "has", "had", "have", "been", "long", "always", "remains", "remained",
                           "still", "now", "simply"})
#: The words of such a group that make it a copula (``has`` alone is a possession).
_COPULA_HEADS = frozenset({"is", "was", "been", "remains", "remained"})


#: Words that may open the object of a participle (``a memo detailing the plan``, ``polls
#: showing the mayor behind``): a determiner or possessive, an object pronoun, ``that`` and ``to``
#: (for the frames that take them); a capitalised word or a figure opens one too.
_OBJECT_OPENING = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "him", "them", "themselves",
                             "himself", "herself", "itself", "that", "to", "this", "these", "those", "more", "no"})


def reduced_hint(before: list, text: str, end: int) -> bool:
    """The quick test before :func:`_reduced_relative_at`, without tokenising: the word
    before the ``-ing`` form ends a noun (a plural, a name, ``those``) and the word after
    it may open an object.

    >>> t = "a group backing Mr. Lopez"
    >>> reduced_hint(t[:8].split(), t, 15), reduced_hint(["the", "new"], "the new thinking on", 16)
    (True, False)
    """
    if not before:
        return False
    last = before[-1]
    if not last.isalpha() or last.lower() in _REDUCED_NOT_HEAD:
        return False
    nxt = text[end:end + 30].split()
    if not nxt:
        return False
    w = nxt[0]
    return w[:1].isupper() or w[:1].isdigit() or w.lower() in _OBJECT_OPENING


#: Words that do not end a noun phrase before a participle: function words and adverbs of
#: degree or manner (``is still pushing``, ``without ever naming``).
_REDUCED_NOT_HEAD = frozenset({"new", "the", "a", "an", "and", "or", "but", "not", "also", "still", "just",
                               "even", "now", "then", "by", "of", "in", "on", "for", "to", "from", "with",
                               "about", "after", "before", "without", "while", "when", "is", "are", "was",
                               "were", "be", "been", "being", "am", "his", "her", "their", "its", "my", "our",
                               "your", "who", "which", "that", "what", "keep", "keeps", "kept", "began",
                               "begin", "begins", "start", "started", "starts", "stop", "stopped", "spent",
                               "spend", "spends", "avoid", "avoided", "avoids", "continue", "continued",
                               "continues", "finished", "like", "than", "as", "he", "she", "they", "we", "i",
                               "you", "it", "there", "here", "so", "too", "very", "more", "most", "less"})


#: The classes of verbs read as a participle after a noun: speech and evidence (``a statement
#: condemning``, ``polls showing``); a stance or an intention there (``a group supporting
#: X``, ``candidates seeking the nomination``) as often names who someone is as what they
#: said (about half of those on train-640 were annotated).
_REDUCED_CLASSES = frozenset({"speech", "evidence"})


def _reduced_relative_at(doc: DocIndex, toks: list, i: int, n: int, lemma: str, cls: str, frames, s1: int):
    """``a report detailing the changes``, ``polls showing the mayor behind``, ``a letter
    warning that ...``: a participle right after a
    noun is a relative clause cut short (``a report that details the changes``); the noun phrase is
    the source and what the participle takes is the content (its object or infinitive to
    the end of its phrase, a that-clause to the end of its clause).  Only before a word
    that opens an object, so ``the new thinking on`` stays a noun."""
    if i < 1 or not toks[i].text.islower() or cls not in _REDUCED_CLASSES:
        return None
    prev = toks[i - 1]
    if not prev.word or prev.text.lower() in _REDUCED_NOT_HEAD or prev.text.lower() in FINITE or \
            prev.text.endswith("ly") and prev.text.islower() or prev.text.lower() in _NOT_SUBJECT_END:
        return None
    k = i + n
    if k + 1 >= len(toks) or not toks[k].word:
        return None
    nxt = toks[k].text.lower()
    if nxt == "that" and "that" in frames:
        frame = "clause"
    elif nxt == "to" and "to" in frames and toks[k + 1].word and toks[k + 1].text.islower():
        frame = "phrase"
    elif nxt in _PARTICLES and nxt in frames:
        frame, k = "phrase", k + 1
    elif "np" in frames and (toks[k].cap or nxt[:1].isdigit() or nxt in _OBJECT_OPENING) and \
            nxt not in ("that", "to") and nxt not in _NOT_OBJECT:
        frame = "object"
    else:
        return None
    found = np_left(toks, i - 1, 0)
    if not found or found[0][-1] is not prev:
        return None
    np = list(found[0])
    for m in range(len(np) - 1, -1, -1):
        w = np[m].text
        if w.lower() in FINITE or w.islower() and w.endswith("ed"):
            np = np[m + 1:]  # "the Kremlin released draft documents calling on": the object only
            break
    text = doc.text
    h = Hit(toks[i].start, toks[i + n - 1].end, text[toks[i].start:toks[i + n - 1].end], lemma, cls,
            tuple(np), rule="broad-reduced-relative")
    if frame == "object":
        # the phrase often sits in the sentence's subject: its object ends where the main
        # verb comes ("a memo detailing the plan was leaked ...")
        for t in toks[k + 1:]:
            if not t.word or t.text.lower() in FINITE or t.text.islower() and t.text.endswith("ed"):
                s1 = min(s1, t.start)
                break
    s, e = _trim(text, toks[k].start, s1)
    e = _clause_end(text, s, e) if frame == "clause" else _phrase_end(text, s, e)
    if frame == "object":
        adjunct = _NP_ADJUNCT.search(text, s, e)
        e = adjunct.start() if adjunct else e
    return _content(doc, s, e, h, f"{cls}-reduced-relative", short=frame != "clause")
