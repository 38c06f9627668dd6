"""Closed word classes of English, named once: articles, demonstratives, possessive
determiners, subject and relative pronouns, the forms of *be*, subordinators.

The words are in ``data/grammar_words.tsv`` (its header says where they come from).  A
module that reads a class with a word more or less builds it from these and says why in
its own definition (``reported_lexicon._SUBJ_PRONOUNS = SUBJECT_PRONOUNS | {"there"}``),
so that the difference is written down instead of drifting.

>>> sorted(ARTICLES)
['a', 'an', 'the']
>>> DETERMINERS == ARTICLES | DEMONSTRATIVES | POSSESSIVES and "your" in DETERMINERS
True
>>> sorted(SPEAKER_PRONOUNS), SPEAKER_PRONOUNS <= SUBJECT_PRONOUNS
(['he', 'she', 'they'], True)
"""
from __future__ import annotations

from . import lexicon


def word_class(name: str) -> frozenset:
    """The words of one class of ``data/grammar_words.tsv``.

    >>> sorted(word_class("demonstrative"))
    ['that', 'these', 'this', 'those']
    >>> word_class("no such class")
    Traceback (most recent call last):
    ...
    KeyError: 'no such class'
    """
    for row in lexicon.rows("grammar_words.tsv"):
        if row[0] == name:
            return frozenset(row[1].split())
    raise KeyError(name)


#: ``a an the``
ARTICLES = word_class("article")
#: ``this that these those``
DEMONSTRATIVES = word_class("demonstrative")
#: Possessive determiners: ``my your his her its our their``.
POSSESSIVES = word_class("possessive")
#: The determiners that make a phrase definite or indefinite without counting: articles,
#: demonstratives and possessives.
DETERMINERS = ARTICLES | DEMONSTRATIVES | POSSESSIVES
#: ``i you he she it we they``
SUBJECT_PRONOUNS = word_class("subject-pronoun")
#: The subject pronouns that stand for a person quoted in third-person writing:
#: ``he she they``.
SPEAKER_PRONOUNS = word_class("speaker-pronoun")
#: ``who whom whose which that``
RELATIVE_PRONOUNS = word_class("relative-pronoun")
#: Every form of *be*, ``am`` included.
FORMS_OF_BE = word_class("be")
#: Subordinators that open a clause fronted or trailing in a speaker's sentence.
SUBORDINATORS = word_class("subordinator")
#: Prepositions that end in -ing ("following", "during", "including"): no participle.
ING_PREPOSITIONS = word_class("ing-preposition")
