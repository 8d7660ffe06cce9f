"""Every colour the page uses against its ground meets WCAG 2.1 AA: 4.5:1 for text, 3:1 for large headings."""

import pytest

from cqdesk.report.render import DARK, HIGH_CONTRAST, HIGHLIGHTS, LIGHT, PRINT, SPEAKING_GROUND

PAGE_GROUNDS = {
    "light": (LIGHT, "#ffffff"),
    "dark": (DARK, "#1e1e20"),
    "high contrast": (HIGH_CONTRAST, "#000000"),
    "print": (PRINT, "#ffffff"),
}


def luminance(color: str) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def ratio(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def pairs(theme):
    p, ground = PAGE_GROUNDS[theme]
    yield "body text", p.text, ground, 4.5
    yield "muted lines (occasion, breadcrumb, related notes)", p.muted, ground, 4.5
    yield "headings (large)", p.heading, ground, 3.0
    yield "links", p.link, ground, 4.5
    yield "figures (bold, body size)", p.figure, ground, 4.5
    yield "■ key point text", p.text, p.keypoint_bg, 4.5
    yield "■ key point figures", p.figure, p.keypoint_bg, 4.5
    yield "table headers", p.text, p.keypoint_bg, 4.5
    yield "search hits", p.hit_text, p.hit_bg, 4.5
    yield "the current hit", p.hit_text, p.current_hit_bg, 4.5
    for name, shade in HIGHLIGHTS.items():
        yield f"{name} highlight", "#000000", shade, 4.5
    yield "the sentence read aloud", "#000000", SPEAKING_GROUND, 4.5


@pytest.mark.parametrize("theme", PAGE_GROUNDS)
def test_every_page_colour_meets_wcag_aa(theme):
    failing = [
        f"{what}: {fg} on {bg} is {ratio(fg, bg):.2f}:1, needs {need}:1"
        for what, fg, bg, need in pairs(theme)
        if ratio(fg, bg) < need
    ]
    assert failing == []


def test_a_figure_inside_a_mark_takes_the_mark_s_text_colour(doc):
    """In the dark theme the figure colour on a light mark was 1.3:1: the renderer drops it inside marks."""
    from cqdesk.report.render import PageMark, render_section

    sid = "plan/targets"
    text = doc.sections[sid].own_text
    start = text.index("6%左右")
    for palette in (LIGHT, DARK):
        coloured = f'<b style="color:{palette.figure}">6%左右'
        plain = render_section(doc, sid, palette).html
        everywhere = plain.count(coloured)
        assert everywhere >= 2  # outside any mark: the figure colour (in the lines and the table)
        searched = render_section(doc, sid, palette, terms=["6%左右"]).html
        assert searched.count(coloured) == 0 and searched.count("<b>6%左右</b>") == everywhere
        marked = render_section(doc, sid, palette, marks={sid: [PageMark(start, start + 5, "green")]}).html
        assert marked.count(coloured) == everywhere - 1 and marked.count("<b>6%左右</b>") == 1


def test_the_ratio_is_wcag_s():
    assert round(ratio("#000000", "#ffffff"), 1) == 21.0
    assert round(ratio("#767676", "#ffffff"), 2) == 4.54  # the lightest grey that passes on white
