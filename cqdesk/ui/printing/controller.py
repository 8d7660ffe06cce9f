"""Printing in the window: choosing sections, print preview, PDF export.

Checkboxes appear in the tree only in print-selection mode (File > Choose
Sections to Print): most of the time people read, and a tree full of boxes is
noise. Leaving the mode clears the choice, so nothing hidden decides what
prints. With nothing checked, Print and Export take the current section.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from ...report.compare import subject_of

if TYPE_CHECKING:  # QtPrintSupport, the page layout and the PDF export load on first use, not at start-up
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from ...report.model import Document
    from ...report.related import Link
    from ...report.render import PageMark
    from ..contents.model import SectionTreeModel
    from ..settings import Store
    from .layout import PrintJob
    from .pdf import ExportResult


def suggested_name(doc: Document, chosen: list[str]) -> str:
    """A file name for the chosen sections: the report's title, and what was chosen, never cut mid-word.

    The whole report: its title. One section: the title and the section's heading up to its first pause
    (，；：) when that is short. Several sections: the title and 节选 (excerpt).
    """
    compared = subject_of(chosen[0]) if len(chosen) == 1 else None
    if compared is not None:
        heading = re.split(r"[，；：,;:]", doc.sections[compared].heading, maxsplit=1)[0]
        name = f"{doc.title}-对照-{heading}" if len(heading) <= 24 else f"{doc.title}-对照"
    elif chosen == [doc.root.id]:
        name = doc.title
    elif len(chosen) == 1:
        heading = re.split(r"[，；：,;:]", doc.sections[chosen[0]].heading, maxsplit=1)[0]
        name = f"{doc.title}-{heading}" if len(heading) <= 24 else f"{doc.title}-节选"
    else:
        name = f"{doc.title}-节选"
    return re.sub(r'[\\/:*?"<>|\s]+', "", name)  # nothing a file system refuses


class SelectionBar(QWidget):
    """Shown above the tree in print-selection mode: the count and one-click choices."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printSelectionBar")
        self.count = QLabel(self)
        self.all = QPushButton(self)
        self.none = QPushButton(self)
        self.current = QPushButton(self)
        self.print_ = QPushButton(self)
        self.export = QPushButton(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.count, 1)
        for button in (self.all, self.none, self.current, self.print_, self.export):
            button.setAutoDefault(False)
            layout.addWidget(button)

    def retranslate(self, checked: int, whole: bool = False) -> None:
        if whole:
            self.count.setText(QCoreApplication.translate("Printing", "The whole report chosen"))
        else:
            self.count.setText(self.tr("%n section(s) chosen", "", checked))
        self.all.setText(QCoreApplication.translate("Printing", "All"))
        self.none.setText(QCoreApplication.translate("Printing", "None"))
        self.current.setText(QCoreApplication.translate("Printing", "Current"))
        self.print_.setText(QCoreApplication.translate("Printing", "Print…"))
        self.export.setText(QCoreApplication.translate("Printing", "Export…"))
        self.export.setAccessibleName(QCoreApplication.translate("Printing", "Export the chosen sections"))
        self.all.setAccessibleName(QCoreApplication.translate("Printing", "Choose every section"))
        self.none.setAccessibleName(QCoreApplication.translate("Printing", "Choose no section"))
        self.current.setAccessibleName(QCoreApplication.translate("Printing", "Choose the current section"))
        self.print_.setAccessibleName(QCoreApplication.translate("Printing", "Print the chosen sections"))
        self.count.setAccessibleName(QCoreApplication.translate("Printing", "Sections chosen for printing"))


@dataclass(frozen=True)
class PrintActions:
    """The commands printing answers to (they live in the window's menus)."""

    print_: QAction
    export_pdf: QAction
    select_mode: QAction
    export_docs: QAction | None = None  # Word, OpenDocument, Markdown, HTML, text


class PrintController(QObject):
    """Choosing sections, the print preview and PDF export. It gets what it needs and reports back by signals:
    the window places ``bar`` and shows ``message``; ``reveal`` asks it to show a tree row."""

    message = Signal(str)
    reveal = Signal(str)  # a section id whose row (and box) should be made visible

    def __init__(
        self,
        document: Document,
        model: SectionTreeModel,
        preferences: Store,
        current_section: Callable[[], str],
        actions: PrintActions,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.model = model
        self.preferences = preferences
        self.current_section = current_section
        self.parent_widget = parent
        # The reader's highlights and notes, for paper when the reader asks for them (the notes feature sets it).
        self.marks: Callable[[list[str]], Mapping[str, list[PageMark]]] | None = None
        # The related sections, for printing a comparison page (the window sets it; loaded on first use).
        self.links: Callable[[], Sequence[Link]] = lambda: ()
        self.bar = SelectionBar(parent)
        self.bar.hide()
        actions.print_.triggered.connect(self.print_preview)
        actions.export_pdf.triggered.connect(self.export_dialog)
        if actions.export_docs is not None:
            actions.export_docs.triggered.connect(self.export_documents_dialog)
        actions.select_mode.toggled.connect(self.set_selection_mode)
        self.bar.all.clicked.connect(lambda: model.set_all_checked(True))
        self.bar.none.clicked.connect(lambda: model.set_all_checked(False))
        self.bar.current.clicked.connect(self.check_current)
        self.bar.print_.clicked.connect(self.print_preview)
        self.bar.export.clicked.connect(self.export_documents_dialog)
        model.checkedChanged.connect(self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        checked = self.model.checked_sections()
        self.bar.retranslate(len(checked), checked == [self.document.root.id])

    # Choosing ------------------------------------------------------------------------------

    def set_selection_mode(self, on: bool) -> None:
        # The choice stays for the session: leaving the mode hides the boxes, entering it shows them again.
        # No model reset, so the tree keeps its current row and the page stays where the reader is.
        self.model.set_checkable(on)
        self.bar.setVisible(on)

    def check_current(self) -> None:
        sid = subject_of(self.current_section()) or self.current_section()
        self.model.set_checked(sid, True)
        self.reveal.emit(sid)  # show the box just ticked, even inside a collapsed branch

    def chosen(self) -> list[str]:
        """What Print and Export take: the checked sections, or the current one."""
        checked = self.model.checked_sections() if self.model.checkable else []
        return checked or [self.current_section()]

    # Paper ---------------------------------------------------------------------------------

    def _printer(self) -> QPrinter:
        from PySide6.QtPrintSupport import QPrinter

        prefs = self.preferences
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        from .layout import page_layout

        printer.setPageLayout(page_layout(prefs.get("paper"), prefs.get("orientation")))
        printer.setDocName(self.document.title)
        return printer

    def _remember(self, printer: QPrinter) -> None:
        layout = printer.pageLayout()
        paper = "Letter" if layout.pageSize().id() == layout.pageSize().PageSizeId.Letter else "A4"
        landscape = layout.orientation() == layout.Orientation.Landscape
        self.preferences.set("paper", paper)
        self.preferences.set("orientation", "landscape" if landscape else "portrait")

    def paper_marks(self) -> Mapping[str, list[PageMark]] | None:
        if self.marks is None or not self.preferences.get("print_notes"):
            return None
        return self.marks(list(self.document.sections))

    def make_job(self) -> PrintJob:
        # Paper follows the window: large print on screen prints large too.
        large = self.preferences.get("large_print")
        from .layout import PRINT_TEXTS, REPORT_LANGUAGE, PrintJob

        texts = PRINT_TEXTS[REPORT_LANGUAGE]
        return PrintJob(self.document, self.chosen(), texts, self.paper_marks(), large, self.links())

    def print_preview(self) -> None:
        from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
        from PySide6.QtWidgets import QToolBar

        printer = self._printer()
        jobs = [self.make_job()]
        dialog = QPrintPreviewDialog(printer, self.parent_widget)
        dialog.setWindowTitle(QCoreApplication.translate("Printing", "Print Preview"))
        dialog.paintRequested.connect(lambda device: jobs[-1].paint(device))
        toolbar = dialog.findChild(QToolBar)
        if toolbar is not None and self.marks is not None:
            toolbar.addSeparator()
            notes = toolbar.addAction(QCoreApplication.translate("Printing", "Include My Highlights and Notes"))
            notes.setObjectName("printNotes")
            notes.setCheckable(True)
            notes.setChecked(bool(self.preferences.get("print_notes")))

            def include(on: bool) -> None:
                self.preferences.set("print_notes", on)
                jobs.append(self.make_job())
                preview = dialog.findChild(QPrintPreviewWidget)
                if preview is not None:
                    preview.updatePreview()

            notes.toggled.connect(include)
        self._set_preview_zoom(dialog)
        dialog.exec()
        self._remember(printer)
        self._remember_preview_zoom(dialog)

    def _set_preview_zoom(self, dialog: QPrintPreviewDialog) -> None:
        """Open at the page width (readable), or at the zoom the reader chose last time."""
        from PySide6.QtPrintSupport import QPrintPreviewWidget

        preview = dialog.findChild(QPrintPreviewWidget)
        if preview is None:
            return
        zoom = self.preferences.get("preview_zoom")
        if zoom:
            preview.setZoomMode(QPrintPreviewWidget.ZoomMode.CustomZoom)
            preview.setZoomFactor(zoom / 100)
        else:
            preview.fitToWidth()

    def _remember_preview_zoom(self, dialog: QPrintPreviewDialog) -> None:
        from PySide6.QtPrintSupport import QPrintPreviewWidget

        preview = dialog.findChild(QPrintPreviewWidget)
        if preview is None:
            return
        fits = preview.zoomMode() == QPrintPreviewWidget.ZoomMode.FitToWidth
        zoom = 0 if fits else max(1, min(400, round(preview.zoomFactor() * 100)))
        self.preferences.set("preview_zoom", zoom)

    def export_dialog(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = suggested_name(self.document, self.chosen())
        path, _ = QFileDialog.getSaveFileName(
            self.parent_widget,
            QCoreApplication.translate("Printing", "Export PDF"),
            str(Path(folder) / f"{name}.pdf"),
            QCoreApplication.translate("Printing", "PDF files (*.pdf)"),
        )
        if path:
            self.export_to(Path(path if path.lower().endswith(".pdf") else f"{path}.pdf"))

    def export_documents_dialog(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = suggested_name(self.document, self.chosen())
        filters = ";;".join(
            [
                QCoreApplication.translate("Printing", "Word document (*.docx)"),
                QCoreApplication.translate("Printing", "OpenDocument text (*.odt)"),
                QCoreApplication.translate("Printing", "Markdown (*.md)"),
                QCoreApplication.translate("Printing", "Web page, one file (*.html)"),
                QCoreApplication.translate("Printing", "Plain text (*.txt)"),
            ]
        )
        path, chosen_filter = QFileDialog.getSaveFileName(
            self.parent_widget,
            QCoreApplication.translate("Printing", "Export"),
            str(Path(folder) / f"{name}.docx"),
            filters,
        )
        if path:
            suffix = re.search(r"\*\.(\w+)\)", chosen_filter)
            if suffix and not Path(path).suffix:
                path = f"{path}.{suffix.group(1)}"
            self.export_document_to(Path(path))

    def export_document_to(self, path: Path) -> bool:
        from ..exporting.documents import ExportError, export_document, format_of

        try:
            fmt = format_of(path)
            done = export_document(self.document, self.chosen(), path, fmt, self.paper_marks(), self.links())
        except ExportError as exc:
            title = QCoreApplication.translate("Printing", "Export")
            self._refused(title, QCoreApplication.translate("Printing", "The file was not written."), exc)
            return False
        self.message.emit(QCoreApplication.translate("Printing", "Exported to %1").replace("%1", str(done.path)))
        return True

    def _refused(self, title: str, what: str, exc: Exception) -> None:
        """Why an export wrote nothing: what was not written, then the reason."""
        from PySide6.QtWidgets import QMessageBox  # imported where used: start-up shows no message box

        QMessageBox.warning(self.parent_widget, title, what + "\n\n" + str(exc))

    def export_to(self, path: Path) -> ExportResult | None:
        from .layout import PRINT_TEXTS, REPORT_LANGUAGE
        from .pdf import ExportError, export_pdf

        prefs = self.preferences
        try:
            result = export_pdf(
                self.document,
                self.chosen(),
                path,
                prefs.get("paper"),
                prefs.get("orientation"),
                PRINT_TEXTS[REPORT_LANGUAGE],
                self.paper_marks(),
                prefs.get("large_print"),
                self.links(),
            )
        except ExportError as exc:
            title = QCoreApplication.translate("Printing", "Export PDF")
            self._refused(title, QCoreApplication.translate("Printing", "The PDF was not written."), exc)
            return None
        pages = self.tr("Exported %n page(s) to %1", "", result.pages)
        self.message.emit(pages.replace("%1", str(result.path)))
        return result
