"""Help › Licences: cqdesk's own licence and the third-party notices and texts that ship with it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QListWidget, QPlainTextEdit, QVBoxLayout, QWidget

from ...report.paths import app_root, resources_dir


def licence_files() -> list[Path]:
    """LICENSE first, then the notices, then every licence text, as shipped."""
    folder = resources_dir() / "licenses"
    notices = folder / "THIRD-PARTY-NOTICES.txt"
    texts = sorted(p for p in folder.glob("*") if p.is_file() and p != notices)
    own = [p for p in (app_root() / "LICENSE",) if p.is_file()]
    return own + ([notices] if notices.is_file() else []) + texts


class LicencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("licencesDialog")
        self.setWindowTitle(self.tr("Licences"))
        self.resize(900, 620)
        self.files = licence_files()
        self.list = QListWidget(self)
        self.list.setObjectName("licenceList")
        self.list.setAccessibleName(self.tr("Licence files"))
        self.list.addItems([p.name for p in self.files])
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("licenceText")
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Licence text"))
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addWidget(self.text, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show)
        if self.files:
            self.list.setCurrentRow(0)
        else:
            self.text.setPlainText(self.tr("The licence files are missing from this installation."))

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.files):
            self.text.setPlainText(self.files[row].read_text(encoding="utf-8", errors="replace"))
            self.text.moveCursor(self.text.textCursor().MoveOperation.Start)
