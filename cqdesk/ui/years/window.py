"""The Compare Years window: two reports of the library chosen at the top, four tabs below.

Targets (the ledger, with the rules for each status and both sentences of the selected row, each a link to
its place), New Wording (three lists), Plans (each division of the newer plan beside the older plan's), Term
over Years (a chart and its table). Each tab prints and exports what it shows; a term or a count opens the
search for it in its report, a quote opens the report at its sentence.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...report.export import Item, Table
from ...report.library import Entry
from ...report.years.alignment import Pair as Aligned
from ...report.years.alignment import align
from ...report.years.export import (
    LABELS,
    Labels,
    alignment_table,
    items_html,
    ledger_csv,
    ledger_items,
    ledger_title,
    status_text,
    wording_items,
    wording_title,
)
from ...report.years.ledger import NOT_MET, NOT_STATED, Ledger, LedgerError, Quote
from ...report.years.pairing import Pair, entries, open_pair
from ...report.years.trend import Point, Texts, trend
from ...report.years.wording import Term, Wording
from ..library import Shelf
from .chart import TrendChart

DATA = Qt.ItemDataRole.UserRole


class CompareYearsWindow(QWidget):
    sectionRequested = Signal(str, str, object)  # a report's id, a section id, the text to mark
    searchRequested = Signal(str, str)  # a report's id, the term to search for in it
    message = Signal(str)

    def __init__(self, shelf: Shelf, language: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("compareYears")
        self.shelf = shelf
        self.language = language
        self.pair: Pair | None = None
        self.ledger: Ledger | None = None
        self.wording: Wording | None = None
        self.aligned: list[Aligned] = []
        self.points: list[Point] = []
        self.entries: list[Entry] = []
        self.texts = Texts(self._read)

        self.old_box, self.new_box = QComboBox(self), QComboBox(self)
        self.old_box.setObjectName("olderReport")
        self.new_box.setObjectName("newerReport")
        for box in (self.old_box, self.new_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.activated.connect(lambda _n: self.compare())
        self.old_label, self.new_label = QLabel(self), QLabel(self)
        self.old_label.setBuddy(self.old_box)
        self.new_label.setBuddy(self.new_box)
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("comparePrint")
        self.print_button.clicked.connect(self.print_preview)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("compareExport")
        self.export_button.clicked.connect(self._export_menu)
        self.notice = QLabel(self)  # why a tab has nothing to show (two regions, no targets …)
        self.notice.setObjectName("compareNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("compareTabs")
        self.tabs.setUsesScrollButtons(False)
        self.tabs.currentChanged.connect(lambda _n: self._show_notice())
        self._build_ledger()
        self._build_wording()
        self._build_plans()
        self._build_trend()

        top = QHBoxLayout()
        form = QFormLayout()
        form.addRow(self.old_label, self.old_box)
        form.addRow(self.new_label, self.new_box)
        top.addLayout(form, 1)
        top.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignBottom)
        top.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        self.resize(960, 640)
        self.retranslate()

    # Building -------------------------------------------------------------------------------------------

    def _build_ledger(self) -> None:
        page = QWidget(self.tabs)
        self.ledger_view = _tree(page, "ledgerTable", 5)
        self.ledger_view.currentItemChanged.connect(lambda *_: self._show_quotes())
        self.quotes = QTextBrowser(page)
        self.quotes.setObjectName("ledgerQuotes")
        self.quotes.setOpenLinks(False)
        self.quotes.anchorClicked.connect(self._open_quote)
        self.rules = QLabel(page)
        self.rules.setObjectName("ledgerRules")
        self.rules.setWordWrap(True)
        split = QSplitter(Qt.Orientation.Vertical, page)
        split.addWidget(self.ledger_view)
        split.addWidget(self.quotes)
        split.setSizes([380, 160])
        layout = QVBoxLayout(page)
        layout.addWidget(split, 1)
        layout.addWidget(self.rules)
        self.tabs.addTab(page, "")

    def _build_wording(self) -> None:
        page = QWidget(self.tabs)
        layout = QHBoxLayout(page)
        self.term_lists: dict[str, QTreeWidget] = {}
        self.term_titles: dict[str, QLabel] = {}
        for which in ("new", "dropped", "kept"):
            column = QVBoxLayout()
            title = QLabel(page)
            tree = _tree(page, f"{which}Terms", 2)
            tree.itemActivated.connect(lambda item, _c, w=which: self._search_term(w, item))
            title.setBuddy(tree)
            column.addWidget(title)
            column.addWidget(tree, 1)
            layout.addLayout(column, 1)
            self.term_lists[which], self.term_titles[which] = tree, title
        self.tabs.addTab(page, "")

    def _build_plans(self) -> None:
        self.plans = _tree(self.tabs, "plansTable", 3)
        self.plans.itemActivated.connect(self._open_division)
        self.tabs.addTab(self.plans, "")

    def _build_trend(self) -> None:
        page = QWidget(self.tabs)
        self.term_box = QLineEdit(page)
        self.term_box.setObjectName("trendTerm")
        self.term_box.returnPressed.connect(self.count_term)
        self.term_label = QLabel(page)
        self.term_label.setBuddy(self.term_box)
        self.count_button = QPushButton(page)
        self.count_button.setObjectName("trendCount")
        self.count_button.clicked.connect(self.count_term)
        self.chart = TrendChart(page)
        self.counts = _tree(page, "trendTable", 4)
        self.counts.itemActivated.connect(self._search_count)
        row = QHBoxLayout()
        row.addWidget(self.term_label)
        row.addWidget(self.term_box, 1)
        row.addWidget(self.count_button)
        split = QSplitter(Qt.Orientation.Horizontal, page)
        split.addWidget(self.chart)
        split.addWidget(self.counts)
        split.setSizes([560, 360])
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(split, 1)
        self.tabs.addTab(page, "")

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("CompareYears", "Compare Years") + " — cqdesk")
        self.old_label.setText(QCoreApplication.translate("CompareYears", "&Older report:"))
        self.new_label.setText(QCoreApplication.translate("CompareYears", "&Newer report:"))
        self.print_button.setText(QCoreApplication.translate("CompareYears", "&Print…"))
        self.export_button.setText(QCoreApplication.translate("CompareYears", "&Export…"))
        for n, text in enumerate(
            (
                QCoreApplication.translate("CompareYears", "&Targets and Outcomes"),
                QCoreApplication.translate("CompareYears", "New &Wording"),
                QCoreApplication.translate("CompareYears", "P&lans Side by Side"),
                QCoreApplication.translate("CompareYears", "Term over &Years"),
            )
        ):
            self.tabs.setTabText(n, text)
        self.ledger_view.setHeaderLabels(
            [
                QCoreApplication.translate("CompareYears", "Indicator"),
                QCoreApplication.translate("CompareYears", "Target"),
                QCoreApplication.translate("CompareYears", "Outcome"),
                QCoreApplication.translate("CompareYears", "Other figures"),
                QCoreApplication.translate("CompareYears", "Status"),
            ]
        )
        self.plans.setHeaderLabels(
            [
                QCoreApplication.translate("CompareYears", "Newer plan"),
                QCoreApplication.translate("CompareYears", "Older plan"),
                QCoreApplication.translate("CompareYears", "Terms both share"),
            ]
        )
        self.counts.setHeaderLabels(_count_header())
        self.term_label.setText(QCoreApplication.translate("CompareYears", "Te&rm:"))
        self.term_box.setPlaceholderText(QCoreApplication.translate("CompareYears", "e.g. 低空经济"))
        self.count_button.setText(QCoreApplication.translate("CompareYears", "&Count"))
        self.rules.setText("\n".join(self.labels().rules))
        if self.entries:
            self.refresh(self._chosen(self.old_box), self._chosen(self.new_box))

    def labels(self) -> Labels:
        return LABELS["zh_CN" if self.language().startswith("zh") else "en"]

    # Choosing ---------------------------------------------------------------------------------------------

    def refresh(self, old: str = "", new: str = "") -> None:
        """List the library in both boxes and compare ``old`` with ``new`` (ids; a sensible pair if none)."""
        self.entries = self.shelf.library().entries()
        for box in (self.old_box, self.new_box):
            box.clear()
            for e in self.entries:
                box.addItem(f"{e.year or '—'}  {e.shown_name}", e.id)
        old, new = _default_pair(self.entries, old, new)
        self.old_box.setCurrentIndex(max(0, self.old_box.findData(old)))
        self.new_box.setCurrentIndex(max(0, self.new_box.findData(new)))
        self.compare()

    def _chosen(self, box: QComboBox) -> str:
        return str(box.currentData() or "")

    def compare(self) -> None:
        if self.pair is not None:
            self.pair.close()
        self.pair, self.ledger, self.wording, self.aligned = None, None, None, []
        self.problems: dict[int, str] = {}
        library = self.shelf.library()
        first, second = self._chosen(self.old_box), self._chosen(self.new_box)
        try:
            self.pair = open_pair(library, first, second, same_region=False)
        except LedgerError as exc:
            for n in range(3):
                self.problems[n] = _translated(str(exc))
        if self.pair is not None:
            self.wording = self.pair.wording()
            self.aligned = align(self.pair.old_doc, self.pair.new_doc)
            try:
                entries(library, first, second)  # the ledger wants one region
                self.ledger = self.pair.ledger()
            except LedgerError as exc:
                self.problems[0] = _translated(str(exc))
        self._fill_ledger()
        self._fill_wording()
        self._fill_plans()
        self._show_notice()
        if self.term_box.text().strip():
            self.count_term()

    def _show_notice(self) -> None:
        text = self.problems.get(self.tabs.currentIndex(), "") if hasattr(self, "problems") else ""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    # Filling ----------------------------------------------------------------------------------------------

    def _fill_ledger(self) -> None:
        self.ledger_view.clear()
        self.quotes.clear()
        if self.ledger is None:
            return
        labels = self.labels()
        for r in self.ledger.rows:
            o = r.outcome
            item = QTreeWidgetItem(
                self.ledger_view,
                [
                    r.target.indicator,
                    r.target.text,
                    o.figure if o else "—",
                    "、".join(o.amounts) if o else "",
                    status_text(r, self.ledger, labels),
                ],
            )
            if r.status in (NOT_MET, NOT_STATED):
                font = QFont(item.font(4))
                font.setBold(r.status == NOT_MET)
                font.setItalic(r.status == NOT_STATED)
                item.setFont(4, font)
        if self.ledger.unquantified:
            QTreeWidgetItem(
                self.ledger_view, ["", "；".join(self.ledger.unquantified), "", "", labels.unquantified.rstrip("：: ")]
            )
        first = self.ledger_view.topLevelItem(0)
        if first is not None:
            self.ledger_view.setCurrentItem(first)
        header = self.ledger_view.header()
        for c in range(4):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)

    def _show_quotes(self) -> None:
        item = self.ledger_view.currentItem()
        n = self.ledger_view.indexOfTopLevelItem(item) if item is not None else -1
        if self.ledger is None or self.pair is None or not 0 <= n < len(self.ledger.rows):
            self.quotes.clear()
            return
        row = self.ledger.rows[n]
        opened = QCoreApplication.translate("CompareYears", "Open in the %1 report")
        parts = [
            f"<p><b>{html.escape(self.labels().header[5])}</b>：{html.escape(row.target.quote.text)} "
            f'<a href="quote:plan">{html.escape(opened.replace("%1", str(self.ledger.plan_year)))}</a></p>'
        ]
        if row.outcome is not None:
            parts.append(
                f"<p><b>{html.escape(self.labels().header[6])}</b>：{html.escape(row.outcome.quote.text)} "
                f'<a href="quote:outcome">{html.escape(opened.replace("%1", str(self.ledger.outcome_year)))}'
                "</a></p>"
            )
        else:
            parts.append(f"<p><i>{html.escape(status_text(row, self.ledger, self.labels()))}</i></p>")
        self.quotes.setHtml("".join(parts))

    def _fill_wording(self) -> None:
        old = str(self.pair.old.year) if self.pair else ""
        new = str(self.pair.new.year) if self.pair else ""
        titles = {
            "new": QCoreApplication.translate("CompareYears", "New in %1").replace("%1", new),
            "dropped": QCoreApplication.translate("CompareYears", "Used in %1, not in %2")
            .replace("%1", old)
            .replace("%2", new),
            "kept": QCoreApplication.translate("CompareYears", "In both (%1 → %2)")
            .replace("%1", old)
            .replace("%2", new),
        }
        for which, tree in self.term_lists.items():
            tree.clear()
            tree.setHeaderLabels(
                [
                    QCoreApplication.translate("CompareYears", "Term"),
                    QCoreApplication.translate("CompareYears", "Count"),
                ]
            )
            terms: list[Term] = getattr(self.wording, which) if self.wording else []
            for t in terms:
                count = {"new": str(t.new), "dropped": str(t.old)}.get(which, f"{t.old} → {t.new}")
                QTreeWidgetItem(tree, [t.term, count]).setData(0, DATA, t.term)
            tree.resizeColumnToContents(0)
            self.term_titles[which].setText(f"{titles[which]}  ({len(terms)})")

    def _fill_plans(self) -> None:
        self.plans.clear()
        if self.pair is None:
            return
        p = self.pair
        table = alignment_table(self.aligned, p.old_doc, p.new_doc, p.old.shown_name, p.new.shown_name, self.labels())
        for pair, row in zip(self.aligned, table.rows, strict=True):
            item = QTreeWidgetItem(self.plans, row)
            item.setData(0, DATA, pair.new)
            item.setToolTip(0, row[0])
            item.setToolTip(1, row[1])
        for c in range(2):
            self.plans.setColumnWidth(c, 300)

    def count_term(self) -> None:
        term = self.term_box.text().strip()
        self.counts.clear()
        if not term:
            self.chart.set_points("", [])
            return
        self.entries = self.shelf.library().entries()
        self.points = trend(term, [(e.id, e.region, e.year, e.shown_name) for e in self.entries], self.texts)
        for p in self.points:
            item = QTreeWidgetItem(self.counts, [p.region, str(p.year or "—"), str(p.count), p.title])
            item.setData(0, DATA, p.id)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for c in range(3):
            self.counts.resizeColumnToContents(c)
        self.chart.set_points(term, self.points)

    def _read(self, rid: str) -> str:
        from ...report.store import read_text

        return read_text(next(e.path for e in self.entries if e.id == rid))

    # Following links --------------------------------------------------------------------------------------

    def _open_quote(self, url: QUrl) -> None:
        item = self.ledger_view.currentItem()
        if self.ledger is None or self.pair is None or item is None:
            return
        row = self.ledger.rows[self.ledger_view.indexOfTopLevelItem(item)]
        side = url.toString().removeprefix("quote:")
        quote: Quote | None = row.target.quote if side == "plan" else row.outcome.quote if row.outcome else None
        if quote is not None:
            rid = self.pair.old.id if side == "plan" else self.pair.new.id
            clause = row.target.text if side == "plan" else row.outcome.text if row.outcome else ""
            self.sectionRequested.emit(rid, quote.section_id, [clause])

    def _search_term(self, which: str, item: QTreeWidgetItem) -> None:
        if self.pair is not None:
            rid = self.pair.old.id if which == "dropped" else self.pair.new.id
            self.searchRequested.emit(rid, str(item.data(0, DATA)))

    def _search_count(self, item: QTreeWidgetItem, _column: int) -> None:
        self.searchRequested.emit(str(item.data(0, DATA)), self.term_box.text().strip())

    def _open_division(self, item: QTreeWidgetItem, _column: int) -> None:
        if self.pair is not None:
            self.sectionRequested.emit(self.pair.new.id, str(item.data(0, DATA)), [])

    # Paper and files --------------------------------------------------------------------------------------

    def page_items(self) -> tuple[str, list[Item]]:
        """What the current tab shows, as a title and the items every export is made of."""
        labels, tab = self.labels(), self.tabs.currentIndex()
        if tab == 0 and self.ledger is not None:
            return ledger_title(self.ledger, labels), ledger_items(self.ledger, labels)
        if tab == 1 and self.wording is not None and self.pair is not None:
            years = self.pair.old.year or 0, self.pair.new.year or 0
            return wording_title(*years, labels), wording_items(self.wording, *years, labels)
        if tab == 2 and self.pair is not None:
            p = self.pair
            return labels.alignment, [
                alignment_table(self.aligned, p.old_doc, p.new_doc, p.old.shown_name, p.new.shown_name, labels)
            ]
        if tab == 3 and self.points:
            title = QCoreApplication.translate("CompareYears", "“%1” in every report").replace(
                "%1", self.term_box.text().strip()
            )
            rows = [[p.region, str(p.year or ""), str(p.count), p.title] for p in self.points]
            return title, [Table(_count_header(), rows)]
        return "", []

    def print_preview(self) -> None:
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from ..printing.layout import BODY_POINTS, paper_font

        title, items = self.page_items()
        if not items:
            self.message.emit(QCoreApplication.translate("CompareYears", "Nothing to print on this tab"))
            return
        document = QTextDocument(self)
        document.setDefaultFont(paper_font(BODY_POINTS))
        document.setHtml(items_html(title, items))
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setObjectName("comparePreview")
        dialog.setWindowTitle(QCoreApplication.translate("CompareYears", "Print Preview"))
        dialog.paintRequested.connect(document.print_)
        dialog.exec()

    def _export_menu(self) -> None:
        menu = QMenu(self)
        menu.setObjectName("compareExportMenu")
        menu.addAction(QCoreApplication.translate("CompareYears", "&PDF…"), lambda: self.export_dialog("pdf"))
        menu.addAction(QCoreApplication.translate("CompareYears", "&Word…"), lambda: self.export_dialog("docx"))
        menu.addAction(
            QCoreApplication.translate("CompareYears", "&CSV (Excel, WPS)…"), lambda: self.export_dialog("csv")
        )
        menu.exec(self.export_button.mapToGlobal(self.export_button.rect().bottomLeft()))

    def export_dialog(self, fmt: str) -> None:
        title, items = self.page_items()
        if not items:
            self.message.emit(QCoreApplication.translate("CompareYears", "Nothing to export on this tab"))
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        filters = {"pdf": "PDF (*.pdf)", "docx": "Word (*.docx)", "csv": "CSV (*.csv)"}
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("CompareYears", "Export"),
            str(Path(folder) / f"{title}.{fmt}"),
            filters[fmt],
        )
        if path:
            self.export_to(Path(path if path.lower().endswith(f".{fmt}") else f"{path}.{fmt}"), fmt)

    def export_to(self, path: Path, fmt: str) -> bool:
        from ...report.atomic import write_atomic
        from ...report.docx_export import items_docx
        from ..printing.pdf import ExportError, export_html_pdf

        title, items = self.page_items()
        try:
            if fmt == "pdf":
                export_html_pdf(items_html(title, items), title, path)
            elif fmt == "docx":
                write_atomic(
                    path, items_docx(title, items, language="zh-CN" if self.language().startswith("zh") else "en")
                )
            elif self.tabs.currentIndex() == 0 and self.ledger is not None:
                write_atomic(path, ledger_csv(self.ledger, self.labels()))
            else:
                write_atomic(path, _tables_csv(items))
        except ExportError as exc:
            self._refused(str(exc))
            return False
        except OSError as exc:
            self._refused(f"{path}: {'no space left on the disk' if exc.errno == 28 else exc.strerror or exc}")
            return False
        self.message.emit(QCoreApplication.translate("CompareYears", "Exported to %1").replace("%1", str(path)))
        return True

    def _refused(self, reason: str) -> None:
        QMessageBox.warning(
            self,
            QCoreApplication.translate("CompareYears", "Export"),
            QCoreApplication.translate("CompareYears", "The file was not written.") + "\n\n" + reason,
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.pair is not None:
            self.pair.close()
            self.pair = None
        super().closeEvent(event)


def _count_header() -> list[str]:
    return [
        QCoreApplication.translate("CompareYears", "Region"),
        QCoreApplication.translate("CompareYears", "Year"),
        QCoreApplication.translate("CompareYears", "Count"),
        QCoreApplication.translate("CompareYears", "Report"),
    ]


def _tree(parent: QWidget, name: str, columns: int) -> QTreeWidget:
    tree = QTreeWidget(parent)
    tree.setObjectName(name)
    tree.setColumnCount(columns)
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    tree.header().setStretchLastSection(True)
    return tree


def _default_pair(entries: list[Entry], old: str, new: str) -> tuple[str, str]:
    """The pair asked for, older first; else ``new`` (or the first report) beside the report of its region a year before
    it, or a year after; else beside the next report listed."""
    years = {e.id: e.year or 0 for e in entries}
    if old in years and new in years:
        return (old, new) if years[old] <= years[new] else (new, old)  # the older on top
    anchor = next((e for e in entries if e.id in (new, old)), entries[0])
    same = [e for e in entries if e.region == anchor.region and e.id != anchor.id and e.year and anchor.year]
    before = [e for e in same if e.year == (anchor.year or 0) - 1]
    after = [e for e in same if e.year == (anchor.year or 0) + 1]
    if before:
        return before[0].id, anchor.id
    if after:
        return anchor.id, after[0].id
    others = [e for e in entries if e.id != anchor.id]
    return anchor.id, (others[0].id if others else anchor.id)


def _tables_csv(items: list[Item]) -> bytes:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for item in items:
        if isinstance(item, Table):
            writer.writerow(item.header)
            writer.writerows(item.rows)
    return out.getvalue().encode("utf-8-sig")


def _translated(message: str) -> str:
    from .messages import translated

    return translated(message)
