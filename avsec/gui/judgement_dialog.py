"""Ask for the reason of a false positive, or a comment on a finding.

A false positive must say why (the report prints the reason next to the finding), so OK stays
disabled until there is one; a comment may be emptied to remove it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from avsec.core.textlimits import MAX_FIELD_CHARS, MAX_NOTES_CHARS
from avsec.gui.i18n import tr


class JudgementDialog(QDialog):
    """A text for one finding: ``mode`` "reason" (required) or "comment" (may be empty)."""

    def __init__(self, label: str, mode: str, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("judgement-dialog")
        self.mode = mode
        if mode == "reason":
            self.setWindowTitle(tr("Mark {finding} as false positive").format(finding=label))
            prompt = tr(
                "Why is this finding a false positive? The reason is printed in the report."
            )
        else:
            self.setWindowTitle(tr("Comment on {finding}").format(finding=label))
            prompt = tr("Comment (leave empty to remove it):")
        self.prompt = QLabel(prompt, self)
        self.prompt.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("judgement-text")
        self.text.setAccessibleName(tr("Reason") if mode == "reason" else tr("Comment"))
        self.text.setPlainText(text)
        self.prompt.setBuddy(self.text)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.text.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        self.resize(440, 220)
        self._update_ok()
        self.text.setFocus()

    def value(self) -> str:
        """The text typed, trimmed."""
        return self.text.toPlainText().strip()

    def _update_ok(self) -> None:
        limit = MAX_FIELD_CHARS if self.mode == "reason" else MAX_NOTES_CHARS
        value = self.value()
        ok = len(value) <= limit and (bool(value) or self.mode != "reason")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
