"""Size of the frozen app and its archive, and its start-up beside the same app from source.

Needs a built bundle: python packaging/build.py (Linux: dist/cqdesk and dist/cqdesk-*.tar.xz).
Start-up is process start to the first paint of the text pane (CQDESK_STARTUP_PROBE), offscreen,
median of --runs, both measured in this run.

    python benchmarks/bench_bundle.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from installed import installed_env

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"


def startup(cmd: list[str]) -> float:
    with tempfile.TemporaryDirectory() as home:
        env = installed_env(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=home, CQDESK_STARTUP_PROBE="1")
        t0 = time.monotonic()
        out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("first-paint ")), None)
    if line is None:
        raise RuntimeError(f"{cmd[0]}: no first paint\n{out.stdout}\n{out.stderr}")
    return float(line.split()[1]) - t0


def tree_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    bundle = DIST / "cqdesk"
    exe = bundle / ("cqdesk.exe" if os.name == "nt" else "cqdesk")
    if not exe.exists():
        raise SystemExit("build first: python packaging/build.py")
    files = sorted(
        ((p.stat().st_size, p) for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()), reverse=True
    )
    print(f"onedir: {tree_size(bundle) / 2**20:.1f} MiB in {len(files)} files; largest:")
    for size, path in files[:8]:
        print(f"  {size / 2**20:6.1f} MiB  {path.relative_to(bundle)}")
    for archive in sorted(DIST.glob("cqdesk-*")):
        if archive.suffix != ".sha256" and archive.is_file():
            print(f"{archive.name}: {archive.stat().st_size / 2**20:.1f} MiB")
    frozen, source = [], []
    for _ in range(args.runs):  # alternated, so that a machine slowing down weighs on both alike
        frozen.append(startup([str(exe)]))
        source.append(startup([sys.executable, "-m", "cqdesk"]))
    f, s = statistics.median(frozen), statistics.median(source)
    print(f"start-up to first paint (offscreen): frozen {f:.3f} s, from source {s:.3f} s, ratio {f / s:.2f}")


if __name__ == "__main__":
    main()
