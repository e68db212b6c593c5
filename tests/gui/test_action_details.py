"""The outline's actions are editable in full: the whole title and the description."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton

LONG_TITLE = (
    "Replace the chain-link fence along the northern cargo apron with a 2.5 m anti-climb "
    "fence topped with razor wire and add intrusion detection between gates 3 and 7"
)


def test_edit_action_in_full_changes_title_and_description_in_one_undo(qtbot, opened):
    from avsec.core.actions import Action
    from avsec.core.commands import SetAction

    action = Action(title=LONG_TITLE, description="Old words", origin="user", horizon="short")
    assert opened.session.push(SetAction(action.id, None, action))
    opened.show_view("outline")
    editor = opened.workspace.outline_editor()
    editor.table.setCurrentIndex(editor.model.index(editor.model.row_of(action.id), 0))
    shown = []

    def answer():
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "action-detail-dialog":
            QTimer.singleShot(20, answer)
            return
        shown.append(dialog.title.text())
        dialog.title.setText(LONG_TITLE + " (phase 1)")
        dialog.description.setPlainText("Budget in the 2027 plan")
        buttons = [b for b in dialog.findChildren(QPushButton) if b.text() == "OK"]
        buttons[0].click()

    QTimer.singleShot(0, answer)
    opened.registry.action("outline.details").trigger()
    assert shown == [LONG_TITLE]  # the stored text, never cut for display
    stored = next(a for a in opened.session.doc.actions if a.id == action.id)
    assert stored.title == LONG_TITLE + " (phase 1)"
    assert stored.description == "Budget in the 2027 plan"
    assert {"title", "description"} <= set(stored.edited)
    opened.session.undo_stack.undo()
    stored = next(a for a in opened.session.doc.actions if a.id == action.id)
    assert stored.title == LONG_TITLE and stored.description == "Old words"


def test_generated_actions_read_in_the_ui_language(qtbot, opened):
    from PySide6.QtCore import Qt

    opened.session.set_status("PER-01", "not_compliant")
    opened.show_view("outline")
    assert opened.workspace.outline_editor().regenerate() >= 1
    opened.apply_language("es")
    model = opened.workspace.outline_editor().model
    titles = [
        model.data(model.index(row, 0), Qt.ItemDataRole.DisplayRole)
        for row in range(model.rowCount())
    ]
    assert any(t.startswith("Cierre toda abertura de la cerca") for t in titles), titles
    stored = [a.title for a in opened.session.doc.actions]
    assert any(t.startswith("Close every gap in the fence") for t in stored)  # stored as made
