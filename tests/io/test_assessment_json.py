"""JSON export of the whole assessment and its generated JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from avsec.core.assessment import Response
from avsec.core.commands import SetResponse
from avsec.io.assessment_json import SCHEMA_FILE, schema_text, write_assessment_json
from avsec.store import AvsecFile

SCHEMA = Path(__file__).parents[2] / "docs" / "schema" / SCHEMA_FILE


def test_schema_in_docs_is_current() -> None:
    assert SCHEMA.read_text(encoding="utf-8") == schema_text(), (
        "docs/schema is stale: run python -m avsec.io.assessment_json docs/schema"
    )


def test_export_validates_against_schema(new_file: AvsecFile, tmp_path: Path) -> None:
    new_file.apply(
        SetResponse(
            "PER-01", None, Response(item_id="PER-01", status="not_compliant", notes="ñandú <b>")
        )
    )
    out = tmp_path / "a.json"
    write_assessment_json(new_file.document(), out)
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert data["responses"]["PER-01"]["notes"] == "ñandú <b>"
    assert data["checklist"]["id"] == "mini-test"
