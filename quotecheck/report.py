"""Rendering: records to JSON, JSONL, text, GitHub annotations, SARIF and HTML.

Renderers only read records; they decide nothing about quotes.  They share three rules:

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


def _by_severity(findings) -> list:
    """Findings, most severe first, otherwise in the order the check gave them."""
    return sorted(findings, key=lambda f: -_SEVERITY_RANK.get(f.severity, -1))


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
        "group": doc.group, "chars": len(doc.text),
        "quotes": [quote_dict(q) for q in doc.quotes],
        "speakers": [{"id": s.id, "name": s.name, "kind": s.kind, "titles": list(s.titles)}
                     for s in doc.speakers],
        "warnings": [warning_dict(w) for w in doc.warnings],
    }


def document_line(doc: Document) -> dict:
    """The JSONL line that introduces a document: its status and warnings, and how
    many quotes follow (so documents with no quotes or an error still appear)."""
    return {"type": "document", "source": doc.source, "status": doc.status, "error": doc.error,
            "encoding": doc.encoding, "group": doc.group, "chars": len(doc.text),
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


def side_dict(s) -> dict:
    return {"source": s.source, "start": s.start, "end": s.end, "text": s.text, "kind": s.kind,
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


def finding_dict(f: Finding) -> dict:
    from .baseline import fingerprint

    return {"kind": f.kind, "severity": f.severity, "speaker": f.speaker,
            "sides": [side_dict(s) for s in f.sides], "diff": canonical(f.diff),
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
    return {
        "schema_version": SCHEMA_VERSION,
        "summary": summary_dict(report),
        "documents": [document_dict(d) for d in report.documents],
        "clusters": [{"id": c.id, "speaker": c.speaker, "reason": c.reason,
                      "members": [side_dict(s) for s in c.members]} for c in report.clusters],
        "findings": [finding_dict(f) for f in report.findings],
        "suppressed": [finding_dict(f) for f in report.suppressed],
    }


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


def summary_line(report: Report) -> str:
    """One line: documents by status, quotes, clusters, findings by severity."""
    docs = _plural(len(report.documents), "document")
    status = _counts((d.status for d in report.documents), ("ok", "empty", "skipped", "error"))
    sev = _counts((f.severity for f in report.findings), reversed(SEVERITIES))
    line = (f"{docs}{f' ({status})' if status else ''}, {_plural(len(report.clusters), 'cluster')}, "
            f"{_plural(len(report.findings), 'finding')}{f' ({sev})' if sev else ''}")
    if report.suppressed:
        line += f", {len(report.suppressed)} suppressed by the baseline"
    return line


def finding_text(f: Finding, where: _Locator) -> str:
    """A finding for people: what differs, who said it, each side with its place
    and context, and the rule that raised it."""
    out = [f"[{f.severity}] {f.kind}: {escape_terminal(f.speaker or 'unknown speaker')}",
           f"  {escape_terminal(f.explanation)}"]
    for s in f.sides:
        pos = where.position(s.source, s.start)
        loc = f"{s.source}:{pos[0]}:{pos[1]}" if pos else s.source
        ctx = f"  ({escape_terminal(s.context)})" if s.context else ""
        label = "" if s.kind == "quote" else f" [{s.kind}]"
        out.append(f"  - {escape_terminal(loc)}{label}: {escape_terminal(s.text)}{ctx}")
    from .baseline import fingerprint

    out.append(f"  rule {f.rule or '?'}, fingerprint {fingerprint(f)}")
    return "\n".join(out)


def to_text(report: Report) -> str:
    """The readable report (what ``str(report)`` gives): a summary line, the findings
    (most severe first, both sides and why), then every document with its status.

    >>> print(to_text(Report((Document("a.txt", status="error", error="no such file or directory"),))))
    1 document (1 error), 0 clusters, 0 findings
    <BLANKLINE>
    documents:
      error    a.txt: no such file or directory
    """
    where = _Locator(report.documents)
    parts = [summary_line(report)]
    parts += [finding_text(f, where) for f in _by_severity(report.findings)]
    docs = ["documents:" if report.documents else "documents: none"]
    for d in report.documents:
        what = d.error if d.error else f"{_plural(len(d.quotes), 'quote')}, {len(d.speech)} speech"
        extra = f", {_plural(len(d.warnings), 'warning')}" if d.warnings else ""
        docs.append(f"  {d.status:8} {escape_terminal(d.source)}: {escape_terminal(what)}{extra}")
    parts.append("\n".join(docs))
    return "\n\n".join(parts)


# --- GitHub Actions annotations --------------------------------------------------------------

_GH_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _gh_data(s: str) -> str:
    return escape_terminal(s, newlines=False).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(s: str) -> str:
    return _gh_data(s).replace(":", "%3A").replace(",", "%2C")


def _gh_annotation(level: str, message: str, file: Optional[str] = None, start=None, end=None,
                   title: Optional[str] = None) -> str:
    props = []
    if file:
        props.append(f"file={_gh_prop(file)}")
    if start:
        props += [f"line={start[0]}", f"col={start[1]}"]
    if end:
        props += [f"endLine={end[0]}", f"endColumn={end[1]}"]
    if title:
        props.append(f"title={_gh_prop(title)}")
    return f"::{level} {','.join(props)}::{_gh_data(message)}" if props else f"::{level}::{_gh_data(message)}"


def to_github(report: Report) -> str:
    """GitHub Actions workflow commands: one annotation per side of each finding, on
    the line and column where that side's words are (``::error file=...,line=...,col=...``),
    ``::error``/``::warning``/``::notice`` by severity; unreadable documents as errors,
    skipped ones as warnings; a plain log line per document and a summary.

    >>> from quotecheck.model import Side
    >>> doc = Document("a.txt", "Line one.\\n“Five,” he said.")
    >>> f = Finding("number", "error", "X", (Side("a.txt", 10, 17, "“Five,”"),), "five vs 7")
    >>> print(to_github(Report((doc,), (), (f,))).splitlines()[1])
    ::error file=a.txt,line=2,col=1,endLine=2,endColumn=8,title=quotecheck number (X)::five vs 7
    """
    where = _Locator(report.documents)
    out = [f"quotecheck: {summary_line(report)}"]
    for f in _by_severity(report.findings):
        level = _GH_LEVEL.get(f.severity, "warning")
        for i, s in enumerate(f.sides):
            others = [o for j, o in enumerate(f.sides) if j != i]
            msg = f.explanation
            if others:
                msg += "\n" + "\n".join(f"{o.source}: {o.text}" for o in others)
            title = f"quotecheck {f.kind}" + (f" ({f.speaker})" if f.speaker else "")
            out.append(_gh_annotation(level, msg, s.source, where.position(s.source, s.start),
                                      where.position(s.source, s.end), title))
    for d in report.documents:
        if d.status == "error":
            out.append(_gh_annotation("error", f"could not read: {d.error}", d.source, title="quotecheck input"))
        elif d.status == "skipped":
            out.append(_gh_annotation("warning", f"skipped: {d.error}", d.source, title="quotecheck input"))
        out.append(f"quotecheck: {escape_terminal(d.source)}: {d.status}, "
                   f"{_plural(len(d.quotes), 'quote')}, {_plural(len(d.warnings), 'warning')}")
    return "\n".join(out)


# --- SARIF ---------------------------------------------------------------------------------

_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_KIND_HELP = {
    "number": "The sources quote different numbers for the same utterance.",
    "negation": "One source's version is negated and the other's is not.",
    "speaker": "The same words are attributed to different people.",
    "wording": "The quoted words differ between sources.",
    "truncation": "One source quotes only part of what another quotes.",
    "paraphrase": "A paraphrase says something the quote does not.",
}


def _sarif_location(s, where: _Locator) -> dict:
    region = {"charOffset": s.start, "charLength": s.end - s.start, "snippet": {"text": s.text}}
    a, b = where.position(s.source, s.start), where.position(s.source, s.end)
    if a and b:
        region.update(startLine=a[0], startColumn=a[1], endLine=b[0], endColumn=b[1])
    uri = urllib.parse.quote(s.source.replace(os.sep, "/"))
    return {"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}


def to_sarif(report: Report) -> str:
    """SARIF 2.1.0 (code-scanning format): one result per finding at its first side,
    the other sides as related locations, the fingerprint as a partial fingerprint, and
    unreadable documents as tool notifications.  Columns count Unicode code points."""
    from . import __version__
    from .baseline import fingerprint

    where = _Locator(report.documents)
    kinds = sorted({f.kind for f in report.findings})
    results = []
    for f in report.findings:
        locs = [_sarif_location(s, where) for s in f.sides]
        result = {"ruleId": f.kind, "level": _SARIF_LEVEL.get(f.severity, "warning"),
                  "message": {"text": f.explanation + (f" ({f.speaker})" if f.speaker else "")},
                  "locations": locs[:1], "partialFingerprints": {"quotecheck/v1": fingerprint(f)},
                  "properties": {"rule": f.rule, "speaker": f.speaker, "diff": canonical(f.diff)}}
        if locs[1:]:
            result["relatedLocations"] = [dict(loc, id=i, message={"text": s.text})
                                          for i, (loc, s) in enumerate(zip(locs[1:], f.sides[1:]), 1)]
        results.append(result)
    notes = [{"level": "error" if d.status == "error" else "warning",
              "message": {"text": f"{d.source}: {d.status}: {d.error}"},
              "locations": [{"physicalLocation": {"artifactLocation": {
                  "uri": urllib.parse.quote(d.source.replace(os.sep, "/"))}}}]}
             for d in report.documents if d.status in ("error", "skipped")]
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "quotecheck", "version": __version__,
                "rules": [{"id": k, "name": k, "shortDescription": {"text": _KIND_HELP.get(k, k)}}
                          for k in kinds]}},
            "columnKind": "unicodeCodePoints",
            "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notes}],
            "artifacts": [{"location": {"uri": urllib.parse.quote(d.source.replace(os.sep, "/"))},
                           "encoding": d.encoding, "properties": {"status": d.status}}
                          for d in report.documents],
            "results": results,
            "properties": {"schema_version": SCHEMA_VERSION, "summary": summary_dict(report)},
        }],
    }
    return dumps(sarif, indent=2)


# --- HTML ----------------------------------------------------------------------------------

def _h(s: Optional[str]) -> str:
    """Escaped for HTML, controls made visible (a NUL is not allowed in HTML)."""
    return html.escape(escape_terminal(s, newlines=False), quote=True) if s else ""


def _diff_records(diff):
    """Every dict inside a finding's diff (the diff is rule-specific and nested)."""
    stack = [diff]
    while stack:
        x = stack.pop()
        if isinstance(x, dict):
            yield x
            stack.extend(x.values())
        elif isinstance(x, (list, tuple)):
            stack.extend(x)


def _diff_spans(diff, side) -> list:
    """The stretches of ``side`` that the finding's diff names as different: records
    with ``start``/``end`` offsets (and ``text``, checked against the side, so a
    record about another side or another document is never drawn on this one)."""
    out = []
    for r in _diff_records(diff):
        a, b, text = r.get("start"), r.get("end"), r.get("text")
        if not (isinstance(a, int) and isinstance(b, int) and isinstance(text, str)):
            continue
        if r.get("source", side.source) != side.source or not side.start <= a < b <= side.end:
            continue
        if side.text[a - side.start:b - side.start] == text:
            out.append((a - side.start, b - side.start))
    return out


def _diff_numbers(diff, side) -> list:
    """Stretches of ``side`` holding the figures the diff compares: records with a
    ``numbers`` key give the phrases as written in ``text`` (``"under five minutes"``)."""
    out = []
    for r in _diff_records(diff):
        if "numbers" not in r or r.get("source", side.source) != side.source:
            continue
        phrases = r.get("text")
        for phrase in [phrases] if isinstance(phrases, str) else phrases or ():
            if isinstance(phrase, str) and phrase:
                at = side.text.find(phrase)
                while at >= 0:
                    out.append((at, at + len(phrase)))
                    at = side.text.find(phrase, at + len(phrase))
    return out


def _tokens(s: str) -> list:
    return [(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(s)]


def _changed(text: str, others: list) -> list:
    """Character spans of the words of ``text`` missing from at least one other side,
    by a word-level alignment (difflib, linear-ish on the short texts of sides)."""
    mine = _tokens(text)
    spans = []
    for other in others:
        theirs = [t[2] for t in _tokens(other)]
        sm = difflib.SequenceMatcher(None, [t[2] for t in mine], theirs, autojunk=False)
        for op, i1, i2, _, _ in sm.get_opcodes():
            if op in ("replace", "delete") and i2 > i1:
                spans.append((mine[i1][0], mine[i2 - 1][1]))
    return spans


def _highlight(text: str, changed: list, numbers: list) -> str:
    """The side's text as HTML: changed words in ``<mark>``, numbers (the digits, and
    the ``numbers`` stretches, which include number words) in ``<strong>``."""
    flags = [0] * (len(text) + 1)  # 1 = changed, 2 = number
    for a, b in changed:
        for i in range(a, b):
            flags[i] |= 1
    for a, b in numbers + [m.span() for m in _DIGITS.finditer(text)]:
        for i in range(a, b):
            flags[i] |= 2
    out, i = [], 0
    while i < len(text):
        j = i
        while j < len(text) and flags[j] == flags[i]:
            j += 1
        piece = _h(text[i:j])
        if flags[i] & 2:
            piece = f'<strong class="num">{piece}</strong>'
        if flags[i] & 1:
            piece = f'<mark>{piece}</mark>'
        out.append(piece)
        i = j
    return "".join(out)


def _surroundings(doc: Optional[Document], start: int, end: int, width: int = 160) -> tuple:
    """Up to ``width`` characters of the article before and after a side, cut at a
    line break so that the context stays in the paragraph."""
    if doc is None or not doc.text or end > len(doc.text):
        return "", ""
    before = doc.text[max(0, start - width):start]
    after = doc.text[end:end + width]
    before = before.rsplit("\n", 1)[-1]
    after = after.split("\n", 1)[0]
    return before, after


_CSS = """
:root{--bg:#f6f7f9;--card:#fff;--ink:#1d2330;--muted:#5b6475;--line:#dde1e8;--err:#b42318;--warn:#b54708;--info:#175cd3}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--ink)}
header{background:#1d2330;color:#fff;padding:18px 28px}header h1{margin:0 0 4px;font-size:20px}header p{margin:0;color:#c9cfdb}
main{max-width:1180px;margin:0 auto;padding:20px 28px}
.summary{display:flex;gap:12px;flex-wrap:wrap;margin-bottom:16px}.stat{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 14px;min-width:120px}
.stat b{display:block;font-size:22px}.stat span{color:var(--muted);font-size:13px}
.filters{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 14px;margin-bottom:16px;display:flex;gap:22px;flex-wrap:wrap}
.filters fieldset{border:0;margin:0;padding:0}.filters legend{font-weight:600;font-size:13px;color:var(--muted);padding:0}.filters label{margin-right:12px;font-size:14px;white-space:nowrap}
.card{background:var(--card);border:1px solid var(--line);border-left:5px solid var(--info);border-radius:8px;padding:14px 18px;margin-bottom:14px}
.card.error{border-left-color:var(--err)}.card.warning{border-left-color:var(--warn)}
.card h2{font-size:16px;margin:0 0 6px;display:flex;gap:8px;align-items:center;flex-wrap:wrap}
.badge{font-size:12px;font-weight:600;text-transform:uppercase;border-radius:4px;padding:1px 7px;color:#fff;background:var(--info)}
.badge.error{background:var(--err)}.badge.warning{background:var(--warn)}.badge.kind{background:#eef1f6;color:var(--ink)}
.why{margin:0 0 10px}a.anchor{color:var(--muted);text-decoration:none;font-weight:400}.sides{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:12px}
.side{border:1px solid var(--line);border-radius:6px;padding:10px 12px;background:#fbfcfd}
.src{font-size:13px;color:var(--muted);margin-bottom:6px;word-break:break-all}.src code{color:var(--ink)}
.words{font-size:16px;margin:0 0 8px}.ctx{font-size:13px;color:var(--muted)}.ctx q{color:var(--ink);quotes:none}
mark{background:#fde68a;border-radius:3px;padding:0 1px}strong.num{color:#b42318;font-weight:700}
.meta{font-size:12px;color:var(--muted);margin-top:8px}details{margin-top:6px}pre{white-space:pre-wrap;font-size:12px;background:#f1f3f6;padding:8px;border-radius:4px}
table{border-collapse:collapse;width:100%;background:var(--card);border:1px solid var(--line);font-size:13px}th,td{text-align:left;padding:6px 10px;border-bottom:1px solid var(--line);vertical-align:top}
td.status-error{color:var(--err);font-weight:600}td.status-skipped{color:var(--warn);font-weight:600}
.empty{color:var(--muted);font-style:italic}footer{color:var(--muted);font-size:12px;padding:10px 28px 30px;text-align:center}
"""

# Filters: hide the cards whose kind or severity is unticked.  No network, no library.
_JS = """
(function(){
  var boxes=document.querySelectorAll('.filters input[type=checkbox]');
  function apply(){
    var on={kind:{},severity:{}};
    boxes.forEach(function(b){on[b.name][b.value]=b.checked;});
    var shown=0;
    document.querySelectorAll('.card').forEach(function(c){
      var vis=on.kind[c.dataset.kind]!==false&&on.severity[c.dataset.severity]!==false;
      c.hidden=!vis; if(vis){shown++;}
    });
    var n=document.getElementById('shown'); if(n){n.textContent=shown;}
  }
  boxes.forEach(function(b){b.addEventListener('change',apply);});
  apply();
})();
"""


def _finding_card(f: Finding, where: _Locator, anchor: str = "") -> str:
    from .baseline import fingerprint

    sides = []
    located = any(_diff_spans(f.diff, s) for s in f.sides)
    for i, s in enumerate(f.sides):
        if located:  # the check said which words differ: show exactly those
            changed = _diff_spans(f.diff, s)
        elif len(f.sides) == 2 and f.kind != "speaker" and all(x.kind == "quote" for x in f.sides):
            # Otherwise align the words of two quotes.  Not with a paraphrase (it differs in
            # nearly every word, and marking them all would hide the numbers), not for a
            # speaker finding (the words agree; the speakers are what differ), not across
            # many sides (a word missing from any one of them is noise).
            changed = _changed(s.text, [f.sides[1 - i].text])
        else:
            changed = []
        pos = where.position(s.source, s.start)
        loc = f"{_h(s.source)}{f':{pos[0]}:{pos[1]}' if pos else ''}"
        before, after = _surroundings(where.document(s.source), s.start, s.end)
        kind = s.kind if s.kind == s.quote_kind else f"{s.kind}, {s.quote_kind}"
        sides.append(
            f'<div class="side"><div class="src"><code>{loc}</code> · {_h(kind)}'
            f'{f" · <b>{_h(s.speaker)}</b>" if s.speaker and (s.speaker != f.speaker or f.kind == "speaker") else ""}</div>'
            f'<p class="words">{_highlight(s.text, changed, _diff_numbers(f.diff, s))}</p>'
            + (f'<div class="ctx">Occasion: {_h(s.context)}</div>' if s.context else "")
            + (f'<div class="ctx">In context: …{_h(before)}<q><b>{_h(s.text)}</b></q>{_h(after)}…</div>'
               if before or after else "")
            + "</div>")
    diff = f"<details><summary>diff</summary><pre>{_h(dumps(canonical(f.diff), indent=1))}</pre></details>" if f.diff else ""
    # The anchor is the fingerprint, so a link to a finding survives re-running the report.
    return (f'<article class="card {_h(f.severity)}" id="{_h(anchor)}" data-kind="{_h(f.kind)}" data-severity="{_h(f.severity)}">'
            f'<h2><a class="anchor" href="#{_h(anchor)}" title="link to this finding">#</a><span class="badge {_h(f.severity)}">{_h(f.severity)}</span>'
            f'<span class="badge kind">{_h(f.kind)}</span>{_h(f.speaker or "unknown speaker")}</h2>'
            f'<p class="why">{_h(f.explanation)}</p><div class="sides">{"".join(sides)}</div>'
            f'<div class="meta">rule {_h(f.rule or "?")} · fingerprint <code>{_h(fingerprint(f))}</code>'
            f'{f" · cluster {_h(f.cluster)}" if f.cluster else ""}</div>{diff}</article>')


def _filters(report: Report) -> str:
    def group(name, values):
        boxes = "".join(f'<label><input type="checkbox" name="{name}" value="{_h(v)}" checked> {_h(v)}</label>'
                        for v in values)
        return f"<fieldset><legend>{name}</legend>{boxes}</fieldset>"

    kinds = sorted({f.kind for f in report.findings})
    sevs = [s for s in reversed(SEVERITIES) if any(f.severity == s for f in report.findings)]
    sevs += sorted({f.severity for f in report.findings} - set(SEVERITIES))
    return (f'<form class="filters" aria-label="filters">{group("severity", sevs)}{group("kind", kinds)}'
            f'<span>showing <b id="shown">{len(report.findings)}</b> of {len(report.findings)}</span></form>')


def to_html(report: Report) -> str:
    """A self-contained HTML page (inline CSS and JavaScript, nothing fetched): the
    summary, filters by kind and severity, one card per finding with its sides next to
    each other (changed words marked, numbers emphasised, source, place and context),
    then every document with its status."""
    from . import __version__

    where = _Locator(report.documents)
    s = summary_dict(report)
    sev = ", ".join(f"{n} {k}" for k, n in sorted(s["severity"].items(), key=lambda kv: -_SEVERITY_RANK.get(kv[0], -1)))
    stats = [(s["documents"], "documents", _counts((d.status for d in report.documents), ("ok", "empty", "skipped", "error"))),
             (s["speech"], "quotations", f'{s["quotes"]} quoted spans in all'),
             (s["clusters"], "clusters", "utterances found in more than one place"),
             (s["findings"], "findings", sev or "none"),
             ]
    if report.suppressed:
        stats.append((len(report.suppressed), "suppressed", "acknowledged in the baseline"))
    summary = "".join(f'<div class="stat"><b>{n}</b><span>{_h(label)}</span><br><span>{_h(sub)}</span></div>'
                      for n, label, sub in stats)
    from .baseline import fingerprint

    seen: dict = {}
    cards = []
    for f in _by_severity(report.findings):
        anchor = f"f-{fingerprint(f)}"
        seen[anchor] = seen.get(anchor, 0) + 1
        cards.append(_finding_card(f, where, anchor if seen[anchor] == 1 else f"{anchor}-{seen[anchor]}"))
    cards = "".join(cards)
    if not report.findings:
        cards = '<p class="empty">No findings: the sources quote people consistently.</p>'
    rows = "".join(
        f'<tr><td><code>{_h(d.source)}</code></td><td class="status-{_h(d.status)}">{_h(d.status)}</td>'
        f'<td>{_h(d.group or "")}</td><td>{_h(d.encoding or "")}</td><td>{len(d.quotes)}</td><td>{len(d.speech)}</td>'
        f'<td>{_h(d.error or "; ".join(w.message for w in d.warnings))}</td></tr>'
        for d in report.documents)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>quotecheck report</title><style>{_CSS}</style></head>
<body><header><h1>quotecheck report</h1><p>{_h(summary_line(report))}</p></header>
<main><section class="summary">{summary}</section>
{_filters(report) if report.findings else ""}
<section id="findings">{cards}</section>
<h2>Documents</h2>
<table><thead><tr><th>source</th><th>status</th><th>group</th><th>encoding</th><th>quotes</th><th>speech</th><th>notes</th></tr></thead>
<tbody>{rows}</tbody></table></main>
<footer>quotecheck {_h(__version__)} · schema {_h(SCHEMA_VERSION)}</footer>
<script>{_JS}</script></body></html>
"""
