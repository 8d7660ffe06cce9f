"""A 2024 task beside the 2025 items that carry it on: the pairs are the related sections', both ways."""

import re

import pytest

from cqdesk.report.compare import COMPARE_LABELS, comparable, compare, page_id, subject_of
from cqdesk.report.render import PRINT, SHARED_ON_PAPER, render_compare


def test_every_task_s_comparison_holds_exactly_its_related_items(report):
    doc = report.document
    for sid, section in doc.sections.items():
        if section.kind != "task":
            continue
        pair = compare(doc, report.related, sid)
        links = [k for k in report.related if k.source == sid]
        assert pair.review == [sid]
        assert set(pair.plan) == {k.target for k in links}
        assert set(pair.shared) == {t for k in links for t in k.shared}
        assert pair.empty == (not links)


def test_an_item_compares_back_to_the_tasks_it_continues(report):
    pair = compare(report.document, report.related, "plan/areas/2/1")
    assert pair.review == ["review/tasks/1"] and pair.plan == ["plan/areas/2/1"]
    assert pair.shared == ("西部陆海新通道建设",)


def test_page_ids_and_what_compares():
    assert subject_of(page_id("review/tasks/7")) == "review/tasks/7" and subject_of("review/tasks/7") is None


@pytest.mark.parametrize("sid,expected", [("review/tasks/7", True), ("plan/areas/2/1", True), ("plan", False)])
def test_comparable(report, sid, expected):
    assert comparable(report.document, sid) == expected


def test_the_two_columns_hold_both_years_with_the_shared_terms_marked_on_both(report):
    doc = report.document
    pair = compare(doc, report.related, "review/tasks/1")
    html = render_compare(doc, pair, COMPARE_LABELS["zh_CN"], PRINT, links=False).html
    column = '<td valign="top" width="50%">'
    assert html.count(column) == 2 and "2024年工作回顾" in html and "2025年政府工作" in html
    left, right = (re.sub(r"<[^>]+>", "", part) for part in html.split(column)[1:])
    assert "积极融入新时代西部大开发" in left
    assert "唱好新时代西部“双城记”" in right and "加快构建现代化集疏运体系" in right
    marked_left, marked_right = html.split(column)[1:]
    for term in pair.shared:  # each shared term marked in both columns
        mark = f'<span style="background-color:{SHARED_ON_PAPER}; color:#000000">{term}</span>'
        assert mark in marked_left + marked_right
    assert SHARED_ON_PAPER in marked_left and SHARED_ON_PAPER in marked_right


def test_a_task_without_a_continuation_says_so(report):
    doc = report.document
    pair = compare(doc, report.related, "review/tasks/10")
    html = render_compare(doc, pair, COMPARE_LABELS["en"]).html
    assert pair.empty and "Nothing on the other side shares enough" in html
