"""The keyword index (like Qt Assistant's Index tab): terms, the sections they occur in, how often."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ...report.normalize import fold
from ...report.store import Report

SectionRole = Qt.ItemDataRole.UserRole
TermRole = Qt.ItemDataRole.UserRole + 1


class KeywordPanel(QWidget):
    """Typing filters the list; opening a term or one of its sections emits ``opened``."""

    opened = Signal(str, str)  # section id, term

    def __init__(self, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.filter = QLineEdit(self)
        self.filter.setObjectName("keywordFilter")
        self.filter.setClearButtonEnabled(True)
        self.list = QTreeWidget(self)
        self.list.setObjectName("keywordList")
        self.list.setHeaderHidden(True)
        self.list.setUniformRowHeights(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        self._filled = False
        self.filter.textChanged.connect(self.apply_filter)
        self.list.itemActivated.connect(self._open)
        self.list.itemClicked.connect(self._open)
        self.retranslate()

    def fill(self) -> None:
        """Build the list on first show: start-up does not pay for a tab nobody opened."""
        if self._filled:
            return
        self._filled = True
        report = self.report
        for keyword in report.keywords:
            item = QTreeWidgetItem(
                self.list,
                [
                    f"“{keyword.term}”  ({keyword.total})"
                    if keyword.kind == "quoted"
                    else f"{keyword.term}  ({keyword.total})"
                ],
            )
            item.setData(0, TermRole, keyword.term)
            item.setData(0, SectionRole, keyword.sections[0][0])
            for sid, count in keyword.sections:
                child = QTreeWidgetItem(item, [f"{report.section(sid).heading}  ({count})"])
                child.setData(0, TermRole, keyword.term)
                child.setData(0, SectionRole, sid)
                child.setToolTip(0, " › ".join(s.heading for s in report.path_of(sid)))
        self.apply_filter(self.filter.text())

    def showEvent(self, event: QShowEvent) -> None:
        self.fill()
        super().showEvent(event)

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter keywords"))
        self.filter.setAccessibleName(self.tr("Filter keywords"))
        self.list.setAccessibleName(self.tr("Keywords and the sections they occur in"))

    def apply_filter(self, text: str) -> None:
        self.fill()
        wanted = fold(text).strip()
        for item in self._items():
            item.setHidden(bool(wanted) and wanted not in fold(item.data(0, TermRole)))

    def _items(self) -> list[QTreeWidgetItem]:
        items = (self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount()))
        return [item for item in items if item is not None]

    def visible_terms(self) -> list[str]:
        return [item.data(0, TermRole) for item in self._items() if not item.isHidden()]

    def _open(self, item: QTreeWidgetItem) -> None:
        self.opened.emit(item.data(0, SectionRole), item.data(0, TermRole))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
