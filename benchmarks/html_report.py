#!/usr/bin/env python3
"""The HTML report at corpus scale: build it, open it in headless Chromium, time it.

Builds a 300-article, 100-story corpus from ECB+ (every ECB+ cluster is one real event
covered by several outlets; each story here is three documents of one cluster, taken
round-robin over the clusters) as a JSONL file in a temporary folder (the data is never
copied into the repository), runs ``quotecheck check --format html`` on it with the outlet,
title and date fields, and prints the findings, the page's size and, in headless Chromium
(tools/cdp.py), the time to load it, to show the info findings and to search.  Then does
the same on a report of 5,000 findings (the real findings repeated over 5,000 / n copies
of the stories, each copy a story of its own).

    python benchmarks/html_report.py [--data ../shared/data] [--screenshots docs/]

``--screenshots DIR`` writes DIR/report-corpus.png (the 300-article report, opened as it
opens) and DIR/report-screenshot.png (the seeds' report), the pictures in docs/.
"""
import argparse
import json
import os
import re
import statistics
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tools"))
sys.path.insert(0, HERE)

import attrs  # noqa: E402

from corpus import DEFAULT_DATA, machine  # noqa: E402
from quotecheck import api, cli  # noqa: E402

_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}


def _date(url):
    """The date in a news URL (``/2013/may/03/``, ``/2013/05/02/``), ISO, or None."""
    m = re.search(r"/(20\d\d)/([a-z]{3}|\d\d)/(\d\d)/", url or "")
    if not m:
        return None
    month = _MONTHS.get(m.group(2)) if not m.group(2).isdigit() else int(m.group(2))
    return f"{m.group(1)}-{month:02d}-{m.group(3)}" if month else None


def _title(url):
    """A title from a URL's slug (``lindsay-lohan-checks-into-rehab`` -> words), or None."""
    slugs = [p for p in (url or "").split("/") if p.count("-") >= 3]
    if not slugs:
        return None
    words = [w for w in re.split(r"[-_]+", re.sub(r"\.\w+$", "", slugs[-1])) if w.isalpha()]
    return " ".join(words).capitalize() if len(words) >= 3 else None


def build_corpus(data, path, stories=100, per_story=3) -> int:
    """Write the corpus as JSONL; return the number of articles."""
    base = os.path.join(data, "ecbplus")
    clusters: dict = {}
    with open(os.path.join(base, "index.jsonl"), encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            clusters.setdefault(rec["cluster"], []).append(rec)
    chunks = {c: [recs[i:i + per_story] for i in range(0, len(recs) - per_story + 1, per_story)]
              for c, recs in clusters.items()}
    picked = []
    k = 0
    while len(picked) < stories and any(len(v) > k for v in chunks.values()):
        picked += [(f"{c}-{k + 1}", v[k]) for c, v in chunks.items() if len(v) > k]
        k += 1
    n = 0
    with open(path, "w", encoding="utf-8") as out:
        for story, recs in picked[:stories]:
            for rec in recs:
                with open(os.path.join(base, rec["path"]), encoding="utf-8") as t:
                    text = t.read()
                out.write(json.dumps({"id": rec["doc"], "text": text, "story": story, "outlet": rec["outlet"],
                                      "title": _title(rec["url"]), "date": _date(rec["url"])}) + "\n")
                n += 1
    return n


def measure(browser, page_path, runs=3) -> dict:
    """Load times of a report in the browser (median of ``runs``), in milliseconds."""
    loads, navs, fcps = [], [], []
    for _ in range(runs):
        wall = browser.open("file://" + page_path)
        loads.append(wall * 1000)
        timing = browser.evaluate(
            "JSON.stringify({load: performance.getEntriesByType('navigation')[0].loadEventEnd,"
            " fcp: (performance.getEntriesByName('first-contentful-paint')[0]||{}).startTime||null})")
        timing = json.loads(timing)
        navs.append(timing["load"])
        if timing["fcp"]:
            fcps.append(timing["fcp"])
    show_info = browser.evaluate(
        "(function(){var t=performance.now();var b=document.querySelector('button[data-show=info]');"
        "if(b){b.click();} document.body.offsetHeight; return performance.now()-t;})()")
    search = browser.evaluate(
        "(function(){var t=performance.now();var q=document.getElementById('q');q.value='said';"
        "q.dispatchEvent(new Event('input')); document.body.offsetHeight; return performance.now()-t;})()")
    shown = browser.evaluate("document.getElementById('shown').textContent")
    return {"load_wall_ms": statistics.median(loads), "load_event_ms": statistics.median(navs),
            "first_paint_ms": statistics.median(fcps) if fcps else None,
            "show_info_ms": show_info, "search_ms": search, "shown_after_search": shown,
            "cards": browser.evaluate("document.querySelectorAll('article.card').length")}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--screenshots", metavar="DIR", help="write the report pictures of docs/ there")
    ap.add_argument("--findings", type=int, default=5000, help="findings of the big synthetic report")
    ap.add_argument("--keep", metavar="FILE", help="also write the big report to FILE")
    a = ap.parse_args(argv)
    import cdp

    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory(prefix="quotecheck-html-") as tmp:
        corpus = os.path.join(tmp, "corpus.jsonl")
        n = build_corpus(a.data, corpus)
        page = os.path.join(tmp, "report.html")
        t0 = time.perf_counter()
        docs = api.read_documents([corpus], group_field="story",
                                  meta_fields={"outlet": "outlet", "title": "title", "date": "date"})
        rep = api.check(docs)
        t1 = time.perf_counter()
        html = rep.to_html()
        t2 = time.perf_counter()
        with open(page, "w", encoding="utf-8") as f:
            f.write(html)
        # the same through the command line, as a user runs it (the page must be the same)
        cli_page = os.path.join(tmp, "cli.html")
        cli.main(["check", "--format", "html", "-o", cli_page, "--group-field", "story", "--outlet-field", "outlet",
                  "--title-field", "title", "--date-field", "date", "--fail-on", "never", "--no-progress", corpus])
        with open(cli_page, encoding="utf-8") as f:
            assert f.read() == html, "the CLI and the API render different pages"
        sev = {}
        for f_ in rep.findings:
            sev[f_.severity] = sev.get(f_.severity, 0) + 1
        print(f"corpus: {n} articles, {len({d.group for d in rep.documents})} stories (ECB+ clusters, 3 documents each)")
        print(f"check: {len(rep.findings)} findings {sev} in {t1 - t0:.1f} s; HTML rendered in {t2 - t1:.2f} s, "
              f"{len(html.encode('utf-8')) / 1e6:.2f} MB")

        # 5,000 findings: the real ones, repeated over copies of the documents they are in
        # (each copy a story of its own), beside the 300 documents of the corpus.
        copies = -(-a.findings // max(1, len(rep.findings)))
        involved = {s.source for f_ in rep.findings for s in f_.sides}
        big_docs, big_findings = list(rep.documents), []
        for k in range(copies):
            ren = {d.source: f"{d.source}~{k}" for d in rep.documents if d.source in involved}
            big_docs += [attrs.evolve(d, source=ren[d.source], group=f"{d.group}~{k}")
                         for d in rep.documents if d.source in involved]
            big_findings += [attrs.evolve(f, fingerprint=f"{f.fingerprint}-{k}", sides=tuple(
                attrs.evolve(s, source=ren.get(s.source, s.source)) for s in f.sides)) for f in rep.findings]
        big = attrs.evolve(rep, documents=tuple(big_docs), findings=tuple(big_findings[:a.findings]))
        t3 = time.perf_counter()
        big_html = big.to_html()
        if a.keep:
            with open(a.keep, "w", encoding="utf-8") as f:
                f.write(big_html)
        t4 = time.perf_counter()
        big_page = os.path.join(tmp, "big.html")
        with open(big_page, "w", encoding="utf-8") as f:
            f.write(big_html)
        print(f"big report: {len(big.findings)} findings, {len(big.documents)} documents, "
              f"{len({d.group for d in big.documents})} stories; rendered in {t4 - t3:.1f} s, "
              f"{len(big_html.encode('utf-8')) / 1e6:.1f} MB")

        if not cdp.find_chromium():
            print("no chromium: load times not measured (apt-get install chromium)")
            return 0
        with cdp.Browser() as b:
            version = b.call("Browser.getVersion")["product"]
            print(f"browser: {version}, headless, {b.size[0]}x{b.size[1]}")
            for name, path in (("300-article report", page), (f"{len(big.findings)}-finding report", big_page)):
                m = measure(b, path)
                print(f"{name}: load {m['load_wall_ms']:.0f} ms (load event at {m['load_event_ms']:.0f} ms, "
                      f"first paint {m['first_paint_ms'] or float('nan'):.0f} ms), showing the info findings "
                      f"{m['show_info_ms']:.0f} ms, a search {m['search_ms']:.0f} ms "
                      f"({m['shown_after_search']} of {m['cards']} cards match 'said')")
            if a.screenshots:
                os.makedirs(a.screenshots, exist_ok=True)
                b.open("file://" + page)
                b.screenshot(os.path.join(a.screenshots, "report-corpus.png"))
                seeds = os.path.join(tmp, "seeds.html")
                with open(seeds, "w", encoding="utf-8") as f:
                    f.write(api.check_files([os.path.join(os.path.dirname(HERE), "seeds")]).to_html())
                b.open("file://" + seeds)
                b.screenshot(os.path.join(a.screenshots, "report-screenshot.png"))
                print(f"screenshots: {a.screenshots}/report-corpus.png, {a.screenshots}/report-screenshot.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
