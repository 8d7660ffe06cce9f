"""Turn the quantitative statements of 主要经济指标 and 主要预期目标 into indicator rows.

A statement is one source line. It can hold several clauses joined by 、
("达到3.2万亿元、增长5.7%": the second clause keeps the first one's label) or name
several indicators at once with 分别 ("工业投资、民间投资分别增长11.2%、8.1%").
A statement with no figure ("进出口总额保持正增长") is kept as a qualitative row.
"""

from __future__ import annotations

import re

from .figures import CLAUSE_FIGURE, LEADING_QUALIFIERS, WHOLE_FIGURE
from .model import Indicator, Section

_PERIOD_WORDS = ("全年",)
_CHANGES = "达到|突破|增长|下降|涨幅|超过"
_QUALITATIVE = ("保持正增长", "保持稳定")

_CLAUSE = re.compile(rf"^(?P<label>.*?)(?P<change>{_CHANGES})?{CLAUSE_FIGURE}")
_RESPECTIVELY = re.compile(rf"^(?P<labels>.+?)分别(?P<change>{_CHANGES})(?P<values>.+)$")
_FIGURE = WHOLE_FIGURE


def _strip_leading(text: str) -> tuple[str, list[str]]:
    qualifiers = []
    changed = True
    while changed:
        changed = False
        for word in LEADING_QUALIFIERS:
            if text.startswith(word):
                qualifiers.append(word)
                text = text[len(word) :]
                changed = True
        for word in _PERIOD_WORDS:
            if text.startswith(word):
                text = text[len(word) :]
                changed = True
    return text, qualifiers


def parse_statement(statement: str) -> list[dict[str, str | None]]:
    """Split one statement into rows of label, value, unit, change and qualifier."""
    body, leading = _strip_leading(statement)

    m = _RESPECTIVELY.match(body)
    if m:
        labels = m["labels"].split("、")
        values = m["values"].split("、")
        if len(labels) != len(values):
            raise ValueError(f"{statement!r}: {len(labels)} labels but {len(values)} figures")
        rows = []
        for label, figure in zip(labels, values, strict=True):
            f = _FIGURE.match(figure)
            if not f:
                raise ValueError(f"{statement!r}: cannot read the figure {figure!r}")
            rows.append(_row(label, f["value"], f["unit"], m["change"], leading, f["tail"]))
        return rows

    for phrase in _QUALITATIVE:
        if body.endswith(phrase):
            return [_row(body[: -len(phrase)], None, "", phrase, leading, None)]

    rows = []
    label = ""
    for clause in body.split("、"):
        c = _CLAUSE.match(clause)
        if not c:
            raise ValueError(f"{statement!r}: cannot read the clause {clause!r}")
        label = c["label"] or label
        if not label:
            raise ValueError(f"{statement!r}: a figure without a label")
        rows.append(_row(label, c["value"], c["unit"], c["change"] or "", leading, c["tail"]))
    return rows


def _row(
    label: str, value: str | None, unit: str, change: str, leading: list[str], tail: str | None
) -> dict[str, str | None]:
    qualifiers = [*leading, *([tail] if tail else [])]
    return {"label": label, "value": value, "unit": unit, "change": change, "qualifier": ",".join(qualifiers)}


def parse_indicators(sections: dict[str, Section]) -> list[Indicator]:
    """Indicator rows from the review's 主要经济指标 and the plan's 主要预期目标."""
    rows: list[Indicator] = []
    plan_year = int(sections["plan"].title[:4])
    for sid, kind, role, year in (
        ("review/indicators", "indicator", "result", plan_year - 1),
        ("plan/targets", "target", "target", plan_year),
    ):
        for block in sections[sid].blocks if sid in sections else []:
            if block.kind != kind:
                continue
            for r in parse_statement(block.text):
                rows.append(
                    Indicator(
                        label=str(r["label"]),
                        value=r["value"],
                        unit=str(r["unit"]),
                        change=str(r["change"]),
                        year=year,
                        role=role,
                        qualifier=str(r["qualifier"]),
                        section_id=sid,
                        line_no=block.line_no,
                        statement=block.text,
                    )
                )
    return rows
