"""The reader's notes database: SQLite in WAL mode with synchronous=FULL, one transaction per action.

Nothing acknowledged is lost: a change returns only after SQLite has committed it to disk; a damaged file
is moved aside (never deleted) and the newest good daily backup takes its place; a database made by a
newer cqdesk, a read-only folder or a full disk leave the notes readable and say why they cannot change.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import astuple, fields
from datetime import UTC, date, datetime
from pathlib import Path

from .model import Annotation, problems

FILE_NAME = "user.db"
BACKUPS = "backups"
KEEP_BACKUPS = 7

# Forward migrations: MIGRATIONS[n] takes a database from user_version n to n + 1.
MIGRATIONS = (
    """
    CREATE TABLE annotations (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        section_id TEXT NOT NULL,
        start INTEGER NOT NULL DEFAULT 0,
        "end" INTEGER NOT NULL DEFAULT 0,
        exact TEXT NOT NULL DEFAULT '',
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        color TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        report_digest TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX annotations_section ON annotations (section_id);
    """,
)
VERSION = len(MIGRATIONS)
_COLUMNS = [f.name for f in fields(Annotation)]
_COLUMN_LIST = ", ".join(f'"{c}"' for c in _COLUMNS)


class NotesError(Exception):
    """A change could not be saved; the message is meant for the reader. Nothing already saved is affected."""


class NotesStore:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.path = self.folder / FILE_NAME
        self.recovered = ""  # one sentence for the reader when a damaged file was replaced
        self.read_only_reason = ""  # why changes cannot be saved, when they cannot
        self.conn = self._open()

    # -- opening ------------------------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.read_only_reason = f"the notes folder cannot be created ({exc.strerror or exc})"
            return _memory()
        if not os.access(self.folder, os.W_OK) or (self.path.exists() and not os.access(self.path, os.W_OK)):
            self.read_only_reason = "the notes folder is read-only"
            return self._read_only() if self.path.exists() else _memory()
        if self.path.exists():
            try:
                return self._connect()
            except sqlite3.DatabaseError as exc:
                if "locked" in str(exc):  # another program holds it: read nothing rather than wait or damage
                    self.read_only_reason = f"the notes file is in use by another program ({exc})"
                    return _memory()
                return self._recover(str(exc))
        try:
            return self._connect()
        except sqlite3.Error as exc:
            self.read_only_reason = f"the notes cannot be saved in {self.folder} ({exc})"
            return _memory()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        try:
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("the file fails SQLite's check")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > VERSION:
                self.read_only_reason = "these notes were saved by a newer version of cqdesk"
                conn.execute("PRAGMA query_only = 1")
                return conn
            if version == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                raise sqlite3.DatabaseError("it is not a cqdesk notes database")  # someone else's tables
            if conn.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
                raise sqlite3.OperationalError("cannot switch to WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA busy_timeout = 5000")
            _migrate(conn, version)
        except sqlite3.OperationalError as exc:
            conn.close()
            if "readonly" in str(exc) or "unable to open" in str(exc):
                self.read_only_reason = "the notes folder is read-only"
                return self._read_only()
            raise
        except BaseException:
            conn.close()
            raise
        return conn

    def _read_only(self) -> sqlite3.Connection:
        """Read the notes where nothing can be written. A WAL database needs its -shm file to be read; when
        there is none (the last writer closed cleanly, so there is no -wal either) it is read as immutable."""
        uri = self.path.resolve().as_uri()
        for query in ("?mode=ro", "?mode=ro&immutable=1"):
            conn = sqlite3.connect(uri + query, uri=True, check_same_thread=False)
            try:
                conn.execute("PRAGMA query_only = 1")
                conn.execute("SELECT count(*) FROM annotations").fetchone()
                return conn
            except sqlite3.Error:
                conn.close()
        return _memory()

    def _recover(self, reason: str) -> sqlite3.Connection:
        """Move the damaged file aside under a dated name and put the newest good backup in its place."""
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        aside = self.folder / f"user.damaged-{stamp}.db"
        for suffix in ("", "-wal", "-shm"):
            part = Path(str(self.path) + suffix)
            if part.exists():
                part.replace(Path(str(aside) + suffix))
        for backup in self.backups():
            try:
                _check_file(backup)
            except sqlite3.DatabaseError:
                continue
            shutil.copyfile(backup, self.path)
            self.recovered = (
                f"Your notes file was damaged ({reason}); it was kept as {aside.name} and your notes "
                f"were restored from the backup of {backup.stem.removeprefix('user-')}."
            )
            return self._connect()
        self.recovered = (
            f"Your notes file was damaged ({reason}); it was kept as {aside.name}, and no backup was found, "
            "so a new notes file was started."
        )
        return self._connect()

    def close(self) -> None:
        self.conn.close()

    # -- reading ------------------------------------------------------------------------------------------

    def all(self) -> list[Annotation]:
        rows = self.conn.execute(f"SELECT {_COLUMN_LIST} FROM annotations ORDER BY created, id")
        return [Annotation(*row) for row in rows]

    def get(self, aid: str) -> Annotation | None:
        row = self.conn.execute(f"SELECT {_COLUMN_LIST} FROM annotations WHERE id = ?", [aid]).fetchone()
        return None if row is None else Annotation(*row)

    def for_section(self, sid: str) -> list[Annotation]:
        rows = self.conn.execute(f"SELECT {_COLUMN_LIST} FROM annotations WHERE section_id = ? ORDER BY start", [sid])
        return [Annotation(*row) for row in rows]

    def has_any(self) -> bool:
        return _has_rows(self.conn)

    def for_sections(self, sids: list[str]) -> list[Annotation]:
        out: list[Annotation] = []
        for n in range(0, len(sids), 500):  # SQLite's limit on bound parameters
            part = sids[n : n + 500]
            rows = self.conn.execute(
                f"SELECT {_COLUMN_LIST} FROM annotations WHERE section_id IN ({', '.join('?' * len(part))})", part
            )
            out += [Annotation(*row) for row in rows]
        return out

    def bookmarked_sections(self) -> set[str]:
        return {sid for (sid,) in self.conn.execute("SELECT section_id FROM annotations WHERE kind = 'bookmark'")}

    def bookmark(self, sid: str) -> Annotation | None:
        row = self.conn.execute(
            f"SELECT {_COLUMN_LIST} FROM annotations WHERE section_id = ? AND kind = 'bookmark'", [sid]
        ).fetchone()
        return None if row is None else Annotation(*row)

    # -- changing: each call is one transaction, committed before it returns ------------------------------

    def put(self, a: Annotation) -> None:
        """Add or replace one annotation."""
        self.put_many([a])

    def put_many(self, items: list[Annotation]) -> None:
        for a in items:
            if why := problems(a):
                raise NotesError("; ".join(why))
        with self._change() as conn:
            conn.executemany(
                f"INSERT OR REPLACE INTO annotations ({_COLUMN_LIST}) VALUES ({', '.join('?' * len(_COLUMNS))})",
                [astuple(a) for a in items],
            )

    def delete(self, aid: str) -> None:
        with self._change() as conn:
            conn.execute("DELETE FROM annotations WHERE id = ?", [aid])

    @contextmanager
    def _change(self) -> Iterator[sqlite3.Connection]:
        if self.read_only_reason:
            raise NotesError(f"Not saved: {self.read_only_reason}.")
        self._backup_if_due()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise NotesError(f"Not saved: {_plain(exc)}.") from None

    # -- backups ------------------------------------------------------------------------------------------

    def backups(self) -> list[Path]:
        """The daily backups, newest first."""
        return sorted((self.folder / BACKUPS).glob("user-*.db"), reverse=True)

    def _backup_if_due(self, today: date | None = None) -> None:
        """Before the first change of each day, a consistent copy (SQLite's backup API); the last 7 kept."""
        today = today or datetime.now(UTC).date()
        target = self.folder / BACKUPS / f"user-{today.isoformat()}.db"
        if target.exists() or not _has_rows(self.conn):
            return
        try:
            target.parent.mkdir(exist_ok=True)
            part = target.with_suffix(".part")
            dest = sqlite3.connect(part)
            try:
                self.conn.backup(dest)
            finally:
                dest.close()
            part.replace(target)
        except (OSError, sqlite3.Error):
            return  # a missing backup never stops a change; the next change tries again
        for old in self.backups()[KEEP_BACKUPS:]:
            old.unlink(missing_ok=True)

    def restore(self, backup: Path) -> None:
        """Replace the notes by a backup; the current file is kept beside it under a dated name first."""
        _check_file(backup)
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        if self.read_only_reason:
            raise NotesError(f"Not restored: {self.read_only_reason}.")
        keep = sqlite3.connect(self.folder / f"user.before-restore-{stamp}.db")
        try:
            self.conn.backup(keep)  # outside the transaction: a backup waits for the source's writer
        finally:
            keep.close()
        src = sqlite3.connect(backup)
        try:
            rows = src.execute(f"SELECT {_COLUMN_LIST} FROM annotations").fetchall()
        finally:
            src.close()
        with self._change() as conn:
            conn.execute("DELETE FROM annotations")
            conn.executemany(
                f"INSERT INTO annotations ({_COLUMN_LIST}) VALUES ({', '.join('?' * len(_COLUMNS))})", rows
            )


def _memory() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    _migrate(conn, 0)
    return conn


def _migrate(conn: sqlite3.Connection, version: int) -> None:
    for n in range(version, VERSION):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in filter(str.strip, MIGRATIONS[n].split(";")):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {n + 1}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


def _has_annotations(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'annotations'").fetchone() is not None


def _has_rows(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM annotations LIMIT 1").fetchone() is not None


def _check_file(path: Path) -> None:
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok" or not _has_annotations(conn):
            raise sqlite3.DatabaseError(f"{path.name} is not a good notes backup")
    finally:
        conn.close()


def _plain(exc: sqlite3.Error) -> str:
    text = str(exc)
    if "full" in text:
        return "the disk is full"
    if "readonly" in text:
        return "the notes folder is read-only"
    return text
