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
    boxes = {(a["name"], a["value"]) for t, a in p.tags if t == "input" and a.get("type") == "checkbox"}
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


def test_sarif_has_results_fingerprints_and_regions(sarif_errors):
    out = R.to_sarif(sample_report())
    assert sarif_errors(out) == []
    data = json.loads(out)
    assert data["version"] == "2.1.0"
    run = data["runs"][0]
    assert [r["ruleId"] for r in run["results"]] == ["number-mismatch", "wording-diff", "wording-diff"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["number-mismatch", "wording-diff"]
    assert all(r["helpUri"].endswith("rules.md#" + r["id"]) for r in rules)
    assert [rules[r["ruleIndex"]]["id"] for r in run["results"]] == [r["ruleId"] for r in run["results"]]
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
@given(findings=st.lists(_finding_st, max_size=4), text=st.text(max_size=120))
def test_renderers_never_raise_and_html_parses(findings, text, sarif_errors):
    rep = Report((Document("a.txt", text), Document("b.txt", status="error", error=text)), (), tuple(findings))
    for out in (rep.to_json(), str(rep), R.to_github(rep), R.to_sarif(rep)):
        assert isinstance(out, str)
    assert sarif_errors(R.to_sarif(rep)) == []
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


# --- one order, --show, statistics, select (shared by every renderer) ---------------------

def test_json_findings_come_in_the_text_order_with_lines_and_columns():
    rep = sample_report()
    rep = attrs.evolve(rep, findings=tuple(reversed(rep.findings)))  # info first, as a check might give them
    data = json.loads(rep.to_json())
    text_order = [line.split("]")[0][1:] for line in str(rep).splitlines() if line.startswith("[")]
    assert [f["severity"] for f in data["findings"]] == text_order == ["error", "warning", "info"]
    side = data["findings"][0]["sides"][1]
    doc = rep.documents[1].text
    assert (side["line"], side["column"]) == R.LineIndex(doc).position(side["start"])
    assert (side["end_line"], side["end_column"]) == R.LineIndex(doc).position(side["end"])
    assert f'{B}:{side["line"]}:{side["column"]}' in str(rep)
    sarif = json.loads(R.to_sarif(rep))["runs"][0]["results"]
    assert [r["properties"]["severity"] for r in sarif] == text_order


def test_show_hides_lower_findings_and_says_so(sarif_errors):
    rep = sample_report()
    text = rep.to_text(show="warning")
    assert "[info]" not in text and "[warning]" in text and "1 not shown (below --show warning)" in text
    assert "[info]" in rep.to_text() and "not shown" not in rep.to_text()
    gh = R.to_github(rep, show="error")
    assert sum(x.startswith("::") and "title=quotecheck" in x and "input" not in x for x in gh.splitlines()) == 2
    assert "::warning file" not in gh and "::notice" not in gh
    sarif = R.to_sarif(rep, show="warning")
    assert sarif_errors(sarif) == [] and [r["level"] for r in json.loads(sarif)["runs"][0]["results"]] == ["error", "warning"]


def test_quiet_statistics_and_colour():
    rep = sample_report()
    quiet = rep.to_text(quiet=True)
    assert quiet.startswith("[error] number") and "documents:" not in quiet and "2 documents" not in quiet
    stats = rep.to_text(statistics=True).split("\n\nstatistics:\n")[1].splitlines()
    assert [x.split() for x in stats] == [["1", "error", "number", "number-mismatch"],
                                          ["1", "warning", "wording", "wording-diff"],
                                          ["1", "info", "wording", "wording-diff"]]
    assert "\x1b[" not in str(rep)
    painted = rep.to_text(color=True)
    assert "\x1b[1;31m[error]\x1b[0m" in painted and painted.count("\x1b[0m") >= 6


def test_select_and_ignore_by_kind_or_rule_and_exit_status():
    rep = sample_report()
    assert [f.kind for f in rep.select(select="number").findings] == ["number"]
    assert [f.severity for f in rep.select(ignore=["number-mismatch"]).findings] == ["warning", "info"]
    assert rep.select(select="wording", ignore="wording-diff").findings == ()
    assert rep.exit_status() == 1 and rep.exit_status(fail_on="never") == 0
    only_info = rep.select(select="wording").select(ignore="number")
    assert only_info.exit_status(fail_on="error") == 0 and only_info.exit_status(fail_on="warning") == 1
    with pytest.raises(ValueError):
        rep.exit_status(fail_on="loud")


def test_extract_text_views():
    doc = quotecheck.extract("Intro.\n“Stop,” she said.", source="a.txt")
    assert doc.to_text() == R.document_text(doc) and doc.to_text().startswith("== a.txt [ok")
    assert doc.to_text(quiet=True) == "a.txt:2:1 direct   ? (she, said): “Stop,”"


# --- GitHub: no workflow command but our own ---------------------------------------------

@pytest.mark.parametrize("command", ["##[error]forged", "##[add-mask]secret", "::error::forged"])
def test_github_neutralises_workflow_commands_in_article_text(command):
    text = f"He said “{command} now” today."
    doc = Document(f"a{command}.txt", text, status="error", error=f"bad {command}")
    side = Side(doc.source, 8, 8 + len(command) + 6, f"“{command} now”", speaker=command)
    f = Finding("wording", "warning", command, (side, side), f"differs {command}", rule="r")
    out = R.to_github(Report((doc,), (), (f,)))
    for line in out.splitlines():
        assert "##[" not in line  # the older syntax is read anywhere in a line
        assert line.startswith(("::warning ", "::error ", "quotecheck: "))  # ours, at the start
    if command.startswith("##["):
        assert out.count("# #[") >= 5  # in the message, the title, the file, the error and the log line


# --- the HTML report at corpus scale -------------------------------------------------------

def test_html_groups_by_story_then_speaker_with_a_contents_panel(story_report):
    page = story_report.to_html()
    p = parse(page)
    stories = [a["id"] for t, a in p.tags if t == "section" and a.get("class") == "story"]
    assert stories == ["s-0", "s-1", "s-2"]
    # stories by their folder's name, listed in the contents with their counts, then each speaker
    assert re.findall(r'<li><a href="#s-(\d)" title="corpus/\w+">(\w+)</a><span class="n"><span data-count-story="\d">0</span>/(\d)',
                      page) == [("0", "budget", "3"), ("1", "match", "3"), ("2", "quake", "3")]
    story_heads = re.findall(r'<section class="story" id="s-\d"><h2 title="corpus/(\w+)">', page)
    assert sorted(story_heads) == ["budget", "match", "quake"]
    first = page.split('<section class="story" id="s-1">')[0]
    assert first.count('<section class="speaker">') == 2 and first.count("<article") == 3
    assert re.search(r'<input type="search" id="q"', page)
    ticked = {a["value"]: "checked" in a for t, a in p.tags if t == "input" and a.get("name") == "severity"}
    assert ticked == {"error": True, "warning": True, "info": False}  # info unticked by default
    cards = [a for t, a in p.tags if t == "article"]
    assert [c["data-severity"] for c in cards if "hidden" in c] == ["info"] * 3
    assert 'data-show="info">show the 3 info findings' in page
    outlets = [a["value"] for t, a in p.tags if t == "input" and a.get("name") == "outlet"]
    assert outlets == ["Daily Bugle", "The Planet"]


def test_html_labels_sides_by_outlet_title_and_date_with_the_path_in_a_tooltip(story_report):
    page = story_report.to_html()
    assert ('<span class="label" title="corpus/quake/Daily.txt:3:16"><span class="outlet">Daily Bugle</span> · '
            '<span class="title">Quake talks end late</span> · <time>2012-04-23</time></span>') in page
    bare = Report((Document("x/plain.txt", "“No,” he said."),), (),
                  (Finding("wording", "warning", "A", (Side("x/plain.txt", 0, 5, "“No,”"),), "e"),)).to_html()
    assert '<span class="label" title="x/plain.txt:1:1"><span class="outlet">plain.txt</span></span>' in bare


def test_html_headlines_speakers_and_marks_negations_and_figures_apart(story_report):
    page = story_report.to_html()
    assert '<span class="name">Mayor Quimby</span> <span class="vs">≠</span> <span class="name">Chief Wiggum</span>' in page
    assert '<mark class="neg">not</mark>' in page
    assert '<strong class="num">5</strong>' in page
    assert "word-break:break-all" not in page and ".name{white-space:nowrap}" in page


def test_html_documents_table_links_findings_and_gives_notes_at_line_and_column(story_report):
    page = story_report.to_html()
    row = re.search(r'<tr id="d-0">.*?</tr>', page).group()
    assert '<a href="#doc=0" title="show the findings of this document">3</a>' in row
    assert "1:11 cp1252: decoded as cp1252" in row and "<td>quake</td>" in row
    assert 'href="#d-0"' in page  # a side links to its document's row


def test_html_stays_one_self_contained_file_at_scale(story_report):
    rep = story_report
    big = attrs.evolve(rep, findings=rep.findings * 200)
    page = big.to_html()
    p = parse(page)
    assert not p.fetches and page.count("<article") == 1800
    assert len({a["id"] for t, a in p.tags if t == "article"}) == 1800
