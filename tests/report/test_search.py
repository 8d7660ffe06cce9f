import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cqdesk.report.normalize import fold, query_terms
from cqdesk.report.search import fts_phrase, search
from tests.conftest import examples, source_lines


def ids(report, query, limit=200):
    return [h.id for h in search(report.conn, query, limit=limit)]


def own_text(doc, sid):
    from cqdesk.report.build import search_text

    return fold(search_text(doc.sections[sid]))


@pytest.mark.parametrize("query", ["重庆", "库", "乡村 振兴", "33618", "AI", "新通道", "“四千行动”", "■", "2.5%"])
def test_results_are_exactly_the_sections_holding_every_term(report, doc, query):
    terms = query_terms(query)
    expected = {s for s in doc.sections if all(t in own_text(doc, s) for t in terms)}
    found = ids(report, query)
    assert set(found) == expected and len(found) == len(expected)
    assert expected, "each query in this list occurs in the report"


def test_one_character_term(report):
    assert ids(report, "库") == ["plan/areas/5"]


def test_two_terms_must_both_occur(report):
    assert ids(report, "乡村 振兴") == ["review/tasks/7", "plan/areas/5/1", "plan/areas/5"]


def test_nfkc_and_case(report):
    assert ids(report, "ＡＩ") == ids(report, "ai") == ["plan/areas/1/3", "plan/areas/3/1"]
    assert ids(report, "３３６１８") == ids(report, "33618") == ["review/tasks/2", "plan/areas/1/3"]
    assert ids(report, "t3b") == ["plan/areas/2/1"]
    assert ids(report, "ii类") == ["plan/areas/6/1"]  # Ⅱ folds to ii


def test_ranking_title_hits_then_counts_then_document_order(report):
    hits = search(report.conn, "重庆")
    keys = [(not h.title_hit, -h.hits, h.position) for h in hits]
    assert keys == sorted(keys)
    assert hits[0].title_hit


def test_hit_carries_path_snippet_and_count(report):
    (hit,) = search(report.conn, "T3B航站楼")
    assert hit.id == "plan/areas/2/1"
    assert hit.path == [
        "2025年政府工作",
        "聚力抓好8个方面工作",
        "二、聚力打造内陆开放国际合作引领区，在服务国家向西向南高水平开放中培育新优势",
        "1.加快构建现代化集疏运体系",
    ]
    assert hit.hits == 1
    assert "【T3B航站楼】" in hit.marked_snippet()


def test_deepest_section_only(report):
    # "中老泰" is in item 2/1 only; its area and the plan do not count it as their own.
    assert ids(report, "中老泰") == ["plan/areas/2/1"]


def test_limit(report):
    assert len(ids(report, "重庆", limit=3)) == 3


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        "AND",
        "OR",
        "NOT 重庆",
        "NEAR(重庆 发展)",
        "*",
        "重*",
        "^重庆",
        "(重庆)",
        "\\",
        "%",
        "_",
        "重庆%",
        "🙂",
        "\x00",
        "\ud800",
        "a" * 10000,
        "重庆 " * 5000,
        "'; DROP TABLE blocks; --",
        "col:重庆",
    ],
)
def test_hostile_input_is_safe(report, query):
    hits = search(report.conn, query, max_text_length=report.metadata.max_text_length)
    terms = query_terms(query)
    for h in hits:
        assert all(t in own_text(report.document, h.id) for t in terms)


def test_operators_are_literal_text(report):
    assert ids(report, "NOT") == []
    assert fts_phrase('a"b') == '"a""b"'


def test_percent_is_not_a_wildcard(report):
    assert set(ids(report, "%")) == {
        s for s, sec in report.document.sections.items() if "%" in own_text(report.document, s)
    }


alphabet = st.sampled_from([*list("重庆乡村振兴发展AIai3 \"'*^()%_-:\\NEAROTD"), "🙂", "\x00", "\u3000"])


@pytest.mark.thorough
@settings(max_examples=examples(400), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(), st.text(alphabet, max_size=30)))
def test_any_text_gives_valid_results(report, query):
    hits = search(report.conn, query, limit=50, max_text_length=report.metadata.max_text_length)
    terms = query_terms(query)
    for h in hits:
        assert all(t in own_text(report.document, h.id) for t in terms)
        assert h.hits >= len(terms)


@pytest.mark.thorough
@settings(max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_every_substring_of_the_report_is_found(report, data):
    line = data.draw(st.sampled_from(source_lines()))
    start = data.draw(st.integers(0, len(line) - 1))
    end = data.draw(st.integers(start + 1, min(len(line), start + 12)))
    fragment = line[start:end]
    if not fragment.strip() or any(c in string.whitespace for c in fragment):
        return
    hits = ids(report, fragment)
    block = next(b for b in report.document.blocks if b.text == line)
    assert block.section_id in hits


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [("鄉村振興", "乡村振兴"), ("數字重慶", "数字重庆"), ("鄉村 振興", "乡村 振兴"), ("國際", "国际"), ("庫", "库")],
)
def test_traditional_characters_find_the_simplified_text(report, traditional, simplified):
    found = [h.id for h in search(report.conn, traditional, variants=report.variants)]
    assert found and found == ids(report, simplified)


def test_variants_never_rewrite_the_report_s_own_characters(report):
    present = {c for b in report.document.blocks for c in b.text}
    assert len(report.variants) > 300
    assert all(t not in present and s in present for t, s in report.variants.items())
    assert report.variants["鄉"] == "乡" and "干" not in report.variants  # a simplified character stays itself


@pytest.mark.parametrize("query", ["乡村振兴", "数字重庆", "发展", "ＡＩ", "鄉村振興"])
def test_every_result_shows_the_term_in_its_snippet_and_marks_it_in_its_title(report, query):
    hits = search(report.conn, query, variants=report.variants)
    terms = query_terms(query, variants=report.variants)
    assert hits
    for hit in hits:
        assert hit.marks, f"{hit.id}: the snippet {hit.snippet!r} does not show {query!r}"
        if hit.title_hit:
            assert hit.title_marks
        for s, e in hit.title_marks:
            assert fold(hit.title[s:e]) in terms
        assert bool(hit.title_marks) == hit.title_hit


def test_one_way_into_search_gives_the_same_answers_everywhere(report):
    from cqdesk.report.search import SearchIndex
    from tests.conftest import DB

    index = SearchIndex.open(DB)  # as the window's worker thread opens it
    try:
        for query in ("乡村 振兴", "鄉村振興", "ＡＩ", "发展", "x" * 5000):
            assert [h.id for h in index.search(query)] == [h.id for h in report.search(query)]
        assert index.terms("鄉村振興") == ["乡村振兴"]
    finally:
        index.close()
    assert report.refuses_writes()


@pytest.fixture(scope="module")
def copies(tmp_path_factory, doc):
    """The report four times over, so a ranked page is cut from many more candidates than it shows."""
    import sqlite3

    import sqlite_utils

    from cqdesk.report.build import _create_search_tables, fill_search, search_rows

    path = tmp_path_factory.mktemp("copies") / "copies.db"
    db = sqlite_utils.Database(sqlite3.connect(path))
    _create_search_tables(db)
    n = len(doc.sections)
    fill_search(db, (row for k in range(4) for row in search_rows(doc, f"copy{k}/", k * n)))
    db.conn.commit()
    yield db.conn
    db.conn.close()


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_ranking_from_stored_counts_equals_counting_every_section(copies, data):
    from cqdesk.report.search import _rank, _rank_by_scan

    terms = []
    for _ in range(data.draw(st.integers(1, 3))):
        line = data.draw(st.sampled_from(source_lines()))
        start = data.draw(st.integers(0, len(line) - 1))
        fragment = line[start : data.draw(st.integers(start + 1, min(len(line), start + 8)))]
        terms += [t for t in query_terms(fragment) if t not in terms]
    if not terms:
        return
    limit = data.draw(st.sampled_from([1, 3, 10, 400]))
    assert _rank(copies, terms, limit) == _rank_by_scan(copies, terms, [], limit)


@pytest.mark.parametrize("query", ["库", "重庆", "新通道", "西部陆海新通道", "数字 重庆", "开放 平台 国际"])
def test_each_ranking_path_cuts_to_the_page_in_the_same_order(copies, query):
    from cqdesk.report.search import _rank, _rank_by_scan

    terms = query_terms(query)
    everything = _rank_by_scan(copies, terms, [], 1000)
    assert len(everything) >= 4  # each query occurs in every copy
    for limit in (1, 2, 5, len(everything)):
        assert _rank(copies, terms, limit) == everything[:limit]


def test_a_long_term_ranks_by_its_own_count_not_its_trigrams(tmp_path):
    """Section A holds 甲乙丙 five times but 甲乙丙丁 once; B holds 甲乙丙丁 twice: B ranks first."""
    import sqlite3

    import sqlite_utils

    from cqdesk.report.build import _create_search_tables, fill_search
    from cqdesk.report.search import _rank

    texts = {"a": "甲乙丙丁，甲乙丙，甲乙丙，甲乙丙，甲乙丙", "b": "甲乙丙丁甲乙丙丁", "c": "乙丙丁"}
    rows = [
        {"rowid": i + 1, "section_id": sid, "part": "plan", "position": i, "nlen": len(text), "norm_heading": sid,
         "norm": text, "heading": sid, "path": "[]", "text": text}
        for i, (sid, text) in enumerate(texts.items())
    ]  # fmt: skip
    db = sqlite_utils.Database(sqlite3.connect(tmp_path / "t.db"))
    _create_search_tables(db)
    fill_search(db, rows)
    assert _rank(db.conn, ["甲乙丙丁"], 1) == [(2, 2, False)]
    assert _rank(db.conn, ["甲乙丙丁"], 5) == [(2, 2, False), (1, 1, False)]
    assert _rank(db.conn, ["甲乙丙"], 5) == [(1, 5, False), (2, 2, False)]


def test_a_paste_of_many_terms_is_capped_and_says_so(report):
    """As found: 20,000 distinct terms took 4.4 s and 50,000 two-character terms 22 s (a quadratic dedupe)."""
    from cqdesk.report.normalize import MAX_TERMS, query_terms, too_many_terms

    paste = " ".join(chr(0x4E00 + i % 3000) + chr(0x4E00 + i * 7 % 3000) for i in range(50_000))
    assert len(query_terms(paste)) == MAX_TERMS and too_many_terms(paste)
    assert not too_many_terms(" ".join(["重庆"] * 1000))  # one term, however often
    assert report.search(paste) == []
    assert [h.id for h in report.search("重庆 " + " ".join(["重庆"] * 100))] == [h.id for h in report.search("重庆")]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(max_size=40) | st.text(st.sampled_from("低空经济ＡＩＧＤＰ，。（）㈱ΣσςİK\u3099e\u0301 \n"), max_size=30)
)
def test_folding_passes_over_what_folds_to_itself_and_folds_the_rest_a_character_at_a_time(text):
    import unicodedata

    from cqdesk.report.normalize import clean

    assert fold(text) == "".join(unicodedata.normalize("NFKC", ch).casefold() for ch in clean(text))


def test_what_fold_passes_over_does_fold_to_itself():
    import unicodedata

    stable = [chr(c) for c in range(0x4E00, 0xA000)] + list("abcdefghijklmnopqrstuvwxyz0123456789 \n")
    assert [c for c in stable if unicodedata.normalize("NFKC", c).casefold() != c] == []
