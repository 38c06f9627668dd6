"""Cross-source check on hand-made documents with attributed quotes (no dependence on the
quote finder or attribution), plus the matcher's hypothesis properties."""
import datetime
import json
import os

import casefiles
import pytest
import regex
from hypothesis import assume, given, settings, strategies as st

from quotecheck import crosssource as cs
from quotecheck import findings
from quotecheck import utterances
import attrs

from quotecheck.model import Attribution, Document, Quote, Speaker

HERE = os.path.dirname(__file__)
_MARKS = regex.compile(r"[“\"«]([^“”\"«»]+)[”\"»]")


def doc(source, text, speaker, reported=(), group=None, confidence=0.9, date=None):
    """A document whose quotation marks are quotes of ``speaker`` and whose ``reported``
    substrings are reported speech of ``speaker`` (``date``: its input's publication date)."""
    qs = []
    for m in _MARKS.finditer(text):
        kind = "direct" if m.group(1)[:1].isupper() else "partial"
        qs.append(Quote(m.start(), m.end(), m.group(), m.start(1), m.end(1), kind,
                        attribution=Attribution(speaker=speaker, confidence=confidence)))
    for r in reported:
        i = text.index(r)
        qs.append(Quote(i, i + len(r), r, i, i + len(r), "reported",
                        attribution=Attribution(speaker=speaker, confidence=confidence)))
    return Document(source, text, quotes=tuple(sorted(qs, key=lambda q: q.start)), group=group,
                    meta=(("date", date),) if date else ())


def check(*docs):
    return cs.check_documents(docs)


def kinds(findings):
    return sorted(f.kind for f in findings)


# --- real-looking sentences -------------------------------------------------------------

def test_identical_quotes_cluster_without_findings():
    a = doc("a", "“We will not allow the bridge to close,” the mayor, Jane Ortiz, said on Monday.", "Jane Ortiz")
    b = doc("b", "Ortiz told reporters: “We will not allow the bridge to close.”", "Ortiz")
    clusters, findings = check(a, b)
    assert len(clusters) == 1 and len(clusters[0].members) == 2
    assert findings == ()


def test_changed_figure_is_an_error():
    a = doc("a", "“We have lost 300 jobs in this town since March,” Smith said.", "Tom Smith")
    b = doc("b", "“We have lost 3,000 jobs in this town since March,” Smith said.", "Tom Smith")
    [f] = check(a, b)[1]
    assert f.kind == "number" and f.severity == "error"
    assert f.diff["a"]["numbers"] == ["300 job"] and f.diff["b"]["numbers"] == ["3000 job"]


def test_dropped_negation_is_an_error():
    a = doc("a", "“The governor did not sign the order,” Lee said.", "Ann Lee")
    b = doc("b", "“The governor did sign the order,” Lee said.", "Ann Lee")
    [f] = check(a, b)[1]
    assert (f.kind, f.severity) == ("negation", "error")


def test_same_words_other_speaker():
    words = "the budget will be balanced by the end of the next fiscal year without new taxes"
    a = doc("a", f"“{words},” Brown said.", "Kate Brown")
    b = doc("b", f"“{words},” Green said.", "Mark Green")
    fs = check(a, b)[1]
    assert kinds(fs) == ["speaker"]
    assert {s.speaker for s in fs[0].sides} == {"Kate Brown", "Mark Green"}


def test_partial_quote_is_an_informational_truncation():
    a = doc("a", "He called the plan “a betrayal of working families” on Friday.", "Bernie Sanders")
    b = doc("b", "“This plan is a betrayal of working families and I will fight it,” Sanders said.", "Sanders")
    fs = check(a, b)[1]
    assert kinds(fs) == ["truncation"] and fs[0].severity == "info"


def test_content_word_inserted_is_a_warning_function_word_is_info():
    a = doc("a", "Putin said he would take “military-technical measures” soon.", "Putin")
    b = doc("b", "Russia will “take adequate military-technical response measures,” he said.", "Vladimir Putin")
    fs = check(a, b)[1]
    [w] = [f for f in fs if f.kind == "wording"]
    assert w.severity == "warning" and w.diff["added"][0]["text"] == "response"
    a = doc("a", "“We are going to win this election in November,” Cruz said.", "Ted Cruz")
    b = doc("b", "“We are going to win the election in November,” Cruz said.", "Ted Cruz")
    [w] = check(a, b)[1]
    assert (w.kind, w.severity) == ("wording", "info")


def test_whole_sentence_quote_cut_short_is_wording():
    a = doc("a", "“We have nowhere to retreat,” he said.", "Vladimir Putin")
    b = doc("b", "The West “must understand that we have nowhere to retreat further,” Putin said.", "Putin")
    fs = check(a, b)[1]
    [w] = [f for f in fs if f.kind == "wording"]
    assert w.rule == "quoted-as-whole-sentence" and w.severity == "warning"
    assert not [f for f in fs if f.severity == "error"]


def test_ellipsis_cut_in_the_middle_is_wording_not_truncation():
    a = doc("a", "“We didn’t do it just to see it blocked … but for a result,” he said.", "Putin")
    b = doc("b", "“We didn’t do it just to see it blocked, not at all, but for a result,” Putin said.", "Putin")
    fs = check(a, b)[1]
    assert "wording" in kinds(fs)
    [w] = [f for f in fs if f.kind == "wording"]
    # an ellipsis that cuts words (here a negation) out of the middle is a warning, and says what
    assert w.diff["cut"] and w.severity == "warning" and "not at all" in w.explanation


def test_paraphrase_against_quote_with_other_figures():
    a = doc("a", "He said any missiles placed in Ukraine would reach Russia in under five minutes.",
            "Vladimir Putin", reported=["any missiles placed in Ukraine would reach Russia in under five minutes"])
    b = doc("b", "If missiles appear in Ukraine “the flight time to Moscow will be 7-10 minutes, and "
            "with hypersonic weapons within 5 minutes,” Putin said on Tuesday.", "Putin")
    fs = check(a, b)[1]
    [n] = [f for f in fs if f.kind == "number"]
    assert n.diff["a"]["numbers"] == ["max 5 minute"]
    assert n.diff["b"]["numbers"] == ["7-10 minute", "max 5 minute"]
    assert "paraphrase" in kinds(fs)
    assert [s.context for s in n.sides][1] == "on Tuesday"


def test_different_sentences_of_one_speech_are_not_one_utterance():
    a = doc("a", "“We want peace with our neighbours and with the whole world,” Putin said.", "Putin")
    b = doc("b", "“We want security for our citizens,” Putin said.", "Putin")
    clusters, findings = check(a, b)
    assert clusters == () and findings == ()


def test_groups_restrict_comparison():
    words = "the budget will be balanced by the end of the next fiscal year"
    a = doc("a", f"“{words},” Brown said.", "Kate Brown", group="x")
    b = doc("b", f"“{words},” Brown said.", "Kate Brown", group="y")
    assert check(a, b) == ((), ())


def test_findings_only_between_documents_and_stable():
    a = doc("a", "“We have lost 300 jobs here,” Smith said. Later: “We have lost 300 jobs here.”", "Tom Smith")
    clusters, findings = check(a)
    assert len(clusters) == 1 and findings == ()
    b = doc("b", "“We have lost 400 jobs here,” Smith said.", "Tom Smith")
    one, two = check(a, b), check(a, b)
    assert one == two
    assert all(f.fingerprint and len(f.fingerprint) == 16 for f in one[1])


def test_occasion_is_shown_beside_each_side():
    a = doc("a", "Putin on Sunday said: “We have nowhere to retreat.” He added more.", "Vladimir Putin")
    b = doc("b", "“We have nowhere to retreat further,” Putin told officers Tuesday at the Defense Ministry.", "Putin")
    fs = check(a, b)[1]
    contexts = {s.source: s.context for f in fs for s in f.sides}
    assert contexts == {"a": "on Sunday", "b": "Tuesday at the Defense Ministry"}


# --- the seeds, with the gold quotes and reported speech as input -------------------------

def seed_documents():
    gold = json.load(open(os.path.join(HERE, "..", "seeds", "gold.json"), encoding="utf-8"))
    docs = []
    for name, g in gold["documents"].items():
        with open(os.path.join(HERE, "..", "seeds", name), encoding="utf-8") as f:
            text = f.read()
        qs = [Quote(q["start"], q["end"], q["text"], q["start"] + 1, q["end"] - 1, q["kind"],
                    attribution=Attribution(speaker=q["speaker"], confidence=0.9)) for q in g["quotes"]]
        qs += [Quote(q["start"], q["end"], q["text"], q["start"], q["end"], "reported",
                     attribution=Attribution(speaker=q["speaker"], confidence=0.9)) for q in g["reported"]]
        docs.append(Document(name, text, quotes=tuple(sorted(qs, key=lambda q: q.start))))
    return docs


def test_seed_findings_from_gold_quotes():
    clusters, findings = cs.check_documents(seed_documents())
    severe = [f for f in findings if f.kind in ("number", "negation", "speaker")]
    [number] = severe
    texts = " ".join(s.text for s in number.sides)
    assert "five" in texts and "7-10" in texts
    wording = [" ".join(s.text for s in f.sides) for f in findings if f.kind == "wording"]
    assert any("retreat further" in w for w in wording)
    assert any("response measures" in w for w in wording)


# --- hard cases as data -----------------------------------------------------------------

def _run_findings(case):
    a = doc("a", case["a"], case["speaker_a"], reported=case.get("reported_a", ()), date=case.get("date_a"))
    b = doc("b", case["b"], case["speaker_b"], reported=case.get("reported_b", ()), date=case.get("date_b"))
    return check(a, b)[1]


def _run_case(case):
    return sorted({f.kind for f in _run_findings(case)})


@pytest.mark.parametrize("case", casefiles.records("crosssource.jsonl"), ids=lambda c: c["name"])
def test_cases(case):
    findings = _run_findings(case)
    assert sorted({f.kind for f in findings}) == sorted(case["kinds"])
    for kind, severity in case.get("severities", {}).items():
        assert {f.severity for f in findings if f.kind == kind} == {severity}, kind


def test_other_weekdays_are_said_and_halve_the_confidence():
    cases = {c["name"]: c for c in casefiles.records("crosssource.jsonl")}
    other = _run_findings(cases["other-weekdays-two-occasions"])
    same = _run_findings(cases["same-weekday-one-occasion"])
    assert [f.diff.get("other_days") for f in other] == [["monday", "wednesday"]]
    assert "different days (Monday, Wednesday)" in other[0].explanation
    assert [f.diff.get("other_days") for f in same] == [None]
    assert other[0].confidence == round(same[0].confidence * findings.OTHER_DAYS_CONFIDENCE, 2)
    assert (other[0].severity, other[0].fingerprint) == (same[0].severity, same[0].fingerprint)


def test_published_before_the_day_the_other_dates_the_words_is_two_occasions():
    cases = {c["name"]: c for c in casefiles.records("crosssource.jsonl")}
    [early] = _run_findings(cases["published-before-the-other-occasion"])
    [plain] = _run_findings({**cases["published-before-the-other-occasion"], "date_a": None})
    [after] = _run_findings(cases["published-after-the-other-occasion"])
    assert early.severity == "info" and plain.severity == after.severity == "warning"
    assert early.diff["published_before"] == {"source": "a", "published": "2016-02-04",
                                              "dated_by": "b", "said": "2016-02-08"}
    assert "a was published on 2016-02-04, before the day b dates the words to (Monday 2016-02-08)" \
        in early.explanation
    # (plain has the different weekdays' half; early a quarter of the alignment's confidence)
    assert early.confidence < plain.confidence and "other_days" not in early.diff
    assert early.fingerprint == plain.fingerprint and "published_before" not in after.diff


@given(st.dates(min_value=datetime.date(1900, 1, 1)), st.sampled_from(["on Monday", "Tuesday night", "on Sunday", "yesterday", "today"]))
def test_occasion_date_is_on_or_before_publication_and_within_a_week(day, occasion):
    said = utterances.occasion_date(occasion, day)
    assert said is not None and said <= day and (day - said).days < 7
    weekday = utterances.occasion_weekday(occasion)
    assert said.strftime("%A").lower() == weekday if weekday else said == day - datetime.timedelta(
        days=occasion == "yesterday")


@pytest.mark.parametrize("case", casefiles.records("crosssource_known_failures.jsonl"), ids=lambda c: c["name"])
@pytest.mark.xfail(strict=False, reason="known failure, see the case's note")
def test_known_failures(case):
    assert _run_case(case) == sorted(case["kinds"])


# --- properties of the matcher -----------------------------------------------------------

CONTENT = ["budget", "bridge", "voters", "election", "border", "troops", "plan", "governor",
           "senate", "reform", "taxes", "workers", "city", "policy", "court", "missiles", "deal"]
FUNCTION = ["the", "of", "and", "to", "we", "will", "our", "this", "that", "in", "for"]


@st.composite
def sentences(draw, min_content=4):
    # Distinct content words, as in a real sentence: "budget the budget the budget" has
    # several equally good alignments and tests difflib, not the checker.
    content = draw(st.lists(st.sampled_from(CONTENT), min_size=min_content, max_size=9, unique=True))
    words = list(content)
    for _ in range(draw(st.integers(0, 6))):
        words.insert(draw(st.integers(0, len(words))), draw(st.sampled_from(FUNCTION)))
    return words


def _items(words_a, words_b, speaker_b="Ann Lee", render_b=None):
    ta = "“" + " ".join(words_a) + "” she said."
    tb = render_b(words_b) if render_b else "“" + " ".join(words_b) + "” she said."
    a, b = doc("a", ta, "Ann Lee"), doc("b", tb, speaker_b)
    return cs.utterances(a, 0), cs.utterances(b, 1), (a, b)


@settings(max_examples=100, deadline=None)
@given(sentences())
def test_a_quote_matches_itself_without_findings(words):
    [ia], [ib], docs = _items(words, words)
    assert cs.compare(ia, ib) is not None
    clusters, findings = cs.check_documents(docs)
    assert len(clusters) == 1 and findings == ()


@settings(max_examples=100, deadline=None)
@given(sentences(), sentences(), st.booleans())
def test_matching_is_symmetric(x, y, same):
    [ia], [ib], _ = _items(x, x[: len(x) // 2] + y, "Ann Lee" if same else "Bo Chan")
    m1, m2 = cs.compare(ia, ib), cs.compare(ib, ia)
    assert m1 == m2
    if m1 is not None:
        f1 = cs.compare_pair(ia, ib, m1)
        f2 = cs.compare_pair(ib, ia, m2)
        assert [(f.kind, f.severity, f.fingerprint) for f in f1] == [(f.kind, f.severity, f.fingerprint) for f in f2]


@settings(max_examples=100, deadline=None)
@given(sentences(), st.sampled_from(["\"{}\"", "«{}»", "“ {} ”", "„{}“"]), st.sampled_from(["upper", "lower", "title", "same"]),
       st.sampled_from([" ", "  ", "\u00a0", " \n "]))
def test_marks_whitespace_and_case_never_produce_a_finding(words, marks, case, space):
    def render(ws):
        t = space.join(ws)
        t = {"upper": t.upper(), "lower": t.lower(), "title": t.title(), "same": t}[case]
        return marks.format(t) + " she said."
    a = doc("a", "“" + " ".join(words) + "” she said.", "Ann Lee")
    tb = render(words)
    b = doc("b", tb, "Ann Lee")
    if not b.quotes:  # mark styles this tiny test helper does not pair
        qs = Quote(0, tb.index(" she said."), tb[: tb.index(" she said.")], 1, tb.index(" she said.") - 1, "direct",
                   attribution=Attribution(speaker="Ann Lee"))
        b = Document("b", tb, quotes=(qs,))
    clusters, findings = cs.check_documents([a, b])
    assert findings == ()
    if case != "title":  # Title Case Words are read as a headline and left out
        assert len(clusters) == 1


@settings(max_examples=100, deadline=None)
@given(sentences(), st.integers(0, 10_000), st.integers(0, 10_000), st.data())
def test_changing_a_number_yields_a_number_finding(words, x, y, data):
    assume(x != y)
    at = data.draw(st.integers(0, len(words)))
    wa = words[:at] + [str(x), "troops"] + words[at:]
    wb = words[:at] + [str(y), "troops"] + words[at:]
    _, _, docs = _items(wa, wb)
    findings = cs.check_documents(docs)[1]
    assert "number" in kinds(findings)


@settings(max_examples=100, deadline=None)
@given(sentences(), st.data(), st.sampled_from(["not", "never", "no"]), st.booleans())
def test_inserting_or_removing_a_negation_yields_a_negation_finding(words, data, neg, remove):
    at = data.draw(st.integers(0, len(words)))
    negated = words[:at] + [neg] + words[at:]
    wa, wb = (negated, words) if remove else (words, negated)
    _, _, docs = _items(wa, wb)
    findings = cs.check_documents(docs)[1]
    assert "negation" in kinds(findings)


@settings(max_examples=100, deadline=None)
@given(sentences(min_content=6), st.data(), st.booleans())
def test_a_truncation_never_yields_an_error(words, data, capital):
    i = data.draw(st.integers(0, len(words) - 3))
    j = data.draw(st.integers(i + 3, len(words)))
    part = words[i:j]

    def render(ws):
        t = " ".join(ws)
        return "“" + (t[:1].upper() + t[1:] + "." if capital else t) + "” she said."
    _, _, docs = _items(words, part, render_b=render)
    findings = cs.check_documents(docs)[1]
    assert not [f for f in findings if f.severity == "error"]


def test_index_does_not_compare_all_pairs():
    docs = []
    for n in range(60):
        words = [CONTENT[(n * 7 + k) % len(CONTENT)] + str(n) for k in range(6)]
        docs.append(doc(f"d{n}", "“" + " ".join(words) + "” she said.", "Ann Lee"))
    items = [it for i, d in enumerate(docs) for it in cs.utterances(d, i)]
    pairs = cs.candidate_pairs(items)
    assert len(pairs) < len(items)  # distinct quotes share no key; all pairs would be 1770


def test_pieces_are_picklable_and_order_free():
    import pickle
    docs = seed_documents()
    items = [it for i, d in enumerate(docs) for it in cs.utterances(d, i)]
    again = pickle.loads(pickle.dumps(items))
    assert again == items
    assert [cs.candidate_keys(it) for it in again] == [cs.candidate_keys(it) for it in items]
    forward = cs.check_documents(docs)
    backward = cs.check_documents(list(reversed(docs)))
    assert {c.id for c in forward[0]} == {c.id for c in backward[0]}
    assert sorted(f.fingerprint for f in forward[1]) == sorted(f.fingerprint for f in backward[1])


def test_the_pieces_composed_by_hand_give_check_documents():
    """What a distributed run does: items per document, pairs per bucket, matches per
    pair, findings per cluster; the result must be check_documents' own."""
    import collections
    docs = seed_documents() + [doc("c", "“We have nowhere to retreat,” Putin said on Monday.", "Vladimir Putin")]
    per_doc = [cs.utterances(d, i) for i, d in enumerate(docs)]
    items = sorted((it for its in per_doc for it in its), key=lambda it: it.key)
    buckets = collections.defaultdict(list)
    for it in items:
        for k in cs.candidate_keys(it):
            buckets[k].append(it)
    by_key = {it.key: it for it in items}
    pairs = sorted({p for k in sorted(buckets) for p in cs.bucket_pairs(k, buckets[k])})
    matches = [m for a, b in pairs if (m := cs.compare(by_key[a], by_key[b])) is not None]
    groups = cs.clusters_from_matches(items, matches)
    clusters = tuple(cs.cluster_record(g) for g in groups)
    findings = tuple(f for g in groups for f in cs.findings_for_cluster(g))
    assert (clusters, findings) == cs.check_documents(docs)


@st.composite
def documents_with_quotes(draw, name):
    pieces = list("abc XYZ.,;“”\"'…[]()-\n0123456789%$") + [
        " not ", " five ", " minutes ", " Putin ", " said ", " 7-10 ", " under ", "n't "]
    text = "".join(draw(st.lists(st.sampled_from(pieces), max_size=120)))
    quotes = []
    for _ in range(draw(st.integers(0, 4))):
        if len(text) < 2:
            break
        s = draw(st.integers(0, len(text) - 1))
        e = draw(st.integers(s + 1, len(text)))
        kind = draw(st.sampled_from(["direct", "partial", "reported", "scare"]))
        inner = (s, e) if kind == "reported" or e - s < 2 else (s + 1, e - 1)
        speaker = draw(st.sampled_from([None, "Putin", "Vladimir Putin", "Joe Biden"]))
        quotes.append(Quote(s, e, text[s:e], inner[0], inner[1], kind,
                            attribution=Attribution(speaker=speaker, mention=speaker, mention_start=s)))
    return Document(name, text, quotes=tuple(sorted(quotes, key=lambda q: q.start)),
                    group=draw(st.sampled_from([None, None, "g"])))


@settings(max_examples=100, deadline=None)
@given(documents_with_quotes("a"), documents_with_quotes("b"), documents_with_quotes("c"))
def test_check_never_raises_and_sides_index_the_text(a, b, c):
    docs = {d.source: d for d in (a, b, c)}
    clusters, findings = cs.check_documents([a, b, c])
    for side in [s for c_ in clusters for s in c_.members] + [s for f in findings for s in f.sides]:
        assert docs[side.source].text[side.start:side.end] == side.text
    for f in findings:
        assert f.severity in ("info", "warning", "error") and f.fingerprint
        assert len({s.source for s in f.sides}) >= 2  # only between documents


def test_a_quote_quoting_someone_else_is_no_speaker_finding():
    words = "were extremely careless in their handling of very sensitive, highly classified information"
    ta = f"Trump wrote: “Crooked Hillary and her team ‘{words}.’ Not fit!”"
    outer = Quote(ta.index("“"), len(ta), ta[ta.index("“"):], ta.index("“") + 1, len(ta) - 1, "direct",
                  attribution=Attribution(speaker="Donald Trump", mention="Trump", mention_start=0, confidence=0.9))
    s = ta.index("‘")
    e = ta.index("’") + 1
    inner = Quote(s, e, ta[s:e], s + 1, e - 1, "nested", parent=0)
    a = Document("a", ta, quotes=(outer, inner))
    tb = f"Comey said Clinton and her colleagues “{words}.”"
    b = Document("b", tb, quotes=(Quote(tb.index("“"), len(tb), tb[tb.index("“"):], tb.index("“") + 1, len(tb) - 1,
                                        "partial", attribution=Attribution(speaker="James Comey", mention="Comey",
                                                                           mention_start=0, confidence=0.9)),))
    findings = cs.check_documents([a, b])[1]
    assert "speaker" not in kinds(findings)
    # the tweet is another utterance than the words it quotes: never grouped with Comey's
    clusters = cs.check_documents([a, b])[0]
    assert not any({m.source for m in c.members} == {"a", "b"} and any(m.start == outer.start for m in c.members)
                   for c in clusters)


# --- graded by meaning ------------------------------------------------------------------

def _named(source, text, speaker, confidence=0.9):
    """A document whose quote is attributed with the name in its sentence."""
    i = text.index("“")
    j = text.index("”") + 1
    att = Attribution(speaker=speaker, mention=speaker.split()[-1], mention_start=j + 1, confidence=confidence)
    return Document(source, text, quotes=(Quote(i, j, text[i:j], i + 1, j - 1, "direct", attribution=att),))


def test_speaker_warning_needs_two_confident_attributions():
    words = "the budget will be balanced by the end of the next fiscal year without new taxes"
    a = _named("a", f"“{words},” Brown said.", "Kate Brown")
    b = _named("b", f"“{words},” Green said.", "Mark Green")
    [f] = cs.check_documents([a, b])[1]
    assert (f.kind, f.severity) == ("speaker", "warning") and f.confidence == 0.9
    b = _named("b", f"“{words},” Green said.", "Mark Green", confidence=0.6)
    [f] = cs.check_documents([a, b])[1]
    assert (f.kind, f.severity) == ("speaker", "info") and "not sure" in f.explanation
    [pair] = f.diff["pairs"]  # both attributions are shown, with how sure each is
    assert pair["b"]["confidence"] == 0.6 and pair["a"]["speaker"] == "Kate Brown"


def test_a_person_and_the_organisation_they_speak_for_are_no_conflict():
    words = "we regret any inconvenience caused to residents and traders by the closure of the store"
    a = _named("a", f"“{words},” Hill said.", "Jo Hill")
    b = _named("b", f"“{words},” Waitrose said.", "Waitrose")
    b = attrs.evolve(b, speakers=(Speaker("S1", "Waitrose", kind="organisation"),))
    [f] = cs.check_documents([a, b])[1]
    assert (f.kind, f.severity) == ("speaker", "info") and "organisation" in f.explanation


def test_a_speaker_known_only_by_a_role_is_no_conflict():
    words = "the mayor will not sign the bill until the council finds the money to pay for it"
    a = _named("a", f"“{words},” Hill said.", "Jo Hill")
    b = _named("b", f"“{words},” a spokesman for the mayor said.", "mayor spokesman")
    [f] = cs.check_documents([a, b])[1]
    assert (f.kind, f.severity) == ("speaker", "warning")  # a name, for all the check knows
    b = attrs.evolve(b, speakers=(Speaker("S1", "mayor spokesman", principal="mayor"),))
    [f] = cs.check_documents([a, b])[1]
    assert (f.kind, f.severity) == ("speaker", "info") and "role" in f.explanation


def test_every_finding_names_its_change_in_one_short_sentence():
    long_a = " ".join(f"word{i}" for i in range(40))
    a = doc("a", f"“We will fix the bridge and {long_a} before the winter comes,” Lee said.", "Ann Lee")
    b = doc("b", f"“We will mend the bridge and {long_a} before the winter comes,” Lee said.", "Ann Lee")
    [f] = check(a, b)[1]
    assert (f.kind, f.severity) == ("wording", "warning") and "“mend” for “fix”" in f.explanation
    assert len(f.explanation.split()) < 30 and 0 < f.confidence <= 1
    from quotecheck import report
    assert report.finding_dict(f)["confidence"] == f.confidence  # the JSON carries it


# Spelling-only changes: the same words printed otherwise.  Each maps a rendering of the
# same sentence; none may yield a finding above info.
SPELLING_ONLY = [
    ("{} Senator Warren said", "{} Sen. Warren said"),
    ("{} one-in-three voters", "{} 1 in 3 voters"),
    ("{} five hundred voters", "{} 500 voters"),
    ("{} twenty-one voters", "{} 21 voters"),
    ("{} the e-mail servers", "{} the email servers"),
    ("{} the voters ran", "{} the voter run"),
    ("{} the neighbourhood", "{} the neighborhood"),
    ("{} the Governor spoke", "{} the governor spoke"),
]


def test_a_spelling_change_beside_a_repeated_word_is_info():
    a = doc("a", "“the election border troops plan governor the voters ran voters,” Lee said.", "Ann Lee")
    b = doc("b", "“the election border troops plan governor the voter run voters,” Lee said.", "Ann Lee")
    assert all(f.severity == "info" for f in check(a, b)[1])


@settings(max_examples=100, deadline=None)
@given(sentences(), st.sampled_from(SPELLING_ONLY), st.booleans(), st.data())
def test_a_spelling_only_change_never_yields_more_than_info(words, change, swap, data):
    cut = data.draw(st.integers(1, len(words) - 1))
    head, tail = " ".join(words[:cut]), " ".join(words[cut:])
    x, y = change if not swap else change[::-1]
    # a word of the change again later in the quote: difflib alone paired it with the wrong copy
    repeat = data.draw(st.sampled_from(["", *sorted(set(x.split() + y.split()) - {"{}"})]))
    tail = f"{tail} {repeat}" if repeat else tail
    a = doc("a", "“" + x.format(head) + " " + tail + ",” Lee said.", "Ann Lee")
    b = doc("b", "“" + y.format(head) + " " + tail + ",” Lee said.", "Ann Lee")
    for f in check(a, b)[1]:
        assert f.severity == "info", (f.kind, f.explanation)


def _clusters_by_key_reference(items, matches):
    """The union-find over keys that clusters_from_matches was before it mapped keys to
    positions for clusters_from_index_pairs (kept here as the reference)."""
    import collections
    parent = {}

    def find(k):
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for m in matches:
        ra, rb = find(m.a), find(m.b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups = collections.defaultdict(list)
    for it in items:
        if it.key in parent:
            groups[find(it.key)].append(it)
    out = [tuple(sorted(g, key=lambda it: it.key)) for g in groups.values() if len(g) > 1]
    return sorted(out, key=lambda c: c[0].key)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 9), max_size=14),
       st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11)), max_size=12))
def test_clusters_from_matches_is_the_union_find_over_keys(keys, links):
    """Items in any order, some sharing a key, matches naming keys no item has (10, 11):
    the clusters by positions are the clusters by keys, members and order."""
    import collections
    It = collections.namedtuple("It", "key n")
    items = [It((k,), n) for n, k in enumerate(keys)]
    matches = [cs.Match((min(a, b),), (max(a, b),), "identical", "same", 1.0, "test") for a, b in links]
    assert cs.clusters_from_matches(items, iter(matches)) == _clusters_by_key_reference(items, matches)
