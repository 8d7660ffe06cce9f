"""Reports as users bring them home, made by one generator in every format, imported exactly; and files that
are not reports, refused with one sentence."""

import io
import zipfile

import pytest

from cqdesk.report.importing import ImportFailed, extract, format_of
from tests.fixtures import reports as R

WANT = R.report_paragraphs(2026)


@pytest.mark.parametrize(
    ("make", "fmt", "encoding"),
    [
        (lambda d: R.write_text(d / "a.txt"), "text", "utf-8"),
        (lambda d: R.write_text(d / "a.txt", "utf-8-sig", "\r\n"), "text", "utf-8-sig"),
        (lambda d: R.write_text(d / "a.txt", "gb18030", "\r\n"), "text", "gb18030"),
        (lambda d: R.write_text(d / "a.txt", "gbk"), "text", "gb18030"),
        (lambda d: R.write_text(d / "a.txt", "utf-16"), "text", "utf-16"),
        (lambda d: R.write_text(d / "a.txt", newline="\r"), "text", "utf-8"),
        (lambda d: R.write_docx(d / "a.docx"), "docx", ""),
        (lambda d: R.write_html(d / "a.html"), "html", "utf-8"),
        (lambda d: R.write_html(d / "a.htm", "gbk"), "html", "gb18030"),
    ],
    ids=["utf-8", "utf-8-bom-crlf", "gb18030-crlf", "gbk", "utf-16", "cr", "docx", "html", "html-gbk"],
)
def test_every_format_gives_the_paragraphs_exactly(tmp_path, make, fmt, encoding):
    got = extract(make(tmp_path).read_bytes())
    assert (got.format, got.encoding) == (fmt, encoding)
    assert got.paragraphs == WANT


def test_a_web_page_keeps_the_article_alone(tmp_path):
    got = extract(R.write_html(tmp_path / "a.html").read_bytes()).paragraphs
    text = "".join(got)
    for chrome in ("首页", "当前位置", "字号", "打印正文", "分享到", "主办单位", "ICP", "统计代码", "领导之窗"):
        assert chrome not in text, chrome


@pytest.mark.parametrize("kw", [{}, {"filler": 40}, {"year": 2027, "irregular": True}], ids=["short", "long", "2027"])
def test_a_pdf_is_joined_back_into_paragraphs(qapp, tmp_path, kw):
    """Lines re-joined, the running header and page numbers dropped, radicals and spaces put right."""
    got = extract(R.write_pdf(tmp_path / "a.pdf", **kw).read_bytes())
    assert got.format == "pdf" and got.paragraphs == R.report_paragraphs(**kw)


def _zip(names):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for n in names:
            z.writestr(n, "x")
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"", "the file is empty"),
        (b"  \r\n\t", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "it is a PNG image"),
        (b"\xff\xd8\xff\xe0" + bytes(200), "it is a JPEG image"),
        (_zip(["photos/a.jpg"]), "it is a zip archive, not a Word document"),
        (b"PK\x03\x04" + b"broken" * 20, "damaged zip archive"),
        (_zip(["word/document.xml", "[Content_Types].xml"]), "not a Word document that can be read"),
        (b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF", "PDF"),
        (b"\x00\x01\x02\x03" * 100, "binary data"),
    ],
    ids=["empty", "blank", "png", "jpeg", "zip", "broken-zip", "fake-docx", "damaged-pdf", "binary"],
)
def test_files_that_are_not_reports_get_one_sentence(data, why):
    with pytest.raises(ImportFailed, match=why):
        extract(data)


def test_a_pdf_without_text_says_it_may_be_a_scan(qapp, tmp_path):
    from PySide6.QtGui import QImage, QPainter, QPdfWriter

    path = tmp_path / "scan.pdf"
    writer = QPdfWriter(str(path))
    painter = QPainter(writer)
    image = QImage(200, 200, QImage.Format.Format_RGB32)
    image.fill(0x888888)
    painter.drawImage(0, 0, image)
    painter.end()
    with pytest.raises(ImportFailed, match=r"no text layer \(a scan\?\)"):
        extract(path.read_bytes())


def test_the_format_is_told_from_the_content_not_the_name():
    assert format_of(b"\xef\xbb\xbf<!DOCTYPE html><html>") == "html"
    assert format_of("政府工作报告".encode("gb18030")) == "text"
    assert format_of(b"%PDF-1.7") == "pdf"
