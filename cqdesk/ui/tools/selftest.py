"""``cqdesk self-test``: prove that an installed (or frozen) app has everything it needs.

One line per check; the exit status is 0 only if every check passed.
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ...report.paths import default_db_path, default_source_path
from ...report.render import render_section
from ...report.store import Report

if TYPE_CHECKING:
    from PySide6.QtGui import QGuiApplication

KNOWN_SEARCHES = {
    "库": ["plan/areas/5"],
    "T3B": ["plan/areas/2/1"],
    "乡村 振兴": ["review/tasks/7", "plan/areas/5/1", "plan/areas/5"],
    "鄉村 振興": ["review/tasks/7", "plan/areas/5/1", "plan/areas/5"],  # traditional characters
}
CHECKS = 9


def run_self_test(db: Path | None = None, out: Callable[[str], None] = print, notes: Path | None = None) -> bool:
    from ...notes.location import default_data_dir
    from .headless import gui_app

    with gui_app("zh_CN") as app:
        return SelfTest(app, db or default_db_path(), out, notes or default_data_dir()).run()


class SelfTest:
    """Each check returns a line of detail or raises; a failed check never stops the others."""

    def __init__(self, app: QGuiApplication, db: Path, out: Callable[[str], None], notes: Path) -> None:
        self.app = app
        self.db = db
        self.notes_folder = notes
        self.out = out
        self.report: Report | None = None
        self.results: list[bool] = []

    def run(self) -> bool:
        self.check("database", self.database)
        if self.report is not None:
            self.check("search", self.searches)
            self.check("render", self.render)
            self.check("pdf", self.pdf)
            self.check("word and opendocument", self.documents)
        self.check("qt plugins", self.plugins)
        self.check("speech", self.speech)
        self.check("importing", self.importing)
        self.check("your notes", self.notes)
        if self.report is not None:
            self.report.close()
        passed = all(self.results) and len(self.results) == CHECKS
        self.out(f"self-test {'passed' if passed else 'FAILED'}: {sum(self.results)} of {CHECKS} checks")
        return passed

    def check(self, name: str, fn: Callable[[], str]) -> None:
        try:
            detail = fn()
        except Exception as exc:  # every failure is reported, none stops the others
            self.results.append(False)
            self.out(f"FAIL  {name}: {exc}")
        else:
            self.results.append(True)
            self.out(f"ok    {name}: {detail}")

    def _opened(self) -> Report:
        if self.report is None:
            raise RuntimeError("the report database could not be opened")
        return self.report

    def database(self) -> str:
        report = Report(self.db)
        self.report = report
        digest = hashlib.sha256(default_source_path().read_bytes()).hexdigest()
        if report.metadata.source_sha256 != digest:
            raise ValueError(f"recorded source hash {report.metadata.source_sha256[:12]}... != {digest[:12]}...")
        if not report.refuses_writes():
            raise ValueError("the database accepted a write")
        return f"{self.db.name} read-only, {len(report.document.sections)} sections, source {digest[:12]}..."

    def searches(self) -> str:
        report = self._opened()
        for query, expected in KNOWN_SEARCHES.items():
            got = [h.id for h in report.search(query)]
            if got != expected:
                raise ValueError(f"{query!r} found {got}, expected {expected}")
        return f"{len(KNOWN_SEARCHES)} queries gave their known hits"

    def render(self) -> str:
        html = render_section(self._opened().document, "plan/areas/2/1").html
        if "加快构建现代化集疏运体系" not in html:
            raise ValueError("the section's title is missing from its page")
        return f"plan/areas/2/1 rendered ({len(html):,} characters of HTML)"

    def pdf(self) -> str:
        from pypdf import PdfReader

        from ..printing.pdf import export_pdf

        with tempfile.TemporaryDirectory() as tmp:
            result = export_pdf(self._opened().document, ["plan/areas/2"], Path(tmp) / "self-test.pdf")
            text = "".join(page.extract_text() for page in PdfReader(result.path).pages)
        radicals = [c for c in text if 0x2E80 <= ord(c) <= 0x2FDF]
        if "加快构建现代化集疏运体系" not in text.replace("\n", "") or radicals:
            raise ValueError(f"the PDF's text is not the report's (radicals: {''.join(radicals[:5])})")
        return f"{result.pages} page(s), {result.size:,} bytes, Chinese text extracts exactly"

    def documents(self) -> str:
        """The export libraries are in the build (python-docx and lxml; odfpy with its styles and meta)."""
        import io
        import zipfile

        from ...report.docx_export import to_docx
        from ..exporting.documents import render

        doc = self._opened().document
        word = to_docx(doc, ["plan/areas/2/1"])
        body = zipfile.ZipFile(io.BytesIO(word)).read("word/document.xml").decode("utf-8")
        odt = render(doc, ["plan/areas/2/1"], "odt")
        content = zipfile.ZipFile(io.BytesIO(odt)).read("content.xml").decode("utf-8")
        if "加快构建现代化集疏运体系" not in body or 'w:eastAsia="宋体"' not in body:
            raise ValueError("the Word document lacks the section or its Chinese font")
        names = zipfile.ZipFile(io.BytesIO(odt)).namelist()
        if "text:outline-level" not in content or not {"styles.xml", "meta.xml"} <= set(names):
            raise ValueError("the OpenDocument file lacks its outline, its styles or its metadata")
        return f"Word {len(word):,} bytes, OpenDocument {len(odt):,} bytes"

    def speech(self) -> str:
        """Qt's text-to-speech module and its engines are in the build: its mock engine (no voice needed)
        speaks a sentence from start to end."""
        from PySide6.QtCore import QEventLoop, QTimer

        from ..speech.read_aloud import quiet_audio_probe

        quiet_audio_probe()
        from PySide6.QtTextToSpeech import QTextToSpeech

        engines = QTextToSpeech.availableEngines()
        if "mock" not in engines:
            raise ValueError(f"the speech engines found are {engines}")
        tts = QTextToSpeech("mock")
        loop = QEventLoop()
        tts.stateChanged.connect(lambda state: loop.quit() if state == QTextToSpeech.State.Ready else None)
        QTimer.singleShot(5000, loop.quit)
        tts.say("提速西部陆海新通道建设。")
        loop.exec()
        if tts.state() != QTextToSpeech.State.Ready:
            raise ValueError(f"the mock engine did not finish a sentence ({tts.state().name})")
        return f"engines: {', '.join(engines)}"

    def importing(self) -> str:
        """A small report, as a GB18030 text file, read, recognised and built into a database of its own in a
        temporary folder, then searched: what an import needs (charset-normalizer, sqlite-utils) is here."""
        import tempfile

        from ...report.build import build_database
        from ...report.genre import recognise
        from ...report.importing import extract

        lines = ["2026年某市政府工作报告", "——2026年1月20日在某市第一届人民代表大会第一次会议上", "市长　某某",
                 "一、2025年工作回顾", "（一）稳住经济。全市地区生产总值增长5%。", "二、2026年工作安排",
                 "（一）發展低空经济。建设通用机场。"]  # fmt: skip
        got = extract("\r\n".join(lines).encode("gb18030"))
        if got.encoding != "gb18030" or got.paragraphs != lines:
            raise ValueError(f"the text came back as {got.encoding}: {got.paragraphs[:2]}")
        doc = recognise(got.paragraphs).document
        with tempfile.TemporaryDirectory() as tmp:
            build_database(doc, Path(tmp) / "r.db")
            report = Report(Path(tmp) / "r.db")
            try:
                hits = [h.id for h in report.search("低空")]
            finally:
                report.close()
        if hits != ["p2/s1"]:
            raise ValueError(f"the imported report's search found {hits}")
        return f"a GB18030 report read, {len(doc.sections) - 1} sections built and searched"

    def notes(self) -> str:
        """The reader's notes read, each row against its checksum; nothing is created where there are none.
        First a bookmark goes out and back through the exchange format, checked against its shipped schema."""
        from ...notes.exchange import from_json, to_json
        from ...notes.model import Annotation
        from ...notes.store import FILE_NAME, NotesStore

        doc = self._opened().document
        mark = Annotation.new("bookmark", doc.root.children[0], doc.source_sha256)
        if from_json(to_json(doc, doc.source_sha256, [mark])) != [mark]:
            raise ValueError("a bookmark did not come back from the exchange format as it went out")
        if not (self.notes_folder / FILE_NAME).exists():
            return f"the exchange format's schema read; none yet in {self.notes_folder}"
        store = NotesStore(self.notes_folder)
        try:
            if store.unreadable:
                raise ValueError(store.unreadable)
            count, bad = len(store.all(None)), store.mismatches()
        finally:
            store.close()
        if bad:
            raise ValueError(f"{len(bad)} of {count} notes no longer match their checksums: {', '.join(bad[:3])}")
        return f"{count} read, every one matching its checksum" + (f"; {store.recovered}" if store.recovered else "")

    def plugins(self) -> str:
        from PySide6.QtCore import QLibraryInfo, QPluginLoader

        platform = self.app.platformName()
        if not platform:
            raise ValueError("no platform plugin")
        folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "printsupport"
        printing = sorted(p.name for p in folder.glob("*")) if folder.is_dir() else []
        if sys.platform != "win32" and sys.platform != "darwin" and not printing:
            raise ValueError(f"no print-support plugin in {folder}")
        for name in printing:  # loaded, so its libraries resolve; but asked nothing: asking would reach CUPS
            loader = QPluginLoader(str(folder / name))
            if not loader.load():
                raise ValueError(f"the print-support plugin {name} does not load ({loader.errorString()})")
        return f"platform {platform}, print support {', '.join(printing) or 'built in'}"
