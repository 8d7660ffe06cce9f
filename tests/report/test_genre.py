"""The genre's structure, read from paragraphs (no Qt): cover, parts, sections with lead sentences, points,
名词解释, irregular numbering with warnings, and texts that are not reports."""

import pytest

from cqdesk.report.genre import NotAReport, lead_sentence, numeral, recognise, region_of
from tests.fixtures.reports import report_paragraphs


def test_a_city_report_is_read_into_its_parts_sections_points_and_glossary():
    r = recognise(report_paragraphs(2026))
    doc = r.document
    assert (r.region, r.year, r.warnings) == ("青川市", 2026, [])
    assert (doc.title, doc.date, doc.speaker_role, doc.speaker) == (
        "2026年青川市人民政府工作报告", "2026-01-20", "青川市人民政府市长", "林明远")  # fmt: skip
    tree = [(s.id, s.heading) for s in doc.sections.values()][:8]
    assert tree == [
        ("report", "2026年青川市人民政府工作报告"),
        ("p1", "一、2025年工作回顾"),
        ("p1/s1", "（一）着力稳住经济基本盘"),  # the first sentence of its first paragraph
        ("p1/s2", "（二）着力建设“两江一湖”生态廊道"),
        ("p1/s3", "（三）着力办好民生实事"),
        ("p2", "二、2026年工作安排"),
        ("p2/s1", "（一）加快建设现代制造业集群。"),  # a line of its own: its heading as written
        ("p2/s1/1", "1.壮大新能源装备产业"),
    ]
    assert [doc.sections[c].heading for c in doc.sections["p2/s2"].children] == ["①稳定汽车、家电等大宗消费。",
                                                                                 "②培育文旅体育新消费。"]  # fmt: skip
    assert [doc.sections[c].title for c in doc.sections["glossary"].children] == ["链主企业", "两江一湖"]


def test_every_paragraph_lands_once_in_order_as_written():
    paras = report_paragraphs(2026, filler=5)
    doc = recognise(paras).document
    assert [b.text for b in doc.blocks] == paras
    assert sum(len(s.blocks) for s in doc.sections.values()) == len(paras)


def test_irregular_numbering_keeps_the_text_and_names_the_paragraph():
    paras = report_paragraphs(2027, irregular=True)
    r = recognise(paras)
    assert [b.text for b in r.document.blocks] == paras
    assert r.warnings == ["paragraph 17 ((四)扩大有效需求。…): section （四） follows section 1 of its part"]
    assert r.document.sections["p2/s2"].label == "(四)"  # ASCII brackets read too


def test_a_title_split_over_two_lines_and_no_speaker():
    paras = ["2026年青川市", "人民政府工作报告", "——2026年1月20日在青川市第九届人民代表大会第四次会议上", "各位代表：",
             "一、2025年工作回顾", "过去一年，我们做了很多工作。"]  # fmt: skip
    r = recognise(paras)
    assert r.document.title == "2026年青川市人民政府工作报告" and r.region == "青川市" and r.document.speaker == ""
    assert [b.kind for b in r.document.sections["report"].blocks] == ["title", "title", "occasion", "text"]


@pytest.mark.parametrize(
    "paras",
    [
        ["他走进了房间，看见窗外下着雨。", "她没有说话。"],
        ["The quick brown fox.", "It jumped."],
        ["一、第一章", "很久以前。"],
    ],
    ids=["novel", "english", "chapters"],
)
def test_a_text_that_is_not_a_report_is_refused_unless_forced(paras):
    with pytest.raises(NotAReport, match="does not look like a government work report"):
        recognise(paras)
    doc = recognise(paras, force=True).document
    assert [b.text for b in doc.blocks] == paras


def test_helpers():
    assert [numeral(n) for n in ("一", "九", "十", "十二", "二十", "二十三")] == [1, 9, 10, 12, 20, 23]
    assert lead_sentence("着力稳住经济基本盘。面对压力") == ("着力稳住经济基本盘", True)
    assert lead_sentence("没有句号的标题") == ("没有句号的标题", False)
    assert region_of("", "重庆市第六届人民代表大会第四次会议") == "重庆市"
    assert region_of("2026年某市政府工作报告", "") == "某市"


def test_a_lead_sentence_is_shown_once_in_bold_and_searched_once(tmp_path):
    """Official texts open a section with its title as the paragraph's first sentence: the page shows that
    paragraph once with the sentence bold (no heading repeating it), and search counts the title once."""
    from cqdesk.report.build import build_database
    from cqdesk.report.render import render_section
    from cqdesk.report.store import Report
    from tests.fixtures.reports import report_paragraphs

    doc = recognise(report_paragraphs()).document
    section = doc.sections["p1/s1"]
    assert section.heading == "（一）着力稳住经济基本盘" and section.lead is section.blocks[0]
    page = render_section(doc, "p1").html
    assert page.count("着力稳住经济基本盘") == 1
    assert '<a name="section-p1/s1"></a><b style="color:' in page and "着力稳住经济基本盘。</b>面对" in page
    build_database(doc, tmp_path / "r.db")
    report = Report(tmp_path / "r.db")
    (hit,) = [h for h in report.search("经济基本盘") if h.id == "p1/s1"]
    shown = render_section(report.document, "p1/s1", terms=["经济基本盘"])
    assert hit.hits == shown.hit_count == 1
    report.close()
