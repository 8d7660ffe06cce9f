"""How the report writes a figure: its units, the words around it, and the patterns that find it.

One place for these rules: the renderer emphasises figures with them, the indicator parser reads the
targets and results with them, and the livelihood table takes each project's amounts with them.
"""

from __future__ import annotations

import re

# Longest first, so 万亿元 is not read as 万.
UNITS = (
    "万亿元", "亿元", "万平方米", "平方米", "万元", "万人次", "人次", "万人", "万家", "公里",
    "个", "座", "处", "条", "所", "家", "户", "天", "%", "万",
)  # fmt: skip
LEADING_QUALIFIERS = ("预计", "力争")
TRAILING_QUALIFIERS = ("左右", "以上")
QUOTED = re.compile(r"“([^”]+)”")  # a quoted term of the report: “33618”, “四千行动”

_NUMBER = r"\d+(?:\.\d+)?"
_UNIT = "|".join(UNITS)
_TAIL = "|".join(TRAILING_QUALIFIERS)
_NOT_AFTER = r"(?<![0-9A-Za-z.])"  # a figure starts a number: not 3B of T3B, not the 5 of 2.5

FIGURE = re.compile(rf"{_NOT_AFTER}{_NUMBER}(?:{_UNIT})(?:{_TAIL})?")  # 3.2万亿元, 6%左右; not years
AMOUNT = re.compile(rf"{_NOT_AFTER}{_NUMBER}(?:{_UNIT})?(?:{_TAIL})?")  # 100个, 12万人次以上, a bare 50 too
WHOLE_FIGURE = re.compile(rf"^(?P<value>{_NUMBER})(?P<unit>{_UNIT})(?P<tail>{_TAIL})?$")
CLAUSE_FIGURE = rf"(?P<value>{_NUMBER})(?P<unit>{_UNIT})(?P<tail>{_TAIL})?$"
