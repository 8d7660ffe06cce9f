"""Help › User Guide (F1): how to read, search and print, in the interface's language, with the keys."""

from __future__ import annotations

import html

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenu, QTextBrowser, QVBoxLayout, QWidget

from ...report.paths import resources_dir


def guide_html(language: str) -> str:
    """The guide's text for ``language`` (zh_CN or en), English where there is none."""
    folder = resources_dir() / "guide"
    path = folder / f"guide_{language}.html"
    if not path.is_file():
        path = folder / "guide_en.html"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


def keys_table(menus: list[QMenu], title: str) -> str:
    """Every menu command with a key, as the menus name it now (so it is always current and translated)."""
    rows = []
    for menu in menus:
        for action in menu.actions():
            if not isinstance(action, QAction) or action.isSeparator() or action.menu() or not action.shortcuts():
                continue
            keys = " / ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
            rows.append(f"<tr><td>{html.escape(action.iconText())}</td><td><b>{html.escape(keys)}</b></td></tr>")
    return f"<h3>{html.escape(title)}</h3><table cellpadding='3'>{''.join(rows)}</table>"


class GuideDialog(QDialog):
    def __init__(self, language: str, menus: list[QMenu], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuide")
        self.setWindowTitle(self.tr("User Guide"))
        self.resize(720, 640)
        self.text = QTextBrowser(self)
        self.text.setObjectName("guideText")
        self.text.setOpenLinks(False)
        self.text.setAccessibleName(self.tr("User guide"))
        body = guide_html(language) or self.tr("The user guide is missing from this installation.")
        self.text.setHtml(body + keys_table(menus, self.tr("Keys")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
