"""The ledger and the new wording for paper and other programs: as headings, lines and tables (the items the
report's own exports are made of), as HTML for the screen, the preview and the PDF, and the ledger as CSV.

Exports speak the interface's language around the reports' own text (which is always quoted as written).
"""

from __future__ import annotations

import csv
import html
import io
from dataclasses import dataclass

from ..export import Heading, Item, Line, Table, text_width
from ..model import Document
from .alignment import Pair as Aligned
from .ledger import ABOUT, CEILING, FALL, FLOOR, MET, NOT_MET, NOT_STATED, WITHIN, Ledger, Row
from .wording import Wording


@dataclass(frozen=True)
class Labels:
    ledger: str  # {plan} {outcome}
    header: tuple[str, ...]
    statuses: dict[str, str]  # by status; "not stated" takes {year}
    rules: tuple[str, ...]
    unquantified: str
    wording: str
    new: str
    dropped: str
    kept: str
    count: str
    counts: str  # {old} {new}
    alignment: str
    alone: str
    term: str
    shared: str


LABELS = {
    "zh_CN": Labels(
        "{plan}年目标完成情况（{outcome}年报告所述）",
        ("指标", "目标", "完成情况", "其他数据", "结果", "目标原文", "完成情况原文"),
        {MET: "完成", NOT_MET: "未完成", WITHIN: "控制在目标内", NOT_STATED: "{year}年报告未说明"},
        ("下限目标（增长X%、X以上、保持正增长）：实际达到X即为完成。",
         "上限目标（涨幅X%、控制在X以内）：实际不超过X即为控制在目标内。",
         "下降目标（下降X%）：实际降幅不小于X即为完成。",
         f"“左右”：上下{ABOUT}个百分点以内视为达到。"),
        "未量化的目标（不作比较）：",
        "新提法", "新出现的用语", "不再出现的用语", "两年都有的用语", "次数", "{old}年 → {new}年",
        "工作安排对照", "（上一年没有措辞相近的部分）", "用语", "共同的用语",
    ),
    "en": Labels(
        "The {plan} targets and what the {outcome} report says was achieved",
        ("Indicator", "Target", "Outcome", "Other figures", "Status", "Target as stated", "Outcome as stated"),
        {MET: "met", NOT_MET: "not met", WITHIN: "within target", NOT_STATED: "not stated in the {year} report"},
        ("A floor (增长X%, X以上, 保持正增长) is met when the outcome reaches X.",
         "A ceiling (涨幅X%, 控制在X以内) is within target when the outcome is at or under X.",
         "A fall (下降X%) is met when the outcome falls by X or more.",
         f"左右 (about): {ABOUT} percentage points either way count."),
        "Targets without a figure (not compared): ",
        "New wording", "Only in the newer report", "Only in the older report", "In both", "count",
        "{old} → {new}", "The plans side by side", "(nothing in the older plan shares its wording)", "Term",
        "Terms both share",
    ),
}  # fmt: skip

KINDS = {FLOOR: 0, CEILING: 1, FALL: 2}


def status_text(row: Row, ledger: Ledger, labels: Labels) -> str:
    return labels.statuses[row.status].format(year=ledger.outcome_year)


def ledger_table(ledger: Ledger, labels: Labels, quotes: bool = True) -> Table:
    header = list(labels.header if quotes else labels.header[:5])
    rows = []
    for r in ledger.rows:
        o = r.outcome
        row = [r.target.indicator, r.target.text, o.figure if o else "", "、".join(o.amounts) if o else "",
               status_text(r, ledger, labels)]  # fmt: skip
        if quotes:
            row += [r.target.quote.text, o.quote.text if o else ""]
        rows.append(row)
    return Table(header, rows)


def ledger_title(ledger: Ledger, labels: Labels) -> str:
    return labels.ledger.format(plan=ledger.plan_year, outcome=ledger.outcome_year)


def ledger_items(ledger: Ledger, labels: Labels) -> list[Item]:
    """The table, the rules, then each target's two sentences under its indicator (the title is the page's)."""
    items: list[Item] = [ledger_table(ledger, labels, quotes=False)]
    items += [Line(rule, "text") for rule in labels.rules]
    if ledger.unquantified:
        items.append(Line(labels.unquantified + "；".join(ledger.unquantified), "text"))
    for r in ledger.rows:
        items.append(Heading(1, r.target.indicator, r.target.quote.section_id))
        items.append(Line(f"{labels.header[5]}：{r.target.quote.text}", "text"))
        if r.outcome:
            items.append(Line(f"{labels.header[6]}：{r.outcome.quote.text}", "text"))
        else:
            items.append(Line(status_text(r, ledger, labels), "text"))
    return items


def wording_title(old_year: int, new_year: int, labels: Labels) -> str:
    return f"{labels.wording}（{old_year}—{new_year}）"


def wording_items(w: Wording, old_year: int, new_year: int, labels: Labels) -> list[Item]:
    counts = labels.counts.format(old=old_year, new=new_year)
    return [
        Heading(1, labels.new, ""),
        Table([labels.term, labels.count], [[t.term, str(t.new)] for t in w.new]),
        Heading(1, labels.dropped, ""),
        Table([labels.term, labels.count], [[t.term, str(t.old)] for t in w.dropped]),
        Heading(1, labels.kept, ""),
        Table([labels.term, counts], [[t.term, f"{t.old} → {t.new}"] for t in w.kept]),
    ]


def ledger_csv(ledger: Ledger, labels: Labels) -> bytes:
    """UTF-8 with a BOM, so that Excel and WPS open the Chinese as Chinese."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    table = ledger_table(ledger, labels)
    writer.writerow([*table.header, "section (target)", "section (outcome)"])
    for r, row in zip(ledger.rows, table.rows, strict=True):
        writer.writerow([*row, r.target.quote.section_id, r.outcome.quote.section_id if r.outcome else ""])
    return out.getvalue().encode("utf-8-sig")


def items_html(title: str, items: list[Item]) -> str:
    """One self-contained page: what the screen shows, the preview previews and the PDF prints."""
    body = []
    for item in items:
        if isinstance(item, Heading):
            body.append(f"<h{item.level + 1}>{html.escape(item.text)}</h{item.level + 1}>")
        elif isinstance(item, Table):
            # Columns as wide as their longest cell (within reason): 序号 is not as wide as 项目.
            longest = [max(text_width(item.header[c]) + 6,
                           min(40, max((text_width(row[c]) for row in item.rows), default=0)))
                       for c in range(len(item.header))]  # fmt: skip
            head = "".join(f'<th width="{round(100 * n / sum(longest))}%">{html.escape(h)}</th>'
                           for h, n in zip(item.header, longest, strict=True))  # fmt: skip
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in item.rows)
            # The full width of the page (an attribute: Qt's rich text reads no CSS width on tables).
            body.append(f'<table class="grid" width="100%"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>')
        else:
            body.append(f"<p>{html.escape(item.text)}</p>")
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            "<style>table.grid{border-collapse:collapse}table.grid th,table.grid td"
            "{border:1px solid #888;padding:3px 6px;font-size:9.5pt}th{text-align:left;white-space:nowrap}"
            "h1{font-size:14pt}h2{font-size:12pt}"
            "h3{font-size:11pt}</style></head><body>"
            f"<h1>{html.escape(title)}</h1>{''.join(body)}</body></html>")  # fmt: skip


def alignment_table(pairs: list[Aligned], old: Document, new: Document, old_name: str, new_name: str,
                    labels: Labels) -> Table:  # fmt: skip
    """Each division of the newer plan, the older plan's that shares most with it, and what they share."""
    return Table(
        [new_name, old_name, labels.shared],
        [[new.sections[p.new].heading, old.sections[p.old].heading if p.old else labels.alone, "、".join(p.shared[:6])]
         for p in pairs],
    )  # fmt: skip
