"""CPU time of reported-speech finding, two source trees compared in one interleaved run.

    python benchmarks/reported_speed.py --old /tmp/qc-main --new . --articles 400 --repeat 5
    python benchmarks/reported_speed.py --old /tmp/qc-main --new . --also /tmp/qc-step1   # a third tree

Each tree is a directory holding a ``quotecheck`` package (a ``git worktree`` or a ``git
archive`` of another commit).  For ``--repeat`` rounds, each tree in turn (old, new, old,
new, ...) is timed in a fresh process with that tree first on ``sys.path``: one warm-up
document, memo caches emptied, then :func:`quotecheck.extract` on every text, with
``time.process_time`` summed around every :func:`quotecheck.reported.find_reported` call and
around the whole pass.  The best round of each tree counts (on a shared machine noise only
adds).  Every pass hashes the ``repr`` of its Documents: trees whose outputs differ are
reported as ``DIFFERENT`` and the script exits 1.  The corpus is the first ``--articles``
PolNeAR train articles.
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
from quotecheck import attribution, reported
texts = json.load(open(sys.argv[1], encoding="utf-8"))
spent = [0.0]
real = reported.find_reported
def timed(doc):
    t0 = time.process_time()
    try:
        return real(doc)
    finally:
        spent[0] += time.process_time() - t0
reported.find_reported = timed  # attribution imports it from the module at each call
quotecheck.extract(texts[0])
corpus.cold_caches()
spent[0] = 0.0
c0 = time.process_time()
docs = [quotecheck.extract(t) for t in texts]
cpu = time.process_time() - c0
h = hashlib.sha256()
for d in docs:
    h.update(repr(d).encode("utf-8"))
print(json.dumps({"extract": cpu, "find_reported": spent[0], "hash": h.hexdigest()}))
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--old", required=True)
    ap.add_argument("--new", default=".")
    ap.add_argument("--also", action="append", default=[], help="another tree, timed and hashed beside them")
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--data", default=corpus.DEFAULT_DATA)
    args = ap.parse_args(argv)
    texts = [t for _id, t in corpus.polnear(args.data)][:args.articles]
    trees = {"old": str(pathlib.Path(args.old).resolve()), "new": str(pathlib.Path(args.new).resolve())}
    for extra in args.also:
        trees[extra] = str(pathlib.Path(extra).resolve())
    best: dict = {}
    hashes: dict = {}
    bench = pathlib.Path(__file__).resolve().parent
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as f:
        json.dump(texts, f)
    for r in range(args.repeat):
        for name, root in trees.items():
            out = subprocess.run([sys.executable, "-c", CHILD, f.name, root], cwd=bench, check=True,
                                 stdout=subprocess.PIPE, env={"PYTHONPATH": str(bench)}).stdout
            got = json.loads(out.decode().strip().splitlines()[-1])
            print(f"round {r + 1} {name}: extract {got['extract']:.3f} s, find_reported {got['find_reported']:.3f} s",
                  flush=True)
            hashes.setdefault(name, set()).add(got["hash"])
            for k in ("extract", "find_reported"):
                best[(name, k)] = min(best.get((name, k), got[k]), got[k])
    pathlib.Path(f.name).unlink()
    for k in ("find_reported", "extract"):
        o, n = best[("old", k)], best[("new", k)]
        print(f"{k}: old {o:.3f} s, new {n:.3f} s, new/old {n / o:.3f} (best of {args.repeat})")
    for name in args.also:
        print(f"{name}: extract {best[(name, 'extract')]:.3f} s, find_reported {best[(name, 'find_reported')]:.3f} s")
    same = len(set().union(*hashes.values())) == 1
    print("outputs identical" if same else "outputs DIFFERENT")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
