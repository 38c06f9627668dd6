#!/usr/bin/env python3
"""Build ``quotecheck/data/lemmas.tsv`` (inflected form -> lemma) from LemmInflect's lookup
table, offline, once.

    pip download lemminflect --no-deps -d /tmp/lemm
    python tools/build_lemmas.py /tmp/lemm/lemminflect-0.2.3-py3-none-any.whl

LemmInflect (MIT licence, (C) 2019 Brad Jascob, https://github.com/bjascob/LemmInflect)
ships ``resources/lemma_lu.csv.gz``: ``word,category,lemma/lemma`` rows derived from the
NIH SPECIALIST Lexicon (National Library of Medicine, Lexical Systems Group; free to use
under its terms and conditions, https://lsg3.nlm.nih.gov/LexSysGroup/Projects/lexicon/current/web/).
Only nouns, verbs and auxiliaries are kept (plural and tense, "pews"/"pew", "ran"/"run"):
an adjective's comparison ("bigger"/"big") says something else, and adverbs add little.
Only rows whose form differs from its lemma are written; a word not in the table is its own
lemma.  The quotecheck package never imports lemminflect (it pulls numpy); it reads this
table through ``quotecheck/lexicon.py``.
"""
import collections
import gzip
import io
import sys
import zipfile

KEEP = {"noun", "verb", "aux"}
OUT = "quotecheck/data/lemmas.tsv"


def main(wheel: str) -> int:
    with zipfile.ZipFile(wheel) as z:
        raw = z.read("lemminflect/resources/lemma_lu.csv.gz")
        version = next((n.split("-")[1].removesuffix(".dist") for n in z.namelist() if n.endswith(".dist-info/METADATA")), "?")
    lemmas = collections.defaultdict(set)
    for line in gzip.open(io.BytesIO(raw), "rt", encoding="utf-8"):
        word, category, forms = line.strip().split(",")
        if category not in KEEP or not word.isalpha() or not word.islower():
            continue
        for form in forms.split("/"):
            if form != word and form.isalpha():
                lemmas[word].add(form)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# Lemma <TAB> its inflected forms, space-separated: two words are one lemma when their\n"
                "# lemma sets (each word its own lemma too) meet, so \"pews\"/\"pew\" and \"ran\"/\"run\" are\n"
                "# inflection, not wording.\n"
                "# Nouns, verbs and auxiliaries only.  Built offline by\n"
                f"# tools/build_lemmas.py from LemmInflect {version} (MIT licence, (C) 2019 Brad Jascob,\n"
                "# https://github.com/bjascob/LemmInflect), resources/lemma_lu.csv.gz, which is derived\n"
                "# from the NIH SPECIALIST Lexicon (U.S. National Library of Medicine, Lexical Systems Group,\n"
                "# https://lsg3.nlm.nih.gov/LexSysGroup/Projects/lexicon/current/web/; free to use under its\n"
                "# terms and conditions).\n")
        forms = collections.defaultdict(set)
        for word, ls in lemmas.items():
            for lemma in ls:
                forms[lemma].add(word)
        for lemma in sorted(forms):
            f.write(f"{lemma}\t{' '.join(sorted(forms[lemma]))}\n")
    print(f"{len(lemmas)} forms written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
