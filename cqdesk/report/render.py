"""Render sections as HTML for the detail pane and for paper (one renderer for both).

Every source line is rendered as its own paragraph with its characters intact,
so the text a reader sees, copies and prints is the source's. All text is
escaped; the only links are internal ``cqdesk:`` section references.
"""

from __future__ import annotations

import html
import itertools
from dataclasses import dataclass
from urllib.parse import quote

from .figures import FIGURE
from .model import Block, Document, Indicator, Section
from .normalize import find_spans

LINK_SCHEME = "cqdesk"
BODY_LINE_HEIGHT = "130%"  # body lines and ■ key points alike: about 1.9 em with a CJK font


@dataclass(frozen=True)
class Palette:
    """Colours of the rendered page; the UI derives one from the system palette."""

    text: str = "#1d1d1f"
    muted: str = "#6e6e73"
    heading: str = "#8b1a1a"
    link: str = "#8b1a1a"
    figure: str = "#b3261e"
    keypoint_bg: str = "#f6efe6"
    hit_bg: str = "#ffe58a"
    hit_text: str = "#000000"
    current_hit_bg: str = "#ff9f1c"


LIGHT = Palette()
# Dark: light text and warm accents on a dark page; the marks keep dark text on their own light background.
DARK = Palette("#e8e8ea", "#a1a1a6", "#ff8a80", "#ff8a80", "#ffab91", "#3a3128", "#c9a227", "#000000", "#ff9f1c")
# Paper: black on white, key points on light grey, no marks.
PRINT = Palette("#000000", "#333333", "#000000", "#000000", "#000000", "#eeeeee", "#ffffff", "#000000", "#ffffff")


@dataclass(frozen=True)
class Rendered:
    html: str
    hit_count: int


def section_url(sid: str, passage: str = "") -> str:
    """cqdesk:plan/livelihood, or with #passage (percent-encoded): open the section at that passage, marked."""
    return f"{LINK_SCHEME}:{sid}" + (f"#{quote(passage, safe='')}" if passage else "")


class _Writer:
    def __init__(self, palette: Palette, terms: list[str], current_hit: int | None, links: bool) -> None:
        self.p = palette
        self.terms = terms
        self.current_hit = current_hit
        self.links = links
        self.hits = 0
        self.out: list[str] = []

    def inline(self, text: str) -> str:
        """Escaped text with figures emphasised and search hits marked (each hit gets an anchor)."""
        figures = [m.span() for m in FIGURE.finditer(text)]
        hits = find_spans(text, self.terms) if self.terms else []
        cuts = sorted({0, len(text), *(x for span in figures + hits for x in span)})
        parts: list[str] = []
        for a, b in itertools.pairwise(cuts):
            seg = html.escape(text[a:b], quote=False)
            if any(s <= a < e for s, e in figures):
                seg = f'<b style="color:{self.p.figure}">{seg}</b>'
            hit = next((h for h in hits if h[0] <= a < h[1]), None)
            if hit is not None:
                if hit[0] == a:
                    self.hits += 1
                    parts.append(f'<a name="hit-{self.hits}"></a>')
                bg = self.p.current_hit_bg if self.hits == self.current_hit else self.p.hit_bg
                seg = f'<span style="background-color:{bg}; color:{self.p.hit_text}">{seg}</span>'
            parts.append(seg)
        return "".join(parts)

    def heading(self, doc: Document, section: Section, level: int) -> None:
        text = self.inline(section.heading)
        if self.links and level > 1:
            text = (
                f'<a href="{section_url(section.id)}" style="color:{self.p.heading}; text-decoration:none">{text}</a>'
            )
        # Size keywords, not percentages: Qt's rich text scales keywords with the default font (and zoom).
        size = {1: "xx-large", 2: "x-large", 3: "large", 4: "large"}.get(level, "medium")
        margin = 18 if level <= 2 else 12
        # The report's title is centred like the occasion and speaker lines under it (a cover's layout).
        align = ' align="center"' if section.parent is None else ""
        self.out.append(
            f'<h{min(level, 6)}{align} style="color:{self.p.heading}; font-size:{size}; margin-top:{margin}px; '
            f'margin-bottom:6px"><a name="section-{html.escape(section.id)}"></a>{text}</h{min(level, 6)}>'
        )

    def block(self, block: Block) -> None:
        text = self.inline(block.text)
        p = self.p
        if block.kind == "keypoint":
            # The same line height as body text: one rhythm down the page.
            self.out.append(
                f'<table width="100%" cellspacing="0" cellpadding="6" style="margin-top:4px; margin-bottom:8px">'
                f'<tr><td style="background-color:{p.keypoint_bg}">'
                f'<p style="margin:0px; line-height:{BODY_LINE_HEIGHT}">{text}</p></td></tr></table>'
            )
        elif block.kind in ("occasion", "speaker"):
            self.out.append(f'<p align="center" style="color:{p.muted}; margin:2px">{text}</p>')
        elif block.kind == "heading":  # a heading line that differs from the display title ("2024")
            self.out.append(f'<p style="color:{p.muted}; font-size:large; margin-bottom:0px">{text}</p>')
        else:
            self.out.append(f'<p style="margin-top:4px; margin-bottom:6px; line-height:{BODY_LINE_HEIGHT}">{text}</p>')


@dataclass(frozen=True)
class RelatedNote:
    """What the detail pane says under a section: links to related sections, in the UI's words."""

    title: str  # 相关内容
    shared: str  # 共同：
    links: list[tuple[str, tuple[str, ...]]]  # (section id, shared terms)
    empty: str = ""  # said under the title when there are no links (why there are none)


def reference(doc: Document, sid: str) -> str:
    """二、1. 加快构建现代化集疏运体系: the section's numbering path and title ("" for the whole report)."""
    chain = doc.path(sid)
    if not chain:
        return ""
    last = chain[-1]
    return "".join(c.label for c in chain[:-1]) + last.label + (" " if last.label.endswith(".") else "") + last.title


def render_section(
    doc: Document,
    sid: str,
    palette: Palette = LIGHT,
    terms: list[str] | None = None,
    current_hit: int | None = None,
    links: bool = True,
    breadcrumb: bool = True,
    related: RelatedNote | None = None,
) -> Rendered:
    """HTML of a section with its subsections; hits of ``terms`` are marked and numbered from 1."""
    w = _Writer(palette, terms or [], current_hit, links)
    section = doc.sections[sid]
    if breadcrumb and section.parent is not None:
        w.out.append(_breadcrumb(doc, section, palette, links))
    _render_tree(w, doc, section, level=1)
    if related and (related.links or related.empty):
        p = palette
        w.out.append(
            f'<p style="color:{p.muted}; margin-top:18px; margin-bottom:4px"><b>{html.escape(related.title)}</b></p>'
        )
        if not related.links:
            w.out.append(f'<p style="color:{p.muted}; margin:2px">{html.escape(related.empty)}</p>')
        for target, shared in related.links:
            name = html.escape(reference(doc, target))
            link = f'<a href="{section_url(target)}" style="color:{p.link}">{name}</a>' if links else name
            note = html.escape(related.shared + "、".join(shared))
            w.out.append(f'<p style="margin:2px">→ {link} <span style="color:{p.muted}">（{note}）</span></p>')
    return Rendered(_page(w.out, palette), w.hits)


def printable_selection(doc: Document, sids: list[str]) -> list[str]:
    """The sections to print: known ids, in document order, without any inside another one chosen."""
    chosen = {s for s in sids if s in doc.sections}

    def inside_chosen(sid: str) -> bool:
        return any(a.id in chosen for a in doc.ancestors(sid))

    return sorted((s for s in chosen if not inside_chosen(s)), key=lambda s: doc.sections[s].position)


def render_cover(doc: Document, sids: list[str], included: str) -> str:
    """The head of a printed selection: the report's title, occasion and speaker, and what it holds."""
    names = "；".join(html.escape(doc.sections[s].heading) for s in sids)
    return (
        f'<p align="center" style="font-size:x-large; margin-bottom:4px"><b>{html.escape(doc.title)}</b></p>'
        f'<p align="center" style="margin:2px">{html.escape(doc.occasion_line)}</p>'
        f'<p align="center" style="margin:2px">{html.escape(f"{doc.speaker_role} {doc.speaker}")}</p>'
        f'<p style="margin-top:10px; margin-bottom:14px; color:#333333">{html.escape(included)} {names}</p><hr/>'
    )


def render_sections(doc: Document, sids: list[str], palette: Palette = PRINT, prefix: str = "") -> str:
    """Several sections for paper, in document order whatever order they were given in.

    Each starts with its path in the report (unless it is a part or the whole report), so an
    item printed alone still says where it belongs. ``prefix`` is ready HTML put first (a cover).
    """
    w = _Writer(palette, [], None, links=False)
    if prefix:
        w.out.append(prefix)
    for sid in printable_selection(doc, sids):
        section = doc.sections[sid]
        if section.parent not in (None, doc.root.id):
            w.out.append(_breadcrumb(doc, section, palette, links=False, include_root=False))
        _render_tree(w, doc, section, level=1)
    return _page(w.out, palette)


def _table(w: _Writer, header: list[str], rows: list[list[str]]) -> None:
    """A plain table (cells are ready HTML), every row's cells on one baseline."""
    p = w.p
    head = "".join(f'<th align="left" style="background-color:{p.keypoint_bg}">{h}</th>' for h in header)
    # Cells align on the baseline: a bold Latin figure beside Chinese text would otherwise sit higher.
    body = "".join("<tr>" + "".join(f'<td valign="baseline">{c}</td>' for c in row) + "</tr>" for row in rows)
    w.out.append(
        f'<table width="100%" border="1" cellspacing="0" cellpadding="5" '
        f'style="border-collapse:collapse; border-color:{p.muted}; margin-top:6px">'
        f"<tr>{head}</tr>{body}</table>"
    )


def _linked(w: _Writer, text: str, sid: str, passage: str = "") -> str:
    """A quiet link: a figure stays a figure (its own colour, no underline); the pointer shows it is a link."""
    if not (w.links and text):
        return text
    return f'<a href="{section_url(sid, passage)}" style="color:{w.p.text}; text-decoration:none">{text}</a>'


def _render_view(w: _Writer, doc: Document, section: Section, level: int) -> None:
    from .key_figures import clause, figure_text, pair_indicators
    from .views import KEY_FIGURES_ID, livelihood_projects

    w.heading(doc, section, level)
    if section.id == KEY_FIGURES_ID:

        def cell(indicator: Indicator | None) -> str:
            if indicator is None:
                return ""
            return _linked(w, w.inline(figure_text(indicator)), indicator.section_id, clause(indicator))

        rows = [[html.escape(f.display_label), cell(f.result), cell(f.target)] for f in pair_indicators(doc.indicators)]
        _table(w, ["指标", "2024年", "2025年"], rows)
    else:
        rows = [
            [
                str(pr.number),
                _linked(w, w.inline(pr.text), "plan/livelihood", pr.text),
                html.escape("、".join(pr.amounts)),
            ]
            for pr in livelihood_projects(doc)
        ]
        _table(w, ["序号", "项目", "数量"], rows)


def _render_tree(w: _Writer, doc: Document, section: Section, level: int) -> None:
    if section.kind == "view":
        _render_view(w, doc, section, level)
        return
    blocks = list(section.blocks)
    # The heading line shown as the title is not repeated; a differing one ("2024") stays visible above it.
    for b in blocks:
        if b.kind == "heading" and b.text != section.heading:
            w.block(b)
    w.heading(doc, section, level)
    shown = [
        b for b in blocks if b.kind not in ("heading", "title") or (b.kind == "title" and b.text != section.heading)
    ]
    # Own lines and children interleave in source order (the plan's ● bullets follow its targets).
    entries: list[tuple[int, Block | Section]] = [(b.line_no, b) for b in shown]
    for cid in section.children:
        child = doc.sections[cid]
        # A view has no lines of its own: it follows everything of its parent.
        first = min((b.line_no for b in _first_blocks(doc, child)), default=10**9)
        entries.append((first, child))
    entries.sort(key=lambda e: e[0])
    for _, item in entries:
        if isinstance(item, Block):
            w.block(item)
        else:
            _render_tree(w, doc, item, level + 1)


def _first_blocks(doc: Document, section: Section) -> list[Block]:
    if section.blocks:
        return section.blocks
    for cid in section.children:
        found = _first_blocks(doc, doc.sections[cid])
        if found:
            return found
    return []


def _breadcrumb(doc: Document, section: Section, p: Palette, links: bool, include_root: bool = True) -> str:
    chain = [s for s in doc.ancestors(section.id) if include_root or s.parent is not None]
    parts = []
    for s in reversed(chain):
        label = html.escape(s.heading if s.parent else doc.title)
        parts.append(
            f'<a href="{section_url(s.id)}" style="color:{p.link}; text-decoration:none">{label}</a>'
            if links
            else label
        )
    sep = f'<span style="color:{p.muted}"> › </span>'
    # An h6 that looks like a plain line: as a heading it stays on the page of what follows it.
    style = f"color:{p.muted}; font-size:small; font-weight:normal; margin-top:8px; margin-bottom:2px"
    return f'<h6 style="{style}">{sep.join(parts)}</h6>'


def _page(body: list[str], p: Palette) -> str:
    return f'<html><body style="color:{p.text}">' + "\n".join(body) + "</body></html>"
