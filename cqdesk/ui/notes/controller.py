"""Every change to the reader's notes goes through here: written to the store, undoable, announced."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ...notes.anchor import Placement, page_marks, place, placements, quote_at
from ...notes.exchange import in_document_order
from ...notes.model import Annotation
from ...notes.store import NotesError, NotesStore
from ...report.model import Document
from ...report.render import PageMark


class NotesController(QObject):
    changed = Signal()  # the page, the tree's marks and the notes list redraw
    message = Signal(str)  # one sentence for the status bar (a failed save, an undo)

    def __init__(
        self, store: NotesStore, document: Document, digest: str, report: str = "", parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.document = document
        self.digest = digest
        self.report = report  # the library's id of the report whose notes these are ("" for the bundled one)
        self.undo_stack = QUndoStack(self)
        # Read from the store when first asked, kept until a change. Start-up reads only what the first
        # page shows (its sections' marks, the bookmarked sections), however many notes there are.
        self._all: list[Annotation] | None = None  # in document order
        self._placed: dict[str, Placement | None] = {}
        self._marks: dict[str, list[PageMark]] = {}  # by section
        self._bookmarked: set[str] | None = None
        self._by_section: dict[str, list[Annotation]] = {}

    def reload(self) -> None:
        """After the store changed under us (a restore): read it again; what was undoable is not any more."""
        self._forget()
        self.undo_stack.clear()
        self.changed.emit()

    def _forget(self, sections: set[str] | None = None) -> None:
        self._all = None
        self._bookmarked = None
        if sections is None:
            self._placed.clear()
            self._marks.clear()
            self._by_section.clear()
        else:
            for sid in sections:
                self._marks.pop(sid, None)
                self._by_section.pop(sid, None)

    # Reading --------------------------------------------------------------------------------

    def items(self) -> list[Annotation]:
        """Every annotation, in document order."""
        if self._all is None:
            every = self.store.all(self.report)
            self._placed.update(placements(self.document, [a for a in every if a.id not in self._placed]))
            self._all = in_document_order(self.document, every, self._placed)
        return self._all

    def get(self, aid: str) -> Annotation | None:
        return self.store.get(aid)

    def bookmarked(self) -> set[str]:
        if self._bookmarked is None:
            self._bookmarked = self.store.bookmarked_sections(self.report)
        return self._bookmarked

    def is_placed(self, a: Annotation) -> bool:
        if a.id not in self._placed:
            self._placed[a.id] = place(self.document, a)
        return self._placed[a.id] is not None

    def marks(self, sids: list[str]) -> dict[str, list[PageMark]]:
        """Highlights and notes of these sections, where this text holds them."""
        missing = [sid for sid in sids if sid not in self._marks]
        if missing:
            found = self.store.for_sections(missing, self.report)
            self._placed.update(placements(self.document, [a for a in found if a.id not in self._placed]))
            drawn = page_marks(self.document, found, self._placed)
            for sid in missing:
                self._marks[sid] = drawn.get(sid, [])
        return {sid: self._marks[sid] for sid in sids if self._marks[sid]}

    def highlighted_passages(self, sid: str) -> list[tuple[str, str]]:
        """(text, colour) of the section's highlights, for search results to draw under their snippets."""
        return [(a.exact, a.color or "yellow") for a in self._section(sid) if a.kind == "highlight"]

    def _section(self, sid: str) -> list[Annotation]:
        if sid not in self._by_section:
            self._by_section[sid] = self.store.for_sections([sid], self.report)
        return self._by_section[sid]

    # Changing -------------------------------------------------------------------------------

    def toggle_bookmark(self, sid: str) -> bool:
        existing = self.store.bookmark(sid, self.report)
        if existing is not None:
            return self._change(existing, None, QCoreApplication.translate("Notes", "Remove Bookmark"))
        made = Annotation.new("bookmark", sid, self.digest, self.report)
        return self._change(None, made, QCoreApplication.translate("Notes", "Add Bookmark"))

    def highlight(self, sid: str, start: int, end: int, color: str) -> Annotation | None:
        exact, prefix, suffix = quote_at(self.document.sections[sid].own_text, start, end)
        made = Annotation.new(
            "highlight", sid, self.digest, self.report, start=start, end=end, exact=exact, prefix=prefix,
            suffix=suffix, color=color,
        )  # fmt: skip
        ok = self._change(None, made, QCoreApplication.translate("Notes", "Highlight"))
        return made if ok else None

    def save_note(self, existing: Annotation | None, sid: str, text: str) -> bool:
        """A note's new text: on a highlight or a section note when ``existing`` is given, else a new note on
        the section. False (and the reason said) when it could not be saved: the editor keeps the text."""
        if existing is None:
            made = Annotation.new("note", sid, self.digest, self.report, note=text)
            return self._change(None, made, QCoreApplication.translate("Notes", "Add Note"))
        if existing.kind == "note" and not text.strip():
            return self.remove(existing.id)
        return self._change(existing, existing.changed(note=text), QCoreApplication.translate("Notes", "Edit Note"))

    def recolor(self, aid: str, color: str) -> bool:
        a = self.get(aid)
        if a is None or a.color == color:
            return False
        return self._change(a, a.changed(color=color), QCoreApplication.translate("Notes", "Change Colour"))

    def remove(self, aid: str) -> bool:
        a = self.get(aid)
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
            elif before is not None:
                self.store.delete(before.id)
        except NotesError as exc:
            self.message.emit(str(exc))
            return False
        for a in (before, after):
            if a is not None:
                self._placed.pop(a.id, None)
        self._forget({a.section_id for a in (before, after) if a is not None})
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
