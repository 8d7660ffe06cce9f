"""Open data/report.db read-only and load the report from it.

The database is opened with ``mode=ro&immutable=1``: the file is opened read-only and SQLite never writes, locks or
creates a journal, so the app works from a read-only install folder and cannot
change the file. Every way the file can be wrong ends in one ReportError that
names the path and the problem.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .integrity import content_digest, digest_of, digest_query
from .model import Block, Document, Indicator, Section
from .schema import SCHEMA_VERSION
from .search import DEFAULT_LIMIT, SearchHit, SearchIndex

if TYPE_CHECKING:  # loaded with the data they describe, on first use
    from .key_figures import KeyFigure
    from .keywords import Keyword
    from .related import Link


class ReportError(Exception):
    """The report database cannot be used; the message is meant for the user."""


@dataclass(frozen=True)
class Metadata:
    schema_version: int
    source_sha256: str
    source_lines: int
    max_text_length: int
    content_sha256: str
    line_count: int = 0  # the source's lines, empty ones too (0: not known, or not a text file)


def connect_readonly(path: Path) -> sqlite3.Connection:
    path = Path(path)
    if not path.exists():
        raise ReportError(f"{path}: the report database was not found")
    if path.is_dir():
        raise ReportError(f"{path}: is a folder, not the report database")
    uri = path.resolve().as_uri() + "?mode=ro&immutable=1"  # opened O_RDONLY: no write even by mistake
    try:
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        conn.execute("PRAGMA query_only = 1")
        # Memory-map the file: searches read rows by rowid, and the page cache alone is 2 MB.
        conn.execute("PRAGMA mmap_size = 268435456")
        return conn
    except sqlite3.Error as exc:
        raise ReportError(f"{path}: cannot open the report database ({exc})") from None


def read_text(path: Path) -> str:
    """A report's lines, one per line, read straight from its blocks (counting a term needs no more)."""
    conn = connect_readonly(path)
    try:
        return "\n".join(text for (text,) in conn.execute("SELECT text FROM blocks ORDER BY line_no"))
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        raise ReportError(f"{path}: the report database is damaged ({exc})") from None
    finally:
        conn.close()


def read_metadata(conn: sqlite3.Connection, path: Path) -> Metadata:
    try:
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise ReportError(f"{path}: the report database is damaged ({check})")
        meta = dict(conn.execute("SELECT key, value FROM metadata").fetchall())
    except UnicodeDecodeError:
        raise ReportError(f"{path}: the report database is damaged (text that is not UTF-8)") from None
    except sqlite3.DatabaseError as exc:
        msg = str(exc)
        if "file is not a database" in msg:
            raise ReportError(f"{path}: is not a report database (not an SQLite file)") from None
        if "no such table" in msg:
            raise ReportError(f"{path}: is not a report database (no metadata table)") from None
        raise ReportError(f"{path}: the report database is damaged ({msg})") from None
    try:
        version = int(meta["schema_version"])
    except (KeyError, ValueError):
        raise ReportError(f"{path}: is not a report database (no schema version)") from None
    if version != SCHEMA_VERSION:
        raise ReportError(
            f"{path}: the report database has schema version {version}; this version of cqdesk reads "
            f"version {SCHEMA_VERSION}"
        )
    try:
        return Metadata(
            version,
            meta["source_sha256"],
            int(meta["source_lines"]),
            int(meta["max_text_length"]),
            meta["content_sha256"],
            int(meta.get("source_line_count", "0")),
        )
    except (KeyError, ValueError) as exc:
        raise ReportError(f"{path}: the report database is incomplete (metadata {exc})") from None


def load_variants(conn: sqlite3.Connection) -> dict[str, str]:
    """Traditional -> simplified characters for queries (a few hundred rows)."""
    return dict(conn.execute("SELECT traditional, simplified FROM variants").fetchall())


class Report:
    """The report loaded from its database, plus the open read-only connection for search."""

    def __init__(self, path: Path, *, check: bool = True) -> None:
        """``check=False`` leaves the content check to ``check_in_background`` (whose verdict must be awaited
        before anything of the report is shown)."""
        self.path = Path(path)
        self.conn = connect_readonly(self.path)
        try:
            self.metadata = read_metadata(self.conn, self.path)
            if check:
                self._check_content(self.conn)
            self.document = self._load()
            self.variants = load_variants(self.conn)
            self.index = SearchIndex(self.conn, self.metadata.max_text_length, self.variants)
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:  # a byte changed inside a row of text
            self.conn.close()
            raise ReportError(f"{self.path}: the report database is damaged ({exc})") from None
        except ReportError:
            self.conn.close()
            raise

    def _check_content(self, conn: sqlite3.Connection) -> None:
        self._judge(content_digest(conn))

    def _judge(self, digest: str) -> None:
        if digest != self.metadata.content_sha256:
            raise ReportError(f"{self.path}: the report database is damaged (its text fails the content check)")

    def check_in_background(self) -> Callable[[], None]:
        """Start the content check on a connection of its own; the returned function waits for its verdict
        and raises ReportError as opening would have. The check is one query of about 15 ms in SQLite, which
        runs without the GIL while the window is built (the window is shown only after the verdict); its SQL
        and connection are made here, so the thread needs Python (and waits for the GIL) only to start and
        to hash the bytes."""
        outcome: list[BaseException | None] = []
        try:
            query = digest_query(self.conn)
        except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
            raise ReportError(f"{self.path}: the report database is damaged ({exc})") from None
        conn = connect_readonly(self.path)

        def run() -> None:
            try:
                self._judge(digest_of(conn, query))
                outcome.append(None)
            except (ReportError, sqlite3.DatabaseError, UnicodeDecodeError) as exc:
                outcome.append(exc)
            finally:
                conn.close()

        thread = threading.Thread(target=run, name="report-content-check", daemon=True)
        thread.start()

        def verdict() -> None:
            thread.join()
            if not outcome:  # the thread died of something unforeseen: fail closed
                raise ReportError(f"{self.path}: the report database could not be checked")
            exc = outcome[0]
            if isinstance(exc, ReportError):
                raise exc
            if exc is not None:
                raise ReportError(f"{self.path}: the report database is damaged ({exc})")

        return verdict

    def close(self) -> None:
        self.conn.close()

    def search(self, query: str, limit: int = DEFAULT_LIMIT) -> list[SearchHit]:
        """Sections holding every term of ``query``, best first (see report.search)."""
        return self.index.search(query, limit)

    def refuses_writes(self) -> bool:
        """True when the database cannot be changed through this connection (it is opened immutable)."""
        try:
            self.conn.execute("CREATE TABLE probe (x)")
        except sqlite3.Error:
            return True
        self.conn.rollback()
        return False

    def _load(self) -> Document:
        c = self.conn
        doc = c.execute(
            "SELECT title, date, congress, speaker_role, speaker, occasion_line FROM document WHERE id = 1"
        ).fetchone()
        if doc is None:
            raise ReportError(f"{self.path}: the report database is incomplete (no document row)")
        sections: dict[str, Section] = {}
        for sid, parent, kind, ordinal, depth, position, label, title in c.execute(
            "SELECT id, parent, kind, ordinal, depth, position, label, title FROM sections ORDER BY position"
        ):
            sections[sid] = Section(sid, parent, kind, ordinal, label, title, depth=depth, position=position)
            if parent is not None:
                sections[parent].children.append(sid)
        blocks = [
            Block(line_no, sid, kind, text)
            for sid, line_no, kind, text in c.execute(
                "SELECT section_id, line_no, kind, text FROM blocks ORDER BY line_no"
            )
        ]
        for b in blocks:
            sections[b.section_id].blocks.append(b)
        if len(blocks) != self.metadata.source_lines:
            raise ReportError(
                f"{self.path}: the report database is incomplete ({len(blocks)} of {self.metadata.source_lines} lines)"
            )
        indicators = [
            Indicator(*row)
            for row in c.execute(
                "SELECT label, value, unit, change, year, role, qualifier, section_id, line_no, statement "
                "FROM indicators ORDER BY id"
            )
        ]
        title, date, congress, speaker_role, speaker, occasion_line = doc
        return Document(
            title, date, congress, speaker_role, speaker, occasion_line,
            sections, blocks, indicators, self.metadata.source_sha256, self.metadata.line_count,
        )  # fmt: skip

    # Loaded on first use, not at start-up (the whole database was checked on opening).

    @cached_property
    def keywords(self) -> list[Keyword]:
        return self._load_keywords()

    @cached_property
    def key_figures(self) -> list[KeyFigure]:
        return self._load_key_figures()

    @cached_property
    def related(self) -> list[Link]:
        from .related import Link

        rows = self.conn.execute("SELECT source, target, score, shared FROM related ORDER BY id")
        return [Link(src, dst, score, tuple(shared.split("、"))) for src, dst, score, shared in rows]

    def _load_key_figures(self) -> list[KeyFigure]:
        """The stored pairs; each side is the indicator row of that statement, label and change."""
        from .key_figures import KeyFigure

        def find(line: int | None, label: str, change: str) -> Indicator | None:
            return next(
                (
                    i
                    for i in self.document.indicators
                    if line is not None and (i.line_no, i.label, i.change) == (line, label, change)
                ),
                None,
            )

        return [
            KeyFigure(label, change, find(rl, label, change), find(tl, label, change))
            for label, change, rl, tl in self.conn.execute(
                "SELECT label, change, result_line, target_line FROM key_figures ORDER BY id"
            )
        ]

    def _load_keywords(self) -> list[Keyword]:
        from .keywords import Keyword

        where: dict[str, list[tuple[str, int]]] = {}
        for term, sid, count in self.conn.execute(
            "SELECT term, section_id, count FROM keyword_sections ORDER BY term, ord"
        ):
            where.setdefault(term, []).append((sid, count))
        return [
            Keyword(term, kind, total, tuple(where.get(term, ())))
            for term, kind, total in self.conn.execute("SELECT term, kind, total FROM keywords ORDER BY rank")
        ]

    # Queries the UI and the CLI use -------------------------------------------------------

    def section(self, sid: str) -> Section:
        try:
            return self.document.sections[sid]
        except KeyError:
            raise KeyError(f"no section {sid!r}") from None

    def sections_in_order(self) -> list[Section]:
        return sorted(self.document.sections.values(), key=lambda s: s.position)

    def path_of(self, sid: str) -> list[Section]:
        """Sections from the top part down to ``sid`` (the root excluded)."""
        self.section(sid)  # a clear KeyError for an unknown id
        return self.document.path(sid)

    def subtree_blocks(self, sid: str) -> list[Block]:
        """The blocks of a section and all its descendants, in source order."""
        out: list[Block] = []
        stack = [sid]
        while stack:
            s = self.section(stack.pop())
            out.extend(s.blocks)
            stack.extend(s.children)
        return sorted(out, key=lambda b: b.line_no)

    def export_text(self) -> str:
        """The report's lines, in order, as the source has them: byte for byte where the source was a text file
        whose lines are known (its empty lines where they stood), else its paragraphs, one a line."""
        count = self.metadata.line_count
        if count < (self.document.blocks[-1].line_no if self.document.blocks else 0):
            return "".join(b.text + "\n" for b in self.document.blocks)
        lines = [""] * count
        for b in self.document.blocks:
            lines[b.line_no - 1] = b.text
        return "".join(line + "\n" for line in lines)

    def section_text(self, sid: str) -> str:
        return "".join(b.text + "\n" for b in self.subtree_blocks(sid))

    def citation(self, sid: str) -> str:
        """《title》二、1. 加快构建…: the reference appended to copied text."""
        from .render import cite

        return cite(self.document, sid)
