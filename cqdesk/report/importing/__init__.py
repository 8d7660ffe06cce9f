"""Reading a report out of the file a user brought home: plain text, Word, a saved web page or a PDF.

Each format has a module with one function, ``read(data) -> Extracted``: the report's paragraphs, in order,
each stripped of its indentation, as the file has them. The format is told from the content, not from the
file's name. ImportFailed says, in one sentence, why a file cannot be read.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from io import BytesIO

MAX_BYTES = 64 * 1024 * 1024  # a report's file is a few MB at most; past this it is something else
# A work report's text is 20,000 to 60,000 characters; a saved page or a PDF may be tens of MB around it. Ten
# times the longest is still a report (with its appendices); a text of millions is a collection or a book, and
# its database would take minutes and gigabytes to build.
MAX_CHARACTERS = 1_000_000


class ImportFailed(ValueError):
    """The file cannot be read as a report; the message says why. Nothing was stored."""


@dataclass
class Extracted:
    paragraphs: list[str]
    format: str  # text, docx, html, pdf
    encoding: str = ""  # the text's encoding where the format has one
    warnings: list[str] = field(default_factory=list)


def format_of(data: bytes) -> str:
    """pdf, docx, html or text, from the bytes themselves."""
    head = data[:4096]
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            names = zipfile.ZipFile(BytesIO(data)).namelist()
        except zipfile.BadZipFile:
            raise ImportFailed("it is a damaged zip archive, not a report") from None
        if "word/document.xml" in names:
            return "docx"
        raise ImportFailed("it is a zip archive, not a Word document")
    low = head.lower()
    for magic, what in ((b"\x89png", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"gif8", "a GIF image"),
                        (b"\x1f\x8b", "a gzip archive"), (b"7z\xbc\xaf", "a 7-Zip archive"), (b"rar!", "a RAR archive"),
                        (b"\xd0\xcf\x11\xe0", "an old Word (.doc) or other OLE file; save it as .docx")):  # fmt: skip
        if low.startswith(magic):
            raise ImportFailed(f"it is {what}, not a report")
    text = low.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith((b"<!doctype html", b"<html", b"<head", b"<meta", b"<body")) or b"<html" in low[:1024]:
        return "html"
    return "text"


def extract(data: bytes) -> Extracted:
    """The paragraphs of a report file of any format cqdesk reads."""
    if not data.strip():
        raise ImportFailed("the file is empty")
    if len(data) > MAX_BYTES:
        raise ImportFailed(f"the file is {len(data) / 2**20:.0f} MB, far larger than any report")
    fmt = format_of(data)
    if fmt == "pdf":
        from . import pdf as reader
    elif fmt == "docx":
        from . import docx as reader  # type: ignore[no-redef]
    elif fmt == "html":
        from . import html as reader  # type: ignore[no-redef]
    else:
        from . import text as reader  # type: ignore[no-redef]
    out = reader.read(data)
    if not out.paragraphs:
        raise ImportFailed("no text was found in it")
    characters = sum(map(len, out.paragraphs))
    if characters > MAX_CHARACTERS:
        raise ImportFailed(
            f"it holds {characters:,} characters of text; a government work report has fewer than 100,000, so "
            f"this is not one report (cqdesk imports up to {MAX_CHARACTERS:,}: import each report on its own)"
        )
    return out


def clean(line: str) -> str:
    """A paragraph without its indentation (full-width spaces, tabs) or trailing white space."""
    return line.strip(" \t\r\n\u3000\u2002\u2003\u00a0\ufeff")
