"""Generated inputs through the public functions: no exception, nothing lost, valid output.

    python benchmarks/fuzz.py                        # 10,000 byte strings + 10,000 texts
    python benchmarks/fuzz.py --bytes 2000 --texts 2000 --seed 3
    python benchmarks/fuzz.py --sarif-schema tests/sarif-schema-2.1.0.json

A benchmark, not a test (it takes minutes): every input is generated from a seed, so a
run is repeatable and a failure is reported with the seed and index that rebuild it.

* **byte strings** (``--bytes``): news-like text (the ingredients of
  ``benchmarks/hostile.py``: marks of every style, names, cue verbs, numbers) encoded as
  UTF-8, UTF-8 with a mark, UTF-16/32 with and without a mark, cp1252; then maybe
  damaged (stray NULs, flipped bytes, truncated, a mark glued on, cp1252 bytes pasted
  into UTF-8), or plain random bytes, random bytes after a UTF-16 mark, binary
  signatures.  Each goes through :func:`quotecheck.extract_bytes`.
* **texts** (``--texts``): news-like text, random Unicode (any code point, lone
  surrogates included), control characters and terminal escapes, long runs of one mark.
  Each goes through :func:`quotecheck.extract`.
* **check**: the documents in batches of 2 to 8 (near-copies added, so the
  cross-source check finds something) through :func:`quotecheck.check`, rendered as
  JSON (validated against ``benchmarks/schemas/quotecheck-report-1.0.schema.json``),
  text, HTML, GitHub annotations and SARIF (validated against the OASIS SARIF 2.1.0
  schema when ``--sarif-schema`` or ``tests/sarif-schema-2.1.0.json`` is at hand).
* **reading**: every 50th byte string is also written to a file and the files read
  back through :func:`quotecheck.api.read_documents` as one folder (``--jobs``).

What counts as a failure: any exception; a status other than ok/empty/error from bytes
(ok/empty from text); an error without a reason; a span (quote, inner, mention, cue,
finding side, cluster member, warning) that does not index its document's text; a
report that has fewer or other documents than it was given, or in another order; an
output that is not valid JSON or fails its schema.  The figures printed: inputs per
status, decodings per encoding, quotes, findings, time, and every failure (at most
``--show`` of each kind).  Exit status 1 on any failure.
"""
from __future__ import annotations

import argparse
import codecs
import collections
import json
import os
import random
import re
import sys
import tempfile
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))  # this checkout's quotecheck

import quotecheck  # noqa: E402
from quotecheck import api, report  # noqa: E402

import hostile  # noqa: E402

MARKS = ["“", "”", '"', "'", "‘", "’", "«", "»", "„", "‹", "›", "「", "」", "`", "``", "''", "« ", " »"]
CONTROL = ["\x00", "\x07", "\x08", "\x1b[31m", "\x1b[0m", "\x1b]0;x\x07", "\r", "\x0b", "\x0c", "\x1f",
           "\x7f", "\x85", "\u200b", "\u202e", "\ufeff", "\u2028", "\u2029", "\ufffd", "::error::", "##[error]"]
BREAKS = ["\n", "\n\n", "\r\n", "\r", " ", "\u2029"]
MAGIC = [b"\x89PNG\r\n\x1a\n", b"%PDF-1.7\n", b"\x1f\x8b\x08\x00", b"PK\x03\x04", b"\x7fELF", b"\xff\xd8\xff\xe0"]


# --- generators ------------------------------------------------------------------------------

def news_like(rng: random.Random, max_len: int = 1500) -> str:
    """Sentences with quotations in every style, names, cue verbs and numbers."""
    out = []
    while sum(map(len, out)) < rng.randint(20, max_len):
        o, c = rng.choice([("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»"), ("„", "“"), ("'", "'"), ("``", "''")])
        words = " ".join(rng.choice(hostile.WORDS) for _ in range(rng.randint(1, 12)))
        if rng.random() < 0.2:
            words += f" {rng.randint(1, 999)} {rng.choice(['million', 'percent', 'billion dollars'])}"
        if rng.random() < 0.15:
            words = words.replace(" would ", " would not ")
        name, cue = rng.choice(hostile.NAMES + ["he", "she", "a spokesman", "the president"]), rng.choice(hostile.CUES)
        shape = rng.randrange(6)
        if shape == 0:
            s = f"{o}{words},{c} {name} {cue}."
        elif shape == 1:
            s = f"{name} {cue}: {o}{words}.{c}"
        elif shape == 2:
            s = f"{name} {cue} that {words}."
        elif shape == 3:
            s = f"{o}{words}{rng.choice(['', ',', '.'])}"  # unclosed
        elif shape == 4:
            s = f"The {words} {o}{rng.choice(hostile.WORDS)}{c} plan."
        else:
            s = f"{o}{words}, {o}{rng.choice(hostile.WORDS)}{c}{c} {cue} {name}."
        out.append(s + rng.choice(BREAKS))
    return "".join(out)


def random_text(rng: random.Random) -> str:
    kind = rng.randrange(5)
    n = rng.randint(0, 600)
    if kind == 0:  # any code point, lone surrogates included
        return "".join(chr(rng.randrange(0x110000)) for _ in range(n))
    if kind == 1:  # mostly marks
        return "".join(rng.choice(MARKS + [" ", "a", ".", "\n"]) for _ in range(n))
    if kind == 2:  # news with controls sprinkled in
        t = list(news_like(rng, 800))
        for _ in range(rng.randint(1, 20)):
            t.insert(rng.randrange(len(t) + 1), rng.choice(CONTROL))
        return "".join(t)
    if kind == 3:  # one long run
        return rng.choice(MARKS + [".", " ", "'", "A"]) * rng.randint(1, 5000)
    return "".join(rng.choice("abc “”\"'‘’.,!?\n \u00a0—…语Жé") for _ in range(n))


def text_input(rng: random.Random) -> str:
    return news_like(rng) if rng.random() < 0.6 else random_text(rng)


def damage(rng: random.Random, data: bytes) -> bytes:
    """One of the ways files get damaged: stray NULs, flipped bytes, a cut, a mark
    glued on, a cp1252 quote pasted into UTF-8."""
    d = bytearray(data)
    how = rng.randrange(6)
    if how == 0 and d:
        for _ in range(rng.randint(1, 3)):
            d.insert(rng.randrange(len(d) + 1), 0)
    elif how == 1 and d:
        for _ in range(rng.randint(1, 8)):
            d[rng.randrange(len(d))] = rng.randrange(256)
    elif how == 2 and d:
        d = d[: rng.randrange(len(d))]
    elif how == 3:
        d = bytearray(rng.choice([codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE])) + d
    elif how == 4:
        d += b"\x93Quoted,\x94 he said.\x85"
    else:
        d += bytes(rng.randint(0, 64))  # trailing NUL padding
    return bytes(d)


def bytes_input(rng: random.Random) -> bytes:
    kind = rng.randrange(10)
    if kind <= 5:
        text = news_like(rng)
        codec = rng.choice(["utf-8", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32",
                            "utf-32-le", "cp1252"])
        data = text.encode(codec, errors="replace" if codec == "cp1252" else "surrogatepass")
        return damage(rng, data) if kind >= 3 else data
    if kind == 6:
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 800)))
    if kind == 7:
        return rng.choice([codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE]) + bytes(
            rng.randrange(256) for _ in range(rng.randint(0, 400)))
    if kind == 8:
        return rng.choice(MAGIC) + bytes(rng.randrange(256) for _ in range(rng.randint(0, 200)))
    return random_text(rng).encode("utf-8", "surrogatepass")


# --- checks ------------------------------------------------------------------------------------

class Failures:
    def __init__(self, show: int):
        self.by_kind = collections.defaultdict(list)
        self.show = show

    def add(self, kind: str, where: str, detail: str) -> None:
        self.by_kind[kind].append((where, detail))

    def total(self) -> int:
        return sum(map(len, self.by_kind.values()))

    def print(self) -> None:
        for kind, items in sorted(self.by_kind.items()):
            # the same message with other numbers is one cause: count them together
            shapes = collections.Counter(re.sub(r"\d+", "N", detail[:200]) for _, detail in items)
            print(f"FAIL {kind}: {len(items)} ({len(shapes)} distinct: "
                  + "; ".join(f"{n} x {shape}" for shape, n in shapes.most_common(self.show)) + ")")
            for where, detail in items[: self.show]:
                print(f"    {where}: {detail[:300]}")


def span_problems(doc) -> list:
    """Every span of a document that does not index its text."""
    t, n, bad = doc.text, len(doc.text), []
    for i, q in enumerate(doc.quotes):
        if not (0 <= q.start <= q.inner_start <= q.inner_end <= q.end <= n) or t[q.start:q.end] != q.text:
            bad.append(f"quote {i} {q.start}:{q.end}")
        a = q.attribution
        if a.mention_start is not None and t[a.mention_start:a.mention_end] != a.mention:
            bad.append(f"mention of quote {i}")
        if a.cue_start is not None and t[a.cue_start:a.cue_end] != a.cue:
            bad.append(f"cue of quote {i}")
        if q.parent is not None and not (0 <= q.parent < len(doc.quotes)):
            bad.append(f"parent of quote {i}")
    for w in doc.warnings:
        if w.start is not None and not (0 <= w.start <= (w.end if w.end is not None else w.start) <= n):
            bad.append(f"warning {w.code} {w.start}:{w.end}")
    return bad


def report_span_problems(rep) -> list:
    """Every finding side and cluster member of a report that does not index its
    document's text."""
    texts = {d.source: d.text for d in rep.documents}
    spans = ([("finding side", s) for f in rep.findings for s in f.sides]
             + [("cluster member", s) for c in rep.clusters for s in c.members])
    return [f"{what} {s.source} {s.start}:{s.end}" for what, s in spans
            if texts.get(s.source, "")[s.start:s.end] != s.text]


def check_document(doc, fails: Failures, where: str, from_bytes: bool) -> None:
    allowed = ("ok", "empty", "error") if from_bytes else ("ok", "empty")
    if doc.status not in allowed:
        fails.add("status", where, doc.status)
    if doc.status == "error" and not doc.error:
        fails.add("error-without-reason", where, repr(doc))
    for p in span_problems(doc):
        fails.add("span", where, p)


def check_report(rep, docs, fails: Failures, where: str, validators: dict) -> None:
    given = [d.source for d in docs]
    got = [d.source for d in rep.documents]
    if got != given:
        fails.add("lost-document", where, f"gave {given}, got {got}")
    for p in report_span_problems(rep):
        fails.add("span", where, p)
    for name, render in (("json", report.to_json), ("sarif", report.to_sarif)):
        try:
            data = json.loads(render(rep))
        except Exception as e:  # noqa: BLE001 - a failure to report
            fails.add(f"{name}-invalid", where, f"{type(e).__name__}: {e}")
            continue
        if name == "json" and len(data.get("documents", ())) != len(docs):
            fails.add("lost-document", where, f"JSON has {len(data.get('documents', ()))} of {len(docs)}")
        v = validators.get(name)
        if v is not None:
            for e in v.iter_errors(data):
                fails.add(f"{name}-schema", where, f"{'/'.join(map(str, e.absolute_path))}: {e.message}")
    for name in ("to_text", "to_html", "to_github"):
        render = getattr(report, name, None)
        if render is not None:
            render(rep)


def validators(sarif_path) -> dict:
    """JSON Schema validators for the JSON report and SARIF (when the schemas are here)."""
    try:
        import jsonschema
    except ImportError:
        print("# jsonschema is not installed: outputs are parsed but not validated")
        return {}
    out = {}
    with open(os.path.join(HERE, "schemas", "quotecheck-report-1.0.schema.json"), encoding="utf-8") as f:
        out["json"] = jsonschema.Draft7Validator(json.load(f))
    sarif_path = sarif_path or os.path.join(os.path.dirname(HERE), "tests", "sarif-schema-2.1.0.json")
    if os.path.exists(sarif_path):
        with open(sarif_path, encoding="utf-8") as f:
            out["sarif"] = jsonschema.Draft4Validator(json.load(f))
    else:
        print(f"# no SARIF schema at {sarif_path}: SARIF is parsed but not validated")
    return out


# --- the run -----------------------------------------------------------------------------------

class Tally:
    """What the extraction loops count: statuses, decodings, quotes."""

    def __init__(self):
        self.status, self.encodings, self.quotes = collections.Counter(), collections.Counter(), 0

    def add(self, doc, from_bytes: bool) -> None:
        self.status[doc.status] += 1
        if from_bytes:
            self.encodings[doc.encoding or "-"] += 1
        self.quotes += len(doc.quotes)


def guarded(fails: Failures, kind: str, where: str, func, *args):
    """``func(*args)``, or None with the exception recorded as a failure."""
    try:
        return func(*args)
    except Exception as e:  # noqa: BLE001 - every exception is a finding of the fuzz run
        fails.add(f"exception-{kind}", where, f"{type(e).__name__}: {e} | {traceback.format_exc(limit=-2)!r}")
        return None


def extract_each(label: str, inputs, extract, from_bytes: bool, fails: Failures, tally: Tally,
                 seed: int, on_input=None) -> list:
    """Each generated input through ``extract`` (``extract_bytes`` or ``extract``), every
    document checked (status, reason, spans; a text kept as given) and counted; the
    documents, in order.  ``on_input(i, input)`` sees every input (to keep some)."""
    docs = []
    for i, given in enumerate(inputs):
        if on_input is not None:
            on_input(i, given)
        where = f"seed {seed} {label} {i}"
        doc = guarded(fails, extract.__name__, where, extract, given, f"{label[0]}{i}")
        if doc is None:
            continue
        check_document(doc, fails, where, from_bytes)
        if not from_bytes and doc.text != given:
            fails.add("text-changed", where, "Document.text is not the text given")
        tally.add(doc, from_bytes)
        docs.append(doc)
    return docs


def run(n_bytes: int, n_texts: int, seed: int, show: int, sarif: str, jobs: int) -> int:
    rng = random.Random(seed)
    fails = Failures(show)
    v = validators(sarif)
    tally = Tally()
    n_findings = n_reports = 0
    kept_bytes = []
    t0 = time.process_time()

    def keep(i, data):
        if i % 50 == 0:
            kept_bytes.append(data)

    docs = extract_each("bytes", (bytes_input(rng) for _ in range(n_bytes)), quotecheck.extract_bytes, True,
                        fails, tally, seed, keep)
    t_bytes = time.process_time() - t0
    docs += extract_each("text", (text_input(rng) for _ in range(n_texts)), quotecheck.extract, False,
                         fails, tally, seed)
    t_texts = time.process_time() - t0 - t_bytes

    # check(): batches of read documents plus near-copies of some of their texts
    order = list(range(len(docs)))
    rng.shuffle(order)
    k = 0
    while k < len(order):
        size = rng.randint(2, 8)
        batch = [docs[j] for j in order[k:k + size]]
        k += size
        extra = [quotecheck.extract(d.text[: max(1, len(d.text) - rng.randint(0, 40))], source=f"{d.source}~copy")
                 for d in batch if d.quotes and rng.random() < 0.5]
        batch += extra
        where = f"seed {seed} check {n_reports} ({', '.join(d.source for d in batch)})"
        rep = guarded(fails, "check", where, quotecheck.check, batch)
        n_reports += 1
        if rep is not None:
            n_findings += len(rep.findings)
            guarded(fails, "render", where, check_report, rep, batch, fails, where, v)
    t_check = time.process_time() - t0 - t_bytes - t_texts

    # reading from disk: one folder of files, nothing lost whatever --jobs is
    with tempfile.TemporaryDirectory(prefix="quotecheck-fuzz-") as folder:
        for i, data in enumerate(kept_bytes):
            with open(os.path.join(folder, f"{i:05}.txt"), "wb") as f:
                f.write(data)
        read = guarded(fails, "read_documents", f"seed {seed} folder", api.read_documents, [folder], jobs) or []
        if len(read) != len(kept_bytes):
            fails.add("lost-document", f"seed {seed} folder", f"{len(kept_bytes)} files, {len(read)} documents")
        for d in read:
            check_document(d, fails, f"seed {seed} file {os.path.basename(d.source)}", True)

    print(f"# quotecheck fuzz: seed {seed}; {n_bytes} byte strings, {n_texts} texts, "
          f"{n_reports} check() reports, {len(kept_bytes)} files read back (--jobs {jobs})")
    print(f"# schemas: {', '.join(sorted(v)) or 'none'}")
    print(f"statuses: {dict(sorted(tally.status.items()))}")
    print(f"encodings: {dict(tally.encodings.most_common())}")
    print(f"quotes: {tally.quotes}; findings: {n_findings}")
    print(f"CPU: extract_bytes {t_bytes:.1f} s, extract {t_texts:.1f} s, check + outputs {t_check:.1f} s")
    fails.print()
    print(f"failures: {fails.total()}")
    return 1 if fails.total() else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bytes", type=int, default=10_000, help="generated byte strings (default 10000)")
    ap.add_argument("--texts", type=int, default=10_000, help="generated texts (default 10000)")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--show", type=int, default=5, help="failures shown per kind")
    ap.add_argument("--sarif-schema", help="the OASIS SARIF 2.1.0 schema (default: tests/sarif-schema-2.1.0.json)")
    ap.add_argument("--jobs", type=int, default=2, help="processes for the folder read back (default 2)")
    a = ap.parse_args(argv)
    return run(a.bytes, a.texts, a.seed, a.show, a.sarif_schema, a.jobs)


if __name__ == "__main__":
    sys.exit(main())
