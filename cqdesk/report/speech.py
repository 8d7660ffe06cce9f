"""What reading aloud says, in the page's order: one utterance per sentence, each placed in its section's
own text (the offsets the page's marks use), so the sentence being read can be marked where it stands."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Block, Document, Section
from .render import leading_lines, section_body

# A sentence runs to 。！？； (or their Latin forms) and takes the closing quotes and brackets after them.
SENTENCE = re.compile(r"[^。！？；!?;]+(?:[。！？；!?;]+[”’」』）)]*)?|[。！？；!?;]+")
# Markers a listener need not hear: the report's ■ and ● bullets.
UNSPOKEN = "■●◆▲•"


@dataclass(frozen=True)
class Utterance:
    section_id: str
    start: int  # in the section's own text; -1 for a heading that is not one of its lines
    end: int
    text: str


def sentences(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """(start, end, spoken text) of each sentence of one line; bullets and spaces are left unspoken."""
    out = []
    for m in SENTENCE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and (text[start] in UNSPOKEN or text[start].isspace()):
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append((offset + start, offset + end, text[start:end]))
    return out


def utterances(doc: Document, sid: str) -> list[Utterance]:
    """The section as the page shows it, sentence by sentence: its heading, its lines and its subsections."""
    out: list[Utterance] = []
    _section(doc, doc.sections[sid], out)
    return out


def _section(doc: Document, section: Section, out: list[Utterance]) -> None:
    starts = _line_starts(section)
    for block in leading_lines(section):
        _block(section, block, starts, out)
    title = next((b for b in section.blocks if b.kind == "title" and b.text == section.heading), None)
    if title is not None:
        _block(section, title, starts, out)
    elif section.heading:
        out.append(Utterance(section.id, -1, -1, section.heading))
    if section.kind == "view":
        return  # a table drawn from the data (key figures, livelihood projects): its heading says what it is
    for item in section_body(doc, section):
        if isinstance(item, Block):
            _block(section, item, starts, out)
        else:
            _section(doc, item, out)


def _line_starts(section: Section) -> dict[int, int]:
    """Where each of the section's lines begins in its own text (lines joined by newlines)."""
    starts, at = {}, 0
    for b in section.blocks:
        starts[b.line_no] = at
        at += len(b.text) + 1
    return starts


def _block(section: Section, block: Block, starts: dict[int, int], out: list[Utterance]) -> None:
    for start, end, text in sentences(block.text, starts[block.line_no]):
        out.append(Utterance(section.id, start, end, text))


def starting_at(items: list[Utterance], sid: str, offset: int) -> int:
    """The index of the utterance to start from for a place in the page (the selection's start)."""
    for i, u in enumerate(items):
        if u.section_id == sid and u.start <= offset < max(u.end, u.start + 1):
            return i
    for i, u in enumerate(items):  # between sentences: the next one
        if u.section_id == sid and u.start >= offset:
            return i
    return 0
