"""A digest of every row the app reads, recorded at build time and checked on every open.

SQLite's quick_check proves the file's structure, not its text: a byte changed inside a
page of text passes it. Checking this digest means damaged text is refused, never shown.
"""

from __future__ import annotations

import sqlite3

# The tables the app reads, each in a fixed order, then the search indexes' own tables: a damaged
# index would not show wrong text, but it would silently miss hits or rank them wrongly.
CONTENT_TABLES = (
    ("document", "id"),
    ("sections", "position"),
    ("blocks", "id"),
    ("indicators", "id"),
    ("search", "rowid"),
    ("search_display", "rowid"),
    ("variants", "traditional"),
    ("keywords", "rank"),
    ("key_figures", "id"),
    ("related", "id"),
    ("livelihood", "number"),
    ("keyword_sections", "term, ord"),
    ("search_grams", "gram, th DESC, cnt DESC, position"),  # its primary key: read in stored order
)


def _index_tables(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    names = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'search_fts_%' ORDER BY name"
    )
    return [(name, "1") for (name,) in names]


def _table_text(conn: sqlite3.Connection, table: str, order: str) -> str:
    """Every row of the table as SQL literals, in order, joined inside SQLite: one value crosses into
    Python instead of thousands of rows (the check runs on every start)."""
    columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
    row = " || ',' || ".join(f'quote("{c}")' for c in columns)
    sql = f'SELECT count(*), group_concat(r, char(10)) FROM (SELECT {row} AS r FROM "{table}" ORDER BY {order})'
    count, text = conn.execute(sql).fetchone()
    return f"{table} {count}\n{text or ''}\n"


def content_digest(conn: sqlite3.Connection) -> str:
    import hashlib  # loaded by the check's own thread, off the window's path at start-up

    h = hashlib.sha256()
    for table, order in (*CONTENT_TABLES, *_index_tables(conn)):
        h.update(_table_text(conn, table, order).encode("utf-8", "surrogatepass"))
    return h.hexdigest()
