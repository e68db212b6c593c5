"""The passphrase of an encrypted assessment, asked in a dialog.

Installed as the store's passphrase provider when the app starts, so that opening an
encrypted file anywhere in the app (start page, recent files, the command line's path) asks
here. ``AVSEC_PASSPHRASE`` still wins, as on the command line; an offscreen run (tests,
screenshots) never blocks on the dialog and refuses the file instead.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from avsec.gui.i18n import N_, tr


class PassphraseDialog(QDialog):
    """Ask for the passphrase of ``file_name``; with ``confirm``, twice (a new passphrase)."""

    def __init__(self, file_name: str, confirm: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("passphrase-dialog")
        self.setWindowTitle(tr("Encrypted assessment"))
        prompt = (
            tr("Choose the passphrase that will encrypt {name}.")
            if confirm
            else tr("{name} is encrypted. Enter its passphrase.")
        )
        explanation = QLabel(prompt.format(name=file_name), self)
        explanation.setWordWrap(True)
        self.passphrase_edit = QLineEdit(self)
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setObjectName("passphrase")
        self.repeat_edit = QLineEdit(self)
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit.setObjectName("passphrase-repeat")
        self.problem = QLabel("", self)
        self.problem.setObjectName("passphrase-problem")
        self.problem.setStyleSheet("color: #b00020;")
        form = QFormLayout()
        form.addRow(tr("Passphrase:"), self.passphrase_edit)
        if confirm:
            form.addRow(tr("Repeat:"), self.repeat_edit)
        else:
            self.repeat_edit.hide()
        self._confirm = confirm
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def passphrase(self) -> str:
        """The passphrase typed."""
        return self.passphrase_edit.text()

    def accept(self) -> None:
        """Close only with a passphrase (typed the same twice when confirming)."""
        if not self.passphrase():
            self.problem.setText(tr("Enter the passphrase."))
            return
        if self._confirm and self.repeat_edit.text() != self.passphrase():
            self.problem.setText(tr("The two passphrases differ."))
            return
        super().accept()


def _offscreen() -> bool:
    return os.environ.get("QT_QPA_PLATFORM", "") in ("offscreen", "minimal")


def ask_passphrase(path: Path, confirm: bool) -> str:
    """The store's passphrase provider for the app (see :mod:`avsec.store.crypto`)."""
    from avsec.gui.app import application
    from avsec.store.crypto import PASSPHRASE_VARIABLE, PassphraseError

    if _offscreen():
        raise PassphraseError(
            N_("{name}: encrypted; set {PASSPHRASE_VARIABLE} (no window to ask in)"),
            name=path.name,
            PASSPHRASE_VARIABLE=PASSPHRASE_VARIABLE,
        )
    application()
    dialog = PassphraseDialog(path.name, confirm)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        raise PassphraseError(
            N_("{name}: no passphrase given; the file was not opened"), name=path.name
        )
    return dialog.passphrase()


def install() -> None:
    """Make the store ask for passphrases with :func:`ask_passphrase`."""
    from avsec.store import crypto

    crypto.set_provider(ask_passphrase)
