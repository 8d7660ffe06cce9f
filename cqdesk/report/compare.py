"""A 2024 task beside the 2025 items that carry it on (or a 2025 item beside the tasks it continues), from
the report's related sections, with the terms they share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the links come loaded with the report; the module need not load at start-up
    from .model import Document
    from .related import Link

PREFIX = "compare:"  # a page id: compare:review/tasks/7 is that task's comparison


@dataclass(frozen=True)
class CompareLabels:
    """The words of a comparison page around the report's own text."""

    title: str
    review: str
    plan: str
    shared: str
    empty: str


# The screen speaks the interface's language; paper speaks the report's (Chinese) unless asked otherwise.
COMPARE_LABELS = {
    "zh_CN": CompareLabels(
        "对照阅读", "2024年工作回顾", "2025年政府工作", "两边共同的用语：",
        "报告中没有与之共享足够措辞的另一方；2025年的工作见“2025年政府工作 › 聚力抓好8个方面工作”。",
    ),
    "en": CompareLabels(
        "Side by side", "2024 in review", "2025 plan", "Terms both sides share: ",
        "Nothing on the other side shares enough of this one's own wording to be linked; the 2025 work is "
        "under 2025年政府工作 › 聚力抓好8个方面工作.",
    ),
}  # fmt: skip


@dataclass(frozen=True)
class Comparison:
    subject: str  # the section it was asked for
    review: list[str]  # the 2024 side, in document order
    plan: list[str]  # the 2025 side, in document order
    shared: tuple[str, ...]  # the terms the two sides share, longest first (each marked on both sides)

    @property
    def empty(self) -> bool:
        return not self.review or not self.plan


def comparable(doc: Document, sid: str) -> bool:
    """Tasks of 2024 and the areas and items of 2025: the sections the related links join."""
    return sid in doc.sections and doc.sections[sid].kind in ("task", "item", "area")


def compare(doc: Document, links: list[Link], sid: str) -> Comparison:
    if sid.startswith("review/"):
        chosen = [k for k in links if k.source == sid]
        review, plan = [sid], [k.target for k in chosen]
    else:
        chosen = [k for k in links if k.target == sid]
        review, plan = [k.source for k in chosen], [sid]
    shared: list[str] = []
    for k in chosen:
        shared += [t for t in k.shared if t not in shared]
    order = {s: doc.sections[s].position for s in doc.sections}
    return Comparison(
        sid,
        sorted(dict.fromkeys(review), key=order.__getitem__),
        sorted(dict.fromkeys(plan), key=order.__getitem__),
        tuple(sorted(shared, key=len, reverse=True)),
    )


def comparison_of(doc: Document, pages: Sequence[str], links: Sequence[Link]) -> Comparison | None:
    """The comparison when ``pages`` is one comparison page (compare:<id>) of a comparable section."""
    subject = subject_of(pages[0]) if len(pages) == 1 else None
    return compare(doc, list(links), subject) if subject and comparable(doc, subject) else None


def page_id(sid: str) -> str:
    return PREFIX + sid


def subject_of(page: str) -> str | None:
    """The section a comparison page is about, or None for an ordinary section's page."""
    return page[len(PREFIX) :] if page.startswith(PREFIX) else None
