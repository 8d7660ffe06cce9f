"""Where a report reviews the year before and where it sets out its plan.

Both the bundled outline (parts review and plan) and the full official texts (一、2025年工作回顾, 二、2026年工作
安排) put the review first, in a part whose title speaks of 回顾 (or 总结), and the plan in the part after it.
"""

from __future__ import annotations

from ..model import Block, Document, Section

_REVIEW_WORDS = ("回顾", "总结")


def review_part(doc: Document) -> Section | None:
    parts = _parts(doc)
    return next((p for p in parts if any(w in p.title for w in _REVIEW_WORDS)), None)


def plan_part(doc: Document) -> Section | None:
    parts = _parts(doc)
    review = review_part(doc)
    if review is None:
        return None
    later = [p for p in parts if p.position > review.position]
    return later[0] if later else None


def subtree(doc: Document, section: Section) -> list[Section]:
    """``section`` and everything under it, in document order."""
    out, todo = [], [section.id]
    while todo:
        s = doc.sections[todo.pop()]
        out.append(s)
        todo += reversed(s.children)
    return sorted(out, key=lambda s: s.position)


def blocks_of(doc: Document, section: Section) -> list[Block]:
    return [b for s in subtree(doc, section) for b in s.blocks]


def units(doc: Document, part: Section) -> list[Section]:
    """The part's divisions the reader compares: the areas 一、… 八、 of the outline, the sections （一）（二） of a
    full text."""
    return [s for s in subtree(doc, part) if s.kind in ("area", "section")]


def _parts(doc: Document) -> list[Section]:
    return [doc.sections[c] for c in doc.root.children if doc.sections[c].kind == "part"]
