"""The key figures window: 2024 results beside 2025 targets, with a compact bar where both are numbers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QGuiApplication, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...report.atomic import write_atomic
from ...report.key_figures import KeyFigure, figure_text
from ...report.model import Indicator
from ...report.store import Report

SortRole = Qt.ItemDataRole.UserRole + 1
BAR_COLUMN = 3
RESULT_COLOUR = "#9e9e9e"
TARGET_COLOUR = "#b3261e"


# Figures sort within their unit: every % together, then 万亿元, 万元, 万人 ... (3.2万亿元 is not less than 3.6%).
UNIT_ORDER = ("%", "万亿元", "亿元", "万元", "万人", "万人次", "万家", "个", "天")


def sort_key(indicator: Indicator | None) -> tuple[int, str, float]:
    """(has a number, unit, value): numbers grouped by unit and ordered within it; the rest after them."""
    if indicator is None or indicator.value is None:
        return (1, "", 0.0)
    rank = UNIT_ORDER.index(indicator.unit) if indicator.unit in UNIT_ORDER else len(UNIT_ORDER)
    return (0, f"{rank:02d}{indicator.unit}", float(indicator.value))


class _UnitSortProxy(QSortFilterProxyModel):
    def lessThan(self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex) -> bool:
        a, b = left.data(SortRole), right.data(SortRole)
        if a[0] != b[0]:  # rows without a number stay last in either direction
            return bool((a[0] < b[0]) == (self.sortOrder() == Qt.SortOrder.AscendingOrder))
        return bool(a < b)


class KeyFiguresModel(QAbstractTableModel):
    def __init__(self, figures: list[KeyFigure], parent: Any = None) -> None:
        super().__init__(parent)
        self.figures = figures

    def headers(self) -> list[str]:
        return [self.tr("Indicator"), self.tr("2024 result"), self.tr("2025 target"), self.tr("Comparison")]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.figures)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def text(self, row: int, column: int) -> str:
        f = self.figures[row]
        return [
            f.display_label,
            figure_text(f.result),
            figure_text(f.target),
            "",
        ][column]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        f = self.figures[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == BAR_COLUMN and f.comparable:
            return (
                self.tr("2024: %1 · 2025: %2 (one scale per row)")
                .replace("%1", figure_text(f.result))
                .replace("%2", figure_text(f.target))
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            side = f.result if index.column() == 1 else f.target if index.column() == 2 else None
            return side.statement if side else None
        if role == SortRole:
            side = f.result if index.column() == 1 else f.target if index.column() == 2 else None
            if index.column() in (1, 2):
                return sort_key(side)
            return (0, self.text(index.row(), index.column()), 0.0) if index.column() == 0 else (0, "", f.comparable)
        return None

    def as_rows(self) -> list[list[str]]:
        return [self.headers()[:3]] + [[self.text(r, c) for c in range(3)] for r in range(len(self.figures))]


class BarDelegate(QStyledItemDelegate):
    """Two thin bars on one scale: the 2024 result above, the 2025 target below."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().paint(painter, option, index)
        model = index.model()
        source = model.mapToSource(index) if isinstance(model, QSortFilterProxyModel) else index
        figures = source.model()
        if not isinstance(figures, KeyFiguresModel):
            return
        figure = figures.figures[source.row()]
        result, target = figure.result, figure.target
        if not figure.comparable or result is None or target is None:
            return
        r, t = float(result.value or 0), float(target.value or 0)
        top = max(r, t) or 1.0
        rect = QRectF(option.rect).adjusted(6, 5, -6, -5)
        h = rect.height() / 2 - 1
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(RESULT_COLOUR))
        painter.drawRect(QRectF(rect.left(), rect.top(), rect.width() * r / top, h))
        painter.setBrush(QColor(TARGET_COLOUR))
        painter.drawRect(QRectF(rect.left(), rect.top() + h + 2, rect.width() * t / top, h))
        painter.restore()


class KeyFiguresDialog(QDialog):
    sentenceRequested = Signal(str, str)

    def __init__(self, report: Report, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyFigures")
        self.model = KeyFiguresModel(report.key_figures, self)
        self.proxy = _UnitSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the report's order first
        self.proxy.sort(-1)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setItemDelegateForColumn(BAR_COLUMN, BarDelegate(self.table))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open_sentence)
        self.copy_button = QPushButton(self)
        self.csv_button = QPushButton(self)
        self.copy_button.clicked.connect(self.copy)
        self.csv_button.clicked.connect(self.export_dialog)
        QShortcut(QKeySequence.StandardKey.Copy, self.table, self.copy)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.csv_button)
        self.legend = QLabel(self)
        self.legend.setObjectName("keyFiguresLegend")
        self.legend.setWordWrap(True)
        buttons.insertWidget(0, self.legend, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(760, 520)
        self.retranslate()
        self.table.resizeColumnsToContents()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Key Figures"))
        self.copy_button.setText(self.tr("Copy"))
        self.csv_button.setText(self.tr("Export CSV…"))
        self.table.setAccessibleName(self.tr("Key figures: 2024 results and 2025 targets"))
        result, target = self.model.headers()[1:3]
        note = self.tr(
            "Bars share one scale per row, where both years are numbers in one unit. "
            "Sorting groups figures by unit, then orders them by value."
        )
        self.legend.setText(
            f'<span style="color:{RESULT_COLOUR}">■</span> {result} &nbsp; '
            f'<span style="color:{TARGET_COLOUR}">■</span> {target} &nbsp; {note}'
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def tsv(self) -> str:
        """The selected rows (all when none), in the order shown, tab-separated."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedIndexes()}) or range(self.proxy.rowCount())
        table = self.model.as_rows()
        lines = [table[0]] + [table[self.proxy.mapToSource(self.proxy.index(r, 0)).row() + 1] for r in rows]
        return "".join("\t".join(cells) + "\n" for cells in lines)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.tsv())

    def csv_bytes(self) -> bytes:
        import csv
        import io

        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerows(self.model.as_rows())
        return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")  # BOM: Excel then reads it as UTF-8

    def export_csv(self, path: Path) -> bool:
        try:
            write_atomic(path, self.csv_bytes())
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export CSV"), f"{path}: {exc.strerror or exc}")
            return False
        return True

    def export_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export CSV"), "key-figures.csv", "CSV (*.csv)")
        if name:
            self.export_csv(Path(name))

    def _open_sentence(self, index: QModelIndex) -> None:
        figure = self.model.figures[self.proxy.mapToSource(index).row()]
        side = figure.target if index.column() == 2 else figure.result or figure.target
        if side is not None:
            self.sentenceRequested.emit(side.section_id, side.statement)
