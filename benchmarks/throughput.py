"""Extraction + attribution throughput on real news, one process, stage by stage.

    python benchmarks/throughput.py                 # both corpora, every stage
    python benchmarks/throughput.py --profile 25    # and the 25 hottest functions
    python benchmarks/throughput.py --limit 200     # a spread sample of each corpus

Prints characters per second for :func:`quotecheck.extract` (the whole pipeline:
quotes found and attributed) on PolNeAR train and on the ECB+ texts, then each stage
on its own (Punkt sentences, :func:`quotes.find_quotes`, :func:`attribution.attribute`
given the quotes) so the hot spots are visible.  Each figure is the best of
``--repeat`` runs, by wall clock and by this process's CPU time; on a machine shared
with other work the CPU figure is the steadier one.  quotecheck's memo caches are
emptied before every pass, so each pass is timed as a first pass over new texts.
"""
from __future__ import annotations

import argparse
import time

import corpus

from quotecheck import api, attribution, quotes, text as qtext


def _found(text):
    return text, quotes.find_quotes(text)[0]


#: name -> (what it measures, prepare(text) -> argument, run(argument)).  Preparation
#: is outside the clock, so "attribute" is attribution alone, given the quotes.
STAGES = {
    "extract": ("quotecheck.extract: the whole pipeline", lambda t: t, api.extract),
    "sentences": ("text.sentences: paragraphs + NLTK Punkt", lambda t: t, qtext.sentences),
    "find_quotes": ("quotes.find_quotes", lambda t: t, quotes.find_quotes),
    "attribute": ("attribution.attribute, quotes given", _found, lambda a: attribution.attribute(*a)),
}


def time_stage(run, args, repeat: int) -> tuple:
    """Best wall-clock and best CPU seconds of ``repeat`` passes of ``run`` over
    ``args``.  The best, not the mean: noise from other processes only ever adds."""
    wall = cpu = float("inf")
    for _ in range(repeat):
        corpus.cold_caches()
        w0, c0 = time.perf_counter(), time.process_time()
        for a in args:
            run(a)
        wall = min(wall, time.perf_counter() - w0)
        cpu = min(cpu, time.process_time() - c0)
    return wall, cpu


def measure(texts: list, stages, repeat: int) -> dict:
    """``{stage: (wall_s, cpu_s)}`` over ``texts``, after one warm-up document (Punkt
    parameters and the data tables load once per process, not per corpus)."""
    api.extract(texts[0])
    out = {}
    for name in stages:
        _, prepare, run = STAGES[name]
        args = [prepare(t) for t in texts]
        out[name] = time_stage(run, args, repeat)
    return out


def corpora(limit) -> dict:
    """``{name: [text, ...]}`` for the two real corpora."""
    return {
        "polnear-train": [t for _, t in corpus.sample(corpus.polnear(), limit)],
        "ecbplus": [t for _, t, _ in corpus.sample(corpus.ecbplus(), limit)],
    }


def table(results: dict, sizes: dict) -> str:
    """A Markdown table: one row per corpus and stage."""
    rows = ["| corpus | stage | docs | chars | wall s | chars/s (wall) | CPU s | chars/s (CPU) |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, stages in results.items():
        docs, chars = sizes[name]
        for stage, (wall, cpu) in stages.items():
            rows.append(f"| {name} | {stage} | {docs} | {chars:,} | {wall:.2f} | {chars / wall:,.0f} "
                        f"| {cpu:.2f} | {chars / cpu:,.0f} |")
    return "\n".join(rows)


def profile(texts: list, top: int) -> str:
    """The ``top`` functions by own time, then by cumulative time, over one
    :func:`quotecheck.extract` pass on ``texts``."""
    api.extract(texts[0])
    corpus.cold_caches()
    return corpus.profile_text(lambda: [api.extract(t) for t in texts], top)


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--limit", type=int, help="a spread sample of about N documents per corpus")
    p.add_argument("--repeat", type=int, default=3, help="passes per figure; the best counts")
    p.add_argument("--stages", default=",".join(STAGES), help="comma-separated, of: " + ", ".join(STAGES))
    p.add_argument("--profile", type=int, metavar="N", help="also print the N hottest functions")
    args = p.parse_args(argv)
    stages = [s for s in args.stages.split(",") if s]
    texts = corpora(args.limit)
    sizes = {k: (len(v), sum(map(len, v))) for k, v in texts.items()}
    print(f"# quotecheck throughput, one process\n{corpus.machine()}\n")
    results = {}
    for name, ts in texts.items():
        corpus.log(f"measuring {name} ({sizes[name][0]} docs)...")
        results[name] = measure(ts, stages, args.repeat)
    print(table(results, sizes))
    if args.profile:
        both = [t for ts in texts.values() for t in ts]
        print(f"\n# cProfile of extract over both corpora ({len(both)} docs)\n")
        print(profile(both, args.profile))


if __name__ == "__main__":
    main()
