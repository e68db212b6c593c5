"""Safe YAML reading with messages that name the file and the line."""

from __future__ import annotations

from typing import Any

import yaml

from avsec.core.errors import InputError

#: Checklists and catalogues are text; anything larger is not one of ours.
MAX_YAML_BYTES = 16 * 1024 * 1024


def load_yaml_text(text_bytes: bytes, name: str) -> Any:
    """Parse YAML bytes with ``yaml.safe_load``.

    Raises
    ------
    InputError
        Too large, not UTF-8, or not valid YAML (with the line and column).
    """
    if len(text_bytes) > MAX_YAML_BYTES:
        raise InputError(f"{name}: larger than {MAX_YAML_BYTES // 2**20} MiB; not a checklist")
    try:
        text = text_bytes.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (byte {exc.start})") from exc
    try:
        return yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise InputError(f"{name}: invalid YAML{where}: {exc.problem}") from exc
    except yaml.YAMLError as exc:
        raise InputError(f"{name}: invalid YAML: {exc}") from exc
