"""What a document's text says around the people it names: one scan for every person name
outside quotations and headlines, and for each name whether it stands as a subject, the titles
and appositive given to it, the full name a bare surname stands for.

The :class:`NameIndex` is the discourse model's view of the text (``discourse.py``): it reads,
it never decides who is who.  What it reads around a name never changes while the document is
resolved, so it is cached per position.
"""
from __future__ import annotations

import bisect
import functools
import itertools
from array import array
from typing import Optional

import attrs
import regex

from . import grammar_words as gw
from . import text as _text
from . import titles_said as _said
from .mentions import Mention, _person_name, without_title_words
from .speaker_lexicon import _ABBREV, SUFFIXES, lexicon
from .words import _INITIAL, _WORD, has_word

# A run of capitalised words (with particles, initials and inner "of" in titles): names and
# titles in running text.  A particle goes on only to a capitalised word ("Charles de Gaulle",
# "Lula da Silva", "Jose de la Cruz", "Sen. Bob Ray of Texas"), never to the start of the verb
# after a name ("Ron Avery declared", "Ann Lee offered" had read "Ron Avery de", no name, and
# lost the person); initials run together are one word ("J.K. Rowling", "H.R. McMaster").  The
# alternatives are possessive and at most three are tried at a position, so the scan is linear.
_CAPS = regex.compile(
    r"(?:(?:\p{Lu}\.){2,}+|\p{Lu}[\p{L}'’\-]*+\.?|\p{Lu}\.)(?:[ \u00a0](?:(?:\p{Lu}\.){2,}+|\p{Lu}[\p{L}'’\-]*+\.?|\p{Lu}\.|(?:de|van|von|bin|ibn|da|dos|das|du|di|del|der|den|la|of)(?=[ \u00a0](?:\p{Lu}|(?:la|der|den|los)[ \u00a0]\p{Lu}))|al-\p{Lu}\p{L}*+))*+")


# After a name: a photo credit ("Scott Olson via Getty Images.", "Jim Urquhart / Reuters."):
# the line names a photographer, no one the story is about (14 such lines in train-640).
_CREDIT = regex.compile(r"[ \u00a0]*+(?:via[ \u00a0]++|/[ \u00a0]*+)(?:Getty[ \u00a0]Images|Getty|AP|AFP|Reuters|EPA|"
                        r"Bloomberg|Associated[ \u00a0]Press|Shutterstock|Corbis|Sipa|Redux|Polaris|ZUMA)\b"
                        r"[^\n.]{0,40}+\.?[ \u00a0]*+(?:\n|$)")


# Before a name: the start of a paragraph or a sentence.  After it: a verb of saying, or the
# comma of an appositive.
_SENT_OPEN = regex.compile(r"(?:^|[\n\r]|[.!?][\"”’']?\s)\s*$")
# A sentence opened by a conjunction or linking adverb before its subject: "But Judge Ann Roe
# made clear ...", "And Lee has ...": the name is still the sentence's subject.
_CONJ_OPEN = regex.compile(r"(?:^|[\n\r]|[.!?][\"”’']?\s)\s*+(?:But|And|Yet|So|Still|Then|Now|Meanwhile|Instead)"
                           r"\s++$")
_THEN_VERB = regex.compile(r"\s*+(?:,|(said|says|told|tells|added|adds|wrote|writes|noted|argued|"
                           r"explained|asked|replied|responded|insisted|warned)\b|also\b|has\b|had\b|is\b|was\b)")


#: A family tie right after a possessive name, before the relative's name ("Kim Jong-un's
#: sister, Kim Yo-jong,"; "Clinton's husband Bill"): the possessor is no subject.
_POSSESSED_KIN = regex.compile(r"[ ](?:\p{Ll}++[ ])?(?:husband|wife|son|daughter|brother|sister|father|mother|"
                               r"widow|widower|grandson|granddaughter|child|stepson|stepdaughter)\b")

# An appositive right after a name: "Vladimir Putin, Russia's president,".
_DASH_WHO = regex.compile(r"\s*+[—–]\s*+who\b")


#: Words that open an adverbial after a comma, not an appositive saying what someone is.
_NOT_APPOSITIVE = frozenset("""over in on at for with from to by after before during while when where since
until into about against under through and but or because although though as if""".split())


_APPOSITIVE = regex.compile(r"\s*+,([^,.;“”\"\n]{1,80})[,.]")
_CLAUSE_MARK = regex.compile(r"[.,;:!?“”\"()\n]")


#: A short description that opens a sentence and ends where an appositive name follows
#: ("The mayor of Akron", "Akron’s mayor", "Her lawyer"): at most 50 characters, no comma or
#: other clause mark inside (made-up examples).  It opens with an article or a
#: possessive determiner of :mod:`quotecheck.grammar_words` (not "my", "our", "your",
#: which the rule never took), capitalised, or a name's possessive.
_FRONTED_DESCRIPTION = regex.compile(r"(?:^|(?<=[\n\r])|(?<=[.!?][\"”’']?\s))(?:"
                                     + "|".join(sorted(w.capitalize() for w in
                                                       gw.ARTICLES | (gw.POSSESSIVES - {"my", "our", "your"})))
                                     + r"|\p{Lu}[\p{L}.-]*+['’]s)[ ]"
                                     r"[^,;:.!?\n\r\"“”]{1,50}+$")
# A lower-case word that can be a verb right after a name (not a conjunction or relative).
_VERB_NEXT = regex.compile(r"\s++(?!(?:and|or|but|who|which|where|whose|whom|of|in|on|at|for|to|with|from|as)\b)"
                           r"\p{Ll}\p{L}*+")


# First- and second-person words: someone speaking.  Third-person subject pronouns: a narrator.
_SPEAKING = regex.compile(r"\b(?:I|me|my|mine|we|us|our|you|your)\b|\b(?:We|You|My|Our|Your)\b")
_NARRATING = regex.compile(r"\b(?:he|she|He|She)\b")


def _narrative_excerpt(text: str, a: int, b: int) -> bool:
    """Whether the quotation ``text[a:b]`` is a block quotation of another article: a long
    passage opening its paragraph that tells of people in the third person and never speaks
    in the first or second ("Smith reports: / "Marisol thought the whole thing was
    outrageous. She wasn't ..."), so the people it introduces are antecedents after it.

    >>> t = 'Smith reports:\\n\\n"Jane Doe thought the plan was absurd. She said so twice, and she left the room before the vote, when the chairman began to read the long list of names aloud."'
    >>> _narrative_excerpt(t, t.index('"'), len(t))
    True
    >>> t = '"I thought the plan was absurd. She said so twice, and she left the room before the vote, when the chairman began to read the long list of names aloud."'
    >>> _narrative_excerpt(t, 0, len(t))
    False
    """
    if b - a < 150 or text[text.rfind("\n", 0, a) + 1:a].strip():
        return False
    return not _SPEAKING.search(text, a, b) and len(_NARRATING.findall(text, a, b)) >= 2


def _gaps(starts, ends, n: int):
    """``(lo, hi)`` of each stretch of ``[0, n)`` outside the spans ``starts[i]:ends[i]``,
    one at a time (a list of them for a text with a quote every few words was about
    100 bytes a quote).

    >>> list(_gaps([2, 5], [4, 6], 8))
    [(0, 2), (4, 5), (6, 8)]
    """
    cur = 0
    for a, b in zip(starts, ends):
        if a > cur:
            yield cur, a
        cur = max(cur, b)
    yield cur, n



#: The kinds of :class:`NameIndex` memo entry kept per offset (see ``_cache``).
_HEAD, _GENDERED, _SUBJ, _OPEN, _SAID, _BEFORE = range(6)
_KINDS = 8

@functools.lru_cache(maxsize=1)
def _made_words() -> frozenset:
    """The words the words about a name may hold that its text does not: what an
    abbreviated title is spelled out as, a party tag's party and state (lower case)."""
    out: set = set(_said.PARTY_WORDS)
    for words in itertools.chain(_said.abbreviation_words(), _said.state_names()):
        out.update(_WORDS.findall(words))
    return frozenset(out)


_WORDS = regex.compile(r"\w++")


def _may_say(text: str, head: str, start: int, end: int) -> bool:
    """A necessary condition of :meth:`NameIndex.fits` finding ``head`` in the words about
    the name at ``text[start:end]``, told without reading them: every one of those words is
    the name's own, within 80 characters before it (:meth:`NameIndex.title_before`,
    :func:`titles_said.appositive_before`) or 240 after it (two appositives of 120), or
    made by :func:`titles_said.said_more` (a spelled-out title, a tag's party or state).  A
    head of one ASCII word none of those makes and absent from that stretch of the text
    (lowered) is not among them."""
    if " " in head or not head.isascii() or not _WORDS.fullmatch(head) or head in _made_words():
        return True
    return head in text[max(0, start - 80):end + 240].lower()


def said_more_at(ix: "NameIndex", mention: Mention, start: int) -> str:
    """:func:`titles_said.said_more` for the name ``mention`` at ``start``, once per name:
    :meth:`NameIndex.title_text` and :meth:`NameIndex.fits` both ask it (the words around a
    name never change; the key holds what the answer reads of the mention)."""
    key = (start, mention.text, mention.titles)
    got = ix._more.get(key)
    if got is None:
        got = ix._more[key] = _said.said_more(ix.text, mention, start, ix.title_before(start))
    return got


class NameIndex:
    def __init__(self, text: str, skip=()):
        self.text = text
        self.lex = lexicon()
        # names inside quotations are what the speaker talks about, not who speaks; but a
        # block quotation of another article narrates, and introduces the people it tells of
        # the quotations' spans as two arrays (a tuple per quote held for the whole
        # document was about 64 bytes a quote; ``skip`` may be an iterator of them)
        self.skip_starts = array("q")
        self.skip_ends = array("q")
        for a, b in skip:
            if not _narrative_excerpt(text, a, b):
                self.skip_starts.append(a)
                self.skip_ends.append(b)
        # an offset's memo entries are keyed by one int, ``offset * _KINDS + kind`` (a tuple
        # of a kind and an offset was 56 bytes more an entry, and a name every few words
        # leaves several entries per name); a few whole-text entries by a string
        self._cache: dict = {}
        self._fits: dict = {}  # name start -> the text's words about it (see fits)
        self._more: dict = {}  # (start, text, titles) -> said_more (see said_more_at)
        self._known_fit: dict = {}  # (an entity's titles, head) -> whether they hold it (see fits)
        self._cands: Optional[list] = None
        self._cand_starts: list = []
        self.surnames: dict = {}
        self.last_words: frozenset = frozenset()  # the last word of every name of two words or more

    def in_headline(self, pos: int) -> bool:
        """Whether ``pos`` is in a headline-like line (most words capitalised, no final full
        stop): "Solid Debate Win Over Kaine" names nobody."""
        if pos < self.headline_block():
            return True
        # The line's start: near, by a bounded look back; on a long line, from the line
        # starts found once per text (a look back to the previous line break from every
        # position on a 5 MB line was quadratic).
        a = self.text.rfind("\n", max(0, pos - 1000), pos) + 1
        if not a and pos > 1000:
            starts = self._cache.get("line-starts")
            if starts is None:
                starts = self._cache["line-starts"] = array(
                    "q", itertools.chain((0,), (m.end() for m in regex.finditer("\n", self.text))))
            a = starts[bisect.bisect_right(starts, pos) - 1]
        key = a * _KINDS + _HEAD
        if key not in self._cache:
            b = self.text.find("\n", pos)
            line = self.text[a:b if b >= 0 else len(self.text)].strip()
            ended = line.endswith((".", "?", "!", "”", '"', ":", "’", "'"))
            if ended and len(line) > 150:
                self._cache[key] = False  # a sentence of running text
            else:
                words = _WORD.findall(line[:300])
                caps = sum(1 for w in words if w[:1].isupper())
                self._cache[key] = len(words) >= 3 and caps >= 0.6 * len(words) and not ended or \
                    bool(words) and caps == len(words) and len(words) >= 2
        return self._cache[key]

    def headline_block(self) -> int:
        """Where the headline and its deck end: the opening paragraph when its first line does
        not end as a sentence does ("Mayor questions the count;" / "Vote moved
        to 'working the referees'."), else 0."""
        key = "headline-block"
        if key not in self._cache:
            first = self.text[:self.text.find("\n")] if "\n" in self.text[:300] else ""
            end = 0
            if first.strip() and not first.rstrip().endswith((".", "?", "!", "”", '"', "’", "'")):
                para = self.text.find("\n\n")
                end = para if 0 < para <= 400 else len(first)
            self._cache[key] = end
        return self._cache[key]

    def skipped(self, pos: int) -> bool:
        i = bisect.bisect_right(self.skip_starts, pos) - 1
        return i >= 0 and self.skip_starts[i] <= pos < self.skip_ends[i]

    def all_candidates(self) -> list:
        """Every person name of the document outside quotes and headlines, in order: one
        scan, made the first time a pronoun or short name needs it."""
        if self._cands is None:
            cands: list = []
            heads: list = []  # the names of headlines: never antecedents, but they say whose surname a later bare one is
            append = cands.append
            read = _person_name
            # scan the stretches between quotations only
            for lo, hi in _gaps(self.skip_starts, self.skip_ends, len(self.text)):
                for m in _CAPS.finditer(self.text, lo, hi):
                    found = read(m.group())
                    if found is not None and _CREDIT.match(self.text, m.end()) is None:
                        k = m.start()
                        if not self.in_headline(k):
                            append((k + found.start, found))
                        else:
                            heads.append((k + found.start, found))
            self._cands = cands
            self._cand_starts = [c[0] for c in cands]
            # surname -> the full names it stands for, in text order ("Clinton" -> "Bill
            # Clinton" at 120, "Hillary Clinton" at 900), so that a bare surname is known to
            # be a person with a gender: the one named last before it.  A full name in a
            # headline counts too ("Hugh Jackman to host awards" / "Jackman sings ballads"): the
            # story names its subject there, and the body may give only the surname
            full: dict = {}
            last: set = set()
            for k, c in (sorted(heads + cands, key=lambda kc: kc[0]) if heads else cands):
                # (a suffix is no surname: "Ike LaRue III" is a LaRue)
                words = [w for w in c.name.split() if w not in SUFFIXES]
                if len(words) > 1:
                    last.add(words[-1])
                if len(words) > 1 and c.gender:
                    full.setdefault(words[-1], ([], []))
                    full[words[-1]][0].append(k)
                    full[words[-1]][1].append(c)
            self.surnames = full
            self.last_words = frozenset(last)
        return self._cands

    def people_surnames(self) -> dict:
        """The surnames of the people the document names, each with the full names it
        stands for by position (:attr:`surnames`), from the one scan of
        :meth:`all_candidates`, made now if it has not been."""
        self.all_candidates()
        return self.surnames

    def only_first_name(self, word: str) -> bool:
        """Whether no name of the document ends in ``word``: a one-word name the text never
        gives as anyone's surname ("Maria, a nurse, said"; "Tom looked at Mary")."""
        self.all_candidates()
        return word not in self.last_words

    def surname_gender(self, surname: str, pos: int) -> Optional[str]:
        """The gender of the person a bare surname at ``pos`` stands for: the latest full
        name with that surname before it (a story about Bill and Hillary Clinton means the
        one just named), else the first one after it."""
        return self.surname_full(surname, pos)[1].gender

    def surname_full(self, surname: str, pos: int):
        """``(start, Mention)`` of the full name a bare surname at ``pos`` stands for."""
        starts, fulls = self.surnames[surname]
        i = max(0, bisect.bisect_right(starts, pos) - 1)
        return starts[i], fulls[i]

    def candidates(self, lo: int, hi: int):
        """``(start, Mention)`` for the person names in ``text[lo:hi]`` outside quotes."""
        cands = self.all_candidates()
        i = bisect.bisect_left(self._cand_starts, lo)
        j = bisect.bisect_left(self._cand_starts, hi)
        return cands[i:j]

    def one_sentence(self, a: int, b: int) -> bool:
        """Whether ``a`` and ``b`` stand in one sentence: no line break and no sentence break
        (the pipeline's rule, ``text.sentence_breaks``) between them."""
        if "\n" in self.text[a:b]:
            return False
        return not any(end <= b for end, _ in _text.sentence_breaks(self.text, a, min(len(self.text), b + 3)))

    def gendered(self, start: int, mention: Mention) -> Mention:
        """A bare surname's mention with the gender of the full name it stands for (made
        once per candidate: the surnames index does not change)."""
        key = start * _KINDS + _GENDERED
        got = self._cache.get(key)
        if got is None:
            got = self._cache[key] = attrs.evolve(mention, gender=self.surname_gender(mention.name or "", start))
        return got

    def is_subject(self, start: int, mention: Mention) -> int:
        """Whether a name stands where a subject does: opening a sentence or paragraph, or
        right before a speech verb."""
        key = start * _KINDS + _SUBJ
        got = self._cache.get(key)
        if got is not None:
            return got
        after = self.text[start + len(mention.text):start + len(mention.text) + 40]
        v = _THEN_VERB.match(after)
        if mention.text.endswith(("'s", "’s")) and _POSSESSED_KIN.match(after):
            res = 0  # "Kim Jong-un's sister, Kim Yo-jong, issued": the possessed one is the subject
        elif v and v.group(1):
            res = 2  # "Marisol said": someone who speaks is a person
        else:
            # (the opening mark of a block quotation's paragraph opens nothing of its own)
            before = self.text[max(0, start - 5):start].rstrip("\"“")[-4:]
            if _SENT_OPEN.search(before) and "." in before:
                # "to Mr. Obama", "of Sen. Tribe": the dot of a title or initial opens nothing
                prev = self.text[max(0, start - 12):start].split()
                if prev and (self.lex.title(prev[-1]) or _INITIAL.fullmatch(prev[-1]) or prev[-1] in _ABBREV):
                    # the title itself may open the sentence ("\n\nMr. Hart dismissed")
                    ts = self.text.rfind(prev[-1], 0, start)
                    before = self.text[max(0, ts - 4):ts] if ts > 0 else ""
                    if ts > 0 and not _SENT_OPEN.search(before):
                        before = "x"  # (an empty string would read as the start of the text)
            elif not _SENT_OPEN.search(before) and self.lex.title(
                    "".join(self.text[max(0, start - 30):start].split()[-1:])):
                # (the word before, "" when only white space is: "\x1f" is white space to split())
                # a title of several words may open the sentence ("House Speaker Paul Ryan, R-Wis.,
                # despite ...", "Green Party candidate Ann Roe’s doctor is")
                run = self.title_before(start)
                ts = self.text.rfind(run, max(0, start - 100), start) if run else -1
                if ts == 0 or ts > 0 and (_SENT_OPEN.search(self.text[max(0, ts - 4):ts])
                                          or _CONJ_OPEN.search(self.text[max(0, ts - 14):ts])):
                    before = "\n"
            elif not _SENT_OPEN.search(before) and _CONJ_OPEN.search(self.text[max(0, start - 14):start]):
                before = "\n"
            # a comma after the name marks a subject only before an appositive that says what
            # the person is ("concerns Tom Hart, president of ...", who is introduced to
            # speak next); "for killing Terence Crutcher, a 40-year-old man" is an object
            verb = bool(v) and (v.group().strip() != "," or self.title_appositive(start + len(mention.text)))
            # "with Hillary Clinton — who’s called for big tax hikes — lambasting": a person
            # given a relative aside in dashes becomes the topic, as a subject does
            verb = verb or bool(_DASH_WHO.match(after))
            self._cache[start * _KINDS + _OPEN] = bool(_SENT_OPEN.search(before)) or start == 0
            res = int(bool(_SENT_OPEN.search(before)) or start == 0 or verb or (
                # "In a Wall Street Journal essay, Ivanka Trump acknowledged ...": the subject
                # after an opening phrase, followed by its verb
                before.endswith(", ") and bool(_VERB_NEXT.match(after))) or self._fronted_appositive(start, after))
        self._cache[key] = res
        return res

    def _fronted_appositive(self, start: int, after: str) -> bool:
        """Whether the name at ``start`` is the appositive of a short description that opens
        its sentence and is followed by the sentence's verb: "The mayor of Akron, Tom Reed,
        wrote to the council", "The company's founder, Ann Roe, stepped down" (made up).  The
        person is the main clause's subject, newly on stage, as much as a name that opens it."""
        if not (after.startswith(", ") and _VERB_NEXT.match(after, 1)):
            return False
        if self.text[max(0, start - 2):start] != ", ":
            return False
        m = _FRONTED_DESCRIPTION.search(self.text, max(0, start - 70), start - 2)
        if m is None:
            return False
        # the dot of a title or initial opens nothing ("under Mr. Bush's father, George Bush,")
        prev = self.text[max(0, m.start() - 12):m.start()].split()
        return not (prev and (self.lex.title(prev[-1]) or _INITIAL.fullmatch(prev[-1]) or prev[-1] in _ABBREV))

    def opens(self, start: int) -> bool:
        """Whether the subject at ``start`` (read by :meth:`_is_subject`) opens its sentence."""
        return self._cache.get(start * _KINDS + _OPEN, False)

    def title_appositive(self, end: int) -> bool:
        """Whether an appositive after ``end`` holds a title word (``, president of ...``,
        ``, a Republican senator,``)."""
        m = _APPOSITIVE.match(self.text, end, min(len(self.text), end + 120))
        if not m:
            return False
        first = m.group(1).split(None, 1)
        if first and first[0].lower() in _NOT_APPOSITIVE:
            return False  # "Hillary Clinton, over the email server she used as secretary of state"
        return any((self.lex.title(w) or ("", ""))[0] in ("office", "role") or
                   (self.lex.title(w.lower()) or ("", ""))[0] in ("office", "role")
                   for w in _WORD.findall(m.group(1)))

    def title_text(self, mention: Mention, known, start: int) -> str:
        """What the text calls a person, lower case: the titles before the name, the
        entity's known titles and an appositive after it."""
        key = start * _KINDS + _SAID
        got = self._cache.get(key)
        if got is None:
            # what the text around the name says never changes; only the entity learns
            end = start + len(mention.text)
            m = _APPOSITIVE.match(self.text, end, min(len(self.text), end + 120))
            after = " " + self.title_before(start) + " " + (m.group(1) if m else "") + " " + \
                said_more_at(self, mention, start)
            name = mention.name or ""
            if " " not in name and name in self.surnames:
                # "Roe" says what "Republican Senate nominee Ann Roe" said
                k, full = self.surname_full(name, start)
                if k != start:
                    after += " " + self.title_text(full, None, k)
            got = self._cache[key] = (" ".join(mention.titles), after)
        before, after = got
        return (before + " " + " ".join(known.titles if known else ()) + after).lower()

    def title_before(self, start: int) -> str:
        """The title words right before a name that the run of capitals leaves out
        ("Democratic presidential nominee Hillary Clinton"): the words back from the name
        while each is a title word or capitalised ("the senator attacked Trump" gives none)."""
        key = start * _KINDS + _BEFORE
        if key in self._cache:
            return self._cache[key]
        words = _WORD.findall(_CLAUSE_MARK.split(self.text[max(0, start - 80):start])[-1])
        out = []
        for w in words[-6:][::-1]:  # (not reversed(): mypyc 2.4 fails on it over a list of Any)
            if not (self.lex.title(w) or self.lex.title(w.lower()) or w[:1].isupper()):
                break
            out.append(w)
        res = self._cache[key] = " ".join(reversed(out))
        return res

    def fits(self, head: str, mention: Mention, known, start: int) -> bool:
        """Whether a description's head noun is what the text calls this person: in a title
        before the name, an appositive after it, or the entity's known titles."""
        said = self._fits.get(start)
        if said is None and not _may_say(self.text, head, start, start + len(mention.text)):
            said = ""  # (not kept: another head may be in the words)
        elif said is None:
            # the text's words about the name, once per name (``head`` has no space, so
            # looking in them joined by spaces is looking in each); keyed by the start alone
            # and the usual nothing ("  ") shared: one string a name was about 130 bytes
            end = start + len(mention.text)
            m = _APPOSITIVE.match(self.text, end, min(len(self.text), end + 120))
            # (with the job word a sentence opening left in the name: "Comedian Ellen
            # DeGeneres" is what "the comedian" stands for)
            said = " ".join((" ".join(without_title_words(mention).titles).lower(), self.title_before(start).lower(),
                             m.group(1).lower() if m else "",
                             said_more_at(self, mention, start)))
            if said == "  ":
                said = "  "
            self._fits[start] = said
        if has_word(said, head):
            return True
        if known is None or not known.titles:
            return False
        # ("Cruz" says what "Sen. Ted Cruz" said before: the senator); the entity's titles
        # only grow, so their words are read once per (titles, head) and document
        key = (tuple(known.titles), head)
        got = self._known_fit.get(key)
        if got is None:
            got = self._known_fit[key] = _said.known_titles_fit(known.titles, head)
        return got
