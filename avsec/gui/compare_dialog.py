"""Workshop > Compare teams…: pick the answer key and the team files, show the trainer view.

The trainer view (avsec.gui.trainer_view.TrainerView) shows the result; this dialog only
computes the comparison (avsec.workshop.compare) and hosts the view.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from avsec.gui import dialogs
from avsec.gui.dialogs import show_error
from avsec.gui.i18n import tr
from avsec.gui.settings import Preferences
from avsec.gui.trainer_view import TrainerView


class CompareDialog(QDialog):
    """Hosts a :class:`TrainerView` over one comparison.

    Parameters
    ----------
    comparison
        From :func:`avsec.workshop.compare.compare_files`.
    """

    def __init__(self, comparison: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("compare-dialog")
        self.setWindowTitle(tr("Compare teams"))
        self.resize(1100, 720)
        self.view = TrainerView(comparison, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)  # the view lists refused team files itself
        from avsec.gui.heat_legend import HeatLegend

        self.legend = HeatLegend(self)
        layout.addWidget(self.legend)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        present = buttons.addButton(
            tr("Present (full screen)"), QDialogButtonBox.ButtonRole.ActionRole
        )
        present.setObjectName("present")
        present.clicked.connect(self.present)
        debrief = buttons.addButton(
            tr("Export debrief PDF…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        debrief.setObjectName("export-debrief")
        debrief.clicked.connect(lambda: self.export_debrief())
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def present(self) -> QWidget:
        """Show the comparison full screen for the room (Escape leaves)."""
        from avsec.gui.presentation_mode import PresentationWindow

        window = PresentationWindow(self.view.comparison, self, tab=self.view.tabs.currentIndex())
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.presentation = window
        window.showFullScreen()
        return window

    def export_debrief(self, target: str | Path | None = None) -> Path | None:
        """Write the debrief PDF (as ``avsec workshop compare -o`` does) in the UI language;
        never over the key or a team file. None when cancelled or refused."""
        from avsec.core.errors import AvsecError
        from avsec.gui.i18n import language
        from avsec.workshop.debrief import build_debrief

        comparison = self.view.comparison
        if target is None:
            suggested = str(comparison.key_path.with_name("debrief.pdf"))
            target = dialogs.choose_save_file(
                self, tr("Export debrief PDF…").rstrip("…"), suggested, tr("PDF (*.pdf)"), ".pdf"
            )
            if not target:
                return None
        target = Path(target)
        inputs = [comparison.key_path, *(t.path for t in comparison.teams)]
        if any(target.resolve() == Path(i).resolve() for i in inputs):
            show_error(self, tr("Compare teams"), tr("Choose another name than the open file."))
            return None
        try:
            return build_debrief(comparison, target, lang=language())
        except (AvsecError, OSError) as exc:
            show_error(self, tr("Compare teams"), exc)
            return None

    @classmethod
    def compare(
        cls, key: str | Path, teams: Sequence[str | Path], parent: QWidget | None = None
    ) -> CompareDialog:
        """Compare ``teams`` with ``key`` and build the dialog (raises avsec errors)."""
        from avsec.workshop.compare import compare_files

        comparison = compare_files(Path(key), [Path(t) for t in teams])
        return cls(comparison, parent)

    @classmethod
    def run(cls, parent: QWidget, preferences: Preferences) -> CompareDialog | None:
        """Ask for the files, compare them and show the result."""
        from avsec.core.errors import AvsecError

        filters = tr("Avsec assessments (*.avsec)")
        key = dialogs.choose_open_file(
            parent, tr("Choose the answer key"), preferences.last_folder, filters
        )
        if not key:
            return None
        teams = dialogs.choose_open_files(
            parent, tr("Choose the team files"), str(Path(key).parent), filters
        )
        if not teams:
            return None
        try:
            dialog = cls.compare(key, teams, parent)
        except (AvsecError, OSError) as exc:
            show_error(parent, tr("Compare teams"), exc)
            return None
        dialog.show()
        return dialog
