"""Start page: new assessment, recent files, training airport.

Built before any model is imported (cold start); recent files are plain paths from the
settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from avsec.gui.airport_field import AirportField
from avsec.gui.checklist_combo import ChecklistCombo
from avsec.gui.i18n import tr
from avsec.gui.settings import Preferences

#: Qt.ItemDataRole.UserRole, written as its number (see refresh_recent).
_PATH_ROLE = 256


def _encrypted(path: str) -> bool:
    """Whether a recent file is stored encrypted (as avsec.store.crypto.looks_encrypted says).

    Sniffed here from the first bytes: importing the store would slow the cold start.
    """
    try:
        size = Path(path).stat().st_size
        with Path(path).open("rb") as handle:
            header = handle.read(16)
    except OSError:
        return False
    return size > 0 and size % 1024 == 0 and header != b"SQLite format 3\x00"


class StartPage(QWidget):
    """What the window shows when no assessment is open.

    Parameters
    ----------
    preferences
        Recent files come from here.
    """

    #: Open this file.
    open_requested = Signal(str)
    #: Show a file chooser.
    browse_requested = Signal()
    #: Open the training airport.
    demo_requested = Signal()
    #: Create an assessment: {"airport", "title", "team", "checklist_id"}.
    create_requested = Signal(dict)

    def __init__(self, preferences: Preferences, parent: QWidget | None = None):
        super().__init__(parent)
        self.preferences = preferences
        self.setObjectName("start-page")
        heading = QLabel("avsec", self)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        heading.setFont(font)
        subtitle = QLabel(tr("Airport access control assessment"), self)
        subtitle.setStyleSheet("color: #5f6b73; font-size: 14px;")

        self.airport_field = AirportField(self)
        self.custom_button = QPushButton(tr("Custom airport…"), self)
        self.custom_button.clicked.connect(self._on_custom_airport)
        self.title_field = QLineEdit(self)
        self.title_field.setObjectName("title-field")
        self.team_field = QLineEdit(self)
        self.team_field.setObjectName("team-field")
        self.team_field.setPlaceholderText(tr("Names separated by commas"))
        self.checklist_combo = ChecklistCombo(self)
        self.create_button = QPushButton(tr("Create…"), self)
        self.create_button.setObjectName("create-button")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self._on_create)
        self.message = QLabel(self)
        self.message.setObjectName("start-message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b71c1c")
        self.airport_field.returnPressed.connect(self._on_create)
        self.airport_field.airport_chosen.connect(self._on_airport_chosen)

        new_box = QGroupBox(tr("New assessment"), self)
        airport_row = QHBoxLayout()
        airport_row.addWidget(self.airport_field, 1)
        airport_row.addWidget(self.custom_button)
        form = QFormLayout(new_box)
        form.addRow(tr("Airport"), airport_row)
        form.addRow(tr("Title"), self.title_field)
        form.addRow(tr("Team"), self.team_field)
        form.addRow(tr("Checklist"), self.checklist_combo)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        form.addRow(buttons)
        form.addRow(self.message)

        recent_box = QGroupBox(tr("Recent assessments"), self)
        self.recent_list = QListWidget(recent_box)
        self.recent_list.setObjectName("recent-list")
        self.recent_list.setSpacing(3)
        self.recent_list.itemActivated.connect(self._on_recent_activated)
        self.no_recent = QLabel(tr("No recent assessments yet."), recent_box)
        self.no_recent.setStyleSheet("color: #5f6b73;")
        self.open_button = QPushButton(tr("Open…"), recent_box)
        self.open_button.clicked.connect(self.browse_requested)
        recent_layout = QVBoxLayout(recent_box)
        recent_layout.addWidget(self.recent_list)
        recent_layout.addWidget(self.no_recent)
        recent_layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.open_button)
        recent_layout.addLayout(row)

        demo_box = QGroupBox(tr("Training airport"), self)
        demo_text = QLabel(
            tr("Open the bundled training airport (demo) to try every view."), demo_box
        )
        demo_text.setWordWrap(True)
        self.demo_button = QPushButton(tr("Open demo"), demo_box)
        self.demo_button.setObjectName("demo-button")
        self.demo_button.clicked.connect(self.demo_requested)
        demo_layout = QHBoxLayout(demo_box)
        demo_layout.addWidget(demo_text, 1)
        demo_layout.addWidget(self.demo_button)

        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(16)
        grid.addWidget(new_box, 0, 0)
        grid.addWidget(recent_box, 0, 1, 2, 1)
        grid.addWidget(demo_box, 1, 0)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 32, 48, 32)
        outer.addWidget(heading)
        outer.addWidget(subtitle)
        outer.addSpacing(16)
        outer.addLayout(grid)
        outer.addStretch(1)
        self._set_keyboard_order()
        self.refresh_recent()

    def _set_keyboard_order(self) -> None:
        """Tab follows the page as it reads (new assessment, recent files, training airport),
        and every field carries the name a screen reader announces."""
        for widget, name in (
            (self.airport_field, tr("Airport")),
            (self.title_field, tr("Title")),
            (self.team_field, tr("Team")),
            (self.checklist_combo, tr("Checklist")),
            (self.recent_list, tr("Recent assessments")),
        ):
            widget.setAccessibleName(name)
        order = (
            self.airport_field,
            self.custom_button,
            self.title_field,
            self.team_field,
            self.checklist_combo,
            self.create_button,
            self.recent_list,
            self.open_button,
            self.demo_button,
        )
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def refresh_recent(self) -> None:
        """Re-read the recent files from the preferences.

        Touches no Qt enum: the first use of PySide's ``Qt`` namespace costs some 15 ms, which
        the start page must not spend before the window shows.
        """
        self.recent_list.clear()
        missing_colour = QColor("#9e9e9e")
        for path in self.preferences.recent_files():
            exists = Path(path).is_file()
            label = f"{Path(path).name}\n{Path(path).parent}"
            if not exists:
                label += "  " + tr("(file missing)")
            elif _encrypted(path):
                label += "  " + tr("(encrypted)")
            item = QListWidgetItem(label, self.recent_list)
            item.setData(_PATH_ROLE, path)
            item.setToolTip(path)
            if not exists:
                item.setForeground(missing_colour)
        empty = self.recent_list.count() == 0
        self.recent_list.setVisible(not empty)
        self.no_recent.setVisible(empty)

    def focus_new_assessment(self) -> None:
        """Put the cursor in the airport field."""
        self.airport_field.setFocus()
        self.airport_field.selectAll()

    def _on_recent_activated(self, item: QListWidgetItem) -> None:
        path = item.data(_PATH_ROLE)
        if not path:
            return
        if not Path(path).is_file():
            # Moved or deleted since: forget it rather than show an error about it.
            self.preferences.remove_recent_file(path)
            self.refresh_recent()
            return
        self.open_requested.emit(path)

    def _on_custom_airport(self) -> None:
        from avsec.gui.custom_airport_dialog import CustomAirportDialog

        dialog = CustomAirportDialog(self)
        if dialog.exec():
            self.airport_field.set_airport(dialog.airport())

    def _on_airport_chosen(self, airport: object) -> None:
        self.message.clear()
        if not self.title_field.isModified():
            self.title_field.setText(tr("{name} access control").format(name=airport.name))  # type: ignore[attr-defined]

    def request(self) -> dict | None:
        """The new-assessment request from the form, or None (with a message) if incomplete."""
        if self.airport_field.airport() is None and self.airport_field.text().strip():
            self.airport_field.search_now()
        airport = self.airport_field.airport()
        if airport is None:
            self.message.setText(
                tr("Choose an airport from the list first (type a code, name or city).")
            )
            self.airport_field.setFocus()
            return None
        self.message.clear()
        return {
            "airport": airport,
            "title": self.title_field.text().strip(),
            "team": [t.strip() for t in self.team_field.text().split(",") if t.strip()],
            "checklist_id": self.checklist_combo.checklist_id(),
        }

    def _on_create(self) -> None:
        request = self.request()
        if request is not None:
            self.create_requested.emit(request)
