"""Geometry findings as plain data (``analyze --json``; docs/architecture.md)."""

from __future__ import annotations

import hashlib
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from avsec.core.i18n import LangText, pick

Severity = Literal["critical", "major", "minor"]
SEVERITY_RANK = {"critical": 3, "major": 2, "minor": 1}


class Finding(BaseModel):
    """One gap found by a geometry rule."""

    model_config = ConfigDict(extra="forbid")

    rule: str
    severity: Severity
    value: float
    unit: str
    location: tuple[float, float]  # lon, lat
    geometry: dict[str, Any]
    features: list[str] = Field(default_factory=list)
    items: list[str] = Field(default_factory=list)
    message: LangText = Field(default_factory=dict)
    #: The zone the finding lies in (critical_part, sra, airside, landside or "").
    zone: str = ""

    @property
    def id(self) -> str:
        """A stable id: the same gap found twice gets the same id."""
        key = f"{self.rule}|{','.join(sorted(self.features))}|{self.location[0]:.6f}|{self.location[1]:.6f}"
        return "g-" + hashlib.sha1(key.encode(), usedforsecurity=False).hexdigest()[:10]

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        """Return the finding in the fixed ``analyze --json`` shape."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "value": round(self.value, 3),
            "unit": self.unit,
            "location": [round(self.location[0], 7), round(self.location[1], 7)],
            "geometry": self.geometry,
            "features": list(self.features),
            "items": list(self.items),
            "message": pick(self.message, lang),
        }


def suggested_status(findings: list[Finding]) -> str | None:
    """Return the status the geometry suggests for an item, or None without findings.

    A critical or major finding suggests ``not_compliant``, minor ones
    ``partially_compliant``. It is only a suggestion: the inspector's answer always wins.
    """
    if not findings:
        return None
    worst = max(SEVERITY_RANK[f.severity] for f in findings)
    return "not_compliant" if worst >= SEVERITY_RANK["major"] else "partially_compliant"


def finding_numbers(findings: list[Finding]) -> dict[str, int]:
    """Number findings 1, 2, ... in their stored order (the analysis sorts them by severity).

    The app's map and list, the report's map key and the outline all use these numbers, so
    "finding 3" means the same gap everywhere.
    """
    numbers: dict[str, int] = {}
    for finding in findings:
        numbers.setdefault(finding.id, len(numbers) + 1)
    return numbers
