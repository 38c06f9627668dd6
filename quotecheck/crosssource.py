"""Cross-source check: find the quotations that are the same utterance in different
documents, and report what differs between them.

The check is a pipeline of pure top-level functions over small picklable records, so a
distributed run (one task per document, then per index key, then per cluster) gives the
same output as :func:`check_documents`, which only composes them.  Step 1 lives in
:mod:`quotecheck.utterances`, steps 2-4 (index, comparison, clusters) in
:mod:`quotecheck.grouping`, step 5 (grading what differs) in :mod:`quotecheck.findings`;
this module re-exports their public names:

1. :func:`utterances` ``(document, index) -> list[Item]``: one :class:`Item` per speech
   quote (direct, partial, nested; the two halves of a quotation split around its
   attribution are one item) or reported-speech paraphrase, with its normalised
   tokens, speaker, quantities, the content words of its sentence and the occasion the
   sentence gives ("on Sunday").  Items are keyed by ``(document index, source, start, end,
   kind)``; pass each document's index in the input (the order of the output follows it),
   or sources that are unique.
2. :func:`candidate_keys` ``(item) -> list[str]``: the index keys an item is filed under:
   for quotes, pairs of consecutive content words (function words skipped: rare enough to
   index, and "nowhere to retreat" shares "nowhere retreat" with a longer quote of it);
   for items with a known speaker, the speaker's surname with each unit of its numbers and
   with each content word (those only pair reported speech with something).  Every key
   starts with the item's group (``Document.group``, ``*`` without one), so only documents
   of one group are ever compared.  :func:`bucket_pairs` ``(key, items) -> [(key_a,
   key_b)]`` turns one bucket into pairs, never all pairs: a bucket larger than
   :data:`BUCKET_CAP` is walked with a sliding window, so the cost grows linearly with the
   corpus (:func:`candidate_pairs` does it for a list of items).
3. :func:`compare` ``(a, b) -> Match | None``: whether two items are the same utterance.
   Pure and symmetric (the pair is put in key order first).
4. :func:`clusters_from_index_pairs` ``(items, pairs) -> list[tuple[Item]]``: the one
   union-find, over the positions ``(i, j)`` of matched items in the items (in key order);
   clusters of two or more items, members in key order, clusters ordered by their first
   member.  :func:`clusters_from_matches` ``(items, matches)`` is its thin wrapper for
   matches that name item keys (the Dask path): the keys mapped to positions, then the
   same union-find.  :func:`cluster_id` is a hash of the members' sources and offsets, so
   the same cluster keeps its id whatever else is in the run.
5. :func:`findings_for_cluster` ``(items) -> list[Finding]``: compares the matching pairs
   from *different* documents and returns the findings, merged by fingerprint, in a stable
   order.

Kinds of finding (see :class:`quotecheck.model.Finding`), graded by what the difference does
to the meaning: ``number`` (two different values of a figure in the shared words, however
each is written: an error; a warning when a cut runs through the figure, or a paraphrase's
figure of the same magnitude the quote does not allow), ``negation`` (one side negates what
the other asserts inside the shared words: an error; a warning when a cut stops beside a
negation and the cutting outlet's own words do not negate either), ``speaker`` (the same
words given to different people: a warning only when both attributions are confident and
the names are not variants of one name nor a person and the organisation they speak for;
otherwise info with both attributions), ``wording`` (a different content word, content words
added or dropped inside the shared words, an ellipsis cutting content words, or a whole
sentence cut in mid-phrase: a warning; spelling, inflection, abbreviation or minor words:
info with ``diff["reason"] = "minor"``), ``truncation`` (info: one source quotes a part of what
the other quotes) and ``paraphrase`` (info: one source quotes, the other only paraphrases).
Every finding has a ``confidence`` and an explanation naming the changed words.
"""
from __future__ import annotations

from .cluster_findings import CLUSTER_CAP, CLUSTER_WINDOW, findings_for_cluster  # noqa: F401
from .findings import compare_pair  # noqa: F401
from .grouping import (BUCKET_CAP, BUCKET_WINDOW, Match, bucket_pairs,  # noqa: F401
                       candidate_keys, candidate_pairs, cluster_id, cluster_record,
                       cluster_speaker, clusters_from_index_pairs, clusters_from_matches,
                       compare,
                       iter_candidate_pairs)
from .utterances import (Item, content_stems, plain_name, sentence_bounds,  # noqa: F401
                         utterances)


# --- composition ------------------------------------------------------------------------

def check_documents(documents) -> tuple:
    """Return ``(clusters, findings)`` for extracted documents (see the module docstring)."""
    # equal word and stem tuples are one tuple over the whole check (near-copies of an
    # article, a wire story printed by several outlets, repeat them)
    shared: dict = {}
    items = [it for i, d in enumerate(documents) for it in utterances(d, i, shared)]
    del shared
    # already in key order: each document's items are (utterances sorts them) and a key
    # starts with the document's index; a sort here made every key tuple at once (80
    # bytes and more an item, at the check's peak)
    # the matches are read once, as they are found, and joined by the items' positions:
    # none is held while the findings are made, nor a key tuple per matched item (a
    # union-find over keys, which gave the same clusters, held 200 bytes and more per item
    # on near-copies; clusters_from_matches, for matches that name keys, maps them to
    # positions for the same union-find)
    matched = ((i, j) for i, j in iter_candidate_pairs(items) if compare(items[i], items[j]) is not None)
    groups = clusters_from_index_pairs(items, matched)
    clusters = tuple(cluster_record(g) for g in groups)
    findings = tuple(f for g in groups for f in findings_for_cluster(g))
    return clusters, findings
