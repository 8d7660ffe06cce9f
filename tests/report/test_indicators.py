import pytest

from cqdesk.report.indicators import parse_statement


def rows(doc, role):
    return [(i.label, i.value, i.unit, i.change, i.qualifier, i.year) for i in doc.indicators if i.role == role]


def test_results_2024(doc):
    assert rows(doc, "result") == [
        ("地区生产总值", "3.2", "万亿元", "达到", "预计", 2024),
        ("地区生产总值", "5.7", "%", "增长", "预计", 2024),
        ("人均地区生产总值", "10", "万元", "突破", "", 2024),
        ("规上工业增加值", "7.3", "%", "增长", "", 2024),
        ("服务业增加值", "6.8", "%", "增长", "", 2024),
        ("工业投资", "11.2", "%", "增长", "", 2024),
        ("民间投资", "8.1", "%", "增长", "", 2024),
        ("社会消费品零售总额", "3.6", "%", "增长", "", 2024),
    ]


def test_targets_2025(doc):
    assert rows(doc, "target") == [
        ("地区生产总值", "6", "%", "增长", "左右", 2025),
        ("固定资产投资", "5", "%", "增长", "", 2025),
        ("社会消费品零售总额", "5", "%", "增长", "", 2025),
        ("进出口总额", None, "", "保持正增长", "", 2025),
        ("城镇新增就业", "65", "万人", "", "", 2025),
        ("一般公共预算收入", "4.5", "%", "增长", "", 2025),
        ("全体居民人均可支配收入", "6", "%", "增长", "左右", 2025),
        ("居民消费价格", "2", "%", "涨幅", "左右", 2025),
        ("单位地区生产总值能耗", "2.5", "%", "下降", "", 2025),
    ]


def test_each_indicator_points_at_its_line(doc):
    for i in doc.indicators:
        line = next(b for b in doc.blocks if b.line_no == i.line_no)
        assert line.text == i.statement and line.section_id == i.section_id
        if i.value is not None:
            assert i.value in i.statement


def test_unreadable_statement_is_an_error():
    with pytest.raises(ValueError, match="labels but"):
        parse_statement("甲、乙、丙分别增长1%、2%")
