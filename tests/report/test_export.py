"""Every export holds every line of the chosen sections, in order, character for character."""

import io
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


def test_outline_walks_like_the_page(report):
    items = outline(report.document, ["plan/areas/2/1"])
    assert [type(i).__name__ for i in items][:2] == ["Heading", "Line"]
