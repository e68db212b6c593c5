"""Dashboard and improvement-outline editor wiring."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from avsec.core.scoring import score_checklist


@pytest.fixture
def answered(opened):
    session = opened.session
    session.set_status("PER-01", "not_compliant")
    session.set_status("PER-02", "partially_compliant")
    session.set_status("ACP-01", "compliant")
    return opened


def test_dashboard_shows_the_report_chart_and_updates(qtbot, answered):
    from PySide6.QtSvgWidgets import QSvgWidget

    answered.show_view("dashboard")
    dashboard = answered.workspace.dashboard()
    chart = dashboard.findChild(QSvgWidget, "score-chart")
    assert chart is dashboard.canvas and chart.isVisible() and chart.renderer().isValid()
    first_canvas = dashboard.canvas
    overall = score_checklist(answered.session.checklist, answered.session.doc.responses).overall
    assert dashboard.coverage.value.text() == f"{overall.coverage * 100:.0f}%"  # English
    assert dashboard.gap_ids()[0] == "PER-01"
    answered.session.set_status("ACP-02", "not_compliant")  # visible: redrawn at once
    assert dashboard.canvas is not first_canvas
    assert "ACP-02" in dashboard.gap_ids()
    assert "4 of 5" in dashboard.assessed.text()


def test_dashboard_redraws_only_when_shown(qtbot, answered):
    answered.show_view("dashboard")
    dashboard = answered.workspace.dashboard()
    answered.show_view("walker")
    canvas = dashboard.canvas
    answered.session.set_status("PER-03", "not_compliant")
    assert dashboard.canvas is canvas and dashboard._stale
    answered.show_view("dashboard")
    assert dashboard.canvas is not canvas and "PER-03" in dashboard.gap_ids()


def test_double_clicking_a_gap_opens_the_item(qtbot, answered):
    answered.show_view("dashboard")
    dashboard = answered.workspace.dashboard()
    dashboard.gaps.cellActivated.emit(0, 1)
    assert answered.workspace.current_view() == "walker"
    assert answered.workspace.walker.current_item_id() == "PER-01"


def test_outline_regenerates_and_keeps_edits(qtbot, answered):
    answered.show_view("outline")
    outline = answered.workspace.outline_editor()
    assert not outline.empty.isHidden()
    assert outline.regenerate() == 2
    model = outline.model
    assert model.rowCount() == 2
    first = model.actions()[0]
    assert first.items == ["PER-01"]
    owner = model.index(0, 3)
    assert model.setData(owner, "Airport security manager")
    due = model.index(0, 4)
    assert model.setData(due, QDate(2030, 1, 31))
    horizon = model.index(0, 2)
    assert model.setData(horizon, "long")
    edited = model.actions()[[a.id for a in model.actions()].index(first.id)]
    assert edited.owner == "Airport security manager" and edited.due == dt.date(2030, 1, 31)
    assert set(edited.edited) == {"owner", "due", "horizon"}
    answered.session.set_status("ACP-02", "not_compliant")
    assert outline.regenerate() == 3
    kept = next(a for a in model.actions() if a.id == first.id)
    assert kept.owner == "Airport security manager" and kept.horizon == "long"
    assert model.data(model.index(model.row_of(first.id), 3), Qt.ItemDataRole.FontRole).italic()


def test_outline_refuses_bad_values(qtbot, answered):
    answered.show_view("outline")
    outline = answered.workspace.outline_editor()
    outline.regenerate()
    model = outline.model
    assert not model.setData(model.index(0, 2), "someday")
    assert not model.setData(model.index(0, 1), "high")
    assert not model.setData(model.index(0, 6), "PER-03")  # items are not edited here
    assert not model.setData(model.index(0, 0), "   ")


def test_add_edit_delete_and_undo_actions(qtbot, answered):
    answered.show_view("outline")
    outline = answered.workspace.outline_editor()
    action_id = outline.add_action()
    model = outline.model
    row = model.row_of(action_id)
    assert model.actions()[row].origin == "user"
    outline.table.closePersistentEditor(model.index(row, 0))
    assert model.setData(model.index(row, 0), "Train the night patrol")
    assert model.actions()[row].title == "Train the night patrol"
    assert answered.session.undo_stack.undoText().startswith("Edit action Train the night")
    outline.table.selectRow(row)
    answered.registry.action("outline.delete").trigger()
    assert model.row_of(action_id) == -1
    answered.registry.action("edit.undo").trigger()
    assert model.row_of(action_id) >= 0
    assert outline.regenerate() == 3  # two gaps and the user's action
    assert model.row_of(action_id) >= 0


def test_outline_items_lead_to_the_walker(qtbot, answered):
    answered.show_view("outline")
    outline = answered.workspace.outline_editor()
    outline.regenerate()
    outline.table.doubleClicked.emit(outline.model.index(0, 6))
    assert answered.workspace.current_view() == "walker"
    assert answered.workspace.walker.current_item_id() == outline.model.actions()[0].items[0]


def test_outline_delegate_editors(qtbot, answered):
    from PySide6.QtWidgets import (
        QComboBox,
        QDateEdit,
        QDoubleSpinBox,
        QStyleOptionViewItem,
        QWidget,
    )

    from avsec.gui.outline_model import OutlineDelegate

    answered.show_view("outline")
    outline = answered.workspace.outline_editor()
    outline.regenerate()
    delegate = OutlineDelegate()
    parent = QWidget()
    qtbot.addWidget(parent)
    model = outline.model
    for column, kind in ((1, QDoubleSpinBox), (2, QComboBox), (4, QDateEdit), (5, QComboBox)):
        index = model.index(0, column)
        editor = delegate.createEditor(parent, QStyleOptionViewItem(), index)
        assert isinstance(editor, kind)
        delegate.setEditorData(editor, index)
        if column == 5:
            editor.setCurrentIndex(editor.findData("done"))
        delegate.setModelData(editor, model, index)
    assert model.actions()[0].status == "done"
