"""Moving notes in and out: JSON (complete, versioned, for import), Markdown (for reading), CSV (for Excel/WPS).

The JSON format, version 1:

    {"format": "cqdesk-notes", "version": 1, "exported": "2026-11-28T15:00:00.000Z",
     "report": {"title": "2025年重庆市政府工作报告", "digest": "<sha256 of the report's text>"},
     "annotations": [{"id": "<uuid>", "kind": "bookmark" | "note" | "highlight", "section": "plan/areas/2/1",
                      "quote": {"exact": "...", "prefix": "...", "suffix": "..."},      (highlights only)
                      "position": {"start": 12, "end": 20},                           (highlights only)
                      "color": "yellow" | "green" | "blue" | "pink" | "", "note": "...",
                      "created": "<UTC ISO 8601>", "updated": "<UTC ISO 8601>", "report_digest": "..."}]}

Its JSON Schema (draft-07) is notes.schema.json beside this module; an import checks a file against it
first. An import merges by id: an unknown id is added, a known one is replaced when the file's "updated" is newer,
and left alone otherwise. A file that is damaged, foreign or holds one invalid annotation changes nothing.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from ..report.export import md_escape
from ..report.model import Document
from ..report.render import cite
from .anchor import Placement, place, placements
from .model import Annotation, canonical_id, parse_time, problems, utc_now, utc_text

FORMAT = "cqdesk-notes"
FORMAT_VERSION = 1


# The words of the Markdown export, in the reader's language.
MARKDOWN_LABELS = {
    "zh_CN": {"title": "我的笔记", "bookmark": "书签", "note": "笔记", "highlight": "标注", "yellow": "黄",
              "green": "绿", "blue": "蓝", "pink": "粉", "missing": "在本文中未找到", "source": "来源"},
    "en": {"title": "My notes", "bookmark": "Bookmark", "note": "Note", "highlight": "Highlight", "yellow": "yellow",
           "green": "green", "blue": "blue", "pink": "pink", "missing": "not found in this text", "source": "Source"},
}  # fmt: skip


class ImportRefused(Exception):
    """The file cannot be imported; nothing was changed. The message says why."""


def in_document_order(
    doc: Document, items: list[Annotation], placed: dict[str, Placement | None] | None = None
) -> list[Annotation]:
    """Document order; within a section, bookmark and note first, then highlights by place."""
    placed = placed if placed is not None else placements(doc, items)

    def key(a: Annotation) -> tuple[int, int, int, str]:
        section = doc.sections.get(a.section_id)
        where = placed.get(a.id)
        return (section.position if section else 10**9, 0 if a.kind != "highlight" else 1, where.start if where else 0,
                a.created)  # fmt: skip

    return sorted(items, key=key)


def to_json(doc: Document, digest: str, items: list[Annotation]) -> str:
    def record(a: Annotation) -> dict[str, Any]:
        r: dict[str, Any] = {"id": a.id, "kind": a.kind, "section": a.section_id}
        if a.kind == "highlight":
            r["quote"] = {"exact": a.exact, "prefix": a.prefix, "suffix": a.suffix}
            r["position"] = {"start": a.start, "end": a.end}
        r.update(color=a.color, note=a.note, created=a.created, updated=a.updated, report_digest=a.report_digest)
        if a.report:  # a report of the library; the bundled report's notes name none (as before there was one)
            r["library_report"] = a.report
        return r

    body = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "exported": utc_now(),
        "report": {"title": doc.title, "digest": digest},
        "annotations": [record(a) for a in in_document_order(doc, items)],
    }
    return json.dumps(body, ensure_ascii=False, indent=1) + "\n"


def from_json(text: str) -> list[Annotation]:
    """The annotations of an exported file, every one valid, or ImportRefused. Ids are brought to one spelling
    and times to UTC, so that one note is one note and "newer" means later in time."""
    try:
        body = json.loads(text)
    except (ValueError, RecursionError) as exc:  # not JSON, nested past the parser, a number of 5,000 digits
        raise ImportRefused(f"it is not a JSON file ({str(exc)[:120]})") from None
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise ImportRefused("it is not a cqdesk notes file")
    version = body.get("version")
    if type(version) is not int or version != FORMAT_VERSION:  # true == 1 in Python, not in the format
        raise ImportRefused(f"it is a version {json.dumps(version)[:20]} notes file; this cqdesk reads version 1")
    records = body.get("annotations")
    if not isinstance(records, list):
        raise ImportRefused("it has no list of annotations")
    out: list[Annotation] = []
    for n, r in enumerate(records, 1):
        try:
            if not isinstance(r, dict):
                raise TypeError("not an object")
            quote = r.get("quote") or {}
            position = r.get("position") or {}
            a = Annotation(
                id=r["id"], kind=r["kind"], section_id=r["section"],
                start=position.get("start", 0), end=position.get("end", 0),
                exact=quote.get("exact", ""), prefix=quote.get("prefix", ""), suffix=quote.get("suffix", ""),
                color=r.get("color", ""), note=r.get("note", ""),
                created=r["created"], updated=r["updated"], report_digest=r.get("report_digest", ""),
                report=r.get("library_report", ""),
            )  # fmt: skip
        except (KeyError, TypeError, AttributeError) as exc:
            raise ImportRefused(f"annotation {n} is incomplete ({exc})") from None
        try:
            a = replace(a, id=canonical_id(a.id), created=utc_text(parse_time(a.created)),
                        updated=utc_text(parse_time(a.updated)))  # fmt: skip
        except (ValueError, OverflowError) as exc:
            raise ImportRefused(f"annotation {n} is not valid: {exc}") from None
        if why := problems(a):
            raise ImportRefused(f"annotation {n} is not valid: {'; '.join(why)}")
        out.append(a)
    if len({a.id for a in out}) != len(out):
        raise ImportRefused("it holds the same annotation twice")
    # Last, the published schema (the checks above say the common faults more plainly): what it refuses is
    # refused here too, so a file that passes is one any other tool reading the schema accepts.
    if problem := schema_problem(body):
        raise ImportRefused(problem)
    return out


def schema() -> dict[str, Any]:
    """The format's JSON Schema, as shipped in the package."""
    from pathlib import Path

    # Beside this module, from source, an installed wheel and the installers alike (packaging/cqdesk.spec).
    loaded: dict[str, Any] = json.loads(Path(__file__).with_name("notes.schema.json").read_text("utf-8"))
    return loaded


def schema_problem(body: object) -> str:
    """Where ``body`` breaks the schema, in one sentence ("" if it does not)."""
    import fastjsonschema  # here: only an import needs it (pure Python, no dependencies)

    try:
        fastjsonschema.validate(schema(), body)
    except fastjsonschema.JsonSchemaValueException as exc:
        path = exc.path[1:]  # ["data", "annotations", 0, "color"] -> ["annotations", 0, "color"]
        n = path[1] if path[:1] == ["annotations"] and len(path) > 1 else None
        where = f"annotation {n + 1}" if isinstance(n, int) else "the file"
        field_name = next((str(p) for p in reversed(path) if isinstance(p, str) and p != "annotations"), "")
        return f"{where} does not follow the notes format" + (f" (its {field_name!r})" if field_name else "")
    return ""


@dataclass
class MergePlan:
    added: list[Annotation] = field(default_factory=list)
    changed: list[Annotation] = field(default_factory=list)
    skipped: list[Annotation] = field(default_factory=list)

    def summary(self) -> str:
        return f"{len(self.added)} added, {len(self.changed)} changed, {len(self.skipped)} skipped (not newer)"


def merge_plan(existing: list[Annotation], incoming: list[Annotation]) -> MergePlan:
    have = {a.id: a for a in existing}
    plan = MergePlan()
    for a in incoming:
        old = have.get(a.id)
        if old is None:
            plan.added.append(a)
        elif _when(a) > _when(old):
            plan.changed.append(a)
        else:
            plan.skipped.append(a)
    return plan


def _when(a: Annotation) -> datetime:
    try:
        return parse_time(a.updated)
    except ValueError:  # stored before times were checked: older than anything dated
        return datetime.min.replace(tzinfo=UTC)


def citation(doc: Document, sid: str) -> str:
    """《2025年重庆市政府工作报告》二、1. 加快构建现代化集疏运体系"""
    return cite(doc, sid) if sid in doc.sections else f"《{doc.title}》({sid})"


def to_markdown(doc: Document, items: list[Annotation], labels: dict[str, str], region: str = "") -> str:
    """For reading: each note under its citation, with the quoted text. ``labels`` gives the words for
    the kinds and for "not found in this text" in the reader's language."""
    from ..report.citation import gb7714, source

    # The report as a bibliography cites it (GB/T 7714-2015), so the notes can be cited with their source.
    cited = gb7714(source(doc, doc.root.id, region))
    lines = [
        f"# {labels.get('title', 'Notes')}: 《{doc.title}》",
        "",
        f"{labels.get('source', 'Source')}: {md_escape(cited)}",
        "",
    ]
    section = None
    for a in in_document_order(doc, items):
        if a.section_id != section:
            section = a.section_id
            lines += [f"## {md_escape(citation(doc, a.section_id))}", ""]
        tag = labels.get(a.kind, a.kind) + (f" ({labels.get(a.color, a.color)})" if a.color else "")
        if place(doc, a) is None:
            tag += f" — {labels.get('missing', 'not found in this text')}"
        lines.append(f"*{md_escape(tag)}*")
        lines.append("")
        if a.exact:
            lines += ["> " + line for line in _md_lines(a.exact)]
            lines.append("")
        if a.note:
            lines += [*_md_lines(a.note), ""]
    return "\n".join(lines)


def to_csv(doc: Document, items: list[Annotation]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel and WPS open the Chinese intact."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(["id", "kind", "section", "citation", "quote", "note", "color", "created", "updated"])
    for a in in_document_order(doc, items):
        row = [a.id, a.kind, a.section_id, citation(doc, a.section_id), a.exact, a.note, a.color, a.created, a.updated]
        w.writerow([_cell(c) for c in row])  # every cell: an imported id or section is text from outside too
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _md_lines(text: str) -> list[str]:
    """A note's lines as written: each line break kept as a hard break (a backslash at the line's end), an empty
    line as the paragraph break it is."""
    lines = [md_escape(line) for line in text.split("\n")]
    return [line + "\\" if line and n + 1 < len(lines) and lines[n + 1] else line for n, line in enumerate(lines)]


def _cell(text: str) -> str:
    """A spreadsheet runs a cell that starts with = + - @ as a formula: keep such text literal."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
