"""Plain data types of the report: sections, blocks and indicators."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Block:
    """One non-empty source line, in the section that owns it.

    ``kind`` is one of: title, occasion, speaker, heading, bullet, item, indicator,
    target, text, measures, keypoint, project.
    """

    line_no: int  # 1-based line number in the source
    section_id: str
    kind: str
    text: str


@dataclass
class Section:
    id: str
    parent: str | None
    kind: str
    ordinal: int | None
    label: str  # the report's own numbering, e.g. "1、", "一、", "1."; may be empty
    title: str
    blocks: list[Block] = field(default_factory=list)
    children: list[str] = field(default_factory=list)
    depth: int = 0
    position: int = 0  # document order

    @property
    def heading(self) -> str:
        return f"{self.label}{self.title}"

    @property
    def lead(self) -> Block | None:
        """The paragraph that opens the section with its title as its first sentence (official texts open a
        section so), if it has one: the title is shown and searched there, not a second time on its own."""
        first = next((b for b in self.blocks if b.kind not in ("heading", "title")), None)
        if first is not None and first.kind == "lead" and first.text.startswith(self.heading):
            return first
        return None

    @property
    def own_text(self) -> str:
        """The section's own source lines, in order, one per line."""
        return "\n".join(b.text for b in self.blocks)


@dataclass(frozen=True)
class Indicator:
    label: str
    value: str | None  # kept as written ("3.2"), None for a qualitative statement
    unit: str
    change: str  # 增长, 下降, 达到, 突破, 涨幅, 保持正增长 or "" for an amount
    year: int
    role: str  # "result" (2024 review) or "target" (2025 plan)
    qualifier: str  # 预计, 左右, 以上, 力争 ... joined by "," when several
    section_id: str
    line_no: int
    statement: str  # the source line it came from


@dataclass
class Document:
    title: str
    date: str  # ISO date
    congress: str
    speaker_role: str
    speaker: str
    occasion_line: str
    sections: dict[str, Section]
    blocks: list[Block]
    indicators: list[Indicator]
    source_sha256: str
    line_count: int = 0  # the source text's lines, empty ones too (0 where the source was not plain lines)

    @property
    def root(self) -> Section:
        return self.sections[ROOT_ID]

    def ancestors(self, sid: str, include_self: bool = False) -> list[Section]:
        """The sections above ``sid``, nearest first, up to and including the root: the one walk up the tree."""
        section = self.sections[sid]
        chain = [section] if include_self else []
        while section.parent is not None:
            section = self.sections[section.parent]
            chain.append(section)
        return chain

    def path(self, sid: str) -> list[Section]:
        """The sections from the top part down to ``sid`` itself (the root left out)."""
        return [s for s in reversed(self.ancestors(sid, include_self=True)) if s.parent is not None]


ROOT_ID = "report"
