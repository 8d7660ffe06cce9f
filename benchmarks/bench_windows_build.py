"""Time of the Windows build and smoke tests under Wine, and the installer's size.

python benchmarks/bench_windows_build.py
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    start = time.monotonic()
    run = subprocess.run(
        ["bash", str(ROOT / "packaging" / "windows" / "build-under-wine.sh")], capture_output=True, text=True
    )
    total = time.monotonic() - start
    steps = re.findall(r"^== (.+) \((\d+)s\)$", run.stdout, re.MULTILINE)
    for (name, at), (_, nxt) in zip(steps, [*steps[1:], ("end", str(round(total)))], strict=True):
        print(f"{int(nxt) - int(at):>4} s  {name}")
    setup = sorted((ROOT / "dist").glob("cqdesk-*-windows-setup.exe"))
    print(f"total {total:.0f} s, exit status {run.returncode}")
    if setup:
        print(f"{setup[-1].name}: {setup[-1].stat().st_size / 2**20:.1f} MB (goal under 35 MB)")
    bundle = ROOT / "dist" / "windows" / "cqdesk"
    if bundle.is_dir():
        size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
        print(f"onedir: {size / 2**20:.1f} MB in {sum(1 for p in bundle.rglob('*') if p.is_file())} files")
    return run.returncode


if __name__ == "__main__":
    sys.exit(main())
