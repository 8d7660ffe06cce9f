"""Every export holds every line of the chosen sections, in order, character for character."""

import io
import itertools
import re
from html.parser import HTMLParser

import pytest

from cqdesk.report.export import citation, outline, to_html, to_markdown, to_text, view_table
from cqdesk.report.key_figures import figure_text, pair_indicators

CHOICES = [["report"], ["plan/areas/2", "review/tasks/1"], ["plan/targets"], ["plan/livelihood"]]


def expected_lines(report, sids):
    from cqdesk.report.render import printable_selection

    out = []
    for sid in printable_selection(report.document, sids):
        out += [b.text for b in report.subtree_blocks(sid)]
    return out


def in_order(lines, text):
    """Each line found in ``text`` after the one before it."""
    at = 0
    for line in lines:
        found = text.find(line, at)
        assert found >= 0, f"missing or out of order: {line!r}"
        at = found + len(line)


def unmarkdown(md):
    return re.sub(r"\\(.)", r"\1", md.replace("**", ""))


@pytest.mark.parametrize("sids", CHOICES)
def test_markdown_text_and_html_hold_every_line_in_order(report, sids):
    lines = expected_lines(report, sids)
    doc = report.document
    in_order(lines, unmarkdown(to_markdown(doc, sids)))
    in_order(lines, to_text(doc, sids))

    class Text(HTMLParser):
        parts: list

        def handle_data(self, data):
            self.parts.append(data)

    parser = Text()
    parser.parts = []
    parser.feed(to_html(doc, sids))
    in_order(lines, "".join(parser.parts))
    assert citation(doc, sids) in to_text(doc, sids)


def test_headings_at_their_levels_in_markdown(report):
    md = to_markdown(report.document, ["plan/areas/2"]).splitlines()
    assert md[0] == "# 2025年重庆市政府工作报告"
    assert "## 二、聚力打造内陆开放国际合作引领区，在服务国家向西向南高水平开放中培育新优势" in md
    assert "### 1\\.加快构建现代化集疏运体系" in md
    assert "> ■常态化开行“中老泰”图定班列。投用江北国际机场T3B航站楼" in md


def test_html_is_one_self_contained_file(report):
    page = to_html(report.document, ["plan/areas/2/1"])
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert not re.search(r"""(src|href)=["'](https?:|//|file:)""", page) and "<link" not in page


@pytest.mark.parametrize("sids", [[], ["plan/targets", "plan/areas/2"], ["compare:review/tasks/7"]],
                         ids=["whole", "selection", "comparison"])  # fmt: skip
def test_html_is_html5_with_css_for_layout_one_h1_and_headings_in_order(report, sids):
    """What the W3C validator checks (tests/report/test_clients.py runs it): no presentational attribute or
    named anchor, the language on the root, one h1, and no heading more than one level below the last."""
    import lxml.html

    root = lxml.html.document_fromstring(to_html(report.document, sids, links=report.related))
    assert root.get("lang") == "zh-CN"
    old = ("align", "valign", "width", "cellspacing", "cellpadding", "border", "bgcolor")
    assert [(el.tag, a) for el in root.iter() if isinstance(el.tag, str) for a in el.attrib if a in old] == []
    assert [a for a in root.iter("a") if a.get("name")] == []
    levels = [int(el.tag[1]) for el in root.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels
    if not sids or ":" not in sids[0]:  # each section's place, as a named anchor gave it (an id now)
        assert root.get_element_by_id("section-" + (sids[0] if sids else "report")) is not None


def test_the_tables_are_the_databases(report):
    doc = report.document
    table = view_table(doc, doc.sections["plan/targets/figures"])
    assert table.rows == [
        [f.display_label, figure_text(f.result), figure_text(f.target)] for f in pair_indicators(doc.indicators)
    ]
    rows = report.conn.execute("SELECT number, text FROM livelihood ORDER BY number").fetchall()
    live = view_table(doc, doc.sections["plan/livelihood/table"])
    assert [(int(r[0]), r[1]) for r in live.rows] == [(n, t) for n, t in rows]


def test_docx_reads_back_with_every_line_headings_tables_and_chinese_fonts(report):
    docx = pytest.importorskip("docx")
    from docx.oxml.ns import qn

    from cqdesk.report.docx_export import BODY_FONT, HEADING_FONT, to_docx

    sids = ["plan/targets", "plan/areas/2"]
    d = docx.Document(io.BytesIO(to_docx(report.document, sids)))
    text = "\n".join(p.text for p in d.paragraphs)
    in_order(expected_lines(report, sids), text)
    headings = [(p.style.name, p.text) for p in d.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:2] == [("Heading 2", "主要预期目标"), ("Heading 3", "关键数据对比")]
    assert ("Heading 3", "1.加快构建现代化集疏运体系") in headings
    cells = [[c.text for c in row.cells] for row in d.tables[0].rows]
    assert cells[1:] == view_table(report.document, report.document.sections["plan/targets/figures"]).rows
    for p in [*d.paragraphs, *(p for t in d.tables for r in t.rows for c in r.cells for p in c.paragraphs)]:
        for run in p.runs:
            if re.search(r"[\u4e00-\u9fff]", run.text):
                fonts = run._element.rPr.find(qn("w:rFonts"))
                assert fonts.get(qn("w:eastAsia")) in (BODY_FONT, HEADING_FONT), run.text
    section = d.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_docx_speaks_chinese_says_when_it_was_made_and_keeps_table_rows_whole(report):
    """Word and WPS proof by the document's language (python-docx's template says en-US, its theme ja-JP),
    show its core properties, repeat a table's header row on each page and break no row across pages."""
    from datetime import UTC, datetime

    docx = pytest.importorskip("docx")
    from docx.oxml.ns import qn

    from cqdesk.report.docx_export import to_docx

    d = docx.Document(io.BytesIO(to_docx(report.document, [])))
    lang = d.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert (lang.get(qn("w:val")), lang.get(qn("w:eastAsia"))) == ("zh-CN", "zh-CN")
    theme = d.settings.element.find(qn("w:themeFontLang"))
    assert (theme.get(qn("w:val")), theme.get(qn("w:eastAsia"))) == ("zh-CN", "zh-CN")
    core = d.core_properties
    assert core.title == "2025年重庆市政府工作报告" and core.language == "zh-CN" and core.comments == ""
    assert core.subject == "2025年1月19日在重庆市第六届人民代表大会第三次会议上"
    made = core.created.replace(tzinfo=UTC)
    assert abs((datetime.now(UTC) - made).total_seconds()) < 120 and core.modified == core.created
    assert len(d.tables) == 2
    for table in d.tables:
        rows = [r._tr for r in table.rows]
        assert rows[0].trPr.find(qn("w:tblHeader")) is not None
        assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in rows)


def test_outline_walks_like_the_page(report):
    items = outline(report.document, ["plan/areas/2/1"])
    assert [type(i).__name__ for i in items][:2] == ["Heading", "Line"]


def test_the_text_export_starts_with_the_title_not_an_empty_line(report):
    text = to_text(report.document, [])
    assert text.startswith("2025年重庆市政府工作报告\n——2025年1月19日")
    assert to_text(report.document, ["plan/targets"]).startswith("2025年重庆市政府工作报告\n")


def test_a_notes_line_breaks_stay_line_breaks_in_markdown_text_and_word(report):
    """A note written over two lines reads over two lines in a Markdown renderer, in the text and in Word."""
    import commonmark

    from cqdesk.report.render import PageMark

    sid = "plan/areas/2/1"
    marks = {sid: [PageMark(0, 0, "", "22222222-2222-4222-8222-222222222222", "第一行\n第二行")]}
    md = to_markdown(report.document, [sid], marks)
    assert "第一行\\\n第二行" in md
    assert "第一行<br />\n第二行" in commonmark.commonmark(md)
    assert "第一行\n第二行" in to_text(report.document, [sid], marks)
    docx = pytest.importorskip("docx")
    from cqdesk.report.docx_export import to_docx

    d = docx.Document(io.BytesIO(to_docx(report.document, [sid], marks)))
    note = next(p for p in d.paragraphs if "第一行" in p.text)
    assert note.text.endswith("第一行\n第二行") and note.runs[0]._element.xpath(".//w:br")
