"""Related sections: which 2025 items carry on which 2024 tasks, and why.

No word segmenter: the shared strings of two sections are their maximal common substrings
(within runs of Chinese characters, letters and digits). A shared string counts when it is a
quoted term of the report, is at least four characters long, or is a two- or three-character
word found in at most three sections and not a generic verb of government prose (推进, 加快 ...).
Rare and long strings weigh more: score = sum of len^1.5 / (sections containing it). This keeps
the links few and readable: a link is kept at a score of 3 or more, at most three per section,
and each is labelled with its shared strings. A task that no item carries on is linked to the area
(一、… 八、) whose heading shares two or more of its strings that no other area heading has
(8、…美丽重庆 → 六、…美丽中国…生态屏障); a task with neither says so on its page. A character n-gram
weighting was chosen over jieba or rjieba: no dictionary to ship, and the links it gives are explainable
by their labels.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .figures import QUOTED
from .model import Document, Section

_RUN = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]+")
MAX_LEN = 16
THRESHOLD = 3.0
MAX_LINKS = 3
GENERIC = frozenset(
    "推进 加快 提升 建设 发展 实施 深化 持续 推动 打造 促进 全面 工作 体系 能力 水平 强化 构建 协同 深入 优化 "
    "提质 增效 有序 整体 现代化 扩大 地区 提速 环境 治理 服务 保障 事业 能级 战略 使命 攻坚 加快构建 协同推进 深入推进 "
    "持续优化 高质量发展 人民群众 有序推进 提质增效 国际 安全 风险 健康 文化 重点 重大 机制 改革 "
    "不断增强 持续提升 不断完善 持续增强 加快建设 稳步发展".split()
)


@dataclass(frozen=True)
class Link:
    source: str  # a 2024 task
    target: str  # a 2025 item
    score: float
    shared: tuple[str, ...]  # longest first


GENERIC_PHRASES = re.compile("|".join(sorted((g for g in GENERIC if len(g) >= 3), key=len, reverse=True)))


def _substrings(section: Section) -> set[str]:
    return text_substrings(section.own_text)


def text_substrings(text: str) -> set[str]:
    # Generic phrases are cut out first, so their pieces (质量发展 of 高质量发展) cannot count either.
    out = set()
    for run in _RUN.findall(GENERIC_PHRASES.sub(" ", text)):
        for i in range(len(run)):
            for j in range(i + 2, min(len(run), i + MAX_LEN) + 1):
                out.add(run[i:j])
    return out


def related_links(doc: Document) -> list[Link]:
    tasks = [s for s in doc.sections.values() if s.kind == "task"]
    items = [s for s in doc.sections.values() if s.kind == "item"]
    subs = {s.id: _substrings(s) for s in tasks + items}
    df = Counter(x for s in tasks + items for x in subs[s.id])
    quoted = {m for b in doc.blocks for m in QUOTED.findall(b.text)}

    def significant(x: str) -> bool:
        if x.isdigit() or x in GENERIC:
            return False
        return x in quoted or len(x) >= 4 or df[x] <= 3

    links = []
    for t in tasks:
        for i in items:
            shared = {x for x in subs[t.id] & subs[i.id] if significant(x)}
            shared = {x for x in shared if not any(x != y and x in y for y in shared)}  # maximal ones
            score = sum(len(x) ** 1.5 / df[x] for x in shared)
            if score >= THRESHOLD:
                links.append(Link(t.id, i.id, round(score, 2), tuple(sorted(shared, key=lambda x: (-len(x), x)))))
    keep = []
    per: Counter[str] = Counter()
    for link in sorted(
        links, key=lambda k: (-k.score, doc.sections[k.source].position, doc.sections[k.target].position)
    ):
        if per[link.source] < MAX_LINKS and per[link.target] < MAX_LINKS:
            keep.append(link)
            per[link.source] += 1
            per[link.target] += 1
    linked = {k.source for k in keep}
    keep += _area_links(doc, [t for t in tasks if t.id not in linked])
    return sorted(keep, key=lambda k: (doc.sections[k.source].position, doc.sections[k.target].position))


def _area_links(doc: Document, tasks: list[Section]) -> list[Link]:
    """Tasks no item carries on, linked to the area whose heading alone shares two of their strings."""
    areas = [s for s in doc.sections.values() if s.kind == "area"]
    heads = {a.id: text_substrings(a.heading) for a in areas}
    area_df = Counter(x for a in areas for x in heads[a.id])
    links = []
    for t in tasks:
        own = _substrings(t)
        for a in areas:
            shared = {x for x in own & heads[a.id] if area_df[x] == 1 and x not in GENERIC and not x.isdigit()}
            shared = {x for x in shared if not any(x != y and x in y for y in shared)}
            if len(shared) >= 2:
                score = sum(len(x) ** 1.5 for x in shared)
                links.append(Link(t.id, a.id, round(score, 2), tuple(sorted(shared, key=lambda x: (-len(x), x)))))
    return links
