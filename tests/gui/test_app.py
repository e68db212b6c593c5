"""`avsec gui`: the screenshot option, bad files, lazy imports, thumbnails, map detail."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def test_screenshot_renders_the_window_with_the_file(qtbot, assessment_path, tmp_path, monkeypatch):
    from avsec.cli import main

    monkeypatch.setenv("AVSEC_SETTINGS", str(tmp_path / "settings.ini"))
    out = tmp_path / "shot.png"
    assert main(["gui", str(assessment_path), "--lang", "es", "--screenshot", str(out)]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    from avsec.gui.i18n import language

    assert language() == "es"


def test_screenshot_of_a_bad_file_is_one_error_line(qtbot, tmp_path, capsys, monkeypatch):
    from avsec.cli import main

    monkeypatch.setenv("AVSEC_SETTINGS", str(tmp_path / "settings.ini"))
    bad = tmp_path / "broken.avsec"
    bad.write_bytes(b"junk")
    assert main(["gui", str(bad), "--screenshot", str(tmp_path / "x.png")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("avsec: error:") and "broken.avsec" in err
    assert not (tmp_path / "x.png").exists()


def test_a_screenshot_writes_no_setting(qtbot, assessment_path, tmp_path, monkeypatch):
    from avsec.cli import main

    settings = tmp_path / "settings.ini"
    monkeypatch.setenv("AVSEC_SETTINGS", str(settings))
    assert main(["gui", str(assessment_path), "--screenshot", str(tmp_path / "a.png")]) == 0
    assert (tmp_path / "a.png").exists()
    # Neither the recent files nor the last folder: no settings file at all.
    assert not settings.exists() or "recent_files" not in settings.read_text()
    assert not settings.exists() or "last_folder" not in settings.read_text()


def _damage_the_header(path: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE assessment SET json = '{'")
    conn.close()


def test_a_screenshot_of_a_damaged_assessment_fails_in_one_line(
    qtbot, assessment_path, tmp_path, capsys, monkeypatch
):
    from avsec.cli import main

    settings = tmp_path / "settings.ini"
    monkeypatch.setenv("AVSEC_SETTINGS", str(settings))
    _damage_the_header(assessment_path)
    out = tmp_path / "damaged.png"
    assert main(["gui", str(assessment_path), "--screenshot", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("avsec: error:") and "visit.avsec" in err
    assert len(err.strip().splitlines()) == 1
    assert not out.exists()  # not a picture of the start page
    assert not settings.exists() or "recent_files" not in settings.read_text()


def test_preferences_can_be_read_only(settings):
    from avsec.gui.settings import Preferences

    settings.setValue("language", "es")
    preferences = Preferences(settings, read_only=True)
    assert preferences.language == "es"
    preferences.add_recent_file("/tmp/x.avsec")
    preferences.language = "en"
    preferences.user_name = "Someone"
    preferences.last_folder = "/tmp"
    assert preferences.recent_files() == [] and preferences.language == "es"
    assert preferences.user_name == ""


def test_qt_noise_is_filtered_from_stderr(capsys):
    from avsec.gui.app import _qt_message_handler

    _qt_message_handler(None, None, "This plugin does not support propagateSizeHints()")
    _qt_message_handler(None, None, "QPainter::begin: Paint device returned engine == 0")
    assert capsys.readouterr().err == "QPainter::begin: Paint device returned engine == 0\n"


@pytest.mark.slow
def test_the_start_window_loads_no_heavy_package(tmp_path):
    code = (
        "import sys\n"
        "from avsec.gui.app import application, make_window\n"
        "app = application()\n"
        "window = make_window(defer_setup=True)\n"
        "window.show(); app.processEvents()\n"
        "heavy = ['matplotlib', 'shapely', 'pyproj', 'reportlab', 'pydantic', 'numpy',\n"
        "         'airportsdata', 'avsec.store', 'avsec.core.assessment', 'PIL', 'yaml']\n"
        "print([m for m in heavy if m in sys.modules])\n"
        "window.complete_setup()\n"
        "print([m for m in heavy if m in sys.modules])\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", AVSEC_SETTINGS=str(tmp_path / "s.ini"))
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    shown, completed = result.stdout.strip().splitlines()[-2:]
    assert shown == "[]"
    assert completed == "[]"


@pytest.mark.slow
def test_avsec_gui_screenshot_runs_offscreen_by_itself(tmp_path, assessment_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    }
    env["AVSEC_SETTINGS"] = str(tmp_path / "s.ini")
    env["PYTHONPATH"] = str(ROOT)
    out = tmp_path / "cli.png"
    result = subprocess.run(
        [sys.executable, "-m", "avsec", "gui", str(assessment_path), "--screenshot", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert QImage(str(out)).size().width() == 1280
    assert "propagateSizeHints" not in result.stderr
    assert not (tmp_path / "s.ini").exists()  # a screenshot writes no setting


@pytest.mark.slow
def test_avsec_gui_screenshot_of_a_damaged_file_exits_2(tmp_path, assessment_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    }
    env["AVSEC_SETTINGS"] = str(tmp_path / "s.ini")
    env["PYTHONPATH"] = str(ROOT)
    _damage_the_header(assessment_path)
    out = tmp_path / "cli.png"
    result = subprocess.run(
        [sys.executable, "-m", "avsec", "gui", str(assessment_path), "--screenshot", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.startswith("avsec: error: visit.avsec")
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_pyside_does_not_leak_references_to_none(qtbot):
    # PySide6 6.12.0 drops a reference to None per void call on Python 3.11 and the app dies
    # after an hour of use; pyproject.toml pins PySide6 below it. This fails if the pin breaks.
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
    assert before - sys.getrefcount(None) < 100


def test_thumbnails_are_decoded_off_the_gui_thread(qtbot, opened, tmp_path, monkeypatch):
    import threading

    from avsec.gui import thumbnails
    from tests.gui.conftest import make_photo

    decoded_on: list[int] = []
    real_decode = thumbnails.decode_image

    def recording_decode(data: bytes, longest_side: int = 0):
        decoded_on.append(threading.get_ident())
        return real_decode(data, longest_side)

    monkeypatch.setattr(thumbnails, "decode_image", recording_decode)
    big = make_photo(tmp_path / "big.jpg", size=(1600, 1200), colour="green")
    walker = opened.workspace.walker
    cache = opened.session.thumbnails()
    with qtbot.waitSignal(cache.ready, timeout=10_000):
        walker.page.add_photos([str(big)])
    strip = walker.page.photos
    attachment = strip.photo_ids()[0]
    assert decoded_on and threading.get_ident() not in decoded_on
    pixmap = cache.get(attachment)
    assert pixmap is not None and (pixmap.width(), pixmap.height()) == (96, 72)
    shown = strip.list.item(0).icon().pixmap(96, 96)
    assert shown.toImage().pixelColor(40, 30).green() > 100  # the photo, not the grey placeholder


def test_a_broken_thumbnail_is_a_grey_square(qtbot, opened):
    cache = opened.session.thumbnails()
    assert cache.get("not-an-attachment") is None
    cache.wait()
    square = cache.get("not-an-attachment")
    assert (square.width(), square.height()) == (96, 96)
    corner = square.toImage().pixelColor(5, 5)
    assert corner.red() == corner.green() == corner.blue() and 150 < corner.red() < 250


def test_big_features_are_drawn_simplified_when_zoomed_out():
    import numpy as np

    from avsec.gui.map_items import FeatureItem

    theta = np.linspace(0, 2 * np.pi, 5000, endpoint=False)
    ring = np.column_stack([1000 * np.cos(theta), 1000 * np.sin(theta)])
    item = FeatureItem("f", "airside", {}, "polygon", [ring])
    far = item.path_for_scale(0.05)  # 20 m per pixel
    near = item.path_for_scale(50)  # 2 cm per pixel
    assert far.elementCount() < 400 < near.elementCount() == item.path().elementCount()
    assert item.path_for_scale(0.05) is far  # cached


def test_no_display_is_one_error_line(tmp_path, monkeypatch, capsys):
    from avsec.cli import main

    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert main(["gui"]) == 2
    assert "no display" in capsys.readouterr().err


def test_numbers_follow_the_language():
    from avsec.gui.i18n import number, set_language
    from avsec.gui.map_foreground import length_label

    assert number(1234.5) == "1,234.5"
    set_language("es")
    assert number(1234.5) == "1.234,5" and number(3.5, 2) == "3,50"
    assert length_label(1500) == "1,5 km" and length_label(200) == "200 m"


def test_plain_avsec_parses_as_avsec_gui():
    """`avsec` starts the app without building the parser: its arguments must be exactly what
    the parser gives for `avsec gui`."""
    from avsec.cli import build_parser
    from avsec.verbs.gui import plain_args

    parsed = build_parser().parse_args(["gui"])
    assert vars(plain_args()) == vars(parsed)
    assert vars(plain_args()) == vars(build_parser(only="gui").parse_args(["gui"]))


@pytest.mark.slow
def test_the_cold_start_leaves_out_what_the_first_screen_does_not_show(tmp_path):
    code = (
        "import sys\n"
        "import avsec.gui.app as gui_app\n"
        "from PySide6.QtWidgets import QApplication\n"
        "def done(window):\n"
        "    later = ['sqlite3', 'json', 'importlib.resources', 'avsec.gui.icons',\n"
        "             'avsec.gui.workshop_menu', 'pydantic', 'decimal']\n"
        "    window.complete_setup()\n"
        "    print([m for m in later if m in sys.modules], flush=True)\n"
        "    QApplication.instance().quit()\n"
        "gui_app.after_show.append(done)\n"
        "from avsec.cli import main\n"
        "main([])\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", AVSEC_SETTINGS=str(tmp_path / "s.ini"))
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_action_icons_are_drawn_when_their_menu_opens(window):
    menu = window.registry.menu("&Checklist")
    action = next(a for a in menu.actions() if a.objectName() == "checklist.compliant")
    assert action.icon().isNull()  # not drawn during the start
    menu.aboutToShow.emit()
    assert not action.icon().isNull()
    # Asking the registry for an action draws its icon too.
    other = window.registry.action("map.draw.barrier")
    assert not other.icon().isNull()


@pytest.mark.slow
def test_opening_a_file_leaves_the_geometry_for_the_first_analysis(tmp_path, assessment_path):
    code = (
        "import sys\n"
        "from avsec.gui.app import application, make_window\n"
        "app = application()\n"
        "window = make_window(raise_errors=True)\n"
        "window.show(); app.processEvents()\n"
        "assert window.open_file(sys.argv[1])\n"
        "app.processEvents()\n"
        "print([m for m in ('numpy', 'pyproj', 'shapely', 'matplotlib') if m in sys.modules])\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", AVSEC_SETTINGS=str(tmp_path / "s.ini"))
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run(
        [sys.executable, "-c", code, str(assessment_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
