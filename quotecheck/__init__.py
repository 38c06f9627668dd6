"""quotecheck: find quotations in news articles, say who said them, and check that
different sources quote the same person consistently.

>>> import quotecheck
>>> doc = quotecheck.extract("“Stop!” she said.")
>>> doc.speech[0].inner
'Stop!'
"""
from .api import check, check_files, extract, extract_bytes, extract_file, extract_files
from .model import (Attribution, Cluster, Document, Finding, Quote, Report, Side, Span,
                    Speaker, Warning)

__version__ = "0.1.0"

__all__ = [
    "Attribution", "Cluster", "Document", "Finding", "Quote", "Report", "Side", "Span",
    "Speaker", "Warning", "check", "check_files", "extract", "extract_bytes", "extract_file",
    "extract_files", "__version__",
]
