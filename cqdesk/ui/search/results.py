"""Paints a search result: title, path and snippet with the hits marked."""

from __future__ import annotations

import html
import itertools
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeView

from ...report.render import HIGHLIGHTS
from ...report.search import SearchHit
from ...report.search import mark as mark_spans
from ..palette import page_palette

HitRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def result_html(
    hit: SearchHit, palette: QPalette, selected: bool, highlights: list[tuple[str, str]] | None = None
) -> str:
    """``highlights``: the reader's highlighted passages in this section, (text, colour): drawn under the
    snippet's words as on the page, the search's own marks over them."""
    text = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text).name()
    muted = palette.color(QPalette.ColorRole.PlaceholderText).name() if not selected else text
    colours = page_palette(palette)  # the same marks as the page, light or dark
    opening = f'<span style="background-color:{colours.hit_bg}; color:{colours.hit_text}">'

    def marked(text: str, spans: list[tuple[int, int]]) -> str:
        return mark_spans(text, spans, opening, "</span>", html.escape)

    def snippet_html() -> str:
        under: list[tuple[int, int, str]] = []
        for passage, color in highlights or []:
            at = hit.snippet.find(passage) if len(passage) >= 2 else -1
            while at != -1:
                under.append((at, at + len(passage), color))
                at = hit.snippet.find(passage, at + 1)
        if not under:
            return marked(hit.snippet, hit.marks)
        cuts = sorted(
            {0, len(hit.snippet), *(x for s, e, _ in under for x in (s, e)), *(x for m in hit.marks for x in m)}
        )
        out = []
        for a, b in itertools.pairwise(cuts):
            seg = html.escape(hit.snippet[a:b])
            if any(s <= a < e for s, e in hit.marks):
                seg = f"{opening}{seg}</span>"
            shade = next((HIGHLIGHTS.get(c, HIGHLIGHTS["yellow"]) for s, e, c in under if s <= a < e), None)
            if shade is not None:
                seg = f'<span style="background-color:{shade}; color:#000000">{seg}</span>'
            out.append(seg)
        return "".join(out)

    path = html.escape(" › ".join(hit.path[:-1])) if len(hit.path) > 1 else ""
    return (
        f'<div style="color:{text}"><b>{marked(hit.title, hit.title_marks)}</b>'
        f'<span style="color:{muted}">  ({hit.hits})</span><br/>'
        + (f'<span style="color:{muted}; font-size:small">{path}</span><br/>' if path else "")
        + f"<span>{snippet_html()}</span></div>"
    )


class ResultDelegate(QStyledItemDelegate):
    # The reader's highlighted passages of a section, (text, colour); the notes feature sets it.
    highlights: Callable[[str], list[tuple[str, str]]] = staticmethod(lambda sid: [])

    def _document(self, option: QStyleOptionViewItem, index: Index, selected: bool) -> QTextDocument | None:
        hit = index.data(HitRole)
        if not isinstance(hit, SearchHit):
            return None
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(4)
        doc.setHtml(result_html(hit, option.palette, selected, self.highlights(hit.id)))
        doc.setTextWidth(max(120, option.rect.width()))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        from PySide6.QtWidgets import QStyle  # its types take PySide some 6 ms to build: not at start-up

        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        doc = self._document(option, index, selected)
        if doc is None:  # a group heading: disabled so arrow keys pass over it, drawn as enabled text
            heading = QStyleOptionViewItem(option)
            heading.state |= QStyle.StateFlag.State_Enabled
            super().paint(painter, heading, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        painter.translate(QPointF(option.rect.topLeft()))
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.clip = QRectF(0, 0, option.rect.width(), option.rect.height())
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        doc = self._document(option, index, False)
        if doc is None:
            return super().sizeHint(option, index)
        view = option.widget
        # The width paint() will get: the viewport less the indentation of a result under its group.
        width = view.viewport().width() - view.indentation() if isinstance(view, QTreeView) else 300
        doc.setTextWidth(max(120, width))
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 2)
