"""The trainer view shows the same comparison as ``avsec workshop compare``."""

from __future__ import annotations

from pathlib import Path

import pytest

from avsec.core.assessment import Airport, Assessment, Response
from avsec.core.commands import Batch, SetResponse
from avsec.store import AvsecFile

KEY = {
    "PER-01": "not_compliant",
    "PER-02": "partially_compliant",
    "PER-03": "compliant",
    "ACP-01": "not_compliant",
}
ANDES = {
    "PER-01": "not_compliant",
    "PER-02": "compliant",
    "PER-03": "compliant",
    "ACP-01": "not_compliant",
}
CARIBE = {"PER-01": "not_compliant", "PER-02": "partially_compliant", "ACP-01": "compliant"}


def _answer(path: Path, statuses: dict[str, str]) -> None:
    with AvsecFile.open(path) as f:
        f.apply(
            Batch(
                "answers",
                [SetResponse(i, None, Response(item_id=i, status=s)) for i, s in statuses.items()],
            )
        )


@pytest.fixture
def workshop(tmp_path: Path, checklist) -> tuple[Path, list[Path]]:
    from avsec.workshop.pack import pack_exercise
    from avsec.workshop.teams import make_team_files

    key = tmp_path / "key.avsec"
    airport = Airport(icao="ZZTA", name="Test Field", lat=10.0, lon=-80.0, custom=True)
    header = Assessment(
        airport=airport,
        checklist_id=checklist.id,
        checklist_version=checklist.version,
        mode="answer_key",
    )
    with AvsecFile.create(key, header, checklist):
        pass
    _answer(key, KEY)
    with AvsecFile.open(key) as f:
        f.set_extra("rationales", {"PER-02": "The fence is too low on the west side."})
    exercise = pack_exercise(key, tmp_path / "exercise.avsec")
    teams = make_team_files(exercise, ["Andes", "Caribe"], tmp_path / "teams")
    _answer(teams[0], ANDES)
    _answer(teams[1], CARIBE)
    stray = tmp_path / "stray.avsec"
    stray.write_bytes(b"not a database at all")
    return key, [*teams, stray]


def test_view_shows_scores_heat_map_and_disputed_items(qtbot, workshop) -> None:
    from avsec.core import palette
    from avsec.gui.trainer_view import TrainerView
    from avsec.workshop.compare import compare_files

    key, teams = workshop
    comparison = compare_files(key, teams)
    view = TrainerView(comparison)
    qtbot.addWidget(view)
    view.show()
    # Scores: Andes 3/4, Caribe 2/4 (PER-03 blank, ACP-01 wrong), as the CLI computes them.
    scores = view.scores_table
    assert [scores.item(r, 0).text() for r in range(scores.rowCount())] == ["Andes", "Caribe"]
    assert [scores.item(r, 1).text() for r in range(2)] == ["75%", "50%"]
    assert scores.columnCount() == 2 + len(comparison.checklist.areas)
    # Heat map: key row + one row per team, one column per item; misses are marked ×.
    heat = view.heat_table
    assert (heat.rowCount(), heat.columnCount()) == (3, 5)
    assert heat.horizontalHeaderItem(1).text() == "PER-02"
    key_cell, andes_cell, caribe_cell = (heat.item(r, 1) for r in range(3))
    assert key_cell.data(0x0100) == "partially_compliant"  # Qt.UserRole
    assert andes_cell.text() == "×" and caribe_cell.text() == ""
    # The cells are painted in the palette's colours, as the debrief PDF paints them.
    assert andes_cell.background().color().name() == palette.STATUS_CELL_COLOURS["compliant"]
    assert key_cell.background().color().name() == palette.STATUS_COLOURS["partially_compliant"]
    assert (
        "Partially compliant" in andes_cell.toolTip() or "partially" in andes_cell.toolTip().lower()
    )
    # Disputed items carry the key's rationale.
    disputed = view.disputed_table
    ids = [disputed.item(r, 0).text() for r in range(disputed.rowCount())]
    assert ids[0] in ("PER-02", "PER-03", "ACP-01") and "PER-01" not in ids
    row = ids.index("PER-02")
    assert disputed.item(row, 5).text() == "The fence is too low on the west side."
    # Kappa as in the JSON, and the refused file by name.
    assert f"{comparison.fleiss_kappa:.2f}" in view.kappa_label.text()
    assert "stray.avsec" in view.refused_label.text()
    assert view.outline_table.rowCount() >= 1


def test_view_from_files_in_spanish(qtbot, workshop) -> None:
    from avsec.gui.i18n import set_language
    from avsec.gui.trainer_view import TrainerView

    set_language("es")
    key, teams = workshop
    view = TrainerView.from_files(key, teams[:2])
    qtbot.addWidget(view)
    assert view.tabs.tabText(0) == "Resultados"
    assert view.kappa_label.text().startswith("Coeficiente kappa de Fleiss")
    assert not view.refused_label.isVisibleTo(view)


def test_single_team_has_no_kappa(qtbot, workshop) -> None:
    from avsec.gui.trainer_view import TrainerView

    key, teams = workshop
    view = TrainerView.from_files(key, teams[:1])
    qtbot.addWidget(view)
    assert "not available" in view.kappa_label.text()
