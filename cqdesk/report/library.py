"""The library of reports: the bundled one, and those the reader imported, each in its own read-only database.

Imported reports live in the reader's data folder under ``reports/``, one ``<id>.db`` each, built by the
same builder as ``data/report.db``, with their provenance (the file's name and SHA-256, when it was
imported, its format and encoding) in the database's metadata. A display name the reader gives one is kept
in ``reports/names.json``. An import is atomic: the database is written to a temporary file and renamed into
place, so a crash, a kill or a full disk leaves the library as it was.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from .atomic import write_atomic
from .genre import NotAReport, Recognised, recognise
from .importing import Extracted, ImportFailed, extract
from .integrity import sha256_hex
from .store import Report, ReportError, connect_readonly

BUNDLED = "bundled"
FOLDER = "reports"
NAMES = "names.json"


class NotLikeAReport(ImportFailed):
    """The text reads, but not as a government work report; it may be imported anyway, as paragraphs."""


class LibraryError(Exception):
    """A library action failed; the message is meant for the reader. Nothing was changed."""


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    region: str
    year: int | None
    path: Path
    bundled: bool = False
    name: str = ""  # the reader's display name, if given
    provenance: dict[str, str] = field(default_factory=dict)

    @property
    def shown_name(self) -> str:
        return self.name or self.title

    def as_json(self) -> dict[str, object]:
        out: dict[str, object] = {"id": self.id, "title": self.title, "name": self.shown_name,
                                  "region": self.region, "year": self.year, "bundled": self.bundled}  # fmt: skip
        if self.provenance:
            out["source"] = self.provenance
        return out


@dataclass
class Plan:
    """What an import would store, shown before anything is: the report found, its counts, its warnings."""

    source: Path
    sha256: str
    extracted: Extracted
    recognised: Recognised
    id: str
    duplicate_of: str = ""

    @property
    def warnings(self) -> list[str]:
        return self.extracted.warnings + self.recognised.warnings

    def as_json(self) -> dict[str, object]:
        doc = self.recognised.document
        return {
            "id": self.duplicate_of or self.id,
            "file": str(self.source),
            "title": doc.title,
            "region": self.recognised.region,
            "year": self.recognised.year,
            "format": self.extracted.format,
            "encoding": self.extracted.encoding,
            "sections": len(doc.sections) - 1,
            "paragraphs": len(doc.blocks),
            "characters": sum(len(b.text) for b in doc.blocks),
            "warnings": self.warnings,
            **({"already_imported": True} if self.duplicate_of else {}),
        }


class Library:
    def __init__(self, data_dir: Path, bundled_db: Path) -> None:
        self.folder = Path(data_dir) / FOLDER
        self.bundled_db = Path(bundled_db)

    # -- listing and opening ------------------------------------------------------------------------------

    def entries(self) -> list[Entry]:
        """The bundled report first, then the imported ones by region and year."""
        out = [self._bundled()]
        names = self._names()
        imported = []
        for db in sorted(self.folder.glob("*.db")) if self.folder.is_dir() else []:
            meta = _metadata(db)
            if meta is None:
                continue  # damaged, or half a file of another program: not listed, never opened
            year = meta.get("import_year", "")
            imported.append(Entry(db.stem, meta.get("import_title", db.stem), meta.get("import_region", ""),
                                  int(year) if year.isdigit() else None, db, name=names.get(db.stem, ""),
                                  provenance={k.removeprefix("import_"): v for k, v in meta.items()
                                              if k.startswith("import_")}))  # fmt: skip
        return out + sorted(imported, key=lambda e: (e.region, e.year or 0, e.id))

    def _bundled(self) -> Entry:
        return Entry(BUNDLED, "2025年重庆市政府工作报告", "重庆市", 2025, self.bundled_db, bundled=True)

    def entry(self, rid: str) -> Entry:
        for e in self.entries():
            if e.id == rid:
                return e
        raise LibraryError(f"no report {rid!r} in the library (see 'cqdesk library')")

    def open(self, rid: str = BUNDLED) -> Report:
        return Report(self.entry(rid).path)

    # -- importing ----------------------------------------------------------------------------------------

    def plan(self, source: Path, force: bool = False) -> Plan:
        """Read and recognise ``source`` without storing anything. ImportFailed says why it cannot be."""
        try:
            data = Path(source).read_bytes()
        except IsADirectoryError:
            raise ImportFailed("it is a folder, not a file") from None
        except OSError as exc:
            raise ImportFailed(exc.strerror or str(exc)) from None
        return self.plan_data(data, Path(source), force)

    def plan_data(self, data: bytes, source: Path, force: bool = False) -> Plan:
        """The same for bytes that are not a file of their own (text pasted from the clipboard): ``source``
        names them in the provenance."""
        extracted = extract(data)
        try:
            recognised = recognise(extracted.paragraphs, force=force)
        except NotAReport as exc:
            raise NotLikeAReport(str(exc)) from None
        sha = sha256_hex(data)
        recognised.document.source_sha256 = sha
        rid = f"{recognised.year or 'report'}-{sha[:10]}"
        duplicate = next((e.id for e in self.entries() if e.provenance.get("sha256") == sha), "")
        return Plan(source, sha, extracted, recognised, rid, duplicate)

    def store(self, plan: Plan) -> Entry:
        """Build the planned report's database, atomically. The same file twice is refused."""
        from .build import build_database

        if plan.duplicate_of:
            raise LibraryError(f"it is already in the library as {plan.duplicate_of}")
        doc = plan.recognised.document
        provenance = {
            "file": plan.source.name, "sha256": plan.sha256, "format": plan.extracted.format,
            "encoding": plan.extracted.encoding, "imported": datetime.now(UTC).isoformat(timespec="seconds"),
            "title": doc.title, "region": plan.recognised.region, "year": str(plan.recognised.year or ""),
        }  # fmt: skip
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            build_database(doc, self.folder / f"{plan.id}.db", provenance)
        except OSError as exc:
            reason = "the disk is full" if exc.errno == 28 else (exc.strerror or str(exc))
            raise LibraryError(f"{reason}; the library is as it was") from None
        except sqlite3.Error as exc:
            reason = "the disk is full" if "full" in str(exc) else str(exc)
            raise LibraryError(f"{reason}; the library is as it was") from None
        return self.entry(plan.id)

    # -- changing -----------------------------------------------------------------------------------------

    def rename(self, rid: str, name: str) -> None:
        """The display name alone; the report's own title is its text's."""
        if self.entry(rid).bundled:
            raise LibraryError("the bundled report keeps its name")
        names = self._names()
        names[rid] = name.strip()
        if not names[rid]:
            del names[rid]
        write_atomic(self.folder / NAMES, json.dumps(names, ensure_ascii=False, indent=1).encode("utf-8"))

    def remove(self, rid: str) -> None:
        """Take an imported report out of the library (the reader's notes on it are kept, in the notes)."""
        entry = self.entry(rid)
        if entry.bundled:
            raise LibraryError("the bundled report cannot be removed")
        try:
            entry.path.unlink()
        except OSError as exc:
            raise LibraryError(f"not removed: {exc.strerror or exc}") from None

    def _names(self) -> dict[str, str]:
        try:
            names = json.loads((self.folder / NAMES).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(names, dict):
            return {}
        return {k: v for k, v in names.items() if isinstance(k, str) and isinstance(v, str) and len(v) <= 200}


def _metadata(db: Path) -> dict[str, str] | None:
    try:
        conn = connect_readonly(db)
    except ReportError:
        return None
    try:
        return {str(k): str(v) for k, v in conn.execute("SELECT key, value FROM metadata")}
    except sqlite3.Error:
        return None
    finally:
        conn.close()
