"""Issue 14: nothing silently lost, nothing hangs, one clear sentence for each failure.

Inputs that are not regular files, files passed over in folders, documents read once,
``--jobs`` capped; settings and baselines of the wrong shape; signals during a run;
output paths that cannot be written.  Each case a test, hypothesis where the input is
a class.
"""
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import quotecheck
from quotecheck import api, baseline, cli, config, parallel

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ARTICLE = "“We have nowhere to retreat,” the minister said on Sunday.\n"
QUIET = "Prices rose in the café on Monday.\n"
ENV = dict(os.environ, PYTHONPATH=ROOT)


def within(seconds, func, *args, **kwargs):
    """``func(*args)`` in a thread; fails (instead of hanging the suite) when it blocks."""
    box = {}

    def target():
        try:
            box["value"] = func(*args, **kwargs)
        except BaseException as e:  # noqa: BLE001 - handed to the test
            box["error"] = e
    t = threading.Thread(target=target, daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), f"blocked for more than {seconds} s"
    if "error" in box:
        raise box["error"]
    return box["value"]


def cli_process(*args, timeout=60, **kw):
    return subprocess.run([sys.executable, "-m", "quotecheck", *map(str, args)], capture_output=True,
                          text=True, timeout=timeout, env=ENV, cwd=kw.pop("cwd", ROOT), **kw)


# --- only regular files are read; nothing blocks ------------------------------------------

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


@needs_fifo
def test_a_fifo_given_by_name_is_an_error_not_a_hang(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (doc,) = within(10, api.read_documents, [str(fifo)])
    assert doc.status == "error" and doc.error == "not a regular file: a FIFO (named pipe)"
    p = cli_process("extract", fifo, timeout=30)
    assert p.returncode == 2
    assert f"error: {fifo}: not a regular file: a FIFO (named pipe)" in p.stderr


@needs_fifo
def test_a_fifo_socket_or_device_inside_a_folder_is_reported_and_the_rest_read(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(tmp_path / "b.txt")
    os.mkfifo(tmp_path / "c.jsonl")
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(tmp_path / "d.txt"))
        docs = within(10, api.read_documents, [str(tmp_path)], globs=("*.txt", "*.jsonl"))
    finally:
        sock.close()
    by_name = {os.path.basename(d.source): d for d in docs}
    assert by_name["a.txt"].status == "ok" and len(by_name["a.txt"].quotes) == 1
    assert by_name["b.txt"].error == "not a regular file: a FIFO (named pipe)"
    assert by_name["c.jsonl"].error == "not a regular file: a FIFO (named pipe)"
    assert by_name["d.txt"].error == "not a regular file: a socket"


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_a_device_is_not_read(device):
    (doc,) = within(10, api.read_documents, [device])
    assert doc.status == "error" and doc.error == "not a regular file: a character device"
    assert within(10, quotecheck.extract_file, device).status == "error"


def test_a_symbolic_link_loop_and_a_broken_link_say_so(tmp_path, run):
    loop, broken = tmp_path / "loop.txt", tmp_path / "broken.txt"
    os.symlink(loop, loop)
    os.symlink(tmp_path / "gone.txt", broken)
    a, b = api.read_documents([str(loop), str(broken)])
    assert a.status == "error" and "too many levels of symbolic links" in a.error
    assert b.status == "error" and "broken symbolic link" in b.error
    code, _, err = run("extract", loop)
    assert code == 2 and f"error: {loop}: cannot read: too many levels of symbolic links" in err
    # inside a folder too
    docs = api.read_documents([str(tmp_path)])
    assert {d.status for d in docs} == {"error"} and len(docs) == 2



def test_a_linked_folder_is_read_once_and_a_loop_or_second_way_in_is_said(tmp_path, run):
    # a link to a folder outside the scanned one is followed; a link back up (a loop) and
    # a second link to a folder read already are not entered again, and say so
    outside, root = tmp_path / "outside", tmp_path / "root"
    (root / "story").mkdir(parents=True)
    outside.mkdir()
    (outside / "o.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "story" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink(outside, root / "linked")
    os.symlink(root, root / "story" / "up")  # a loop
    os.symlink(root / "story", root / "zsame")  # a second way to story/
    docs = within(20, api.read_documents, [str(root)])
    got = {os.path.relpath(d.source, root): d.status for d in docs}
    assert got == {"linked/o.txt": "ok", "story/a.txt": "ok", "story/up": "skipped", "zsame": "skipped"}
    assert all("a folder read already" in d.error for d in docs if d.status == "skipped")
    code, _, err = run("extract", root)
    assert code == 0 and "story/up" in err and "not read twice" in err

# --- a folder: what is passed over is said ----------------------------------------------

def test_files_in_a_folder_that_match_no_glob_are_named(tmp_path, run):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "corpus.jsonl").write_text(json.dumps({"id": "r1", "text": ARTICLE}) + "\n", encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")  # hidden: not worth a note
    passed = []
    docs = api.read_documents([str(tmp_path)], passed_over=passed)
    assert [os.path.basename(d.source) for d in docs] == ["a.txt"]
    assert passed == [str(tmp_path / "corpus.jsonl")]
    code, _, err = run("extract", tmp_path)
    assert code == 0
    assert "note: 1 file in folders matched no --glob (*.txt, *.md) and was not read: " in err
    assert str(tmp_path / "corpus.jsonl") in err and "--glob '*.jsonl'" in err
    code, out, err = run("extract", "--format", "jsonl", "--glob", "*.txt", "--glob", "*.jsonl", tmp_path)
    assert code == 0 and "note:" not in err
    assert {json.loads(line)["source"] for line in out.splitlines()
            if json.loads(line)["type"] == "document"} == {str(tmp_path / "a.txt"), "r1"}


# --- a document is read and extracted once ----------------------------------------------

def test_check_does_not_extract_a_read_document_again(tmp_path, monkeypatch):
    (tmp_path / "old.txt").write_bytes(QUIET.encode("cp1252"))
    (tmp_path / "new.txt").write_text(ARTICLE, encoding="utf-8")
    calls = []
    real = api.extract
    monkeypatch.setattr(api, "extract", lambda text, **kw: calls.append(kw["source"]) or real(text, **kw))
    report = quotecheck.check_files([str(tmp_path)])
    assert sorted(calls) == sorted(d.source for d in report.documents)  # once each
    old = next(d for d in report.documents if d.source.endswith("old.txt"))
    assert old.status == "ok" and not old.quotes
    assert old.encoding == "cp1252" and [w.code for w in old.warnings] == ["encoding-fallback"]
    data = json.loads(report.to_json())
    (old_json,) = [d for d in data["documents"] if d["source"].endswith("old.txt")]
    assert old_json["encoding"] == "cp1252" and old_json["warnings"]


def test_check_still_extracts_a_document_built_by_hand():
    report = quotecheck.check([quotecheck.Document("a", ARTICLE), quotecheck.Document("b", QUIET)])
    assert [len(d.quotes) for d in report.documents] == [1, 0]


# --- --jobs is capped at the CPU count ------------------------------------------------------

def test_jobs_beyond_the_cpus_are_capped_with_a_note(tmp_path, run, monkeypatch):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(ARTICLE, encoding="utf-8")
    started = []
    real = parallel._pool
    monkeypatch.setattr(parallel, "_pool", lambda jobs: started.append(jobs) or real(jobs))
    code, out, err = run("extract", "--jobs", "100000", tmp_path)
    cores = parallel.default_jobs()
    assert code == 0 and f"note: 100000 jobs asked for, {cores} CPU" in err
    assert all(n <= cores for n in started)
    assert out == run("extract", tmp_path)[1]
    assert parallel.capped_jobs(100000) == cores and parallel.capped_jobs(True) == 1


# --- settings: wrong shapes are errors, exit 2 --------------------------------------------

def _toml(value) -> str:
    """A TOML spelling of a plain value (bool, number, string, list, table)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):  # JSON escapes are TOML's, except astral pairs and DEL
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, list):
        return "[" + ", ".join(map(_toml, value)) + "]"
    return "{" + ", ".join(f"{_toml(k)} = {_toml(v)}" for k, v in value.items()) + "}"


GOOD = {"fail-on": "error", "baseline": "known.json", "globs": ["*.txt"], "max-bytes": 1000,
        "jobs": 2, "text-field": "body", "id-field": "url", "group-field": "story"}
scalars = st.one_of(st.booleans(), st.integers(-5, 10**9), st.floats(allow_nan=False, allow_infinity=False),
                    st.text(st.characters(exclude_categories=["Cs"]), max_size=8),
                    st.sampled_from(["info", "warning", "error", "never", "*.txt", " "]))
toml_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) |
                           st.dictionaries(st.text("abc", min_size=1, max_size=3), inner, max_size=2),
                           max_leaves=5)


def _acceptable(key, value) -> bool:
    """What each key accepts, written independently of config.KEYS."""
    number = type(value) is int
    name = type(value) is str and value.strip() != ""
    return {"fail-on": value in ("info", "warning", "error", "never") and type(value) is str,
            "baseline": name, "text-field": name, "id-field": name, "group-field": name,
            "globs": type(value) is list and len(value) > 0 and all(type(x) is str and x.strip() for x in value),
            "max-bytes": number and value >= 0, "jobs": number and value >= 1}[key]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(sorted(GOOD)), toml_values)
def test_any_setting_of_the_wrong_shape_is_one_sentence(tmp_path, key, value):
    path = tmp_path / "pyproject.toml"
    path.write_text(f"[tool.quotecheck]\n{json.dumps(key)} = {_toml(value)}\n", encoding="utf-8")
    if _acceptable(key, value):
        assert key in config.load(str(path))
    else:
        with pytest.raises(config.ConfigError) as e:
            config.load(str(path))
        message = str(e.value)
        assert f"setting {key!r}" in message and str(path) in message and "\n" not in message


@pytest.mark.parametrize("toml, says", [
    ("[tool.quotecheck]\nmax-bytes = true\n", "'max-bytes' in [tool.quotecheck] of {p} must be a whole number of bytes (0 for no limit), not true"),
    ("[tool.quotecheck]\njobs = true\n", "'jobs' in [tool.quotecheck] of {p} must be a whole number of processes, 1 or more, not true"),
    ("[tool.quotecheck]\nglobs = []\n", "'globs' in [tool.quotecheck] of {p} must be a non-empty list of patterns"),
    ("[tool]\nquotecheck = 5\n", "[tool.quotecheck] in {p} must be a table of settings, not 5"),
    ("tool = 5\n# quotecheck\n", '"tool" in {p} must be a table, not 5'),
    ("[tool.quotecheck\nx = 1\n", "{p} is not valid TOML"),
])
def test_settings_of_the_wrong_shape_stop_the_cli_with_exit_2(tmp_path, run, monkeypatch, toml, says):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run("extract", "a.txt")
    assert code == 2 and out == ""
    assert says.format(p=tmp_path / "pyproject.toml") in err and err.count("\n") == 1
    assert run("extract", "--no-config", "a.txt")[0] == 0


def test_a_pyproject_that_is_a_folder_or_unreadable_is_an_error(tmp_path, run, monkeypatch):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "pyproject.toml").mkdir()
    monkeypatch.chdir(tmp_path)
    code, _, err = run("extract", "a.txt")
    assert code == 2 and f"cannot read {tmp_path / 'pyproject.toml'}: it is a folder" in err
    (tmp_path / "pyproject.toml").rmdir()
    os.symlink(tmp_path / "nowhere.toml", tmp_path / "pyproject.toml")
    code, _, err = run("extract", "a.txt")
    assert code == 2 and f"cannot read {tmp_path / 'pyproject.toml'}: no such file or directory" in err
    os.unlink(tmp_path / "pyproject.toml")
    (tmp_path / "pyproject.toml").write_bytes(b"[tool.quotecheck]\njobs = \xff\n")
    code, _, err = run("extract", "a.txt")
    assert code == 2 and "is not valid TOML" in err


# --- baselines ------------------------------------------------------------------------------

def _baseline(tmp_path, data, prefix=b""):
    p = tmp_path / "known.json"
    p.write_bytes(prefix + json.dumps(data).encode("utf-8"))
    return str(p)


def test_a_baseline_with_a_utf8_bom_is_read(tmp_path):
    p = _baseline(tmp_path, {"schema_version": "1.0", "tool": "quotecheck",
                             "findings": [{"fingerprint": "qc1-abc"}]}, prefix=b"\xef\xbb\xbf")
    assert baseline.load(p) == {"qc1-abc"}


@pytest.mark.parametrize("data, says", [
    ({"schema_version": "2.0", "tool": "quotecheck", "findings": []}, "has schema_version '2.0', which this quotecheck"),
    ({"schema_version": 1, "tool": "quotecheck", "findings": []}, "has schema_version 1, which"),
    ({"tool": "quotecheck", "findings": []}, "has schema_version None"),
    ({"schema_version": "1.0", "tool": "eslint", "findings": []}, "was written by 'eslint', not by quotecheck"),
    ({"schema_version": "1.0", "findings": []}, 'does not say it is a quotecheck baseline'),
    ([1, 2], "is a JSON list, not a quotecheck baseline"),
])
def test_a_baseline_from_elsewhere_is_rejected_with_a_sentence(tmp_path, run, data, says):
    p = _baseline(tmp_path, data)
    with pytest.raises(baseline.BaselineError, match=says.replace("(", r"\(")):
        baseline.load(p)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, _, err = run("check", "--baseline", p, tmp_path / "a.txt")
    assert code == 2 and err.startswith(f"quotecheck: error: the baseline {p} ") and err.count("\n") == 1


# --- output paths: each message names the path given and the cause -------------------------

def test_output_to_a_folder_names_the_folder(tmp_path, run):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "out").mkdir()
    code, _, err = run("extract", "-o", tmp_path / "out", tmp_path / "a.txt")
    assert code == 2
    assert err.strip() == f"quotecheck: error: {tmp_path / 'out'}: cannot write: it is a folder; give a file name"
    code, _, err = run("check", "--write-baseline", tmp_path / "out", tmp_path / "a.txt")
    assert code == 2 and f"error: {tmp_path / 'out'}: cannot write: it is a folder" in err
    assert not [n for n in os.listdir(tmp_path) if n.startswith(".quotecheck-")]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_a_full_disk_names_the_path_and_the_cause(tmp_path, run):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, _, err = run("extract", "-o", "/dev/full", tmp_path / "a.txt")
    assert code == 2 and err.strip() == "quotecheck: error: /dev/full: cannot write: no space left on device"
    code, _, err = run("check", "--write-baseline", "/dev/full", tmp_path / "a.txt")
    assert code == 2 and "/dev/full: cannot write: no space left on device" in err


def test_a_full_disk_during_an_atomic_write_leaves_no_temporary_file(tmp_path, monkeypatch, run):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")

    def full(*a, **k):
        raise OSError(28, "No space left on device", str(tmp_path / ".quotecheck-x.tmp"))
    monkeypatch.setattr(os, "replace", full)
    code, _, err = run("extract", "-o", tmp_path / "r.txt", tmp_path / "a.txt")
    assert err.strip() == f"quotecheck: error: {tmp_path / 'r.txt'}: cannot write: no space left on device"
    code, _, err = run("check", "--write-baseline", tmp_path / "k.json", tmp_path / "a.txt")
    assert f"error: {tmp_path / 'k.json'}: cannot write: no space left on device" in err
    assert sorted(os.listdir(tmp_path)) == ["a.txt"]


def test_output_to_dev_null_is_written_not_renamed_over(tmp_path, run):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    before = os.stat(os.devnull)
    assert run("extract", "-o", os.devnull, tmp_path / "a.txt")[0] == 0
    after = os.stat(os.devnull)
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)


# --- signals ----------------------------------------------------------------------------------

def _big_corpus(folder, n=400):
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:04}.txt").write_text(ARTICLE * 30, encoding="utf-8")


def _catches(pid, signum=signal.SIGTERM) -> bool:
    """Whether process ``pid`` has a handler for ``signum`` installed (Linux's ``SigCgt``
    mask; elsewhere assumed after a second, when start-up is long over). Before Python
    installs its handlers a signal kills any program, so a test that sends one waits."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            mask = next(int(line.split()[1], 16) for line in f if line.startswith("SigCgt:"))
    except (OSError, StopIteration, ValueError):
        time.sleep(1)
        return True
    return bool(mask & (1 << (signum - 1)))


@pytest.mark.parametrize("how", [["extract", "-o"], ["check", "--write-baseline"]])
def test_sigterm_during_a_write_leaves_no_temporary_file(tmp_path, how):
    _big_corpus(tmp_path / "news")
    target = tmp_path / "out.json"
    p = subprocess.Popen([sys.executable, "-m", "quotecheck", *how, str(target), str(tmp_path / "news")],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=ENV, cwd=ROOT)
    deadline = time.monotonic() + 30
    # wait until the handler is installed (a signal during Python's start-up kills any
    # program) and the temporary file exists (extract) or the reading is under way (check)
    while time.monotonic() < deadline and p.poll() is None:
        if _catches(p.pid) and (
                how[0] == "check" or any(n.startswith(".quotecheck-") for n in os.listdir(tmp_path))):
            break
        time.sleep(0.02)
    time.sleep(0.5)
    p.send_signal(signal.SIGTERM)
    _, err = p.communicate(timeout=60)
    assert p.returncode in (143, 0), err  # 0: the run finished before the signal
    if p.returncode == 143:
        assert err.strip().endswith("quotecheck: terminated")
        assert not target.exists()
    assert not [n for n in os.listdir(tmp_path) if n.startswith(".quotecheck-")]


_INTERRUPT_AT_IMPORT = """
import builtins, runpy, sys
real = builtins.__import__
def interrupted(name, *args, **kwargs):
    if name == {module!r}:
        raise KeyboardInterrupt
    return real(name, *args, **kwargs)
builtins.__import__ = interrupted
sys.argv = ["quotecheck", "extract", {path!r}]
runpy.run_module("quotecheck", run_name="__main__", alter_sys=True)
"""


@pytest.mark.parametrize("module", ["regex", "attrs", "tempfile"])
def test_ctrl_c_while_the_modules_load_says_interrupted(tmp_path, module):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code = _INTERRUPT_AT_IMPORT.format(module=module, path=str(tmp_path / "a.txt"))
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                       env=ENV, cwd=ROOT)
    assert (p.returncode, p.stderr) == (130, "quotecheck: interrupted\n")


@pytest.mark.parametrize("where", ["mkstemp", "chmod", "write", "replace"])
def test_a_signal_at_any_step_of_an_atomic_write_leaves_no_temporary_file(tmp_path, monkeypatch, where):
    def stop(*a, **k):
        raise cli.Terminated()
    target = {"mkstemp": (baseline.tempfile, "mkstemp"), "chmod": (os, "chmod"),
              "replace": (os, "replace")}.get(where)
    if target:
        monkeypatch.setattr(*target, stop)
    else:
        real = os.fdopen
        monkeypatch.setattr(os, "fdopen", lambda *a, **k: _Interrupted(real(*a, **k)))
    with pytest.raises(cli.Terminated):
        baseline.write_atomic(str(tmp_path / "known.json"), "x" * 100)
    assert os.listdir(tmp_path) == []


class _Interrupted:
    """A file whose writing is interrupted half way (SIGTERM during a write)."""

    def __init__(self, f):
        self.f = f

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.f.close()

    def write(self, text):
        self.f.write(text[:10])
        raise cli.Terminated()


def _children(pid: int) -> list:
    """The process ids of ``pid``'s children (Linux's ``/proc/PID/task/*/children``; an
    empty list elsewhere or once the process is gone)."""
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
        return [c for t in tasks for c in open(f"/proc/{pid}/task/{t}/children", encoding="ascii").read().split()]
    except OSError:
        return []


def test_ctrl_c_during_a_run_with_workers_says_interrupted_once(tmp_path):
    # The signal is sent once the workers are up (the run is under way, not starting or
    # shutting down: a SIGINT during interpreter shutdown ends with -2); a run that was
    # over before that is tried again on a corpus four times larger.
    for n in (1600, 6400):
        news = tmp_path / f"news{n}"
        _big_corpus(news, n=n)
        p = subprocess.Popen([sys.executable, "-m", "quotecheck", "extract", "--jobs", "2", str(news)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=ENV, cwd=ROOT,
                             start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and p.poll() is None and not (
                _catches(p.pid, signal.SIGINT) and _children(p.pid)):
            time.sleep(0.02)  # on a loaded machine start-up alone can take over a second
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGINT)  # what the terminal does: the whole process group
            _, err = p.communicate(timeout=60)
            assert (p.returncode, err) == (130, "quotecheck: interrupted\n")
            return
        p.communicate()
        assert p.returncode == 0, p.returncode
    raise AssertionError("every run was over before its workers could be signalled")


# A Ctrl-C while the interpreter shuts down, made certain: an object let go as the modules
# are torn down sends the process SIGINT.  Before, the process died of it without a word
# (exit status -2: Python had given SIGINT back to the default action); the command now
# holds SIGINT back once its output is out, and its own status stands.
_SIGINT_AT_SHUTDOWN = """
import os, runpy, signal, sys
class Late:
    def __del__(self):
        os.kill(os.getpid(), signal.SIGINT)
import quotecheck
quotecheck._late = Late()
sys.argv = ["quotecheck", "extract", "--format", "jsonl", {path!r}]
runpy.run_module("quotecheck", run_name="__main__", alter_sys=True)
"""

# A Ctrl-C after the run but before the output is flushed: still "interrupted", 130.
_SIGINT_BEFORE_FLUSH = """
import os, runpy, signal, sys
import quotecheck.cli
def main():
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    os.kill(os.getpid(), signal.SIGINT)  # pending, as if it came between the run and the flush
    return 0
quotecheck.cli.main = main
sys.argv = ["quotecheck"]
runpy.run_module("quotecheck", run_name="__main__", alter_sys=True)
"""


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="no signal masks")
def test_ctrl_c_during_interpreter_shutdown_leaves_the_finished_run_as_it_was(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code = _SIGINT_AT_SHUTDOWN.format(path=str(tmp_path / "a.txt"))
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                       env=ENV, cwd=ROOT)
    assert (p.returncode, p.stderr) == (0, "")
    quoted = [r["text"] for r in map(json.loads, p.stdout.splitlines()) if r.get("kind") == "direct"]
    assert quoted == ["“We have nowhere to retreat,”"]  # the output is whole


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="no signal masks")
def test_ctrl_c_pending_when_the_run_ends_says_interrupted():
    p = subprocess.run([sys.executable, "-c", _SIGINT_BEFORE_FLUSH], capture_output=True, text=True,
                       timeout=60, env=ENV, cwd=ROOT)
    assert (p.returncode, p.stderr) == (130, "quotecheck: interrupted\n")


def test_the_entry_point_is_the_guarded_one():
    text = open(os.path.join(ROOT, "pyproject.toml"), encoding="utf-8").read()
    assert 'quotecheck = "quotecheck.__main__:run"' in text
    import quotecheck.__main__ as entry  # importing it runs nothing

    assert callable(entry.run)
