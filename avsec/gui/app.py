"""Start the desktop app, or render its main window to a PNG (``--screenshot``).

Imports only Qt and the start page at module level: the models, the store, matplotlib and
shapely load when a file opens or a view needs them (cold start close to a bare Qt window).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from avsec.core.i18n import set_number_format
from avsec.gui.i18n import N_, set_language
from avsec.gui.main_window import MainWindow
from avsec.gui.settings import Preferences

if TYPE_CHECKING:
    from PySide6.QtCore import QMessageLogContext, QtMsgType

#: Screenshot size: the fixed size of ``avsec gui --screenshot``.
SCREENSHOT_SIZE = (1280, 800)

#: Called with the window once it is shown (benchmarks measure cold start with this).
after_show: list[Callable[[MainWindow], None]] = []


def has_display() -> bool:
    """Whether a windowing system is reachable (always true off Linux)."""
    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


#: Qt warnings that say nothing to a user: the offscreen platform (screenshots, no display)
#: prints this one for every window it shows.
_QUIET_QT_MESSAGES = ("This plugin does not support propagateSizeHints()",)


def _qt_message_handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Print Qt's messages to stderr as Qt would, except the known noise."""
    if message.strip() in _QUIET_QT_MESSAGES:
        return
    sys.stderr.write(message + "\n")


def application() -> QApplication:
    """The QApplication, created on first call (with Qt's known noise on stderr silenced)."""
    app = QApplication.instance()
    if app is None:
        # Only when avsec makes the application: a host (pytest-qt) keeps its own handler.
        qInstallMessageHandler(_qt_message_handler)
        app = QApplication(sys.argv[:1])
        app.setApplicationName("avsec")
        app.setOrganizationName("avsec")
        app.setApplicationDisplayName("avsec")
    return app  # type: ignore[return-value]


def make_window(
    path: str | Path | None = None,
    lang: str | None = None,
    settings: QSettings | None = None,
    *,
    defer_setup: bool = False,
    remember: bool = True,
    raise_errors: bool = False,
) -> MainWindow:
    """Build the main window in ``lang`` (else the preferred language) with ``path`` open.

    ``defer_setup`` builds menus, tool bar and status bar one event-loop pass after the window
    shows (the interactive start); scripts and tests get a complete window at once.
    ``remember=False`` reads the settings but writes none (no recent file, no folder).
    ``raise_errors`` raises the error of a file that cannot be opened instead of showing it
    in a message box.

    Raises
    ------
    avsec.core.errors.AvsecError
        Only with ``raise_errors``: ``path`` cannot be opened.
    """
    application()
    preferences = Preferences(settings, read_only=not remember)
    set_language(lang or preferences.language or "en")
    set_number_format(preferences.number_format)
    window = MainWindow(preferences, defer_setup=defer_setup)
    if path:
        try:
            window.open_file(path, raise_errors=raise_errors)
        except Exception:
            window.close()
            window.deleteLater()
            raise
    return window


def render_screenshot(
    window: MainWindow,
    out: str | Path,
    view: str | None = None,
    size: tuple[int, int] | None = None,
) -> Path:
    """Render ``window`` at ``size`` (1280x800 by default) to a PNG, showing ``view`` when given.

    Returns
    -------
    Path
        The PNG written.
    """
    app = application()
    window.resize(*(size or SCREENSHOT_SIZE))
    window.show()
    app.processEvents()
    if view and window.workspace is not None:
        window.show_view(view)
        app.processEvents()
        if view == "map":
            window.workspace.map_editor().fit()
    for _ in range(3):  # layouts settle over a few passes (splitters, canvas resize)
        app.processEvents()
    if window.workspace is not None and window.workspace.current_view() == "map":
        window.workspace.map_editor().fit()
        app.processEvents()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    image = window.grab().toImage()
    if not image.save(str(out), "PNG"):  # type: ignore[call-overload]  # the stub says bytes; Qt wants str
        from avsec.core.errors import StoreError

        raise StoreError(N_("{out}: cannot write the screenshot"), out=out)
    return out


def run(
    path: str | Path | None = None,
    lang: str | None = None,
    screenshot: str | Path | None = None,
    settings: QSettings | None = None,
    size: tuple[int, int] | None = None,
) -> int:
    """Run the app (or only render a screenshot, ``size`` pixels); return the exit code.

    A screenshot run writes no setting (the file does not join the recent files) and fails
    with the file's error, never with a picture of the start page.

    Raises
    ------
    avsec.core.errors.AvsecError
        ``path`` is not an .avsec file this avsec can open (checked before any window; with
        ``screenshot``, also any error met while opening it), or there is no display and no
        screenshot was asked for.
    """
    if not has_display() and not os.environ.get("QT_QPA_PLATFORM"):
        if not screenshot:
            from avsec.core.errors import AvsecError

            # Qt would abort with a page of plugin messages; say it in one line instead.
            raise AvsecError(
                N_(
                    "no display (neither DISPLAY nor WAYLAND_DISPLAY is set); run avsec on a "
                    "desktop, or render a picture with --screenshot PNG"
                )
            )
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if path and Path(path).is_dir():
        from avsec.gui.portfolio_view import run_portfolio

        return run_portfolio(application(), path, screenshot)
    if path:
        from avsec.gui.passphrase_dialog import install as ask_passphrases_here
        from avsec.store import check_file

        ask_passphrases_here()
        check_file(Path(path))
    app = application()
    window = make_window(
        path,
        lang,
        settings,
        defer_setup=not screenshot,
        remember=not screenshot,
        raise_errors=bool(screenshot),
    )
    if screenshot:
        render_screenshot(window, screenshot, size=size)
        window.close()
        return 0
    window.show()
    for hook in after_show:
        QTimer.singleShot(0, lambda hook=hook: hook(window))
    # Menus, tool bar and status bar right after the first event-loop pass.
    QTimer.singleShot(0, window.complete_setup)
    return app.exec()
