"""Findings can be judged: accepted, false positive with a reason, commented (issue 14.7)."""

from __future__ import annotations

import pytest

from avsec.app.editor import Editor
from avsec.core.errors import InputError, StoreError
from avsec.core.findings import Finding
from avsec.core.judgements import Judgement
from avsec.core.review_commands import SetJudgement
from avsec.geo.suggestions import item_suggestions
from avsec.store import AvsecFile
from tests.conftest import raw_sql


def _gap(x: float, severity: str = "major") -> Finding:
    return Finding(
        rule="perimeter_gap",
        severity=severity,
        value=12.0,
        unit="m",
        location=(x, 10.0),
        geometry={"type": "Point", "coordinates": [x, 10.0]},
        features=["fence"],
        items=["PER-01"],
    )


GAP, OTHER = _gap(-80.001, "critical"), _gap(-80.002, "minor")


@pytest.fixture
def editor(new_file: AvsecFile) -> Editor:
    new_file.set_findings([GAP, OTHER])
    return Editor(new_file)


def test_false_positive_needs_a_reason(editor: Editor) -> None:
    with pytest.raises(InputError, match="false positive needs a reason"):
        editor.judgement_edit(GAP.id, verdict="false_positive", reason="  ")
    with pytest.raises(ValueError):
        Judgement(verdict="false_positive")
    assert editor.file.judgements() == {}


def test_judgement_is_stored_undoable_and_journaled(editor: Editor) -> None:
    command = editor.judgement_edit(
        GAP.id, verdict="false_positive", reason="The fence continues behind the hangar"
    )
    assert isinstance(command, SetJudgement)
    assert command.describe() == "Mark finding F1 as false positive"
    editor.apply(command)
    key = f"judgement:{GAP.id}"
    (row,) = raw_sql(editor.file, "SELECT json FROM extras WHERE key = ?", (key,))
    assert "behind the hangar" in row[0]
    assert editor.file.changes()[-1]["what"] == key
    assert editor.doc.judgements[GAP.id].reason == "The fence continues behind the hangar"
    editor.revert(command)
    assert raw_sql(editor.file, "SELECT json FROM extras WHERE key = ?", (key,)) == []
    assert editor.doc.judgements == {}
    assert editor.file.changes()[-1]["what"] == "undo " + key


def test_describe_in_spanish(editor: Editor) -> None:
    from avsec.core.i18n import translate

    command = editor.judgement_edit(OTHER.id, verdict="accepted")
    assert command is not None
    assert command.describe(lambda m: translate(m, "es")) == "Aceptar el hallazgo F2"
    comment = editor.judgement_edit(OTHER.id, comment="Seen on site")
    assert comment is not None and comment.describe() == "Comment on finding F2"


def test_judgement_survives_reanalysis_and_reopening(editor: Editor, tmp_path) -> None:
    command = editor.judgement_edit(GAP.id, verdict="false_positive", reason="Wall not mapped")
    editor.apply(command)
    editor.file.set_findings([OTHER, GAP])  # found again, in another order
    path = editor.file.path
    editor.close()
    with AvsecFile.open(path) as again:
        doc = again.document()
        assert doc.judgements[GAP.id].verdict == "false_positive"
        assert [f.id for f in doc.open_findings()] == [OTHER.id]
        assert [f.id for f in doc.false_positives()] == [GAP.id]


def test_a_false_positive_leaves_the_suggestions(editor: Editor) -> None:
    doc = editor.doc
    before = {s.item_id: s.suggested for s in item_suggestions(doc.checklist, doc.findings, {})}
    assert before["PER-01"] == "not_compliant"  # the critical gap
    editor.apply(editor.judgement_edit(GAP.id, verdict="false_positive", reason="Gate closed"))
    after = {
        s.item_id: s.suggested for s in item_suggestions(doc.checklist, doc.open_findings(), {})
    }
    assert after["PER-01"] == "partially_compliant"  # only the minor one is left
    editor.apply(editor.judgement_edit(OTHER.id, verdict="false_positive", reason="Drawn off"))
    assert doc.open_findings() == []


def test_reopening_drops_the_reason_keeps_the_comment(editor: Editor) -> None:
    editor.apply(editor.judgement_edit(GAP.id, comment="Check with the operator"))
    editor.apply(editor.judgement_edit(GAP.id, verdict="false_positive", reason="Not a gap"))
    editor.apply(editor.judgement_edit(GAP.id, verdict="open"))
    judgement = editor.doc.judgements[GAP.id]
    assert (judgement.verdict, judgement.reason, judgement.comment) == (
        "open",
        "",
        "Check with the operator",
    )
    assert editor.judgement_edit(GAP.id, verdict="open") is None  # nothing to change


def test_an_edit_made_on_a_stale_judgement_is_refused(editor: Editor, tmp_path) -> None:
    first = editor.judgement_edit(GAP.id, verdict="accepted")
    editor.apply(first)
    stale = editor.judgement_edit(GAP.id, verdict="false_positive", reason="x")
    # Another program reopens the finding in between.
    with AvsecFile.open(editor.file.path) as other:
        other.apply(SetJudgement(GAP.id, "F1", other.judgements()[GAP.id], None))
    with pytest.raises(StoreError, match="changed in another program"):
        editor.apply(stale)


def test_unknown_finding_is_refused(editor: Editor) -> None:
    with pytest.raises(InputError, match="no such finding"):
        editor.judgement_edit("g-nothere", verdict="accepted")


def test_undo_history_reloads_judgements_from_the_journal(editor: Editor) -> None:
    from avsec.app.undo_history import commands_from_journal

    editor.apply(editor.judgement_edit(GAP.id, verdict="accepted"))
    editor.apply(editor.judgement_edit(GAP.id, verdict="false_positive", reason="Wall"))
    path = editor.file.path
    editor.close()
    with AvsecFile.open(path) as again:
        reopened = Editor(again)
        commands = commands_from_journal(again.changes(), reopened.doc)
        assert [c.describe() for c in commands] == [
            "Accept finding F1",
            "Mark finding F1 as false positive",
        ]
        reopened.revert(commands[-1])
        assert again.judgements()[GAP.id].verdict == "accepted"
        reopened.revert(commands[0])
        assert again.judgements() == {}
