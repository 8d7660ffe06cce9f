import importlib.util
import xml.etree.ElementTree as ET

from tests.conftest import REPO

TS = REPO / "resources" / "translations" / "cqdesk_zh_CN.ts"


def _script():
    spec = importlib.util.spec_from_file_location("translations", REPO / "scripts" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_qm_is_built_from_the_ts(tmp_path):
    built = _script().build(tmp_path)
    assert [p.name for p in built] == ["cqdesk_zh_CN.qm", "cqdesk_en.qm"]
    for qm in built:
        assert qm.read_bytes() == (REPO / "resources" / "translations" / qm.name).read_bytes()


def test_every_string_is_translated():
    messages = list(ET.parse(TS).iter("message"))
    assert messages
    unfinished = [
        m.find("source").text
        for m in messages
        if m.find("translation").get("type") == "unfinished" or not "".join(m.find("translation").itertext())
    ]
    assert unfinished == []


def test_ts_holds_every_string_of_the_code(tmp_path):
    """lupdate into a fresh file: every UI string must already be in the committed .ts."""
    import subprocess

    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (REPO / "cqdesk" / "ui").rglob("*.py"))
    subprocess.run(
        [_script().tool("pyside6-lupdate"), *sources, "-ts", str(fresh), "-locations", "none"],
        check=True,
        capture_output=True,
    )

    def strings(path):
        return {
            (c.find("name").text, m.find("source").text)
            for c in ET.parse(path).iter("context")
            for m in c.iter("message")
        }

    assert strings(fresh) and strings(fresh) <= strings(TS)
