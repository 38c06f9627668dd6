#!/usr/bin/env python3
"""Run the cross-source check on ECB+ (real coverage of one event by several outlets).

Every ECB+ cluster is one story; its documents are checked together (``Document.group`` =
the cluster, so nothing is compared across stories).  Prints the clusters and findings
found, counts by kind and severity, and every error-severity finding with both sides, for
a person to read.  ``--show warning`` prints warnings too.

    python benchmarks/ecbplus_findings.py [--data ../shared/data/ecbplus] [--show error|warning]
    python benchmarks/ecbplus_findings.py --scale
    python benchmarks/ecbplus_findings.py --jsonl ../shared/data/polnear-train.jsonl

``--jsonl`` checks a JSONL corpus of ``{"id", "text"}`` records with no groups (PolNeAR:
several outlets covering one campaign) instead.

``--scale`` checks growing prefixes of the corpus *without* groups (every document against
every other) and prints items, candidate pairs from the index against all pairs, and the
time of the check alone: both should grow about linearly.
"""
import argparse
import collections
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import corpus  # noqa: E402
from quotecheck import api, crosssource  # noqa: E402


def load(data: str) -> list:
    """``(doc id, cluster, text)`` for every document of the index, in index order."""
    return [(doc, cluster, text) for doc, text, cluster in corpus.ecbplus_folder(data)]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=os.path.join(HERE, "..", "..", "shared", "data", "ecbplus"))
    ap.add_argument("--show", choices=["error", "warning"], default="error")
    ap.add_argument("--scale", action="store_true", help="time the check on growing prefixes, no groups")
    ap.add_argument("--jsonl", help="a JSONL corpus of {id, text} records, checked with no groups")
    a = ap.parse_args(argv)
    if a.jsonl:
        with open(a.jsonl, encoding="utf-8") as f:
            records = [(r["id"], None, r["text"]) for r in map(json.loads, f) if r.get("text")]
    else:
        records = load(a.data)
    if a.scale:
        return scale(records)
    t0 = time.perf_counter()
    docs = [api.extract(text, source=doc, group=cluster) for doc, cluster, text in records]
    t1 = time.perf_counter()
    clusters, findings = crosssource.check_documents(docs)
    t2 = time.perf_counter()
    n_items = sum(len(crosssource.utterances(d, i)) for i, d in enumerate(docs))
    print(f"{len(docs)} documents in {len({c for _, c, _ in records if c})} stories, {n_items} quotes and "
          f"reported speech; extract {t1 - t0:.1f}s, check {t2 - t1:.2f}s")
    print(f"{len(clusters)} clusters ({sum(len({s.source for s in c.members}) > 1 for c in clusters)} across "
          f"documents), {len(findings)} findings")
    counts = collections.Counter((f.kind, f.severity) for f in findings)
    for (kind, sev), n in sorted(counts.items()):
        print(f"  {kind:10} {sev:8} {n}")
    shown = ("error",) if a.show == "error" else ("error", "warning")
    for f in findings:
        if f.severity not in shown:
            continue
        print(f"\n[{f.severity}] {f.kind} ({f.rule}) {f.speaker}: {f.explanation}")
        for s in f.sides:
            print(f"   {s.source} {s.start}-{s.end} [{s.kind}, {s.speaker}] {s.text[:200]!r}"
                  + (f"  ({s.context})" if s.context else ""))
    return 0


def scale(records) -> int:
    docs = [api.extract(text, source=doc) for doc, _cluster, text in records]
    print("docs chars items candidate_pairs all_pairs check_s")
    for n in (len(docs) // 4, len(docs) // 2, len(docs)):
        sub = docs[:n]
        items = [it for i, d in enumerate(sub) for it in crosssource.utterances(d, i)]
        pairs = crosssource.candidate_pairs(items)
        t = time.perf_counter()
        crosssource.check_documents(sub)
        took = time.perf_counter() - t
        print(n, sum(len(d.text) for d in sub), len(items), len(pairs),
              len(items) * (len(items) - 1) // 2, f"{took:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
