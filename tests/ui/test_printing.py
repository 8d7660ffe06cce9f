import itertools
import os
import re
import subprocess
import sys

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from cqdesk.ui.printing.layout import Box, PrintJob, PrintTexts, paginate
from cqdesk.ui.printing.pdf import ExportError, export_pdf
from tests.conftest import REPO, source_lines

TITLE = "2025年重庆市政府工作报告"
ZH = PrintTexts(page_of="第 %1 页 / 共 %2 页", included="本次打印：")
FOOTER = re.compile(r"^第\s*(\d+)\s*页\s*/\s*共\s*(\d+)\s*页$")


@pytest.fixture(scope="module")
def app(qapp):  # a QApplication first: widget tests may follow in the same process
    from cqdesk.ui.fonts import register_fonts

    register_fonts()  # the words on paper come from ZH below, not from an installed translator
    return qapp


def pdf_pages(path):
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return [[ln.strip() for ln in page.splitlines() if ln.strip()] for page in out.stdout.split("\f") if page.strip()]


def body_text(pages):
    """The text of every page without its running header (first line) and footer (last line)."""
    return "".join("".join(p[1:-1]) for p in pages).replace(" ", "")


def export(doc, tmp_path, sections, name="out.pdf", **kw):
    path = tmp_path / name
    result = export_pdf(doc, sections, path, texts=ZH, **kw)
    assert result.path == path and path.stat().st_size == result.size
    return path, result


@pytest.fixture(scope="module")
def whole(app, doc, tmp_path_factory):
    path, result = export(doc, tmp_path_factory.mktemp("pdf"), ["report"])
    return path, result, pdf_pages(path)


def test_whole_report_text_comes_back_in_order(whole):
    _, _, pages = whole
    text = body_text(pages)
    pos = 0
    for line in source_lines():
        found = text.find(line.replace(" ", ""), pos)
        assert found >= 0, line
        pos = found + 1


def test_no_radical_look_alikes(whole):
    _, _, pages = whole
    text = "".join("".join(p) for p in pages)
    assert not [c for c in text if 0x2E80 <= ord(c) <= 0x2FDF]
    assert text.count("工作") >= 10


def test_header_and_footer_on_every_page(whole):
    _, result, pages = whole
    assert len(pages) == result.pages >= 5
    for n, page in enumerate(pages, 1):
        assert page[0].startswith(TITLE)
        m = FOOTER.match(page[-1])
        assert m and (int(m[1]), int(m[2])) == (n, len(pages))
    assert any(p[0].endswith("2025年政府工作") for p in pages)


def test_the_pdf_names_its_language_shows_its_title_and_tags_its_font_subsets(whole):
    """What pdfinfo and pdffonts read: the language (zh-CN), the title shown in the title bar, PDF 1.7, and
    each embedded font a subset with its tag (six capitals and a plus)."""
    path, _, pages = whole
    reader = PdfReader(path)
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "zh-CN" and bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert path.read_bytes().startswith(b"%PDF-1.7")
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            names.add(str(font["/BaseFont"]))
            for d in font.get("/DescendantFonts", []):
                d = d.get_object()
                assert d["/BaseFont"] == font["/BaseFont"] == d["/FontDescriptor"]["/FontName"]
    assert names and all(re.fullmatch(r"/[A-Z]{6}\+cqdeskSansSC-(Regular|Bold)", n) for n in names), names
    assert pages[-1][1:-1] != [] and len([line for line in pages[-1][1:-1] if line.strip()]) >= 2  # no lone line


def test_metadata_and_outline(whole):
    path, _, _ = whole
    reader = PdfReader(path)
    assert reader.metadata.title == TITLE
    assert reader.metadata.author == "重庆市市长 胡衡华"
    assert reader.metadata.creator.startswith("cqdesk ")
    top = [o for o in reader.outline if not isinstance(o, list)]
    assert [o.title for o in top] == [TITLE]
    flat = []

    def walk(items):
        for o in items:
            if isinstance(o, list):
                walk(o)
            else:
                flat.append(o.title)

    walk(reader.outline)
    assert (
        "2024年工作回顾" in flat and "1.加快构建现代化集疏运体系" in flat and "民生实事一览" in flat and len(flat) == 61
    )


def test_one_area_alone(app, doc, tmp_path):
    path, _ = export(doc, tmp_path, ["plan/areas/2"])
    text = body_text(pdf_pages(path))
    for item in ("加快构建现代化集疏运体系", "加快建设高能级开放平台", "加快打造国际经贸合作中心", "常态化开行"):
        assert item in text
    for other in ("唱好新时代西部", "推动形成数字重庆基本能力", "本次打印"):
        assert other not in text


def test_two_sections_print_in_document_order(app, doc, tmp_path):
    path, _ = export(doc, tmp_path, ["plan/areas/8/1", "review/tasks/3"])
    pages = pdf_pages(path)
    text = body_text(pages)
    assert text.index("本次打印：3、抓教育兴科技育人才") < text.index("3、抓教育兴科技育人才，创新创造活力迸发教育强市")
    assert text.index("教育强市建设扎实推进") < text.index("1.多措并举抓就业促增收■深化百万高校毕业生")
    assert "2、抓制造优服务" not in text and "2.健全多层次社会保障体系" not in text
    outline = [o.title for o in PdfReader(path).outline if not isinstance(o, list)]
    assert outline == ["3、抓教育兴科技育人才，创新创造活力迸发", "1.多措并举抓就业促增收"]


def test_letter_paper_and_landscape(app, doc, tmp_path):
    path, _ = export(doc, tmp_path, ["plan"], paper="Letter")
    box = PdfReader(path).pages[0].mediabox
    assert (round(box.width), round(box.height)) == (612, 792)
    path, _ = export(doc, tmp_path, ["plan"], name="l.pdf", orientation="landscape")
    box = PdfReader(path).pages[0].mediabox
    assert (round(box.width), round(box.height)) == (842, 595)


def test_fonts_are_the_bundled_subset(whole):
    path, _, _ = whole
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    fonts = [line.split()[0] for line in out.splitlines()[2:]]
    assert fonts and all(re.fullmatch(r"[A-Z]{6}\+cqdeskSansSC-\w+", f) for f in fonts)  # subsets, tagged
    assert all(line.split()[4:7] == ["yes", "yes", "yes"] for line in out.splitlines()[2:])  # emb sub uni


def test_same_text_without_any_system_font(whole, tmp_path):
    """A machine with no Chinese (or any) fonts: the bundled subset alone gives the same text."""
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<cachedir>{tmp_path}/cache</cachedir></fontconfig>"
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "QT_QPA_PLATFORM": "offscreen"}
    out = tmp_path / "bare.pdf"
    run = subprocess.run(
        [sys.executable, "-m", "cqdesk", "export-pdf", "-o", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert pdf_pages(out) == whole[2]


def test_pagination_keeps_headings_with_their_text():
    boxes = [Box(0, 100), Box(100, 180), Box(180, 200, keep_with_next=True), Box(200, 230), Box(230, 260)]
    assert paginate(boxes, 210) == [0, 180]  # the heading moves down with its first line
    assert paginate([Box(0, 500)], 210) == [0, 210, 420]  # taller than a page: cut


def test_a_sections_last_line_never_stands_alone_at_the_top_of_a_page():
    lines = [Box(n * 20, n * 20 + 20) for n in range(11)]  # 11 lines of 20 on pages of 200: one left over
    assert paginate(lines, 200) == [0, 180]  # the line before goes over with it
    heading = Box(220, 240, keep_with_next=True)
    more = [*lines, heading, Box(240, 260)]  # the section ends, another begins on the same page
    assert paginate(more, 200) == [0, 180]
    # Where the page it goes to has no room for one line more, the cut stays.
    full = [Box(n * 20, n * 20 + 20) for n in range(10)] + [Box(200, 220), Box(220, 240, keep_with_next=True)]
    full += [Box(240 + n * 20, 260 + n * 20) for n in range(8)]
    assert paginate(full, 200) == [0, 200]


def test_real_pages_never_end_on_a_heading_or_split_a_key_point(app, doc):
    from PySide6.QtGui import QPdfWriter

    from cqdesk.ui.printing.layout import page_layout

    for paper, orientation in (("A4", "portrait"), ("Letter", "portrait"), ("A4", "landscape")):
        job = PrintJob(doc, ["report"], ZH)
        writer = QPdfWriter(os.devnull)
        writer.setPageLayout(page_layout(paper, orientation))
        job.layout(writer)
        boxes = job.boxes()
        body = job.geometry(writer)[2]
        for start in job.page_starts[1:]:
            before = [b for b in boxes if b.bottom <= start + 0.5]
            after = next(b for b in boxes if b.top >= start - 0.5)
            if before[-1].keep_with_next:  # allowed only when heading and block cannot share a page
                chain = [b for b in before if b.keep_with_next and b.top >= before[-1].top - 200]
                assert after.bottom - min(b.top for b in chain) > body, (paper, orientation, start)
            # Nothing runs across a cut (2 units of slack: a table's bottom border overlaps the next line box).
            assert not [b for b in boxes if b.top < start - 2 and b.bottom > start + 2], (paper, start)


def test_failed_export_keeps_the_old_file(app, doc, tmp_path, monkeypatch):
    target = tmp_path / "good.pdf"
    target.write_bytes(b"%PDF old good file")
    from cqdesk.ui.printing import pdf as pdf_export

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pdf_export, "_add_outline", boom)
    with pytest.raises(ExportError, match="no space left on the disk"):
        export_pdf(doc, ["plan"], target)
    assert target.read_bytes() == b"%PDF old good file"
    assert [p.name for p in tmp_path.iterdir()] == ["good.pdf"]


@pytest.mark.parametrize(
    ("where", "message"), [("folder", "is a folder"), ("missing", "does not exist"), ("proc", "cqdesk-test.pdf")]
)
def test_unwritable_targets(app, doc, tmp_path, where, message):
    target = {"folder": tmp_path, "missing": tmp_path / "no" / "x.pdf", "proc": "/proc/cqdesk-test.pdf"}[where]
    with pytest.raises(ExportError, match=message):
        export_pdf(doc, ["plan"], target)


def test_cli_export_errors():
    for args, message in ((["--section", "nope"], "no section 'nope'"), ([], "is a folder")):
        out = subprocess.run(
            [sys.executable, "-m", "cqdesk", "export-pdf", "-o", str(REPO), *args], capture_output=True, text=True
        )
        assert out.returncode == 1 and message in out.stderr and "Traceback" not in out.stderr


# In the window ------------------------------------------------------------------------------


def test_selection_mode_checks_children_and_shows_partial(window):
    model = window.model
    window.commands.select_mode.trigger()
    assert window.printing.bar.isVisible()
    area = model.index_of("plan/areas/2")
    assert model.data(area, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    model.setData(area, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert model.check_state("plan/areas/2/3") == Qt.CheckState.Checked
    assert model.check_state("plan/areas") == Qt.CheckState.PartiallyChecked
    assert model.check_state("plan") == Qt.CheckState.PartiallyChecked
    model.setData(model.index_of("review/tasks/3"), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert window.printing.chosen() == ["review/tasks/3", "plan/areas/2"]
    assert window.printing.bar.count.text() == "2 sections chosen"
    window.printing.bar.all.click()
    assert window.printing.chosen() == ["report"]
    window.printing.bar.none.click()
    window.navigate("plan/targets")
    assert window.printing.chosen() == ["plan/targets"]  # nothing checked: the current section
    window.printing.bar.current.click()
    assert model.check_state("plan/targets") == Qt.CheckState.Checked
    window.commands.select_mode.trigger()  # leaving the mode hides the boxes and keeps the choice
    assert not window.printing.bar.isVisible() and model.checked_sections() == ["plan/targets"]
    assert window.printing.chosen() == ["plan/targets"] and window.detail.section_id == "plan/targets"


def test_print_preview_paints_the_chosen_pages(window, print_preview):
    window.navigate("plan/areas/5")
    window.commands.print_.trigger()
    (pdf,) = print_preview
    text = body_text(pdf_pages(pdf))
    assert "迭代实施乡村振兴“四千行动”" in text and "唱好新时代西部" not in text


def test_export_in_the_window(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window.navigate("review/tasks/9")
    result = window.printing.export_to(tmp_path / "t9.pdf")
    assert result.pages == 1 and "9、抓民生办实事暖民心" in body_text(pdf_pages(result.path))
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    assert window.printing.export_to(tmp_path) is None
    assert "is a folder" in warnings[0]


def test_paper_speaks_the_reports_language_with_an_english_interface(window, print_preview):
    window.printing.set_selection_mode(True)
    for sid in ("review/tasks/1", "plan/areas/2/1"):
        window.model.set_checked(sid, True)
    window.commands.print_.trigger()
    (pdf,) = print_preview
    pages = pdf_pages(pdf)
    first = "\n".join(pages[0])
    assert "第1页/共1页" in first.replace(" ", "") and "Page 1 of" not in first
    assert "本次打印：" in first and "Sections included" not in first
    assert "重庆市市长 胡衡华" in first  # the cover names the speaker as the report does


def test_suggested_pdf_names_are_never_cut_mid_word(report):
    from cqdesk.ui.printing.controller import suggested_name

    doc = report.document
    assert suggested_name(doc, ["report"]) == "2025年重庆市政府工作报告"
    assert suggested_name(doc, ["review/tasks/1", "plan/areas/2"]) == "2025年重庆市政府工作报告-节选"
    assert suggested_name(doc, ["review/tasks/7"]) == "2025年重庆市政府工作报告-7、抓城乡促融合提品质"
    for sid in doc.sections:
        name = suggested_name(doc, [sid])
        heading = name.partition("-")[2]
        assert not heading or heading == "节选" or doc.sections[sid].heading.startswith(heading)
        assert not any(c in name for c in '\\/:*?"<>|')


def test_print_preview_opens_at_page_width_and_remembers_the_zoom(window, monkeypatch):
    from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget

    seen = []

    def exec_(dialog):
        preview = dialog.findChild(QPrintPreviewWidget)
        seen.append(preview.zoomMode())
        preview.setZoomFactor(1.5)  # the reader zooms in
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", exec_)
    window.commands.print_.trigger()
    assert seen == [QPrintPreviewWidget.ZoomMode.FitToWidth]
    assert window.settings.preferences.get("preview_zoom") == 150

    def exec_again(dialog):
        preview = dialog.findChild(QPrintPreviewWidget)
        seen.append((preview.zoomMode(), round(preview.zoomFactor(), 2)))
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", exec_again)
    window.commands.print_.trigger()
    assert seen[1] == (QPrintPreviewWidget.ZoomMode.CustomZoom, 1.5)


def test_pages_are_filled_and_a_long_table_breaks_between_rows_with_its_header_again(doc, tmp_path):
    from PySide6.QtGui import QPdfWriter

    from cqdesk.ui.printing.layout import page_layout

    job = PrintJob(doc, [doc.root.id], ZH)
    writer = QPdfWriter(str(tmp_path / "layout.pdf"))
    writer.setPageLayout(page_layout("A4", "portrait"))
    job.layout(writer)
    _, _, body, _ = job.geometry(writer)
    starts = [*job.page_starts, job.text.size().height()]
    for page, (start, end) in enumerate(itertools.pairwise(starts[:-1])):
        head = job.head_repeated_at(start)
        room = body - (head.height if head else 0)
        assert (end - start) / room > 0.75, f"page {page + 1} is {(end - start) / room:.0%} full"
    pages = pdf_pages(export(doc, tmp_path, [doc.root.id])[0])
    heads = [p for p in pages if any(line.split() == ["指标", "2024年", "2025年"] for line in p)]
    assert len(heads) == 2, "a table that goes on to the next page repeats its header row there"
    assert heads[1][1].split() == ["指标", "2024年", "2025年"]  # first under the running header
