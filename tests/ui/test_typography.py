"""The page's typography on screen: a capped measure, one line rhythm, the title aligned with its cover lines."""

from __future__ import annotations


def _blocks(document):
    block = document.begin()
    while block.isValid():
        yield block
        block = block.next()


def test_lines_are_capped_and_the_column_centred_in_a_wide_window(window, qtbot):
    window.resize(1800, 900)
    window.splitter.setSizes([300, 1500])
    qtbot.waitUntil(lambda: window.detail.viewport().width() > 1300, timeout=3000)
    window.navigate("review")
    document = window.detail.document()
    longest = max(
        block.layout().lineAt(i).textLength() for block in _blocks(document) for i in range(block.layout().lineCount())
    )
    assert 30 <= longest <= 40
    fmt = document.rootFrame().frameFormat()
    assert abs(fmt.leftMargin() - fmt.rightMargin()) < 1 and fmt.leftMargin() > 200
    window.resize(700, 700)  # a narrow window keeps a small margin
    qtbot.waitUntil(lambda: document.rootFrame().frameFormat().leftMargin() < 40, timeout=3000)


def test_key_points_keep_the_body_line_height(window):
    window.navigate("plan/areas/2/1")
    lines = set(window.report.section_text("plan/areas/2/1").splitlines())
    heights = {}
    for block in _blocks(window.detail.document()):
        if block.text() in lines and not block.blockFormat().headingLevel():
            fmt = block.blockFormat()
            heights[block.text()[:1]] = (fmt.lineHeightType(), round(fmt.lineHeight()))
    assert set(heights) == {"提", "■"} and len(set(heights.values())) == 1, heights


def test_the_title_is_centred_like_the_occasion_and_speaker(window):
    window.navigate("report")
    aligns = {}
    for block in _blocks(window.detail.document()):
        if block.text() in ("2025年重庆市政府工作报告", "重庆市市长 胡衡华") or block.text().startswith("——2025"):
            aligns[block.text()[:6]] = int(block.blockFormat().alignment())
    assert len(aligns) == 3 and len(set(aligns.values())) == 1, aligns
