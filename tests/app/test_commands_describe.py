"""Core commands describe themselves and say what they touched (avsec.core.commands)."""

from __future__ import annotations

import pytest

from avsec.core.actions import Action
from avsec.core.assessment import Airport, Assessment, Response, Status
from avsec.core.commands import (
    Batch,
    Changes,
    SetAction,
    SetAssessment,
    SetFeature,
    SetResponse,
)
from avsec.core.layout import Feature, Kind

#: A stand-in catalogue: the test does not depend on the shipped .mo files.
SPANISH = {
    "Set {item} to {status}": "Establecer {item} en {status}",
    "Not compliant": "No conforme",
    "Add {kind}": "Añadir {kind}",
    "access point": "punto de acceso",
    "Import {count} features from {name}": "Importar {count} elementos de {name}",
}


def spanish(message: str) -> str:
    return SPANISH.get(message, message)


def _point(kind: str = "access_point") -> Feature:
    return Feature(id="f1", kind=kind, geometry={"type": "Point", "coordinates": [0, 0]})


def test_no_description_shows_a_raw_status_or_kind_id() -> None:
    for status in Status:
        command = SetResponse("PER-01", None, Response(item_id="PER-01", status=status))
        text = command.describe()
        if status is not Status.NOT_ASSESSED:
            assert "_" not in text.replace("PER-01", ""), text
    for kind in Kind:
        for command in (SetFeature("f1", None, _point(kind)), SetFeature("f1", _point(kind), None)):
            assert "_" not in command.describe(), command.describe()


@pytest.mark.parametrize(
    ("command", "english"),
    [
        (
            SetResponse("PER-01", None, Response(item_id="PER-01", status="not_compliant")),
            "Set PER-01 to not compliant",
        ),
        (
            SetResponse(
                "PER-01",
                Response(item_id="PER-01", status="compliant"),
                Response(item_id="PER-01", status="compliant", photos=["abc"]),
            ),
            "Add photo to PER-01",
        ),
        (
            SetResponse(
                "PER-01",
                Response(item_id="PER-01", photos=["abc"]),
                Response(item_id="PER-01"),
            ),
            "Remove photo from PER-01",
        ),
        (
            SetResponse(
                "PER-01", Response(item_id="PER-01"), Response(item_id="PER-01", notes="x")
            ),
            "Edit notes of PER-01",
        ),
        (SetFeature("f1", None, _point()), "Add access point"),
        (SetFeature("f1", _point("critical_part"), None), "Delete critical part"),
        (SetAction("a1", None, Action(id="a1", title="Fix the fence")), "Add action"),
    ],
)
def test_english_descriptions(command, english) -> None:
    assert command.describe() == english


def test_descriptions_go_through_the_translate_function() -> None:
    command = SetResponse("PER-01", None, Response(item_id="PER-01", status="not_compliant"))
    assert command.describe(spanish) == "Establecer PER-01 en no conforme"
    assert SetFeature("f1", None, _point()).describe(spanish) == "Añadir punto de acceso"
    batch = Batch(
        "Import {count} features from {name}",
        [SetFeature("f1", None, _point())],
        {"count": 1, "name": "gates.geojson"},
    )
    assert batch.describe(spanish) == "Importar 1 elementos de gates.geojson"
    # The journal keeps the English sentence, whatever the user's language.
    assert batch.journal()[0] == "batch:Import 1 features from gates.geojson"


def test_changes_name_the_touched_ids_through_nested_batches(airport: Airport) -> None:
    header = Assessment(airport=airport, checklist_id="c", checklist_version=1)
    inner = Batch(
        "inner",
        [
            SetAction("a1", None, Action(id="a1", title="x")),
            SetResponse("PER-02", None, Response(item_id="PER-02")),
        ],
    )
    outer = Batch(
        "outer",
        [
            SetResponse("PER-01", None, Response(item_id="PER-01")),
            SetFeature("f1", None, _point()),
            inner,
            SetAssessment(header, header.model_copy(update={"title": "t"})),
        ],
    )
    changes = outer.changes()
    assert changes == Changes(
        responses=frozenset({"PER-01", "PER-02"}),
        features=frozenset({"f1"}),
        actions=frozenset({"a1"}),
        assessment=True,
    )
    assert changes.kinds == {"responses", "features", "actions", "assessment"}
    assert SetFeature("f1", None, _point()).changes().kinds == {"features"}
    assert Batch("empty").changes() == Changes()


def test_batch_journal_keeps_each_sub_commands_what() -> None:
    first = Response(item_id="PER-01", status="compliant")
    batch = Batch(
        "outer",
        [
            SetResponse("PER-01", None, first),
            Batch("inner", [SetFeature("f1", None, _point())]),
        ],
    )
    what, before, after = batch.journal()
    assert what == "batch:outer"
    assert [e["what"] for e in after] == ["response:PER-01", "batch:inner"]
    assert before[0] == {"what": "response:PER-01", "value": None}
    assert after[0]["value"]["status"] == "compliant"
    assert after[1]["value"][0]["what"] == "feature:f1"
    assert before[1]["value"] == [{"what": "feature:f1", "value": None}]
