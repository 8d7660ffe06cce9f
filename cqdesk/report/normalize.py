"""Search normalisation: NFKC and case folding, with a map back to the original text.

Each character is normalised on its own, so a normalised offset always maps back
to one original character (NFKC turns Ⅱ into "II" and ＡＩ into "AI"; highlights
must still land on the characters the reader sees).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SURROGATES = re.compile("[\ud800-\udfff]")


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch).casefold()


def clean(text: str) -> str:
    """Replace lone surrogates (which cannot be encoded) by U+FFFD, which never matches."""
    return _SURROGATES.sub("\ufffd", text)


# Characters that fold to themselves (CJK ideographs, lower-case ASCII letters, digits, spaces and line
# ends: most of a report): passed over. Only the runs between them are folded, a character at a time as
# ever, so a report folds in under a millisecond.
_STABLE = "\u4e00-\u9fffa-z0-9 \n"
_UNSTABLE_RUNS = re.compile(f"[^{_STABLE}]+")


@lru_cache(maxsize=4096)
def _fold_run(run: str) -> str:
    return "".join(_fold_char(ch) for ch in run)


def fold(text: str) -> str:
    """The normalised form used for both the index and the query: each character folded on its own."""
    return _UNSTABLE_RUNS.sub(lambda m: _fold_run(m.group()), clean(text))


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Normalised text and, for each of its characters, the index of the original character."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        out.append(folded)
        index.extend([i] * len(folded))
    return "".join(out), index


MAX_TERMS = 64  # every term must match, so more only narrow a result that is already empty


def query_terms(query: str, max_terms: int = MAX_TERMS, variants: dict[str, str] | None = None) -> list[str]:
    """Split a query into normalised, distinct terms (white space separates terms).

    ``variants`` maps traditional characters to the simplified ones of the report (鄉 -> 乡),
    so 鄉村振興 finds 乡村振兴. More than ``max_terms`` terms are cut: every term must
    match, so a longer query only narrows an already empty result.
    """
    folded = fold(query)
    if variants:
        folded = folded.translate(str.maketrans(dict[str, str | int | None](variants)))
    terms: dict[str, None] = {}  # distinct, in order; a dict, since a list's membership test made a
    for raw in folded.split():  # 50,000-term paste quadratic (16 s)
        terms.setdefault(raw)
        if len(terms) == max_terms:
            break
    return list(terms)


def too_many_terms(query: str, max_terms: int = MAX_TERMS) -> bool:
    """Whether a query has more distinct terms than are searched (the rest are left out: say so)."""
    return len(query_terms(query, max_terms + 1)) > max_terms


def find_spans(text: str, terms: list[str], folded: str | None = None) -> list[tuple[int, int]]:
    """Spans (start, end) in ``text`` of every occurrence of any term, merged, in order.

    ``folded`` may pass ``fold(text)`` when it is known; where folding kept every
    character one character long, offsets are the same in both and no map is built.
    """
    if folded is not None and len(folded) == len(text):
        index: range | list[int] = range(len(text))
    else:
        folded, index = fold_with_map(text)
    spans: list[tuple[int, int]] = []
    for term in terms:
        if not term:
            continue
        start = folded.find(term)
        while start != -1:
            end = start + len(term)
            spans.append((index[start], index[end - 1] + 1))
            start = folded.find(term, start + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged
