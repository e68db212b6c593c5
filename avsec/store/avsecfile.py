"""Open, create, migrate and edit .avsec files.

Each edit is one SQLite transaction in a rollback journal with ``synchronous=FULL``, so a
crash loses at most the edit in flight. A file that is not an .avsec file, is truncated or comes
from a newer avsec is refused before anything writes to it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import hashlib
import json
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from avsec import __version__
from avsec.core.actions import Action
from avsec.core.assessment import Assessment, Response
from avsec.core.checklist import Checklist
from avsec.core.commands import Command
from avsec.core.errors import (
    NotAnAvsecFile,
    ReadOnlyFile,
    StoreError,
    validation_reason,
    validation_where,
)
from avsec.core.findings import Finding
from avsec.core.i18n import N_
from avsec.core.layout import Feature
from avsec.store import crypto, schema
from avsec.store.access_tests import AccessTestStore
from avsec.store.attachments import AttachmentStore, read_thumbnail
from avsec.store.extras_limits import check_extra
from avsec.store.integrity import CLEAN_CLOSE_KEY, check_file, is_read_only, sqlite_uri
from avsec.store.judgements import JudgementStore
from avsec.store.numbering import number_findings
from avsec.store.records import RecordReader
from avsec.store.samples import write_sample
from avsec.store.stale import check_not_stale

__all__ = ["SCHEMA_VERSION", "AvsecFile", "backup_path", "check_file", "read_thumbnail"]

SCHEMA_VERSION = schema.LATEST


def _strict_json(value: Any, what: str) -> str:
    """JSON text of ``value``; infinite or NaN numbers are refused (JSON cannot hold them)."""
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    except ValueError as exc:
        raise StoreError(N_("{what}: not saved ({exc})"), what=what, exc=exc) from None


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some systems; the journal still works
        return "unknown"


def backup_path(path: Path, version: int) -> Path:
    """Return a free name for the pre-migration backup of ``path``."""
    candidate = path.with_name(f"{path.stem}.v{version}-backup{path.suffix}")
    counter = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.v{version}-backup-{counter}{path.suffix}")
        counter += 1
    return candidate


class AvsecFile(RecordReader, AttachmentStore, JudgementStore, AccessTestStore):
    """One open .avsec file. Implements :class:`avsec.core.commands.EditTarget`.

    Use :meth:`create` or :meth:`open`; close it (or use ``with``) when done.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection, user: str):
        self.path = Path(path)
        self._conn = conn
        self.user = user
        self._depth = 0
        #: True once this connection has written: close() then marks the file closed cleanly.
        self._wrote = False
        self._assessment: Assessment | None = None
        self._checklist: Checklist | None = None
        #: Set by :meth:`open` when the file was migrated: where the backup went.
        self.migrated_from: int | None = None
        self.backup: Path | None = None
        #: The file (or its folder) is not writable: it opened read-only and edits are refused.
        self.read_only = False

    # --- opening ----------------------------------------------------------------------------

    @staticmethod
    def _connect(
        path: Path, passphrase: str | None = None, *, read_only: bool = False
    ) -> sqlite3.Connection:
        conn: Any
        if passphrase is not None or crypto.looks_encrypted(path):
            conn = crypto.connect(path, passphrase, new=not path.exists())
        elif read_only:
            conn = sqlite3.connect(sqlite_uri(path, "ro"), uri=True, isolation_level=None)
            conn.execute("PRAGMA query_only = ON")
            return conn
        else:
            conn = sqlite3.connect(
                sqlite_uri(path, "rwc"), uri=True, isolation_level=None, timeout=10
            )
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        return conn

    @classmethod
    def create(
        cls,
        path: Path,
        assessment: Assessment,
        checklist: Checklist,
        *,
        user: str | None = None,
        overwrite: bool = False,
        version: int = schema.LATEST,
        passphrase: str | None = None,
    ) -> AvsecFile:
        """Create a new .avsec file.

        Parameters
        ----------
        path
            Where to write it. An existing file is refused unless ``overwrite``.
        assessment
            The assessment header.
        checklist
            The checklist; its exact content is snapshotted into the file.
        user
            Name recorded in the changes journal (the login name by default).
        overwrite
            Replace an existing file.
        version
            Format version to write; only tests ask for an older one.
        passphrase
            Encrypt the whole file with this passphrase (see :mod:`avsec.store.crypto`).
        """
        path = Path(path)
        if path.exists() and not overwrite:
            raise StoreError(N_("{path}: already exists; choose another name"), path=path)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Build the file under a temporary name and rename it into place, so a crash while
        # creating never leaves a half-made .avsec file behind.
        partial = path.with_name(path.name + ".partial")
        partial.unlink(missing_ok=True)
        conn = cls._connect(partial, passphrase)
        try:
            schema.create_schema(conn, version)
            checklist_json = checklist.model_dump_json()
            meta = {
                "format": "avsec",
                "format_version": str(version),
                "app_version": __version__,
                "created": _now(),
                "handling_marking": assessment.marking("en"),
                CLEAN_CLOSE_KEY: "true",
            }
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            conn.execute("INSERT INTO assessment VALUES (1, ?)", (assessment.model_dump_json(),))
            conn.execute(
                "INSERT INTO checklist_snapshot VALUES (1, ?, ?, ?, ?)",
                (
                    checklist.id,
                    checklist.version,
                    hashlib.sha256(checklist_json.encode()).hexdigest(),
                    checklist_json,
                ),
            )
            conn.execute(
                "INSERT INTO changes (at, who, what, before, after) VALUES (?, ?, ?, NULL, ?)",
                (_now(), user or _user(), "create", json.dumps({"checklist": checklist.id})),
            )
            conn.execute("COMMIT")
        finally:
            conn.close()
        if path.exists():
            if not overwrite:
                partial.unlink(missing_ok=True)
                raise StoreError(N_("{path}: already exists; choose another name"), path=path)
        os.replace(partial, path)
        conn = cls._connect(path, passphrase)
        return cls(path, conn, user or _user())

    @classmethod
    def open(cls, path: Path, *, user: str | None = None, migrate: bool = True) -> AvsecFile:
        """Open an existing .avsec file, migrating an older format after a backup copy.

        Raises
        ------
        NotAnAvsecFile, NewerVersionError
            The file is refused and left untouched.
        """
        path = Path(path)
        version = check_file(path)
        read_only = is_read_only(path)
        backup = None
        if version < schema.LATEST:
            if not migrate:
                raise StoreError(
                    N_("{name}: format {version} needs a migration"),
                    name=path.name,
                    version=version,
                )
            if read_only:
                raise StoreError(
                    N_(
                        "{name}: format {version} needs a migration, but the file is read-only; copy it somewhere writable first"
                    ),
                    name=path.name,
                    version=version,
                )
            backup = backup_path(path, version)
            shutil.copy2(path, backup)
        conn = cls._connect(path, read_only=read_only)
        if version < schema.LATEST:
            schema.migrate(conn, version)
            conn.execute(
                "UPDATE meta SET value = ? WHERE key = 'format_version'", (str(schema.LATEST),)
            )
            if version < 3:
                # The photo bytes moved to their own table: give the old pages back.
                conn.execute("VACUUM")
            conn.execute("INSERT OR REPLACE INTO meta VALUES (?, 'true')", (CLEAN_CLOSE_KEY,))
        opened = cls(path, conn, user or _user())
        opened.read_only = read_only
        if backup is not None:
            opened.migrated_from, opened.backup = version, backup
        opened._validate_contents()
        return opened

    def _validate_contents(self) -> None:
        try:
            _ = self.assessment
            _ = self.checklist
        except StoreError:
            self.close()
            raise
        except sqlite3.DatabaseError as exc:
            self.close()
            raise NotAnAvsecFile(
                N_("{name}: the file is damaged ({exc})"), name=self.path.name, exc=exc
            ) from exc

    def close(self) -> None:
        """Close the file (every edit is already on disk) and mark it closed cleanly."""
        with contextlib.suppress(sqlite3.Error):
            if self._wrote:
                self._conn.execute(
                    "UPDATE meta SET value = 'true' WHERE key = ?", (CLEAN_CLOSE_KEY,)
                )
                self._wrote = False
            self._conn.close()

    def __enter__(self) -> AvsecFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def encrypted(self) -> bool:
        """Whether the file is encrypted at rest."""
        return isinstance(self._conn, crypto.EncryptedConnection)

    def data_version(self) -> int:
        """SQLite's ``data_version``: it changes when another connection commits to the file."""
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    @property
    def schema_version(self) -> int:
        """The file's format version."""
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

    # --- transactions -----------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """Run the enclosed writes as one transaction (nested calls join the outer one)."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        if self.read_only:
            raise ReadOnlyFile(
                N_(
                    "{name}: the file is read-only; nothing was changed (copy it, or make it writable, to edit it)"
                ),
                name=self.path.name,
            )
        self._conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            # Until close() says otherwise, the next open checks the whole file (integrity.py).
            self._conn.execute(
                "INSERT OR REPLACE INTO meta VALUES (?, 'false')", (CLEAN_CLOSE_KEY,)
            )
            self._wrote = True
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            self._assessment = None
            raise
        else:
            self._conn.execute("COMMIT")
        finally:
            self._depth = 0

    def _journal(self, what: str, before: Any, after: Any) -> None:
        self._conn.execute(
            "INSERT INTO changes (at, who, what, before, after) VALUES (?, ?, ?, ?, ?)",
            (
                _now(),
                self.user,
                what,
                None if before is None else json.dumps(before, ensure_ascii=False),
                None if after is None else json.dumps(after, ensure_ascii=False),
            ),
        )

    def apply(self, command: Command) -> None:
        """Apply ``command`` in one transaction and journal it."""
        with self.transaction():
            check_not_stale(self, command)
            command.redo(self)
            what, before, after = command.journal()
            self._journal(what, before, after)

    def revert(self, command: Command) -> None:
        """Undo ``command`` in one transaction and journal the undo."""
        with self.transaction():
            check_not_stale(self, command, undo=True)
            command.undo(self)
            what, before, after = command.journal()
            self._journal("undo " + what, after, before)

    # --- EditTarget -------------------------------------------------------------------------

    def _refuse_unless_valid(self, what: str, model: Any, value: Any) -> None:
        """Validate a record read back inside the write transaction; refuse it otherwise.

        The raise rolls the transaction back, so a value the reader would call damaged (an
        infinite parameter stored as null, an over-long note) never reaches the file.
        """
        try:
            if isinstance(value, str):
                model.model_validate_json(value)
            else:
                model.model_validate(value)
        except ValidationError as exc:
            where = validation_where(exc) or "record"
            raise StoreError(
                N_("{name}: the {what} was not saved ({where}: {msg})"),
                name=self.path.name,
                what=what,
                where=where,
                msg=validation_reason(exc),
            ) from None

    def write_response(self, item_id: str, response: Response | None) -> None:
        """Write or delete one response (inside a transaction)."""
        if response is None:
            self._conn.execute("DELETE FROM responses WHERE item_id = ?", (item_id,))
            write_sample(self._conn, item_id, None)
            return
        self._conn.execute(
            "INSERT OR REPLACE INTO responses VALUES (?, ?, ?, ?, ?, ?)",
            (
                item_id,
                str(response.status),
                response.notes,
                json.dumps(response.photos),
                response.updated.isoformat() if response.updated else None,
                response.updated_by,
            ),
        )
        stored = self._conn.execute(
            "SELECT status, notes, photos, updated, updated_by FROM responses WHERE item_id = ?",
            (item_id,),
        ).fetchone()
        status, notes, photos, updated, updated_by = stored
        record = {"item_id": item_id, "status": status, "notes": notes, "updated": updated}
        record.update(photos=json.loads(photos), updated_by=updated_by)
        record.update(write_sample(self._conn, item_id, response))
        self._refuse_unless_valid(f"response to {item_id}", Response, record)

    def _mark_findings_stale(self) -> None:
        # The stored findings describe the layout and parameters they were computed from; any
        # change to either makes them out of date until the next analysis. A file never
        # analysed has no such entry: there is nothing to be out of date.
        self._conn.execute("UPDATE extras SET json = 'true' WHERE key = 'findings_stale'")

    def findings_stale(self) -> bool:
        """True when the layout or rule parameters changed since the last analysis."""
        return bool(self.extra("findings_stale", False))

    def write_feature(self, feature_id: str, feature: Feature | None) -> None:
        """Write or delete one feature (inside a transaction)."""
        self._mark_findings_stale()
        if feature is None:
            self._conn.execute("DELETE FROM features WHERE id = ?", (feature_id,))
            return
        schema.write_in_place(
            self._conn,
            "features",
            feature_id,
            feature.kind,
            _strict_json(feature.geometry, f"feature {feature_id}"),
            _strict_json(feature.properties, f"feature {feature_id}"),
        )
        kind, geometry, properties = self._conn.execute(
            "SELECT kind, geometry, properties FROM features WHERE id = ?", (feature_id,)
        ).fetchone()
        record = {"id": feature_id, "kind": kind, "geometry": json.loads(geometry)}
        record["properties"] = json.loads(properties)
        self._refuse_unless_valid(f"feature {feature_id}", Feature, record)

    def write_action(self, action_id: str, action: Action | None) -> None:
        """Write or delete one action (inside a transaction)."""
        if action is None:
            self._conn.execute("DELETE FROM actions WHERE id = ?", (action_id,))
            return
        schema.write_in_place(self._conn, "actions", action_id, action.model_dump_json())
        (stored,) = self._conn.execute(
            "SELECT json FROM actions WHERE id = ?", (action_id,)
        ).fetchone()
        self._refuse_unless_valid(f"action {action_id}", Action, stored)

    def write_assessment(self, assessment: Assessment) -> None:
        """Replace the assessment header (inside a transaction)."""
        if self._assessment is not None and assessment.parameters != self._assessment.parameters:
            self._mark_findings_stale()
        self._conn.execute(
            "UPDATE assessment SET json = ? WHERE id = 1", (assessment.model_dump_json(),)
        )
        self._conn.execute(
            "UPDATE meta SET value = ? WHERE key = 'handling_marking'", (assessment.marking("en"),)
        )
        (stored,) = self._conn.execute("SELECT json FROM assessment WHERE id = 1").fetchone()
        self._refuse_unless_valid("assessment", Assessment, stored)
        self._assessment = assessment

    def write_tracks(self, tracks: list[Any]) -> None:
        """Replace the GPS tracks (inside a transaction); they feed the inspected-perimeter
        metrics, so the stored findings go out of date."""
        from avsec.core.tracks import TRACKS_KEY, Track

        self._mark_findings_stale()
        if not tracks:
            self._conn.execute("DELETE FROM extras WHERE key = ?", (TRACKS_KEY,))
            return
        text = json.dumps([t.model_dump(mode="json") for t in tracks], ensure_ascii=False)
        self._conn.execute("INSERT OR REPLACE INTO extras VALUES (?, ?)", (TRACKS_KEY, text))
        for n, record in enumerate(json.loads(text), start=1):
            self._refuse_unless_valid(f"track {n}", Track, record)

    def set_findings(self, findings: list[Finding]) -> list[Finding]:
        """Replace the stored analysis results (a derived cache, journaled as one line).

        Returns the findings as stored: numbered, keeping the numbers of the previous
        analysis while the layout is unchanged (avsec/store/numbering.py).
        """
        with self.transaction():
            findings = number_findings(self._conn, findings)
            self._conn.execute("DELETE FROM findings")
            self._conn.executemany(
                "INSERT INTO findings VALUES (?, ?)",
                [(i, f.model_dump_json()) for i, f in enumerate(findings)],
            )
            self._conn.execute("INSERT OR REPLACE INTO extras VALUES ('findings_stale', 'false')")
            self._journal("analysis", None, {"findings": len(findings)})
        return findings

    def set_extra(self, key: str, value: Any) -> None:
        """Write (or with None delete) a JSON value in the extras table (texts capped)."""
        if value is not None:
            check_extra(self.path.name, key, value)
        with self.transaction():
            if value is None:
                self._conn.execute("DELETE FROM extras WHERE key = ?", (key,))
            else:
                self._conn.execute(
                    "INSERT OR REPLACE INTO extras VALUES (?, ?)",
                    (key, json.dumps(value, ensure_ascii=False)),
                )
            self._journal(f"extra:{key}", None, None if value is None else "set")

    def vacuum(self) -> None:
        """Rewrite the file without free pages (used after removing data, e.g. answer keys)."""
        self._conn.execute("VACUUM")
