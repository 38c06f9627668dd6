"""map_ordered: same results, same order, whatever the number of processes."""
import json
import os
import pathlib

import attrs
import pytest
from hypothesis import given, settings, strategies as st

import quotecheck
from quotecheck import api, parallel

ROOT = pathlib.Path(__file__).resolve().parent.parent
POLNEAR_DEV = ROOT.parent / "shared" / "data" / "polnear-dev.jsonl"

# Real-looking news paragraphs: several quote styles, attributions before and after,
# an unclosed mark, a nested quote, so that every stage of extraction has work to do.
ARTICLES = [
    "WASHINGTON — “We will not back down,” Senator Maria Lopez said on Tuesday. "
    "She added that the bill was “dead on arrival” in the House.\n\n"
    "“It is a disgrace,” said John Smith, a spokesman for the governor.",
    'The mayor told reporters: "Nobody in this city will be left behind." '
    'Critics called the plan "a fantasy."\nHe said: "We have $2.5 million, not 25."',
    "«Nous ne céderons pas», a déclaré le ministre.\n"
    "“He told me ‘never again,’ and I believed him,” the witness said.",
    "According to police, the suspect fled on foot. “He ran,” an officer said. “Then",
    "",
    "   \n  ",
    "No quotations here at all, just a plain sentence about the weather.",
]


def _corpus():
    texts = list(ARTICLES)
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        texts.append(p.read_text(encoding="utf-8"))
    if POLNEAR_DEV.exists():
        with open(POLNEAR_DEV, encoding="utf-8") as f:
            for i, line in zip(range(40), f):
                texts.append(json.loads(line)["text"])
    return texts


def _as_json(docs) -> str:
    """Every field of every record, as the JSON a user would diff."""
    return json.dumps([attrs.asdict(d) for d in docs], ensure_ascii=False, sort_keys=True)


def test_jobs_2_gives_identical_json_to_jobs_1():
    texts = _corpus()
    one = parallel.map_ordered(api.extract, texts, jobs=1)
    assert all(isinstance(d, quotecheck.Document) for d in one), "extract raised"
    two = parallel.map_ordered(api.extract, texts, jobs=2, chunksize=3)
    assert len(two) == len(texts)
    assert _as_json(two) == _as_json(one)
    assert [d.text for d in two] == texts


def test_files_through_two_processes_keep_order_and_errors(tmp_path):
    paths = []
    for i, text in enumerate(ARTICLES):
        p = tmp_path / f"a{i}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(str(p))
    paths.insert(2, str(tmp_path / "missing.txt"))
    binary = tmp_path / "image.bin"
    binary.write_bytes(b"\x89PNG\x00\x00\x01")
    paths.append(str(binary))
    one = parallel.map_ordered(api.extract_file, paths, jobs=1)
    two = parallel.map_ordered(api.extract_file, paths, jobs=2, chunksize=2)
    assert [d.source for d in two] == paths
    assert two == one
    assert two[2].status == "error" and two[-1].status == "error"


def _square_or_fail(x):
    if x % 7 == 3:
        raise ValueError(f"no {x}")
    return x * x


def test_a_raising_item_comes_back_as_its_error_and_the_rest_survive():
    items = list(range(50))
    for jobs in (1, 2):
        out = parallel.map_ordered(_square_or_fail, items, jobs=jobs, chunksize=4)
        assert out[3] == parallel.ItemError(3, "ValueError: no 3")
        assert out[4] == 16 and out[49] == 49 * 49


def test_on_error_turns_failures_into_documents():
    def as_document(item, message):
        return quotecheck.Document(str(item), status="error", error=message)

    out = parallel.map_ordered(_square_or_fail, [1, 3], jobs=2, chunksize=1, on_error=as_document)
    assert out[0] == 1
    assert out[1].status == "error" and out[1].error == "ValueError: no 3"


def _die_on_5(x):
    if x == 5:
        os._exit(3)  # what the kernel's OOM killer looks like from the parent
    return -x


def test_a_worker_that_dies_loses_only_its_item():
    out = parallel.map_ordered(_die_on_5, list(range(40)), jobs=2, chunksize=2)
    assert out[5] == parallel.ItemError(5, "worker process died")
    assert out[:5] == [0, -1, -2, -3, -4]
    assert out[6:] == [-x for x in range(6, 40)]


def test_generators_are_accepted_and_jobs_0_runs_in_process():
    assert parallel.map_ordered(len, (s for s in ["a", "bb"]), jobs=2) == [1, 2]
    assert parallel.map_ordered(len, ["abc"], jobs=0) == [3]
    assert parallel.map_ordered(len, [], jobs=2) == []


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(), max_size=60), st.integers(min_value=1, max_value=7))
def test_in_process_order_and_chunking(items, size):
    # Chunking is pure bookkeeping: every item once, in order, whatever the size.
    chunks = list(parallel._chunks(items, size))
    assert [x for _, c in chunks for x in c] == items
    assert all(start == sum(len(c) for _, c in chunks[:k]) for k, (start, _) in enumerate(chunks))
    assert parallel.map_ordered(str, items) == [str(x) for x in items]


@pytest.mark.parametrize("n,jobs", [(0, 2), (1, 2), (7, 2), (1000, 2), (1000, 8), (None, 2)])
def test_chunk_size_is_positive_and_bounded(n, jobs):
    size = parallel.chunk_size(n, jobs)
    assert 1 <= size <= parallel.MAX_CHUNK


def test_on_error_raise_stops_at_the_first_failure():
    with pytest.raises(ValueError, match="no 3"):
        parallel.map_ordered(_square_or_fail, [1, 3], jobs=1, on_error="raise")
    with pytest.raises(parallel.WorkerError, match="ValueError: no 3"):
        parallel.map_ordered(_square_or_fail, list(range(20)), jobs=2, chunksize=2, on_error="raise")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=30), max_size=60), st.integers(min_value=1, max_value=9),
       st.integers(min_value=1, max_value=80))
def test_weighed_chunks_keep_every_item_in_order_within_their_budget(items, size, budget):
    chunks = list(parallel._chunks(items, size, lambda s: len(s) + 1, budget))
    assert [x for _, c in chunks for x in c] == items
    assert all(start == sum(len(c) for _, c in chunks[:k]) for k, (start, _) in enumerate(chunks))
    # A chunk closes on the item that reaches the budget or the size, never later.
    assert all(len(c) <= size and sum(len(s) + 1 for s in c[:-1]) < budget for _, c in chunks)


def test_small_weighed_work_starts_no_pool_and_large_work_does(monkeypatch):
    started = []
    real = parallel._pool
    monkeypatch.setattr(parallel, "_pool", lambda jobs: started.append(jobs) or real(jobs))
    monkeypatch.setattr(parallel, "CHUNK_WEIGHT", 10)
    small = ["x" * 10, "y" * 10]  # two chunks: done here
    assert parallel.map_ordered(len, iter(small), jobs=2, weight=len) == [10, 10] and not started
    large = [str(i) * 6 for i in range(40)]
    assert parallel.map_ordered(len, iter(large), jobs=2, weight=len) == [len(s) for s in large]
    assert started == [2]


@pytest.mark.skipif(parallel.default_jobs() < 2, reason="one CPU: --jobs 2 runs in process")
def test_cli_output_is_the_same_through_the_pool(tmp_path, monkeypatch, run):
    # A small corpus, weighed into many chunks so that the workers render the output:
    # folders, a JSONL corpus with good, bad and blank lines, a binary and a missing file.
    for i, text in enumerate(ARTICLES):
        sub = tmp_path / "news" / f"s{i % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"a{i}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "news" / "s0" / "img.txt").write_bytes(b"\x89PNG\x00\x00\x01")
    lines = [json.dumps({"id": f"r{i}", "text": t, "group": "g"}) for i, t in enumerate(ARTICLES)]
    (tmp_path / "c.jsonl").write_text("\n".join(lines[:3] + ["{bad", "", '{"text": 3}'] + lines[3:]) + "\n",
                                      encoding="utf-8")
    inputs = [tmp_path / "news", tmp_path / "c.jsonl", tmp_path / "missing.txt"]
    started = []
    real = parallel._pool
    monkeypatch.setattr(parallel, "_pool", lambda jobs: started.append(jobs) or real(jobs))
    monkeypatch.setattr(parallel, "CHUNK_WEIGHT", 400)
    for args in (["extract", "--format", "jsonl", "--group-by", r"a(\d)"], ["extract", "--format", "json"],
                 ["extract"], ["extract", "-q"], ["check", "--format", "jsonl"], ["check", "--format", "json"]):
        one = run(*args, "--jobs", "1", *inputs)
        two = run(*args, "--jobs", "2", *inputs)
        assert one == two, args
        assert one[0] == 2 and "missing.txt" in one[1] + one[2]
    assert started and all(n == 2 for n in started)
