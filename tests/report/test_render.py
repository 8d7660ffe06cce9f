import re

from cqdesk.report.render import DARK, PRINT, render_section, render_sections


def plain(html: str) -> str:
    text = re.sub(r"<[^>]+>", "", html)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def test_every_line_of_a_section_is_shown_exactly(report, doc):
    for sid in doc.sections:
        shown = plain(render_section(doc, sid).html)
        for b in report.subtree_blocks(sid):
            assert b.text in shown, (sid, b.text)


def test_root_reads_as_the_whole_report(report, doc):
    shown = plain(render_section(doc, "report").html)
    pos = [shown.index(b.text) for b in doc.blocks]
    assert pos == sorted(pos)


def test_plan_bullets_follow_the_targets(doc):
    shown = plain(render_section(doc, "plan").html)
    assert shown.index("能耗下降2.5%") < shown.index("●今年是“十四五”规划收官之年") < shown.index("聚力抓好8个方面工作")


def test_figures_are_emphasised(doc):
    html = render_section(doc, "review/indicators").html
    for figure in ("3.2万亿元", "5.7%", "10万元"):
        assert re.search(rf"<b [^>]*>{re.escape(figure)}</b>", html)
    html = render_section(doc, "plan/targets").html
    assert re.search(r"<b [^>]*>6%左右</b>", html)
    assert "<b" not in render_section(doc, "review/tasks/2").html.split("33618")[0][-20:]


def test_hits_are_marked_and_numbered(doc):
    r = render_section(doc, "plan/areas/5/1", terms=["乡村"], current_hit=2)
    assert r.hit_count == 3
    assert [int(n) for n in re.findall(r'name="hit-(\d+)"', r.html)] == [1, 2, 3]
    assert r.html.count("#ff9f1c") == 1  # the current hit stands out


def test_links_are_internal(doc):
    html = render_section(doc, "plan/areas/2").html
    links = re.findall(r'href="([^"]+)"', html)
    assert "cqdesk:plan/areas/2/1" in links and "cqdesk:plan" in links
    assert all(link.startswith("cqdesk:") for link in links)


def test_print_is_black_on_white_without_links(doc):
    html = render_sections(doc, ["plan/areas/8/1", "review/tasks/3"], PRINT)
    assert "href" not in html
    assert html.index("3、抓教育兴科技育人才") < html.index("1.多措并举抓就业促增收")
    assert "#1d1d1f" not in html and DARK.text not in html


def test_markup_in_the_text_is_shown_literally():
    from cqdesk.report.parse import parse_text

    hostile = '<img src=x onerror=alert(1)> <a href="file:///etc/passwd">x</a> & ■'
    doc = parse_text(
        "标题\n——2025年1月19日在某会议上\n某人 名字\n2024\n●" + hostile + "\n2025年，做好政府工作的总体要求\n正文\n"
    )
    html = render_section(doc, "review").html
    assert "<img" not in html and '<a href="file:' not in html
    assert plain(html).count("●" + hostile) == 1
    found = render_section(doc, "review", terms=["<img"]).html
    assert found.count('name="hit-') == 1 and "&lt;img" in found


def _text_of(html_text):
    from html.parser import HTMLParser

    out = []

    class P(HTMLParser):
        def handle_data(self, data):
            out.append(data)

    P().feed(html_text)
    return "".join(out)


def test_highlights_and_notes_are_drawn_without_changing_a_character(doc):
    from cqdesk.report.render import HIGHLIGHTS, PageMark, render_section, render_sections

    sid = "plan/areas/2/1"
    text = doc.sections[sid].own_text
    start = text.index("西部陆海新通道")
    end = start + len("西部陆海新通道")
    note = "<script>alert(1)</script> 对照\n第二行"
    marks = {
        sid: [
            PageMark(start, end, "green", "11111111-1111-4111-8111-111111111111", note),
            PageMark(0, 0, "", "22222222-2222-4222-8222-222222222222", "本节 <b>笔记</b>"),
        ]
    }
    plain = render_section(doc, sid, marks=None).html
    page = render_section(doc, sid, marks=marks).html
    assert f'background-color:{HIGHLIGHTS["green"]}; color:#000000">西部陆海新通道' in page
    assert page.count('href="cqdesk-mark:11111111-1111-4111-8111-111111111111"') == 2  # the passage and its marker
    assert "<script>" not in page and "&lt;b&gt;笔记&lt;/b&gt;" in page
    # The report's own text is all there, in order; only the markers and the section's note are added.
    shown = _text_of(page).replace("[1] 本节 <b>笔记</b>", "").replace("[2]", "")
    assert shown.split() == _text_of(plain).split()
    paper = render_sections(doc, [sid], marks=marks)
    assert (
        "[1] 本节 &lt;b&gt;笔记&lt;/b&gt;" in paper
        and "[2] &lt;script&gt;alert(1)&lt;/script&gt; 对照<br/>第二行" in paper
    )


def test_a_search_hit_inside_a_highlight_still_shows_as_a_hit(doc):
    from cqdesk.report.render import LIGHT, PageMark, render_section

    sid = "plan/areas/2/1"
    text = doc.sections[sid].own_text
    start = text.index("西部陆海新通道")
    page = render_section(doc, sid, terms=["新通道"], marks={sid: [PageMark(start, start + 7, "pink")]}).html
    assert (
        f"background-color:{LIGHT.hit_bg}" in page.split("西部陆海")[1].split("</span></span>")[0]
        or f"background-color:{LIGHT.current_hit_bg}" in page.split("西部陆海")[1].split("</span></span>")[0]
    )
