"""Write the third-party notices from the installed distributions' metadata.

    python scripts/make_notices.py [OUT_DIR]     # default: resources/licenses

Lists every distribution the app needs at run time (cqdesk's requirements, followed recursively, without
extras) with its version, licence and homepage, then the components that carry no Python metadata
(Qt, Python, SQLite, the font, the OpenCC-derived table), and copies the licence texts that must travel
with them. packaging/build.py runs it into the bundle, so the shipped file names the versions built.
"""

from __future__ import annotations

import re
import shutil
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "resources" / "licenses"
COMMON = Path("/usr/share/common-licenses")  # Debian's copies of the standard licence texts

# Licence texts shipped beside the notices: file name -> where the text comes from (first that exists).
TEXTS = {
    "LGPL-3.0.txt": [COMMON / "LGPL-3"],
    "GPL-3.0.txt": [COMMON / "GPL-3"],  # the LGPL is a set of permissions on top of the GPL's text
    "Apache-2.0.txt": [COMMON / "Apache-2.0"],
    "PSF-2.0.txt": [Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"],
    "OFL-1.1.txt": [ROOT / "resources" / "fonts" / "OFL.txt"],
    "ICU-Unicode.txt": [],  # the committed copy (ICU's licence; no installed package carries it)
}

NOT_FROM_METADATA = """\
Qt 6 (bundled inside PySide6-Essentials, and Qt TextToSpeech from PySide6-Addons)
  Licence: LGPL-3.0-only (see LGPL-3.0.txt and GPL-3.0.txt). https://www.qt.io/
  The installers ship Qt and PySide6 as separate shared libraries in the app's folder
  (_internal/PySide6 in the Windows and Linux builds, Contents/Frameworks in the macOS app).
  You may replace them with your own builds of the same major version; the app loads whatever
  libraries it finds there. The source of Qt and PySide6 is available at https://download.qt.io/
  and https://code.qt.io/; on request we provide a copy of the source of the exact version shipped.

Python {python}
  Licence: PSF-2.0 (see PSF-2.0.txt). https://www.python.org/

ICU (International Components for Unicode: the libicu libraries that Qt Core links on Linux)
  Licence: Unicode, Inc. License Agreement - Data Files and Software (see ICU-Unicode.txt).
  https://icu.unicode.org/  Modified: the Linux installers carry a smaller copy of ICU's data library,
  from which the data of languages other than English and Chinese, the non-Chinese character
  converters, transliteration and break iteration were removed (packaging/linux/icu_data.py).
  The Windows and macOS installers carry no ICU libraries.

SQLite {sqlite} (inside Python)
  The author disclaims copyright to this source code. In place of a legal notice, here is a blessing:
  May you do good and not evil. May you find forgiveness for yourself and forgive others.
  May you share freely, never taking more than you give.  https://sqlite.org/

Noto Sans CJK SC (subset bundled as "cqdesk Sans SC", resources/fonts)
  Licence: OFL-1.1 (see OFL-1.1.txt). Copyright 2014-2021 Adobe (http://www.adobe.com/).
  https://github.com/notofonts/noto-cjk

OpenCC (the traditional-to-simplified character table, resources/t2s.txt, and the one stored in data/report.db
  and in each imported report were derived from its t2s data; no OpenCC code ships).
  Licence: Apache-2.0 (see Apache-2.0.txt). https://github.com/BYVoid/OpenCC
"""


def runtime_distributions(root: str = "cqdesk") -> list[metadata.Distribution]:
    """root's requirements (no extras, markers for this interpreter), followed recursively."""
    seen: dict[str, metadata.Distribution] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        key = _norm(dist.metadata["Name"])
        if key in seen:
            continue
        seen[key] = dist
        for req in dist.requires or []:
            if "extra ==" in req or not _marker_holds(req):
                continue
            todo.append(re.split(r"[\s;<>=!~\[(]", req, maxsplit=1)[0])
    seen.pop(_norm(root), None)
    return sorted(seen.values(), key=lambda d: _norm(d.metadata["Name"]))


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _marker_holds(req: str) -> bool:
    if ";" not in req:
        return True
    try:
        from packaging.requirements import Requirement
    except ImportError:  # without packaging, keep every requirement (a notice too many is harmless)
        return True
    marker = Requirement(req).marker
    return marker is None or marker.evaluate({"extra": ""})


# Distributions offered under a choice of licences, and the one cqdesk takes them under.
CHOSEN = {
    "odfpy": "Apache-2.0 (odfpy is offered under Apache-2.0, GPL-2.0+ or LGPL-2.1+; cqdesk takes it under "
    "Apache-2.0, see Apache-2.0.txt)",
}


def licence_of(dist: metadata.Distribution) -> str:
    md = dist.metadata
    if _norm(md["Name"]) in CHOSEN:
        return CHOSEN[_norm(md["Name"])]
    expr = md.get("License-Expression")
    if expr:
        return expr
    text = (md.get("License") or "").strip()
    if text and "\n" not in text and len(text) < 80:
        return text
    classifiers = [c.split(" :: ")[-1] for c in md.get_all("Classifier") or [] if c.startswith("License ::")]
    return "; ".join(classifiers) or "see its licence file"


def homepage_of(dist: metadata.Distribution) -> str:
    md = dist.metadata
    for url in md.get_all("Project-URL") or []:
        label, _, link = url.partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository"):
            return link.strip()
    return md.get("Home-page") or ""


def licence_files(dist: metadata.Distribution) -> list[Path]:
    return [
        Path(str(dist.locate_file(f)))
        for f in dist.files or []
        if re.search(r"(LICEN[CS]E|COPYING|NOTICE)", f.name, re.IGNORECASE) and ".dist-info" in str(f)
    ]


def render() -> str:
    import sqlite3

    lines = [
        "cqdesk: third-party notices",
        "",
        "cqdesk itself is MIT-licensed (LICENSE). It is built on the components below; each keeps its own licence.",
        "",
        "Python packages (name, version, licence, homepage):",
        "",
    ]
    for dist in runtime_distributions():
        md = dist.metadata
        lines.append(f"{md['Name']} {dist.version}")
        lines.append(f"  Licence: {licence_of(dist)}. {homepage_of(dist)}".rstrip())
        for f in licence_files(dist):
            lines.append(f"  Licence text: licenses/{_norm(md['Name'])}-{f.name}")
        lines.append("")
    lines.append("Components without Python package metadata:")
    lines.append("")
    python = ".".join(map(str, sys.version_info[:3]))
    lines.append(NOT_FROM_METADATA.format(python=python, sqlite=sqlite3.sqlite_version))
    return "\n".join(lines)


def write(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = [out / "THIRD-PARTY-NOTICES.txt"]
    written[0].write_text(render(), encoding="utf-8")
    for name, sources in TEXTS.items():
        source = next((s for s in sources if s.is_file()), None)
        if source is None:
            if not (out / name).is_file():
                raise SystemExit(f"no copy of {name} found (looked in {', '.join(map(str, sources))})")
            continue  # keep the committed copy
        if source.resolve() != (out / name).resolve():
            shutil.copyfile(source, out / name)
        written.append(out / name)
    for dist in runtime_distributions():
        for f in licence_files(dist):
            target = out / f"{_norm(dist.metadata['Name'])}-{f.name}"
            shutil.copyfile(f, target)
            written.append(target)
    return written


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT
    for path in write(out):
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
