"""A web page saved from a government site: the article alone, without the site around it.

lxml's HTML parser reads the page (any encoding it declares); scripts, styles, forms and navigation go; the
article is the element whose own paragraphs hold the most text; each of its paragraphs (and each line of a
<br>-broken block) is one paragraph. A title in <h1> above the article's text is kept when the text has
none.
"""

from __future__ import annotations

from . import Extracted, ImportFailed, clean
from .text import decode

_DROP = ("script", "style", "noscript", "form", "nav", "header", "footer", "iframe", "button", "select")
_BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "li", "td", "section", "article", "blockquote")


def read(data: bytes) -> Extracted:
    from lxml import etree

    text, encoding = _decode(data)
    root = etree.fromstring(text, etree.HTMLParser())
    if root is None:
        raise ImportFailed("it is an empty web page")
    for el in list(root.iter(*_DROP)):
        _remove(el)
    best, best_len = None, 0
    for el in root.iter("div", "article", "section", "td", "body"):
        own = sum(len("".join(p.itertext())) for p in el if p.tag == "p")
        if own > best_len:
            best, best_len = el, own
    if best is None:
        raise ImportFailed("the web page has no paragraphs of text")
    paragraphs = _paragraphs(best)
    title = next((clean("".join(h.itertext())) for h in root.iter("h1")), "")
    if title and "工作报告" in title and (not paragraphs or "工作报告" not in paragraphs[0]):
        paragraphs.insert(0, title)
    return Extracted(paragraphs, "html", encoding)


def _decode(data: bytes) -> tuple[str, str]:
    import re

    declared = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", data[:4096], re.I)
    if declared:
        name = declared.group(1).decode("ascii").lower()
        name = "gb18030" if name in ("gb2312", "gbk", "gb18030") else name
        try:
            return data.decode(name), name
        except (UnicodeDecodeError, LookupError):
            pass  # a page that lies about its encoding: detect it
    return decode(data)


def _remove(el: object) -> None:
    parent = el.getparent()  # type: ignore[attr-defined]
    if parent is not None:
        tail = el.tail  # type: ignore[attr-defined]
        if tail:
            prev = el.getprevious()  # type: ignore[attr-defined]
            if prev is not None:
                prev.tail = (prev.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
        parent.remove(el)


def _paragraphs(container: object) -> list[str]:
    out: list[str] = []
    for el in container:  # type: ignore[attr-defined]
        if not isinstance(el.tag, str):
            continue
        if el.tag == "br":
            continue
        if el.tag in _BLOCKS and any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in el):
            out += _paragraphs(el)  # a block of blocks: its own paragraphs
            continue
        out += _lines(el)
    return [p for p in out if p]


def _lines(el: object) -> list[str]:
    """The element's text, split where it has <br>."""
    parts = [el.text or ""]  # type: ignore[attr-defined]
    for child in el:  # type: ignore[attr-defined]
        if child.tag == "br":
            parts.append("\n")
        else:
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return [clean(line) for line in "".join(parts).split("\n")]
