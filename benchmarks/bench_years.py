"""Year over year: the ledger, the new wording and a term's trend, on reports of a full text's length.

Prints each beside a baseline taken in the same run, one Python pass over the two texts (counting a word in
each of their paragraphs), and the goal: each under 100 ms on this machine.
- the ledger of two reports of about 20,000 characters: from their loaded documents (as the window has
  them), and with the two databases opened and loaded first (as the command line does);
- the new wording of the same two;
- a term's count in each report of a library of 50 such reports: the first time (each report's text read
  from its database) and again (the texts kept, as the Compare Years window keeps them).

    python benchmarks/bench_years.py [--reports 50] [--rounds 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def ms(fn, rounds: int) -> float:
    samples = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=50)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()

    from cqdesk.report.library import Library
    from cqdesk.report.paths import default_db_path
    from cqdesk.report.store import read_text
    from cqdesk.report.years.pairing import open_pair
    from cqdesk.report.years.trend import Texts, trend
    from tests.fixtures import reports as R

    tmp = Path(tempfile.mkdtemp())
    filler = 560  # about 20,000 characters a report, as a city's full text
    library = Library(tmp / "lib", default_db_path())
    t = time.perf_counter()
    ids = []
    for n in range(args.reports):
        year = 2026 + n % 2  # pairs of consecutive years, each pair a region of its own
        source = R.write_text(tmp / f"r{n}.txt", year=year, region=f"青川{n // 2}市", filler=filler)
        ids.append(library.store(library.plan(source)).id)
    print(f"a library of {args.reports} reports built in {time.perf_counter() - t:.1f} s")

    pair = open_pair(library, ids[0], ids[1])
    blocks = [b.text for b in pair.old_doc.blocks + pair.new_doc.blocks]
    chars = sum(map(len, blocks))
    baseline = ms(lambda: sum(b.count("低空") for b in blocks), args.rounds * 20)
    print(f"two reports of {chars:,} characters in all; baseline, one Python pass over them: {baseline:.2f} ms")

    def opened_ledger() -> None:
        p = open_pair(library, ids[0], ids[1])
        p.ledger()
        p.close()

    entries = library.entries()
    rows = [(e.id, e.region, e.year, e.shown_name) for e in entries]
    paths = {e.id: e.path for e in entries}

    def cold_trend() -> None:
        trend("低空经济", rows, Texts(lambda rid: read_text(paths[rid])))

    warm = Texts(lambda rid: read_text(paths[rid]))
    trend("低空经济", rows, warm)
    figures = {
        "ledger (documents loaded)": ms(pair.ledger, args.rounds),
        "ledger (two databases opened)": ms(opened_ledger, args.rounds),
        "new wording": ms(pair.wording, args.rounds),
        f"trend over {len(rows)} reports, first time": ms(cold_trend, args.rounds),
        f"trend over {len(rows)} reports, again": ms(lambda: trend("新能源", rows, warm), args.rounds),
    }
    print(f"  {'':<36} {'median':>9} {'/ pass':>8}  goal < 100 ms")
    for name, value in figures.items():
        print(f"  {name:<36} {value:7.1f}ms {value / baseline:8.0f}x  {'yes' if value < 100 else 'NO'}")
    pair.close()


if __name__ == "__main__":
    main()
