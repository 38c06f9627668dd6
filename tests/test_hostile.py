"""Hostile input through the public functions: never raise, and every span is exact.

Arbitrary text and bytes (hypothesis), quote-heavy news-like text built from the
ingredients journalists use (marks of every style, cue verbs, names, apostrophes,
paragraphs), and the generated cases of ``benchmarks/hostile.py`` at a small size.
"""
import json
import os
import pathlib
import sys

import pytest
from hypothesis import HealthCheck, Phase, given, settings, strategies as st

import quotecheck
from quotecheck import cli
from quotecheck.model import SPEECH_KINDS

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "benchmarks"))
import hostile  # noqa: E402

# Derandomized: the whole suite gives the same verdict on every run and every machine
# (a new failure comes from a code change, not from a lucky draw).  No shrinking phase
# when QUOTECHECK_SHRINK is unset: a failing example is reported as drawn, instead of
# minutes spent minimising it on every run; set it to get minimal examples.
_PHASES = [Phase.explicit, Phase.reuse, Phase.generate] + ([Phase.shrink] if os.environ.get("QUOTECHECK_SHRINK") else [])
FAST = settings(max_examples=100, deadline=None, derandomize=True, phases=_PHASES,
                suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(FAST, max_examples=30)

# --- invariants ---------------------------------------------------------------------------

def check_document(doc, text):
    """Everything a consumer of a Document relies on."""
    assert doc.text == text
    assert doc.status in ("ok", "empty")
    n = len(text)
    last_start = -1
    for i, q in enumerate(doc.quotes):
        assert 0 <= q.start <= q.inner_start <= q.inner_end <= q.end <= n, q
        assert q.text == text[q.start:q.end], q
        assert q.start >= last_start, "quotes not in text order"
        last_start = q.start
        if q.parent is not None:
            p = doc.quotes[q.parent]
            assert p.start <= q.start and q.end <= p.end, "nested quote outside its parent"
        a = q.attribution
        if a.mention_start is not None:
            assert 0 <= a.mention_start <= a.mention_end <= n
            assert text[a.mention_start:a.mention_end] == a.mention, a
        if a.cue_start is not None:
            assert 0 <= a.cue_start <= a.cue_end <= n
            assert text[a.cue_start:a.cue_end] == a.cue, a
    speech = [q for q in doc.quotes if q.kind in SPEECH_KINDS]
    for a, b in zip(speech, speech[1:]):
        # speech spans do not overlap, except one nested in the other
        nested = (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)
        assert b.start >= a.end or nested, f"overlapping speech {a.start}:{a.end} and {b.start}:{b.end}"
    for sp in doc.speakers:
        for m in sp.mentions:
            assert text[m.start:m.end] == m.text
    for w in doc.warnings:
        if w.start is not None:
            assert 0 <= w.start <= (w.end if w.end is not None else w.start) <= n


def check_report(report, texts):
    by_source = {d.source: d for d in report.documents}
    assert len(report.documents) == len(texts)
    for f in report.findings:
        for s in f.sides:
            d = by_source[s.source]
            assert d.text[s.start:s.end] == s.text, s
    for c in report.clusters:
        for s in c.members:
            d = by_source[s.source]
            assert d.text[s.start:s.end] == s.text, s


# --- strategies ---------------------------------------------------------------------------

OPEN_CLOSE = [("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'"), ("«", "»"), ("„", "“"), ("``", "''"), ("« ", " »")]
WORDS = ["we", "will", "not", "back", "down", "the", "plan", "is", "a", "disaster", "it's", "don't",
         "'90s", "rock 'n' roll", "O'Brien's", "students'", "U.S.", "$3 billion", "40%", "no", "never",
         "Mr.", "Dr.", "e.g.", "...", "…", "—", "--", "(", ")", ",", ";", ":", "!", "?", "\u00a0",
         "\x00", "\x1b[1m", "\u200b", "\ufeff"]
NAMES = ["Donald Trump", "Hillary Clinton", "Sen. Marco Rubio, R-Fla.,", "Mary O'Brien", "Putin",
         "the president", "a spokesman", "he", "she", "they", "Jean-Claude Juncker", "Xi"]
CUES = ["said", "says", "told reporters", "added", "argued", "according to", "wrote", "tweeted",
        "asked", "insisted", "said in a statement", "told CNN", ":"]

# A few coarse draws per sentence keep generation fast (hypothesis pays per draw).
phrase = st.sampled_from([" ".join(WORDS[i:i + k]) for k in (1, 2, 4, 7) for i in range(0, len(WORDS), k)] + [""])


def _quote(o, c, inner, nested, closed, punct):
    if nested:
        o2, c2 = nested
        inner = f"{inner} {o2}{inner[::-1][:12]}{c2} "
    return f"{o}{inner}{punct}{c if closed else ''}"


quote_piece = st.builds(_quote, st.sampled_from(OPEN_CLOSE).map(lambda oc: oc[0]),
                        st.sampled_from(OPEN_CLOSE).map(lambda oc: oc[1]), phrase,
                        st.none() | st.sampled_from(OPEN_CLOSE),
                        st.sampled_from([True, True, True, False]),
                        st.sampled_from([",", ".", "?", "!", "", " —"]))

SHAPES = ["{q} {n} {c}.", "{n} {c} {q}", "{n} {c} that {w}.", "{q} {c} {n}, {w} {q2}", "{w}",
          "{n}: {q}", "{q}\u201d {w}"]
sentence = st.builds(lambda shape, q, q2, n, c, w: shape.format(q=q, q2=q2, n=n, c=c, w=w),
                     st.sampled_from(SHAPES), quote_piece, quote_piece, st.sampled_from(NAMES),
                     st.sampled_from(CUES), phrase)

news = st.lists(
    st.tuples(st.lists(sentence, min_size=1, max_size=4).map(" ".join),
              st.sampled_from(["\n", "\n\n", "\r\n", "\r", "\u2029", " "])),
    min_size=1, max_size=6,
).map(lambda ps: "".join(p + br for p, br in ps))


# --- properties ---------------------------------------------------------------------------

@FAST
@given(st.text(max_size=400))
def test_extract_any_text(text):
    doc = quotecheck.extract(text)
    check_document(doc, text)


@settings(FAST, max_examples=80)
@given(news)
def test_extract_news_like_text_keeps_the_span_invariants(text):
    doc = quotecheck.extract(text)
    check_document(doc, text)


@SLOW
@given(news)
def test_extract_is_deterministic(text):
    assert quotecheck.extract(text) == quotecheck.extract(text)


@FAST
@given(st.binary(max_size=600))
def test_extract_bytes_any_bytes(data):
    doc = quotecheck.extract_bytes(data, "x.bin")
    assert doc.status in ("ok", "empty", "error")
    if doc.status == "error":
        assert doc.error
    else:
        assert doc.encoding
        check_document(doc, doc.text)


@FAST
@given(news, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252", "utf-16-le"]))
def test_extract_bytes_news_in_any_encoding(text, codec):
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        return
    doc = quotecheck.extract_bytes(data, "a.txt")
    if doc.status == "error":  # only NULs in the text can make it binary
        assert "\x00" in text
        return
    check_document(doc, doc.text)
    if codec in ("utf-8", "utf-16-le") and text.startswith("\ufeff"):
        text = text[1:]  # without a mark of its own, a leading U+FEFF *is* the mark
    assert doc.text == text or "\x00" in text


@SLOW
@given(st.lists(st.one_of(news, st.text(max_size=200)), min_size=1, max_size=4))
def test_check_any_documents(texts):
    docs = [(f"d{i}", t) for i, t in enumerate(texts)]
    report = quotecheck.check(docs)
    check_report(report, texts)
    report.to_json()
    str(report)


@SLOW
@given(news, st.integers(0, 3))
def test_check_near_copies(text, cut):
    # the same story three times, one slightly cut: what the cross-source check works on
    other = text[: len(text) - cut * 7] if cut else text.replace("not", "")
    texts = [text, other, text]
    check_report(quotecheck.check([(f"s{i}", t) for i, t in enumerate(texts)]), texts)


@settings(SLOW, max_examples=40, suppress_health_check=list(HealthCheck))
@given(st.binary(max_size=400), st.sampled_from(["text", "json", "jsonl"]))
def test_cli_extract_any_file(tmp_path_factory, data, fmt):
    d = tmp_path_factory.mktemp("cli")
    p = d / "in.txt"
    p.write_bytes(data)
    code = cli.main(["extract", "--format", fmt, "-o", str(d / "out"), str(p)])
    assert code in (0, 1, 2)
    out = (d / "out").read_bytes()
    if fmt == "text":
        assert b"\x1b" not in out, "terminal escape echoed raw"


# --- the benchmark's cases, small --------------------------------------------------------

#: Cases of benchmarks/hostile.py that still fail because of a colleague's module, with why.
KNOWN_CASE_FAILURES = {}


def _case_param(case):
    why = KNOWN_CASE_FAILURES.get(case)
    return pytest.param(case, marks=pytest.mark.xfail(reason=why, strict=False)) if why else case


def _make(case, size):
    """The benchmark's text for ``case``; the two cases built from PolNeAR articles are
    skipped where the shared data is not at hand (CI without it)."""
    try:
        return hostile.make(case, size)
    except FileNotFoundError as e:
        pytest.skip(f"needs the shared news data: {e}")


@pytest.mark.parametrize("case", [_case_param(c) for c in sorted(hostile.CASES)])
def test_hostile_case_small(case):
    text = _make(case, 1500)
    doc = quotecheck.extract(text)
    check_document(doc, text)


@pytest.mark.parametrize("case", [_case_param(c) for c, (_, chk) in sorted(hostile.CASES.items()) if chk])
def test_hostile_case_check(case):
    text = _make(case, 1200)
    texts = [text, text, text[:900]]
    check_report(quotecheck.check([(f"c{i}", t) for i, t in enumerate(texts)]), texts)


# --- hard cases as data (tests/cases/hostile*.tsv) -----------------------------------------

CASES_DIR = pathlib.Path(__file__).parent / "cases"


def _load_cases(name):
    out = []
    for line in (CASES_DIR / name).read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        case, text, why = line.split("\t")
        out.append((case, _expand(json.loads(text)), why))
    return out


def _expand(text):
    """A case's text: a JSON string, or a list of pieces joined, each a string or
    ``[string, times]`` (a long text written short).

    >>> _expand(["a", ["b", 3], "c"])
    'abbbc'
    """
    if isinstance(text, str):
        return text
    return "".join(p if isinstance(p, str) else p[0] * p[1] for p in text)


def _run_case(text):
    doc = quotecheck.extract(text)
    check_document(doc, text)
    check_report(quotecheck.check([("a", text), ("b", text)]), [text, text])
    assert quotecheck.extract_bytes(text.encode("utf-8", "surrogatepass"), "c.txt").status in ("ok", "empty", "error")


@pytest.mark.parametrize("case, text, why", _load_cases("hostile.tsv"), ids=lambda x: x if isinstance(x, str) and len(x) < 40 else "")
def test_hard_case(case, text, why):
    _run_case(text)


@pytest.mark.parametrize("case, text, why", [
    pytest.param(c, t, w, marks=pytest.mark.xfail(reason=w, strict=False))
    for c, t, w in _load_cases("hostile_known_failures.tsv")] or [pytest.param(None, None, None, marks=pytest.mark.skip(reason="no known failures"))])
def test_known_failure(case, text, why):
    _run_case(text)


# --- hostile bytes as data (tests/cases/hostile_bytes.tsv) ---------------------------------

def _load_byte_cases():
    out = []
    for line in (CASES_DIR / "hostile_bytes.tsv").read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        case, data, expected, why = line.split("\t")
        out.append((case, json.loads(data).encode("latin-1"), expected, why))
    return out


@pytest.mark.parametrize("case, data, expected, why", _load_byte_cases(), ids=lambda x: x if isinstance(x, str) and len(x) < 40 else "")
def test_hard_byte_case(case, data, expected, why):
    doc = quotecheck.extract_bytes(data, case)
    if expected.startswith("error "):
        assert doc.status == "error" and doc.error.startswith(expected[len("error "):]), doc.error
        return
    status, encoding, warnings, n_quotes = expected.split(" ")
    assert (doc.status, doc.encoding) == (status, encoding)
    assert sorted({w.code for w in doc.warnings}) == ([] if warnings == "-" else warnings.split(","))
    assert len(doc.quotes) == int(n_quotes)
    check_document(doc, doc.text)


# --- memory per input character (issue 14) ------------------------------------------------

def _fill(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


#: Classes of input whose memory was fixed, with the bytes per character they may use
#: (measured at 60 000 characters: 4 and 28; before the fix 336 and 95).
MEMORY_CASES = {
    # the regex module kept 168 bytes per repeat of the mark-run group until the match ended
    "run_of_marks": ('"' * 60_000, 20),
    # a whole paragraph's token records were built at once (70 bytes per character of it)
    "one_line_of_quotes": (_fill("“We will win,” Ann Lee said, and “they” she told reporters, and ", 60_000), 50),
}


@pytest.mark.parametrize("case", sorted(MEMORY_CASES))
def test_peak_memory_per_character(case):
    import tracemalloc

    text, bound = MEMORY_CASES[case]
    quotecheck.extract(text)  # data tables and word caches load once per process, not per text
    tracemalloc.start()
    try:
        quotecheck.extract(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak / len(text) < bound, f"{peak / len(text):.0f} bytes per character"
