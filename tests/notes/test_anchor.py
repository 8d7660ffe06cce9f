from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from cqdesk.notes.anchor import locate, place, quote_at
from cqdesk.notes.model import Annotation
from tests.conftest import examples

SID = "plan/areas/2/1"


def highlight(doc, start, end):
    exact, prefix, suffix = quote_at(doc.sections[SID].own_text, start, end)
    return Annotation.new("highlight", SID, "d", start=start, end=end, exact=exact, prefix=prefix, suffix=suffix)


def test_a_highlight_is_placed_where_it_was_made(doc):
    text = doc.sections[SID].own_text
    a = highlight(doc, 5, 12)
    assert (p := place(doc, a)) is not None and text[p.start : p.end] == a.exact and (p.start, p.end) == (5, 12)


def test_the_quote_wins_when_offsets_drift(doc):
    """A rebuilt text shifted everything by a few characters: the quote and its context find the passage."""
    a = highlight(doc, 20, 30)
    moved = replace(a, start=3, end=13)
    p = place(doc, moved)
    assert (p.start, p.end) == (20, 30)


def test_context_chooses_between_repeated_quotes():
    text = "重庆市推进。重庆市建设。重庆市发展。"
    assert locate(text, "重庆市", prefix="建设。", suffix="发展") == (12, 15)
    assert locate(text, "重庆市", prefix="", suffix="建设", hint=0) == (6, 9)
    assert locate(text, "上海", "", "") is None


def test_a_quote_no_longer_in_the_text_is_not_placed(doc):
    gone = replace(highlight(doc, 5, 12), exact="这句话不在报告里", start=5, end=13)
    assert place(doc, gone) is None
    assert place(doc, replace(gone, section_id="no/such/section")) is None


@settings(max_examples=examples(200), deadline=None)
@given(st.data())
def test_every_passage_is_found_again_from_its_quote_alone(doc, data):
    sid = data.draw(st.sampled_from([s for s in doc.sections if doc.sections[s].own_text]))
    text = doc.sections[sid].own_text
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, min(len(text), start + 40)))
    exact, prefix, suffix = quote_at(text, start, end)
    found = locate(text, exact, prefix, suffix)
    assert found is not None and text[found[0] : found[1]] == exact
    if text.count(exact) == 1 or (prefix and suffix and text.count(prefix + exact + suffix) == 1):
        assert found == (start, end)
