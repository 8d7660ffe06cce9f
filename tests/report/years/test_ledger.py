"""The ledger: every target of the plan year beside the outcome the next year's review states, its status by
the target's wording, both sentences quoted; refusals that say why."""

import json

import pytest

from cqdesk.report.genre import recognise
from cqdesk.report.years import names
from cqdesk.report.years.ledger import CEILING, FALL, FLOOR, LedgerError, Target, judge, ledger, targets
from tests.conftest import run_cli as run
from tests.fixtures import reports as R

FIVE = (
    "全市地区生产总值达到4360.2亿元、增长5.9%，一般公共预算收入增长3.2%，城镇新增就业8.6万人，"
    "城镇调查失业率5.1%，居民消费价格上涨0.4%。"
)


def test_every_status_occurs_in_the_fictional_pair(pair):
    result = ledger(pair[0], 2026, pair[1], 2027)
    rows = [(r.target.indicator, r.target.text, r.outcome.figure if r.outcome else None, r.status) for r in result.rows]
    assert rows == [
        ("地区生产总值", "地区生产总值增长5.5%左右", "增长5.9%", "met"),
        ("一般公共预算收入", "一般公共预算收入增长4%", "增长3.2%", "not met"),
        ("城镇新增就业", "城镇新增就业8万人以上", "8.6万人", "met"),
        ("城镇调查失业率", "城镇调查失业率控制在5.5%以内", "5.1%", "within"),
        ("居民消费价格", "居民消费价格涨幅3%左右", "上涨0.4%", "within"),
        ("单位地区生产总值能耗", "单位地区生产总值能耗下降2%", "下降2.3%", "met"),
        ("社会消费品零售总额", "社会消费品零售总额增长6%", None, "not stated"),
    ]
    assert [r.target.kind for r in result.rows] == [FLOOR, FLOOR, FLOOR, CEILING, CEILING, FALL, FLOOR]
    assert result.rows[0].outcome.amounts == ("4360.2亿元",)
    # One sentence, five indicators: each found in it, each quoting it whole.
    assert [r.outcome.quote.text for r in result.rows[:5]] == [FIVE] * 5
    assert result.rows[0].outcome.quote.section_id == "p1"
    assert result.rows[5].outcome.quote.section_id == "p1/s2"
    goals = result.rows[0].target.quote
    assert goals.section_id == "p2" and goals.text.endswith("。")
    assert goals.text.startswith("2026年全市经济社会发展的主要预期目标是：")
    assert result.unquantified == ["居民收入增长与经济增长同步"]


def test_the_bundled_outline_has_one_target_a_line_and_meets_an_imported_2026_report(bundled):
    found, plain = targets(bundled)
    assert [t.text for t in found] == [
        "地区生产总值增长6%左右", "固定资产投资增长5%", "社会消费品零售总额增长5%", "进出口总额保持正增长",
        "城镇新增就业65万人", "一般公共预算收入增长4.5%", "全体居民人均可支配收入增长6%左右", "居民消费价格涨幅2%左右",
        "单位地区生产总值能耗下降2.5%",
    ]  # fmt: skip
    assert {t.quote.section_id for t in found} == {"plan/targets"} and plain == []
    assert found[6].indicator == "居民人均可支配收入"  # 全体居民人均可支配收入 is one of its names
    chongqing = recognise(R.report_paragraphs(2026, region="重庆市")).document
    result = ledger(bundled, 2025, chongqing, 2026)
    first = [(r.target.indicator, r.status) for r in result.rows][:2]
    assert first == [("地区生产总值", "not met"), ("固定资产投资", "not stated")]
    assert result.rows[0].outcome.figure == "增长5.6%"


@pytest.mark.parametrize(
    ("text", "kind", "value", "about", "outcome", "status"),
    [
        ("地区生产总值增长6%左右", FLOOR, 6, True, 5.8, "met"),  # 左右: 0.2 points below still counts
        ("地区生产总值增长6%左右", FLOOR, 6, True, 5.7, "not met"),
        ("一般公共预算收入增长4%", FLOOR, 4, False, 3.9, "not met"),  # no 左右, no slack
        ("居民消费价格涨幅2%左右", CEILING, 2, True, 2.2, "within"),
        ("居民消费价格涨幅2%左右", CEILING, 2, True, 2.3, "not met"),
        ("城镇调查失业率控制在5.5%以内", CEILING, 5.5, False, 5.5, "within"),
        ("单位地区生产总值能耗下降2.5%", FALL, 2.5, False, -2.5, "met"),
        ("单位地区生产总值能耗下降2.5%", FALL, 2.5, False, -2.4, "not met"),
        ("单位地区生产总值能耗下降2.5%", FALL, 2.5, False, 0.3, "not met"),  # it rose
        ("进出口总额保持正增长", FLOOR, 0, False, 0.1, "met"),
        ("进出口总额保持正增长", FLOOR, 0, False, 0.0, "not met"),
    ],
)
def test_the_status_rules(text, kind, value, about, outcome, status):
    from cqdesk.report.years.ledger import Quote

    assert judge(Target("x", text, kind, value, "%", about, Quote(text, "s", 1)), outcome) == status


def test_indicator_names_longest_first_with_the_genres_variants():
    found = names.mentions("人均地区生产总值突破10万元，单位GDP能耗下降2.5%，GDP增长5%，全体居民人均可支配收入增长5%")
    assert [(m.indicator, m.name) for m in found] == [
        ("人均地区生产总值", "人均地区生产总值"), ("单位地区生产总值能耗", "单位GDP能耗"), ("地区生产总值", "GDP"),
        ("居民人均可支配收入", "全体居民人均可支配收入"),
    ]  # fmt: skip
    assert names.canonical("CPI") == "居民消费价格" and names.canonical("增长") is None


def test_an_outcome_that_is_not_stated_is_never_guessed(pair):
    paras = R.report_paragraphs(2027)
    paras[6] = "过去一年，全市上下迎难而上，经济运行稳中有进。"  # no figures in the review's opening at all
    result = ledger(pair[0], 2026, recognise(paras).document, 2027)
    assert [r.status for r in result.rows] == ["not stated"] * 5 + ["met", "not stated"]


def test_the_cli_ledger_as_json_csv_and_word(library, tmp_path):
    code, out, err = run("ledger", library["q2026"], library["q2027"], "--json")
    assert code == 0, err
    rows = json.loads(out)
    assert {k: rows[1][k] for k in ("indicator", "target", "outcome", "status")} == {
        "indicator": "一般公共预算收入", "target": "一般公共预算收入增长4%", "outcome": "增长3.2%",
        "status": "not met"}  # fmt: skip
    assert rows[1]["outcome_quote"] == {"text": FIVE, "section": "p1", "line": 7}
    assert rows[6]["status"] == "not stated" and rows[6]["outcome_quote"] is None
    # The order given does not matter: the older report is the plan.
    assert json.loads(run("ledger", library["q2027"], library["q2026"], "--json")[1]) == rows
    code, out, _ = run("ledger", library["q2026"], library["q2027"])
    assert code == 0 and "not stated in the 2027 report" in out and "左右 (about): 0.2 percentage points" in out
    target = tmp_path / "ledger.csv"
    assert run("ledger", library["q2026"], library["q2027"], "--csv", str(target))[0] == 0
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("指标,目标,完成情况,其他数据,结果,目标原文,完成情况原文") and len(lines) == 8
    assert lines[1].startswith("地区生产总值,地区生产总值增长5.5%左右,增长5.9%,4360.2亿元,完成,")
    assert lines[7].startswith("社会消费品零售总额,社会消费品零售总额增长6%,,,2027年报告未说明,")
    import docx

    word = tmp_path / "ledger.docx"
    assert run("ledger", library["q2026"], library["q2027"], "--docx", str(word))[0] == 0
    d = docx.Document(str(word))
    table = d.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["指标", "目标", "完成情况", "其他数据", "结果"]
    row = [c.text for c in table.rows[2].cells]
    assert row == ["一般公共预算收入", "一般公共预算收入增长4%", "增长3.2%", "", "未完成"]
    assert d.core_properties.title == "2026年目标完成情况（2027年报告所述）"


@pytest.mark.parametrize(
    ("pick", "message"),
    [
        (
            ("q2026", "c2026"),
            "2026年青川市人民政府工作报告 is of 青川市 and 2026年重庆市人民政府工作报告 of 重庆市: "
            "compare two reports of one region",
        ),
        (("q2026", "q2026"), "that is the same report twice; choose two reports"),
        (("q2026", "gone"), "no report 'gone' in the library (see 'cqdesk library')"),
        (("bundled", "q2027"), "is of 重庆市 and 2027年青川市人民政府工作报告 of 青川市"),
    ],
)
def test_pairs_that_cannot_make_a_ledger_say_why(library, pick, message):
    code, out, err = run("ledger", *(library.get(p, p) for p in pick))
    assert code == 1 and out == "" and message in err and "Traceback" not in err


def test_same_year_and_years_apart_and_sides_without_targets_or_review(pair, tmp_path, monkeypatch):
    monkeypatch.setenv("CQDESK_DATA_DIR", str(tmp_path / "data"))
    for name, kw in (("a", {"year": 2026}), ("b", {"year": 2026, "filler": 1}), ("c", {"year": 2028})):
        assert run("import", str(R.write_text(tmp_path / f"{name}.txt", **kw)))[0] == 0
    ids = [e["id"] for e in json.loads(run("library", "--json")[1])][1:]
    code, _, err = run("ledger", ids[0], ids[1])
    assert code == 1 and "both reports are of 2026; choose reports of two years" in err
    code, _, err = run("ledger", ids[0], ids[2])
    assert code == 1 and "the 2028 report reviews 2027, not 2026" in err
    with pytest.raises(LedgerError, match="the 2026 report cannot be the plan side: its plan states no 主要预期目标"):
        paras = [p for p in R.report_paragraphs(2026) if "主要预期目标" not in p]
        ledger(recognise(paras).document, 2026, pair[1], 2027)
    with pytest.raises(LedgerError, match="the 2027 report cannot be the outcome side: it has no review"):
        paras = [p.replace("工作回顾", "工作情况") for p in R.report_paragraphs(2027)]
        ledger(pair[0], 2026, recognise(paras).document, 2027)
