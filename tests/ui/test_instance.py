"""One cqdesk per notes folder: a second start brings the first window forward, at its --section."""

import os
import subprocess
import sys

from cqdesk.ui.instance import LOCK, Instance


def test_a_second_start_hands_its_section_to_the_first(qtbot, tmp_path):
    first = Instance(tmp_path)
    assert first.primary
    with qtbot.waitSignal(first.requested, timeout=5000) as got:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CQDESK_DATA_DIR": str(tmp_path)}
        out = subprocess.run(
            [sys.executable, "-m", "cqdesk", "--section", "plan/areas/2/1"],
            env=env, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    assert out.returncode == 0 and "already open" in out.stderr
    assert got.args == ["plan/areas/2/1"]
    assert list((tmp_path / "requests").iterdir()) == []  # picked up and removed
    first.release()


def test_the_window_comes_forward_at_the_section(make_window, qtbot, tmp_path):
    w = make_window(section="review/tasks/1")
    first = Instance(tmp_path)
    first.requested.connect(w.come_forward)
    second = Instance(tmp_path)
    assert not second.primary
    with qtbot.waitSignal(first.requested, timeout=5000):
        second.hand_over("plan/areas/2/1")
    assert w.detail.section_id == "plan/areas/2/1"
    first.release()


def test_a_lock_left_by_a_crashed_run_does_not_stop_the_next(tmp_path):
    from PySide6.QtCore import QSysInfo

    # As QLockFile writes it: a process of this machine that no longer exists.
    (tmp_path / LOCK).write_text(f"999999\ncqdesk\n{QSysInfo.machineHostName()}\n")
    assert Instance(tmp_path).primary


def _start(folder, *args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CQDESK_DATA_DIR": str(folder), "CQDESK_STARTUP_PROBE": "1"}
    return subprocess.run([sys.executable, "-m", "cqdesk", *args], env=env, capture_output=True, text=True, timeout=60)


def test_a_leftover_requests_file_does_not_stop_the_window(tmp_path):
    """As found: a file named 'requests' in the notes folder made the window refuse to start."""
    (tmp_path / "requests").write_text("left by something else")
    out = _start(tmp_path)
    assert out.returncode == 0 and "first-paint" in out.stdout, out.stderr
    assert (tmp_path / "requests").is_dir()
    (aside,) = tmp_path.glob("requests.stray-*")  # moved aside, not deleted
    assert aside.read_text() == "left by something else"


def test_leftovers_inside_the_requests_folder_do_not_stop_the_window(qtbot, tmp_path):
    requests = tmp_path / "requests"
    (requests / "folder.json").mkdir(parents=True)  # not a request: left alone
    (requests / "old.json").write_text('{"section": "plan/areas/3"}')  # a request from before: taken up
    first = Instance(tmp_path)
    assert first.primary and (requests / "folder.json").is_dir() and not (requests / "old.json").exists()
    with qtbot.waitSignal(first.requested, timeout=5000) as got:
        Instance(tmp_path).hand_over("plan/areas/2")
    assert got.args == ["plan/areas/2"]
    first.release()
