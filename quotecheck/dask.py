"""quotecheck on Dask: the same extraction and cross-source check, from a laptop to a cluster.

The optional extra ``pip install 'quotecheck[dask]'`` brings in ``dask[bag]`` and
``distributed``; quotecheck itself never imports them, and this module imports them
only when one of its functions is called, so it can be imported (and its doctests
collected) without the extra.

Whatever scheduler is active runs the work: Dask's local one by default (worker
processes, for bags), or a cluster once a ``distributed.Client`` is made::

    from distributed import Client
    import quotecheck.dask as qd

    client = Client("tcp://scheduler.example.org:8786")   # or Client() for a local cluster
    report = qd.check(records)            # equal to quotecheck.check(records)
    docs = qd.read_jsonl("s3://bucket/news-*.jsonl").compute()

Extraction is embarrassingly parallel: one task per partition of documents, each
document extracted exactly as :func:`quotecheck.extract` does it in one process.  The
cross-source check is a shuffle on candidate keys: see :func:`check_items`.  The results are put back in
input order, so the report is the same as the in-process one, field for field.
"""
from __future__ import annotations

import collections
from typing import Iterable, Optional

from . import api, crosssource, parallel
from .model import Document, Report

#: The work of one partition when the caller gives no number, in characters (as
#: :func:`quotecheck.api.task_weight` weighs a document, so partitions are by size, not
#: by count): about a second of extraction, far above the scheduler's per-task cost
#: (about 1 ms on distributed), small enough to spread a few thousand news articles
#: over a handful of workers.
PARTITION_WEIGHT = 1_000_000


def _bag():
    """``dask.bag``, or an ImportError that says how to get it."""
    try:
        import dask.bag
    except ImportError as e:  # pragma: no cover - exercised only without the extra
        raise ImportError("quotecheck.dask needs the dask extra: pip install 'quotecheck[dask]'") from e
    return dask.bag


def _weighed(items: list, weight, npartitions: Optional[int]) -> list:
    """``items`` as a list of partitions: ``npartitions`` about equal in count when
    asked for, else cut by :func:`quotecheck.parallel` 's weighed chunking at
    :data:`PARTITION_WEIGHT` (at least one partition).

    >>> [len(p) for p in _weighed(["x" * 600_000] * 3 + ["y"] * 5, len, None)]
    [2, 6]
    >>> [len(p) for p in _weighed(list(range(10)), len, 3)], _weighed([], len, None)
    ([4, 4, 2], [[]])
    """
    if npartitions:
        size = max(1, -(-len(items) // max(1, npartitions)))
        return [items[i:i + size] for i in range(0, len(items), size)] or [[]]
    return [chunk for _, chunk in parallel._chunks(items, max(1, len(items)), weight, PARTITION_WEIGHT)] or [[]]


def _from_partitions(parts: list):
    """A bag whose partitions are exactly ``parts``."""
    return _bag().from_sequence(parts, npartitions=len(parts)).flatten()


def _item_weight(pair) -> int:
    """An ``(index, item)`` pair of :func:`extract_bag` weighed as a task is."""
    item = pair[1]
    body = getattr(item, "text", None) if not isinstance(item, (str, dict, tuple)) else (
        item if isinstance(item, str) else item.get("text") if isinstance(item, dict) else item[-1])
    return (len(body) if isinstance(body, str) else 0) + api.DOCUMENT_WEIGHT


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
    numbered = list(enumerate(items))
    return _from_partitions(_weighed(numbered, _item_weight, npartitions)).map(_extract_numbered)


def read_bag(inputs: Iterable[str], npartitions: Optional[int] = None, **options):
    """A Dask bag of Documents for command-line style inputs (files, directories,
    JSONL corpora), the same documents :func:`quotecheck.api.read_documents` gives.

    The inputs are listed on the client and read on the workers, so the paths must
    be visible to the workers (a shared file system).
    """
    tasks = list(api.iter_tasks(inputs, **options))
    return _from_partitions(_weighed(tasks, api.task_weight, npartitions)).map(api.load)


def _number_lines(pairs, text_field, id_field, group_field, max_bytes) -> list:
    """One file's ``(line, path)`` pairs to tasks, numbering lines as the in-process
    JSONL reader does (``PATH:LINE`` names a record without an id), blank lines out."""
    out = []
    for lineno, (line, path) in enumerate(pairs, 1):
        if line.strip():
            raw = line.encode("utf-8", "surrogateescape")  # the bytes as read, for the reader's checks
            out.append(api.line_task(raw, f"{path}:{lineno}", (text_field, id_field, group_field, ()),
                                     max_bytes))
    return out


def read_jsonl(urlpath, text_field: str = "text", id_field: str = "id", group_field: str = "group",
               max_bytes: Optional[int] = api.DEFAULT_MAX_BYTES, npartitions: Optional[int] = None):
    """A Dask bag of Documents read from JSONL corpora by the workers themselves.

    ``urlpath`` is a path, a glob or a list of them, local or remote (``s3://``,
    ``gs://``... through fsspec, as ``dask.bag.read_text`` takes them), so nothing
    goes through the client.  Each record becomes the same Document the in-process
    reader makes of it (same source, same errors for bad lines).  Each file is read
    by one task (line numbers need the whole file), then the records are spread over
    ``npartitions`` partitions (default: one per :data:`PARTITION_WEIGHT` of text)
    for extraction; split a huge corpus into several files to read it in parallel.
    """
    db = _bag()
    lines = db.read_text(urlpath, blocksize=None, encoding="utf-8", errors="surrogateescape",
                         include_path=True)
    tasks = lines.map_partitions(_number_lines, text_field, id_field, group_field, max_bytes)
    if npartitions is None:
        npartitions = max(1, -(-tasks.map(api.task_weight).sum().compute() // PARTITION_WEIGHT))
    return tasks.repartition(npartitions=npartitions).map(api.load)


# --- the cross-source check -------------------------------------------------------------
#
# crosssource.check_documents composes five pure steps (items, candidate keys, compare,
# clusters, findings).  Here the same steps run as a Dask graph, with shuffles where
# check_documents uses a dict:
#
#   documents --(per partition)--> items, numbered as check_documents numbers them
#   A. shuffle light records (key, item key, kind) on the candidate key: each bucket
#      yields its candidate pairs exactly as crosssource.candidate_pairs pairs a bucket
#      (members in key order, the same cap and window)
#   B. shuffle on the pair's first item: the duplicates of a pair (it shares several
#      keys) meet and are dropped, and the first item joins its pairs
#   C. shuffle on the pair's second item: both items meet and crosssource.compare runs,
#      once per pair
#   the matches (two item keys and a few words each) come back to the client, which
#   finds the clusters (crosssource.clusters_from_matches: the keys mapped to positions,
#   then the union-find of the in-process check, clusters_from_index_pairs)
#   D. shuffle the clustered items on their cluster: each cluster's record and findings
#      are made where its items are (crosssource.cluster_record, findings_for_cluster)
#
# Nothing but the matches and the final clusters and findings ever goes through the
# client, and no step holds all items in one place.
#
# Items are addressed by a "uid", (item key, n): the key check_documents uses plus the
# item's rank among items of one document with that same key.  A document can give two
# items one key (the same span reported twice); check_documents keeps both as separate
# items (separate candidate pairs and comparisons), and the uid keeps both apart through
# the shuffles.  The clusters are found over the matched keys alone: compare never matches
# two items of one key, and the clusters are looked up by key (_in_clusters), so every
# item of a matched key joins that key's cluster (tests/test_dask.py:
# test_two_items_with_one_key_cluster_as_in_process).

class _Ref:
    """An item reduced to its key: what clusters_from_matches needs of an item."""

    __slots__ = ("key",)

    def __init__(self, key):
        self.key = key


def _items(docs: list, offset: int) -> list:
    """``(uid, item)`` for the items of one partition of documents, numbered from
    ``offset`` (items of one key are ranked in utterances' order, which is
    check_documents' order for them: its sort by key is stable)."""
    out = []
    for i, d in enumerate(docs):
        seen: collections.Counter = collections.Counter()
        for it in crosssource.utterances(d, offset + i):
            out.append(((it.key, seen[it.key]), it))
            seen[it.key] += 1
    return out


def _key_records(items: list) -> list:
    """Stage A input: ``(candidate key, uid, kind)`` for every key of every item."""
    return [(k, uid, it.kind) for uid, it in items for k in crosssource.candidate_keys(it)]


def _bucket_pairs(bucket) -> list:
    """Stage A: one bucket's candidate pairs ``(uid_a, uid_b)``, ``uid_a < uid_b``, as
    crosssource.candidate_pairs pairs a bucket."""
    key, records = bucket
    if len(records) < 2:
        return []
    members = sorted(records, key=lambda r: r[1])
    para_only = key.startswith("p|")
    reach = len(members) if len(members) <= crosssource.BUCKET_CAP else crosssource.BUCKET_WINDOW
    out = []
    for x, (_, ka, kind_a) in enumerate(members):
        for _, kb, kind_b in members[x + 1: x + 1 + reach]:
            if para_only and kind_a != "paraphrase" and kind_b != "paraphrase":
                continue
            out.append((ka, kb))
    return out


def _tag_item(pair):
    uid, item = pair
    return (uid, 0, item)


def _tag_pair(pair):
    return (pair[0], 1, pair[1])


def _tagged_key(record):
    return record[0]


def _split_group(group) -> tuple:
    """A joined group's item (its first record tagged 0; None when it has none) and the
    values of its records tagged 1, in order.

    >>> _split_group((7, [(7, 1, 9), (7, 0, "item"), (7, 1, 8)]))
    ('item', [9, 8])
    """
    _, records = group
    item = next((r[2] for r in records if r[1] == 0), None)
    return item, [r[2] for r in records if r[1] == 1]


def _half_pairs(group) -> list:
    """Stage B: an item with the distinct partners its pairs name, as
    ``(partner uid, 1, item)`` records for stage C."""
    item, partners = _split_group(group)
    if item is None:
        return []
    return [(kb, 1, item) for kb in sorted(set(partners))]


def _compare_group(group) -> list:
    """Stage C: the matches between an item and the items paired with it."""
    b, others = _split_group(group)
    if b is None:
        return []
    return [m for m in (crosssource.compare(a, b) for a in others) if m is not None]


def _clusters_by_key(matches: list) -> dict:
    """Item key -> cluster number for every item key in a cluster, from the matches, with
    crosssource.clusters_from_matches (so order and membership are exactly
    check_documents').  The keys the matches name are all it needs: compare never matches
    two items of one key, so the other items of a document that share a matched key (the
    same span given twice) join its cluster through the key (:func:`_in_clusters`)."""
    keys = sorted({m.a for m in matches} | {m.b for m in matches})
    groups = crosssource.clusters_from_matches([_Ref(k) for k in keys], matches)
    return {r.key: n for n, g in enumerate(groups) for r in g}


def _in_clusters(items: list, where: dict) -> list:
    """Stage D input: ``(cluster number, item)`` for the items that are in a cluster."""
    return [(where[it.key], it) for _, it in items if it.key in where]


def _cluster_result(group) -> tuple:
    """Stage D: one cluster's record and findings, as check_documents makes them."""
    number, pairs = group
    items = tuple(sorted((it for _, it in pairs), key=lambda it: it.key))
    return (number, crosssource.cluster_record(items), tuple(crosssource.findings_for_cluster(items)))


def _first(pair):
    return pair[0]


def _offsets(documents) -> list:
    """The index of each partition's first document (documents are numbered across
    the whole bag, as check_documents numbers them in one list)."""
    import dask

    parts = documents.to_delayed()
    lengths = dask.compute(*[dask.delayed(len)(p) for p in parts])
    out, n = [], 0
    for size in lengths:
        out.append(n)
        n += size
    return out


def check_items(documents, npartitions: Optional[int] = None) -> tuple:
    """``(clusters, findings)`` for a bag of Documents by shuffles on candidate keys:
    the same as ``crosssource.check_documents`` on the computed documents, never
    holding every item in one place (see the comment above for the stages)."""
    import dask
    db = _bag()

    parts = documents.to_delayed()
    offsets = _offsets(documents)
    items = db.from_delayed([dask.delayed(_items)(p, off) for p, off in zip(parts, offsets)])
    items = items.persist()
    n = npartitions or items.npartitions
    pairs = (items.map_partitions(_key_records)
             .groupby(_first, shuffle="tasks", npartitions=n)
             .map(_bucket_pairs).flatten())
    halves = (db.concat([items.map(_tag_item), pairs.map(_tag_pair)])
              .groupby(_tagged_key, shuffle="tasks", npartitions=n)
              .map(_half_pairs).flatten())
    matches = (db.concat([items.map(_tag_item), halves])
               .groupby(_tagged_key, shuffle="tasks", npartitions=n)
               .map(_compare_group).flatten()).compute()
    where = _clusters_by_key(matches)
    if not where:
        return (), ()
    results = (items.map_partitions(_in_clusters, where)
               .groupby(_first, shuffle="tasks", npartitions=n)
               .map(_cluster_result)).compute()
    results.sort(key=_first)
    clusters = tuple(r[1] for r in results)
    findings = tuple(f for r in results for f in r[2])
    return clusters, findings


def check_bag(documents, npartitions: Optional[int] = None) -> Report:
    """The cross-source check of a bag of Documents, as a :class:`Report` equal to
    :func:`quotecheck.check` on the same documents.

    The documents are computed once and kept (``persist``) so that extraction is not
    repeated: once for the report's documents, once for :func:`check_items`.
    """
    documents = documents.persist()
    clusters, findings = check_items(documents, npartitions)
    return Report(tuple(documents.compute()), clusters, findings)


def check(items: Iterable, npartitions: Optional[int] = None) -> Report:
    """Extract on Dask and check across sources: :func:`quotecheck.check` for a cluster.

    >>> import pytest; _ = pytest.importorskip("dask.bag")
    >>> report = check([("a", "“Stop,” she said."), ("b", "Nothing quoted here.")])
    >>> [d.source for d in report.documents]
    ['a', 'b']
    """
    return check_bag(extract_bag(items, npartitions), npartitions)
