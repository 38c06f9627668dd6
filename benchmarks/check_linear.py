"""Is ``quotecheck check`` near-linear?  The cross-source check on N and on 8N documents.

    python benchmarks/check_linear.py                 # N = 1000 and 8000, ungrouped
    python benchmarks/check_linear.py --n 500 --mode stories

The corpora are :mod:`scale`'s (copies of the 1,906 real PolNeAR and ECB+ articles, a
quote dropped here and a digit changed there, each distinct article extracted once and
cached); ``ungrouped`` is the hard case, where every copy joins the original's clusters
and clusters grow with the corpus.  Each size is checked in a fresh forked process and
timed by wall clock and by CPU time (the steadier figure on a shared machine); the
script prints both and the ratio 8N / N, against the target of at most 10x.  Extraction
is left out: it is per document, linear by construction (``benchmarks/throughput.py``).
"""
from __future__ import annotations

import argparse
import os
import sys

import corpus
import scale


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, default=1000, help="the smaller corpus (default 1000)")
    p.add_argument("--factor", type=int, default=8, help="the larger corpus is N times this (default 8)")
    p.add_argument("--mode", choices=["ungrouped", "batches", "stories"], default="ungrouped")
    p.add_argument("--jobs", type=int, default=1, help="processes for the one-off extraction")
    args = p.parse_args(argv)

    print(corpus.machine())
    base = scale.base_documents(args.jobs)
    rows = []
    for n in (args.n, args.n * args.factor):
        corpus.log(f"checking {n:,} documents...")
        rows.append(scale.run_size(base, n, args.mode, False))
    print(f"\n`check` ({args.mode}), each size in a fresh process:\n")
    print("| docs | quotes | clusters | findings | wall s | CPU s |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        print(f"| {r['n']:,} | {r['quotes']:,} | {r['clusters']:,} | {r['findings']:,} "
              f"| {r['seconds']:.2f} | {r['cpu']:.2f} |")
    small, big = rows
    wall, cpu = big["seconds"] / small["seconds"], big["cpu"] / small["cpu"]
    verdict = "met" if cpu <= 10 else "NOT met"
    print(f"\n{args.factor}x the documents: {wall:.2f}x the wall time, {cpu:.2f}x the CPU time "
          f"(target: at most 10x; {verdict} by CPU time)")
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
