"""The whole assessment as JSON, and its JSON Schema (docs/schema/)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from avsec.core.document import AssessmentDocument

SCHEMA_FILE = "assessment.schema.json"


def assessment_schema() -> dict[str, Any]:
    """Return the JSON Schema of the exported assessment, generated from the models."""
    schema = AssessmentDocument.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "avsec-assessment.schema.json"
    return schema


def schema_text() -> str:
    """The schema as the exact text stored in docs/schema/."""
    return json.dumps(assessment_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_assessment_json(document: AssessmentDocument, path: Path) -> None:
    """Write the whole assessment (without photo bytes) as UTF-8 JSON."""
    Path(path).write_text(
        json.dumps(document.to_json_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    # python -m avsec.io.assessment_json docs/schema  -> regenerates the schema file
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/schema") / SCHEMA_FILE
    target.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {target}")
