"""A term's count in each report, as bars by region and year, drawn with QPainter (no chart module to ship)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...report.years.trend import Point


class TrendChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trendChart")
        self.points: list[Point] = []
        self.term = ""
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(480, 240)

    def set_points(self, term: str, points: Sequence[Point]) -> None:
        self.term, self.points = term, list(points)
        # A screen reader hears the figures the bars show.
        self.setAccessibleName(QCoreApplication.translate("CompareYears", "Chart of “%1” by year").replace("%1", term))
        self.setAccessibleDescription("; ".join(f"{p.region} {p.year or ''}: {p.count}" for p in self.points))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        if not self.points:
            painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                QCoreApplication.translate("CompareYears", "Type a term above to count it in every report"),
            )
            return
        metrics = painter.fontMetrics()
        line = metrics.height()
        top, bottom = line * 1.6, self.height() - line * 2.8  # room for the counts above, years and regions below
        left, width = 12.0, self.width() - 24.0
        gap = 10.0
        regions = list(dict.fromkeys(p.region for p in self.points))
        slots = len(self.points) + (len(regions) - 1)  # a gap of one bar between regions
        bar = min(64.0, (width - gap * slots) / max(slots, 1))
        highest = max(p.count for p in self.points) or 1
        x = left
        for n, region in enumerate(regions):
            group = [p for p in self.points if p.region == region]
            start = x
            for p in group:
                h = (bottom - top) * p.count / highest
                rect = QRectF(x, bottom - h, bar, h)
                painter.fillRect(rect, pal.color(QPalette.ColorRole.Highlight))
                painter.setPen(pal.color(QPalette.ColorRole.Text))
                painter.drawText(
                    QRectF(x - gap / 2, bottom - h - line * 1.2, bar + gap, line),
                    Qt.AlignmentFlag.AlignCenter,
                    str(p.count),
                )
                painter.drawText(
                    QRectF(x - gap / 2, bottom + 4, bar + gap, line), Qt.AlignmentFlag.AlignCenter, str(p.year or "—")
                )
                x += bar + gap
            painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                QRectF(start, bottom + 4 + line, max(x - start - gap, bar * 3), line),
                Qt.AlignmentFlag.AlignLeft,
                region or "—",
            )
            if n + 1 < len(regions):
                x += bar + gap
        painter.setPen(pal.color(QPalette.ColorRole.Mid))
        painter.drawLine(int(left), int(bottom), int(left + width), int(bottom))
        painter.end()
