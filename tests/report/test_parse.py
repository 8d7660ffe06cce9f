import hashlib

import pytest

from cqdesk.report.parse import ParseError, cn_numeral_value, parse_file, parse_text
from tests.conftest import SOURCE, source_lines

SHA = "50a3112f76928a4ef3daf19bcbf482b31b3dd4e519c70aa3a852971b2b428af7"


def test_source_copy_is_byte_identical():
    assert hashlib.sha256(SOURCE.read_bytes()).hexdigest() == SHA


@pytest.fixture(scope="module")
def parsed():
    return parse_file(SOURCE)


def test_document_fields(parsed):
    assert parsed.title == "2025年重庆市政府工作报告"
    assert parsed.date == "2025-01-19"
    assert parsed.congress == "重庆市第六届人民代表大会第三次会议"
    assert (parsed.speaker_role, parsed.speaker) == ("重庆市市长", "胡衡华")
    assert parsed.source_sha256 == SHA


def test_every_line_lands_once_in_order(parsed):
    assert [b.text for b in parsed.blocks] == source_lines()
    owned = [b for s in parsed.sections.values() for b in s.blocks]
    assert sorted(b.line_no for b in owned) == [b.line_no for b in parsed.blocks]


def test_review_tasks(parsed):
    tasks = parsed.sections["review/tasks"].children
    assert tasks == [f"review/tasks/{n}" for n in range(1, 11)]
    t3 = parsed.sections["review/tasks/3"]
    assert (t3.label, t3.title) == ("3、", "抓教育兴科技育人才，创新创造活力迸发")
    assert [b.text for b in t3.blocks if b.kind == "text"] == [
        "教育强市建设扎实推进、区域创新能力持续增强、人才队伍不断壮大"
    ]
    without_detail = [t for t in tasks if not any(b.kind == "text" for b in parsed.sections[t].blocks)]
    assert without_detail == ["review/tasks/8", "review/tasks/10"]


def test_plan_areas_and_items(parsed):
    areas = parsed.sections["plan/areas"].children
    assert areas == [f"plan/areas/{n}" for n in range(1, 9)]
    assert [parsed.sections[a].label for a in areas] == ["一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、"]
    items = [i for a in areas for i in parsed.sections[a].children]
    assert len(items) == 30
    assert [len(parsed.sections[a].children) for a in areas] == [4, 3, 5, 3, 3, 4, 3, 5]
    item = parsed.sections["plan/areas/2/1"]
    assert (item.label, item.title) == ("1.", "加快构建现代化集疏运体系")
    assert [b.kind for b in item.blocks] == ["heading", "measures", "keypoint"]
    assert [b.kind for b in parsed.sections["plan/areas/3/2"].blocks] == ["heading", "keypoint"]


def test_plan_parts(parsed):
    plan = parsed.sections["plan"]
    assert plan.children == ["plan/requirements", "plan/targets", "plan/areas", "plan/livelihood", "plan/governance"]
    assert [b.kind for b in parsed.sections["plan/targets"].blocks].count("target") == 9
    assert [b.kind for b in parsed.sections["plan/livelihood"].blocks].count("project") == 15
    assert len([b for b in plan.blocks if b.kind == "bullet"]) == 5
    assert parsed.sections["review"].children == ["review/aspects", "review/indicators", "review/tasks"]


def test_cn_numerals():
    assert [cn_numeral_value(x) for x in ("一", "八", "十", "十二")] == [1, 8, 10, 12]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "too short"),
        ("标题\n不是场合\n某人 名字\n2024\n", "occasion"),
        ("标题\n——2025年1月19日在某会议上\n某人 名字\n正文\n", "before the review"),
        ("标题\n——2025年1月19日在某会议上\n某人 名字\n2024\n抓10项主要工作\n正文\n", "numbered task"),
    ],
)
def test_parse_errors_name_the_problem(text, message):
    with pytest.raises(ParseError, match=message):
        parse_text(text)
