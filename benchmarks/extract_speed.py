"""CPU time of :func:`quotecheck.extract` end to end (and, with ``--reported``, of reported
speech alone), source trees compared in one interleaved run, with their outputs hashed.

    git worktree add --detach /tmp/qc-main main
    python benchmarks/extract_speed.py --old /tmp/qc-main --new . --repeat 3
    python benchmarks/extract_speed.py --old /tmp/qc-main --new . --reported --polnear-only --articles 400 --repeat 5
    python benchmarks/extract_speed.py --old /tmp/qc-main --new . --also /tmp/qc-step1   # a third tree

Each tree is a directory holding a ``quotecheck`` package (a ``git worktree`` or a ``git
archive`` of another commit).  The texts are every PolNeAR train article and every ECB+
document (``--polnear-only``: PolNeAR's alone; ``--articles`` keeps the first N).  For
``--repeat`` rounds, each tree in turn (old, new, old, new, ...) runs in a fresh process with
that tree first on ``sys.path``: one warm-up document, memo caches emptied, then ``extract``
on every text, ``time.process_time`` summed around every call (and, with ``--reported``,
around every :func:`quotecheck.reported.find_reported` call).  The best round of each tree
counts (on a shared machine noise only adds).  Every pass hashes the ``repr`` of its
Documents (SHA-256): trees whose outputs differ are reported as ``DIFFERENT`` and the script
exits 1.
"""
from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys
import tempfile

import corpus

CHILD = r"""
import hashlib, json, sys, time
sys.path.insert(0, sys.argv[2])
import corpus
import quotecheck
from quotecheck import reported
texts = json.load(open(sys.argv[1], encoding="utf-8"))
spent = [0.0]
if sys.argv[3] == "1":
    real = reported.find_reported
    def timed(doc):
        t0 = time.process_time()
        try:
            return real(doc)
        finally:
            spent[0] += time.process_time() - t0
    reported.find_reported = timed  # attribution looks it up in the module at each call
quotecheck.extract(texts[0])
corpus.cold_caches()
spent[0] = 0.0
h = hashlib.sha256()
cpu = 0.0
for t in texts:
    c0 = time.process_time()
    d = quotecheck.extract(t)
    cpu += time.process_time() - c0
    h.update(repr(d).encode("utf-8"))
print(json.dumps({"extract": cpu, "find_reported": spent[0], "hash": h.hexdigest(),
                  "file": quotecheck.__file__}))
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--old", required=True)
    ap.add_argument("--new", default=".")
    ap.add_argument("--also", action="append", default=[], help="another tree, timed and hashed beside them")
    ap.add_argument("--reported", action="store_true", help="also time reported.find_reported alone")
    ap.add_argument("--polnear-only", action="store_true", help="PolNeAR train articles only, no ECB+")
    ap.add_argument("--articles", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--data", default=corpus.DEFAULT_DATA)
    args = ap.parse_args(argv)
    texts = [t for _id, t in corpus.polnear(args.data)]
    if not args.polnear_only:
        texts += [t for _d, t, _c in corpus.ecbplus(args.data)]
    texts = texts[:args.articles] if args.articles else texts
    trees = {"old": str(pathlib.Path(args.old).resolve()), "new": str(pathlib.Path(args.new).resolve())}
    for extra in args.also:
        trees[extra] = str(pathlib.Path(extra).resolve())
    stages = ("extract", "find_reported") if args.reported else ("extract",)
    best: dict = {}
    hashes: dict = {}
    bench = pathlib.Path(__file__).resolve().parent
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as f:
        json.dump(texts, f)
    for r in range(args.repeat):
        for name, root in trees.items():
            out = subprocess.run([sys.executable, "-c", CHILD, f.name, root, "1" if args.reported else "0"],
                                 cwd=bench, check=True, stdout=subprocess.PIPE,
                                 env={"PYTHONPATH": str(bench)}).stdout
            got = json.loads(out.decode().strip().splitlines()[-1])
            times = ", ".join(f"{k} {got[k]:.3f} s" for k in stages)
            print(f"round {r + 1} {name}: {times}  {got['hash'][:12]}  {got['file']}", flush=True)
            hashes.setdefault(name, set()).add(got["hash"])
            for k in stages:
                best[(name, k)] = min(best.get((name, k), got[k]), got[k])
    pathlib.Path(f.name).unlink()
    print(f"{len(texts)} texts, best of {args.repeat}:")
    for k in stages:
        o, n = best[("old", k)], best[("new", k)]
        print(f"{k}: old {o:.3f} s, new {n:.3f} s, new/old {n / o:.3f}")
        for name in args.also:
            print(f"{k}: {name} {best[(name, k)]:.3f} s")
    same = len(set().union(*hashes.values())) == 1
    print("outputs identical" if same else "outputs DIFFERENT")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
