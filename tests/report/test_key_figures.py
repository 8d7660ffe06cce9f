from cqdesk.report.key_figures import figure_text


def test_pairs_and_singles_match_the_source(report):
    rows = [(f.label, f.change, figure_text(f.result), figure_text(f.target), f.comparable) for f in report.key_figures]
    assert rows == [
        ("地区生产总值", "达到", "预计 3.2万亿元", "", False),
        ("地区生产总值", "增长", "预计 5.7%", "6%左右", True),
        ("人均地区生产总值", "突破", "10万元", "", False),
        ("规上工业增加值", "增长", "7.3%", "", False),
        ("服务业增加值", "增长", "6.8%", "", False),
        ("工业投资", "增长", "11.2%", "", False),
        ("民间投资", "增长", "8.1%", "", False),
        ("社会消费品零售总额", "增长", "3.6%", "5%", True),
        ("固定资产投资", "增长", "", "5%", False),
        ("进出口总额", "保持正增长", "", "保持正增长", False),
        ("城镇新增就业", "", "", "65万人", False),
        ("一般公共预算收入", "增长", "", "4.5%", False),
        ("全体居民人均可支配收入", "增长", "", "6%左右", False),
        ("居民消费价格", "涨幅", "", "2%左右", False),
        ("单位地区生产总值能耗", "下降", "", "2.5%", False),
    ]


def test_every_figure_is_in_its_sentence(report):
    for f in report.key_figures:
        for side in (f.result, f.target):
            if side is not None and side.value is not None:
                assert f"{side.value}{side.unit}" in side.statement
