"""Write a file atomically: a temporary file beside it, then a rename. The one way files are written.

The one target check too: a symlink is written through (the file it points at is replaced, the link kept); a
pipe or a character device (``-o /dev/stdout``) is written to directly, since a rename would replace the node
itself; a folder, a block device or a socket is refused. Nothing that is not a regular file is ever replaced.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

STALE_PART = 10 * 60  # seconds: a temporary file this old was left by a write that was killed
_OUR_PART = re.compile(r"^\..+\.[a-z0-9_]{8}\.part$")  # what temporary_beside names (mkstemp's 8 letters)


def target_of(path: Path) -> tuple[Path, bool]:
    """The file a write to ``path`` goes to, through any symlinks, and whether it is a stream (a pipe, a
    character device, or an open descriptor such as /dev/stdout) to write to directly. OSError for a target
    that is none of these."""
    path = Path(path)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return Path(os.path.realpath(path)), False  # a new file (or the one a dangling link names): made there
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(path))
    if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or _names_a_descriptor(path):
        return path, True
    if stat.S_ISREG(mode):
        return Path(os.path.realpath(path)), False
    raise OSError(errno.EINVAL, "is not a regular file", str(path))


def _names_a_descriptor(path: Path) -> bool:
    """/dev/stdout, /dev/fd/N, /proc/self/fd/N: the shell's open file, whatever it is, written where it
    stands (replacing the file it names would leave the shell writing to the old one)."""
    p = str(path)
    for _ in range(40):  # a chain of links, bounded like the system's own
        if p.startswith(("/proc/", "/dev/fd/")) and "/fd/" in p:
            return True
        if not os.path.islink(p):
            return False
        p = os.path.join(os.path.dirname(p), os.readlink(p))
    return False


def check_target(path: Path) -> tuple[Path, bool]:
    """target_of, and the folder there and writable, the file not read-only: OSError (with the reason as its
    strerror and ``path`` as its filename) before anything is written."""
    target, stream = target_of(path)
    if stream:
        return target, stream
    folder = target.parent
    if not folder.is_dir():
        raise FileNotFoundError(errno.ENOENT, f"the folder {folder} does not exist", str(path))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise PermissionError(errno.EACCES, f"the folder {folder} is not writable", str(path))
    if target.exists() and not os.access(target, os.W_OK):
        raise PermissionError(errno.EACCES, "the file is read-only", str(path))
    return target, stream


class ExportError(Exception):
    """An export could not be written; the message is meant for the user."""


def check_export(path: Path) -> Path:
    """check_target, its refusal in the reader's words: the one target check of every export."""
    path = Path(path)
    try:
        check_target(path)
    except IsADirectoryError:
        raise ExportError(f"{path}: is a folder; choose a file name") from None
    except OSError as exc:
        raise ExportError(f"{path}: {exc.strerror or exc}") from None
    return path


def temporary_beside(path: Path) -> Path:
    """An empty temporary file in ``path``'s folder (so the final rename stays on one file system). Those an
    earlier, killed write left there are removed first."""
    _remove_stale_parts(path.parent)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    return Path(name)


def _remove_stale_parts(folder: Path) -> None:
    now = time.time()
    try:
        for part in folder.glob(".*.part"):
            try:
                if _OUR_PART.match(part.name) and part.is_file() and now - part.stat().st_mtime > STALE_PART:
                    part.unlink()
            except OSError:
                pass  # not ours to remove after all, or gone already
    except OSError:
        pass


def _temporary_elsewhere() -> Path:
    """For a stream: the whole file first, so a failure midway sends nothing."""
    fd, name = tempfile.mkstemp(prefix="cqdesk-", suffix=".part")
    os.close(fd)
    return Path(name)


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces the target of ``path`` (see target_of), on any
    failure it is removed and the old file is untouched."""
    target, stream = check_target(Path(path))
    tmp = _temporary_elsewhere() if stream else temporary_beside(target)
    try:
        yield tmp
        if stream:
            with open(tmp, "rb") as source, open(target, "wb") as sink:
                shutil.copyfileobj(source, sink)
            return
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        tmp.chmod(0o644)  # mkstemp makes it private; what we write is meant to be read by anyone
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a failure leaves no partial file and the old file intact."""
    with replacing(path) as tmp:
        tmp.write_bytes(data)
