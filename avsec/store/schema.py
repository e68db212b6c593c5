"""SQL schema of each .avsec format version and the migrations between them."""

from __future__ import annotations

import sqlite3
from typing import Any

#: PRAGMA application_id of every .avsec file ("AVSC").
APPLICATION_ID = 0x41565343

SCHEMA_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE assessment (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL);
CREATE TABLE checklist_snapshot (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    checklist_id TEXT NOT NULL, version INTEGER NOT NULL, sha256 TEXT NOT NULL,
    json TEXT NOT NULL);
CREATE TABLE responses (
    item_id TEXT PRIMARY KEY, status TEXT NOT NULL, notes TEXT NOT NULL DEFAULT '',
    photos TEXT NOT NULL DEFAULT '[]', updated TEXT, updated_by TEXT NOT NULL DEFAULT '');
CREATE TABLE features (
    id TEXT PRIMARY KEY, position INTEGER NOT NULL, kind TEXT NOT NULL,
    geometry TEXT NOT NULL, properties TEXT NOT NULL DEFAULT '{}');
CREATE TABLE attachments (
    id TEXT PRIMARY KEY, filename TEXT NOT NULL DEFAULT '', mime TEXT NOT NULL,
    size INTEGER NOT NULL, data BLOB NOT NULL);
CREATE TABLE actions (id TEXT PRIMARY KEY, position INTEGER NOT NULL, json TEXT NOT NULL);
CREATE TABLE changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, who TEXT NOT NULL,
    what TEXT NOT NULL, before TEXT, after TEXT);
CREATE TRIGGER changes_append_only_update BEFORE UPDATE ON changes
    BEGIN SELECT RAISE(ABORT, 'the changes journal is append-only'); END;
"""

#: Version 2 adds the EXIF columns of photos, cached findings and extras (narrative, key
#: rationales).
MIGRATE_1_TO_2 = """
ALTER TABLE attachments ADD COLUMN taken TEXT;
ALTER TABLE attachments ADD COLUMN lon REAL;
ALTER TABLE attachments ADD COLUMN lat REAL;
CREATE TABLE findings (position INTEGER PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE extras (key TEXT PRIMARY KEY, json TEXT NOT NULL);
CREATE INDEX features_position ON features(position);
"""

#: Version 3 moves photo bytes out of the metadata table (listing photos must not walk their
#: BLOBs) and keeps a report copy and a thumbnail of each photo beside the original.
MIGRATE_2_TO_3 = """
CREATE TABLE attachment_data (id TEXT PRIMARY KEY, original BLOB NOT NULL);
INSERT INTO attachment_data (id, original) SELECT id, data FROM attachments ORDER BY rowid;
CREATE TABLE attachments_v3 (
    id TEXT PRIMARY KEY, filename TEXT NOT NULL DEFAULT '', mime TEXT NOT NULL,
    size INTEGER NOT NULL, taken TEXT, lon REAL, lat REAL);
INSERT INTO attachments_v3 (id, filename, mime, size, taken, lon, lat)
    SELECT id, filename, mime, size, taken, lon, lat FROM attachments ORDER BY rowid;
DROP TABLE attachments;
ALTER TABLE attachments_v3 RENAME TO attachments;
CREATE TABLE attachment_derivatives (
    id TEXT PRIMARY KEY, report BLOB, report_width INTEGER, report_height INTEGER,
    thumbnail BLOB);
"""

MIGRATIONS = {1: MIGRATE_1_TO_2, 2: MIGRATE_2_TO_3}
LATEST = 3
#: Tables holding photo bytes: the check on every open leaves them to the full check.
PHOTO_TABLES = ("attachment_data", "attachment_derivatives")


def create_schema(conn: sqlite3.Connection, version: int = LATEST) -> None:
    """Create the tables of format ``version`` (older versions exist for migration tests)."""
    conn.executescript(SCHEMA_V1)
    for step in range(1, version):
        conn.executescript(MIGRATIONS[step])
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {version}")


def migrate(conn: sqlite3.Connection, from_version: int) -> None:
    """Bring a file from ``from_version`` to the latest format in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for step in range(from_version, LATEST):
            for statement in MIGRATIONS[step].split(";"):
                if statement.strip():
                    conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {LATEST}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def required_tables(version: int) -> set[str]:
    """The tables a file of format ``version`` must have."""
    tables = {
        "meta",
        "assessment",
        "checklist_snapshot",
        "responses",
        "features",
        "attachments",
        "actions",
        "changes",
    }
    if version >= 2:
        tables |= {"findings", "extras"}
    if version >= 3:
        tables |= set(PHOTO_TABLES)
    return tables


#: Tables whose rows keep an order of their own (a ``position`` column after the id).
ORDERED_TABLES = frozenset({"features", "actions", "access_tests"})


def write_in_place(conn: sqlite3.Connection, table: str, record_id: str, *columns: Any) -> None:
    """Insert or replace one row of an ordered table: a rewritten record keeps its place in
    the order, a new one goes after the last."""
    if table not in ORDERED_TABLES:
        raise ValueError(f"not an ordered table: {table}")
    row = conn.execute(f"SELECT position FROM {table} WHERE id = ?", (record_id,)).fetchone()
    if row is None:
        row = conn.execute(f"SELECT COALESCE(MAX(position), -1) + 1 FROM {table}").fetchone()
    marks = ", ".join("?" * (len(columns) + 2))
    conn.execute(f"INSERT OR REPLACE INTO {table} VALUES ({marks})", (record_id, row[0], *columns))
