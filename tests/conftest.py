"""Shared test helpers: the in-process CLI runner, the official SARIF 2.1.0 schema as a
validator, a hand-built report over three stories."""
import json
import os
import signal
import sys

import pytest

from quotecheck import cli
from quotecheck.model import Document, Finding, Report, Side, Warning

HERE = os.path.dirname(os.path.abspath(__file__))
# The tests import their shared helpers (casefiles.py) by name; --import-mode=importlib does
# not put tests/ on the path by itself.
sys.path.insert(0, HERE)

# A test run started in the background by a shell without job control (`pytest &` in a
# script) inherits SIGINT ignored, and so would every quotecheck process a test starts: the
# Ctrl-C tests could not interrupt them. A handler, unlike "ignored", is not inherited
# across exec, so the children start with the default again.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture
def run(capsys):
    """``run(*args) -> (exit status, stdout, stderr)`` of ``quotecheck`` called in process."""
    def _run(*args):
        code = cli.main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err
    return _run


@pytest.fixture(scope="session")
def sarif_errors():
    """``sarif_errors(text)``: the messages of every violation of the OASIS SARIF 2.1.0
    schema (``tests/sarif-schema-2.1.0.json``, see its ``.SOURCE`` file) in a SARIF log."""
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema (the [test] extra) validates SARIF")
    with open(os.path.join(HERE, "sarif-schema-2.1.0.json"), encoding="utf-8") as f:
        validator = jsonschema.Draft4Validator(json.load(f))

    def errors(text: str) -> list:
        return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(json.loads(text))]
    return errors


@pytest.fixture
def story_report():
    """A report over three stories, two outlets each (labelled by outlet and date, titled
    by their first line), with a negation error, a speaker warning and a truncation info
    finding per story: made-up articles, hand-built findings."""
    docs, findings = [], []
    for story in ("quake", "budget", "match"):
        pair = []
        for outlet, words in (("Daily Bugle", "will not"), ("The Planet", "will")):
            text = f"{story.title()} talks end late\n\nThe mayor said “we {words} raise 5 taxes” on Monday.\n"
            d = Document(f"corpus/{story}/{outlet[:5].strip()}.txt", text, group=f"corpus/{story}",
                         meta=(("date", "2012-04-23"), ("outlet", outlet)),
                         warnings=(Warning("cp1252", "decoded as cp1252", 10, 12),))
            docs.append(d)
            at = text.index("“")
            pair.append(Side(d.source, at, text.index("”") + 1, text[at:text.index("”") + 1],
                             speaker="Mayor Quimby" if outlet == "Daily Bugle" else "Chief Wiggum"))
        findings.append(Finding("negation", "error", "Mayor Quimby", tuple(pair), "One source has a negation.",
                                diff={"a": {"source": pair[0].source, "negations": ["not"]},
                                      "b": {"source": pair[1].source, "negations": []}}, rule="negation-in-shared-words"))
        findings.append(Finding("speaker", "warning", "Mayor Quimby", tuple(pair), "Other speaker.",
                                rule="same-words-other-speaker"))
        findings.append(Finding("truncation", "info", "Chief Wiggum", tuple(pair), "Part of it.", rule="part-of-quote"))
    return Report(tuple(docs), (), tuple(findings))
