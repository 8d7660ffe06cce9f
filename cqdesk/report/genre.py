"""The structure of a government work report (政府工作报告), read from its paragraphs (plain Python, no Qt).

The full official texts share one layout: a title, an occasion line (——2026年1月28日在…人民代表大会第…次会议上),
the speaker, 各位代表, parts numbered 一、二、三、, sections （一）（二） whose title is the first sentence of their
first paragraph, numbered points 1. 1、 ①, and often an appendix 名词解释 of numbered entries. Every paragraph
lands in exactly one section as one block, as the source has it; where the numbering is irregular the text
still comes in whole, under the nearest heading, with a warning naming the paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import ROOT_ID, Block, Document, Section

_NUMERALS = "一二三四五六七八九十"
_OCCASION = re.compile(r"^[—－-]{2}\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*在(.+?)上$")
_REGION = re.compile(r"^(.+?)第[一二三四五六七八九十百\d]+届人民代表大会")
_TITLE_YEAR = re.compile(r"^(\d{4})年(.*?)(?:人民)?政府工作报告$")
_TITLE_REGION = re.compile(r"^(.+?)(?:人民)?政府工作报告$")
_PART = re.compile(rf"^([{_NUMERALS}]+)、(.+)$")
_SECTION = re.compile(rf"^[（(]([{_NUMERALS}]+)[）)](.*)$")
_POINT = re.compile(r"^(\d{1,2})[.、．](?!\d)(.+)$|^([①-⑳])(.+)$")
_GLOSSARY = re.compile(r"^名词解释[：:]?$")
_LEAD_END = "。！？"
MAX_HEADING = 60  # characters: a part's heading is a short line of its own, never a paragraph


class NotAReport(ValueError):
    """The text does not look like a government work report; the message says why."""


@dataclass
class Recognised:
    document: Document
    region: str
    year: int | None
    warnings: list[str] = field(default_factory=list)


def numeral(text: str) -> int:
    """一 -> 1, 十 -> 10, 十二 -> 12, 二十 -> 20, 二十三 -> 23."""
    if not text or any(c not in _NUMERALS for c in text):
        raise ValueError(text)
    if "十" not in text:
        return _NUMERALS.index(text) + 1 if len(text) == 1 else int("".join(str(_NUMERALS.index(c) + 1) for c in text))
    tens, _, ones = text.partition("十")
    return (_NUMERALS.index(tens) + 1 if tens else 1) * 10 + (_NUMERALS.index(ones) + 1 if ones else 0)


def lead_sentence(text: str, limit: int = MAX_HEADING) -> tuple[str, bool]:
    """The first sentence of a paragraph (up to its 。) when it is short enough to be a title, else the whole
    text; and whether the paragraph goes on after it."""
    for n, ch in enumerate(text[: limit + 1]):
        if ch in _LEAD_END:
            return text[:n], n + 1 < len(text)
    return text, False


def region_of(title: str, congress: str) -> str:
    """重庆市 from the congress (重庆市第六届人民代表大会第四次会议), else from the title (某市政府工作报告)."""
    if m := _REGION.match(congress):
        return m.group(1)
    m = _TITLE_YEAR.match(title) or _TITLE_REGION.match(title)
    return m.group(m.lastindex or 1).strip() if m else ""


def recognise(paragraphs: list[str], force: bool = False) -> Recognised:
    """The report in ``paragraphs`` (each one paragraph, stripped of its indentation). NotAReport when the text
    has neither a work report's title nor its parts, unless ``force``: then every paragraph under the root."""
    paras = [p for p in paragraphs if p.strip()]
    if not paras:
        raise NotAReport("the file holds no text")
    cover = _Cover.read(paras)
    b = _Builder()
    b.add(ROOT_ID, None, "document", "", cover.title or paras[0][:MAX_HEADING])
    for n, kind in cover.kinds.items():
        b.block(ROOT_ID, n, kind, paras[n])
    for n in range(cover.end, len(paras)):
        b.take(n, paras[n])
    if not force and (not b.parts or "工作报告" not in cover.title):
        raise NotAReport(
            "it does not look like a government work report (no title ending 工作报告"
            + ("" if b.parts else ", no parts numbered 一、二、")
            + ")"
        )
    year = cover.year or _year_in(cover.title)
    doc = Document(
        title=cover.title or paras[0][:MAX_HEADING],
        date=cover.date,
        congress=cover.congress,
        speaker_role=cover.role,
        speaker=cover.speaker,
        occasion_line=cover.occasion,
        sections=b.sections,
        blocks=b.blocks,
        indicators=[],
        source_sha256="",
    )
    return Recognised(doc, region_of(cover.title, cover.congress), year, b.warnings)


def _year_in(title: str) -> int | None:
    m = re.match(r"^(\d{4})年", title)
    return int(m.group(1)) if m else None


@dataclass
class _Cover:
    title: str = ""
    occasion: str = ""
    date: str = ""
    year: int | None = None
    congress: str = ""
    role: str = ""
    speaker: str = ""
    kinds: dict[int, str] = field(default_factory=dict)  # paragraph index -> block kind
    end: int = 0  # the first paragraph of the body

    @classmethod
    def read(cls, paras: list[str]) -> _Cover:
        c = cls()
        occasion = next((n for n, p in enumerate(paras[:6]) if _OCCASION.match(p)), None)
        if occasion is None:  # no occasion line: a title line if the first paragraph is one
            if "工作报告" in paras[0] and len(paras[0]) <= MAX_HEADING:
                c.title, c.kinds, c.end = paras[0], {0: "title"}, 1
            return c
        c.kinds = dict.fromkeys(range(occasion), "title")  # a title split over lines: each line kept
        c.title = "".join(paras[:occasion])
        m = _OCCASION.match(paras[occasion])
        assert m is not None
        year, month, day, c.congress = m.groups()
        c.year, c.occasion = int(year), paras[occasion]
        c.date = f"{int(year):04d}-{int(month):02d}-{int(day):02d}"
        c.kinds[occasion] = "occasion"
        c.end = occasion + 1
        nxt = paras[c.end] if c.end < len(paras) else ""
        if nxt and len(nxt) <= 40 and not nxt.startswith("各位代表") and not _PART.match(nxt):
            role, _, name = re.sub(r"[\u3000 ]+", " ", nxt).rpartition(" ")
            c.role, c.speaker = (role, name) if role else ("", nxt)
            c.kinds[c.end] = "speaker"
            c.end += 1
        return c


class _Builder:
    """Takes the body's paragraphs in order and grows the section tree from them."""

    def __init__(self) -> None:
        self.sections: dict[str, Section] = {}
        self.blocks: list[Block] = []
        self.warnings: list[str] = []
        self.parts = 0
        self.part: str | None = None
        self.section: str | None = None
        self.current = ROOT_ID
        self.glossary = False

    def add(self, sid: str, parent: str | None, kind: str, label: str, title: str, ordinal: int | None = None) -> None:
        depth = 0 if parent is None else self.sections[parent].depth + 1
        if parent is not None:
            self.sections[parent].children.append(sid)
        self.sections[sid] = Section(sid, parent, kind, ordinal, label, title, depth=depth, position=len(self.sections))
        self.current = sid

    def block(self, sid: str, n: int, kind: str, text: str) -> None:
        b = Block(n + 1, sid, kind, text)  # line_no: the paragraph's place in the text, from 1
        self.sections[sid].blocks.append(b)
        self.blocks.append(b)

    def warn(self, n: int, text: str, what: str) -> None:
        self.warnings.append(f"paragraph {n + 1} ({text[:16]}…): {what}")

    def take(self, n: int, text: str) -> None:
        if _GLOSSARY.match(text):
            self.glossary, self.part, self.section = True, None, None
            self.add("glossary", ROOT_ID, "glossary", "", text)
            self.block("glossary", n, "heading", text)
            return
        if self.glossary:
            self._entry(n, text)
            return
        m = _PART.match(text)
        if m and len(text) <= MAX_HEADING and not text.endswith("。"):
            self._part(n, text, m.group(1), m.group(2))
            return
        m = _SECTION.match(text)
        if m and self.part is not None:
            self._section(n, text, m.group(1), m.group(2))
            return
        m = _POINT.match(text)
        if m and self.section is not None:
            self._point(n, text, m)
            return
        self.block(self.current, n, "text", text)

    def _part(self, n: int, text: str, num: str, title: str) -> None:
        ordinal = numeral(num)
        if ordinal != self.parts + 1:
            self.warn(n, text, f"part {num}、 follows part {self.parts}")
        self.parts += 1
        sid = f"p{self.parts}"
        self.part, self.section = sid, None
        self.add(sid, ROOT_ID, "part", f"{num}、", title, ordinal)
        self.block(sid, n, "heading", text)

    def _section(self, n: int, text: str, num: str, rest: str) -> None:
        assert self.part is not None
        ordinal = numeral(num)
        count = len([c for c in self.sections[self.part].children if self.sections[c].kind == "section"])
        if ordinal != count + 1:
            self.warn(n, text, f"section （{num}） follows section {count} of its part")
        sid = f"{self.part}/s{count + 1}"
        label = text[: len(text) - len(rest)]
        title, goes_on = lead_sentence(rest)
        title = title if goes_on else rest  # a line of its own is its heading, as written (its 。 too)
        self.section = sid
        self.add(sid, self.part, "section", label, title, ordinal)
        # A heading line of its own, or the first paragraph whose first sentence is the title (a lead): kept whole.
        self.block(sid, n, "lead" if goes_on else "heading", text)

    def _point(self, n: int, text: str, m: re.Match[str]) -> None:
        assert self.section is not None
        number, rest = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        count = len(self.sections[self.section].children)
        sid = f"{self.section}/{count + 1}"
        label = text[: len(text) - len(rest)]
        title, goes_on = lead_sentence(rest)
        title = title if goes_on else rest
        ordinal = int(number) if number.isascii() else "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳".index(number) + 1
        if ordinal != count + 1:
            self.warn(n, text, f"point {number} follows point {count} of its section")
        self.add(sid, self.section, "point", label, title, ordinal)
        self.block(sid, n, "lead" if goes_on else "heading", text)

    def _entry(self, n: int, text: str) -> None:
        m = _POINT.match(text)
        if m is None:
            self.block(self.current, n, "text", text)
            return
        rest = m.group(2) or m.group(4)
        count = len(self.sections["glossary"].children)
        sid = f"glossary/{count + 1}"
        term = re.split(r"[：:]", rest, maxsplit=1)[0][:MAX_HEADING]
        self.add(sid, "glossary", "entry", text[: len(text) - len(rest)], term, count + 1)
        self.block(sid, n, "text", text)
