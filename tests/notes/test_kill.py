"""Kill the writer at random moments: every change it acknowledged is there afterwards, nothing twice."""

import random
import sqlite3
import subprocess
import sys
import time

from cqdesk.notes.store import NotesStore
from tests.conftest import THOROUGH

WRITER = r"""
import sys
from cqdesk.notes.model import Annotation
from cqdesk.notes.store import NotesStore
store = NotesStore(sys.argv[1])
n = 0
while True:
    n += 1
    a = Annotation.new("note", "plan/areas/%d" % (n % 8 + 1), "d", note="笔记 %d " % n + "长" * (n % 300))
    store.put(a)
    print(a.id, flush=True)  # acknowledged: put() returned, so the change is committed
"""


def test_acknowledged_writes_survive_sigkill(tmp_path):
    writes, kills = (1000, 50) if THOROUGH else (150, 10)
    rng = random.Random(15)
    acknowledged: list[str] = []
    killed = 0
    while len(acknowledged) < writes or killed < kills:
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path)], stdout=subprocess.PIPE, text=True)
        want = rng.randint(1, max(2, 2 * writes // kills))
        got = 0
        for line in proc.stdout:
            acknowledged.append(line.strip())
            got += 1
            if got >= want:
                break
        time.sleep(rng.random() * 0.01)  # somewhere inside the next write
        proc.kill()
        proc.wait()
        proc.stdout.close()
        killed += 1
    store = NotesStore(tmp_path)
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    ids = [a.id for a in store.all()]
    assert len(ids) == len(set(ids))
    missing = set(acknowledged) - set(ids)
    assert not missing, f"{len(missing)} acknowledged writes lost"
    assert not store.recovered
    assert killed >= kills and len(acknowledged) >= writes
    conn = sqlite3.connect(tmp_path / "user.db")
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
