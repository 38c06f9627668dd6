#!/usr/bin/env python3
"""Precision of the cross-source check's warning and error findings on ECB+, from labels.

``--set polnear-train`` does the same on the readable part of PolNeAR-train (its first 640
articles) grouped by month of publication, labelled in
``benchmarks/labels/polnear_train_findings.tsv``; ``--set polnear-train-all`` checks the same
articles with no groups (every article against every other): a second corpus, of another kind (one
outlet's articles about many events; the same politicians quoted week after week), where
nothing was tuned before the labels were written.

Every warning+ finding on ECB+ was read in its articles and labelled in
``benchmarks/labels/ecbplus_findings.tsv`` (by document ids and offsets, no article text):

    kind  doc_a  start_a  end_a  doc_b  start_b  end_b  label  reason

``label`` is ``true`` (the sources really quote different words, figures, negation or
speaker), ``benign`` (a harmless difference: partial quote, spelling, translation
variant...), ``wrong-speaker`` (our attribution is wrong on one side), ``wrong-boundary``
(a quote span is wrong) or ``wrong-group`` (the two passages are not one utterance).  A
finding takes the label of a row of its kind whose two sides are both among its sides.

Prints warning+ precision (true / labelled warning+) for the current code, the counts by
label, and the findings no row labels (label those too).  ``--show`` prints every warning+
finding with its label; ``--code DIR`` runs another checkout's quotecheck (e.g. the main
branch, for a before/after figure).

    python benchmarks/findings_precision.py [--show] [--code ../main]
"""
import argparse
import collections
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = os.path.join(HERE, "labels", "ecbplus_findings.tsv")
SETS = {"ecbplus": ("ECB+", LABELS),
        "polnear-train": ("PolNeAR-train (first 640, by month)",
                          os.path.join(HERE, "labels", "polnear_train_findings.tsv")),
        # the same articles with no groups at all: every article may be compared with every
        # other, as a user who checks a year of coverage in one go would (same labels file)
        "polnear-train-all": ("PolNeAR-train (first 640, ungrouped)",
                              os.path.join(HERE, "labels", "polnear_train_findings.tsv"))}
#: The readable part of PolNeAR-train (the last 200 articles are the blind split).
POLNEAR_READABLE = 640
KINDS = ("true", "benign", "wrong-speaker", "wrong-boundary", "wrong-group")


def read_labels(path: str = LABELS) -> list:
    """``[(kind, (doc, start, end), (doc, start, end), label, reason)]``."""
    out = []
    with open(path, encoding="utf-8") as f:
        for row in csv.reader((ln for ln in f if ln.strip() and not ln.startswith("#")), delimiter="\t"):
            kind, da, sa, ea, db, sb, eb, label, reason = row
            assert label in KINDS, row
            out.append((kind, (da, int(sa), int(ea)), (db, int(sb), int(eb)), label, reason))
    return out


def label_of(f, labels: list):
    sides = {(s.source, s.start, s.end) for s in f.sides}
    for kind, a, b, label, reason in labels:
        if kind == f.kind and a in sides and b in sides:
            return label, reason
    return None


def ecbplus_findings(data: str) -> list:
    from quotecheck import api, crosssource  # noqa: E402  (from --code, imported first)
    sys.path.insert(0, HERE)
    import ecbplus_findings as eb  # noqa: E402

    docs = [api.extract(text, source=doc, group=cluster) for doc, cluster, text in eb.load(data)]
    return list(crosssource.check_documents(docs)[1])


def polnear_findings(path: str, by_month: bool = True) -> list:
    """The findings on the first 640 articles of PolNeAR-train, a story per month (or, not
    ``by_month``, all in one)."""
    import inspect
    import json
    from quotecheck import api, crosssource  # noqa: E402  (from --code, imported first)

    with open(path, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()][:POLNEAR_READABLE]
    # the article's date as the command line's --date-field gives it (a checkout from before
    # extract() took meta is run without)
    dated = "meta" in inspect.signature(api.extract).parameters
    docs = [api.extract(r["text"], source=r["id"], group=r["date"][:7] if by_month else None,
                        **({"meta": {"date": r["date"]}} if dated else {})) for r in records]
    return list(crosssource.check_documents(docs)[1])


def _month(doc_id: str) -> str:
    """The ``YYYY-MM`` of a PolNeAR id (``outlet_2016-02-08_slug``)."""
    parts = doc_id.split("_")
    return parts[1][:7] if len(parts) > 1 else ""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=os.path.join(HERE, "..", "..", "shared", "data", "ecbplus"))
    ap.add_argument("--set", choices=sorted(SETS), default="ecbplus", help="which labelled corpus")
    ap.add_argument("--polnear", default=os.path.join(HERE, "..", "..", "shared", "data", "polnear-train.jsonl"))
    ap.add_argument("--code", default=os.path.dirname(HERE), help="checkout whose quotecheck to run")
    ap.add_argument("--show", action="store_true", help="print every warning+ finding with its label")
    a = ap.parse_args(argv)
    sys.path.insert(0, os.path.abspath(a.code))
    import quotecheck
    print(f"code: {os.path.dirname(os.path.dirname(os.path.abspath(quotecheck.__file__)))}")
    title, path = SETS[a.set]
    labels = read_labels(path)
    everything = ecbplus_findings(a.data) if a.set == "ecbplus" else \
        polnear_findings(a.polnear, by_month=a.set == "polnear-train")
    findings = [f for f in everything if f.severity in ("warning", "error")]
    counts, unlabelled = collections.Counter(), []
    for f in findings:
        got = label_of(f, labels)
        counts[got[0] if got else "unlabelled"] += 1
        if not got:
            unlabelled.append(f)
        if a.show or not got:
            s0, s1 = f.sides[0], f.sides[1]
            print(f"{got[0] if got else 'UNLABELLED':14} [{f.severity}] {f.kind}\t{s0.source}\t{s0.start}\t{s0.end}"
                  f"\t{s1.source}\t{s1.start}\t{s1.end}\t{f.explanation[:160]}"
                  + (f"  -- {got[1]}" if got else ""))
    labelled = sum(n for k, n in counts.items() if k != "unlabelled")
    by_kind = collections.Counter((f.kind, f.severity) for f in findings)
    print(f"\n{title} warning+ findings: {len(findings)} "
          f"({', '.join(f'{k} {s} {n}' for (k, s), n in sorted(by_kind.items()))})")
    print("labels: " + ", ".join(f"{k} {counts[k]}" for k in (*KINDS, "unlabelled")))
    if labelled:
        print(f"precision (true / labelled warning+): {counts['true']}/{labelled} = {counts['true'] / labelled:.2f}")
    # Recall against the labels: a difference labelled true (under any version of the rules)
    # should still be reported at warning or above.
    true_rows = [r for r in labels if r[3] == "true"]
    if a.set == "polnear-train":
        # by month, two articles of different months are never compared (ids hold the date)
        true_rows = [r for r in true_rows if _month(r[1][0]) == _month(r[2][0])]
    kept, lost = 0, []
    for kind, sa, sb, _label, reason in true_rows:
        hit = [f for f in everything if f.kind == kind and {sa, sb} <= {(s.source, s.start, s.end) for s in f.sides}]
        if any(f.severity in ("warning", "error") for f in hit):
            kept += 1
        else:
            lost.append((kind, sa, sb, hit[0].severity if hit else "gone", reason))
    print(f"labelled true differences still at warning+: {kept}/{len(true_rows)}")
    for kind, sa, sb, now, reason in lost:
        print(f"  now {now}: {kind} {sa[0]} {sa[1]}-{sa[2]} / {sb[0]} {sb[1]}-{sb[2]}: {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
