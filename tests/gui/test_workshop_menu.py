"""The trainer's flow from the Workshop menu: pack an exercise, make team files."""

from __future__ import annotations

from avsec.gui.workshop_menu import WorkshopController


def test_pack_and_make_team_files_from_the_app(qtbot, window, assessment_path, tmp_path):
    from avsec.store import AvsecFile

    workshop = WorkshopController(window)
    window.open_file(assessment_path)
    window.session.set_status("PER-01", "not_compliant")
    window.close_session()
    exercise = workshop.pack_exercise(assessment_path, tmp_path / "ex.avsec")
    assert exercise == tmp_path / "ex.avsec"
    with AvsecFile.open(exercise) as f:
        assert f.assessment.mode == "exercise"
        assert f.responses() == {}  # no reference answers
    teams = workshop.make_teams(exercise, ["Red", "Blue"], tmp_path / "teams")
    assert len(teams) == 2
    for path, name in zip(teams, ["Red", "Blue"], strict=True):
        with AvsecFile.open(path) as f:
            assert f.assessment.mode == "team" and f.assessment.team_name == name
    texts = [a.text() for a in window.registry.menu("&Workshop").actions()]
    assert "Pack exercise from key…" in texts and "Make team files…" in texts
    assert "Open answer key (trainer)" in texts
