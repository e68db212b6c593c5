"""The samples of responses in an .avsec file (docs/architecture.md, *Samples*).

A response's ``sample_size`` and ``failures`` live in the ``extras`` table, one entry per item
keyed ``sample:<item id>``, not in new columns of ``responses``: the file format stays version
3, so an older avsec still opens, reads and edits a file with samples (it shows no counter and
leaves the entries alone; an entry whose response it deletes is ignored, and dropped on the
next write of that item). Written only with its response, inside the response's transaction.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from avsec.core.assessment import Response
from avsec.core.errors import StoreError
from avsec.core.i18n import N_

#: Prefix of the extras keys holding samples.
SAMPLE_PREFIX = "sample:"


def write_sample(
    conn: sqlite3.Connection, item_id: str, response: Response | None
) -> dict[str, Any]:
    """Write (or delete) the sample of ``response``; return the fields as stored."""
    key = SAMPLE_PREFIX + item_id
    if response is None or response.sample_size is None:
        conn.execute("DELETE FROM extras WHERE key = ?", (key,))
        return {}
    value = {"sample_size": response.sample_size, "failures": response.failures}
    conn.execute("INSERT OR REPLACE INTO extras VALUES (?, ?)", (key, json.dumps(value)))
    (text,) = conn.execute("SELECT json FROM extras WHERE key = ?", (key,)).fetchone()
    return dict(json.loads(text))


def read_samples(conn: sqlite3.Connection, file_name: str) -> dict[str, dict[str, Any]]:
    """Every stored sample by item id, as fields of :class:`Response`.

    Raises
    ------
    StoreError
        An entry that is not a JSON object of the two counts (the response it belongs to
        then names the bad value when it is validated).
    """
    out: dict[str, dict[str, Any]] = {}
    try:
        rows = conn.execute(
            "SELECT key, json FROM extras WHERE substr(key, 1, ?) = ?",
            (len(SAMPLE_PREFIX), SAMPLE_PREFIX),
        ).fetchall()
    except sqlite3.OperationalError:  # a version-1 file read without migrating: no extras
        return out
    for key, text in rows:
        try:
            value = json.loads(text)
        except ValueError:
            raise StoreError(
                N_("{name}: the entry {key} is damaged (not JSON)"), name=file_name, key=key
            ) from None
        if not isinstance(value, dict) or set(value) != {"sample_size", "failures"}:
            raise StoreError(
                N_("{name}: the entry {key} is damaged (not a sample)"), name=file_name, key=key
            )
        out[key[len(SAMPLE_PREFIX) :]] = value
    return out
