"""Parse the report's source text into a tree of sections (plain Python, no Qt).

The source is line-oriented: headings, ● bullets, ■ key points and plain lines.
Every non-empty line lands in exactly one section as one block; a line the parser
does not expect raises ParseError naming its line number, so a changed source can
never be shown half-parsed.
"""

from __future__ import annotations

import hashlib
import re
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


class _Builder:
    def __init__(self) -> None:
        self.sections: dict[str, Section] = {}
        self.blocks: list[Block] = []

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


def parse_text(text: str, sha256: str = "") -> Document:
    """Parse the report's text into a Document."""
    lines = text.split("\n")
    numbered = [(i + 1, line.rstrip("\r")) for i, line in enumerate(lines)]
    numbered = [(n, line) for n, line in numbered if line.strip()]
    if len(numbered) < 4:
        raise ParseError("the source is too short to be the report")

    b = _Builder()
    (n1, title), (n2, occasion), (n3, speaker_line) = numbered[:3]
    occ = _OCCASION.match(occasion)
    if not occ:
        raise ParseError(f"line {n2}: expected the occasion line (——YYYY年M月D日在…上)")
    year, month, day, congress = occ.groups()
    role, _, speaker = speaker_line.rpartition(" ")
    if not role:
        raise ParseError(f"line {n3}: expected the speaker line (role and name)")

    b.add_section(ROOT_ID, None, "document", title)
    b.add_block(ROOT_ID, n1, "title", title)
    b.add_block(ROOT_ID, n2, "occasion", occasion)
    b.add_block(ROOT_ID, n3, "speaker", speaker_line)

    current: str = ROOT_ID  # the section plain lines go to
    part: str | None = None  # "review" or "plan"
    area: str | None = None

    for n, line in numbered[3:]:
        if line[0].isspace() or line[-1].isspace():
            raise ParseError(f"line {n}: leading or trailing white space")
        m = _REVIEW_YEAR.match(line)
        if m and part is None:
            part = current = "review"
            b.add_section("review", ROOT_ID, "part", f"{m.group(1)}年工作回顾")
            b.add_block("review", n, "heading", line)
            continue
        heading = next((h for h in _PART_HEADINGS if h[0].match(line)), None)
        if heading is not None:
            _, sid, hpart, kind = heading
            if hpart == "plan" and part != "plan":
                plan_year = int(year)
                b.add_section("plan", ROOT_ID, "part", f"{plan_year}年政府工作")
                part = "plan"
            if hpart != part:
                raise ParseError(f"line {n}: heading {line!r} is out of place")
            b.add_section(sid, hpart, kind, line)
            b.add_block(sid, n, "heading", line)
            current, area = sid, None
            continue
        if part is None:
            raise ParseError(f"line {n}: text before the review begins: {line[:20]!r}")

        if current in ("review/tasks",) or current.startswith("review/tasks/"):
            m = _TASK.match(line)
            if m:
                num = int(m.group(1))
                sid = f"review/tasks/{num}"
                b.add_section(sid, "review/tasks", "task", m.group(2), label=f"{num}、", ordinal=num)
                b.add_block(sid, n, "heading", line)
                current = sid
                continue
            if current == "review/tasks" or len(b.sections[current].blocks) > 1:
                raise ParseError(f"line {n}: expected a numbered task (N、…)")
            b.add_block(current, n, "text", line)
            continue

        if current == "plan/areas" or current.startswith("plan/areas/"):
            m = _AREA.match(line)
            if m:
                num = cn_numeral_value(m.group(1))
                area = sid = f"plan/areas/{num}"
                b.add_section(sid, "plan/areas", "area", m.group(2), label=f"{m.group(1)}、", ordinal=num)
                b.add_block(sid, n, "heading", line)
                current = sid
                continue
            m = _ITEM.match(line)
            if m and area is not None:
                num = int(m.group(1))
                sid = f"{area}/{num}"
                b.add_section(sid, area, "item", m.group(2), label=f"{num}.", ordinal=num)
                b.add_block(sid, n, "heading", line)
                current = sid
                continue
            if current.count("/") != 3:
                raise ParseError(f"line {n}: expected an area (一、…) or an item (1.…)")
            kinds = [blk.kind for blk in b.sections[current].blocks]
            kind = "keypoint" if line.startswith("■") else "measures"
            if kind in kinds or (kind == "measures" and "keypoint" in kinds):
                raise ParseError(f"line {n}: unexpected second {kind} line in {current}")
            b.add_block(current, n, kind, line)
            continue

        bullet = line.startswith("●")
        kind_by_section = {
            "review": "bullet" if bullet else None,
            "review/aspects": None if bullet else "item",
            "review/indicators": None if bullet else "indicator",
            "plan/requirements": None if bullet else "text",
            "plan/targets": None if bullet else "target",
            "plan/livelihood": "project" if bullet else None,
            "plan/governance": "bullet" if bullet else None,
        }
        if current == "plan/targets" and bullet:
            current = "plan"  # the ● bullets after the targets belong to the plan itself
        found = "bullet" if current == "plan" and bullet else kind_by_section.get(current)
        if found is None:
            raise ParseError(f"line {n}: unexpected line in {current}: {line[:20]!r}")
        b.add_block(current, n, found, line)

    for required in ("review", "plan"):
        if required not in b.sections:
            raise ParseError(f"the source has no {required} part")

    return Document(
        title=title,
        date=f"{int(year):04d}-{int(month):02d}-{int(day):02d}",
        congress=congress,
        speaker_role=role,
        speaker=speaker,
        occasion_line=occasion,
        sections=b.sections,
        blocks=b.blocks,
        indicators=parse_indicators(b.sections),
        source_sha256=sha256,
    )


def parse_file(path: Path) -> Document:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ParseError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    return parse_text(text.removeprefix("\ufeff"), source_sha256(data))
