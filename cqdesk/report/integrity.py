"""A digest of every row the app reads, recorded at build time and checked on every open.

SQLite's quick_check proves the file's structure, not its text: a byte changed inside a
page of text passes it. Checking this digest means damaged text is refused, never shown.
"""

from __future__ import annotations

import hashlib
import sqlite3

# The tables the app reads, each in a fixed order, then the FTS indexes' own tables: a damaged
# index would not show wrong text, but it would silently miss hits.
CONTENT_QUERIES = (
    "SELECT * FROM document ORDER BY id",
    "SELECT * FROM sections ORDER BY position",
    "SELECT * FROM blocks ORDER BY id",
    "SELECT * FROM indicators ORDER BY id",
    "SELECT * FROM search ORDER BY rowid",
    "SELECT * FROM search_display ORDER BY rowid",
    "SELECT * FROM variants ORDER BY traditional",
    "SELECT * FROM keywords ORDER BY rank",
    "SELECT * FROM key_figures ORDER BY id",
    "SELECT * FROM related ORDER BY id",
    "SELECT * FROM livelihood ORDER BY number",
    "SELECT * FROM keyword_sections ORDER BY term, ord",
)


def _index_queries(conn: sqlite3.Connection) -> list[str]:
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND (name LIKE 'search_fts_%' OR name = "
            "'search_grams') ORDER BY name"
        )
    ]
    return [f'SELECT * FROM "{name}" ORDER BY 1' for name in names]


def content_digest(conn: sqlite3.Connection) -> str:
    h = hashlib.sha256()
    for query in (*CONTENT_QUERIES, *_index_queries(conn)):
        h.update(query.encode())
        for row in conn.execute(query):
            h.update(repr(row).encode("utf-8", "surrogatepass"))
    return h.hexdigest()
