"""``--jobs 1`` against ``--jobs 2`` through the CLI, on news articles and on tiny files.

    python benchmarks/jobs.py                          # 1,000 PolNeAR articles, 5,000 tiny files
    python benchmarks/jobs.py --repeat 5 --jobs 1,2,4
    python benchmarks/jobs.py --against /work/main     # and the same runs with another checkout

Each run is ``python -m quotecheck extract --format jsonl --jobs N CORPUS -o OUT`` in a
fresh process (start-up included: that is what a user waits for), timed by wall clock.
The runs are interleaved (jobs 1, jobs 2, jobs 1, ... and, with ``--against``, the other
checkout's runs between them) and repeated, and the best of ``--repeat`` is reported: on a
machine shared with other work, noise only ever adds.  The load average before and after
is printed, since a second process needs a second idle core to pay.

The corpora are made in a temporary folder and removed afterwards:

* ``articles``: the first ``--articles`` PolNeAR train articles as one JSONL corpus (the
  840 of the file, repeated with ``~k`` ids when more are asked for);
* ``tiny``: ``--tiny`` files of one or two made-up sentences each, 100 to a folder: the
  case where starting worker processes and sending tasks back and forth cost more than
  the work.

Every run's output is compared byte for byte with the first run's of the same corpus
(``--jobs 1`` of this checkout): a difference is reported as ``DIFFERENT`` and makes the
script exit 1.
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import resource
import shutil
import subprocess
import sys
import tempfile
import time

import corpus

TINY = [
    "“We will not raise taxes,” the mayor said on {d} March.",
    "The council met on Tuesday. “It was a long night,” said Ana Ruiz, {d}.",
    "Nothing was quoted in note {d}.",
    "“{d} people came,” a spokesman said. “More than last year.”",
]


def make_articles(folder: pathlib.Path, n: int) -> pathlib.Path:
    """``n`` PolNeAR train articles as one JSONL file (repeated, with new ids, past 840)."""
    docs = corpus.polnear()
    path = folder / "articles.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            rid, text = docs[i % len(docs)]
            k = i // len(docs)
            f.write(json.dumps({"id": rid if k == 0 else f"{rid}~{k}", "text": text}) + "\n")
    return path


def make_tiny(folder: pathlib.Path, n: int) -> pathlib.Path:
    """``n`` small text files, 100 to a sub-folder."""
    root = folder / "tiny"
    for i in range(n):
        sub = root / f"d{i // 100:03d}"
        if i % 100 == 0:
            sub.mkdir(parents=True)
        (sub / f"{i:05d}.txt").write_text(TINY[i % len(TINY)].format(d=i % 97 + 2), encoding="utf-8")
    return root


#: ``python -m quotecheck ARGS`` that also says, on its last stderr line, the CPU seconds
#: of the main process alone (the part that a second worker cannot take over).
MAIN = ("import resource, sys; from quotecheck import cli; code = cli.main(sys.argv[1:]); "
        "r = resource.getrusage(resource.RUSAGE_SELF); "
        "sys.stderr.write('\\nmain-cpu %f\\n' % (r.ru_utime + r.ru_stime)); sys.exit(code)")


def run(tree: pathlib.Path, target: pathlib.Path, jobs: int, out: pathlib.Path) -> tuple:
    """``(wall s, CPU s of all processes, CPU s of the main process)`` of one CLI run
    of the checkout ``tree`` (its package first on the path)."""
    env = dict(os.environ, PYTHONPATH=str(tree), NO_COLOR="1")
    cmd = [sys.executable, "-c", MAIN, "extract", "--format", "jsonl", "--no-progress",
           "--no-config", "--jobs", str(jobs), str(target), "-o", str(out)]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=tree, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    # wait4's usage of the child includes the workers it waited for
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err.decode()[-2000:]}")
    main_cpu = float(err.decode().rsplit("main-cpu ", 1)[1])
    return wall, usage.ru_utime + usage.ru_stime, main_cpu


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1000, help="PolNeAR articles (default 1000)")
    ap.add_argument("--tiny", type=int, default=5000, help="tiny files (default 5000)")
    ap.add_argument("--jobs", default="1,2", help="comma-separated --jobs values (default 1,2)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each, best kept (default 3)")
    ap.add_argument("--against", metavar="DIR", action="append", default=[],
                    help="another checkout to time the same way (before/after in one run)")
    ap.add_argument("--corpora", default="articles,tiny", help="which corpora (default articles,tiny)")
    args = ap.parse_args(argv)

    jobs = [int(j) for j in args.jobs.split(",")]
    trees = [("this", corpus.ROOT)] + [(pathlib.Path(d).name, pathlib.Path(d).resolve()) for d in args.against]
    print(corpus.machine())
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="qc-jobs-"))
    status = 0
    try:
        targets = {}
        names = args.corpora.split(",")
        if "articles" in names:
            targets["articles"] = (make_articles(tmp, args.articles), f"{args.articles} PolNeAR articles")
        if "tiny" in names:
            targets["tiny"] = (make_tiny(tmp, args.tiny), f"{args.tiny} tiny files")
        for name, (target, label) in targets.items():
            size = target.stat().st_size if target.is_file() else sum(
                p.stat().st_size for p in target.rglob("*.txt"))
            print(f"\n{label} ({size:,} bytes), best of {args.repeat}, runs interleaved:")
            best, cpu = {}, {}
            reference = None
            for r in range(args.repeat):
                for tname, tree in trees:
                    for j in jobs:
                        out = tmp / f"{name}-{tname}-{j}.jsonl"
                        before = resource.getrusage(resource.RUSAGE_CHILDREN)
                        wall, after, main_cpu = run(tree, target, j, out)
                        if wall < best.get((tname, j), float("inf")):
                            best[tname, j] = wall
                            cpu[tname, j] = (after - before.ru_utime - before.ru_stime, main_cpu)
                        data = out.read_bytes()
                        if reference is None:
                            reference = data
                        elif data != reference:
                            best[tname, j, "diff"] = True
            for tname, _ in trees:
                base = best[tname, jobs[0]]
                for j in jobs:
                    same = "DIFFERENT" if best.get((tname, j, "diff")) else "identical"
                    status |= same == "DIFFERENT"
                    print(f"  {tname:>10} --jobs {j}: {best[tname, j]:7.2f} s wall  "
                          f"{base / best[tname, j]:5.2f}x  CPU {cpu[tname, j][0]:6.2f} s in all, "
                          f"{cpu[tname, j][1]:6.2f} s main process  output {same}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"\nload average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return status


if __name__ == "__main__":
    sys.exit(main())
