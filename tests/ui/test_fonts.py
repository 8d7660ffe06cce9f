import xml.etree.ElementTree as ET

import pytest
from fontTools.ttLib import TTFont

from tests.conftest import REPO, SOURCE

FONTS = sorted((REPO / "resources" / "fonts").glob("*.otf"))


def ui_texts():
    ts = ET.parse(REPO / "resources" / "translations" / "cqdesk_zh_CN.ts")
    return "".join("".join(m.find("translation").itertext()) for m in ts.iter("message"))


@pytest.mark.parametrize("path", FONTS, ids=lambda p: p.name)
def test_subset_covers_the_report_and_the_ui(path):
    cmap = TTFont(path).getBestCmap()
    needed = set(SOURCE.read_text("utf-8").replace("\n", "")) | set(ui_texts())
    assert sorted(c for c in needed if ord(c) not in cmap and not c.isspace()) == []


@pytest.mark.parametrize("path", FONTS, ids=lambda p: p.name)
def test_subset_has_no_radical_look_alikes_and_no_substitutions(path):
    font = TTFont(path)
    assert not [c for c in font.getBestCmap() if 0x2E80 <= c <= 0x2FDF]
    assert "GSUB" not in font or not font["GSUB"].table.FeatureList.FeatureRecord
    assert font["name"].getDebugName(1) == "cqdesk Sans SC"


def test_licence_is_beside_the_fonts():
    assert len(FONTS) == 2
    text = (REPO / "resources" / "fonts" / "OFL.txt").read_text("utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in text and "Noto Sans CJK SC" in text
