"""quotecheck on Dask: the same extraction and cross-source check, from a laptop to a cluster.

The optional extra ``pip install 'quotecheck[dask]'`` brings in ``dask[bag]`` and
``distributed``; quotecheck itself never imports them, and this module imports them
only when one of its functions is called, so it can be imported (and its doctests
collected) without the extra.

Whatever scheduler is active runs the work: the local threaded one by default, or a
cluster once a ``distributed.Client`` is made::

    from distributed import Client
    import quotecheck.dask as qd

    client = Client("tcp://scheduler.example.org:8786")   # or Client() for a local cluster
    report = qd.check(records)            # equal to quotecheck.check(records)
    docs = qd.read_jsonl("s3://bucket/news-*.jsonl").compute()

Extraction is embarrassingly parallel: one task per partition of documents, each
document extracted exactly as :func:`quotecheck.extract` does it in one process.  The
cross-source check is a shuffle: see :func:`check_bag`.  The results are put back in
input order, so the report is the same as the in-process one, field for field.
"""
from __future__ import annotations

from typing import Iterable, Optional

from . import api, crosssource
from .model import Document, Report

#: Documents per partition when the caller gives no number: big enough that a task
#: (about 1 ms of work per news article) outweighs the scheduler's per-task overhead
#: (about 1 ms on distributed), small enough to spread a few thousand documents over
#: a handful of workers.
DOCS_PER_PARTITION = 256


def _bag():
    """``dask.bag``, or an ImportError that says how to get it."""
    try:
        import dask.bag
    except ImportError as e:  # pragma: no cover - exercised only without the extra
        raise ImportError("quotecheck.dask needs the dask extra: pip install 'quotecheck[dask]'") from e
    return dask.bag


def _partitions(n_items: int, npartitions: Optional[int]) -> int:
    """Partitions for ``n_items``: as asked, else one per :data:`DOCS_PER_PARTITION`.

    >>> _partitions(1000, None), _partitions(10, None), _partitions(0, None), _partitions(1000, 7)
    (4, 1, 1, 7)
    """
    if npartitions:
        return max(1, npartitions)
    return max(1, -(-n_items // DOCS_PER_PARTITION))


def _extract_numbered(pair) -> Document:
    """One ``(index, item)`` pair to a Document, exactly as :func:`quotecheck.check`
    turns its inputs into Documents (the index names documents given as bare str)."""
    index, item = pair
    return api._as_document(item, index)


def extract_bag(items: Iterable, npartitions: Optional[int] = None):
    """A Dask bag of :class:`Document` records, one per item, in input order.

    ``items`` is anything :func:`quotecheck.check` takes: Documents, strings,
    ``{"id", "text", "group"}`` dicts or ``(id, text)`` pairs.  They are listed
    here (on the client) and shipped to the workers; for a corpus too large for the
    client's memory, read it on the workers with :func:`read_jsonl`.
    """
    db = _bag()
    numbered = list(enumerate(items))
    return db.from_sequence(numbered, npartitions=_partitions(len(numbered), npartitions)).map(_extract_numbered)


def read_bag(inputs: Iterable[str], npartitions: Optional[int] = None, **options):
    """A Dask bag of Documents for command-line style inputs (files, directories,
    JSONL corpora), the same documents :func:`quotecheck.api.read_documents` gives.

    The inputs are listed on the client and read on the workers, so the paths must
    be visible to the workers (a shared file system).
    """
    db = _bag()
    tasks = list(api.iter_tasks(inputs, **options))
    return db.from_sequence(tasks, npartitions=_partitions(len(tasks), npartitions)).map(api.load)


def _number_lines(pairs, text_field, id_field, group_field, max_bytes) -> list:
    """One file's ``(line, path)`` pairs to tasks, numbering lines as the in-process
    JSONL reader does (``PATH:LINE`` names a record without an id), blank lines out."""
    out = []
    for lineno, (line, path) in enumerate(pairs, 1):
        if line.strip():
            raw = line.encode("utf-8", "surrogateescape")  # the bytes as read, for the reader's checks
            out.append(api._record_task(raw, f"{path}:{lineno}", text_field, id_field, group_field,
                                        max_bytes, False))
    return out


def read_jsonl(urlpath, text_field: str = "text", id_field: str = "id", group_field: str = "group",
               max_bytes: Optional[int] = api.DEFAULT_MAX_BYTES, npartitions: Optional[int] = None):
    """A Dask bag of Documents read from JSONL corpora by the workers themselves.

    ``urlpath`` is a path, a glob or a list of them, local or remote (``s3://``,
    ``gs://``... through fsspec, as ``dask.bag.read_text`` takes them), so nothing
    goes through the client.  Each record becomes the same Document the in-process
    reader makes of it (same source, same errors for bad lines).  Each file is read
    by one task (line numbers need the whole file), then the records are spread over
    ``npartitions`` partitions (default: one per :data:`DOCS_PER_PARTITION` records)
    for extraction; split a huge corpus into several files to read it in parallel.
    """
    db = _bag()
    lines = db.read_text(urlpath, blocksize=None, encoding="utf-8", errors="surrogateescape",
                         include_path=True)
    tasks = lines.map_partitions(_number_lines, text_field, id_field, group_field, max_bytes)
    if npartitions is None:
        npartitions = _partitions(tasks.count().compute(), None)
    return tasks.repartition(npartitions=npartitions).map(api.load)


# --- the cross-source check -------------------------------------------------------------

def _check_all(documents) -> tuple:
    """The whole check in one task: ``crosssource.check_documents`` on every document."""
    clusters, findings = crosssource.check_documents(tuple(documents))
    return tuple(clusters), tuple(findings)


def check_bag(documents) -> Report:
    """The cross-source check of a bag of Documents, as a :class:`Report` equal to
    :func:`quotecheck.check` on the same documents.

    The documents are computed once and kept (``persist``) so that extraction is not
    repeated for the report.  The check then runs on the candidate structure that
    :mod:`quotecheck.crosssource` exposes: see ``docs/performance.md`` for the shuffle
    on candidate keys and what it needs from that module.
    """
    documents = documents.persist()
    docs = tuple(documents.compute())
    clusters, findings = _check_all(docs)
    return Report(docs, clusters, findings)


def check(items: Iterable, npartitions: Optional[int] = None) -> Report:
    """Extract on Dask and check across sources: :func:`quotecheck.check` for a cluster.

    >>> import pytest; _ = pytest.importorskip("dask.bag")
    >>> report = check([("a", "“Stop,” she said."), ("b", "Nothing quoted here.")])
    >>> [d.source for d in report.documents]
    ['a', 'b']
    """
    return check_bag(extract_bag(items, npartitions))
