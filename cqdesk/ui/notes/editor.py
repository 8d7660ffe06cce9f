"""A small editor for one note: Ctrl+Enter saves, Esc cancels (asking first if the text changed)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QPlainTextEdit, QVBoxLayout, QWidget


class NoteEditor(QDialog):
    """``save`` is called with the text; when it returns False (not saved: a full disk, a read-only folder)
    the editor stays open with the text, so nothing typed is lost."""

    def __init__(self, context: str, text: str, save: Callable[[str], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteEditor")
        self.setWindowTitle(self.tr("Note"))
        self._save = save
        self._original = text
        layout = QVBoxLayout(self)
        self.context = QLabel(context, self)
        self.context.setWordWrap(True)
        self.context.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.context)
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("noteText")
        self.edit.setPlainText(text)
        self.edit.setAccessibleName(self.tr("Note text"))
        self.edit.setTabChangesFocus(True)
        layout.addWidget(self.edit, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        hint = QLabel(self.tr("Ctrl+Enter saves · Esc cancels"), self)
        hint.setEnabled(False)
        layout.addWidget(hint)
        self.edit.installEventFilter(self)  # Ctrl+Enter saves from inside the text, where the typing is
        self.resize(460, 300)
        self.edit.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.edit
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def text(self) -> str:
        return self.edit.toPlainText()

    def accept(self) -> None:
        if self._save(self.text()):
            super().accept()

    def reject(self) -> None:
        if self.text() != self._original:
            answer = QMessageBox.question(
                self,
                self.tr("Note"),
                self.tr("Discard the changes to this note?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()
