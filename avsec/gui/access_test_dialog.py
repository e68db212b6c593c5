"""Record an access-control test, and the list of the visit's tests.

Opened from an access point on the map (its context menu), from a checklist item a test
informs (the item's methods come first) and from Checklist > Access-control tests. OK is one
undoable edit (:mod:`avsec.app.access_tests`); a refused value says why and changes nothing.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from avsec.app.access_tests import access_points, change_test, delete_test, record_test
from avsec.core.access_tests import METHOD_LABELS, METHODS, RESULT_LABELS, AccessTest, ordered
from avsec.core.errors import AvsecError
from avsec.core.textlimits import MAX_FIELD_CHARS
from avsec.gui.dialogs import show_error
from avsec.gui.i18n import language, ngettext, tr
from avsec.gui.session import Session
from avsec.gui.widgets import read_only_table

#: Colours of the results in the list (the report's map uses the same meaning).
RESULT_COLOURS = {"stopped": "#2e7d32", "partly": "#ef6c00", "not_stopped": "#c62828"}


class AccessTestDialog(QDialog):
    """One test: the access point, the method, the result, when, who and notes.

    Parameters
    ----------
    session
        The open assessment.
    at
        The access point to preselect ("" for the first).
    methods
        Methods to offer first (those that inform the item the dialog was opened from).
    test
        A recorded test to edit (None records a new one).
    """

    def __init__(
        self,
        session: Session,
        at: str = "",
        methods: list[str] | None = None,
        test: AccessTest | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("access-test-dialog")
        self.session = session
        self.test = test
        self.setWindowTitle(tr("Edit access test") if test else tr("Record access test"))
        self.intro = QLabel(
            tr(
                "Someone tries to get through the access point as an intruder would; record "
                "whether the staff or the system stopped them."
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet("color: #5f6b73;")
        self.at_box = QComboBox(self)
        self.at_box.setObjectName("test-at")
        for feature_id, name in access_points(session.doc.features, language()).items():
            shown = name if name == feature_id else f"{name} ({feature_id})"
            self.at_box.addItem(shown, feature_id)
        chosen = test.at if test else at
        if chosen and self.at_box.findData(chosen) >= 0:
            self.at_box.setCurrentIndex(self.at_box.findData(chosen))
        self.method_box = QComboBox(self)
        self.method_box.setObjectName("test-method")
        first = [m for m in (methods or []) if m in METHODS]
        for method in [*first, *(m for m in METHODS if m not in first)]:
            self.method_box.addItem(tr(METHOD_LABELS[method]), method)
        if test:
            self.method_box.setCurrentIndex(self.method_box.findData(test.method))
        self.result_box = QComboBox(self)
        self.result_box.setObjectName("test-result")
        for result, label in RESULT_LABELS.items():
            self.result_box.addItem(tr(label), result)
        if test:
            self.result_box.setCurrentIndex(self.result_box.findData(test.result))
        self.when_edit = QDateTimeEdit(self)
        self.when_edit.setObjectName("test-when")
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        when = test.when.replace(tzinfo=None) if test else dt.datetime.now()
        self.when_edit.setDateTime(
            QDateTime.fromString(when.strftime("%Y-%m-%dT%H:%M"), Qt.DateFormat.ISODate)
        )
        self.who_edit = QLineEdit(test.who if test else "", self)
        self.who_edit.setObjectName("test-who")
        self.who_edit.setMaxLength(MAX_FIELD_CHARS)
        self.who_edit.setPlaceholderText(tr("Who made the test"))
        self.notes_edit = QPlainTextEdit(test.notes if test else "", self)
        self.notes_edit.setObjectName("test-notes")
        self.notes_edit.setPlaceholderText(tr("What happened, who reacted and how soon…"))
        self.notes_edit.setTabChangesFocus(True)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(tr("Access point"), self.at_box)
        form.addRow(tr("Method"), self.method_box)
        form.addRow(tr("Result"), self.result_box)
        form.addRow(tr("When"), self.when_edit)
        form.addRow(tr("Who"), self.who_edit)
        form.addRow(tr("Notes"), self.notes_edit)
        #: Attachment ids of the test's photos (stored in the file as they are chosen).
        self.photos: list[str] = list(test.photos) if test else []
        self.add_photos = QPushButton(tr("Add photos…"), self)
        self.add_photos.setObjectName("test-add-photos")
        self.add_photos.clicked.connect(self._choose_photos)
        self.photo_count = QLabel(self)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.add_photos)
        photo_row.addWidget(self.photo_count, 1)
        form.addRow(tr("Photos"), photo_row)
        self._show_photo_count()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.at_box.count() > 0)
        self.none = QLabel(tr("The layout has no access point: draw one on the map first."), self)
        self.none.setVisible(self.at_box.count() == 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.none)
        layout.addWidget(self.buttons)
        self.resize(460, 380)

    def _show_photo_count(self) -> None:
        self.photo_count.setText(
            ngettext("{count} photo", "{count} photos", len(self.photos)).format(
                count=len(self.photos)
            )
        )

    def _choose_photos(self) -> None:
        from pathlib import Path

        from avsec.gui import dialogs

        paths = dialogs.choose_open_files(
            self, tr("Choose photos"), str(Path.home()), tr("Images (*.jpg *.jpeg *.png)")
        )
        self.attach_photos(paths)

    def attach_photos(self, paths: list[str]) -> None:
        """Store photo files in the assessment for this test (each file on its own)."""
        for path in paths:
            try:
                attachment_id, new = self.session.editor.store_photo(path)
            except AvsecError as exc:
                show_error(self, tr("Cannot add the photo"), exc)
                continue
            if new:
                self.session.attachments_changed.emit()
            if attachment_id not in self.photos:
                self.photos.append(attachment_id)
        self._show_photo_count()

    def fields(self) -> dict[str, str]:
        """The values entered, as text (the application layer checks them)."""
        return {
            "at": str(self.at_box.currentData() or ""),
            "method": str(self.method_box.currentData()),
            "result": str(self.result_box.currentData()),
            "when": self.when_edit.dateTime().toString("yyyy-MM-ddTHH:mm"),
            "who": self.who_edit.text(),
            "notes": self.notes_edit.toPlainText(),
        }

    def accept(self) -> None:
        """Record (or change) the test: one undoable edit; a refusal keeps the dialog open."""
        try:
            command = record_test(self.session.doc.features, self.fields(), photos=self.photos)
            if self.test is not None:
                new = command.after
                assert new is not None
                changed = new.model_copy(update={"id": self.test.id})
                edit = change_test(self.session.doc.access_tests, changed)
                if edit is not None and not self.session.push(edit):
                    return
            elif not self.session.push(command):
                return
        except AvsecError as exc:
            show_error(self, tr("Cannot record the test"), exc)
            return
        super().accept()


def open_test_dialog(
    session: Session,
    parent: QWidget,
    at: str = "",
    methods: list[str] | None = None,
    test: AccessTest | None = None,
) -> AccessTestDialog:
    """Show the test dialog window-modally (never blocking: offscreen tests drive it)."""
    dialog = AccessTestDialog(session, at, methods, test, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


class AccessTestsDialog(QDialog):
    """Every test of the visit: record, edit and delete them (each one undoable edit)."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("access-tests-dialog")
        self.session = session
        #: The test dialog last opened from the list.
        self.dialog: AccessTestDialog | None = None
        self.setWindowTitle(tr("Access-control tests"))
        self.table = read_only_table(
            self,
            [tr("When"), tr("Access point"), tr("Method"), tr("Result"), tr("Who"), tr("Notes")],
            name="access-tests-table",
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemDoubleClicked.connect(lambda _item: self.edit_selected())
        self.add_button = QPushButton(tr("Record access test…"), self)
        self.add_button.clicked.connect(self.record)
        self.edit_button = QPushButton(tr("Edit…"), self)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(tr("Delete"), self)
        self.delete_button.clicked.connect(self.delete_selected)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        session.changed.connect(self._on_changed)
        self.refresh()
        self.resize(980, 380)

    def tests(self) -> list[AccessTest]:
        """The tests in the order the table shows them."""
        return ordered(self.session.doc.access_tests)

    def refresh(self) -> None:
        """Re-list the tests."""
        names = access_points(self.session.doc.features, language())
        tests = self.tests()
        self.table.setRowCount(len(tests))
        for row, test in enumerate(tests):
            cells = [
                test.when.strftime("%Y-%m-%d %H:%M"),
                names.get(test.at, test.at),
                tr(METHOD_LABELS[test.method]),
                tr(RESULT_LABELS[test.result]),
                test.who,
                " ".join(test.notes.split())[:200],
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, test.id)
                if column == 3:
                    cell.setForeground(Qt.GlobalColor.white)
                    cell.setBackground(QColor(RESULT_COLOURS[test.result]))
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        has = bool(tests)
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def _on_changed(self, command: object) -> None:
        changes = getattr(command, "changes", None)
        if changes is not None and (changes().tests or changes().features):
            self.refresh()

    def _selected(self) -> AccessTest | None:
        row = self.table.currentRow()
        tests = self.tests()
        return tests[row] if 0 <= row < len(tests) else None

    def record(self) -> None:
        """Open the dialog recording a new test."""
        self.dialog = open_test_dialog(self.session, self)

    def edit_selected(self) -> None:
        """Open the selected test for editing."""
        test = self._selected()
        if test is not None:
            self.dialog = open_test_dialog(self.session, self, test=test)

    def delete_selected(self) -> None:
        """Delete the selected test (undoable)."""
        test = self._selected()
        if test is not None:
            self.session.push(delete_test(self.session.doc.access_tests, test.id))
