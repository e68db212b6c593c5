"""The Analyse action runs off the GUI thread, shows progress and never runs twice at once."""

from __future__ import annotations

import threading

from avsec.core.commands import add_feature
from avsec.core.layout import Feature


def _airside_square(airport, half: float = 0.002) -> Feature:
    lon, lat = airport.lon, airport.lat
    ring = [
        [lon - half, lat - half],
        [lon + half, lat - half],
        [lon + half, lat + half],
        [lon - half, lat + half],
        [lon - half, lat - half],
    ]
    return Feature(kind="airside", geometry={"type": "Polygon", "coordinates": [ring]})


def test_analyse_action_runs_in_a_worker_once(qtbot, opened, airport):
    opened.show_view("map")
    editor = opened.workspace.map_editor()
    opened.session.push(add_feature(_airside_square(airport)))
    threads: list[threading.Thread] = []
    make_job = editor._analysis_job

    def spying_job():
        job = make_job()

        def run():
            threads.append(threading.current_thread())
            return job()

        return run

    editor._analysis_job = spying_job
    action = opened.registry.action("map.analyse")
    action.trigger()
    assert editor.analysis.is_running()
    assert editor.analysis_progress.isVisibleTo(editor)
    action.trigger()  # a second click while the first run goes on
    qtbot.waitUntil(lambda: not editor.analysis.is_running(), timeout=60_000)
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    # An unfenced airside square: its whole boundary is a perimeter gap.
    assert any(f.rule == "perimeter_gap" for f in opened.session.doc.findings)
    assert editor.findings.list.count() == len(opened.session.doc.findings)
    assert not editor.analysis_progress.isVisibleTo(editor)


def test_failed_analysis_is_a_dialog_not_a_traceback(qtbot, opened, monkeypatch):
    opened.show_view("map")
    editor = opened.workspace.map_editor()
    shown: list[str] = []
    monkeypatch.setattr(
        "avsec.gui.map_editor.show_error", lambda parent, title, text: shown.append(str(text))
    )

    def broken():
        raise ValueError("self-intersecting ring at feature F-1")

    monkeypatch.setattr(editor, "_analysis_job", lambda: broken)
    assert editor.start_analysis()
    qtbot.waitUntil(lambda: not editor.analysis.is_running(), timeout=10_000)
    assert shown and "self-intersecting ring" in shown[0]
    assert not editor.analysis_progress.isVisibleTo(editor)


def test_check_file_integrity_action_reads_the_whole_file(qtbot, opened, monkeypatch):
    from avsec.store import integrity

    checked: list[object] = []
    real = integrity.check_file

    def spy(path, *, full=None):
        checked.append(full)
        return real(path, full=full)

    monkeypatch.setattr(integrity, "check_file", spy)
    monkeypatch.setattr("avsec.store.check_file", spy)
    opened.registry.action("file.check").trigger()
    runner = opened._integrity_runner
    qtbot.waitUntil(lambda: not runner.is_running(), timeout=30_000)
    assert checked == [True]
    from PySide6.QtWidgets import QMessageBox

    box = opened.findChild(QMessageBox, "integrity-box")
    assert box is not None
    assert "intact" in box.text()


def test_after_a_report_the_app_offers_to_store_missing_photo_copies(
    qtbot, window, tmp_path, checklist, airport
):
    from PySide6.QtWidgets import QMessageBox

    from avsec.gui.integrity_check import offer_photo_copies
    from tests.store.test_photos_v3 import _make_v2_with_photo, _photo

    path = tmp_path / "old.avsec"
    _make_v2_with_photo(path, checklist, airport, _photo(2000, 1000))
    assert window.open_file(path)
    assert len(window.session.file.photos_without_derivatives()) == 1
    offer_photo_copies(window)
    box = window.findChild(QMessageBox, "photo-copies-box")
    assert box is not None and "1" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    assert window.session.file.photos_without_derivatives() == []
    box.deleteLater()
    offer_photo_copies(window)  # nothing missing any more: no question
    assert all(b.isHidden() for b in window.findChildren(QMessageBox, "photo-copies-box"))
