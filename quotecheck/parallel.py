"""Running extraction over many documents, in one process or several.

:func:`map_ordered` is the one entry point: ``[func(x) for x in items]``, computed by
``jobs`` worker processes when ``jobs > 1``, with the results in input order and
identical whatever ``jobs`` is.  Extraction is CPU-bound pure Python, so threads
would only take turns holding the GIL; processes are what use a second core.

Three things can go wrong in a pool that cannot go wrong in a loop, and each one is
turned back into an ordinary per-item result rather than a crashed run:

* ``func`` raises on one item: the worker catches it, the item's result is
  ``on_error(item, message)`` (by default an :class:`ItemError` record), and the
  other items of its chunk are kept.  The in-process path does exactly the same, so
  the output does not depend on ``jobs``.
* a chunk's arguments or results cannot be pickled: the chunk is recomputed in the
  parent, which is what ``jobs=1`` would have done.
* a worker process dies (killed for memory, a crash in a C extension): the pool is
  broken and every unfinished chunk lost.  The lost items are run again one at a
  time, each in a fresh single-worker pool, so the item that kills its worker is
  the only one that comes back as an error ("worker process died") and the others
  still get their real result.
"""
from __future__ import annotations

import collections
import itertools
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterable, Iterator, Optional

import attrs

#: Items handed to a worker at once when chunks are counted (no ``weight``): large
#: enough that pickling and queue traffic are small next to the work (a news article
#: takes a few milliseconds), small enough that two workers finish together and the
#: parent does not hold many results.
MAX_CHUNK = 32

#: The weight of a chunk when items are weighed (``weight``, about one unit per
#: character of text, see :func:`quotecheck.api.task_weight`): some 60 ms of work at
#: about a million characters a second, so a chunk's round trip (about half a
#: millisecond of pickling and pipes) is under 1 % of it, and the last chunk of a run
#: keeps one worker busy alone for only a moment.
CHUNK_WEIGHT = 64_000

#: At most this many items in a weighed chunk (tiny documents: a chunk of a thousand
#: one-line files is still one round trip).
MAX_WEIGHED_CHUNK = 1024

#: Work that fits in this many weighed chunks is done in this process: starting the
#: workers (a fork each, then their first document loads the data tables) and the
#: round trips would cost about what a second core saves.
IN_PROCESS_CHUNKS = 2

#: Chunks in flight per worker: enough that a worker never waits for the parent,
#: few enough that memory stays flat on a corpus of millions of documents.
AHEAD_PER_JOB = 4


@attrs.frozen
class ItemError:
    """What ``func`` gave instead of a result for one item.

    ``error`` is ``"TypeName: message"``: a string rather than the exception, so
    that it pickles and compares equal whichever process caught it.
    """

    index: int
    error: str


class WorkerError(RuntimeError):
    """An item failed in a worker process, with ``on_error="raise"``."""


def _describe(exc: BaseException) -> str:
    """``"TypeName: message"`` for an exception, the same in every process.

    >>> _describe(ValueError("bad span 3:1"))
    'ValueError: bad span 3:1'
    """
    return f"{type(exc).__name__}: {exc}"


def _call(func: Callable, item, index: int):
    """``func(item)`` or, when it raises, an :class:`ItemError` for ``index``.

    ``Exception`` only: a ``KeyboardInterrupt`` must still stop the run.

    >>> _call(int, "12", 0)
    12
    >>> _call(int, "twelve", 3)
    ItemError(index=3, error="ValueError: invalid literal for int() with base 10: 'twelve'")
    """
    try:
        return func(item)
    except Exception as e:  # noqa: BLE001 - one bad item must not end the run
        return ItemError(index, _describe(e))


def _worker_init() -> None:
    """Worker processes ignore Ctrl-C: the terminal sends SIGINT to the whole process
    group, and the parent alone stops the run (with one "interrupted" line) and shuts
    the pool down; otherwise every worker would print a traceback of its own.  A worker
    is born with SIGINT blocked (:func:`_submit`), so a Ctrl-C between its fork and this
    function waits, and is dropped once it is ignored."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _submit(pool: ProcessPoolExecutor, fn: Callable, *args):
    """``pool.submit(fn, *args)`` with SIGINT blocked in this thread meanwhile: a submit
    may fork the workers, which inherit the mask, so a Ctrl-C that comes while a worker
    starts cannot stop it in its start-up with a traceback of its own ("Process
    ForkProcess-2: ... KeyboardInterrupt"). Here the signal is only delayed: it is
    delivered when the mask is restored."""
    if not hasattr(signal, "pthread_sigmask"):
        return pool.submit(fn, *args)
    old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        return pool.submit(fn, *args)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _pool(jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init)


def _run_chunk(func: Callable, start: int, chunk: list) -> list:
    """Worker side: every item of one chunk, each guarded on its own."""
    return [_call(func, item, start + i) for i, item in enumerate(chunk)]


def _chunks(items: Iterable, size: int, weight: Optional[Callable] = None,
            budget: Optional[int] = None) -> Iterator:
    """``(start_index, [items...])`` pairs, lazily: at most ``size`` items each, and,
    when ``weight`` is given, closed as soon as their weights add up to ``budget``.

    >>> list(_chunks("abcde", 2))
    [(0, ['a', 'b']), (2, ['c', 'd']), (4, ['e'])]
    >>> [c for _, c in _chunks(["xxxxx", "y", "z", "xxxx", "w"], 10, len, budget=5)]
    [['xxxxx'], ['y', 'z', 'xxxx'], ['w']]
    """
    it = iter(items)
    if weight is None:
        start = 0
        while True:
            chunk = list(itertools.islice(it, size))
            if not chunk:
                return
            yield start, chunk
            start += len(chunk)
    budget = budget or CHUNK_WEIGHT
    start, chunk, total = 0, [], 0
    for item in it:
        chunk.append(item)
        total += weight(item)
        if total >= budget or len(chunk) >= size:
            yield start, chunk
            start, chunk, total = start + len(chunk), [], 0
    if chunk:
        yield start, chunk


def chunk_size(n_items: Optional[int], jobs: int) -> int:
    """Items per chunk: about four chunks per worker, at most :data:`MAX_CHUNK`;
    :data:`MAX_CHUNK` when the number of items is not known in advance.

    >>> chunk_size(10, 2), chunk_size(10_000, 2), chunk_size(None, 4)
    (2, 32, 32)
    """
    if n_items is None:
        return MAX_CHUNK
    return max(1, min(MAX_CHUNK, -(-n_items // (jobs * 4))))


def _isolated(func: Callable, index: int, item):
    """Run one item in a fresh one-worker pool: if this item kills its worker, only
    this item is lost, and it comes back as an :class:`ItemError`."""
    with _pool(1) as pool:
        try:
            return _submit(pool, _call, func, item, index).result()
        except BrokenProcessPool:
            return ItemError(index, "worker process died")
        except Exception:  # noqa: BLE001 - pickling trouble: do it here, as jobs=1 would
            return _call(func, item, index)


def _finish(func: Callable, start: int, chunk: list, future) -> list:
    """The results of one submitted chunk, whatever happened to its future."""
    try:
        return future.result()
    except BrokenProcessPool:
        return [_isolated(func, start + i, item) for i, item in enumerate(chunk)]
    except Exception:  # noqa: BLE001 - pickling failed one way or the other
        return _run_chunk(func, start, chunk)


def _in_process(func: Callable, items: Iterable, on_error) -> Iterator:
    """The ``jobs=1`` path: each item in turn, guarded as a worker guards it."""
    for i, item in enumerate(items):
        if on_error == "raise":
            yield func(item)  # the original exception, with its traceback
        else:
            yield _settle(_call(func, item, i), item, on_error)


def _settle(result, item, on_error):
    """A result as the caller gets it: an :class:`ItemError` goes through ``on_error``."""
    if isinstance(result, ItemError) and on_error is not None:
        if on_error == "raise":
            raise WorkerError(result.error)
        return on_error(item, result.error)
    return result


def _plan(items: Iterable, jobs: int, chunksize: Optional[int], weight: Optional[Callable]):
    """``(chunks, small)``: the chunks of ``items`` (a lazy iterator, with the first few
    already taken), and whether the work is too small for a pool (it fits in one
    counted chunk, or in :data:`IN_PROCESS_CHUNKS` weighed ones)."""
    if weight is not None:
        chunks = _chunks(items, chunksize or MAX_WEIGHED_CHUNK, weight)
        head = list(itertools.islice(chunks, IN_PROCESS_CHUNKS + 1))
        return itertools.chain(head, chunks), len(head) <= IN_PROCESS_CHUNKS
    try:
        n_items = len(items)  # type: ignore[arg-type]
    except TypeError:
        n_items = None
    size = chunksize or chunk_size(n_items, jobs)
    chunks = _chunks(items, size)
    head = list(itertools.islice(chunks, 2))
    return itertools.chain(head, chunks), len(head) <= 1


def imap_ordered(func: Callable, items: Iterable, jobs: int = 1,
                 chunksize: Optional[int] = None, *, weight: Optional[Callable] = None,
                 on_error=None) -> Iterator:
    """Like :func:`map_ordered` but yields results as they are ready, in input order,
    with a bounded number of chunks in flight (flat memory on huge inputs, and
    ``items`` may be a lazy iterator: it is read a few chunks ahead of the workers).

    ``weight(item)`` (a number, about the item's work in characters) makes chunks of
    about :data:`CHUNK_WEIGHT` each instead of a fixed number of items, so a chunk of
    long articles and a chunk of one-line files cost about the same; work that fits in
    :data:`IN_PROCESS_CHUNKS` such chunks never starts a pool.  ``chunksize`` then caps
    the items per chunk.  Failed items yield :class:`ItemError` records, or go
    through ``on_error`` as in :func:`map_ordered`.

    >>> list(imap_ordered(len, ["a", "bb", "ccc"]))
    [1, 2, 3]
    >>> list(imap_ordered(len, iter(["a", "bb"]), jobs=2, weight=len))  # small: no pool
    [1, 2]
    """
    if jobs <= 1:
        # Items are taken a block at a time (listing a folder in bursts, not between documents).
        yield from _in_process(func, (x for _, block in _chunks(items, MAX_CHUNK * 2) for x in block), on_error)
        return
    pending, small = _plan(items, jobs, chunksize, weight)
    if small:
        # One chunk cannot use a second core (two weighed ones barely); a pool would only cost time.
        yield from _in_process(func, (x for _, chunk in pending for x in chunk), on_error)
        return
    pool = _pool(jobs)
    try:
        window: collections.deque = collections.deque()  # (start, chunk, future), oldest first
        for start, chunk in itertools.islice(pending, jobs * AHEAD_PER_JOB):
            window.append((start, chunk, _submit(pool, _run_chunk, func, start, chunk)))
        while window:
            start, chunk, future = window.popleft()
            results = _finish(func, start, chunk, future)
            for nstart, nchunk in itertools.islice(pending, 1):
                try:
                    nfuture = _submit(pool, _run_chunk, func, nstart, nchunk)
                except BrokenProcessPool:
                    # A worker died: the chunks already in flight are isolated one item
                    # at a time by _finish; the rest of the input gets a fresh pool.
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = _pool(jobs)
                    nfuture = _submit(pool, _run_chunk, func, nstart, nchunk)
                window.append((nstart, nchunk, nfuture))
            for item, result in zip(chunk, results):
                yield _settle(result, item, on_error)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def map_ordered(func: Callable, items: Iterable, jobs: int = 1, *,
                on_error: Optional[Callable] = None, chunksize: Optional[int] = None,
                weight: Optional[Callable] = None) -> list:
    """``[func(x) for x in items]``, using ``jobs`` processes when ``jobs > 1``; the
    result is in input order and identical whatever ``jobs`` is.  ``func`` must be a
    module-level function (picklable).

    When ``func`` raises on an item (or its worker dies), that item's result is
    ``on_error(item, message)`` if ``on_error`` is given, else an
    :class:`ItemError`; the other items are unaffected.  ``on_error`` runs in this
    process and need not be picklable.  ``on_error="raise"`` stops at the first
    failure instead (a debugging mode): in-process the original exception propagates
    with its traceback, from a pool a :class:`WorkerError` carrying its message.
    ``weight`` chunks by work rather than by count (see :func:`imap_ordered`).

    >>> map_ordered(len, ["a", "bb", "ccc"], jobs=1)
    [1, 2, 3]
    >>> map_ordered(int, ["1", "x"], on_error=lambda item, msg: (item, msg.split(":")[0]))
    [1, ('x', 'ValueError')]
    """
    if weight is None and not isinstance(items, (list, tuple)):
        items = list(items)  # counted chunks are sized from the number of items
    return list(imap_ordered(func, items, jobs, chunksize, weight=weight, on_error=on_error))


def default_jobs() -> int:
    """The cores this process may use (``os.sched_getaffinity`` where the platform
    has it, which respects CPU pinning in containers)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def capped_jobs(jobs) -> int:
    """``jobs`` worker processes, at most :func:`default_jobs`: more processes than
    cores only take turns on them, each with its own copy of the tables in memory
    (``--jobs 100000`` would start that many).  At least 1.

    >>> capped_jobs(1), capped_jobs(10**6) == default_jobs(), capped_jobs(0)
    (1, True, 1)
    """
    return max(1, min(int(jobs or 1), default_jobs()))
