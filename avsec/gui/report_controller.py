"""File > Write report: the gap report of the open assessment, the PDF of ``avsec report``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from avsec.gui.i18n import language, tr

if TYPE_CHECKING:
    from avsec.gui.main_window import MainWindow


class ReportController:
    """Asks where to save the report, writes it with a wait cursor and says where it went."""

    def __init__(self, window: MainWindow):
        self.window = window

    def write_report(self) -> None:
        """Write the gap report of the open assessment."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QGuiApplication

        from avsec.core.errors import AvsecError
        from avsec.gui import dialogs
        from avsec.io.checklists import load_catalogue
        from avsec.report.pdf import build_report

        window, session = self.window, self.window.session
        if session is None:
            return
        if window.workspace is not None:
            window.workspace.commit_pending()
        suggested = str(session.path.with_suffix(".pdf"))
        out = dialogs.choose_save_file(
            window, tr("Save the report as"), suggested, tr("PDF (*.pdf)"), ".pdf"
        )
        if not out:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            written = build_report(
                session.file.document(),
                Path(out),
                lang=language(),
                photo_loader=session.file.report_photo_bytes,
                catalogue=load_catalogue(),
            )
        except (AvsecError, OSError) as exc:
            QGuiApplication.restoreOverrideCursor()
            dialogs.show_error(window, tr("Error"), exc)
            return
        QGuiApplication.restoreOverrideCursor()
        window.statusBar().showMessage(tr("Report written to {path}").format(path=written), 10_000)
        from avsec.gui.integrity_check import offer_photo_copies

        offer_photo_copies(window)  # a file from avsec < 3: store the report copies once?
