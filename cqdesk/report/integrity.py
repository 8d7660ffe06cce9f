"""A digest of every row the app reads, recorded at build time and checked on every open.

SQLite's quick_check proves the file's structure, not its text: a byte changed inside a
page of text passes it. Checking this digest means damaged text is refused, never shown.
"""

from __future__ import annotations

import importlib
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


def _table_text_sql(conn: sqlite3.Connection, table: str, order: str) -> str:
    """SQL for one table's part of the digested text: its name, its columns' names and its row count, then
    every row as SQL literals, in order, one per line. The names count: a byte changed in the schema's text
    renames a column, which leaves every row readable and every query of it failing."""
    columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
    row = " || ',' || ".join(f'quote("{c}")' for c in columns)
    names = ",".join(columns).replace("'", "''")
    return (
        f"(SELECT '{table}({names}) ' || count(*) || char(10) || coalesce(group_concat(r, char(10)), '') "
        f"|| char(10) "
        f'FROM (SELECT {row} AS r FROM "{table}" ORDER BY {order}))'
    )


def digest_query(conn: sqlite3.Connection) -> str:
    """One SELECT whose single value is all the digested text as UTF-8 bytes, joined inside SQLite: the
    check crosses into Python once (it runs on every start, on a thread that should need the GIL rarely)."""
    parts = [_table_text_sql(conn, table, order) for table, order in (*CONTENT_TABLES, *_index_tables(conn))]
    return f"SELECT CAST({' || '.join(parts)} AS BLOB)"


def sha256_hex(data: bytes) -> str:
    # Python's own SHA-256, as the standard library's random module takes its SHA-512: importing hashlib loads
    # OpenSSL, which made 3.7 MB of the app's resident memory for this one hash on every start. Same digest.
    for builtin in ("_sha2", "_sha256"):  # CPython 3.12 and later; 3.11
        try:
            return str(importlib.import_module(builtin).sha256(data).hexdigest())
        except ImportError:
            continue
    from hashlib import sha256  # any other Python

    return sha256(data).hexdigest()


def digest_of(conn: sqlite3.Connection, query: str) -> str:
    (data,) = conn.execute(query).fetchone()
    return sha256_hex(data)


def content_digest(conn: sqlite3.Connection) -> str:
    return digest_of(conn, digest_query(conn))
