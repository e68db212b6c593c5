"""File > Write report: where, in which language, with a password, and whether to open it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from avsec.gui.dialogs import ok_cancel_buttons
from avsec.gui.i18n import LANGUAGE_NAMES, language, tr

#: Report languages and their names, in their own language (a reader picks their own).
LANGUAGES = tuple(LANGUAGE_NAMES.items())


@dataclass(frozen=True)
class ReportOptions:
    """What the user chose."""

    path: Path
    lang: str
    password: str | None
    open_when_done: bool


class ReportDialog(QDialog):
    """The report's options; :meth:`options` after ``exec()`` returns them."""

    def __init__(self, suggested: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("report-dialog")
        self.setWindowTitle(tr("Write report (PDF)"))
        self.setMinimumWidth(520)
        self.path = QLineEdit(suggested, self)
        self.path.setObjectName("report-path")
        self.path.setAccessibleName(tr("Save as"))
        browse = QPushButton(tr("Browse…"), self)
        browse.clicked.connect(self._browse)
        self.lang = QComboBox(self)
        self.lang.setObjectName("report-language")
        self.lang.setAccessibleName(tr("Language"))
        for code, name in LANGUAGES:
            self.lang.addItem(name, code)
        self.lang.setCurrentIndex(max(self.lang.findData(language()), 0))
        self.password = QLineEdit(self)
        self.password.setObjectName("report-password")
        self.password.setAccessibleName(tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(tr("Optional: readers need it to open the PDF"))
        self.repeat = QLineEdit(self)
        self.repeat.setObjectName("report-password-repeat")
        self.repeat.setAccessibleName(tr("Repeat the password"))
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.open_when_done = QCheckBox(tr("Open the report when it is written"), self)
        self.open_when_done.setObjectName("report-open")
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b71c1c;")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(tr("Save as"), row)
        form.addRow(tr("Language"), self.lang)
        form.addRow(tr("Password"), self.password)
        form.addRow(tr("Repeat the password"), self.repeat)
        form.addRow(self.open_when_done)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel_buttons(self, self._on_accept))

    def _browse(self) -> None:
        from avsec.gui.dialogs import choose_save_file

        chosen = choose_save_file(
            self, tr("Save the report as"), self.path.text(), tr("PDF (*.pdf)"), ".pdf"
        )
        if chosen:
            self.path.setText(chosen)

    def _on_accept(self) -> None:
        text = self.path.text().strip()
        if not text:
            self.message.setText(tr("Choose where to save the report."))
            return
        if self.password.text() != self.repeat.text():
            self.message.setText(tr("The two passwords differ."))
            return
        if Path(text).is_dir():
            self.message.setText(
                tr("{path} is a folder; give the PDF's file name.").format(path=text)
            )
            return
        self.accept()

    def options(self) -> ReportOptions:
        """The chosen options (a .pdf suffix is added when missing)."""
        path = Path(self.path.text().strip())
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        return ReportOptions(
            path=path,
            lang=str(self.lang.currentData()),
            password=self.password.text() or None,
            open_when_done=self.open_when_done.isChecked(),
        )
