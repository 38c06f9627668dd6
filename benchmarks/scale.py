"""How ``check`` grows with the corpus: time and peak memory for 1k, 4k, 16k, 64k documents.

    python benchmarks/scale.py                          # 1k 4k 16k 64k, ungrouped
    python benchmarks/scale.py --sizes 1000,4000 --mode batches --no-memory
    python benchmarks/scale.py --sizes 1000 --profile 25     # where the check's time goes

The corpora are built from the real texts, PolNeAR train + dev and ECB+ (1,906
distinct articles), by copying:

* copy ``k`` of an article gets the id ``ID~k`` (copy 0 keeps the original id);
* light perturbation, so that copies are not all identical: in a copy (``k >= 1``)
  each speech quote is dropped with probability 1/10 (outlets quote a subset), and in
  about one copy in four, one digit inside one quote is changed to another digit
  (a misquoted number), in the document's text and in the quote alike.  Both edits keep
  every offset, so each distinct article is extracted once and the copies are
  derived from that extraction (the figures are the check's, not extraction's).

What that does to clustering: a copy's quotes have the same speaker and the same words
as the original's, so every copy joins the original's clusters.  The number of
clusters stays about the same as the corpus grows while each cluster grows with it
(about N / 1,906 members); the changed digits add variants, and so ``number``
findings, inside those clusters.  This is the hard case for a cross-source check
(syndicated wire copy looks like it): candidate search must go through an index, and
the work inside a cluster must not be quadratic in its size.

``--mode batches`` puts copy ``k`` of every article in the group ``batch~k``: each
group is the whole real corpus once (1,906 articles compared with each other, as in
an ungrouped run on the real texts), and a 4x corpus is 4x as many such groups.  This
is a user checking one day's news after another in one run; clusters never grow, so
the check should be exactly linear (it shows the index costs nothing across groups).

``--mode stories`` gives copy ``k`` of an ECB+ story the group ``CLUSTER~k`` and every
PolNeAR article its own group: groups the size of a real story (3 to 22 outlets), as a
user who checks story by story has them.

Each size runs in a fresh process (forked, so the extracted articles are shared):
the check (:func:`check`: ``crosssource.check_documents`` and the report) is timed once
by wall clock and by the child's CPU time (the steadier figure on a shared machine),
then run again under ``tracemalloc`` for the peak memory the check itself allocates (the input documents
are not counted); the child's peak RSS is printed too.  The growth factor is each
figure divided by the previous size's (the sizes grow 4x; target: at most about 5x).
"""
from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import os
import pathlib
import pickle
import random
import resource
import sys
import time
import tracemalloc

import attrs
import regex

import corpus

import quotecheck
from quotecheck import api, crosssource, parallel

#: One decimal digit inside a quote: the character a misquoting copy changes.
_DIGIT = regex.compile(r"\d")
CACHE_DIR = pathlib.Path(os.environ.get("QUOTECHECK_BENCH_CACHE", "/tmp/quotecheck-bench"))


# --- the distinct articles, extracted once -------------------------------------------------

def _code_version() -> str:
    """A hash of quotecheck's code and data tables: the extraction cache is only valid
    for the code that made it, and colleagues change that code all day."""
    h = hashlib.sha256()
    pkg = pathlib.Path(quotecheck.__file__).parent
    for p in sorted(pkg.rglob("*")):
        if p.is_file() and p.suffix in (".py", ".tsv", ".txt", ".json"):
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def base_documents(jobs: int) -> list:
    """``(Document, ecb_cluster_or_None)`` for every distinct real article, extracted
    once per version of the code (cached under :data:`CACHE_DIR`)."""
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    cache = CACHE_DIR / f"base-{_code_version()}.pickle"
    if cache.exists():
        with open(cache, "rb") as f:
            return pickle.load(f)
    records = [(i, t, None) for i, t in corpus.polnear(split="train") + corpus.polnear(split="dev")]
    records += corpus.ecbplus()
    corpus.log(f"extracting {len(records)} distinct articles once (jobs={jobs})...")
    docs = parallel.map_ordered(_extract, [(i, t) for i, t, _ in records], jobs)
    out = [(d, c) for d, (_, _, c) in zip(docs, records)]
    with open(cache, "wb") as f:
        pickle.dump(out, f, protocol=pickle.HIGHEST_PROTOCOL)
    return out


def _extract(pair):
    return api.extract(pair[1], source=pair[0])


# --- copies with light perturbation ---------------------------------------------------------

def _misquote(doc, rng: random.Random):
    """``doc`` with one digit inside one quote changed to another digit, in the text
    and in every quote that covers it (same length: no offset moves); ``doc`` itself
    when no quote has a digit."""
    spots = [(qi, m.start()) for qi, q in enumerate(doc.quotes) if q.is_speech
             for m in _DIGIT.finditer(q.text)]
    if not spots:
        return doc
    qi, off = rng.choice(spots)
    at = doc.quotes[qi].start + off
    old = doc.text[at]
    new = rng.choice([d for d in "0123456789" if d != old])
    text = doc.text[:at] + new + doc.text[at + 1:]
    quotes = tuple(attrs.evolve(q, text=text[q.start:q.end]) if q.start <= at < q.end else q
                   for q in doc.quotes)
    return attrs.evolve(doc, text=text, quotes=quotes)


def _subset(doc, rng: random.Random):
    """``doc`` without about one speech quote in ten (a copy that quotes less); other
    quotes keep their place, and ``parent`` links to a dropped quote are cut."""
    keep = [i for i, q in enumerate(doc.quotes) if not q.is_speech or rng.random() >= 0.1]
    if len(keep) == len(doc.quotes):
        return doc
    new_index = {old: new for new, old in enumerate(keep)}
    quotes = tuple(attrs.evolve(doc.quotes[i], parent=new_index.get(doc.quotes[i].parent))
                   for i in keep)
    return attrs.evolve(doc, quotes=quotes)


def copy_of(doc, cluster, k: int, mode: str):
    """Copy ``k`` of an extracted article: new id, perturbed for ``k >= 1``, grouped
    as ``mode`` says."""
    group = None
    if mode == "batches":
        group = f"batch~{k}"
    elif mode == "stories":
        group = f"{cluster}~{k}" if cluster else f"{doc.source}~{k}"
    if k == 0:
        return attrs.evolve(doc, group=group)
    rng = random.Random(f"{doc.source}~{k}")  # str seeds hash the same in every run
    new = _subset(doc, rng)
    if rng.random() < 0.25:
        new = _misquote(new, rng)
    return attrs.evolve(new, source=f"{doc.source}~{k}", group=group)


def build(base: list, n: int, mode: str) -> list:
    """``n`` documents: copy 0 of every article, then copy 1, and so on."""
    out = []
    k = 0
    while len(out) < n:
        for doc, cluster in base:
            if len(out) == n:
                break
            out.append(copy_of(doc, cluster, k, mode))
        k += 1
    return out


# --- measuring -----------------------------------------------------------------------------

def check(docs) -> quotecheck.Report:
    """What :func:`quotecheck.check` does once the documents are extracted.  Called
    directly because ``check`` re-extracts any Document that has text but no quotes
    (taking it for an unextracted one), which would time extraction, not the check."""
    clusters, findings = crosssource.check_documents(tuple(docs))
    return quotecheck.Report(tuple(docs), tuple(clusters), tuple(findings))


def _measure(args) -> dict:
    """In a fresh process: build the corpus, time the check, then its peak memory."""
    base, n, mode, memory = args
    docs = build(base, n, mode)
    t0, c0 = time.perf_counter(), time.process_time()
    report = check(docs)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = None
    if memory:
        del report
        tracemalloc.start()
        report = check(docs)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return {"n": n, "seconds": seconds, "cpu": cpu, "peak": peak, "rss": rss, "quotes": sum(len(d.quotes) for d in docs),
            "clusters": len(report.clusters), "findings": len(report.findings)}


def run_size(base, n, mode, memory, timeout=None):
    """:func:`_measure` in a forked child: each size starts from the same clean
    process, so no size's peak is an earlier size's left-overs.  None when it takes
    more than ``timeout`` seconds (the child is then ended)."""
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(1) as pool:
        try:
            return pool.apply_async(_measure, ((base, n, mode, memory),)).get(timeout)
        except multiprocessing.TimeoutError:
            return None


def profile(docs: list, top: int) -> str:
    """The ``top`` functions of one check of ``docs`` by own and by cumulative time."""
    return corpus.profile_text(lambda: check(docs), top)


def _mb(x) -> str:
    return "-" if x is None else f"{x / 2**20:,.1f}"


def _factor(new, old) -> str:
    return f"{new / old:.2f}x" if new is not None and old else "-"


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--sizes", default="1000,4000,16000,64000")
    p.add_argument("--mode", choices=["ungrouped", "batches", "stories"], default="ungrouped")
    p.add_argument("--no-memory", action="store_true", help="skip the tracemalloc pass (halves the time)")
    p.add_argument("--jobs", type=int, default=1, help="processes for the one-off extraction")
    p.add_argument("--timeout", type=float, help="give up on a size after this many seconds")
    p.add_argument("--profile", type=int, metavar="N",
                   help="instead: the N hottest functions of the check at the first size")
    args = p.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    base = base_documents(args.jobs)
    if args.profile:
        print(profile(build(base, sizes[0], args.mode), args.profile))
        return
    print(f"# check at scale ({args.mode}), {len(base)} distinct articles\n{corpus.machine()}\n")
    print("| docs | quotes | clusters | findings | check s (wall) | check s (CPU) | growth (CPU) "
          "| peak MiB (tracemalloc) | growth | peak RSS MiB | growth |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    prev = None
    for n in sizes:
        corpus.log(f"checking {n} documents...")
        r = run_size(base, n, args.mode, not args.no_memory, args.timeout)
        if r is None:
            print(f"| {n:,} | | | | over {args.timeout:.0f} s | | | | | | |", flush=True)
            break
        print(f"| {n:,} | {r['quotes']:,} | {r['clusters']:,} | {r['findings']:,} | {r['seconds']:.2f} "
              f"| {r['cpu']:.2f} | {_factor(r['cpu'], prev and prev['cpu'])} | {_mb(r['peak'])} "
              f"| {_factor(r['peak'], prev and prev['peak'])} | {_mb(r['rss'])} "
              f"| {_factor(r['rss'], prev and prev['rss'])} |", flush=True)
        prev = r


if __name__ == "__main__":
    sys.setrecursionlimit(10_000)
    main()
