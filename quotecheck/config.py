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

TOML is read with the standard library's :mod:`tomllib` (the package needs Python 3.11+).
"""
from __future__ import annotations

import json
import os
from typing import Optional

import tomllib as _toml


def _number(v) -> bool:
    """A TOML integer: ``true`` is a bool, and bools are not numbers here (Python's
    ``isinstance(True, int)`` would read ``max-bytes = true`` as 1 byte)."""
    return isinstance(v, int) and not isinstance(v, bool)


def _name(v) -> bool:
    return isinstance(v, str) and bool(v.strip())


#: Key -> (type check, description).  Unknown keys are an error: a typo must not pass silently.
KEYS = {
    "fail-on": (lambda v: isinstance(v, str) and v in ("info", "warning", "error", "never"),
                "one of \"info\", \"warning\", \"error\", \"never\""),
    "baseline": (_name, "a path (a non-empty string)"),
    "globs": (lambda v: isinstance(v, list) and bool(v) and all(_name(x) for x in v),
              "a non-empty list of patterns, like [\"*.txt\", \"*.md\"]"),
    "max-bytes": (lambda v: _number(v) and v >= 0, "a whole number of bytes (0 for no limit)"),
    "jobs": (lambda v: _number(v) and v >= 1, "a whole number of processes, 1 or more"),
    "text-field": (_name, "a field name (a non-empty string)"),
    "id-field": (_name, "a field name (a non-empty string)"),
    "group-field": (_name, "a field name (a non-empty string)"),
    "title-field": (_name, "a field name (a non-empty string)"),
    "outlet-field": (_name, "a field name (a non-empty string)"),
    "date-field": (_name, "a field name (a non-empty string)"),
    "group-by": (_name, "a regular expression (a non-empty string)"),
    "show": (lambda v: isinstance(v, str) and v in ("info", "warning", "error"),
             "one of \"info\", \"warning\", \"error\""),
    "select": (lambda v: isinstance(v, list) and all(_name(x) for x in v),
               "a list of kinds or rules, like [\"negation\", \"number\"]"),
    "ignore": (lambda v: isinstance(v, list) and all(_name(x) for x in v),
               "a list of kinds or rules, like [\"paraphrase\"]"),
    "color": (lambda v: isinstance(v, str) and v in ("auto", "always", "never"),
              "one of \"auto\", \"always\", \"never\""),
}


def _shown(value) -> str:
    """A setting's value as TOML spells it, for error messages.

    >>> _shown(True), _shown("x"), _shown([]), _shown("a\\nb")
    ('true', '"x"', '[]', '"a\\\\nb"')
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        # (escaped as a TOML basic string is, so a line break in the value stays one sentence)
        return json.dumps(value, ensure_ascii=False)
    return repr(value) if not isinstance(value, dict) else "a table"


class ConfigError(ValueError):
    """A settings file that cannot be used; the message is one sentence for the user."""


def find_pyproject(start: Optional[str] = None) -> Optional[str]:
    """The nearest ``pyproject.toml`` at or above ``start`` (the current folder)."""
    folder = os.path.abspath(start or os.getcwd())
    while True:
        candidate = os.path.join(folder, "pyproject.toml")
        if os.path.lexists(candidate):  # a folder or a broken link is an error, not a pass
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
    if os.path.isdir(path):
        raise ConfigError(f"cannot read {path}: it is a folder, not a file (use --no-config to ignore it)")
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise ConfigError(f"cannot read {path}: {(e.strerror or str(e)).lower()} "
                          "(use --no-config to ignore it)") from None
    # Any mention, not only "[tool.quotecheck]": "[tool]" then "quotecheck = ..." is ours too.
    if b"quotecheck" not in raw:
        return {}
    try:
        data = _toml.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise ConfigError(f"{path} is not valid TOML ({e})") from None
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"\"tool\" in {path} must be a table, not {_shown(tool)}")
    settings = tool.get("quotecheck", {})
    if not isinstance(settings, dict):
        raise ConfigError(f"[tool.quotecheck] in {path} must be a table of settings, "
                          f"not {_shown(settings)}")
    for key, value in settings.items():
        if key not in KEYS:
            raise ConfigError(f"unknown setting {key!r} in [tool.quotecheck] of {path} "
                              f"(known: {', '.join(sorted(KEYS))})")
        ok, what = KEYS[key]
        if not ok(value):
            raise ConfigError(f"setting {key!r} in [tool.quotecheck] of {path} must be {what}, "
                              f"not {_shown(value)}")
    out = dict(settings)
    if "baseline" in out:
        here = os.path.dirname(path)
        out["baseline"] = os.path.relpath(os.path.join(here, out["baseline"]))
    return out
