"""Reading a photo's bytes from an .avsec file on a worker thread.

An :class:`~avsec.store.avsecfile.AvsecFile` belongs to the thread that opened it; the
desktop app decodes thumbnails on worker threads, each with its own short read-only
connection, opened here so that no module outside the store runs SQL on the file.
"""

from __future__ import annotations

from pathlib import Path


def read_attachment(database: Path, attachment_id: str) -> bytes | None:
    """The bytes of one photo, or None when the file does not hold it.

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
            "SELECT data FROM attachments WHERE id = ?", (attachment_id,)
        ).fetchone()
    finally:
        connection.close()
    return None if row is None else bytes(row[0])
