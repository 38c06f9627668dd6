#!/usr/bin/env python3
"""Rewrite the command examples in README.md and docs/*.md from the real output.

Every fenced ``console`` block of those files is a script: each line that starts with
``$ `` is a command, the lines after it (up to the next command or the end of the block)
are what it prints.  This tool runs the commands of each block in order, in one shell, in a
scratch folder where ``seeds/`` is the repository's seed articles and ``quotecheck`` is
``python -m quotecheck`` from this checkout (and ``python`` the Python running the tool), with standard error merged into standard
output (as a terminal shows it), and writes their output back into the block.

An output that ends with a line ``...`` (indented or not) is cut: only as many lines as the block shows
before ``...`` are kept (so a long listing stays short, and a refresh keeps its length).

    python tools/update_docs.py          rewrite the files
    python tools/update_docs.py --check  say which examples differ; exit 1 if any does

``tests/test_docs.py`` runs the same comparison, so the suite fails when an example is
stale; after a change of output, run this tool and review the diff.
"""
from __future__ import annotations

import argparse
import difflib
import os
import pathlib
import re
import shlex
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
#: The files whose examples are produced by the code.
FILES = ["README.md", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "docs").glob("*.md"))]
_BLOCK = re.compile(r"^```console\n(.*?)^```$", re.M | re.S)
_MARK = "@@quotecheck-docs-example-end@@"


class Example:
    """One command of a console block, the output the docs show and whether it is cut."""

    def __init__(self, command: str, shown: list):
        self.command = command
        self.cut = shown[-1] if shown and shown[-1].strip() == "..." else None
        self.shown = shown[:-1] if self.cut else shown

    def render(self, real: list) -> list:
        """The block's lines for this command, from the real output."""
        lines = real[:len(self.shown)] + [self.cut] if self.cut else real
        return [f"$ {self.command}"] + lines

    def differs(self, real: list) -> bool:
        return self.render(real)[1:] != self.shown + ([self.cut] if self.cut else [])


def parse_block(body: str) -> list:
    examples = []
    for line in body.split("\n"):
        if line.startswith("$ "):
            examples.append(Example(line[2:], []))
        elif examples:
            examples[-1].shown.append(line)
    for e in examples:  # the block's last newline is not an output line
        while e.shown and e.shown[-1] == "":
            e.shown.pop()
        e.__init__(e.command, e.shown)
    return examples


def run_block(examples: list) -> list:
    """The real output of each command, run in order in one shell in a scratch folder."""
    with tempfile.TemporaryDirectory(prefix="quotecheck-docs-") as tmp:
        os.symlink(ROOT / "seeds", os.path.join(tmp, "seeds"))
        py = shlex.quote(sys.executable)
        script = [f'quotecheck() {{ {py} -m quotecheck "$@"; }}', f'python() {{ {py} "$@"; }}', "(exit 0)"]
        for e in examples:
            script += [f"{{ {e.command}\n}} 2>&1", "__status=$?", f"echo {_MARK}", "(exit $__status)"]
        env = dict(os.environ, PYTHONPATH=str(ROOT), COLUMNS="100", NO_COLOR="1")
        env.pop("CI", None)
        out = subprocess.run(["bash", "-c", "\n".join(script)], cwd=tmp, env=env, capture_output=True,
                             timeout=600).stdout.decode("utf-8")
    parts = out.split(f"{_MARK}\n")
    return [p.rstrip("\n").split("\n") if p.strip("\n") else [] for p in parts[:len(examples)]]


def update(path: str, write: bool) -> list:
    """Check (and with ``write`` rewrite) one file; the commands whose output differs."""
    full = ROOT / path
    text = full.read_text(encoding="utf-8")
    stale = []

    def redo(m):
        examples = parse_block(m.group(1))
        real = run_block(examples)
        lines = []
        for e, r in zip(examples, real):
            if e.differs(r):
                stale.append((path, e.command, e.shown, r[:len(e.shown)] if e.cut else r))
            lines += e.render(r)
        return "```console\n" + "\n".join(lines) + "\n```"

    new = _BLOCK.sub(redo, text)
    if write and new != text:
        full.write_text(new, encoding="utf-8")
    return stale


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only say which examples differ (exit 1 if any)")
    ap.add_argument("files", nargs="*", default=FILES, help="files relative to the repository (default: all)")
    a = ap.parse_args(argv)
    stale = []
    for path in a.files:
        stale += update(path, write=not a.check)
    for path, command, shown, real in stale:
        print(f"{path}: $ {command}")
        sys.stdout.writelines(difflib.unified_diff([x + "\n" for x in shown], [x + "\n" for x in real],
                                                   "in the docs", "real output", n=1))
    if a.check:
        return 1 if stale else 0
    print(f"{len(stale)} example(s) rewritten" if stale else "every example is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
