"""A term across the years: how often each report of the library uses it.

A count is of the term's occurrences in the report's whole text, compared as search compares (NFKC and case
folded), so that the count and the search it opens agree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..normalize import fold


@dataclass(frozen=True)
class Point:
    id: str
    region: str
    year: int | None
    title: str
    count: int

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "region": self.region, "year": self.year, "title": self.title, "count": self.count}


class Texts:
    """Each report's folded text, read once (a library of fifty reports is read in one pass, then kept)."""

    def __init__(self, read: Callable[[str], str]) -> None:
        self._read = read
        self._texts: dict[str, str] = {}

    def __getitem__(self, rid: str) -> str:
        if rid not in self._texts:
            self._texts[rid] = fold(self._read(rid))
        return self._texts[rid]

    def forget(self, rid: str) -> None:
        self._texts.pop(rid, None)


def trend(term: str, reports: Iterable[tuple[str, str, int | None, str]], texts: Texts) -> list[Point]:
    """One point per report (id, region, year, title), by region then year."""
    folded = fold(term.strip())
    if not folded:
        raise ValueError("type a term to count")
    points = [Point(rid, region, year, title, texts[rid].count(folded)) for rid, region, year, title in reports]
    return sorted(points, key=lambda p: (p.region, p.year or 0, p.id))
