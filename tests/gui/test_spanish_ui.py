"""Item 14 of the field review: in Spanish the shortcuts table, the workshop comparison (its
refusal reasons included) and the demo's stored outline read in Spanish."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from tests.gui.test_trainer_view import workshop  # noqa: F401 - the fixture


def test_shortcuts_table_is_headed_accion_in_spanish(qtbot, opened):
    from PySide6.QtWidgets import QTableWidget

    from avsec.gui.help_dialog import ShortcutsDialog

    opened.apply_language("es")
    dialog = ShortcutsDialog(opened.registry.shortcut_table(), opened)
    qtbot.addWidget(dialog)
    table = dialog.findChild(QTableWidget, "shortcuts-table")
    assert table.horizontalHeaderItem(1).text() == "Acción"
    assert "Medida" not in [table.horizontalHeaderItem(c).text() for c in range(3)]


def test_refusal_reasons_read_in_spanish(qtbot, workshop, tmp_path):  # noqa: F811
    from avsec.gui.i18n import set_language
    from avsec.gui.trainer_view import TrainerView

    key, teams = workshop
    exercise = key.parent / "exercise.avsec"  # not a team file
    set_language("es")
    view = TrainerView.from_files(key, [*teams, exercise, teams[0]])
    qtbot.addWidget(view)
    text = view.refused_label.text()
    assert text.startswith("Archivos rechazados:")
    assert "stray.avsec: no es un archivo .avsec, o está dañado" in text
    assert "exercise.avsec: no es un archivo de equipo (modo exercise)" in text
    assert "se indicó dos veces" in text
    for english in ("not an", "not a team file", "given twice"):
        assert english not in text
    # The command line keeps the English detail.
    reasons = {r.path.name: r.reason for r in view.comparison.refused}
    assert "not an SQLite database" in reasons["stray.avsec"]
    assert reasons["exercise.avsec"].startswith("not a team file")


def test_the_demo_outline_reads_in_the_ui_language(qtbot, window, tmp_path):
    from avsec.workshop.demo import make_demo

    demo = make_demo(Path(tmp_path) / "demo", lang="en")  # stored in English
    window.apply_language("es")
    assert window.open_file(demo)
    window.show_view("outline")
    editor = window.workspace.outline_editor()
    model = editor.model
    owners = {model.data(model.index(r, 3), Qt.ItemDataRole.DisplayRole) for r in range(20)}
    assert "Airport operator" not in owners and "Explotador del aeropuerto" in owners
    stored = window.session.doc.actions[0]
    assert stored.owner == "Airport operator"  # the file keeps what it holds
    first = model.data(model.index(0, 0), Qt.ItemDataRole.DisplayRole)
    assert first != stored.title
    # The full editor starts from the Spanish words; OK without a change records nothing.
    editor.table.setCurrentIndex(model.index(0, 0))
    depth = window.session.undo_stack.count()
    from avsec.gui.action_detail_dialog import ActionDetailDialog

    opened_dialogs: list[ActionDetailDialog] = []

    def accept_unchanged(dialog: ActionDetailDialog) -> int:
        opened_dialogs.append(dialog)
        return 1

    import pytest

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ActionDetailDialog, "exec", accept_unchanged)
        assert editor.edit_details() is False
    assert opened_dialogs[0].title.text() == first
    assert window.session.undo_stack.count() == depth
    # Editing the owner cell in place starts from the Spanish words too.
    assert model.data(model.index(0, 3), Qt.ItemDataRole.EditRole) == "Explotador del aeropuerto"
    assert not model.setData(model.index(0, 3), "Explotador del aeropuerto")


def test_the_demo_history_and_undo_read_in_spanish(qtbot, window, tmp_path):
    from avsec.workshop.demo import make_demo

    demo = make_demo(Path(tmp_path) / "demo", lang="en")
    window.apply_language("es")
    assert window.open_file(demo)
    window.registry.action("view.history").trigger()
    whats = [what for _when, _who, what in window.history_dialog.visible_rows()]
    assert "Importar el plano de entrenamiento" in whats
    assert "Respuestas de referencia del aeropuerto de entrenamiento" in whats
    assert not [w for w in whats if w.startswith(("Import the", "Reference answers", "Improv"))]
    # The same sentences head the undo history brought back from the journal.
    texts = [window.session.undo_stack.text(i) for i in range(window.session.undo_stack.count())]
    assert not [t for t in texts if "training" in t or "reference answers" in t]


def test_every_property_of_a_gate_has_a_spanish_label(qtbot, opened, tmp_path):
    import json

    from PySide6.QtWidgets import QLabel

    from avsec.core.layout import KIND_FIELDS

    opened.apply_language("es")
    opened.show_view("map")
    editor = opened.workspace.map_editor()
    gate = {
        "type": "Feature",
        "id": "g1",
        "geometry": {"type": "Point", "coordinates": [-78.3575, -0.129]},
        "properties": {"kind": "access_point", "name": "Puerta 3"},
    }
    path = tmp_path / "gate.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [gate]}))
    assert editor.import_layout(path, mode="add") == 1
    editor.attributes.show_feature("g1")
    texts = [lab.text() for lab in editor.attributes.findChildren(QLabel) if lab.text()]
    assert "Ancho de la abertura (m)" in texts
    # No label is a raw property id (the field names of core's layout schema).
    raw = {f.replace("_", " ").capitalize() for f in KIND_FIELDS["access_point"]}
    assert not raw & set(texts) - {"Control"}  # the same word in Spanish


def test_two_teams_that_answer_alike_say_why_kappa_is_undefined(qtbot, workshop, tmp_path):  # noqa: F811
    from avsec.gui.i18n import set_language
    from avsec.gui.trainer_view import TrainerView
    from avsec.workshop.teams import make_team_files

    key, _teams = workshop
    blank = make_team_files(key.parent / "exercise.avsec", ["Sur", "Norte"], tmp_path / "blank")
    set_language("es")
    view = TrainerView.from_files(key, blank)
    qtbot.addWidget(view)
    assert view.comparison.fleiss_kappa is None and len(view.comparison.teams) == 2
    assert "no definido" in view.kappa_label.text()
    assert "menos de dos equipos" not in view.kappa_label.text()


def test_avsec_gui_screenshot_at_1280x720(tmp_path, assessment_path):
    import os
    import subprocess
    import sys

    from PySide6.QtGui import QImage

    out = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "AVSEC_SETTINGS": str(tmp_path / "s.ini")}
    args = [sys.executable, "-m", "avsec", "gui", str(assessment_path), "--screenshot", str(out)]
    done = subprocess.run([*args, "--size", "1280x720"], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 720)
    bad = subprocess.run([*args, "--size", "12x7"], env=env, capture_output=True, text=True)
    assert bad.returncode == 2 and "--size" in bad.stderr and not bad.stderr.count("\n") > 4


def test_the_kind_choices_are_capitalised(qtbot, opened):
    import numpy as np
    from PySide6.QtWidgets import QComboBox

    opened.apply_language("es")
    opened.show_view("map")
    editor = opened.workspace.map_editor()
    editor.draw("airside", [np.array([[0, 0], [100, 0], [100, 100]])])
    box = editor.attributes.findChild(QComboBox, "attr:kind")
    texts = [box.itemText(i) for i in range(box.count())]
    assert "Parte aeronáutica" in texts and all(t[:1].isupper() for t in texts)
