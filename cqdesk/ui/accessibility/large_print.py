"""Large print (长辈模式): one switch for bigger text everywhere, wider lines and bigger click targets.

The page's text grows by PAGE_SCALE (on top of the reader's own zoom) with wider line spacing; menus, the
tree, tabs, the toolbar and dialogs take the application's font, which grows by INTERFACE_SCALE; toolbar
buttons show their icon beside their words and get more room around them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QToolBar

PAGE_SCALE = 1.5
INTERFACE_SCALE = 1.35
TOOLBAR_ICON = 24  # pixels: a target of about 40 px with the larger text beside it


class LargePrint(QObject):
    """Applies large print to the application and a toolbar; ``changed`` carries the new state."""

    changed = Signal(bool)

    def __init__(self, app: QApplication, toolbar: QToolBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.toolbar = toolbar
        self.on = False
        # The platform's own font, remembered on the application once (a window made later must not take
        # an enlarged font for the normal one).
        normal = app.property("cqdeskNormalFont")
        if not isinstance(normal, QFont):
            normal = QFont(app.font())
            app.setProperty("cqdeskNormalFont", normal)
        self._normal: QFont = normal
        self._toolbar_style = toolbar.toolButtonStyle()
        self._toolbar_icon = toolbar.iconSize()

    def apply(self, on: bool) -> None:
        self.on = bool(on)
        font = QFont(self._normal)
        if self.on:
            size = self._normal.pointSizeF()
            if size > 0:
                font.setPointSizeF(size * INTERFACE_SCALE)
            else:  # a font set in pixels (some X11 setups)
                font.setPixelSize(round(self._normal.pixelSize() * INTERFACE_SCALE))
        if self.app.font() != font:
            self.app.setFont(font)
        if self.on:
            self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            self.toolbar.setIconSize(QSize(TOOLBAR_ICON, TOOLBAR_ICON))
        else:
            self.toolbar.setToolButtonStyle(self._toolbar_style)
            self.toolbar.setIconSize(self._toolbar_icon)
        self.changed.emit(self.on)
