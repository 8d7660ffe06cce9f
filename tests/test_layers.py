"""The house rules that a newcomer could break without noticing."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "cqdesk"


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("domain", ["report", "notes"])
def test_the_domain_imports_no_qt(domain):
    offenders = {
        str(p.relative_to(PACKAGE)): sorted(m for m in imported_modules(p) if m.startswith("PySide6"))
        for p in (PACKAGE / domain).rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_ui_runs_no_sql():
    offenders = [
        str(p.relative_to(PACKAGE)) for p in (PACKAGE / "ui").rglob("*.py") if "sqlite3" in imported_modules(p)
    ]
    assert offenders == []
