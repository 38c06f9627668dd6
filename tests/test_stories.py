"""Properties of stories.py: how documents are grouped by file name and labelled for
reports.  Total on any file name and any text; a group or title is always taken from
what it names (the file name, a line of the text), never invented."""
import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotecheck import stories
from quotecheck.model import Document

names = st.one_of(
    st.text(max_size=40),
    st.builds(lambda d, s, o: f"{d}_{s}_{o}.txt", st.dates().map(str),
              st.text("abcxyz-", min_size=1, max_size=8), st.text("abc", max_size=5)))
PATTERN = stories.compile_pattern(r"(?P<date>[\d-]+)_(?P<story>[^_]+)_(?P<outlet>[^.]*)")


@settings(max_examples=300, deadline=None)
@given(names, st.text(max_size=10))
def test_group_by_takes_the_group_from_the_file_name_or_keeps_it(name, group):
    doc = Document(f"corpus/{name}", group=group or None)
    out = stories.group_by(doc, PATTERN)
    assert out.group == doc.group or out.group in name
    assert all(value in name for _, value in out.meta)
    assert attrs.evolve(out, group=doc.group, meta=doc.meta) == doc  # nothing else changes


def test_group_by_reads_story_outlet_and_date():
    out = stories.group_by(Document("x/2012-04-23_quake_bbc.txt"), PATTERN)
    assert out.group == "quake" and dict(out.meta) == {"date": "2012-04-23", "outlet": "bbc"}
    kept = stories.group_by(Document("x/notes.txt", group="x"), PATTERN)
    assert kept.group == "x" and kept.meta == ()


@pytest.mark.parametrize("pattern", ["(", "no-group", "[a-"])
def test_an_unusable_pattern_is_one_sentence(pattern):
    with pytest.raises(stories.GroupByError) as e:
        stories.compile_pattern(pattern)
    assert "--group-by" in str(e.value) and "\n" not in str(e.value)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=300))
def test_a_heading_is_a_line_of_the_text(text):
    title = stories.heading(text)
    assert title is None or (title and title in text and "\n" not in title)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), names)
def test_label_names_every_document(text, name):
    lab = stories.label(Document(name, text), name)
    assert set(lab) == {"outlet", "title", "date", "name"}
    assert (lab["name"] or not name) and lab["name"] in name
    assert stories.label(None, name)["title"] is None
