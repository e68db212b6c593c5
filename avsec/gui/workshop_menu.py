"""The trainer's Workshop menu: pack an exercise from an answer key, make team files.

The same functions as ``avsec workshop pack`` and ``avsec workshop teams``
(:mod:`avsec.workshop.pack`, :mod:`avsec.workshop.teams`), behind file choosers, so a trainer
runs the whole flow from the app.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from avsec.gui.i18n import tr

if TYPE_CHECKING:
    from avsec.gui.main_window import MainWindow

_FILTER = "Avsec assessments (*.avsec)"


class WorkshopController:
    """Handlers of the Workshop menu's file actions."""

    def __init__(self, window: MainWindow):
        self.window = window

    def pack_exercise(
        self, key: str | Path | None = None, out: str | Path | None = None
    ) -> Path | None:
        """Workshop > Pack exercise from key: the exercise participants get (no answers)."""
        from avsec.core.errors import AvsecError
        from avsec.gui.dialogs import choose_open_file, choose_save_file, show_error
        from avsec.workshop.pack import pack_exercise

        folder = self.window.preferences.last_folder
        if key is None:
            key = choose_open_file(self.window, tr("Choose the answer key"), folder, tr(_FILTER))
            if not key:
                return None
        key = Path(key)
        if out is None:
            suggested = str(key.with_name(key.stem + "-exercise.avsec"))
            out = choose_save_file(
                self.window, tr("Save the exercise"), suggested, tr(_FILTER), ".avsec"
            )
            if not out:
                return None
        try:
            written = pack_exercise(key, Path(out), overwrite=Path(out).exists())
        except (AvsecError, OSError) as exc:
            show_error(self.window, tr("Cannot pack the exercise"), exc)
            return None
        self.window.statusBar().showMessage(
            tr("Wrote the exercise {path} (no reference answers)").format(path=written)
        )
        return Path(written)

    def make_teams(
        self,
        exercise: str | Path | None = None,
        names: list[str] | None = None,
        out_dir: str | Path | None = None,
    ) -> list[Path]:
        """Workshop > Make team files: one copy of an exercise per team."""
        from PySide6.QtWidgets import QFileDialog, QInputDialog

        from avsec.core.errors import AvsecError
        from avsec.gui.dialogs import choose_open_file, show_error
        from avsec.workshop.teams import make_team_files

        folder = self.window.preferences.last_folder
        if exercise is None:
            exercise = choose_open_file(self.window, tr("Choose the exercise"), folder, tr(_FILTER))
            if not exercise:
                return []
        if names is None:
            text, ok = QInputDialog.getText(
                self.window, tr("Make team files"), tr("Team names, separated by commas:")
            )
            names = [n.strip() for n in text.split(",") if n.strip()] if ok else []
            if not names:
                return []
        if out_dir is None:
            out_dir = QFileDialog.getExistingDirectory(
                self.window, tr("Folder for the team files"), str(Path(exercise).parent)
            )
            if not out_dir:
                return []
        try:
            written = make_team_files(Path(exercise), names, Path(out_dir))
        except (AvsecError, OSError) as exc:
            show_error(self.window, tr("Cannot make the team files"), exc)
            return []
        self.window.statusBar().showMessage(
            tr("Wrote {count} team files to {folder}").format(count=len(written), folder=out_dir)
        )
        return [Path(p) for p in written]
