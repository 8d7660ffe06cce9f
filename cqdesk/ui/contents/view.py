"""The contents tree: a QTreeView that never moves the reader by itself."""

from __future__ import annotations

from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QTreeView


class SectionTree(QTreeView):
    """Qt makes the first row current when a view without a current row gets focus (a click on its tab,
    Tab from the search box). Here the current row is the page being read, so that would open
    2024年工作回顾 unasked; focus alone changes nothing."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self.currentIndex().isValid() or self.model() is None:
            super().focusInEvent(event)
            return
        selection = self.selectionModel()
        blocked = selection.blockSignals(True)
        try:
            super().focusInEvent(event)
            selection.clearCurrentIndex()
        finally:
            selection.blockSignals(blocked)
        self.viewport().update()
