"""The .avsec file: one SQLite database per assessment (DESIGN §3)."""

from avsec.store.avsecfile import SCHEMA_VERSION, AvsecFile, check_file

__all__ = ["SCHEMA_VERSION", "AvsecFile", "check_file"]
