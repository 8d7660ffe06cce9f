"""Help › User Guide, Licences and About, for the report a window shows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMenu, QWidget

from ... import __version__
from ...report.store import Report


class HelpFeature(QObject):
    def __init__(self, report: Report, language: Callable[[], str], menus: Callable[[], list[QMenu]],
                 parent: QWidget) -> None:  # fmt: skip
        super().__init__(parent)
        self.report, self.language, self.menus, self.window = report, language, menus, parent

    def about_text(self) -> str:
        doc = self.report.document
        reader = self.tr("An offline reader for")
        source = self.tr("Source text SHA-256:")
        licences = self.tr(
            "cqdesk is free software under the MIT licence. It uses Qt for Python (LGPLv3), Python, SQLite and "
            "the Noto Sans SC font (SIL Open Font Licence 1.1); Help › Licences lists every component with its "
            "licence text."
        )
        return (
            f"<h3>cqdesk {__version__}</h3>"
            f"<p>{reader} <b>{doc.title}</b><br/>{doc.occasion_line.lstrip('—')}</p>"
            f"<p>{source}<br/><code>{self.report.metadata.source_sha256}</code></p>"
            f"<p>{licences}</p>"
        )

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox  # imported where used: start-up shows no message box

        QMessageBox.about(self.window, self.tr("About cqdesk"), self.about_text())

    def show_guide(self) -> None:
        from .guide import GuideDialog

        dialog = GuideDialog(self.language(), self.menus(), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def show_licences(self) -> None:
        from .licences import LicencesDialog

        dialog = LicencesDialog(self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
