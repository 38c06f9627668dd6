"""The modules the opt-in compiled build compiles stay type-clean (mypyc refuses to build
otherwise, and the pure suite would not notice): mypy over every module setup.py
names (``COMPILED`` and ``COMPILABLE``), read from setup.py itself.  Skipped where mypy is not
installed (the README's test command does not install it; CI's compiled stage does)."""
import os
import re

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _modules() -> list:
    with open(os.path.join(ROOT, "setup.py"), encoding="utf-8") as f:
        src = f.read()
    found = re.findall(r'"(quotecheck/[\w/]+\.py)"', src)
    assert len(found) > 20, "setup.py's module lists were not found"
    return sorted(set(found))


def test_setup_lists_name_existing_modules():
    missing = [m for m in _modules() if not os.path.exists(os.path.join(ROOT, m))]
    assert missing == []


def test_compiled_modules_are_type_clean():
    api = pytest.importorskip("mypy.api")
    out, err, status = api.run([os.path.join(ROOT, m) for m in _modules()])
    assert status == 0, out + err
