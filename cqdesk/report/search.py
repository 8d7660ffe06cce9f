"""Find-in-page over the whole report, ranked.

Every term of the query (white space separates terms) must occur in a section's
own text, as a substring, after NFKC and case folding. Ranking: sections whose
heading holds a term first, then by the number of hits, then document order.

Terms of up to three characters (库, 重庆, 新通道) are ranked from search_grams,
which stores each such substring's count per section in ranking order: a query
reads its first page and stops, however many sections hold the term. A longer
single term walks its rarest trigram's entries, whose counts bound its own, and
stops once no later section can rank higher. Other queries narrow the candidates
through the FTS5 trigram index and count with ``instr`` on the folded text.
User text reaches SQL only as bound parameters, and FTS phrases are quoted.
"""

from __future__ import annotations

import heapq
import json
import sqlite3
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .normalize import find_spans, query_terms
from .schema import GRAM_MAX

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
    return _page(conn, _ranked(conn, terms, limit), terms)


def _ranked(conn: sqlite3.Connection, terms: list[str], limit: int) -> Ranked:
    try:
        return _rank(conn, terms, limit)
    except sqlite3.OperationalError:
        # The trigram index may refuse an exotic phrase; the plain scan gives the same answer.
        return _rank_by_scan(conn, terms, [], limit)


def _page(conn: sqlite3.Connection, ranked: Ranked, terms: list[str]) -> list[SearchHit]:
    """The ranked sections as results: their headings, paths and snippets with the hits marked."""
    rows = _display_rows(conn, ranked)
    hits = []
    for (_, count, title_hit), (sid, part, position, norm, heading, path, text) in zip(ranked, rows, strict=True):
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

    def ranked(self, query: str, limit: int = DEFAULT_LIMIT) -> tuple[list[str], Ranked]:
        """The query's terms and its best sections by their counts alone (nothing built for display)."""
        terms = self.terms(query)
        if limit <= 0 or not terms:
            return terms, []
        if self._max_text_length is not None and any(len(t) > self._max_text_length for t in terms):
            return terms, []
        return terms, _ranked(self._conn, terms, limit)

    def page(self, terms: list[str], ranked: Ranked) -> list[SearchHit]:
        return _page(self._conn, ranked, terms)

    def close(self) -> None:
        if self._owned:
            self._conn.close()


Ranked = list[tuple[int, int, bool]]  # (rowid, hits, title hit), best first


def _rank(conn: sqlite3.Connection, terms: list[str], limit: int) -> Ranked:
    if all(len(t) <= GRAM_MAX for t in terms):
        return _rank_by_grams(conn, terms, limit)
    if len(terms) == 1:
        return _rank_by_bound(conn, terms[0], limit)
    long_terms = sorted((t for t in terms if len(t) >= 3), key=len, reverse=True)[:MAX_FTS_PHRASES]
    return _rank_by_scan(conn, terms, long_terms, limit)


def _frequency(conn: sqlite3.Connection, gram: str) -> int:
    return int(conn.execute("SELECT count(*) FROM search_grams WHERE gram = ?", [gram]).fetchone()[0])


def _rank_by_grams(conn: sqlite3.Connection, terms: list[str], limit: int) -> Ranked:
    """Every term short: the rarest term's entries, each further term's count looked up beside them."""
    terms = sorted(terms, key=lambda t: _frequency(conn, t)) if len(terms) > 1 else terms
    joins = "".join(f" JOIN search_grams g{i} ON g{i}.gram = ? AND g{i}.rid = g0.rid" for i in range(1, len(terms)))
    hits = " + ".join(f"g{i}.cnt" for i in range(len(terms)))
    title = f"max({', '.join(f'g{i}.th' for i in range(len(terms)))})" if len(terms) > 1 else "g0.th"
    sql = (
        f"SELECT g0.rid, {hits} AS hits, {title} AS th FROM search_grams g0{joins} WHERE g0.gram = ? "
        "ORDER BY th DESC, hits DESC, g0.position LIMIT ?"
    )
    return [(rid, n, bool(th)) for rid, n, th in conn.execute(sql, [*terms[1:], terms[0], limit])]


def _rank_by_bound(conn: sqlite3.Connection, term: str, limit: int) -> Ranked:
    """One long term. Each occurrence of it begins an occurrence of each of its trigrams, and a heading
    that holds it holds them, so the rarest trigram's entries, in their stored order, bound the term's
    rank from above: count the term in those sections in that order until the page is full and the next
    bound cannot beat its last entry."""
    trigrams = {term[i : i + 3] for i in range(len(term) - 2)}
    gram = min(sorted(trigrams), key=lambda g: _frequency(conn, g))
    rows = conn.execute(
        "SELECT g.th, g.cnt, g.position, g.rid, (s.nlen - length(replace(s.norm, ?1, ''))) / ?2, "
        "instr(s.norm_heading, ?1) > 0 FROM search_grams g JOIN search s ON s.rowid = g.rid "
        "WHERE g.gram = ?3 ORDER BY g.th DESC, g.cnt DESC, g.position",
        [term, len(term), gram],
    )
    page: list[tuple[int, int, int, int]] = []  # a min-heap of (th, hits, -position, rid)
    with closing(rows):
        for bound_th, bound_hits, position, rid, hits, th in rows:
            if len(page) == limit and page[0][:3] >= (bound_th, bound_hits, -position):
                break
            if hits:
                entry = (int(th), hits, -position, rid)
                if len(page) < limit:
                    heapq.heappush(page, entry)
                elif entry > page[0]:
                    heapq.heapreplace(page, entry)
    return [(rid, hits, bool(th)) for th, hits, _, rid in sorted(page, reverse=True)]


def _rank_by_scan(conn: sqlite3.Connection, terms: list[str], trigram_terms: list[str], limit: int) -> Ranked:
    """Candidates from the trigram index (or every section), each term counted in the folded text."""
    where: list[str] = []
    params: list[object] = []
    if trigram_terms:
        where.append("s.rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)")
        params.append(" ".join(fts_phrase(t) for t in trigram_terms))
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
        f"SELECT s.rowid, {count_expr} AS hits, ({title_expr}) AS th FROM search s WHERE {' AND '.join(where)} "
        "ORDER BY th DESC, hits DESC, s.position LIMIT ?"
    )
    return [(rid, n, bool(th)) for rid, n, th in conn.execute(sql, [*select_params, *params, limit])]


def _display_rows(conn: sqlite3.Connection, ranked: Ranked) -> list[tuple[Any, ...]]:
    """What the ranked sections show, in the same order."""
    if not ranked:
        return []
    rids = [rid for rid, _, _ in ranked]
    found = {
        row[0]: row[1:]
        for row in conn.execute(
            "SELECT s.rowid, s.section_id, s.part, s.position, s.norm, d.heading, d.path, d.text FROM search s "
            f"JOIN search_display d ON d.rowid = s.rowid WHERE s.rowid IN ({','.join('?' * len(rids))})",
            rids,
        )
    }
    return [found[rid] for rid in rids]


def search_library(
    indexes: Sequence[tuple[str, SearchIndex]], query: str, limit: int = DEFAULT_LIMIT
) -> list[tuple[str, SearchHit]]:
    """The best ``limit`` hits across several reports (each named by its id), ranked as one report's are: title
    hits first, then by count, then in the order the reports are given and their own order. Every report is
    ranked by its stored counts; only the sections that make the page are built for display, so a library of
    50 reports costs 50 rankings and one page, not 50 pages."""
    candidates: list[tuple[tuple[bool, int, int, int], int, tuple[int, int, bool]]] = []
    terms_of: dict[int, list[str]] = {}
    for n, (_, index) in enumerate(indexes):
        terms_of[n], ranked = index.ranked(query, limit)
        candidates += [((not th, -hits, n, k), n, (rid, hits, th)) for k, (rid, hits, th) in enumerate(ranked)]
    chosen = sorted(candidates)[:limit]
    wanted: dict[int, Ranked] = {}
    for _, n, entry in chosen:
        wanted.setdefault(n, []).append(entry)
    built = {
        (n, entry[0]): hit
        for n, entries in wanted.items()
        for entry, hit in zip(entries, indexes[n][1].page(terms_of[n], entries), strict=True)
    }
    return [(indexes[n][0], built[(n, entry[0])]) for _, n, entry in chosen]
