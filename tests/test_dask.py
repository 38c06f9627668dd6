"""The Dask extra on a local cluster of two worker processes: the same documents, clusters
and findings as the in-process path.  Skipped only when the extra is not installed."""
import json
import pathlib

import attrs
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

import quotecheck  # noqa: E402
import quotecheck.dask as qd  # noqa: E402
from quotecheck import api  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
ECBPLUS = ROOT.parent / "shared" / "data" / "ecbplus"

# Two outlets reporting one press conference, differently; and an unrelated story.
STORY = [
    {"id": "wire", "group": "budget",
     "text": "“We will cut the deficit by $3.5 billion this year,” Finance Minister Anna Berg said "
             "on Monday. She added that taxes would “not go up for anyone.”"},
    {"id": "daily", "group": "budget",
     "text": "Finance Minister Anna Berg said on Monday: “We will cut the deficit by $35 billion.” "
             "She promised that taxes would “not go up.”"},
    {"id": "sport", "group": "match",
     "text": "“It was the best game of my life,” the striker told reporters after the final whistle."},
    {"id": "empty", "group": "match", "text": "   "},
]


def _ecbplus_records(n_clusters=6):
    """A few real ECB+ clusters (several outlets on one event each), as records."""
    if not (ECBPLUS / "index.jsonl").exists():
        return []
    out, clusters = [], []
    with open(ECBPLUS / "index.jsonl", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["cluster"] not in clusters:
                if len(clusters) == n_clusters:
                    break
                clusters.append(rec["cluster"])
            text = (ECBPLUS / rec["path"]).read_text(encoding="utf-8")
            out.append({"id": rec["doc"], "group": rec["cluster"], "text": text})
    return out


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=":0", silence_logs=40)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def _json(report) -> str:
    return json.dumps(attrs.asdict(report), ensure_ascii=False, sort_keys=True, default=repr)


def test_check_on_a_local_cluster_equals_the_in_process_check(client):
    records = STORY + _ecbplus_records()
    expected = quotecheck.check(records)
    got = qd.check(records, npartitions=4)
    assert [d.source for d in got.documents] == [r["id"] for r in records]
    assert got == expected
    assert _json(got) == _json(expected)


def test_every_kind_of_input_check_takes(client):
    items = ["“Go,” he said.", ("b", "No quotes."), STORY[0],
             quotecheck.Document("pre", "“Already a document,” she said.")]
    assert qd.check(items, npartitions=3) == quotecheck.check(items)


def test_extract_bag_keeps_input_order_and_groups(client):
    records = STORY * 5
    docs = qd.extract_bag(records, npartitions=7).compute()
    assert [d.source for d in docs] == [r["id"] for r in records]
    assert [d.group for d in docs] == [r["group"] for r in records]
    assert docs == [api.extract(r["text"], source=r["id"], group=r["group"]) for r in records]


def test_read_jsonl_on_the_workers_equals_the_in_process_reader(client, tmp_path):
    lines = [json.dumps(r, ensure_ascii=False) for r in STORY]
    lines[1:1] = ["", "not json at all", json.dumps({"id": "x", "body": "no text field"}),
                  json.dumps({"text": "“No id,” a record said."})]
    a = tmp_path / "a.jsonl"
    a.write_text("\n".join(lines) + "\n", encoding="utf-8")
    b = tmp_path / "b.jsonl"
    b.write_text(json.dumps({"id": "b1", "text": "Plain text."}) + "\n", encoding="utf-8")
    expected = api.read_documents([str(a), str(b)])
    got = qd.read_jsonl([str(a), str(b)], npartitions=3).compute()
    assert got == expected
    assert any(d.status == "error" for d in got)
    assert f"{a}:5" in [d.source for d in got]


def test_read_bag_of_files_equals_read_documents(client, tmp_path):
    for r in STORY:
        (tmp_path / f"{r['id']}.txt").write_text(r["text"], encoding="utf-8")
    inputs = [str(tmp_path), str(tmp_path / "missing.txt")]
    assert qd.read_bag(inputs, npartitions=2).compute() == api.read_documents(inputs)


def _sync():
    import dask

    return dask.config.set(scheduler="sync")


def _reported(text, span, speaker):
    s, e = span
    return quotecheck.Quote(s, e, text[s:e], s, e, "reported", rule="test",
                            attribution=quotecheck.Attribution(speaker=speaker, rule="test"))


def test_two_items_with_one_key_cluster_as_in_process():
    # The same span reported twice in one document (two cues for one clause) gives two
    # items with one key; the in-process check clusters them, and so must the shuffle.
    text = "Police said the suspect fled north in a stolen car, officers said on Monday."
    span = (12, 50)
    twice = quotecheck.Document("a", text, quotes=(_reported(text, span, "Police"),
                                                   _reported(text, span, "Police")))
    other_text = "The suspect fled north in a stolen car, police said."
    other = quotecheck.Document("b", other_text, quotes=(_reported(other_text, (0, 38), "Police"),))
    import dask.bag as db

    docs = [twice, other, twice]
    with _sync():
        got = qd.check_items(db.from_sequence(docs, npartitions=2))
    assert got == quotecheck.crosssource.check_documents(docs)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(range(len(STORY) + 3)), min_size=1, max_size=9),
       st.integers(min_value=1, max_value=4))
def test_shuffle_equals_check_documents_for_any_mix(picks, npartitions):
    pool = STORY + [
        {"id": "echo", "group": "budget", "text": STORY[0]["text"].replace("Monday", "Tuesday")},
        {"id": "nogroup", "text": STORY[1]["text"]},
        {"id": "paraphrase", "group": "budget",
         "text": "Berg said the government would cut the deficit by $3 billion this year."},
    ]
    docs = [api.extract(pool[i]["text"], source=f"{pool[i]['id']}-{n}", group=pool[i].get("group"))
            for n, i in enumerate(picks)]
    import dask.bag as db

    with _sync():
        got = qd.check_items(db.from_sequence(docs, npartitions=npartitions), npartitions=npartitions)
    assert got == quotecheck.crosssource.check_documents(docs)
