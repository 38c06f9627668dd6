"""Hostile input: generated nasty texts through the public API, throughput vs. news.

    python benchmarks/hostile.py                      # every case at 200 kB
    python benchmarks/hostile.py --size 1000000       # at 1 MB
    python benchmarks/hostile.py --case endless_marks --case nested_marks
    python benchmarks/hostile.py --profile unclosed_marks   # cProfile of one case
    python benchmarks/hostile.py --list
    python benchmarks/hostile.py --stage sentences    # text.split_sentences alone
    python benchmarks/hostile.py --linear             # 4 sizes doubling to 5 MB: growth

Each case is a generator of about ``--size`` characters of text built to be slow or
confusing (nested, unclosed, alternating and endless quotation marks, a megabyte line,
runs of capitalised words or apostrophes, HTML debris, control characters, a quote every
few words, a sentence with hundreds of cue verbs...).  Each runs in its own subprocess
under a time cap (``--timeout``), so a case that hangs or goes quadratic is reported as
TIMEOUT instead of stopping the benchmark, and a crash is reported with its exception.

The figure for each case is characters per CPU second of :func:`quotecheck.extract`
(best of ``--repeat``), and for the cases marked ``check`` also of
:func:`quotecheck.check` on three copies of the text as three documents (a near-copy
pair is what the cross-source check works hardest on).  Both are printed relative to the
same function on ordinary news: PolNeAR train articles (about ``--size`` characters of
them, each its own document; ``news_concat`` is the same text as one document).  The target (issue 7) is every case at least 10 %
of the news figure.  Exit status 1 when a case crashes, times out or misses the target.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import itertools
import json
import os
import pstats
import random
import resource
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# the quotecheck of this checkout, not an installed one (an editable install points elsewhere)
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

TARGET = 0.10
#: Memory target (issue 14): peak bytes allocated per character of input.
MAX_BPC = 50

# Word stock for the generators: no sentence from any corpus, only the ingredients.
WORDS = ("the government plan would cost more than expected and nobody in the room "
         "thought it could pass before the election in November").split()
NAMES = ["Donald Trump", "Hillary Clinton", "Bernie Sanders", "Angela Merkel", "Vladimir Putin",
         "Emmanuel Macron", "Mary O'Brien", "Jean-Claude Van Damme", "Kim Jong Un", "Xi Jinping"]
FIRST = ["John", "Mary", "Ahmed", "Li", "Olga", "Pedro", "Aisha", "Tom", "Nina", "Raj", "Sven", "Chloe"]
LAST = ["Smith", "Garcia", "Okafor", "Nguyen", "Kowalski", "O'Neill", "McDonald", "Van Buren",
        "Schmidt", "Rossi", "Haddad", "Tanaka"]
CUES = ["said", "told reporters", "added", "argued", "insisted", "claimed", "warned", "according to",
        "explained", "noted", "wrote", "tweeted", "asked", "replied", "declared", "stated"]
MARKS = ["“", "”", '"', "'", "‘", "’", "«", "»", "„", "‹", "›", "「", "」", "`", "``", "''"]


def _fill(parts, size):
    """Join an endless iterable of strings until ``size`` characters."""
    out, n = [], 0
    for p in parts:
        out.append(p)
        n += len(p)
        if n >= size:
            break
    return "".join(out)[:size]


def _articles(size):
    """Whole PolNeAR train articles, spread over the file, about ``size`` characters in all."""
    import corpus

    out, n = [], 0
    for _, t in itertools.cycle(corpus.sample(corpus.polnear(), 400)):
        out.append(t)
        n += len(t)
        if n >= size:
            return out


def _news(size):
    """PolNeAR train articles, concatenated (a blank line between) up to ``size``."""
    return _fill((t + "\n\n" for t in _articles(size + 10_000)), size)


def _gen_nested(rng, size):
    # “ ‘ “ ‘ ... opened deeper and deeper, each level with a few words, closed at the end.
    depth = size // 40
    opens = "".join(("“" if i % 2 == 0 else "‘") + " ".join(rng.choice(WORDS) for _ in range(3)) + " "
                    for i in range(depth))
    closes = "".join("”" if i % 2 == 0 else "’" for i in reversed(range(depth)))
    return (opens + closes + " he said.")[:size]


def _gen_nested_paragraphs(rng, size):
    def para():
        while True:
            d = rng.randint(2, 12)
            s = "".join(("“" if i % 2 == 0 else "‘") + rng.choice(WORDS) + " " for i in range(d))
            s += "".join("”" if i % 2 == 0 else "’" for i in reversed(range(d)))
            yield s + f" {rng.choice(NAMES)} {rng.choice(CUES)}.\n"
    return _fill(para(), size)


def _gen_unclosed(rng, size):
    # An opening mark every few words, never closed, no line break.
    def parts():
        while True:
            yield f"“{rng.choice(WORDS)} {rng.choice(WORDS)} {rng.choice(WORDS)}, {rng.choice(NAMES)} {rng.choice(CUES)} "
    return _fill(parts(), size)


def _gen_unclosed_closing(rng, size):
    # Closing marks only: every one is a candidate end with no start.
    return _fill((f"{rng.choice(WORDS)} {rng.choice(WORDS)},” {rng.choice(CUES)} {rng.choice(NAMES)}. "
                  for _ in itertools.count()), size)


def _gen_alternating(rng, size):
    return _fill((m + rng.choice(WORDS) + " " for m in itertools.cycle(["“", "”", '"', "'", "‘", "’"])), size)


def _gen_alternating_tight(rng, size):
    return _fill(itertools.cycle(["“", "”", '"', "'", "‘", "’", "«", "»"]), size)


def _gen_endless_double(rng, size):
    return '"' * size


def _gen_endless_curly(rng, size):
    return "“" * (size // 2) + "”" * (size - size // 2)


def _gen_endless_open(rng, size):
    return "He said “" + "“" * (size - 20) + "x”"


def _gen_megabyte_line(rng, size):
    # Real news with every line break turned into a space: one line, many sentences.
    return _news(size).replace("\n", " ")


def _gen_no_punctuation_line(rng, size):
    return " ".join(rng.choice(WORDS) for _ in range(size // 4))[:size]


def _gen_one_word(rng, size):
    return "a" * size


def _gen_capitalised(rng, size):
    # Names without end: every word could start a speaker mention.
    return _fill((rng.choice(FIRST + LAST + ["President", "Senator", "Mr.", "Dr.", "Of", "The"]) + " "
                  for _ in itertools.count()), size)


def _gen_capitalised_quotes(rng, size):
    return _fill((f"“{rng.choice(WORDS)},” said {' '.join(rng.choice(FIRST + LAST) for _ in range(rng.randint(5, 40)))} "
                  for _ in itertools.count()), size)


def _gen_apostrophes(rng, size):
    return "'" * size


def _gen_apostrophe_words(rng, size):
    return _fill(itertools.cycle(["don't ", "it's ", "'90s ", "rock 'n' roll ", "O'Brien's ", "'tis ",
                                  "students' ", "’em ", "can’t ", "‘twas ", "Jones’ "]), size)


def _gen_single_quotes(rng, size):
    return _fill((f"'{rng.choice(WORDS)} {rng.choice(WORDS)}' " for _ in itertools.count()), size)


def _gen_html(rng, size):
    bits = ['<div class="story-body" data-x=\'{"a":"b"}\'>', "<p>", "&ldquo;", "&rdquo;", "&quot;",
            "&#8220;", "&#x201D;", '<a href="https://example.com/?q=\'x\'&amp;y=1">', "</a>",
            "<script>var s = \"it's\"; if (a < b) { x = '\"'; }</script>", "<br/>", "</p>\n",
            "<!-- \"comment\" -->", "said", rng.choice(NAMES), "“Yes,”"]
    return _fill((rng.choice(bits) + rng.choice(["", " "]) for _ in itertools.count()), size)


def _gen_controls(rng, size):
    ctl = ["\x00", "\x07", "\x08", "\x1b[31m", "\x1b[0m", "\x1b]0;title\x07", "\r", "\x0b", "\x0c",
           "\x1f", "\x7f", "\x85", "\u200b", "\u202e", "\ufeff", "\ud800", "\udfff", "\u2028", "\ufffd"]
    return _fill((rng.choice(ctl) if rng.random() < 0.4 else rng.choice(WORDS + ["“", "”", "said", "."]) + " "
                  for _ in itertools.count()), size)


def _gen_dense_quotes(rng, size):
    return _fill((f"“{rng.choice(WORDS)} {rng.choice(WORDS)}” {rng.choice(WORDS)} " for _ in itertools.count()), size)


def _gen_dense_attributed(rng, size):
    return _fill((f"“{rng.choice(WORDS)},” {rng.choice(NAMES)} {rng.choice(CUES)}. " for _ in itertools.count()), size)


def _gen_cue_sentence(rng, size):
    # One sentence, hundreds of cue verbs and names, no full stop until the end.
    parts = _fill((f"{rng.choice(NAMES)} {rng.choice(CUES)} that {rng.choice(WORDS)} {rng.choice(WORDS)}, and "
                   for _ in itertools.count()), size - 1)
    return parts + "."


def _gen_many_names(rng, size):
    return _fill((f"{rng.choice(FIRST)} {chr(65 + i % 26)}. {rng.choice(LAST)}{i}, {rng.choice(['a spokesman', 'the senator', 'who'])} {rng.choice(CUES)} \"{rng.choice(WORDS)}\". "
                  for i in itertools.count()), size)


def _gen_pronouns(rng, size):
    return _fill((f"“{rng.choice(WORDS)},” {rng.choice(['he', 'she', 'they', 'it', 'we'])} {rng.choice(CUES)}. "
                  + ("\n" if rng.random() < 0.1 else "") for _ in itertools.count()), size)


def _gen_org_pronouns(rng, size):
    # Thousands of organisations, each named once and then speaking as `it` and `they`:
    # every pronoun is resolved against the organisations mentioned before it, and each
    # new name is an entity of its own (the resolver's records grow with the text).
    kinds = ["Corporation", "Group", "Agency", "Ministry", "Council", "Party", "Bank", "Commission"]

    def name():
        return "".join(rng.choice("BCDFGHKLMNPRSTVZ") + rng.choice("aeiou") for _ in range(3)).capitalize()
    return _fill((f"The {name()} {rng.choice(kinds)} announced a plan. “{rng.choice(WORDS)} {rng.choice(WORDS)},” it said. "
                  f"“{rng.choice(WORDS)} {rng.choice(WORDS)},” they said." + ("\n\n" if rng.random() < 0.5 else " ")
                  for _ in itertools.count()), size)


def _gen_sentences_one_line(rng, size):
    # short sentences with no line break: every word before a full stop is split at the
    # tokeniser, all in one paragraph (an in-place split went quadratic here)
    return _fill((f"{rng.choice(FIRST)} {rng.choice(CUES)} so. " for _ in itertools.count()), size)


def _gen_periods(rng, size):
    return ". " * (size // 2)


def _gen_period_lines(rng, size):
    # Short lines of nothing but sentence ends: dense, but no paragraph is long.
    return _fill(itertools.cycle(["a. b. c. d. e. f.\n", "1. 2. 3.\n", "! ? . ! ?\n"]), size)


def _gen_abbreviations(rng, size):
    return _fill(itertools.cycle(["Mr. ", "a. ", "U.S. ", "Dr. ", "e.g. ", "p.m. ", "No. ", "St. "]), size)


def _gen_ellipses(rng, size):
    return _fill(itertools.cycle(["... ", "…", "!!! ", "?! ", ".\u00a0"]), size)


def _gen_newlines(rng, size):
    return _fill(itertools.cycle(["“a\n", "b”\r\n", "said\r", "Trump\n\n"]), size)


def _gen_whitespace(rng, size):
    return "“He said" + " " * (size // 2) + "\u00a0" * (size // 4) + "\t" * (size // 4 - 20) + "no.”"


def _gen_dashes_colons(rng, size):
    return _fill((rng.choice([f"{rng.choice(NAMES)}: ", "— ", "– ", "-- ", ": “", "”: ", f"— {rng.choice(CUES)} "])
                  + rng.choice(WORDS) + " " for _ in itertools.count()), size)


def _gen_guillemets(rng, size):
    return _fill((rng.choice(["«", "»", "‹", "›", "„", "“", "‚", "‘"]) + rng.choice(WORDS) + " "
                  for _ in itertools.count()), size)


def _gen_numbers(rng, size):
    return _fill((f"“{rng.randint(1, 999)},{rng.randint(100, 999)} {rng.choice(['million', 'billion', 'percent', '%', 'dollars'])} "
                  f"in {rng.randint(1900, 2030)},” {rng.choice(NAMES)} said, not {rng.random() * 100:.1f}. "
                  for _ in itertools.count()), size)


def _gen_unicode_mix(rng, size):
    alphabet = "“”«»„‚‘’\"'`´ʼ＂＇〝〞「」『』…—–-.,:;!?()[]{} \n\u00a0\u3000aZäßЖ語🙂\u0301\u200d"
    return "".join(rng.choice(alphabet) for _ in range(size))


def _gen_quotes_one_line(rng, size):
    # Attributed quotes on one line with no sentence break at all (commas and "and" only):
    # a look-back to the sentence start would rescan everything before each quote (issue 14).
    return _fill((f"“{rng.choice(WORDS)} {rng.choice(WORDS)},” {rng.choice(NAMES)} {rng.choice(CUES)}, and "
                  for _ in itertools.count()), size)


def _gen_news_concat(rng, size):
    # Ordinary news as one big document: shows a cost that grows with document length.
    return _news(size)


#: name -> (generator(rng, size) -> str, also run check() on three copies)
CASES = {
    "news_concat": (_gen_news_concat, True),
    "nested_marks": (_gen_nested, True),
    "nested_paragraphs": (_gen_nested_paragraphs, False),
    "unclosed_marks": (_gen_unclosed, True),
    "unclosed_closing": (_gen_unclosed_closing, False),
    "alternating_marks": (_gen_alternating, True),
    "alternating_tight": (_gen_alternating_tight, False),
    "endless_double": (_gen_endless_double, False),
    "endless_curly": (_gen_endless_curly, False),
    "endless_open": (_gen_endless_open, False),
    "megabyte_line": (_gen_megabyte_line, True),
    "quotes_one_line": (_gen_quotes_one_line, True),
    "no_punctuation_line": (_gen_no_punctuation_line, False),
    "one_word": (_gen_one_word, False),
    "capitalised_run": (_gen_capitalised, False),
    "capitalised_speakers": (_gen_capitalised_quotes, True),
    "apostrophes": (_gen_apostrophes, False),
    "apostrophe_words": (_gen_apostrophe_words, False),
    "single_quotes": (_gen_single_quotes, False),
    "html_debris": (_gen_html, True),
    "control_chars": (_gen_controls, False),
    "dense_quotes": (_gen_dense_quotes, True),
    "dense_attributed": (_gen_dense_attributed, True),
    "cue_sentence": (_gen_cue_sentence, False),
    "many_names": (_gen_many_names, True),
    "pronouns": (_gen_pronouns, True),
    "org_pronouns": (_gen_org_pronouns, True),
    "sentences_one_line": (_gen_sentences_one_line, True),
    "periods": (_gen_periods, False),
    "period_lines": (_gen_period_lines, False),
    "abbreviations": (_gen_abbreviations, False),
    "ellipses": (_gen_ellipses, False),
    "newlines": (_gen_newlines, False),
    "whitespace": (_gen_whitespace, False),
    "dashes_colons": (_gen_dashes_colons, False),
    "guillemets": (_gen_guillemets, False),
    "numbers": (_gen_numbers, True),
    "unicode_mix": (_gen_unicode_mix, False),
}


def make(case: str, size: int, seed: int = 7) -> str:
    """The text of ``case`` at about ``size`` characters (deterministic per seed)."""
    if case == "news":
        return _news(size)
    return CASES[case][0](random.Random(seed), size)


def _cpu(func, arg, repeat, first=None):
    """Best CPU time of ``repeat`` calls (``first``: the time of a call already made)."""
    best = first
    for _ in range(repeat - (first is not None)):
        t = time.process_time()
        func(arg)
        dt = time.process_time() - t
        best = dt if best is None else min(best, dt)
    return max(best, 1e-6)


def _timed(func, arg):
    t = time.process_time()
    result = func(arg)
    return result, time.process_time() - t


def _emit(out: dict) -> None:
    """One JSON line per finished measurement: when the time cap kills the case, the
    parent still reports what was measured before."""
    out["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out), flush=True)


def _extract_function(stage: str):
    """What ``--stage`` measures under the name "extract": the public pipeline, or
    :func:`quotecheck.text.split_sentences` alone (paragraphs + Punkt, with its guards)."""
    import quotecheck
    from quotecheck import text as qtext

    if stage == "sentences":
        return lambda t: quotecheck.Document("<text>", t, warnings=qtext.split_sentences(t)[1])
    return quotecheck.extract


def run_one(case: str, size: int, repeat: int, with_check: bool, stage: str = "extract") -> dict:
    """Run one case in this process; what the subprocess prints as JSON."""
    import quotecheck

    extract = _extract_function(stage)
    if case == "news":
        return run_news(size, repeat, with_check, extract)
    text = make(case, size)
    out = {"case": case, "chars": len(text)}
    doc, first = _timed(extract, text)
    out["quotes"] = len(doc.quotes)
    out["warnings"] = sorted({w.code for w in doc.warnings})
    for q in doc.quotes:  # the one invariant every consumer relies on
        if text[q.start:q.end] != q.text:
            raise AssertionError(f"quote text does not index the document at {q.start}:{q.end}")
    out["extract_cps"] = len(text) / _cpu(extract, text, repeat, first)
    _emit(dict(out))  # the time, should the memory pass (slow under tracemalloc) run out of time
    out["extract_bpc"] = _peak_per_char(extract, text, len(text))
    if with_check:
        _emit(dict(out, check_cps="TIMEOUT"))
        docs = [(f"{case}-{i}", text) for i in range(3)]
        out["check_cps"] = 3 * len(text) / _cpu(quotecheck.check, docs, max(1, repeat - 1))
        _emit(out)  # the memory pass (slow under tracemalloc) may run out of time
        out["check_bpc"] = _peak_per_char(quotecheck.check, docs, 3 * len(text))
    return out


#: A short text that loads every data table (cue verbs, titles, names, numbers...).
_WARM_UP = ("“We will cut taxes by 5 percent,” Sen. Mary O'Brien, a Democrat, told reporters on Monday. "
            "She said that the plan was “not dead.” According to a spokesman for the White House, "
            "Mr. Trump “never said that,” he added.\n\nThe company, Acme Inc., declined to comment.\n")


def _load_tables() -> None:
    """Load every data table the warm-up text did not reach: each loader cached with
    ``maxsize=1`` and taking no argument (the lemma table of :mod:`quotecheck.wording`,
    about 14 MB, loads on the first wording finding of the process; measured inside one
    news article's check it used to add about 20 B/char to the news figure)."""
    import inspect

    import corpus

    for name, obj in corpus.quotecheck_caches():
        if obj.cache_info().maxsize != 1 or getattr(obj, "__module__", None) != name:
            continue
        try:
            params = inspect.signature(obj).parameters.values()
        except (TypeError, ValueError):
            continue
        if all(p.default is not p.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in params):
            obj()


def _peak_per_char(func, arg, chars: int) -> float:
    """Peak bytes Python allocates during ``func(arg)`` (tracemalloc, memo caches emptied
    first, the input itself not counted), per character of input.  Data tables, which
    load once per process, are loaded before it (a short warm-up text, then
    :func:`_load_tables`)."""
    import tracemalloc

    import corpus
    import quotecheck

    corpus.cold_caches()
    quotecheck.extract(_WARM_UP)  # data tables (cached too) are loaded once per process, not per text
    _load_tables()
    tracemalloc.start()
    try:
        func(arg)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak / max(1, chars)


def run_news(size: int, repeat: int, with_check: bool, extract) -> dict:
    """The baseline: each PolNeAR train article extracted as its own document (and
    check() on three copies of each), characters per CPU second over them all."""
    import quotecheck

    arts = _articles(size)
    n = sum(map(len, arts))
    out = {"case": "news", "chars": n, "quotes": 0, "warnings": []}
    out["extract_cps"] = n / _cpu(lambda xs: [extract(t) for t in xs], arts, repeat)
    # memory of news: each article's own peak, summed over the articles, per character
    out["extract_bpc"] = sum(_peak_per_char(extract, t, 1) for t in arts) / n
    if with_check:
        run = lambda xs: [quotecheck.check([(f"n{i}", t) for i in range(3)]) for t in xs]  # noqa: E731
        out["check_cps"] = 3 * n / _cpu(run, arts, max(1, repeat - 1))
        out["check_bpc"] = sum(_peak_per_char(quotecheck.check, [(f"n{i}", t) for i in range(3)], 1)
                               for t in arts) / (3 * n)
    return out


def run_isolated(case: str, size: int, repeat: int, with_check: bool, timeout: float,
                 stage: str = "extract") -> dict:
    """:func:`run_one` in a subprocess with a time cap; crashes and timeouts come back
    as ``{"status": ...}`` records, never as exceptions."""
    cmd = [sys.executable, os.path.abspath(__file__), "--one", case, "--size", str(size),
           "--repeat", str(repeat), "--stage", stage] + (["--with-check"] if with_check else [])
    t = time.monotonic()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        partial = (e.stdout or b"").decode() if isinstance(e.stdout, bytes) else (e.stdout or "")
        lines = partial.strip().splitlines()
        if lines:  # extract was measured, check() ran out of time
            rec = json.loads(lines[-1])
            rec["status"] = "ok"
            return rec
        return {"case": case, "status": "TIMEOUT", "detail": f"extract over {timeout:.0f} s"}
    if p.returncode != 0:
        last = (p.stderr.strip().splitlines() or ["exit status %d" % p.returncode])[-1]
        return {"case": case, "status": "CRASH", "detail": last[:200]}
    rec = json.loads(p.stdout.strip().splitlines()[-1])
    rec["status"] = "ok"
    rec["wall"] = time.monotonic() - t
    return rec


#: Cases measured by ``--linear`` unless ``--case`` names others: one line without a
#: sentence break, one line of news, ordinary news as one document, dense quotes.
LINEAR_CASES = ("quotes_one_line", "megabyte_line", "news_concat", "dense_quotes")
#: Allowed growth of CPU time from the first to the last size (8x the characters):
#: linear is 8; this leaves room for noise on a shared machine, not for n log n.
MAX_GROWTH = 12


def linearity(cases, sizes, timeout: float) -> int:
    """CPU seconds of :func:`quotecheck.extract` for each case at each size (each in its
    own capped subprocess) and the growth between sizes; returns how many cases grew
    faster than :data:`MAX_GROWTH` over the whole range or timed out."""
    print(f"# linearity: extract CPU seconds at {', '.join(f'{n / 1e6:g} MB' for n in sizes)} "
          f"(doubling); time cap {timeout:.0f} s per size; x = growth over the range "
          f"(linear: {sizes[-1] / sizes[0]:g})")
    bad = 0
    for c in cases:
        times, bpcs = [], []
        for n in sizes:
            r = run_isolated(c, n, 1, False, timeout)
            if r["status"] != "ok":
                times.append(None)
                break
            times.append(r["chars"] / r["extract_cps"])
            bpcs.append(r.get("extract_bpc", 0))
        cells = " ".join(f"{t:7.2f}s" if t is not None else "TIMEOUT " for t in times)
        if None in times or len(times) < 2:
            growth, ok = float("inf"), False
        else:
            growth = times[-1] / max(times[0], 1e-6)
            ok = growth <= MAX_GROWTH * (sizes[-1] / sizes[0]) / 8
        bad += not ok
        print(f"{c:22} {cells}  x{growth:5.1f}  {max(bpcs, default=0):4.0f} B/char  "
              f"{'linear' if ok else 'SUPER-LINEAR'}")
    return bad


def profile(case: str, size: int, top: int, with_check: bool) -> None:
    """cProfile of extract (and check) on one case, hottest functions by own time."""
    import quotecheck

    text = make(case, size)
    pr = cProfile.Profile()
    pr.enable()
    quotecheck.extract(text)
    if with_check:
        quotecheck.check([(f"{case}-{i}", text) for i in range(3)])
    pr.disable()
    s = io.StringIO()
    pstats.Stats(pr, stream=s).sort_stats("tottime").print_stats(top)
    print(s.getvalue())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=200_000, help="characters per case (default 200000)")
    ap.add_argument("--case", action="append", help="run only these cases (repeatable)")
    ap.add_argument("--repeat", type=int, default=2, help="best of this many runs (default 2)")
    ap.add_argument("--timeout", type=float, default=60, help="seconds per case (default 60)")
    ap.add_argument("--no-check", action="store_true", help="extract only, never check()")
    ap.add_argument("--stage", choices=["extract", "sentences"], default="extract",
                    help="measure quotecheck.extract (default) or text.split_sentences alone")
    ap.add_argument("--profile", metavar="CASE", help="cProfile one case and stop")
    ap.add_argument("--top", type=int, default=25, help="functions shown by --profile")
    ap.add_argument("--list", action="store_true", help="list the cases and stop")
    ap.add_argument("--json", action="store_true", help="print one JSON record per case")
    ap.add_argument("--linear", action="store_true",
                    help=f"time extract at --sizes (default: 4 sizes doubling up to 5 MB) for "
                         f"--case or {', '.join(LINEAR_CASES)}, and print the growth")
    ap.add_argument("--sizes", default="625000,1250000,2500000,5000000",
                    help="comma-separated sizes for --linear")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    ap.add_argument("--with-check", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)

    if a.list:
        for name, (gen, chk) in CASES.items():
            print(f"{name:22} {'extract+check' if chk else 'extract'}")
        return 0
    if a.one:
        _emit(run_one(a.one, a.size, a.repeat, a.with_check, a.stage))
        return 0
    if a.profile:
        profile(a.profile, a.size, a.top, CASES.get(a.profile, (None, True))[1] and not a.no_check)
        return 0

    if a.linear:
        sizes = [int(x) for x in a.sizes.split(",")]
        return 1 if linearity(a.case or LINEAR_CASES, sizes, a.timeout) else 0
    if a.stage != "extract":
        a.no_check = True
    cases = a.case or list(CASES)
    for c in cases:
        if c not in CASES:
            ap.error(f"unknown case {c!r} (see --list)")
    base = run_isolated("news", a.size, max(a.repeat, 3), not a.no_check, a.timeout * 3, a.stage)
    if base["status"] != "ok":
        print(f"news baseline failed: {base}", file=sys.stderr)
        return 2
    try:
        import corpus
        print(f"# {corpus.machine()}")
    except Exception:  # noqa: BLE001 - the machine line is decoration
        pass
    print(f"# {a.size} characters per case; CPU time, best of {a.repeat}; time cap {a.timeout:.0f} s; "
          f"target {TARGET:.0%} of news")
    print(f"# news: {a.stage} {base['extract_cps'] / 1e6:.2f} M chars/s, {base['extract_bpc']:.0f} B/char"
          + (f"; check (3 copies) {base['check_cps'] / 1e6:.2f} M chars/s, {base['check_bpc']:.0f} B/char"
             if "check_cps" in base else ""))
    print(f"# B/c = peak bytes allocated per input character (tracemalloc) in extract / check; "
          f"MB = peak resident memory of the case's process; target under {MAX_BPC} B/char")
    hdr = (f"{'case':22} {a.stage[:9]:>9} {'rel':>6} {'check':>9} {'rel':>6} {'quotes':>7} "
           f"{'B/c':>4} {'B/c':>4} {'MB':>5}  verdict")
    print(hdr)
    bad = 0
    for c in cases:
        chk = CASES[c][1] and not a.no_check
        r = run_isolated(c, a.size, a.repeat, chk, a.timeout, a.stage)
        if a.json:
            print(json.dumps(r))
            continue
        if r["status"] != "ok":
            bad += 1
            print(f"{c:22} {r['status']}: {r['detail']}")
            continue
        rel = r["extract_cps"] / base["extract_cps"]
        check_cps = r.get("check_cps")
        crel = check_cps / base["check_cps"] if isinstance(check_cps, float) else None
        fast = rel >= TARGET and (crel is None or crel >= TARGET) and check_cps != "TIMEOUT"
        # memory not measured (the time cap came first) does not pass
        small = "extract_bpc" in r and (not chk or "check_bpc" in r) and all(r.get(k, 0) < MAX_BPC for k in ("extract_bpc", "check_bpc"))
        ok = fast and small
        bad += not ok
        cstr = (f"{check_cps / 1e6:8.2f}M {crel:6.0%}" if crel is not None else
                f"{'TIMEOUT':>9} {'':6}" if check_cps == "TIMEOUT" else f"{'':9} {'':6}")
        cb = f"{r['check_bpc']:4.0f}" if "check_bpc" in r else f"{'':4}"
        print(f"{c:22} {r['extract_cps'] / 1e6:8.2f}M {rel:6.0%} {cstr} {r['quotes']:7d} "
              + (f"{r['extract_bpc']:4.0f}" if "extract_bpc" in r else f"{'?':>4}")
              + f" {cb} {r['max_rss_mb']:5.0f}  "
              f"{'ok' if ok else 'SLOW' if not fast else 'MEMORY'}"
              + (f"  [{', '.join(r['warnings'])}]" if r["warnings"] else ""))
    print(f"# {len(cases) - bad}/{len(cases)} cases meet the target")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
