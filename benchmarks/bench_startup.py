"""Start-up time and memory of the app beside a bare PySide6 window, in one run.

A third program, the skeleton, is cqdesk's window built in PySide6 alone: the same widgets, ten menus
with 80 actions (33 with shortcuts, 12 with icons), a 13-button toolbar, the sections' tree, the hidden
tabs and a page of the report's size, but no cqdesk module, no database and no logic. It is the floor
this window has in PySide6; "cqdesk / skeleton" is what cqdesk's own code adds to it.

Each measurement is a fresh process; the time is from just before the process is
started to the first paint of its text pane (CLOCK_MONOTONIC is shared between
processes), seen by an event filter on the text pane's viewport alone, in both. (Until
2026-11-28 the filter sat on the whole application: it ran Python for every event and made
PySide build the types of every internal object it saw, about 80 ms that the bare window
paid and a real start does not, so the ratios then were flattering.) Runs offscreen, and
mapped under Xvfb when xvfb-run is available.
Resident memory is read after start-up and, for the app, after 1,000 searches
and section changes in the same process.

    python benchmarks/bench_startup.py [--runs 7] [--soak 1000]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from installed import installed_env

ROOT = Path(__file__).resolve().parents[1]

FIRST_PAINT = r"""
import json, os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

class FirstPaint(QObject):
    done = False
    def eventFilter(self, obj, event):
        if not self.done and event.type() == QEvent.Type.Paint and obj.objectName() == "qt_scrollarea_viewport" \
                and obj.parent() is not None and obj.parent().objectName() == "detailPane":
            self.done = True
            painted = time.monotonic()
            QTimer.singleShot(0, lambda: finish(painted))
        return False

def finish(painted):
    result = {"painted": painted, "rss_mb": rss_mb()}
    soak = int(os.environ.get("BENCH_SOAK", "0"))
    if soak:
        result.update(run_soak(soak))
    print("BENCH " + json.dumps(result), flush=True)
    QApplication.instance().quit()
"""

APP = (
    FIRST_PAINT
    + r"""
def run_soak(n):
    import random
    from PySide6.QtWidgets import QApplication
    win = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow")
    rng = random.Random(7)
    ids = list(win.report.document.sections)
    words = ["重庆", "乡村 振兴", "AI", "新通道", "数字", "库", "33618", "开放 平台", "民生"]
    from cqdesk.report.search import search
    start = time.perf_counter()
    for i in range(n):
        if i % 2:
            win.navigate(rng.choice(ids))
        else:
            q = rng.choice(words)
            hits = search(win.report.conn, q)
            if hits:
                win.navigate(hits[0].id, q.split())
        QApplication.processEvents()
    return {"soak_ops": n, "soak_s": time.perf_counter() - start, "rss_after_mb": rss_mb()}

import cqdesk.ui.main_window as mw
_show = mw.MainWindow.show
def show(self):
    self._bench_filter = FirstPaint(self)
    self.detail.viewport().installEventFilter(self._bench_filter)
    _show(self)
mw.MainWindow.show = show
from cqdesk.cli import main
sys.exit(main([]))
"""
)

BARE = (
    FIRST_PAINT
    + r"""
def run_soak(n):
    return {}

from PySide6.QtWidgets import QMainWindow, QSplitter, QTextBrowser, QTreeWidget, QTreeWidgetItem
app = QApplication(sys.argv[:1])
f = FirstPaint(app)
win = QMainWindow()
split = QSplitter(win)
tree = QTreeWidget(split)
for i in range(10):
    QTreeWidgetItem(tree, [f"{i + 1}、抓战略担使命增势能"])
text = QTextBrowser(split)
text.setObjectName("detailPane")
text.viewport().installEventFilter(f)
text.setHtml("<h1>二、聚力打造内陆开放国际合作引领区</h1><p>提速西部陆海新通道建设。完善“五型”国家物流枢纽功能。</p>")
win.setCentralWidget(split)
win.resize(1180, 780)
win.show()
sys.exit(app.exec())
"""
)


SKELETON = (
    FIRST_PAINT
    + r"""
def run_soak(n):
    return {}

from pathlib import Path
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QLabel, QLineEdit, QListView, QMainWindow, QMenu, QSplitter, QStyle, QTabBar, QTabWidget,
    QTextBrowser, QTreeView, QTreeWidget, QVBoxLayout, QWidget,
)
from PySide6.QtGui import QIcon
app = QApplication(sys.argv[:1])
if QIcon.themeName() in ("", "hicolor"):  # as cqdesk does: no icon theme to search path by path (ui/app.py)
    QIcon.setThemeSearchPaths([])
    QIcon.setFallbackSearchPaths([])
    QIcon.setThemeName("none")
    QIcon.setFallbackThemeName("none")
f = FirstPaint(app)
win = QMainWindow()
style = win.style()
lines = next(Path("data/source").glob("*.txt")).read_text(encoding="utf-8").splitlines()
K = QKeySequence.StandardKey
keys = [K.Print, "Ctrl+Shift+E", "Ctrl+Shift+S", "Ctrl+Shift+P", K.Quit, K.Copy, "Ctrl+Shift+C", K.Find, K.FindNext,
        K.FindPrevious, "Esc", K.ZoomIn, K.ZoomOut, "Ctrl+0", K.Back, K.Forward, "Alt+Home", K.AddTab, "Ctrl+Shift+R",
        K.Close, "Ctrl+Shift+T", "Ctrl+Tab", "Ctrl+Shift+Tab", "F6", "Shift+F6", "Ctrl+K", K.HelpContents,
        "Ctrl+Shift+U", "Ctrl+D", "Ctrl+Shift+H", "Ctrl+Shift+N", "Ctrl+Shift+M", "Ctrl+Shift+B"]
SP = QStyle.StandardPixmap
icons = [SP.SP_FileDialogDetailedView, SP.SP_DialogSaveButton, SP.SP_ArrowBack, SP.SP_ArrowForward, SP.SP_DirHomeIcon,
         SP.SP_MediaPlay, SP.SP_MediaPause, SP.SP_MediaStop, SP.SP_DialogYesButton, SP.SP_FileIcon, SP.SP_DirIcon,
         SP.SP_DialogHelpButton]
actions = []
for i in range(80):
    a = QAction(f"命令{i}(&{chr(65 + i % 26)})", win)
    if i < len(keys):
        a.setShortcuts(QKeySequence.keyBindings(keys[i]) if isinstance(keys[i], K) else [QKeySequence(keys[i])])
    if i < len(icons):
        a.setIcon(style.standardIcon(icons[i]))
    a.setCheckable(i >= 60)
    actions.append(a)
for m in range(10):
    menu = QMenu(f"菜单{m}", win)
    menu.addActions(actions[m * 8:(m + 1) * 8])
    if m < 6:
        win.menuBar().addMenu(menu)
tools = win.addToolBar("tools")
tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
tools.addActions(actions[:13])
left = QWidget()
side = QVBoxLayout(left)
search = QLineEdit()
search.setClearButtonEnabled(True)
search.setPlaceholderText("搜索报告")
side.addWidget(search)
side.addWidget(QCheckBox("包括我的笔记"))
results = QTreeView()
results.setVisible(False)
side.addWidget(results)
tabs = QTabWidget()
tabs.setDocumentMode(True)
model = QStandardItemModel()
parents = [model.invisibleRootItem()]
for i, line in enumerate(lines[:61]):
    item = QStandardItem(line[:20])
    item.setData(f"section/{i}", Qt.ItemDataRole.UserRole)
    (parents[-1] if i > 1 else parents[0]).appendRow(item)
    if i < 2:
        parents.append(item)
tree = QTreeView()
tree.setHeaderHidden(True)
tree.setUniformRowHeights(True)
tree.setModel(model)
tree.expandToDepth(0)
tabs.addTab(tree, "目录")
keywords = QWidget()
kw = QVBoxLayout(keywords)
kw.addWidget(QLineEdit())
kw.addWidget(QTreeWidget())
tabs.addTab(keywords, "关键词")
notes = QWidget()
nt = QVBoxLayout(notes)
nt.addWidget(QLineEdit())
kinds = QComboBox()
kinds.addItems(["全部", "书签", "高亮", "笔记"])
nt.addWidget(kinds)
nt.addWidget(QListView())
tabs.addTab(notes, "我的笔记")
side.addWidget(tabs, 1)
right = QWidget()
page_side = QVBoxLayout(right)
tab_bar = QTabBar()
tab_bar.addTab("报告")
tab_bar.setVisible(False)
page_side.addWidget(tab_bar)
text = QTextBrowser()
text.setObjectName("detailPane")
text.viewport().installEventFilter(f)
P = '<p style="margin-top:4px; margin-bottom:6px; line-height:130%">{}</p>'
H = '<h3 style="color:#8b1a1a; font-size:large"><a name="s{0}"></a><a href="cqdesk:s{0}">{1}</a></h3>'
text.setHtml("".join((H.format(i, line[:16]) if i % 3 == 0 else "") + P.format(line) for i, line in enumerate(lines)))
page_side.addWidget(text)
split = QSplitter(Qt.Orientation.Horizontal)
split.addWidget(left)
split.addWidget(right)
split.setSizes([340, 760])
win.setCentralWidget(split)
win.statusBar().addPermanentWidget(QLabel(""))
win.resize(1180, 780)
win.show()
sys.exit(app.exec())
"""
)


def measure(code: str, platform: str, soak: int = 0, xvfb: bool = False) -> dict:
    with tempfile.TemporaryDirectory() as home:
        env = installed_env(QT_QPA_PLATFORM=platform, XDG_CONFIG_HOME=home, BENCH_SOAK=str(soak))
        cmd = [sys.executable, "-c", code]
        if xvfb:
            cmd = ["xvfb-run", "-a", "-s", "-screen 0 1400x900x24", *cmd]
        t0 = time.monotonic()
        out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300, cwd=ROOT)
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("BENCH ")), None)
    if line is None:
        raise RuntimeError(f"no measurement:\n{out.stdout}\n{out.stderr}")
    result = json.loads(line[6:])
    result["startup_s"] = result.pop("painted") - t0
    return result


def alternated(platform: str, runs: int, xvfb: bool = False) -> list[tuple[float, float]]:
    """Medians of (start-up, memory) for the bare window, the skeleton and the app, their runs alternated so
    that a machine that slows down or speeds up during the run weighs on all alike."""
    programs = (BARE, SKELETON, APP)
    samples: list[list[dict]] = [[] for _ in programs]
    for _ in range(runs):
        for code, taken in zip(programs, samples, strict=True):
            taken.append(measure(code, platform, xvfb=xvfb))
    return [
        (statistics.median(s["startup_s"] for s in taken), statistics.median(s["rss_mb"] for s in taken))
        for taken in samples
    ]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--soak", type=int, default=1000)
    args = ap.parse_args()
    setups = [("offscreen", False)]
    if shutil.which("xvfb-run"):
        setups.append(("xcb", True))  # mapped on a virtual X screen; xvfb-run's own start-up is in both
    print("start-up (s) and resident memory (MB); ratios against the bare window, and cqdesk against the skeleton")
    print(
        f"{'platform':<16} {'bare':>6} {'skeleton':>9} {'cqdesk':>7} {'ratio':>6} {'skel.':>6} {'/skel.':>7}"
        f" {'bare MB':>8} {'skel. MB':>9} {'cqdesk MB':>10} {'ratio':>6} {'skel.':>6}"
    )
    for platform, xvfb in setups:
        (bare_t, bare_m), (skel_t, skel_m), (app_t, app_m) = alternated(platform, args.runs, xvfb)
        label = platform + (" (Xvfb)" if xvfb else "")
        print(
            f"{label:<16} {bare_t:>6.3f} {skel_t:>9.3f} {app_t:>7.3f} {app_t / bare_t:>6.2f} {skel_t / bare_t:>6.2f}"
            f" {app_t / skel_t:>7.2f} {bare_m:>8.1f} {skel_m:>9.1f} {app_m:>10.1f} {app_m / bare_m:>6.2f}"
            f" {skel_m / bare_m:>6.2f}"
        )
    if args.soak:
        r = measure(APP, "offscreen", soak=args.soak)
        print(
            f"after {r['soak_ops']} searches and section changes: {r['rss_mb']:.1f} MB -> {r['rss_after_mb']:.1f} MB "
            f"(+{r['rss_after_mb'] - r['rss_mb']:.1f} MB), {1000 * r['soak_s'] / r['soak_ops']:.2f} ms per operation"
        )


if __name__ == "__main__":
    main()
