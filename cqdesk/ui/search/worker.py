"""Searches run off the GUI thread, each tagged with a token; answers to older queries are dropped."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from ...report.search import DEFAULT_LIMIT, SearchHit, search
from ...report.store import connect_readonly, load_variants, read_metadata


class _Worker(QObject):
    finished = Signal(int, str, object)  # token, query, list[SearchHit]

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = db_path
        self.conn = None
        self.max_len: int | None = None

    @Slot(int, str)
    def run(self, token: int, query: str) -> None:
        if self.conn is None:  # opened in this thread, on first use
            self.conn = connect_readonly(self.db_path)
            self.max_len = read_metadata(self.conn, self.db_path).max_text_length
            self.variants = load_variants(self.conn)
        try:
            hits: list[SearchHit] = search(self.conn, query, DEFAULT_LIMIT, self.max_len, self.variants)
        except Exception:  # never let a query take the thread down; an empty answer is shown
            hits = []
        self.finished.emit(token, query, hits)


class SearchService(QObject):
    """Owns the worker thread; emits ``results`` only for the latest query."""

    results = Signal(str, object)  # query, list[SearchHit]
    _request = Signal(int, str)

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._token = 0
        self._thread = QThread(self)
        self._thread.setObjectName("search")
        self._worker = _Worker(db_path)
        self._worker.moveToThread(self._thread)
        self._request.connect(self._worker.run)
        self._worker.finished.connect(self._on_finished)
        self._thread.start()

    def submit(self, query: str) -> int:
        self._token += 1
        self._request.emit(self._token, query)
        return self._token

    def cancel(self) -> None:
        self._token += 1  # whatever is under way is now stale

    def _on_finished(self, token: int, query: str, hits: list[SearchHit]) -> None:
        if token == self._token:
            self.results.emit(query, hits)

    def shutdown(self) -> None:
        self._thread.quit()
        self._thread.wait(3000)
        if self._worker.conn is not None:
            self._worker.conn.close()
            self._worker.conn = None
