"""Cross-source check: cluster quotes that are the same utterance, report differences.

PLACEHOLDER.
"""
from __future__ import annotations


def check_documents(documents) -> tuple:
    """Return ``(clusters, findings)`` for extracted documents."""
    return (), ()
