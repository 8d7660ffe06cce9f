"""A reading pane: a page with its own tabs. The window holds one, or two side by side (View › Split)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QVBoxLayout, QWidget

from .page import DetailPane
from .tabs import ReadingTabs, Tab


@dataclass
class Pane:
    tabs: ReadingTabs
    page: DetailPane
    widget: QWidget
    shown: Tab | None = None  # the tab the page shows (whose scroll is kept when another is shown)

    @classmethod
    def make(cls, page: DetailPane, parent: QWidget, name: str) -> Pane:
        widget = QWidget(parent)
        widget.setObjectName(name)
        tabs = ReadingTabs(widget)
        column = QVBoxLayout(widget)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(tabs.bar)
        column.addWidget(page, 1)
        return cls(tabs, page, widget)

    def holds(self, widget: QWidget | None) -> bool:
        return widget is not None and (widget is self.widget or self.widget.isAncestorOf(widget))
