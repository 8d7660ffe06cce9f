import pytest

from cqdesk.report.genre import recognise
from cqdesk.report.store import Report
from tests.conftest import DB
from tests.conftest import run_cli as run
from tests.fixtures import reports as R


@pytest.fixture(scope="module")
def pair():
    """The fictional 2026 and 2027 reports of 青川市, as documents."""
    return recognise(R.report_paragraphs(2026)).document, recognise(R.report_paragraphs(2027)).document


@pytest.fixture(scope="module")
def bundled():
    report = Report(DB)
    yield report.document
    report.close()


@pytest.fixture
def library(tmp_path, monkeypatch):
    """A library with the 2026 and 2027 reports of 青川市 and a 2026 report of 重庆市: their ids by name."""
    monkeypatch.setenv("CQDESK_DATA_DIR", str(tmp_path / "data"))
    ids = {}
    for name, kw in (("q2026", {"year": 2026}), ("q2027", {"year": 2027}), ("c2026", {"region": "重庆市"})):
        code, out, err = run("import", str(R.write_text(tmp_path / f"{name}.txt", **kw)), "--json")
        assert code == 0, err
        ids[name] = __import__("json").loads(out)[0]["id"]
    ids["bundled"] = "bundled"
    return ids
