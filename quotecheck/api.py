"""The public functions: read documents, extract quotes, check across sources.

The CLI calls these and nothing else.
"""
from __future__ import annotations

import os
from typing import Iterable, Optional

import attrs

from . import attribution, crosssource, quotes, text as _text
from .model import Document, Report, Warning

#: Documents larger than this (in bytes or characters) are reported as skipped.
DEFAULT_MAX_BYTES = 5_000_000


def extract(text: str, source: str = "<text>", group: Optional[str] = None) -> Document:
    """Find and attribute every quotation in ``text``.

    >>> doc = extract("“We have nowhere to retreat,” he said.")
    >>> [q.text for q in doc.speech]
    ['“We have nowhere to retreat,”']
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() wants a str, not {type(text).__name__}")
    if not text.strip():
        return Document(source, text, status="empty", group=group)
    found, warnings = quotes.find_quotes(text)
    attributed, speakers, more = attribution.attribute(text, found)
    return Document(source, text, status="ok", group=group, quotes=tuple(attributed),
                    speakers=tuple(speakers), warnings=tuple(warnings) + tuple(more))


def extract_bytes(data: bytes, source: str, group: Optional[str] = None,
                  max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Decode ``data`` and extract from it; a document that cannot be read comes
    back with status ``error`` (never an exception)."""
    if max_bytes and len(data) > max_bytes:
        return Document(source, status="skipped", group=group,
                        error=f"{len(data)} bytes is over the limit of {max_bytes}")
    try:
        decoded = _text.decode(data)
    except _text.DecodeError as e:
        return Document(source, status="error", error=str(e), group=group)
    doc = extract(decoded.text, source=source, group=group)
    return attrs.evolve(doc, encoding=decoded.encoding, warnings=decoded.warnings + doc.warnings)


def extract_file(path: str, group: Optional[str] = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read and extract one file; unreadable files come back with status ``error``."""
    try:
        size = os.path.getsize(path)
        if max_bytes and size > max_bytes:
            return Document(path, status="skipped", group=group,
                            error=f"{size} bytes is over the limit of {max_bytes}")
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        return Document(path, status="error", error=f"cannot read: {e.strerror or e}", group=group)
    return extract_bytes(data, path, group=group, max_bytes=max_bytes)


def extract_files(paths: Iterable[str]) -> list:
    """Extract every file; one Document per path, in order."""
    return [extract_file(p) for p in paths]


def _as_document(item, index: int) -> Document:
    if isinstance(item, Document):
        if item.status == "ok" and not item.quotes and item.text:
            return extract(item.text, source=item.source, group=item.group)
        return item
    if isinstance(item, str):
        return extract(item, source=f"doc{index}")
    if isinstance(item, dict):
        return extract(item["text"], source=str(item.get("id", f"doc{index}")), group=item.get("group"))
    if isinstance(item, tuple) and len(item) == 2:
        return extract(item[1], source=str(item[0]))
    raise TypeError(f"check() takes Documents, str, dicts or (id, text) pairs, not {type(item).__name__}")


def check(docs) -> Report:
    """Extract (where needed) and check a set of documents across sources.

    ``docs`` holds :class:`Document` records, plain strings, ``{"id", "text", "group"}``
    dicts or ``(id, text)`` pairs.
    """
    documents = tuple(_as_document(d, i) for i, d in enumerate(docs))
    clusters, findings = crosssource.check_documents(documents)
    return Report(documents, tuple(clusters), tuple(findings))


def check_files(paths: Iterable[str]) -> Report:
    """:func:`check` on files read from disk."""
    return check(extract_files(paths))
