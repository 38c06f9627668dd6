"""The speech quotes of a test text, found and attributed: the helpers the attribution,
clause and discourse tests share (``speech``, ``quote_starting`` and their variants that
also give the people the attribution met)."""
from quotecheck.attribution import attribute
from quotecheck.quotes import find_quotes


def speech_with_people(text: str) -> tuple:
    """``(speech quotes, people)`` of ``text``: the quotes found and attributed, keeping
    only speech, and the people the attribution built.

    >>> quotes, people = speech_with_people("“We will stay,” Anna Berg said.")
    >>> [q.speaker for q in quotes], [p.name for p in people]
    (['Anna Berg'], ['Anna Berg'])
    """
    quotes, people, _ = attribute(text, find_quotes(text)[0])
    return [q for q in quotes if q.is_speech], people


def speech(text: str) -> list:
    """The speech quotes of ``text``, found and attributed.

    >>> [q.inner for q in speech("“We will stay,” Anna Berg said.")]
    ['We will stay,']
    """
    return speech_with_people(text)[0]


def quote_with_people(text: str, start_words: str) -> tuple:
    """``(quote, people)``: the first speech quote of ``text`` whose inner text starts
    with ``start_words``, and the people of the text; no such quote fails the test.

    >>> quote_with_people("“We will stay,” Anna Berg said.", "We will")[0].speaker
    'Anna Berg'
    """
    quotes, people = speech_with_people(text)
    for q in quotes:
        if q.inner.startswith(start_words):
            return q, people
    raise AssertionError(f"no speech quote starts with {start_words!r}: {[q.text for q in quotes]}")


def quote_starting(text: str, start_words: str):
    """The first speech quote of ``text`` whose inner text starts with ``start_words``.

    >>> quote_starting("“We will stay,” Anna Berg said.", "We will").attribution.cue
    'said'
    """
    return quote_with_people(text, start_words)[0]
