"""Renderers for CI: GitHub Actions workflow commands and SARIF 2.1.0.

Both follow ``show`` (the CLI's ``--show``): findings below it are left out, and the
summary line says how many.  Both name every unreadable or skipped document.
"""
from __future__ import annotations

import os
import urllib.parse
from typing import Optional

from .model import SCHEMA_VERSION, Document, Finding, Report
from .report import (_Locator, _plural, canonical, dumps, escape_terminal, shown, summary_dict,
                     summary_line)

#: Where the rules are documented (``docs/rules.md``, one anchor per rule): SARIF rules
#: point their ``helpUri`` there.  Set it to where the project's docs are published.
DOCS_URL = "https://github.com/quotecheck/quotecheck/blob/main/docs/rules.md"

# --- GitHub Actions annotations --------------------------------------------------------------

_GH_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def neutralise_commands(line: str) -> str:
    """A log line in which the runner finds no workflow command of its own.

    Commands of the current syntax (``::name ...::``) are only read at the start of a
    line, and every line quotecheck writes starts with its own command or with
    ``quotecheck:``; line breaks inside a message are escaped (``%0A``), so text from an
    article can never start a line.  The older syntax (``##[name]...``) is read anywhere
    in a line, so its opening is broken up (``# #[``), visibly, like every other escape.

    >>> neutralise_commands("::notice::said ##[add-mask]secret and ##[error]boom")
    '::notice::said # #[add-mask]secret and # #[error]boom'
    """
    while "##[" in line:
        line = line.replace("##[", "# #[")
    return line


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


def to_github(report: Report, show: Optional[str] = None) -> str:
    """GitHub Actions workflow commands: one annotation per side of each finding at or
    above ``show``, on the line and column where that side's words are
    (``::error file=...,line=...,col=...``), ``::error``/``::warning``/``::notice`` by
    severity; unreadable documents as errors, skipped ones as warnings; a plain log line
    per document and a summary.  No line holds a command other than quotecheck's own
    (see :func:`neutralise_commands`).

    >>> from quotecheck.model import Side
    >>> doc = Document("a.txt", "Line one.\\n“Five,” he said.")
    >>> f = Finding("number", "error", "X", (Side("a.txt", 10, 17, "“Five,”"),), "five vs 7")
    >>> print(to_github(Report((doc,), (), (f,))).splitlines()[1])
    ::error file=a.txt,line=2,col=1,endLine=2,endColumn=8,title=quotecheck number (X)::five vs 7
    """
    where = _Locator(report.documents)
    out = [f"quotecheck: {escape_terminal(summary_line(report, show))}"]
    for f in shown(report.findings, show):
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
    return "\n".join(neutralise_commands(line) for line in out)


# --- SARIF ---------------------------------------------------------------------------------

_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_KIND_HELP = {
    "number": "The sources quote different numbers for the same utterance.",
    "negation": "One source's version is negated and the other's is not.",
    "speaker": "The same words are attributed to different people.",
    "wording": "The quoted words differ between sources.",
    "truncation": "One source quotes only part of what another quotes.",
    "paraphrase": "One source quotes the words, another only paraphrases them.",
}


def _uri(source: str) -> str:
    return urllib.parse.quote(source.replace(os.sep, "/"))


def _sarif_location(s, where: _Locator) -> dict:
    region = {"charOffset": s.start, "charLength": s.end - s.start, "snippet": {"text": s.text}}
    a, b = where.position(s.source, s.start), where.position(s.source, s.end)
    if a and b:
        region.update(startLine=a[0], startColumn=a[1], endLine=b[0], endColumn=b[1])
    return {"physicalLocation": {"artifactLocation": {"uri": _uri(s.source)}, "region": region}}


def rule_id(f: Finding) -> str:
    """The SARIF ``ruleId`` of a finding: the rule that raised it (its kind when it
    names none)."""
    return f.rule or f.kind


def _sarif_rule(rid: str, kind: str, docs_url: str) -> dict:
    what = _KIND_HELP.get(kind, f"A {kind} finding.")
    return {"id": rid, "name": rid, "shortDescription": {"text": what},
            "fullDescription": {"text": f"{what} (rule {rid}, kind {kind})"},
            "helpUri": f"{docs_url}#{urllib.parse.quote(rid)}",
            "help": {"text": f"See {docs_url}#{urllib.parse.quote(rid)}"},
            "properties": {"kind": kind}}


def _artifact(d: Document) -> dict:
    out = {"location": {"uri": _uri(d.source)}, "properties": {"status": d.status}}
    if d.encoding:  # the schema wants a string: an unread document has no encoding at all
        out["encoding"] = d.encoding
    if d.error:
        out["properties"]["error"] = d.error
    return out


def to_sarif(report: Report, show: Optional[str] = None, docs_url: str = DOCS_URL) -> str:
    """SARIF 2.1.0 (code-scanning format), valid against the OASIS schema: one result
    per finding at or above ``show``, at its first side, the other sides as related
    locations, ``ruleId`` the rule that raised it (with a help URI into the docs), the
    fingerprint as a partial fingerprint, and unreadable documents as tool
    notifications.  Columns count Unicode code points."""
    from . import __version__
    from .baseline import fingerprint

    where = _Locator(report.documents)
    findings = shown(report.findings, show)
    rules: dict = {}
    for f in findings:
        rules.setdefault(rule_id(f), f.kind)
    index = {rid: i for i, rid in enumerate(sorted(rules))}
    results = []
    for f in findings:
        locs = [_sarif_location(s, where) for s in f.sides]
        result = {"ruleId": rule_id(f), "ruleIndex": index[rule_id(f)],
                  "level": _SARIF_LEVEL.get(f.severity, "warning"),
                  "message": {"text": f.explanation + (f" ({f.speaker})" if f.speaker else "")},
                  "locations": locs[:1], "partialFingerprints": {"quotecheck/v1": fingerprint(f)},
                  "properties": {"kind": f.kind, "severity": f.severity, "speaker": f.speaker,
                                 "diff": canonical(f.diff)}}
        if locs[1:]:
            result["relatedLocations"] = [dict(loc, id=i, message={"text": s.text})
                                          for i, (loc, s) in enumerate(zip(locs[1:], f.sides[1:]), 1)]
        results.append(result)
    notes = [{"level": "error" if d.status == "error" else "warning",
              "message": {"text": f"{d.source}: {d.status}: {d.error}"},
              "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(d.source)}}}]}
             for d in report.documents if d.status in ("error", "skipped")]
    sarif = {
        "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "quotecheck", "version": __version__, "informationUri": docs_url,
                "rules": [_sarif_rule(rid, rules[rid], docs_url) for rid in sorted(rules)]}},
            "columnKind": "unicodeCodePoints",
            "invocations": [{"executionSuccessful": True, "toolExecutionNotifications": notes}],
            "artifacts": [_artifact(d) for d in report.documents],
            "results": results,
            "properties": {"schema_version": SCHEMA_VERSION, "summary": summary_dict(report),
                           "shown": len(findings)},
        }],
    }
    return dumps(sarif, indent=2)
