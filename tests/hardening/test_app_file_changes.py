"""Issue 15 items 7 and 8 in the app: an external change is reloaded and said; read-only banner."""

from __future__ import annotations

import os
import stat

import pytest

from avsec.core.assessment import Response
from avsec.core.commands import SetResponse
from avsec.store import AvsecFile


@pytest.fixture
def window(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from avsec.gui.main_window import MainWindow
    from avsec.gui.settings import Preferences

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(Preferences(settings))
    qtbot.addWidget(win)
    win.show()
    return win


def test_a_change_by_another_program_is_reloaded_and_said(window, mini_file):
    assert window.open_file(mini_file)
    watcher = window.external_watch
    assert watcher.check() is False  # nothing changed yet
    with AvsecFile.open(mini_file, user="cli") as other:
        before = other.response("PER-02")
        other.apply(
            SetResponse(
                "PER-02",
                before,
                Response(item_id="PER-02", status="not_compliant", notes="from the CLI"),
            )
        )
    assert watcher.check() is True
    assert "changed by another program" in window.statusBar().currentMessage()
    assert window.session is not None
    assert window.session.doc.responses["PER-02"].notes == "from the CLI"
    assert window.external_watch is not watcher  # a new watcher for the reopened file


def test_own_edits_are_not_taken_for_external_ones(window, mini_file):
    assert window.open_file(mini_file)
    session = window.session
    before = session.doc.responses.get("PER-03")
    session.file.apply(
        SetResponse("PER-03", before, Response(item_id="PER-03", status="compliant"))
    )
    assert window.external_watch.check() is False


def test_a_read_only_file_opens_with_a_banner_and_refuses_edits(window, mini_file):
    from PySide6.QtWidgets import QLabel, QToolBar

    from avsec.core.errors import ReadOnlyFile

    os.chmod(mini_file, stat.S_IRUSR | stat.S_IRGRP)
    try:
        assert window.open_file(mini_file)
        banner = window.findChild(QToolBar, "read-only-banner")
        assert banner is not None and not banner.isHidden()
        label = banner.findChild(QLabel, "read-only-label")
        assert "a.avsec is read-only" in label.text()
        with pytest.raises(ReadOnlyFile):
            window.session.file.apply(SetResponse("PER-03", None, Response(item_id="PER-03")))
        window.close_session()
        assert window.external_watch is None and banner.isHidden()
    finally:
        os.chmod(mini_file, stat.S_IRUSR | stat.S_IWUSR)
