"""File > Write report: the gap report of the open assessment, the PDF of ``avsec report``.

The report builds in a background thread with a busy bar in the status bar, so the window
stays usable. Everything the build reads from the file (the document and the photo bytes) is
read first on the GUI thread: the file's SQLite connection belongs to that thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThread, Signal

from avsec.gui.i18n import error_text, tr

if TYPE_CHECKING:
    from avsec.gui.main_window import MainWindow
    from avsec.gui.report_dialog import ReportOptions


class _ReportWorker(QObject):
    """Builds one PDF off the GUI thread; reports the written path or the error text."""

    done = Signal(str)
    failed = Signal(str)

    def __init__(self, doc: Any, options: ReportOptions, photos: dict[str, bytes]):
        super().__init__()
        self.doc, self.options, self.photos = doc, options, photos

    def run(self) -> None:
        from avsec.core.errors import AvsecError
        from avsec.report.pdf import build_report

        try:
            from avsec.io.checklists import load_catalogue

            try:
                catalogue = load_catalogue()
            except AvsecError:
                catalogue = None  # the annex then lists provisions by id, as the CLI does
            written = build_report(
                self.doc,
                self.options.path,
                lang=self.options.lang,
                photo_loader=self.photos.get,
                catalogue=catalogue,
                password=self.options.password,
            )
        except (AvsecError, OSError) as exc:
            self.failed.emit(error_text(exc))
            return
        self.done.emit(str(written))


class ReportController(QObject):
    """Asks for the report's options, builds it in the background and says where it went."""

    #: Emitted when a report build ends (the path, or "" after an error).
    finished = Signal(str)

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self._thread: QThread | None = None
        self._worker: _ReportWorker | None = None
        self._progress: Any = None
        self._open_when_done = False

    def busy(self) -> bool:
        """A report is being written."""
        return self._thread is not None

    def wait_until_done(self) -> None:
        """Block until a report being written is finished (the window is closing)."""
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()

    def ask_options(self, suggested: str) -> ReportOptions | None:
        """Show the report dialog; None when cancelled."""
        from avsec.gui.report_dialog import ReportDialog

        dialog = ReportDialog(suggested, self.window)
        self.dialog: ReportDialog | None = dialog
        try:
            return dialog.options() if dialog.exec() else None
        finally:
            dialog.deleteLater()
            self.dialog = None

    def write_report(self, options: ReportOptions | None = None) -> bool:
        """Write the gap report of the open assessment in the background; False when
        nothing started (no file, cancelled, or a report already being written)."""
        window, session = self.window, self.window.session
        if session is None or self.busy():
            return False
        if window.workspace is not None:
            window.workspace.commit_pending()
        if options is None:
            options = self.ask_options(str(session.path.with_suffix(".pdf")))
            if options is None:
                return False
        from avsec.app.outputs import check_output
        from avsec.core.errors import AvsecError
        from avsec.gui.dialogs import show_error

        try:  # never over the open assessment or any other (README, *Security*)
            check_output(options.path, (".pdf",), inputs=[session.path])
        except AvsecError as exc:
            show_error(window, tr("Cannot write the report"), exc)
            return False
        doc = session.file.document()
        photos: dict[str, bytes] = {}
        for response in doc.responses.values():
            for attachment_id in response.photos:
                data = session.file.report_photo_bytes(attachment_id)  # the stored copy
                if data is not None:
                    photos[attachment_id] = data
        self._start(doc, options, photos)
        return True

    def _start(self, doc: Any, options: ReportOptions, photos: dict[str, bytes]) -> None:
        from PySide6.QtWidgets import QProgressBar

        self._open_when_done = options.open_when_done
        thread = QThread(self)
        worker = _ReportWorker(doc, options, photos)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.done.connect(self._on_done)
        worker.failed.connect(self._on_failed)
        self._thread, self._worker = thread, worker
        progress = QProgressBar(self.window)
        progress.setObjectName("report-progress")
        progress.setRange(0, 0)  # busy: reportlab gives no page count ahead
        progress.setMaximumWidth(160)
        progress.setAccessibleName(tr("Writing the report"))
        self.window.statusBar().addPermanentWidget(progress)
        self._progress = progress
        self.window.statusBar().showMessage(tr("Writing the report…"))
        thread.start()

    def _finish(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread.deleteLater()
        if self._worker is not None:
            self._worker.deleteLater()
        if self._progress is not None:
            self.window.statusBar().removeWidget(self._progress)
            self._progress.deleteLater()
        self._thread = self._worker = self._progress = None

    def _on_done(self, written: str) -> None:
        self._finish()
        self.window.statusBar().showMessage(
            tr("Report written to {path}").format(path=written), 10_000
        )
        if self._open_when_done:
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(written))))
        from avsec.gui.integrity_check import offer_photo_copies

        offer_photo_copies(self.window)  # a file from avsec < 3: store the report copies once?
        self.finished.emit(written)

    def _on_failed(self, message: str) -> None:
        from avsec.gui.dialogs import show_error

        self._finish()
        self.window.statusBar().clearMessage()
        show_error(self.window, tr("Cannot write the report"), message)
        self.finished.emit("")
