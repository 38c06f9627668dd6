import quotecheck


def test_extract_finds_a_quote_with_exact_offsets():
    text = "He added: “We have nowhere to retreat,” he said."
    doc = quotecheck.extract(text)
    [q] = doc.speech
    assert text[q.start:q.end] == "“We have nowhere to retreat,”"
    assert q.inner == "We have nowhere to retreat,"
