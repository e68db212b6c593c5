"""View > History lists the file's journal (who, when, what) with a filter, also after a
reopen."""

from __future__ import annotations


def test_history_lists_the_journal_of_earlier_sessions_with_a_filter(
    qtbot, window, assessment_path
):
    assert window.open_file(assessment_path)
    window.session.set_status("PER-01", "not_compliant")
    window.session.set_status("ACP-01", "compliant")
    window.close_session()
    assert window.open_file(assessment_path)
    window.registry.action("view.history").trigger()
    dialog = window.history_dialog
    rows = dialog.visible_rows()
    whats = [what for _when, _who, what in rows]
    # Newest first; the creation of the file may add rows of its own after these two.
    assert whats.index("ACP-01 set to Compliant") < whats.index("PER-01 set to Not compliant")
    assert all(len(when) == 19 and when[4] == "-" for when, _who, _what in rows)
    dialog.filter.setText("per-01")
    assert [what for _w, _p, what in dialog.visible_rows()] == ["PER-01 set to Not compliant"]
    dialog.filter.setText("nobody-matches-this")
    assert dialog.visible_rows() == []


def test_undo_history_comes_back_on_reopen(qtbot, window, assessment_path):
    assert window.open_file(assessment_path)
    window.session.set_status("PER-01", "not_compliant")
    window.session.set_status("PER-02", "compliant")
    window.close_session()
    assert window.open_file(assessment_path)
    undo = window.registry.action("edit.undo")
    assert undo.isEnabled()
    assert undo.text() == "Undo: Set PER-02 to compliant"
    undo.trigger()
    assert str(window.session.doc.status_of("PER-02")) == "not_assessed"
    assert undo.text() == "Undo: Set PER-01 to not compliant"
    undo.trigger()
    assert str(window.session.doc.status_of("PER-01")) == "not_assessed"
    assert not undo.isEnabled()
    # Undone in the file too: a third opening sees both items unanswered.
    window.close_session()
    assert window.open_file(assessment_path)
    assert str(window.session.doc.status_of("PER-01")) == "not_assessed"


def test_journal_rows_read_as_sentences_not_ids():
    from avsec.gui.history_dialog import describe_change

    assert describe_change("attachment:" + "ab" * 32, None, None) == "Photo stored"
    assert describe_change("create", None, None) == "File created"
    assert describe_change("batch:Import the training layout", None, None) == (
        "Import the training layout"
    )
    assert describe_change("feature:f1", None, {"kind": "access_point"}) == "Access point added"
