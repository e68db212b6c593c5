"""Small dialog helpers: errors as message boxes, file choosers that remember the folder, the
OK / Cancel buttons of every form dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QMessageBox, QWidget

from avsec.gui.i18n import error_text, tr


def ok_cancel_buttons(dialog: QDialog, on_accept: Callable[[], object]) -> QDialogButtonBox:
    """OK and Cancel for ``dialog``: OK runs ``on_accept`` (which accepts when the form is
    valid), Cancel rejects. The caller places the box in its layout."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=dialog
    )
    buttons.accepted.connect(on_accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def show_error(parent: QWidget | None, title: str, error: object) -> None:
    """Show an error (a typed avsec error or any message) in a warning box.

    Offscreen runs (tests, screenshots) must never block on a modal box, so the box is opened
    non-modally there and left for the test to inspect.
    """
    text = error_text(error) if isinstance(error, BaseException) else str(error)
    box = QMessageBox(QMessageBox.Icon.Warning, title or tr("Error"), text, parent=parent)
    box.setObjectName("error-box")
    present(box)


def present(box: QMessageBox) -> None:
    """Show ``box`` and wait for the user; offscreen runs (tests, screenshots) must never
    block on a modal box, so there it opens non-modally and is left for the test to inspect."""
    if _offscreen():
        box.setModal(False)
        box.show()
        return
    box.exec()


def confirm(parent: QWidget | None, title: str, text: str, accept_text: str) -> bool:
    """Ask before something that may be a mistake: ``accept_text`` / Cancel, Cancel the
    default (Enter never confirms by accident). True when the user accepted."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    box.setObjectName("confirm-box")
    accept = box.addButton(accept_text, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is accept


def _offscreen() -> bool:
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.platformName() in ("offscreen", "minimal")


def last_folder(widget: QWidget) -> str:
    """The folder the file choosers of ``widget``'s main window start in (home without one)."""
    from avsec.gui.main_window import MainWindow

    window = widget.window()
    return window.preferences.last_folder if isinstance(window, MainWindow) else str(Path.home())


def choose_images(parent: QWidget, title: str, *, many: bool = False) -> list[str]:
    """Ask for one JPEG or PNG image (or several with ``many``) from the last folder; []
    when cancelled."""
    folder, filters = last_folder(parent), tr("Images (*.jpg *.jpeg *.png)")
    if many:
        return choose_open_files(parent, title, folder, filters)
    path = choose_open_file(parent, title, folder, filters)
    return [path] if path else []


def choose_open_file(parent: QWidget | None, title: str, folder: str, filters: str) -> str:
    """Ask for one existing file; "" when cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, title, folder, filters)
    return path


def choose_open_files(parent: QWidget | None, title: str, folder: str, filters: str) -> list[str]:
    """Ask for existing files; [] when cancelled."""
    paths, _ = QFileDialog.getOpenFileNames(parent, title, folder, filters)
    return paths


def choose_save_file(
    parent: QWidget | None, title: str, suggested: str, filters: str, suffix: str
) -> str:
    """Ask where to save; adds ``suffix`` when the user typed none; "" when cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    if path and not Path(path).suffix:
        path += suffix
    return path
