"""Make the screenshots in docs/ from the real window (offscreen, Fusion style, the bundled fonts).

    python scripts/docs_screenshots.py           # needs pdftoppm (poppler-utils) for the printed page
    python scripts/docs_screenshots.py library   # only the library's pictures and Compare Years

Every picture is the app as a reader sees it: the main window in Chinese, English and dark, search, the
Keywords tab, the Key Figures window, the livelihood table, the user guide, a printed page, and the reader's
own highlights and notes (light and dark, the My Notes tab, a printed page with them), large print in light
and dark at 1280x720, the high-contrast theme, a sentence being read aloud,
the split view, and a 2024 task beside its 2025 items (light, dark, and a printed comparison).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["CQDESK_DATA_DIR"] = tempfile.mkdtemp()  # sample notes of its own, never the reader's
ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def main() -> None:
    from PySide6.QtWidgets import QDialog

    from cqdesk.report.paths import default_db_path
    from cqdesk.report.store import Report
    from cqdesk.ui.app import make_app
    from cqdesk.ui.i18n import Translations
    from cqdesk.ui.main_window import MainWindow
    from cqdesk.ui.settings import Settings

    app = make_app()
    app.setStyle("Fusion")
    translations = Translations()

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def window(
        lang: str, section: str, theme: str = "light", size: tuple[int, int] = (1200, 780), large: bool = False
    ) -> MainWindow:
        translations.apply(lang)
        settings = Settings(Path(tempfile.mkdtemp()))
        settings.preferences.set("theme", theme)
        settings.preferences.set("large_print", large)
        w = MainWindow(Report(default_db_path()), settings, translations, section)
        w.resize(*size)
        w.show()
        settle()
        return w

    def search(w: MainWindow, text: str) -> None:
        w.search.box.setText(text)
        w.search.run_now()
        deadline = time.monotonic() + 10
        while w.search.query != text and time.monotonic() < deadline:  # the answer comes from a worker thread
            settle()
            time.sleep(0.01)
        w.search.open_result(w.search.display_order()[0])
        settle()

    def save(widget, name: str) -> None:
        widget.grab().save(str(DOCS / name))
        print(f"wrote docs/{name}")

    library_shots(window, save, settle, translations)
    years_shots(window, save, settle)
    if sys.argv[1:] in (["library"], ["years"]):
        return

    w = window("zh_CN", "plan/areas/2/1")
    save(w, "window-zh.png")
    search(w, "数字重庆")
    save(w, "search-zh.png")
    w.close()

    w = window("en", "report", theme="dark")
    search(w, "乡村振兴")
    save(w, "window-en-dark.png")
    w.close()

    w = window("zh_CN", "plan/areas/1/3")
    w.tabs.setCurrentWidget(w.keywords)
    w.keywords.filter.setText("行动")
    settle()
    save(w, "keywords-zh.png")
    w.commands.key_figures.trigger()
    settle()
    w.key_figures.resize(820, 600)
    settle()
    save(w.key_figures, "key-figures-zh.png")
    w.key_figures.close()
    w.navigate("plan/livelihood/table")
    settle()
    save(w, "livelihood-zh.png")
    w.help.show_guide()
    settle()
    guide = w.findChild(QDialog, "userGuide")
    save(guide, "guide-zh.png")
    guide.close()
    w.close()

    # Large print at the smallest size it promises to fit (1280x720), and the high-contrast theme.
    for lang, theme, name in (("zh_CN", "light", "large-print-zh.png"), ("en", "dark", "large-print-en-dark.png")):
        w = window(lang, "plan/areas/2", theme=theme, size=(1280, 720), large=True)
        save(w, name)
        w.close()
    w = window("zh_CN", "plan/areas/2", theme="contrast")
    search(w, "开放")
    save(w, "high-contrast-zh.png")
    w.close()

    # The split view: a 2024 task on the left, a 2025 item that carries it on at the right.
    for lang, theme, name in (("zh_CN", "light", "split-zh.png"), ("en", "dark", "split-en-dark.png")):
        w = window(lang, "review/tasks/6", theme=theme, size=(1400, 800))
        w.set_split(True)
        w._activate(w.panes[1])
        w.navigate("plan/areas/2/2")
        settle()
        save(w, name)
        w.set_split(False)
        w.close()

    # A 2024 task beside the 2025 items that carry it on, in light and dark, and on paper.
    for lang, theme, name in (("zh_CN", "light", "compare-zh.png"), ("en", "dark", "compare-en-dark.png")):
        w = window(lang, "review/tasks/6", theme=theme, size=(1280, 800))
        w.compare_current()
        settle()
        save(w, name)
        w.close()
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "compare.pdf"
        subprocess.run([sys.executable, "-m", "cqdesk", "export-pdf", "-o", str(pdf), "--compare", "review/tasks/6"],
                       check=True)  # fmt: skip
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "60",
                "-png",
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(pdf),
                str(DOCS / "print-compare"),
            ],
            check=True,
        )
        print("wrote docs/print-compare.png")

    # A sentence being read aloud. Qt's mock engine stands in for a voice (it speaks no Chinese, so for the
    # picture it may read in any language); reading is paused at the third sentence of the section.
    from PySide6.QtCore import QLocale

    from cqdesk.ui.speech import read_aloud

    os.environ[read_aloud.ENGINE_VARIABLE] = "mock"
    read_aloud.LANGUAGES = (*read_aloud.LANGUAGES, QLocale.Language.English)
    w = window("zh_CN", "plan/areas/2", size=(1200, 720))
    w.read_aloud.toggle()
    deadline = time.monotonic() + 10
    while w.read_aloud._index < 3 and time.monotonic() < deadline:
        settle()
        time.sleep(0.01)
    w.read_aloud.pause()
    settle()
    save(w, "read-aloud-zh.png")
    w.read_aloud.stop()
    w.close()

    sample_notes()
    w = window("zh_CN", "plan/areas/2/1")
    save(w, "notes-zh.png")
    w.tabs.setCurrentWidget(w.notes_panel)
    settle()
    save(w, "notes-tab-zh.png")
    w.close()
    w = window("en", "plan/areas/2/1", theme="dark")
    save(w, "notes-en-dark.png")
    w.close()

    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "notes.pdf"
        cmd = [
            sys.executable,
            "-m",
            "cqdesk",
            "export-pdf",
            "-o",
            str(pdf),
            "--section",
            "plan/areas/2",
            "--with-notes",
        ]
        subprocess.run(cmd, check=True)
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(DOCS / "print-notes")],
            check=True,
        )
        print("wrote docs/print-notes.png")

    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "report.pdf"
        subprocess.run([sys.executable, "-m", "cqdesk", "export-pdf", "-o", str(pdf)], check=True)
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(DOCS / "print-page-1")],
            check=True,
        )
        print("wrote docs/print-page-1.png")


def library_shots(window, save, settle, translations) -> None:
    """The Library tab with two imported reports, the look at an import, and an imported report."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from cqdesk.notes.location import default_data_dir
    from cqdesk.notes.store import NotesStore
    from cqdesk.report.library import Library
    from cqdesk.report.paths import default_db_path
    from cqdesk.report.store import Report
    from cqdesk.ui.library import Shelf

    sys.path.insert(0, str(ROOT))
    from tests.fixtures import reports as fixtures

    library = Library(default_data_dir(), default_db_path())
    with tempfile.TemporaryDirectory() as tmp:
        for year, write in ((2026, fixtures.write_html), (2027, fixtures.write_docx)):
            path = write(Path(tmp) / f"{year}年青川市政府工作报告.{'html' if year == 2026 else 'docx'}", year=year,
                         filler=6)  # fmt: skip
            plan = library.plan(path)
            if not plan.duplicate_of:
                library.store(plan)
        w = window("zh_CN", "plan/areas/2/1")
        w.library.show()
        w.library.panel.select(library.entries()[1].id)
        settle()
        save(w, "library-zh.png")
        # The look before an import: a third report, the following year's, shown and cancelled.
        source = fixtures.write_pdf(Path(tmp) / "2028年青川市政府工作报告.pdf", year=2028, filler=6)

        def shoot() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(50, shoot)
                return
            settle()
            save(dialog, "import-preview-zh.png")
            dialog.reject()

        QTimer.singleShot(0, shoot)
        w.library.importer.import_file(source)
        w.close()
    entry = library.entries()[1]
    from cqdesk.ui.main_window import MainWindow
    from cqdesk.ui.settings import Settings

    translations.apply("zh_CN")  # the window helper's own: one translator installed at a time
    notes = NotesStore(default_data_dir())
    w = MainWindow(Report(entry.path), Settings(Path(tempfile.mkdtemp())), translations, "p1", notes,
                   library_id=entry.id, shelf=Shelf(default_data_dir(), default_db_path()))  # fmt: skip
    w.resize(1200, 780)
    w.show()
    settle()
    save(w, "imported-report-zh.png")
    w.close()
    notes.close()


def years_shots(window, save, settle) -> None:
    """Compare Years on the library's two 青川市 reports: the ledger, the new wording and a term over the years,
    in Chinese (light) and English (dark), and the ledger on paper."""
    from cqdesk.notes.location import default_data_dir
    from cqdesk.report.library import Library
    from cqdesk.report.paths import default_db_path
    from cqdesk.ui.printing.pdf import export_html_pdf

    ids = [e.id for e in Library(default_data_dir(), default_db_path()).entries()]
    for lang, theme, suffix in (("zh_CN", "light", "zh"), ("en", "dark", "en-dark")):
        w = window(lang, "plan/areas/2/1", theme)
        w.years.show()
        compare = w.years.window
        compare.refresh(ids[1], ids[2])
        compare.resize(1100, 680)
        compare.term_box.setText("低空经济")
        compare.count_term()
        for tab, name in ((0, "ledger"), (1, "wording"), (3, "trend")):
            compare.tabs.setCurrentIndex(tab)
            settle()
            save(compare, f"{name}-{suffix}.png")
        if lang == "zh_CN":
            compare.tabs.setCurrentIndex(0)
            with tempfile.TemporaryDirectory() as tmp:
                pdf = Path(tmp) / "ledger.pdf"
                export_html_pdf(*_page(compare), pdf)
                subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                                str(DOCS / "print-ledger")], check=True)  # fmt: skip
                print("wrote docs/print-ledger.png")
        compare.close()
        w.close()


def _page(compare) -> tuple[str, str]:
    from cqdesk.report.years.export import items_html

    title, items = compare.page_items()
    return items_html(title, items), title


def sample_notes() -> None:
    """A bookmark, three highlights (two with notes) and a note on a section, as a reader would make them."""
    from cqdesk.notes.anchor import quote_at
    from cqdesk.notes.location import default_data_dir
    from cqdesk.notes.model import Annotation
    from cqdesk.notes.store import NotesStore
    from cqdesk.report.paths import default_db_path
    from cqdesk.report.store import Report

    report = Report(default_db_path())
    digest = report.metadata.source_sha256
    store = NotesStore(default_data_dir())

    def highlight(sid: str, passage: str, color: str, note: str = "") -> Annotation:
        text = report.document.sections[sid].own_text
        start = text.index(passage)
        exact, prefix, suffix = quote_at(text, start, start + len(passage))
        return Annotation.new("highlight", sid, digest, start=start, end=start + len(passage), exact=exact,
                              prefix=prefix, suffix=suffix, color=color, note=note)  # fmt: skip

    store.put_many(
        [
            Annotation.new("bookmark", "plan/areas/2/1", digest),
            Annotation.new("note", "plan/areas/2/1", digest, note="简报第三部分引用：与2024年第6项对照。"),
            highlight("plan/areas/2/1", "西部陆海新通道", "yellow", "2024年已开行班列，今年提速。"),
            highlight("plan/areas/2/1", "T3B航站楼", "blue"),
            highlight(
                "plan/areas/2/2", report.document.sections["plan/areas/2/2"].blocks[-1].text[:10], "green", "待核实"
            ),
        ]
    )
    store.close()
    report.close()


if __name__ == "__main__":
    main()
