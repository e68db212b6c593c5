"""File > Assessment details…: edit the header after creation, as one undoable saved edit."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QLabel

from avsec.core.assessment import DEFAULT_MARKING, RuleParameters
from avsec.core.commands import SetAssessment
from avsec.gui.assessment_dialog import AssessmentDialog, parameter_defaults
from avsec.store import AvsecFile


def _dialog(qtbot, window):
    dialog = AssessmentDialog(window.session.doc.assessment, window)
    qtbot.addWidget(dialog)
    return dialog


def test_the_dialog_shows_the_header_and_every_rule_parameter(qtbot, opened):
    dialog = _dialog(qtbot, opened)
    assert dialog.title.text() == "Test visit"
    assert "SEQM" in dialog.airport.text()
    assert dialog.marking_en.text() == DEFAULT_MARKING["en"]
    assert dialog.marking_es.text() == DEFAULT_MARKING["es"]
    assert not dialog.has_ended.isChecked() and not dialog.ended.isEnabled()
    assert sorted(dialog.parameters) == sorted(RuleParameters.model_fields)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Minimum barrier height (m)" in texts
    assert "default 2.44" in texts and "default 0.50" in texts
    assert dialog.parameters["min_barrier_height_m"].value() == 2.44
    # Nothing edited: OK gives back the same header.
    assert dialog.edited() == opened.session.doc.assessment


def test_ok_pushes_one_undoable_saved_edit(qtbot, opened):
    session = opened.session
    before = session.doc.assessment
    dialog = _dialog(qtbot, opened)
    dialog.title.setText("  Night visit  ")
    dialog.team.setPlainText("Ana Ruiz\n\n  Luis Paz \n")
    dialog.organisation.setText("DGAC")
    dialog.started.setDate(QDate(2025, 3, 10))
    dialog.has_ended.setChecked(True)
    dialog.ended.setDate(QDate(2025, 3, 12))
    dialog.marking_en.setText("CONFIDENTIAL")
    dialog.marking_es.setText("CONFIDENCIAL")
    dialog.parameters["min_barrier_height_m"].setValue(3.0)
    dialog._on_accept()
    after = dialog.result_assessment()
    assert after is not None
    depth = session.undo_stack.count()
    assert opened.apply_assessment_details(after)
    assert session.undo_stack.count() == depth + 1
    header = session.doc.assessment
    assert header.title == "Night visit" and header.team == ["Ana Ruiz", "Luis Paz"]
    assert header.organisation == "DGAC"
    assert (header.started, header.ended) == (dt.date(2025, 3, 10), dt.date(2025, 3, 12))
    assert header.handling_marking["es"] == "CONFIDENCIAL"
    assert header.parameters.min_barrier_height_m == 3.0
    assert header.id == before.id and header.airport == before.airport
    # Saved at once: another connection reads it.
    with AvsecFile.open(session.path) as other:
        assert other.assessment.title == "Night visit"
        assert other.assessment.parameters.min_barrier_height_m == 3.0
    # Window title and marking banner follow.
    assert "CONFIDENTIAL" in opened.windowTitle()
    assert opened.workspace.banner.text() == "CONFIDENTIAL"
    assert opened.registry.action("edit.undo").text() == "Undo: Edit assessment details"
    opened.registry.action("edit.undo").trigger()
    assert session.doc.assessment == before
    assert "RESTRICTED" in opened.windowTitle()
    assert opened.workspace.banner.text() == DEFAULT_MARKING["en"]


def test_the_menu_action_opens_the_dialog(qtbot, opened, monkeypatch):
    def fill_and_accept(dialog):
        dialog.title.setText("From the menu")
        dialog._on_accept()
        return 1

    monkeypatch.setattr(AssessmentDialog, "exec", fill_and_accept)
    action = opened.registry.action("file.details")
    assert action.isEnabled() and action.text() == "Assessment details…"
    action.trigger()
    assert opened.session.doc.assessment.title == "From the menu"
    opened.close_session()
    assert not action.isEnabled()


def test_cancel_or_no_change_records_nothing(qtbot, opened, monkeypatch):
    monkeypatch.setattr(AssessmentDialog, "exec", lambda dialog: 0)
    opened.registry.action("file.details").trigger()
    assert opened.session.undo_stack.count() == 0
    assert opened.apply_assessment_details(opened.session.doc.assessment)
    assert opened.session.undo_stack.count() == 0


def test_an_end_before_the_start_is_refused(qtbot, opened):
    dialog = _dialog(qtbot, opened)
    dialog.started.setDate(QDate(2025, 3, 12))
    dialog.has_ended.setChecked(True)
    dialog.ended.setDate(QDate(2025, 3, 10))
    dialog._on_accept()
    assert dialog.result_assessment() is None
    assert "before the start" in dialog.message.text()


def test_an_emptied_marking_is_the_standard_one(qtbot, opened):
    dialog = _dialog(qtbot, opened)
    dialog.marking_es.clear()
    dialog.marking_en.setText("  SECRET   AVSEC ")
    edited = dialog.edited()
    assert edited.handling_marking == {**DEFAULT_MARKING, "en": "SECRET AVSEC"}


def test_restore_defaults(qtbot, opened):
    dialog = _dialog(qtbot, opened)
    for spin in dialog.parameters.values():
        spin.setValue(7.0)
    dialog.restore_defaults.click()
    values = {name: spin.value() for name, spin in dialog.parameters.items()}
    assert values == parameter_defaults()


def test_a_parameter_change_puts_the_findings_out_of_date(qtbot, opened):
    from avsec.core.findings import Finding

    opened.show_view("map")
    panel = opened.workspace.map_editor().findings
    finding = Finding(
        rule="barrier_below_height",
        severity="major",
        value=10.0,
        unit="m",
        location=(-78.3575, -0.12917),
        geometry={"type": "Point", "coordinates": [-78.3575, -0.12917]},
    )
    opened.session.set_findings([finding])
    assert "out of date" not in panel.summary.text()
    header = opened.session.doc.assessment
    # A header edit that leaves the parameters alone keeps the findings current.
    opened.session.push(SetAssessment(header, header.model_copy(update={"title": "Renamed"})))
    assert not panel.is_stale() and "out of date" not in panel.summary.text()
    header = opened.session.doc.assessment
    changed = header.model_copy(update={"parameters": RuleParameters(min_barrier_height_m=3.0)})
    assert opened.apply_assessment_details(changed)
    assert panel.is_stale()
    assert "out of date" in panel.summary.text() and "run Analyse again" in panel.summary.text()


def test_spanish_dialog(qtbot, opened):
    opened.apply_language("es")
    dialog = _dialog(qtbot, opened)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Altura mínima de la barrera (m)" in texts
    assert "por defecto 2,44" in texts
    assert dialog.windowTitle() == "Datos de la evaluación"


def test_a_refusal_reads_in_the_app_language(qtbot, opened):
    from avsec.gui.i18n import set_language

    set_language("es")
    dialog = _dialog(qtbot, opened)
    dialog.started.setDate(QDate(2025, 3, 12))
    dialog.has_ended.setChecked(True)
    dialog.ended.setDate(QDate(2025, 3, 10))
    dialog._on_accept()
    assert dialog.result_assessment() is None
    assert "fecha de fin" in dialog.message.text().lower()
    assert "before the start" not in dialog.message.text()
