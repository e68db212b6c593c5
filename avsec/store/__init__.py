"""The .avsec file: one SQLite database per assessment (docs/architecture.md, *The file format*)."""

from avsec.store.avsecfile import SCHEMA_VERSION, AvsecFile, check_file

__all__ = ["SCHEMA_VERSION", "AvsecFile", "check_file"]
