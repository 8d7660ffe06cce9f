"""An annotation: a bookmark on a section, a highlight of a passage, or a note on either."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime

KINDS = ("bookmark", "note", "highlight")  # a section's bookmark, a section's note, a passage's highlight
COLORS = ("yellow", "green", "blue", "pink")
MAX_NOTE = 100_000  # characters; far beyond any note, short of filling a disk by accident


def utc_now() -> str:
    """UTC, to the millisecond, ISO 8601 with a Z: sorts as text."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class Annotation:
    """Anchored as the W3C Web Annotation model does: a TextPositionSelector (start, end in the section's own
    text) and a TextQuoteSelector (exact, prefix, suffix). If they disagree, the quote wins."""

    id: str
    kind: str
    section_id: str
    start: int = 0
    end: int = 0
    exact: str = ""
    prefix: str = ""
    suffix: str = ""
    color: str = ""
    note: str = ""
    created: str = ""
    updated: str = ""
    report_digest: str = ""  # the report text's digest when it was made
    report: str = ""  # the library's id of the report it is on; empty for the bundled report

    @classmethod
    def new(cls, kind: str, section_id: str, report_digest: str, report: str = "", **fields: object) -> Annotation:
        import uuid  # here, not at start-up: it brings in the platform module (3 ms)

        now = utc_now()
        made = cls(str(uuid.uuid4()), kind, section_id, created=now, updated=now, report_digest=report_digest,
                   report=report)  # fmt: skip
        return replace(made, **fields)  # type: ignore[arg-type]

    def changed(self, **fields: object) -> Annotation:
        return replace(self, **fields, updated=utc_now())  # type: ignore[arg-type]


SECTION_ID = re.compile(r"[a-z0-9][a-z0-9_./-]{0,199}")  # review/tasks/7, plan/areas/2/1: never markup or a formula
REPORT_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,99}")  # the library's ids: 2026-0123abcdef
MAX_OFFSET = 10_000_000  # characters into a section: far past any section, inside SQLite's integers


def parse_time(text: object) -> datetime:
    """An ISO 8601 time with its zone (Z or ±hh:mm), as a time: 15:00+08:00 is 07:00Z. ValueError otherwise."""
    if not isinstance(text, str):
        raise ValueError(f"{text!r} is not a time")
    when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if when.tzinfo is None:
        raise ValueError(f"{text!r} has no time zone")
    return when


def utc_text(when: datetime) -> str:
    """The stored form: UTC to the millisecond with a Z, so that text order is time order."""
    return when.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def canonical_id(text: object) -> str:
    """One spelling of a UUID (lower case, dashed): {…}, urn:uuid:…, upper case and undashed ones are the same
    note. ValueError for anything else."""
    import uuid

    if not isinstance(text, str):
        raise ValueError(f"id {text!r} is not a UUID")
    try:
        return str(uuid.UUID(text.strip()))
    except ValueError:
        raise ValueError(f"id {text!r} is not a UUID") from None


def _is_text(value: str) -> bool:
    """Whether it can be stored and shown: a lone surrogate (from bytes that are not UTF-8) cannot."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def problems(a: Annotation) -> list[str]:
    """Why an annotation is not valid (empty when it is): checked before it is stored or imported."""
    out = []
    texts = ("id", "kind", "section_id", "exact", "prefix", "suffix", "color", "note", "created", "updated",
             "report_digest", "report")  # fmt: skip
    for name in texts:
        value = getattr(a, name)
        if not isinstance(value, str):
            out.append(f"{name} is not text")
        elif not _is_text(value):
            out.append(f"{name} holds bytes that are not text (not UTF-8)")
    if out:
        return out
    try:
        if canonical_id(a.id) != a.id:
            out.append(f"id {a.id!r} is not written as a UUID is stored")
    except ValueError as exc:
        out.append(str(exc))
    if a.kind not in KINDS:
        out.append(f"kind {a.kind!r} is not one of {', '.join(KINDS)}")
    if not a.section_id:
        out.append("no section")
    elif not SECTION_ID.fullmatch(a.section_id):
        out.append(f"section {a.section_id[:80]!r} is not a section id")
    if a.report and not REPORT_ID.fullmatch(a.report):
        out.append(f"report {a.report[:80]!r} is not a report id")
    if a.color and a.color not in COLORS:
        out.append(f"colour {a.color!r} is not one of {', '.join(COLORS)}")
    if a.kind == "highlight" and not a.exact:
        out.append("a highlight without its quoted text")
    if a.kind != "highlight" and a.exact:
        out.append(f"a {a.kind} with quoted text")
    offsets = (a.start, a.end)
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in offsets):
        out.append("offsets are not whole numbers")
    elif not 0 <= a.start <= a.end <= MAX_OFFSET:
        out.append(f"offsets out of order or beyond {MAX_OFFSET:,}")
    if len(a.note) > MAX_NOTE:
        out.append(f"a note longer than {MAX_NOTE:,} characters")
    for name in ("created", "updated"):
        try:
            parse_time(getattr(a, name))
        except ValueError as exc:
            out.append(f"{name}: {exc}")
    return out
