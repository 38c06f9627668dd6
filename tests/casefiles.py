"""The test-case tables of ``tests/cases/``: one case a line, fields separated by tabs,
``#`` lines and blank lines skipped, ``\\n`` in a field for a line break (so a case can
span paragraphs and still be one line of the table)."""
import json
import os

CASES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases")


def rows(name: str, fields: int) -> list:
    """Every case of ``tests/cases/<name>`` as a tuple of ``fields`` strings; a line
    with another number of fields is an error naming the file and line.

    >>> rows("clauses.tsv", 3)[0][1:] != ()
    True
    """
    out = []
    with open(os.path.join(CASES, name), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) != fields:
                raise ValueError(f"{name}:{n}: {len(parts)} fields, expected {fields}")
            out.append(tuple(p.replace("\\n", "\n") for p in parts))
    return out


def records(name: str) -> list:
    """Every case of the JSON-lines table ``tests/cases/<name>`` as a dict, ``#`` lines
    and blank lines skipped.

    >>> sorted(records("crosssource.jsonl")[0])[:2]
    ['a', 'b']
    """
    with open(os.path.join(CASES, name), encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip() and not line.startswith("#")]


def reported(text: str) -> list:
    """``(content, mention)`` of every reported item the pipeline finds in ``text``: what
    the reported-speech case tables (``reported_bounds*.tsv``, ``reported_end*.tsv``) list."""
    from quotecheck.attribution import attribute
    from quotecheck.model import REPORTED
    from quotecheck.quotes import find_quotes
    quotes, _, _ = attribute(text, find_quotes(text)[0])
    return [(q.text, q.attribution.mention) for q in quotes if q.kind == REPORTED]
