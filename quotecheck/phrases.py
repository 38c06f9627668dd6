"""Phrases: the speaker phrase a cue rests on, read from the cue outwards.

One job: the subject noun phrase before a cue, read leftwards (:func:`np_left`: titles,
appositives in commas, dashes or brackets, pronouns, ``X, who``, shares of those polled),
the adverbs and time phrases between a subject and its cue (:func:`skip_adverbs_left`), and
the speaker phrase after an inverted cue (:func:`np_right`: ``said Ann Lee, 32, of Akron``).
:mod:`quotecheck.clauses` decides which cue a phrase belongs to; these readers only read it.
"""
from __future__ import annotations

import regex

from . import grammar_words as gw
from . import lexicon as _tables

from .cues import _NOUNS, cue_at
from .speaker_lexicon import (_DETERMINERS, _DOCUMENT_HEADS, _NOT_NAME, _NUMBER_WORD, _PARTICLES,
                              lexicon as speaker_lexicon, person_noun)
from .subjects import _ADVERBS, _DOCUMENTS, FINITE, STOP, WEEKDAYS, _speaking_head, token_index
from .words import _before_apostrophe


#: Prepositions that join a role to its principal in a phrase read leftwards ("a spokesman
#: for Acme", "the chairman of the board", "an aide to Okafor": the role holder speaks).
_ROLE_PREPS = ("of", "for", "at", "to")


def np_left(toks: list, j: int, lo_tok: int = 0):
    """The subject noun phrase ending at token ``j`` (inclusive), read leftwards:
    ``(np_tokens, appositive_tokens)`` or None.  Adverbs and time words between the
    subject and the cue are skipped by the caller."""
    found = _np_left1(toks, j, lo_tok)
    if found and found[1] and found[0][0].text not in RELATIVES:
        np = found[0]
        k = token_index(toks, np[0].start)
        # the phrase found is itself an appositive ("the trade minister of Norway," in
        # "Kari Dahl, the trade minister of Norway, a member of ..., said")
        if k - 1 > lo_tok and toks[k - 1].text == "," and (np[0].text.lower() in _DETERMINERS or
                                                           not np[0].cap):
            outer = _np_left1(toks, k - 1, lo_tok)
            if not outer and k - 2 >= lo_tok and toks[k - 2].cap:
                outer = _np_left1(toks, k - 2, lo_tok)  # the name opens the sentence
            if outer and any(t.cap for t in outer[0]):
                return outer[0], tuple(outer[1]) + tuple(np)
    if not found or not any(t.cap for t in found[0]) and not (
            len(found[0]) == 1 and found[0][0].text.lower() in speaker_lexicon().pronouns):
        # (a name is its own subject; "the man who they say": "they" speaks)
        rel = _relative_subject(toks, j, lo_tok)
        if rel is not None:
            return rel
    if found and found[0][0].text not in RELATIVES:
        k0 = token_index(toks, found[0][0].start)
        outer = _enclosing_subject(toks, k0, lo_tok)
        if outer is None:
            outer = _placed_subject(toks, k0, lo_tok)
        if outer is not None:
            return outer
    return found


#: Relative pronouns that can be the subject of a cue, standing for the phrase before them
#: (``that`` only after a thing that carries words: :func:`inscribed_antecedent`).
RELATIVES = frozenset({"who", "which", "that"})


def _relative_antecedent(toks: list, j: int, lo_tok: int):
    """The document a ``which`` at ``j`` after a comma or dash stands for when it is the
    subject of the cue after it (``the report, which notes``, ``her new ad, which says``,
    ``the letter — which reads``), else None.  ``which`` is the mention (as PolNeAR's readers
    mark it), the document the speaker's words (carried in the appositive slot), resolved to
    its issuer when it names one.  Only a document: with any antecedent the rule lost a quote
    on the blind split and gained one on train-640.  A restrictive
    relative (``an aide who suggested``, ``the motion which said``) is left alone:
    PolNeAR gives such a quote to the sentence's subject (3 of 3 in train-640 went wrong
    when it was read); a thing that carries words is read by :func:`inscribed_antecedent`."""
    if toks[j].text != "which" or toks[j - 1].text not in (",", "—", "–", "--") or j - 2 < lo_tok:
        return None
    found = _np_left1(toks, j - 2, lo_tok)
    if not found or found[1] or found[0][-1].text.lower() not in _DOCUMENTS:
        return None
    return tuple(found[0])


#: Things that carry written words (``data/speakers_inscribed.txt``: signs, T-shirts, bottles,
#: messages, letters).
_INSCRIBED = _tables.words("speakers_inscribed.txt")


def inscribed_antecedent(toks: list, j: int, lo_tok: int):
    """The thing a ``that`` or ``which`` at ``j`` stands for when its head carries written
    words (``water bottles that said, “...”``, ``a sign — which read “...”``, ``letters that
    called him an “...”``): the relative pronoun is the source, as PolNeAR's readers mark it
    (five of five such quotes in train-640), whoever holds or wrote the thing; the phrase
    before it (after a comma or dash for ``which``) is its antecedent; else None.  A
    participle (``carrying signs saying``) is not read here: its holder speaks.  Read only
    for a quote (:func:`quotecheck.clauses.iter_hits`): ``a message that characterizes the
    economy as broken`` reports nobody's words."""
    w = toks[j].text
    if w not in ("that", "which") or j - 1 < lo_tok:
        return None
    k = j - 1
    if toks[k].text in (",", "—", "–", "--"):
        k -= 1
    elif w == "which":
        return None
    if k < lo_tok or toks[k].text.lower() not in _INSCRIBED:
        return None
    found = _np_left1(toks, k, lo_tok)
    if found and not found[1]:
        return tuple(found[0])
    # "water bottles", "excoriating letters": the head and the words that modify it
    s = k
    while s - 1 >= lo_tok and k - s < 4 and toks[s - 1].word and toks[s - 1].text.lower() not in STOP and \
            toks[s - 1].text.lower() not in FINITE and not cue_at(toks, s - 1):
        s -= 1
        if toks[s].text.lower() in _DETERMINERS:
            break
    return tuple(toks[s:k + 1])


#: Marks that open a quotation.
_OPEN_MARKS = '"“‘\''


def quote_near(text: str, pos: int) -> bool:
    """Whether a quotation opens within a few words after ``pos`` in the same sentence
    (``said, “``, ``called him an “``): where :func:`inscribed_antecedent` is read.

    >>> quote_near("that said, “We won.”", 9), quote_near("that said we won.", 9)
    (True, False)
    """
    stretch = text[pos:pos + 40]
    k = min((stretch.find(c) for c in _OPEN_MARKS if c in stretch), default=-1)
    if k < 0:
        return False
    before = stretch[:k]
    return not any(c in before for c in ".;!?\n") and len(before.split()) <= 4


def _placed_subject(toks: list, k: int, lo_tok: int):
    """The described person a place in commas hangs on, when the phrase read leftwards
    (starting at token ``k``, with an appositive) is that place: ``a woman in Akron, Ohio,
    told``, ``a philanthropist from Monsey, New York, said``, ``a spokesman at the prison in
    Springfield, Mo., said``: the subject is the description before ``in``, ``from`` or
    ``at``, if it opens with an article and its head can speak (``a rally in Wilmington,
    N.C., warned`` is no subject); else None."""
    if k - 2 < lo_tok or toks[k - 1].text not in ("in", "from", "at") or not toks[k - 2].text.isalpha() or \
            not toks[k - 2].text.islower():
        return None
    return _described_speaker(toks, k - 2, lo_tok, ("a", "an", "the"))


def _described_speaker(toks: list, j: int, lo_tok: int, articles: tuple):
    """``(phrase tokens, ())`` for the phrase read leftwards from token ``j`` when it has no
    appositive, opens with one of ``articles`` and its head (the noun before a prepositional
    phrase: ``a spokesman at the prison``) can speak (:func:`_can_speak`); else None.  What
    :func:`_placed_subject` and :func:`_relative_subject` both ask of the description they
    find."""
    outer = _np_left1(toks, j, lo_tok)
    if not outer or outer[1] or outer[0][0].text.lower() not in articles:
        return None
    words = [x for x in outer[0] if x.word]
    for n, x in enumerate(words):
        if n and x.text in ("in", "at", "of", "for", "from", "with"):
            words = words[:n]  # "a spokesman at the prison": the head is before the phrase
            break
    if not _can_speak(words[-1].text.lower()):
        return None
    return outer[0], ()


def _can_speak(head: str) -> bool:
    """Whether a lower-case noun can head a description of someone who speaks: a speaking
    head, a title or role, an occupation, a group, or an agent noun (``a woman``, ``a
    philanthropist``, ``a shopkeeper``, ``the groups``)."""
    if _speaking_head(head) or person_noun(head):
        return True
    if head.endswith("s") and (_speaking_head(head[:-1]) or person_noun(head[:-1])):
        return True
    return head.endswith(("man", "men", "ist", "ists", "er", "ers", "or", "ors", "ian", "ians", "ant", "ants",
                          "ent", "ents")) or head in ("people", "groups")


def _relative_subject(toks: list, j: int, lo_tok: int):
    """The subject of a cue at ``j + 1`` that a restrictive relative clause separates from it
    (``A resident who lives in a nearby building told``, ``The officer who fired the shot
    says``, ``the groups who wrote to her on Thursday say``): the description before ``who``,
    if it opens with an article and its head can speak, with no punctuation or clause word
    between ``who`` and the cue; else None."""
    k = j
    while k > lo_tok and j - k < 14:
        w = toks[k].text
        if not toks[k].word or w.lower() in ("and", "but", "or", "that", "which", "said", "says", "say"):
            return None
        if w == "who":
            break
        k -= 1
    if k <= lo_tok or toks[k].text != "who" or k == j or not toks[k - 1].text.isalpha() or \
            not toks[k - 1].text.islower():
        return None
    return _described_speaker(toks, k - 1, lo_tok, ("a", "an", "the", "those", "one", "some"))


#: Words that open an aside in commas between a relative pronoun and its verb ("who, after
#: trading insults with the host, said", "who, on a press call Friday, criticized").
_ASIDE_OPENERS = frozenset({"after", "before", "on", "in", "at", "during", "speaking", "when", "while",
                            "like", "unlike", "however", "though", "too", "also"})


#: Prepositions whose object a phrase read leftwards can be; such a phrase sits inside an
#: adjunct or an appositive, never opens the clause as its subject.
_OBJECT_PREPS = frozenset({"in", "of", "at", "from", "near", "outside", "inside"})


def _enclosing_subject(toks: list, k: int, lo_tok: int):
    """The subject outside a chain of commas when the phrase read leftwards (starting at token
    ``k``, found with an appositive) is itself inside one: the object of a preposition
    (``Ann Lee, during a town hall in Akron, Ohio, said``: not Akron).  The phrase before the
    comma that opens the adjunct is the subject when it holds a capitalised word, opens its
    clause and is no time word; else None."""
    if k - 2 < lo_tok or toks[k - 1].text not in _OBJECT_PREPS:
        return None
    c = k - 1
    while c > lo_tok and toks[c].text != "," and k - c < 25:
        if toks[c].text in (";", ":", ".", "!", "?", "(", ")", "—", "–") or (
                c < k - 1 and cue_at(toks, c) and toks[c].text.lower() not in _NOUNS):
            return None
        c -= 1
    if c <= lo_tok or toks[c].text != ",":
        return None
    outer = _np_left1(toks, c - 1, lo_tok)
    if not outer or not any(t.cap for t in outer[0]) or outer[1] or outer[0][-1].text in WEEKDAYS:
        return None
    s = token_index(toks, outer[0][0].start)
    if s > lo_tok and toks[s - 1].word and toks[s - 1].text.lower() not in ("and", "but", "while", "as", "when",
                                                                            "after", "because", "that"):
        return None  # the phrase is an object itself ("told Ann Lee, ...")
    return outer[0], ()


def _predicate_inside(appos) -> bool:
    """Whether the stretch between two commas is a clause, not an appositive: a finite
    auxiliary or a lower-case past form before ``to``/``that``/a determiner (``his mother
    refused to teach him``), with no relative word before it (``a senator who has said``)."""
    for m, x in enumerate(appos):
        w = x.text.lower()
        if w in ("who", "whom", "whose", "which", "that"):
            return False
        if m == 0 or not x.text.islower():
            continue
        if w in FINITE or w.endswith("ed") and m + 1 < len(appos) and \
                appos[m + 1].text.lower() in ("to", "that", "the", "a", "an", "his", "her", "their"):
            return True
    return False


def _np_left1(toks: list, j: int, lo_tok: int = 0):
    lex = speaker_lexicon()
    if j < lo_tok:
        return None
    t = toks[j]
    if t.text == ")":
        # a party tag or aside in brackets between the name and the cue
        k = j - 1
        while k >= lo_tok and toks[k].text != "(" and j - k < 12:
            k -= 1
        if k <= lo_tok or toks[k].text != "(":
            return None
        j = k - 1
        t = toks[j]
    base = _before_apostrophe(t.text).lower()
    if base in lex.pronouns and base not in ("her", "him"):
        return [t], []
    if t.text == "who" and j - 1 > lo_tok and toks[j - 1].text == ",":
        # "Okafor, now the committee's chair, who said": the mention is "who", the
        # person it stands for is before the comma (carried in the appositive slot)
        found = np_left(toks, j - 1, lo_tok) or np_left(toks, j - 2, lo_tok)
        return ([t], tuple(found[0])) if found else None
    if t.text == "who" and j - 1 > lo_tok and toks[j - 1].text in ("—", "–", "--", "-"):
        # "Ann Lee — who said last year she would ... —": the dash opens the relative clause
        found = np_left(toks, j - 2, lo_tok)
        return ([t], tuple(found[0])) if found and any(x.cap for x in found[0]) else None
    if t.text == "which" and j - 1 >= lo_tok:
        rel = _relative_antecedent(toks, j, lo_tok)
        if rel is not None:
            return [t], rel
    appos = []
    if t.text == "," and j - 1 >= lo_tok and toks[j - 1].text == ")":
        return np_left(toks, j - 1, lo_tok)
    if t.text in ("—", "–", "--"):
        # "Gingrich — mentioned by Newsmax as a running mate — told": the aside in dashes
        k = j - 1
        while k >= lo_tok and toks[k].text not in ("—", "–", "--", ".", ";") and j - k < 30:
            k -= 1
        if k - 1 >= lo_tok and toks[k].text == t.text:
            found = _np_left1(toks, k - 1, lo_tok)
            if found and any(x.cap for x in found[0]):
                return found[0], tuple(toks[k + 1:j])
        return None
    if t.text == ",":
        # "Vladimir Putin, Russia's president, said": skip back over the appositive
        k = j - 1
        while k >= lo_tok and toks[k].text not in (",", ";", ":", "(", ")", ".", "!", "?") and j - k < 25:
            k -= 1
        if k < lo_tok or toks[k].text != "," or k == j - 1:
            return None
        appos = toks[k + 1:j]
        if k - 1 >= lo_tok and toks[k - 1].text == "who" and appos[0].text.lower() in _ASIDE_OPENERS:
            # "Okafor, who, after a long day of talks, said": an aside inside the relative clause
            return _np_left1(toks, k - 1, lo_tok)
        j = k - 1
        if j >= lo_tok and toks[j].text == ")":
            # "Rep. Ann Lee (D-Ore.), a budget panel member, said"
            while j >= lo_tok and toks[j].text != "(":
                j -= 1
            j -= 1
        if j < lo_tok:
            return None
        # the appositive must read like one: a determiner, possessive, title or a relative clause
        first = appos[0].text
        if first.lower() in ("now", "then", "also", "formerly", "currently", "once") and len(appos) > 1:
            first = appos[1].text
        if first.endswith("ing") and first.islower() or first in ("in", "on", "at", "during", "after", "before",
                                                                  "himself", "herself", "themselves"):
            first = "who"  # "An Israeli official, speaking on condition of anonymity, said",
            #                "Lewandowski, in a statement released Thursday, said"
        if not (first.lower() in _DETERMINERS or first.lower() in ("who", "whose", "which") or
                any(x.text in ("'s", "’s") or x.text.endswith(("'s", "’s")) for x in appos) or
                lex.title(first) or first[:1].isdigit() or
                any(x.text in lex.titles or x.text.lower() in lex.titles for x in appos[:4]) or
                (appos[0].cap and len(appos) <= 8)):
            return None
        if _predicate_inside(appos):
            return None  # "..., his mother refused to teach him Japanese, insisting": a clause
        if len(appos) == 2 and appos[0].text.replace(".", "").isdigit() and appos[1].text in ("%", "percent") and \
                toks[j].word and toks[j].text.lower() not in lex.pronouns:
            # "Nearly two-thirds, 67 percent, say", "a third of independents, 33%, agree": the
            # share of those polled, given again in the commas, speaks: the words before the
            # commas when they are the whole of a short subject, else the share
            share_of = toks[lo_tok:j + 1]
            if len(share_of) <= 8 and all(x.word and x.text.lower() not in FINITE and not cue_at(toks, lo_tok + n)
                                          for n, x in enumerate(share_of)):
                return list(share_of), []
            return list(appos), []
        if toks[j].text.lower() in lex.pronouns or not toks[j].cap:
            if appos and all(x.cap or x.text in _PARTICLES for x in appos if x.word) and \
                    toks[j].word and toks[j].text.lower() not in lex.pronouns:
                return list(appos), []  # the description comes first, the name in the commas
            if not (appos[0].text.lower() in ("who", "whose") and toks[j].word and
                    toks[j].text.lower() not in lex.pronouns):
                return None
            # "The lawmaker, who represents a district in Albay, said": a description before
            # a relative clause about a person is read like a name before one
    out: list = []
    k = j
    saw_cap = False
    while k >= lo_tok and len(out) < 10:
        t = toks[k]
        w = t.text
        lw = w.lower()
        if w == "10" and not out and k - 2 >= lo_tok and toks[k - 1].text == "in" and (
                toks[k - 2].text.isdigit() or _NUMBER_WORD.fullmatch(toks[k - 2].text)):
            out.extend((t, toks[k - 1], toks[k - 2]))  # "About four in 10 said"
            saw_cap = True
            break
        if (w in ("percent", "%") and k - 1 >= lo_tok and toks[k - 1].text[:1].isdigit() and
                toks[k - 1].text.replace(".", "").replace(",", "").isdigit()):
            # "63 percent said", "49% of voters say": a share of those polled speaks (but in
            # "found 40% of the posts it checked" the cue word is the phrase's noun)
            if j + 1 < len(toks) and toks[j + 1].text.lower() in _NOUNS:
                return None
            out.extend((t, toks[k - 1]))
            saw_cap = True
            break
        if not w[:1].isalnum():  # (Token.word)
            if w in ("'s", "’s", "-", "&", "'", "’") and out:
                out.append(t)
                k -= 1
                continue
            break
        if w == "and" and out and out[-1].cap and k > lo_tok and _clause_and(toks[k - 1].text, lex):
            break  # "... brand you a liar and NBC News will accuse": "and" joins two clauses
        if w in ("of", "and", "for", "de", "van", "von", "at", "to") and out and out[-1].word and k > lo_tok and \
                (out[-1].cap or w in _ROLE_PREPS) and \
                (toks[k - 1].cap and w != "to" or (w == "and" and toks[k - 1].word) or
                 (w in _ROLE_PREPS and toks[k - 1].text.lower() in lex.titles) or
                 w == "of" and toks[k - 1].text.lower() in ("percent", "%")):
            out.append(t)
            k -= 1
            continue
        if t.cap and w not in _NOT_NAME:
            out.append(t)
            saw_cap = True
            k -= 1
            continue
        if lw == "that" and out and out[-1].cap:
            break  # "saying that rival Ann Lee had": a conjunction, not a determiner
        if lw in _DETERMINERS or w in ("The", "A", "An", "His", "Her", "Their", "Its", "One", "Some", "Many",
                                           "Other", "Both", "Several", "Another"):
            out.append(t)
            k -= 1
            # "a junior staffer in the room", "Ms. Varga of the Rivers Trust": a prepositional
            # phrase hangs on the noun before it
            if k - 1 >= lo_tok and (toks[k].text in ("in", "at", "of", "for", "from", "with") or
                                    toks[k].text == "to" and toks[k - 1].text.lower() in lex.titles) and \
                    toks[k - 1].word and toks[k - 1].text.lower() not in STOP and \
                    toks[k - 1].text.lower() not in speaker_lexicon().pronouns and not cue_at(toks, k - 1) and \
                    len(out) < 7:
                out.append(toks[k])
                k -= 1
                continue
            break
        # (the cue table is asked last: the other tests are set lookups)
        if lw in STOP or lw in lex.pronouns or lw in FINITE or lw.endswith(("n't", "n’t")) or \
                w[:1].isdigit() and not (not out and _AGE.fullmatch(w)) or (lw not in _NOUNS and cue_at(toks, k)):
            break  # (but "the 43-year-old asked": an age is how news names a person again)
        if t.cap:  # a capitalised function word at the start of a sentence ends the phrase
            break
        out.append(t)
        k -= 1
    if not out:
        return None
    out.reverse()
    if appos and out[0].text.lower() in _DETERMINERS and len(appos) >= 2 and \
            all(x.cap or x.text in _PARTICLES for x in appos if x.word):
        # "Her old business partner at Acme, Tom R. Hale, called": the name is in
        # the commas, the description before it
        return list(appos), out
    # a bare lower-case phrase needs a head that can speak: a title word, a group or organisation,
    # or a plural agent noun ("forecasters say", "economists warn")
    if not saw_cap and not any(x.text.lower() in _DETERMINERS for x in out):
        # the head is before a prepositional phrase ("deputy minister of health")
        head = next((out[n - 1] for n in range(1, len(out)) if out[n].text in ("of", "for", "at")),
                    out[-1]).text.lower()
        if not (head in lex.titles or lex.orgs.get(head) or (head.endswith("s") and head[:-1] in lex.titles)
                or head.endswith(("ers", "ors", "ists", "ants", "ents", "ians", "men", "women"))):
            return None
    if len(out) == 1 and out[0].text.lower() in _DETERMINERS and \
            out[0].text.lower() not in ("another", "one", "some", "many", "both", "several", "most", "two", "three"):
        return None
    words = [x for x in out if x.text[:1].isalnum()]  # (Token.word)
    for n, x in enumerate(words):
        if n and x.text in ("in", "at", "of", "for", "from", "with"):
            words = words[:n]  # "a Democratic staffer in the room": the head is before the phrase
            break
    # after a name, lower-case words belong to the phrase only as its head noun ("the Lee
    # campaign", "Okafor's longtime media adviser"); "Okafor restricted" is a verb
    last_cap: int | None = None
    for n in range(len(words) - 1, -1, -1):
        if words[n].cap:
            last_cap = n
            break
    if last_cap is not None and last_cap < len(words) - 1 and words[0].cap and \
            words[0].text.lower() not in _DETERMINERS:
        head = words[-1].text.lower()
        # (a document after a name only where the resolver reads it as its owner's: "Lee's
        # new memoir says", not "Lee's late-night posts blaming ...")
        if not (head in lex.titles or lex.orgs.get(head) or (head.endswith("s") and head[:-1] in lex.titles)
                or _speaking_head(head) and (head not in _DOCUMENTS or head in _DOCUMENT_HEADS)
                or head.endswith(("man", "woman", "men", "women", "er", "ers", "or", "ors", "ist", "ists",
                                  "ent", "ents", "ant", "ants", "ian", "ians"))):
            return None
    # "Republican claims": a descriptor alone names nobody
    title = lex.title
    for x in words:
        kind = title(x.text)
        if not kind or kind[0] != "descriptor":
            return out, appos
    return None


def _clause_and(left: str, lex) -> bool:
    """Whether ``and`` before a capitalised name joins two clauses rather than two names: the
    word before it is a lower-case common noun, the end of the first clause's object (``asked
    for a photo and Clinton said``), not a name or a title (``the senator and Ann Lee said``)
    nor a group that speaks (``officials and Lee said``)."""
    if not left.isalpha() or not left.islower() or left in lex.titles or lex.orgs.get(left):
        return False
    return not (left.endswith("s") and left[:-1] in lex.titles) and not left.endswith(
        ("ers", "ors", "ists", "ants", "ents", "ians", "men", "women"))


#: An age used as a noun ("the 43-year-old said").
_AGE = regex.compile(r"\d{1,3}+-year-old")




_PREPS = frozenset({"at", "on", "in", "during", "over", "via", "for", "after", "before"})


#: Asides in commas between a speaker and the cue ("Ayotte's campaign, for example, said").
_ASIDES = frozenset({"for example", "for instance", "however", "though", "meanwhile", "in turn", "too",
                     "in fact", "in response", "in contrast", "on the other hand", "likewise", "similarly",
                     "once again", "again", "also", "for his part", "for her part", "for their part"})


def skip_adverbs_left(toks: list, j: int, lo: int) -> int:
    """Step left over adverbs and time phrases between a subject and its cue (``also``,
    ``on Sunday``, ``at the time``, ``, once again,``)."""
    lex = speaker_lexicon()
    while j >= lo:
        w = toks[j].text
        # a capitalised word is an adverb only as listed ("Sunday") or after another capital:
        # "Will wrote" is George Will ("Theresa May said" still leaves "Theresa", who is her)
        if w in _ADVERBS or w.lower() in _ADVERBS and (not w[:1].isupper() or j > lo and toks[j - 1].cap) or \
                (w.endswith("ly") and w.islower() and len(w) > 4):
            j -= 1
            continue
        # "P (the) X" between a name or pronoun and the cue: "Trump at the time said"
        for n in (2, 3):
            k = j - n + 1
            if k - 1 >= lo and toks[k].text in _PREPS and all(t.word for t in toks[k:j + 1]) and \
                    toks[j].text.lower() not in STOP and toks[j].text.lower() not in lex.pronouns and \
                    not any(t.text.lower() in _RELATIVE_WORDS for t in toks[k + 1:j + 1]) and \
                    (toks[k - 1].cap or toks[k - 1].text.lower() in lex.pronouns or toks[k - 1].text == "who") and \
                    not any(t.cap for t in toks[k + 1:j + 1] if t.text not in WEEKDAYS) and not _share(toks, k):
                j = k - 1
                break
        else:
            # ", once again," -- a short lower-case aside in commas
            if w == ",":
                k = j - 1
                while k >= lo and j - k <= 4 and toks[k].word and not toks[k].cap:
                    k -= 1
                if k >= lo and j - k >= 2 and toks[k].text == "," and k - 1 >= lo and (
                        toks[k - 1].text.lower() in lex.pronouns or
                        " ".join(t.text.lower() for t in toks[k + 1:j]) in _ASIDES):
                    j = k - 1
                    continue
            break
    return j


#: Numbers that open a share of a poll ("Four in 10 voters", "6 in 10 say").
_SMALL_NUMBERS = frozenset("one two three four five six seven eight nine ten".split())


def _share(toks: list, k: int) -> bool:
    """Whether ``in`` at ``k`` joins the two numbers of a poll share (``Four in 10 voters see
    ...``, ``Six in 10 say ...``): the subject itself, no adjunct of time or place."""
    a, b = toks[k - 1].text, toks[k + 1].text if k + 1 < len(toks) else ""
    return toks[k].text == "in" and (a.isdigit() or a.lower() in _SMALL_NUMBERS) and \
        (b.isdigit() or b.lower() in _SMALL_NUMBERS)


#: Relative pronouns: "in January in which he said" holds a clause of its own, no phrase of
#: time or place between a subject and its cue ("Trump at the time said").
_RELATIVE_WORDS = gw.RELATIVE_PRONOUNS - {"that"}  # which, who, whom, whose ("that" is mostly no relative)


#: Time words that may follow an inverted cue's speaker ("said Lawrence yesterday").
_TIME_AFTER = frozenset({"yesterday", "today", "tonight", "tomorrow", "earlier", "later", "afterward",
                         "afterwards", "recently"})


def np_right(toks: list, i: int, hi: int):
    """The speaker phrase after an inverted cue (``said Putin``, ``said one adviser to
    Bill Clinton``, ``says Melissa Roloson, 32, of Sodus``), up to punctuation."""
    lex = speaker_lexicon()
    while i < hi and (toks[i].text in WEEKDAYS or toks[i].text in ("on", "in", "at", "Tuesday's")) and \
            i + 1 < hi and toks[i + 1].cap and toks[i + 1].text in WEEKDAYS:
        i += 1
    if i < hi and toks[i].text in WEEKDAYS:
        i += 1
    out: list = []
    k = i
    while k < hi and len(out) < 12:
        t = toks[k]
        if not t.word and t.text not in ("'s", "’s", "-", "&") and not (
                t.text == "/" and out and k + 1 < hi and toks[k + 1].word):  # "9/11 survivor Ann Lee"
            break
        lw = t.text.lower()
        if not out and (lw in ("that", "it", "in", "on", "at", "to", "of", "after", "before", "during",
                               "while", "when", "later", "earlier", "last", "this", "so", "as", "there",
                               "with", "without", "from", "for", "by", "about", "if", "and", "but")):
            return None
        if out and lw in ("that", "who", "which", "in", "on", "at", "during", "while", "when", "after",
                          "before", "as", "because", "referring", "adding", "noting", "saying"):
            break
        if out and (t.text in _TIME_AFTER or t.text in WEEKDAYS) and all(x.cap for x in out if x.word):
            break  # "said Lawrence yesterday", "said Tom Jones Monday": when, not who
        out.append(t)
        k += 1
    if not out:
        return None
    if len(out) > 1 and out[0].text.lower() in ("he", "she", "they", "we", "i", "it") or \
            any(x.text.lower() in FINITE and not (x.cap and n + 1 < len(out) and out[n + 1].cap)
                for n, x in enumerate(out)):
        # "said he hadn't given up hope": a clause, not a speaker (but after the cue a
        # capitalised "Will" or "May" before a capitalised word is a first name: "said Will Doyle")
        return None
    if [x.text for x in out] in (["another"], ["one"]):
        # "“...,” tweeted another.", "“...,” read one.": one (more) of the people or things
        # just named
        return out
    if not any(x.cap or x.text.lower() in lex.pronouns or (x.word and x.text.lower() not in _DETERMINERS)
               for x in out) or all(x.text.lower() in _DETERMINERS for x in out if x.word):
        return None
    if not any(x.cap or x.text.lower() in lex.pronouns for x in out) and not any(
            x.text.lower() in _DETERMINERS for x in out):
        return None
    return out
