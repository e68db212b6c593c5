"""Access-control tests: an inspector tries to get through an access point and records the
outcome (a USAP-style test: no card, an expired card, someone else's card, a prohibited item,
tailgating, a vehicle without a pass).

A test is evidence for the checklist items its method informs (the mapping is data beside the
checklist: checklists/access-tests/). A test that was not stopped suggests those items are not
compliant, one that was partly stopped that they are partially compliant; a stopped test proves
no compliance on its own, so it suggests nothing. As with geometry findings, the inspector's
recorded answer always wins over the suggestion.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from avsec.core.i18n import N_
from avsec.core.textlimits import FieldText, NotesText

Method = Literal[
    "no_badge",
    "expired_badge",
    "other_badge",
    "prohibited_item",
    "tailgating",
    "vehicle_no_pass",
    "other",
]
Result = Literal["stopped", "not_stopped", "partly"]

#: Test methods in the order lists and the report show them, with their labels.
METHOD_LABELS: dict[str, str] = {
    "no_badge": N_("No ID card"),
    "expired_badge": N_("Expired ID card"),
    "other_badge": N_("Someone else's ID card"),
    "prohibited_item": N_("Prohibited item"),
    "tailgating": N_("Tailgating"),
    "vehicle_no_pass": N_("Vehicle without a pass"),
    "other": N_("Other method"),
}
METHODS: tuple[str, ...] = tuple(METHOD_LABELS)

RESULT_LABELS: dict[str, str] = {
    "stopped": N_("Stopped"),
    "not_stopped": N_("Not stopped"),
    "partly": N_("Partly stopped"),
}
RESULTS: tuple[str, ...] = tuple(RESULT_LABELS)

#: What a result suggests for the items its method informs (a stop suggests nothing).
RESULT_SUGGESTS: dict[str, str] = {
    "not_stopped": "not_compliant",
    "partly": "partially_compliant",
}


class AccessTest(BaseModel):
    """One access-control test at one access point."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=64)
    #: The access point tested (a layout feature id).
    at: FieldText = Field(min_length=1)
    #: When the test was made (local time of the visit, or with its UTC offset).
    when: dt.datetime
    method: Method
    result: Result
    #: Who made the test (an inspector, or the airport's officer playing the intruder).
    who: FieldText = ""
    notes: NotesText = ""
    #: Attachment ids of the photos taken during the test.
    photos: list[str] = Field(default_factory=list)

    def to_json(self) -> dict[str, str]:
        """The fixed ``tests list --json`` shape of one test."""
        return {
            "id": self.id,
            "at": self.at,
            "method": self.method,
            "result": self.result,
            "when": self.when.isoformat(),
            "notes": self.notes,
        }


def ordered(tests: Iterable[AccessTest]) -> list[AccessTest]:
    """Tests in the order of the visit (then by id, so equal times list the same way)."""
    return sorted(tests, key=lambda t: (t.when.replace(tzinfo=None), t.id))


def items_for_method(method: str, mapping: Mapping[str, list[str]]) -> list[str]:
    """The checklist items a method informs (``mapping``: method -> item ids)."""
    return list(mapping.get(method, []))


def tests_for_item(
    item_id: str, tests: Iterable[AccessTest], mapping: Mapping[str, list[str]]
) -> list[AccessTest]:
    """The tests whose method informs ``item_id``, in the order of the visit."""
    return ordered(t for t in tests if item_id in mapping.get(t.method, []))


def suggested_from_tests(tests: Iterable[AccessTest]) -> str | None:
    """The status ``tests`` suggest for an item they inform: the worst result wins; None
    when every test was stopped (or there is none)."""
    results = {t.result for t in tests}
    for result in ("not_stopped", "partly"):
        if result in results:
            return RESULT_SUGGESTS[result]
    return None


def worst_status(*statuses: str | None) -> str | None:
    """The least compliant of several suggestions (None when none suggests anything)."""
    rank = {"not_compliant": 2, "partially_compliant": 1}
    present = [s for s in statuses if s is not None]
    return max(present, key=lambda s: rank.get(s, 0)) if present else None


@dataclass(frozen=True)
class StopRate:
    """How often tests of one kind (a method, an access point) were stopped."""

    key: str
    tests: int
    stopped: int
    partly: int

    @property
    def not_stopped(self) -> int:
        """Tests that got through."""
        return self.tests - self.stopped - self.partly

    @property
    def rate(self) -> float:
        """Share of the tests fully stopped (0..1): a partly stopped intruder still got
        somewhere, so it does not count as a stop."""
        return self.stopped / self.tests if self.tests else 0.0


def stop_rates(tests: Iterable[AccessTest], by: Literal["method", "at"]) -> list[StopRate]:
    """Stop rate per method (in :data:`METHODS` order) or per access point (by id)."""
    counts: dict[str, list[int]] = {}
    for test in tests:
        key = test.method if by == "method" else test.at
        row = counts.setdefault(key, [0, 0, 0])
        row[0] += 1
        row[1] += test.result == "stopped"
        row[2] += test.result == "partly"
    order = list(METHODS) if by == "method" else sorted(counts)
    return [StopRate(k, *counts[k]) for k in order if k in counts]
