"""New wording (新提法): the terms only the newer report uses, the ones only the older one used, and both.

No word segmenter and no dictionary (as for the related sections): a term is
- a quoted expression, “33618” or “具身智能”, however often it is used; or
- a string of two to sixteen Chinese characters or letters that the report uses at least twice, taken whole
  (a string that only ever appears inside a longer such term, as often as it, is that term), leaving out the
  generic words of government prose (推进, 加快, 高质量发展 …), units (亿元), strings that start or end with
  a particle (的, 了, 在, 和 …) and anything with a digit in it (years, counts).
A term is new when the older report never uses it, dropped when the newer one never does; the kept terms are
those both use, with the two counts.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..figures import QUOTED, UNITS
from ..related import GENERIC, GENERIC_PHRASES

MIN_LEN, MAX_LEN = 2, 16
MIN_COUNT = 2
_PARTICLES = frozenset("的了在和与是等为及对将把并以之")  # a string that starts or ends with one is not a word
_RUN = re.compile(r"[\u4e00-\u9fffA-Za-z]+")


@dataclass(frozen=True)
class Term:
    term: str
    old: int  # its count in the older report
    new: int  # and in the newer one

    def as_json(self, which: str) -> dict[str, object]:
        if which == "new":
            return {"term": self.term, "count": self.new}
        if which == "dropped":
            return {"term": self.term, "count": self.old}
        return {"term": self.term, "old": self.old, "new": self.new}


@dataclass
class Wording:
    new: list[Term]
    dropped: list[Term]
    kept: list[Term]

    def as_json(self) -> dict[str, object]:
        return {which: [t.as_json(which) for t in getattr(self, which)] for which in ("new", "dropped", "kept")}


def terms(text: str) -> Counter[str]:
    """The report's terms with their counts, by the rule above."""
    quoted = {q for q in QUOTED.findall(text) if 1 < len(q) <= MAX_LEN}
    plain = " ".join(_RUN.findall(GENERIC_PHRASES.sub(" ", QUOTED.sub(" ", text)))) + " "
    repeated: dict[str, int] = {}
    # Grown a character at a time, only where the shorter string repeats (a longer one can repeat only there).
    starts = [i for i in range(len(plain) - MIN_LEN) if " " not in plain[i : i + MIN_LEN]]
    length = MIN_LEN
    while starts and length <= MAX_LEN:
        counts = Counter(plain[i : i + length] for i in starts)
        level = {g: n for g, n in counts.items() if n >= MIN_COUNT}
        repeated.update((g, n) for g, n in level.items() if _word_like(g))
        starts = [i for i in starts if plain[i : i + length] in level and plain[i + length] != " "]
        length += 1
    # Whole: a string exactly as often as a string one character longer that holds it is only ever part of
    # that one (and so of the longest such term).
    absorbed: dict[str, set[int]] = {}
    for g, n in repeated.items():
        if len(g) > MIN_LEN:
            absorbed.setdefault(g[:-1], set()).add(n)
            absorbed.setdefault(g[1:], set()).add(n)
    out = Counter({g: n for g, n in repeated.items() if n not in absorbed.get(g, ())})
    for q in quoted:
        out[q] = text.count(q)  # quoted once, written bare elsewhere: every use counts
    return out


def _word_like(gram: str) -> bool:
    return gram not in GENERIC and gram not in UNITS and gram[0] not in _PARTICLES and gram[-1] not in _PARTICLES


def wording(old_text: str, new_text: str) -> Wording:
    old, new = terms(old_text), terms(new_text)
    both = [Term(t, old_text.count(t), n) for t, n in new.items() if t in old_text]
    both += [Term(t, n, new_text.count(t)) for t, n in old.items() if t in new_text and t not in new]
    return Wording(
        new=sorted((Term(t, 0, n) for t, n in new.items() if t not in old_text), key=_by_count),
        dropped=sorted((Term(t, n, 0) for t, n in old.items() if t not in new_text), key=_by_count),
        kept=sorted(both, key=lambda t: (-abs(t.new - t.old), -(t.new + t.old), t.term)),
    )


def _by_count(t: Term) -> tuple[int, int, str]:
    return (-(t.new + t.old), -len(t.term), t.term)
