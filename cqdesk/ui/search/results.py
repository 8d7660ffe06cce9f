"""Paints a search result: title, path and snippet with the hits marked."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeView

from ...report.search import SearchHit
from ...report.search import mark as mark_spans
from ..palette import page_palette

HitRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def result_html(hit: SearchHit, palette: QPalette, selected: bool) -> str:
    text = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text).name()
    muted = palette.color(QPalette.ColorRole.PlaceholderText).name() if not selected else text
    colours = page_palette(palette)  # the same marks as the page, light or dark
    opening = f'<span style="background-color:{colours.hit_bg}; color:{colours.hit_text}">'

    def marked(text: str, spans: list[tuple[int, int]]) -> str:
        return mark_spans(text, spans, opening, "</span>", html.escape)

    path = html.escape(" › ".join(hit.path[:-1])) if len(hit.path) > 1 else ""
    return (
        f'<div style="color:{text}"><b>{marked(hit.title, hit.title_marks)}</b>'
        f'<span style="color:{muted}">  ({hit.hits})</span><br/>'
        + (f'<span style="color:{muted}; font-size:small">{path}</span><br/>' if path else "")
        + f"<span>{marked(hit.snippet, hit.marks)}</span></div>"
    )


class ResultDelegate(QStyledItemDelegate):
    def _document(self, option: QStyleOptionViewItem, index: Index, selected: bool) -> QTextDocument | None:
        hit = index.data(HitRole)
        if not isinstance(hit, SearchHit):
            return None
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(4)
        doc.setHtml(result_html(hit, option.palette, selected))
        doc.setTextWidth(max(120, option.rect.width()))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
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
