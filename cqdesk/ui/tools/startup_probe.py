"""CQDESK_STARTUP_PROBE=1: print the CLOCK_MONOTONIC time of the first paint of the text pane, then quit.

Lets benchmarks time the start-up of any build (from source or frozen) from outside the process. It watches
the page's viewport alone: a filter on the whole application would run Python for every event of start-up
and make PySide build the types of every internal object it is shown, which the app itself never pays.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget


class StartupProbe(QObject):
    def __init__(self, viewport: QWidget) -> None:
        super().__init__(viewport)
        self.done = False
        viewport.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            print(f"first-paint {time.monotonic():.6f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False
