"""Hostile values in notes, as a hostile tester found them: formulas in the CSV's section column, tracebacks
on bytes that are not text and on huge numbers, Markdown that became markup, merges decided by text."""

import csv
import html
import io
import json
import re
import uuid

import cmarkgfm
import commonmark
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cqdesk.notes.exchange import ImportRefused, from_json, merge_plan, to_csv, to_markdown
from cqdesk.notes.model import Annotation
from cqdesk.notes.store import NotesStore
from tests.conftest import examples
from tests.conftest import run_cli as run

LABELS = {"note": "Note", "title": "Notes"}


def exported(*records, version=1):
    base = {"kind": "note", "section": "plan/areas/1", "note": "x", "created": "2026-11-28T07:00:00.000Z",
            "updated": "2026-11-28T07:00:00.000Z"}  # fmt: skip
    return json.dumps({"format": "cqdesk-notes", "version": version,
                       "annotations": [{**base, "id": str(uuid.uuid4()), **r} for r in records]})  # fmt: skip


# 5. CSV formula injection through the section column ------------------------------------------------------


@pytest.mark.parametrize("section", ['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", "@SUM(1+1)"])
def test_an_import_naming_a_formula_as_its_section_is_refused(section):
    with pytest.raises(ImportRefused, match="is not a section id"):
        from_json(exported({"section": section}))


def test_every_csv_cell_is_neutralised(doc):
    a = Annotation.new("note", "plan/areas/1", "d", note="=1+1", color="")
    rows = list(csv.reader(io.StringIO(to_csv(doc, [a]).decode("utf-8-sig"))))
    assert rows[1][5] == "'=1+1"
    import cqdesk.notes.exchange as exchange

    assert [exchange._cell(c) for c in ("=x", "+x", "-x", "@x", "\tx", "plain")] == [
        "'=x", "'+x", "'-x", "'@x", "'\tx", "plain"]  # fmt: skip


# 6. Tracebacks on hostile values ------------------------------------------------------------------------


def test_hostile_values_get_one_clear_line_and_change_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("CQDESK_DATA_DIR", str(tmp_path))
    bad = tmp_path / "bad.json"
    cases = [
        (["notes", "add", "plan/areas/1", "--note", "a\udcffb"], 1, "not text (not UTF-8)"),  # b'\xff' from argv
        (["search", "重庆", "--limit", "99999999999999999999"], 2, "at most 1,000,000"),
    ]
    for argv, want_code, want in cases:
        code, _, err = run(*argv)
        assert code == want_code and want in err and err.count("\n") == 1 and "Traceback" not in err, err
    for record, want in [({"note": "\ud800"}, "not text"), ({"position": {"start": 10**30, "end": 10**30 + 1}},
                         "beyond 10,000,000")]:  # fmt: skip
        bad.write_text(exported(record), encoding="utf-8")
        code, _, err = run("notes", "import", str(bad))
        assert code == 1 and want in err and "nothing was changed" in err and err.count("\n") == 1, err
    assert NotesStore(tmp_path).all() == []


# 7. Markdown that became markup -------------------------------------------------------------------------


def _text_of(rendered: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", rendered))


HOSTILE_NOTES = [
    "Heading\n===",
    "Sub\n---",
    "\tindented like code",
    "    four spaces",
    "see http://evil.example/x and www.evil.example",
    "mail me@evil.example now",
    "&lt; is not <",
    "# not a heading",
    "1. not a list",
    "> not a quote",
    "| a | b |",
    "[link](javascript:alert(1)) ![img](x.png)",
    "**bold** _em_ `code` ~~strike~~",
    "<script>alert(1)</script>",
    "back\\slash at the end\\",
]


@pytest.mark.parametrize("text", HOSTILE_NOTES)
def test_markdown_shows_note_text_as_written_in_commonmark_and_gfm(doc, text):
    a = Annotation.new("note", "plan/areas/1", "d", note=text)
    md = to_markdown(doc, [a], LABELS)
    body = md[md.index("*Note*") :]
    for rendered in (commonmark.commonmark(body), cmarkgfm.github_flavored_markdown_to_html(body)):
        tags = set(re.findall(r"<(\w+)", rendered))
        assert tags <= {"p", "em", "br"}, (text, rendered)  # the label's emphasis, the note's paragraphs
        shown = _text_of(rendered).replace("\n", "")
        assert shown == "Note" + text.replace("\n", ""), (text, rendered)  # indentation kept as text


def test_a_note_s_line_breaks_stay_line_breaks(doc):
    a = Annotation.new("note", "plan/areas/1", "d", note="第一行\n第二行\n\n新段落")
    rendered = cmarkgfm.github_flavored_markdown_to_html(to_markdown(doc, [a], LABELS))
    assert "第一行<br />\n第二行</p>\n<p>新段落</p>" in rendered


@settings(max_examples=examples(2000), deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cc", "Cs", "Zl", "Zp"]), max_size=60))
def test_no_note_text_becomes_markup(doc, text):
    a = Annotation.new("note", "plan/areas/1", "d", note=text)
    md = to_markdown(doc, [a], LABELS)
    rendered = cmarkgfm.github_flavored_markdown_to_html(md[md.index("*Note*") :])
    assert set(re.findall(r"<(\w+)", rendered)) <= {"p", "em", "br"}, (text, rendered)


# 8. Merges decided by text --------------------------------------------------------------------------------


def test_merge_compares_times_as_times():
    """As found: an older edit written as 14:00+08:00 (06:00Z) replaced a newer 07:00Z."""
    aid = str(uuid.uuid4())
    have = [Annotation(aid, "note", "plan/areas/1", note="newer", created="2026-11-28T06:00:00.000Z",
                       updated="2026-11-28T07:00:00.000Z")]  # fmt: skip
    older = from_json(exported({"id": aid, "note": "older", "updated": "2026-11-28T14:00:00+08:00"}))
    plan = merge_plan(have, older)
    assert (len(plan.changed), len(plan.skipped)) == (0, 1)
    newer = from_json(exported({"id": aid, "note": "newest", "updated": "2026-11-28T15:30:00+08:00"}))
    assert [a.note for a in merge_plan(have, newer).changed] == ["newest"]
    assert newer[0].updated == "2026-11-28T07:30:00.000Z"  # stored in UTC, so text order is time order


def test_one_uuid_in_five_spellings_is_one_note():
    u = uuid.uuid4()
    spellings = [str(u).upper(), "{" + str(u) + "}", u.urn, u.hex, str(u)]
    for spelling in spellings:
        (a,) = from_json(exported({"id": spelling}))
        assert a.id == str(u)
    text = json.dumps({"format": "cqdesk-notes", "version": 1, "annotations": [
        {**json.loads(exported({"id": s}))["annotations"][0]} for s in spellings[:2]]})  # fmt: skip
    with pytest.raises(ImportRefused, match="the same annotation twice"):
        from_json(text)


@pytest.mark.parametrize("version", ["true", "1.0", '"1"', "null"])
def test_only_the_integer_version_1_is_read(version):
    text = exported({}).replace('"version": 1', f'"version": {version}')
    with pytest.raises(ImportRefused, match="this cqdesk reads version 1"):
        from_json(text)


def test_a_time_without_a_zone_is_refused():
    with pytest.raises(ImportRefused, match="has no time zone"):
        from_json(exported({"updated": "2026-11-28T07:00:00"}))
