"""Key figures: the 2024 results beside the 2025 targets, paired where both years speak of one indicator.

A result and a target pair when their label and kind of change are the same (地区生产总值 增长:
5.7% then 6%左右). Everything else is listed alone, results first, in the report's order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .figures import LEADING_QUALIFIERS, TRAILING_QUALIFIERS
from .model import Indicator


@dataclass(frozen=True)
class KeyFigure:
    label: str
    change: str
    result: Indicator | None
    target: Indicator | None

    @property
    def display_label(self) -> str:
        """地区生产总值增长: the label with its change; a qualitative change (保持正增长) is the figure itself."""
        return self.label + (self.change if self.change not in ("", "保持正增长") else "")

    @property
    def comparable(self) -> bool:
        """Both years have a number in the same unit: the bar can compare them."""
        r, t = self.result, self.target
        return bool(r and t and r.value is not None and t.value is not None and r.unit == t.unit)


def pair_indicators(indicators: list[Indicator]) -> list[KeyFigure]:
    results = [i for i in indicators if i.role == "result"]
    targets = [i for i in indicators if i.role == "target"]
    used: set[int] = set()
    rows = []
    for r in results:
        match = next(
            (j for j, t in enumerate(targets) if j not in used and (t.label, t.change) == (r.label, r.change)), None
        )
        if match is not None:
            used.add(match)
        rows.append(KeyFigure(r.label, r.change, r, targets[match] if match is not None else None))
    rows += [KeyFigure(t.label, t.change, None, t) for j, t in enumerate(targets) if j not in used]
    return rows


def clause(indicator: Indicator) -> str:
    """The clause of the source line that states the figure (地区生产总值增长6%左右), to open and mark."""
    figure = f"{indicator.value}{indicator.unit}" if indicator.value is not None else indicator.change
    for part in re.split(r"[，、；。]", indicator.statement.lstrip("●■")):
        if figure and figure in part:
            return part
    return indicator.statement


def figure_text(indicator: Indicator | None) -> str:
    """预计 5.7% / 6%左右 / 保持正增长: the figure as the report states it."""
    if indicator is None:
        return ""
    if indicator.value is None:
        return indicator.change
    leading = [q for q in indicator.qualifier.split(",") if q in LEADING_QUALIFIERS]
    trailing = [q for q in indicator.qualifier.split(",") if q in TRAILING_QUALIFIERS]
    return "".join(leading) + ("" if not leading else " ") + f"{indicator.value}{indicator.unit}" + "".join(trailing)
