"""An annotation: a bookmark on a section, a highlight of a passage, or a note on either."""

from __future__ import annotations

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

    @classmethod
    def new(cls, kind: str, section_id: str, report_digest: str, **fields: object) -> Annotation:
        import uuid  # here, not at start-up: it brings in the platform module (3 ms)

        now = utc_now()
        made = cls(str(uuid.uuid4()), kind, section_id, created=now, updated=now, report_digest=report_digest)
        return replace(made, **fields)  # type: ignore[arg-type]

    def changed(self, **fields: object) -> Annotation:
        return replace(self, **fields, updated=utc_now())  # type: ignore[arg-type]


def problems(a: Annotation) -> list[str]:
    """Why an annotation is not valid (empty when it is): checked before it is stored or imported."""
    import uuid

    out = []
    try:
        uuid.UUID(a.id)
    except (ValueError, AttributeError, TypeError):
        out.append(f"id {a.id!r} is not a UUID")
    if a.kind not in KINDS:
        out.append(f"kind {a.kind!r} is not one of {', '.join(KINDS)}")
    if not isinstance(a.section_id, str) or not a.section_id:
        out.append("no section")
    if a.color and a.color not in COLORS:
        out.append(f"colour {a.color!r} is not one of {', '.join(COLORS)}")
    if a.kind == "highlight" and not a.exact:
        out.append("a highlight without its quoted text")
    if a.kind != "highlight" and a.exact:
        out.append(f"a {a.kind} with quoted text")
    if not (isinstance(a.start, int) and isinstance(a.end, int) and 0 <= a.start <= a.end):
        out.append("offsets out of order")
    for name in ("exact", "prefix", "suffix", "note", "created", "updated", "report_digest"):
        if not isinstance(getattr(a, name), str):
            out.append(f"{name} is not text")
    if isinstance(a.note, str) and len(a.note) > MAX_NOTE:
        out.append(f"a note longer than {MAX_NOTE:,} characters")
    for name in ("created", "updated"):
        value = getattr(a, name)
        try:
            datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            out.append(f"{name} {value!r} is not a time")
    return out
