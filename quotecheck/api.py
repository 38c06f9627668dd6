"""The public functions: read documents, extract quotes, check across sources.

The CLI calls these and nothing else, so everything the command line can do, Python
can do too (``quotecheck check DIR`` is ``check_files(["DIR"])``).

Reading never raises for a bad input: a missing file, a binary file, a JSONL record
without text, a document over the size limit all come back as a :class:`Document`
with status ``error`` or ``skipped`` and a one-sentence reason, so a run over a corpus
loses nothing and one bad document never stops the others.

>>> doc = extract("“We have nowhere to retreat,” he said.")
>>> doc.status, len(doc.speech)
('ok', 1)
>>> [d.status for d in read_documents(["no/such/file.txt"])]
['error']
"""
from __future__ import annotations

import errno
import fnmatch
import functools
import json
import os
import stat
import sys
from typing import Iterable, Iterator, NamedTuple, Optional

import attrs
import regex

from . import attribution, crosssource, decoding as _decoding, parallel, quotes
from .model import Document, Report, Warning

#: Documents larger than this many bytes are reported as ``skipped``, not read.
DEFAULT_MAX_BYTES = 5_000_000
#: Files picked up when a directory is given.
DEFAULT_GLOBS = ("*.txt", "*.md")
#: File endings read as JSONL corpora (one JSON record per line) rather than as one article.
JSONL_SUFFIXES = (".jsonl", ".ndjson")

# JSON can spell lone surrogates ("\ud800"); they cannot be written out as UTF-8, so they
# become U+FFFD (one character for one, offsets unchanged) with a warning.
_SURROGATE = regex.compile(r"[\ud800-\udfff]")


# --- extracting one document -----------------------------------------------------------

def extract(text: str, source: str = "<text>", group: Optional[str] = None,
            meta: Optional[dict] = None) -> Document:
    """Find and attribute every quotation in ``text``.  ``meta`` is what the caller knows
    of the article (``title``, ``outlet``, ``date``; the command line's ``--date-field``
    and the like): it is kept as ``Document.meta``, and an ISO ``date`` lets the
    cross-source check tell two occasions apart (docs/rules.md).

    >>> doc = extract("“We have nowhere to retreat,” he said.", meta={"date": "2021-12-21"})
    >>> [q.text for q in doc.speech], doc.meta
    (['“We have nowhere to retreat,”'], (('date', '2021-12-21'),))
    >>> extract("   ").status
    'empty'
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() wants a str, not {type(text).__name__}")
    pairs = tuple(sorted((str(k), str(v)) for k, v in (meta or {}).items() if v is not None))
    if not text.strip():
        return Document(source, text, status="empty", group=group, meta=pairs)
    found, warnings = quotes.find_quotes(text)
    attributed, speakers, more = attribution.attribute(text, found)
    return Document(source, text, status="ok", group=group, quotes=tuple(attributed),
                    speakers=tuple(speakers), warnings=tuple(warnings) + tuple(more), meta=pairs)


def _over_limit(size: int, max_bytes: Optional[int]) -> Optional[str]:
    """The reason a document of ``size`` bytes is skipped, or None when it fits."""
    if max_bytes and size > max_bytes:
        return f"{size} bytes is over the size limit of {max_bytes} bytes (--max-bytes)"
    return None


def extract_bytes(data: bytes, source: str, group: Optional[str] = None,
                  max_bytes: Optional[int] = DEFAULT_MAX_BYTES) -> Document:
    """Decode ``data`` and extract from it; a document that cannot be read comes
    back with status ``error`` (never an exception).

    >>> extract_bytes(b"\\x00\\x01binary", "x.bin").status
    'error'
    >>> extract_bytes(b"\\x93Hi,\\x94 she said.", "old.txt").encoding
    'cp1252'
    """
    too_big = _over_limit(len(data), max_bytes)
    if too_big:
        return Document(source, status="skipped", error=too_big, group=group)
    try:
        decoded = _decoding.decode(data)
    except _decoding.DecodeError as e:
        return Document(source, status="error", error=str(e), group=group)
    doc = extract(decoded.text, source=source, group=group)
    return attrs.evolve(doc, encoding=decoded.encoding, warnings=decoded.warnings + doc.warnings)


def extract_file(path: str, group: Optional[str] = None,
                 max_bytes: Optional[int] = DEFAULT_MAX_BYTES) -> Document:
    """Read and extract one file; unreadable files come back with status ``error``,
    files over ``max_bytes`` with status ``skipped`` (without being read), and
    anything but a regular file (a FIFO, a socket, a device) with status ``error``
    without being opened for a blocking read."""
    try:
        with open_regular(path) as f:
            too_big = _over_limit(os.fstat(f.fileno()).st_size, max_bytes)
            if too_big:
                return Document(path, status="skipped", error=too_big, group=group)
            # Bounded even here: the file may grow between the size and the read.
            data = f.read(max_bytes + 1 if max_bytes else -1)
            if max_bytes and len(data) > max_bytes:
                return Document(path, status="skipped", group=group,
                                error=f"over the size limit of {max_bytes} bytes (--max-bytes)")
    except NotRegularFile as e:
        return Document(path, status="error", error=str(e), group=group)
    except OSError as e:
        return Document(path, status="error", error=_os_reason(e), group=group)
    return extract_bytes(data, path, group=group, max_bytes=max_bytes)


class NotRegularFile(OSError):
    """The path is a FIFO, a socket, a device or a folder: not something to read as a
    document (a FIFO or a terminal would block the run forever)."""


_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISDIR, "a folder"))


def _not_regular(mode: int) -> Optional[str]:
    """Why a file of this ``st_mode`` is not read, or None for a regular file.

    >>> _not_regular(stat.S_IFREG | 0o644) is None, _not_regular(stat.S_IFIFO | 0o644)
    (True, 'not a regular file: a FIFO (named pipe)')
    """
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _KINDS if test(mode)), "not a file")
    return f"not a regular file: {kind}"


def open_regular(path: str):
    """``open(path, "rb")`` for a regular file only: the path is checked with
    :func:`os.stat` before it is opened (opening a device can have effects of its own),
    opened non-blocking (so a FIFO swapped in meanwhile cannot block) and checked
    again on the open descriptor.  Raises :class:`NotRegularFile` or the OSError of
    the failing call."""
    why = _not_regular(os.stat(path).st_mode)
    if why:
        raise NotRegularFile(why)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        why = _not_regular(os.fstat(fd).st_mode)
        if why:
            raise NotRegularFile(why)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _os_reason(e: OSError) -> str:
    """An OSError as the short reason a user reads (``cannot read: no such file or
    directory``, ``cannot read: too many levels of symbolic links``)."""
    if isinstance(e, NotRegularFile):
        return str(e)
    reason = e.strerror or str(e)
    if e.errno == errno.ENOENT and e.filename and os.path.islink(e.filename):
        reason = "broken symbolic link (its target does not exist)"
    return f"cannot read: {reason[:1].lower()}{reason[1:]}"


# --- inputs: files, directories, JSONL corpora, standard input --------------------------

class Task(NamedTuple):
    """One document to load, small and picklable so that worker processes can take it.

    ``kind`` says what ``payload`` is: ``file`` (a path), ``bytes`` (standard input),
    ``line`` (a JSONL line as read, with the names of its fields: parsed by
    :func:`load`), ``text`` (a JSONL record's text) or ``done`` (an already finished
    Document: an error or a skip found while listing the inputs).
    """

    kind: str
    source: str
    payload: object
    group: Optional[str] = None
    max_bytes: Optional[int] = DEFAULT_MAX_BYTES
    strict: bool = False
    #: ``(name, value)`` pairs for ``Document.meta`` (a JSONL record's title, outlet, date).
    meta: tuple = ()


def _matches(relpath: str, globs) -> bool:
    """Whether a file found in a directory is wanted: a pattern without ``/`` is
    matched against the file name, one with ``/`` against the path below the directory.

    >>> _matches("story/a.txt", ("*.txt",)), _matches("a.json", ("*.txt", "*.md"))
    (True, False)
    """
    name = relpath.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatchcase(relpath if "/" in g else name, g) for g in globs)


def _walk(root: str, globs, max_bytes, strict, fields=("text", "id", "group"),
          passed_over: Optional[list] = None, meta_fields=None) -> Iterator[Task]:
    """Files under ``root`` that match ``globs``, in a stable (sorted) order.

    Hidden folders (``.git``, ``.venv``) and hidden files are not entered or counted.
    A file's group is the folder it sits in, so a folder per story groups each
    story's sources together.  Files that match no glob go to ``passed_over``.

    A symbolic link to a folder is followed, once: a link to a folder this walk has
    read already (a loop back to a folder above it, or a second way to the same folder)
    is not entered again and comes back as a ``skipped`` document saying so.
    """
    def fail(e):  # a folder that cannot be listed is reported, not skipped silently
        pending.append(Task("done", e.filename or root, Document(
            e.filename or root, status="error", error=_os_reason(e))))

    pending: list = []
    seen = set()  # (device, inode) of every folder entered
    try:
        seen.add(_folder_key(root))
    except OSError:
        pass  # os.walk reports it
    for dirpath, dirnames, filenames in os.walk(root, onerror=fail, followlinks=True):
        yield from pending
        pending.clear()
        keep = []
        for d in sorted(d for d in dirnames if not d.startswith(".")):
            path = os.path.join(dirpath, d)
            try:
                key = _folder_key(path)
            except OSError:
                keep.append(d)  # os.walk reports it
                continue
            if key in seen:
                pending.append(Task("done", path, Document(path, status="skipped", error=(
                    f"a symbolic link to {os.path.realpath(path)}, a folder read already in this "
                    "run: not read twice (a link loop or a second way to the same folder)"))))
                continue
            seen.add(key)
            keep.append(d)
        dirnames[:] = keep
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            if _matches(rel, globs):
                if name.endswith(JSONL_SUFFIXES):
                    yield from _jsonl_tasks(path, *fields, max_bytes=max_bytes, strict=strict,
                                            meta_fields=meta_fields)
                else:
                    yield Task("file", path, path, dirpath, max_bytes, strict)
            elif passed_over is not None and not name.startswith("."):
                passed_over.append(path)
    yield from pending


def _folder_key(path: str) -> tuple:
    """What makes a folder the same folder whatever the path to it: device and inode."""
    st = os.stat(path)
    return st.st_dev, st.st_ino


def _jsonl_tasks(path: str, text_field: str = "text", id_field: str = "id",
                 group_field: str = "group", max_bytes=DEFAULT_MAX_BYTES,
                 strict: bool = False, meta_fields=None) -> Iterator[Task]:
    """Stream a JSONL corpus: one task per non-blank line, read one line at a time.

    A record's source is its ``id_field`` (or ``PATH:LINE`` when it has none); a line
    that is not a JSON object, or has no string ``text_field``, becomes a document with
    status ``error``; a line over ``max_bytes`` is skipped without being held in memory.
    """
    try:
        f = open_regular(path)
    except OSError as e:
        yield Task("done", path, Document(path, status="error", error=_os_reason(e)))
        return
    limit = max_bytes + 1 if max_bytes else -1
    fields = (text_field, id_field, group_field, tuple(sorted((meta_fields or {}).items())))
    with f:
        lineno = 0
        while True:
            line = f.readline(limit)
            if not line:
                return
            lineno += 1
            where = f"{path}:{lineno}"
            if max_bytes and len(line) > max_bytes and not line.endswith(b"\n"):
                size = len(line) + _skip_line(f)
                yield Task("done", where, Document(where, status="skipped", error=_over_limit(size, max_bytes)))
                continue
            if not line.strip():
                continue
            # Parsed by load(), in a worker when there are several: JSON decoding is
            # the heaviest part of reading a corpus, and the parent only hands lines out.
            yield line_task(line, where, fields, max_bytes, strict)


def line_task(line: bytes, where: str, fields=("text", "id", "group", ()),
              max_bytes: Optional[int] = DEFAULT_MAX_BYTES, strict: bool = False) -> Task:
    """The task of one JSONL line as read (``where`` is ``PATH:LINE``); ``fields`` is
    ``(text_field, id_field, group_field, meta_fields)``, ``meta_fields`` as sorted
    ``(name, field)`` pairs.  :func:`load` parses it.

    >>> load(line_task(b'{"id": "a1", "text": "Quiet."}', "c.jsonl:1")).source
    'a1'
    """
    return Task("line", where, (line, tuple(fields)), None, max_bytes, strict)


def _skip_line(f, chunk: int = 1 << 20) -> int:
    """Read past the rest of an over-long line in chunks; return how many bytes."""
    n = 0
    while True:
        part = f.readline(chunk)
        n += len(part)
        if not part or part.endswith(b"\n"):
            return n


def _record_task(line: bytes, where: str, text_field, id_field, group_field, max_bytes, strict,
                 meta_fields=None) -> Task:
    """One JSONL line as a task (or as a finished error document, saying what is wrong)."""
    def error(reason, source=where):
        return Task("done", source, Document(source, status="error", error=reason))

    try:
        record = json.loads(line.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return error("line is not UTF-8 (JSONL must be UTF-8)")
    except ValueError as e:
        return error(f"line is not valid JSON ({e.msg}, column {e.colno})")
    if not isinstance(record, dict):
        return error(f"line is a JSON {type(record).__name__}, not an object")
    rid = record.get(id_field)
    source = where if rid is None or isinstance(rid, (dict, list)) else str(rid)
    group = record.get(group_field)
    group = None if group is None or isinstance(group, (dict, list)) else str(group)
    body = record.get(text_field)
    if not isinstance(body, str):
        what = "has no" if body is None else f"has a {type(body).__name__} in its"
        return Task("done", source, Document(source, status="error", group=group,
                                             error=f"record {what} {text_field!r} field (--text-field)"))
    meta = tuple((name, str(record[field])) for name, field in sorted(dict(meta_fields or {}).items())
                 if isinstance(record.get(field), (str, int, float)) and not isinstance(record.get(field), bool))
    return Task("text", source, body, group, max_bytes, strict, meta)


def iter_tasks(inputs: Iterable[str], globs=DEFAULT_GLOBS, text_field: str = "text",
               id_field: str = "id", group_field: str = "group",
               max_bytes: Optional[int] = DEFAULT_MAX_BYTES, stdin=None,
               strict: bool = False, passed_over: Optional[list] = None,
               meta_fields: Optional[dict] = None) -> Iterator[Task]:
    """Turn command-line style inputs into tasks, lazily and in order.

    An input is a file, a directory (searched recursively for ``globs``), a JSONL
    corpus (``*.jsonl``, streamed) or ``-`` for standard input (``stdin``, a binary
    stream; ``sys.stdin.buffer`` by default).  A path that does not exist (or cannot
    be looked at: a symbolic link loop, say) becomes a document with status
    ``error`` saying why; so does anything but a regular file or a folder.
    ``meta_fields`` maps ``title``, ``outlet`` and ``date`` to the JSONL fields that
    hold them (``Document.meta``).

    Files found in folders that match no glob are not documents; when
    ``passed_over`` is a list, their paths are appended to it, so the caller can
    say what was not read (the CLI does, on stderr).
    """
    for item in inputs:
        item = os.fspath(item)
        if item == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read(max_bytes + 1 if max_bytes else -1)
            if max_bytes and len(data) > max_bytes:
                yield Task("done", "-", Document("-", status="skipped", error=(
                    f"standard input is over the size limit of {max_bytes} bytes (--max-bytes)")))
            else:
                yield Task("bytes", "-", data, None, max_bytes, strict)
        elif os.path.isdir(item):
            yield from _walk(item, tuple(globs or DEFAULT_GLOBS), max_bytes, strict,
                             (text_field, id_field, group_field), passed_over=passed_over,
                             meta_fields=meta_fields)
        elif item.endswith(JSONL_SUFFIXES) and os.path.isfile(item):
            yield from _jsonl_tasks(item, text_field, id_field, group_field, max_bytes, strict, meta_fields)
        else:
            yield _file_task(item, max_bytes, strict)


def _file_task(path: str, max_bytes, strict) -> Task:
    """A path given by name: a task to read it, or a finished error document saying
    why it cannot be read (missing, a symbolic link loop, no permission on its
    folder).  FIFOs, sockets and devices are refused by :func:`extract_file`, which
    never blocks on them."""
    try:
        os.stat(path)
    except OSError as e:
        reason = "no such file or directory" if not os.path.lexists(path) else _os_reason(e)
        return Task("done", path, Document(path, status="error", error=reason))
    return Task("file", path, path, None, max_bytes, strict)


def load(task: Task) -> Document:
    """Run one task: read, decode and extract a document.

    An unexpected exception inside the extractor becomes a document with status
    ``error`` ("internal error ..."), so one document cannot stop a corpus run; with
    ``task.strict`` it propagates instead (the CLI's ``--debug``).
    """
    try:
        if task.kind == "done":
            return task.payload
        if task.kind == "file":
            return extract_file(task.payload, group=task.group, max_bytes=task.max_bytes)
        if task.kind == "bytes":
            return extract_bytes(task.payload, task.source, group=task.group, max_bytes=task.max_bytes)
        if task.kind == "line":
            line, (text_field, id_field, group_field, meta_fields) = task.payload
            record = _record_task(line, task.source, text_field, id_field, group_field,
                                  task.max_bytes, task.strict, meta_fields)
            return load(record)
        return _extract_record(task)
    except Exception as e:  # noqa: BLE001 - the document records it; --debug re-raises
        if task.strict:
            raise
        return Document(task.source, status="error", group=task.group,
                        error=f"internal error while extracting ({type(e).__name__}: {e})")


def _extract_record(task: Task) -> Document:
    """A JSONL record's text: checked against the size limit, lone surrogates
    replaced (with a warning) so the output can always be written as UTF-8."""
    body = task.payload
    too_big = _over_limit(len(body.encode("utf-8", "surrogatepass")), task.max_bytes)
    if too_big:
        return Document(task.source, status="skipped", error=too_big, group=task.group)
    warnings: tuple = ()
    if _SURROGATE.search(body):
        body = _SURROGATE.sub("\ufffd", body)
        warnings = (Warning("lone-surrogate", "lone UTF-16 surrogates in the JSON text were replaced by U+FFFD"),)
    doc = extract(body, source=task.source, group=task.group)
    return attrs.evolve(doc, encoding="utf-8", warnings=warnings + doc.warnings, meta=task.meta)


#: What a document costs besides its characters, in characters: opening and decoding
#: a file, making the Document and writing it out (a one-line file takes about as long
#: as 300 characters of an article).
DOCUMENT_WEIGHT = 300


def task_weight(task: Task) -> int:
    """About how much work a task is, in characters, for batching by size
    (:func:`quotecheck.parallel.imap_ordered`): its text's length (a file's size,
    looked up), plus :data:`DOCUMENT_WEIGHT`.

    >>> task_weight(Task("text", "a", "x" * 1000)), task_weight(Task("done", "b", None))
    (1300, 300)
    """
    if task.kind == "file":
        try:
            size = os.stat(task.payload).st_size
        except OSError:
            size = 0
    elif task.kind == "line":
        size = len(task.payload[0])
    elif task.kind in ("text", "bytes"):
        size = len(task.payload)
    else:
        size = 0
    return size + DOCUMENT_WEIGHT


def load_finished(task: Task, finish) -> object:
    """``finish(load(task))``: a document and what the caller makes of it, done in
    one go (in a worker process when there are several, so a document's output is
    made where the document is, and only that output travels back)."""
    return finish(load(task))


def iter_results(inputs: Iterable[str], finish=None, jobs: int = 1, **options) -> Iterator:
    """``finish(document)`` for every input document (see :func:`iter_tasks` for
    ``options``), in input order; ``finish`` runs where the document was extracted
    (a worker process when ``jobs > 1``), so it must be picklable (a module-level
    function, or a ``functools.partial`` of one).  Without ``finish``, the Documents.

    The tasks go to :func:`quotecheck.parallel.imap_ordered` in chunks weighed by
    size (:func:`task_weight`): one pool for the whole run, a few chunks read ahead,
    so a corpus is never held in memory whole; a small input is done in this process.
    The result is the same whatever ``jobs`` is.  ``jobs`` is capped at the cores
    this process may use (:func:`quotecheck.parallel.capped_jobs`).
    """
    jobs = parallel.capped_jobs(jobs)
    strict = options.get("strict", False)
    func = load if finish is None else functools.partial(load_finished, finish=finish)
    failed = _failed if finish is None else functools.partial(_failed_finished, finish=finish)
    yield from parallel.imap_ordered(func, iter_tasks(inputs, **options), jobs, weight=task_weight,
                                     on_error="raise" if strict else failed)


def iter_documents(inputs: Iterable[str], jobs: int = 1, **options) -> Iterator[Document]:
    """Read and extract every input (see :func:`iter_tasks` for ``options``), yielding
    one :class:`Document` per document in input order, the same whatever ``jobs`` is
    (see :func:`iter_results`)."""
    return iter_results(inputs, None, jobs=jobs, **options)


def _failed_finished(task: Task, message: str, finish) -> object:
    return finish(_failed(task, message))


def _failed(task: Task, message: str) -> Document:
    """The document of a task whose worker failed outside :func:`load`'s own guard
    (a worker process that died, say): status ``error``, never a lost document."""
    return Document(task.source, status="error", group=task.group,
                    error=f"internal error while extracting ({message})")


def read_documents(inputs: Iterable[str], jobs: int = 1, **options) -> list:
    """:func:`iter_documents` as a list."""
    return list(iter_documents(inputs, jobs=jobs, **options))


def extract_files(paths: Iterable[str], jobs: int = 1, **options) -> list:
    """Extract every file, directory or corpus in ``paths``; one Document per
    document, in order (the same as :func:`read_documents`)."""
    return read_documents(paths, jobs=jobs, **options)


# --- checking across sources -----------------------------------------------------------

def _unread(doc: Document) -> bool:
    """Whether a Document was built by hand (``Document("a", text)``) rather than by
    the readers: status ``ok`` with text but nothing found, no encoding and no
    warning.  Only those are extracted by :func:`check`; a read document, even one
    without quotes, is used as it is (so its encoding and warnings stay)."""
    return (doc.status == "ok" and bool(doc.text) and not doc.quotes and not doc.speakers
            and not doc.warnings and doc.encoding is None)


def _as_document(item, index: int) -> Document:
    if isinstance(item, Document):
        if _unread(item):
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

    >>> report = check([("a", "“Stop,” she said."), ("b", "Nothing quoted here.")])
    >>> [d.source for d in report.documents]
    ['a', 'b']
    """
    documents = tuple(_as_document(d, i) for i, d in enumerate(docs))
    clusters, findings = crosssource.check_documents(documents)
    return Report(documents, tuple(clusters), tuple(findings))


def check_files(paths: Iterable[str], jobs: int = 1, baseline: Optional[str] = None, **options) -> Report:
    """:func:`check` on files, directories or JSONL corpora read from disk.

    ``baseline`` is the path of a baseline file (see :mod:`quotecheck.baseline`): the
    findings it lists are moved to ``report.suppressed``.

    >>> print(check_files(["no/such/file.txt"]))  # doctest: +ELLIPSIS
    1 document (1 error), 0 clusters, 0 findings
    ...
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    report = check(read_documents(paths, jobs=jobs, **options))
    if baseline:
        from . import baseline as _baseline

        report = _baseline.apply(report, _baseline.load(baseline))
    return report
