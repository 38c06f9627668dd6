"""Attribution on shapes of news our evaluation sets lack (tests/cases/attribution_unseen_shapes.tsv):
the resolver must hold on text nobody tuned it to (issue 12)."""
import casefiles
import pytest
from attributed import quote_starting


def _last_word(name):
    return name.lower().split()[-1] if name else None


@pytest.mark.parametrize("text,start,want", casefiles.rows("attribution_unseen_shapes.tsv", 3))
def test_unseen_shapes(text, start, want):
    q = quote_starting(text, start)
    mention_words = (q.attribution.mention or "").lower().split()
    assert want.lower() == _last_word(q.speaker) or want.lower() in mention_words, (q.attribution,)
