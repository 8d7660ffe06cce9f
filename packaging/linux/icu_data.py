"""A smaller ICU data library for the Linux bundle: what Qt Core asks of ICU, for the languages cqdesk speaks.

PySide6's Linux wheels carry ICU with the data of every language (libicudata, 30.6 MB, the bundle's largest
file). Qt Core calls ICU only for collation (QCollator), character converters (QStringConverter's non-Unicode
encodings), time-zone names and locale-specific case mapping; it never uses ICU's break iterators or
transliterators, and its own locale data (QLocale) is compiled into Qt. So the bundle keeps ICU's data for the
root locale, English and Chinese (and Cantonese, which Hong Kong's Chinese falls back to), the Chinese
converters (GB18030, GBK, GB2312, Big5, Big5-HKSCS), and all data that belongs to no locale; it drops the other
languages, the other converters, transliteration and break iteration. About 5.6 MB instead of 30.6.

The data is ICU's own package format, filtered with ICU's own tool (icupkg, Debian's icu-devtools) and linked
into a library of the same name and symbol (``icudt<N>_dat``) with gcc, so Qt's ICU loads it unchanged.

    python packaging/linux/icu_data.py LIBICUDATA OUT_DIR   # writes OUT_DIR/libicudata.so.<N>
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

KEEP_LANGUAGES = re.compile(r"^(root|en|zh|yue)(_.*)?$")
# Resource bundles named like a locale (af.res, zh_Hant_HK.res, coll/de_.res); the others are shared data.
LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*$")
SHARED_NAMES = {"pool", "res_index"}  # look like locales, but every locale's bundles need them
# windows-936 (GBK) and windows-950 (Big5) are built on the IBM tables they name.
KEEP_CONVERTERS = {
    "gb18030",
    "windows-936-2000",
    "ibm-1386_P100-2001",
    "ibm-1383_P110-1999",
    "windows-950-2000",
    "ibm-1373_P100-2002",
    "ibm-5471_P100-2006",
}
DROPPED_FOLDERS = {"translit", "brkitr"}  # Qt calls neither utrans nor ubrk
TOOLS = ("objcopy", "icupkg", "gcc")


def keep(item: str) -> bool:
    """Whether the bundle keeps an item of ICU's data (``coll/zh.res``, ``gb18030.cnv``, ``zoneinfo64.res``)."""
    folder, _, name = item.rpartition("/")
    stem, ext = os.path.splitext(name)
    if folder in DROPPED_FOLDERS:
        return False
    if ext == ".cnv":
        return stem in KEEP_CONVERTERS
    if ext == ".res" and stem not in SHARED_NAMES and LOCALE.match(stem):
        return bool(KEEP_LANGUAGES.match(stem))
    return True


def shrink(library: Path, out_dir: Path) -> Path:
    """Write a filtered copy of ``library`` (libicudata.so.<N>) into ``out_dir``; returns its path."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        raise SystemExit(
            f"building the Linux bundle needs {', '.join(missing)} to shrink ICU's data "
            "(Debian: icu-devtools, binutils, gcc; scripts/install-system-deps.sh --test installs them)"
        )
    version = library.name.split(".so.")[1].split(".")[0]
    work = out_dir / "icu-work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    # The library holds one symbol, icudt<N>_dat, which is its whole read-only data section.
    full = work / f"icudt{version}l.dat"
    subprocess.run(["objcopy", "-O", "binary", "--only-section=.rodata", library, full], check=True)
    items = subprocess.run(["icupkg", "-l", full], check=True, capture_output=True, text=True).stdout.split()
    (work / "remove.txt").write_text("\n".join(i for i in items if not keep(i)) + "\n", encoding="utf-8")
    small = work / "small.dat"
    # --auto_toc_prefix keeps the item names' "icudt<N>l/" prefix, which ICU looks them up by.
    subprocess.run(["icupkg", "--auto_toc_prefix", "-r", work / "remove.txt", full, small], check=True)
    assembly = work / "icudata.S"
    assembly.write_text(
        f"""    .section .rodata
    .globl icudt{version}_dat
    .type icudt{version}_dat, @object
    .balign 16
icudt{version}_dat:
    .incbin "{small}"
    .size icudt{version}_dat, . - icudt{version}_dat
    .section .note.GNU-stack,"",@progbits
""",
        encoding="utf-8",
    )
    out = out_dir / library.name
    subprocess.run(
        ["gcc", "-shared", "-nostdlib", f"-Wl,-soname,libicudata.so.{version}", "-o", out, assembly], check=True
    )
    shutil.rmtree(work)
    return out


if __name__ == "__main__":
    print(shrink(Path(sys.argv[1]), Path(sys.argv[2])))
