"""The print renderer's page as valid HTML5, for the HTML export: one renderer for screen, paper and file.

Qt's rich text reads presentational attributes (align, valign, width, cellspacing, cellpadding, border) and
named anchors, where it reads no CSS for them; a browser and the W3C validator want CSS and ids. Each such
attribute becomes the style it stands for, with lxml's HTML parser (no regular expressions over markup).
"""

from __future__ import annotations

from typing import Any

_LENGTH_ATTRS = {"width": "width", "height": "height"}


def _length(value: str) -> str:
    value = value.strip()
    return value if value.endswith("%") or not value.isdigit() else f"{value}px"


def _add_style(el: Any, css: str) -> None:
    old = (el.get("style") or "").strip().rstrip(";")
    el.set("style", f"{old}; {css}" if old else css)


def html5(page: str) -> str:
    import lxml.html

    root = lxml.html.document_fromstring(page)
    for table in root.iter("table"):
        spacing, padding, border = table.attrib.pop("cellspacing", None), table.attrib.pop("cellpadding", None), None
        if "border" in table.attrib:
            border = table.attrib.pop("border")
        if spacing is not None:
            _add_style(table, "border-collapse:collapse" if spacing.strip() == "0" else f"border-spacing:{spacing}px")
        if border and border.strip() != "0":
            _add_style(table, f"border:{border}px solid #808080")
        for cell in (c for row in table.iter("tr") for c in row if c.tag in ("td", "th")):
            if cell.getparent() is None or _table_of(cell) is not table:
                continue
            if padding is not None:
                _add_style(cell, f"padding:{padding}px")
            if border and border.strip() != "0":
                _add_style(cell, "border:1px solid #808080")
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if (align := el.attrib.pop("align", None)) is not None:
            _add_style(el, "margin-left:auto; margin-right:auto" if el.tag == "table" and align == "center"
                       else f"text-align:{align}")  # fmt: skip
        if (valign := el.attrib.pop("valign", None)) is not None:
            _add_style(el, f"vertical-align:{valign}")
        if (colour := el.attrib.pop("bgcolor", None)) is not None:
            _add_style(el, f"background-color:{colour}")
        for attr, prop in _LENGTH_ATTRS.items():
            if el.tag in ("table", "td", "th", "col") and (value := el.attrib.pop(attr, None)) is not None:
                _add_style(el, f"{prop}:{_length(value)}")
    # A named anchor (<a name="section-x"></a> at the start of a heading) becomes the heading's id.
    for anchor in list(root.iter("a")):
        name = anchor.attrib.pop("name", None)
        if name is None:
            continue
        parent = anchor.getparent()
        if not anchor.get("href") and not (anchor.text or "").strip() and len(anchor) == 0 and parent is not None:
            if parent.get("id") is None:
                parent.set("id", name)
            anchor.drop_tree()
        else:
            anchor.set("id", name)
    _outline(root)
    return str(lxml.html.tostring(root, doctype="<!DOCTYPE html>", encoding="unicode", method="html")) + "\n"


def _outline(root: Any) -> None:
    """One h1 and headings in order: a selection's cover title is the h1 and the chosen sections' headings go
    one level down; the path above a section (a heading on paper, to keep it with what follows) is a line."""
    for crumb in root.find_class("path"):
        crumb.tag = "p"
    covers = root.find_class("cover-title")
    if not covers:
        return
    headings = [el for el in root.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    for el in headings:
        el.tag = f"h{min(6, int(el.tag[1]) + 1)}"
    covers[0].tag = "h1"


def _table_of(cell: Any) -> Any:
    el = cell.getparent()
    while el is not None and el.tag != "table":
        el = el.getparent()
    return el
