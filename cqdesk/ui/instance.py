"""One running cqdesk per notes folder: a second start hands its request to the first and ends.

Two windows writing the same notes would race; so the first start holds a lock file in the notes folder,
and a later one leaves a small request there (the section it was asked to open) for the first to pick up,
then brings that window forward. QtCore alone (a lock file and a watched folder): no socket, so nothing of
the network module is ever loaded.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QLockFile, QObject, Signal

from ..report.atomic import write_atomic

LOCK = "cqdesk.lock"
REQUESTS = "requests"


class Instance(QObject):
    """``primary`` tells whether this process runs the window; the primary's ``requested`` carries each later
    start's section ("" for none)."""

    requested = Signal(str)

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self._requests = self.folder / REQUESTS
        self._lock = QLockFile(str(self.folder / LOCK))
        self._lock.setStaleLockTime(0)  # a lock left by a crash is stale as soon as its process is gone
        self._watcher: QFileSystemWatcher | None = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            self.primary = True  # no folder to coordinate in: run alone, as before
            return
        self.primary = self._lock.tryLock(200)
        if not self.primary and self._lock.error() != QLockFile.LockError.LockFailedError:
            self.primary = True  # the folder cannot hold a lock (read-only): nothing to race over
        if self.primary and self._make_requests_folder():
            self._watcher = QFileSystemWatcher([str(self._requests)], self)
            self._watcher.directoryChanged.connect(self._pick_up)
            self._pick_up()  # requests left from before

    def _make_requests_folder(self) -> bool:
        """The folder requests arrive in. Something else left under its name (a file, a broken link) is moved
        aside, not deleted; where none can be made, the window runs without hand-overs."""
        try:
            if self._requests.is_symlink() or (self._requests.exists() and not self._requests.is_dir()):
                self._requests.replace(self.folder / f"{REQUESTS}.stray-{os.getpid()}")
            self._requests.mkdir(exist_ok=True)
        except OSError:
            return False
        return True

    def hand_over(self, section: str | None) -> None:
        """From a second start: ask the running window to come forward (at ``section``)."""
        if not self._make_requests_folder():
            return
        import uuid  # only a second start needs it

        body = json.dumps({"section": section or ""}).encode()
        write_atomic(self._requests / f"{uuid.uuid4()}.json", body)

    def _pick_up(self, _path: str = "") -> None:
        try:
            requests = sorted(self._requests.glob("*.json"))
        except OSError:
            return
        for request in requests:
            if not request.is_file() or request.is_symlink():
                continue  # not a request this folder's writers make: left alone
            try:
                section = json.loads(request.read_text(encoding="utf-8")).get("section", "")
            except (OSError, ValueError, AttributeError):
                section = ""
            try:
                request.unlink(missing_ok=True)
            except OSError:
                continue  # cannot be taken away, so it would come again: not acted on
            self.requested.emit(section if isinstance(section, str) else "")

    def release(self) -> None:
        if self.primary:
            self._lock.unlock()
