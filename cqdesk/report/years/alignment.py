"""Each division of the newer plan beside the division of the older plan that shares most wording with it.

The same measure as the related sections within one report (related.py): the maximal strings two texts share,
weighed by length and rarity. A division with nothing significant in common with any of the older plan's says
so rather than being paired with the least bad.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import Document
from ..related import GENERIC, THRESHOLD, text_substrings
from .parts import blocks_of, plan_part, units


@dataclass(frozen=True)
class Pair:
    new: str  # a section id of the newer report
    old: str | None  # the older report's section it shares most with, if any
    shared: tuple[str, ...]  # longest first
    score: float


def align(old: Document, new: Document) -> list[Pair]:
    old_plan, new_plan = plan_part(old), plan_part(new)
    if old_plan is None or new_plan is None:
        return []
    olds, news = units(old, old_plan), units(new, new_plan)
    text = {("old", s.id): "\n".join(b.text for b in blocks_of(old, s)) for s in olds}
    text |= {("new", s.id): "\n".join(b.text for b in blocks_of(new, s)) for s in news}
    subs = {k: text_substrings(v) for k, v in text.items()}
    df = Counter(x for v in subs.values() for x in v)
    pairs = []
    for n in news:
        best: tuple[float, str | None, tuple[str, ...]] = (0.0, None, ())
        for o in olds:
            shared = {x for x in subs[("new", n.id)] & subs[("old", o.id)]
                      if not x.isdigit() and x not in GENERIC and (len(x) >= 3 or df[x] <= 2)}  # fmt: skip
            shared = {x for x in shared if not any(x != y and x in y for y in shared)}
            score = sum(len(x) ** 1.5 / df[x] for x in shared)
            if score > best[0]:
                best = (score, o.id, tuple(sorted(shared, key=lambda x: (-len(x), x))))
        score, oid, terms = best
        pairs.append(Pair(n.id, oid, terms, round(score, 2)) if score >= THRESHOLD else Pair(n.id, None, (), 0.0))
    return pairs
