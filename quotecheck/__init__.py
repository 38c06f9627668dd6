"""quotecheck: find quotations in news articles, say who said them, and check that
different sources quote the same person consistently.

>>> import quotecheck
>>> doc = quotecheck.extract("“Stop!” she said.")
>>> doc.speech[0].inner
'Stop!'

The public names are imported on first use (PEP 562), so ``import quotecheck`` and the
start of the command line cost almost nothing, and a Ctrl-C while the pipeline's
modules load ends the command line with "interrupted" like a Ctrl-C later on.
"""
import importlib

__version__ = "0.1.0"

#: Public name -> the module that defines it.
_EXPORTS = {
    **{name: "api" for name in ("check", "check_files", "extract", "extract_bytes", "extract_file",
                                "extract_files")},
    **{name: "model" for name in ("Attribution", "Cluster", "Document", "Finding", "Quote", "Report",
                                  "Side", "Span", "Speaker", "Warning")},
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'quotecheck' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_EXPORTS))
