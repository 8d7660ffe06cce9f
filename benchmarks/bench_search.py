"""Search latency on the real database and on the report repeated 1,000 times.

Prints median and p95 per query class, beside a baseline taken in the same run
(one full pass over the synthetic table's text), since the machine is shared.
Usage: python benchmarks/bench_search.py [--copies 1000] [--rounds 30]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

import sqlite_utils

from cqdesk.report.build import _create_search_tables, fill_search, search_rows
from cqdesk.report.parse import parse_file
from cqdesk.report.paths import default_db_path, default_source_path
from cqdesk.report.search import DEFAULT_LIMIT as LIMIT
from cqdesk.report.search import search
from cqdesk.report.store import Report, connect_readonly

QUERIES = {
    "1 char": ["库", "村", "绿"],
    "2 chars": ["重庆", "发展", "乡村"],
    "3 chars": ["新通道", "数字化", "民营经"],
    "4+ chars": ["乡村振兴", "现代制造业集群", "西部陆海新通道"],
    "multi-term": ["乡村 振兴", "数字 重庆", "开放 平台 国际"],
    # Pastes a hostile tester tried (4.4 s and 22 s before terms were capped without a quadratic scan):
    "20k terms": [" ".join(f"t{i}" for i in range(20_000))],
    "50k 2-char": [" ".join(chr(0x4E00 + i % 3000) + chr(0x4E00 + i * 7 % 3000) for i in range(50_000))],
}


def build_synthetic(copies: int, path: Path) -> sqlite3.Connection:
    doc = parse_file(default_source_path())
    n = len(doc.sections)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = OFF")  # a scratch file: no crash safety needed while it is built
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("PRAGMA cache_size = -1000000")  # the gram index is filled out of key order
    db = sqlite_utils.Database(conn)
    _create_search_tables(db)

    def rows():
        for k in range(copies):
            yield from search_rows(doc, id_prefix=f"copy{k}/", position_offset=k * n)

    fill_search(db, rows())
    conn.commit()
    conn.close()
    return connect_readonly(path)  # opened as the app opens its database


def timed(conn: sqlite3.Connection, query: str) -> float:
    t = time.perf_counter()
    search(conn, query, limit=LIMIT)
    return (time.perf_counter() - t) * 1000


def run(conn: sqlite3.Connection, rounds: int) -> dict[str, tuple[float, float]]:
    out = {}
    for name, queries in QUERIES.items():
        for q in queries:
            timed(conn, q)  # warm the page cache
        samples = [timed(conn, q) for _ in range(rounds) for q in queries]
        samples.sort()
        out[name] = (statistics.median(samples), samples[int(0.95 * (len(samples) - 1))])
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=30)
    args = ap.parse_args()

    real = Report(default_db_path())
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        big = build_synthetic(args.copies, Path(tmp) / "big.db")
        chars = big.execute("SELECT sum(length(text)) FROM search_display").fetchone()[0]
        print(
            f"synthetic database: {args.copies} copies, {chars:,} characters, built in {time.perf_counter() - t:.1f} s"
        )
        base = []
        for _ in range(5):
            t = time.perf_counter()
            big.execute("SELECT sum(length(norm)) FROM search").fetchone()
            base.append((time.perf_counter() - t) * 1000)
        baseline = statistics.median(base)
        print(f"baseline: one pass over the synthetic text: {baseline:.2f} ms (median of 5)")
        print(
            f"{'query class':<12} {'real med':>9} {'real p95':>9} {'1000x med':>10} {'1000x p95':>10} "
            f"{'p95/baseline':>13}"
        )
        r_real, r_big = run(real.conn, args.rounds), run(big, args.rounds)
        for name in QUERIES:
            (m1, p1), (m2, p2) = r_real[name], r_big[name]
            print(f"{name:<12} {m1:>7.2f}ms {p1:>7.2f}ms {m2:>8.2f}ms {p2:>8.2f}ms {p2 / baseline:>13.2f}")
        big.close()


if __name__ == "__main__":
    main()
