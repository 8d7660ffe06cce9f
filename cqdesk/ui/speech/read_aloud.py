"""Reading aloud (朗读): the shown section, or from the selection, sentence by sentence, each sentence marked
in the page while it is spoken.

Qt's text-to-speech speaks with the system's voices (Windows: the zh-CN voices; macOS: Tingting; Linux:
speech-dispatcher). Only a Chinese voice reads the report: where the system has none, the feature says so
and offers nothing, rather than reading Chinese with an English voice. The engine is loaded at first use,
so a reader who never listens never loads it.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

from ...report.model import Document
from ..reading.page import DetailPane

if TYPE_CHECKING:
    from PySide6.QtTextToSpeech import QTextToSpeech, QVoice

    from ...report.speech import Utterance
    from ..settings import Store

ENGINE_VARIABLE = "CQDESK_SPEECH_ENGINE"  # an engine by name ("mock" in tests); unset: the platform's own
LANGUAGES = (QLocale.Language.Chinese,)  # the voices that may read the report
RATE_STEP = 0.2  # of the engine's -1 .. 1


class ReadAloud(QObject):
    """``state`` is "idle", "speaking" or "paused"; ``unavailable`` says why nothing can be read, once known."""

    stateChanged = Signal(str)
    message = Signal(str)

    def __init__(self, document: Document, page: DetailPane, preferences: Store, window: QMainWindow) -> None:
        super().__init__(window)
        self.document, self.page, self.preferences = document, page, preferences
        self.state = "idle"
        self.unavailable = ""
        self._tts: QTextToSpeech | None = None
        self._queue: list[Utterance] = []
        self._index = 0

        def act(keys: str = "") -> QAction:
            a = QAction(window)
            if keys:
                a.setShortcut(QKeySequence(keys))
            return a

        self.read = act("Ctrl+Shift+U")  # as in Edge's Read Aloud; again to pause, again to go on
        self.stop_action = act()
        self.faster = act()
        self.slower = act()
        self.stop_action.setEnabled(False)
        self.menu = QMenu(window)
        self.menu.setObjectName("readAloudMenu")
        self.menu.addActions([self.read, self.stop_action])
        self.menu.addSeparator()
        self.menu.addActions([self.faster, self.slower])
        window.addActions([self.read])
        self.read.triggered.connect(self.toggle)
        self.stop_action.triggered.connect(self.stop)
        self.faster.triggered.connect(lambda: self.change_rate(1))
        self.slower.triggered.connect(lambda: self.change_rate(-1))
        self.watch(page)
        self.retranslate()

    def watch(self, page: DetailPane) -> None:
        """Reading stops when the page it reads goes elsewhere (each pane of a split view has its page)."""
        page.sectionShown.connect(lambda _sid, p=page: self.stop() if p is self.page else None)

    def use_page(self, page: DetailPane) -> None:
        """Read the active pane's page from now on; what is being read is read to its end where it is."""
        if self.state == "idle":
            self.page = page

    def retranslate(self) -> None:
        self.menu.setTitle(QCoreApplication.translate("ReadAloud", "Rea&d Aloud"))
        texts = {
            "idle": QCoreApplication.translate("ReadAloud", "Read &Aloud"),
            "speaking": QCoreApplication.translate("ReadAloud", "&Pause Reading"),
            "paused": QCoreApplication.translate("ReadAloud", "&Continue Reading"),
        }
        # The toolbar button says what a press does, in a word (large print leaves the toolbar little room).
        buttons = {
            "idle": QCoreApplication.translate("ReadAloud", "Read Aloud"),
            "speaking": QCoreApplication.translate("ReadAloud", "Pause"),
            "paused": QCoreApplication.translate("ReadAloud", "Continue"),
        }
        self.read.setText(texts[self.state])
        self.read.setIconText(buttons[self.state])
        self.stop_action.setText(QCoreApplication.translate("ReadAloud", "&Stop Reading"))
        self.faster.setText(QCoreApplication.translate("ReadAloud", "Read &Faster"))
        self.slower.setText(QCoreApplication.translate("ReadAloud", "Read S&lower"))
        shortcut = self.read.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.read.setToolTip(f"{self.read.iconText()} ({shortcut})")
        if self.unavailable:
            self.read.setToolTip(self.unavailable)

    # Engine ---------------------------------------------------------------------------------

    def engine(self) -> QTextToSpeech | None:
        """The engine with a Chinese voice, made at first use; None (and ``unavailable`` set) when there is none."""
        if self._tts is not None or self.unavailable:
            return self._tts
        quiet_audio_probe()
        chosen = False
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:  # PySide6-Addons missing from this installation
            tts = None
        else:
            name = os.environ.get(ENGINE_VARIABLE, "")
            # Connecting to the system's speech service and listing its voices takes a second or two (1.7 s
            # with speech-dispatcher here), once: say so with the pointer.
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                tts = QTextToSpeech(name, self) if name else QTextToSpeech(self)
                chosen = choose_voice(tts)
            finally:
                QApplication.restoreOverrideCursor()
        # Not the engine's first state: speech-dispatcher reports an error when the interface's language
        # (zh_CN) names no voice of its own, and reads well once a Mandarin voice is set.
        if tts is None or not chosen:
            if tts is not None:
                tts.deleteLater()
            self.unavailable = QCoreApplication.translate(
                "ReadAloud",
                "Reading aloud needs a Chinese voice, and this computer has none. On Windows add one under "
                "Settings › Time & language › Speech; on macOS under Accessibility › Spoken Content; on Linux "
                "install speech-dispatcher with espeak-ng.",
            )
            for action in (self.read, self.stop_action, self.faster, self.slower):
                action.setEnabled(False)
            self.retranslate()
            self.message.emit(self.unavailable)
            return None
        tts.setRate(self.rate())
        tts.stateChanged.connect(self._on_engine_state)
        self._tts = tts
        return tts

    def rate(self) -> float:
        return float(self.preferences.get("speech_rate")) * RATE_STEP

    def change_rate(self, step: int) -> None:
        level = max(-5, min(5, int(self.preferences.get("speech_rate")) + step))
        self.preferences.set("speech_rate", level)
        if self._tts is not None:
            self._tts.setRate(self.rate())

    # Reading --------------------------------------------------------------------------------

    def toggle(self) -> None:
        """Read Aloud: start (from the selection, or the top of the page); then pause; then go on."""
        if self.state == "speaking":
            self.pause()
        elif self.state == "paused":
            self.resume()
        else:
            self.start()

    def start(self) -> None:
        from ...report.speech import starting_at, utterances

        tts = self.engine()
        if tts is None:
            return
        sid = self.page.section_id
        self._queue = utterances(self.document, sid)
        if not self._queue:
            return
        place = self.page.selection_place()
        self._index = starting_at(self._queue, *place) if place else 0
        self._set_state("speaking")
        self._speak()

    def pause(self) -> None:
        if self._tts is not None and self.state == "speaking":
            self._set_state("paused")
            self._tts.pause()

    def resume(self) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if self._tts is not None and self.state == "paused":
            self._set_state("speaking")
            if self._tts.state() == QTextToSpeech.State.Paused:
                self._tts.resume()
            else:  # the engine paused at the sentence's end (it pauses between words): on with the next
                self._next()

    def stop(self) -> None:
        if self.state == "idle":
            return
        self._set_state("idle")  # first: the engine's own Ready must not start the next sentence
        if self._tts is not None:
            self._tts.stop()
        self.page.show_speaking(None)

    def current(self) -> Utterance | None:
        return self._queue[self._index] if self.state != "idle" and self._index < len(self._queue) else None

    def _speak(self) -> None:
        assert self._tts is not None
        u = self._queue[self._index]
        self.page.show_speaking(u.section_id, u.start, u.end)
        self._tts.say(u.text)

    def _on_engine_state(self, state: QTextToSpeech.State) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if state == QTextToSpeech.State.Ready and self.state == "speaking":
            self._next()
        elif state == QTextToSpeech.State.Error and self.state != "idle":
            assert self._tts is not None
            self.message.emit(self._tts.errorString())
            self.stop()

    def _next(self) -> None:
        self._index += 1
        if self._index < len(self._queue):
            self._speak()
        else:
            self.stop()

    def _set_state(self, state: str) -> None:
        self.state = state
        self.stop_action.setEnabled(state != "idle")
        self.retranslate()
        self.stateChanged.emit(state)


def quiet_audio_probe() -> None:
    """Qt Multimedia, which speech loads, warns on every start where PipeWire is missing though it speaks
    through other audio; those two lines would only worry a reader who started cqdesk from a terminal."""
    from PySide6.QtCore import QLoggingCategory

    QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")


def choose_voice(tts: QTextToSpeech) -> bool:
    """Set the best voice for the report's Mandarin; False when the engine has no Chinese voice at all.

    Best first: a Chinese voice of mainland China, of elsewhere, then (speech-dispatcher with espeak-ng,
    whose "cmn" Qt cannot map to a language) a voice named Mandarin, and last a Cantonese voice, which still
    reads the characters. A voice of another language is never taken."""
    found: list[tuple[int, int, QLocale, QVoice]] = []
    chinese = [loc for loc in tts.availableLocales() if loc.language() in LANGUAGES]
    others = [loc for loc in tts.availableLocales() if loc.language() not in LANGUAGES]
    for locale in chinese or others:
        tts.setLocale(locale)
        for n, voice in enumerate(tts.availableVoices()):
            rank = _rank(locale, voice)
            if rank is not None:
                found.append((rank, n, locale, voice))
    if not found:
        return False
    _, _, locale, voice = min(found, key=lambda f: (f[0], "+" in f[3].name(), f[1]))
    tts.setLocale(locale)
    tts.setVoice(voice)
    return True


def _rank(locale: QLocale, voice: QVoice) -> int | None:
    name = voice.name().lower()
    if locale.language() in LANGUAGES:
        return 0 if locale.territory() == QLocale.Country.China else 1
    if "mandarin" in name:
        return 2
    if locale.language() == QLocale.Language.Cantonese or "cantonese" in name:
        return 3 if QLocale.Language.Chinese in LANGUAGES else None
    return None
