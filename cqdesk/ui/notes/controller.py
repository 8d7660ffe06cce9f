"""Every change to the reader's notes goes through here: written to the store, undoable, announced."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ...notes.anchor import page_marks, place, quote_at
from ...notes.exchange import in_document_order
from ...notes.model import Annotation
from ...notes.store import NotesError, NotesStore
from ...report.model import Document
from ...report.render import PageMark


class NotesController(QObject):
    changed = Signal()  # the page, the tree's marks and the notes list redraw
    message = Signal(str)  # one sentence for the status bar (a failed save, an undo)

    def __init__(self, store: NotesStore, document: Document, digest: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.document = document
        self.digest = digest
        self.undo_stack = QUndoStack(self)
        self._items = {a.id: a for a in store.all()}

    def reload(self) -> None:
        """After the store changed under us (a restore): read it again; what was undoable is not any more."""
        self._items = {a.id: a for a in self.store.all()}
        self.undo_stack.clear()
        self.changed.emit()

    # Reading --------------------------------------------------------------------------------

    def items(self) -> list[Annotation]:
        return in_document_order(self.document, list(self._items.values()))

    def get(self, aid: str) -> Annotation | None:
        return self._items.get(aid)

    def bookmarked(self) -> set[str]:
        return {a.section_id for a in self._items.values() if a.kind == "bookmark"}

    def is_placed(self, a: Annotation) -> bool:
        return place(self.document, a) is not None

    def marks(self) -> dict[str, list[PageMark]]:
        """Highlights and notes by section, where this text holds them."""
        return page_marks(self.document, list(self._items.values()))

    # Changing -------------------------------------------------------------------------------

    def toggle_bookmark(self, sid: str) -> bool:
        existing = next((a for a in self._items.values() if a.kind == "bookmark" and a.section_id == sid), None)
        if existing is not None:
            return self._change(existing, None, QCoreApplication.translate("Notes", "Remove Bookmark"))
        made = Annotation.new("bookmark", sid, self.digest)
        return self._change(None, made, QCoreApplication.translate("Notes", "Add Bookmark"))

    def highlight(self, sid: str, start: int, end: int, color: str) -> Annotation | None:
        exact, prefix, suffix = quote_at(self.document.sections[sid].own_text, start, end)
        made = Annotation.new(
            "highlight", sid, self.digest, start=start, end=end, exact=exact, prefix=prefix, suffix=suffix, color=color
        )
        ok = self._change(None, made, QCoreApplication.translate("Notes", "Highlight"))
        return made if ok else None

    def save_note(self, existing: Annotation | None, sid: str, text: str) -> bool:
        """A note's new text: on a highlight or a section note when ``existing`` is given, else a new note on
        the section. False (and the reason said) when it could not be saved: the editor keeps the text."""
        if existing is None:
            made = Annotation.new("note", sid, self.digest, note=text)
            return self._change(None, made, QCoreApplication.translate("Notes", "Add Note"))
        if existing.kind == "note" and not text.strip():
            return self.remove(existing.id)
        return self._change(existing, existing.changed(note=text), QCoreApplication.translate("Notes", "Edit Note"))

    def recolor(self, aid: str, color: str) -> bool:
        a = self._items.get(aid)
        if a is None or a.color == color:
            return False
        return self._change(a, a.changed(color=color), QCoreApplication.translate("Notes", "Change Colour"))

    def remove(self, aid: str) -> bool:
        a = self._items.get(aid)
        if a is None:
            return False
        return self._change(a, None, QCoreApplication.translate("Notes", "Delete"))

    def _change(self, before: Annotation | None, after: Annotation | None, text: str) -> bool:
        """Write first; only a change that was saved goes on the undo stack."""
        if not self.write(before, after):
            return False
        self.undo_stack.push(_Change(self, before, after, text))
        return True

    def write(self, before: Annotation | None, after: Annotation | None) -> bool:
        try:
            if after is not None:
                self.store.put(after)
                self._items[after.id] = after
            elif before is not None:
                self.store.delete(before.id)
                self._items.pop(before.id, None)
        except NotesError as exc:
            self.message.emit(str(exc))
            return False
        self.changed.emit()
        return True


class _Change(QUndoCommand):
    def __init__(self, owner: NotesController, before: Annotation | None, after: Annotation | None, text: str):
        super().__init__(text)
        self.owner, self.before, self.after = owner, before, after
        self.done = True  # pushed after the write: the first redo() has nothing to do

    def redo(self) -> None:
        if self.done:
            self.done = False
            return
        self.owner.write(self.before, self.after)

    def undo(self) -> None:
        self.owner.write(self.after, self.before)
