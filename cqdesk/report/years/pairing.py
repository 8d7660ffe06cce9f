"""Two reports of the library taken as a pair, older first, with the checks that make the pair meaningful."""

from __future__ import annotations

from dataclasses import dataclass

from ..library import Entry, Library, LibraryError
from ..model import Document
from ..store import Report, ReportError
from .ledger import Ledger, LedgerError, ledger
from .wording import Wording, wording


@dataclass
class Pair:
    old: Entry
    new: Entry
    old_report: Report
    new_report: Report

    @property
    def old_doc(self) -> Document:
        return self.old_report.document

    @property
    def new_doc(self) -> Document:
        return self.new_report.document

    def ledger(self) -> Ledger:
        assert self.old.year is not None and self.new.year is not None
        return ledger(self.old_doc, self.old.year, self.new_doc, self.new.year)

    def wording(self) -> Wording:
        return wording(full_text(self.old_doc), full_text(self.new_doc))

    def close(self) -> None:
        self.old_report.close()
        self.new_report.close()


def full_text(doc: Document) -> str:
    return "\n".join(b.text for b in doc.blocks)


def entries(library: Library, first: str, second: str, same_region: bool = True) -> tuple[Entry, Entry]:
    """The two entries, older first. LedgerError (the reader's words) when they do not make a pair."""
    if first == second:
        raise LedgerError("that is the same report twice; choose two reports")
    try:
        a, b = library.entry(first), library.entry(second)
    except LibraryError as exc:
        raise LedgerError(str(exc)) from None
    if same_region and a.region != b.region:
        raise LedgerError(f"{a.shown_name} is of {a.region or 'an unknown region'} and {b.shown_name} of "
                          f"{b.region or 'an unknown region'}: compare two reports of one region")  # fmt: skip
    for e in (a, b):
        if e.year is None:
            raise LedgerError(f"the year of {e.shown_name} is not known")
    if a.year == b.year:
        raise LedgerError(f"both reports are of {a.year}; choose reports of two years")
    return (a, b) if (a.year or 0) < (b.year or 0) else (b, a)


def open_pair(library: Library, first: str, second: str, same_region: bool = True) -> Pair:
    old, new = entries(library, first, second, same_region)
    try:
        old_report = Report(old.path)
    except ReportError as exc:
        raise LedgerError(str(exc)) from None
    try:
        new_report = Report(new.path)
    except ReportError as exc:
        old_report.close()
        raise LedgerError(str(exc)) from None
    return Pair(old, new, old_report, new_report)
