"""The chosen sections for other programs: Markdown, HTML, plain text (and the outline DOCX is built from).

Every exporter walks the report as the page and paper do (render.section_body): the cover line (title,
occasion, speaker), the sections in document order with their headings at their levels, ■ key points set
apart, figures in bold, the two tables as real tables, and a citation line at the end. The HTML is the
print renderer's own, made one self-contained file.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .compare import COMPARE_LABELS, comparison_of
from .figures import FIGURE
from .key_figures import figure_text, pair_indicators
from .model import Block, Document, Section
from .render import (
    PRINT,
    PageMark,
    cite,
    leading_lines,
    printable_selection,
    reference,
    render_compare,
    render_cover,
    render_sections,
    section_body,
)
from .views import KEY_FIGURES_ID, livelihood_projects

if TYPE_CHECKING:
    from .related import Link

FORMATS = {"docx": "Word", "odt": "OpenDocument", "md": "Markdown", "html": "HTML", "txt": "text"}


@dataclass(frozen=True)
class Heading:
    level: int  # 1 for each chosen section, deeper for what it holds
    text: str
    section_id: str


@dataclass(frozen=True)
class Line:
    text: str
    kind: str  # the block's kind: keypoint (■, set apart), heading (a muted year line), text, bullet, …


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[str]]


Item = Heading | Line | Table


def outline(doc: Document, sids: list[str]) -> list[Item]:
    """The chosen sections (the whole report when none), in document order, as headings, lines and tables."""
    out: list[Item] = []
    for sid in printable_selection(doc, sids) or [doc.root.id]:
        out += _walk(doc, doc.sections[sid], 1)
    return out


def _walk(doc: Document, section: Section, level: int) -> Iterator[Item]:
    if section.kind == "view":
        yield Heading(level, section.heading, section.id)
        yield view_table(doc, section)
        return
    for b in leading_lines(section):
        yield Line(b.text, b.kind)
    yield Heading(level, section.heading, section.id)
    for item in section_body(doc, section):
        if isinstance(item, Block):
            yield Line(item.text, item.kind)
        else:
            yield from _walk(doc, item, level + 1)


def view_table(doc: Document, section: Section) -> Table:
    if section.id == KEY_FIGURES_ID:
        rows = [
            [f.display_label, figure_text(f.result), figure_text(f.target)] for f in pair_indicators(doc.indicators)
        ]
        return Table(["指标", "2024年", "2025年"], rows)
    return Table(
        ["序号", "项目", "数量"], [[str(p.number), p.text, "、".join(p.amounts)] for p in livelihood_projects(doc)]
    )


def figure_runs(text: str) -> list[tuple[str, bool]]:
    """The text in runs, each marked True where it is a figure (3.2万亿元, 5.7%): shown in bold."""
    runs: list[tuple[str, bool]] = []
    last = 0
    for m in FIGURE.finditer(text):
        if m.start() > last:
            runs.append((text[last : m.start()], False))
        runs.append((m.group(), True))
        last = m.end()
    if last < len(text):
        runs.append((text[last:], False))
    return runs


def text_width(text: str) -> int:
    """How wide a text sets, in half-ems: a Chinese character is two, a letter or digit one."""
    return sum(2 if ord(ch) >= 0x2E80 else 1 for ch in text)


def cover(doc: Document, sids: list[str]) -> list[str]:
    """Title, occasion and speaker: the head of every export (the whole report has its own)."""
    if (printable_selection(doc, sids) or [doc.root.id]) == [doc.root.id]:
        return []
    return [doc.title, doc.occasion_line, f"{doc.speaker_role} {doc.speaker}"]


def citation(doc: Document, sids: list[str]) -> str:
    """《2025年重庆市政府工作报告》二、1. 加快构建现代化集疏运体系；…: where the exported text comes from."""
    chosen = printable_selection(doc, sids) or [doc.root.id]
    refs = [reference(doc, s) for s in chosen if reference(doc, s)]
    return f"《{doc.title}》" + "；".join(refs)


NOTES_TITLE = "我的笔记"  # exports are in the report's language


def notes_list(doc: Document, sids: list[str], marks: Mapping[str, list[PageMark]] | None) -> list[str]:
    """The reader's notes on the chosen sections, numbered in document order, each with its place and the
    passage it marks: the Markdown, text and Word exports end with them."""
    if not marks:
        return []
    out: list[str] = []
    for item in outline(doc, sids):
        if not isinstance(item, Heading):
            continue
        section = doc.sections[item.section_id]
        for m in marks.get(item.section_id, []):
            if not m.note:
                continue
            quote = f"「{section.own_text[m.start : m.end]}」" if m.color else ""
            out.append(f"[{len(out) + 1}] {reference(doc, item.section_id)} {quote}{m.note}")  # its line breaks kept
    return out


# Markdown ------------------------------------------------------------------------------------------------


def to_markdown(doc: Document, sids: list[str], marks: Mapping[str, list[PageMark]] | None = None) -> str:
    """CommonMark and GitHub tables: renders alike on GitHub and in Typora. Text is escaped, never markup."""
    head = cover(doc, sids)
    lines = [f"# {_md(head[0])}", "", _md(head[1]), "", _md(head[2]), ""] if head else []
    depth = 1 if head else 0  # under the cover's title, or the report's own title first
    for item in outline(doc, sids):
        if isinstance(item, Heading):
            lines += [f"{'#' * min(item.level + depth, 6)} {_md(item.text)}", ""]
        elif isinstance(item, Table):
            lines.append("| " + " | ".join(_md(h) for h in item.header) + " |")
            lines.append("|" + "---|" * len(item.header))
            lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in item.rows]
            lines.append("")
        else:
            text = "".join(f"**{_md(t)}**" if bold else _md(t) for t, bold in figure_runs(item.text))
            lines += [f"> {text}" if item.kind == "keypoint" else text, ""]
    lines.append(f"—— {_md(citation(doc, sids))}")
    if notes := notes_list(doc, sids, marks):
        lines += ["", f"## {NOTES_TITLE}"]
        for n in notes:  # each a paragraph; a line break in it a hard break (a backslash at the line's end)
            lines += ["", "\\\n".join(_md(line) for line in n.split("\n"))]
    return "\n".join(lines) + "\n"


_LIST_START = re.compile(r"^(\d+)([.)])")
_INLINE = frozenset("\\`*_[]<>|~&")  # emphasis, code, links, HTML and entities, GFM tables and strikethrough
_WWW = re.compile(r"(?i)(www)\.")
_EMAIL = re.compile(r"(?<=[\w.+-])@(?=[\w-])")


def md_escape(text: str) -> str:
    """One line shown as written in CommonMark and GFM: nothing in it becomes markup. Inline marks, entities
    (&lt; stays &lt;) and HTML are backslash-escaped; a line that would start a heading, a setext underline, a
    quote, a list or a code block (by its indentation) is defused at its start; GFM's autolinks (http://,
    www., an e-mail address) are broken where they would start, so no text becomes a link."""
    out = "".join("\\" + ch if ch in _INLINE else ch for ch in text)
    out = _WWW.sub(r"\1\\.", out.replace("://", "\\://"))
    out = _EMAIL.sub("@<!-- -->", out)  # GFM links an address after its escapes are read: only a break stops it
    body = out.lstrip(" \t")
    lead = "".join("&#9;" if ch == "\t" else "&#32;" for ch in out[: len(out) - len(body)])
    if body[:1] in ("#", "-", "+", ">", "=", "*"):
        body = "\\" + body
    return lead + _LIST_START.sub(r"\1\\\2", body)  # 1.加快… would start a numbered list


_md = md_escape


def _md_cell(text: str) -> str:
    figures = "".join(f"**{_md(t)}**" if bold else _md(t) for t, bold in figure_runs(text))
    return figures.replace("\n", " ")


# Plain text and HTML -------------------------------------------------------------------------------------


def to_text(doc: Document, sids: list[str], marks: Mapping[str, list[PageMark]] | None = None) -> str:
    """Every line as the source has it, headings on their own lines, tables as tab-separated rows."""
    lines = cover(doc, sids)
    for item in outline(doc, sids):
        if isinstance(item, Heading):
            lines += ["", item.text] if lines else [item.text]  # a blank line between, none before the first
        elif isinstance(item, Table):
            lines += ["\t".join(item.header), *("\t".join(row) for row in item.rows)]
        else:
            lines.append(item.text)
    lines += ["", citation(doc, sids)]
    if notes := notes_list(doc, sids, marks):
        lines += ["", NOTES_TITLE, *notes]
    return "\n".join(lines) + "\n"


def to_html(
    doc: Document,
    sids: list[str],
    included: str = "本文件包含：",
    marks: Mapping[str, list[PageMark]] | None = None,
    links: Sequence[Link] = (),
    web: bool = True,
) -> str:
    """One self-contained file (styles inline, no link outside it) that prints well from a browser;
    valid HTML5 when ``web``, else as Qt's rich text reads it (attributes for layout), for Qt's own writers;
    ``marks`` puts the reader's highlights and notes in, as on paper. ``sids`` may be one comparison page
    (compare:<id>), laid out from ``links`` in two columns as on paper."""
    pair = comparison_of(doc, sids, links)
    if pair is not None:
        body = render_compare(doc, pair, COMPARE_LABELS["zh_CN"], PRINT, links=False).html
        sids = [pair.subject]
        width = "92em"
    else:
        chosen = printable_selection(doc, sids) or [doc.root.id]
        head = render_cover(doc, chosen, included) if chosen != [doc.root.id] else ""
        body = render_sections(doc, chosen, PRINT, head, marks)
        width = "46em"
    cited = f'<p style="margin-top:18px; color:#333333">{html.escape(citation(doc, sids))}</p>'
    body = body.replace("</body></html>", cited + "</body></html>")
    from .html5 import html5

    page = (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{html.escape(doc.title)}</title>"
        f"<style>body{{max-width:{width};margin:2em auto;padding:0 1em;line-height:1.6;"
        'font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif}'
        "table{border-collapse:collapse}@media print{body{margin:0;max-width:none}}</style></head>"
        + body.removeprefix("<html>").removesuffix("</html>")
        + "</html>\n"
    )
    return html5(page) if web else page


# The clipboard -------------------------------------------------------------------------------------------


def clipboard_html(doc: Document, sid: str, selected: str = "") -> str:
    """What "copy with citation" puts on the clipboard as rich text: the selection's lines (or the whole
    section, headings at their levels) with figures in bold and ■ key points shaded, then the citation. A
    paste into Word or WPS keeps that; its plain text is the lines and the citation."""
    items: list[Item]
    if selected:
        items = [Line(t, "keypoint" if t.startswith("■") else "text") for t in selected.split("\n") if t.strip()]
    else:
        items = outline(doc, [sid])
    parts = []
    for item in items:
        if isinstance(item, Heading):
            level = min(item.level + 1, 6)
            parts.append(f"<h{level}>{html.escape(item.text)}</h{level}>")
        elif isinstance(item, Table):
            head = "".join(f"<th>{html.escape(h)}</th>" for h in item.header)
            body = "".join("<tr>" + "".join(f"<td>{_bold_figures(c)}</td>" for c in row) + "</tr>" for row in item.rows)
            parts.append(f'<table border="1" cellspacing="0" cellpadding="4"><tr>{head}</tr>{body}</table>')
        elif item.kind == "keypoint":
            parts.append(f'<p style="background-color:#eeeeee">{_bold_figures(item.text)}</p>')
        else:
            parts.append(f"<p>{_bold_figures(item.text)}</p>")
    parts.append(f"<p>{html.escape(cite(doc, sid))}</p>")
    return "<html><body>" + "".join(parts) + "</body></html>"


def _bold_figures(text: str) -> str:
    return "".join(f"<b>{html.escape(t)}</b>" if bold else html.escape(t) for t, bold in figure_runs(text))
