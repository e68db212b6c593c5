"""AES-256 encryption of a written report."""

from __future__ import annotations

import hashlib
import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from avsec.core.errors import AvsecError


def _cbc_cipher() -> Callable[[bytes, bytes, bytes], bytes] | None:
    """AES-CBC without padding, from ``cryptography`` (fast) or ``pyaes`` (pure Python)."""
    try:
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
    except ImportError:
        try:
            import pyaes  # type: ignore[import-not-found]
        except ImportError:
            return None

        def slow(key: bytes, iv: bytes, data: bytes) -> bytes:
            mode = pyaes.AESModeOfOperationCBC(key, iv=iv)
            encrypter = pyaes.Encrypter(mode, padding=pyaes.PADDING_NONE)
            return bytes(encrypter.feed(data) + encrypter.feed())

        return slow

    def fast(key: bytes, iv: bytes, data: bytes) -> bytes:
        encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
        return encryptor.update(data) + encryptor.finalize()

    return fast


def aes256_available() -> bool:
    """Whether AES-256 encryption can run here (it needs ``cryptography`` or ``pyaes``)."""
    return _cbc_cipher() is not None


@contextmanager
def _correct_aes256() -> Iterator[None]:
    """Make reportlab's AES-256 (security handler revision 5) write files readers accept.

    reportlab 5.1 encrypts through ``pyaes`` with its default PKCS#7 padding on top of its
    own: the keys it stores (UE, OE) come out 48 bytes long instead of 32, so pypdf and other
    strict readers cannot open the file at all, and every encrypted string (the title, for
    one) keeps stray padding bytes after decryption. While the report is written, reportlab's
    cipher is replaced by AES-CBC without padding for the key material (which is whole blocks)
    and its string and stream encoder by one that pads exactly once. The key derivation and
    the encryption dictionary stay reportlab's.
    """
    from reportlab.lib import pdfencrypt

    cipher = _cbc_cipher()
    if cipher is None:
        raise AvsecError(
            "AES-256 PDF encryption needs the 'cryptography' or 'pyaes' package; "
            "install one of them (pip install cryptography)"
        )

    class _Mode:
        def __init__(self, key: bytes, iv: bytes):
            self.key, self.iv = key, iv

    class _Encrypter:
        """reportlab's use: feed(data) then feed() for the result; data are whole blocks."""

        def __init__(self, mode: _Mode):
            self.mode = mode
            self.data = b""

        def feed(self, data: bytes | None = None) -> bytes:
            if data is not None:
                self.data += bytes(data)
                return b""
            assert cipher is not None
            return cipher(self.mode.key, self.mode.iv, self.data)

    class _Shim:
        AESModeOfOperationCBC = _Mode
        Encrypter = _Encrypter

    original_encode = pdfencrypt.encodePDF

    def encode_pdf(
        key: bytes, object_number: int, generation: int, string: Any, revision: Any = None
    ) -> bytes:
        if revision != 5:
            return bytes(original_encode(key, object_number, generation, string, revision))
        data = string.encode("utf-8") if isinstance(string, str) else bytes(string)
        pad = 16 - len(data) % 16
        iv = os.urandom(16)
        assert cipher is not None
        return iv + cipher(key, iv, data + bytes([pad]) * pad)

    saved_pyaes = getattr(pdfencrypt, "pyaes", None)
    pdfencrypt.pyaes = _Shim  # type: ignore[attr-defined]
    # reportlab imports sha256 only when pyaes imports; with cryptography alone it is missing.
    pdfencrypt.sha256 = hashlib.sha256  # type: ignore[attr-defined]
    pdfencrypt.encodePDF = encode_pdf
    try:
        yield
    finally:
        pdfencrypt.pyaes = saved_pyaes  # type: ignore[attr-defined]
        pdfencrypt.encodePDF = original_encode


@contextmanager
def _binary_streams() -> Iterator[None]:
    """Write image streams as binary rather than ASCII85 text (smaller and faster)."""
    from reportlab import rl_config

    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def _encryption(password: str) -> Any:
    from reportlab.lib.pdfencrypt import StandardEncryption

    # A random owner password: readers may print and copy but nobody can lift the
    # restriction on changing the report.
    return StandardEncryption(
        password,
        ownerPassword=secrets.token_urlsafe(24),
        canPrint=1,
        canModify=0,
        canCopy=1,
        canAnnotate=1,
        strength=256,
    )


# --- the report ----------------------------------------------------------------------------------
