"""The window's actions, menus and toolbar, with their shortcuts and translated texts."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

K = QKeySequence.StandardKey
# The style's standard icons, by action. They are added after the window first paints (add_icons).
ICONS = {
    "print_": "SP_FileDialogDetailedView",
    "export_pdf": "SP_DialogSaveButton",
    "back": "SP_ArrowBack",
    "forward": "SP_ArrowForward",
    "home": "SP_DirHomeIcon",
}
# Cycling tabs as browsers do: Ctrl+Tab and Ctrl+PgDown; on macOS Control+Tab (Qt's Meta) and Cmd+Shift+].
TAB_KEYS: tuple[list[QKeySequence.StandardKey | str], list[QKeySequence.StandardKey | str]] = (
    (["Meta+Tab", "Ctrl+}"], ["Meta+Shift+Backtab", "Ctrl+{"])
    if sys.platform == "darwin"
    else (["Ctrl+Tab", "Ctrl+PgDown"], ["Ctrl+Shift+Backtab", "Ctrl+PgUp"])
)


@dataclass
class Actions:
    print_: QAction
    export_pdf: QAction
    export_docs: QAction
    select_mode: QAction
    quit: QAction
    import_file: QAction
    import_clipboard: QAction
    library: QAction
    copy: QAction
    copy_cited: QAction
    find: QAction
    find_next: QAction
    find_previous: QAction
    clear_search: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_reset: QAction
    theme_system: QAction
    theme_light: QAction
    theme_dark: QAction
    theme_contrast: QAction
    large_print: QAction
    split: QAction
    lang_system: QAction
    lang_zh: QAction
    lang_en: QAction
    back: QAction
    forward: QAction
    home: QAction
    next_area: QAction
    new_tab: QAction
    compare: QAction
    compare_years: QAction
    close_tab: QAction
    reopen_tab: QAction
    next_tab: QAction
    previous_tab: QAction
    previous_area: QAction
    key_figures: QAction
    guide: QAction
    licences: QAction
    about: QAction
    about_qt: QAction
    menus: dict[str, QMenu]
    toolbar: QToolBar

    def add_icons(self) -> None:
        """The style's standard icons on their actions (once). PySide takes some 6 ms to build QStyle's types
        and enums, and no icon shows before the window's first paint (the toolbar shows words, menus are
        closed): the window adds them after it, or when large print puts icons beside the toolbar's words."""
        if not self.back.icon().isNull():
            return
        from PySide6.QtWidgets import QStyle

        style = self.toolbar.style()
        for name, pixmap in ICONS.items():
            getattr(self, name).setIcon(style.standardIcon(getattr(QStyle.StandardPixmap, pixmap)))

    def retranslate(self) -> None:
        texts = {
            self.print_: QCoreApplication.translate("Actions", "&Print…"),
            self.export_pdf: QCoreApplication.translate("Actions", "&Export PDF…"),
            self.export_docs: QCoreApplication.translate("Actions", "Export &As…"),
            self.select_mode: QCoreApplication.translate("Actions", "&Choose Sections to Print"),
            self.quit: QCoreApplication.translate("Actions", "&Quit"),
            self.import_file: QCoreApplication.translate("Actions", "Import Report from &File…"),
            self.import_clipboard: QCoreApplication.translate("Actions", "Import Report from &Clipboard…"),
            self.library: QCoreApplication.translate("Actions", "&Library"),
            self.copy: QCoreApplication.translate("Actions", "&Copy"),
            self.copy_cited: QCoreApplication.translate("Actions", "Copy with &Citation"),
            self.find: QCoreApplication.translate("Actions", "&Find…"),
            self.find_next: QCoreApplication.translate("Actions", "Find &Next"),
            self.find_previous: QCoreApplication.translate("Actions", "Find &Previous"),
            self.clear_search: QCoreApplication.translate("Actions", "C&lear Search"),
            self.zoom_in: QCoreApplication.translate("Actions", "Zoom &In"),
            self.zoom_out: QCoreApplication.translate("Actions", "Zoom &Out"),
            self.zoom_reset: QCoreApplication.translate("Actions", "&Actual Size"),
            self.theme_system: QCoreApplication.translate("Actions", "Follow the &System"),
            self.theme_light: QCoreApplication.translate("Actions", "&Light"),
            self.theme_dark: QCoreApplication.translate("Actions", "&Dark"),
            self.theme_contrast: QCoreApplication.translate("Actions", "&High Contrast"),
            self.large_print: QCoreApplication.translate("Actions", "La&rge Print"),
            self.split: QCoreApplication.translate("Actions", "S&plit View"),
            self.lang_system: QCoreApplication.translate("Actions", "&System Language"),
            self.back: QCoreApplication.translate("Actions", "&Back"),
            self.forward: QCoreApplication.translate("Actions", "&Forward"),
            self.home: QCoreApplication.translate("Actions", "&Whole Report"),
            self.next_area: QCoreApplication.translate("Actions", "Next &Area"),
            self.new_tab: QCoreApplication.translate("Actions", "New &Tab"),
            self.compare: QCoreApplication.translate("Actions", "&Compare 2024 and 2025"),
            self.compare_years: QCoreApplication.translate("Actions", "Compare &Years…"),
            self.close_tab: QCoreApplication.translate("Actions", "Close Ta&b"),
            self.reopen_tab: QCoreApplication.translate("Actions", "Reopen Closed Tab"),
            self.next_tab: QCoreApplication.translate("Actions", "Ne&xt Tab"),
            self.previous_tab: QCoreApplication.translate("Actions", "Pre&vious Tab"),
            self.previous_area: QCoreApplication.translate("Actions", "Previous A&rea"),
            self.key_figures: QCoreApplication.translate("Actions", "&Key Figures"),
            self.guide: QCoreApplication.translate("Actions", "User &Guide"),
            self.licences: QCoreApplication.translate("Actions", "&Licences"),
            self.about: QCoreApplication.translate("Actions", "&About cqdesk"),
            self.about_qt: QCoreApplication.translate("Actions", "About &Qt"),
            self.lang_zh: "中文 (简体)",  # each language names itself
            self.lang_en: "English",
        }
        for action, text in texts.items():
            action.setText(text)
            plain = plain_text(text)
            action.setIconText(plain.rstrip("…"))
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{plain.rstrip('…')} ({shortcut})" if shortcut else plain.rstrip("…"))
        titles = {
            "file": QCoreApplication.translate("Actions", "&File"),
            "edit": QCoreApplication.translate("Actions", "&Edit"),
            "view": QCoreApplication.translate("Actions", "&View"),
            "go": QCoreApplication.translate("Actions", "&Go"),
            "help": QCoreApplication.translate("Actions", "&Help"),
            "language": QCoreApplication.translate("Actions", "&Language"),
            "theme": QCoreApplication.translate("Actions", "&Theme"),
            "import": QCoreApplication.translate("Actions", "&Import"),
        }
        for key, menu in self.menus.items():
            menu.setTitle(titles[key])
        self.toolbar.setWindowTitle(QCoreApplication.translate("Actions", "Toolbar"))


def plain_text(text: str) -> str:
    """A menu text as a button or tip shows it: 后退(&B) -> 后退, &Back -> Back."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "")


def platform_keys(
    standard: QKeySequence.StandardKey | str, fallback: str | None = None, also: str | None = None
) -> list[QKeySequence]:
    """The platform's own keys for a standard action; the fallback only where the platform has none.

    Listing a key again beside the standard key that already holds it makes Qt see two shortcuts for one key
    ("Ambiguous shortcut overload") and fire neither: Alt+Left, F3, Ctrl+- and Ctrl+Q all did that.
    """
    if isinstance(standard, str):
        return [QKeySequence(standard)]
    keys = list(QKeySequence.keyBindings(standard)) or ([QKeySequence(fallback)] if fallback else [])
    if also and QKeySequence(also) not in keys:  # a different key for the same act (Ctrl+= beside Ctrl++)
        keys.append(QKeySequence(also))
    return keys


def build_actions(window: QMainWindow) -> Actions:
    def act(keys: list[QKeySequence.StandardKey | str] | None = None, checkable: bool = False) -> QAction:
        a = QAction(window)
        if keys and all(isinstance(k, str) for k in keys):  # keys of our own, every one of them
            a.setShortcuts([QKeySequence(str(k)) for k in keys])
        elif keys:
            a.setShortcuts(platform_keys(keys[0], *(str(k) for k in keys[1:])))
        a.setCheckable(checkable)
        return a

    a = dict(
        print_=act([K.Print]),
        export_pdf=act(["Ctrl+Shift+E"]),
        export_docs=act(["Ctrl+Shift+S"]),  # Save As on every platform; its standard key adds a Save media key
        select_mode=act(["Ctrl+Shift+P"], checkable=True),
        quit=act([K.Quit, "Ctrl+Q"]),  # Windows has no standard Quit key
        import_file=act(["Ctrl+O"]),  # bringing a report in is how a reader "opens" a file (not K.Open: a media key)
        import_clipboard=act(),
        library=act(["Ctrl+L"]),
        copy=act([K.Copy]),
        copy_cited=act(["Ctrl+Shift+C"]),
        find=act([K.Find]),
        find_next=act([K.FindNext, "F3"]),
        find_previous=act([K.FindPrevious, "Shift+F3"]),
        clear_search=act(["Esc"]),
        zoom_in=act([K.ZoomIn, "Ctrl++", "Ctrl+="]),  # Ctrl+= : zoom in without Shift
        zoom_out=act([K.ZoomOut, "Ctrl+-"]),
        zoom_reset=act(["Ctrl+0"]),
        theme_system=act(checkable=True),
        theme_light=act(checkable=True),
        theme_dark=act(checkable=True),
        theme_contrast=act(checkable=True),
        large_print=act(checkable=True),
        split=act(checkable=True),
        lang_system=act(checkable=True),
        lang_zh=act(checkable=True),
        lang_en=act(checkable=True),
        back=act([K.Back, "Alt+Left"]),
        forward=act([K.Forward, "Alt+Right"]),
        home=act(["Alt+Home"]),
        new_tab=act([K.AddTab, "Ctrl+T"]),
        compare=act(["Ctrl+Shift+R"]),  # R: related
        compare_years=act(["Ctrl+Shift+Y"]),
        close_tab=act([K.Close, "Ctrl+W"]),
        reopen_tab=act(["Ctrl+Shift+T"]),
        # Not Qt's NextChild keys: they hold the Forward and Back media keys, which are history's.
        next_tab=act(TAB_KEYS[0]),
        previous_tab=act(TAB_KEYS[1]),
        next_area=act(["F6"]),  # as in browsers and Office: search, the sidebar, the page
        previous_area=act(["Shift+F6"]),
        key_figures=act(["Ctrl+K"]),
        guide=act([K.HelpContents, "F1"]),
        licences=act(),
        about=act(),
        about_qt=act(),
    )
    a["about"].setMenuRole(QAction.MenuRole.AboutRole)
    a["about_qt"].setMenuRole(QAction.MenuRole.AboutQtRole)
    a["quit"].setMenuRole(QAction.MenuRole.QuitRole)
    group = QActionGroup(window)
    for key in ("lang_system", "lang_zh", "lang_en"):
        group.addAction(a[key])
    themes = QActionGroup(window)
    for key in ("theme_system", "theme_light", "theme_dark", "theme_contrast"):
        themes.addAction(a[key])

    bar = window.menuBar()
    menus = {key: QMenu(window) for key in ("file", "edit", "view", "go", "help", "language", "theme", "import")}
    for key in ("file", "edit", "view", "go", "help"):
        bar.addMenu(menus[key])
    menus["file"].addActions([a["new_tab"], a["close_tab"], a["reopen_tab"]])
    menus["file"].addSeparator()
    menus["file"].addMenu(menus["import"])
    menus["import"].addActions([a["import_file"], a["import_clipboard"]])
    menus["file"].addAction(a["library"])
    menus["file"].addSeparator()
    menus["file"].addActions([a["print_"], a["export_pdf"], a["export_docs"], a["select_mode"]])
    menus["file"].addSeparator()
    menus["file"].addAction(a["quit"])
    menus["edit"].addActions([a["copy"], a["copy_cited"]])
    menus["edit"].addSeparator()
    menus["edit"].addActions([a["find"], a["find_next"], a["find_previous"], a["clear_search"]])
    menus["view"].addActions([a["zoom_in"], a["zoom_out"], a["zoom_reset"]])
    menus["view"].addSeparator()
    menus["view"].addActions([a["large_print"], a["split"]])
    menus["view"].addMenu(menus["theme"])
    menus["theme"].addActions([a["theme_system"], a["theme_light"], a["theme_dark"], a["theme_contrast"]])
    menus["view"].addMenu(menus["language"])
    menus["language"].addActions([a["lang_system"], a["lang_zh"], a["lang_en"]])
    menus["go"].addActions([a["back"], a["forward"], a["home"], a["key_figures"], a["compare"], a["compare_years"]])
    menus["go"].addSeparator()
    menus["go"].addActions([a["next_tab"], a["previous_tab"], a["next_area"], a["previous_area"]])
    menus["help"].addAction(a["guide"])
    menus["help"].addSeparator()
    menus["help"].addActions([a["licences"], a["about"], a["about_qt"]])

    toolbar = QToolBar(window)
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)  # the same on every platform
    toolbar.addActions([a["back"], a["forward"], a["home"], a["key_figures"]])
    toolbar.addSeparator()
    toolbar.addActions([a["zoom_out"], a["zoom_in"], a["large_print"]])
    toolbar.addSeparator()
    toolbar.addActions([a["copy_cited"], a["print_"], a["export_pdf"]])
    window.addToolBar(toolbar)
    return Actions(**a, menus=menus, toolbar=toolbar)
