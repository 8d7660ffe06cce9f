"""One target check for every writer: as found, export-text, notes export, screenshot and build-db replaced a
FIFO, a device node or a symlink at -o with a regular file (a FIFO's reader got 0 bytes; a symlink was
destroyed)."""

import io
import os
import stat
import threading
import time
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from cqdesk.cli import main
from cqdesk.report import atomic

WRITERS = {
    "export-text": ["export-text"],
    "notes export": ["notes", "export"],
    "screenshot": ["screenshot", "--size", "400x300", "--lang", "en"],  # the process stays in English
    "build-db": ["build-db"],
    "export": ["export", "--format", "txt"],
    "export-pdf": ["export-pdf", "--section", "plan/areas/1"],
}


def run(argv):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("writer", list(WRITERS))
def test_a_fifo_is_written_to_not_replaced(qapp, tmp_path, writer):  # qapp: one QApplication for all tests
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = bytearray()

    def read():
        with open(fifo, "rb") as f:
            got.extend(f.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    code, _, err = run([*WRITERS[writer], "-o", str(fifo)])
    if code != 0:
        open(fifo, "wb").close()  # release the reader
    reader.join(10)
    assert code == 0, err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert len(got) > 100


@pytest.mark.parametrize("writer", list(WRITERS))
def test_a_symlink_is_written_through_and_kept(qapp, tmp_path, writer):
    real = tmp_path / "real.out"
    real.write_bytes(b"old")
    link = tmp_path / "link.out"
    link.symlink_to(real.name)
    code, _, err = run([*WRITERS[writer], "-o", str(link)])
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == real.name
    assert real.stat().st_size > 100
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.out", "real.out"]  # no temporary file left


def test_a_character_device_is_written_to_and_stays_a_device(tmp_path):
    """As root, a rename onto /dev/null would replace the system's node (it did, as found): the test makes a
    null device of its own rather than risk the system's."""
    null = tmp_path / "null"
    try:
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")
    before = os.stat(null)
    code, _, err = run(["export-text", "-o", str(null)])
    assert code == 0, err
    after = os.stat(null)
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_dev_stdout_gets_the_data_and_the_message_goes_to_stderr(qapp, tmp_path, capfd):
    assert main(["export-text", "-o", str(tmp_path / "text.txt")]) == 0
    capfd.readouterr()
    assert main(["export-text", "-o", "/dev/stdout"]) == 0
    out, err = capfd.readouterr()
    assert out == (tmp_path / "text.txt").read_text(encoding="utf-8")
    assert main(["export", "--format", "txt", "-o", "/dev/stdout"]) == 0
    out, err = capfd.readouterr()
    assert "wrote" not in out and err.startswith("wrote /dev/stdout (txt, ")


def test_a_folder_a_socket_or_a_block_device_is_refused(tmp_path):
    import socket

    sock_path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock_path))
    try:
        for target, why in [(tmp_path, "is a folder"), (sock_path, "is not a regular file")]:
            code, _, err = run(["export-text", "-o", str(target)])
            assert code == 1 and why in err, err
        assert stat.S_ISSOCK(sock_path.lstat().st_mode)
    finally:
        server.close()


def test_stale_temporary_files_of_killed_writes_are_cleaned_up(tmp_path):
    target = tmp_path / "out.txt"
    stale = tmp_path / ".out.txt.abcd1234.part"
    fresh = tmp_path / ".out.txt.efgh5678.part"  # another write under way right now
    foreign = tmp_path / ".someone-else.part"
    for p in (stale, fresh, foreign):
        p.write_bytes(b"x")
    old = time.time() - atomic.STALE_PART - 60
    os.utime(stale, (old, old))
    os.utime(foreign, (old, old))
    atomic.write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert not stale.exists() and fresh.exists() and foreign.exists()


def test_target_of_names_streams_and_files(tmp_path):
    assert atomic.target_of(Path("/dev/null")) == (Path("/dev/null"), True)
    assert atomic.target_of(Path("/dev/stdout"))[1] is True
    assert atomic.target_of(tmp_path / "new.txt") == (tmp_path / "new.txt", False)
