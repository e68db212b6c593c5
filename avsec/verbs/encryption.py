"""The ``encrypt`` and ``decrypt`` verbs: an assessment file encrypted at rest, or plain again.

The passphrase is never an argument (shell history, process lists): it is typed at a prompt or
given in ``AVSEC_PASSPHRASE``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from avsec.core.i18n import N_
from avsec.verbs._text import say, tr


def register(subparsers: Any) -> None:
    """Add ``avsec encrypt FILE`` and ``avsec decrypt FILE``."""
    p = subparsers.add_parser(
        "encrypt", help=tr("encrypt an assessment file with a passphrase (SQLCipher 4, AES-256)")
    )
    p.add_argument("file", help=tr("the plain .avsec file"))
    p.set_defaults(handler=cmd_encrypt)
    p = subparsers.add_parser(
        "decrypt", help=tr("store an encrypted assessment file as a plain one")
    )
    p.add_argument("file", help=tr("the encrypted .avsec file"))
    p.set_defaults(handler=cmd_decrypt)


def cmd_encrypt(args: argparse.Namespace) -> int:
    """Encrypt a plain file in place."""
    from avsec.store import check_file, crypto
    from avsec.store.crypto import PassphraseError

    path = Path(args.file)
    if crypto.looks_encrypted(path):
        raise PassphraseError(
            N_("{name}: already encrypted (or not an .avsec file)"), name=path.name
        )
    check_file(path)  # refuses anything that is not a sound plain .avsec file
    crypto.encrypt_file(path, crypto.passphrase_for(path, confirm=True))
    check_file(path)  # the encrypted copy reads back before we say so
    say(N_("encrypted {path} (SQLCipher 4, AES-256)"), path=path)
    say(
        N_(
            "note: the plain content may remain in free disk blocks and in earlier copies (backups, USB sticks); see README 'Security'"
        )
    )
    return 0


def cmd_decrypt(args: argparse.Namespace) -> int:
    """Write an encrypted file back as a plain one, in place."""
    from avsec.store import check_file, crypto
    from avsec.store.crypto import PassphraseError

    path = Path(args.file)
    if not crypto.looks_encrypted(path):
        check_file(path)
        raise PassphraseError(N_("{name}: not encrypted; nothing to do"), name=path.name)
    check_file(path)  # asks for the passphrase; a wrong one stops here, nothing changed
    crypto.decrypt_file(path, crypto.passphrase_for(path))
    check_file(path)
    say(N_("decrypted {path}: the file is now stored in plain form"), path=path)
    return 0
