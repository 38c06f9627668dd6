"""The command line, through ``cli.main([...])`` and a few real subprocesses."""
import io
import json
import os
import re
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import quotecheck
from quotecheck import cli, crosssource, quotes
from quotecheck.model import Finding, Side

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = sorted(os.path.join(ROOT, "seeds", n) for n in os.listdir(os.path.join(ROOT, "seeds")) if n.endswith(".txt"))

ARTICLE_A = ("Officials met on Monday.\n\n“We have nowhere to retreat,” the minister said on Sunday. "
             "He added that the plan would cost 5 billion dollars.\n")
ARTICLE_B = ("The minister spoke to reporters.\n\nThe West “must understand that we have nowhere to retreat "
             "further,” the minister said.\n")


@pytest.fixture
def articles(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE_A, encoding="utf-8")
    b.write_text(ARTICLE_B, encoding="utf-8")
    return a, b


def _retreat_findings(documents):
    """A stand-in for the cross-source check: one wording finding between the
    documents that quote 'nowhere to retreat' (offset-free fingerprint left empty)."""
    sides = []
    for d in documents:
        m = re.search(r"“[^”]*nowhere to retreat[^”]*”", d.text)
        if m:
            sides.append(Side(d.source, m.start(), m.end(), m.group(), speaker="the minister"))
    if len(sides) < 2:
        return (), ()
    return (), (Finding("wording", "warning", "the minister", tuple(sides), "One source adds “further”.",
                        diff={"added": ["further"]}, rule="wording-diff"),)


@pytest.fixture
def findings(monkeypatch):
    monkeypatch.setattr(crosssource, "check_documents", _retreat_findings)


# --- extract ---------------------------------------------------------------------------

def test_extract_text_lists_every_document_and_quote(run, articles):
    code, out, err = run("extract", *articles)
    assert code == 0 and err == ""
    assert f"== {articles[0]} [ok, utf-8, " in out and f"== {articles[1]} [ok, utf-8, " in out
    assert "“We have nowhere to retreat,”" in out


def test_extract_jsonl_has_a_line_per_document_and_quote(run, articles, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    code, out, err = run("extract", "--format", "jsonl", articles[0], tmp_path / "missing.txt", empty)
    assert code == 2
    lines = [json.loads(x) for x in out.splitlines()]
    docs = [x for x in lines if x["type"] == "document"]
    assert [d["status"] for d in docs] == ["ok", "error", "empty"]
    assert docs[1]["error"] == "no such file or directory"
    q = [x for x in lines if x["type"] == "quote"][0]
    assert q["source"] == str(articles[0]) and ARTICLE_A[q["start"]:q["end"]] == q["text"]
    for key in ("kind", "speaker", "speaker_start", "speaker_end", "cue", "cue_start", "cue_end", "rule", "confidence"):
        assert key in q
    assert err.strip() == f"quotecheck: error: {tmp_path / 'missing.txt'}: no such file or directory"


def test_extract_json_matches_the_api(run, articles):
    code, out, _ = run("extract", "--format", "json", *articles)
    data = json.loads(out)
    assert code == 0 and data["schema_version"] == quotecheck.model.SCHEMA_VERSION
    from quotecheck import report
    assert data == json.loads(json.dumps(report.extract_dict(quotecheck.extract_files([str(a) for a in articles]))))


def test_no_documents_found_is_an_input_error_with_valid_json(run, tmp_path):
    code, out, err = run("extract", "--format", "json", tmp_path)
    assert code == 2 and json.loads(out)["documents"] == []
    assert "no documents found" in err and "--glob" in err


def test_unwritable_output_names_the_file(run, articles, tmp_path):
    code, _, err = run("check", "-o", tmp_path / "no" / "dir" / "r.html", *articles)
    assert code == 2 and err.strip() == f"quotecheck: error: {tmp_path / 'no' / 'dir' / 'r.html'}: cannot write: no such file or directory"


def test_extract_reads_standard_input(run, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE_A.encode("utf-8"))))
    code, out, _ = run("extract", "--format", "jsonl", "-")
    doc = json.loads(out.splitlines()[0])
    assert code == 0 and doc["source"] == "-" and doc["status"] == "ok" and doc["encoding"] == "utf-8"


def test_one_binary_file_does_not_stop_the_others(run, articles, tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    code, out, err = run("extract", "--format", "jsonl", binary, articles[0])
    docs = [json.loads(x) for x in out.splitlines() if '"type": "document"' in x]
    assert code == 2 and [d["status"] for d in docs] == ["error", "ok"]
    assert err.count("\n") == 1 and "image.txt" in err


def test_cp1252_file_is_read_with_a_warning(run, tmp_path):
    old = tmp_path / "old.txt"
    old.write_bytes(b"\x93We will win,\x94 she said.")
    code, out, _ = run("extract", "--format", "json", old)
    doc = json.loads(out)["documents"][0]
    assert code == 0 and doc["encoding"] == "cp1252" and doc["warnings"]


def test_max_bytes_skips_big_documents(run, articles):
    code, out, err = run("extract", "--format", "jsonl", "--max-bytes", "50", *articles)
    docs = [json.loads(x) for x in out.splitlines()]
    assert [d["status"] for d in docs] == ["skipped", "skipped"]
    assert "over the size limit of 50 bytes" in docs[0]["error"] and "skipped" in err
    # every input skipped: nothing was checked, and a CI job must not pass on that
    assert code == 2 and "error: nothing was checked: all 2 documents were skipped" in err


def test_directory_is_searched_recursively_with_globs_and_folders_are_groups(run, tmp_path):
    (tmp_path / "story1").mkdir()
    (tmp_path / "story1" / "x.txt").write_text("“Yes,” he said.", encoding="utf-8")
    (tmp_path / "story1" / "notes.md").write_text("“No,” she said.", encoding="utf-8")
    (tmp_path / "story1" / "data.csv").write_text("a,b", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text("ref", encoding="utf-8")
    code, out, _ = run("extract", "--format", "jsonl", tmp_path)
    docs = [json.loads(x) for x in out.splitlines() if '"type": "document"' in x]
    assert [os.path.basename(d["source"]) for d in docs] == ["notes.md", "x.txt"]
    assert {d["group"] for d in docs} == {str(tmp_path / "story1")}
    code, out, _ = run("extract", "--format", "jsonl", "--glob", "*.csv", tmp_path)
    assert [os.path.basename(json.loads(x)["source"]) for x in out.splitlines() if '"document"' in x] == ["data.csv"]


def test_jsonl_corpus_fields_and_bad_records(run, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"url": "u1", "body": "“Fine,” he said.", "story": "s1"}),
        json.dumps({"url": "u2", "title": "no body here"}),
        "{not json",
        "",
        json.dumps({"url": "u3", "body": "x" * 500}),
        json.dumps({"url": "u4", "body": "Lone \ud800 surrogate “ok,” she said."}),
        json.dumps(["a", "list"]),
    ]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run("extract", "--format", "jsonl", "--text-field", "body", "--id-field", "url",
                         "--group-field", "story", "--max-bytes", "300", corpus)
    docs = [json.loads(x) for x in out.splitlines() if '"type": "document"' in x]
    assert [(d["source"], d["status"]) for d in docs] == [
        ("u1", "ok"), ("u2", "error"), (f"{corpus}:3", "error"), (f"{corpus}:5", "skipped"),
        ("u4", "ok"), (f"{corpus}:7", "error")]
    assert docs[0]["group"] == "s1"
    assert "'body'" in docs[1]["error"] and "not valid JSON" in docs[2]["error"]
    assert docs[4]["warnings"][0]["code"] == "lone-surrogate"
    assert code == 2


def test_jobs_give_the_same_output(run, articles, tmp_path):
    one = run("extract", "--format", "json", "--jobs", "1", *articles, tmp_path / "missing.txt")
    two = run("extract", "--format", "json", "--jobs", "2", *articles, tmp_path / "missing.txt")
    assert one == two


def test_text_output_never_echoes_terminal_escapes(run, tmp_path):
    evil = tmp_path / "evil.txt"
    evil.write_text("He said “\x1b[2J\x1b]0;owned\x07 hello” today.", encoding="utf-8")
    code, out, _ = run("extract", evil)
    assert "\x1b" not in out and "\x07" not in out and "\\x1b[2J" in out


def test_an_internal_error_is_one_document_not_a_crash(run, articles, monkeypatch):
    def boom(text):
        raise RuntimeError("finder exploded")
    monkeypatch.setattr(quotes, "find_quotes", boom)
    code, out, err = run("extract", "--format", "jsonl", *articles)
    docs = [json.loads(x) for x in out.splitlines()]
    assert code == 2 and all(d["status"] == "error" and "finder exploded" in d["error"] for d in docs)
    assert "Traceback" not in err
    with pytest.raises(RuntimeError):
        cli.main(["extract", "--debug", str(articles[0])])


# --- check -----------------------------------------------------------------------------

def test_check_exit_codes_follow_fail_on(run, articles, findings):
    code, out, _ = run("check", *articles)
    assert code == 1 and "[warning] wording: the minister" in out and "One source adds" in out
    assert run("check", "--fail-on", "error", *articles)[0] == 0
    assert run("check", "--fail-on", "info", *articles)[0] == 1
    assert run("check", "--fail-on", "never", *articles)[0] == 0
    assert run("check", articles[0])[0] == 0  # one source, nothing to compare


def test_check_missing_file_is_exit_2_and_the_rest_is_reported(run, articles, findings, tmp_path):
    code, out, err = run("check", *articles, tmp_path / "nope.txt")
    assert code == 2
    assert "[warning] wording" in out and "error    " in out and "nope.txt: no such file or directory" in out
    assert err.count("\n") == 1 and "Traceback" not in err


def test_every_document_appears_in_every_check_format(run, articles, findings, tmp_path):
    missing = tmp_path / "nope.txt"
    for fmt in ("text", "json", "jsonl", "github", "sarif", "html"):
        code, out, _ = run("check", "--format", fmt, *articles, missing)
        assert code == 2
        for p in (*articles, missing):
            assert str(p) in out, (fmt, p)


def test_check_json_is_deterministic(run, articles, findings):
    a = run("check", "--format", "json", *articles)
    b = run("check", "--format", "json", "--jobs", "2", *articles)
    assert a == b
    data = json.loads(a[1])
    assert data["findings"][0]["fingerprint"].startswith("qc1-")
    assert data["summary"]["findings"] == 1


def test_github_annotations(run, articles, findings):
    code, out, _ = run("check", "--format", "github", *articles)
    ann = [x for x in out.splitlines() if x.startswith("::")]
    assert code == 1 and len(ann) == 2
    assert ann[0].startswith(f"::warning file={articles[0]},line=3,col=1,")
    line = ARTICLE_B.count("\n", 0, ARTICLE_B.index("“")) + 1
    assert ann[1].startswith(f"::warning file={articles[1]},line={line},col=")


def test_html_output_file_is_written_atomically(run, articles, findings, tmp_path):
    target = tmp_path / "out" / "report.html"
    target.parent.mkdir()
    code, out, _ = run("check", "--format", "html", "-o", target, *articles)
    assert code == 1 and out == ""
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count("<article") == 1 and "<mark>further</mark>" in page
    assert os.listdir(target.parent) == ["report.html"]  # no temporary file left behind


def test_baseline_round_trip_survives_edits_elsewhere(run, articles, findings, tmp_path):
    known = tmp_path / "known.json"
    code, _, err = run("check", "--write-baseline", known, *articles)
    assert code == 0 and "wrote 1 finding" in err
    data = json.loads(known.read_text(encoding="utf-8"))
    assert data["findings"][0]["description"].startswith("wording (the minister)")
    code, out, _ = run("check", "--baseline", known, *articles)
    assert code == 0 and "1 suppressed by the baseline" in out
    # an edit elsewhere in the article moves every offset, and the finding stays acknowledged
    articles[0].write_text("A new first paragraph.\n\n" + ARTICLE_A, encoding="utf-8")
    assert run("check", "--baseline", known, *articles)[0] == 0
    # a different quote is a new finding
    articles[1].write_text(ARTICLE_B.replace("further", "any further"), encoding="utf-8")
    assert run("check", "--baseline", known, *articles)[0] == 1


def test_bad_baseline_is_one_sentence(run, articles, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2", encoding="utf-8")
    code, out, err = run("check", "--baseline", bad, *articles)
    assert code == 2 and err.startswith("quotecheck: error: the baseline") and err.count("\n") == 1
    code, _, err = run("check", "--baseline", tmp_path / "none.json", *articles)
    assert code == 2 and "cannot read the baseline" in err


def test_pyproject_settings(run, articles, findings, tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.quotecheck]\nfail-on = "error"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run("check", *articles)[0] == 0
    assert run("check", "--fail-on", "warning", *articles)[0] == 1  # the command line wins
    assert run("check", "--no-config", *articles)[0] == 1
    (tmp_path / "pyproject.toml").write_text('[tool.quotecheck]\nfail_on = "error"\n', encoding="utf-8")
    code, _, err = run("check", *articles)
    assert code == 2 and "unknown setting 'fail_on'" in err


def test_pyproject_baseline_is_relative_to_the_file(run, articles, findings, tmp_path, monkeypatch):
    (tmp_path / "ci").mkdir()
    assert run("check", "--write-baseline", tmp_path / "ci" / "known.json", *articles)[0] == 0
    (tmp_path / "pyproject.toml").write_text('[tool.quotecheck]\nbaseline = "ci/known.json"\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    assert run("check", *articles)[0] == 0


# --- usage ----------------------------------------------------------------------------

def test_version_help_and_usage_errors(run):
    code, out, _ = run("--version")
    assert code == 0 and out.strip() == f"quotecheck {quotecheck.__version__}"
    code, out, _ = run("check", "--help")
    assert code == 0 and "examples:" in out and "exit status" in out and "--baseline" in out
    code, out, err = run("check", "--format", "pdf", "x.txt")
    assert code == 2 and out == "" and err.count("\n") == 1 and "invalid choice" in err
    code, _, err = run("extract")
    assert code == 2 and "required" in err
    code, _, err = run("extract", "--max-bytes", "lots", "x.txt")
    assert code == 2 and "not a size" in err


# --- subprocesses ------------------------------------------------------------------------

def _qc(*args, **kw):
    return subprocess.run([sys.executable, "-m", "quotecheck", *map(str, args)], capture_output=True,
                          cwd=ROOT, **kw)


def test_subprocess_stdin_and_missing_file():
    p = _qc("extract", "-", input="“Stop,” she said.".encode("utf-8"))
    assert p.returncode == 0 and "“Stop,”" in p.stdout.decode("utf-8")
    p = _qc("check", "no/such/article.txt")
    assert p.returncode == 2 and p.stderr.decode().count("\n") == 1 and b"Traceback" not in p.stderr


def test_subprocess_broken_pipe_is_quiet(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("“Quote,” he said. " * 2000, encoding="utf-8")  # ~800 kB of JSONL, over a pipe buffer
    p = subprocess.run(f"{sys.executable} -m quotecheck extract --format jsonl {big} {big} | head -c 10",
                       shell=True, capture_output=True, cwd=ROOT)
    assert p.stderr == b"" and len(p.stdout) == 10


def test_one_line_script_prints_a_readable_summary():
    code = f"import quotecheck as q; print(q.check_files({SEEDS!r}))"
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT)
    assert p.returncode == 0
    assert p.stdout.decode("utf-8").startswith("2 documents (2 ok)")


# --- never raises ------------------------------------------------------------------------

@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300), fmt=st.sampled_from(["text", "json", "jsonl"]))
def test_cli_never_raises_on_arbitrary_bytes(data, fmt, tmp_path, capsys):
    path = tmp_path / "in.txt"
    path.write_bytes(data)
    assert cli.main(["extract", "--format", fmt, str(path)]) in (0, 2)
    out, _ = capsys.readouterr()
    if fmt == "json":
        json.loads(out)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300) | st.text(alphabet="\x1b\x9b\u202e\x00“”\" said.\n", max_size=60),
       fmt=st.sampled_from(["text", "json", "jsonl", "github", "html", "sarif"]))
def test_cli_check_never_raises_on_arbitrary_text(text, fmt, tmp_path, capsys, sarif_errors):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "x", "text": text}) + "\n" + json.dumps({"id": "y", "text": text[::-1]}) + "\n"
                      + "{not json\n", encoding="utf-8")
    assert cli.main(["check", "--format", fmt, "--fail-on", "never", str(corpus)]) == 2  # the bad line
    out, _ = capsys.readouterr()
    if fmt == "sarif":
        assert sarif_errors(out) == []
    # nothing a terminal would act on, in any format (JSON escapes them)
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", out)


def test_output_file_gets_ordinary_permissions(run, articles, tmp_path):
    target = tmp_path / "q.json"
    old = os.umask(0o022)
    try:
        run("extract", "--format", "json", "-o", target, articles[0])
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o644
    target.chmod(0o640)
    run("extract", "--format", "json", "-o", target, articles[0])
    assert target.stat().st_mode & 0o777 == 0o640  # an existing file keeps its mode


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=200) | st.lists(st.dictionaries(st.sampled_from(["id", "text", "group"]),
                                                                st.none() | st.integers() | st.text(max_size=40) | st.lists(st.integers(), max_size=2)),
                                               max_size=4).map(lambda rs: "\n".join(json.dumps(r) for r in rs).encode("utf-8")))
def test_cli_never_raises_on_arbitrary_jsonl(data, tmp_path, capsys):
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(data)
    assert cli.main(["extract", "--format", "jsonl", "--max-bytes", "100", str(corpus)]) in (0, 2)
    out, _ = capsys.readouterr()
    lines = [json.loads(x) for x in out.splitlines()]
    # every non-blank line of the corpus is a document in the output
    assert sum(x["type"] == "document" for x in lines) == sum(1 for line in data.split(b"\n") if line.strip())


# --- the switches linter users expect ----------------------------------------------------------

def _three_findings(documents):
    """A stand-in check with one finding of each severity between the first two documents."""
    ok = [d for d in documents if d.status == "ok"]
    if len(ok) < 2:
        return (), ()
    a, b = ok[:2]
    sides = (Side(a.source, 0, 5, a.text[:5], speaker="X"), Side(b.source, 0, 5, b.text[:5], speaker="Y"))
    return (), tuple(Finding(kind, sev, "X", sides, f"{kind} differs", rule=rule) for kind, sev, rule in (
        ("number", "error", "figures-differ"), ("wording", "warning", "words-differ"),
        ("truncation", "info", "part-of-quote")))


@pytest.fixture
def three(monkeypatch):
    monkeypatch.setattr(crosssource, "check_documents", _three_findings)


def test_show_decides_what_is_printed_and_fail_on_the_exit_status(run, articles, three, sarif_errors):
    code, out, _ = run("check", *articles)
    assert code == 1 and "[error] number" in out and "[warning] wording" in out and "[info]" not in out
    assert "1 not shown (below --show warning)" in out.splitlines()[0]
    code, out, _ = run("check", "--show", "error", "--fail-on", "info", *articles)
    assert code == 1 and "[warning]" not in out and "[error] number" in out
    assert "[info] truncation" in run("check", "--show", "info", *articles)[1]
    _, out, _ = run("check", "--format", "github", "--show", "error", *articles)
    assert [x.split(" ")[0] for x in out.splitlines() if x.startswith("::")] == ["::error", "::error"]
    _, out, _ = run("check", "--format", "sarif", "--show", "warning", articles[0], articles[1], "missing.txt")
    assert sarif_errors(out) == []
    assert [r["ruleId"] for r in json.loads(out)["runs"][0]["results"]] == ["figures-differ", "words-differ"]
    data = json.loads(run("check", "--format", "json", "--show", "error", *articles)[1])
    assert [f["severity"] for f in data["findings"]] == ["error", "warning", "info"]  # JSON has them all


def test_quiet_prints_findings_only(run, articles, three):
    code, out, err = run("check", "-q", *articles)
    assert code == 1 and out.startswith("[error] number: X") and "documents:" not in out and "2 documents" not in out
    assert run("check", "-q", "--select", "speaker", *articles)[:2] == (0, "")  # nothing to say: nothing said
    code, out, _ = run("extract", "--quiet", articles[0])
    assert code == 0 and out.splitlines()[0].startswith(f"{articles[0]}:3:1 direct ")
    assert "==" not in out


def test_statistics_counts_per_kind_and_rule(run, articles, three):
    _, out, _ = run("check", "--statistics", "--show", "info", *articles)
    stats = out.split("statistics:\n")[1].split("\n")
    assert [x.split() for x in stats if x.strip()] == [
        ["1", "error", "number", "figures-differ"], ["1", "warning", "wording", "words-differ"],
        ["1", "info", "truncation", "part-of-quote"]]


def test_select_and_ignore_kinds_or_rules(run, articles, three):
    out = run("check", "--show", "info", "--select", "number,part-of-quote", *articles)[1]
    assert "[error] number" in out and "[info] truncation" in out and "wording" not in out
    code, out, _ = run("check", "--ignore", "number", "--ignore", "words-differ", *articles)
    assert code == 0 and "1 finding (1 info)" in out  # what is ignored is gone, exit status too
    assert run("check", "--select", "wording", "--fail-on", "error", *articles)[0] == 0
    code, out, err = run("check", "--select", "numbr", *articles)  # a typo is said, not passed in silence
    assert code == 0 and err == ("quotecheck: warning: --select 'numbr' is no kind of finding (number, negation, "
                                 "speaker, wording, truncation, paraphrase) and no rule of this run's findings "
                                 "(see docs/rules.md)\n")
    assert run("check", "--ignore", "part-of-quote,speaker", *articles)[2] == ""


def test_config_file_and_settings_for_every_switch(run, articles, three, tmp_path):
    cfg = tmp_path / "ci.toml"
    cfg.write_text('[tool.quotecheck]\nshow = "error"\nignore = ["figures-differ"]\nfail-on = "error"\n', encoding="utf-8")
    code, out, _ = run("check", "--config", cfg, *articles)
    assert code == 0 and "[warning]" not in out and "[error]" not in out and "2 not shown" in out
    code, out, _ = run("check", "--config", cfg, "--show", "info", *articles)  # the command line wins
    assert "[info] truncation" in out
    plain = tmp_path / "plain.toml"
    plain.write_text("[tool.other]\nx = 1\n", encoding="utf-8")
    code, _, err = run("check", "--config", plain, *articles)
    assert code == 2 and "has no [tool.quotecheck] table" in err
    code, _, err = run("check", "--config", tmp_path / "none.toml", *articles)
    assert code == 2 and "cannot read" in err and "none.toml" in err
    cfg.write_text('[tool.quotecheck]\nshow = "loud"\n', encoding="utf-8")
    code, _, err = run("check", "--config", cfg, *articles)
    assert code == 2 and "'show'" in err and err.count("\n") == 1


def test_colour_on_a_terminal_only_and_never_with_no_color(run, articles, three, monkeypatch):
    assert "\x1b[" not in run("check", *articles)[1]  # not a terminal
    assert "\x1b[1;31m[error]\x1b[0m" in run("check", "--color", "always", *articles)[1]
    monkeypatch.setattr(cli, "_isatty", lambda stream: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert "\x1b[1;31m[error]" in run("check", "--no-progress", *articles)[1]
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run("check", "--no-progress", *articles)[1]
    assert "\x1b[" not in run("check", "--color", "never", *articles)[1]


def test_group_by_groups_a_flat_folder_by_file_name(run, tmp_path, findings):
    flat = tmp_path / "flat"
    flat.mkdir()
    for story in ("quake", "vote"):
        (flat / f"2012-04-23_{story}_bugle.txt").write_text(ARTICLE_A, encoding="utf-8")
        (flat / f"2012-04-24_{story}_planet.txt").write_text(ARTICLE_B, encoding="utf-8")
    code, out, _ = run("extract", "--format", "jsonl", "--group-by", r"^(?P<date>[\d-]+)_([^_]+)_(?P<outlet>[^.]+)", flat)
    docs = [json.loads(x) for x in out.splitlines() if '"document"' in x]
    assert sorted((d["group"], d["meta"]["outlet"], d["meta"]["date"]) for d in docs) == [
        ("quake", "bugle", "2012-04-23"), ("quake", "planet", "2012-04-24"),
        ("vote", "bugle", "2012-04-23"), ("vote", "planet", "2012-04-24")]
    code, out, _ = run("check", "--format", "json", "--group-by", r"^[\d-]+_([^_]+)_", flat)
    assert sorted(d["group"] for d in json.loads(out)["documents"]) == ["quake", "quake", "vote", "vote"]
    code, _, err = run("check", "--group-by", "(unclosed", flat)
    assert code == 2 and "--group-by" in err and "not a regular expression" in err
    code, _, err = run("check", "--group-by", "no-group", flat)
    assert code == 2 and "has no group" in err


def test_jsonl_fields_label_the_html_report(run, tmp_path, findings):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps({"id": f"doc{i}", "text": t, "headline": h, "paper": p, "day": "2016-05-01"})
                                for i, (t, h, p) in enumerate([(ARTICLE_A, "Minister holds firm", "The Bugle"),
                                                               (ARTICLE_B, "No retreat, says minister", "The Planet")])) + "\n",
                      encoding="utf-8")
    code, out, _ = run("check", "--format", "html", "--title-field", "headline", "--outlet-field", "paper",
                       "--date-field", "day", corpus)
    assert code == 1
    assert ('<span class="label" title="doc0:3:1"><span class="outlet">The Bugle</span> · <span class="title">'
            'Minister holds firm</span> · <time>2016-05-01</time></span>') in out


def test_date_field_tells_two_occasions_apart(run, tmp_path):
    said = "“We will build the new bridge across the river and we will pay for every {}”, Jane Doe said."
    corpus = tmp_path / "d.jsonl"
    corpus.write_text("\n".join(json.dumps({"id": i, "text": f"Doe spoke on {day}. " + said.format(end), "day": date})
                                for i, day, end, date in [("a", "Thursday", "mile of it", "2016-02-04"),
                                                          ("b", "Monday", "inch of the road", "2016-02-09")]) + "\n",
                      encoding="utf-8")
    code, out, _ = run("check", "--format", "json", corpus)
    assert code == 1 and [f["severity"] for f in json.loads(out)["findings"]] == ["warning"]
    code, out, _ = run("check", "--format", "json", "--show", "info", "--date-field", "day", corpus)
    [f] = json.loads(out)["findings"]
    assert code == 0 and f["severity"] == "info" and f["diff"]["published_before"]["said"] == "2016-02-08"


def test_write_baseline_when_the_settings_name_one_that_does_not_exist_yet(run, articles, findings, tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.quotecheck]\nbaseline = "ci/known.json"\n', encoding="utf-8")
    (tmp_path / "ci").mkdir()
    monkeypatch.chdir(tmp_path)
    code, out, err = run("check", "--write-baseline", "ci/known.json", *articles)
    assert code == 0 and out == "" and err == "quotecheck: wrote 1 finding to the baseline ci/known.json\n"
    assert run("check", *articles)[0] == 0  # now it exists and acknowledges the finding


def test_nothing_checked_is_an_error(run, articles, tmp_path):
    code, _, err = run("check", "--max-bytes", "10", *articles)
    assert code == 2 and "nothing was checked" in err
    code, _, err = run("check", tmp_path / "a.nope", tmp_path / "b.nope")
    assert code == 2 and "nothing was checked: all 2 documents were skipped or could not be read" in err


def test_check_jsonl_streams_documents_then_findings(run, articles, monkeypatch, capsys):
    seen = {}

    def check(documents):
        seen["before the check"] = capsys.readouterr().out  # what was already written
        return _retreat_findings(documents)
    monkeypatch.setattr(crosssource, "check_documents", check)
    code, out, _ = run("check", "--format", "jsonl", *articles)
    written = [json.loads(x)["type"] for x in seen["before the check"].splitlines()]
    assert written == ["document", "document"]
    lines = [json.loads(x) for x in out.splitlines()]
    assert [x["type"] for x in lines] == ["finding", "summary"] and code == 1
    side = lines[0]["sides"][0]
    assert (side["line"], side["column"]) == (3, 1)


def test_progress_only_for_a_person_at_a_terminal(monkeypatch, tmp_path):
    args = cli.parser().parse_args(["check", "-o", str(tmp_path / "r.html"), "x.txt"])
    monkeypatch.setattr(cli, "_isatty", lambda stream: True)
    monkeypatch.delenv("CI", raising=False)
    assert cli._progress_wanted(args)
    monkeypatch.setenv("CI", "true")
    assert not cli._progress_wanted(args)
    monkeypatch.delenv("CI")
    monkeypatch.setattr(cli, "_isatty", lambda stream: stream is not sys.stderr)
    assert not cli._progress_wanted(args)  # stderr is a pipe
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "d" / "c.jsonl").write_text('{"text": "a"}\n{"text": "b"}\n', encoding="utf-8")
    assert cli._count_documents([str(tmp_path / "d"), "-"], ("*.txt", "*.jsonl")) == 4


def test_subprocess_check_into_head_exits_141_quietly(tmp_path):
    corpus = tmp_path / "c.jsonl"
    with open(corpus, "w", encoding="utf-8") as f:
        for i in range(3000):
            f.write(json.dumps({"id": f"d{i}", "text": f"Report {i}.\n\n“Quote {i},” he said."}) + "\n")
    p = subprocess.run(f"{sys.executable} -m quotecheck check --format jsonl {corpus} | head -c 10; exit ${{PIPESTATUS[0]}}",
                       shell=True, executable="/bin/bash", capture_output=True, cwd=ROOT)
    assert p.stderr == b"" and len(p.stdout) == 10 and p.returncode == 141
