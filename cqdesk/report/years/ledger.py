"""The ledger: the targets one year's report set, beside the outcomes the next year's report states.

A target is a clause of 主要预期目标: one per line in the bundled outline, one sentence of prose in a full text
(主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长4%，…。). Its outcome is looked for in the next
report's review, clause by clause; a clause may name several indicators (达到4360.2亿元、增长5.9%，一般公共预算
收入增长3.2%，…), and each one's figures are the ones between its name and the next name.

The status follows the target's wording (RULES below, shown in the view as written there):
- a floor (增长X%, 增长X%左右, X以上, 达到X, 保持正增长) is met when the outcome reaches X;
- a ceiling (涨幅X%左右, 控制在X以内) is within target when the outcome is at or under X;
- a fall (下降X%) is met when the outcome falls by X or more;
- 左右 ("about") allows 0.2 percentage points: 增长6%左右 is met by 5.8%, 涨幅2%左右 is kept by 2.2%.
Where the review states no figure for the indicator in the target's unit, the row says so: never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..figures import UNITS
from ..model import Block, Document
from . import names
from .parts import blocks_of, plan_part, review_part

ABOUT = 0.2  # percentage points that 左右 allows either way

MET, NOT_MET, WITHIN, NOT_STATED = "met", "not met", "within", "not stated"
FLOOR, CEILING, FALL = "floor", "ceiling", "fall"

RULES = {
    FLOOR: "增长X% / X以上 / 保持正增长: met when the outcome reaches X",
    CEILING: "涨幅X% / 控制在X以内: within target when the outcome is at or under X",
    FALL: "下降X%: met when the outcome falls by X or more",
    "about": f"X左右: {ABOUT} percentage points either way count",
}

_UNIT = "|".join(re.escape(u) for u in sorted({*UNITS, "元"}, key=len, reverse=True))
_FIGURE = re.compile(
    rf"(?P<change>增长|下降|降低|上涨|涨幅|提高|达到|突破|超过|为|控制在)?(?P<value>\d+(?:\.\d+)?)(?P<unit>{_UNIT})"
    r"(?P<tail>左右|以上|以内)?"
)
_GOALS = re.compile(r"主要预期目标(?:是|为)?[：:]")
_CLAUSES = re.compile(r"[，；;。！]")
_FALLS = ("下降", "降低")


class LedgerError(ValueError):
    """The two reports cannot make a ledger; the message says why."""


@dataclass(frozen=True)
class Quote:
    text: str  # the sentence (or outline line) as the report has it
    section_id: str
    line_no: int


@dataclass(frozen=True)
class Target:
    indicator: str  # canonical, or the clause's own label when the table has no name for it
    text: str  # the clause as stated: 地区生产总值增长6%左右
    kind: str  # floor, ceiling or fall
    value: float
    unit: str
    about: bool
    quote: Quote


@dataclass(frozen=True)
class Outcome:
    text: str  # the clause as stated: 全市地区生产总值达到4360.2亿元、增长5.9%
    value: float  # signed: a fall is negative
    figure: str  # 5.9%
    amounts: tuple[str, ...]  # other figures stated with it: 4360.2亿元
    quote: Quote


@dataclass(frozen=True)
class Row:
    target: Target
    outcome: Outcome | None
    status: str

    def as_json(self) -> dict[str, object]:
        t, o = self.target, self.outcome
        return {
            "indicator": t.indicator, "target": t.text, "kind": t.kind, "outcome": o.figure if o else None,
            "amounts": list(o.amounts) if o else [], "status": self.status,
            "target_quote": {"text": t.quote.text, "section": t.quote.section_id, "line": t.quote.line_no},
            "outcome_quote": {"text": o.quote.text, "section": o.quote.section_id, "line": o.quote.line_no}
            if o else None,
        }  # fmt: skip


@dataclass
class Ledger:
    plan_year: int
    outcome_year: int
    rows: list[Row]
    unquantified: list[str] = field(default_factory=list)  # targets with no figure (居民收入增长与经济增长同步)


def targets(doc: Document) -> tuple[list[Target], list[str]]:
    """The quantified targets of the report's plan, and the clauses of its targets that have no figure."""
    plan = plan_part(doc)
    if plan is None:
        raise LedgerError("it has no plan part (二、…工作安排)")
    found: list[Target] = []
    plain: list[str] = []
    for block in blocks_of(doc, plan):
        for clause in _goal_clauses(block):
            target = _target(clause, block)
            if target is None:
                plain.append(clause)
            else:
                found.append(target)
        if found and block.kind != "target":
            break  # a full text states its goals in one sentence; the plan's later figures are not goals
    if not found:
        raise LedgerError("its plan states no 主要预期目标")
    return found, plain


def _goal_clauses(block: Block) -> list[str]:
    if block.kind == "target":  # the outline: one target a line
        return [block.text]
    m = _GOALS.search(block.text)
    if not m:
        return []
    sentence = block.text[m.end() :].split("。")[0]
    return [c for c in _CLAUSES.split(sentence) if c.strip()]


def _target(clause: str, block: Block) -> Target | None:
    found = names.mentions(clause)
    figure = _FIGURE.search(clause, found[0].end if found else 0)
    quote = _quote(block, clause)
    if figure is None:
        if clause.endswith("保持正增长"):
            label = found[0].indicator if found else clause[: -len("保持正增长")]
            return Target(label, clause, FLOOR, 0.0, "%", False, quote)
        return None
    if found:
        label = found[0].indicator
    else:  # a name the table does not know: the words before the figure
        label = re.sub(r"(增长|下降|涨幅|达到|控制在)$", "", clause[: figure.start()]) or clause
    change = figure["change"] or ""
    head = clause[: figure.start()]
    if change == "涨幅" or "控制在" in head or figure["tail"] == "以内":
        kind = CEILING
    elif change in _FALLS:
        kind = FALL
    else:
        kind = FLOOR
    return Target(label, clause, kind, float(figure["value"]), figure["unit"], figure["tail"] == "左右", quote)


def outcomes(doc: Document) -> dict[str, list[Outcome]]:
    """Every figure the review states, by indicator, in the order stated."""
    review = review_part(doc)
    if review is None:
        raise LedgerError("it has no review of the year before (一、…工作回顾)")
    out: dict[str, list[Outcome]] = {}
    for block in blocks_of(doc, review):
        for clause in _CLAUSES.split(block.text):
            found = names.mentions(clause)
            for n, mention in enumerate(found):
                end = found[n + 1].start if n + 1 < len(found) else len(clause)
                figures = list(_FIGURE.finditer(clause, mention.end, end))
                if figures:
                    out.setdefault(mention.indicator, []).append(_outcome(clause, figures, block))
    return out


def _outcome(clause: str, figures: list[re.Match[str]], block: Block) -> Outcome:
    # The first percentage is the rate (增长5.9%, 5.1%); the others stand beside it (达到4360.2亿元).
    main = next((f for f in figures if f["unit"] == "%"), figures[0])
    sign = -1.0 if main["change"] in _FALLS else 1.0
    amounts = tuple(f"{f['value']}{f['unit']}" for f in figures if f is not main)
    return Outcome(re.sub(r"^[—●■]+", "", clause), sign * float(main["value"]), _shown(main), amounts,
                   _quote(block, clause))  # fmt: skip


def _quote(block: Block, clause: str) -> Quote:
    """The sentence of the paragraph that holds ``clause`` (its 。 kept), not the whole paragraph."""
    for sentence in re.findall(r"[^。！？]*[。！？]?", block.text):
        if clause in sentence:
            return Quote(sentence, block.section_id, block.line_no)
    return Quote(block.text, block.section_id, block.line_no)


def _shown(f: re.Match[str]) -> str:
    return f"{f['change'] or ''}{f['value']}{f['unit']}"


def _same_unit(target: Target, outcomes: list[Outcome]) -> Outcome | None:
    for o in outcomes:
        unit = re.sub(r"^\D*\d+(?:\.\d+)?", "", o.figure)
        if unit == target.unit:
            return o
    return None


def judge(target: Target, value: float) -> str:
    slack = ABOUT if target.about and target.unit == "%" else 0.0
    if target.kind == CEILING:
        return WITHIN if value <= target.value + slack + 1e-9 else NOT_MET
    if target.kind == FALL:
        return MET if -value >= target.value - slack - 1e-9 else NOT_MET
    if target.value == 0 and target.text.endswith("保持正增长"):
        return MET if value > 0 else NOT_MET
    return MET if value >= target.value - slack - 1e-9 else NOT_MET


def ledger(plan: Document, plan_year: int, outcome: Document, outcome_year: int) -> Ledger:
    """The plan report's targets against the outcome report's review. LedgerError when they cannot pair."""
    if outcome_year != plan_year + 1:
        raise LedgerError(f"the {outcome_year} report reviews {outcome_year - 1}, not {plan_year}")
    try:
        goals, plain = targets(plan)
    except LedgerError as exc:
        raise LedgerError(f"the {plan_year} report cannot be the plan side: {exc}") from None
    try:
        stated = outcomes(outcome)
    except LedgerError as exc:
        raise LedgerError(f"the {outcome_year} report cannot be the outcome side: {exc}") from None
    rows = []
    for t in goals:
        o = _same_unit(t, stated.get(t.indicator, []))
        rows.append(Row(t, o, judge(t, o.value) if o else NOT_STATED))
    return Ledger(plan_year, outcome_year, rows, plain)
