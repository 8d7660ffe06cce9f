"""A window for each report the reader opens: the bundled one at start, the others from the Library tab.
Every window has every feature, working on its own report; they share the settings, the language and the
notes (each window sees the notes on its report only)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QPoint, QTimer, Signal

from . import Shelf

if TYPE_CHECKING:
    from ...notes.store import NotesStore
    from ..i18n import Translations
    from ..main_window import MainWindow
    from ..settings import Settings


class ReportWindows(QObject):
    message = Signal(str)  # why a report could not be opened (said in the window that asked)

    def __init__(self, shelf: Shelf, settings: Settings, translations: Translations, notes: NotesStore) -> None:
        super().__init__()
        self.shelf = shelf
        self.settings = settings
        self.translations = translations
        self.notes = notes
        self.windows: dict[str, MainWindow] = {}

    def adopt(self, window: MainWindow) -> None:
        """A window made elsewhere (the first one, at start) joins the others."""
        self.windows[window.library_id or "bundled"] = window
        # A window is made (or closed) after the click, key or menu that asked for it has been handled, never
        # inside another window's event.
        later = self._later
        window.reportRequested.connect(lambda rid, w=window: later(lambda: self.open(rid, w)))
        window.reportRemoved.connect(self.close_report)  # at once: the report's file goes next
        window.reportBeside.connect(lambda rid, w=window: later(lambda: self.side_by_side(w, rid)))
        window.reportSection.connect(lambda rid, sid, terms, w=window: later(lambda: self.open_at(rid, sid, terms, w)))
        window.reportSearch.connect(lambda rid, term, w=window: later(lambda: self.search_in(rid, term, w)))
        window.closed.connect(lambda rid=window.library_id or "bundled", w=window: self._forget(rid, w))

    def _forget(self, rid: str, window: MainWindow) -> None:
        """A closed window is let go (made again when its report is opened). It is deleted from a timer of this
        object, not by WA_DeleteOnClose: a deferred delete runs inside the window's own event(), which is
        Python here, and deleting a widget from inside its Python override crashed now and then."""
        if self.windows.get(rid) is window:
            del self.windows[rid]
        QTimer.singleShot(0, self, lambda: shiboken6.delete(window) if shiboken6.isValid(window) else None)

    def _later(self, act: Callable[[], object]) -> None:
        QTimer.singleShot(0, self, act)

    def open(self, rid: str, asking: MainWindow | None = None) -> MainWindow | None:
        """The report's window, brought forward if it is open, else made."""
        from ...report.library import LibraryError
        from ...report.store import Report, ReportError
        from ..main_window import MainWindow

        window = self.windows.get(rid)
        if window is None:
            try:
                entry = self.shelf.library().entry(rid)
                report = Report(entry.path)
            except (LibraryError, ReportError) as exc:
                if asking is not None:
                    asking.statusBar().showMessage(str(exc), 10000)
                return None
            window = MainWindow(report, self.settings, self.translations, notes=self.notes,
                                library_id="" if entry.bundled else rid, shelf=self.shelf,
                                name=entry.shown_name)  # fmt: skip
            self.adopt(window)
            if asking is not None:  # a little down and to the right of the one it came from
                window.move(asking.pos() + QPoint(32, 32))
            window.show()
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()
        return window

    def open_at(self, rid: str, sid: str, terms: list[str], asking: MainWindow) -> None:
        """A search hit in another report: its window, at the section, the terms marked."""
        window = self.open(rid, asking)
        if window is not None:
            window.navigate(sid, terms)

    def search_in(self, rid: str, term: str, asking: MainWindow) -> None:
        """A term asked for in another report (or this one): its window, searching for it."""
        window = self.open(rid, asking)
        if window is not None:
            window.search_for(term)

    def side_by_side(self, window: MainWindow, rid: str) -> None:
        """``window`` on the left half of its screen, the report ``rid`` on the right: two reports read side
        by side (last year's beside this year's), each window with all its features."""
        other = self.open(rid, window)
        if other is None or other is window:
            return
        screen = window.screen().availableGeometry()
        half = screen.width() // 2
        for w, x in ((window, screen.x()), (other, screen.x() + half)):
            if w.isMaximized() or w.isFullScreen():
                w.showNormal()
            frame = w.frameGeometry().size() - w.geometry().size()  # the title bar and borders, where known
            w.setGeometry(x + frame.width() // 2, screen.y() + frame.height(), half - frame.width(),
                          screen.height() - frame.height())  # fmt: skip

    def come_forward(self, section: str) -> None:
        """Another start of cqdesk asked for the bundled report (at a section)."""
        window = self.open("bundled")
        if window is not None:
            window.come_forward(section)

    def close_report(self, rid: str) -> None:
        """Its window closes (the report is being removed from the library)."""
        window = self.windows.pop(rid, None)
        if window is not None:
            window.close()
