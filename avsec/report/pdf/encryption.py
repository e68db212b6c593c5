"""AES-256 encryption of a written PDF, by pypdf.

The report is written in clear first (reportlab), then encrypted as a whole: pypdf writes the
standard security handler revision 6 (AES-256, ISO 32000-2) that every current reader opens.
A random owner password means readers may print, copy and annotate but nobody can lift the
restriction on changing the report.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.constants import UserAccessPermissions

#: What a reader with the password may do: print (also at full quality), copy text and
#: pictures, annotate. Changing, assembling and filling forms stay locked.
PERMISSIONS = (
    UserAccessPermissions.PRINT
    | UserAccessPermissions.PRINT_TO_REPRESENTATION
    | UserAccessPermissions.EXTRACT
    | UserAccessPermissions.EXTRACT_TEXT_AND_GRAPHICS
    | UserAccessPermissions.ADD_OR_MODIFY
)


def encrypt_pdf(source: Path, target: Path, password: str) -> None:
    """Write ``source`` encrypted with AES-256 under ``password`` to ``target``."""
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(
        user_password=password,
        owner_password=secrets.token_urlsafe(24),
        permissions_flag=PERMISSIONS,
        algorithm="AES-256",
    )
    with open(target, "wb") as stream:
        writer.write(stream)
