"""Find-in-page over the whole report, ranked.

Every term of the query (white space separates terms) must occur in a section's
own text, as a substring, after NFKC and case folding. Terms of 3+ characters
narrow the candidates through the FTS5 trigram index; shorter ones (重庆, 库) are
found by scanning the base table, since trigrams cannot index them. Either way
``instr`` on the folded text decides, so the index only ever speeds things up.
User text reaches SQL only as bound parameters, and FTS phrases are quoted.
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .normalize import find_spans, query_terms

SNIPPET_BEFORE = 16
SNIPPET_LENGTH = 72
MAX_FTS_PHRASES = 4
DEFAULT_LIMIT = 100  # results a list can usefully show; the window and the benchmark use it


@dataclass(frozen=True)
class SearchHit:
    id: str
    part: str  # "review", "plan" or "report"
    path: list[str]  # headings from the top part down to the section
    title: str  # the section's heading with its number
    snippet: str
    marks: list[tuple[int, int]] = field(default_factory=list)  # hit spans within the snippet
    hits: int = 0
    title_hit: bool = False
    position: int = 0
    title_marks: list[tuple[int, int]] = field(default_factory=list)  # hit spans within the title

    def marked_snippet(self, before: str = "【", after: str = "】") -> str:
        return mark(self.snippet, self.marks, before, after)

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "snippet": self.snippet,
            "marks": [list(m) for m in self.marks],
            "title_marks": [list(m) for m in self.title_marks],
            "hits": self.hits,
        }


def mark(text: str, spans: list[tuple[int, int]], before: str, after: str, escape: Callable[[str], str] = str) -> str:
    """``text`` with each span wrapped in ``before``/``after``; every piece of text goes through ``escape``."""
    out, last = [], 0
    for s, e in spans:
        out += [escape(text[last:s]), before, escape(text[s:e]), after]
        last = e
    out.append(escape(text[last:]))
    return "".join(out)


def fts_phrase(term: str) -> str:
    """An FTS5 string literal: operators and quotes inside it are plain characters."""
    return '"' + term.replace('"', '""') + '"'


def make_snippet(text: str, terms: list[str], folded: str | None = None) -> tuple[str, list[tuple[int, int]]]:
    """A window of the text around the first hit, with the hit spans inside it."""
    flat = text.replace("\n", " ")
    spans = find_spans(flat, terms, folded.replace("\n", " ") if folded is not None else None)
    first = spans[0][0] if spans else 0
    start = max(0, min(first - SNIPPET_BEFORE, len(flat) - SNIPPET_LENGTH))
    end = min(len(flat), start + SNIPPET_LENGTH)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(flat) else ""
    shift = len(prefix) - start
    marks = [(max(s, start) + shift, min(e, end) + shift) for s, e in spans if e > start and s < end]
    return prefix + flat[start:end] + suffix, marks


def _char_indexable(term: str) -> bool:
    """Whether every character is a token of the unicode61 tokenizer (letters, numbers, private use)."""
    return all(unicodedata.category(c)[0] in "LN" or unicodedata.category(c) == "Co" for c in term)


def search(
    conn: sqlite3.Connection,
    query: str,
    limit: int = DEFAULT_LIMIT,
    max_text_length: int | None = None,
    variants: dict[str, str] | None = None,
) -> list[SearchHit]:
    """Sections whose own text holds every term: title hits first, then by hit count, then document order."""
    if limit <= 0:
        return []
    terms = query_terms(query, variants=variants)
    if not terms:
        return []
    if max_text_length is not None and any(len(t) > max_text_length for t in terms):
        return []  # cannot occur anywhere; spares the scan of a 10,000-character paste
    long_terms = sorted((t for t in terms if len(t) >= 3), key=len, reverse=True)[:MAX_FTS_PHRASES]
    short_terms = [t for t in terms if len(t) < 3 and _char_indexable(t)][:MAX_FTS_PHRASES]
    try:
        rows = _query(conn, terms, long_terms, [] if long_terms else short_terms, limit)
    except sqlite3.OperationalError:
        # An index may refuse an exotic phrase; the plain scan gives the same answer.
        rows = _query(conn, terms, [], [], limit)
    hits = []
    for sid, part, position, norm, count, title_hit, heading, path, text in rows:
        # The heading is shown beside the snippet already, with its hits marked: the snippet shows the body,
        # around a hit where the body has one (else the heading's hit would be the only one in view).
        first, sep, body = text.partition("\n")
        if sep and first == heading:
            body_norm = norm.partition("\n")[2]  # folding is per character, so lines stay aligned
            if find_spans(body, terms, body_norm):
                text, norm = body, body_norm
        snippet, marks = make_snippet(text, terms, norm)
        title_marks = find_spans(heading, terms)
        hits.append(
            SearchHit(
                sid, part, json.loads(path), heading, snippet, marks, count, bool(title_hit), position, title_marks
            )
        )
    return hits


class SearchIndex:
    """The one way into search: the report's index, read-only, with what every query needs beside it
    (the longest text, for hopeless terms; the traditional-character table). The CLI, the window's worker
    thread and the self-test all ask through it."""

    def __init__(self, conn: sqlite3.Connection, max_text_length: int | None, variants: dict[str, str]) -> None:
        self._conn = conn
        self._max_text_length = max_text_length
        self._variants = variants
        self._owned = False

    @classmethod
    def open(cls, path: Path) -> SearchIndex:
        """Its own connection (a thread that searches opens one for itself); close() closes it."""
        from .store import connect_readonly, load_variants, read_metadata

        conn = connect_readonly(path)
        try:
            index = cls(conn, read_metadata(conn, path).max_text_length, load_variants(conn))
        except BaseException:
            conn.close()
            raise
        index._owned = True
        return index

    def search(self, query: str, limit: int = DEFAULT_LIMIT) -> list[SearchHit]:
        return search(self._conn, query, limit, self._max_text_length, self._variants)

    def terms(self, query: str) -> list[str]:
        """The folded terms a query looks for (traditional characters made simplified)."""
        return query_terms(query, variants=self._variants)

    def close(self) -> None:
        if self._owned:
            self._conn.close()


def _query(
    conn: sqlite3.Connection, terms: list[str], trigram_terms: list[str], char_terms: list[str], limit: int
) -> list[tuple[Any, ...]]:
    where: list[str] = []
    params: list[object] = []
    if trigram_terms:
        where.append("s.rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)")
        params.append(" ".join(fts_phrase(t) for t in trigram_terms))
    if char_terms:
        where.append("s.rowid IN (SELECT rowid FROM search_chars WHERE search_chars MATCH ?)")
        params.append(" ".join(fts_phrase(" ".join(t)) for t in char_terms))
    for t in terms:
        where.append("instr(s.norm, ?) > 0")
        params.append(t)
    count_expr = " + ".join("(s.nlen - length(replace(s.norm, ?, ''))) / ?" for _ in terms)
    title_expr = " OR ".join("instr(s.norm_heading, ?) > 0" for _ in terms)
    select_params: list[object] = []
    for t in terms:
        select_params += [t, len(t)]
    select_params += terms
    sql = (
        f"WITH ranked AS (SELECT s.rowid AS rid, s.section_id, s.part, s.position, s.norm, {count_expr} AS hits, "
        f"({title_expr}) AS th FROM search s WHERE {' AND '.join(where)} "
        "ORDER BY th DESC, hits DESC, s.position LIMIT ?) "
        "SELECT r.section_id, r.part, r.position, r.norm, r.hits, r.th, d.heading, d.path, d.text "
        "FROM ranked r JOIN search_display d ON d.rowid = r.rid ORDER BY r.th DESC, r.hits DESC, r.position"
    )
    return conn.execute(sql, [*select_params, *params, limit]).fetchall()
