"""Notice another program changing the open file; show that a file opened read-only.

SQLite's ``PRAGMA data_version`` changes on a connection only when another connection commits
to the file, so a timer that polls it sees a CLI or a second app writing, never our own edits.
On such a change the window reopens the file (the undo history, built on the old state, is
dropped) and says so. A read-only file gets a banner above the workspace.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow, QToolBar

from avsec.gui.i18n import tr

#: How often the open file is checked, in milliseconds.
POLL_MS = 1500


class ExternalChangeWatcher(QObject):
    """Polls the open file; on an external change asks ``window`` to reopen it."""

    def __init__(self, window: Any, session: Any):
        super().__init__(window)
        self.window = window
        self.session = session
        self.version = self._data_version()
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        self.banner: QToolBar | None = None
        if getattr(session.file, "read_only", False):
            self.banner = _banner(
                window,
                tr(
                    "{name} is read-only: you can read it and export from it, but not change it."
                ).format(name=session.path.name),
            )

    def _data_version(self) -> int | None:
        try:
            return self.session.file.data_version()
        except Exception:  # noqa: BLE001 - a closed or vanished file: nothing to compare
            return None

    def check(self) -> bool:
        """Reopen the file when another program changed it; True when it did."""
        version = self._data_version()
        if version is None or version == self.version:
            return False
        self.version = version
        self.stop()
        path = self.session.path
        self.window.close_session()
        self.window.open_file(path)
        self.window.statusBar().showMessage(
            tr("{name} was changed by another program; it was reloaded.").format(name=path.name),
            15000,
        )
        return True

    def stop(self) -> None:
        """Stop polling and remove the banner (the session is closing)."""
        self.timer.stop()
        if self.banner is not None:
            self.window.removeToolBar(self.banner)
            self.banner.deleteLater()
            self.banner = None


def _banner(window: QMainWindow, text: str) -> QToolBar:
    bar = QToolBar(window)
    bar.setObjectName("read-only-banner")
    bar.setMovable(False)
    label = QLabel(text, bar)
    label.setObjectName("read-only-label")
    label.setStyleSheet("background: #fff3cd; color: #664d03; padding: 4px 8px;")
    bar.addWidget(label)
    window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    bar.show()  # a tool bar added to a window already shown stays hidden otherwise
    return bar
