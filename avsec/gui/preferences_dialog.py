"""Preferences: language, number format and the name written in the changes journal."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from avsec.core.i18n import NUMBER_FORMATS, number_format_name, set_number_format
from avsec.gui.dialogs import ok_cancel_buttons
from avsec.gui.i18n import LANGUAGE_NAMES, language, tr
from avsec.gui.settings import Preferences


class PreferencesDialog(QDialog):
    """Edits :class:`Preferences`; the values are stored when the user presses OK.

    Parameters
    ----------
    preferences
        What to edit.
    """

    def __init__(self, preferences: Preferences, parent: QWidget | None = None):
        super().__init__(parent)
        self.preferences = preferences
        self.setWindowTitle(tr("Preferences"))
        self.language = QComboBox(self)
        self.language.setObjectName("language-combo")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(
            max(0, self.language.findData(preferences.language or language()))
        )
        self.number_format = QComboBox(self)
        self.number_format.setObjectName("number-format-combo")
        for locale in NUMBER_FORMATS:
            shown = number_format_name(locale, language())
            self.number_format.addItem(
                shown if locale else tr("As the language: {sample}").format(sample=shown), locale
            )
        self.number_format.setCurrentIndex(
            max(0, self.number_format.findData(preferences.number_format))
        )
        self.user_name = QLineEdit(preferences.user_name, self)
        note = QLabel(tr("The language applies to menus, dialogs and checklist text."), self)
        note.setWordWrap(True)
        buttons = ok_cancel_buttons(self, self._on_accept)
        form = QFormLayout(self)
        form.addRow(tr("Language"), self.language)
        form.addRow(note)
        form.addRow(tr("Numbers"), self.number_format)
        form.addRow(tr("Your name in the changes journal"), self.user_name)
        form.addRow(buttons)

    def _on_accept(self) -> None:
        self.preferences.language = str(self.language.currentData())
        self.preferences.number_format = str(self.number_format.currentData())
        set_number_format(self.preferences.number_format)
        self.preferences.user_name = self.user_name.text()
        self.accept()
