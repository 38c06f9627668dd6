"""Quantities in text: numerals, number words, ranges, qualifiers, scales and units.

The cross-source check compares what two sources say a person said about a figure, so a
quantity is reduced to a comparable claim: a normalised ``low``/``high`` value, the
qualifier's *class* (``max`` for "under", "within", "up to", "as many as"; ``min`` for "more
than", "at least"; ``approx`` for "about", "nearly"), and a unit ("minute", "percent",
"dollar", or the noun that follows the number).  ``3.5`` is never ``35``; ``3.5m``,
``3.5 million`` and ``three and a half million`` are not all understood, but the first
two are the same number.

All the words live in data tables (``data/numbers_*.tsv``), loaded once.  The scanner is
one regular expression whose repetitions each consume a separator and a word, so it runs in
linear time; the little parsing left (number words to a value) is done in Python on the
matched words only.

>>> [q.describe() for q in quantities("reduced to 7-10 minutes, and within 5 minutes")]
['7-10 minute', 'max 5 minute']
>>> quantities("in under five minutes")[0].key == quantities("within 5 min")[0].key
True
>>> quantities("3.5 million")[0].low == quantities("$3.5m")[0].low != quantities("35 million")[0].low
True
"""
from __future__ import annotations

import functools
from typing import Optional

import attrs
from mypy_extensions import mypyc_attr
import regex

from . import lexicon


_SPACES = regex.compile(r"\s+")
_LETTERS = regex.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=1)
def number_words() -> dict:
    """``word -> (value or None, role)`` from ``numbers_words.tsv``."""
    return {w: (None if v == "-" else float(v), role) for w, v, role in lexicon.rows("numbers_words.tsv")}


@functools.lru_cache(maxsize=1)
def scale_suffixes() -> dict:
    """``suffix -> factor`` for suffixes written on a numeral (``3.5m``, ``$2bn``)."""
    return {s: float(v) for s, v in lexicon.rows("numbers_scales.tsv")}


@functools.lru_cache(maxsize=1)
def qualifiers() -> dict:
    """``phrase -> class`` (``max``, ``min``, ``approx``) from ``numbers_qualifiers.tsv``."""
    return {q: c for q, c in lexicon.rows("numbers_qualifiers.tsv")}


@functools.lru_cache(maxsize=1)
def units() -> dict:
    """``surface form -> canonical unit`` from ``numbers_units.tsv``."""
    return {s: u for s, u in lexicon.rows("numbers_units.tsv")}


@functools.lru_cache(maxsize=1)
def _function_words() -> frozenset:
    return lexicon.words("function_words.txt")


def _alt(words) -> str:
    """A regex alternation of literal phrases, longest first (so "as many as" beats "as"),
    with inner spaces matching any run of white space."""
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _scanner():
    """The quantity scanner, built once from the tables."""
    words = _alt(number_words())
    quals = _alt(qualifiers())
    scales = _alt(scale_suffixes())
    symbol_units = _alt(u for u in units() if not u[0].isalpha())
    word_units = _alt(u for u in units() if " " in u)
    numeral = r"(?<![\w.,:])(?<!\p{L}-)(?:[0-9]{1,3}(?:,[0-9]{3})++(?:\.[0-9]++)?|[0-9]++(?:\.[0-9]++)?)(?![0-9:])(?!(?:st|nd|rd|th)\b)"  # not 10:30, not 1st
    # A run of number words; "and" only joins after hundred/thousand ("one hundred and five"),
    # so "between five and ten" stays two numbers.  "a" only counts before a multiplier.
    wordnum = (rf"(?:(?:an?\s+)?(?:{words})(?:(?:[ \t]*+-[ \t]*+|[ \t]++|(?<=hundred|thousand)\s+and\s+)"
               rf"(?:{words}))*+)(?![\w])")
    # "@" stands for the value's number (1, or 2 in a range) in its group names.
    value = (r"(?:(?P<cur@>(?:US)?\$|€|£)[ \t]?)?(?:(?P<num@>" + numeral + ")"
             r"(?:[ \t]?(?P<scalew@>thousand|million|billion|trillion)\b|(?P<scale@>" + scales + r")\b)?"
             r"|(?<![\w-])(?P<words@>" + wordnum + "))")
    pat = (rf"(?:(?P<qual>{quals})\s+|(?P<between>between|from)\s+)?"
           + value.replace("@", "1")
           + r"(?:(?P<sep>[ \t]*+[-–—][ \t]*+|\s+to\s+|\s+and\s+)" + value.replace("@", "2") + ")?"
           + rf"(?:(?P<sym>[ \t]?(?:{symbol_units}))|[ \t]*+-?[ \t]*+(?P<uword>{word_units}|\p{{Ll}}[\p{{L}}]*+))?")
    return regex.compile(pat, regex.IGNORECASE | regex.V1)


@functools.lru_cache(maxsize=1)
def _trigger():
    """A quick test for anything the scanner could start a quantity from (a digit or a
    number word): most quoted sentences have none, and the scanner is the slow part."""
    return regex.compile(r"\d|\b(?:" + _alt(list(number_words()) + list(_denominators())) + r")\b", regex.IGNORECASE)


@mypyc_attr(native_class=False)  # an attrs record: a Python class in the compiled build too
@attrs.frozen
class Quantity:
    """One quantity found in text.

    ``low``/``high`` are the normalised bounds of the figure as written (equal for a single
    number, ``7``/``10`` for ``7-10``); both are None for vague quantities ("a few", "dozens").
    ``qualifier`` is the class (``max``, ``min``, ``approx``) and ``qualifier_text`` the words;
    ``unit`` is canonical ("minute") or None.
    """

    start: int
    end: int
    text: str
    low: Optional[float]
    high: Optional[float]
    qualifier: Optional[str] = None
    qualifier_text: Optional[str] = None
    unit: Optional[str] = None
    #: Where the figure itself (the numeral or number words) is, without qualifier or unit.
    value_start: int = -1
    value_end: int = -1

    @property
    def vague(self) -> bool:
        """A quantity without a value ("a few minutes"): it cannot contradict a figure."""
        return self.low is None

    @property
    def key(self) -> tuple:
        """What two sources must agree on: qualifier class, bounds and unit."""
        return (self.qualifier, self.low, self.high, self.unit)

    def describe(self) -> str:
        """A short normalised rendering: ``'max 5 minute'``, ``'7-10 minute'``.

        >>> quantities("as many as 175,000 troops")[0].describe()
        'max 175000 troop'
        """
        if self.low is None or self.high is None:  # vague
            value = "some"
        elif self.low == self.high:
            value = _fmt(self.low)
        else:
            value = f"{_fmt(self.low)}-{_fmt(self.high)}"
        return " ".join(x for x in (self.qualifier, value, self.unit) if x)


def _fmt(v: float) -> str:
    return str(int(v)) if v == int(v) else repr(v)


def _norm(v: float) -> float:
    """Round away float noise (3.5 * 1e6) so equal figures compare equal."""
    return float(f"{v:.12g}")


def words_value(text: str) -> Optional[float]:
    """The value of a run of number words, or None when it is vague or not one number.

    >>> words_value("twenty-one"), words_value("a dozen"), words_value("one hundred and five")
    (21.0, 12.0, 105.0)
    >>> words_value("three million"), words_value("a few") is None
    (3000000.0, True)
    """
    table = number_words()
    total, current, last, seen = 0.0, 0.0, None, False
    for w in _LETTERS.findall(text.lower()):
        if w in ("a", "an", "and"):
            continue
        value, role = table.get(w, (None, None))
        if role is None or role == "vague":
            return None
        if role in ("digit", "teen", "ten"):
            if last in ("digit", "teen") or (last == "ten" and role != "digit"):
                return None  # "five ten" is two numbers, not one
            current += value
        elif role in ("hundred", "dozen"):
            current = (current or 1) * value
        elif role == "scale":
            total += (current or 1) * value
            current = 0.0
        last, seen = role, True
    return _norm(total + current) if seen else None


def _value(m, n: int) -> tuple:
    """``(value, is_word_run)`` of the ``n``-th value of a match (None when vague)."""
    num = m.group(f"num{n}")
    if num is not None:
        v = float(num.replace(",", ""))
        if m.group(f"scalew{n}"):
            v *= number_words()[m.group(f"scalew{n}").lower()][0]
        elif m.group(f"scale{n}"):
            v *= scale_suffixes()[m.group(f"scale{n}").lower()]
        return _norm(v), False
    words = m.group(f"words{n}")
    if words is None:
        return None, False
    return words_value(words), True


def _unit_of(m) -> tuple:
    """``(unit, end)``: the canonical unit and where the quantity ends.  A word after the
    number is its unit only when it is a content word (a noun, usually): "5 minutes", not
    "5 of them"."""
    table = units()
    ends = [m.end(g) for g in ("num2", "scale2", "scalew2", "words2", "num1", "scale1", "scalew1", "words1")
            if m.group(g)]
    for n in (1, 2):
        if m.group(f"cur{n}"):
            return table.get(m.group(f"cur{n}").lower(), "dollar"), max(ends)
    if m.group("sym"):
        return table[m.group("sym").strip().lower()], m.end("sym")
    word = m.group("uword")
    if word:
        w = _SPACES.sub(" ", word.lower())
        if w in table:
            return table[w], m.end("uword")
        if w not in _function_words() and w not in number_words() and w not in qualifiers():
            return singular(w), m.end("uword")
    return None, max(ends)


def singular(word: str) -> str:
    """A crude singular for matching units and content words ("minutes" -> "minute").

    >>> singular("minutes"), singular("troops"), singular("process"), singular("is")
    ('minute', 'troop', 'process', 'is')
    """
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def quantities(text: str) -> tuple:
    """Every quantity in ``text``, in order, with exact spans.

    >>> [(q.text, q.describe()) for q in quantities("between 7 and 10 troops, up to $2bn, 45% of them")]
    [('between 7 and 10 troops', '7-10 troop'), ('up to $2bn', 'max 2000000000 dollar'), ('45%', '45 percent')]
    >>> [q.describe() for q in quantities("a few minutes' strike distance")]
    ['some minute']
    """
    if not _trigger().search(text):
        return ()
    clock = times(text) + proportions(text)
    out = list(clock)
    for m in _scanner().finditer(text):
        if clock and any(c.start < m.end() and m.start() < c.end for c in clock):
            continue  # part of a clock time
        low, _ = _value(m, 1)
        if m.group("num1") is None and m.group("words1") is None:
            continue
        if m.group("words1") is not None and low is None and not _is_vague(m.group("words1")):
            continue
        high = low
        if m.group("sep") or m.group("between"):
            second, _ = _value(m, 2)
            joined_by_and = m.group("sep") is not None and m.group("sep").strip().lower() == "and"
            if m.group("num2") is None and m.group("words2") is None:
                pass
            elif joined_by_and and not m.group("between"):
                # "5 and 10" without "between" is two figures: keep the first only.
                out.append(_make(text, m, low, low, end=m.start("sep")))
                continue
            elif second is not None and low is not None:
                low, high = min(low, second), max(low, second)
        out.append(_make(text, m, low, high))
    return tuple(sorted(out, key=lambda q: q.start)) if clock else tuple(out)


def _is_vague(words: str) -> bool:
    table = number_words()
    return any(table.get(w, (0, ""))[1] == "vague" for w in words.lower().split())


def _make(text: str, m, low, high, end: Optional[int] = None) -> Quantity:
    qual_text = m.group("qual")
    qual = qualifiers()[_SPACES.sub(" ", qual_text.lower())] if qual_text else None
    if end is not None:
        unit = None
    else:
        unit, end = _unit_of(m)
    start = m.start()
    if low is None:
        qual, qual_text = None, None
    vs = m.start("num1") if m.group("num1") is not None else m.start("words1")
    ve = m.end("num1") if m.group("num1") is not None else m.end("words1")
    return Quantity(start, end, text[start:end], low, high, qual, qual_text, unit, vs, ve)


# Clock times: "6 p.m." = "6:00 p.m." = "18:00"; "0241 GMT" = "02:41 GMT".  The value is
# minutes since midnight and the unit "time", so two ways of writing one time agree.
_TIME_RE = regex.compile(
    r"(?<![\w.:])(?:(?P<h12>1[0-2]|0?[1-9])(?:[:.](?P<m12>[0-5][0-9]))?[ \t]?(?P<ampm>[ap])\.?[ \t]?m\b\.?"
    r"|(?P<h24>[01]?[0-9]|2[0-3]):(?P<m24>[0-5][0-9])(?![0-9:])"
    r"|(?P<hz>[01][0-9]|2[0-3])(?P<mz>[0-5][0-9])(?=[ \t]?(?:GMT|UTC|BST|EST|EDT|CST|CDT|PST|PDT|CET)\b))"
    # the zone belongs to the time: "6:41pm PST" and "18:41" differ only in how they are written
    r"(?:[ \t]?(?:GMT|UTC|BST|EST|EDT|CST|CDT|PST|PDT|CET)\b)?",
    regex.IGNORECASE)


def times(text: str) -> tuple:
    """Clock times in ``text`` as quantities with unit ``time`` (minutes after midnight).

    >>> [(q.text, q.low) for q in times("at 6 p.m., at 6:00 p.m., at 18:00 and 0241 GMT")]
    [('6 p.m.', 1080.0), ('6:00 p.m.', 1080.0), ('18:00', 1080.0), ('0241 GMT', 161.0)]
    """
    out = []
    for m in _TIME_RE.finditer(text):
        if m.group("h12"):
            h = int(m.group("h12")) % 12 + (12 if m.group("ampm").lower() == "p" else 0)
            mins = int(m.group("m12") or 0)
        elif m.group("h24"):
            h, mins = int(m.group("h24")), int(m.group("m24"))
        else:
            h, mins = int(m.group("hz")), int(m.group("mz"))
        v = float(h * 60 + mins)
        out.append(Quantity(m.start(), m.end(), m.group(), v, v, None, None, "time", m.start(), m.end()))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _denominators() -> dict:
    """Fraction words and their denominators: "half" 2, "quarter" 4, and every ordinal word
    of ``numbers_ordinals.tsv`` from "third" on ("two-thirds", "a fifth of")."""
    out = {"half": 2.0, "halves": 2.0, "quarter": 4.0, "quarters": 4.0}
    for word, numeral in lexicon.rows("numbers_ordinals.tsv"):
        n = float(numeral.rstrip("stndrh"))
        if n >= 3:
            out[word] = out[word + "s"] = n
    return out


@functools.lru_cache(maxsize=1)
def _proportion_re():
    """Ratios, odds and fractions, each side a numeral or a run of number words; one
    alternation of fixed forms with bounded separators, so nothing backtracks."""
    words = _alt(w for w, (v, role) in number_words().items() if role in ("digit", "teen", "ten"))
    side = rf"(?:[0-9]{{1,3}}(?:,[0-9]{{3}})++|[0-9]++|(?:{words})(?:-(?:{words}))?+)"
    dash = r"(?:[ \t]*+-[ \t]*+|[ \t]++)"
    denom = _alt(_denominators())
    return regex.compile(
        rf"(?<![\w.,-])(?:"
        rf"(?P<n>{side}){dash}(?:in|out[ \t]++of|of[ \t]++every){dash}(?P<m>{side})"   # 1-in-3, one out of three
        rf"|(?P<on>{side})(?:[ \t]*+-[ \t]*+to[ \t]*+-[ \t]*+|[ \t]++to[ \t]++|[ \t]?:[ \t]?)(?P<om>{side})"  # 3-to-1, 3 to 1, 3:1
        rf"|(?P<fn>{side}|an?)(?P<fsep>{dash})(?P<fd>{denom})(?P<of>(?=[ \t]++of\b))?+"  # two-thirds, a third of
        rf"|(?P<sn>[0-9]{{1,3}})/(?P<sd>[0-9]{{1,3}})(?![0-9/])"  # 2/3, not a date 1/2/2020
        rf")(?![\w])", regex.IGNORECASE | regex.V1)


def _side_value(s: str) -> Optional[float]:
    s = s.replace(",", "")
    return float(s) if s[:1].isdigit() else words_value(s.replace("-", " "))


def proportions(text: str) -> tuple:
    """Ratios, odds and fractions as one value each, so two ways of writing one proportion
    agree and two proportions that share a figure do not: "1-in-3", "one in three" and
    "one out of three" are the share 1/3 (unit ``share``, like "a third of" and "1/3");
    "3-to-1", "three to one" and "3:1" are odds 3 (unit ``odds``).  "N to M" with N below
    M is a range ("7 to 10 minutes"), left to the scanner.  A fraction word counts when it
    is hyphenated, plural or followed by "of": "a third of", not the ordinal in "a third
    term".

    >>> [(q.text, q.describe()) for q in proportions("1-in-3 voters, one in three, 2-in-3, 3 to 1, two-thirds of them")]
    [('1-in-3', '0.333333333333 share'), ('one in three', '0.333333333333 share'), ('2-in-3', '0.666666666667 share'), ('3 to 1', '3 odds'), ('two-thirds', '0.666666666667 share')]
    >>> [q.text for q in proportions("a third of them, from 7 to 10 minutes, a third term")]
    ['a third']
    """
    out = []
    for m in _proportion_re().finditer(text):
        if m.group("n"):
            n, d, unit = _side_value(m.group("n")), _side_value(m.group("m")), "share"
        elif m.group("on"):
            n, d, unit = _side_value(m.group("on")), _side_value(m.group("om")), "odds"
            if n is None or d is None or n < d:
                continue  # "7 to 10": a range
        elif m.group("fn"):
            fn = m.group("fn").lower()
            n = 1.0 if fn in ("a", "an") else _side_value(fn)
            fd = m.group("fd").lower()
            d, unit = _denominators()[fd], "share"
            if not (m.group("of") is not None or "-" in m.group("fsep") or fd.endswith("s")):
                continue  # "a third term", "the one fifth grader"
        else:
            n, d, unit = float(m.group("sn")), float(m.group("sd")), "share"
        if n is None or not d:
            continue
        v = _norm(n / d)
        out.append(Quantity(m.start(), m.end(), m.group(), v, v, None, None, unit, m.start(), m.end()))
    return tuple(out)
