"""CPU time of :func:`quotecheck.extract` end to end, two source trees compared in one
interleaved run, with their outputs hashed.

    git worktree add --detach /tmp/qc-main main
    python benchmarks/extract_speed.py --old /tmp/qc-main --new . --repeat 3

The texts are every PolNeAR train article and every ECB+ document (``--articles`` keeps the
first N of them).  For ``--repeat`` rounds, each tree in turn (old, new, old, new, ...) runs in
a fresh process with that tree first on ``sys.path``: one warm-up document, memo caches
emptied, then ``extract`` on every text, ``time.process_time`` around the whole pass.  The
best round of each tree counts (on a shared machine noise only adds).  Every pass hashes the
``repr`` of its Documents (SHA-256): trees whose outputs differ are reported as
``DIFFERENT`` and the script exits 1.  (:mod:`reported_speed` is the same harness timing
reported speech alone.)
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
texts = json.load(open(sys.argv[1], encoding="utf-8"))
quotecheck.extract(texts[0])
corpus.cold_caches()
h = hashlib.sha256()
cpu = 0.0
for t in texts:
    c0 = time.process_time()
    d = quotecheck.extract(t)
    cpu += time.process_time() - c0
    h.update(repr(d).encode("utf-8"))
print(json.dumps({"extract": cpu, "hash": h.hexdigest(), "file": quotecheck.__file__}))
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--old", required=True)
    ap.add_argument("--new", default=".")
    ap.add_argument("--articles", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--data", default=corpus.DEFAULT_DATA)
    args = ap.parse_args(argv)
    texts = [t for _id, t in corpus.polnear(args.data)] + [t for _d, t, _c in corpus.ecbplus(args.data)]
    texts = texts[:args.articles] if args.articles else texts
    trees = {"old": str(pathlib.Path(args.old).resolve()), "new": str(pathlib.Path(args.new).resolve())}
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
            print(f"round {r + 1} {name}: extract {got['extract']:.3f} s  {got['hash'][:12]}  {got['file']}",
                  flush=True)
            hashes.setdefault(name, set()).add(got["hash"])
            best[name] = min(best.get(name, got["extract"]), got["extract"])
    pathlib.Path(f.name).unlink()
    o, n = best["old"], best["new"]
    print(f"{len(texts)} texts; extract: old {o:.3f} s, new {n:.3f} s, new/old {n / o:.3f} (best of {args.repeat})")
    same = len(set().union(*hashes.values())) == 1
    print("outputs identical" if same else "outputs DIFFERENT")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
