"""The print renderer's page as valid HTML5, for the HTML export: one renderer for screen, paper and file.

Qt's rich text reads presentational attributes (align, valign, width, cellspacing, cellpadding, border) and
named anchors, where it reads no CSS for them; a browser and the W3C validator want CSS and ids. Each such
attribute becomes the style it stands for, with lxml's HTML parser (lxml.etree's: the installers leave
lxml.html out), never with regular expressions over markup.
"""

from __future__ import annotations

from typing import Any


def _length(value: str) -> str:
    value = value.strip()
    return value if value.endswith("%") or not value.isdigit() else f"{value}px"


def _add_style(el: Any, css: str) -> None:
    old = (el.get("style") or "").strip().rstrip(";")
    el.set("style", f"{old}; {css}" if old else css)


def _pop(el: Any, name: str) -> str | None:
    value = el.get(name)
    if value is None:
        return None
    del el.attrib[name]
    return str(value)


def html5(page: str) -> str:
    from lxml import etree

    root = etree.fromstring(page, etree.HTMLParser())
    for table in root.iter("table"):
        spacing, padding, border = _pop(table, "cellspacing"), _pop(table, "cellpadding"), _pop(table, "border")
        if spacing is not None:
            _add_style(table, "border-collapse:collapse" if spacing.strip() == "0" else f"border-spacing:{spacing}px")
        ruled = bool(border) and (border or "").strip() != "0"
        if ruled:
            _add_style(table, f"border:{border}px solid #808080")
        for row in table.iter("tr"):
            if _table_of(row) is not table:
                continue  # a row of a table inside this one: that table's own attributes apply
            for cell in (c for c in row if c.tag in ("td", "th")):
                if padding is not None:
                    _add_style(cell, f"padding:{padding}px")
                if ruled:
                    _add_style(cell, "border:1px solid #808080")
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if (align := _pop(el, "align")) is not None:
            _add_style(el, "margin-left:auto; margin-right:auto" if el.tag == "table" and align == "center"
                       else f"text-align:{align}")  # fmt: skip
        if (valign := _pop(el, "valign")) is not None:
            _add_style(el, f"vertical-align:{valign}")
        if (colour := _pop(el, "bgcolor")) is not None:
            _add_style(el, f"background-color:{colour}")
        if el.tag in ("table", "td", "th", "col") and (width := _pop(el, "width")) is not None:
            _add_style(el, f"width:{_length(width)}")
    for anchor in list(root.iter("a")):  # <a name="section-x"></a> opening a heading: the heading's id
        name = _pop(anchor, "name")
        if name is None:
            continue
        parent = anchor.getparent()
        if anchor.get("href") is None and not (anchor.text or "").strip() and len(anchor) == 0 and parent is not None:
            if parent.get("id") is None:
                parent.set("id", name)
            _drop(anchor)
        else:
            anchor.set("id", name)
    _outline(root)
    return str(etree.tostring(root, method="html", encoding="unicode", doctype="<!DOCTYPE html>")) + "\n"


def _drop(el: Any) -> None:
    """Remove ``el``, keeping the text after it."""
    parent, tail = el.getparent(), el.tail or ""
    previous = el.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(el)


def _classed(root: Any, name: str) -> list[Any]:
    return [el for el in root.iter() if isinstance(el.tag, str) and name in (el.get("class") or "").split()]


def _outline(root: Any) -> None:
    """One h1 and headings in order: a selection's cover title is the h1 and the chosen sections' headings go
    one level down; the path above a section (a heading on paper, to keep it with what follows) is a line."""
    for crumb in _classed(root, "path"):
        crumb.tag = "p"
    covers = _classed(root, "cover-title")
    if not covers:
        return
    for el in list(root.iter("h1", "h2", "h3", "h4", "h5", "h6")):
        el.tag = f"h{min(6, int(el.tag[1]) + 1)}"
    covers[0].tag = "h1"


def _table_of(el: Any) -> Any:
    el = el.getparent()
    while el is not None and el.tag != "table":
        el = el.getparent()
    return el
