"""Rendering: records to JSON, JSONL and text; what every renderer shares.

GitHub annotations and SARIF live in :mod:`quotecheck.report_ci`, the HTML page in
:mod:`quotecheck.report_html`; :func:`to_github`, :func:`to_sarif` and :func:`to_html` are
reachable from here too.  Renderers only read records; they decide nothing about quotes.
They share four rules:

* findings come in one order everywhere (:func:`ordered`: most severe first, then as the
  check gave them), so the JSON, SARIF and annotations list them as the text does;

* every document appears in every format with its status, so nothing is lost silently;
* the same report renders to the same bytes (no clocks, no absolute paths, no set order);
* text from the articles is never echoed raw: control characters and terminal escapes are
  shown as visible escapes (``\\x1b``), and HTML is escaped.
"""
from __future__ import annotations

import bisect
import difflib
import html
import json
import os
import urllib.parse
from typing import Iterable, Optional

import regex

from .model import SCHEMA_VERSION, SEVERITIES, Document, Finding, Quote, Report

# C0/C1 controls (but not tab and newline, handled apart), DEL, and the bidirectional
# overrides that can make a terminal or a browser show text in a misleading order.
_UNSAFE = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_NEWLINES = regex.compile(r"\r\n|\r|\n")
# Numbers as written: 5, 7-10, 1,200, 3.5%, 2016.
_DIGITS = regex.compile(r"\d++(?:[.,:/\u2013-]\d++)*+%?")
# Words for the HTML diff (punctuation and marks are left out: a comma moved inside the
# closing mark is not a difference a reader cares about).
_TOKEN = regex.compile(r"\w++(?:['’-]\w++)*+")

_SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}


# --- small helpers -----------------------------------------------------------------------

def escape_terminal(s: Optional[str], newlines: bool = True) -> str:
    """``s`` made safe to print: control characters, terminal escapes and bidi
    overrides become visible escapes; with ``newlines`` line breaks become ``⏎``.

    >>> escape_terminal("say \\x1b[31mred\\x1b[0m\\nnow")
    'say \\\\x1b[31mred\\\\x1b[0m ⏎ now'
    >>> escape_terminal(None)
    ''
    """
    if not s:
        return ""
    out = _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), s)
    return _NEWLINES.sub(" ⏎ ", out) if newlines else out


class LineIndex:
    """Offsets to 1-based (line, column) in one text; ``\\r\\n``, ``\\r`` and ``\\n`` each
    end a line.

    >>> LineIndex("ab\\r\\ncd\\nef").position(6)
    (2, 3)
    """

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in _NEWLINES.finditer(text)]

    def position(self, offset: int) -> tuple:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1


class _Locator:
    """Line and column of a side, found through the report's document of that source."""

    def __init__(self, documents: Iterable[Document]):
        self.docs = {}
        for d in documents:
            self.docs.setdefault(d.source, d)
        self.indexes = {}

    def document(self, source: str) -> Optional[Document]:
        return self.docs.get(source)

    def position(self, source: str, offset: int) -> Optional[tuple]:
        doc = self.docs.get(source)
        if doc is None or not doc.text or offset is None or offset > len(doc.text):
            return None
        if source not in self.indexes:
            self.indexes[source] = LineIndex(doc.text)
        return self.indexes[source].position(offset)


def ordered(findings) -> list:
    """Findings in the order every renderer uses: most severe first, otherwise in the
    order the check gave them."""
    return sorted(findings, key=lambda f: -_SEVERITY_RANK.get(f.severity, -1))


_by_severity = ordered


def at_least(f: Finding, level: Optional[str]) -> bool:
    """Whether ``f`` is at least as severe as ``level`` (``None`` or ``"info"``: every
    finding; ``"never"``: none).  A severity quotecheck does not know counts as a warning.

    >>> f = Finding("number", "warning", None, (), "")
    >>> at_least(f, "info"), at_least(f, "warning"), at_least(f, "error"), at_least(f, "never")
    (True, True, False, False)
    """
    if level is None:
        return True
    if level == "never":
        return False
    if level not in _SEVERITY_RANK:
        raise ValueError(f"unknown severity {level!r} (one of {', '.join(SEVERITIES)}, never)")
    return _SEVERITY_RANK.get(f.severity, _SEVERITY_RANK["warning"]) >= _SEVERITY_RANK[level]


def shown(findings, show: Optional[str] = None) -> list:
    """The findings at or above ``show``, in :func:`ordered` order."""
    return [f for f in ordered(findings) if at_least(f, show)]


def exit_status(report: Report, fail_on: Optional[str] = "warning") -> int:
    """1 when a finding is at least ``fail_on`` (``"never"``: never), else 0: the
    exit status ``quotecheck check`` gives when every input was read.

    >>> f = Finding("number", "warning", None, (), "")
    >>> exit_status(Report(findings=(f,))), exit_status(Report(findings=(f,)), fail_on="error")
    (1, 0)
    """
    return 1 if any(at_least(f, fail_on) for f in report.findings) else 0


def _codes(codes) -> frozenset:
    if isinstance(codes, str):
        codes = codes.split(",")
    return frozenset(c.strip() for c in codes or () if c and c.strip())


def select(report: Report, select=None, ignore=None) -> Report:
    """The report with only the findings whose kind or rule is in ``select`` (all when
    empty) and not in ``ignore``, like ``--select`` and ``--ignore``.  Codes are kinds
    (``number``) or rules (``quoted-as-whole-sentence``); a string may list several,
    separated by commas.  Filtered findings are dropped, not suppressed.

    >>> f = Finding("number", "warning", None, (), "", rule="figures-differ")
    >>> g = Finding("wording", "info", None, (), "", rule="words-differ")
    >>> [x.kind for x in select(Report(findings=(f, g)), ignore="figures-differ").findings]
    ['wording']
    """
    keep, drop = _codes(select), _codes(ignore)
    if not keep and not drop:
        return report

    def wanted(f):
        codes = {f.kind, f.rule}
        return (not keep or codes & keep) and not codes & drop

    import attrs

    return attrs.evolve(report, findings=tuple(f for f in report.findings if wanted(f)),
                        suppressed=tuple(f for f in report.suppressed if wanted(f)))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _counts(items: Iterable[str], order=()) -> str:
    """``"2 ok, 1 error"``: how many of each value, in ``order`` first."""
    order = tuple(order)
    tally: dict = {}
    for x in items:
        tally[x] = tally.get(x, 0) + 1
    keys = [k for k in order if k in tally] + sorted(k for k in tally if k not in order)
    return ", ".join(f"{tally[k]} {k}" for k in keys)


# --- JSON ----------------------------------------------------------------------------------

def quote_dict(q: Quote, source: str | None = None) -> dict:
    """A quote as the flat dict of the JSONL output."""
    a = q.attribution
    d = {} if source is None else {"source": source}
    d.update({
        "start": q.start, "end": q.end, "text": q.text, "kind": q.kind,
        "inner_start": q.inner_start, "inner_end": q.inner_end, "marks": q.marks,
        "speaker": a.speaker, "speaker_id": a.speaker_id, "mention": a.mention,
        "speaker_start": a.mention_start, "speaker_end": a.mention_end,
        "cue": a.cue, "cue_start": a.cue_start, "cue_end": a.cue_end,
        "rule": q.rule, "reason": q.reason, "speaker_rule": a.rule,
        "confidence": a.confidence, "parent": q.parent,
    })
    return d


def warning_dict(w) -> dict:
    return {"code": w.code, "message": w.message, "start": w.start, "end": w.end}


def document_dict(doc: Document) -> dict:
    return {
        "source": doc.source, "status": doc.status, "error": doc.error, "encoding": doc.encoding,
        "group": doc.group, "meta": dict(doc.meta), "chars": len(doc.text),
        "quotes": [quote_dict(q) for q in doc.quotes],
        "speakers": [{"id": s.id, "name": s.name, "kind": s.kind, "titles": list(s.titles)}
                     for s in doc.speakers],
        "warnings": [warning_dict(w) for w in doc.warnings],
    }


def document_line(doc: Document) -> dict:
    """The JSONL line that introduces a document: its status and warnings, and how
    many quotes follow (so documents with no quotes or an error still appear)."""
    return {"type": "document", "source": doc.source, "status": doc.status, "error": doc.error,
            "encoding": doc.encoding, "group": doc.group, "meta": dict(doc.meta), "chars": len(doc.text),
            "quotes": len(doc.quotes), "speech": len(doc.speech),
            "warnings": [warning_dict(w) for w in doc.warnings]}


def jsonl_lines(doc: Document) -> list:
    """The JSONL output of ``quotecheck extract`` for one document: a ``document``
    line, then one ``quote`` line per quote.

    >>> [line["type"] for line in jsonl_lines(Document("a.txt", status="error", error="x"))]
    ['document']
    """
    return [document_line(doc)] + [{"type": "quote", **quote_dict(q, doc.source)} for q in doc.quotes]


def extract_dict(documents) -> dict:
    return {"schema_version": SCHEMA_VERSION, "documents": [document_dict(d) for d in documents]}


def side_dict(s, where: Optional[_Locator] = None) -> dict:
    """A side with its offsets and, when its document is at hand, the 1-based line and
    column of its start and end (``null`` otherwise)."""
    a = where.position(s.source, s.start) if where else None
    b = where.position(s.source, s.end) if where and a else None
    return {"source": s.source, "start": s.start, "end": s.end,
            "line": a[0] if a else None, "column": a[1] if a else None,
            "end_line": b[0] if b else None, "end_column": b[1] if b else None,
            "text": s.text, "kind": s.kind,
            "quote_kind": s.quote_kind, "speaker": s.speaker, "context": s.context}


def canonical(x):
    """``x`` with every dict's keys in sorted order, so that a diff built by iterating a
    set (whose order changes with the hash seed of each process) still renders to the
    same bytes.  Lists keep their order: there it carries meaning.

    >>> canonical({"b": 1, "a": {"d": 2, "c": [3]}})
    {'a': {'c': [3], 'd': 2}, 'b': 1}
    """
    if isinstance(x, dict):
        return {k: canonical(x[k]) for k in sorted(x, key=str)}
    if isinstance(x, (list, tuple)):
        return [canonical(v) for v in x]
    return x


def finding_dict(f: Finding, where: Optional[_Locator] = None) -> dict:
    from .baseline import fingerprint

    return {"kind": f.kind, "severity": f.severity, "speaker": f.speaker,
            "sides": [side_dict(s, where) for s in f.sides], "diff": canonical(f.diff),
            "explanation": f.explanation, "rule": f.rule, "cluster": f.cluster,
            "fingerprint": fingerprint(f), "confidence": f.confidence}


def summary_dict(report: Report) -> dict:
    """Counts a reader (or a dashboard) wants before the details."""
    tally = lambda values: {k: v for k, v in sorted(_tally(values).items())}  # noqa: E731
    return {"documents": len(report.documents),
            "status": tally(d.status for d in report.documents),
            "quotes": sum(len(d.quotes) for d in report.documents),
            "speech": sum(len(d.speech) for d in report.documents),
            "clusters": len(report.clusters),
            "findings": len(report.findings),
            "severity": tally(f.severity for f in report.findings),
            "kind": tally(f.kind for f in report.findings),
            "suppressed": len(report.suppressed)}


def _tally(values) -> dict:
    out: dict = {}
    for v in values:
        out[v] = out.get(v, 0) + 1
    return out


def report_dict(report: Report) -> dict:
    """The whole report as the JSON output's dict; findings in :func:`ordered` order."""
    where = _Locator(report.documents)
    return {
        "schema_version": SCHEMA_VERSION,
        "summary": summary_dict(report),
        "documents": [document_dict(d) for d in report.documents],
        "clusters": [{"id": c.id, "speaker": c.speaker, "reason": c.reason,
                      "members": [side_dict(s, where) for s in c.members]} for c in report.clusters],
        "findings": [finding_dict(f, where) for f in ordered(report.findings)],
        "suppressed": [finding_dict(f, where) for f in ordered(report.suppressed)],
    }


def finding_lines(report: Report) -> list:
    """The findings part of ``check --format jsonl``: a ``finding`` line per finding
    (in :func:`ordered` order, sides with line and column), then a ``summary`` line."""
    where = _Locator(report.documents)
    lines = [{"type": "finding", **finding_dict(f, where)} for f in ordered(report.findings)]
    lines += [{"type": "suppressed", **finding_dict(f, where)} for f in ordered(report.suppressed)]
    return lines + [{"type": "summary", "schema_version": SCHEMA_VERSION, **summary_dict(report)}]


def _json_default(x):
    """Diffs are free-form: sets, tuples and records are written as lists and strings."""
    if isinstance(x, (set, frozenset)):
        return sorted(x, key=repr)
    if hasattr(x, "__attrs_attrs__"):
        import attrs

        return attrs.asdict(x)
    return str(x)


# Characters json.dumps leaves raw with ensure_ascii=False that a terminal may act on
# (C1 controls such as U+009B CSI, bidi overrides, line/paragraph separators).
_JSON_UNSAFE = regex.compile(r"[\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def dumps(obj, indent: int | None = None) -> str:
    """JSON as quotecheck writes it: UTF-8 text, stable, anything in a diff serialisable,
    and safe to print: characters a terminal could act on are written as ``\\u`` escapes
    (they can only occur inside strings, so the JSON means the same).

    >>> dumps({"t": "a\u202eb\x9b"})
    '{"t": "a\\\\u202eb\\\\u009b"}'
    """
    out = json.dumps(obj, ensure_ascii=False, indent=indent, default=_json_default)
    return _JSON_UNSAFE.sub(lambda m: "\\u%04x" % ord(m.group()), out)


def to_json(report: Report, indent: int | None = 2) -> str:
    return dumps(report_dict(report), indent=indent)


# --- text ----------------------------------------------------------------------------------

def quote_line(q: Quote, lines: Optional[LineIndex] = None) -> str:
    """One quote as a line of text: where, kind, who (and the words that say so), what.

    >>> from quotecheck.model import Attribution
    >>> q = Quote(0, 29, "“We have nowhere to retreat,”", 1, 28, "direct",
    ...           attribution=Attribution("Vladimir Putin", mention="he", cue="said"))
    >>> quote_line(q)
    '0-29    direct   Vladimir Putin (he, said): “We have nowhere to retreat,”'
    """
    a = q.attribution
    who = a.speaker or "?"
    how = ", ".join(x for x in (a.mention if a.mention != a.speaker else None, a.cue) if x)
    where = "%d:%d" % lines.position(q.start) if lines else f"{q.start}-{q.end}"
    return f"{where:7} {q.kind:8} {escape_terminal(who)}{f' ({escape_terminal(how)})' if how else ''}: {escape_terminal(q.text)}"


def document_header(doc: Document) -> str:
    """``== source [status, encoding, N quotes]`` and the reason when it has one."""
    bits = [doc.status]
    if doc.encoding:
        bits.append(doc.encoding)
    if doc.status in ("ok", "empty"):
        bits.append(f"{_plural(len(doc.quotes), 'quote')}, {len(doc.speech)} speech")
    head = f"== {escape_terminal(doc.source)} [{', '.join(bits)}]"
    return head + (f": {escape_terminal(doc.error)}" if doc.error else "")


def document_text(doc: Document) -> str:
    """A document as ``quotecheck extract`` prints it: a header, one line per quote
    (``line:column kind speaker (mention, cue): text``), then its warnings."""
    lines = LineIndex(doc.text) if doc.text else None
    out = [document_header(doc)]
    out += [quote_line(q, lines) for q in doc.quotes]
    for w in doc.warnings:
        where = "%d:%d " % lines.position(w.start) if lines and w.start is not None else ""
        out.append(f"   warning {where}{w.code}: {escape_terminal(w.message)}")
    return "\n".join(out)


def summary_line(report: Report, show: Optional[str] = None) -> str:
    """One line: documents by status, clusters, findings by severity, and how many
    findings ``show`` leaves out (so a hidden finding is never silently hidden)."""
    docs = _plural(len(report.documents), "document")
    status = _counts((d.status for d in report.documents), ("ok", "empty", "skipped", "error"))
    sev = _counts((f.severity for f in report.findings), reversed(SEVERITIES))
    line = (f"{docs}{f' ({status})' if status else ''}, {_plural(len(report.clusters), 'cluster')}, "
            f"{_plural(len(report.findings), 'finding')}{f' ({sev})' if sev else ''}")
    hidden = len(report.findings) - len(shown(report.findings, show))
    if hidden:
        line += f", {hidden} not shown (below --show {show})"
    if report.suppressed:
        line += f", {len(report.suppressed)} suppressed by the baseline"
    return line


#: ANSI colours of ``--color``: severities, and the bold of headings.
_COLOURS = {"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "info": "\x1b[1;34m", "bold": "\x1b[1m"}


def _paint(s: str, what: str, color: bool) -> str:
    return f"{_COLOURS[what]}{s}\x1b[0m" if color and what in _COLOURS else s


def finding_text(f: Finding, where: _Locator, color: bool = False) -> str:
    """A finding for people: what differs, who said it, each side with its place
    and context, and the rule that raised it."""
    out = [f"{_paint(f'[{escape_terminal(f.severity)}]', f.severity, color)} {escape_terminal(f.kind)}: "
           f"{_paint(escape_terminal(f.speaker or 'unknown speaker'), 'bold', color)}",
           f"  {escape_terminal(f.explanation)}"]
    for s in f.sides:
        pos = where.position(s.source, s.start)
        loc = f"{s.source}:{pos[0]}:{pos[1]}" if pos else s.source
        ctx = f"  ({escape_terminal(s.context)})" if s.context else ""
        label = "" if s.kind == "quote" else f" [{s.kind}]"
        out.append(f"  - {escape_terminal(loc)}{label}: {escape_terminal(s.text)}{ctx}")
    from .baseline import fingerprint

    out.append(f"  rule {escape_terminal(f.rule or '?')}, fingerprint {fingerprint(f)}")
    return "\n".join(out)


def statistics_text(report: Report, show: Optional[str] = None) -> str:
    """Counts of the shown findings per severity, kind and rule, most frequent first
    (what ``--statistics`` prints).

    >>> f = Finding("number", "warning", None, (), "", rule="figures-differ")
    >>> print(statistics_text(Report(findings=(f, f))))
    statistics:
          2  warning  number       figures-differ
    """
    tally = _tally((f.severity, f.kind, f.rule or "?") for f in shown(report.findings, show))
    rows = sorted(tally.items(), key=lambda kv: (-kv[1], -_SEVERITY_RANK.get(kv[0][0], -1), kv[0]))
    lines = [f"  {n:5}  {escape_terminal(sev):8} {escape_terminal(kind):12} {escape_terminal(rule)}"
             for (sev, kind, rule), n in rows]
    return "\n".join(["statistics:" if lines else "statistics: no findings"] + lines)


def documents_text(report: Report) -> str:
    """Every document with its status, quotes and warnings (the end of the text report)."""
    docs = ["documents:" if report.documents else "documents: none"]
    for d in report.documents:
        what = d.error if d.error else f"{_plural(len(d.quotes), 'quote')}, {len(d.speech)} speech"
        extra = f", {_plural(len(d.warnings), 'warning')}" if d.warnings else ""
        docs.append(f"  {d.status:8} {escape_terminal(d.source)}: {escape_terminal(what)}{extra}")
    return "\n".join(docs)


def to_text(report: Report, show: Optional[str] = None, quiet: bool = False,
            statistics: bool = False, color: bool = False) -> str:
    """The readable report (what ``str(report)`` gives): a summary line, the findings
    at or above ``show`` (every one by default; most severe first, both sides and why),
    then every document with its status.  ``quiet`` keeps the findings only;
    ``statistics`` adds counts per kind and rule; ``color`` paints severities with
    terminal colours.

    >>> print(to_text(Report((Document("a.txt", status="error", error="no such file or directory"),))))
    1 document (1 error), 0 clusters, 0 findings
    <BLANKLINE>
    documents:
      error    a.txt: no such file or directory
    """
    where = _Locator(report.documents)
    findings = [finding_text(f, where, color) for f in shown(report.findings, show)]
    if quiet:
        parts = findings
    else:
        parts = [summary_line(report, show)] + findings + [documents_text(report)]
    if statistics:
        parts.append(statistics_text(report, show))
    return "\n\n".join(parts)


def extract_text(documents, quiet: bool = False) -> str:
    """The text view of ``quotecheck extract`` for several documents: each document's
    header, quotes and warnings; with ``quiet`` one ``source:line:column`` line per
    quote and nothing else (for grep)."""
    return "\n".join(document_quiet(d) if quiet else document_text(d) for d in documents)


def document_quiet(doc: Document) -> str:
    """A document's quotes as ``source:line:column kind speaker (mention, cue): text`` lines.

    >>> from quotecheck.api import extract
    >>> print(document_quiet(extract("“Stop,” she said.", source="a.txt")))
    a.txt:1:1 direct   ? (she, said): “Stop,”
    """
    lines = LineIndex(doc.text) if doc.text else None
    out = []
    for q in doc.quotes:
        pos = "%d:%d" % lines.position(q.start)
        out.append(f"{escape_terminal(doc.source)}:{pos} {quote_line(q).split(' ', 1)[1].lstrip()}")
    return "\n".join(out)


# Renderers that live in their own modules, reachable from here like the others.

def to_github(report: Report, show: Optional[str] = None) -> str:
    """GitHub Actions annotations: see :func:`quotecheck.report_ci.to_github`."""
    from .report_ci import to_github as render

    return render(report, show=show)


def to_sarif(report: Report, show: Optional[str] = None) -> str:
    """SARIF 2.1.0: see :func:`quotecheck.report_ci.to_sarif`."""
    from .report_ci import to_sarif as render

    return render(report, show=show)


def to_html(report: Report, **options) -> str:
    """The self-contained HTML page: see :func:`quotecheck.report_html.to_html`."""
    from .report_html import to_html as render

    return render(report, **options)
