"""Run the geometry analysis off the GUI thread.

The analysis of a large layout takes a second or more; run on the GUI thread it would freeze
the window. The job (a Qt-free callable that computes findings and touches no SQLite
connection) runs in a QThread; its result comes back to the GUI thread through a queued
signal, where the caller stores it. One run at a time: a second start while one runs is
refused, so a double click never starts two.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal


class _Worker(QObject):
    done = Signal(object)
    failed = Signal(object)

    def __init__(self, job: Callable[[], Any]):
        super().__init__()
        self.job = job

    def run(self) -> None:
        try:
            result = self.job()
        except Exception as exc:  # noqa: BLE001 - reported to the GUI thread as a dialog
            self.failed.emit(exc)
        else:
            self.done.emit(result)


class AnalysisRunner(QObject):
    """Runs one job at a time in a worker thread.

    Signals
    -------
    started
        A run began (show progress).
    finished(object)
        The job's result, on the GUI thread.
    failed(object)
        The exception the job raised, on the GUI thread.
    """

    started = Signal()
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._thread: QThread | None = None
        self._worker: _Worker | None = None

    def is_running(self) -> bool:
        """Whether a run is in progress."""
        return self._thread is not None

    def start(self, job: Callable[[], Any]) -> bool:
        """Start ``job`` in a worker thread; False (and nothing started) while one runs."""
        if self._thread is not None:
            return False
        thread = QThread(self)
        worker = _Worker(job)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.done.connect(self._on_done)
        worker.failed.connect(self._on_failed)
        self._thread, self._worker = thread, worker
        thread.start()
        self.started.emit()
        return True

    def wait(self, msecs: int = 60_000) -> bool:
        """Block until the current run ends and its result is delivered (tests, scripts)."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop

        deadline = QDeadlineTimer(msecs)
        while self._thread is not None and not deadline.hasExpired():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
        return self._thread is None

    def _finish(self) -> None:
        thread, self._thread, self._worker = self._thread, None, None
        if thread is not None:
            thread.quit()
            thread.wait()
            thread.deleteLater()

    def _on_done(self, result: object) -> None:
        self._finish()
        self.finished.emit(result)

    def _on_failed(self, error: object) -> None:
        self._finish()
        self.failed.emit(error)
