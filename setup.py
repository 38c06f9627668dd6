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

#: The modules compiled by ``QUOTECHECK_COMPILE=1``: the cross-source check's own steps,
#: type-clean under mypy with no ignores, and each measured to pay (docs/performance.md).
#: The records in model.py stay attrs classes and are not compiled.
COMPILED = [
    "quotecheck/align.py",
    "quotecheck/numbers.py",
    "quotecheck/grouping.py",
    "quotecheck/utterances.py",
    "quotecheck/findings.py",
    "quotecheck/wording.py",
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
        modules = [m for m in COMPILED if os.path.basename(m)[:-3] in only.split(",")]
    _say(f"compiling {len(modules)} modules with mypyc")
    return mypycify(modules, opt_level=os.environ.get("QUOTECHECK_OPT_LEVEL", "3"))


setup(ext_modules=ext_modules())
