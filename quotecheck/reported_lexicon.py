"""The reporting lexicon: the verbs, nouns and homographs reported speech rests on, with the
complement frames of each verb (``data/reported_verbs.tsv``, ``data/reported_nouns.tsv``,
``data/reported_homographs.txt``), and the token-level readers of a verb's neighbourhood
(its subject, hearer, object, adjuncts) that :mod:`quotecheck.reported_frames` and
:mod:`quotecheck.reported` share.
"""
from __future__ import annotations

import functools
from typing import Optional

import regex

from . import lexicon
from . import reported_broad
from . import grammar_words as gw
from . import speaker_lexicon as sl
from . import words as wd
from .clauses import cues, np_left, skip_adverbs_left
from .subjects import FINITE, token_index

#: Words after a cue that show it does not introduce a clause ("said in a statement.").
_NOT_CLAUSE = lexicon.exact("grammar_not_clause.txt")


def _forms(lemma: str, irregular: str = "") -> tuple:
    """The inflected forms of a verb: listed irregular ones, else the regular ones.

    >>> _forms("argue")
    ('argue', 'argues', 'argued', 'arguing')
    >>> _forms("worry")
    ('worry', 'worries', 'worried', 'worrying')
    >>> _forms("say", "said,said,says,saying")
    ('say', 'said', 'said', 'says', 'saying')
    """
    if irregular == "adj":
        return (lemma,)  # an adjective is not inflected
    if irregular:
        return (lemma,) + tuple(f.strip() for f in irregular.split(","))
    if lemma.endswith("e"):
        return lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"
    s = lemma + "es" if lemma.endswith(("s", "x", "z", "ch", "sh")) else lemma + "s"
    return lemma, s, lemma + "ed", lemma + "ing"


@functools.lru_cache(maxsize=1)
def _states() -> frozenset:
    """The adjective cues (class ``state``): they follow a copula, which the quick test of
    the word before would refuse."""
    return frozenset(w for w, entries in verbs().items() if any(e[2] == "state" for e in entries))


@functools.lru_cache(maxsize=1)
def verbs() -> dict:
    """``form -> [(particle words, lemma, class, frames)]`` from ``data/reported_verbs.tsv``
    and the VerbNet verbs of ``data/reported_verbnet.tsv`` (the first's speech entries also
    take the frames VerbNet gives their lemma), and the broad cues of
    ``data/reported_broad_cues.tsv`` whose measured precision clears
    :data:`quotecheck.reported_broad.THRESHOLD` (:func:`quotecheck.reported_broad.entries`),
    longest particle first; loaded once."""
    table: dict = {}
    vn_frames = {r[0]: frozenset(r[2].split(",")) for r in lexicon.rows("reported_verbnet.tsv") if r[1] == "hand"}
    for row in lexicon.rows("reported_verbs.tsv") + lexicon.rows("reported_verbnet.tsv"):
        cols = list(row) + ["", "", ""]
        if cols[1] == "hand":
            continue  # frames for an entry of reported_verbs.tsv, read with it
        words = cols[0].split()
        frames = frozenset(x for x in cols[2].split(",") if x)
        if cols[1] == "speech" and cols[0] in vn_frames:
            frames = frames | vn_frames[cols[0]]  # and the frames VerbNet gives it
        for form in set(_forms(words[0], cols[3])):
            table.setdefault(form, []).append((tuple(words[1:]), cols[0], cols[1], frames))
    for lemma, (cls, frames, irregular) in reported_broad.entries().items():
        if cls == "role":
            continue  # a noun after a copula (reported_broad.role_items), no verb
        # the broad cues whose measured precision clears reported_broad.THRESHOLD
        words = lemma.split()
        for form in set(_forms(words[0], irregular)):
            table.setdefault(form, []).append((tuple(words[1:]), lemma, cls, reported_broad.lexicon_frames(frames)))
    for v in table.values():
        v.sort(key=lambda r: -len(r[0]))
    return table


#: Words that open a wh-complement ("asked whether", "explained how").
_WH = frozenset("what whether if how why when where who which".split())


#: Words before a verb form that make it a noun or an attribute, not a cue ("the report
#: found" is a cue, "a report" is not; "to say" is read by the cue before it).
_NOT_SUBJECT_END = lexicon.exact("grammar_not_subject_end.txt")


_GERUND_PREPS = frozenset("on of for about in by from against without after before".split())


_DETERMINERS = gw.DETERMINERS


#: Words that end a subject read leftwards when no noun phrase was recognised.
_SUBJECT_STOP = lexicon.exact("grammar_subject_stop_words.txt")


#: Particles that take the content after a verb ("warned of", "complained about").
_PARTICLES = frozenset({"of", "about", "against", "for", "with", "on"})


#: Words that cannot open an object: prepositions and conjunctions (object pronouns and
#: possessives can: "endorsed him", "touts her record").
_NOT_OBJECT = (_NOT_CLAUSE - {"them", "him", "her", "me", "us", "this", "nothing", "something", "anything"}) | {
    "and", "but", "or", "in", "at", "after", "before"}


_COPULAS = frozenset("is are was were am be been remain remains remained seems seemed appears appeared "
                     "feel feels felt 's 're ’s ’re".split())


_SUBJ_PRONOUNS = gw.SUBJECT_PRONOUNS | {"there"}


#: ``(token list, {index: entry})``: the answers of :func:`_verb_at` for the token list last
#: read (the readers of one cue word ask for the same verb in turn: the broad reader, the
#: fallbacks, the far subject); replaced as one tuple, so a reader of another list never
#: sees this one's answers.  Token lists are never changed once made.
_VERB_MEMO: tuple = (None, {})


def _verb_at(toks: list, i: int):
    """``(n_tokens, lemma, class, frames)`` when a broad attribution verb starts at ``i``;
    a verb with one particle may have a manner adverb before it (``spoke highly of``,
    ``talked at length about``), which then belongs to the cue."""
    global _VERB_MEMO
    memo = _VERB_MEMO
    if memo[0] is not toks:
        memo = _VERB_MEMO = (toks, {})
    known = memo[1]
    if i in known:
        return known[i]
    found = known[i] = _read_verb(toks, i)
    return found


def _read_verb(toks: list, i: int):
    """:func:`_verb_at`, read afresh."""
    entries = verbs().get(toks[i].text)
    if not entries:
        return None
    for rest, lemma, cls, frames in entries:
        n = 1 + len(rest)
        if i + n <= len(toks) and all(toks[i + 1 + k].text.lower() == rest[k] for k in range(len(rest))):
            return n, lemma, cls, frames
        if len(rest) == 1:
            a = manner_adverb(toks, i + 1)
            if a and i + 1 + a < len(toks) and toks[i + 1 + a].text.lower() == rest[0]:
                return n + a, lemma, cls, frames
    return None


def manner_adverb(toks: list, k: int) -> int:
    """How many tokens of a manner adverb start at ``k``: a lower-case ``-ly`` word
    (``highly``, ``publicly``, ``at length``'s one-word kin) or ``at length``; 0 when none.

    >>> from quotecheck import words as wd
    >>> t = wd.tokens("spoke highly of him; talked at length about it; a rally of")
    >>> manner_adverb(t, 1), manner_adverb(t, 6), manner_adverb(t, 12)
    (1, 2, 0)
    """
    if k >= len(toks):
        return 0
    w = toks[k].text
    if w.endswith("ly") and w.islower() and len(w) > 4 and w not in _LY_NOUNS:
        return 1
    if w == "at" and k + 1 < len(toks) and toks[k + 1].text == "length":
        return 2
    return 0


#: Lower-case words in ``-ly`` that are nouns or adjectives, not adverbs.
_LY_NOUNS = frozenset({"rally", "rallies", "family", "supply", "reply", "assembly", "early", "only", "ally",
                       "likely", "daily", "weekly", "monthly", "yearly", "friendly", "holy", "unlikely",
                       "costly", "lonely", "elderly", "timely", "deadly", "silly", "ugly", "belly", "bully"})


def left_of(toks: list, j: int, memo: Optional[dict]):
    """``np_left(toks, j, 0)``, read once per candidate: the cue table's reader and the broad
    reader look for the same subject before the same cue word, and the phrase reader is the
    costliest step of both.  ``memo`` is the candidate's own dict (its ``toks`` never change
    while it is read), or None to read afresh."""
    if memo is None:
        return np_left(toks, j, 0)
    if j in memo:
        return memo[j]
    found = np_left(toks, j, 0)
    memo[j] = found
    return found


def skip_left(toks: list, j: int, memo: Optional[dict]) -> int:
    """``skip_adverbs_left(toks, j, 0)``, once per candidate as :func:`left_of` (the cue
    table's reader and the broad reader step over the same adverbs before the same cue
    word); the key ``("skip", j)`` is no index of :func:`left_of`."""
    if memo is None:
        return skip_adverbs_left(toks, j, 0)
    key = ("skip", j)
    found = memo.get(key)
    if found is None:
        found = memo[key] = skip_adverbs_left(toks, j, 0)
    return found


def _before_relative(toks: list, j: int):
    """``The company, which has endorsed the bill, warned``: the subject before a relative
    clause in commas (``j`` is the closing comma)."""
    k = j - 1
    while k > 0 and j - k < 25 and toks[k].text not in (",", ";", ".", "(", ")"):
        k -= 1
    if k <= 0 or toks[k].text != "," or toks[k + 1].text not in ("who", "which", "whose"):
        return None
    return np_left(toks, k - 1, 0)


def _opening_name(toks: list, j: int):
    """``Lance Beebe, 49, a Navy veteran who ..., said``: when the phrase reader gives up on
    a long appositive, the name that opens the sentence, up to its first comma, is the
    subject (``j`` is the comma before the verb)."""
    c = next((m for m in range(min(j, 8)) if toks[m].text == ","), None)
    if not c or c == j or not toks[0].cap or any(not t.word or t.text.lower() in _SUBJECT_STOP
                                                  for t in toks[:c]):
        return None
    found = np_left(toks, c - 1, 0)
    if found and token_index(toks, found[0][0].start) == 0 and any(t.cap for t in found[0]):
        return found[0], tuple(toks[c + 1:j])
    return None


def _object_then_to(toks: list, k: int) -> bool:
    """Whether a short object phrase and an infinitive follow (``urged Congress to act``)."""
    for m in range(k, min(len(toks) - 1, k + 6)):
        t = toks[m]
        if t.text == "to":
            return m > k and toks[m + 1].word and toks[m + 1].text.islower()
        digits = t.text[:1].isdigit() or t.text == "," and toks[m - 1].text[-1:].isdigit() and \
            toks[m + 1].text[:1].isdigit()  # "5,000" is three tokens
        if not (t.word or digits) or t.text.lower() in FINITE or \
                t.text.lower() in ("that", "and", "or", "but"):
            return False
    return False


def _verb_reading(toks: list, np, cue: str = "s", nxt: str = "", named=None) -> bool:
    """Whether a noun-homograph cue (``reports``, ``states``, ``plans``) reads as a verb: its
    subject is a name, a pronoun or a person's role (``the governor plans to``), and not a
    capital that only opens the sentence (``New reports show``); or a plural noun that the
    form agrees with only as a verb (``public records show``, ``many voters fear``: a noun
    compound would need the plural last, ``news reports``).  ``named`` (a word -> bool test,
    :meth:`quotecheck.clauses.DocIndex.named_mid_sentence`) lets a one-word subject that
    opens the sentence act when the text names it elsewhere (``Roloson supports Clinton``)."""
    if not np:
        return False
    last = np[-1]
    if last.text.islower() and last.text.endswith("s") and not last.text.endswith(("ss", "'s", "’s")) and \
            not cue.endswith("s") and last.text.lower() not in sl.lexicon().pronouns:
        return True
    if last.text.islower() and not last.text.endswith("s") and cue.endswith("s") and nxt in ("to", "that") and \
            len(np) > 1 and np[0].text.lower() in ("the", "a", "an", "this", "that", "his", "her", "their", "its"):
        return True  # "the campaign plans to", "the company hopes that": a singular subject and its verb
    if len(np) == 1 and token_index(toks, last.start) == 0 and last.text.lower() not in sl.lexicon().pronouns and \
            not last.text.endswith("s") and not (named is not None and named(last.text)):
        return False  # a capital that opens the sentence; a plural ("Republicans") acts
    return bool(last.text.lower() in sl.lexicon().pronouns or sl.lexicon().title(last.text) or
                (last.cap and not last.text.endswith(("'s", "’s"))))


#: Verbs whose hearer stands between them and the that-clause ("told reporters that").
_HEARER_VERBS = frozenset("tell inform assure reassure remind warn advise urge convince persuade notify".split()) | \
    frozenset(r[0] for r in lexicon.rows("reported_verbnet.tsv") if r[-1] == "hearer")


_ADJUNCT_PREPS = frozenset("on in at during to from after before with via over for".split())


def _skip_adjunct(toks: list, k: int) -> int:
    """``said in an interview that ...``, ``said on CNN, where he is a contributor, that
    ...``: step over a prepositional adjunct to the *that* it holds back (within a dozen
    words of the same sentence)."""
    if k < len(toks) and toks[k].text in _ADJUNCT_PREPS:
        for m in range(k + 1, min(len(toks), k + 16)):
            w = toks[m].text
            if w == "that":
                return m
            if w in (".", ";", ":", "“", '"', "”") or (w == "that" and m == k + 1):
                break
    return k


def _skip_hearer(toks: list, k: int) -> int:
    """``complained to CBS News' Charlie Rose that ...``: step over ``to`` + the hearer when a
    *that* follows within a few words."""
    if k < len(toks) and toks[k].text == "to":
        for m in range(k + 1, min(len(toks), k + 9)):
            if toks[m].text == "that":
                return m
            if not (toks[m].word or toks[m].text in ("'s", "’s", "'", "’", ".")):
                break
    return k


_SHARE_HEADS = frozenset("""them those us these the ten one two three four five six seven eight nine""".split())


def _loose_subject(toks: list, j: int):
    """A subject with no name, pronoun or description the phrase reader knows (``most of
    them``, ``more than 4 in 10``, ``voters``): the words back to a clause boundary, at
    most five, when the stretch starts a clause."""
    k = j
    while k >= 0 and j - k < 6 and toks[k].word and (
            toks[k].text.lower() not in _SUBJECT_STOP or
            # "4 in 10", "most of them", "half of the voters": a share is one subject
            toks[k].text in ("in", "of") and k < j and (toks[k + 1].text[:1].isdigit() or
                                                       toks[k + 1].text.lower() in _SHARE_HEADS)):
        k -= 1
    if k == j:
        return None
    if k >= 0 and toks[k].word and toks[k].text.lower() not in _SUBJECT_STOP:
        return None  # more than five words: not a subject we can delimit
    if k >= 0 and toks[k].text not in _CLAUSE_OPENERS:
        return None  # "in five states": a prepositional phrase, not a subject
    return toks[k + 1:j + 1]


#: What may stand before a loose subject: the start of a clause.
_CLAUSE_OPENERS = frozenset({",", ";", ":", "(", "—", "–", "that", "and", "but", "while", "because", "when",
                             "if", "although", "though", "since", "whereas"})


@functools.lru_cache(maxsize=1)
def homographs() -> frozenset:
    """Verb forms that are as often nouns, from ``data/reported_homographs.txt``."""
    return lexicon.exact("reported_homographs.txt")


_NP_ADJUNCT = regex.compile(r"\s(?:at|during|last|this|after|before|when|while|yesterday|today|through|"
                            r"on\s(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\s|"
                            r"\s(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|"
                            r"\sin\s(?:early\s|late\s|mid-)?(?:January|February|March|April|May|June|July|August|"
                            r"September|October|November|December|\d{4})\b")


#: Verbs that open a second predicate after "and" (auxiliaries, modals and forms of saying):
#: the object or infinitive before them has ended.
_SECOND_VERBS = ("has|have|had|is|are|was|were|will|would|could|can|should|may|might|must|did|does|"
                 "said|says|made|makes|told|tells|wants|wanted")


# a comma inside a number ("700,000") and a party label in brackets ("Sen. Marco Rubio (R-FL)",
# "Gov. Rick Snyder (R)") do not end a phrase
_PHRASE_END = regex.compile(r"(?<!\d),|,(?!\d)|[;:—–]|\((?![DRI](?:-[\p{Lu}][\p{L}.]*+)?\))|"
                            r"\s--\s|\s(?:but|while|because|although|though|so|unless|whereas)\s|"
                            # "has not endorsed Mr. Lee and has been a critic", "voiced doubts about
                            # the plan and made clear ...": "and" before a second predicate of the
                            # source (an auxiliary or a verb of saying)
                            r"\sand\s++(?=(?:" + _SECOND_VERBS + r")\s)")


def bare_phrase(toks: list, k: int, joiners: tuple, ends: frozenset) -> list:
    """The words of a noun phrase with no determiner from token ``k`` (the source after
    ``according to``, the agent after ``by``): words and the ``joiners`` between them, up to
    punctuation or one of ``ends`` (a word that opens a clause), at most 12 tokens.

    >>> from quotecheck import words as wd
    >>> t = "media trackers, who count ads"
    >>> [x.text for x in bare_phrase(wd.tokens(t, 0, len(t)), 0, ("-",), frozenset({"who"}))]
    ['media', 'trackers']
    """
    out: list = []
    while k < len(toks) and len(out) < 12:
        t = toks[k]
        if not (t.word or t.text in joiners) or t.text.lower() in ends:
            break
        out.append(t)
        k += 1
    return out


def _phrase_end(text: str, s: int, e: int) -> int:
    """An object, infinitive or wh-content ends with its phrase: at the next comma, dash or
    conjunction (``endorsed Trump, calling him ...``, ``pledged to shut it, after ...``).

    >>> t = "to shut down private prisons, but he introduced a bill"
    >>> t[:_phrase_end(t, 0, len(t))]
    'to shut down private prisons'
    >>> t = "the port, seized by the army in 1990, for their state, and more"
    >>> t[:_phrase_end(t, 0, len(t))]
    'the port, seized by the army in 1990, for their state'
    """
    m = _PHRASE_END.search(text, s, e)
    while m and text[m.start()] == ",":
        aside = _ASIDE_GOES_ON.match(text, m.end(), e)
        if aside:
            # "want East Jerusalem, captured by Israel in 1967, for their state": an aside in
            # commas with the phrase's preposition after it
            m = _PHRASE_END.search(text, aside.end() - 1, e)
        elif _LIST_GOES_ON.match(text, m.end(), e):
            m = _PHRASE_END.search(text, m.end(), e)  # "older, rural and working-class voters"
        else:
            break
    return m.start() if m else e


# after a comma, the phrase goes on: a list ("older, rural and white", "jobs, safety from
# terrorism") closed by "and"/"or" within three words, or its examples ("including ...")
#: An aside closed by a second comma within 80 characters, the phrase's preposition after it.
_ASIDE_GOES_ON = regex.compile(r"[^,.;:!?\n—–()\"“”]{1,80}+,\s++(?:for|about|on|of|with|against)\s")
_LIST_GOES_ON = regex.compile(r"\s++(?:including\b|such\s++as\b|(?:[\p{L}\-]++\s++){1,3}?(?:and|or)\s)")


def _clause_start(toks: list, i: int) -> int:
    """The first token of the clause a participle at ``i`` hangs on: after the last ``, and``,
    ``, but`` or ``;`` before it (``Protest groups say ..., and the ACLU has sued, saying
    ...``: the ACLU says it), else the sentence start."""
    for m in range(i - 2, 1, -1):
        w = toks[m].text
        if w == ";" or w in ("and", "but") and toks[m - 1].text == ",":
            return m + 1
    return 0


def _subject_before_finite(toks: list, b: int, i: int):
    """``The Russians have used ..., saying``: the phrase before the first finite auxiliary
    of the clause, when the phrase reader takes it from the clause start."""
    for m in range(b + 1, min(i, b + 12)):
        if toks[m].text.lower() in FINITE:
            found = np_left(toks, skip_adverbs_left(toks, m - 1, b), b)
            if found and token_index(toks, found[0][0].start) == b:
                return found[0], None
            return None
        if not toks[m].word:
            return None
    return None


@functools.lru_cache(maxsize=1)
def nouns() -> dict:
    """``noun -> frames`` from ``data/reported_nouns.tsv``; loaded once."""
    return {row[0]: frozenset(row[1].split(",")) for row in lexicon.rows("reported_nouns.tsv")}


_POSSESSIVE_PRONOUNS = gw.POSSESSIVES - {"your"}  # in the reporter's voice


@functools.lru_cache(maxsize=1)
def _cue_words() -> frozenset:
    """Every word that may start a cue in either table: the scan's first, cheapest test."""
    return frozenset(cues()) | frozenset(verbs()) | frozenset(nouns()) | {"According"} | headline_caps()


@functools.lru_cache(maxsize=1)
def headline_caps() -> frozenset:
    """The headline verbs of saying in title case (``Mayor Says Budget Is Dead``): the scan
    finds them too, and :func:`quotecheck.clauses.cue_at` reads them only in a headline."""
    return frozenset(w.capitalize() for w in lexicon.words("clauses_headline_cues.txt"))


#: Words that are a whole answer after a verb of saying ("said yes", "said so").
_ANSWERS = frozenset({"yes", "no", "so"})
#: Verbs whose object may be a one-word answer.
_ANSWER_VERBS = frozenset({"say", "answer", "reply", "respond"})
#: What may follow an answer that does not open a clause of its own.
_AFTER_ANSWER = frozenset({"in", "at", "on", "when", "and", "but", "because", "if", "though", "although", "while"})


def short_answer(toks: list, k: int, lemma: str) -> int:
    """The end (token index) of a short answer at ``k`` after a verb of saying, else ``k``:
    ``yes``, ``no`` or ``so`` ending the clause or followed by a preposition or subordinator,
    not opening one (``said so many people ...``); or ``the same`` with what it is said of
    (``64 percent who say the same of Sanders``, ``26 percent said the same.``: a poll's
    answer repeated for another candidate).

    >>> t = wd.tokens("who say the same of Mr. Sanders. And", 0, 36)
    >>> [x.text for x in t[2:short_answer(t, 2, "say")]]
    ['the', 'same', 'of', 'Mr.', 'Sanders']
    >>> t = wd.tokens("said so many people came", 0, 24)
    >>> short_answer(t, 1, "say")
    1
    """
    if lemma not in _ANSWER_VERBS or k >= len(toks):
        return k
    w = toks[k].text.lower()
    if w == "the" and k + 1 < len(toks) and toks[k + 1].text == "same":
        e = k + 2
        if e < len(toks) and toks[e].text in ("of", "about", "for"):
            e += 1
            while e < len(toks) and e - k < 8 and (toks[e].word or toks[e].text in ("'s", "’s")) and \
                    toks[e].text.lower() not in _AFTER_ANSWER:
                e += 1
        return e if e >= len(toks) or not toks[e].word or toks[e].text.lower() in _AFTER_ANSWER else k
    if w not in _ANSWERS:
        return k
    if k + 1 >= len(toks) or not toks[k + 1].word or toks[k + 1].text in _AFTER_ANSWER:
        return k + 1
    return k


#: -ing words that are prepositions (``said following the vote``, ``said during``).
_ING_PREPOSITIONS = gw.ING_PREPOSITIONS


def gerund_clause(toks: list, k: int) -> bool:
    """Whether the lower-case ``-ing`` word at ``k`` after a verb of saying opens a clause
    as its subject (``said having Trump on the ticket puts them at risk``, ``said seeking
    reinforcements was right``): a finite auxiliary, or a lower-case verb in ``-s`` or
    ``-ed`` after a lower-case noun, within ten words and before any punctuation.

    >>> def g(s):
    ...     t = wd.tokens(s, 0, len(s))
    ...     return gerund_clause(t, 1)
    >>> g("said seeking reinforcements was the right course")
    True
    >>> g("say taxing consumption encourages savings"), g("says meeting participants outlined a plan")
    (True, True)
    >>> g("said speaking to reporters on Tuesday."), g("said visiting families in the area")
    (False, False)
    """
    if toks[k].text in _ING_PREPOSITIONS:
        return False  # "said following a vote that ...": a preposition, not a subject
    for m in range(k + 1, min(len(toks), k + 11)):
        t = toks[m]
        w = t.text.lower()
        if not t.word or w == "that":
            return False
        if w in FINITE:
            return m > k + 1
        if m > k + 1 and t.text.islower() and toks[m - 1].text.islower() and toks[m - 1].word and \
                toks[m - 1].text not in ("the", "a", "an", "to", "of") and \
                (w.endswith("ed") and len(w) > 4 or w.endswith("s") and not w.endswith(("ss", "us", "is"))):
            return toks[m - 1].text.lower() not in _GERUND_PREPS
    return False


#: Marks that open an aside after a verb of saying, with the mark that closes each.
_ASIDE_MARKS = {",": ",", "—": "—", "–": "–", "--": "--"}
#: Subject pronouns that may open a bare clause after an adjunct (``said on CNN he would ...``).
_ADJUNCT_SUBJECTS = frozenset({"he", "she", "they", "we", "i"})


#: Words that open a clause of their own inside what looked like an adjunct.
_CLAUSE_WORDS = gw.RELATIVE_PRONOUNS | gw.SUBORDINATORS | {"that", "what", "how", "why", "where", "when", "whether",
                                                          "and", "but", "or"}


def skip_said_adjunct(toks: list, k: int) -> int:
    """Where the clause after a verb of saying starts when an adjunct stands first (``k``
    is the token after the verb): a prepositional adjunct before ``that`` (``said in a
    statement that``, :func:`_skip_adjunct`) or before a subject pronoun (``said in a
    statement Thursday night they pulled ...``, ``has said for weeks he's ...``), or an
    aside in commas or dashes before ``that`` (``said, twice, that``, ``said — on Twitter,
    as it happens — that``); else ``k``.

    >>> def at(s):
    ...     t = wd.tokens(s, 0, len(s))
    ...     return t[skip_said_adjunct(t, 1)].text
    >>> at("said in a statement Thursday night they pulled it"), at("said, twice, that he would")
    ('they', 'that')
    >>> at("said — on Twitter, as it happens — that Trump"), at("said for weeks he's the one")
    ('that', "he's")
    >>> at("said in Iowa and Ohio."), at("said, however, the plan")
    ('in', ',')
    """
    n = len(toks)
    if k >= n:
        return k
    m = _skip_adjunct(toks, k)
    if m != k:
        # "said in Springfield was a climate that ...": a verb before the "that" ends the adjunct
        return k if any(t.text.lower() in FINITE for t in toks[k:m]) else m
    w = toks[k].text
    if w in _ADJUNCT_PREPS or w == "by":
        for m in range(k + 1, min(n, k + 9)):
            t = toks[m]
            lw = t.text.lower()
            if m > k + 1 and (lw in _ADJUNCT_SUBJECTS or contracted_pronoun(lw)) and toks[m - 1].word and \
                    toks[m - 1].text not in _ADJUNCT_PREPS:
                return m
            if not (t.word or t.text in ("'s", "’s", "%", "-")) or lw in FINITE or lw in _CLAUSE_WORDS:
                break  # "told the FBI with what she ...", "written in stone until they ...": a clause
        return k
    close = _ASIDE_MARKS.get(w)
    if close:
        for m in range(k + 1, min(n - 1, k + 12)):
            if toks[m].text == close and m > k + 1:
                return m + 1 if toks[m + 1].text == "that" else k
            if toks[m].text in (".", ";", ":", "“", '"'):
                break
    return k


def contracted_pronoun(w: str) -> bool:
    """``he's``, ``they’re``: a subject pronoun with its auxiliary (lower case)."""
    for mark in ("’", "'"):
        head, sep, tail = w.partition(mark)
        if sep:
            return head in _ADJUNCT_SUBJECTS and tail in ("s", "re", "ve", "ll", "d", "m")
    return False
