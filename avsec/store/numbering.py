"""Finding numbers that survive re-analysis while the layout is unchanged.

The store numbers the findings it is given (:func:`avsec.core.findings.keep_numbers`) and
keeps, in the extras entry :data:`NUMBERING_KEY`, every number handed out together with a
fingerprint of the layout they were handed out for: the next analysis of the same layout
keeps them, a changed layout starts again at F1.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3

from avsec.core.findings import Finding, keep_numbers

#: Extras key of the numbering: ``{"layout": fingerprint, "numbers": {finding id: n}}``.
NUMBERING_KEY = "finding_numbering"


def layout_fingerprint(conn: sqlite3.Connection) -> str:
    """A checksum of every feature (id, kind, geometry, properties), independent of order."""
    digest = hashlib.sha256()
    for row in conn.execute("SELECT id, kind, geometry, properties FROM features ORDER BY id"):
        digest.update(json.dumps(row, ensure_ascii=False).encode())
        digest.update(b"\n")
    return digest.hexdigest()


def number_findings(conn: sqlite3.Connection, findings: list[Finding]) -> list[Finding]:
    """Number ``findings`` against the stored numbering and store the new one.

    Runs inside the caller's write transaction (the one that stores the findings).
    """
    row = conn.execute("SELECT json FROM extras WHERE key = ?", (NUMBERING_KEY,)).fetchone()
    try:
        stored = json.loads(row[0]) if row else {}
    except ValueError:
        stored = {}  # a damaged numbering only costs the old numbers
    if not isinstance(stored, dict):
        stored = {}
    fingerprint = layout_fingerprint(conn)
    raw = stored.get("numbers")
    previous = (
        {str(k): v for k, v in raw.items() if isinstance(v, int) and v > 0}
        if isinstance(raw, dict)
        else {}
    )
    numbered, numbering = keep_numbers(
        findings, previous, same_layout=stored.get("layout") == fingerprint
    )
    conn.execute(
        "INSERT OR REPLACE INTO extras VALUES (?, ?)",
        (NUMBERING_KEY, json.dumps({"layout": fingerprint, "numbers": numbering})),
    )
    return numbered
