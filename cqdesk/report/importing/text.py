"""Plain text: UTF-8 (with or without a BOM), GB18030/GBK, UTF-16; CRLF, LF or CR. One line, one paragraph."""

from __future__ import annotations

import codecs
import re

from . import Extracted, ImportFailed, clean

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes) -> tuple[str, str]:
    """The text and its encoding: a BOM's, UTF-8 when it decodes, else what charset-normalizer finds (GB18030
    for GBK and GB2312, which it extends)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ImportFailed("it is not text in any encoding cqdesk knows (is it an image or a program?)")
    name = best.encoding.replace("_", "-")
    if name in ("gb2312", "gbk", "gb18030", "hz"):
        name = "gb18030"  # a superset: decodes all of them the same
    try:
        return data.decode(name), name
    except (UnicodeDecodeError, LookupError):
        raise ImportFailed(f"it could not be read as {name}") from None


def read(data: bytes) -> Extracted:
    text, encoding = decode(data)
    if "\x00" in text:
        raise ImportFailed("it holds binary data, not text")
    paragraphs = [p for p in (clean(line) for line in re.split(r"\r\n|\n|\r", text)) if p]
    return Extracted(paragraphs, "text", encoding)
