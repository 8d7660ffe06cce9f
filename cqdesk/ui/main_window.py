"""The main window: wires the tree, the detail pane and the search panel together."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..report.compare import comparable, page_id, subject_of
from ..report.normalize import fold
from ..report.render import reference
from ..report.store import Report
from ..report.views import KEY_FIGURES_ID
from .actions import build_actions
from .contents.keywords import KeywordPanel
from .contents.model import SectionTreeModel
from .contents.view import SectionTree
from .i18n import Translations, system_language
from .notes.panel import NotesPanel
from .qt import application
from .reading.page import DetailPane
from .reading.pane import Pane
from .reading.tabs import NewTabClicks, ReadingTabs, Tab
from .search.panel import SearchPanel
from .settings import Settings
from .theme import Theme

if TYPE_CHECKING:
    from ..notes.store import NotesStore
    from .accessibility.large_print import LargePrint
    from .library import Shelf
    from .reading.history import History


TAB_TITLE = 16  # characters of a section's heading on its tab (the whole reference is its tip)


class MainWindow(QMainWindow):
    _painted = False  # set on the first paint (events arrive while __init__ runs)
    reportRequested = Signal(str)  # the reader asked to open a report of the library (its id)
    reportRemoved = Signal(str)  # a report was taken out of the library: its window closes
    reportSection = Signal(str, str, object)  # open a report at a section, its terms marked (a library hit)
    closed = Signal()  # the reader closed the window (its state is saved, its search stopped)
    reportBeside = Signal(str)  # the reader asked for a report beside this one (two windows, half the screen each)
    reportSearch = Signal(str, str)  # search a report of the library for a term (its id, the term)

    def __init__(
        self,
        report: Report,
        settings: Settings,
        translations: Translations,
        section: str | None = None,
        notes: NotesStore | None = None,
        library_id: str = "",
        shelf: Shelf | None = None,
        name: str = "",
    ) -> None:
        super().__init__()
        self.report = report
        self.library_id = library_id  # "" for the bundled report, else its id in the reader's library
        self.settings = settings
        self.translations = translations
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"{name or report.document.title} — cqdesk")
        self._owns_notes = notes is None  # a store shared by the windows of a library is closed by its owner

        self.model = SectionTreeModel(report.document, self)
        self.model.checkable = False
        self.tree = SectionTree(self)
        self.tree.setObjectName("sectionTree")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.restore_tree_expansion()
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current)
        self.tree.activated.connect(lambda index: self.navigate(self.model.section(index).id))

        self.search = SearchPanel(report, self)
        self.search.resultOpened.connect(self._open_result)
        self.search.cleared.connect(self._on_search_cleared)
        self.search.hitsChanged.connect(self._on_hits_changed)
        self.search.view.installEventFilter(self)
        # The reading panes: one, or two side by side (View › Split); the active one is where the reader
        # last was, and the contents, the results and the menus act on it.
        self.panes: list[Pane] = []
        self._active = 0
        self.reading = QSplitter(Qt.Orientation.Horizontal, self)
        self.reading.setObjectName("readingSplitter")
        self.reading.setChildrenCollapsible(False)
        self._add_pane()

        self.keywords = KeywordPanel(report, self)
        self.keywords.opened.connect(lambda sid, term: self.navigate(sid, [fold(term)]))
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("leftTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(False)  # every tab in sight (large print, English): the sidebar widens instead
        self.tabs.addTab(self.tree, "")
        self.tabs.addTab(self.keywords, "")
        self.notes_panel = NotesPanel(self)
        self.notes_panel.opened.connect(lambda sid, passage: self.navigate(sid, [fold(passage)] if passage else None))
        self.tabs.addTab(self.notes_panel, "")
        self.shelf = shelf
        self.search.resultsShown.connect(lambda shown: self.tabs.setVisible(not shown))  # results replace the tabs
        left = QWidget(self)
        layout = QVBoxLayout(left)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(self.search, 0)
        layout.addWidget(self.tabs, 1)
        self.sidebar_layout = layout
        self.search.view.setVisible(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.reading)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([340, 760])
        self.setCentralWidget(self.splitter)
        self.hit_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.hit_label)

        self._set_focus_order()
        self.commands = build_actions(self)
        self.large_print: LargePrint | None = None  # made when first switched on
        self.theme = Theme(application(), self)
        self.theme.changed.connect(self._repolish_framed)
        self.theme.apply(settings.preferences.get("theme"))
        self._connect_actions()
        self._connect_notes(notes, library_id)
        self._connect_reading_aloud()
        self._connect_library()
        self._connect_years()
        self._connect_citing()
        self._check_theme()
        self.retranslate()
        self._restore(section)
        # What the first paint does not need comes after it (see event()): the application-wide filter for the
        # mouse back/forward buttons (it runs Python for every event, and the first events of internal objects
        # it sees make PySide build some 70 of QtCore's types, 6 ms), and the menus' icons (QStyle's types).

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if not self._painted and event.type() == QEvent.Type.UpdateRequest:  # the window painted
            self._painted = True
            QTimer.singleShot(0, self, self._after_first_paint)
        return handled

    def _after_first_paint(self) -> None:
        if not self.isVisible():
            return  # closed before its first paint was answered: no filter on the whole application for it
        application().installEventFilter(self)  # mouse back/forward anywhere in the window
        self.commands.add_icons()

    # Wiring ---------------------------------------------------------------------------------

    def _set_focus_order(self) -> None:
        """Tab goes search → sidebar → page, as the eye does; Tab leaves the page rather than walk its links.
        Hidden widgets (the other sidebar tab, the result list when no search runs) are passed over."""
        self.detail.setTabChangesFocus(True)
        chain = [
            self.search.box,
            self.search.include_notes,
            self.search.include_library,
            self.search.view,
            self.tabs.tabBar(),
            self.tree,
            self.keywords.filter,
            self.keywords.list,
            self.notes_panel.filter,
            self.notes_panel.kind,
            self.notes_panel.list,
            self.detail,
            self.search.box,  # and round again
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        # Focus shows wherever it is: the page and the lists get a highlighted frame. The style sheet goes on
        # each of them when it first takes focus: a window-wide sheet slowed start-up and every repaint.
        self._framed: list[QWidget] = []
        for widget in (self.detail, self.tree, self.search.view):
            self._frame_on_focus(widget)

    def _frame_on_focus(self, widget: QWidget) -> None:
        if widget not in self._framed:
            self._framed.append(widget)
            widget.installEventFilter(self)  # its FocusIn

    def _connect_actions(self) -> None:
        a = self.commands
        a.quit.triggered.connect(self.close)
        a.copy.triggered.connect(lambda: self.detail.copy())
        # Copy, Find Next and Find Previous are enabled only when there is something to copy or find.
        a.copy.setEnabled(False)
        for action in (a.find_next, a.find_previous):
            action.setEnabled(False)
        a.copy_cited.triggered.connect(self.copy_with_citation)
        a.find.triggered.connect(self.focus_search)
        a.find_next.triggered.connect(lambda: self.step_hit(True))
        a.find_previous.triggered.connect(lambda: self.step_hit(False))
        a.clear_search.triggered.connect(self.clear_search)
        a.zoom_in.triggered.connect(lambda: self.set_zoom(self.detail.zoom + 1))
        a.zoom_out.triggered.connect(lambda: self.set_zoom(self.detail.zoom - 1))
        a.zoom_reset.triggered.connect(lambda: self.set_zoom(0))
        a.back.triggered.connect(self.go_back)
        a.forward.triggered.connect(self.go_forward)
        a.home.triggered.connect(lambda: self.navigate(self.report.document.root.id))
        from .help.feature import HelpFeature

        menus = self.commands.menus
        self.help = HelpFeature(
            self.report,
            lambda: self.translations.language,
            lambda: [*(menus[k] for k in ("file", "edit", "view", "go")), self.notes_feature.menu, menus["help"]],
            self,
        )
        a.about.triggered.connect(self.help.show_about)
        a.key_figures.triggered.connect(self.show_key_figures)
        a.about_qt.triggered.connect(QApplication.aboutQt)
        a.licences.triggered.connect(self.help.show_licences)
        a.guide.triggered.connect(self.help.show_guide)
        # Key figures pair the bundled outline's 2024 results with its 2025 targets; other reports have none.
        a.key_figures.setEnabled(KEY_FIGURES_ID in self.report.document.sections)
        a.theme_system.triggered.connect(lambda: self.set_theme("system"))
        a.theme_light.triggered.connect(lambda: self.set_theme("light"))
        a.theme_dark.triggered.connect(lambda: self.set_theme("dark"))
        a.theme_contrast.triggered.connect(lambda: self.set_theme("contrast"))
        a.large_print.toggled.connect(self.set_large_print)
        a.compare.triggered.connect(self.compare_current)
        a.new_tab.triggered.connect(lambda: self.open_in_new_tab(self.report.document.root.id))
        a.close_tab.triggered.connect(lambda: self.reading_tabs.close())
        a.reopen_tab.triggered.connect(lambda: self.reading_tabs.reopen())
        a.next_tab.triggered.connect(lambda: self.reading_tabs.cycle(1))
        a.previous_tab.triggered.connect(lambda: self.reading_tabs.cycle(-1))
        self._new_tab_clicks = NewTabClicks(self._new_tab_target, self.open_in_new_tab, self)
        self._new_tab_clicks.watch(self.tree.viewport(), self.search.view.viewport())
        self._wire_page(self.detail)
        a.split.toggled.connect(self.set_split)
        application().focusChanged.connect(self._on_focus_changed)
        a.next_area.triggered.connect(lambda: self.focus_area(1))
        a.previous_area.triggered.connect(lambda: self.focus_area(-1))
        a.lang_system.triggered.connect(lambda: self.set_language(""))
        a.lang_zh.triggered.connect(lambda: self.set_language("zh_CN"))
        a.lang_en.triggered.connect(lambda: self.set_language("en"))
        from .printing.controller import PrintActions, PrintController

        self.printing = PrintController(
            self.report.document,
            self.model,
            self.settings.preferences,
            lambda: self.detail.page_id,  # a comparison page prints as its two columns
            PrintActions(a.print_, a.export_pdf, a.select_mode, a.export_docs),
            self,
        )
        self.sidebar_layout.insertWidget(1, self.printing.bar)  # under the search box, over the tabs
        self.printing.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.printing.reveal.connect(self.reveal_in_tree)
        self.printing.links = lambda: self.report.related

    def _connect_reading_aloud(self) -> None:
        from .speech.read_aloud import ReadAloud

        self.read_aloud = ReadAloud(self.report.document, self.detail, self.settings.preferences, self)
        view = self.commands.menus["view"]
        view.insertMenu(self.commands.menus["theme"].menuAction(), self.read_aloud.menu)
        toolbar = self.commands.toolbar
        toolbar.insertAction(
            toolbar.actions()[toolbar.actions().index(self.commands.large_print) + 1], self.read_aloud.read
        )
        self.read_aloud.message.connect(lambda text: self.statusBar().showMessage(text, 10000))

    def _connect_library(self) -> None:
        """The Library tab, File › Import and the search across the library."""
        from .library.feature import LibraryFeature

        if self.shelf is None:  # a window on its own (a screenshot, a test): the library beside its notes
            from ..report.paths import default_db_path
            from .library import Shelf

            self.shelf = Shelf(self.notes.store.folder, default_db_path() if self.library_id else self.report.path)
        self.library = LibraryFeature(
            self.shelf, self.library_id or "bundled", self.notes.store, self.tabs, self.search, self
        )
        self.library.wire_actions(self.commands.import_file, self.commands.import_clipboard, self.commands.library)
        for signal, target in ((self.library.reportRequested, self.reportRequested),
                               (self.library.reportRemoved, self.reportRemoved),
                               (self.library.reportBeside, self.reportBeside),
                               (self.library.reportSection, self.reportSection)):  # fmt: skip
            signal.connect(target)
        self.library.message.connect(lambda text: self.statusBar().showMessage(text, 8000))

    def _connect_years(self) -> None:
        """Compare Years: a window of its own on two reports of the library (Go menu, the Library tab)."""
        from .years.feature import YearsFeature

        assert self.shelf is not None
        self.years = YearsFeature(self.shelf, self.library_id or "bundled", lambda: self.translations.language, self)
        self.years.wire_action(self.commands.compare_years)
        self.library.compareRequested.connect(self.years.show)
        self.years.sectionRequested.connect(self.reportSection)
        self.years.searchRequested.connect(self.reportSearch)
        self.years.message.connect(lambda text: self.statusBar().showMessage(text, 8000))

    def _connect_citing(self) -> None:
        """Edit › Copy Reference: the section in view for a bibliography (GB/T 7714, RIS, BibTeX, CSL-JSON)."""
        from .citing.feature import CitingFeature

        assert self.shelf is not None
        from ..report.library import LibraryError

        region = ""
        if self.library_id:
            try:
                region = self.shelf.library().entry(self.library_id).region
            except LibraryError:  # removed meanwhile: the congress still names the region
                region = ""
        key = f"workreport{self.report.document.date[:4]}" + (f"-{self.library_id}" if self.library_id else "")
        self.citing = CitingFeature(self.report.document, lambda: self.detail.section_id, region, key, self)
        edit = self.commands.menus["edit"]
        after = edit.actions()[edit.actions().index(self.commands.copy_cited) + 1]  # just below Copy with Citation
        edit.insertMenu(after, self.citing.menu)
        self.citing.message.connect(lambda text: self.statusBar().showMessage(text, 3000))

    def search_for(self, text: str) -> None:
        """The search box holds ``text`` and its results show at once (a term asked for from elsewhere)."""
        self.search.box.setText(text)
        self.search.run_now()
        self.focus_search()

    def _connect_notes(self, store: NotesStore | None, library_id: str) -> None:
        from ..notes.location import default_data_dir
        from ..notes.model import COLORS as HIGHLIGHT_COLORS
        from ..notes.search import search_notes
        from ..notes.store import NotesStore
        from .notes.controller import NotesController
        from .notes.feature import NotesFeature, bookmark_icon, note_icon, swatch

        store = store or NotesStore(default_data_dir())
        self.notes = NotesController(store, self.report.document, self.report.metadata.source_sha256, library_id, self)
        self.notes_feature = NotesFeature(self.notes, self.detail, self, self.translations.language)
        self.menuBar().insertMenu(self.commands.menus["help"].menuAction(), self.notes_feature.menu)
        self.notes_feature.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        icons = {"bookmark": bookmark_icon(), "note": note_icon()} | {c: swatch(c) for c in HIGHLIGHT_COLORS}
        self.notes_panel.set_notes(self.notes, icons)
        self.notes_panel.editRequested.connect(self.notes_feature.edit)
        self.detail.marks_provider = self.notes.marks
        self.printing.marks = self.notes.marks
        self._notes_search = lambda terms: search_notes(self.report.document, self.notes.items(), terms)
        self.search.enable_notes(self._notes_search, self.notes.store.has_any(library_id))
        self.search.delegate.highlights = self.notes.highlighted_passages
        self.model.bookmark_icon = bookmark_icon()
        self.model.set_bookmarks(self.notes.bookmarked())
        self.notes.changed.connect(self._on_notes_changed)

    def _on_notes_changed(self) -> None:
        self.model.set_bookmarks(self.notes.bookmarked())
        self.search.enable_notes(self._notes_search, self.notes.store.has_any(self.library_id))
        self.detail.redraw()

    def come_forward(self, section: str) -> None:
        """Another start of cqdesk asked for this window (at a section)."""
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()
        if section in self.report.document.sections:
            self.navigate(section)

    def notes_problem(self) -> str:
        """What the reader must be told about their notes at start (a damaged file replaced, a read-only one)."""
        store = self.notes.store
        if store.recovered:
            return store.recovered
        if store.unreadable:
            return self.tr("Your notes cannot be read: %1. Nothing you do now is saved to them.").replace(
                "%1", store.unreadable
            )
        if store.read_only_reason:
            return self.tr("Your notes cannot be changed: %1.").replace("%1", store.read_only_reason)
        return ""

    def retranslate(self) -> None:
        self.commands.retranslate()
        if hasattr(self, "printing"):  # retranslate() runs once before printing is wired
            self.printing.retranslate()
        if hasattr(self, "read_aloud"):
            self.read_aloud.retranslate()
        if hasattr(self, "notes_feature"):
            self.notes_feature.retranslate()
            self.notes_feature.language = self.translations.language
        self.notes_panel.retranslate()
        self.model.bookmark_word = self.tr("bookmarked")
        self.tabs.setTabText(2, self.tr("My Notes"))
        self.tree.setAccessibleName(self.tr("Sections of the report"))
        self.tabs.setTabText(0, self.tr("Contents"))
        self.tabs.setTabText(1, self.tr("Keywords"))
        self.tabs.setAccessibleName(self.tr("Contents, keywords, my notes and the library"))
        if hasattr(self, "library"):
            self.tabs.setTabText(3, self.tr("Library"))
            self.library.retranslate()
        if hasattr(self, "years"):
            self.years.retranslate()
        if hasattr(self, "citing"):
            self.citing.retranslate()
        self.detail.setAccessibleName(self.tr("Section text"))
        for pane in getattr(self, "panes", []):  # tab titles ("Compare: …") in the new language
            for i in range(pane.tabs.count()):
                self._title_tab(i, pane)
        if self.detail.language != self.translations.language:
            self.detail.language = self.translations.language
            if self.detail.comparing:
                self.detail.redraw()
        self.splitter.setAccessibleName(self.tr("Sections and text"))
        self._show_hit_status(self.detail.current_hit, self.detail.hit_count)
        chosen = self.settings.preferences.get("language")
        {"": self.commands.lang_system, "zh_CN": self.commands.lang_zh, "en": self.commands.lang_en}[chosen].setChecked(
            True
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reveal_in_tree(self, sid: str) -> None:
        index = self.model.index_of(sid)
        if index.isValid():
            self.tree.expand(index.parent())
            self.tree.scrollTo(index)

    def restore_tree_expansion(self) -> None:
        doc = self.report.document
        if "review" not in doc.sections:  # an imported report: its parts open, their sections shown
            for sid in doc.root.children:
                self.tree.expand(self.model.index_of(sid))
            return
        for sid in ("review", "plan", "review/tasks", "plan/areas"):
            self.tree.expand(self.model.index_of(sid))

    # Navigation -----------------------------------------------------------------------------

    # Panes ----------------------------------------------------------------------------------

    @property
    def pane(self) -> Pane:
        return self.panes[self._active]

    @property
    def detail(self) -> DetailPane:
        """The active pane's page."""
        return self.pane.page

    @property
    def reading_tabs(self) -> ReadingTabs:
        return self.pane.tabs

    @property
    def _shown_tab(self) -> Tab | None:
        return self.pane.shown

    @_shown_tab.setter
    def _shown_tab(self, tab: Tab | None) -> None:
        self.pane.shown = tab

    def _add_pane(self) -> Pane:
        page = DetailPane(self.report, self)
        pane = Pane.make(page, self.reading, f"readingPane{len(self.panes) + 1}")
        self.panes.append(pane)
        self.reading.addWidget(pane.widget)
        page.sectionRequested.connect(lambda sid, p=pane: self._in_pane(p, lambda: self.navigate(sid)))
        page.passageRequested.connect(
            lambda sid, passage, p=pane: self._in_pane(p, lambda: self.navigate(sid, [fold(passage)]))
        )
        page.hitChanged.connect(lambda n, count, p=pane: self._show_hit_status(n, count) if p is self.pane else None)
        pane.tabs.switched.connect(lambda p=pane: self._in_pane(p, self._show_current_tab))
        return pane

    def _wire_page(self, page: DetailPane) -> None:
        """What every page needs once the window's actions and features exist."""
        page.copyAvailable.connect(lambda on, p=page: self.commands.copy.setEnabled(on) if p is self.detail else None)
        self._new_tab_clicks.watch(page.viewport())
        page.setTabChangesFocus(True)
        page.language = self.translations.language
        if hasattr(self, "notes"):
            page.marks_provider = self.notes.marks
            self.notes_feature.watch(page)
        if hasattr(self, "read_aloud"):
            self.read_aloud.watch(page)
        self._frame_on_focus(page)

    def _in_pane(self, pane: Pane, act: Callable[[], None]) -> None:
        self._activate(pane)
        act()

    def _activate(self, pane: Pane) -> None:
        """Make ``pane`` the one the contents, results and menus act on."""
        index = self.panes.index(pane)
        if index == self._active:
            return
        self._active = index
        self.notes_feature.page = pane.page
        self.read_aloud.use_page(pane.page)
        self._follow_in_tree(pane.page.section_id)
        self._update_nav_actions()
        self._show_hit_status(pane.page.current_hit, pane.page.hit_count)
        self.commands.compare.setEnabled(
            comparable(self.report.document, pane.page.section_id) and not pane.page.comparing
        )

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        for pane in self.panes:
            if pane.widget.isVisible() and pane.holds(new):
                self._activate(pane)

    def set_split(self, on: bool) -> None:
        """Two reading panes side by side (View › Split), each with its own tabs; remembered."""
        if self.settings.preferences.get("split") != on:
            self.settings.preferences.set("split", on)
        if on and len(self.panes) == 1:
            second = self._add_pane()
            self._wire_page(second.page)
            second.page.set_zoom(self.detail.zoom)
            second.page.set_large_print(self.detail.scale, self.detail.line_height)
            first, start = self._active, self.detail.section_id  # the new pane starts where the reader is
            self._active = 1
            self._restore_tabs(self.settings.state.get("tabs2"), start)
            self._active = first
            self.reading.setSizes([1, 1])
            splitter = self.settings.state.get("reading_splitter")
            if not splitter.isEmpty():
                self.reading.restoreState(splitter)
        if len(self.panes) > 1:
            self.panes[1].widget.setVisible(on)
            if not on and self._active == 1:
                self._activate(self.panes[0])
        if self.commands.split.isChecked() != on:
            self.commands.split.setChecked(on)

    @property
    def history(self) -> History:
        """The current tab's back and forward."""
        return self.reading_tabs.current().history

    def navigate(self, sid: str, terms: list[str] | None = None, hit: int = 1, record: bool = True) -> None:
        """Show a section (or a comparison page, compare:<id>) in the current tab."""
        page, subject = sid, subject_of(sid)
        sid = subject or sid
        if sid not in self.report.document.sections or (subject and not comparable(self.report.document, sid)):
            return
        if record:
            self.history.visit(page)
        tab = self.reading_tabs.current()
        tab.terms, tab.hit = list(terms or []), hit
        self._shown_tab = tab
        self.detail.show_section(sid, terms, hit, compare=subject is not None)
        self.commands.compare.setEnabled(comparable(self.report.document, sid) and subject is None)
        self._title_tab(self.reading_tabs.index())
        if hasattr(self, "notes_feature"):
            self.notes_feature.sync()
        self._follow_in_tree(sid)
        self._update_nav_actions()

    def _follow_in_tree(self, sid: str) -> None:
        """The contents' current row is the page being read (without opening it again)."""
        index = self.model.index_of(sid)
        if self.tree.currentIndex() != index:
            self.tree.selectionModel().blockSignals(True)
            self.tree.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.tree.selectionModel().blockSignals(False)
            self.tree.viewport().update()
            if index.isValid():
                self.tree.scrollTo(index)

    def _on_tree_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.navigate(self.model.section(current).id, self.detail.terms if self.search.query else None)

    def _open_result(self, sid: str, terms: list[str], hit: int) -> None:
        self.navigate(sid, terms, hit)

    def go_back(self) -> None:
        sid = self.history.back()
        if sid:
            self.navigate(sid, record=False)

    def go_forward(self) -> None:
        sid = self.history.forward()
        if sid:
            self.navigate(sid, record=False)

    # Tabs -----------------------------------------------------------------------------------

    def open_in_new_tab(self, sid: str, terms: list[str] | None = None) -> None:
        """A section (or a comparison) in a tab of its own, after the current one (Ctrl+click, a middle click,
        Ctrl+T, Compare)."""
        if (subject_of(sid) or sid) not in self.report.document.sections:
            return
        tab = Tab(terms=list(terms or []))
        tab.history.visit(sid)
        self.reading_tabs.open(tab)

    def _keep_scroll(self) -> None:
        if self._shown_tab is not None:
            self._shown_tab.scroll = self.detail.verticalScrollBar().value()

    def _show_current_tab(self) -> None:
        """Show the current tab where its reader left it: its section, its search marks, its scroll."""
        tab = self.reading_tabs.current()
        if tab is self._shown_tab:
            return
        self._keep_scroll()
        self.navigate(tab.section or self.report.document.root.id, tab.terms, tab.hit, record=tab.section is None)
        self.detail.verticalScrollBar().setValue(tab.scroll)

    def compare_current(self) -> None:
        """The current 2024 task beside the 2025 items that carry it on (or the reverse), in a new tab."""
        sid = self.detail.section_id
        if comparable(self.report.document, sid):
            self.open_in_new_tab(page_id(sid))

    def _title_tab(self, index: int, pane: Pane | None = None) -> None:
        tabs = (pane or self.pane).tabs
        page = tabs.tabs[index].section
        if page is None:
            return
        sid = subject_of(page) or page
        section = self.report.document.sections[sid]
        title = section.heading or self.report.document.title
        if sid != page:
            title = self.tr("Compare: %1").replace("%1", title)
        short = title if len(title) <= TAB_TITLE else title[: TAB_TITLE - 1] + "…"
        tabs.set_title(index, short, reference(self.report.document, sid) or title)

    def _new_tab_target(self, obj: QObject, pos: QPoint) -> tuple[str, list[str]] | None:
        """The section under a new-tab click: a row of the contents or the results, or a link in the page."""
        if obj is self.tree.viewport():
            index = self.tree.indexAt(pos)
            return (self.model.section(index).id, []) if index.isValid() else None
        if obj is self.search.view.viewport():
            return self.search.result_at(pos)
        if obj is self.detail.viewport():
            return self.detail.section_link_at(pos)
        return None

    def _update_nav_actions(self) -> None:
        self.commands.back.setEnabled(self.history.can_go_back())
        self.commands.forward.setEnabled(self.history.can_go_forward())

    def _repolish_framed(self) -> None:
        # Widgets under a style sheet keep their old palette when the application's changes: polish again.
        for widget in self._framed:
            if widget.styleSheet():
                widget.setStyleSheet(widget.styleSheet())

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and obj in self._framed and isinstance(obj, QWidget):
            if not obj.styleSheet():
                obj.setStyleSheet(f"#{obj.objectName()}:focus {{ border: 2px solid palette(highlight); }}")
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent) and self.isActiveWindow():
            if event.button() == Qt.MouseButton.BackButton:
                self.go_back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.go_forward()
                return True
        return super().eventFilter(obj, event)

    # Search ---------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.box.selectAll()

    def clear_search(self) -> None:
        self.search.clear()

    def _on_search_cleared(self) -> None:
        self.tabs.setVisible(True)
        if self.detail.terms:
            self.detail.clear_highlights()

    def _on_hits_changed(self, count: int) -> None:
        self.commands.find_next.setEnabled(count > 0)
        self.commands.find_previous.setEnabled(count > 0)
        if count == 0 and self.detail.terms:
            self.detail.clear_highlights()  # no old marks or "Hit 1 of 1" under a query that found nothing

    def step_hit(self, forward: bool) -> None:
        """F3 / Shift+F3: the next or previous hit, moving on through the result list."""
        if not self.search.hits:
            return
        if self.search.current >= 0 and self.detail.go_to_hit(self.detail.current_hit + (1 if forward else -1)):
            return
        self.search.step_result(forward)

    def _show_hit_status(self, current: int, count: int) -> None:
        if count:
            self.hit_label.setText(self.tr("Hit %1 of %2").replace("%1", str(current)).replace("%2", str(count)))
        else:
            self.hit_label.clear()

    # Zoom, copy, language, about ------------------------------------------------------------

    def set_zoom(self, level: int) -> None:
        self.detail.set_zoom(level)
        self.settings.preferences.set("zoom", self.detail.zoom)

    def areas(self) -> list[QWidget]:
        """The window's main areas in F6 order: the search box, the sidebar (the results while a search
        shows them, else the open tab's list) and the page (both pages of a split view)."""
        if self.search.view.isVisible():
            side: QWidget = self.search.view
        else:
            current = self.tabs.currentWidget()
            side = {self.keywords: self.keywords.list, self.notes_panel: self.notes_panel.list}.get(current, self.tree)
        return [self.search.box, side, *(p.page for p in self.panes if p.widget.isVisible())]

    def focus_area(self, step: int) -> None:
        areas = self.areas()
        focused = QApplication.focusWidget()
        at = next((i for i, w in enumerate(areas) if focused is w or (focused and w.isAncestorOf(focused))), -1)
        sidebar = self.sidebar_layout.parentWidget()
        if at < 0 and focused is not None and sidebar is not None and sidebar.isAncestorOf(focused):
            at = 1  # elsewhere in the sidebar (a tab, a filter box): it counts as the sidebar
        target = areas[(at + step) % len(areas)] if at >= 0 else areas[0 if step > 0 else -1]
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def set_large_print(self, on: bool) -> None:
        """长辈模式: the page 1.5 times the size with wider lines, and the whole interface larger."""
        from ..report.render import BODY_LINE_HEIGHT, LARGE_PRINT_LINE_HEIGHT
        from .accessibility.large_print import PAGE_SCALE, LargePrint

        if self.settings.preferences.get("large_print") != on:  # starting up writes nothing
            self.settings.preferences.set("large_print", on)
        if self.large_print is None:
            if not on and application().property("cqdeskNormalFont") is None:
                return  # the application has never been in large print: nothing to undo
            self.large_print = LargePrint(application(), self.commands.toolbar, self)
        if on:
            self.commands.add_icons()  # the toolbar shows them beside its words
        self.large_print.apply(on)
        self.detail.set_large_print(PAGE_SCALE if on else 1.0, LARGE_PRINT_LINE_HEIGHT if on else BODY_LINE_HEIGHT)
        if self.commands.large_print.isChecked() != on:
            self.commands.large_print.setChecked(on)

    def copy_with_citation(self) -> None:
        self.detail.copy_with_citation()
        self.statusBar().showMessage(self.tr("Copied with its reference"), 3000)

    def set_theme(self, choice: str) -> None:
        self.settings.preferences.set("theme", choice)
        self.theme.apply(choice)
        self._check_theme()

    def _check_theme(self) -> None:
        a = self.commands
        choices = {"system": a.theme_system, "light": a.theme_light, "dark": a.theme_dark, "contrast": a.theme_contrast}
        choices[self.theme.choice].setChecked(True)

    def set_language(self, choice: str) -> None:
        self.settings.preferences.set("language", choice)
        self.translations.apply(choice or system_language())

    def show_key_figures(self) -> None:
        from .tables.key_figures import KeyFiguresDialog

        if getattr(self, "key_figures", None) is None:
            self.key_figures = KeyFiguresDialog(self.report, self)
            self.key_figures.sentenceRequested.connect(lambda sid, sentence: self.navigate(sid, [fold(sentence)]))
        self.key_figures.show()
        self.key_figures.raise_()

    # State ----------------------------------------------------------------------------------

    def _restore(self, section: str | None) -> None:
        state = self.settings.state
        geometry = state.get("geometry")
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1180, 780)
        splitter = state.get("splitter")
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        self.detail.set_zoom(self.settings.preferences.get("zoom"))
        self.set_large_print(self.settings.preferences.get("large_print"))
        start = section or state.get("last_section")
        if start not in self.report.document.sections:
            start = self.report.document.root.id
        self.navigate(start)
        if section is None and not self.library_id:
            self._restore_tabs(state.get("tabs"))
        if self.settings.preferences.get("split"):
            self.set_split(True)

    def _restore_tabs(self, saved: str, start: str | None = None) -> None:
        """The active pane's tabs as they were at the last quit, each at its section (unknown or damaged
        entries are left out); with none saved, one tab at ``start``."""
        try:
            data = json.loads(saved) if saved else {}
            known = self.report.document.sections
            sections = [s for s in data.get("sections", []) if (subject_of(str(s)) or s) in known]
            current = int(data.get("current", 0))
        except (ValueError, TypeError, AttributeError):
            sections, current = [], 0
        if not sections:
            if start is not None:
                self.navigate(start)
            return
        first = self.reading_tabs.current()
        first.history = type(first.history)()
        first.history.visit(sections[0])
        for sid in sections[1:]:
            tab = Tab()
            tab.history.visit(sid)
            self.reading_tabs.open(tab, at=self.reading_tabs.count())
        for i in range(self.reading_tabs.count()):
            self._title_tab(i)
        self._shown_tab = None  # show the chosen tab's section, whatever the page showed before
        self.reading_tabs.select(min(max(0, current), self.reading_tabs.count() - 1))

    def save_state(self) -> None:
        if self.library_id:
            return  # the window state kept is the bundled report's: another report's ids would not fit it
        state = self.settings.state
        state.set("geometry", self.saveGeometry())
        state.set("splitter", self.splitter.saveState())
        state.set("last_section", self.panes[0].page.section_id)
        for pane, key in zip(self.panes, ("tabs", "tabs2"), strict=False):
            sections = [t.section for t in pane.tabs.tabs]
            state.set(key, json.dumps({"sections": sections, "current": pane.tabs.index()}))
        if len(self.panes) > 1:
            state.set("reading_splitter", self.reading.saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.search.shutdown()
        if self._owns_notes:
            self.notes.store.close()
        application().removeEventFilter(self)
        super().closeEvent(event)
        self.closed.emit()
