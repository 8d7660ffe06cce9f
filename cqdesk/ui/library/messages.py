"""The domain's sentences about an import (why a file cannot be read, what in it is irregular), in the
interface's language. The domain speaks English with no Qt; each sentence it can say is matched here and
given its translation, its particulars (a number, a name) carried over. An unknown sentence stays as it is."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication


# (the domain's sentence as a pattern, its translation with %1… for the pattern's groups)
def _table() -> list[tuple[str, str]]:
    return [
        (r"the file holds no text", QCoreApplication.translate("ImportMessages", "the file holds no text")),
        (r"the file is empty", QCoreApplication.translate("ImportMessages", "the file is empty")),
        (r"it is a folder, not a file", QCoreApplication.translate("ImportMessages", "it is a folder, not a file")),
        (r"No such file or directory", QCoreApplication.translate("ImportMessages", "the file is not there")),
        (r"Permission denied", QCoreApplication.translate("ImportMessages", "the file may not be read")),
        (
            r"it is a damaged zip archive, not a report",
            QCoreApplication.translate("ImportMessages", "it is a damaged zip archive, not a report"),
        ),
        (
            r"it is a zip archive, not a Word document",
            QCoreApplication.translate("ImportMessages", "it is a zip archive, not a Word document"),
        ),
        (
            r"it is a PNG image, not a report",
            QCoreApplication.translate("ImportMessages", "it is a PNG image, not a report"),
        ),
        (
            r"it is a JPEG image, not a report",
            QCoreApplication.translate("ImportMessages", "it is a JPEG image, not a report"),
        ),
        (
            r"it is a GIF image, not a report",
            QCoreApplication.translate("ImportMessages", "it is a GIF image, not a report"),
        ),
        (
            r"it is a gzip archive, not a report",
            QCoreApplication.translate("ImportMessages", "it is a gzip archive, not a report"),
        ),
        (
            r"it is a 7-Zip archive, not a report",
            QCoreApplication.translate("ImportMessages", "it is a 7-Zip archive, not a report"),
        ),
        (
            r"it is a RAR archive, not a report",
            QCoreApplication.translate("ImportMessages", "it is a RAR archive, not a report"),
        ),
        (
            r"it is an old Word \(\.doc\) or other OLE file; save it as \.docx, not a report",
            QCoreApplication.translate(
                "ImportMessages", "it is an old Word (.doc) file; save it as .docx in Word or WPS and import that"
            ),
        ),
        (
            r"the file is (\d+) MB, far larger than any report",
            QCoreApplication.translate("ImportMessages", "the file is %1 MB, far larger than any report"),
        ),
        (r"no text was found in it", QCoreApplication.translate("ImportMessages", "no text was found in it")),
        (
            r"it holds ([\d,]+) characters of text; .*",
            QCoreApplication.translate(
                "ImportMessages",
                "it holds %1 characters of text, far more than a work report has: import each report on its own",
            ),
        ),
        (
            r"it is not text in any encoding cqdesk knows .*",
            QCoreApplication.translate("ImportMessages", "it is not text (is it an image or a program?)"),
        ),
        (r"it could not be read as (.+)", QCoreApplication.translate("ImportMessages", "it could not be read as %1")),
        (
            r"it holds binary data, not text",
            QCoreApplication.translate("ImportMessages", "it holds binary data, not text"),
        ),
        (r"it is an empty web page", QCoreApplication.translate("ImportMessages", "it is an empty web page")),
        (
            r"the web page has no paragraphs of text",
            QCoreApplication.translate("ImportMessages", "the web page has no paragraphs of text"),
        ),
        (r"it is a damaged PDF \((.*)\)", QCoreApplication.translate("ImportMessages", "it is a damaged PDF (%1)")),
        (
            r"the PDF has no text layer .*",
            QCoreApplication.translate(
                "ImportMessages", "the PDF has no text, only images (a scan?); cqdesk reads PDFs with text"
            ),
        ),
        (
            r"it is not a Word document that can be read \((.*)\)",
            QCoreApplication.translate("ImportMessages", "it is not a Word document that can be read (%1)"),
        ),
        (
            r"it does not look like a government work report \(no title ending 工作报告, no parts numbered 一、二、\)",
            QCoreApplication.translate(
                "ImportMessages", "it has no title ending in 工作报告 and no parts numbered 一、二、"
            ),
        ),
        (
            r"it does not look like a government work report \(no title ending 工作报告\)",
            QCoreApplication.translate("ImportMessages", "it has no title ending in 工作报告"),
        ),
        (
            r"the disk is full; the library is as it was",
            QCoreApplication.translate("ImportMessages", "the disk is full; the library is as it was"),
        ),
        (
            r"(.*); the library is as it was",
            QCoreApplication.translate("ImportMessages", "%1; the library is as it was"),
        ),
        (
            r"paragraph (\d+) \((.*)\): part (\S+) follows part (\d+)",
            QCoreApplication.translate("ImportMessages", "paragraph %1 (%2): part %3 follows part %4"),
        ),
        (
            r"paragraph (\d+) \((.*)\): section (\S+) follows section (\d+) of its part",
            QCoreApplication.translate(
                "ImportMessages", "paragraph %1 (%2): section %3 follows section %4 of its part"
            ),
        ),
        (
            r"paragraph (\d+) \((.*)\): point (\S+) follows point (\d+) of its section",
            QCoreApplication.translate("ImportMessages", "paragraph %1 (%2): point %3 follows point %4 of its section"),
        ),
    ]


def translated(message: str) -> str:
    """``message`` in the interface's language where it is one the domain says, else as it is."""
    return translated_by(_table(), message)


def translated_by(table: list[tuple[str, str]], message: str) -> str:
    """The first of ``table``'s patterns that matches ``message`` whole gives its translation."""
    for pattern, text in table:
        m = re.fullmatch(pattern, message)
        if m:
            for n, value in enumerate(m.groups(), 1):
                text = text.replace(f"%{n}", value)
            return text
    return message
