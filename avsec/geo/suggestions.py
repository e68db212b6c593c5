"""Findings feed the checklist: per item, the findings that concern it and a suggested status.

The suggestion never overrides the inspector: an item the inspector has assessed keeps the
inspector's status; only unassessed items take the suggestion as their proposed status.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from avsec.core.assessment import Response, Status
from avsec.core.checklist import Checklist
from avsec.core.findings import Finding, suggested_status


@dataclass
class ItemSuggestion:
    """What the geometry says about one checklist item."""

    item_id: str
    findings: list[Finding]
    #: From the findings alone (None: no finding concerns the item).
    suggested: str | None
    #: The inspector's recorded status, or None when the item is not assessed.
    answered: str | None

    @property
    def status(self) -> str | None:
        """The status to show: the inspector's answer when there is one, else the suggestion."""
        return self.answered if self.answered is not None else self.suggested

    @property
    def disagrees(self) -> bool:
        """True when the inspector's answer differs from what the geometry suggests."""
        return (
            self.answered is not None
            and self.suggested is not None
            and self.answered != self.suggested
        )


def findings_by_item(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    """Group findings by the checklist items they are linked to."""
    out: dict[str, list[Finding]] = {}
    for finding in findings:
        for item_id in finding.items:
            out.setdefault(item_id, []).append(finding)
    return out


def item_suggestions(
    checklist: Checklist, findings: Iterable[Finding], responses: Mapping[str, Response]
) -> list[ItemSuggestion]:
    """Every checklist item that a geometry rule informs, in checklist order.

    Items whose rules found nothing are included (suggested None) only when their rules ran,
    i.e. every item with ``rules``; an item without rules is left out.
    """
    grouped = findings_by_item(findings)
    out = []
    for item in checklist.items():
        if not item.rules and item.id not in grouped:
            continue
        linked = grouped.get(item.id, [])
        response = responses.get(item.id)
        answered = (
            str(response.status)
            if response is not None and response.status != Status.NOT_ASSESSED
            else None
        )
        out.append(ItemSuggestion(item.id, linked, suggested_status(linked), answered))
    return out
