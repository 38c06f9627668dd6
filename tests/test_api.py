"""The public Python API: extract, check, check_files, reading inputs, baselines, config."""
import io
import json
import os

import pytest
from hypothesis import given, settings, strategies as st

import quotecheck
from quotecheck import api, baseline, config
from quotecheck.model import Document, Finding, Report, Side

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_extract_gives_exact_offsets():
    text = "Ms. Lee said: “We will not back down.”\r\nShe left."
    doc = quotecheck.extract(text, source="lee.txt")
    assert doc.status == "ok" and doc.source == "lee.txt"
    for q in doc.quotes:
        assert text[q.start:q.end] == q.text


def test_extract_rejects_bytes_with_a_clear_message():
    with pytest.raises(TypeError, match="wants a str"):
        quotecheck.extract(b"bytes")


@pytest.mark.parametrize("data, encoding", [
    ("“Oui,” dit-elle.".encode("utf-8"), "utf-8"),
    ("“Oui,” dit-elle.".encode("utf-8-sig"), "utf-8-sig"),
    ("“Oui,” dit-elle.".encode("utf-16-le"), "utf-16-le"),  # no BOM: found by the NUL pattern
    (b"\x93Oui,\x94 dit-elle.", "cp1252"),
])
def test_extract_bytes_records_the_encoding(data, encoding):
    doc = quotecheck.extract_bytes(data, "x")
    assert doc.status == "ok" and doc.encoding == encoding and doc.text.endswith("dit-elle.")


def test_read_documents_keeps_every_input_in_order(tmp_path):
    (tmp_path / "a.txt").write_text("“A,” he said.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("“B,” she said.", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"id": "c1", "text": "“C,” they said."}\n{"id": "c2"}\n', encoding="utf-8")
    docs = api.read_documents([str(tmp_path), str(tmp_path / "c.jsonl"), str(tmp_path / "missing.txt")])
    assert [(os.path.basename(d.source), d.status) for d in docs] == [
        ("a.txt", "ok"), ("b.md", "ok"), ("c1", "ok"), ("c2", "error"), ("missing.txt", "error")]


def test_stdin_is_read_once_with_the_size_limit():
    docs = api.read_documents(["-"], stdin=io.BytesIO(b"x" * 100), max_bytes=10)
    assert docs[0].status == "skipped" and docs[0].source == "-"


def test_jsonl_is_streamed_line_by_line(tmp_path):
    corpus = tmp_path / "big.jsonl"
    with open(corpus, "w", encoding="utf-8") as f:
        for i in range(300):
            f.write(json.dumps({"id": i, "text": f"“Line {i},” he said."}) + "\n")
    tasks = api.iter_tasks([str(corpus)])
    first = next(tasks)  # a generator: nothing else read yet
    assert first.kind == "line" and api.load(first).source == "0"  # parsed where it is extracted
    assert sum(1 for _ in tasks) == 299


def test_check_accepts_strings_pairs_dicts_and_documents():
    rep = quotecheck.check(["“One,” he said.", ("b", "“Two,” she said."), {"id": "c", "text": "x", "group": "g"},
                            Document("d", status="error", error="gone")])
    assert [d.source for d in rep.documents] == ["doc0", "b", "c", "d"]
    assert rep.documents[2].group == "g" and rep.documents[3].status == "error"


def test_check_files_and_its_summary():
    seeds = [os.path.join(ROOT, "seeds", n) for n in sorted(os.listdir(os.path.join(ROOT, "seeds"))) if n.endswith(".txt")]
    rep = quotecheck.check_files(seeds)
    assert str(rep).startswith("2 documents (2 ok)")
    assert json.loads(rep.to_json())["schema_version"] == quotecheck.model.SCHEMA_VERSION
    assert rep.to_html().startswith("<!DOCTYPE html>")


def _finding(text="“abc”", source="a.txt", start=0):
    return Finding("wording", "warning", "X", (Side(source, start, start + len(text), text),), "e")


def test_baseline_fingerprints_ignore_offsets_and_folders(tmp_path):
    a, b = _finding(start=0), _finding(source="x/y/a.txt", start=500)
    assert baseline.fingerprint(a) == baseline.fingerprint(b)
    assert baseline.fingerprint(a) != baseline.fingerprint(_finding("“abd”"))
    own = Finding("number", "error", None, (), "e", fingerprint="fp-1")
    assert baseline.fingerprint(own) == "fp-1"


def test_baseline_write_load_apply(tmp_path):
    rep = Report(findings=(_finding(), _finding("“xyz”")))
    path = tmp_path / "known.json"
    assert baseline.write(rep, str(path)) == 2
    known = baseline.load(str(path))
    later = baseline.apply(Report(findings=(_finding(start=40), _finding("“new”"))), known)
    assert [f.sides[0].text for f in later.findings] == ["“new”"]
    assert len(later.suppressed) == 1
    # rewriting keeps what was already acknowledged
    assert baseline.write(later, str(path)) == 2


def test_check_files_with_a_baseline(tmp_path, monkeypatch):
    from quotecheck import crosssource
    monkeypatch.setattr(crosssource, "check_documents", lambda docs: ((), (_finding(),)))
    (tmp_path / "a.txt").write_text("“abc”", encoding="utf-8")
    rep = quotecheck.check_files([str(tmp_path / "a.txt")])
    baseline.write(rep, str(tmp_path / "known.json"))
    again = quotecheck.check_files(str(tmp_path / "a.txt"), baseline=str(tmp_path / "known.json"))
    assert again.findings == () and len(again.suppressed) == 1


def test_config_reads_tool_quotecheck(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.quotecheck]\nfail-on = "error"\nglobs = ["*.txt"]\nbaseline = "b.json"\n',
        encoding="utf-8")
    (tmp_path / "deep" / "er").mkdir(parents=True)
    found = config.find_pyproject(str(tmp_path / "deep" / "er"))
    assert found == str(tmp_path / "pyproject.toml")
    cfg = config.load(found)
    assert cfg["fail-on"] == "error" and cfg["globs"] == ["*.txt"]
    assert os.path.abspath(cfg["baseline"]) == str(tmp_path / "b.json")


@pytest.mark.parametrize("body, message", [
    ('[tool.quotecheck]\nfail-on = "sometimes"\n', "must be one of"),
    ('[tool.quotecheck]\njobs = 0\n', "must be a whole number of processes, 1 or more"),
    ('[tool.quotecheck\n', "not valid TOML"),
])
def test_config_errors_are_one_sentence(tmp_path, body, message):
    (tmp_path / "pyproject.toml").write_text(body, encoding="utf-8")
    with pytest.raises(config.ConfigError, match=message):
        config.load(str(tmp_path / "pyproject.toml"))


def test_config_without_our_table_is_empty(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.black]\nline-length = 100\n', encoding="utf-8")
    assert config.load(str(tmp_path / "pyproject.toml")) == {}


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400))
def test_extract_bytes_never_raises(data):
    doc = quotecheck.extract_bytes(data, "fuzz")
    assert doc.status in ("ok", "empty", "error", "skipped")
    for q in doc.quotes:
        assert doc.text[q.start:q.end] == q.text


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=200), max_size=3))
def test_check_never_raises_and_renders(texts):
    rep = quotecheck.check(texts)
    assert len(rep.documents) == len(texts)
    str(rep), rep.to_json(), rep.to_html()


def test_the_examples_in_docs_api_md_run():
    import doctest
    result = doctest.testfile(os.path.join(ROOT, "docs", "api.md"), module_relative=False,
                              optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
                              globs={"quotecheck": quotecheck})
    assert result.failed == 0
