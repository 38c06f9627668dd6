"""Which story a document belongs to, and how to name it for a reader.

Stories: documents about one story are compared with each other only.  A folder per story
groups by itself; a flat folder of ``2012-04-23_<story>_<outlet>.txt`` files groups with a
pattern over the file name (``--group-by``), whose first group names the story and whose
named groups ``story``, ``outlet``, ``date`` and ``title`` fill ``Document.meta``.

Labels: a report names a document by its outlet, title and date when the input says them
(JSONL fields, named groups), else by the first heading line of the article, else by its
file name.
"""
from __future__ import annotations

import os
from typing import Optional

import attrs
import regex

from .model import Document

#: ``Document.meta`` names a ``--group-by`` pattern can fill.
META_NAMES = ("title", "outlet", "date")
# A heading: a Markdown heading, or a short line of a few words that does not end like a
# sentence ("Putin weighing options if security demands not met").
_MARKDOWN_HEADING = regex.compile(r"#{1,6}\s++(\S.*+)")
_SENTENCE_END = regex.compile(r"[.!?:;,\"'”’»)\]]\s*+$")
_WORD = regex.compile(r"\w++")


class GroupByError(ValueError):
    """A ``--group-by`` pattern that cannot be used; the message is one sentence."""


def compile_pattern(pattern: str):
    """The compiled ``--group-by`` pattern; it must have a group that names the story.

    >>> compile_pattern(r"\\d{4}-\\d\\d-\\d\\d_([^_]+)_").groups
    1
    """
    try:
        rx = regex.compile(pattern)
    except regex.error as e:
        raise GroupByError(f"--group-by {pattern!r} is not a regular expression ({e})") from None
    if not rx.groups:
        raise GroupByError(f"--group-by {pattern!r} has no group: put the story part in parentheses, "
                           "like '^([^_]+)_'")
    return rx


def group_by(doc: Document, pattern) -> Document:
    """``doc`` with its group set from its file name by ``pattern`` (a compiled
    pattern or a string): the ``story`` named group, else the first unnamed group, else
    the first group.  Named
    groups ``outlet``, ``date`` and ``title`` go into ``doc.meta``.  A file name the
    pattern does not match keeps its group.

    >>> d = group_by(Document("news/2012-04-23_quake_bbc.txt"),
    ...              r"(?P<date>[\\d-]+)_(?P<story>[^_]+)_(?P<outlet>[^.]+)")
    >>> d.group, dict(d.meta)
    ('quake', {'date': '2012-04-23', 'outlet': 'bbc'})
    """
    rx = compile_pattern(pattern) if isinstance(pattern, str) else pattern
    m = rx.search(os.path.basename(doc.source))
    if not m:
        return doc
    named = m.groupdict()
    unnamed = [i for i in range(1, rx.groups + 1) if i not in rx.groupindex.values()]
    story = named.get("story") or m.group(unnamed[0] if unnamed else 1)
    meta = dict(doc.meta)
    for name in META_NAMES:
        if named.get(name) and name not in meta:
            meta[name] = named[name]
    return attrs.evolve(doc, group=story if story else doc.group, meta=tuple(sorted(meta.items())))


def heading(text: str, lines: int = 3) -> Optional[str]:
    """The article's title when its first lines hold one: a Markdown heading, or a
    line of 3 to 25 words that does not end like a sentence, among the first
    ``lines`` non-blank lines before the body starts.

    >>> heading("US News\\n\\nPutin weighing options if security demands not met\\n\\nMOSCOW - He said so.")
    'Putin weighing options if security demands not met'
    >>> heading("“We have nowhere to retreat,” he said.") is None
    True
    >>> heading("4 August 2013 Last updated at 19:47 GMT\\nNew Doctor Who named\\nThe BBC said so.")
    'New Doctor Who named'
    """
    seen = 0
    for line in text[:2000].splitlines():
        line = line.strip()
        if not line:
            continue
        seen += 1
        m = _MARKDOWN_HEADING.fullmatch(line)
        if m:
            return m.group(1).strip()
        tokens = _WORD.findall(line)
        words = len(tokens)
        if len(line) > 200 or (_SENTENCE_END.search(line) and words > 3):
            return None  # the body has started
        dateline = sum(t.isdigit() for t in tokens) * 4 >= words  # "4 August 2013 Last updated at 19:47"
        if 3 <= words <= 25 and not _SENTENCE_END.search(line) and not dateline:
            return line
        if seen >= lines:
            return None
    return None


def label(doc: Optional[Document], source: str) -> dict:
    """How a report names a document: ``outlet``, ``title``, ``date`` (``None`` when
    unknown) and ``name``, the short name to show when nothing else is known.

    >>> label(Document("x/a.txt", "Markets rally after long weekend\\n\\nBody."), "x/a.txt")["title"]
    'Markets rally after long weekend'
    """
    meta = dict(doc.meta) if doc is not None else {}
    title = meta.get("title") or (heading(doc.text) if doc is not None and doc.text else None)
    return {"outlet": meta.get("outlet"), "title": title, "date": meta.get("date"),
            "name": os.path.basename(source.rstrip("/\\")) or source}


def story_name(group: Optional[str]) -> str:
    """A story's name as shown: the last part of a folder path, or the group as given.

    >>> story_name("stories/putin-speech/"), story_name(None)
    ('putin-speech', 'all documents')
    """
    if group is None:
        return "all documents"
    name = os.path.basename(group.rstrip("/\\"))
    return name or group
