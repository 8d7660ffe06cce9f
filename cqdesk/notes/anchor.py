"""Finding a quoted passage again in a section's own text, as the W3C TextQuoteSelector does."""

from __future__ import annotations

from dataclasses import dataclass

from ..report.model import Document
from ..report.render import PageMark
from .model import Annotation

CONTEXT = 24  # characters of context kept on each side of a quote


def quote_at(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(exact, prefix, suffix) of text[start:end]."""
    return text[start:end], text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]


def locate(
    text: str, exact: str, prefix: str = "", suffix: str = "", hint: int | None = None
) -> tuple[int, int] | None:
    """Where ``exact`` occurs in ``text``: the occurrence whose context matches best, then the nearest to
    ``hint`` (the stored offset); None when it does not occur at all."""
    found = _best(text, exact, prefix, suffix, hint)
    return None if found is None else found[0]


def _best(text: str, exact: str, prefix: str, suffix: str, hint: int | None) -> tuple[tuple[int, int], int] | None:
    """The best occurrence and how many characters of context it shares."""
    if not exact:
        return None
    best: tuple[tuple[int, int], int] | None = None
    i = text.find(exact)
    while i != -1:
        context = _common_suffix(text[:i], prefix) + _common_prefix(text[i + len(exact) :], suffix)
        key = (-context, abs(i - hint) if hint is not None else 0)
        if best is None or key < best[0]:
            best = (key, i)
        i = text.find(exact, i + 1)
    return None if best is None else ((best[1], best[1] + len(exact)), -best[0][0])


@dataclass(frozen=True)
class Placement:
    section_id: str
    start: int
    end: int


def place(doc: Document, a: Annotation) -> Placement | None:
    """Where an annotation belongs in this text; None when its section or its quote is not in it."""
    section = doc.sections.get(a.section_id)
    if section is None:
        return None
    if a.kind != "highlight":
        return Placement(a.section_id, 0, 0)
    return _place_in(section.own_text, a)


def _place_in(text: str, a: Annotation) -> Placement | None:
    if text[a.start : a.end] == a.exact and _fits(text, a):
        return Placement(a.section_id, a.start, a.end)
    span = locate(text, a.exact, a.prefix, a.suffix, a.start)
    return None if span is None else Placement(a.section_id, *span)


def find_passage(doc: Document, sids: list[str], exact: str, prefix: str, suffix: str) -> Placement | None:
    """The section, among ``sids`` (those on the page), whose own text holds a passage the reader selected:
    the one whose text around it matches the page's best."""
    best: tuple[int, Placement] | None = None
    for sid in sids:
        found = _best(doc.sections[sid].own_text, exact, prefix, suffix, None)
        if found is not None and (best is None or found[1] > best[0]):
            best = (found[1], Placement(sid, *found[0]))
    return None if best is None else best[1]


def _fits(text: str, a: Annotation) -> bool:
    return text[: a.start].endswith(a.prefix) and text[a.end :].startswith(a.suffix)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])


def placements(doc: Document, items: list[Annotation]) -> dict[str, Placement | None]:
    """Every annotation's place in this text (None where it cannot be placed), by id; each section's text
    is joined once."""
    texts: dict[str, str] = {}
    out: dict[str, Placement | None] = {}
    for a in items:
        if a.section_id not in doc.sections:
            out[a.id] = None
        elif a.kind != "highlight":
            out[a.id] = Placement(a.section_id, 0, 0)
        else:
            text = texts.get(a.section_id)
            if text is None:
                text = texts[a.section_id] = doc.sections[a.section_id].own_text
            out[a.id] = _place_in(text, a)
    return out


def page_marks(
    doc: Document, items: list[Annotation], placed: dict[str, Placement | None] | None = None
) -> dict[str, list[PageMark]]:
    """What the renderer draws of the reader's annotations, by section: highlights where this text holds
    them, notes on a section under its heading. Bookmarks and what cannot be placed draw nothing."""
    placed = placed if placed is not None else placements(doc, items)
    out: dict[str, list[PageMark]] = {}
    for a in items:
        if a.kind == "highlight":
            where = placed.get(a.id)
            if where is not None:
                out.setdefault(where.section_id, []).append(
                    PageMark(where.start, where.end, a.color or "yellow", a.id, a.note)
                )
        elif a.kind == "note" and a.note and a.section_id in doc.sections:
            out.setdefault(a.section_id, []).append(PageMark(0, 0, "", a.id, a.note))
    for marks in out.values():
        marks.sort(key=lambda m: (m.start, m.end))
    return out
