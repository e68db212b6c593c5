"""Encryption at rest for .avsec files: the whole file encrypted with SQLCipher 4 (AES-256).

An encrypted file has no plaintext header: its first 16 bytes are the random salt of the key
derivation (PBKDF2-HMAC-SHA512), every page is encrypted and authenticated (HMAC-SHA512), and
SQLite's rollback journal holds encrypted pages too. The passphrase is never an argument: it
comes from ``AVSEC_PASSPHRASE`` (scripts) or from the passphrase provider (a terminal prompt
on the command line, a dialog in the app). Once a file opened, its passphrase stays in this
process's memory so that a second connection (thumbnails, a reopen) does not ask again.

The sqlcipher3 module raises its own exception classes; connections are wrapped so that the
store and its callers keep catching :mod:`sqlite3`'s.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from avsec.core.errors import NotAnAvsecFile, StoreError
from avsec.core.i18n import N_

#: Environment variable a script sets to give the passphrase without a prompt.
PASSPHRASE_VARIABLE = "AVSEC_PASSPHRASE"
_SQLITE_MAGIC = b"SQLite format 3\x00"
#: SQLCipher 4 pages are 4096 bytes; smaller multiples of 1024 are possible with other settings.
_PAGE_MULTIPLE = 1024


class PassphraseError(StoreError):
    """The passphrase of an encrypted file is wrong, missing, or not confirmed."""


#: ``provider(path, confirm)`` returns the passphrase for ``path``; ``confirm`` asks twice
#: (a new passphrase). It raises :class:`PassphraseError` when the user gives none.
PassphraseProvider = Callable[[Path, bool], str]

_known: dict[str, str] = {}


def _key(path: Path) -> str:
    return str(Path(path).resolve())


def terminal_provider(path: Path, confirm: bool) -> str:
    """Ask on the terminal (getpass: no echo); refuse when there is no terminal."""
    if not sys.stdin or not sys.stdin.isatty():
        raise PassphraseError(
            N_(
                "{name}: encrypted (or not an .avsec file); set {PASSPHRASE_VARIABLE} or run in a terminal to type the passphrase"
            ),
            name=path.name,
            PASSPHRASE_VARIABLE=PASSPHRASE_VARIABLE,
        )
    passphrase = getpass.getpass(f"Passphrase for {path.name}: ")
    if confirm and getpass.getpass("Repeat the passphrase: ") != passphrase:
        raise PassphraseError(
            N_("{name}: the two passphrases differ; nothing changed"), name=path.name
        )
    return passphrase


_provider: PassphraseProvider = terminal_provider


def set_provider(provider: PassphraseProvider) -> PassphraseProvider:
    """Install the function that asks for passphrases; return the previous one."""
    global _provider
    previous, _provider = _provider, provider
    return previous


def remember(path: Path, passphrase: str) -> None:
    """Keep ``passphrase`` for ``path`` for the rest of this process."""
    _known[_key(path)] = passphrase


def share(source: Path, copy: Path) -> None:
    """Let ``copy`` (a byte copy of ``source``) open with the passphrase kept for ``source``."""
    if _key(source) in _known:
        _known[_key(copy)] = _known[_key(source)]


def forget(path: Path | None = None) -> None:
    """Drop the passphrase kept for ``path`` (or every one)."""
    if path is None:
        _known.clear()
    else:
        _known.pop(_key(path), None)


def passphrase_for(path: Path, *, confirm: bool = False) -> str:
    """The passphrase of ``path``: kept from an earlier open, the environment, or asked."""
    path = Path(path)
    if not confirm and _key(path) in _known:
        return _known[_key(path)]
    passphrase = os.environ.get(PASSPHRASE_VARIABLE) or _provider(path, confirm)
    if not passphrase:
        raise PassphraseError(N_("{name}: an empty passphrase is not allowed"), name=path.name)
    return passphrase


def looks_encrypted(path: Path) -> bool:
    """Whether ``path`` may be an encrypted .avsec file (no SQLite header, whole pages).

    Random bytes look the same; only the passphrase tells them apart.
    """
    try:
        size = Path(path).stat().st_size
        with Path(path).open("rb") as handle:
            header = handle.read(len(_SQLITE_MAGIC))
    except OSError:
        return False
    return size > 0 and size % _PAGE_MULTIPLE == 0 and header != _SQLITE_MAGIC


def _translate(exc: Exception) -> sqlite3.Error:
    """The :mod:`sqlite3` exception of the same name as a sqlcipher3 one."""
    cls = getattr(sqlite3, type(exc).__name__, sqlite3.DatabaseError)
    if not (isinstance(cls, type) and issubclass(cls, sqlite3.Error)):
        cls = sqlite3.DatabaseError
    return cls(*exc.args)


class _Cursor:
    """A sqlcipher3 cursor raising :mod:`sqlite3` exceptions."""

    def __init__(self, cursor: Any, errors: tuple[type[Exception], ...]):
        self._cursor = cursor
        self._errors = errors

    def fetchone(self) -> Any:
        try:
            return self._cursor.fetchone()
        except self._errors as exc:
            raise _translate(exc) from exc

    def fetchall(self) -> list[Any]:
        try:
            return list(self._cursor.fetchall())
        except self._errors as exc:
            raise _translate(exc) from exc

    def __iter__(self) -> Iterator[Any]:
        try:
            yield from self._cursor
        except self._errors as exc:
            raise _translate(exc) from exc

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cursor, name)


class EncryptedConnection:
    """A SQLCipher connection that behaves as a :class:`sqlite3.Connection` for the store."""

    def __init__(self, conn: Any, errors: tuple[type[Exception], ...]):
        self._conn = conn
        self._errors = errors

    def execute(self, sql: str, params: Any = ()) -> _Cursor:
        try:
            return _Cursor(self._conn.execute(sql, params), self._errors)
        except self._errors as exc:
            raise _translate(exc) from exc

    def executemany(self, sql: str, rows: Any) -> _Cursor:
        try:
            return _Cursor(self._conn.executemany(sql, rows), self._errors)
        except self._errors as exc:
            raise _translate(exc) from exc

    def executescript(self, script: str) -> _Cursor:
        try:
            return _Cursor(self._conn.executescript(script), self._errors)
        except self._errors as exc:
            raise _translate(exc) from exc

    def close(self) -> None:
        with contextlib.suppress(*self._errors):
            self._conn.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def _module() -> Any:
    try:
        from sqlcipher3 import dbapi2
    except ImportError as exc:  # pragma: no cover - a dependency; only a broken install lacks it
        raise StoreError(
            N_("encrypted files need the sqlcipher3 package, which cannot be loaded ({exc})"),
            exc=exc,
        ) from exc
    return dbapi2


def _uri(path: Path) -> str:
    """An SQLite URI for ``path`` (``?``, ``#`` and ``%`` in names percent-encoded)."""
    return "file:" + quote(Path(path).resolve().as_posix())


def _quote(passphrase: str) -> str:
    return "'" + passphrase.replace("'", "''") + "'"


def connect(
    path: Path,
    passphrase: str | None = None,
    *,
    read_only: bool = False,
    new: bool = False,
    timeout: float = 10,
) -> EncryptedConnection:
    """Open (or with ``new``, create) the encrypted database ``path``.

    The passphrase is asked for when not given (twice for a new file). It is checked by
    reading the schema before anything writes, so a wrong one changes nothing.

    Raises
    ------
    PassphraseError
        The passphrase is wrong, or the file is not an encrypted .avsec file at all.
    """
    path = Path(path)
    dbapi2 = _module()
    if passphrase is None:
        passphrase = passphrase_for(path, confirm=new)
    errors: tuple[type[Exception], ...] = (dbapi2.Error,)
    target = f"{_uri(path)}?mode={'ro' if read_only else 'rwc'}"
    try:
        raw = dbapi2.connect(target, uri=True, isolation_level=None, timeout=timeout)
    except dbapi2.Error as exc:
        raise NotAnAvsecFile(N_("{name}: cannot be read ({exc})"), name=path.name, exc=exc) from exc
    conn = EncryptedConnection(raw, errors)
    try:
        # SQLCipher logs a failed key check to stderr; the error below says it in one line.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {_quote(passphrase)}")
        # Sorting and VACUUM scratch space stays in memory: no temporary file on disk.
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise PassphraseError(
            N_("{name}: wrong passphrase, or not an encrypted .avsec file; nothing changed"),
            name=path.name,
        ) from exc
    remember(path, passphrase)
    return conn


def connect_read_only(path: Path, timeout: float = 10) -> Any:
    """A read-only connection to a plain or encrypted file; never asks for a passphrase.

    For second connections (the app's thumbnail workers, which must not open a dialog off
    the GUI thread): an encrypted file needs its passphrase known from an earlier open.
    """
    path = Path(path)
    if looks_encrypted(path):
        passphrase = _known.get(_key(path)) or os.environ.get(PASSPHRASE_VARIABLE)
        if not passphrase:
            raise PassphraseError(
                N_("{name}: encrypted, and its passphrase is not known"), name=path.name
            )
        return connect(path, passphrase, read_only=True, timeout=timeout)
    return sqlite3.connect(f"{_uri(path)}?mode=ro", uri=True, timeout=timeout)


def _export(source: Path, target: Path, source_key: str, target_key: str) -> None:
    """Copy every page of ``source`` into the new database ``target`` (``''``: no encryption).

    sqlcipher_export copies schema and rows but not the header fields, which are set after.
    """
    dbapi2 = _module()
    conn = dbapi2.connect(str(source), isolation_level=None)
    try:
        if source_key:
            conn.execute(f"PRAGMA key = {_quote(source_key)}")
        conn.execute("PRAGMA temp_store = MEMORY")
        user_version = conn.execute("PRAGMA user_version").fetchone()[0]
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        conn.execute("ATTACH DATABASE ? AS target KEY ?", (str(target), target_key))
        conn.execute("SELECT sqlcipher_export('target')")
        conn.execute(f"PRAGMA target.user_version = {int(user_version)}")
        conn.execute(f"PRAGMA target.application_id = {int(application_id)}")
        conn.execute("DETACH DATABASE target")
    except dbapi2.Error as exc:
        raise StoreError(
            N_("{name}: cannot be copied ({exc}); nothing changed"), name=source.name, exc=exc
        ) from exc
    finally:
        conn.close()


def _replace_with(path: Path, write: Callable[[Path], None]) -> None:
    """Write the new form of ``path`` beside it and rename it into place (all or nothing)."""
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        write(partial)
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def encrypt_file(path: Path, passphrase: str) -> None:
    """Encrypt the plain .avsec file ``path`` in place (a new file renamed over it)."""
    path = Path(path)
    if not passphrase:
        raise PassphraseError(N_("{name}: an empty passphrase is not allowed"), name=path.name)
    _replace_with(path, lambda partial: _export(path, partial, "", passphrase))
    remember(path, passphrase)


def decrypt_file(path: Path, passphrase: str) -> None:
    """Write the encrypted .avsec file ``path`` back as a plain one, in place."""
    path = Path(path)
    connect(path, passphrase, read_only=True).close()  # a wrong passphrase stops here
    _replace_with(path, lambda partial: _export(path, partial, passphrase, ""))
    forget(path)
