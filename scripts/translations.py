"""Update the .ts sources from the code (lupdate) and build the .qm files (lrelease).

python scripts/translations.py update   # after changing UI strings; then translate in the .ts
python scripts/translations.py build    # writes resources/translations/*.qm
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "en")  # English is the source language: its .ts holds only the plural forms


def tool(name: str) -> str:
    """A PySide6 tool: beside this Python first (a venv that is not activated), then on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: pip install PySide6-Essentials")
    return found


def update() -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "cqdesk" / "ui").rglob("*.py"))
    for lang in LANGUAGES:
        ts = FOLDER / f"cqdesk_{lang}.ts"
        subprocess.run(
            [tool("pyside6-lupdate"), *sources, "-ts", str(ts.relative_to(ROOT)), "-no-obsolete", "-locations", "none"]
            + (["-pluralonly"] if lang == "en" else []),
            cwd=ROOT,
            check=True,
        )


def build(out_dir: Path = FOLDER) -> list[Path]:
    built = []
    for lang in LANGUAGES:
        qm = out_dir / f"cqdesk_{lang}.qm"
        subprocess.run(
            [tool("pyside6-lrelease"), "-silent", str(FOLDER / f"cqdesk_{lang}.ts"), "-qm", str(qm)], check=True
        )
        built.append(qm)
    return built


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "build"
    {"update": update, "build": build}[command]()
