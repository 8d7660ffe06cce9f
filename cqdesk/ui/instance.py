"""One running cqdesk per notes folder: a second start hands its request to the first and ends.

Two windows writing the same notes would race; so the first start holds a lock file in the notes folder,
and a later one leaves a small request there (the section it was asked to open) for the first to pick up,
then brings that window forward. QtCore alone (a lock file and a watched folder): no socket, so nothing of
the network module is ever loaded.
"""

from __future__ import annotations

import json
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
        if self.primary:
            self._requests.mkdir(exist_ok=True)
            self._watcher = QFileSystemWatcher([str(self._requests)], self)
            self._watcher.directoryChanged.connect(self._pick_up)
            self._pick_up()  # requests left from before

    def hand_over(self, section: str | None) -> None:
        """From a second start: ask the running window to come forward (at ``section``)."""
        self._requests.mkdir(parents=True, exist_ok=True)
        import uuid  # only a second start needs it

        body = json.dumps({"section": section or ""}).encode()
        write_atomic(self._requests / f"{uuid.uuid4()}.json", body)

    def _pick_up(self, _path: str = "") -> None:
        for request in sorted(self._requests.glob("*.json")):
            try:
                section = json.loads(request.read_text(encoding="utf-8")).get("section", "")
            except (OSError, ValueError, AttributeError):
                section = ""
            request.unlink(missing_ok=True)
            self.requested.emit(section if isinstance(section, str) else "")

    def release(self) -> None:
        if self.primary:
            self._lock.unlock()
