"""Parse the report's source text into a tree of sections (plain Python, no Qt).

The source is line-oriented: headings, ● bullets, ■ key points and plain lines.
Every non-empty line lands in exactly one section as one block; a line the parser
does not expect raises ParseError naming its line number, so a changed source can
never be shown half-parsed.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .indicators import parse_indicators
from .model import ROOT_ID, Block, Document, Section

CN_NUMERALS = "一二三四五六七八九十"

_OCCASION = re.compile(r"^——(\d{4})年(\d{1,2})月(\d{1,2})日在(.+?)上$")
_REVIEW_YEAR = re.compile(r"^(\d{4})$")
_TASK = re.compile(r"^(\d+)、(.+)$")
_AREA = re.compile(rf"^([{CN_NUMERALS}]+)、(.+)$")
_ITEM = re.compile(r"^(\d+)\.(.+)$")

# Headings of the report's fixed parts: pattern -> (id, part, kind).
_PART_HEADINGS: list[tuple[re.Pattern[str], str, str, str]] = [
    (re.compile(r"^做好\d+方面工作$"), "review/aspects", "review", "aspects"),
    (re.compile(r"^主要经济指标$"), "review/indicators", "review", "indicators"),
    (re.compile(r"^抓\d+项主要工作$"), "review/tasks", "review", "tasks"),
    (re.compile(r"^\d{4}年，做好政府工作的总体要求$"), "plan/requirements", "plan", "requirements"),
    (re.compile(r"^主要预期目标$"), "plan/targets", "plan", "targets"),
    (re.compile(r"^聚力抓好\d+个方面工作$"), "plan/areas", "plan", "areas"),
    (re.compile(r"^接续办好\d+件重点民生实事$"), "plan/livelihood", "plan", "livelihood"),
    (re.compile(r"^持续提升政府治理效能和服务水平$"), "plan/governance", "plan", "governance"),
]


class ParseError(ValueError):
    """The source does not have the structure the reader expects."""


def cn_numeral_value(text: str) -> int:
    """一 -> 1 ... 十 -> 10, 十一 -> 11 (enough for the report's numbering)."""
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + CN_NUMERALS.index(text[1]) + 1
    if len(text) == 1:
        return CN_NUMERALS.index(text) + 1
    raise ParseError(f"unsupported numeral {text!r}")


def source_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# What a plain line is, by the section it falls in: (kind of a ● line, kind of any other line); None refuses it.
_PLAIN_KINDS: dict[str, tuple[str | None, str | None]] = {
    "review": ("bullet", None),
    "review/aspects": (None, "item"),
    "review/indicators": (None, "indicator"),
    "plan": ("bullet", None),
    "plan/requirements": (None, "text"),
    "plan/targets": (None, "target"),
    "plan/livelihood": ("project", None),
    "plan/governance": ("bullet", None),
}


@dataclass(frozen=True)
class _Cover:
    title: str
    occasion: str
    speaker_line: str
    year: int
    month: int
    day: int
    congress: str
    role: str
    speaker: str


class _Builder:
    """Takes the report's lines one by one, in order, and grows the section tree from them."""

    def __init__(self, plan_year: int) -> None:
        self.sections: dict[str, Section] = {}
        self.blocks: list[Block] = []
        self.plan_year = plan_year
        self.current: str = ROOT_ID  # the section plain lines go to
        self.part: str | None = None  # "review" or "plan"
        self.area: str | None = None

    def add_section(
        self, sid: str, parent: str | None, kind: str, title: str, label: str = "", ordinal: int | None = None
    ) -> Section:
        if sid in self.sections:
            raise ParseError(f"section {sid} appears twice")
        depth = 0 if parent is None else self.sections[parent].depth + 1
        if ordinal is None and parent is not None:
            ordinal = len(self.sections[parent].children) + 1
        section = Section(sid, parent, kind, ordinal, label, title, depth=depth, position=len(self.sections))
        self.sections[sid] = section
        if parent is not None:
            self.sections[parent].children.append(sid)
        return section

    def add_block(self, sid: str, line_no: int, kind: str, text: str) -> None:
        block = Block(line_no, sid, kind, text)
        self.sections[sid].blocks.append(block)
        self.blocks.append(block)

    def open_section(
        self,
        sid: str,
        parent: str,
        kind: str,
        title: str,
        n: int,
        line: str,
        label: str = "",
        ordinal: int | None = None,
    ) -> None:
        """A heading line: a new section, its line its first block, and where plain lines now go."""
        self.add_section(sid, parent, kind, title, label, ordinal)
        self.add_block(sid, n, "heading", line)
        self.current = sid

    def take(self, n: int, line: str) -> None:
        if line[0].isspace() or line[-1].isspace():
            raise ParseError(f"line {n}: leading or trailing white space")
        if self._part_heading(n, line):
            return
        if self.part is None:
            raise ParseError(f"line {n}: text before the review begins: {line[:20]!r}")
        if self.current == "review/tasks" or self.current.startswith("review/tasks/"):
            self._task_line(n, line)
        elif self.current == "plan/areas" or self.current.startswith("plan/areas/"):
            self._area_line(n, line)
        else:
            self._plain_line(n, line)

    def _part_heading(self, n: int, line: str) -> bool:
        """The review's year line, or a heading of the report's fixed parts (主要经济指标 …)."""
        m = _REVIEW_YEAR.match(line)
        if m and self.part is None:
            self.part = "review"
            self.open_section("review", ROOT_ID, "part", f"{m.group(1)}年工作回顾", n, line)
            return True
        heading = next((h for h in _PART_HEADINGS if h[0].match(line)), None)
        if heading is None:
            return False
        _, sid, part, kind = heading
        if part == "plan" and self.part != "plan":
            self.add_section("plan", ROOT_ID, "part", f"{self.plan_year}年政府工作")
            self.part = "plan"
        if part != self.part:
            raise ParseError(f"line {n}: heading {line!r} is out of place")
        self.open_section(sid, part, kind, line, n, line)
        self.area = None
        return True

    def _task_line(self, n: int, line: str) -> None:
        m = _TASK.match(line)
        if m:
            num = int(m.group(1))
            self.open_section(f"review/tasks/{num}", "review/tasks", "task", m.group(2), n, line, f"{num}、", num)
            return
        if self.current == "review/tasks" or len(self.sections[self.current].blocks) > 1:
            raise ParseError(f"line {n}: expected a numbered task (N、…)")
        self.add_block(self.current, n, "text", line)

    def _area_line(self, n: int, line: str) -> None:
        m = _AREA.match(line)
        if m:
            num = cn_numeral_value(m.group(1))
            self.area = f"plan/areas/{num}"
            self.open_section(
                self.area, "plan/areas", "area", m.group(2), n, line, label=f"{m.group(1)}、", ordinal=num
            )
            return
        m = _ITEM.match(line)
        if m and self.area is not None:
            num = int(m.group(1))
            self.open_section(
                f"{self.area}/{num}", self.area, "item", m.group(2), n, line, label=f"{num}.", ordinal=num
            )
            return
        if self.current.count("/") != 3:
            raise ParseError(f"line {n}: expected an area (一、…) or an item (1.…)")
        # An item has one line of measures and then one ■ key point, each at most once.
        kinds = [blk.kind for blk in self.sections[self.current].blocks]
        kind = "keypoint" if line.startswith("■") else "measures"
        if kind in kinds or (kind == "measures" and "keypoint" in kinds):
            raise ParseError(f"line {n}: unexpected second {kind} line in {self.current}")
        self.add_block(self.current, n, kind, line)

    def _plain_line(self, n: int, line: str) -> None:
        bullet = line.startswith("●")
        if self.current == "plan/targets" and bullet:
            self.current = "plan"  # the ● bullets after the targets belong to the plan itself
        bullet_kind, line_kind = _PLAIN_KINDS.get(self.current, (None, None))
        kind = bullet_kind if bullet else line_kind
        if kind is None:
            raise ParseError(f"line {n}: unexpected line in {self.current}: {line[:20]!r}")
        self.add_block(self.current, n, kind, line)


def _read_cover(numbered: list[tuple[int, str]]) -> _Cover:
    """The first three lines: the title, the occasion (——2025年1月19日在…上) and the speaker."""
    (_, title), (n2, occasion), (n3, speaker_line) = numbered[:3]
    occ = _OCCASION.match(occasion)
    if not occ:
        raise ParseError(f"line {n2}: expected the occasion line (——YYYY年M月D日在…上)")
    year, month, day, congress = occ.groups()
    role, _, speaker = speaker_line.rpartition(" ")
    if not role:
        raise ParseError(f"line {n3}: expected the speaker line (role and name)")
    return _Cover(title, occasion, speaker_line, int(year), int(month), int(day), congress, role, speaker)


def parse_text(text: str, sha256: str = "") -> Document:
    """Parse the report's text into a Document."""
    numbered = [(i + 1, line.rstrip("\r")) for i, line in enumerate(text.split("\n"))]
    numbered = [(n, line) for n, line in numbered if line.strip()]
    if len(numbered) < 4:
        raise ParseError("the source is too short to be the report")
    cover = _read_cover(numbered)
    b = _Builder(plan_year=cover.year)
    b.add_section(ROOT_ID, None, "document", cover.title)
    for (n, line), kind in zip(numbered[:3], ("title", "occasion", "speaker"), strict=False):
        b.add_block(ROOT_ID, n, kind, line)
    for n, line in numbered[3:]:
        b.take(n, line)
    for required in ("review", "plan"):
        if required not in b.sections:
            raise ParseError(f"the source has no {required} part")
    return Document(
        title=cover.title,
        date=f"{cover.year:04d}-{cover.month:02d}-{cover.day:02d}",
        congress=cover.congress,
        speaker_role=cover.role,
        speaker=cover.speaker,
        occasion_line=cover.occasion,
        sections=b.sections,
        blocks=b.blocks,
        indicators=parse_indicators(b.sections),
        source_sha256=sha256,
        line_count=len(text.split("\n")) - (1 if text.endswith("\n") else 0),
    )


def parse_file(path: Path) -> Document:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ParseError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    return parse_text(text.removeprefix("\ufeff"), source_sha256(data))
