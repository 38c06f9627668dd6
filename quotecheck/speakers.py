"""Speakers: the names, titles and mentions the attribution stages read, in one place.

The work is done in four modules with one job each:

* :mod:`quotecheck.speaker_lexicon`: the word tables (titles and roles, pronouns,
  organisations, first names with their sex, closed word classes);
* :mod:`quotecheck.words`: tokens with exact offsets, and whole-word tests;
* :mod:`quotecheck.mentions`: a phrase read as a :class:`Mention` (name, title, pronoun,
  description, role with its principal, group, organisation);
* :mod:`quotecheck.names`: names normalised and compared (:func:`same_person`, the contract
  the cross-source checker uses to match names across documents).

The resolver that joins mentions into entities is :mod:`quotecheck.discourse`.

This module only re-exports names of those four, as the one module they were split from
(``sp.tokens``, ``sp.lexicon()``, ``sp._DETERMINERS``).  It is not public API (neither
``quotecheck.__init__`` nor docs/api.md names it) and is on its way out: new code imports
from the module that defines a name, as ``subjects``, ``phrases``, ``own_sentence``,
``cues``, ``grouping`` and the tests do.  Still importing it: ``attribution``, ``clauses``,
``reported``, ``reported_according``, ``reported_lexicon`` (and doctests of
``reported_frames``); when they import from the four modules, this file goes.  Until
then it keeps every name it re-exported, so code written against it still runs.
"""
from __future__ import annotations

from .mentions import (_GROUP_OF, _POSSESSIVE_DETERMINERS, Mention, _after_name_or_article, _gender_of,  # noqa: F401
                       _group_organisation, _modifiers, _organisation_name, _person_name, _possessor, _read_mention,
                       _read_phrase, _toks, read_mention, without_title_words)
from .names import (_SUFFIXES, _RUN_INITIALS, _agree, _fold, _has_word, _is_initial, _name_key,  # noqa: F401
                    _name_words, _parties, _party_clash, normalise_name, one_typo, same_person)
from .speaker_lexicon import (_ABBREV, _DETERMINERS, _DOCUMENT_HEADS, _INDEFINITE, _MASTHEADS,  # noqa: F401
                              _NOT_NAME, _NUMBER_WORD, _OWNED, _PARTICLES, _PARTY_TAG, _PLACE_OPENERS, _ROLE_HEADS,
                              _ROLE_OPENERS, _ROLE_TIES, _TITLES_SEEN_MAX, _VESSEL_PREFIXES, Lexicon,
                              _role_preposition, lexicon)
from .words import (_APOS, _INITIAL, _NEWLINE, _POSSESSIVE, _TOKEN, _TOKEN_SPLIT, _WORD, _WORD_CHAR, _WS,  # noqa: F401
                    Token, _before_apostrophe, _new_tuple, _splits_dot, _word_char, _word_pattern, has_word,
                    token_spans, tokens)
