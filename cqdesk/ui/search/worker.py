"""Searches run off the GUI thread, each tagged with a token; answers to older queries are dropped."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot

from ...report.search import SearchHit, SearchIndex


class _Worker(QObject):
    finished = Signal(int, str, object, object)  # token, query, list[SearchHit], list[(report id, SearchHit)]

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = db_path
        self.index: SearchIndex | None = None
        self.others: dict[Path, SearchIndex] = {}  # the library's other reports, opened when first searched

    @Slot(int, str, object)
    def run(self, token: int, query: str, others: list[tuple[str, Path]]) -> None:
        try:
            if self.index is None:  # opened in this thread, on first use
                self.index = SearchIndex.open(self.db_path)
            hits: list[SearchHit] = self.index.search(query)
        except Exception:  # never let a query take the thread down; an empty answer is shown
            hits = []
        found: list[tuple[str, SearchHit]] = []
        for rid, path in others:
            try:
                if path not in self.others:
                    self.others[path] = SearchIndex.open(path)
                found += [(rid, h) for h in self.others[path].search(query)]
            except Exception:  # a report removed meanwhile, or damaged: the others are still searched
                self.others.pop(path, None)
        self.finished.emit(token, query, hits, found)


class SearchService(QObject):
    """Owns the worker thread; emits ``results`` only for the latest query."""

    results = Signal(str, object, object)  # query, list[SearchHit], list[(report id, SearchHit)]
    _request = Signal(int, str, object)

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

    def submit(self, query: str, others: list[tuple[str, Path]] | None = None) -> int:
        """Search the report, and ``others`` (the library's other reports: id, database) beside it."""
        self._token += 1
        self._request.emit(self._token, query, list(others or []))
        return self._token

    def cancel(self) -> None:
        self._token += 1  # whatever is under way is now stale

    def _on_finished(self, token: int, query: str, hits: list[SearchHit], others: list[tuple[str, SearchHit]]) -> None:
        if token == self._token:
            self.results.emit(query, hits, others)

    def shutdown(self) -> None:
        self._thread.quit()
        self._thread.wait(3000)
        if self._worker.index is not None:
            self._worker.index.close()
            self._worker.index = None
        for index in self._worker.others.values():
            index.close()
        self._worker.others.clear()
