"""Reading aloud with Qt's mock text-to-speech engine (it ships with Qt): states, the sentence marks, pause
and resume, and navigation stopping it. The mock engine has no Chinese voice, so for these tests English
voices are let read; the last test checks the real rule, that without a Chinese voice nothing is read."""

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QTextCursor

from cqdesk.report.render import SPEAKING_GROUND
from cqdesk.report.speech import utterances
from cqdesk.ui.speech import read_aloud

SECTION = "plan/areas/2/1"


@pytest.fixture
def mock_engine(monkeypatch):
    monkeypatch.setenv(read_aloud.ENGINE_VARIABLE, "mock")


@pytest.fixture
def any_voice(mock_engine, monkeypatch):
    monkeypatch.setattr(read_aloud, "LANGUAGES", (QLocale.Language.Chinese, QLocale.Language.English))


def press_read(qtbot, w):
    if not w.isActiveWindow():
        w.activateWindow()
        qtbot.waitUntil(w.isActiveWindow)  # shortcuts reach the active window only
    qtbot.keyClick(w.detail, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def spy_marks(w, monkeypatch):
    marked = []
    show = w.detail.show_speaking

    def record(sid, start=-1, end=-1):
        marked.append((sid, start, end))
        show(sid, start, end)

    monkeypatch.setattr(w.detail, "show_speaking", record)
    return marked


def test_the_section_is_read_sentence_by_sentence_each_marked_in_the_page(make_window, qtbot, any_voice, monkeypatch):
    w = make_window("en", SECTION)
    marked = spy_marks(w, monkeypatch)
    doc = w.report.document
    press_read(qtbot, w)
    assert w.read_aloud.state == "speaking"
    assert w.read_aloud.read.text() == "&Pause Reading"
    first = next(u for u in utterances(doc, SECTION) if u.start >= 0)
    qtbot.waitUntil(lambda: (first.section_id, first.start, first.end) in marked)
    # While it is read, the sentence stands on the reading mark's ground in the page.
    qtbot.waitUntil(lambda: SPEAKING_GROUND in w.detail.toHtml() or w.read_aloud.state == "idle")
    qtbot.waitUntil(lambda: w.read_aloud.state == "idle", timeout=20000)
    expected = [(u.section_id, u.start, u.end) for u in utterances(doc, SECTION)]
    assert [m for m in marked if m[0] is not None] == expected  # every sentence, in the page's order
    assert marked[-1] == (None, -1, -1) and SPEAKING_GROUND not in w.detail.toHtml()
    assert w.read_aloud.read.text() == "Read &Aloud"


def test_pause_and_resume_with_the_same_key(make_window, qtbot, any_voice):
    w = make_window("en", SECTION)
    press_read(qtbot, w)
    press_read(qtbot, w)
    assert w.read_aloud.state == "paused" and w.read_aloud.read.text() == "&Continue Reading"
    where = w.read_aloud.current()
    qtbot.wait(300)
    assert w.read_aloud.current() == where  # nothing moves while paused
    press_read(qtbot, w)
    assert w.read_aloud.state == "speaking"
    qtbot.waitUntil(lambda: w.read_aloud.state == "idle", timeout=20000)


def test_going_to_another_section_stops_reading(make_window, qtbot, any_voice):
    w = make_window("en", SECTION)
    press_read(qtbot, w)
    qtbot.waitUntil(lambda: SPEAKING_GROUND in w.detail.toHtml())
    index = w.model.index_of("plan/areas/3")
    w.tree.scrollTo(index)
    qtbot.mouseClick(w.tree.viewport(), Qt.MouseButton.LeftButton, pos=w.tree.visualRect(index).center())
    qtbot.waitUntil(lambda: w.detail.section_id == "plan/areas/3")
    assert w.read_aloud.state == "idle"
    assert SPEAKING_GROUND not in w.detail.toHtml()


def test_reading_starts_at_the_selection(make_window, qtbot, any_voice, monkeypatch):
    w = make_window("en", SECTION)
    marked = spy_marks(w, monkeypatch)
    sentence = "常态化开行“中老泰”图定班列。"
    cursor = w.detail.document().find(sentence)
    cursor.setPosition(cursor.selectionStart() + 2)
    cursor.setPosition(cursor.position() + 3, QTextCursor.MoveMode.KeepAnchor)
    w.detail.setTextCursor(cursor)
    press_read(qtbot, w)
    own = w.report.document.sections[SECTION].own_text
    start = own.index(sentence)
    assert marked[0] == (SECTION, start, start + len(sentence))
    w.read_aloud.stop()


def test_faster_and_slower_are_remembered(make_window, qtbot, any_voice):
    w = make_window("en", SECTION)
    w.read_aloud.faster.trigger()
    w.read_aloud.faster.trigger()
    assert w.settings.preferences.get("speech_rate") == 2
    press_read(qtbot, w)
    assert w.read_aloud.engine().rate() == pytest.approx(0.4)
    w.read_aloud.slower.trigger()
    assert w.read_aloud.engine().rate() == pytest.approx(0.2)
    w.read_aloud.stop()


def test_without_a_chinese_voice_it_says_so_and_reads_nothing(make_window, qtbot, mock_engine, monkeypatch):
    w = make_window("en", SECTION)
    marked = spy_marks(w, monkeypatch)
    messages = []
    w.read_aloud.message.connect(messages.append)
    press_read(qtbot, w)
    assert w.read_aloud.state == "idle" and marked == []
    assert messages and "needs a Chinese voice" in messages[0]
    assert not w.read_aloud.read.isEnabled()
    assert "needs a Chinese voice" in w.read_aloud.read.toolTip()


def test_the_toolbar_button_says_what_a_press_will_do_in_chinese(make_window, qtbot, any_voice):
    w = make_window("zh_CN", SECTION)
    button = w.commands.toolbar.widgetForAction(w.read_aloud.read)
    assert button.text() == "朗读"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.text() == "暂停"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.text() == "继续"
    w.read_aloud.stop()
    assert button.text() == "朗读"


SPEECHD_MODULE = "/usr/lib/speech-dispatcher-modules/sd_espeak-ng"


@pytest.mark.slow
def test_speech_dispatcher_with_espeak_ng_really_reads_mandarin(make_window, qtbot, tmp_path, monkeypatch):
    """The platform's own engine on Linux, to a null audio sink: speech-dispatcher with espeak-ng's Mandarin."""
    import os
    import shutil
    import signal
    import subprocess
    import time

    if not (shutil.which("speech-dispatcher") and os.path.exists(SPEECHD_MODULE)):
        pytest.skip("needs speech-dispatcher and espeak-ng (scripts/install-system-deps.sh --test installs them)")
    home = tmp_path / "home"
    config = home / ".config" / "speech-dispatcher"
    config.mkdir(parents=True)
    (config / "speechd.conf").write_text(
        'AudioOutputMethod "libao"\nAddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"\nDefaultModule espeak-ng\n'
    )
    (home / ".libao").write_text("default_driver=null\n")  # libao's null driver: the sound goes nowhere
    run = tmp_path / "run"
    run.mkdir(mode=0o700)
    for name, value in (("HOME", home), ("XDG_CONFIG_HOME", home / ".config"), ("XDG_RUNTIME_DIR", run)):
        monkeypatch.setenv(name, str(value))
    monkeypatch.delenv(read_aloud.ENGINE_VARIABLE, raising=False)
    try:
        w = make_window("zh_CN", SECTION)
        marked = spy_marks(w, monkeypatch)
        engine = w.read_aloud.engine()  # made here, before the key, so its every state is seen
        assert w.read_aloud.unavailable == "", w.read_aloud.unavailable
        voice = engine.voice().name()
        assert "Mandarin" in voice
        states = []
        engine.stateChanged.connect(lambda state: states.append(state.name))
        started = time.monotonic()
        press_read(qtbot, w)
        qtbot.waitUntil(lambda: len([m for m in marked if m[0]]) >= 4, timeout=60000)  # three sentences read
        elapsed = time.monotonic() - started
        w.read_aloud.stop()
        print(f"speech-dispatcher: voice {voice!r}, three sentences in {elapsed:.2f} s (a null sink does not pace)")
        # Each sentence went to the engine and came back spoken: Speaking, then Ready, three times over.
        assert states[:6] == ["Speaking", "Ready"] * 3
    finally:
        found = subprocess.run(["pgrep", "-f", str(run)], capture_output=True, text=True).stdout.split()
        for pid in found:
            os.kill(int(pid), signal.SIGTERM)
