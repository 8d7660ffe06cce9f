import re

from cqdesk.report.render import render_section, render_sections
from cqdesk.report.views import KEY_FIGURES_ID, LIVELIHOOD_ID, livelihood_projects


def plain(html):
    return re.sub(r"<[^>]+>", "", html)


def test_views_sit_under_their_parts_with_no_lines_of_their_own(report):
    assert report.section("plan/targets").children == [KEY_FIGURES_ID]
    assert report.section("plan/livelihood").children == [LIVELIHOOD_ID]
    assert not report.section(KEY_FIGURES_ID).blocks and not report.section(LIVELIHOOD_ID).blocks
    assert [line for line in report.export_text().split("\n") if line] == [b.text for b in report.document.blocks]


def test_livelihood_amounts_are_the_source_figures(doc):
    projects = livelihood_projects(doc)
    assert len(projects) == 15
    assert [p.amounts for p in projects][:3] == [("3011万平方米",), ("100个", "10座"), ("60处",)]
    assert projects[12].amounts == ("60条以上", "10条以上")
    for p in projects:
        line = next(b.text for b in doc.blocks if b.line_no == p.line_no)
        assert line == "●" + p.text and all(a in line for a in p.amounts)


def test_tables_render_with_links_back(doc):
    html = render_section(doc, KEY_FIGURES_ID).html
    assert "社会消费品零售总额增长" in plain(html) and 'href="cqdesk:plan/targets#' in html
    # Each figure links to the clause that states it: cqdesk:SECTION#PASSAGE (percent-encoded).
    from urllib.parse import quote

    assert f'href="cqdesk:review/indicators#{quote("社会消费品零售总额增长3.6%", safe="")}"' in html
    table = plain(render_section(doc, LIVELIHOOD_ID).html)
    assert "整体提升100所学校、50家医院周边环境" in table and "100所、50家" in table
    assert "href" not in render_sections(doc, [LIVELIHOOD_ID])  # paper has no links


def test_search_does_not_find_the_views(report):
    from cqdesk.report.search import search

    assert all(h.id not in (KEY_FIGURES_ID, LIVELIHOOD_ID) for h in search(report.conn, "关键数据对比"))
