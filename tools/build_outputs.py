"""The outputs two builds must agree on byte for byte (pure Python and compiled, see setup.py).

    python tools/build_outputs.py OUTDIR          # write them with the quotecheck imported here
    python tools/build_outputs.py OUTDIR --compare OTHERDIR   # and exit 1 unless identical

Writes, through the CLI (``python -m quotecheck``, the package importable from the
current directory), ``extract --format jsonl`` of the seeds and of PolNeAR dev and train,
and ``check --format json`` of the seeds and of ECB+ (the development data, from
``../shared/data`` when it is there).  Also says which quotecheck modules are compiled,
so a comparison of two pure builds cannot pass for one of two builds.
"""
from __future__ import annotations

import argparse
import importlib
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = pathlib.Path(os.environ.get("QUOTECHECK_DATA", ROOT.parent / "shared" / "data"))


def runs() -> dict:
    """name -> CLI arguments (inputs that exist only)."""
    seeds = sorted(f"seeds/{p.name}" for p in (ROOT / "seeds").glob("*.txt"))  # relative: the same in any copy
    out = {"seeds-extract": ["extract", "--format", "jsonl", *seeds],
           "seeds-check": ["check", "--format", "json", "--fail-on", "never", *seeds]}
    polnear = [str(DATA / f"polnear-{s}.jsonl") for s in ("dev", "train") if (DATA / f"polnear-{s}.jsonl").exists()]
    if polnear:
        out["polnear-extract"] = ["extract", "--format", "jsonl", *polnear]
    if (DATA / "ecbplus").is_dir():
        out["ecbplus-check"] = ["check", "--format", "json", "--fail-on", "never", str(DATA / "ecbplus")]
    return out


def compiled_modules() -> list:
    """The quotecheck modules loaded from a compiled extension rather than a .py file."""
    names = sorted(p.stem for p in (ROOT / "quotecheck").glob("*.py"))
    return [n for n in names if not importlib.import_module(f"quotecheck.{n}").__file__.endswith(".py")]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--compare", metavar="OTHERDIR", help="exit 1 unless every output equals OTHERDIR's")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    out = pathlib.Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    print(f"compiled modules: {', '.join(compiled_modules()) or 'none (pure Python)'}")
    env = dict(os.environ, NO_COLOR="1", PYTHONPATH=str(ROOT))
    for name, cli in runs().items():
        with open(out / f"{name}.out", "wb") as f:
            done = subprocess.run([sys.executable, "-m", "quotecheck", *cli, "--no-progress", "--no-config"],
                                  cwd=ROOT, env=env, stdout=f, stderr=subprocess.PIPE, check=False)
        if done.returncode not in (0, 1):
            print(f"{name}: exit {done.returncode}: {done.stderr.decode()[-500:]}")
            return 2
    if not args.compare:
        return 0
    status = 0
    for name in runs():
        a, b = (out / f"{name}.out").read_bytes(), (pathlib.Path(args.compare) / f"{name}.out").read_bytes()
        same = a == b
        status |= not same
        print(f"{name}: {len(a):,} bytes, {'identical' if same else 'DIFFERENT'}")
    return status


if __name__ == "__main__":
    sys.exit(main())
