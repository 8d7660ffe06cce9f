import sqlite3
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from cqdesk.notes import store as store_module
from cqdesk.notes.model import Annotation
from cqdesk.notes.store import VERSION, NotesError, NotesStore


def bookmark(sid="plan/areas/1", **kw):
    return Annotation.new("bookmark", sid, "digest", **kw)


def test_saved_notes_are_there_after_reopening(tmp_path):
    s = NotesStore(tmp_path)
    a = bookmark(note="")
    b = Annotation.new("note", "review/tasks/7", "digest", note="对照2025年的乡村振兴 <b>不是HTML</b>")
    s.put(a)
    s.put(b)
    s.close()
    again = NotesStore(tmp_path)
    assert {x.id: x for x in again.all()} == {a.id: a, b.id: b}
    assert again.bookmark("plan/areas/1") == a and again.bookmark("review/tasks/7") is None
    assert again.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert again.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_hostile_text_is_stored_literally(tmp_path):
    text = "<script>alert(1)</script> javascript:alert(2) 🙂 \u202eRTL " + "长" * 10_000
    s = NotesStore(tmp_path)
    a = Annotation.new("note", "plan/areas/1", "d", note=text)
    s.put(a)
    assert NotesStore(tmp_path).get(a.id).note == text


def test_invalid_annotations_are_refused_and_change_nothing(tmp_path):
    s = NotesStore(tmp_path)
    s.put(bookmark())
    with pytest.raises(NotesError, match="colour"):
        s.put_many([bookmark("plan/areas/2"), bookmark("plan/areas/3", color="purple")])
    assert [a.section_id for a in s.all()] == ["plan/areas/1"]


def test_migrations_run_from_every_earlier_version(tmp_path):
    for start in range(VERSION):
        folder = tmp_path / f"v{start}"
        folder.mkdir()
        conn = sqlite3.connect(folder / "user.db")
        store_module._migrate(conn, 0, start)
        conn.execute(f"PRAGMA user_version = {start}")
        conn.close()
        s = NotesStore(folder)
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == VERSION
        s.put(bookmark())
        assert len(s.all()) == 1


def test_notes_from_a_newer_version_are_read_but_never_changed(tmp_path):
    s = NotesStore(tmp_path)
    s.put(bookmark())
    s.conn.execute(f"PRAGMA user_version = {VERSION + 1}")
    s.close()
    newer = NotesStore(tmp_path)
    assert len(newer.all()) == 1 and "newer version" in newer.read_only_reason
    with pytest.raises(NotesError, match="newer version"):
        newer.put(bookmark("plan/areas/2"))


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_bytes(p.read_bytes()[:1000]),  # truncated
        lambda p: p.write_bytes(b"\x00" * 100 + p.read_bytes()[100:]),  # its header overwritten
        lambda p: p.write_text("这不是数据库 " * 200, encoding="utf-8"),  # a foreign file
    ],
    ids=["truncated", "overwritten", "foreign"],
)
def test_a_damaged_file_is_moved_aside_and_the_newest_backup_restored(tmp_path, damage):
    s = NotesStore(tmp_path)
    first, second = bookmark(), bookmark("plan/areas/2")
    s.put(first)
    s.put(second)  # the day's first change of a non-empty file: backed up before it
    s.close()  # and backed up again on closing, with both
    for side in ("user.db-wal", "user.db-shm"):
        (tmp_path / side).unlink(missing_ok=True)
    damage(tmp_path / "user.db")
    again = NotesStore(tmp_path)
    assert sorted(a.id for a in again.all()) == sorted([first.id, second.id])
    assert "damaged" in again.recovered and "restored from the backup of" in again.recovered
    kept = list(tmp_path.glob("user.damaged-*.db"))
    assert len(kept) == 1 and kept[0].stat().st_size > 0


def test_someone_else_s_sqlite_file_is_not_written_into(tmp_path):
    other = sqlite3.connect(tmp_path / "user.db")
    other.execute("CREATE TABLE accounts (x)")
    other.commit()
    other.close()
    s = NotesStore(tmp_path)
    assert s.all() == [] and "not a cqdesk notes database" in s.recovered
    (kept,) = tmp_path.glob("user.damaged-*.db")
    assert sqlite3.connect(kept).execute("SELECT name FROM sqlite_master").fetchall() == [("accounts",)]


def test_a_read_only_folder_keeps_notes_readable_and_says_why_changes_fail(tmp_path):
    """As a user who cannot write to the folder (root can write anywhere, so the check runs as nobody)."""
    import os
    import shutil
    import subprocess
    import tempfile
    from pathlib import Path

    if os.geteuid() != 0 or not shutil.which("setpriv") or not Path("/usr/bin/python3").exists():
        pytest.skip("needs root, setpriv and /usr/bin/python3 to act as another user")
    folder = Path(tempfile.mkdtemp(prefix="cqdesk-ro-"))
    try:
        folder.chmod(0o755)
        s = NotesStore(folder)
        s.put(bookmark())
        s.close()
        for p in folder.iterdir():
            p.chmod(0o644) if p.is_file() else None
        code = (
            "from cqdesk.notes.store import NotesStore, NotesError\n"
            "from cqdesk.notes.model import Annotation\n"
            f"s = NotesStore({str(folder)!r})\n"
            "print(len(s.all()), s.read_only_reason)\n"
            "try:\n    s.put(Annotation.new('bookmark', 'plan/areas/2', 'd'))\n"
            "except NotesError as e:\n    print('refused:', e)\n"
        )
        repo = Path(store_module.__file__).resolve().parents[2]
        out = subprocess.run(
            ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "/usr/bin/python3", "-c", code],
            capture_output=True, text=True, env={"PYTHONPATH": str(repo), "HOME": "/tmp"}, cwd="/tmp",
        )  # fmt: skip
        if "ModuleNotFoundError" in out.stderr or "Permission denied" in out.stderr:
            pytest.skip(f"the checkout is not readable by another user: {out.stderr.strip()[-200:]}")
        assert out.returncode == 0, out.stderr
        lines = out.stdout.splitlines()
        assert lines[0] == "1 the notes folder is read-only"
        assert lines[1] == "refused: Not saved: the notes folder is read-only."
        assert len(NotesStore(folder).all()) == 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_a_failed_write_keeps_what_was_saved(tmp_path, monkeypatch):
    s = NotesStore(tmp_path)
    a = bookmark()
    s.put(a)

    def full(*args):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(s, "conn", _Failing(s.conn, full))
    with pytest.raises(NotesError, match="the disk is full"):
        s.put(bookmark("plan/areas/2"))
    monkeypatch.undo()
    assert [x.id for x in s.all()] == [a.id]


class _Failing:
    """A connection whose inserts fail as on a full disk."""

    def __init__(self, conn, fail):
        self._conn, self._fail = conn, fail

    def executemany(self, *args):
        self._fail()

    def __getattr__(self, name):
        return getattr(self._conn, name)


def test_backups_before_each_day_s_first_change_every_20_changes_and_on_close(tmp_path):
    s = NotesStore(tmp_path)
    s.put(bookmark())
    assert s.backups() == []  # nothing to back up before the first note
    s.put(bookmark("plan/areas/2"))  # the day's first change of notes that exist: a copy of them first
    assert len(s.backups()) == 1
    for n in range(store_module.BACKUP_EVERY - 1):  # with the one before: 20 changes since that copy
        s.put(Annotation.new("note", "plan/areas/3", "d", note=str(n)))
    assert _count(s.backups()[0]) == 21
    s.put(bookmark("plan/areas/4"))
    assert _count(s.backups()[0]) == 21
    s.close()  # the one change since is backed up on close
    assert _count(s.backups()[0]) == 22


def _count(db):
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM annotations").fetchone()[0]
    finally:
        conn.close()


def test_backups_are_thinned_to_the_newest_ten_and_one_for_each_of_seven_days(tmp_path):
    s = NotesStore(tmp_path)
    s.put(bookmark())
    for day in range(1, 11):
        for hour in range(0, 24, 4):  # six a day
            s.backup_now(datetime(2026, 11, day, hour, tzinfo=UTC))
    names = [p.name for p in s.backups()]
    newest_ten = [f"user-2026-11-{d:02d}T{h:02d}0000.db" for d in (10, 9) for h in (20, 16, 12, 8, 4, 0)][:10]
    days = [f"user-2026-11-{d:02d}T200000.db" for d in range(8, 3, -1)]
    assert names == newest_ten + days
    assert store_module.backup_label(s.backups()[0]) == "2026-11-10 20:00:00"


def test_restore_from_a_backup_keeps_the_current_notes_beside_it(tmp_path):
    s = NotesStore(tmp_path)
    a = bookmark()
    s.put(a)
    s._backup_if_due(datetime(2026, 11, 1, tzinfo=UTC))
    s.put(replace(a, note="later", updated="2099-01-01T00:00:00.000Z"))
    s.restore(s.backups()[0])
    assert s.get(a.id).note == ""
    assert list(tmp_path.glob("user.before-restore-*.db"))


def test_a_full_disk_refuses_the_change_and_keeps_every_saved_note(tmp_path):
    """On a real full disk (a 160 KiB tmpfs, filled): the write fails with a clear reason, the saved notes stay."""
    from tests.conftest import fill, tmpfs

    with tmpfs(tmp_path / "tiny", "160k") as mount:
        s = NotesStore(mount)
        saved = [bookmark(f"plan/areas/{n}") for n in range(1, 4)]
        s.put_many(saved)
        filler = fill(mount)
        with pytest.raises(NotesError, match="the disk is full"):
            s.put_many([Annotation.new("note", "plan/areas/5", "d", note="长" * 20_000) for _ in range(20)])
        assert sorted(a.id for a in s.all()) == sorted(a.id for a in saved)
        s.close()
        filler.unlink()
        again = NotesStore(mount)
        assert sorted(a.id for a in again.all()) == sorted(a.id for a in saved)
        assert again.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        again.close()
