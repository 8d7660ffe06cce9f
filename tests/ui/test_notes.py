"""Bookmarks, highlights and notes, driven as a reader drives them: keys, mouse drags, the notes tab."""

from __future__ import annotations

import os
import shutil

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QInputMethodEvent, QMouseEvent, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from cqdesk.notes.model import Annotation
from cqdesk.notes.store import NotesError, NotesStore
from cqdesk.report.render import HIGHLIGHTS
from cqdesk.ui.notes.editor import NoteEditor

SID = "plan/areas/2/1"


def reader(make_window, qtbot, section=SID):
    """The window as a reader has it: shown, active (so its keys work), the page focused."""
    w = make_window(section=section)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=3000)
    w.detail.setFocus()
    return w


def type_text(widget, text: str) -> None:
    """Chinese arrives as an input method's commit, as from Pinyin on every platform; QTest types ASCII only."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def saved():
    return NotesStore(os.environ["CQDESK_DATA_DIR"]).all()


def drag_select(qtbot, page, text: str) -> None:
    """Press the mouse before the first character of ``text`` on the page and release it after the last."""
    found = page.document().find(text)
    assert not found.isNull(), text
    start, end = QTextCursor(page.document()), QTextCursor(page.document())
    start.setPosition(found.selectionStart())
    end.setPosition(found.selectionEnd())
    a = QPointF(page.cursorRect(start).center())
    b = QPointF(page.cursorRect(end).center())
    port = page.viewport()
    buttons = Qt.MouseButton.LeftButton
    for kind, pos, held in ((QEvent.Type.MouseButtonPress, a, buttons), (QEvent.Type.MouseMove, b, buttons),
                            (QEvent.Type.MouseButtonRelease, b, Qt.MouseButton.NoButton)):  # fmt: skip
        event = QMouseEvent(
            kind, pos, port.mapToGlobal(pos), Qt.MouseButton.LeftButton, held, Qt.KeyboardModifier.NoModifier
        )
        QApplication.sendEvent(port, event)
    qtbot.wait(1)
    assert page.textCursor().selectedText() == text


def editor(qtbot) -> NoteEditor:
    qtbot.waitUntil(lambda: any(isinstance(w, NoteEditor) and w.isVisible() for w in QApplication.topLevelWidgets()))
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, NoteEditor) and w.isVisible())


def test_ctrl_d_bookmarks_the_section_and_marks_it_in_the_tree(make_window, qtbot):
    w = reader(make_window, qtbot)
    QTest.keyClick(w.detail, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    index = w.model.index_of(SID)
    assert w.model.data(index, Qt.ItemDataRole.DecorationRole) is not None
    assert w.notes_feature.bookmark.isChecked()
    assert [(a.kind, a.section_id) for a in saved()] == [("bookmark", SID)]
    w.tabs.setCurrentWidget(w.notes_panel)
    assert "Bookmark · 二、1. 加快构建现代化集疏运体系" in w.notes_panel.row_text(0)
    QTest.keyClick(w.detail, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert w.model.data(index, Qt.ItemDataRole.DecorationRole) is None and saved() == []


def test_select_then_highlight_shows_on_the_page_and_is_saved(make_window, qtbot):
    w = reader(make_window, qtbot)
    drag_select(qtbot, w.detail, "西部陆海新通道")
    QTest.keyClick(w.detail, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    (a,) = saved()
    assert (a.kind, a.section_id, a.exact, a.color) == ("highlight", SID, "西部陆海新通道", "yellow")
    assert w.detail.document().toPlainText().count("西部陆海新通道") >= 1
    assert f"background-color:{HIGHLIGHTS['yellow']}" in w.detail.toHtml().lower() or _painted(w, "yellow")
    # Undo takes it away, redo brings it back: in the store as on the page.
    QTest.keyClick(w.detail, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert saved() == [] and not _painted(w, "yellow")
    QTest.keyClick(w.detail, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert [x.id for x in saved()] == [a.id] and _painted(w, "yellow")


def _painted(w, color: str) -> bool:
    """Whether some character on the page has the highlight's background."""
    want = HIGHLIGHTS[color].lower()
    block = w.detail.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.background().style() != Qt.BrushStyle.NoBrush and fmt.background().color().name() == want:
                return True
            it += 1
        block = block.next()
    return False


def test_a_note_on_the_section_through_the_editor(make_window, qtbot):
    w = reader(make_window, qtbot)
    QTest.keyClick(w.detail, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    ed = editor(qtbot)
    assert "二、1. 加快构建现代化集疏运体系" in ed.context.text()
    QTest.keyClicks(ed.edit, "<b>not bold</b> javascript:x")
    QTest.keyClick(ed.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not ed.isVisible())
    (a,) = saved()
    assert (a.kind, a.note) == ("note", "<b>not bold</b> javascript:x")
    assert "<b>not bold</b> javascript:x" in w.detail.toPlainText()  # shown as written
    assert "Notes" == w.notes_panel.kind.itemText(2)
    w.tabs.setCurrentWidget(w.notes_panel)
    assert "<b>not bold</b>" in w.notes_panel.row_text(0)


def test_escape_asks_before_losing_an_edited_note(make_window, qtbot, monkeypatch):
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: asked.append(a[2]) or answers.pop(0)))
    w = reader(make_window, qtbot)
    QTest.keyClick(w.detail, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    ed = editor(qtbot)
    type_text(ed.edit, "半句话")
    QTest.keyClick(ed.edit, Qt.Key.Key_Escape)
    assert ed.isVisible() and ed.text() == "半句话"  # Cancel: still there
    QTest.keyClick(ed.edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not ed.isVisible())
    assert len(asked) == 2 and saved() == []


def test_a_save_that_fails_keeps_the_editor_and_its_text(make_window, qtbot, monkeypatch):
    w = reader(make_window, qtbot)

    def full(*args):
        raise NotesError("Not saved: the disk is full.")

    monkeypatch.setattr(w.notes.store, "put", full)
    w.detail.setFocus()
    QTest.keyClick(w.detail, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    ed = editor(qtbot)
    type_text(ed.edit, "重要的笔记")
    QTest.keyClick(ed.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(10)
    assert ed.isVisible() and ed.text() == "重要的笔记"
    assert "the disk is full" in w.statusBar().currentMessage()
    ed.reject = ed.done  # close it for the teardown without the question


def test_the_notes_tab_filters_and_opens_a_note_at_its_passage(make_window, qtbot):
    w = reader(make_window, qtbot)
    drag_select(qtbot, w.detail, "西部陆海新通道")
    QTest.keyClick(w.detail, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    w.navigate("review/tasks/1")
    QTest.keyClick(w.detail, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    w.tabs.setCurrentWidget(w.notes_panel)
    panel = w.notes_panel
    assert panel.count() == 2
    type_text(panel.filter, "陆海")
    assert panel.count() == 1
    panel.list.setFocus()
    panel.list.setCurrentIndex(panel.model.index(0))
    QTest.keyClick(panel.list, Qt.Key.Key_Return)
    assert w.detail.section_id == SID and w.detail.hit_count >= 1  # opened with the passage marked
    QTest.keyClick(panel.list, Qt.Key.Key_Delete)
    assert [a.kind for a in saved()] == ["bookmark"]


def test_export_and_import_through_the_feature(make_window, qtbot, tmp_path):
    w = reader(make_window, qtbot)
    QTest.keyClick(w.detail, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    target = tmp_path / "mine.md"
    assert w.notes_feature.export_to(target) == 1
    assert "## 《2025年重庆市政府工作报告》二、1. 加快构建现代化集疏运体系" in target.read_text(encoding="utf-8")
    j = tmp_path / "mine.json"
    w.notes_feature.export_to(j)
    assert w.notes_feature.import_from(j) == "0 added, 0 changed, 1 skipped (not newer)"


def test_the_print_preview_can_include_highlights_and_notes(make_window, qtbot, monkeypatch, tmp_path):
    from pypdf import PdfReader
    from PySide6.QtGui import QAction
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printed = []

    def tick_then_print(dialog):
        """The reader ticks "Include My Highlights and Notes" in the preview's toolbar, then prints."""
        dialog.findChild(QAction, "printNotes").trigger()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        dialog.paintRequested.emit(printer)
        printed.append(tmp_path / "printed.pdf")
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", tick_then_print)
    w = reader(make_window, qtbot)
    QTest.keyClick(w.detail, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    ed = editor(qtbot)
    type_text(ed.edit, "本节的笔记")
    QTest.keyClick(ed.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not ed.isVisible())
    w.detail.setFocus()
    QTest.keyClick(w.detail, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    text = "".join(p.extract_text() for p in PdfReader(printed[0]).pages).replace("\t", " ")
    assert "[1] 本节的笔记" in text
    assert w.settings.preferences.get("print_notes") is True  # remembered for the next print


def test_a_damaged_notes_file_is_replaced_and_reading_goes_on(make_window, qtbot):
    folder = os.environ["CQDESK_DATA_DIR"]
    with open(os.path.join(folder, "user.db"), "wb") as f:
        f.write(b"this is not a database " * 100)
    w = reader(make_window, qtbot)
    assert "damaged" in w.notes_problem() and "user.damaged-" in w.notes_problem()
    assert w.detail.section_id == SID and "西部陆海新通道" in w.detail.toPlainText()
    QTest.keyClick(w.detail, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert [a.kind for a in saved()] == ["bookmark"]  # a fresh notes file, working


def test_search_can_include_my_notes_as_their_own_group(make_window, qtbot):
    from tests.ui.conftest import search

    w = reader(make_window, qtbot)
    assert not w.search.include_notes.isVisibleTo(w)  # nothing to search yet
    drag_select(qtbot, w.detail, "西部陆海新通道")
    QTest.keyClick(w.detail, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    ed = editor(qtbot)
    type_text(ed.edit, "简报要点：铁海联运")
    QTest.keyClick(ed.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not ed.isVisible())
    assert w.search.include_notes.isVisibleTo(w)
    search(qtbot, w, "铁海联运")
    assert w.search.report_hits == len(w.search.hits)  # the report alone, until asked
    box = w.search.include_notes
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))  # on its square
    qtbot.waitUntil(lambda: len(w.search.hits) > w.search.report_hits)
    groups = [w.search.model.item(g).text() for g in range(w.search.model.rowCount())]
    assert groups[-1] == "My notes  (1)"
    assert "1 of my notes" in w.search.status.text()
    w.navigate("review/tasks/1")
    w.search.open_result(len(w.search.hits) - 1)
    assert w.detail.section_id == SID and w.detail.hit_count == 1  # opened at the highlighted passage


def test_search_results_show_my_highlights_under_their_words(make_window, qtbot):
    from PySide6.QtGui import QPalette

    from cqdesk.report.search import search
    from cqdesk.ui.search.results import result_html

    w = reader(make_window, qtbot)
    (hit,) = [h for h in search(w.report.conn, "陆海新通道") if h.id == SID]
    page = result_html(hit, QPalette(), False, [("西部陆海新通道", "green")])
    assert f"background-color:{HIGHLIGHTS['green']}" in page
    assert result_html(hit, QPalette(), False, []).count("background-color") == len(hit.marks) + len(hit.title_marks)


def test_restore_offers_a_file_set_aside_and_brings_its_notes_back(make_window, qtbot, monkeypatch):
    """As found: a healthy notes file moved aside as damaged was never offered back by Restore from Backup."""
    from PySide6.QtWidgets import QInputDialog

    folder = os.environ["CQDESK_DATA_DIR"]
    kept = NotesStore(folder)
    kept.put_many([Annotation.new("note", "plan/areas/1", "d", note=f"第{n}条") for n in range(7)])
    kept.close()
    os.rename(os.path.join(folder, "user.db"), os.path.join(folder, "user.damaged-20261201-101500.db"))
    for side in ("backups",):
        shutil.rmtree(os.path.join(folder, side), ignore_errors=True)
    w = reader(make_window, qtbot)
    offered = []

    def choose(parent, title, label, items, current, editable):
        offered.extend(items)
        return items[0], True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    bar = w.menuBar()
    notes_menu = w.notes_feature.menu
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(notes_menu.menuAction()).center())
    qtbot.waitUntil(notes_menu.isVisible)
    at = notes_menu.actionGeometry(w.notes_feature.restore).center()
    qtbot.mouseClick(notes_menu, Qt.MouseButton.LeftButton, pos=at)
    assert offered == ["File set aside as damaged, 2026-12-01 10:15:00"]
    qtbot.waitUntil(lambda: len(saved()) == 7)
    assert len(w.notes.items()) == 7


def test_on_a_full_disk_the_window_shows_every_note_and_says_why_none_can_be_added(make_window, qtbot, tmp_path,
                                                                                     monkeypatch):  # fmt: skip
    """As found: opening the window on a full disk moved the good notes file aside and died."""
    from tests.conftest import fill, tmpfs

    with tmpfs(tmp_path / "full") as mount:
        folder = mount / "notes"
        monkeypatch.setenv("CQDESK_DATA_DIR", str(folder))
        kept = NotesStore(folder)
        kept.put_many([Annotation.new("bookmark", f"plan/areas/{n}", "d") for n in range(1, 7)])
        kept.close()
        filler = fill(mount)
        w = reader(make_window, qtbot)
        assert w.notes_problem() == "Your notes cannot be changed: the disk is full."
        assert len(w.notes.items()) == 6
        QTest.keyClick(w.detail, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
        assert w.statusBar().currentMessage() == "Not saved: the disk is full."
        w.close()
        filler.unlink()
        assert not list(folder.glob("user.damaged-*")) and len(NotesStore(folder).all()) == 6
