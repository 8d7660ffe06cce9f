"""Which of ICU's data the Linux bundle keeps (packaging/linux/icu_data.py); the bundle test checks the result."""

import importlib.util

import pytest

from tests.conftest import REPO

_spec = importlib.util.spec_from_file_location("icu_data", REPO / "packaging" / "linux" / "icu_data.py")
assert _spec is not None and _spec.loader is not None
icu_data = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(icu_data)


@pytest.mark.parametrize(
    "item",
    [
        "root.res",
        "pool.res",
        "res_index.res",
        "zh.res",
        "zh_Hans_CN.res",
        "zh_Hant_HK.res",
        "yue.res",  # zh_Hant_HK's parent
        "en_GB.res",
        "coll/zh.res",
        "coll/ucadata.icu",
        "coll/root.res",
        "zone/zh.res",
        "zone/tzdbNames.res",
        "zoneinfo64.res",
        "metaZones.res",
        "supplementalData.res",
        "likelySubtags.res",
        "cnvalias.icu",
        "gb18030.cnv",
        "windows-936-2000.cnv",
        "ibm-1386_P100-2001.cnv",  # what windows-936 is built on
        "windows-950-2000.cnv",
        "ibm-1373_P100-2002.cnv",
        "uts46.nrm",
    ],
)
def test_kept(item):
    assert icu_data.keep(item)


@pytest.mark.parametrize(
    "item",
    [
        "de.res",
        "ja_JP.res",
        "es_419.res",
        "coll/de.res",
        "coll/de_.res",
        "zone/fr.res",
        "curr/ru.res",
        "rbnf/ar.res",
        "ibm-1390_P110-2003.cnv",
        "euc-jp-2007.cnv",
        "translit/root.res",
        "brkitr/cjdict.dict",
        "brkitr/word.brk",
    ],
)
def test_dropped(item):
    assert not icu_data.keep(item)
