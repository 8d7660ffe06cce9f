"""Build the bundled CJK font subset from Debian's fonts-noto-cjk with fontTools.

The subset holds exactly the characters the app shows: every character of the
report, of the UI and its translations, and printable ASCII with common
punctuation. Its character map then has no CJK radical look-alikes (U+2E80 to
U+2FDF), so Qt's PDF text layer maps every glyph back to the right character,
and no glyph substitutions, so every glyph drawn has a character behind it.
The family is renamed so it never shadows an installed Noto font.

    apt-get install fonts-noto-cjk && python scripts/make_font_subset.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "fonts"
NOTO = Path("/usr/share/fonts/opentype/noto")
DEBIAN_COPYRIGHT = Path("/usr/share/doc/fonts-noto-cjk/copyright")
FAMILY = "cqdesk Sans SC"
WEIGHTS = {"Regular": "NotoSansCJK-Regular.ttc", "Bold": "NotoSansCJK-Bold.ttc"}
SC_INDEX = 2  # in Noto's collections: JP, KR, SC, TC, HK, ...
EXTRA = "…›—–·•《》「」『』，。、：；！？（）【】〔〕“”‘’■●○◆☆★％＋－×÷～ 　"


def characters() -> str:
    chars = set(chr(c) for c in range(0x20, 0x7F)) | set(EXTRA)
    chars |= set((ROOT / "data" / "source" / "chongqing-2025-government-work-report.txt").read_text("utf-8"))
    for path in [*(ROOT / "resources" / "translations").glob("*.ts"), *(ROOT / "cqdesk").rglob("*.py")]:
        chars |= set(path.read_text("utf-8"))
    chars = {c for c in chars if c.isprintable() or c == "\u3000"}
    radicals = {c for c in chars if 0x2E80 <= ord(c) <= 0x2FDF}
    return "".join(sorted(chars - radicals))


def licence_text() -> str:
    text = DEBIAN_COPYRIGHT.read_text("utf-8")
    body = text.split("License: SIL-1.1\n", 2)[2]
    lines = []
    for line in body.splitlines():
        if line and not line.startswith(" "):
            break
        lines.append("" if line.strip() == "." else line[1:])
    return "\n".join(lines).strip() + "\n"


def build(weight: str, source: str, text: str) -> Path:
    font = TTCollection(str(NOTO / source)).fonts[SC_INDEX]
    options = subset.Options()
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14, 16, 17]
    options.recalc_timestamp = False
    options.notdef_outline = True
    # No substitutions: Noto's ccmp joins "——" into one glyph with no character behind it, which the
    # PDF text layer then drops; horizontal Chinese needs none of ccmp, liga, locl or vert.
    options.layout_features = []
    sub = subset.Subsetter(options)
    sub.populate(text=text)
    sub.subset(font)
    ps_name = FAMILY.replace(" ", "") + "-" + weight
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 3, 4, 6, 16, 17):
            names.removeNames(nameID=record.nameID)
    for name_id, value in {
        1: FAMILY,
        2: weight,
        3: f"{ps_name};cqdesk subset",
        4: f"{FAMILY} {weight}",
        6: ps_name,
    }.items():
        names.setName(value, name_id, 3, 1, 0x409)
        names.setName(value, name_id, 1, 0, 0)
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = [ps_name]
        top = cff.topDictIndex[0]
        top.FamilyName, top.FullName = FAMILY, f"{FAMILY} {weight}"
    out = OUT / f"{ps_name}.otf"
    font.save(str(out))
    return out


def main() -> int:
    if not (NOTO / WEIGHTS["Regular"]).exists():
        print("needs Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk)", file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    text = characters()
    for weight, source in WEIGHTS.items():
        out = build(weight, source, text)
        print(f"{out.relative_to(ROOT)}: {out.stat().st_size:,} bytes")
    (OUT / "OFL.txt").write_text(
        "cqdesk Sans SC is a subset of Noto Sans CJK SC (Regular and Bold), renamed.\n"
        "Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'.\n"
        "Noto is a trademark of Google Inc.\n\n" + licence_text(),
        encoding="utf-8",
    )
    (OUT / "characters.txt").write_text(re.sub(r"(.{64})", r"\1\n", text) + "\n", encoding="utf-8")
    print(f"{len(text)} characters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
