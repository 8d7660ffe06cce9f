"""Edit › Copy Reference › GB/T 7714 / RIS / BibTeX / CSL-JSON: the section in view, cited for a thesis or a
reference manager, put on the clipboard. The forms are the domain's (cqdesk.report.citation)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu, QWidget

from ...report.model import Document

NAMES = {"gb7714": "GB/T 7714", "ris": "RIS (EndNote, NoteExpress, Zotero)", "bibtex": "BibTeX",
         "csl-json": "CSL-JSON"}  # fmt: skip


class CitingFeature(QObject):
    message = Signal(str)

    def __init__(self, doc: Document, section: Callable[[], str], region: str, key: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.doc, self.section, self.region, self.key = doc, section, region, key
        self.menu = QMenu(parent)
        self.menu.setObjectName("copyReference")
        self.actions = {}
        for style, name in NAMES.items():
            action = self.menu.addAction(name)
            action.setObjectName(f"cite-{style}")
            action.triggered.connect(lambda _=False, s=style: self.copy(s))
            self.actions[style] = action
        self.retranslate()

    def copy(self, style: str) -> str:
        from ...report.citation import cite_as, source

        sid = self.section() or self.doc.root.id
        key = f"{self.key}-{sid}".replace("/", "-") if self.key else ""
        text = cite_as(source(self.doc, sid, self.region, key), style)
        QGuiApplication.clipboard().setText(text)
        self.message.emit(QCoreApplication.translate("Citing", "Copied the reference (%1)").replace("%1", NAMES[style]))
        return text

    def retranslate(self) -> None:
        self.menu.setTitle(QCoreApplication.translate("Citing", "Copy &Reference"))
