"""Printing and PDF export of the sections a user selects (wired into the window)."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow


class PrintController:
    def __init__(self, window: QMainWindow) -> None:
        self.window = window
