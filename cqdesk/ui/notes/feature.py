"""The notes feature in the window: its menu and keys, the page's context menu, the editor, export and import.

It gets what it needs (the controller, the page, the window for dialogs) and answers by signals; the
window never reaches into it beyond wiring.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QMenu

from ...notes.anchor import find_passage
from ...notes.exchange import MARKDOWN_LABELS, ImportRefused, from_json, merge_plan, to_csv, to_json, to_markdown
from ...notes.model import COLORS
from ...notes.store import NotesError, backup_label
from ...report.atomic import write_atomic
from ...report.render import HIGHLIGHTS, reference
from ..reading.page import DetailPane
from .controller import NotesController
from .panel import color_names

K = QKeySequence.StandardKey


class NotesFeature(QObject):
    message = Signal(str)

    def __init__(self, notes: NotesController, page: DetailPane, window: QMainWindow, language: str) -> None:
        super().__init__(window)
        self.notes, self.page, self.window = notes, page, window
        self.language = language
        self.last_color = "yellow"

        def act(keys: list[QKeySequence | K | str] | None = None, checkable: bool = False) -> QAction:
            a = QAction(window)
            if keys:
                a.setShortcuts([k if isinstance(k, QKeySequence) else QKeySequence(k) for k in keys])
            a.setCheckable(checkable)
            return a

        self.bookmark = act(["Ctrl+D"], checkable=True)
        self.highlight = act(["Ctrl+Shift+H"])
        self.add_note = act(["Ctrl+Shift+N"])
        self.undo = notes.undo_stack.createUndoAction(window)
        self.undo.setShortcuts(QKeySequence.keyBindings(K.Undo))
        self.redo = notes.undo_stack.createRedoAction(window)
        self.redo.setShortcuts(QKeySequence.keyBindings(K.Redo))
        self.export = act()
        self.import_ = act()
        self.restore = act()
        self.colors = {c: act() for c in COLORS}
        for c, a in self.colors.items():
            a.setIcon(swatch(c))
            a.triggered.connect(lambda _=False, c=c: self.highlight_selection(c))
        self.menu = QMenu(window)
        self.menu.setObjectName("notesMenu")
        self.color_menu = QMenu(window)
        self.color_menu.addActions(list(self.colors.values()))
        self.menu.addActions([self.bookmark, self.highlight])
        self.menu.addMenu(self.color_menu)
        self.menu.addActions([self.add_note])
        self.menu.addSeparator()
        self.menu.addActions([self.undo, self.redo])
        self.menu.addSeparator()
        self.menu.addActions([self.export, self.import_, self.restore])
        window.addActions([self.bookmark, self.highlight, self.add_note, self.undo, self.redo])

        self.bookmark.triggered.connect(self.toggle_bookmark)
        self.highlight.triggered.connect(lambda: self.highlight_selection(self.last_color))
        self.add_note.triggered.connect(self.note_on_selection_or_section)
        self.export.triggered.connect(self.ask_export)
        self.import_.triggered.connect(self.ask_import)
        self.restore.triggered.connect(self.ask_restore)
        self.watch(page)
        notes.changed.connect(self.sync)
        notes.message.connect(self.message)
        self._selection_changed(False)
        self.retranslate()

    def watch(self, page: DetailPane) -> None:
        """Take notes on ``page`` too (the second pane of a split view); the active page is ``self.page``."""
        page.menuRequested.connect(self._page_menu)
        page.annotationClicked.connect(self.edit)
        page.copyAvailable.connect(lambda on, p=page: self._selection_changed(on) if p is self.page else None)

    def retranslate(self) -> None:
        self.menu.setTitle(QCoreApplication.translate("Notes", "&Notes"))
        self.bookmark.setText(QCoreApplication.translate("Notes", "&Bookmark This Section"))
        self.highlight.setText(QCoreApplication.translate("Notes", "&Highlight Selection"))
        self.color_menu.setTitle(QCoreApplication.translate("Notes", "Highlight in &Colour"))
        self.add_note.setText(QCoreApplication.translate("Notes", "Add &Note…"))
        self.undo.setText(QCoreApplication.translate("Notes", "&Undo"))
        self.redo.setText(QCoreApplication.translate("Notes", "&Redo"))
        self.export.setText(QCoreApplication.translate("Notes", "&Export My Notes…"))
        self.import_.setText(QCoreApplication.translate("Notes", "&Import Notes…"))
        self.restore.setText(QCoreApplication.translate("Notes", "Restore from &Backup…"))
        for c, name in color_names().items():
            self.colors[c].setText(name)

    # State ----------------------------------------------------------------------------------

    def sync(self) -> None:
        self.bookmark.setChecked(self.page.section_id in self.notes.bookmarked())

    def _selection_changed(self, selected: bool) -> None:
        self.highlight.setEnabled(selected)
        self.color_menu.setEnabled(selected)

    # Acting ---------------------------------------------------------------------------------

    def toggle_bookmark(self) -> None:
        sid = self.page.section_id
        if self.page.report.document.sections[sid].parent is None:
            self.message.emit(
                QCoreApplication.translate("Notes", "Bookmark a section: the whole report is always here.")
            )
            self.sync()
            return
        self.notes.toggle_bookmark(sid)
        self.sync()

    def highlight_selection(self, color: str) -> str:
        """Highlight what is selected on the page; the new annotation's id, or "" (and why, said)."""
        passage = self.page.selected_passage()
        if passage is None:
            self.message.emit(QCoreApplication.translate("Notes", "Select some text of the page to highlight first."))
            return ""
        where = find_passage(self.notes.document, self.page.shown_sections(), *passage)
        if where is None or where.start == where.end:
            self.message.emit(
                QCoreApplication.translate("Notes", "Select text within one passage of the report to highlight it.")
            )
            return ""
        self.last_color = color
        made = self.notes.highlight(where.section_id, where.start, where.end, color)
        return made.id if made else ""

    def note_on_selection_or_section(self) -> None:
        """With a selection, highlight it and write a note on it; without one, a note on the section."""
        if self.page.textCursor().hasSelection():
            aid = self.highlight_selection(self.last_color)
            if aid:
                self.edit(aid)
            return
        sid = self.page.section_id
        self._open_editor(self._context(sid), "", lambda text: self.notes.save_note(None, sid, text) if text else True)

    def edit(self, aid: str) -> None:
        a = self.notes.get(aid)
        if a is None:
            return
        context = self._context(a.section_id) + (f"\n「{a.exact}」" if a.exact else "")
        self._open_editor(context, a.note, lambda text: self.notes.save_note(self.notes.get(aid), a.section_id, text))

    def _open_editor(self, context: str, text: str, save: object) -> None:
        from .editor import NoteEditor  # the dialog's types load when a note is first written, not at start-up

        editor = NoteEditor(context, text, save, self.window)  # type: ignore[arg-type]
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.open()

    def _context(self, sid: str) -> str:
        return reference(self.notes.document, sid) or self.notes.document.title

    def _page_menu(self, menu: QMenu, aid: str) -> None:
        menu.addSeparator()
        if self.page.textCursor().hasSelection():
            menu.addAction(self.highlight)
            menu.addMenu(self.color_menu)
        a = self.notes.get(aid) if aid else None
        if a is not None:
            edit = menu.addAction(QCoreApplication.translate("Notes", "Edit Note…"))
            edit.triggered.connect(lambda: self.edit(aid))
            if a.kind == "highlight":
                recolor = menu.addMenu(QCoreApplication.translate("Notes", "Change Colour"))
                for c, name in color_names().items():
                    item = recolor.addAction(swatch(c), name)
                    item.triggered.connect(lambda _=False, c=c: self.notes.recolor(aid, c))
            remove = menu.addAction(
                QCoreApplication.translate("Notes", "Remove Highlight")
                if a.kind == "highlight"
                else QCoreApplication.translate("Notes", "Delete Note")
            )
            remove.triggered.connect(lambda: self.notes.remove(aid))
        else:
            menu.addAction(self.add_note)
        menu.addAction(self.bookmark)

    # Moving notes in and out ----------------------------------------------------------------

    def export_to(self, path: Path) -> int:
        """Write every note to ``path`` in the format its extension names (.json, .md, .csv); the count.
        Notes that could not be read are never exported as none (that would replace a good file with less)."""
        if self.notes.store.unreadable:
            raise NotesError(f"your notes cannot be read: {self.notes.store.unreadable}")
        doc, items = self.notes.document, self.notes.items()
        suffix = path.suffix.lower()
        if suffix == ".csv":
            data = to_csv(doc, items)
        elif suffix in (".md", ".markdown"):
            labels = MARKDOWN_LABELS.get(self.language, MARKDOWN_LABELS["zh_CN"])
            data = to_markdown(doc, items, labels).encode("utf-8")
        else:
            data = to_json(doc, self.notes.digest, items).encode("utf-8")
        write_atomic(path, data)
        return len(items)

    def ask_export(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.window,
            QCoreApplication.translate("Notes", "Export My Notes"),
            str(Path.home() / "cqdesk-notes.json"),
            QCoreApplication.translate(
                "Notes", "Notes for import (*.json);;Markdown for reading (*.md);;CSV for Excel and WPS (*.csv)"
            ),
        )
        if not name:
            return
        try:
            n = self.export_to(Path(name))
        except (OSError, NotesError) as exc:
            from PySide6.QtWidgets import QMessageBox  # imported where used: start-up shows no message box

            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            QMessageBox.warning(self.window, QCoreApplication.translate("Notes", "Export My Notes"), f"{name}: {why}")
            return
        self.message.emit(self.tr("Exported %n note(s) to %1.", "", n).replace("%1", name))

    def import_from(self, path: Path, apply: bool = True) -> str:
        """Merge a JSON export; what it added, changed and skipped. Raises ImportRefused, changing nothing."""
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise ImportRefused("it is not a UTF-8 text file") from None
        plan = merge_plan(self.notes.store.all(None), from_json(text))
        if apply:
            for a in plan.added + plan.changed:
                if not self.notes.write(self.notes.get(a.id), a):
                    raise ImportRefused("the notes could not be saved")
        return plan.summary()

    def ask_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            QCoreApplication.translate("Notes", "Import Notes"),
            str(Path.home()),
            QCoreApplication.translate("Notes", "cqdesk notes (*.json)"),
        )
        if not name:
            return
        try:
            summary = self.import_from(Path(name))
        except (ImportRefused, OSError) as exc:
            why = str(exc) if isinstance(exc, ImportRefused) else (exc.strerror or str(exc))
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(
                self.window,
                QCoreApplication.translate("Notes", "Import Notes"),
                QCoreApplication.translate("Notes", "Nothing was imported: %1.").replace("%1", why),
            )
            return
        self.message.emit(QCoreApplication.translate("Notes", "Imported: %1.").replace("%1", summary))

    def restore_choices(self) -> list[tuple[str, Path]]:
        """What Restore offers, each with its label: the backups, then the files set aside as damaged (a file
        moved aside is always offered back)."""
        store = self.notes.store
        set_aside = set(store.set_aside())
        out = []
        for path in store.restorable():
            when = backup_label(path)
            if path in set_aside:
                label = QCoreApplication.translate("Notes", "File set aside as damaged, %1").replace("%1", when)
            else:
                label = QCoreApplication.translate("Notes", "Backup of %1").replace("%1", when)
            out.append((label, path))
        return out

    def ask_restore(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        choices = self.restore_choices()
        if not choices:
            QMessageBox.information(
                self.window,
                QCoreApplication.translate("Notes", "Restore from Backup"),
                QCoreApplication.translate("Notes", "There is no backup yet."),
            )
            return
        names = [label for label, _ in choices]
        chosen, ok = QInputDialog.getItem(
            self.window,
            QCoreApplication.translate("Notes", "Restore from Backup"),
            QCoreApplication.translate(
                "Notes", "Replace your notes with (your current notes are kept in a file beside it):"
            ),
            names,
            0,
            False,
        )
        if not ok:
            return
        try:
            self.notes.store.restore(choices[names.index(chosen)][1])
        except Exception as exc:  # NotesError or a damaged backup: say so, change nothing
            QMessageBox.warning(self.window, QCoreApplication.translate("Notes", "Restore from Backup"), str(exc))
            return
        self.notes.reload()
        self.message.emit(QCoreApplication.translate("Notes", "Your notes were restored: %1.").replace("%1", chosen))


def _drawn(paint: Callable[[QPainter], None]) -> QIcon:
    """A 16-pixel icon drawn by ``paint`` on a clear ground: no icon theme or file needed."""
    pix = QPixmap(16, 16)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    paint(p)
    p.end()
    return QIcon(pix)


def swatch(name: str) -> QIcon:
    """A highlight colour as a small square with a thin edge (a pale colour on a white list needs one)."""

    def paint(p: QPainter) -> None:
        p.setPen(QColor("#8e8e93"))
        p.setBrush(QColor(HIGHLIGHTS[name]))
        p.drawRect(2, 2, 11, 11)

    return _drawn(paint)


def bookmark_icon(color: str = "#b3261e") -> QIcon:
    """A ribbon."""

    def paint(p: QPainter) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = QPainterPath()
        r = QRectF(4, 1, 8, 14)
        path.moveTo(r.topLeft())
        path.lineTo(r.topRight())
        path.lineTo(r.bottomRight())
        path.lineTo(QPointF(r.center().x(), r.bottom() - 4))
        path.lineTo(r.bottomLeft())
        path.closeSubpath()
        p.fillPath(path, QColor(color))

    return _drawn(paint)


def note_icon(color: str = "#6e6e73") -> QIcon:
    """A page with lines."""

    def paint(p: QPainter) -> None:
        p.setPen(QColor(color))
        p.drawRect(3, 1, 10, 13)
        for y in (5, 8, 11):
            p.drawLine(5, y, 11, y)

    return _drawn(paint)
