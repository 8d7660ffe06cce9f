"""New wording between two reports, the alignment of their plans, and a term's count across the library."""

import json

from cqdesk.report.years.alignment import align
from cqdesk.report.years.pairing import full_text
from cqdesk.report.years.wording import terms, wording
from tests.conftest import run_cli as run


def test_new_dropped_and_kept_terms_of_the_fictional_pair(pair):
    w = wording(full_text(pair[0]), full_text(pair[1]))
    assert [(t.term, t.new) for t in w.new] == [("具身智能", 2)]  # quoted once and written bare once
    assert [(t.term, t.old) for t in w.dropped] == [("通用机场", 2)]
    kept = {t.term: (t.old, t.new) for t in w.kept}
    assert kept["低空经济"] == (1, 2) and kept["两江一湖"] == (2, 2) and kept["地区生产总值"] == (3, 4)


def test_a_term_is_quoted_or_repeated_whole_with_no_digits_units_or_particles():
    found = terms("建设“六个区”。推进数字重庆建设，数字重庆建设提速。2026年增长5%，2026年增长6%。亿元、亿元。的确的确")
    assert found["六个区"] == 1  # quoted: a term at once
    assert found["数字重庆建设"] == 2 and "数字重庆" not in found and "字重庆建" not in found  # whole
    assert "2026年" not in found and "亿元" not in found and "的确" not in found
    assert "推进" not in found  # a generic word of government prose


def test_the_newer_plans_divisions_beside_the_older_plans(pair, bundled):
    aligned = [(p.new, p.old) for p in align(pair[0], pair[1])]
    assert aligned == [("p2/s1", "p2/s1"), ("p2/s2", "p2/s2"), ("p2/s3", "p2/s3")]
    from cqdesk.report.genre import recognise
    from tests.fixtures import reports as R

    chongqing = recognise(R.report_paragraphs(2026, region="重庆市")).document
    pairs = align(bundled, chongqing)
    assert [(p.new, p.old) for p in pairs] == [("p2/s1", "plan/areas/1"), ("p2/s2", None), ("p2/s3", "plan/areas/8")]
    assert pairs[0].shared[0] == "现代制造业集群"


def test_the_cli_wording_and_trend(library):
    code, out, err = run("wording", library["q2027"], library["q2026"], "--json")
    assert code == 0, err
    got = json.loads(out)
    assert got["new"] == [{"term": "具身智能", "count": 2}] and got["dropped"] == [{"term": "通用机场", "count": 2}]
    assert {"term": "低空经济", "old": 1, "new": 2} in got["kept"]
    code, out, err = run("trend", "低空经济", "--json")
    assert code == 0, err
    assert [(p["id"], p["region"], p["year"], p["count"]) for p in json.loads(out)] == [
        ("bundled", "重庆市", 2025, 0), (library["c2026"], "重庆市", 2026, 1),
        (library["q2026"], "青川市", 2026, 1), (library["q2027"], "青川市", 2027, 2),
    ]  # fmt: skip
    code, out, _ = run("trend", "ＡＩ")  # counted as search finds it: full-width folds to AI
    assert code == 0 and out.splitlines()[0].split()[:3] == ["重庆市", "2025", "4"]
    code, _, err = run("trend", "  ")
    assert code == 2 and "type a term to count" in err
