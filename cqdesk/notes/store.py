"""The reader's notes database: SQLite in WAL mode with synchronous=FULL, one transaction per action.

Nothing acknowledged is lost: a change returns only after SQLite has committed it to disk. Damage is decided
only from evidence of damage (SQLite's SQLITE_CORRUPT or SQLITE_NOTADB, a failed check, a file of zero bytes,
another program's tables); then the file is moved aside (never deleted, always offered back) and the newest
good backup takes its place. A full disk, a lock, a read-only folder or a file from a newer cqdesk are not
damage: the notes are read where they can be, and each change is refused with the reason.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import astuple, fields
from datetime import UTC, datetime
from pathlib import Path

from .model import Annotation, problems

FILE_NAME = "user.db"
BACKUPS = "backups"
KEEP_RECENT = 10  # the newest backups, whatever their day
KEEP_DAYS = 7  # and the newest of each of the last seven days that had one
BACKUP_EVERY = 20  # changes: a restore loses at most this many less one (and never what a quit backed up)
OPEN_WAIT = 1.0  # seconds to wait for another program's lock when opening

# Forward migrations: MIGRATIONS[n] takes a database from user_version n to n + 1. A migration is SQL, or a
# function for what SQL cannot do (the checksums are computed in Python).
_V1 = """
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
    """
_COLUMNS = [f.name for f in fields(Annotation)]
_COLUMN_LIST = ", ".join(f'"{c}"' for c in _COLUMNS)
_INSERT = f"INTO annotations ({_COLUMN_LIST}, checksum) VALUES ({', '.join('?' * (len(_COLUMNS) + 1))})"

# SQLite's primary result codes that are evidence of damage; every other error (I/O, full, busy, locked,
# read-only, cannot open, permission) says something about the machine, not the file.
_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_IOERR, _SQLITE_FULL = 5, 6, 10, 13
_SQLITE_PERM, _SQLITE_READONLY, _SQLITE_CANTOPEN = 3, 8, 14


def checksum(a: Annotation) -> str:
    """A row's own check: a flipped byte in a note's text changes it. CRC-32 finds every burst of up to 32
    bits, and zlib is loaded anyway (hashlib would load OpenSSL). The bundled report's notes (no report
    named) keep the checksums they were written with before notes could be on other reports."""
    values = astuple(a) if a.report else astuple(a)[:-1]
    data = "\x1f".join(str(v) for v in values).encode("utf-8", "surrogatepass")
    return f"{zlib.crc32(data):08x}"


def _add_checksums(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE annotations ADD COLUMN checksum TEXT NOT NULL DEFAULT ''")
    v2 = ", ".join(f'"{c}"' for c in _COLUMNS if c != "report")  # the columns notes had then
    rows = [Annotation(*row) for row in conn.execute(f"SELECT {v2} FROM annotations")]
    conn.executemany("UPDATE annotations SET checksum = ? WHERE id = ?", [(checksum(a), a.id) for a in rows])


# 3: notes on the reports of the library name their report (empty: the bundled one).
_V3 = """
    ALTER TABLE annotations ADD COLUMN report TEXT NOT NULL DEFAULT '';
    CREATE INDEX annotations_report ON annotations (report, section_id);
    """
MIGRATIONS: tuple[str | Callable[[sqlite3.Connection], None], ...] = (_V1, _add_checksums, _V3)
VERSION = len(MIGRATIONS)


class NotesError(Exception):
    """A change could not be saved; the message is meant for the reader. Nothing already saved is affected."""


class _Damage(Exception):
    """Evidence that the file is damaged (not a fault of the machine): the message says what."""


class NotesStore:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.path = self.folder / FILE_NAME
        self.recovered = ""  # one sentence for the reader when a damaged file was replaced
        self.read_only_reason = ""  # why changes cannot be saved, when they cannot
        self.unreadable = ""  # why the notes could not be read at all (what is shown is not what is saved)
        self._unsaved_backup = 0  # changes since the last backup
        self.conn = self._open()

    # -- opening ------------------------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.read_only_reason = f"the notes folder cannot be created ({exc.strerror or exc})"
            return _memory()
        if self.path.exists() and not self.path.is_file():
            self.read_only_reason = self.unreadable = f"{self.path} is not a file"
            return _memory()
        if not os.access(self.folder, os.W_OK) or (self.path.exists() and not os.access(self.path, os.W_OK)):
            self.read_only_reason = "the notes folder is read-only"
            return self._read_only() if self.path.exists() else _memory()
        existed = self.path.exists()
        if existed and self.path.stat().st_size == 0 and not _has_data(_side(self.path, "-wal")):
            return self._recover("the file is empty (0 bytes)")
        try:
            return self._connect()
        except _Damage as exc:
            return self._recover(str(exc))
        except sqlite3.Error as exc:
            if _is_damage(exc):
                return self._recover(str(exc))
            if not existed and self.path.exists() and self.path.stat().st_size == 0:
                self.path.unlink(missing_ok=True)  # our own empty start: it would look damaged next time
            return self._cannot_write(exc)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=OPEN_WAIT, isolation_level=None, check_same_thread=False)
        try:
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise _Damage("the file fails SQLite's check")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > VERSION:
                self.read_only_reason = "these notes were saved by a newer version of cqdesk"
                conn.execute("PRAGMA query_only = 1")
                return conn
            if version == 0 and conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                raise _Damage("it is not a cqdesk notes database")  # someone else's tables
            if conn.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
                raise sqlite3.OperationalError("cannot switch to WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA busy_timeout = 5000")
            _migrate(conn, version)
        except BaseException:
            conn.close()
            raise
        return conn

    def _cannot_write(self, exc: sqlite3.Error) -> sqlite3.Connection:
        """The machine, not the file, keeps the notes from opening for writing: read them if possible."""
        code = _code(exc)
        if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
            holder = lock_holder(self.path)
            self.read_only_reason = self.unreadable = "the notes file is locked by " + (holder or "another program")
            return _memory()  # a lock held this way keeps readers out too: show nothing rather than guess
        self.read_only_reason = self._reason(exc)
        return self._read_only()

    def _reason(self, exc: sqlite3.Error) -> str:
        code = _code(exc)
        if code == _SQLITE_FULL or (code == _SQLITE_IOERR and _disk_nearly_full(self.folder)):
            return "the disk is full"
        if code in (_SQLITE_READONLY, _SQLITE_PERM, _SQLITE_CANTOPEN):
            return "the notes folder is read-only"
        if code == _SQLITE_IOERR:
            return f"the disk could not be read or written ({exc})"
        return str(exc)

    def _read_only(self) -> sqlite3.Connection:
        """Read the notes where nothing can be written. A WAL database needs its -shm file to be read with its
        -wal; where neither can be made here, the file and its -wal are read from a copy in the temporary
        folder. Only a file without a -wal is read as immutable."""
        uri = self.path.resolve().as_uri()
        wal = _has_data(_side(self.path, "-wal"))
        queries = ["?mode=ro"] if wal else ["?mode=ro", "?mode=ro&immutable=1"]
        for query in queries:
            conn = _readable(sqlite3.connect(uri + query, uri=True, timeout=OPEN_WAIT, check_same_thread=False))
            if conn is not None:
                return conn
        if wal:
            conn = self._read_a_copy()
            if conn is not None:
                return conn
        self.unreadable = (
            f"the notes file cannot be read ({self.read_only_reason})" if self.read_only_reason else "cannot read"
        )
        return _memory()

    def _read_a_copy(self) -> sqlite3.Connection | None:
        """The file and its -wal copied to the temporary folder, opened there (SQLite replays the WAL into the
        copy) and held in memory: every saved note, though nothing here may change."""
        with tempfile.TemporaryDirectory(prefix="cqdesk-notes-") as tmp:
            try:
                for suffix in ("", "-wal"):
                    shutil.copyfile(_side(self.path, suffix), Path(tmp) / (FILE_NAME + suffix))
                src = sqlite3.connect(Path(tmp) / FILE_NAME)
                try:
                    mem = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
                    src.backup(mem)
                finally:
                    src.close()
            except (OSError, sqlite3.Error):
                return None
        return _readable(mem)

    def _recover(self, reason: str) -> sqlite3.Connection:
        """Move the damaged file aside under a dated name (kept, and offered in restorable()) and put the newest
        good backup in its place."""
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        aside = self.folder / f"user.damaged-{stamp}.db"
        try:
            for suffix in ("", "-wal", "-shm"):
                if _side(self.path, suffix).exists():
                    _side(self.path, suffix).replace(_side(aside, suffix))
        except OSError as exc:
            self.read_only_reason = self.unreadable = f"the notes file is damaged ({reason}) and cannot be moved "
            self.unreadable += f"aside ({exc.strerror or exc})"
            return _memory()
        restored = ""
        for backup in self.backups():
            try:
                _check_file(backup)
                _copy_whole(backup, self.path)
            except (sqlite3.DatabaseError, OSError):
                continue
            restored = backup_label(backup)
            break
        if restored:
            self.recovered = (
                f"Your notes file was damaged ({reason}); it was kept as {aside.name} and your notes "
                f"were restored from the backup of {restored}."
            )
        else:
            self.recovered = (
                f"Your notes file was damaged ({reason}); it was kept as {aside.name}, and no backup was found, "
                "so a new notes file was started."
            )
        try:
            return self._connect()
        except (sqlite3.Error, _Damage) as exc:
            return self._cannot_write(exc) if isinstance(exc, sqlite3.Error) else _memory()

    def close(self) -> None:
        """A backup of what changed since the last one (so a quit never leaves changes without a copy)."""
        if self._unsaved_backup:
            self.backup_now()
        self.conn.close()

    # -- reading ------------------------------------------------------------------------------------------

    # ``report`` is the library's id of the report whose notes are wanted ("" for the bundled one); None, in
    # all(), means the notes on every report.

    def all(self, report: str | None = "") -> list[Annotation]:
        where, params = ("", []) if report is None else ("WHERE report = ?", [report])
        rows = self.conn.execute(f"SELECT {_COLUMN_LIST} FROM annotations {where} ORDER BY created, id", params)
        return [Annotation(*row) for row in rows]

    def get(self, aid: str) -> Annotation | None:
        row = self.conn.execute(f"SELECT {_COLUMN_LIST} FROM annotations WHERE id = ?", [aid]).fetchone()
        return None if row is None else Annotation(*row)

    def for_section(self, sid: str, report: str = "") -> list[Annotation]:
        rows = self.conn.execute(
            f"SELECT {_COLUMN_LIST} FROM annotations WHERE report = ? AND section_id = ? ORDER BY start", [report, sid]
        )
        return [Annotation(*row) for row in rows]

    def has_any(self, report: str | None = "") -> bool:
        if report is None:
            return _has_rows(self.conn)
        return self.conn.execute("SELECT 1 FROM annotations WHERE report = ? LIMIT 1", [report]).fetchone() is not None

    def count(self, report: str) -> int:
        return int(self.conn.execute("SELECT count(*) FROM annotations WHERE report = ?", [report]).fetchone()[0])

    def for_sections(self, sids: list[str], report: str = "") -> list[Annotation]:
        out: list[Annotation] = []
        for n in range(0, len(sids), 500):  # SQLite's limit on bound parameters
            part = sids[n : n + 500]
            rows = self.conn.execute(
                f"SELECT {_COLUMN_LIST} FROM annotations WHERE report = ? AND section_id IN "
                f"({', '.join('?' * len(part))})",
                [report, *part],
            )
            out += [Annotation(*row) for row in rows]
        return out

    def bookmarked_sections(self, report: str = "") -> set[str]:
        rows = self.conn.execute("SELECT section_id FROM annotations WHERE report = ? AND kind = 'bookmark'", [report])
        return {sid for (sid,) in rows}

    def bookmark(self, sid: str, report: str = "") -> Annotation | None:
        row = self.conn.execute(
            f"SELECT {_COLUMN_LIST} FROM annotations WHERE report = ? AND section_id = ? AND kind = 'bookmark'",
            [report, sid],
        ).fetchone()
        return None if row is None else Annotation(*row)

    def mismatches(self) -> list[str]:
        """The ids of rows whose text no longer matches the checksum written with them (a flipped byte)."""
        if not _has_checksums(self.conn):
            return []
        rows = self.conn.execute(f"SELECT {_COLUMN_LIST}, checksum FROM annotations")
        return [row[0] for row in rows if row[-1] != checksum(Annotation(*row[:-1]))]

    # -- changing: each call is one transaction, committed before it returns ------------------------------

    def put(self, a: Annotation) -> None:
        """Add or replace one annotation."""
        self.put_many([a])

    def put_many(self, items: list[Annotation]) -> None:
        for a in items:
            if why := problems(a):
                raise NotesError("; ".join(why))
        with self._change() as conn:
            conn.executemany(f"INSERT OR REPLACE {_INSERT}", [(*astuple(a), checksum(a)) for a in items])

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
        self._unsaved_backup += 1
        if self._unsaved_backup >= BACKUP_EVERY:
            self.backup_now()

    # -- backups ------------------------------------------------------------------------------------------

    def backups(self) -> list[Path]:
        """The backups, newest first."""
        return sorted((self.folder / BACKUPS).glob("user-*.db"), reverse=True)

    def set_aside(self) -> list[Path]:
        """Files moved aside as damaged, newest first: never deleted, and offered back."""
        return sorted(self.folder.glob("user.damaged-*.db"), reverse=True)

    def restorable(self) -> list[Path]:
        """What Restore offers: the backups, then the files set aside as damaged."""
        return self.backups() + self.set_aside()

    def _backup_if_due(self, now: datetime | None = None) -> None:
        """Before the first change of each day, a copy of the notes as they were."""
        now = now or datetime.now(UTC)
        if not any((self.folder / BACKUPS).glob(f"user-{now.date().isoformat()}*.db")):
            self.backup_now(now)

    def backup_now(self, now: datetime | None = None) -> Path | None:
        """A consistent copy (SQLite's backup API) in backups/, thinned to the newest KEEP_RECENT and the newest
        of each of the last KEEP_DAYS days. A failed backup never stops a change; the next change tries again."""
        if self.read_only_reason or not _has_rows(self.conn):
            return None
        now = now or datetime.now(UTC)
        target = self.folder / BACKUPS / f"user-{now.strftime('%Y-%m-%dT%H%M%S')}.db"
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
            return None
        self._unsaved_backup = 0
        every = self.backups()
        newest_of_day: dict[str, Path] = {}
        for b in every:
            newest_of_day.setdefault(b.name[5:15], b)
        keep = set(every[:KEEP_RECENT]) | set(list(newest_of_day.values())[:KEEP_DAYS])
        for old in every:
            if old not in keep:
                old.unlink(missing_ok=True)
        return target

    def restore(self, backup: Path) -> None:
        """Replace the notes by a backup (or a file set aside); the current file is kept beside it first."""
        _check_file(backup)
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        if self.read_only_reason:
            raise NotesError(f"Not restored: {self.read_only_reason}.")
        keep = sqlite3.connect(self.folder / f"user.before-restore-{stamp}.db")
        try:
            self.conn.backup(keep)  # outside the transaction: a backup waits for the source's writer
        finally:
            keep.close()
        src = _up_to_date(sqlite3.connect(backup.resolve().as_uri() + "?mode=ro", uri=True))
        try:
            rows = [Annotation(*row) for row in src.execute(f"SELECT {_COLUMN_LIST} FROM annotations")]
        finally:
            src.close()
        with self._change() as conn:
            conn.execute("DELETE FROM annotations")
            conn.executemany(f"INSERT {_INSERT}", [(*astuple(a), checksum(a)) for a in rows])


def backup_label(path: Path) -> str:
    """When a backup or a file set aside was made, as the reader reads it: 2026-12-02 05:07:04 (UTC)."""
    name = path.stem
    for prefix in ("user-", "user.damaged-"):
        if name.startswith(prefix):
            name = name.removeprefix(prefix)
            break
    for form in ("%Y-%m-%dT%H%M%S", "%Y%m%d-%H%M%S"):
        try:
            return datetime.strptime(name, form).strftime("%Y-%m-%d %H:%M:%S")
        except ValueError:
            pass
    return name  # a daily backup of earlier versions: its day


def lock_holder(path: Path) -> str:
    """Who holds a lock on ``path``, as far as the system tells: 'process 123 (sqlite3)' from Linux's
    /proc/locks; '' elsewhere or when it cannot be known."""
    try:
        st = path.stat()
        lines = Path("/proc/locks").read_text().splitlines()
    except OSError:
        return ""
    want = f":{st.st_ino}"
    for line in lines:
        parts = line.split()
        # "1: POSIX  ADVISORY  WRITE 4242 08:01:123456 0 EOF"; a blocked waiter's line has "->" first
        if len(parts) >= 6 and parts[1] != "->" and parts[5].endswith(want):
            pid = parts[4]
            if pid == str(os.getpid()):
                continue
            try:
                name = Path(f"/proc/{pid}/comm").read_text().strip()
            except OSError:
                name = ""
            return f"process {pid}" + (f" ({name})" if name else "")
    return ""


def _memory() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    _migrate(conn, 0)
    return conn


def _migrate(conn: sqlite3.Connection, version: int, target: int = VERSION) -> None:
    for n in range(version, target):
        conn.execute("BEGIN IMMEDIATE")
        try:
            step = MIGRATIONS[n]
            if isinstance(step, str):
                for statement in filter(str.strip, step.split(";")):
                    conn.execute(statement)
            else:
                step(conn)
            conn.execute(f"PRAGMA user_version = {n + 1}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


def _readable(conn: sqlite3.Connection) -> sqlite3.Connection | None:
    """``conn`` made read-only if its notes can be read, else closed and None. A file of an older notes format
    is read through a migrated copy in memory (it cannot be migrated where it is)."""
    try:
        conn.execute("SELECT count(*) FROM annotations").fetchone()
        conn = _up_to_date(conn)
        conn.execute("PRAGMA query_only = 1")
        return conn
    except sqlite3.Error:
        conn.close()
        return None


def _up_to_date(conn: sqlite3.Connection) -> sqlite3.Connection:
    """``conn`` itself if it holds the current format, else a copy of it in memory, migrated (``conn`` closed)."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version >= VERSION:
        return conn
    mem = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    try:
        conn.backup(mem)
    finally:
        conn.close()
    _migrate(mem, version)
    return mem


def _side(path: Path, suffix: str) -> Path:
    return Path(str(path) + suffix)


def _has_data(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def _code(exc: sqlite3.Error) -> int:
    return int(getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


def _is_damage(exc: sqlite3.Error) -> bool:
    return _code(exc) in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


def _disk_nearly_full(folder: Path) -> bool:
    """SQLite reports a full disk as an I/O error when it cannot grow the -shm file."""
    try:
        return shutil.disk_usage(folder).free < 256 * 1024
    except OSError:
        return False


def _copy_whole(source: Path, target: Path) -> None:
    """Copy to a temporary file beside ``target``, then rename: a full disk leaves no half-copied notes file."""
    part = target.with_name(target.name + ".part")
    try:
        shutil.copyfile(source, part)
        with open(part, "rb+") as f:
            os.fsync(f.fileno())
        part.replace(target)
    finally:
        part.unlink(missing_ok=True)


def _has_annotations(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'annotations'").fetchone() is not None


def _has_checksums(conn: sqlite3.Connection) -> bool:
    return any(row[1] == "checksum" for row in conn.execute("PRAGMA table_info(annotations)"))


def _has_rows(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM annotations LIMIT 1").fetchone() is not None


def _check_file(path: Path) -> None:
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            good = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok" and _has_annotations(conn)
        finally:
            conn.close()
    except sqlite3.Error:
        good = False
    if not good:
        raise sqlite3.DatabaseError(f"{path.name} cannot be read as notes")


def _plain(exc: sqlite3.Error) -> str:
    code = _code(exc)
    if code == _SQLITE_FULL or "full" in str(exc):
        return "the disk is full"
    if code == _SQLITE_READONLY or "readonly" in str(exc):
        return "the notes folder is read-only"
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return "the notes file is locked by another program"
    return str(exc)
