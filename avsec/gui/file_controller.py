"""The File menu's dialogs: new, open, the training airport, and where a new file is saved.

The main window keeps the open session; this controller asks the user what to open or create
and hands the answer to :meth:`MainWindow.open_file` / :meth:`MainWindow.create_assessment`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from avsec.gui.i18n import language, tr

if TYPE_CHECKING:
    from avsec.gui.main_window import MainWindow


class FileController:
    """File > New, Open, Open training airport, and the start page's requests."""

    def __init__(self, window: MainWindow):
        self.window = window

    def new(self) -> None:
        """Close the open assessment and show the start page's new-assessment form."""
        window = self.window
        if window.session is not None:
            window.close_session()
        window.stack.setCurrentWidget(window.start_page)
        window.start_page.focus_new_assessment()

    def browse(self) -> None:
        """Ask for an .avsec file and open it."""
        from avsec.gui.dialogs import choose_open_file

        path = choose_open_file(
            self.window,
            tr("Open an assessment"),
            self.window.preferences.last_folder,
            tr("Avsec assessments (*.avsec)"),
        )
        if path:
            self.window.open_file(path)

    def open_demo(self) -> None:
        """Open the training airport, building it the first time."""
        import platformdirs

        from avsec.gui.dialogs import show_error
        from avsec.workshop.demo import make_demo

        out_dir = Path(platformdirs.user_data_dir("avsec", appauthor=False)) / "demo"
        try:
            # fresh=False: a demo the user already worked in is opened as it is, never rebuilt
            # over their answers.
            path = make_demo(out_dir, lang=language(), fresh=False)
        except Exception as exc:  # noqa: BLE001 - any failure of the demo builder is shown, not fatal
            show_error(self.window, tr("Training airport"), exc)
            return
        self.window.open_file(path)

    def create_requested(self, request: dict[str, Any]) -> None:
        """Ask where to save the assessment the start page describes, then create it."""
        import datetime as dt

        from avsec.gui.dialogs import choose_save_file

        airport = request["airport"]
        code = (airport.icao or airport.iata or "airport").lower()
        suggested = str(
            Path(self.window.preferences.last_folder)
            / f"{code}-{dt.date.today().isoformat()}.avsec"
        )
        path = choose_save_file(
            self.window,
            tr("Save the new assessment as"),
            suggested,
            tr("Avsec assessments (*.avsec)"),
            ".avsec",
        )
        if path:
            self.window.create_assessment(path, **request)
