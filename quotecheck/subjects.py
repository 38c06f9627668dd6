"""Subjects: who a clause is about, read from the words that open it.

One job: the subject that opens a sentence or a clause (:func:`initial_subject`: after
connectives, a dateline and an opening adverbial; names, titles, descriptions, pronouns,
groups, an appositive name in commas), the subject of the last clause of a stretch
(:func:`clause_subject`: a later coordinated clause with a subject of its own wins, and a
fronted adverbial is stepped over), and the closed-class words clause reading rests on
(:data:`STOP`, :data:`FINITE`, :data:`OPENERS`, :data:`CONNECTIVES`), shared with the cue
readers of :mod:`quotecheck.clauses`.
"""
from __future__ import annotations

import bisect
import functools
from typing import Optional

import regex

from . import lexicon
from . import grammar_words as gw
from .mentions import read_mention
from .speaker_lexicon import _DETERMINERS, _NOT_NAME, _NUMBER_WORD, lexicon as speaker_lexicon, person_noun
from .words import _before_apostrophe, has_word, tokens

#: Words that may sit between a speaker and the cue ("Putin on Sunday said", "he has said").
_ADVERBS = lexicon.exact("grammar_adverbs_between.txt")


WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())


#: Lower-case words that end a subject noun phrase when reading leftwards from a cue.
STOP = lexicon.exact("grammar_subject_stops.txt")


#: Finite auxiliaries: a phrase holding one is a clause, not a speaker phrase.
FINITE = lexicon.exact("grammar_finite_verbs.txt")


#: The forms of "be" before a passive participle ("was asked", "has been told"): the
#: passive readers of clauses, attribution and reported speech share them.
BE_FORMS = gw.FORMS_OF_BE - {"am"}  # ("am" has "I" for subject, never a reported speaker)


#: Things a speaker issues, which then "say" for them ("released a statement saying").
_DOCUMENTS = lexicon.exact("attribution_documents.txt")


_FUNCTION_WORDS = lexicon.words("function_words.txt")


def token_index(toks, start) -> int:
    """The index of the first token starting at or after ``start`` (tokens are tuples that
    begin with their start, so C bisection does it)."""
    return bisect.bisect_left(toks, (start,))

#: Words that open a subordinate or prepositional clause before the main clause ("When Trump
#: announced ..., he called", "In a subsequent tweet, Trump said").
OPENERS = lexicon.exact("grammar_clause_openers.txt")


CONNECTIVES = frozenset("And But Then So Still Yet Also Later Meanwhile However Instead Now Sure".split())


def clause_subject(text: str, toks: list):
    """The subject of the last clause in ``toks`` that has one: the sentence's subject
    (:func:`initial_subject`), unless a later coordinated or contrasting clause (``, and``,
    ``but``, ``while``, ``;``) opens with a subject of its own, nearer what follows
    ("Walter Hewlett led the charge, and within weeks the opposition effort had placed ads
    calling the deal a “...”")."""
    found = initial_subject(text, toks) or _after_fronted(text, toks)
    if found is None:
        return None
    v0 = token_index(toks, found[1].start)
    k = len(toks) - 1
    while k > v0 and not (toks[k].text in ("but", "while", "whereas", ";") or
                          toks[k].text == "and" and (toks[k - 1].text == "," or k + 1 < len(toks) and
                                                     toks[k + 1].text in ("he", "she", "they"))):
        k -= 1
    if k > v0:
        later = initial_subject(text, toks[k + 1:])
        if later is not None:
            return later
    return found


def _after_fronted(text: str, toks: list):
    """The subject after a fronted adverbial that :func:`initial_subject` does not step
    over (``But a few days later, Trump reversed himself``, ``At a town hall in Ames,
    Iowa, on Sunday, she tried``, ``Then, in 1999, Mr. Lee expressed``): when the sentence
    opens with a word that cannot be its subject (a function word, a connective, an
    adverb), the subject opening the clause after one of its first three commas.

    >>> t = "But a few days later, Ann Lee reversed herself"
    >>> [x.text for x in _after_fronted(t, tokens(t))[0]]
    ['Ann', 'Lee']
    """
    if not toks or not (toks[0].text.lower() in _FUNCTION_WORDS or toks[0].text in CONNECTIVES or
                        toks[0].text in OPENERS or toks[0].text.endswith("ly")):
        return None
    commas = 0
    for k, t in enumerate(toks[:40]):
        if t.text != ",":
            continue
        commas += 1
        if commas > 3:
            break
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if nxt is None or not (nxt.cap or nxt.text.lower() in speaker_lexicon().pronouns):
            continue
        found = initial_subject(text, toks[k + 1:])
        if found is not None:
            return found
    if toks[0].text in _FRONTING_PREPOSITIONS:
        # "In 2011 she spoke out for ...", "On Monday he called ...": a fronted phrase of time
        # or place with no comma; a subject pronoun ends it (a preposition, unlike "When" or
        # "After", opens no clause, so the pronoun is the main clause's)
        for k in range(1, min(len(toks) - 1, 7)):
            t = toks[k]
            if t.text in _FRONTED_SUBJECT_PRONOUNS:
                if any(x.text in (",", ";", ":", "—", "–") for x in toks[k:]):
                    break  # "On the day he won, Lee said": the pronoun's clause is a relative one
                return initial_subject(text, toks[k:])
            if not t.word or t.text.endswith(("'s", "’s")) or \
                    t.text.lower() in _FUNCTION_WORDS and t.text.lower() not in ("the", "a", "an", "this", "last"):
                break
    return None


#: Prepositions that open a fronted phrase of time or place, never a clause.
_FRONTING_PREPOSITIONS = frozenset({"In", "On", "At", "During", "Throughout"})
#: Subject pronouns that end such a phrase written without its comma.
_FRONTED_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "I"})


def initial_subject(text: str, toks: list):
    """``(subject tokens, verb token)`` of a sentence that opens with a named, pronoun or
    described subject (after connectives and an opening adverbial), else None."""
    if len(toks) < 2:
        return None
    lex = speaker_lexicon()
    i = 0
    # "And he seemed to ...", "Then he cut into Bush": a connective before the subject
    while i < len(toks) - 1 and toks[i].text in CONNECTIVES:
        i += 1
        # "And then Trump went on the attack": a lowercase adverb after the connective
        while i < len(toks) - 1 and toks[i].text in _ADVERBS:
            i += 1
    i = _after_dateline(toks, i)
    # step over an opening adverbial ("On Wednesday, ...", "Kicking off the day at a town hall, ...",
    # "Minutes later, ..."), and a second one after it ("On Thursday, after remaining neutral, ...")
    for _ in range(2):
        t0 = toks[i]
        if not (not t0.cap and t0.text not in ("the", "a", "an") and t0.text not in lex.pronouns or
                t0.text in _NOT_NAME and t0.text.lower() not in lex.pronouns and
                t0.text not in ("The", "A", "An", "One", "Another") or t0.text in OPENERS or t0.text.endswith("ing") or
                i + 2 < len(toks) and toks[i + 1].text in _LATER and toks[i + 2].text == "," or
                # "Eight years ago, ...", "A month later, ..."
                i + 3 < len(toks) and toks[i + 2].text in _LATER and toks[i + 3].text == "," or
                # "Conversely, ...", "Separately, ...": a sentence adverb; "Based on ...", "Led by
                # ...": a participle with its preposition
                i + 1 < len(toks) and ((t0.text.endswith("ly") or t0.text.lower() in _SENTENCE_ADVERBS) and
                                       toks[i + 1].text == "," or
                                       t0.text.endswith("ed") and toks[i + 1].text in ("on", "by", "in", "with",
                                                                                     "from", "about"))):
            break
        if _ and (t0.cap or t0.text.lower() in lex.pronouns or t0.text.lower() in ("the", "a", "an")) and \
                not (i + 3 < len(toks) and toks[i + 2].text in _LATER and toks[i + 3].text == ","):
            break  # the first adverbial is over: the subject opens here
        for k, t in enumerate(toks[i:i + 25]):
            if t.text == ",":
                i = i + k + 1
                # "While Lee calls it a “terrific piece,” Ann Roe fixates on": the comma
                # inside the closing quotation mark closes the adverbial clause
                while i < len(toks) - 1 and toks[i].text in ("”", '"', "’", "''"):
                    i += 1
                break
        else:
            return None
        if i >= len(toks):
            return None
    k = i
    if k < len(toks) and toks[k].text.lower() in ("he", "she", "they", "we", "i") and k + 1 < len(toks):
        k += 1  # "..., he sounded a rare note of self-deprecation, saying"
    elif k < len(toks) and toks[k].text.lower() in ("the", "a", "an", "one", "another") and k + 1 < len(toks):
        # "the secretary of state", "The candidate": a description subject
        j = k + 1
        # (a second determiner means the scan has left the subject: "The Liberal Democrats
        # released a statement")
        while j < len(toks) and j - k < 6 and toks[j].word and toks[j].text.lower() not in STOP and \
                toks[j].text.lower() not in _DETERMINERS and not _described_head(toks[j].text):
            j += 1
        if j < len(toks) and toks[j].text.lower() not in _DETERMINERS and _described_head(toks[j].text):
            k = j + 1
            # "The Republican presidential nominee": the phrase runs through its title words
            while k < len(toks) and (toks[k].text in lex.titles or _speaking_head(toks[k].text.lower())) and \
                    k - j < 5:
                k += 1
            c = _appositive_after_phrase(toks, k)
            if c is not None:
                k = c  # the appositive in commas is read below
            elif k + 1 < len(toks) and toks[k].text == "of" and toks[k + 1].word:
                k += 2
            elif k + 1 < len(toks) and toks[k].text in ("from", "at", "for", "with", "of"):
                # "a paper from the left-leaning Brookings Institution had": a prepositional
                # phrase ending in a name hangs on the head
                caps = [n for n in range(k + 1, min(len(toks), k + 8)) if toks[n].cap]
                if caps and all(toks[n].word and (toks[n].cap or toks[n].text.lower() in _DETERMINERS or
                                                  "-" in toks[n].text) for n in range(k + 1, caps[-1] + 1)):
                    k = caps[-1] + 1
        if toks[i].text.lower() == "the" and toks[i + 1].cap and (k == i or k < len(toks) and toks[k].cap):
            # "the FBI lists", "The Democratic National Committee released": a name with its
            # article (an organisation), and the noun it heads ("The Sanders campaign projects")
            k = _cap_run_end(toks, i + 1, i)
            if k < len(toks) and not toks[k].cap and _speaking_head(toks[k].text.lower()):
                k += 1
    else:
        k = _cap_run_end(toks, k, i)
        j = k
        while j < len(toks) and j - k < 4 and toks[j].text.islower() and lex.title(toks[j].text):
            j += 1
        if j > k and j < len(toks) and toks[j].cap and toks[j].text not in _NOT_NAME:
            # "Democratic presidential candidate Bernie Sanders is releasing": title words in
            # lower case between the capitalised descriptor and the name
            k = _cap_run_end(toks, j, i)
        if i < k < len(toks) and toks[k].word and not toks[k].cap and _group_head(toks[k].text):
            k += 1  # "Sanders protesters interrupted", "Tenant organizers said": the noun they name
    np = toks[i:k]
    if np and np[-1].text.endswith(("'s", "’s")):
        # "Ryan’s campaign shrugged off ...": a possessive with the noun it owns, if that noun
        # can speak; "Trump's gloomy tone was ..." cannot
        j = k
        while j < len(toks) and j - k < 3 and toks[j].word and not toks[j].cap and toks[j].text.lower() not in STOP:
            head = toks[j].text.lower()
            if head in lex.titles or lex.orgs.get(head) or head.endswith(("man", "woman", "men", "women")):
                np, k = toks[i:j + 1], j + 1
                break
            j += 1
        else:
            return None
        if np[-1].text.endswith(("'s", "’s")):
            return None
    if k < len(toks) and toks[k].text == "(" and np:
        # "Senate Minority Leader Harry Reid (D-Nev.), in particular, has been pounding": a
        # party tag or aside in brackets after the subject
        close = next((n for n in range(k + 1, min(len(toks), k + 9)) if toks[n].text == ")"), None)
        if close is not None:
            k = close + 1
    if k + 1 < len(toks) and toks[k].text == "," and np and i > 0 and toks[i - 1].text == "," and \
            toks[k + 1].word and not toks[k + 1].cap and toks[k + 1].text.lower() not in STOP and \
            toks[k + 1].text.lower() not in _DETERMINERS:
        k += 1  # "Another critic, Ann R. Lee, likened ...": the name closes the commas
    elif k < len(toks) and toks[k].text == "," and np:
        # "Trump, who has a commanding lead in delegates, mocked ..."
        j = k + 1
        while j < len(toks) and toks[j].text != "," and j - k < 20:
            j += 1
        if j < len(toks) and j - k < 20:
            appos = toks[k + 1:j]
            if 1 < len(appos) <= 4 and all(t.cap and t.word for t in appos) and \
                    np[0].text.lower() in _DETERMINERS:
                np = appos  # "His lawyer, Benjamin Brafman, offered": the name in the commas
            k = j + 1
    k0 = k
    while k < len(toks) and (toks[k].text in _ADVERBS or toks[k].text.lower() in _ADVERBS):
        k += 1
    if (k >= len(toks) or not toks[k].word or toks[k].text.lower() in STOP) and k > k0 and \
            toks[k0].text.lower() in FINITE:
        k = k0  # "a paper ... had this to say": the auxiliary was the verb
    if not np or k >= len(toks) or not toks[k].word or toks[k].cap or toks[k].text.lower() in STOP:
        return None
    m = read_mention(text, np)
    if m is None or m.kind not in ("name", "pronoun", "description", "anonymous", "group") or \
            (m.kind == "pronoun" and m.head in ("it", "i", "we")):
        return None
    if m.kind == "name" and len(np) == 1 and np[0].text.isalpha() and not _group_head(np[0].text) and (
            _has_lower(text, np[0].text.lower()) or
            np[0].text.lower() in lexicon.words("function_words.txt") or _NUMBER_WORD.fullmatch(np[0].text)):
        # "Good information can ...", "Perhaps young voters prefer", "Thirteen years earlier,
        # she": a common word opening the sentence
        return None
    return np, toks[k]


_WORD_RUN = regex.compile(r"\w++")


#: Texts longer than this have their words read once into a set; shorter ones are searched.
_LONG_TEXT = 20000


#: Words that may join the words of an opening subject read loosely (``A group of
#: artists``, ``Lee and two aides``); any other closed-class word ends it.
_SUBJECT_JOINERS = frozenset({"of", "and", "&"})
#: Lower-case words that open a time adverbial after a subject ("... this week published").
_TIME_DEICTICS = frozenset({"this", "last", "next", "earlier", "later", "yesterday", "today", "tonight"})
#: Words that never open a subject read loosely: prepositions and subordinators opening a
#: fronted adverbial ("At the meeting, ..."), ordinal adverbs, and demonstratives and
#: pronouns that point at a thing said rather than a speaker ("This is why ...").
_NOT_SUBJECT_START = frozenset(w.lower() for w in OPENERS) | {
    "first", "second", "finally", "there", "it"}


def opening_subject(text: str, toks: list):
    """The noun phrase that opens the main clause of a sentence, read loosely where
    :func:`initial_subject` reads strictly: after connectives and up to three fronted
    adverbials ending in commas, the words up to the first word that cannot belong to a
    subject (a comma or dash opening an appositive, a finite or past-tense verb, a
    closed-class word other than ``of`` or ``and``), when the phrase reads as a mention of
    someone.  For the attribution that has nothing nearer: a long subject (``A group of
    67 writers this week published an open letter about the “...”``, ``Ann Lee, 76,
    founder of the institute and a member since 1960, endorsed Tom Hale, saying he
    “...”``) is who the sentence's predicate, quote and all, is about.

    >>> t = "At the rally, a group of nurses and doctors chanted"
    >>> [x.text for x in opening_subject(t, tokens(t))]
    ['a', 'group', 'of', 'nurses', 'and', 'doctors']
    >>> t = "Ann Lee, 76, founder of the institute, endorsed"
    >>> [x.text for x in opening_subject(t, tokens(t))]
    ['Ann', 'Lee']
    """
    found = initial_subject(text, toks) or _after_fronted(text, toks)
    if found is not None:
        return found[0]
    i = 0
    while i < len(toks) - 1 and toks[i].text in CONNECTIVES:
        i += 1
    i = _after_dateline(toks, i)
    starts = [i] + [k + 1 for k in range(i, min(len(toks), i + 30)) if toks[k].text == ","][:3]
    for k in starts:
        np = _loose_phrase(text, toks, k)
        if np is None:
            continue
        m = read_mention(text, np)
        if m is not None and m.kind in ("name", "description", "anonymous", "group") and \
                m.entity in ("person", "group", "organisation"):
            return np
    return None


def _loose_phrase(text: str, toks: list, k: int):
    """The words of a subject read loosely from ``k`` (see :func:`opening_subject`), or
    None where ``k`` does not open one or no verb-like word or appositive follows it."""
    if k >= len(toks) or not toks[k].word:
        return None
    first = toks[k].text.lower()
    base = _before_apostrophe(first)
    if first in _NOT_SUBJECT_START or first in STOP or first in FINITE or first.endswith(("ing", "ed")) or \
            base != first and (base in _FUNCTION_WORDS or base in speaker_lexicon().pronouns or
                               base in _NOT_SUBJECT_START) or \
            k > 0 and toks[k - 1].end == toks[k].start:
        return None  # a fronted participle, a contraction ("that's"), a figure's digits
    j = k
    while j < len(toks) and j - k < 10:
        t = toks[j]
        low = t.text.lower()
        if not t.word:
            if t.text in ("'s", "’s", "-", "&", "'", "’") and j > k:
                j += 1
                continue
            break
        if j > k and not t.cap and (low in FINITE or low in STOP and low not in _SUBJECT_JOINERS or
                                    low.endswith("ed") and len(low) > 4 or low in _TIME_DEICTICS):
            break
        j += 1
    while j > k and toks[j - 1].text.lower() in _SUBJECT_JOINERS:
        j -= 1
    if j == k or j >= len(toks) or j - k >= 10:
        return None
    nxt = toks[j]
    if not (nxt.text in (",", "(", "—", "–", "--") or nxt.word and not nxt.cap):
        return None
    if j - k == 1 and toks[k].text.isalpha() and _has_lower(text, first):
        return None  # "Indeed, ...": a common word opening the sentence, not a name
    if j - k == 1 and (toks[k].text[:1].isdigit() or toks[k].text in WEEKDAYS or first in _DETERMINERS):
        return None  # "In 1977, ...", "Wednesday on ...", "Any ...": a time or a determiner alone
    return toks[k:j]


def _has_lower(text: str, word: str) -> bool:
    """Whether ``text`` has ``word`` (lower case) as a whole word: a search of a news-sized
    text, a set of the words of a long one (so a whole book on one line is not searched
    once per sentence)."""
    if len(text) <= _LONG_TEXT:
        return has_word(text, word)
    return word in _words_of(text)


@functools.lru_cache(maxsize=2)
def _words_of(text: str) -> frozenset:
    """The words of a document as written (``\\w`` runs), read once per document: whether a
    capitalised opener is a common word is whether the text also has it in lower case, and
    searching the whole text for it at every sentence would be quadratic in a long line.

    >>> sorted(_words_of("Good news is good."))
    ['Good', 'good', 'is', 'news']
    """
    # one string at a time into the set: a list of every word of a long text first was
    # a passing 8 bytes per character of it
    return frozenset(m.group() for m in _WORD_RUN.finditer(text))


def _appositive_after_phrase(toks: list, k: int) -> Optional[int]:
    """``The prime minister of the region, Ann Lee, said``, ``The militia's leader in the
    north, Tom Reed, issued``: where a description's ``of`` or ``in`` phrase runs to a comma
    with a name of two to four capitalised words and another comma after it, the index of
    the first comma (the name in the commas is the subject); else None."""
    if k >= len(toks) or toks[k].text not in ("of", "in"):
        return None
    c = next((n for n in range(k + 1, min(len(toks), k + 9)) if toks[n].text == ","), None)
    if c is None or c == k + 1 or not all(t.word and t.text not in FINITE for t in toks[k + 1:c]):
        return None
    e = next((n for n in range(c + 1, min(len(toks), c + 6)) if toks[n].text == ","), None)
    if e is None or not 2 <= e - c - 1 <= 4 or not all(t.cap and t.word for t in toks[c + 1:e]):
        return None
    return c


def _cap_run_end(toks: list, k: int, i: int) -> int:
    """The end of the run of capitalised words from ``k`` that names a subject (with
    ``of``, ``the``, possessives and a title before a name: ``Secretary of State John
    Kerry``), at most ten tokens from the phrase start ``i``."""
    lex = speaker_lexicon()
    while k < len(toks) and k - i < 10 and (toks[k].cap or toks[k].text in ("'s", "’s", ".", "-") or
                                          toks[k].text.lower() in ("of", "the") or
                                          (toks[k].text in lex.titles and k + 1 < len(toks) and toks[k + 1].cap)):
        k += 1
    return k


#: Sentence adverbs that open a sentence before a comma ("Likewise, ...").
_SENTENCE_ADVERBS = lexicon.words("attribution_sentence_adverbs.txt")


#: Words after a capitalised time word that make an opening adverbial ("Minutes later,").
_LATER = lexicon.words("attribution_later.txt")


#: Nouns that head a subject that can speak besides the title words: organisations,
#: documents ("The ad targets ...", "The complaint alleged ...") and people the title table
#: leaves out ("A campaign official", "The narrator").
_HEADS = lexicon.words("attribution_speaker_heads.txt")


def _speaking_head(word: str) -> bool:
    """Whether a lower-case noun can head a speaking subject after an article: a role or
    office, an organisation or group, a document, or a noun of ``attribution_speaker_heads.txt``.

    >>> _speaking_head("ad"), _speaking_head("council"), _speaking_head("morning")
    (True, True, False)
    """
    lex = speaker_lexicon()
    t = lex.titles.get(word)
    return bool(t and t[0] != "descriptor" or lex.orgs.get(word) or word in _DOCUMENTS or word in _HEADS)


def _described_head(word: str) -> bool:
    """Whether a word can head a description that is a sentence's subject (``the
    secretary of state``, ``The candidate``, ``The retired neurosurgeon``): a title, a
    speaking head (:func:`_speaking_head`) or an occupation (``data/speakers_person_nouns.txt``:
    how news names a person again)."""
    return word in speaker_lexicon().titles or _speaking_head(word.lower()) or \
        word.islower() and person_noun(word)


def _group_head(word: str) -> bool:
    """A lower-case noun that heads a subject after a name: a speaking head (see
    :func:`_speaking_head`), a plural title ("senators") or a plural agent noun
    ("protesters", "organizers", "activists")."""
    low = word.lower()
    return _speaking_head(low) or low.endswith("s") and low[:-1] in speaker_lexicon().titles or \
        low.endswith(("ers", "ors", "ists", "ants", "ents", "ians"))


def _after_dateline(toks: list, i: int) -> int:
    """The index after a wire dateline that opens the paragraph (``WASHINGTON, Dec. 8 (UPI)
    —``, ``Washington (AFP) –``, ``LA CROSSE, Wisc. —``), else ``i``: a place in capitals or an
    agency in brackets, then a dash, within the first dozen tokens."""
    for k in range(i, min(len(toks) - 1, i + 12)):
        t = toks[k].text
        if t in ("—", "–", "--"):
            head = toks[i:k]
            if head and (head[0].text.isupper() and len(head[0].text) > 1 and head[0].text.isalpha() or
                         any(x.text == ")" for x in head)) and \
                    all(x.cap or not x.word or x.text[:1].isdigit() for x in head):
                return k + 1
            return i
        if t in (".", "!", "?", ";", ":", "“", '"'):
            return i
    return i
