"""Build data/report.db from a parsed Document with sqlite-utils.

The build is deterministic: rows are inserted in document order and nothing
records the time or the machine, so rebuilding from the same source gives the
same content (a test compares a rebuild with the committed file).
"""

from __future__ import annotations

import copy
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import sqlite_utils

from .atomic import replacing
from .integrity import content_digest
from .key_figures import pair_indicators
from .keywords import extract_keywords
from .model import Document, Section
from .normalize import fold
from .related import related_links
from .schema import GRAM_MAX, SCHEMA_VERSION
from .views import add_views, livelihood_projects


def section_path(doc: Document, section: Section) -> list[str]:
    """Headings from the top part down to the section (the root excluded)."""
    return [s.heading for s in doc.path(section.id)]


def search_text(section: Section) -> str:
    """The text a search looks in: the section's own lines, led by its heading if the source has none."""
    texts = [b.text for b in section.blocks]
    if section.heading not in texts and section.parent is not None and section.lead is None:
        texts.insert(0, section.heading)
    return "\n".join(texts)


def search_rows(doc: Document, id_prefix: str = "", position_offset: int = 0) -> Iterator[dict[str, Any]]:
    """Rows of the search tables; the prefix and offset let benchmarks build large synthetic copies."""
    for s in doc.sections.values():
        if s.kind == "view":
            continue  # tables drawn from the text; searching finds the text itself
        text = search_text(s)
        norm = fold(text)
        yield {
            "rowid": position_offset + s.position + 1,
            "section_id": id_prefix + s.id,
            "part": s.id.split("/")[0],
            "position": position_offset + s.position,
            "nlen": len(norm),
            "norm_heading": fold(s.heading),
            "norm": norm,
            "heading": s.heading,
            "path": json.dumps(section_path(doc, s), ensure_ascii=False),
            "text": text,
        }


_RANK_COLUMNS = ("rowid", "section_id", "part", "position", "nlen", "norm_heading", "norm")
_DISPLAY_COLUMNS = ("rowid", "heading", "path", "text")


# Blocks of code points where OpenCC's traditional characters live.
CJK_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))


def variant_rows(doc: Document) -> list[dict[str, str]]:
    """Traditional characters whose simplified form (OpenCC's t2s table) occurs in the report.

    Only characters that do not occur in the report themselves: a simplified character of the
    text is never rewritten. The table is resources/t2s.txt, made from OpenCC by scripts/make_t2s.py, so
    that importing a report needs no OpenCC.
    """
    present = {c for b in doc.blocks for c in b.text}
    return [
        {"traditional": ch, "simplified": simplified}
        for ch, simplified in t2s_pairs()
        if simplified in present and ch not in present
    ]


def t2s_pairs() -> list[tuple[str, str]]:
    from .paths import resources_dir

    text = (resources_dir() / "t2s.txt").read_text(encoding="utf-8")
    return [(line[0], line[1]) for line in text.splitlines() if len(line) == 2]


def _create_search_tables(db: sqlite_utils.Database) -> None:
    # Ranking reads only this narrow table; display columns are joined for the returned rows alone.
    db.table("search").create(
        {"rowid": int, "section_id": str, "part": str, "position": int, "nlen": int, "norm_heading": str, "norm": str},
        pk="rowid",
    )
    db.table("search_display").create({"rowid": int, "heading": str, "path": str, "text": str}, pk="rowid")
    # Terms of 3+ characters: trigram substring index.
    db.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5(norm, content='search', content_rowid='rowid', tokenize='trigram')"
    )
    # Terms of 1-3 characters, ranked without reading the text: every such substring of a row with its
    # count and whether the heading holds it, in ranking order, so a query reads the first page and stops.
    # Longer terms take their rarest trigram's entries as an upper bound (cqdesk.report.search).
    db.execute(
        "CREATE TABLE search_grams (gram TEXT NOT NULL, th INTEGER NOT NULL, cnt INTEGER NOT NULL, "
        "position INTEGER NOT NULL, rid INTEGER NOT NULL, PRIMARY KEY (gram, th DESC, cnt DESC, position)) "
        "WITHOUT ROWID"
    )


def fill_search(db: sqlite_utils.Database, rows: Iterable[dict[str, Any]]) -> None:
    conn = db.conn
    batch: list[dict[str, Any]] = []

    def flush() -> None:
        db.table("search").insert_all(({k: r[k] for k in _RANK_COLUMNS} for r in batch), batch_size=2000)
        db.table("search_display").insert_all(({k: r[k] for k in _DISPLAY_COLUMNS} for r in batch), batch_size=2000)
        conn.executemany(
            "INSERT INTO search_grams VALUES (?, ?, ?, ?, ?)",
            (
                (gram, th, cnt, r["position"], r["rowid"])
                for r in batch
                for gram, th, cnt in gram_counts(r["norm"], r["norm_heading"])
            ),
        )
        batch.clear()

    for row in rows:
        batch.append(row)
        if len(batch) >= 5000:
            flush()
    flush()
    conn.execute("INSERT INTO search_fts(search_fts) VALUES('rebuild')")
    # A multi-term query looks up each further term's count for the rows of the rarest.
    conn.execute("CREATE INDEX search_grams_row ON search_grams (gram, rid)")


@lru_cache(maxsize=256)  # the benchmark's synthetic copies repeat each text
def gram_counts(norm: str, norm_heading: str) -> list[tuple[str, int, int]]:
    """(gram, in the heading, count) for every distinct substring of up to GRAM_MAX characters without
    white space (terms never hold any); counted as search counts a term: non-overlapping, from the left."""
    grams = {
        norm[i : i + n]
        for n in range(1, GRAM_MAX + 1)
        for i in range(len(norm) - n + 1)
        if not any(c.isspace() for c in norm[i : i + n])
    }
    return [(g, int(g in norm_heading), norm.count(g)) for g in sorted(grams)]


def build_database(doc: Document, out: Path, provenance: Mapping[str, str] | None = None) -> int:
    """Write the database to ``out`` atomically (a temporary file renamed into place); ``doc`` is not changed.
    Returns the number of sections written (the text's and the tables drawn from it)."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    doc = copy.deepcopy(doc)
    add_views(doc)  # the key-figure and livelihood tables, in the tree beside the text they summarise
    with replacing(out) as tmp:
        # Pass a standard-library connection: sqlite-utils would otherwise prefer pysqlite3 if installed.
        conn = sqlite3.connect(tmp)
        _no_plugins()
        try:
            db = sqlite_utils.Database(conn)
            _write_metadata(db, doc)
            if provenance:  # an imported report's: where it came from (kept beside its text, read-only)
                db.table("metadata").insert_all(({"key": f"import_{k}", "value": v} for k, v in provenance.items()))
            _write_text(db, doc)
            _write_search(db, doc)
            _write_derived(db, doc)
            _ensure_tables(db)
            conn.commit()  # FTS5 writes its index out at commit: digest only after it
            db.table("metadata").insert({"key": "content_sha256", "value": content_digest(conn)})
            conn.commit()
            conn.execute("VACUUM")
        finally:
            conn.close()
    return len(doc.sections)


# Tables a report may have no rows for (an imported report has no figures in the outline's form, no
# livelihood list): sqlite-utils makes a table from its first row, so these are made empty, with their columns.
_EMPTY_TABLES: dict[str, tuple[dict[str, type], str | tuple[str, ...]]] = {
    "indicators": ({"id": int, "label": str, "value": str, "unit": str, "change": str, "year": int, "role": str,
                    "qualifier": str, "section_id": str, "line_no": int, "statement": str}, "id"),
    "key_figures": ({"id": int, "label": str, "change": str, "result_line": int, "target_line": int}, "id"),
    "livelihood": ({"number": int, "text": str, "amounts": str, "line_no": int}, "number"),
    "related": ({"id": int, "source": str, "target": str, "score": float, "shared": str}, "id"),
    "keywords": ({"term": str, "kind": str, "total": int, "rank": int}, "term"),
    "keyword_sections": ({"term": str, "section_id": str, "count": int, "ord": int}, ("term", "section_id")),
    "variants": ({"traditional": str, "simplified": str}, "traditional"),  # a text with no Chinese has none
}  # fmt: skip


def _ensure_tables(db: sqlite_utils.Database) -> None:
    for name, (columns, pk) in _EMPTY_TABLES.items():
        if not db.table(name).exists():
            db.table(name).create(columns, pk=pk)


def _no_plugins() -> None:
    """The same database whatever else is installed: sqlite-utils' plugins (setuptools entry points) are never
    loaded. Looking for them also needs importlib.metadata's e-mail parser, which the installers leave out."""
    import sqlite_utils.plugins

    sqlite_utils.plugins._plugins_loaded = True


def _write_metadata(db: sqlite_utils.Database, doc: Document) -> None:
    db.table("metadata").insert_all(
        [
            {"key": "schema_version", "value": str(SCHEMA_VERSION)},
            {"key": "source_sha256", "value": doc.source_sha256},
            {"key": "source_lines", "value": str(len(doc.blocks))},
            *([{"key": "source_line_count", "value": str(doc.line_count)}] if doc.line_count else []),
            {"key": "max_text_length", "value": str(max(len(fold(search_text(s))) for s in doc.sections.values()))},
        ],
        pk="key",
    )


def _write_text(db: sqlite_utils.Database, doc: Document) -> None:
    """The report itself: its cover lines, sections, source lines and stated figures."""
    db.table("document").insert(
        {
            "id": 1,
            "title": doc.title,
            "date": doc.date,
            "congress": doc.congress,
            "speaker_role": doc.speaker_role,
            "speaker": doc.speaker,
            "occasion_line": doc.occasion_line,
        },
        pk="id",
    )
    db.table("sections").insert_all(
        (
            {
                "id": s.id,
                "parent": s.parent,
                "kind": s.kind,
                "ordinal": s.ordinal,
                "depth": s.depth,
                "position": s.position,
                "label": s.label,
                "title": s.title,
                "text": s.own_text,
            }
            for s in doc.sections.values()
        ),
        pk="id",
        columns={"parent": str, "ordinal": int},
    )
    db.table("blocks").insert_all(
        (
            {"id": i + 1, "section_id": b.section_id, "line_no": b.line_no, "kind": b.kind, "text": b.text}
            for i, b in enumerate(doc.blocks)
        ),
        pk="id",
        foreign_keys=[("section_id", "sections", "id")],
    )
    db.table("indicators").insert_all(
        (
            {
                "id": i + 1,
                "label": r.label,
                "value": r.value,
                "unit": r.unit,
                "change": r.change,
                "year": r.year,
                "role": r.role,
                "qualifier": r.qualifier,
                "section_id": r.section_id,
                "line_no": r.line_no,
                "statement": r.statement,
            }
            for i, r in enumerate(doc.indicators)
        ),
        pk="id",
        columns={"value": str},
        foreign_keys=[("section_id", "sections", "id")],
    )
    db.table("blocks").create_index(["section_id"])


def _write_search(db: sqlite_utils.Database, doc: Document) -> None:
    _create_search_tables(db)
    fill_search(db, search_rows(doc))
    db.table("variants").insert_all(variant_rows(doc), pk="traditional")


def _write_derived(db: sqlite_utils.Database, doc: Document) -> None:
    """What is computed from the text once, so the app needs none of it at start-up."""
    db.table("key_figures").insert_all(
        (
            {
                "id": i + 1,
                "label": f.label,
                "change": f.change,
                "result_line": f.result.line_no if f.result else None,
                "target_line": f.target.line_no if f.target else None,
            }
            for i, f in enumerate(pair_indicators(doc.indicators))
        ),
        pk="id",
        columns={"result_line": int, "target_line": int},
    )
    db.table("livelihood").insert_all(
        (
            {"number": p.number, "text": p.text, "amounts": "、".join(p.amounts), "line_no": p.line_no}
            for p in livelihood_projects(doc)
        ),
        pk="number",
    )
    db.table("related").insert_all(
        (
            {"id": n + 1, "source": k.source, "target": k.target, "score": k.score, "shared": "、".join(k.shared)}
            for n, k in enumerate(related_links(doc))
        ),
        pk="id",
    )
    keywords = extract_keywords(doc)
    db.table("keywords").insert_all(
        ({"term": k.term, "kind": k.kind, "total": k.total, "rank": i} for i, k in enumerate(keywords)), pk="term"
    )
    db.table("keyword_sections").insert_all(
        (
            {"term": k.term, "section_id": sid, "count": n, "ord": j}
            for k in keywords
            for j, (sid, n) in enumerate(k.sections)
        ),
        pk=("term", "section_id"),
    )
