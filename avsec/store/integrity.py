"""Refuse files that are not .avsec files, come from a newer avsec, or are damaged.

Reading a whole file on every open would make opening cost as much as its photos weigh, so the
check scales with what is at risk:

* every open checks the header, the size against the page count, the format version, the
  tables, and runs SQLite's ``quick_check`` on every table except the photo bytes;
* the whole file (photo bytes included) is checked when the last writer did not close it
  cleanly (the ``clean_close`` marker in ``meta`` is not ``true``, or a hot journal is left),
  and whenever the user asks (``avsec check FILE``, File > Check file integrity in the app).
"""

from __future__ import annotations

import os
import sqlite3
import urllib.parse
from pathlib import Path
from typing import Any

from avsec.core.errors import NewerVersionError, NotAnAvsecFile
from avsec.core.i18n import N_
from avsec.store import crypto, schema

_SQLITE_MAGIC = b"SQLite format 3\x00"
#: ``meta`` key: "false" while a writer may have edits in flight, "true" after a clean close.
CLEAN_CLOSE_KEY = "clean_close"


def sqlite_uri(path: Path, mode: str) -> str:
    """An SQLite ``file:`` URI for ``path``; ``?``, ``#`` and ``%`` in names are escaped."""
    return f"file:{urllib.parse.quote(Path(path).resolve().as_posix())}?mode={mode}"


def is_read_only(path: Path) -> bool:
    """True when avsec may not write ``path`` (the file, or its folder for the journal)."""
    path = Path(path)
    # The write bits count even for a superuser, whom os.access lets write anything: a file
    # marked read-only is meant to stay as it is.
    no_write_bits = not path.stat().st_mode & 0o222
    folder = path.resolve().parent
    return no_write_bits or not os.access(path, os.W_OK) or not os.access(folder, os.W_OK)


def check_file(path: Path, *, full: bool | None = None) -> int:
    """Check that ``path`` is an .avsec file this avsec can open, without writing to it.

    Parameters
    ----------
    path
        The file.
    full
        True: check every page, photo bytes included. False: leave the photo tables out.
        None (default): the whole file only after an unclean close (see the module docstring).

    Returns
    -------
    int
        The file's schema version (older versions need a migration).

    Raises
    ------
    NotAnAvsecFile
        Missing, not SQLite, truncated, damaged, or SQLite but not an .avsec file.
    NewerVersionError
        Written by a newer avsec.
    """
    path = Path(path)
    name = path.name
    if not path.is_file():
        raise NotAnAvsecFile(N_("{path}: no such file"), path=path)
    size = path.stat().st_size
    with path.open("rb") as handle:
        header = handle.read(100)
    encrypted = crypto.looks_encrypted(path)
    if not encrypted and (len(header) < 100 or not header.startswith(_SQLITE_MAGIC)):
        raise NotAnAvsecFile(N_("{name}: not an .avsec file (not an SQLite database)"), name=name)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    if not encrypted and page_size and page_count and size < page_size * page_count:
        raise NotAnAvsecFile(
            N_("{name}: the file is truncated ({size} of {page_size} bytes)"),
            name=name,
            size=size,
            page_size=page_size * page_count,
        )
    hot_journal = Path(str(path) + "-journal").exists()
    # A hot journal means a writer died mid-edit: SQLite must roll it back on open, which a
    # read-only connection cannot do, so the checks below then use a normal connection.
    uri = sqlite_uri(path, "rw" if hot_journal else "ro")
    conn: Any
    try:
        conn = (
            crypto.connect(path, read_only=not hot_journal)
            if encrypted
            else sqlite3.connect(uri, uri=True, isolation_level=None)
        )
    except sqlite3.Error as exc:
        raise NotAnAvsecFile(N_("{name}: cannot be read ({exc})"), name=name, exc=exc) from exc
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != schema.APPLICATION_ID:
            raise NotAnAvsecFile(
                N_("{name}: an SQLite database, but not an .avsec file"), name=name
            )
        if version > schema.LATEST:
            raise NewerVersionError(
                N_(
                    "{name}: written by a newer avsec (format {version}; this avsec reads up to {LATEST}); update avsec to open it"
                ),
                name=name,
                version=version,
                LATEST=schema.LATEST,
            )
        if version < 1:
            raise NotAnAvsecFile(N_("{name}: an .avsec file with no format version"), name=name)
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if full is None:
            full = hot_journal or _marker(conn) != "true"
        if full:
            _quick_check(conn, name, None)
        else:
            for table in sorted(tables - set(schema.PHOTO_TABLES)):
                _quick_check(conn, name, table)
        missing = sorted(schema.required_tables(int(version)) - tables)
        if missing:
            raise NotAnAvsecFile(
                N_("{name}: the file is damaged (missing table {names})"),
                name=name,
                names=", ".join(missing),
            )
    except sqlite3.DatabaseError as exc:
        raise NotAnAvsecFile(
            N_("{name}: the file is damaged or not an .avsec file ({exc})"), name=name, exc=exc
        ) from exc
    finally:
        conn.close()
    return int(version)


def _marker(conn: sqlite3.Connection) -> str:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (CLEAN_CLOSE_KEY,)).fetchone()
    except sqlite3.OperationalError:
        return ""  # no meta table: the table check below names it
    return "" if row is None else str(row[0])


def _quick_check(conn: sqlite3.Connection, name: str, table: str | None) -> None:
    """Run SQLite's quick_check on the whole file or one table; raise on the first problem."""
    if table is None:
        result = str(conn.execute("PRAGMA quick_check").fetchone()[0])
    else:
        quoted = table.replace('"', '""')
        result = str(conn.execute(f'PRAGMA quick_check("{quoted}")').fetchone()[0])
    if result != "ok":
        first = next(
            (line.strip() for line in result.splitlines() if line.strip() and "***" not in line),
            result,
        )
        raise NotAnAvsecFile(
            N_("{name}: the file is damaged ({first})"), name=name, first=first[:160]
        )
