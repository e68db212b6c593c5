"""Fixtures of the GUI tests: offscreen Qt, settings and files in tmp_path."""

from __future__ import annotations

import os

# Before any Qt import: the tests run without a display.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

from tests.app.conftest import make_photo  # noqa: E402, F401 - the GUI tests attach photos too


@pytest.fixture
def settings(tmp_path):
    """A QSettings over an INI file in tmp_path (never the user's own)."""
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "avsec-settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def preferences(settings):
    from avsec.gui.settings import Preferences

    return Preferences(settings)


@pytest.fixture
def checklist():
    from avsec.io.checklists import load_checklist_file

    return load_checklist_file(FIXTURES / "mini-checklist.yaml", check_references=False)


@pytest.fixture
def airport():
    from avsec.core.assessment import Airport

    return Airport(
        icao="SEQM",
        iata="UIO",
        name="Mariscal Sucre",
        city="Quito",
        country="EC",
        lat=-0.12917,
        lon=-78.3575,
    )


@pytest.fixture
def assessment_path(tmp_path, checklist, airport):
    """A fresh .avsec file over the mini checklist."""
    from avsec.core.assessment import Assessment
    from avsec.store import AvsecFile

    path = tmp_path / "visit.avsec"
    assessment = Assessment(
        airport=airport,
        checklist_id=checklist.id,
        checklist_version=checklist.version,
        title="Test visit",
    )
    with AvsecFile.create(path, assessment, checklist, user="tester"):
        pass
    return path


@pytest.fixture(autouse=True)
def english():
    """Every test starts (and ends) in English."""
    from avsec.gui.i18n import set_language

    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def window(qtbot, preferences):
    from avsec.gui.main_window import MainWindow

    win = MainWindow(preferences)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    return win


@pytest.fixture
def opened(window, assessment_path):
    """The window with the mini-checklist assessment open."""
    assert window.open_file(assessment_path)
    return window


def status(window, item_id):
    return str(window.session.doc.status_of(item_id))
