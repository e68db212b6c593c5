"""Photos in an .avsec file: the original bytes, their metadata, report copy and thumbnail.

Three tables keep the costs apart: ``attachments`` (metadata, read on open and when listing),
``attachment_data`` (the originals, read only to export or view one at full size) and
``attachment_derivatives`` (report copy and thumbnail, made once at attach time).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from avsec.core.document import AttachmentInfo
from avsec.core.errors import StoreError
from avsec.core.i18n import N_
from avsec.core.textlimits import MAX_FIELD_CHARS

#: Photos larger than this are refused: a phone photo is far smaller, anything bigger is a
#: mistake or an attack on the file size.
MAX_ATTACHMENT_BYTES = 64 * 1024 * 1024

#: Extras key prefix of a photo's caption, rotation, markup and hand placement.
PHOTO_EDIT_PREFIX = "photo:"
#: The fields of :class:`AttachmentInfo` kept in that entry.
EDIT_FIELDS = ("caption", "rotation", "marks", "placed_by_hand")


class ReportCopy(bytes):
    """The bytes of a stored report copy: an upright JPEG that avsec made itself (see
    photo_derivatives.py), which the report may embed without decoding it again."""


def read_thumbnail(conn: sqlite3.Connection, attachment_id: str) -> bytes | None:
    """The stored thumbnail of a photo through any connection (the GUI reads them in worker
    threads with their own), or None when there is none."""
    row = conn.execute(
        "SELECT thumbnail FROM attachment_derivatives WHERE id = ? AND thumbnail IS NOT NULL",
        (attachment_id,),
    ).fetchone()
    return None if row is None else bytes(row[0])


class AttachmentStore:
    """The photo half of :class:`avsec.store.AvsecFile` (which supplies the connection,
    transactions and journal)."""

    _conn: sqlite3.Connection
    transaction: Callable[[], AbstractContextManager[None]]
    _journal: Callable[[str, Any, Any], None]

    def add_attachment(
        self,
        data: bytes,
        *,
        filename: str = "",
        mime: str = "image/jpeg",
        taken: dt.datetime | None = None,
        lon: float | None = None,
        lat: float | None = None,
    ) -> str:
        """Store photo bytes once (deduplicated by sha256) and return their id.

        The original is kept bit for bit; its report copy and thumbnail are made here, once
        (see photo_derivatives.py), so nothing later decodes the original again.
        """
        if len(filename) > MAX_FIELD_CHARS:
            raise StoreError(
                N_(
                    "{name}…: a photo's file name is longer than {limit:,} characters; "
                    "nothing was saved"
                ),
                name=filename[:40],
                limit=MAX_FIELD_CHARS,
            )
        if len(data) > MAX_ATTACHMENT_BYTES:
            raise StoreError(
                N_("{filename}: larger than {MAX_ATTACHMENT_BYTES} MiB"),
                filename=filename or "attachment",
                MAX_ATTACHMENT_BYTES=MAX_ATTACHMENT_BYTES // 2**20,
            )
        digest = hashlib.sha256(data).hexdigest()
        if self._has_attachment(digest):
            return digest
        from avsec.store.photo_derivatives import make_derivatives

        derivatives = make_derivatives(data)  # decoded outside the write lock
        with self.transaction():
            if not self._has_attachment(digest):
                self._conn.execute(
                    "INSERT INTO attachments (id, filename, mime, size, taken, lon, lat) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        digest,
                        filename,
                        mime,
                        len(data),
                        taken.isoformat() if taken else None,
                        lon,
                        lat,
                    ),
                )
                self._conn.execute(
                    "INSERT OR REPLACE INTO attachment_data VALUES (?, ?)", (digest, data)
                )
                self._write_derivatives(digest, derivatives)
                self._journal(
                    f"attachment:{digest}", None, {"filename": filename, "size": len(data)}
                )
        return digest

    def _has_attachment(self, attachment_id: str) -> bool:
        row = self._conn.execute(
            "SELECT 1 FROM attachments WHERE id = ?", (attachment_id,)
        ).fetchone()
        return row is not None

    def _write_derivatives(self, attachment_id: str, derivatives: Any) -> None:
        """Store the report copy and thumbnail; a row of NULLs says "not an image"."""
        values = (
            (None, None, None, None)
            if derivatives is None
            else (
                derivatives.report,
                derivatives.report_width,
                derivatives.report_height,
                derivatives.thumbnail,
            )
        )
        self._conn.execute(
            "INSERT OR REPLACE INTO attachment_derivatives VALUES (?, ?, ?, ?, ?)",
            (attachment_id, *values),
        )

    def attachment_bytes(self, attachment_id: str) -> bytes | None:
        """The original bytes of a photo, exactly as attached, or None when not in the file."""
        row = self._conn.execute(
            "SELECT original FROM attachment_data WHERE id = ?", (attachment_id,)
        ).fetchone()
        return None if row is None else bytes(row[0])

    def report_photo_bytes(self, attachment_id: str) -> bytes | None:
        """The photo as the report embeds it: the stored report copy (an upright JPEG of at
        most 1600 px), or the original when the file has no copy (attached by avsec < 3)."""
        row = self._conn.execute(
            "SELECT report FROM attachment_derivatives WHERE id = ? AND report IS NOT NULL",
            (attachment_id,),
        ).fetchone()
        return ReportCopy(row[0]) if row is not None else self.attachment_bytes(attachment_id)

    def thumbnail_bytes(self, attachment_id: str) -> bytes | None:
        """The stored thumbnail (JPEG, at most 256 px), or None when there is none."""
        return read_thumbnail(self._conn, attachment_id)

    def photos_without_derivatives(self) -> list[str]:
        """Ids of the photos with no report copy or thumbnail yet (attached by avsec < 3)."""
        return [
            aid
            for (aid,) in self._conn.execute(
                "SELECT id FROM attachments WHERE id NOT IN "
                "(SELECT id FROM attachment_derivatives) ORDER BY rowid"
            )
        ]

    def store_derivatives(self, progress: Any = None) -> int:
        """Make and store the missing report copies and thumbnails; return how many photos.

        One transaction per photo, so an interrupted run keeps what it did.
        ``progress(done, total)`` is called after each photo.
        """
        from avsec.store.photo_derivatives import make_derivatives

        missing = self.photos_without_derivatives()
        for done, attachment_id in enumerate(missing, start=1):
            derivatives = make_derivatives(self.attachment_bytes(attachment_id) or b"")
            with self.transaction():
                self._write_derivatives(attachment_id, derivatives)
            if progress is not None:
                progress(done, len(missing))
        return len(missing)

    def attachments(self) -> list[AttachmentInfo]:
        """Metadata of every photo, with caption and markup (reads no photo bytes)."""
        edits = self._photo_edits()
        out = []
        for aid, filename, mime, size, taken, lon, lat in self._conn.execute(
            "SELECT id, filename, mime, size, taken, lon, lat FROM attachments ORDER BY rowid"
        ):
            record = {
                "id": aid,
                "filename": filename,
                "mime": mime,
                "size": size,
                "taken": dt.datetime.fromisoformat(taken) if taken else None,
                "lon": lon,
                "lat": lat,
                **edits.get(aid, {}),
            }
            try:
                out.append(AttachmentInfo.model_validate(record, context={"stored": True}))
            except ValueError as exc:
                raise StoreError(
                    N_("the photo {photo} is damaged ({exc})"), photo=aid[:12], exc=exc
                ) from None
        return out

    def _photo_edits(self, attachment_id: str | None = None) -> dict[str, dict[str, Any]]:
        """Caption, rotation, markup and hand placement by photo id (the extras entries)."""
        if attachment_id is None:
            rows = self._conn.execute(
                "SELECT key, json FROM extras WHERE key LIKE ?", (PHOTO_EDIT_PREFIX + "%",)
            ).fetchall()
        else:
            rows = self._conn.execute(
                "SELECT key, json FROM extras WHERE key = ?", (PHOTO_EDIT_PREFIX + attachment_id,)
            ).fetchall()
        out: dict[str, dict[str, Any]] = {}
        for key, text in rows:
            try:
                value = json.loads(text)
            except ValueError:
                raise StoreError(N_("the entry {key} is damaged (not JSON)"), key=key) from None
            if isinstance(value, dict):
                out[key[len(PHOTO_EDIT_PREFIX) :]] = value
        return out

    def attachment_info(self, attachment_id: str) -> AttachmentInfo | None:
        """The metadata of one photo as stored now, or None."""
        return next((a for a in self.attachments() if a.id == attachment_id), None)

    def write_photo(self, attachment_id: str, photo: AttachmentInfo) -> None:
        """Write a photo's caption, rotation, markup and position (inside a transaction).

        The original bytes are never touched: when the rotation or markup changes, the report
        copy and thumbnail are made again from the original (avsec/store/photo_markup.py).
        """
        current = self.attachment_info(attachment_id)
        if current is None:
            raise StoreError(N_("the photo {photo} is not in the file"), photo=attachment_id[:12])
        self._conn.execute(
            "UPDATE attachments SET lon = ?, lat = ? WHERE id = ?",
            (photo.lon, photo.lat, attachment_id),
        )
        edit = photo.model_dump(mode="json", include=set(EDIT_FIELDS))
        if photo.caption or photo.edited() or photo.placed_by_hand:
            self._conn.execute(
                "INSERT OR REPLACE INTO extras VALUES (?, ?)",
                (PHOTO_EDIT_PREFIX + attachment_id, json.dumps(edit, ensure_ascii=False)),
            )
        else:
            self._conn.execute(
                "DELETE FROM extras WHERE key = ?", (PHOTO_EDIT_PREFIX + attachment_id,)
            )
        if (current.rotation, current.marks) != (photo.rotation, photo.marks):
            from avsec.store.photo_derivatives import make_derivatives

            original = self.attachment_bytes(attachment_id) or b""
            self._write_derivatives(
                attachment_id, make_derivatives(original, photo.rotation, photo.marks)
            )


def read_attachment(database: Path, attachment_id: str) -> bytes | None:
    """The original bytes of one photo through a short read-only connection of its own (for
    worker threads), or None when the file does not hold it.

    Raises
    ------
    sqlite3.Error, OSError
        The file cannot be read.
    avsec.store.crypto.PassphraseError
        The file is encrypted and its passphrase was not given earlier in this process.
    """
    from avsec.store.crypto import connect_read_only  # plain, or encrypted with a known passphrase

    connection = connect_read_only(Path(database))
    try:
        row = connection.execute(
            "SELECT original FROM attachment_data WHERE id = ?", (attachment_id,)
        ).fetchone()
    finally:
        connection.close()
    return None if row is None else bytes(row[0])
