"""The national portfolio: every visit of every airport, the trend and the recurring gaps.

Pure data. A :class:`VisitRecord` is what one visit contributes (read from an .avsec file or
from the shared database, the same either way), and :func:`build_portfolio` turns the records
into the ``portfolio --json`` shape.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from avsec.core.actions import Action
from avsec.core.assessment import Status
from avsec.core.followup import CLOSED_FOLLOWUP

#: Statuses that count an item against an airport in the systemic gaps (EI's complement).
NOT_COMPLIANT = frozenset({Status.NOT_COMPLIANT, Status.PARTIALLY_COMPLIANT})
#: Statuses that count as assessed.
ASSESSED = frozenset({Status.COMPLIANT, Status.PARTIALLY_COMPLIANT, Status.NOT_COMPLIANT})


@dataclass(frozen=True)
class PlanRow:
    """One action of a visit's improvement outline, as the portfolio needs it."""

    id: str
    title: str
    owner: str
    due: dt.date | None
    open: bool

    @classmethod
    def of(cls, action: Action) -> PlanRow:
        """The row of an outline action (a follow-up verdict outranks the action's status)."""
        if action.followup is not None:
            still_open = action.followup not in CLOSED_FOLLOWUP
        else:
            still_open = action.status not in ("done", "cancelled")
        return cls(action.id, action.title, action.owner, action.due, still_open)


@dataclass(frozen=True)
class VisitRecord:
    """What one visit contributes to the portfolio."""

    uuid: str
    date: dt.date
    icao: str
    name: str
    #: The visit's ``score --json``.
    scores: dict[str, Any]
    statuses: dict[str, str]
    actions: tuple[PlanRow, ...] = ()

    @property
    def airport_key(self) -> str:
        """Visits of one airport share its ICAO code (its name when it has none)."""
        return self.icao or self.name


@dataclass(frozen=True)
class Skipped:
    """A file left out of the portfolio, and why (``reason`` translates itself where shown
    when it can: an avsec error's, a notice)."""

    path: str
    reason: str


@dataclass
class Portfolio:
    """Visits by airport (oldest first), overdue actions and systemic gaps."""

    airports: list[dict[str, Any]]
    systemic: list[dict[str, Any]]
    overdue: list[tuple[str, str, PlanRow]] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def visit_rows(
        self, percent: Callable[[float | None], str]
    ) -> list[tuple[dict[str, Any], list[str]]]:
        """Each visit, oldest first by airport, with its table cells: date, EI, weighted score,
        coverage (written by ``percent``), open and overdue actions."""
        return [
            (
                airport,
                [
                    visit["date"],
                    *(percent(visit[share]) for share in ("ei", "weighted", "coverage")),
                    str(visit["open_actions"]),
                    str(visit["overdue_actions"]),
                ],
            )
            for airport in self.airports
            for visit in airport["visits"]
        ]

    def to_json(self) -> dict[str, Any]:
        """The ``portfolio --json`` shape."""
        return {"airports": self.airports, "systemic": self.systemic}


def _visit_json(record: VisitRecord, as_of: dt.date) -> dict[str, Any]:
    overall = record.scores.get("overall", {})
    open_rows = [a for a in record.actions if a.open]
    return {
        "uuid": record.uuid,
        "date": record.date.isoformat(),
        "ei": overall.get("ei"),
        "weighted": overall.get("weighted"),
        "coverage": overall.get("coverage"),
        "areas": {
            a["id"]: {"ei": a["ei"], "weighted": a["weighted"], "coverage": a["coverage"]}
            for a in record.scores.get("areas", [])
        },
        "open_actions": len(open_rows),
        "overdue_actions": sum(1 for a in open_rows if a.due is not None and a.due < as_of),
    }


def build_portfolio(
    records: Iterable[VisitRecord], today: dt.date, skipped: Iterable[Skipped] = ()
) -> Portfolio:
    """Group ``records`` by airport and find the systemic gaps.

    An action is overdue when still open and due before the airport's next visit (before
    ``today`` for the latest visit): the next visit is where it is checked again.
    Systemic gaps are taken from each airport's latest visit: for each item, the airports
    where it was partially or not compliant, over the airports that assessed it; items not
    compliant at two or more airports come first.
    """
    by_airport: dict[str, list[VisitRecord]] = {}
    for record in records:
        by_airport.setdefault(record.airport_key, []).append(record)
    airports: list[dict[str, Any]] = []
    overdue: list[tuple[str, str, PlanRow]] = []
    not_compliant: dict[str, int] = {}
    assessed: dict[str, int] = {}
    for key in sorted(by_airport):
        visits = sorted(by_airport[key], key=lambda r: (r.date, r.uuid))
        latest = visits[-1]
        entries = []
        for index, record in enumerate(visits):
            as_of = visits[index + 1].date if index + 1 < len(visits) else today
            entries.append(_visit_json(record, as_of))
        overdue += [
            (key, latest.name, a)
            for a in latest.actions
            if a.open and a.due is not None and a.due < today
        ]
        airports.append({"icao": latest.icao, "name": latest.name, "visits": entries})
        for item_id, status in latest.statuses.items():
            if status in ASSESSED:
                assessed[item_id] = assessed.get(item_id, 0) + 1
                if status in NOT_COMPLIANT:
                    not_compliant[item_id] = not_compliant.get(item_id, 0) + 1
    systemic: list[dict[str, Any]] = [
        {
            "item": item_id,
            "airports_not_compliant": count,
            "airports_assessed": assessed[item_id],
        }
        for item_id, count in not_compliant.items()
    ]
    systemic.sort(key=lambda s: (-s["airports_not_compliant"], -s["airports_assessed"], s["item"]))
    overdue.sort(key=lambda row: (row[2].due or today, row[0], row[2].id))
    return Portfolio(airports, systemic, overdue, list(skipped))
