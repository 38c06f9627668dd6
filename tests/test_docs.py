"""Docs that cannot go stale: every example in README.md and docs/ is produced by the code.

``console`` blocks are run (``tools/update_docs.py``: each ``$`` command in a scratch folder
with the seed articles, its real output compared with the block), ``>>>`` blocks are
doctests, the rules SARIF links to are documented, and every option is in docs/cli.md.
After a change of output: ``python tools/update_docs.py``, then review the diff.
"""
import ast
import doctest
import importlib.util
import pathlib
import re

import pytest

import quotecheck
from quotecheck import cli

ROOT = pathlib.Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("quotecheck_update_docs", ROOT / "tools" / "update_docs.py")
update_docs = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(update_docs)


@pytest.mark.parametrize("path", [p for p in update_docs.FILES if "```console" in (ROOT / p).read_text(encoding="utf-8")])
def test_console_examples_are_the_real_output(path):
    stale = update_docs.update(path, write=False)
    assert not stale, (f"{len(stale)} example(s) of {path} differ from the real output "
                       f"(run: python tools/update_docs.py): " + "; ".join(f"$ {c}" for _, c, _, _ in stale))


@pytest.mark.parametrize("path", [p for p in update_docs.FILES if ">>> " in (ROOT / p).read_text(encoding="utf-8")])
def test_doctests_in_the_docs(path):
    result = doctest.testfile(str(ROOT / path), module_relative=False, globs={"quotecheck": quotecheck},
                              optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0


def test_update_docs_finds_and_fixes_a_stale_example(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("Intro.\n\n```console\n$ echo one; echo two; echo three\none\nold\n...\n$ (exit 3); echo $?\n0\n```\n",
                    encoding="utf-8")
    stale = update_docs.update(str(page), write=False)
    assert [(c, shown, real) for _, c, shown, real in stale] == [
        ("echo one; echo two; echo three", ["one", "old"], ["one", "two"]), ("(exit 3); echo $?", ["0"], ["3"])]
    update_docs.update(str(page), write=True)
    assert page.read_text(encoding="utf-8") == ("Intro.\n\n```console\n$ echo one; echo two; echo three\none\ntwo\n...\n"
                                                "$ (exit 3); echo $?\n3\n```\n")
    assert update_docs.update(str(page), write=False) == []


def _rules_in_the_code() -> set:
    """The rule names the cross-source check can give a finding: the rule argument of every
    ``_finding(...)`` call, and the strings assigned to ``rule`` in the functions that make
    findings, in any module of the package (the check may be split over several)."""
    rules = set()

    def strings(node):
        return {n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)
                and re.fullmatch(r"[a-z]+(?:-[a-z]+)+", n.value)}
    for module in sorted((ROOT / "quotecheck").glob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef):
                continue
            calls = [n for n in ast.walk(fn) if isinstance(n, ast.Call) and getattr(n.func, "id", None) == "_finding"]
            if not calls:
                continue
            for call in calls:
                if len(call.args) >= 7:
                    rules |= strings(call.args[6])
            for node in ast.walk(fn):
                if isinstance(node, ast.Assign) and "rule" in {
                        n.id for t in node.targets for n in ast.walk(t) if isinstance(n, ast.Name)}:
                    rules |= strings(node.value)
    return rules


def test_every_rule_of_the_check_is_documented():
    """SARIF rules link to docs/rules.md#RULE: each rule the check can name has its section."""
    rules = _rules_in_the_code()
    assert len(rules) >= 10
    anchors = set(re.findall(r"^## ([a-z-]+)$", (ROOT / "docs" / "rules.md").read_text(encoding="utf-8"), re.M))
    assert rules - anchors == set()


def test_every_option_is_in_the_cli_docs():
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    p = cli.parser()
    subs = next(a for a in p._actions if a.dest == "command").choices
    options = {o for sub in subs.values() for a in sub._actions for o in a.option_strings
               if o.startswith("--") and o != "--help"}
    assert {o for o in options if f"`{o}" not in text and f" {o} " not in text} == set()


def test_supported_python_versions_are_stated():
    requires = re.search(r'requires-python = ">=3\.(\d+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8")).group(1)
    for page in ("README.md", "docs/index.md"):
        assert f"Python 3.{requires} to 3." in (ROOT / page).read_text(encoding="utf-8")
