"""A writer killed with SIGKILL mid-stream loses at most the edit in flight."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

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
        f.apply(SetResponse(item, None, Response(item_id=item, status="compliant", notes=str(n))))
        print(n, flush=True)
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
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
