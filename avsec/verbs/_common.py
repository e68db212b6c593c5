"""Helpers shared by the verb modules."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def print_json(value: Any) -> None:
    """Print ``value`` as indented UTF-8 JSON."""
    sys.stdout.write(json.dumps(value, indent=2, ensure_ascii=False) + "\n")


def percent(value: float | None) -> str:
    """Format a 0..1 share as a percentage, or an en dash when there is no figure."""
    return "–" if value is None else f"{value * 100:.0f} %"


def add_lang(parser: Any) -> None:
    """Add the standard ``--lang`` and ``--number-format`` options."""
    from avsec.core.i18n import NUMBER_FORMATS

    parser.add_argument("--lang", choices=["en", "es"], default=None, help="language (en or es)")
    parser.add_argument(
        "--number-format",
        choices=[f for f in NUMBER_FORMATS if f],
        default=None,
        metavar="LOCALE",
        help="write numbers as this locale does, apart from the language: es_MX 1,234.5, "
        "es_AR 1.234,5 (default: as the language)",
    )


def open_file(path: str) -> Any:
    """Open an .avsec file for a verb."""
    from avsec.store import AvsecFile

    return AvsecFile.open(Path(path))


def table(rows: list[list[str]], header: list[str]) -> str:
    """Format rows as a plain aligned text table."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        lines.append("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines)
