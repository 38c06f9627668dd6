"""The records that flow through quotecheck, as small frozen ``attrs`` classes.

Every span is a pair of Python ``str`` offsets into the *decoded* text of one document,
end exclusive, so ``text[q.start:q.end]`` is exactly what was found.  Records never
carry a copy of the whole document; they carry their own slice in ``text`` so that a
record can be printed or compared without the document at hand.

Data flows one way: text -> spans (quotes, mentions, cues) -> attributed quotes ->
clusters -> findings -> reports.  Each stage builds new records (``attrs.evolve``)
rather than mutating the ones it was given.
"""
from __future__ import annotations

from typing import Optional

import attrs

#: Quote kinds that are speech (counted as quotations of someone).
SPEECH_KINDS = frozenset({"direct", "partial", "nested"})
#: Quote kinds that are found but are not someone's words.
NON_SPEECH_KINDS = frozenset({"scare", "title", "other"})
#: Reported (indirect) speech: no marks, the reporter's paraphrase of someone's words.
REPORTED = "reported"
KINDS = SPEECH_KINDS | NON_SPEECH_KINDS | {REPORTED}

#: Severities of findings, weakest first.
SEVERITIES = ("info", "warning", "error")

#: Version of the JSON documents that :mod:`quotecheck.report` writes.
SCHEMA_VERSION = "1.0"


def _check_span(instance, attribute, value):
    if instance.start < 0 or instance.end < instance.start:
        raise ValueError(f"bad span {instance.start}:{instance.end}")


@attrs.frozen
class Span:
    """A plain stretch of text: a sentence, a paragraph, a mention.

    >>> Span(4, 9, "world")
    Span(start=4, end=9, text='world')
    """

    start: int
    end: int = attrs.field(validator=_check_span)
    text: str = ""


@attrs.frozen
class Warning:  # noqa: A001 - a record, not the builtin exception class
    """Something in a document the reader should know about (an unclosed mark, a
    fallback encoding, a regex that ran out of time).  ``start``/``end`` locate it
    when it has a place; ``code`` is a stable machine-readable name."""

    code: str
    message: str
    start: Optional[int] = None
    end: Optional[int] = None


@attrs.frozen
class Attribution:
    """Who said a quote, and the evidence.

    ``speaker`` is the resolved name (``"Vladimir Putin"``) or None when nobody can be
    named; ``speaker_id`` is stable within one document (``"S1"``).  The *mention* is
    the words the attribution rests on (for ``he said`` that is ``he``), the *cue* is the
    verb or phrase (``said``, ``according to``).  ``rule`` names the pattern that fired.
    """

    speaker: Optional[str] = None
    speaker_id: Optional[str] = None
    mention: Optional[str] = None
    mention_start: Optional[int] = None
    mention_end: Optional[int] = None
    cue: Optional[str] = None
    cue_start: Optional[int] = None
    cue_end: Optional[int] = None
    rule: str = "none"
    confidence: float = 0.0


NO_ATTRIBUTION = Attribution()


@attrs.frozen
class Quote:
    """A quotation (or reported speech) found in a document.

    ``start``/``end`` cover the quote *including* its marks; ``inner_start``/
    ``inner_end`` cover the words inside them (for ``reported`` speech, which has no
    marks, both pairs are the content span).  ``marks`` is the opening and closing mark
    as written (``"“”"``, ``'""'``, ``"«»"``; one character when the quote was left
    unclosed).  ``rule`` names the rule that accepted the span and gave it its kind,
    ``reason`` says it in words.  ``parent`` is the index (in the document's quote
    tuple) of the quote this one is nested in, if any.
    """

    start: int
    end: int = attrs.field(validator=_check_span)
    text: str
    inner_start: int
    inner_end: int
    kind: str = attrs.field(validator=attrs.validators.in_(KINDS))
    marks: str = ""
    rule: str = ""
    reason: str = ""
    parent: Optional[int] = None
    attribution: Attribution = NO_ATTRIBUTION

    @property
    def inner(self) -> str:
        """The words inside the marks."""
        return self.text[self.inner_start - self.start : self.inner_end - self.start]

    @property
    def is_speech(self) -> bool:
        return self.kind in SPEECH_KINDS

    @property
    def speaker(self) -> Optional[str]:
        return self.attribution.speaker


@attrs.frozen
class Speaker:
    """A person or organisation that speaks in a document, with every way the
    document names them.  ``name`` is the normalised name (``"Vladimir Putin"``,
    titles removed), ``titles`` what the text says they are (``"president"``,
    ``"Russia's president"``), ``kind`` is ``person``, ``organisation`` or ``group``.
    A person the text names only by a role has the role as name and whom it speaks for as
    ``principal`` (``"Google spokesperson"``, ``"Google"``)."""

    id: str
    name: str
    kind: str = "person"
    titles: tuple = ()
    mentions: tuple = ()  # of Span
    gender: Optional[str] = None
    principal: Optional[str] = None


@attrs.frozen
class Document:
    """One input document and everything found in it.

    ``status`` is ``ok``, ``empty`` (nothing but white space), ``skipped`` (over a size
    limit) or ``error`` (could not be read; ``error`` says why).  Every input appears as
    a Document whatever happened to it, so nothing is silently lost.
    """

    source: str
    text: str = ""
    status: str = "ok"
    error: Optional[str] = None
    encoding: Optional[str] = None
    group: Optional[str] = None
    quotes: tuple = ()  # of Quote, in text order
    speakers: tuple = ()  # of Speaker
    warnings: tuple = ()  # of Warning
    #: What the input says about the article, as ``(name, value)`` pairs: ``title``,
    #: ``outlet``, ``date`` (JSONL ``--title-field`` etc., or ``--group-by`` named groups).
    meta: tuple = ()

    @property
    def speech(self) -> tuple:
        return tuple(q for q in self.quotes if q.is_speech)

    def to_text(self, quiet: bool = False) -> str:
        """The document as ``quotecheck extract`` prints it (``quiet``: one
        ``source:line:column`` line per quote); see :func:`quotecheck.report.document_text`."""
        from . import report

        return report.document_quiet(self) if quiet else report.document_text(self)


@attrs.frozen
class Side:
    """One variant of an utterance in a cluster or finding: where it is and what it says.

    ``kind`` is ``quote`` (inside quotation marks) or ``paraphrase`` (reported speech);
    ``quote_kind`` is the finer kind of the underlying :class:`Quote`.  ``context`` is
    what the source says about the occasion (``"on Sunday"``,
    ``"Tuesday at the Russian Defense Ministry"``) when it says anything.
    """

    source: str
    start: int
    end: int
    text: str
    kind: str = "quote"
    quote_kind: str = "direct"
    speaker: Optional[str] = None
    context: Optional[str] = None


@attrs.frozen
class Cluster:
    """Quotes from different documents (or one) that are the same utterance."""

    id: str
    speaker: Optional[str]
    members: tuple  # of Side
    reason: str = ""


@attrs.frozen
class Finding:
    """A difference between sources worth a reader's attention.

    ``kind`` is one of ``number``, ``negation``, ``speaker``, ``wording``,
    ``truncation``, ``paraphrase``; ``severity`` one of :data:`SEVERITIES`.  ``diff`` is
    the aligned difference (what was added, removed, substituted, the normalised
    numbers), ``explanation`` one sentence a person can act on, ``rule`` the check that
    raised it and ``fingerprint`` a stable id that does not depend on offsets (for
    baselines).  ``confidence`` (0-1) is how sure the finding is of what it rests on: the
    word alignment, both attributions (speaker findings), the number parse.
    """

    kind: str
    severity: str
    speaker: Optional[str]
    sides: tuple  # of Side
    explanation: str
    diff: dict = attrs.field(factory=dict, eq=False, hash=False)
    rule: str = ""
    cluster: Optional[str] = None
    fingerprint: str = ""
    confidence: float = 1.0


@attrs.frozen
class Report:
    """What :func:`quotecheck.check` returns: every document, the clusters of quotes
    that are the same utterance, and the findings about them.

    ``str(report)`` is a readable summary; ``to_json()`` and ``to_html()`` render it
    (see :mod:`quotecheck.report`).
    """

    documents: tuple = ()  # of Document
    clusters: tuple = ()  # of Cluster
    findings: tuple = ()  # of Finding
    #: Findings hidden because a baseline acknowledged them (see :mod:`quotecheck.baseline`).
    suppressed: tuple = ()  # of Finding

    def to_dict(self) -> dict:
        from . import report

        return report.report_dict(self)

    def to_json(self, **kwargs) -> str:
        """The JSON output (``indent=2``); see :func:`quotecheck.report.to_json`."""
        from . import report

        return report.to_json(self, **kwargs)

    def to_text(self, **kwargs) -> str:
        """The text output (``show``, ``quiet``, ``statistics``, ``color``); ``str(report)``
        is ``report.to_text()``.  See :func:`quotecheck.report.to_text`."""
        from . import report

        return report.to_text(self, **kwargs)

    def to_github(self, **kwargs) -> str:
        """GitHub Actions annotations (``show``); see :func:`quotecheck.report_ci.to_github`."""
        from . import report

        return report.to_github(self, **kwargs)

    def to_sarif(self, **kwargs) -> str:
        """SARIF 2.1.0 (``show``); see :func:`quotecheck.report_ci.to_sarif`."""
        from . import report

        return report.to_sarif(self, **kwargs)

    def to_html(self, **kwargs) -> str:
        """The self-contained HTML page; see :func:`quotecheck.report_html.to_html`."""
        from . import report

        return report.to_html(self, **kwargs)

    def select(self, select=None, ignore=None) -> "Report":
        """Only the findings whose kind or rule is selected and not ignored
        (``--select``/``--ignore``); see :func:`quotecheck.report.select`."""
        from . import report

        return report.select(self, select=select, ignore=ignore)

    def exit_status(self, fail_on: Optional[str] = "warning") -> int:
        """1 when a finding is at least ``fail_on`` (``info``, ``warning``, ``error``;
        ``never``: always 0), else 0, as ``quotecheck check`` exits when every input
        was read."""
        from . import report

        return report.exit_status(self, fail_on=fail_on)

    def __str__(self) -> str:
        from . import report

        return report.to_text(self)
