"""A section of a report cited for a reader's bibliography: GB/T 7714-2015 (the form Chinese theses and
journals require), RIS and BibTeX (EndNote, NoteExpress, Zotero) and CSL-JSON (Zotero, pandoc).

A government work report is cited as a report [R] by its issuing body (the region's people's government,
named from the congress it was delivered at), with the date of delivery, and the section as the report's
other title information (GB/T 7714-2015 §8.1: 主要责任者. 题名: 其他题名信息[R]. 出版地: 出版者, 出版年).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from .genre import region_of
from .model import Document
from .render import reference

STYLES = ("gb7714", "ris", "bibtex", "csl-json")


@dataclass(frozen=True)
class Source:
    title: str
    section: str  # 二、1. 加快构建现代化集疏运体系, or "" for the whole report
    body: str  # 重庆市人民政府
    place: str  # 重庆
    date: str  # 2025-01-19 (may be "" where the report does not say)
    key: str  # an ASCII citation key

    @property
    def year(self) -> str:
        return self.date[:4] or (m.group(1) if (m := re.match(r"(\d{4})年", self.title)) else "")


def source(doc: Document, sid: str, region: str = "", key: str = "") -> Source:
    region = region or region_of(doc.title, doc.congress)
    place = re.sub(r"(省|市|自治区|特别行政区|自治州|地区|县)$", "", region) if len(region) > 2 else region
    body = f"{region}人民政府" if region else ""
    section = reference(doc, sid) if sid in doc.sections else ""
    year = doc.date[:4] or "n.d."
    key = key or f"workreport{year}" + (f"-{re.sub(r'[^a-z0-9]+', '-', sid.lower()).strip('-')}" if section else "")
    return Source(doc.title, section, body, place, doc.date, key)


def cite_as(s: Source, style: str) -> str:
    if style not in STYLES:
        raise ValueError(f"unknown citation style {style!r} (one of {', '.join(STYLES)})")
    return {"gb7714": gb7714, "ris": ris, "bibtex": bibtex, "csl-json": csl_json}[style](s)


def gb7714(s: Source) -> str:
    """重庆市人民政府. 2025年重庆市政府工作报告: 二、1. 加快构建现代化集疏运体系[R]. 重庆: 重庆市人民政府,
    2025-01-19."""
    title = s.title + (f": {s.section}" if s.section else "")
    publisher = ": ".join(p for p in (s.place, s.body) if p)
    when = s.date or s.year
    head = f"{s.body}. " if s.body else ""
    return f"{head}{title}[R]. {publisher}, {when}." if publisher else f"{head}{title}[R]. {when}."


def ris(s: Source) -> str:
    lines = [("TY", "RPRT"), ("AU", s.body), ("TI", s.title), ("T2", s.section), ("PY", s.year),
             ("DA", s.date.replace("-", "/")), ("PB", s.body), ("CY", s.place), ("M3", "政府工作报告"),
             ("LA", "zh-CN"), ("ID", s.key)]  # fmt: skip
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines if value) + "ER  - \r\n"


def _bib(value: str) -> str:
    return re.sub(r"([{}\\&%$#_])", r"\\\1", value)


def bibtex(s: Source) -> str:
    fields = [("author", "{" + _bib(s.body) + "}" if s.body else ""), ("title", _bib(s.title)),
              ("type", "政府工作报告"), ("institution", _bib(s.body)), ("address", _bib(s.place)),
              ("year", s.year), ("date", s.date), ("note", _bib(s.section)), ("langid", "chinese")]  # fmt: skip
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@techreport{{{s.key},\n{body}\n}}\n"


def csl_json(s: Source) -> str:
    item: dict[str, object] = {"id": s.key, "type": "report", "title": s.title, "genre": "政府工作报告",
                               "language": "zh-CN"}  # fmt: skip
    if s.body:
        item |= {"author": [{"literal": s.body}], "publisher": s.body}
    if s.place:
        item["publisher-place"] = s.place
    if s.date:
        item["issued"] = {"date-parts": [[int(p) for p in s.date.split("-")]]}
    if s.section:
        item["section"] = s.section
    return json.dumps([item], ensure_ascii=False, indent=1) + "\n"
