"""Issue 15 item 1: no output ever overwrites an assessment."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.hardening.conftest import digest, one_line

# verb arguments before "-o"; each writes a file of a different format.
VERBS = [
    ("responses", "export"),
    ("export",),
    ("layout", "export"),
    ("report",),
]


def test_responses_export_onto_its_own_input_is_refused(cli, mini_file):
    before = digest(mini_file)
    done = cli("responses", "export", mini_file, "-o", mini_file)
    assert done.returncode == 2
    assert "is the input file" in one_line(done.stderr)
    assert digest(mini_file) == before


@pytest.mark.parametrize("verb", VERBS, ids=lambda v: " ".join(v))
def test_every_verb_refuses_its_input_as_output(run, mini_file, verb):
    before = digest(mini_file)
    code, _, err = run(*verb, mini_file, "-o", mini_file)
    assert code == 2 and "is the input file" in one_line(err)
    assert digest(mini_file) == before


@pytest.mark.parametrize("link", ["symlink", "hardlink"])
@pytest.mark.parametrize(
    "verb, suffix",
    [(("responses", "export"), ".csv"), (("export",), ".json"), (("report",), ".pdf")],
    ids=["responses-export", "export", "report"],
)
def test_a_link_to_the_input_is_refused(run, mini_file, tmp_path, link, verb, suffix):
    alias = tmp_path / f"alias{suffix}"
    if link == "symlink":
        alias.symlink_to(mini_file)
    else:
        os.link(mini_file, alias)
    before = digest(mini_file)
    code, _, err = run(*verb, mini_file, "-o", alias)
    assert code == 2 and "is the input file" in one_line(err)
    assert digest(mini_file) == before


def test_another_assessment_is_never_overwritten(cli, run, mini_file, tmp_path):
    other = tmp_path / "other.avsec"
    assert run("new", other, "--airport", "SEQM")[0] == 0
    before = digest(other)
    done = cli("responses", "export", mini_file, "-o", other)
    assert done.returncode == 2 and one_line(done.stderr)
    # An .avsec under an export suffix is recognised by its SQLite header.
    disguised = tmp_path / "plan.csv"
    disguised.write_bytes(other.read_bytes())
    code, _, err = run("export", mini_file, "-o", disguised)
    assert code == 2 and "assessment (SQLite) file" in one_line(err)
    assert digest(other) == before and digest(disguised) == before


def test_workshop_compare_never_writes_over_a_team_file(run, mini_file, tmp_path):
    team = tmp_path / "team.avsec"
    team.write_bytes(mini_file.read_bytes())
    before = digest(team)
    code, _, err = run("workshop", "compare", mini_file, team, "-o", team)
    assert code == 2 and "is the input file" in one_line(err)
    assert digest(team) == before


@pytest.mark.parametrize(
    "target, expected",
    [
        ("{tmp}/missing/out.csv", "does not exist"),
        ("{tmp}", "is a folder"),
        ("/dev/full", "not a regular file"),
        ("{tmp}/out.txt", "unknown export type"),
    ],
    ids=["missing-folder", "folder", "dev-full", "suffix"],
)
def test_bad_targets_are_one_line_for_every_verb(run, mini_file, tmp_path, target, expected):
    out = target.format(tmp=tmp_path)
    if out.endswith(".csv") or out.endswith(".txt"):
        cases = [("responses", "export")]
    else:
        cases = VERBS
    for verb in cases:
        code, _, err = run(*verb, mini_file, "-o", out)
        assert code == 2, (verb, err)
        line = one_line(err)
        assert expected in line or "written as" in line, (verb, line)


def test_successful_exports_leave_no_temporary_file(run, mini_file, tmp_path):
    for verb, name in [(("responses", "export"), "r.csv"), (("export",), "d.json")]:
        code, _, err = run(*verb, mini_file, "-o", tmp_path / name)
        assert code == 0, err
    csv_text = (tmp_path / "r.csv").read_text(encoding="utf-8")
    assert '"PER-01","compliant","fence walked"' in csv_text
    leftovers = [p.name for p in tmp_path.iterdir() if ".part" in p.name]
    assert leftovers == []


def test_an_existing_export_is_replaced_whole(run, mini_file, tmp_path):
    target = tmp_path / "r.csv"
    target.write_text("x" * 100_000, encoding="utf-8")
    assert run("responses", "export", mini_file, "-o", target)[0] == 0
    text = target.read_text(encoding="utf-8")
    assert "x" * 10 not in text and text.startswith('"item_id"')


def test_os_errors_of_any_verb_are_one_line(run, tmp_path):
    # The CLI's one OSError handler: a checklist path that is a folder.
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    code, _, err = run("checklist", "add", folder)
    assert code != 0 and "Traceback" not in err


def test_the_input_path_is_compared_not_its_spelling(run, mini_file, tmp_path):
    # "./a.avsec" and an absolute path name the same file.
    relative = Path(os.path.relpath(mini_file))
    code, _, err = run("export", relative, "-o", mini_file)
    assert code == 2 and "is the input file" in one_line(err)


def test_a_write_that_fails_half_way_leaves_the_previous_file(
    run, mini_file, tmp_path, monkeypatch
):
    import errno

    import avsec.io.responses_csv as responses_csv

    target = tmp_path / "r.csv"
    target.write_text("previous export\n", encoding="utf-8")

    def full_disk(path, *args, **kwargs):
        Path(path).write_text("half", encoding="utf-8")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(responses_csv, "write_responses_csv", full_disk)
    code, _, err = run("responses", "export", mini_file, "-o", target)
    assert code == 2 and "No space left on device" in one_line(err)
    assert target.read_text(encoding="utf-8") == "previous export\n"
    assert [p.name for p in tmp_path.iterdir() if ".part" in p.name] == []


def test_a_screenshot_never_lands_on_the_assessment(run, mini_file):
    before = digest(mini_file)
    code, _, err = run("gui", mini_file, "--screenshot", mini_file)
    assert code == 2 and "is the input file" in one_line(err)
    assert digest(mini_file) == before


# --- found in the audit of this round -------------------------------------------------------


def test_portfolio_never_writes_over_an_assessment(run, mini_file, tmp_path):
    other = tmp_path / "other.pdf"
    other.write_bytes(mini_file.read_bytes())  # an assessment renamed .pdf
    hard = tmp_path / "hard.xlsx"
    os.link(mini_file, hard)
    for target, said in ((other, "is an assessment"), (hard, "is the input file")):
        before = digest(target)
        code, _, err = run("portfolio", mini_file, "-o", target)
        assert code == 2 and said in one_line(err)
        assert digest(target) == before
    code, _, err = run("portfolio", mini_file, "-o", "/dev/full")
    assert code == 2 and "not a regular file" in one_line(err)
    code, _, err = run("portfolio", mini_file, "-o", tmp_path / "p.pdf")
    assert code == 0, err
    assert (tmp_path / "p.pdf").read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir() if ".part" in p.name] == []


def test_an_encrypted_assessment_renamed_is_never_overwritten(
    run, mini_file, tmp_path, monkeypatch
):
    monkeypatch.setenv("AVSEC_PASSPHRASE", "correct horse battery")
    secret = tmp_path / "secret.avsec"
    secret.write_bytes(mini_file.read_bytes())
    code, _, err = run("encrypt", secret)
    assert code == 0, err
    renamed = tmp_path / "secret.pdf"
    secret.rename(renamed)
    before = digest(renamed)
    code, _, err = run("report", mini_file, "-o", renamed)
    assert code == 2 and "is an assessment" in one_line(err)
    assert digest(renamed) == before


def test_a_pdf_or_text_file_of_whole_pages_is_still_replaced(run, mini_file, tmp_path):
    # The encrypted-file test must not refuse an ordinary earlier export of 4096 bytes.
    old = tmp_path / "old.csv"
    old.write_bytes(b"item_id,status,notes\n" + b"x" * (4096 - 21))
    code, _, err = run("responses", "export", mini_file, "-o", old)
    assert code == 0, err
    assert old.read_text(encoding="utf-8").startswith('"item_id"')


def test_pack_and_followup_refuse_a_hard_link_to_their_input(run, mini_file, tmp_path):
    hard = tmp_path / "hard.avsec"
    os.link(mini_file, hard)
    before = digest(mini_file)
    code, _, err = run("workshop", "pack", mini_file, "-o", hard)
    assert code == 2 and "cannot replace its own answer key" in one_line(err)
    code, _, err = run("followup", mini_file, "-o", hard, "--force")
    assert code == 2 and "cannot replace the previous visit" in one_line(err)
    assert digest(mini_file) == before


@pytest.fixture
def window(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from avsec.gui.main_window import MainWindow
    from avsec.gui.settings import Preferences

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(Preferences(settings))
    qtbot.addWidget(win)
    return win


@pytest.mark.parametrize("what", ["json", "plan", "layout"])
def test_the_app_never_exports_over_an_assessment(window, mini_file, tmp_path, what):
    from PySide6.QtWidgets import QMessageBox

    assert window.open_file(mini_file)
    hard = tmp_path / "hard.json"
    os.link(mini_file, hard)
    other = tmp_path / "other.csv"
    other.write_bytes(mini_file.read_bytes())
    for target in (mini_file, hard, other):
        before = digest(target)
        assert window.files.export(what, target) is None
        assert digest(target) == before
        box = window.findChild(QMessageBox, "error-box")
        assert box is not None
        assert "never overwritten" in box.text() or "is the input file" in box.text()
        box.deleteLater()


def test_the_app_never_writes_a_report_over_an_assessment(window, mini_file, tmp_path):
    from avsec.gui.report_dialog import ReportOptions

    assert window.open_file(mini_file)
    hard = tmp_path / "hard.pdf"
    os.link(mini_file, hard)
    before = digest(mini_file)
    options = ReportOptions(path=hard, lang="en", password=None, open_when_done=False)
    assert window.reports.write_report(options) is False
    assert digest(mini_file) == before
