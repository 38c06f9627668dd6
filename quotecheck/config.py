"""Settings from ``[tool.quotecheck]`` in the caller's ``pyproject.toml``.

The nearest ``pyproject.toml`` in the current folder or above it is read, like black and
ruff do; command-line options always win over it.  Keys use the option names::

    [tool.quotecheck]
    fail-on = "error"             # info | warning | error | never
    baseline = "quotecheck-baseline.json"   # relative to the pyproject.toml
    globs = ["*.txt", "*.md"]
    max-bytes = 5000000
    jobs = 2
    text-field = "text"
    id-field = "id"
    group-field = "group"
    title-field = "title"         # JSONL fields that label documents in the HTML report
    outlet-field = "outlet"
    date-field = "date"
    group-by = '^[0-9-]+_([^_]+)_'  # stories from file names (--group-by)
    show = "warning"              # info | warning | error: what is printed
    select = ["number", "negation"]   # kinds or rules
    ignore = ["quote-vs-paraphrase"]
    color = "auto"                # auto | always | never

TOML is read with :mod:`tomllib` (Python 3.11+) or the ``tomli`` package when it is
installed.  On Python 3.10 without ``tomli`` a file that has a ``[tool.quotecheck]``
table raises :class:`ConfigError` saying so, rather than silently ignoring settings.
"""
from __future__ import annotations

import os
from typing import Optional

try:  # Python 3.11+
    import tomllib as _toml
except ImportError:  # pragma: no cover - Python 3.10
    try:
        import tomli as _toml
    except ImportError:
        _toml = None

#: Key -> (type check, description).  Unknown keys are an error: a typo must not pass silently.
KEYS = {
    "fail-on": (lambda v: v in ("info", "warning", "error", "never"), "one of info, warning, error, never"),
    "baseline": (lambda v: isinstance(v, str), "a path"),
    "globs": (lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v), "a list of patterns"),
    "max-bytes": (lambda v: isinstance(v, int) and v >= 0, "a number of bytes"),
    "jobs": (lambda v: isinstance(v, int) and v >= 1, "a positive number"),
    "text-field": (lambda v: isinstance(v, str), "a field name"),
    "id-field": (lambda v: isinstance(v, str), "a field name"),
    "group-field": (lambda v: isinstance(v, str), "a field name"),
    "title-field": (lambda v: isinstance(v, str), "a field name"),
    "outlet-field": (lambda v: isinstance(v, str), "a field name"),
    "date-field": (lambda v: isinstance(v, str), "a field name"),
    "group-by": (lambda v: isinstance(v, str), "a regular expression"),
    "show": (lambda v: v in ("info", "warning", "error"), "one of info, warning, error"),
    "select": (lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v), "a list of kinds or rules"),
    "ignore": (lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v), "a list of kinds or rules"),
    "color": (lambda v: v in ("auto", "always", "never"), "one of auto, always, never"),
}


class ConfigError(ValueError):
    """A settings file that cannot be used; the message is one sentence for the user."""


def find_pyproject(start: Optional[str] = None) -> Optional[str]:
    """The nearest ``pyproject.toml`` at or above ``start`` (the current folder)."""
    folder = os.path.abspath(start or os.getcwd())
    while True:
        candidate = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(candidate):
            return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def load(path: Optional[str] = None) -> dict:
    """The ``[tool.quotecheck]`` settings of ``path`` (default: the nearest
    ``pyproject.toml``), checked, with ``baseline`` made relative to the current folder.
    No file or no table gives ``{}``."""
    path = path or find_pyproject()
    if not path:
        return {}
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise ConfigError(f"cannot read {path}: {(e.strerror or str(e)).lower()}") from None
    if b"tool.quotecheck" not in raw:
        return {}
    if _toml is None:
        raise ConfigError(f"{path} has [tool.quotecheck] settings but this Python cannot read TOML: "
                          "use Python 3.11+ or pip install tomli")
    try:
        data = _toml.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise ConfigError(f"{path} is not valid TOML ({e})") from None
    settings = data.get("tool", {}).get("quotecheck", {})
    if not isinstance(settings, dict):
        raise ConfigError(f"[tool.quotecheck] in {path} must be a table")
    for key, value in settings.items():
        if key not in KEYS:
            raise ConfigError(f"unknown setting {key!r} in [tool.quotecheck] of {path} "
                              f"(known: {', '.join(sorted(KEYS))})")
        ok, what = KEYS[key]
        if not ok(value):
            raise ConfigError(f"setting {key!r} in [tool.quotecheck] of {path} must be {what}")
    out = dict(settings)
    if "baseline" in out:
        here = os.path.dirname(path)
        out["baseline"] = os.path.relpath(os.path.join(here, out["baseline"]))
    return out
