"""Soak: thousands of random user operations in one window, in one process.

Operations: select a section in the tree, search, open a result, next/previous hit, back,
forward, zoom, toggle the language, export a PDF to a temporary file; and the notes: add a highlight or a
note, edit, delete, undo, redo, export (JSON, Markdown, CSV) and import. The notes it made are counted
against the store at the end (every acknowledged change there). Prints the time per
operation and resident memory after warm-up and at the end (goal: growth under 10 MB).

    python benchmarks/soak.py [--ops 10000] [--seed 1]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CQDESK_DATA_DIR", tempfile.mkdtemp(prefix="cqdesk-soak-"))  # never the reader's own notes
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

QUERIES = [
    "重庆",
    "乡村 振兴",
    "AI",
    "新通道",
    "数字",
    "库",
    "33618",
    "开放 平台",
    "民生",
    '"OR',
    "<img src=x>",
    "🙂",
    "不存在",
    "ii类",
    "ｔ３ｂ",
]


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def operations(window, tmp: Path, rng: random.Random) -> dict:
    """The operations a person performs, each a function of no arguments."""
    from PySide6.QtWidgets import QApplication

    ids = list(window.report.document.sections)
    exported = [0]

    def wait_for_search() -> None:
        deadline = time.monotonic() + 2
        while window.search.box.text() != window.search.query and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.001)

    def search() -> None:
        window.search.box.setText(rng.choice(QUERIES))
        window.search.run_now()
        wait_for_search()

    def open_result() -> None:
        if window.search.hits:
            window.search.open_result(rng.randrange(len(window.search.hits)))

    def export() -> None:
        exported[0] += 1
        window.printing.export_to(tmp / f"soak-{exported[0] % 3}.pdf")

    notes = window.notes
    doc = window.report.document
    texts = [s for s in doc.sections.values() if len(s.own_text) > 20]

    def note_add() -> None:
        section = rng.choice(texts)
        if rng.random() < 0.5:
            start = rng.randrange(len(section.own_text) - 10)
            notes.highlight(section.id, start, start + rng.randint(2, 10), rng.choice(["yellow", "green"]))
        else:
            notes.save_note(None, section.id, rng.choice(["对照2024年", "简报要点 <b>x</b>", "=SUM(1)", "🙂"]))

    def mine():
        return notes.items()

    def note_edit() -> None:
        if items := [a for a in mine() if a.kind != "bookmark"]:
            notes.save_note(rng.choice(items), "", f"改过 {rng.randrange(1000)}")

    def note_delete() -> None:
        if items := mine():
            notes.remove(rng.choice(items).id)

    def notes_export() -> None:
        window.notes_feature.export_to(tmp / f"soak-notes.{rng.choice(['json', 'md', 'csv'])}")

    def notes_import() -> None:
        saved = tmp / "soak-import.json"
        window.notes_feature.export_to(saved)
        window.notes_feature.import_from(saved)

    def toggle_language() -> None:
        (window.commands.lang_en if window.translations.language == "zh_CN" else window.commands.lang_zh).trigger()

    return {
        "select": lambda: window.tree.setCurrentIndex(window.model.index_of(rng.choice(ids))),
        "search": search,
        "open result": open_result,
        "next hit": window.commands.find_next.trigger,
        "previous hit": window.commands.find_previous.trigger,
        "back": window.commands.back.trigger,
        "forward": window.commands.forward.trigger,
        "zoom": lambda: window.set_zoom(rng.randint(-3, 6)),
        "language": toggle_language,
        "clear search": window.commands.clear_search.trigger,
        "export": export,
        "note add": note_add,
        "note edit": note_edit,
        "note delete": note_delete,
        "undo": notes.undo_stack.undo,
        "redo": notes.undo_stack.redo,
        "notes export": notes_export,
        "notes import": notes_import,
    }


WEIGHTS = {
    "select": 20,
    "search": 20,
    "open result": 12,
    "next hit": 12,
    "previous hit": 6,
    "back": 6,
    "forward": 4,
    "zoom": 6,
    "language": 2,
    "clear search": 4,
    "export": 1,
    "note add": 8,
    "note edit": 3,
    "note delete": 2,
    "undo": 2,
    "redo": 1,
    "notes export": 1,
    "notes import": 1,
}


def soak(window, ops: int, seed: int, tmp: Path, warmup: int = 2000) -> dict:
    from PySide6.QtWidgets import QApplication

    rng = random.Random(seed)
    table = operations(window, tmp, rng)
    names = list(WEIGHTS)
    weights = [WEIGHTS[n] for n in names]
    counts = dict.fromkeys(names, 0)
    checkpoints: list[tuple[int, float]] = []
    warm_rss = None
    start = time.perf_counter()
    for i in range(ops):
        if i == min(warmup, ops // 3):
            warm_rss, start_after_warmup = rss_mb(), time.perf_counter()
        name = rng.choices(names, weights)[0]
        table[name]()
        counts[name] += 1
        QApplication.processEvents()
        if (i + 1) % max(1, ops // 10) == 0:
            checkpoints.append((i + 1, rss_mb()))
    end = time.perf_counter()
    warm_rss = warm_rss if warm_rss is not None else rss_mb()
    return {
        "ops": ops,
        "counts": counts,
        "checkpoints": checkpoints,
        "seconds": end - start,
        "rss_warm": warm_rss,
        "rss_end": rss_mb(),
        "notes": (len(window.notes.items()), len(window.notes.store.all()), window.notes.store.mismatches()),
        "ms_per_op": 1000 * (end - start) / ops,
        "after_warmup_s": end - locals().get("start_after_warmup", start),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ops", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    from cqdesk.report.paths import default_db_path
    from cqdesk.report.store import Report
    from cqdesk.ui.app import make_app
    from cqdesk.ui.i18n import Translations
    from cqdesk.ui.main_window import MainWindow
    from cqdesk.ui.settings import Settings

    app = make_app()
    with tempfile.TemporaryDirectory() as tmp:
        translations = Translations()
        translations.apply("zh_CN")
        window = MainWindow(Report(default_db_path()), Settings(Path(tmp) / "settings"), translations)
        window.show()
        r = soak(window, args.ops, args.seed, Path(tmp))
        window.close()
    app.processEvents()
    print(f"{r['ops']} operations in {r['seconds']:.1f} s: {r['ms_per_op']:.2f} ms per operation")
    print("mix: " + ", ".join(f"{k} {v}" for k, v in r["counts"].items()))
    shown, stored, bad = r["notes"]
    print(f"notes at the end: {shown} shown, {stored} stored, {len(bad)} not matching their checksums")
    print("resident memory: " + ", ".join(f"{n}: {mb:.0f} MB" for n, mb in r["checkpoints"]))
    print(
        f"resident memory after warm-up {r['rss_warm']:.1f} MB, at the end {r['rss_end']:.1f} MB "
        f"(growth {r['rss_end'] - r['rss_warm']:+.1f} MB)"
    )


if __name__ == "__main__":
    main()
