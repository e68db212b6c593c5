"""Workshop > Compare teams… hosts the trainer view over the chosen files."""

from __future__ import annotations

from pathlib import Path

import pytest

from avsec.core.assessment import Airport, Assessment, Response
from avsec.core.commands import Batch, SetResponse
from avsec.store import AvsecFile


def _answer(path: Path, statuses: dict[str, str]) -> None:
    with AvsecFile.open(path) as f:
        commands = [
            SetResponse(i, None, Response(item_id=i, status=s)) for i, s in statuses.items()
        ]
        f.apply(Batch("answers", commands))


@pytest.fixture
def files(tmp_path, checklist):
    from avsec.workshop import pack
    from avsec.workshop import teams as teams_module

    key = tmp_path / "key.avsec"
    header = Assessment(
        airport=Airport(icao="ZZTA", name="Test Field", lat=10.0, lon=-80.0, custom=True),
        checklist_id=checklist.id,
        checklist_version=checklist.version,
        mode="answer_key",
    )
    with AvsecFile.create(key, header, checklist):
        pass
    _answer(key, {"PER-01": "not_compliant", "PER-02": "compliant"})
    exercise = pack.pack_exercise(key, tmp_path / "exercise.avsec")
    teams = teams_module.make_team_files(exercise, ["Andes", "Caribe"], tmp_path / "teams")
    _answer(teams[0], {"PER-01": "not_compliant", "PER-02": "not_compliant"})
    _answer(teams[1], {"PER-01": "compliant", "PER-02": "compliant"})
    return key, teams


def test_the_action_opens_the_trainer_view(qtbot, window, files, monkeypatch):
    key, teams = files
    monkeypatch.setattr("avsec.gui.dialogs.choose_open_file", lambda *a, **k: str(key))
    monkeypatch.setattr(
        "avsec.gui.dialogs.choose_open_files", lambda *a, **k: [str(t) for t in teams]
    )
    from avsec.gui.compare_dialog import CompareDialog

    shown = []
    monkeypatch.setattr(CompareDialog, "show", lambda self: shown.append(self))
    window.registry.action("workshop.compare").trigger()
    assert len(shown) == 1
    dialog = shown[0]
    qtbot.addWidget(dialog)
    assert dialog.view.scores_table.rowCount() == 2


def test_a_wrong_key_is_an_error_box(qtbot, window, files, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    _key, teams = files
    monkeypatch.setattr("avsec.gui.dialogs.choose_open_file", lambda *a, **k: str(teams[0]))
    monkeypatch.setattr("avsec.gui.dialogs.choose_open_files", lambda *a, **k: [str(teams[1])])
    window.registry.action("workshop.compare").trigger()
    boxes = [w for w in window.findChildren(QMessageBox) if w.objectName() == "error-box"]
    assert boxes and "answer key" in boxes[-1].text()


def test_heat_map_legend_and_full_screen_presentation(qtbot, window, files):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    from avsec.gui.compare_dialog import CompareDialog

    key, teams = files
    dialog = CompareDialog.compare(key, teams, window)
    qtbot.addWidget(dialog)
    legend = dialog.legend
    assert set(legend.swatches) == {
        "compliant",
        "partially_compliant",
        "not_compliant",
        "not_applicable",
        "not_assessed",
    }
    # The key shows the heat map's own colour for a status: the cell of a team that said
    # "not compliant" has the legend's not-compliant colour.
    heat = dialog.view.heat_table
    cells = [heat.item(r, c) for r in range(heat.rowCount()) for c in range(heat.columnCount())]
    colours = {cell.background().color().name() for cell in cells if cell is not None}
    style = legend.swatches["not_compliant"].styleSheet().lower()
    swatch = style.split("background:")[1].split(";")[0].strip()
    assert swatch in colours
    dialog.view.tabs.setCurrentIndex(1)
    present = dialog.findChild(QPushButton, "present")
    present.click()
    presentation = dialog.presentation
    assert presentation.isVisible() and presentation.isFullScreen()
    assert presentation.view.tabs.currentIndex() == 1
    assert presentation.font().pointSizeF() > dialog.font().pointSizeF() * 1.5
    qtbot.keyClick(presentation, Qt.Key.Key_Escape)
    assert not presentation.isVisible()
