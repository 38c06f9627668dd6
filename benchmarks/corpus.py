"""The real news texts every benchmark reads, from the shared data folder.

The data is read where it lies (``../shared/data`` beside the repository, or
``$QUOTECHECK_DATA``, or ``--data``) and never copied into the repository: PolNeAR
states no licence and ECB+ needs attribution when redistributed.
"""
from __future__ import annotations

import json
import os
import pathlib
import platform
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_DATA = pathlib.Path(os.environ.get("QUOTECHECK_DATA", ROOT.parent / "shared" / "data"))


def polnear(data=DEFAULT_DATA, split: str = "train") -> list:
    """``(id, text)`` for every PolNeAR article of ``split``, in file order."""
    out = []
    with open(pathlib.Path(data) / f"polnear-{split}.jsonl", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            out.append((rec["id"], rec["text"]))
    return out


def ecbplus(data=DEFAULT_DATA) -> list:
    """``(doc, text, cluster)`` for every ECB+ document, in index order; the cluster is
    the real event several outlets reported (what the cross-source check groups)."""
    return ecbplus_folder(pathlib.Path(data) / "ecbplus")


def ecbplus_folder(base) -> list:
    """:func:`ecbplus` from the ECB+ folder itself (the one holding ``index.jsonl``)."""
    base = pathlib.Path(base)
    out = []
    with open(base / "index.jsonl", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            text = (base / rec["path"]).read_text(encoding="utf-8")
            out.append((rec["doc"], text, rec["cluster"]))
    return out


def sample(items: list, n) -> list:
    """Every k-th item so that about ``n`` remain, spread over the whole file (the
    files are ordered by publisher or topic, so a head would be one kind of text);
    all of them when ``n`` is None or not smaller.

    >>> sample(list(range(10)), 3)
    [0, 3, 6]
    """
    if not n or n >= len(items):
        return list(items)
    step = -(-len(items) // n)
    return list(items[::step])


def quotecheck_caches():
    """``(module name, function)`` for every memoised function (``functools.lru_cache``)
    a loaded quotecheck module holds, its own or imported."""
    for name, module in list(sys.modules.items()):
        if not (name == "quotecheck" or name.startswith("quotecheck.")):
            continue
        for obj in list(vars(module).values()):
            if getattr(obj, "cache_info", None) is not None and hasattr(obj, "cache_clear"):
                yield name, obj


def cold_caches() -> int:
    """Empty quotecheck's memo caches (names, titles, words seen before), so a second
    pass over the same texts is timed like the first: repeating a corpus would
    otherwise find every name already resolved, which no real run does.  Loaders with
    ``maxsize=1`` (data tables, Punkt parameters) are kept: they load once per process
    in real use too.  Returns how many caches were emptied."""
    n = 0
    for _name, func in quotecheck_caches():
        if func.cache_info().maxsize != 1:
            func.cache_clear()
            n += 1
    return n


def machine() -> str:
    """One line saying what the figures were measured on."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count()
    try:
        load = "load %.2f %.2f %.2f" % os.getloadavg()
    except OSError:
        load = "load unknown"
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return (f"Python {platform.python_version()} on {platform.system()} {platform.machine()}, "
            f"{cores} cores ({cpu or 'cpu unknown'}), {load}")


def log(*args) -> None:
    """Progress to stderr, so stdout is only the figures."""
    print(*args, file=sys.stderr, flush=True)


def profile_text(fn, top: int) -> str:
    """Run ``fn()`` under cProfile; the ``top`` functions by own time, then by
    cumulative time, as text."""
    import cProfile
    import io
    import pstats

    prof = cProfile.Profile()
    prof.enable()
    fn()
    prof.disable()
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()
