"""The faults a hostile tester found in the notes, each reproduced as it was found: a full disk, a lock held by
another program, a read-only folder with a -wal but no -shm, a zero-length file, a flipped byte."""

import shutil
import sqlite3
import subprocess
import sys
import time

import pytest

from cqdesk.notes import store as store_module
from cqdesk.notes.model import Annotation
from cqdesk.notes.store import NotesError, NotesStore
from tests.conftest import fill, tmpfs
from tests.conftest import run_cli as run


def note(n, sid="plan/areas/1"):
    return Annotation.new("note", sid, "d", note=f"笔记 {n}")


def test_a_full_disk_on_opening_is_not_damage_and_loses_nothing(tmp_path, monkeypatch):
    """As found: six notes on a 400 KiB tmpfs, the disk filled, then `notes list` renamed the good user.db
    user.damaged-*.db, started an empty one and died; after space was freed it listed 0 notes."""
    with tmpfs(tmp_path / "full") as mount:
        folder = mount / "notes"
        monkeypatch.setenv("CQDESK_DATA_DIR", str(folder))
        for n in range(1, 7):
            assert run("notes", "add", f"plan/areas/{n}", "--note", f"n{n}")[0] == 0
        filler = fill(mount)
        code, out, err = run("notes", "list")
        assert code == 0 and out.count("  note  ") == 6
        assert "can be read but not changed: the disk is full" in err
        code, _, err = run("notes", "add", "plan/areas/7", "--note", "n7")
        assert code == 1 and err == "cqdesk: Not saved: the disk is full.\n"
        assert sorted(p.name for p in folder.iterdir() if p.name.startswith("user.")) in (["user.db"],
               ["user.db", "user.db-shm", "user.db-wal"])  # fmt: skip
        filler.unlink()
        code, out, err = run("notes", "list")
        assert (code, out.count("  note  "), err) == (0, 6, "")
        assert run("notes", "add", "plan/areas/7", "--note", "n7")[0] == 0
        assert not list(folder.glob("user.damaged-*"))


def test_a_full_disk_in_the_window_keeps_the_notes_readable(tmp_path):
    with tmpfs(tmp_path / "full") as mount:
        s = NotesStore(mount / "notes")
        s.put_many([note(n) for n in range(6)])
        s.close()
        filler = fill(mount)
        again = NotesStore(mount / "notes")
        assert len(again.all()) == 6 and again.read_only_reason == "the disk is full" and not again.unreadable
        with pytest.raises(NotesError, match="the disk is full"):
            again.put(note(7))
        again.close()
        filler.unlink()


def test_only_evidence_of_damage_moves_a_file_aside(tmp_path, monkeypatch):
    """I/O, full-disk, lock and permission errors from SQLite never make a file look damaged."""
    s = NotesStore(tmp_path)
    s.put(note(1))
    s.close()
    for name, code in [("disk I/O error", 4874), ("database or disk is full", 13), ("database is locked", 5),
                       ("attempt to write a readonly database", 8), ("unable to open database file", 14)]:  # fmt: skip
        error = sqlite3.OperationalError(name)
        error.sqlite_errorcode = code

        def failing(self, error=error):
            raise error

        monkeypatch.setattr(NotesStore, "_connect", failing)
        again = NotesStore(tmp_path)
        assert not again.recovered and again.read_only_reason, name
        assert not list(tmp_path.glob("user.damaged-*")), name
        monkeypatch.undo()
    assert [a.note for a in NotesStore(tmp_path).all()] == ["笔记 1"]


def test_a_file_set_aside_is_offered_back_and_restores(tmp_path):
    """A file moved aside (as the full-disk fault did with a healthy one) is listed beside the backups."""
    s = NotesStore(tmp_path)
    s.put_many([note(n) for n in range(7)])
    s.close()
    (tmp_path / "user.db").rename(tmp_path / "user.damaged-20261201-101500.db")
    fresh = NotesStore(tmp_path)
    assert fresh.all() == []
    (aside,) = fresh.set_aside()
    assert aside in fresh.restorable() and store_module.backup_label(aside) == "2026-12-01 10:15:00"
    fresh.restore(aside)
    assert len(fresh.all()) == 7


HOLD = """
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA locking_mode = EXCLUSIVE")
c.execute("BEGIN IMMEDIATE"); c.execute("SELECT count(*) FROM annotations").fetchall(); c.execute("COMMIT")
print("held", flush=True)
time.sleep(30)
"""


def test_a_lock_held_by_another_program_is_an_error_that_names_it(tmp_path, monkeypatch):
    """As found: `notes list` waited 5 s and printed 0 notes with exit 0; `notes export -o mynotes.json`
    replaced a good 7-note export with an empty one."""
    monkeypatch.setenv("CQDESK_DATA_DIR", str(tmp_path))
    s = NotesStore(tmp_path)
    s.put_many([note(n) for n in range(7)])
    s.close()
    good = tmp_path / "mynotes.json"
    assert run("notes", "export", "-o", str(good))[0] == 0
    before = good.read_bytes()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(tmp_path / "user.db")], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline() == "held\n"
        start = time.monotonic()
        code, out, err = run("notes", "list")
        assert time.monotonic() - start < 3
        assert code == 1 and out == ""
        if sys.platform.startswith("linux"):
            assert f"locked by process {holder.pid} (python" in err
        assert "nothing was changed" in err
        code, _, err = run("notes", "export", "-o", str(good))
        assert code == 1 and "cannot be read" in err
        assert good.read_bytes() == before
        assert run("notes", "add", "plan/areas/2")[0] == 1
    finally:
        holder.kill()
        holder.wait()
    assert len(NotesStore(tmp_path).all()) == 7  # and nothing was moved aside
    assert not list(tmp_path.glob("user.damaged-*"))


def test_a_read_only_folder_with_a_wal_but_no_shm_shows_every_note(tmp_path):
    """As found: after a kill the folder was mounted read-only; the notes were read as immutable, ignoring the
    -wal, and 1 of 6 showed with no message."""
    source = tmp_path / "src"
    s = NotesStore(source)
    s.conn.execute("PRAGMA wal_autocheckpoint = 0")  # what a kill leaves: the newest changes in the -wal alone
    s.put(note(0))
    s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    s.put_many([note(n) for n in range(1, 6)])
    with tmpfs(tmp_path / "ro") as mount:
        for name in ("user.db", "user.db-wal"):  # copied while open, as a kill leaves them; no -shm
            shutil.copyfile(source / name, mount / name)
        assert (mount / "user.db-wal").stat().st_size > 0
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        ro = NotesStore(mount)
        assert len(ro.all()) == 6
        assert ro.read_only_reason == "the notes folder is read-only" and not ro.unreadable
        with pytest.raises(NotesError, match="read-only"):
            ro.put(note(7))
        ro.close()
    s.close()


def test_a_zero_length_file_is_damage_and_the_backup_is_restored(tmp_path):
    """As found: a user.db of 0 bytes opened as a new, empty database with no message."""
    s = NotesStore(tmp_path)
    s.put_many([note(n) for n in range(6)])
    s.close()  # backed up on close
    (tmp_path / "user.db").write_bytes(b"")
    for side in ("user.db-wal", "user.db-shm"):
        (tmp_path / side).unlink(missing_ok=True)
    again = NotesStore(tmp_path)
    assert len(again.all()) == 6
    assert "the file is empty (0 bytes)" in again.recovered and "restored from the backup of" in again.recovered
    (aside,) = again.set_aside()
    assert aside.stat().st_size == 0


def test_a_flipped_byte_in_a_note_is_reported(tmp_path):
    s = NotesStore(tmp_path)
    a, b = note(1), note(2)
    s.put_many([a, b])
    assert s.mismatches() == []
    s.close()
    raw = (tmp_path / "user.db").read_bytes()
    at = raw.index("笔记 2".encode())
    (tmp_path / "user.db").write_bytes(raw[:at] + "筆".encode() + raw[at + 3 :])  # one character, same length
    again = NotesStore(tmp_path)
    assert not again.recovered  # SQLite's own check cannot see it
    assert again.mismatches() == [b.id]


def test_checksums_are_added_to_notes_saved_before_them(tmp_path):
    conn = sqlite3.connect(tmp_path / "user.db")
    store_module._migrate(conn, 0, 1)  # the first version had no checksums
    a = note(1)
    conn.execute(f"INSERT INTO annotations VALUES ({', '.join('?' * 13)})", list(a.__dict__.values())[:13])
    conn.commit()
    conn.close()
    s = NotesStore(tmp_path)
    assert s.all() == [a] and s.mismatches() == []


def test_the_self_test_reports_a_flipped_byte_in_the_notes(qapp, tmp_path):
    from cqdesk.ui.tools.selftest import run_self_test

    s = NotesStore(tmp_path)
    s.put(note(1))
    s.close()
    lines = []
    run_self_test(out=lines.append, notes=tmp_path)
    assert "ok    your notes: 1 read, every one matching its checksum" in lines
    raw = (tmp_path / "user.db").read_bytes()
    at = raw.index("笔记 1".encode())
    (tmp_path / "user.db").write_bytes(raw[:at] + "筆".encode() + raw[at + 3 :])
    lines.clear()
    assert not run_self_test(out=lines.append, notes=tmp_path)
    assert any(line.startswith("FAIL  your notes: 1 of 1 notes no longer match their checksums") for line in lines)
