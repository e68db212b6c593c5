"""Undoable commands against an in-memory document."""

from __future__ import annotations

from avsec.core.assessment import Airport, Assessment, Response
from avsec.core.checklist import Checklist
from avsec.core.commands import DocumentTarget, add_feature, replace_layout, set_response
from avsec.core.document import AssessmentDocument
from avsec.core.layout import Feature


def _doc(checklist: Checklist) -> AssessmentDocument:
    a = Assessment(
        airport=Airport(name="x", lat=0, lon=0), checklist_id=checklist.id, checklist_version=1
    )
    return AssessmentDocument(assessment=a, checklist=checklist)


def test_response_undo_redo(mini_checklist: Checklist) -> None:
    doc = _doc(mini_checklist)
    target = DocumentTarget(doc)
    first = set_response(doc, Response(item_id="PER-01", status="compliant"))
    first.redo(target)
    second = set_response(doc, Response(item_id="PER-01", status="not_compliant", notes="hole"))
    second.redo(target)
    assert doc.status_of("PER-01") == "not_compliant"
    assert second.describe() == "Set PER-01 to not compliant"
    second.undo(target)
    assert doc.status_of("PER-01") == "compliant"
    first.undo(target)
    assert "PER-01" not in doc.responses


def test_layout_replace_is_one_undo(mini_checklist: Checklist) -> None:
    doc = _doc(mini_checklist)
    target = DocumentTarget(doc)
    old = Feature(kind="road", geometry={"type": "LineString", "coordinates": [[0, 0], [1, 1]]})
    add_feature(old).redo(target)
    new = [
        Feature(
            kind="airside",
            geometry={"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]},
        )
    ]
    batch = replace_layout(doc, new, "Import layout")
    batch.redo(target)
    assert [f.kind for f in doc.features] == ["airside"]
    batch.undo(target)
    assert [f.id for f in doc.features] == [old.id]
