from tests.conftest import SOURCE


def test_each_count_equals_the_occurrences_in_the_source(report):
    source = SOURCE.read_text(encoding="utf-8")
    assert len(report.keywords) >= 30
    for k in report.keywords:
        assert k.total == source.count(k.term) == sum(n for _, n in k.sections), k.term
        for sid, n in k.sections:
            assert sum(b.text.count(k.term) for b in report.section(sid).blocks) == n


def test_every_quoted_term_is_indexed(report):
    import re

    quoted = set(re.findall(r"“([^”]+)”", SOURCE.read_text(encoding="utf-8")))
    assert quoted == {k.term for k in report.keywords if k.kind == "quoted"}
    assert {"33618", "1361", "四千行动", "六大攻坚行动", "渝城护学"} <= quoted


def test_entries_and_order(report):
    by_term = {k.term: k for k in report.keywords}
    assert by_term["33618"].sections == (("review/tasks/2", 1), ("plan/areas/1/3", 1))
    assert by_term["六大应用系统"].kind == "numbered"
    assert by_term["15件重点民生实事"].sections == (("plan/livelihood", 1),)
    assert [k.term for k in report.keywords[:3]] == ["33618", "一老一小", "十四五"]  # most frequent first
