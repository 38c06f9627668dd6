#!/usr/bin/env python3
"""Build ``quotecheck/data/names_nicknames.tsv``: first names and the short forms news
writes for them ("William" / "Bill", "Robert" / "Bob", "Michael" / "Mike", "James" / "Jim"),
so that "Bob Menendez" and "Sen. Robert Menendez" are one person and a lone "Bill" after
"William Clinton" is him.

Source: the nicknames CSV of carltonnorthern/nicknames on GitHub (Apache License 2.0; Old
Dominion University, Web Science and Digital Libraries Research Group), ``names.csv`` at
commit 21d75051c39cb022d145388d60c87dc30505228b, rows ``name1,has_nickname,name2``:

    git clone https://github.com/carltonnorthern/nicknames && \\
        python tools/build_names_nicknames.py nicknames/names.csv

A pair is kept only when both names are first names of ``names_gender.tsv`` (the SSA counts)
whose sexes agree (one may be used for both sexes): the genealogy table also pairs "Aaron"
with "Erin", which news never writes for one person; and when the short form is shorter
than the name (a form as long is another name: "Robert" / "Rupert", "Kenneth" /
"Kendrick").  Sorted, so a rebuild gives the same bytes.
"""
import argparse
import csv
import os

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "quotecheck", "data")

HEADER = """\
# first name\tshort form (nickname) news writes for it
# A lone short form, or a full name with it, can be the person named with the other form
# ("Bob Menendez" / "Sen. Robert Menendez"; "Bill said" after "William Clinton").
# Source: carltonnorthern/nicknames on GitHub, names.csv at commit 21d75051c39c (Apache
# License 2.0, Old Dominion University Web Science and Digital Libraries Research Group).
# Built by tools/build_names_nicknames.py: only pairs of first names of names_gender.tsv
# whose sexes agree and whose short form is shorter ("Aaron"/"Erin", "Robert"/"Rupert" dropped).
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("csv_path", help="names.csv of carltonnorthern/nicknames")
    args = ap.parse_args()
    sexes = {}
    with open(os.path.join(DATA, "names_gender.tsv"), encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if not line.startswith("#") and len(parts) > 1:
                sexes[parts[0]] = parts[1]
    pairs = set()
    with open(args.csv_path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["relationship"] != "has_nickname":
                continue
            a, b = row["name1"].strip().capitalize(), row["name2"].strip().capitalize()
            x, y = sexes.get(a), sexes.get(b)
            if len(b) >= len(a) or x is None or y is None or (x != y and "u" not in (x, y)):
                continue
            pairs.add((a, b))
    with open(os.path.join(DATA, "names_nicknames.tsv"), "w", encoding="utf-8") as f:
        f.write(HEADER)
        f.write("".join(f"{a}\t{b}\n" for a, b in sorted(pairs)))
    print(len(pairs), "pairs")


if __name__ == "__main__":
    main()
