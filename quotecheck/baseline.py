"""Baselines: findings a team has already looked at, so CI only fails on new ones.

A finding is identified by its ``fingerprint``, which the cross-source check derives
from what was said and who said it, never from offsets: an edit elsewhere in an
article moves every offset but must not bring an acknowledged finding back.  When a
finding carries no fingerprint, :func:`fingerprint` derives one the same way (kind,
speaker, and each side's file name and normalised words).

The file is JSON, meant to be committed and read in review::

    {"schema_version": "1.0", "tool": "quotecheck",
     "findings": [{"fingerprint": "...", "kind": "number", "severity": "error",
                   "speaker": "Vladimir Putin", "description": "..."}]}
"""
from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import tempfile

import attrs
import regex

from .model import SCHEMA_VERSION, Finding, Report

_WORDS = regex.compile(r"\w++")


class BaselineError(ValueError):
    """A baseline file that cannot be read; the message is one sentence for the user."""


def _norm(s) -> str:
    """Lower-case words only, so marks, spacing and punctuation do not matter.

    >>> _norm("“We have  nowhere to retreat,”")
    'we have nowhere to retreat'
    """
    return " ".join(_WORDS.findall((s or "").lower()))


def fingerprint(f: Finding) -> str:
    """The finding's own fingerprint, or one derived from offset-free content.

    >>> from quotecheck.model import Side
    >>> a = Finding("number", "error", "X", (Side("d/a.txt", 5, 12, "“Five”"),), "e")
    >>> b = Finding("number", "error", "X", (Side("a.txt", 90, 97, "five"),), "other words")
    >>> fingerprint(a) == fingerprint(b)
    True
    """
    if f.fingerprint:
        return f.fingerprint
    sides = sorted(f"{os.path.basename(s.source)}\x1f{_norm(s.text)}" for s in f.sides)
    key = "\x1e".join([f.kind, _norm(f.speaker), *sides])
    return "qc1-" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def describe(f: Finding) -> str:
    """A one-line description for people reading the baseline file."""
    sides = " | ".join(f"{os.path.basename(s.source)}: {s.text}" for s in f.sides)
    return f"{f.kind} ({f.speaker or 'unknown speaker'}): {f.explanation} [{sides}]"


def baseline_dict(report: Report) -> dict:
    """The baseline for a report: every current finding (and the ones already
    suppressed, so rewriting a baseline never forgets an acknowledged finding)."""
    seen, entries = set(), []
    for f in tuple(report.findings) + tuple(report.suppressed):
        fp = fingerprint(f)
        if fp not in seen:
            seen.add(fp)
            entries.append({"fingerprint": fp, "kind": f.kind, "severity": f.severity,
                            "speaker": f.speaker, "description": describe(f)})
    entries.sort(key=lambda e: e["fingerprint"])
    return {"schema_version": SCHEMA_VERSION, "tool": "quotecheck", "findings": entries}


@contextlib.contextmanager
def naming(path, verb: str = "write"):
    """Re-raise an OSError inside the block as one that names ``path`` (the file the
    user gave, not a temporary file beside it) and says the cause in words:
    ``cannot write: no space left on device``.  ``path`` None: unchanged.

    >>> try:
    ...     with naming("out/report.json"):
    ...         raise OSError(28, "No space left on device", "out/.quotecheck-x1.tmp")
    ... except OSError as e:
    ...     print(e.filename, "--", e.strerror)
    out/report.json -- cannot write: no space left on device
    """
    try:
        yield
    except OSError as e:
        if path is None or (e.filename == path and (e.strerror or "").startswith("cannot ")):
            raise
        cause = e.strerror or str(e)
        raise OSError(e.errno, f"cannot {verb}: {cause[:1].lower()}{cause[1:]}", path) from None


def temporary_beside(path: str) -> tuple:
    """``(fd, temporary path)`` of a new file in the folder of ``path``, to be renamed
    over it, with the permissions ``path`` would get if created directly (its current
    mode, else 0666 less the umask) rather than the 0600 of :func:`tempfile.mkstemp`.
    Nothing is left behind when this is interrupted (Ctrl-C, SIGTERM) half way."""
    folder = os.path.dirname(os.path.abspath(path))
    with naming(path):  # name the file the user asked for, not our temporary one
        fd, tmp = tempfile.mkstemp(prefix=".quotecheck-", suffix=".tmp", dir=folder)
    try:
        try:
            mode = os.stat(path).st_mode & 0o7777
        except OSError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        try:
            os.chmod(tmp, mode)
        except OSError:  # a file system without modes: keep what mkstemp gave
            pass
    except BaseException:
        os.close(fd)
        _remove(tmp)
        raise
    return fd, tmp


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def write_atomic(path: str, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file in the same folder and
    a rename, so a reader never sees half a file and a failed or interrupted run
    leaves the old one and no temporary file; errors name ``path`` and the cause."""
    with naming(path):
        if os.path.isdir(path):
            raise IsADirectoryError(errno.EISDIR, "it is a folder; give a file name", path)
        if os.path.exists(path) and not os.path.isfile(path):
            # /dev/stdout, a FIFO: written to, never renamed over
            with open(path, "w", encoding="utf-8", errors="backslashreplace", newline="") as f:
                f.write(text)
            return
        fd, tmp = temporary_beside(path)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", newline="") as f:
                f.write(text)
            os.replace(tmp, path)
        except BaseException:
            _remove(tmp)
            raise


def write(report: Report, path: str) -> int:
    """Write the baseline of ``report`` to ``path``; return how many findings it holds."""
    from .report import dumps

    data = baseline_dict(report)
    write_atomic(path, dumps(data, indent=2) + "\n")
    return len(data["findings"])


def load(path: str) -> frozenset:
    """The fingerprints in a baseline file.  Raises :class:`BaselineError` with one
    clear sentence when the file is missing or is not a quotecheck baseline."""
    import json

    try:
        # utf-8-sig: a byte-order mark some Windows editors add is read past
        with open(path, encoding="utf-8-sig") as f:
            data = json.load(f)
    except OSError as e:
        raise BaselineError(f"cannot read the baseline {path}: {(e.strerror or str(e)).lower()}") from None
    except UnicodeDecodeError:
        raise BaselineError(f"the baseline {path} is not UTF-8 text (a baseline is JSON written by "
                            "--write-baseline)") from None
    except ValueError as e:
        raise BaselineError(f"the baseline {path} is not valid JSON ({e})") from None
    if not isinstance(data, dict):
        raise BaselineError(f"the baseline {path} is a JSON {type(data).__name__}, not a quotecheck "
                            "baseline (write one with --write-baseline)")
    tool = data.get("tool")
    if tool != "quotecheck":
        raise BaselineError(f"the baseline {path} was written by {tool!r}, not by quotecheck"
                            if tool is not None else
                            f"the baseline {path} does not say it is a quotecheck baseline "
                            "(no \"tool\": \"quotecheck\"; write one with --write-baseline)")
    version = data.get("schema_version")
    if not _known_version(version):
        raise BaselineError(f"the baseline {path} has schema_version {version!r}, which this quotecheck "
                            f"({SCHEMA_VERSION}) does not know; write it again with --write-baseline")
    entries = data.get("findings")
    if not isinstance(entries, list):
        raise BaselineError(f"the baseline {path} has no \"findings\" list (write one with --write-baseline)")
    return frozenset(e["fingerprint"] for e in entries
                     if isinstance(e, dict) and isinstance(e.get("fingerprint"), str))


def _known_version(version) -> bool:
    """Whether a baseline's ``schema_version`` is one this code reads: the same major
    version as :data:`quotecheck.model.SCHEMA_VERSION` (minor versions only add).

    >>> _known_version(SCHEMA_VERSION), _known_version("99.0"), _known_version(1)
    (True, False, False)
    """
    return isinstance(version, str) and version.split(".")[0] == SCHEMA_VERSION.split(".")[0]


def apply(report: Report, fingerprints) -> Report:
    """``report`` with the findings whose fingerprint is in ``fingerprints`` moved
    from ``findings`` to ``suppressed``.

    >>> from quotecheck.model import Side
    >>> f = Finding("wording", "warning", None, (Side("a.txt", 0, 3, "abc"),), "e")
    >>> r = apply(Report(findings=(f,)), {fingerprint(f)})
    >>> len(r.findings), len(r.suppressed)
    (0, 1)
    """
    keep, hide = [], []
    for f in report.findings:
        (hide if fingerprint(f) in fingerprints else keep).append(f)
    return attrs.evolve(report, findings=tuple(keep), suppressed=tuple(report.suppressed) + tuple(hide))
