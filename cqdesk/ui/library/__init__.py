"""The library of reports in the window: the Library tab, importing (from a file or the clipboard, with a
look at what was found before anything is stored), and a window for each report the reader opens."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...report.library import Library


@dataclass(frozen=True)
class Shelf:
    """Where the library is: the reader's data folder and the bundled database. The library itself (and the
    importers behind it) is loaded only when first used, so start-up pays nothing for it."""

    data_dir: Path
    bundled_db: Path

    def library(self) -> Library:
        from ...report.library import Library

        return Library(self.data_dir, self.bundled_db)
