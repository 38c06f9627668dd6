"""Coverage-guided fuzzing of the public functions with atheris (libFuzzer).

    pip install atheris            # into the venv for the run; not a dependency
    python benchmarks/fuzz_extract.py -max_total_time=300 -rss_limit_mb=2048 /tmp/fuzz-corpus
    python benchmarks/fuzz_extract.py crash-<hash>          # replay one finding

Each input is raw bytes: the first byte picks the target (``extract_bytes`` on the bytes,
``extract`` on them decoded as UTF-8 with surrogates escaped so that every str can
arise, or ``check`` on the text split in three documents at NUL-free places).  Any
exception, or a span that does not index the text it claims, is a crash that libFuzzer
saves as ``crash-*``.  A per-input time limit (``-timeout=N``, default 20 s here) turns a
super-linear case into a saved ``timeout-*`` file.
"""
from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import quotecheck
    from quotecheck.model import SPEECH_KINDS


def _check_doc(doc) -> None:
    t = doc.text
    for q in doc.quotes:
        if t[q.start:q.end] != q.text or not (q.start <= q.inner_start <= q.inner_end <= q.end):
            raise AssertionError(f"bad quote span {q.start}:{q.end}")
        a = q.attribution
        if a.mention_start is not None and t[a.mention_start:a.mention_end] != a.mention:
            raise AssertionError(f"bad mention span {a.mention_start}:{a.mention_end}")
        if a.cue_start is not None and t[a.cue_start:a.cue_end] != a.cue:
            raise AssertionError(f"bad cue span {a.cue_start}:{a.cue_end}")
    speech = [q for q in doc.quotes if q.kind in SPEECH_KINDS]
    for x, y in zip(speech, speech[1:]):
        nested = (x.start <= y.start and y.end <= x.end) or (y.start <= x.start and x.end <= y.end)
        if y.start < x.end and not nested:
            raise AssertionError(f"overlapping speech {x.start}:{x.end} {y.start}:{y.end}")


def test_one(data: bytes) -> None:
    if not data:
        return
    target, body = data[0] % 3, data[1:]
    if target == 0:
        doc = quotecheck.extract_bytes(body, "fuzz")
        if doc.status not in ("ok", "empty", "error"):
            raise AssertionError(doc.status)
        _check_doc(doc)
    elif target == 1:
        text = body.decode("utf-8", "surrogateescape")
        _check_doc(quotecheck.extract(text))
    else:
        text = body.decode("utf-8", "replace")
        n = len(text)
        parts = [text[: n // 3], text[n // 3: 2 * n // 3], text[2 * n // 3:]]
        report = quotecheck.check([(f"d{i}", p) for i, p in enumerate(parts)])
        docs = {d.source: d for d in report.documents}
        for f in report.findings:
            for s in f.sides:
                if docs[s.source].text[s.start:s.end] != s.text:
                    raise AssertionError(f"bad finding side {s}")
        report.to_json()


def main() -> None:
    argv = list(sys.argv)
    if not any(a.startswith("-timeout=") for a in argv):
        argv.append("-timeout=20")
    atheris.Setup(argv, test_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
