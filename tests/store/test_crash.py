"""A writer killed with SIGKILL loses at most the edit in flight, even inside a transaction."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from avsec.store import AvsecFile

WRITER = textwrap.dedent(
    """
    import sys
    from avsec.core.assessment import Response
    from avsec.core.commands import SetResponse
    from avsec.store import AvsecFile

    f = AvsecFile.open(sys.argv[1], user="writer")
    items = f.checklist.item_ids()
    n = 0
    while True:
        n += 1
        item = items[n % len(items)]
        after = Response(item_id=item, status="compliant", notes=str(n))
        f.apply(SetResponse(item, f.response(item), after))
        print(n, flush=True)
    """
)


def test_sigkill_keeps_every_committed_edit(new_file: AvsecFile, tmp_path: Path) -> None:
    path = new_file.path
    new_file.close()
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    proc = subprocess.Popen(
        [sys.executable, str(script), str(path)],
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    acknowledged = 0
    assert proc.stdout is not None
    for line in proc.stdout:
        acknowledged = int(line)
        if acknowledged >= 60:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    with AvsecFile.open(path) as f:
        journal = [c for c in f.changes() if c["what"].startswith("response:")]
        notes = [int(c["after"]["notes"]) for c in journal]
        # Every edit the writer reported committed is there, in order; the writer may have
        # committed more before the kill landed, but never skipped or half-wrote one.
        assert len(notes) >= acknowledged
        assert notes == list(range(1, len(notes) + 1))
        latest = {}
        for c in journal:
            latest[c["after"]["item_id"]] = c["after"]["notes"]
        assert {k: r.notes for k, r in f.responses().items()} == latest


#: Commits 20 edits, then opens one large transaction that overflows a tiny page cache (so
#: SQLite has already written the rollback journal and overwritten pages of the file itself),
#: says so and waits there to be killed.
WRITER_IN_TRANSACTION = textwrap.dedent(
    """
    import sys
    from avsec.core.assessment import Response
    from avsec.core.commands import SetResponse
    from avsec.store import AvsecFile

    f = AvsecFile.open(sys.argv[1], user="writer")
    items = f.checklist.item_ids()
    for n in range(1, 21):
        item = items[n % len(items)]
        after = Response(item_id=item, status="compliant", notes=str(n))
        f.apply(SetResponse(item, f.response(item), after))
    print("committed", flush=True)
    f._conn.execute("PRAGMA cache_size = 8")
    with f.transaction():
        for item in items:
            f.write_response(
                item, Response(item_id=item, status="not_compliant", notes="in flight " * 5000)
            )
        print("inside", flush=True)
        sys.stdin.readline()
    """
)


def test_sigkill_inside_a_transaction_leaves_a_hot_journal_that_is_rolled_back(
    new_file: AvsecFile, tmp_path: Path
) -> None:
    path = new_file.path
    new_file.close()
    journal_file = path.with_name(path.name + "-journal")
    script = tmp_path / "writer.py"
    script.write_text(WRITER_IN_TRANSACTION)
    proc = subprocess.Popen(
        [sys.executable, str(script), str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "committed"
    committed = path.read_bytes()
    assert proc.stdout.readline().strip() == "inside"
    # Inside the transaction: the journal holds the original pages and the file has changed.
    assert journal_file.stat().st_size > 0
    assert path.read_bytes() != committed
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    # The killed writer left a hot journal behind...
    assert journal_file.stat().st_size > 0
    # ...which the next reader rolls back: the file is whole and holds the 20 committed edits.
    with AvsecFile.open(path) as f:
        notes = [int(c["after"]["notes"]) for c in f.changes() if c["what"].startswith("response:")]
        assert notes == list(range(1, 21))
        assert all("in flight" not in r.notes for r in f.responses().values())
    assert not journal_file.exists()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
