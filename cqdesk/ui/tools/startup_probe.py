"""CQDESK_STARTUP_PROBE=1: print the CLOCK_MONOTONIC time of the first paint of the text pane, then quit.

Lets benchmarks time the start-up of any build (from source or frozen) from outside the process.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication


class StartupProbe(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.done = False
        app.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        parent = obj.parent() if event.type() == QEvent.Type.Paint else None
        if not self.done and parent is not None and parent.objectName() == "detailPane":
            self.done = True
            print(f"first-paint {time.monotonic():.6f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False
