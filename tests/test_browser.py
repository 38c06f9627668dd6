"""The HTML report in a real browser: headless Chromium, driven over the DevTools protocol
(``tools/cdp.py``, standard library only), checks through the DOM that the grouping, the
filters, the search and the links work.

Skipped, saying why, when no Chromium is installed (``apt-get install chromium``); the
test on the 300-article ECB+ corpus is skipped, saying why, when the shared data folder
(``../shared/data`` or ``$QUOTECHECK_DATA``) is absent: that data may not be copied here.
"""
import importlib.util
import os
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


cdp = _load("quotecheck_cdp", ROOT / "tools" / "cdp.py")
if not cdp.find_chromium():
    pytest.skip("no Chromium installed: the browser tests need Debian's chromium package "
                "(apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    with cdp.Browser() as b:
        yield b


def _visible(b, selector="article.card"):
    return b.evaluate(f"[].slice.call(document.querySelectorAll('{selector}'))"
                      ".filter(function(e){return !e.closest('[hidden]');}).map(function(e){return e.id;})")


def _cards(b):
    """(story, severity, kind) of every visible finding card, in page order."""
    return [tuple(x) for x in b.evaluate(
        "[].slice.call(document.querySelectorAll('article.card')).filter(function(c){return !c.closest('[hidden]');})"
        ".map(function(c){return [c.closest('section.story').querySelector('h2').title, c.dataset.severity, c.dataset.kind];})")]


def _click(b, selector):
    b.evaluate(f"document.querySelector({selector!r}).click()")


def _type(b, text):
    b.evaluate(f"(function(){{var q=document.getElementById('q'); q.value={text!r};"
               "q.dispatchEvent(new Event('input'));})()")


def test_grouping_filters_search_and_links(browser, story_report, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(story_report.to_html(), encoding="utf-8")
    b = browser
    b.open(page.as_uri())
    assert b.evaluate("document.body.dataset.ready") == "1"
    # grouped by story, then by speaker; info findings hidden until asked
    assert b.evaluate("[].slice.call(document.querySelectorAll('section.story>h2')).map(function(h){return h.title;})") == [
        "corpus/budget", "corpus/match", "corpus/quake"]
    assert b.evaluate("document.querySelectorAll('section.story')[0].querySelectorAll('section.speaker').length") == 2
    assert _cards(b) == [(f"corpus/{s}", sev, k) for s in ("budget", "match", "quake")
                         for sev, k in (("error", "negation"), ("warning", "speaker"))]
    assert b.evaluate("document.getElementById('shown').textContent") == "6"
    assert b.evaluate("[].slice.call(document.querySelectorAll('[data-count-story]')).map(function(n){return n.textContent;})") == ["2", "2", "2"]
    # one click shows the info findings; their speaker's sections appear
    _click(b, "button[data-show=info]")
    assert len(_visible(b)) == 9 and len(_visible(b, "section.speaker")) == 6
    assert b.evaluate("location.hash") == "#severity=error,warning,info"
    # a kind filter
    _click(b, "input[name=kind][value=negation]")
    assert {k for _, _, k in _cards(b)} == {"speaker", "truncation"} and len(_visible(b)) == 6
    _click(b, "input[name=kind][value=negation]")
    # an outlet filter: a finding shows while any of its outlets is ticked
    _click(b, "input[name=outlet][value='Daily Bugle']")
    assert len(_visible(b)) == 9
    _click(b, "input[name=outlet][value='The Planet']")
    assert _visible(b) == [] and b.evaluate("document.getElementById('shown').textContent") == "0"
    _click(b, "input[name=outlet][value='Daily Bugle']")
    _click(b, "input[name=outlet][value='The Planet']")
    # search: words of the title, the speaker, the source; stories without a match disappear
    _type(b, "quake talks")
    assert {s for s, _, _ in _cards(b)} == {"corpus/quake"} and len(_visible(b, "section.story")) == 1
    assert b.evaluate("[].slice.call(document.querySelectorAll('[data-count-story]')).map(function(n){return n.textContent;})") == ["0", "0", "3"]
    _type(b, "corpus/match/daily")
    assert {s for s, _, _ in _cards(b)} == {"corpus/match"}
    _type(b, "wiggum ≠")
    assert {k for _, _, k in _cards(b)} == {"speaker"} and len(_visible(b)) == 3
    _type(b, "")
    # the state is in the URL: a link opens the same view, in a new page or in this one
    for url in ("about:blank", page.as_uri() + "#q=budget&severity=error", page.as_uri() + "#q=match&severity=error"):
        b.open(url)
        b.evaluate("new Promise(function(r){setTimeout(r, 50);})")  # hashchange is asynchronous
    assert _cards(b) == [("corpus/match", "error", "negation")]
    assert b.evaluate("document.querySelector('input[name=severity][value=warning]').checked") is False
    # the documents table links to the findings of a document
    b.open("about:blank")
    b.open(page.as_uri())
    _click(b, "tr#d-2 a[href='#doc=2']")
    b.evaluate("new Promise(function(r){setTimeout(r, 50);})")  # hashchange is asynchronous
    assert {s for s, _, _ in _cards(b)} == {"corpus/budget"} and len(_visible(b)) == 2
    assert b.evaluate("document.getElementById('only').hidden") is False
    _click(b, "#clear-only")
    assert len(_visible(b)) == 6


def test_a_300_article_corpus_report(browser, tmp_path):
    bench = _load("quotecheck_html_bench", ROOT / "benchmarks" / "html_report.py")
    data = bench.DEFAULT_DATA
    if not (pathlib.Path(data) / "ecbplus" / "index.jsonl").exists():
        pytest.skip(f"the ECB+ data is not at {data} (set QUOTECHECK_DATA): it may not be copied into the repository")
    from quotecheck import cli

    corpus = tmp_path / "corpus.jsonl"
    assert bench.build_corpus(str(data), str(corpus)) == 300
    page = tmp_path / "report.html"
    code = cli.main(["check", "--format", "html", "-o", str(page), "--group-field", "story", "--outlet-field", "outlet",
                     "--title-field", "title", "--date-field", "date", "--fail-on", "never", "--no-progress", str(corpus)])
    assert code == 0
    b = browser
    b.open(page.as_uri())
    stories = b.evaluate("document.querySelectorAll('#contents li').length")
    assert stories == 100  # every story listed, with or without findings
    total = b.evaluate("document.querySelectorAll('article.card').length")
    shown = int(b.evaluate("document.getElementById('shown').textContent"))
    info = b.evaluate("document.querySelectorAll('article.card[data-severity=info]').length")
    assert total > 0 and shown == total - info
    # every card sits in its story's section, and each section's cards are one story's
    assert b.evaluate("[].slice.call(document.querySelectorAll('section.story')).every(function(s){"
                      "var ids={}; s.querySelectorAll('article.card').forEach(function(c){ids[c.dataset.story]=1;});"
                      "return Object.keys(ids).length===1;})")
    if info:
        _click(b, "button[data-show=info]")
        assert len(_visible(b)) == total
    outlet = b.evaluate("document.querySelector('input[name=outlet]').value")
    _type(b, outlet)
    assert 0 < len(_visible(b)) <= total
