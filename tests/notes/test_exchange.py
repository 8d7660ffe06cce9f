import csv
import io
import json

import pytest

from cqdesk.notes.anchor import quote_at
from cqdesk.notes.exchange import ImportRefused, from_json, merge_plan, to_csv, to_json, to_markdown
from cqdesk.notes.model import Annotation


@pytest.fixture
def items(doc):
    text = doc.sections["plan/areas/2/1"].own_text
    exact, prefix, suffix = quote_at(text, 4, 14)
    return [
        Annotation.new("note", "review/tasks/7", "d", note="=SUM(A1) 对照2025 *不是强调* <b>x</b>"),
        Annotation.new(
            "highlight",
            "plan/areas/2/1",
            "d",
            start=4,
            end=14,
            exact=exact,
            prefix=prefix,
            suffix=suffix,
            color="green",
            note="第二行\n第三行",
        ),
        Annotation.new("bookmark", "review/tasks/1", "d"),
    ]


def test_json_round_trips_every_field(doc, items):
    back = from_json(to_json(doc, "d", items))
    assert sorted(back, key=lambda a: a.id) == sorted(items, key=lambda a: a.id)
    body = json.loads(to_json(doc, "d", items))
    assert body["format"] == "cqdesk-notes" and body["version"] == 1
    assert [r["section"] for r in body["annotations"]] == ["review/tasks/1", "review/tasks/7", "plan/areas/2/1"]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("not json", "not a JSON file"),
        ('{"format": "something else"}', "not a cqdesk notes file"),
        ('{"format": "cqdesk-notes", "version": 9, "annotations": []}', "version 9"),
        ('{"format": "cqdesk-notes", "version": 1, "annotations": [{"id": "x"}]}', "incomplete"),
    ],
)
def test_damaged_or_foreign_files_are_refused_with_a_reason(text, why):
    with pytest.raises(ImportRefused, match=why):
        from_json(text)


def test_one_invalid_annotation_refuses_the_whole_file(doc, items):
    body = json.loads(to_json(doc, "d", items))
    body["annotations"][1]["color"] = "purple"
    with pytest.raises(ImportRefused, match="annotation 2 is not valid"):
        from_json(json.dumps(body))


def test_merge_adds_new_replaces_older_and_skips_the_rest(items):
    from dataclasses import replace

    old, same, newer = items[0], items[1], replace(items[2], note="更新", updated="2099-01-01T00:00:00.000Z")
    plan = merge_plan(
        [replace(old, note="mine, later", updated="2099-01-01T00:00:00.000Z"), same, items[2]],
        [old, same, newer, items[0].changed(id=_uuid())],
    )
    assert (len(plan.added), len(plan.changed), len(plan.skipped)) == (1, 1, 2)
    assert plan.changed == [newer]


def _uuid():
    import uuid

    return str(uuid.uuid4())


def test_markdown_puts_each_note_under_its_citation_with_the_quote(doc, items):
    md = to_markdown(doc, items, {"note": "笔记", "highlight": "标注", "bookmark": "书签", "green": "绿"})
    assert "## 《2025年重庆市政府工作报告》二、1. 加快构建现代化集疏运体系" in md
    assert f"> {items[1].exact}" in md
    assert "\\<b\\>x\\</b\\>" in md and "\\*不是强调\\*" in md  # shown as written, never rendered
    # The source as a bibliography cites it (GB/T 7714-2015), under the title.
    assert (
        md.split("\n")[2]
        == "Source: 重庆市人民政府. 2025年重庆市政府工作报告\\[R\\]. 重庆: 重庆市人民政府, 2025-01-19."
    )


def test_csv_opens_in_excel_with_chinese_intact_and_no_formulas(doc, items):
    data = to_csv(doc, items)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:4] == ["id", "kind", "section", "citation"]
    note = next(r for r in rows if r[2] == "review/tasks/7")
    assert note[5] == "'=SUM(A1) 对照2025 *不是强调* <b>x</b>"
    assert next(r for r in rows if r[2] == "plan/areas/2/1")[5] == "第二行\n第三行"


def test_notes_are_found_by_their_text_their_quote_and_their_place(doc, items):
    from cqdesk.notes.search import PART, search_notes

    found = search_notes(doc, items, ["第三行"])
    assert [(f.hit.id, f.hit.part, f.passage) for f in found] == [("plan/areas/2/1", PART, items[1].exact)]
    assert [f.hit.id for f in search_notes(doc, items, ["集疏运"])] == ["plan/areas/2/1"]  # the section's title
    assert search_notes(doc, items, ["第三行", "不在其中"]) == []
    assert search_notes(doc, items, ["review"]) == []  # bookmarks carry no note; ids are not text


def test_every_export_follows_the_shipped_schema_as_another_validator_reads_it(doc, items):
    """The schema in the package is the format: our exports pass it, checked by a second implementation
    (jsonschema) beside the one the import uses, and the schema is itself valid draft-07."""
    import jsonschema

    from cqdesk.notes.exchange import schema

    jsonschema.Draft7Validator.check_schema(schema())
    library = [*items, Annotation.new("bookmark", "p1/s1", "d", report="2026-0123456789")]
    jsonschema.validate(json.loads(to_json(doc, "d", library)), schema(), cls=jsonschema.Draft7Validator)


def test_a_file_the_schema_refuses_is_refused_with_where(doc, items):
    body = json.loads(to_json(doc, "d", items))
    body["exported"] = 5  # no other check looks at it; the schema does
    with pytest.raises(ImportRefused, match=r"^the file does not follow the notes format \(its 'exported'\)$"):
        from_json(json.dumps(body))
    body = json.loads(to_json(doc, "d", items))
    body["annotations"][2]["quote"]["exact"] = ["not", "text"]  # the highlight, third in document order
    with pytest.raises(ImportRefused, match="annotation 3"):
        from_json(json.dumps(body))
