"""The Library tab: every report by region and year; open, import, rename, details, remove."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QMenu,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from . import Shelf
from .messages import translated

if TYPE_CHECKING:
    from ...notes.store import NotesStore

ID_ROLE = Qt.ItemDataRole.UserRole


class LibraryPanel(QWidget):
    openRequested = Signal(str)  # a report's library id
    sideBySideRequested = Signal(str)  # open it beside this window's report, each on half the screen
    compareRequested = Signal(str)  # compare it with this window's report, year over year
    importRequested = Signal()
    removed = Signal(str)  # a report taken out of the library
    message = Signal(str)  # one sentence for the status bar

    def __init__(self, shelf: Shelf, current: str, notes: NotesStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shelf = shelf
        self.current = current  # the report this window shows
        self.notes = notes  # read here: how many notes a report has, and their export before it is removed
        self.list = QTreeWidget(self)
        self.list.setObjectName("libraryList")
        self.list.setHeaderHidden(True)
        self.list.setRootIsDecorated(True)
        self.list.itemActivated.connect(lambda item, _col: self._open(item))
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.currentItemChanged.connect(lambda *_: self._enable())
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("libraryImport")
        self.import_button.clicked.connect(self.importRequested)
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("libraryOpen")
        self.open_button.clicked.connect(lambda: self._open(self.list.currentItem()))
        self.more_button = QPushButton(self)  # rename, details, remove
        self.more_button.setObjectName("libraryMore")
        self.more_button.clicked.connect(self._more)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for b in (self.import_button, self.open_button, self.more_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        self._listed = False
        self.retranslate()

    # Listing ----------------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()  # another window may have imported or removed one
        super().showEvent(event)

    def refresh(self) -> None:
        keep = self.selected() or self.current
        self.list.clear()
        regions: dict[str, QTreeWidgetItem] = {}
        for entry in self.shelf.library().entries():
            region = entry.region or QCoreApplication.translate("Library", "Region unknown")
            group = regions.get(region)
            if group is None:
                group = regions[region] = QTreeWidgetItem(self.list, [region])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                group.setExpanded(True)
            year = str(entry.year) if entry.year else "—"
            item = QTreeWidgetItem(group, [f"{year}  {entry.shown_name}"])
            item.setData(0, ID_ROLE, entry.id)
            tip = (
                entry.title
                if not entry.bundled
                else QCoreApplication.translate("Library", "%1 (comes with cqdesk)").replace("%1", entry.title)
            )
            item.setToolTip(0, tip)
            if entry.id == self.current:
                font = QFont(item.font(0))
                font.setBold(True)
                item.setFont(0, font)
                item.setText(0, item.text(0) + "  " + QCoreApplication.translate("Library", "(open here)"))
            if entry.id == keep:
                self.list.setCurrentItem(item)
        self._listed = True
        self._enable()

    def selected(self) -> str:
        item = self.list.currentItem()
        return str(item.data(0, ID_ROLE) or "") if item is not None else ""

    def _enable(self) -> None:
        self.open_button.setEnabled(bool(self.selected()))
        self.more_button.setEnabled(bool(self.selected()))

    def items(self) -> list[QTreeWidgetItem]:
        """The reports' rows, under their regions, in order."""
        groups = [self.list.topLevelItem(n) for n in range(self.list.topLevelItemCount())]
        return [item for g in groups if g is not None for m in range(g.childCount()) if (item := g.child(m))]

    def select(self, rid: str) -> None:
        for item in self.items():
            if item.data(0, ID_ROLE) == rid:
                self.list.setCurrentItem(item)

    # Acting -----------------------------------------------------------------------------------------------

    def _open(self, item: QTreeWidgetItem | None) -> None:
        rid = str(item.data(0, ID_ROLE) or "") if item is not None else ""
        if rid:
            self.openRequested.emit(rid)

    def _menu(self) -> QMenu:
        menu = QMenu(self)
        rid = self.selected()
        bundled = rid == "bundled"
        menu.addAction(QCoreApplication.translate("Library", "&Open"), lambda: self.openRequested.emit(rid))
        beside = menu.addAction(
            QCoreApplication.translate("Library", "Open &Side by Side"), lambda: self.sideBySideRequested.emit(rid)
        )
        beside.setEnabled(rid != self.current)
        compare = menu.addAction(
            QCoreApplication.translate("Library", "Compare &Years…"), lambda: self.compareRequested.emit(rid)
        )
        compare.setEnabled(rid != self.current)
        rename = menu.addAction(QCoreApplication.translate("Library", "&Rename…"), lambda: self.rename(rid))
        menu.addAction(QCoreApplication.translate("Library", "&Details…"), lambda: self.details(rid))
        menu.addSeparator()
        remove = menu.addAction(
            QCoreApplication.translate("Library", "Re&move from Library…"), lambda: self.remove(rid)
        )
        for action in (rename, remove):
            action.setEnabled(not bundled)
            if bundled:
                action.setToolTip(
                    QCoreApplication.translate(
                        "Library", "The report that comes with cqdesk cannot be renamed or removed"
                    )
                )
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        if self.selected():
            self._menu().exec(self.list.viewport().mapToGlobal(pos))

    def _more(self) -> None:
        if self.selected():
            self._menu().exec(self.more_button.mapToGlobal(self.more_button.rect().bottomLeft()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self.selected() and self.selected() != "bundled":
            self.remove(self.selected())
            return
        if event.key() == Qt.Key.Key_F2 and self.selected() and self.selected() != "bundled":
            self.rename(self.selected())
            return
        super().keyPressEvent(event)

    def rename(self, rid: str) -> None:
        from ...report.library import LibraryError

        library = self.shelf.library()
        entry = library.entry(rid)
        name, ok = QInputDialog.getText(
            self,
            QCoreApplication.translate("Library", "Rename Report"),
            QCoreApplication.translate("Library", "Name shown in the library (empty: the report's own title):"),
            text=entry.name,
        )
        if not ok:
            return
        try:
            library.rename(rid, name)
        except LibraryError as exc:
            self.message.emit(translated(str(exc)))
        self.refresh()

    def details(self, rid: str) -> None:
        entry = self.shelf.library().entry(rid)
        rows = [
            (QCoreApplication.translate("Library", "Title"), entry.title),
            (QCoreApplication.translate("Library", "Region"), entry.region),
            (QCoreApplication.translate("Library", "Year"), str(entry.year or "—")),
        ]
        if entry.bundled:
            rows.append(
                (
                    QCoreApplication.translate("Library", "Source"),
                    QCoreApplication.translate("Library", "comes with cqdesk"),
                )
            )
        else:
            p = entry.provenance
            rows += [
                (QCoreApplication.translate("Library", "File"), p.get("file", "")),
                (QCoreApplication.translate("Library", "Format"), p.get("format", "")),
                (QCoreApplication.translate("Library", "Encoding"), p.get("encoding", "") or "—"),
                (QCoreApplication.translate("Library", "Imported"), p.get("imported", "")),
                ("SHA-256", p.get("sha256", "")),
                (QCoreApplication.translate("Library", "Library id"), entry.id),
            ]
        import html

        body = "".join(
            f"<tr><td><b>{html.escape(k)}</b>&nbsp;&nbsp;</td><td>{html.escape(v)}</td></tr>" for k, v in rows
        )
        box = QMessageBox(
            QMessageBox.Icon.Information,
            QCoreApplication.translate("Library", "Report Details"),
            f"<table>{body}</table>",
            QMessageBox.StandardButton.Close,
            self,
        )
        box.setObjectName("reportDetails")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.open()

    def remove(self, rid: str) -> None:
        """Asks first; the reader's notes on the report are kept in the notes (and offered for export)."""
        from ...report.library import LibraryError

        library = self.shelf.library()
        entry = library.entry(rid)
        notes = self.notes.count(rid)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            QCoreApplication.translate("Library", "Remove Report"),
            QCoreApplication.translate("Library", "Remove “%1” from your library?").replace("%1", entry.shown_name),
            parent=self,
        )
        box.setObjectName("removeReport")
        kept = QCoreApplication.translate(
            "Library", "The file you imported it from is not touched; you can import it again."
        )
        export = None
        if notes:
            kept = (
                QCoreApplication.translate(
                    "Library",
                    "Your %1 notes on it are kept with your other notes and come back if you import it again.",
                ).replace("%1", str(notes))
                + " "
                + kept
            )
            export = box.addButton(
                QCoreApplication.translate("Library", "Export Notes, then Remove…"), QMessageBox.ButtonRole.AcceptRole
            )
        box.setInformativeText(kept)
        remove = box.addButton(QCoreApplication.translate("Library", "Remove"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() not in (remove, export):
            return
        if box.clickedButton() is export and not self._export_notes(entry.id, entry.path, entry.shown_name):
            return
        self.removed.emit(rid)  # its window closes first (it holds the database open)
        try:
            library.remove(rid)
        except LibraryError as exc:
            self.message.emit(translated(str(exc)))
        else:
            self.message.emit(
                QCoreApplication.translate("Library", "“%1” was removed from your library.").replace(
                    "%1", entry.shown_name
                )
            )
        self.refresh()

    def _export_notes(self, rid: str, db: Path, name: str) -> bool:
        """The report's notes as a notes file (JSON, for File › Notes › Import later). False if not written."""
        from PySide6.QtWidgets import QFileDialog

        from ...notes.exchange import to_json
        from ...report.atomic import write_atomic
        from ...report.store import Report

        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("Library", "Export Notes"),
            str(Path.home() / f"{name} 笔记.json"),
            QCoreApplication.translate("Library", "cqdesk notes (*.json)"),
        )
        if not path:
            return False
        report = Report(db)
        try:
            data = to_json(report.document, report.metadata.source_sha256, self.notes.all(rid)).encode("utf-8")
            write_atomic(Path(path), data)
        except OSError as exc:
            self.message.emit(
                QCoreApplication.translate("Library", "Not exported: %1").replace("%1", exc.strerror or str(exc))
            )
            return False
        finally:
            report.close()
        return True

    def retranslate(self) -> None:
        self.import_button.setText(QCoreApplication.translate("Library", "&Import…"))
        self.import_button.setToolTip(
            QCoreApplication.translate("Library", "Import a report from a file: text, Word, a saved web page or PDF")
        )
        self.open_button.setText(QCoreApplication.translate("Library", "Open"))
        self.more_button.setText(QCoreApplication.translate("Library", "More"))
        self.list.setAccessibleName(QCoreApplication.translate("Library", "Reports in your library"))
        if self._listed:
            self.refresh()
