"""Finding a quoted passage again in a section's own text, as the W3C TextQuoteSelector does."""

from __future__ import annotations

from dataclasses import dataclass

from ..report.model import Document
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
    if not exact:
        return None
    best: tuple[tuple[int, int], int] | None = None
    i = text.find(exact)
    while i != -1:
        before, after = text[:i], text[i + len(exact) :]
        context = _common_suffix(before, prefix) + _common_prefix(after, suffix)
        key = (-context, abs(i - hint) if hint is not None else 0)
        if best is None or key < best[0]:
            best = (key, i)
        i = text.find(exact, i + 1)
    return None if best is None else (best[1], best[1] + len(exact))


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
    text = section.own_text
    if text[a.start : a.end] == a.exact and _fits(text, a):
        return Placement(a.section_id, a.start, a.end)
    span = locate(text, a.exact, a.prefix, a.suffix, a.start)
    return None if span is None else Placement(a.section_id, *span)


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
