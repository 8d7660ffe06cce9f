"""A section cited for a bibliography: GB/T 7714-2015, RIS, BibTeX and CSL-JSON, from the report itself."""

import json

import pytest

from cqdesk.report.citation import cite_as, source
from tests.conftest import run_cli as run
from tests.fixtures import reports as R

SID = "plan/areas/2/1"


def test_gb7714_cites_a_report_by_its_issuing_body_with_the_date_it_was_delivered(report):
    s = source(report.document, SID)
    assert cite_as(s, "gb7714") == (
        "重庆市人民政府. 2025年重庆市政府工作报告: 二、1. 加快构建现代化集疏运体系[R]. "
        "重庆: 重庆市人民政府, 2025-01-19."
    )
    whole = cite_as(source(report.document, "report"), "gb7714")
    assert whole == "重庆市人民政府. 2025年重庆市政府工作报告[R]. 重庆: 重庆市人民政府, 2025-01-19."


def test_ris_bibtex_and_csl_json_name_the_same_report_and_section(report):
    s = source(report.document, SID)
    ris = cite_as(s, "ris")
    assert ris.startswith("TY  - RPRT\r\nAU  - 重庆市人民政府\r\nTI  - 2025年重庆市政府工作报告\r\n")
    assert "T2  - 二、1. 加快构建现代化集疏运体系\r\n" in ris and "DA  - 2025/01/19\r\n" in ris
    assert ris.endswith("ER  - \r\n")
    bib = cite_as(s, "bibtex")
    assert bib.startswith("@techreport{workreport2025-plan-areas-2-1,\n  author = {{重庆市人民政府}},\n")
    assert "  date = {2025-01-19},\n" in bib and "  note = {二、1. 加快构建现代化集疏运体系},\n" in bib
    (item,) = json.loads(cite_as(s, "csl-json"))
    assert item["type"] == "report" and item["issued"] == {"date-parts": [[2025, 1, 19]]}
    assert item["author"] == [{"literal": "重庆市人民政府"}] and item["section"] == "二、1. 加快构建现代化集疏运体系"
    with pytest.raises(ValueError, match="unknown citation style"):
        cite_as(s, "apa")


def test_the_cli_cites_any_report_of_the_library(tmp_path, monkeypatch):
    monkeypatch.setenv("CQDESK_DATA_DIR", str(tmp_path / "data"))
    code, out, _ = run("cite", SID)
    assert code == 0 and out.startswith("重庆市人民政府. 2025年重庆市政府工作报告: 二、1.")
    code, out, _ = run("import", str(R.write_text(tmp_path / "a.txt")), "--json")
    rid = json.loads(out)[0]["id"]
    code, out, _ = run("cite", "p2/s1", "--report", rid, "--style", "csl-json")
    (item,) = json.loads(out)
    assert item["id"] == f"workreport2026-{rid}-p2-s1" and item["author"] == [{"literal": "青川市人民政府"}]
    assert item["section"] == "二、（一）加快建设现代制造业集群。" and item["publisher-place"] == "青川"
    code, out, err = run("cite", "nowhere")
    assert code == 1 and "no section 'nowhere' in the report" in err and out == ""
