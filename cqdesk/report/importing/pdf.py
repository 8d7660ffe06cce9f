"""A PDF with a text layer, through pypdf: the visual lines joined back into paragraphs.

Text extraction breaks every line and repeats the running header and the page number on each page; it puts
spaces between digits and Chinese (2026 年1 月). Here: lines that recur on most pages, and lines that are
only a page number, are dropped; a line that reaches (nearly) the full width of the page's longest lines
goes on into the next, a shorter one ends its paragraph, and a line that opens a part, a section or a point
starts one; the extraction's spaces beside Chinese characters are taken out.
"""

from __future__ import annotations

import re
from collections import Counter
from io import BytesIO

from . import Extracted, ImportFailed, clean

_PAGE_NUMBER = re.compile(r"^[-–—－\s]*(第\s*)?\d{1,4}(\s*页)?(\s*/\s*\d+)?[-–—－\s]*$")
_STARTS = re.compile(  # what opens a paragraph: a part, a section, a point, a list's dash, the salutation
    r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.、．](?!\d)|[①-⑳]|——|各位代表|名词解释)"
)
_INDENT_INSIDE = re.compile(r"(?<=\S)(?=[\u3000\u2002\u2003]{2}\S)")
_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_SPACE_BESIDE_CJK = re.compile(rf"(?<=[{_CJK}])[ \t]+|[ \t]+(?=[{_CJK}])")


def read(data: bytes) -> Extracted:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError, PyPdfError

    try:
        reader = PdfReader(BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, PyPdfError, ValueError, KeyError, OSError) as exc:
        raise ImportFailed(f"it is a damaged PDF ({str(exc)[:80]})") from None
    if not any(p.strip() for p in pages):
        raise ImportFailed("the PDF has no text layer (a scan?): cqdesk reads PDFs with text, not images")
    # A line extracted with its paragraph's indentation (full-width spaces) opens a paragraph.
    # A paragraph's indentation in the middle of an extracted line: two visual lines the extraction ran together.
    split = [[part for line in page.splitlines() for part in _INDENT_INSIDE.split(line)] for page in pages]
    lines_of = [[(_despace(clean(line)), line[:1].isspace()) for line in page]
                for page in split]  # fmt: skip
    lines_of = [[(line, opens) for line, opens in lines if line] for lines in lines_of]
    running = _running([[line for line, _ in lines] for lines in lines_of])
    lines = [(line, opens) for page in lines_of for line, opens in page
             if line not in running and not _PAGE_NUMBER.match(line)]  # fmt: skip
    return Extracted(_join(lines), "pdf")


# Fonts such as Noto CJK map some ideographs' glyphs to the look-alike radicals (⼈ U+2F08 for 人, ⺠ U+2EA0 for
# 民) in the PDF's character map, so extraction gives radicals; Qt also draws —— as one two-em dash glyph.
_RADICALS = {
    "⺠": "民", "⻘": "青", "⻓": "长", "⻝": "食", "⻅": "见", "⻛": "风", "⻔": "门", "⻜": "飞", "⻢": "马",
    "⻋": "车", "⻉": "贝", "⻚": "页", "⻥": "鱼", "⻦": "鸟", "⻨": "麦", "⻩": "黄", "⻬": "齐", "⻮": "齿",
    "⻰": "龙", "⻳": "龟", "⺟": "母", "⻄": "西", "⻆": "角", "⺮": "竹", "⻁": "虎", "⼾": "户", "⻣": "骨",
    "⸺": "——", "⸻": "———", "\u2003": "\u3000",  # an em space is how a PDF shows a full-width one
}  # fmt: skip


def _despace(line: str) -> str:
    import unicodedata

    line = "".join(
        _RADICALS.get(ch) or (unicodedata.normalize("NFKC", ch) if "\u2f00" <= ch <= "\u2fdf" else ch) for ch in line
    )
    return _SPACE_BESIDE_CJK.sub("", line)


def _running(pages: list[list[str]]) -> set[str]:
    """Lines at the top or bottom of most pages (a running header or footer), digits aside."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for lines in pages:
        seen.update({line for line in lines[:2] + lines[-2:]})
    least = len(pages) if len(pages) < 5 else len(pages) * 0.6  # on every page of a short file
    return {line for line, n in seen.items() if n >= least}


def _join(lines: list[tuple[str, bool]]) -> list[str]:
    if not lines:
        return []
    full = sorted(len(line) for line, _ in lines)[int(len(lines) * 0.9)]  # the page's full line, in characters
    paragraphs: list[str] = []
    current = ""
    for line, opens in lines:
        if current and (opens or _STARTS.match(line)):
            paragraphs.append(current)
            current = ""
        current += line
        if len(line) < full * 0.8:  # a short line ends its paragraph
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs
