"""What compiling each module with mypyc gains on extraction, measured in one interleaved run.

    python benchmarks/compiled_gain.py                        # pure, each candidate alone, all together
    python benchmarks/compiled_gain.py --modules clauses,text --repeat 4
    python benchmarks/compiled_gain.py --build-dir /tmp/qc-builds --reuse   # keep builds between runs

Each build is a copy of this tree (``quotecheck/``, ``setup.py``, ``pyproject.toml``) in
``--build-dir``, built with ``QUOTECHECK_COMPILE=1 QUOTECHECK_COMPILE_ONLY=... python setup.py
build_ext --inplace`` (the ``.so`` files beside the ``.py`` files; the copy ``pure`` is not
built).  Builds: ``pure``; one per module in ``--modules`` (that module alone compiled); and
``all`` (every module of ``--modules`` together, compiled modules calling each other natively).

Then, for ``--repeat`` rounds, every build is timed in turn (pure, a, b, ..., all, pure, a,
...): a fresh process with the copy first on ``sys.path`` extracts the corpus
(:func:`quotecheck.extract` on each text; memo caches emptied before the pass, one warm-up
document before it, as ``throughput.py`` does) and reports its CPU seconds.  The best of the
rounds counts: on a shared machine noise only ever adds.  The corpus is ``--articles``
PolNeAR train articles (the 840 of the file, then the first ones again, as ``jobs.py``).

Every pass also hashes the ``repr`` of every Document it made; a build whose hash differs
from ``pure``'s is reported as ``DIFFERENT`` and the script exits 1 (``tools/build_outputs.py
--compare`` is the full check, through the CLI, on all the development data).
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import shutil
import subprocess
import sys
import time

import corpus

CANDIDATES = ("text,quotes,quote_kinds,clauses,nameindex,cues,phrases,own_sentence,subjects,antecedents,"
              "speaker_lexicon,words,mentions,names,quote_saying")

#: Run in the child: time one cold pass of extraction over the texts in argv[1] (JSON list).
CHILD = r"""
import hashlib, json, sys, time
sys.path.insert(0, sys.argv[2])
import corpus
from quotecheck import api
texts = json.load(open(sys.argv[1], encoding="utf-8"))
api.extract(texts[0])
corpus.cold_caches()
c0, w0 = time.process_time(), time.perf_counter()
docs = [api.extract(t) for t in texts]
cpu, wall = time.process_time() - c0, time.perf_counter() - w0
h = hashlib.sha256()
for d in docs:
    h.update(repr(d).encode("utf-8"))
compiled = sorted(n.split(".", 1)[1] for n, m in list(sys.modules.items())
                  if n.startswith("quotecheck.") and not (getattr(m, "__file__", None) or ".py").endswith(".py"))
print(json.dumps({"cpu": cpu, "wall": wall, "hash": h.hexdigest(), "compiled": compiled}))
"""


def build(root: pathlib.Path, dest: pathlib.Path, modules: list, reuse: bool) -> None:
    """A copy of the tree at ``dest`` with ``modules`` compiled (none: pure Python)."""
    if reuse and (dest / "quotecheck").is_dir():
        return
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copytree(root / "quotecheck", dest / "quotecheck",
                    ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    for name in ("setup.py", "pyproject.toml", "README.md"):
        shutil.copy2(root / name, dest / name)
    if not modules:
        return
    env = dict(os.environ, QUOTECHECK_COMPILE="1", QUOTECHECK_COMPILE_ONLY=",".join(modules))
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "setup.py", "build_ext", "--inplace"], cwd=dest, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, check=False)
    if done.returncode:
        sys.exit(f"build of {modules} failed:\n{done.stdout.decode()[-3000:]}")
    corpus.log(f"built {','.join(modules)} in {time.perf_counter() - t0:.0f} s")


def time_build(tree: pathlib.Path, texts_file: pathlib.Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(tree))
    done = subprocess.run([sys.executable, "-c", CHILD, str(texts_file), str(pathlib.Path(__file__).parent)],
                          cwd=tree, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if done.returncode:
        sys.exit(f"timing {tree} failed:\n{done.stderr.decode()[-3000:]}")
    return json.loads(done.stdout.decode().strip().splitlines()[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--modules", default=CANDIDATES, help=f"comma-separated candidates (default {CANDIDATES})")
    ap.add_argument("--also", action="append", default=[], metavar="A,B",
                    help="another build with these modules compiled together (repeatable)")
    ap.add_argument("--articles", type=int, default=1000, help="PolNeAR train articles (default 1000)")
    ap.add_argument("--repeat", type=int, default=3, help="rounds; the best counts (default 3)")
    ap.add_argument("--build-dir", default="/tmp/qc-compiled-gain", help="where the copies are built")
    ap.add_argument("--reuse", action="store_true", help="keep copies already built in --build-dir")
    args = ap.parse_args(argv)

    modules = [m for m in args.modules.split(",") if m]
    builds = {"pure": []}
    builds.update({m: [m] for m in modules})
    if len(modules) > 1:
        builds["all"] = modules
    for extra in args.also:
        builds[extra] = extra.split(",")
    root = corpus.ROOT
    base = pathlib.Path(args.build_dir)
    for name, mods in builds.items():
        build(root, base / name.replace(",", "+"), mods, args.reuse)

    docs = corpus.polnear()
    texts = [docs[i % len(docs)][1] for i in range(args.articles)]
    texts_file = base / "texts.json"
    texts_file.write_text(json.dumps(texts), encoding="utf-8")
    chars = sum(map(len, texts))

    print(corpus.machine())
    print(f"{args.articles} PolNeAR articles ({chars:,} chars), quotecheck.extract in a fresh process per "
          f"pass, best of {args.repeat} rounds, builds interleaved")
    best: dict = {}
    status = 0
    for r in range(args.repeat):
        for name in builds:
            res = time_build(base / name.replace(",", "+"), texts_file)
            expect = sorted(builds[name])
            if sorted(m for m in res["compiled"] if m in expect) != expect:
                sys.exit(f"{name}: expected {expect} compiled, found {res['compiled']}")
            cpu, wall = best.get(name, (float("inf"), float("inf")))
            best[name] = (min(cpu, res["cpu"]), min(wall, res["wall"]))
            if name == "pure":
                reference = res["hash"]
            elif res["hash"] != reference:
                print(f"{name}: DIFFERENT output from pure Python")
                status = 1
            corpus.log(f"round {r + 1} {name}: {res['cpu']:.2f} s CPU")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}\n")
    print("| build | extract CPU s | chars/s (CPU) | wall s | gain (CPU) |")
    print("| --- | ---: | ---: | ---: | ---: |")
    pure = best["pure"][0]
    for name, (cpu, wall) in best.items():
        label = "pure Python" if name == "pure" else ("all of them" if name == "all" else f"`{name}`")
        gain = "" if name == "pure" else f"{pure / cpu:.3f}x"
        print(f"| {label} | {cpu:.2f} | {chars / cpu:,.0f} | {wall:.2f} | {gain} |")
    return status


if __name__ == "__main__":
    sys.exit(main())
