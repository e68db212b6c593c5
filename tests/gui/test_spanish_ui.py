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
