"""The OpenDocument export as odfpy (the library LibreOffice's own tests lean on for ODF) reads it back."""

import io
import re
import zipfile

import pytest

from cqdesk.report.odt_export import column_shares, items_odt, to_odt
from tests.report.test_export import CHOICES, expected_lines, in_order

ODF = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
}


def body_text(data: bytes) -> str:
    """Every paragraph and heading of the body, as odfpy reads it (spaces and line breaks as written)."""
    from odf import teletype
    from odf.opendocument import load
    from odf.text import H, P

    doc = load(io.BytesIO(data))
    return "\n".join(teletype.extractText(e) for e in doc.text.getElementsByType(P) + doc.text.getElementsByType(H))


def parts(data: bytes) -> dict[str, object]:
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        first = z.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)  # as ODF requires
        return {n: etree.fromstring(z.read(n)) for n in z.namelist() if n.endswith(".xml")}


@pytest.mark.parametrize("sids", CHOICES)
def test_odfpy_reads_every_line_of_the_chosen_sections_in_order(report, sids):
    data = to_odt(report.document, sids)
    from odf import teletype
    from odf.opendocument import load

    doc = load(io.BytesIO(data))
    # in document order: headings and paragraphs as they stand, table cells included
    text = "\n".join(teletype.extractText(e) for e in doc.text.childNodes)
    in_order(expected_lines(report, sids), text.replace("\n", ""))
    assert set(parts(data)) == {"content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"}


def test_headings_are_heading_styles_each_smaller_than_the_one_above(report):
    xml = parts(to_odt(report.document, ["plan/areas/2", "review/tasks/1"]))
    styles, content = xml["styles.xml"], xml["content.xml"]
    sizes = {}
    for s in styles.iterfind(".//style:style", ODF):
        name = s.get(f"{{{ODF['style']}}}name")
        if re.fullmatch(r"Heading_20_\d", name):
            props = s.find("style:text-properties", ODF)
            sizes[int(name[-1])] = float(props.get(f"{{{ODF['fo']}}}font-size").rstrip("pt"))
            assert props.get(f"{{{ODF['style']}}}font-size-asian") == props.get(f"{{{ODF['fo']}}}font-size")
            assert s.get(f"{{{ODF['style']}}}default-outline-level") == name[-1]
    assert sorted(sizes) == [1, 2, 3, 4, 5, 6]
    assert [sizes[n] for n in range(1, 7)] == sorted(sizes.values(), reverse=True) and len(set(sizes.values())) == 6
    headings = [(h.get(f"{{{ODF['text']}}}outline-level"), h.get(f"{{{ODF['text']}}}style-name"), "".join(h.itertext()))
                for h in content.iterfind(".//text:h", ODF)]  # fmt: skip
    assert ("3", "Heading_20_3", "1.加快构建现代化集疏运体系") in headings
    assert ("2", "Heading_20_2", "1、抓战略担使命增势能，以一域服务全局的贡献度持续提升") in headings
    assert not content.findall(".//text:p[@text:style-name='Heading_20_1']", ODF)  # no heading left a paragraph


def test_meta_names_title_language_and_date_and_styles_carry_chinese(report):
    from datetime import UTC, datetime

    xml = parts(to_odt(report.document, ["plan/targets"]))
    meta = xml["meta.xml"].find("office:meta", ODF)
    assert meta.findtext("dc:title", namespaces=ODF) == "2025年重庆市政府工作报告"
    assert meta.findtext("dc:language", namespaces=ODF) == "zh-CN"
    assert meta.findtext("meta:initial-creator", namespaces=ODF) == "重庆市市长 胡衡华"
    made = datetime.fromisoformat(meta.findtext("meta:creation-date", namespaces=ODF)).replace(tzinfo=UTC)
    assert abs((datetime.now(UTC) - made).total_seconds()) < 120
    default = xml["styles.xml"].find(".//style:default-style[@style:family='paragraph']/style:text-properties", ODF)
    s, fo = ODF["style"], ODF["fo"]
    assert (default.get(f"{{{s}}}language-asian"), default.get(f"{{{s}}}country-asian")) == ("zh", "CN")
    assert (default.get(f"{{{s}}}font-name-asian"), default.get(f"{{{s}}}font-name")) == ("宋体", "Times New Roman")
    assert (default.get(f"{{{fo}}}language"), default.get(f"{{{fo}}}country")) == ("zh", "CN")
    bold = xml["styles.xml"].find(".//style:style[@style:name='Figure']/style:text-properties", ODF)
    assert bold.get(f"{{{s}}}font-weight-asian") == "bold" == bold.get(f"{{{fo}}}font-weight")


def test_a_table_has_proportional_columns_a_repeated_header_and_rows_kept_whole(report):
    xml = parts(to_odt(report.document, ["plan/livelihood/table"]))
    content = xml["content.xml"]
    table = content.find(".//table:table", ODF)
    widths = []
    for col in table.iterfind("table:table-column", ODF):
        name = col.get(f"{{{ODF['table']}}}style-name")
        props = content.find(f".//style:style[@style:name='{name}']/style:table-column-properties", ODF)
        widths.append(int(props.get(f"{{{ODF['style']}}}rel-column-width").rstrip("*")))
    number, project, amount = widths
    assert number < amount < project and number * 4 < project  # 序号 narrow, 项目 wide
    header = table.find("table:table-header-rows", ODF)
    assert ["".join(c.itertext()) for c in header.iterfind(".//table:table-cell", ODF)] == ["序号", "项目", "数量"]
    row_style = table.find("table:table-row", ODF).get(f"{{{ODF['table']}}}style-name")
    keep = content.find(f".//style:style[@style:name='{row_style}']/style:table-row-properties", ODF)
    assert keep.get(f"{{{ODF['fo']}}}keep-together") == "always"
    assert len(table.findall("table:table-row", ODF)) == 15  # the 15 projects


def test_column_shares_follow_the_widest_text():
    assert column_shares([["序号", "项目"], ["1", "一" * 30]]) == [4 / 44, 40 / 44]
    assert column_shares([]) == []


def test_spaces_and_a_notes_line_breaks_are_kept(report):
    from cqdesk.report.export import Line
    from cqdesk.report.render import PageMark

    sid = "plan/areas/2/1"
    marks = {sid: [PageMark(0, 0, "", "22222222-2222-4222-8222-222222222222", "第一行\n第二行")]}
    text = body_text(to_odt(report.document, [sid], marks))
    assert "第一行\n第二行" in text and "我的笔记" in text
    spaced = body_text(items_odt("标题", [Line("甲  乙\t丙", "text")]))
    assert "甲  乙\t丙" in spaced
