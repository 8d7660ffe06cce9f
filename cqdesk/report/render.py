"""Render sections as HTML for the detail pane and for paper (one renderer for both).

Every source line is rendered as its own paragraph with its characters intact,
so the text a reader sees, copies and prints is the source's. All text is
escaped; the only links are internal ``cqdesk:`` section references.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING
from urllib.parse import quote

from .figures import FIGURE
from .model import Block, Document, Indicator, Section
from .normalize import find_spans

if TYPE_CHECKING:
    from .compare import CompareLabels, Comparison

LINK_SCHEME = "cqdesk"
BODY_LINE_HEIGHT = "130%"  # body lines and ■ key points alike: about 1.9 em with a CJK font
LARGE_PRINT_LINE_HEIGHT = "145%"  # large print: wider lines (about 2.1 em), so the eye finds the next one


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
# High contrast: white text on black, yellow links, search hits as black on yellow and cyan (as the
# high-contrast themes of Windows draw them); figures stay bold but white.
HIGH_CONTRAST = Palette(
    "#ffffff", "#e0e0e0", "#ffffff", "#ffff00", "#ffffff", "#1f1f1f", "#ffff00", "#000000", "#00ffff"
)
# Paper: black on white, key points on light grey, no marks.
PRINT = Palette("#000000", "#333333", "#000000", "#000000", "#000000", "#eeeeee", "#ffffff", "#000000", "#ffffff")


# The reader's highlight colours: light backgrounds under black text, legible in either theme and on paper.
HIGHLIGHTS = {"yellow": "#fff1a8", "green": "#c9efc4", "blue": "#cde2ff", "pink": "#ffd3e6"}
# The sentence being read aloud: a mark of its own, unlike any of the reader's colours (black on it: 14:1).
SPEAKING = "speaking"
SPEAKING_GROUND = "#ffcf8a"
SHARED_ON_PAPER = "#dcdcdc"  # a comparison's shared terms on paper (black on it: 15:1)
MARK_SCHEME = "cqdesk-mark"  # links on the reader's own marks: cqdesk-mark:<annotation id>


@dataclass(frozen=True)
class PageMark:
    """A highlight or note of the reader's, placed in its section's own text (Section.own_text offsets);
    a note without a passage (no colour) belongs to the whole section and shows under its heading."""

    start: int
    end: int
    color: str
    id: str = ""
    note: str = ""  # when set, a numbered marker follows the mark


@dataclass(frozen=True)
class Rendered:
    html: str
    hit_count: int


def section_url(sid: str, passage: str = "") -> str:
    """cqdesk:plan/livelihood, or with #passage (percent-encoded): open the section at that passage, marked."""
    return f"{LINK_SCHEME}:{sid}" + (f"#{quote(passage, safe='')}" if passage else "")


class _Writer:
    def __init__(
        self,
        palette: Palette,
        terms: list[str],
        current_hit: int | None,
        links: bool,
        marks: Mapping[str, list[PageMark]] | None = None,
        line_height: str = BODY_LINE_HEIGHT,
    ) -> None:
        self.p = palette
        self.line_height = line_height
        self.terms = terms
        self.current_hit = current_hit
        self.links = links
        self.marks = marks or {}
        self.hits = 0
        self.notes: list[PageMark] = []  # the notes shown so far, numbered from 1 in page order
        self.out: list[str] = []

    def inline(self, text: str, marks: list[PageMark] | None = None, link_marks: bool = True, lead: int = 0) -> str:
        """Escaped text with figures emphasised, the reader's highlights under it, search hits marked (each
        hit gets an anchor) and a numbered marker after each highlight that carries a note. The first
        ``lead`` characters are a lead sentence: bold, in the headings' colour."""
        marks = sorted(marks or [], key=lambda m: (m.start, m.end))
        figures = [m.span() for m in FIGURE.finditer(text)]
        hits = find_spans(text, self.terms) if self.terms else []
        spans = [(m.start, m.end) for m in marks]
        cuts = sorted({0, len(text), lead, *(x for span in figures + hits + spans for x in span)})
        notes_after: dict[int, list[PageMark]] = {}
        for m in marks:
            if m.note:
                notes_after.setdefault(m.end, []).append(m)
        parts: list[str] = []
        active: list[PageMark] = []  # the marks over the current piece, swept along the text
        taken = 0
        for a, b in itertools.pairwise(cuts):
            seg = html.escape(text[a:b], quote=False)
            hit = next((h for h in hits if h[0] <= a < h[1]), None)
            while taken < len(marks) and marks[taken].start <= a:
                active.append(marks[taken])
                taken += 1
            active = [m for m in active if m.end > a]
            mark = active[-1] if active else None  # where marks overlap, the one that began last shows
            if any(s <= a < e for s, e in figures):
                # On a mark's light ground a figure takes the mark's dark text (the figure colour of the dark
                # theme would be unreadable there); bold still sets it apart.
                plain = hit is not None or mark is not None
                seg = f"<b>{seg}</b>" if plain else f'<b style="color:{self.p.figure}">{seg}</b>'
            if hit is not None:
                if hit[0] == a:
                    self.hits += 1
                    parts.append(f'<a name="hit-{self.hits}"></a>')
                bg = self.p.current_hit_bg if self.hits == self.current_hit else self.p.hit_bg
                seg = f'<span style="background-color:{bg}; color:{self.p.hit_text}">{seg}</span>'
            if mark is not None:  # outside the hit's span: Qt lets the inner background win, so hits show
                bg = SPEAKING_GROUND if mark.color == SPEAKING else HIGHLIGHTS.get(mark.color, HIGHLIGHTS["yellow"])
                seg = f'<span style="background-color:{bg}; color:#000000">{seg}</span>'
                if self.links and link_marks and mark.id:  # a click or a right-click on it finds the highlight
                    href = f"{MARK_SCHEME}:{html.escape(mark.id)}"
                    seg = f'<a href="{href}" style="color:#000000; text-decoration:none">{seg}</a>'
            if a < lead:
                seg = f'<b style="color:{self.p.heading}">{seg}</b>'
            parts.append(seg)
            parts += [self.note_marker(m) for m in notes_after.get(b, [])]
        return "".join(parts)

    def note_marker(self, mark: PageMark) -> str:
        self.notes.append(mark)
        n = len(self.notes)
        if not self.links:
            return f"<sup>[{n}]</sup>"
        return f'<a href="{MARK_SCHEME}:{html.escape(mark.id)}" style="color:{self.p.link}"><sup>[{n}]</sup></a>'

    def section_notes(self, section: Section) -> None:
        """A section's own notes, under its heading: a marker and the text, as written."""
        for m in self.marks.get(section.id, []):
            if m.note and not m.color:
                marker = self.note_marker(m)
                body = html.escape(m.note).replace(chr(10), "<br/>")
                self.out.append(
                    f'<table width="100%" cellspacing="0" cellpadding="6" style="margin-top:2px; margin-bottom:6px">'
                    f'<tr><td style="border-left:3px solid {self.p.link}"><p style="margin:0px; color:{self.p.muted}">'
                    f"{marker} {body}</p></td></tr></table>"
                )

    def heading(self, doc: Document, section: Section, level: int, marks: list[PageMark] | None = None) -> None:
        text = self.inline(section.heading, marks, link_marks=False)  # the heading is a link already
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

    def lead(self, section: Section, block: Block, marks: list[PageMark] | None = None) -> None:
        """A section whose title is the first sentence of its first paragraph, as official texts open one:
        the paragraph once, its lead sentence bold (the sites' way), where a heading would repeat it."""
        text = self.inline(block.text, marks, lead=len(section.heading) + 1)
        self.out.append(
            f'<p style="margin-top:10px; margin-bottom:6px; line-height:{self.line_height}">'
            f'<a name="section-{html.escape(section.id)}"></a>{text}</p>'
        )

    def block(self, block: Block, marks: list[PageMark] | None = None) -> None:
        text = self.inline(block.text, marks)
        p = self.p
        if block.kind == "keypoint":
            # The same line height as body text: one rhythm down the page.
            self.out.append(
                f'<table width="100%" cellspacing="0" cellpadding="6" style="margin-top:4px; margin-bottom:8px">'
                f'<tr><td style="background-color:{p.keypoint_bg}">'
                f'<p style="margin:0px; line-height:{self.line_height}">{text}</p></td></tr></table>'
            )
        elif block.kind in ("occasion", "speaker"):
            self.out.append(f'<p align="center" style="color:{p.muted}; margin:2px">{text}</p>')
        elif block.kind == "heading":  # a heading line that differs from the display title ("2024")
            self.out.append(f'<p style="color:{p.muted}; font-size:large; margin-bottom:0px">{text}</p>')
        else:
            self.out.append(f'<p style="margin-top:4px; margin-bottom:6px; line-height:{self.line_height}">{text}</p>')


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


def cite(doc: Document, sid: str) -> str:
    """《2025年重庆市政府工作报告》二、1. 加快构建…: the report's title and where in it a passage stands."""
    return f"《{doc.title}》{reference(doc, sid)}"


def render_section(
    doc: Document,
    sid: str,
    palette: Palette = LIGHT,
    terms: list[str] | None = None,
    current_hit: int | None = None,
    links: bool = True,
    breadcrumb: bool = True,
    related: RelatedNote | None = None,
    marks: Mapping[str, list[PageMark]] | None = None,
    line_height: str = BODY_LINE_HEIGHT,
) -> Rendered:
    """HTML of a section with its subsections; hits of ``terms`` are marked and numbered from 1; ``marks``
    gives the reader's highlights and notes by section."""
    w = _Writer(palette, terms or [], current_hit, links, marks, line_height)
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
        f'<p class="cover-title" align="center" style="font-size:x-large; margin-bottom:4px">'
        f"<b>{html.escape(doc.title)}</b></p>"
        f'<p align="center" style="margin:2px">{html.escape(doc.occasion_line)}</p>'
        f'<p align="center" style="margin:2px">{html.escape(f"{doc.speaker_role} {doc.speaker}")}</p>'
        f'<p style="margin-top:10px; margin-bottom:14px; color:#333333">{html.escape(included)} {names}</p><hr/>'
    )


def render_sections(
    doc: Document,
    sids: list[str],
    palette: Palette = PRINT,
    prefix: str = "",
    marks: Mapping[str, list[PageMark]] | None = None,
    line_height: str = BODY_LINE_HEIGHT,
) -> str:
    """Several sections for paper, in document order whatever order they were given in.

    Each starts with its path in the report (unless it is a part or the whole report), so an
    item printed alone still says where it belongs. ``prefix`` is ready HTML put first (a cover).
    """
    w = _Writer(palette, [], None, links=False, marks=marks, line_height=line_height)
    if prefix:
        w.out.append(prefix)
    for sid in printable_selection(doc, sids):
        section = doc.sections[sid]
        if section.parent not in (None, doc.root.id):
            w.out.append(_breadcrumb(doc, section, palette, links=False, include_root=False))
        _render_tree(w, doc, section, level=1)
        _end_notes(w)
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
    marks = _block_marks(section, w.marks.get(section.id, []))
    # The heading line shown as the title is not repeated; a differing one ("2024") stays visible above it.
    for b in leading_lines(section):
        w.block(b, marks.get(b.line_no))
    title = next((b for b in blocks if b.kind == "title" and b.text == section.heading), None)
    lead = section.lead
    if lead is None:
        w.heading(doc, section, level, marks.get(title.line_no) if title else None)
    w.section_notes(section)
    for item in section_body(doc, section):
        if item is lead:
            w.lead(section, lead, marks.get(lead.line_no))
        elif isinstance(item, Block):
            w.block(item, marks.get(item.line_no))
        else:
            _render_tree(w, doc, item, level + 1)


def leading_lines(section: Section) -> list[Block]:
    """Heading lines that differ from the section's title ("2024" above 2024年工作回顾): shown above it."""
    return [b for b in section.blocks if b.kind == "heading" and b.text != section.heading]


def section_body(doc: Document, section: Section) -> list[Block | Section]:
    """What follows a section's heading, in source order: its own lines and its subsections interleaved
    (the plan's ● bullets follow its targets). Every renderer and exporter walks the report this way."""
    shown = [
        b
        for b in section.blocks
        if b.kind not in ("heading", "title") or (b.kind == "title" and b.text != section.heading)
    ]
    entries: list[tuple[int, Block | Section]] = [(b.line_no, b) for b in shown]
    for cid in section.children:
        child = doc.sections[cid]
        # A view has no lines of its own: it follows everything of its parent.
        first = min((b.line_no for b in _first_blocks(doc, child)), default=10**9)
        entries.append((first, child))
    entries.sort(key=lambda e: e[0])
    return [item for _, item in entries]


def _block_marks(section: Section, marks: list[PageMark]) -> dict[int, list[PageMark]]:
    """The section's marks cut to its lines (own_text joins them with newlines), offsets made line-relative."""
    out: dict[int, list[PageMark]] = {}
    offset = 0
    for b in section.blocks:
        end = offset + len(b.text)
        for m in marks:
            if m.start < end and m.end > offset and m.color:
                last = m.end <= end  # the note's marker goes after the mark's last piece only
                out.setdefault(b.line_no, []).append(
                    PageMark(max(m.start, offset) - offset, min(m.end, end) - offset, m.color, m.id,
                             m.note if last else "")
                )  # fmt: skip
        offset = end + 1
    return out


def _end_notes(w: _Writer) -> None:
    """On paper, the notes of what was just printed, numbered as their markers, after it."""
    if not w.notes:
        return
    items = "".join(f'<p style="margin:2px">[{n}] {html.escape(m.note).replace(chr(10), "<br/>")}</p>'
                    for n, m in enumerate(w.notes, 1))  # fmt: skip
    w.out.append(f'<div style="margin-top:6px; margin-bottom:10px; font-size:small">{items}</div>')
    w.notes = []


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
    return f'<h6 class="path" style="{style}">{sep.join(parts)}</h6>'


def _page(body: list[str], p: Palette) -> str:
    return f'<html><body style="color:{p.text}">' + "\n".join(body) + "</body></html>"


def render_compare(
    doc: Document,
    comparison: Comparison,
    labels: CompareLabels,
    palette: Palette = LIGHT,
    links: bool = True,
    line_height: str = BODY_LINE_HEIGHT,
) -> Rendered:
    """Two columns, 2024 on the left and 2025 on the right, each side's sections in full with the terms the
    two sides share marked on both: for the screen, for paper and for every export (one renderer)."""
    if palette.hit_bg.lower() == "#ffffff":  # paper marks no search hits; the shared terms it shows on grey
        palette = replace(palette, hit_bg=SHARED_ON_PAPER, current_hit_bg=SHARED_ON_PAPER)
    p = palette
    terms = list(comparison.shared)
    subject = doc.sections[comparison.subject]
    out = [
        f'<p style="color:{p.muted}; margin-bottom:2px">{html.escape(labels.title)}</p>',
        f'<h1 style="color:{p.heading}; font-size:x-large; margin-top:0px; margin-bottom:6px">'
        f"{html.escape(reference(doc, subject.id) or subject.heading)}</h1>",
    ]
    if terms:
        words = "、".join(f'<span style="background-color:{p.hit_bg}; color:{p.hit_text}">{html.escape(t)}</span>'
                         for t in terms)  # fmt: skip
        out.append(f'<p style="margin-top:0px; margin-bottom:8px">{html.escape(labels.shared)}{words}</p>')
    hits = 0
    cells = []
    for side in (comparison.review, comparison.plan):
        w = _Writer(palette, terms, None, links, None, line_height)
        w.hits = hits  # hit anchors numbered across both columns
        for sid in side:  # each under its place in the report
            w.out.append(_breadcrumb(doc, doc.sections[sid], palette, links, include_root=False))
            _render_tree(w, doc, doc.sections[sid], level=2)
        if not side:
            w.out.append(f'<p style="color:{p.muted}">{html.escape(labels.empty)}</p>')
        hits = w.hits
        cells.append("\n".join(w.out))
    head = "".join(
        f'<th align="left" width="50%" style="background-color:{p.keypoint_bg}">{html.escape(t)}</th>'
        for t in (labels.review, labels.plan)
    )
    out.append(
        f'<table width="100%" border="1" cellspacing="0" cellpadding="8" '
        f'style="border-collapse:collapse; border-color:{p.muted}">'
        f'<tr>{head}</tr><tr><td valign="top" width="50%">{cells[0]}</td>'
        f'<td valign="top" width="50%">{cells[1]}</td></tr></table>'
    )
    return Rendered(_page(out, palette), hits)
