"""Write resources/t2s.txt: every CJK character OpenCC's t2s table turns into one other character, one pair a
line (traditional, then simplified). Importing a report needs it to let 鄉村振興 find 乡村振兴; the app ships
this table, not OpenCC (Apache-2.0; named in the notices).

    python scripts/make_t2s.py
"""

from __future__ import annotations

from pathlib import Path

import opencc

from cqdesk.report.build import CJK_RANGES

OUT = Path(__file__).resolve().parents[1] / "resources" / "t2s.txt"


def main() -> None:
    converter = opencc.OpenCC("t2s.json")
    pairs = []
    for lo, hi in CJK_RANGES:
        for cp in range(lo, hi):
            ch = chr(cp)
            simplified = converter.convert(ch)
            if simplified != ch and len(simplified) == 1:
                pairs.append(ch + simplified)
    OUT.write_text("".join(p + "\n" for p in pairs), encoding="utf-8")
    print(f"wrote {OUT} ({len(pairs)} pairs)")


if __name__ == "__main__":
    main()
