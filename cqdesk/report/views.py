"""Derived views that sit in the tree like sections: the key figures and the livelihood projects.

They hold no source lines (export-text is unchanged); the renderer draws them as tables from the
report's own data, so they show, print and export like any section.
"""

from __future__ import annotations

from dataclasses import dataclass

from .figures import AMOUNT
from .model import Document, Section

KEY_FIGURES_ID = "plan/targets/figures"
LIVELIHOOD_ID = "plan/livelihood/table"
VIEWS = {KEY_FIGURES_ID: ("plan/targets", "关键数据对比"), LIVELIHOOD_ID: ("plan/livelihood", "民生实事一览")}

_AMOUNT = AMOUNT  # how much: 3011万平方米, 100个, 10座, 4000公里, 200万, 12万人次以上, 60条以上 ...


@dataclass(frozen=True)
class Project:
    number: int
    text: str  # the line without its ●
    amounts: tuple[str, ...]
    line_no: int


def livelihood_projects(doc: Document) -> list[Project]:
    if "plan/livelihood" not in doc.sections:  # an imported report: its projects stand in prose
        return []
    blocks = [b for b in doc.sections["plan/livelihood"].blocks if b.kind == "project"]
    return [
        Project(n, b.text.removeprefix("●"), tuple(_AMOUNT.findall(b.text)), b.line_no) for n, b in enumerate(blocks, 1)
    ]


def add_views(doc: Document) -> None:
    """Add the view sections under their parts and renumber positions in document order."""
    for vid, (parent, title) in VIEWS.items():
        if vid in doc.sections or parent not in doc.sections:
            continue
        p = doc.sections[parent]
        doc.sections[vid] = Section(vid, parent, "view", len(p.children) + 1, "", title, depth=p.depth + 1)
        p.children.append(vid)
    order: list[str] = []

    def walk(sid: str) -> None:
        order.append(sid)
        for child in doc.sections[sid].children:
            walk(child)

    walk(doc.root.id)
    for position, sid in enumerate(order):
        doc.sections[sid].position = position
    doc.sections = {sid: doc.sections[sid] for sid in order}
