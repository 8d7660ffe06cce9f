"""The indicators a work report sets targets for, each with the names the genre gives it.

One table: the ledger matches a target to its outcome by it, and a reader's term never needs to. A name is
matched whole and the longest name wins, so 人均地区生产总值 and 单位地区生产总值能耗 are never read as
地区生产总值; indicators that are not targets are in the table too, so that their figures are claimed by them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# canonical name: the other names it goes by (the canonical one is a name too)
INDICATORS: dict[str, tuple[str, ...]] = {
    "地区生产总值": ("GDP", "经济总量"),
    "人均地区生产总值": ("人均GDP",),
    "一般公共预算收入": ("地方一般公共预算收入",),
    "城镇新增就业": ("新增城镇就业", "城镇新增就业人数"),
    "城镇调查失业率": ("城镇登记失业率", "调查失业率"),
    "居民人均可支配收入": ("全体居民人均可支配收入", "居民收入"),
    "城镇居民人均可支配收入": (),
    "农村居民人均可支配收入": (),
    "居民消费价格": ("CPI", "居民消费价格指数"),
    "单位地区生产总值能耗": ("单位GDP能耗", "能耗强度", "单位地区生产总值能源消耗"),
    "固定资产投资": ("全社会固定资产投资",),
    "社会消费品零售总额": ("社零总额",),
    "进出口总额": ("外贸进出口总额", "外贸进出口", "货物进出口总额"),
    "规上工业增加值": ("规模以上工业增加值", "工业增加值"),
    "服务业增加值": (),
    "粮食产量": ("粮食总产量",),
    "研发经费投入强度": ("研发投入强度", "R&D经费投入强度"),
}

_BY_NAME = {name: canon for canon, others in INDICATORS.items() for name in (canon, *others)}
_NAMES = re.compile("|".join(re.escape(n) for n in sorted(_BY_NAME, key=len, reverse=True)))


@dataclass(frozen=True)
class Mention:
    indicator: str  # the canonical name
    name: str  # as written
    start: int
    end: int


def canonical(name: str) -> str | None:
    return _BY_NAME.get(name)


def mentions(text: str) -> list[Mention]:
    """Every indicator named in ``text``, left to right (the longest name at each place)."""
    return [Mention(_BY_NAME[m.group()], m.group(), m.start(), m.end()) for m in _NAMES.finditer(text)]
