"""Rendering: records to JSON, JSONL, text (and later HTML and GitHub annotations).

Renderers only read records; they decide nothing about quotes.
"""
from __future__ import annotations

import json

from .model import SCHEMA_VERSION, Document, Quote, Report


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


def extract_dict(documents) -> dict:
    return {"schema_version": SCHEMA_VERSION, "documents": [document_dict(d) for d in documents]}


def side_dict(s) -> dict:
    return {"source": s.source, "start": s.start, "end": s.end, "text": s.text, "kind": s.kind,
            "quote_kind": s.quote_kind, "speaker": s.speaker, "context": s.context}


def report_dict(report: Report) -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "documents": [document_dict(d) for d in report.documents],
        "clusters": [{"id": c.id, "speaker": c.speaker, "reason": c.reason,
                      "members": [side_dict(s) for s in c.members]} for c in report.clusters],
        "findings": [{"kind": f.kind, "severity": f.severity, "speaker": f.speaker,
                      "sides": [side_dict(s) for s in f.sides], "diff": f.diff,
                      "explanation": f.explanation, "rule": f.rule, "cluster": f.cluster,
                      "fingerprint": f.fingerprint} for f in report.findings],
    }


def to_json(report: Report, indent: int | None = 2) -> str:
    return json.dumps(report_dict(report), ensure_ascii=False, indent=indent)


def quote_line(q: Quote) -> str:
    a = q.attribution
    who = a.speaker or "?"
    how = ", ".join(x for x in (a.mention if a.mention != a.speaker else None, a.cue) if x)
    return f"{q.start}-{q.end} {q.kind:8} {who}{f' ({how})' if how else ''}: {q.text}"


def to_text(report: Report) -> str:
    lines = [f"{len(report.documents)} documents, {len(report.clusters)} clusters, "
             f"{len(report.findings)} findings"]
    for f in report.findings:
        lines.append(f"[{f.severity}] {f.kind}: {f.explanation}")
    return "\n".join(lines)


def to_html(report: Report) -> str:
    raise NotImplementedError("HTML reports are not written yet")
