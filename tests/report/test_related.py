from cqdesk.report.related import related_links


def test_the_links_and_why(doc):
    """Every link the build produces, with the shared strings that justify it."""
    links = [(k.source, k.target, k.shared) for k in related_links(doc)]
    assert links == [
        ("review/tasks/1", "plan/areas/1/1", ("新时代西部", "双城", "成渝")),
        ("review/tasks/1", "plan/areas/2/1", ("西部陆海新通道建设",)),
        ("review/tasks/2", "plan/areas/1/3", ("现代生产性服务业", "现代制造业集群", "产业体系")),
        ("review/tasks/3", "plan/areas/1/4", ("人才", "教育", "科技")),
        ("review/tasks/4", "plan/areas/1/2", ("房地产市场", "投资", "消费")),
        ("review/tasks/5", "plan/areas/3/1", ("数字重庆",)),
        ("review/tasks/5", "plan/areas/3/4", ("民营经济发展",)),
        ("review/tasks/6", "plan/areas/2/2", ("开放平台",)),
        ("review/tasks/6", "plan/areas/2/3", ("国际交往", "外贸", "外资")),
        ("review/tasks/7", "plan/areas/5/1", ("乡村振兴",)),
        ("review/tasks/8", "plan/areas/6", ("生态", "美丽")),  # by the area's heading: no item shares enough
        ("review/tasks/9", "plan/areas/8/4", ("一老一小", "服务保障")),
    ]


def test_stored_links_equal_the_computed_ones(report, doc):
    assert [(k.source, k.target, k.shared) for k in report.related] == [
        (k.source, k.target, k.shared) for k in related_links(doc)
    ]


def test_shared_strings_occur_in_both_sections(report):
    for k in report.related:
        a, b = report.section(k.source).own_text, report.section(k.target).own_text
        assert all(s in a and s in b for s in k.shared)
