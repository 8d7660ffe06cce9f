"""Finding the reader's own notes: every term of the query in the note, its quoted passage or its place."""

from __future__ import annotations

from dataclasses import dataclass

from ..report.model import Document
from ..report.normalize import find_spans, fold
from ..report.render import reference
from ..report.search import SearchHit, make_snippet
from .model import Annotation

PART = "notes"  # the results' group: after the report's own parts


@dataclass(frozen=True)
class NoteHit:
    hit: SearchHit  # shown in the results like a section's, in a group of its own
    passage: str  # the highlighted passage to open at ("" for a note on a whole section)


def search_notes(doc: Document, items: list[Annotation], terms: list[str], limit: int = 100) -> list[NoteHit]:
    """Notes (and highlights with notes) whose text, quote or section heading holds every (folded) term,
    in document order, as search results of their own group."""
    out: list[NoteHit] = []
    if not terms:
        return out
    for a in items:
        if not a.note or a.section_id not in doc.sections:
            continue
        where = reference(doc, a.section_id) or doc.title
        body = a.note + (f"\n「{a.exact}」" if a.exact else "")
        folded = fold(f"{where}\n{body}")
        if not all(t in folded for t in terms):
            continue
        snippet, marks = make_snippet(body, terms)
        hits = sum(fold(body).count(t) for t in terms)
        path = [s.heading for s in doc.path(a.section_id)]
        hit = SearchHit(a.section_id, PART, path, where, snippet, marks, hits, False, 0, find_spans(where, terms))
        out.append(NoteHit(hit, a.exact))
        if len(out) >= limit:
            break
    return out
