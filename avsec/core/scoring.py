"""Coverage, Effective Implementation, weighted score and gap priority (docs/architecture.md, *Statuses*)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from avsec.core.assessment import STATUS_SCORE, Response, Status
from avsec.core.checklist import Checklist, ChecklistItem
from avsec.core.findings import Finding

#: Zone factor of the gap priority: the zone an item's findings lie in.
ZONE_FACTOR = {"critical_part": 1.5, "sra": 1.25, "airside": 1.0, "landside": 0.75}
#: Added to an item's gap priority for each geometry finding, by severity.
FINDING_BOOST = {"critical": 0.5, "major": 0.3, "minor": 0.1}
#: Cap on the geometry-finding boost so that many small findings do not swamp the weight.
MAX_FINDING_BOOST = 1.5


@dataclass(frozen=True)
class AreaScore:
    """Scores of one area (or of the whole checklist, ``id='overall'``).

    ``ei``, ``weighted`` and ``coverage`` are fractions 0..1, or None when the denominator is
    empty (nothing applicable or nothing assessed): an honest "no figure" rather than 0.
    """

    id: str
    ei: float | None
    weighted: float | None
    coverage: float | None
    assessed: int
    applicable: int
    compliant: int
    items: int

    def to_json(self) -> dict[str, object]:
        """Return the ``score --json`` area shape."""
        return {
            "id": self.id,
            "ei": self.ei,
            "weighted": self.weighted,
            "coverage": self.coverage,
            "assessed": self.assessed,
            "applicable": self.applicable,
        }


def _status(responses: Mapping[str, Response], item_id: str) -> Status:
    response = responses.get(item_id)
    return response.status if response else Status.NOT_ASSESSED


def score_items(
    area_id: str, items: Iterable[ChecklistItem], responses: Mapping[str, Response]
) -> AreaScore:
    """Score a set of items.

    Parameters
    ----------
    area_id
        Id given to the result.
    items
        The items to score.
    responses
        Responses by item id; an item without one is ``not_assessed``.

    Returns
    -------
    AreaScore
        Coverage = assessed applicable / applicable; EI = compliant / assessed applicable;
        weighted = sum(w*s) / sum(w) over assessed applicable items.
    """
    applicable = assessed = compliant = count = 0
    weighted_sum = weight_sum = 0.0
    for item in items:
        count += 1
        status = _status(responses, item.id)
        if status == Status.NOT_APPLICABLE:
            continue
        applicable += 1
        if status == Status.NOT_ASSESSED:
            continue
        assessed += 1
        compliant += status == Status.COMPLIANT
        weighted_sum += item.weight * STATUS_SCORE[status]
        weight_sum += item.weight
    return AreaScore(
        id=area_id,
        ei=compliant / assessed if assessed else None,
        weighted=weighted_sum / weight_sum if weight_sum else None,
        coverage=assessed / applicable if applicable else None,
        assessed=assessed,
        applicable=applicable,
        compliant=compliant,
        items=count,
    )


@dataclass(frozen=True)
class Scores:
    """Overall and per-area scores."""

    overall: AreaScore
    areas: list[AreaScore]

    def to_json(self) -> dict[str, object]:
        """Return the fixed ``score --json`` shape."""
        return {
            "overall": {
                "ei": self.overall.ei,
                "weighted": self.overall.weighted,
                "coverage": self.overall.coverage,
            },
            "areas": [area.to_json() for area in self.areas],
        }


def score_checklist(checklist: Checklist, responses: Mapping[str, Response]) -> Scores:
    """Score every area of ``checklist`` and the checklist as a whole."""
    areas = [score_items(area.id, area.items, responses) for area in checklist.areas]
    overall = score_items("overall", checklist.items(), responses)
    return Scores(overall=overall, areas=areas)


def item_zone(findings: Iterable[Finding]) -> str:
    """Return the most sensitive zone among ``findings`` ('' when none names one)."""
    zones = [f.zone for f in findings if f.zone in ZONE_FACTOR]
    return max(zones, key=lambda z: ZONE_FACTOR[z]) if zones else ""


def gap_priority(item: ChecklistItem, status: Status, findings: Iterable[Finding] = ()) -> float:
    """Return the gap priority of an item.

    priority = w * (1 - s) * zone factor + geometry-finding boost, where the zone factor is
    that of the most sensitive zone the item's findings lie in (1.0 when none), and the boost
    adds per finding by severity (capped). Items that are compliant, not applicable or not
    assessed and have no findings have priority 0.

    Parameters
    ----------
    item
        The checklist item.
    status
        Its response status.
    findings
        Geometry findings linked to the item.
    """
    findings = list(findings)
    score = STATUS_SCORE.get(status)
    base = 0.0
    if score is not None:
        base = item.weight * (1.0 - score) * ZONE_FACTOR.get(item_zone(findings), 1.0)
    boost = min(MAX_FINDING_BOOST, sum(FINDING_BOOST[f.severity] for f in findings))
    if status == Status.NOT_APPLICABLE:
        return 0.0
    return round(base + boost, 6)


@dataclass(frozen=True)
class Gap:
    """One item that needs improvement, with its priority."""

    item: ChecklistItem
    status: Status
    priority: float
    findings: tuple[Finding, ...]


def gaps(
    checklist: Checklist,
    responses: Mapping[str, Response],
    findings: Iterable[Finding] = (),
) -> list[Gap]:
    """Return every item with a positive gap priority, highest first.

    An item is a gap when it is partially or not compliant, or when geometry findings concern
    it and the inspector has not marked it compliant or not applicable (their answer wins).
    """
    by_item: dict[str, list[Finding]] = {}
    for finding in findings:
        for item_id in finding.items:
            by_item.setdefault(item_id, []).append(finding)
    out: list[Gap] = []
    for item in checklist.items():
        status = _status(responses, item.id)
        if status in (Status.COMPLIANT, Status.NOT_APPLICABLE):
            continue
        item_findings = by_item.get(item.id, [])
        priority = gap_priority(item, status, item_findings)
        if priority > 0:
            out.append(Gap(item, status, priority, tuple(item_findings)))
    order = {item_id: i for i, item_id in enumerate(checklist.item_ids())}
    out.sort(key=lambda g: (-g.priority, order[g.item.id]))
    return out
