"""Fixtures of the report tests (the data itself is built in reportdata.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from reportdata import FIXTURES, LAT0, LON0, sample_findings, sample_layout

from avsec.core.assessment import Airport, Assessment, Response, Status
from avsec.core.checklist import Checklist
from avsec.core.document import AssessmentDocument
from avsec.io.checklists import load_checklist_file


@pytest.fixture
def mini() -> Checklist:
    return load_checklist_file(FIXTURES / "mini-checklist.yaml", check_references=False)


@pytest.fixture
def make_doc(mini: Checklist) -> Callable[..., AssessmentDocument]:
    """Build a document on the mini checklist; keyword arguments override the parts."""

    def _make(**parts: object) -> AssessmentDocument:
        assessment = Assessment(
            title="Perimeter and access control",
            airport=Airport(
                icao="ZZTA",
                iata="ZTA",
                name="Test Field",
                city="Villa",
                country="PA",
                lat=LAT0,
                lon=LON0,
            ),
            checklist_id=mini.id,
            checklist_version=mini.version,
            started=dt.date(2025, 3, 3),
            ended=dt.date(2025, 3, 7),
            team=["A. Inspector", "B. Ñandú"],
            organisation="Civil Aviation Authority",
        )
        responses = {
            "PER-01": Response(
                item_id="PER-01",
                status=Status.NOT_COMPLIANT,
                notes="Gap of 50 m near gate 1.\n\nNo patrol seen.",
            ),
            "PER-02": Response(
                item_id="PER-02", status=Status.PARTIALLY_COMPLIANT, notes="East fence 2.0 m."
            ),
            "PER-03": Response(item_id="PER-03", status=Status.COMPLIANT),
            "ACP-01": Response(
                item_id="ACP-01", status=Status.NOT_COMPLIANT, notes="Gate 2 open, unstaffed."
            ),
            "ACP-02": Response(item_id="ACP-02", status=Status.NOT_APPLICABLE),
        }
        values: dict[str, object] = {
            "assessment": assessment,
            "checklist": mini,
            "responses": responses,
            "features": sample_layout(),
            "findings": sample_findings(),
        }
        values.update(parts)
        return AssessmentDocument.model_validate(values)

    return _make


@pytest.fixture
def photo_store() -> tuple[dict[str, bytes], Callable[[str], bytes | None]]:
    """A dict of photo bytes by id and a loader over it."""
    store: dict[str, bytes] = {}
    return store, store.get
