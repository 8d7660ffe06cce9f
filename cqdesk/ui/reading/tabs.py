"""Reading in tabs: each tab keeps its own place (its section, back/forward history, search marks and
scroll position); the one page shows the current tab. Tabs cost a few hundred bytes each, not a page.

Keys as in browsers: Ctrl+T a new tab, Ctrl+W closes, Ctrl+Shift+T reopens the last closed, Ctrl+Tab and
Ctrl+Shift+Tab cycle; Ctrl+click or a middle click on a section (a row, a result, a link) opens it in a new
tab, a middle click on a tab closes it, and tabs reorder by dragging.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QTabBar, QWidget

from .history import History

REOPEN_LIMIT = 20


@dataclass
class Tab:
    history: History = field(default_factory=History)
    terms: list[str] = field(default_factory=list)
    hit: int = 1
    scroll: int = 0

    @property
    def section(self) -> str | None:
        return self.history.current


class ReadingTabs(QObject):
    """The tab bar and the tabs' places. ``switched`` asks the window to show the current tab's place."""

    switched = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.bar = QTabBar(parent)
        self.bar.setObjectName("readingTabs")
        self.bar.setMovable(True)
        self.bar.setTabsClosable(True)
        self.bar.setDocumentMode(True)
        self.bar.setExpanding(False)
        self.bar.setElideMode(Qt.TextElideMode.ElideRight)
        self.bar.setUsesScrollButtons(True)
        self.bar.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys switch tabs; Tab stays with the reading areas
        self.tabs: list[Tab] = [Tab()]
        self.closed: list[Tab] = []
        self.bar.addTab("")
        self.bar.hide()  # one tab: no bar
        self.bar.tabMoved.connect(self._moved)
        self.bar.currentChanged.connect(self._changed)
        self.bar.tabCloseRequested.connect(self.close)
        self.bar.installEventFilter(self)  # a middle click closes
        self._index = 0

    # The tabs ----------------------------------------------------------------------------------

    def current(self) -> Tab:
        return self.tabs[self._index]

    def index(self) -> int:
        return self._index

    def count(self) -> int:
        return len(self.tabs)

    def open(self, tab: Tab, at: int | None = None) -> None:
        """Add ``tab`` (after the current one unless ``at`` says where) and make it current."""
        at = self._index + 1 if at is None else at
        self.tabs.insert(at, tab)
        self.bar.blockSignals(True)
        self.bar.insertTab(at, "")
        self.bar.blockSignals(False)
        self._show_bar()
        self.select(at)

    def close(self, index: int | None = None) -> None:
        """Close a tab (the current one by default); the last tab stays."""
        index = self._index if index is None else index
        if len(self.tabs) <= 1 or not 0 <= index < len(self.tabs):
            return
        was_current = index == self._index
        self.closed.append(self.tabs.pop(index))
        del self.closed[:-REOPEN_LIMIT]
        if index < self._index or self._index >= len(self.tabs):
            self._index -= 1
        self.bar.blockSignals(True)
        self.bar.removeTab(index)
        self.bar.setCurrentIndex(self._index)
        self.bar.blockSignals(False)
        self._show_bar()
        if was_current:
            self.switched.emit()

    def reopen(self) -> bool:
        if not self.closed:
            return False
        self.open(self.closed.pop())
        return True

    def cycle(self, step: int) -> None:
        if len(self.tabs) > 1:
            self.select((self._index + step) % len(self.tabs))

    def select(self, index: int) -> None:
        if self.bar.currentIndex() != index:
            self.bar.setCurrentIndex(index)  # through _changed
        elif self._index != index:
            self._changed(index)
        else:
            self.switched.emit()

    def set_title(self, index: int, title: str, tip: str) -> None:
        self.bar.setTabText(index, title)
        self.bar.setTabToolTip(index, tip)

    # Qt's side ---------------------------------------------------------------------------------

    def _changed(self, index: int) -> None:
        if 0 <= index < len(self.tabs):
            self._index = index
            self.switched.emit()

    def _moved(self, source: int, target: int) -> None:
        current = self.tabs[self._index]
        self.tabs.insert(target, self.tabs.pop(source))
        self._index = self.tabs.index(current)

    def _show_bar(self) -> None:
        self.bar.setVisible(len(self.tabs) > 1)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            obj is self.bar
            and event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.MiddleButton
        ):
            index = self.bar.tabAt(event.position().toPoint())
            if index >= 0:
                self.close(index)
                return True
        return super().eventFilter(obj, event)


def wants_new_tab(event: QMouseEvent) -> bool:
    """Ctrl+click (Cmd+click on macOS, where Qt calls it Control too) or a middle click."""
    if event.button() == Qt.MouseButton.MiddleButton:
        return True
    return event.button() == Qt.MouseButton.LeftButton and bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)


class NewTabClicks(QObject):
    """Watches views' viewports: a new-tab click on a section opens it in a new tab and goes no further (the
    view would otherwise open it in the current tab too)."""

    def __init__(
        self,
        resolve: Callable[[QObject, QPoint], tuple[str, list[str]] | None],
        open_tab: Callable[[str, list[str]], None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.resolve = resolve
        self.open_tab = open_tab
        self._pressed: QObject | None = None

    def watch(self, *widgets: QWidget) -> None:
        for w in widgets:
            w.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if isinstance(event, QMouseEvent) and kind in (
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonRelease,
            QEvent.Type.MouseButtonDblClick,
        ):
            if kind == QEvent.Type.MouseButtonPress and wants_new_tab(event):
                found = self.resolve(obj, event.position().toPoint())
                if found is not None:
                    self._pressed = obj
                    return True
            elif kind == QEvent.Type.MouseButtonRelease and self._pressed is obj and wants_new_tab(event):
                self._pressed = None
                found = self.resolve(obj, event.position().toPoint())
                if found is not None:
                    self.open_tab(*found)
                return True
        return super().eventFilter(obj, event)
