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
    #: Its number ("F3" on the map and in every list), kept across re-analysis while the
    #: layout is unchanged (:func:`keep_numbers`); 0 before the store numbered it.
    number: int = 0

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
    """The number of each finding: the one the store gave it (:attr:`Finding.number`).

    The app's map and list, the report's map key, the outline, the action plan and the CLI
    all use these numbers, so "F3" means the same gap everywhere. Findings never numbered by
    a store (a GeoJSON layout analysed on the command line) count on from the highest number
    in their stored order (the analysis sorts them by severity).
    """
    numbers: dict[str, int] = {f.id: f.number for f in findings if f.number > 0}
    next_free = max(numbers.values(), default=0) + 1
    for finding in findings:
        if finding.id not in numbers:
            numbers[finding.id] = next_free
            next_free += 1
    return numbers


def keep_numbers(
    findings: list[Finding], previous: dict[str, int], same_layout: bool
) -> tuple[list[Finding], dict[str, int]]:
    """Number a new analysis's findings, keeping the numbers of the previous one.

    While the layout is unchanged (only rule parameters changed, or nothing did) a finding
    found again keeps its number, a new one takes the next number never used, and a vanished
    one keeps its number reserved (so "F3" never comes to mean another gap). After a layout
    change the numbering starts again at 1 in stored order.

    Returns
    -------
    findings, numbering
        The findings with :attr:`Finding.number` set, and the numbering to store (every
        number handed out while the layout stayed the same, vanished findings included).
    """
    numbering = dict(previous) if same_layout else {}
    next_free = max(numbering.values(), default=0) + 1
    numbered = []
    for finding in findings:
        if finding.id not in numbering:
            numbering[finding.id] = next_free
            next_free += 1
        numbered.append(finding.model_copy(update={"number": numbering[finding.id]}))
    return numbered, numbering


def finding_label(number: int) -> str:
    """The label of finding ``number`` on the map and in every list: "F3"."""
    return f"F{number}"


def observation_label(number: int) -> str:
    """The label of observation ``number`` of the visit: "O3" (apart from the findings')."""
    return f"O{number}"
