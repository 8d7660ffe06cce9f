"""The keyword index: the report's quoted terms and numbered programmes, where they occur, how often.

Computed from the source lines when the database is built. A term's count in a section is
its number of occurrences in that section's own lines, so the counts of a term add up to
its occurrences in the whole source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .figures import QUOTED
from .model import Document

# Unquoted names led by a numeral: 六大应用系统, 三级治理中心, 三级为农服务中心.
_NUMBERED_NAME = re.compile(r"[一二三四五六七八九十]+[大级][^，。、“”\s■●]{1,6}?(?:系统|中心|行动)")
# The report's counted headings: 抓10项主要工作, 聚力抓好8个方面工作, 接续办好15件重点民生实事, 做好4方面工作.
_NUMBERED_HEADING = re.compile(r"\d+(?:项主要工作|个方面工作|件重点民生实事|方面工作)")


@dataclass(frozen=True)
class Keyword:
    term: str
    kind: str  # "quoted" or "numbered"
    total: int
    sections: tuple[tuple[str, int], ...]  # (section id, count) in document order


def extract_keywords(doc: Document) -> list[Keyword]:
    terms: dict[str, str] = {}
    for block in doc.blocks:
        for m in QUOTED.finditer(block.text):
            terms.setdefault(m.group(1), "quoted")
        for pattern in (_NUMBERED_NAME, _NUMBERED_HEADING):
            for m in pattern.finditer(block.text):
                terms.setdefault(m.group(0), "numbered")
    ordered = sorted(doc.sections.values(), key=lambda s: s.position)
    out = []
    for term, kind in terms.items():
        where = tuple((s.id, n) for s in ordered if (n := sum(b.text.count(term) for b in s.blocks)))
        out.append(Keyword(term, kind, sum(n for _, n in where), where))
    # Most frequent first, then in the order the report first uses them.
    first = {k.term: doc.sections[k.sections[0][0]].position for k in out}
    return sorted(out, key=lambda k: (-k.total, first[k.term], k.term))
