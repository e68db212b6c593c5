"""File > Check file integrity: read and check every page of the open file, photos included.

Opening a file checks everything but the photo bytes (the whole file only after an unclean
close; see avsec/store/integrity.py). This action is the on-demand whole-file check, run in a
worker thread because a file with a hundred photos takes seconds to read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from avsec.gui.analysis_runner import AnalysisRunner
from avsec.gui.dialogs import present, show_error
from avsec.gui.i18n import tr

if TYPE_CHECKING:
    from avsec.gui.main_window import MainWindow


def run_integrity_check(window: MainWindow) -> bool:
    """Start the whole-file check of the window's file; False when none is open or one runs."""
    from avsec.store import check_file

    if window.session is None:
        return False
    runner: AnalysisRunner | None = getattr(window, "_integrity_runner", None)
    if runner is None:
        runner = AnalysisRunner(window)
        runner.finished.connect(lambda _version: _report_intact(window))
        runner.failed.connect(lambda error: _report_damage(window, error))
        window._integrity_runner = runner  # type: ignore[attr-defined]
    path = window.session.path
    started = runner.start(lambda: check_file(path, full=True))
    if started:
        window.statusBar().showMessage(tr("Checking the whole file…"))
    return started


def _report_intact(window: MainWindow) -> None:
    text = tr("The file is intact: every page, photos included, was read and checked.")
    window.statusBar().showMessage(text, 10_000)
    box = QMessageBox(QMessageBox.Icon.Information, tr("Check file integrity"), text, parent=window)
    box.setObjectName("integrity-box")
    present(box)


def _report_damage(window: MainWindow, error: object) -> None:
    window.statusBar().clearMessage()
    show_error(window, tr("Check file integrity"), error)


def offer_photo_copies(window: MainWindow) -> None:
    """After a report: offer to store the report copies that photos of an older avsec lack
    (the report scaled those photos on the fly; stored once, later reports skip that)."""
    from PySide6.QtWidgets import QMessageBox

    session = window.session
    if session is None:
        return
    missing = len(session.file.photos_without_derivatives())
    if not missing:
        return
    box = QMessageBox(
        QMessageBox.Icon.Question,
        tr("Store photo copies"),
        tr(
            "Photos without a stored report copy: {count}. This report scaled them on the fly. "
            "Store their report copies now, once, so that later reports are faster?"
        ).format(count=missing),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        window,
    )
    box.setObjectName("photo-copies-box")
    box.accepted.connect(lambda: store_photo_copies(window))
    present(box)


def store_photo_copies(window: MainWindow) -> int:
    """Make and store the missing photo copies of the open file (wait cursor meanwhile)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    if window.session is None:
        return 0
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        stored = window.session.file.store_derivatives()
    finally:
        QGuiApplication.restoreOverrideCursor()
    window.statusBar().showMessage(
        tr("Report copies stored: {count}.").format(count=stored), 10_000
    )
    return stored
