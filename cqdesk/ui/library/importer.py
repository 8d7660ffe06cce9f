"""Importing a report from the window: from a file or from the clipboard. What was found (title, region, year,
the tree of parts and sections, counts, warnings) is shown before anything is stored; the reader imports or
cancels. A text that does not read as a work report is imported only when the reader says so."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from . import Shelf
from .messages import translated

if TYPE_CHECKING:
    from ...report.library import Plan

FILE_FILTER = "*.txt *.text *.docx *.htm *.html *.pdf"
CLIPBOARD_NAME = "clipboard.txt"  # how a pasted text is named in its provenance
TREE_DEPTH = 2  # the preview shows parts and their sections; points are counted, not listed


@contextmanager
def _busy() -> Iterator[None]:
    """The wait cursor while a file is read or a database built."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class ImportPreview(QDialog):
    """What an import would store: the reader looks before anything is written."""

    def __init__(self, plan: Plan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.setWindowTitle(QCoreApplication.translate("Library", "Import Report"))
        doc, info = plan.recognised.document, plan.as_json()
        form = QFormLayout()
        encoding = f" ({info['encoding']})" if info["encoding"] else ""
        counts = QCoreApplication.translate("Library", "%1 sections, %2 paragraphs, %3 characters")
        counts = counts.replace("%1", str(info["sections"])).replace("%2", str(info["paragraphs"]))
        counts = counts.replace("%3", f"{info['characters']:,}")
        for label, value in (
            (QCoreApplication.translate("Library", "Title"), doc.title),
            (
                QCoreApplication.translate("Library", "Region"),
                plan.recognised.region or QCoreApplication.translate("Library", "not found"),
            ),
            (
                QCoreApplication.translate("Library", "Year"),
                str(plan.recognised.year or QCoreApplication.translate("Library", "not found")),
            ),
            (QCoreApplication.translate("Library", "File"), f"{plan.source.name} · {info['format']}{encoding}"),
            (QCoreApplication.translate("Library", "Holds"), counts),
        ):
            shown = QLabel(value, self)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setObjectName(f"preview{label}")
            form.addRow(f"{label}:", shown)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("previewTree")
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(QCoreApplication.translate("Library", "Parts and sections found"))

        def add(parent: QTreeWidget | QTreeWidgetItem, sid: str, depth: int) -> None:
            for child in doc.sections[sid].children:
                section = doc.sections[child]
                item = QTreeWidgetItem(parent, [section.heading])
                if depth < TREE_DEPTH:
                    add(item, child, depth + 1)

        add(self.tree, doc.root.id, 1)
        self.tree.expandToDepth(0)  # the parts open, their sections shown
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.tree, 1)
        self.warnings = QListWidget(self)
        self.warnings.setObjectName("previewWarnings")
        warnings = [translated(w) for w in plan.warnings]
        from ..fonts import unshowable

        missing = unshowable("".join(b.text for b in doc.blocks))
        if missing:
            boxes = QCoreApplication.translate(
                "Library",
                "Some characters (%1) are in no font on this computer and will show as boxes: install a Chinese "
                "font such as Noto Sans CJK SC (Debian: fonts-noto-cjk).",
            )
            warnings.insert(0, boxes.replace("%1", "".join(missing)))
        self.warnings.addItems(warnings)
        if warnings:
            note = QLabel(
                QCoreApplication.translate(
                    "Library",
                    "Warnings (the text is imported whole; these lines are placed under the nearest heading):",
                ),
                self,
            )
            note.setWordWrap(True)
            layout.addWidget(note)
            layout.addWidget(self.warnings)
        self.warnings.setVisible(bool(warnings))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = buttons.addButton(
            QCoreApplication.translate("Library", "&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 520)


class Importer(QObject):
    imported = Signal(str)  # the new report's library id (or the one it already was)
    message = Signal(str)

    def __init__(self, shelf: Shelf, window: QWidget) -> None:
        super().__init__(window)
        self.shelf = shelf
        self.window = window

    def from_file(self) -> None:
        reports, every = (
            QCoreApplication.translate("Library", "Government work reports"),
            QCoreApplication.translate("Library", "All files"),
        )
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            QCoreApplication.translate("Library", "Import Report"),
            str(Path.home()),
            f"{reports} ({FILE_FILTER});;{every} (*)",
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        self._run(path.name, lambda force: self.shelf.library().plan(path, force))

    def from_clipboard(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self.message.emit(QCoreApplication.translate("Library", "The clipboard holds no text to import."))
            return
        data = text.encode("utf-8")
        self._run(
            QCoreApplication.translate("Library", "the text from the clipboard"),
            lambda force: self.shelf.library().plan_data(data, Path(CLIPBOARD_NAME), force),
        )

    def _run(self, name: str, plan_for: Callable[[bool], Plan], force: bool = False) -> None:
        from ...report.importing import ImportFailed
        from ...report.library import LibraryError, NotLikeAReport

        try:
            with _busy():
                plan = plan_for(force)
        except NotLikeAReport as exc:
            if self._insist(name, translated(str(exc))):
                self._run(name, plan_for, force=True)
            return
        except ImportFailed as exc:
            self._failed(QCoreApplication.translate("Library", "%1 cannot be imported: %2."), name, exc)
            return
        if plan.duplicate_of:
            self.message.emit(
                QCoreApplication.translate("Library", "%1 is already in your library.").replace("%1", name)
            )
            self.imported.emit(plan.duplicate_of)
            return
        preview = ImportPreview(plan, self.window)
        if preview.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            with _busy():
                entry = self.shelf.library().store(plan)
        except LibraryError as exc:
            self._failed(QCoreApplication.translate("Library", "%1 was not imported: %2."), name, exc)
            return
        self.message.emit(QCoreApplication.translate("Library", "Imported “%1”.").replace("%1", entry.shown_name))
        self.imported.emit(entry.id)

    def _failed(self, sentence: str, name: str, exc: Exception) -> None:
        self._say(sentence.replace("%1", name).replace("%2", translated(str(exc))))

    def _insist(self, name: str, reason: str) -> bool:
        said = QCoreApplication.translate("Library", "%1 does not look like a government work report.").replace(
            "%1", name
        )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("Library", "Import Report"),
            said[:1].upper() + said[1:],
            parent=self.window,
        )
        box.setObjectName("notAReport")
        box.setInformativeText(
            QCoreApplication.translate(
                "Library", "%1. You can import it anyway: its paragraphs are kept in order, without parts or sections."
            ).replace("%1", reason[:1].upper() + reason[1:])
        )
        anyway = box.addButton(
            QCoreApplication.translate("Library", "Import as &Paragraphs"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is anyway

    def _say(self, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("Library", "Import Report"),
            text[:1].upper() + text[1:],
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setObjectName("importFailed")
        box.exec()
