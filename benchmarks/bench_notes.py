"""The reader's notes at scale: 10,000 annotations across the report.

Prints, each beside a baseline taken in the same run:
- rendering the section that holds the most annotations, with them and without (goal: at most 1.2x);
- filtering the My Notes list, one keystroke at a time (goal: p95 under one frame, 16 ms);
- exporting (JSON, Markdown, CSV) and importing all of them;
- building the window with 10,000 annotations and with none;
- a real start of the app to its first paint, and export-pdf --with-notes of the whole report, each with the
  annotations and with none (peak resident memory and seconds; goals: memory at most 1.5x, the export under
  30 s at 100,000).

    python benchmarks/bench_notes.py [--count 10000]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["CQDESK_DATA_DIR"] = tempfile.mkdtemp()


def timed(fn, rounds: int = 1) -> float:
    """Median milliseconds of ``rounds`` calls."""
    samples = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples)


def make_annotations(report, count: int, rng: random.Random) -> list:
    from cqdesk.notes.anchor import quote_at
    from cqdesk.notes.model import COLORS, Annotation

    doc, digest = report.document, report.metadata.source_sha256
    sections = [s for s in doc.sections.values() if len(s.own_text) > 20]
    weights = [len(s.own_text) for s in sections]  # a longer section draws more marks, as in real reading
    out = []
    for n in range(count):
        s = rng.choices(sections, weights)[0]
        text = s.own_text
        start = rng.randrange(0, len(text) - 8)
        end = start + rng.randint(2, 8)
        exact, prefix, suffix = quote_at(text, start, end)
        note = f"笔记{n} 对照{rng.choice(['乡村振兴', '数字重庆', '新通道', '民生'])}" if n % 2 else ""
        kind = rng.choice(["highlight"] * 8 + ["note", "bookmark"])
        if kind == "highlight":
            a = Annotation.new(kind, s.id, digest, start=start, end=end, exact=exact, prefix=prefix, suffix=suffix,
                               color=rng.choice(COLORS), note=note)  # fmt: skip
        else:
            a = Annotation.new(kind, s.id, digest, note=note if kind == "note" else "")
        out.append(a)
    counts: dict[str, int] = {}
    for a in out:
        counts[a.section_id] = counts.get(a.section_id, 0) + 1
    return out, max(counts, key=counts.__getitem__)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=10_000)
    count = ap.parse_args().count

    from PySide6.QtWidgets import QApplication

    from cqdesk.notes.exchange import MARKDOWN_LABELS, from_json, merge_plan, to_csv, to_json, to_markdown
    from cqdesk.notes.location import default_data_dir
    from cqdesk.notes.store import NotesStore
    from cqdesk.report.paths import default_db_path
    from cqdesk.report.store import Report
    from cqdesk.ui.app import make_app
    from cqdesk.ui.i18n import Translations
    from cqdesk.ui.main_window import MainWindow
    from cqdesk.ui.settings import Settings

    app = make_app()
    report = Report(default_db_path())
    items, busiest = make_annotations(report, count, random.Random(15))
    empty_dir = Path(tempfile.mkdtemp())

    def window(folder: Path) -> MainWindow:
        w = MainWindow(report, Settings(Path(tempfile.mkdtemp())), Translations(), busiest, NotesStore(folder))
        return w

    baseline_window = timed(lambda: window(empty_dir).close(), 3)
    store = NotesStore(default_data_dir())
    t = time.perf_counter()
    store.put_many(items)
    print(f"{count:,} annotations stored in one transaction: {(time.perf_counter() - t) * 1000:.0f} ms")
    full_window = timed(lambda: window(default_data_dir()).close(), 3)
    print(f"window built: {baseline_window:.1f} ms with none, {full_window:.1f} ms with {count:,} "
          f"(ratio {full_window / baseline_window:.2f})")  # fmt: skip

    w = window(default_data_dir())
    w.show()
    app.processEvents()
    held = sum(1 for a in items if a.section_id == busiest)
    with_marks = timed(w.detail.redraw, 15)
    provider = w.detail.marks_provider
    w.detail.marks_provider = lambda sids: {}
    without = timed(w.detail.redraw, 15)
    w.detail.marks_provider = provider
    print(f"render {busiest} ({held:,} annotations): {with_marks:.1f} ms with them, {without:.1f} ms without "
          f"(ratio {with_marks / without:.2f}; goal at most 1.2)")  # fmt: skip

    panel = w.notes_panel
    w.tabs.setCurrentWidget(panel)
    samples = []
    for word in ["对", "对照", "对照乡", "对照乡村", "", "笔", "笔记1", "笔记12", "", "新通道", ""]:
        t = time.perf_counter()
        panel.filter.setText(word)
        app.processEvents()
        samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    p95 = samples[int(0.95 * (len(samples) - 1))]
    print(f"filter My Notes ({count:,} rows), per keystroke: median {statistics.median(samples):.1f} ms, "
          f"p95 {p95:.1f} ms (goal under 16 ms)")  # fmt: skip

    doc, digest = report.document, report.metadata.source_sha256
    all_items = store.all()
    for name, fn in (("JSON", lambda: to_json(doc, digest, all_items)),
                     ("Markdown", lambda: to_markdown(doc, all_items, MARKDOWN_LABELS["zh_CN"])),
                     ("CSV", lambda: to_csv(doc, all_items))):  # fmt: skip
        print(f"export {name}: {timed(fn, 3):.0f} ms")
    text = to_json(doc, digest, all_items)
    other = NotesStore(Path(tempfile.mkdtemp()))

    def import_all() -> None:
        plan = merge_plan(other.all(), from_json(text))
        other.put_many(plan.added + plan.changed)

    print(f"import {count:,} into an empty store: {timed(import_all):.0f} ms; again (all skipped): "
          f"{timed(import_all):.0f} ms")  # fmt: skip
    w.close()
    QApplication.processEvents()
    store.close()
    for name, args in (("start to first paint", []), ("export-pdf --with-notes", ["export-pdf", "--with-notes",
                       "-o", str(Path(tempfile.mkdtemp()) / "notes.pdf")])):  # fmt: skip
        none_s, none_mb = peak(args, empty_dir)
        full_s, full_mb = peak(args, default_data_dir())
        print(f"{name}: {none_s:.2f} s, {none_mb:.0f} MB with none; {full_s:.2f} s, {full_mb:.0f} MB with "
              f"{count:,} (memory {full_mb / none_mb:.2f}x, time {full_s / none_s:.1f}x)")  # fmt: skip


_PEAK = """
import os, resource, subprocess, sys, time
t = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
print(code, time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def peak(args: list[str], notes: Path) -> tuple[float, float]:
    """Seconds and peak resident megabytes of one run of cqdesk in a process of its own. A small helper starts
    it: Linux keeps a forked child's peak across exec, so a child of this large process would report ours."""
    import subprocess
    import sys

    env = {**os.environ, "CQDESK_DATA_DIR": str(notes), "CQDESK_STARTUP_PROBE": "1", "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", _PEAK, sys.executable, "-m", "cqdesk", *args], env=env,
                         capture_output=True, text=True, check=True).stdout.split()  # fmt: skip
    if out[0] != "0":
        raise SystemExit(f"cqdesk {' '.join(args)} failed ({out[0]})")
    return float(out[1]), int(out[2]) / 1024


if __name__ == "__main__":
    main()
