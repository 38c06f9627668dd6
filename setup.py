"""The build: pure Python by default; an opt-in compiled build of the same source.

``pip install -e '.[test]'`` (the README's command) builds nothing and needs no compiler.
``QUOTECHECK_COMPILE=1`` asks for the modules in :data:`COMPILED` to be compiled with mypyc
(as black and mypy ship): it needs mypy and a C compiler in the environment that builds,
so give pip that environment::

    pip install mypy
    QUOTECHECK_COMPILE=1 pip install --no-build-isolation .
    # or, in a copy of the tree (the .so files land beside the .py files):
    QUOTECHECK_COMPILE=1 python setup.py build_ext --inplace

When either is missing the build says so and stays pure Python (the package works the
same, only slower).  See docs/performance.md for what each compiled module gains.
"""
import os
import shutil
import sys
import sysconfig

from setuptools import setup

#: The modules compiled by ``QUOTECHECK_COMPILE=1``: type-clean under mypy with no ignores
#: (``--check-untyped-defs``), and measured to pay (docs/performance.md).  The records in
#: model.py stay attrs classes and are not compiled.
COMPILED = [
    # the cross-source check's steps: 1.11x on check, together
    "quotecheck/align.py",
    "quotecheck/numbers.py",
    "quotecheck/grouping.py",
    "quotecheck/utterances.py",
    "quotecheck/findings.py",
    "quotecheck/cluster_findings.py",  # (split off findings: compiled as it was there)
    "quotecheck/wording.py",
    # extraction's type-clean modules: none pays alone (0.95x-1.02x, within the noise), the
    # ten together 1.04x-1.08x on extract (compiled modules call each other natively)
    "quotecheck/text.py",
    "quotecheck/decoding.py",  # (split off text: compiled as it was there)
    "quotecheck/quotes.py",
    "quotecheck/quote_kinds.py",
    "quotecheck/quote_context.py",  # (split off quote_kinds: compiled as it was there)
    "quotecheck/quote_saying.py",  # (split off quote_kinds too)
    "quotecheck/clauses.py",
    "quotecheck/nameindex.py",
    "quotecheck/cues.py",
    "quotecheck/phrases.py",
    "quotecheck/own_sentence.py",
    "quotecheck/pre_readers.py",  # (split off own_sentence: compiled as it was there)
    "quotecheck/subjects.py",
    "quotecheck/antecedents.py",
    # the speakers family (tokens, mentions, names, the word tables): with the ten above,
    # 1.10x on extract against 1.04x for the ten alone (benchmarks/compiled_gain.py, 400
    # PolNeAR articles, best of 3 interleaved rounds)
    "quotecheck/speaker_lexicon.py",
    "quotecheck/words.py",
    "quotecheck/mentions.py",
    "quotecheck/names.py",
    # reported speech (a third of extraction's time): with the twenty above, 1.196x on
    # extract against 1.153x for the twenty alone (benchmarks/compiled_gain.py, 400 PolNeAR
    # articles, best of 5 interleaved rounds, load 3-4)
    "quotecheck/reported.py",
    "quotecheck/reported_frames.py",
    "quotecheck/reported_content.py",  # (split off reported_frames: compiled as it was there)
    "quotecheck/reported_fallback.py",  # (split off reported_frames: compiled as it was there)
    "quotecheck/reported_hearer.py",  # (split off reported_frames: compiled as it was there)
    "quotecheck/reported_lexicon.py",
    "quotecheck/reported_tail.py",  # (split off reported: compiled as it was there)
    # the closed word classes the compiled modules above read (constants only: compiled so
    # that none of them imports a pure-Python module for its word sets)
    "quotecheck/grammar_words.py",
]

#: Modules that are type-clean and build with mypyc but are not in :data:`COMPILED`
#: (measured not to pay).  ``QUOTECHECK_COMPILE_ONLY`` may name them as well as those of
#: COMPILED, to measure them (``benchmarks/compiled_gain.py``).
COMPILABLE: list = [
    # with the fourteen extraction modules of COMPILED, these two added 0.98x (within the
    # noise) on extract: type-clean and built, not compiled (``cast`` was split off
    # ``discourse``: its Resolver subclasses Cast, so the two are built together)
    "quotecheck/cast.py",
    "quotecheck/discourse.py",
    "quotecheck/attribution.py",
]


def _say(message: str) -> None:
    sys.stderr.write(f"quotecheck build: {message}\n")


def _compiler() -> bool:
    """Whether the C compiler Python was built with (or ``$CC``) is on the PATH."""
    cc = os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc"
    return shutil.which(cc.split()[0]) is not None


def ext_modules() -> list:
    """mypyc extensions when ``QUOTECHECK_COMPILE=1`` asks and mypy and a compiler are
    there; nothing otherwise (a pure-Python build)."""
    if os.environ.get("QUOTECHECK_COMPILE", "") not in ("1", "true", "yes"):
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _say("QUOTECHECK_COMPILE is set but mypy (mypyc) is not installed here: building pure Python "
             "(pip install mypy, then build with --no-build-isolation)")
        return []
    if not _compiler():
        _say("QUOTECHECK_COMPILE is set but no C compiler was found: building pure Python")
        return []
    modules = COMPILED
    only = os.environ.get("QUOTECHECK_COMPILE_ONLY")  # "align,numbers": to measure one module's gain
    if only:
        names = only.split(",")
        modules = [m for m in COMPILED + COMPILABLE if os.path.basename(m)[:-3] in names]
        unknown = sorted(set(names) - {os.path.basename(m)[:-3] for m in modules})
        if unknown:
            _say(f"QUOTECHECK_COMPILE_ONLY names modules that are neither in COMPILED nor in COMPILABLE: "
                 f"{', '.join(unknown)}")
    _say(f"compiling {len(modules)} modules with mypyc")
    return mypycify(modules, opt_level=os.environ.get("QUOTECHECK_OPT_LEVEL", "3"))


setup(ext_modules=ext_modules())
