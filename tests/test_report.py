"""Renderers, tested on hand-built reports (real-looking findings over the seed articles)."""
import html.parser
import json
import os
import re

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import quotecheck
from quotecheck import report as R
from quotecheck.baseline import fingerprint
from quotecheck.model import Attribution, Cluster, Document, Finding, Quote, Report, Side, Warning

SEEDS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "seeds")
A, B = "seeds/000_742e16abf3b67eba.txt", "seeds/002_87e8d2fbca6dd783.txt"


def _side(doc, phrase, kind="quote", context=None):
    """The side for ``phrase`` in ``doc`` (any white space, as scraped text has no-break spaces)."""
    m = re.search(r"\s+".join(map(re.escape, phrase.split())), doc.text)
    phrase = m.group()
    return Side(doc.source, m.start(), m.end(), phrase, kind=kind,
                quote_kind="direct" if kind == "quote" else "reported", speaker="Vladimir Putin",
                context=context)


def sample_report():
    """Two seed articles and three findings like the ones the cross-source check raises."""
    docs = []
    for path in (A, B):
        with open(os.path.join(SEEDS, os.path.basename(path)), encoding="utf-8") as f:
            docs.append(quotecheck.extract(f.read(), source=path))
    a, b = docs
    number = Finding(
        "number", "error", "Vladimir Putin",
        (_side(a, "any missiles placed in Ukraine would be able to reach Russia in under five minutes",
               "paraphrase", "on Tuesday"),
         _side(b, "“the flight time to Moscow will be reduced to 7-10 minutes, and if hypersonic "
                  "weapons are deployed - to within 5 minutes,”", context="Tuesday at the Russian Defense Ministry")),
        "The flight time differs: under five minutes in one source, 7-10 minutes in the other.",
        diff={"unit": "minute",
              "a": {"source": A, "numbers": ["max 5 minute"], "text": ["under five minutes"]},
              "b": {"source": B, "numbers": ["7-10 minute", "max 5 minute"], "text": ["7-10 minutes", "within 5 minutes"]}},
        rule="number-mismatch", cluster="C1")
    far = _side(b, "“must understand that we have nowhere to retreat further”")
    at = far.start + far.text.index("further")
    retreat = Finding(
        "wording", "warning", "Vladimir Putin", (_side(a, "“We have nowhere to retreat,”"), far),
        "One source drops “further” from the quoted words.",
        diff={"added": [{"text": "further", "start": at, "end": at + 7, "source": B},
                        {"text": "further", "start": at, "end": at + 7, "source": A}]},  # wrong source: ignored
        rule="wording-diff", cluster="C2")
    measures = Finding(
        "wording", "info", "Vladimir Putin",
        (_side(a, "“military-technical measures”"), _side(b, "“take adequate military-technical response measures")),
        "The quoted words differ: “response” appears in one source only.",
        rule="wording-diff", cluster="C3")
    clusters = (Cluster("C1", "Vladimir Putin", number.sides, "same claim"),)
    return Report(tuple(docs), clusters, (number, retreat, measures))


class _Collect(html.parser.HTMLParser):
    """Tags, attributes and text of a page, and whether anything would be fetched."""

    def __init__(self):
        super().__init__()
        self.tags, self.text, self.fetches, self.stack = [], [], [], []

    def handle_starttag(self, tag, attrs_):
        a = dict(attrs_)
        self.tags.append((tag, a))
        if tag in ("script", "img", "link", "iframe") and (a.get("src") or a.get("href")):
            self.fetches.append((tag, a))
        if tag not in ("meta", "input", "br", "link", "img"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse(page):
    p = _Collect()
    p.feed(page)
    p.close()
    return p


def test_html_is_self_contained_and_has_a_card_per_finding():
    rep = sample_report()
    page = rep.to_html()
    p = parse(page)
    assert not p.fetches and "http" not in page.replace("https://json.schemastore.org", "")
    assert p.stack == [] or p.stack == ["html"]  # every element closed
    cards = [a for t, a in p.tags if t == "article"]
    assert [(c["data-kind"], c["data-severity"]) for c in cards] == [
        ("number", "error"), ("wording", "warning"), ("wording", "info")]
    assert len({c["id"] for c in cards}) == len(cards)  # a stable anchor per finding
    boxes = {(a["name"], a["value"]) for t, a in p.tags if t == "input"}
    assert {("kind", "number"), ("kind", "wording"), ("severity", "error"), ("severity", "info")} <= boxes
    text = "".join(p.text)
    assert "7-10" in text and A in text and B in text and "Tuesday at the Russian Defense Ministry" in text


def test_html_marks_the_differing_words_and_emphasises_numbers():
    page = sample_report().to_html()
    assert page.count("<mark>further</mark>") == 1  # located by the diff, in its own source only
    assert "<mark>must" not in page  # the diff did not name these words
    assert "<mark>response</mark>" in page  # no located diff: the words are aligned
    assert '<strong class="num">7-10 minutes</strong>' in page
    assert '<strong class="num">under five minutes</strong>' in page  # phrase named in the diff


def test_html_escapes_everything():
    evil = '<script>alert(1)</script>"\x1b[2J\x00'
    doc = Document(evil, "x " + evil, status="ok")
    f = Finding(evil, evil, evil, (Side(evil, 2, 2 + len(evil), evil, context=evil),), evil, rule=evil)
    page = Report((doc,), (), (f,)).to_html()
    assert "<script>alert" not in page and "\x1b" not in page and "\x00" not in page
    p = parse(page)
    assert [t for t, _ in p.tags].count("script") == 1


def test_every_document_in_every_format():
    rep = sample_report()
    bad = Document("missing.txt", status="error", error="no such file or directory")
    big = Document("huge.txt", status="skipped", error="too big")
    empty = Document("empty.txt", status="empty")
    rep = attrs.evolve(rep, documents=rep.documents + (bad, big, empty))
    for out in (rep.to_json(), str(rep), rep.to_html(), R.to_github(rep), R.to_sarif(rep)):
        for d in rep.documents:
            assert d.source in out
    data = json.loads(rep.to_json())
    assert [d["status"] for d in data["documents"]] == ["ok", "ok", "error", "skipped", "empty"]
    assert data["schema_version"] == quotecheck.model.SCHEMA_VERSION
    assert all("encoding" in d and "warnings" in d for d in data["documents"])


def test_json_is_deterministic():
    assert sample_report().to_json() == sample_report().to_json()
    assert json.loads(sample_report().to_json())["summary"]["severity"] == {"error": 1, "info": 1, "warning": 1}


def test_text_report_shows_both_sides_and_why():
    out = str(sample_report())
    assert out.startswith("2 documents (2 ok), 1 cluster, 3 findings (1 error, 1 warning, 1 info)")
    block = out.split("\n\n")[1]
    assert block.startswith("[error] number: Vladimir Putin")
    assert "under five minutes" in block and "7-10 minutes" in block and "flight time differs" in block
    assert f"{B}:26:" in block  # line of the quote in the second article
    assert "(Tuesday at the Russian Defense Ministry)" in block


def test_text_escapes_terminal_controls():
    text = "He said “\x1b]0;pwned\x07 hi\u202e” and left."
    doc = Document("t.txt", text, quotes=(Quote(8, 24, text[8:24], 9, 23, "direct"),))
    out = R.document_text(doc)
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "\\x1b]0;pwned\\x07" in out


def test_quote_line_names_kind_and_speaker():
    text = "“We have nowhere to retreat,” he said."
    q = Quote(0, 29, text[:29], 1, 28, "direct",
              attribution=Attribution("Vladimir Putin", mention="he", mention_start=30, mention_end=32, cue="said"))
    line = R.quote_line(q, R.LineIndex(text))
    assert line == "1:1     direct   Vladimir Putin (he, said): “We have nowhere to retreat,”"


def test_github_annotations_point_at_lines_and_columns():
    rep = sample_report()
    lines = R.to_github(rep).splitlines()
    ann = [x for x in lines if x.startswith("::")]
    assert len(ann) == 6  # one per side of each finding
    assert ann[0].startswith(f"::error file={B.replace(':', '%3A')},line=") or ann[0].startswith(f"::error file={A},line=")
    assert sum(x.startswith("::warning ") for x in ann) == 2 and sum(x.startswith("::notice ") for x in ann) == 2
    # the position is where the words are
    b_side = rep.findings[0].sides[1]
    line, col = R.LineIndex(rep.documents[1].text).position(b_side.start)
    assert f"::error file={B},line={line},col={col}," in R.to_github(rep)
    assert all("\n" not in x for x in ann)  # messages escaped to one line (%0A)


def test_github_escapes_properties_and_data():
    f = Finding("wording", "warning", "A, B", (Side("a:b,c.txt", 0, 1, "x"),), "50% off\nnow")
    out = R.to_github(Report((), (), (f,)))
    assert "file=a%3Ab%2Cc.txt" in out and "50%25 off%0Anow" in out and "title=quotecheck wording (A%2C B)" in out


def test_sarif_has_results_fingerprints_and_regions():
    data = json.loads(R.to_sarif(sample_report()))
    assert data["version"] == "2.1.0"
    run = data["runs"][0]
    assert [r["ruleId"] for r in run["results"]] == ["number", "wording", "wording"]
    assert [r["level"] for r in run["results"]] == ["error", "warning", "note"]
    r = run["results"][0]
    assert r["partialFingerprints"]["quotecheck/v1"] == fingerprint(sample_report().findings[0])
    assert r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1
    assert r["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == B


def test_line_index_handles_every_line_ending():
    idx = R.LineIndex("a\r\nb\rc\nd")
    assert [idx.position(i) for i in (0, 3, 5, 7)] == [(1, 1), (2, 1), (3, 1), (4, 1)]


def test_document_with_warnings_lists_them():
    doc = Document("w.txt", "“Unclosed quote here.\n", warnings=(Warning("unclosed", "mark never closed", 0, 1),))
    assert "warning 1:1 unclosed: mark never closed" in R.document_text(doc)


_side_st = st.builds(Side, source=st.sampled_from(["a.txt", "b.txt", "<x>"]), start=st.integers(0, 50),
                     end=st.integers(50, 80), text=st.text(max_size=60), kind=st.sampled_from(["quote", "paraphrase"]),
                     context=st.none() | st.text(max_size=20))
_finding_st = st.builds(Finding, kind=st.sampled_from(["number", "wording", "negation", "x<y"]),
                        severity=st.sampled_from(["info", "warning", "error", "odd"]),
                        speaker=st.none() | st.text(max_size=20), sides=st.lists(_side_st, max_size=3).map(tuple),
                        explanation=st.text(max_size=80), diff=st.dictionaries(st.text(max_size=8), st.text(max_size=8), max_size=3))


@settings(max_examples=100, deadline=None)
@given(st.lists(_finding_st, max_size=4), st.text(max_size=120))
def test_renderers_never_raise_and_html_parses(findings, text):
    rep = Report((Document("a.txt", text), Document("b.txt", status="error", error=text)), (), tuple(findings))
    for out in (rep.to_json(), str(rep), R.to_github(rep), R.to_sarif(rep)):
        assert isinstance(out, str)
    page = rep.to_html()
    parse(page)
    assert page.count("<article") == len(findings)
    assert "\x00" not in page and "\x1b" not in str(rep)


def test_diff_key_order_does_not_change_the_json():
    side = Side("a.txt", 0, 1, "x")
    one = Finding("speaker", "warning", None, (side,), "e", diff={"speakers": {"B": 1, "A": 2}})
    two = Finding("speaker", "warning", None, (side,), "e", diff={"speakers": {"A": 2, "B": 1}})
    assert Report(findings=(one,)).to_json() == Report(findings=(two,)).to_json()
    assert R.to_sarif(Report(findings=(one,))) == R.to_sarif(Report(findings=(two,)))
    assert Report(findings=(one,)).to_html() == Report(findings=(two,)).to_html()
