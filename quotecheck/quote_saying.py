"""Words of saying around a quote: whether the reporter's words right before a pair of
marks take it as someone's words (``said``, ``called it``, ``his remarks:``), and whether
the words right after it are an attribution (``, she said``, ``said Ramos``).  Part of
step 3 of the finder: :mod:`quotecheck.quote_kinds` asks, with the reporter's sentence
around the quote that :mod:`quotecheck.quote_context` cuts out.
"""
from __future__ import annotations

import functools
from typing import Optional

import regex

from . import grammar_words as gw
from . import lexicon
from .quote_context import Context

_CUE_WORD_RE = regex.compile(r"[^\W\d_][\w'’-]*+")


#: Words after which a word of saying is a noun ("the answer", "a call"), not a verb.
_ARTICLES = gw.ARTICLES | gw.DEMONSTRATIVES
#: Possessors that make an utterance noun someone's words ("his remarks", "her comment").
_POSSESSIVE = gw.POSSESSIVES - {"your"}  # in the reporter's voice
#: Headline verbs, which a headline writes capitalised ("Mayor Says Budget Is “Dead”").
_HEADLINE_CUES = lexicon.words("clauses_headline_cues.txt")


@functools.lru_cache(maxsize=1)
def _saying_words() -> tuple:
    """``(verbs, utterance nouns, documents)`` from ``quotes_speech_cues.txt`` and
    ``quotes_speech_nouns.txt``; documents are the nouns for texts someone issues (from
    ``attribution_documents.txt``), whose clause carries the issuer's words."""
    nouns = lexicon.words("quotes_speech_nouns.txt")
    return (lexicon.words("quotes_speech_cues.txt") - nouns, nouns,
            lexicon.words("attribution_documents.txt") & nouns)


@functools.lru_cache(maxsize=1)
def _any_saying() -> frozenset:
    """Every word :func:`_saying_before` may accept, to pass over the others at once."""
    verbs, nouns, documents = _saying_words()
    return verbs | nouns | documents


@functools.lru_cache(maxsize=1)
def _phrasal_cues() -> dict:
    """``last word -> leading words`` of the cues of ``cues.tsv`` of more than one word that
    introduce someone's words (class ``speech``) and end in a word that is no word of saying
    itself: ``shot back``, ``chimed in``, ``put it`` (``as Ridge put it, “...”``).  The word
    lists :func:`_saying_words` reads hold single words only."""
    saying = _any_saying()
    table: dict = {}
    for row in lexicon.rows("cues.tsv"):
        words = tuple(row[0].lower().split())
        if len(words) > 1 and row[2] == "speech" and words[-1] not in saying:
            table.setdefault(words[-1], []).append(words[:-1])
    return table


#: What may stand between a phrasal cue and the quote it takes: a comma or colon and an
#: article (``shot back, “...”``, ``as a diplomat put it, an “extreme makeover”``); a quote
#: further on is the object of some other verb as often (``put it in the “red zone”``).
_PHRASAL_GAP_RE = regex.compile(r"\s*+[,:]?+\s*+(?:(?:a|an|the)\s++)?+")


def _phrasal_cue(before: str, words: list, k: int) -> Optional[str]:
    """The phrasal cue that ends in word ``k`` (:func:`_phrasal_cues`) when the quote comes
    right after it (:data:`_PHRASAL_GAP_RE`), else None.

    >>> ws = list(_CUE_WORD_RE.finditer("As Vulture put it, "))
    >>> _phrasal_cue("As Vulture put it, ", ws, 3)
    'put it'
    >>> ws = list(_CUE_WORD_RE.finditer("They put it in the "))
    >>> _phrasal_cue("They put it in the ", ws, 2) is None
    True
    """
    leads = _phrasal_cues().get(words[k].group().lower())
    if not leads or _PHRASAL_GAP_RE.fullmatch(before, words[k].end()) is None:
        return None
    for lead in leads:
        n = len(lead)
        if k >= n and all(words[k - n + i].group().lower() == lead[i] for i in range(n)):
            return " ".join(lead) + " " + words[k].group().lower()
    return None


#: Words of saying that are as often nouns: a verb only in a verb's position.
_HOMOGRAPHS = {w: kind == "utterance" for w, kind in lexicon.rows("quotes_cue_homographs.tsv")}
#: Words after which a homograph stands where a verb does (``she states``, ``to call it``).
_BEFORE_VERB = frozenset("i you he she it we they who that which to will would can could "
                         "should may might must shall did does do not never also and or".split())
#: What ends the clause of a cue before the quote reaches it: a semicolon, a bracket the
#: quote is in or the cue was in, or the speaker's relative clause after an inverted cue
#: (``said Ramos, whose book features “...”``); a relative clause closed by a comma
#: before the quote is an aside (``said the bomber, who ..., had “...”``), and one on an
#: object belongs to the words (``his remarks, which included ...``).
_CLAUSE_BREAK_RE = regex.compile(r";|\([^)]*+$|^[^(]*+\)"
                                 r"|^\s*+(?:to\s++)?+(?:the\s++)?+(?:[A-Z][\w.'’-]*+\s++){0,3}[A-Z][\w.'’-]*+,\s*+"
                                 r"(?:who|whose|which)\b(?:[^,]|,(?=\s*+\d))*+$")
#: A cue inverted after the quote it takes (``“...,” said Kim``) or after ``so`` (``So says
#: a voice at the end of ...``): the words after it are its subject, the speaker's noun phrase;
#: a quote there (``said Rep. Roe, one of the original “big four” negotiators``) is no words
#: of the cue's, unless it continues right after the subject's comma or colon (``said Kim,
#: “and ...”``) or a clause of its own opens between: a pronoun, conjunction, relative,
#: auxiliary or a participle after a comma (``says Kim, going on to list other “gifts”``,
#: ``says Kim, but he was shocked by the “loophole”``).
_INVERTED_BEFORE_RE = regex.compile(r"(?:(?<![\w'’])Q\s*+[,—–-]?+\s*+|^\s*+So\s++)$")
_CONTINUED_RE = regex.compile(r"[,:]\s*+$")
_CLAUSE_OPENERS = gw.SUBJECT_PRONOUNS | gw.RELATIVE_PRONOUNS | gw.FORMS_OF_BE | frozenset(
    "and but or nor has had have will would did although because if though when whereas while unless".split())
#: Verbs of saying whose object, when it is a noun phrase or follows ``on``, is the thing
#: agreed or demanded, not words: ``agreed a “humanitarian corridor”``, ``agree its
#: “provisional” equation``, ``had agreed on the “main” points``, ``insisted on remaining
#: anonymous, or on “deep background”`` (a quote there is someone's only under an earlier
#: cue of its own: ``saying they had agreed on the “main” points``).
_THING_OBJECT = frozenset("agree agreed agrees agreeing insist insisted insists insisting".split())
_THING_OBJECT_RE = regex.compile(r"\s++(?:(?:on|upon)\b|(?:a|an|the|its|their|his|her|our|this|these|those)\s*+$)")
#: Auxiliaries: a capitalised word of saying that opens the sentence right before one is
#: its subject, a name (``Felt had insisted``, ``Grant has said``), not a verb.
_AUXILIARIES = frozenset("had has have was is were are would will could can did does".split())
#: At most this many words between a cue and a title-case quote it takes as its object
#: (``called it “Crooked Hillary”``); further away, title-case words are a name or a title.
_TITLE_OBJECT_WORDS = 3


def _verb_position(prev: str, word: str) -> bool:
    """Whether the word before a homograph makes it a verb: a pronoun, a relative, a modal
    or auxiliary, ``to``, ``and``, an adverb in -ly, a capitalised name, or for a form
    without -s a plural noun (``critics note``).

    >>> _verb_position("she", "state"), _verb_position("the", "state"), _verb_position("one", "point")
    (True, False, False)
    >>> _verb_position("observers", "note"), _verb_position("his", "state")
    (True, False)
    """
    low = prev.lower()
    return low in _BEFORE_VERB or low.endswith("ly") or prev[:1].isupper() or \
        not word.endswith("s") and low.endswith("s") and not low.endswith("ss") and \
        low not in _POSSESSIVE and low not in _FUNCTION_WORDS


def _determined(words: list, k: int) -> bool:
    """Whether word ``k`` is the head of a determined noun phrase: an article or possessor
    among the four words before it (``a statement``, ``in a separate email exchange``,
    ``a withering Washington Post editorial``), not a bare medium (``via email``).

    >>> _determined(list(_CUE_WORD_RE.finditer("in a separate email")), 3)
    True
    >>> _determined(list(_CUE_WORD_RE.finditer("every morning via email")), 3)
    False
    """
    for m in words[max(0, k - 4):k]:
        x = m.group()
        low = x.lower()
        if low in _ARTICLES or low in _POSSESSIVE or x.endswith(("'s", "’s")):
            return True
    return False


def _noun_modifier(before: str, words: list, k: int) -> bool:
    """Whether word ``k`` (a homograph of a word of saying) modifies the singular noun right
    after it (``state senator``, ``a law and order crime-fighter``, ``call center``): a verb
    takes an object with a determiner, a pronoun or a name, or a plural, not a bare singular
    noun.

    >>> ws = list(_CUE_WORD_RE.finditer("or state representative is, so"))
    >>> _noun_modifier("or state representative is, so", ws, 1)
    True
    >>> ws = list(_CUE_WORD_RE.finditer("they state the case"))
    >>> _noun_modifier("they state the case", ws, 1)
    False
    """
    if k + 1 >= len(words) or before[words[k].end():words[k + 1].start()] != " ":
        return False
    nxt = words[k + 1].group()
    return nxt.islower() and "'" not in nxt and "’" not in nxt and nxt not in _FUNCTION_WORDS \
        and not nxt.endswith(("s", "ly", "ed", "ing")) and nxt not in _TIME_ADVERBS \
        and nxt not in _any_saying() and nxt not in _BEFORE_VERB


#: Adverbs of time that follow a verb without a determiner (``call earlier``, ``state again``).
_TIME_ADVERBS = frozenset("earlier later again today tonight yesterday tomorrow now then here there".split())


def _saying_before(before: str, titlecase: bool = False) -> Optional[str]:
    """The nearest word of saying used as one in the sentence before the quote, whose
    clause the quote is in: a verb not after an article (a word that is as often a noun
    only in a verb's position), a document, or an utterance noun after a possessor;
    capitalised words only as a headline's verb after a capitalised word.  Nothing
    between it and the quote may end its clause (:data:`_CLAUSE_BREAK_RE`); after a cue
    inverted behind its quote the words are its subject (:data:`_INVERTED_BEFORE_RE`); a
    title-case quote must be its object (:data:`_TITLE_OBJECT_WORDS`).

    >>> _saying_before("She said the bill would be ")
    'said'
    >>> _saying_before("said Ramos, whose book features ") is None
    True
    >>> _saying_before("Q    said Rep. Roe, one of the original ") is None
    True
    >>> _saying_before("Q    said Roe, ")
    'said'
    >>> _saying_before("That is a far cry from ") is None
    True
    """
    words = list(_CUE_WORD_RE.finditer(before))
    verbs, nouns, documents = _saying_words()
    saying = _any_saying()
    for k in range(len(words) - 1, -1, -1):
        w = words[k].group()
        low = w.lower()
        if low not in saying:
            phrasal = _phrasal_cue(before, words, k)
            if phrasal:
                return phrasal
            continue
        prev = words[k - 1].group() if k > 0 else ""
        if w[:1].isupper() and k > 0 and not (low in _HEADLINE_CUES and prev[:1].isupper()):
            continue  # "Secretary of State": a name, not a verb
        if k == 0 and w[:1].isupper() and len(words) > 1 and words[1].group() in _AUXILIARIES:
            continue  # "Felt had insisted ...": the sentence's subject, a name, not a verb
        if prev.lower() == "to" and k > 1 and words[k - 2].group().lower() == low:
            continue  # "from state to state": a noun repeated, not a verb
        possessed = prev.lower() in _POSSESSIVE or prev.endswith(("'s", "’s"))
        if low in _HOMOGRAPHS and not possessed and _noun_modifier(before, words, k):
            continue  # "state senator", "a law and order crime-fighter": a noun before a noun
        # before a verb that is not as often a noun, ``that`` is the relative pronoun (``an ad
        # that urges voters to “...”``, ``letters that called him “...”``), not a determiner
        relative = prev.lower() == "that" and low not in _HOMOGRAPHS
        if relative and before[words[k].end():].startswith(","):
            continue  # "That said, ...": a discourse marker, not a verb with an object
        # a document is a text someone issued when it is a determined noun (``a statement
        # offering``, ``his email``), not a medium (``via email``, ``enter your email``)
        if low in verbs and (prev.lower() not in _ARTICLES or relative) and (low not in _HOMOGRAPHS or _verb_position(prev, low)) \
                or low in documents and _determined(words, k) \
                or (low in nouns or _HOMOGRAPHS.get(low)) and possessed:
            gap = before[words[k].end():]
            if low in _THING_OBJECT and _THING_OBJECT_RE.match(gap):
                continue  # the quote names the thing agreed (``agreed a “...”``)
            if _CLAUSE_BREAK_RE.search(gap):
                return None
            if low in _INVERTED and _INVERTED_BEFORE_RE.search(before, 0, words[k].start()) and not _CONTINUED_RE.search(gap) \
                    and not any(x.group().lower() in _CLAUSE_OPENERS
                                or x.group().endswith("ing") and before[:x.start()].rstrip().endswith(",")
                                for x in words[k + 1:]):
                return None  # in the speaker's noun phrase after an inverted cue: not its words
            if titlecase and (len(words) - 1 - k > _TITLE_OBJECT_WORDS or "," in gap.lstrip(" ,")):
                return None
            return low
    return None


def _said_right_after(ctx: Context) -> Optional[str]:
    """The verb of saying that takes the quote as its words, right after it: the quote
    opens a sentence, ends in a comma (US style) and the verb is one of the next two
    words (``“...,” he said``, ``“...,” said Kim``).  A quote in the middle of a sentence
    (``host of “Morning Show,” said``) is an appositive's title more often than the words.

    >>> _said_right_after(Context("", " he said.", "Meet the Press,", 3))
    'said'
    >>> _said_right_after(Context("The host of ", " said", "Meet the Press,", 3)) is None
    True
    """
    b = ctx.before.rstrip()
    if not ctx.inner.rstrip().endswith(",") or b and not b.endswith((".", "!", "?")):
        return None
    verbs = _saying_words()[0]
    for w in _CUE_WORD_RE.findall(ctx.after[:40])[:2]:
        if w.islower() and w in verbs:
            return w
    return None


#: Cues that stand before their subject in a closing attribution (``“...,” said Kim``,
#: ``..., according to the memo``).
_INVERTED = frozenset("said says added adds asked asks wrote writes continued explained noted "
                      "recalled replied insisted argued warned declared according told tells".split())
#: Words that open another clause, not a closing attribution (``, and officials hope``,
#: ``, who said``).
_NOT_ATTRIBUTION = frozenset("who which that whose and but or nor while after before because when if since "
                             "although though unless until once whereas".split())
#: Words that open an adverbial clause: a verb of saying right after the quote behind one
#: is that clause's verb (``more than “...” when Clinton accused him``), not an attribution.
_SUBORDINATORS = gw.SUBORDINATORS - {"as"} | {"unless"}  # (``“...,” as Kim said`` is one)
#: A neighbouring quote blanked by :func:`quotecheck.quote_context._blank`: the closing attribution may follow it
#: (``the plan was “good” and “fair,” he said``).
_BLANKED_RE = regex.compile(r"(?<![\w'’])Q(?![\w'’])")
#: At most this many lower-case words, and twice as many in all (titles and names are
#: capitalised), for the subject of a closing attribution (``, the senator said``,
#: ``, Assistant Secretary of State Jane Roe told``).
_ATTRIBUTION_SUBJECT = 4


def _saying_after(after: str, inner: str = "", opens: bool = False) -> Optional[str]:
    """The verb of saying, or document, of a closing attribution that takes the quote's
    sentence as its words: after a comma (the quote's own or one later in the sentence),
    a short subject and the verb (``..., he said``, ``..., a memo said``), or the verb
    and then its subject (``..., said Kim``); or the verb within two words of the quote
    (``“...” she said``); a participle right after a comma (``..., saying``), or any verb
    of saying there when the quote ``opens`` the sentence (``»...«, sagte sie``) too.  A later
    quote of the sentence may stand between (``“...” and “...,” he said``).  A verb deeper
    in the sentence (``the “qualified” spat bubbled up after she refused to say``) or right
    after an appositive's comma (``X, who starred in “...,” posted``) is another clause's.

    >>> _saying_after(" for farmers, she said.")
    'said'
    >>> _saying_after(" spat bubbled up after Clinton refused to say it") is None
    True
    >>> _saying_after(" posted the clip", "Guardians of the Galaxy,") is None
    True
    """
    verbs, _, documents = _saying_words()
    words = list(_CUE_WORD_RE.finditer(after))
    for k, m in enumerate(words):
        w = m.group()
        low = w.lower()
        if not (low in verbs and not w[:1].isupper() or low in documents):
            continue
        gap = after[:m.start()]
        if ";" in gap:
            return None
        comma = gap.rfind(",")
        # the quote's own comma (inside or right after its closing mark): the verb right
        # after it takes the quote
        own = not gap[:max(comma, 0)].strip()
        for q in _BLANKED_RE.finditer(gap, max(comma, 0)):
            comma = q.end() - 1
            own = False
        if comma < 0 and not inner.rstrip().endswith(","):
            # (an infinitive right after the quote is a purpose clause, not an attribution:
            # ``a “corridor” to allow aid in``)
            # (a verb right after the quote, before its subject, is one that inverts: ``“...”
            # said Kim``; another is a noun the quote names, ``a “genius” grant``)
            # (a verb after a subordinator is the verb of the clause it opens: ``work for my
            # “campaign” when I posted the story``; after ``and`` it is a second predicate of
            # the sentence's subject, who speaks: ``hinted at “irregularities” and said``)
            if k <= 2 and not (k > 0 and words[k - 1].group().lower() == "to") and (k > 0 or low in _INVERTED) \
                    and not any(x.group().lower() in _SUBORDINATORS for x in words[:k]):
                return low
            continue
        subject = _CUE_WORD_RE.findall(gap, comma + 1 if comma >= 0 else 0)
        if subject and subject[0].lower() in _NOT_ATTRIBUTION:
            continue
        lower = sum(1 for x in subject if not x[:1].isupper())
        if subject and lower <= _ATTRIBUTION_SUBJECT and len(subject) <= 2 * _ATTRIBUTION_SUBJECT or not subject and (low in _INVERTED or low.endswith("ing") or opens and own):
            return low
    return None


_FUNCTION_WORDS = lexicon.words("function_words.txt")
