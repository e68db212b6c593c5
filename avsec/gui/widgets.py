"""Small widget factories that several views share, so that the same thing looks the same."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableWidget, QVBoxLayout, QWidget

from avsec.gui.style import MARKING_BACKGROUND, MARKING_FOREGROUND


def column(
    parent: QWidget, *items: QWidget | tuple[QWidget, int], margins: int | tuple[int, ...] = 0
) -> QVBoxLayout:
    """Lay ``items`` out top to bottom in ``parent`` (an item ``(widget, stretch)`` takes the
    spare height by its stretch); ``margins`` in pixels, one for all sides or four."""
    layout = QVBoxLayout(parent)
    sides = (margins,) * 4 if isinstance(margins, int) else margins
    layout.setContentsMargins(*sides)
    for item in items:
        widget, stretch = item if isinstance(item, tuple) else (item, 0)
        layout.addWidget(widget, stretch)
    return layout


def marking_banner(parent: QWidget, text: str = "") -> QLabel:
    """The handling-marking banner over a view of sensitive data (white on dark red)."""
    banner = QLabel(text, parent)
    banner.setObjectName("marking-banner")
    banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
    banner.setStyleSheet(
        f"background: {MARKING_BACKGROUND}; color: {MARKING_FOREGROUND}; font-weight: bold;"
        " padding: 3px; letter-spacing: 1px;"
    )
    return banner


def selectable_label(parent: QWidget, name: str) -> QLabel:
    """A wrapped label whose text the user can select and copy."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def rich_text_label(parent: QWidget, name: str) -> QLabel:
    """A :func:`selectable_label` in rich text whose links can be followed."""
    label = selectable_label(parent, name)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
    )
    return label


def read_only_table(
    parent: QWidget | None,
    headers: Sequence[str],
    *,
    name: str = "",
    rows: int = 0,
    whole_rows: bool = True,
) -> QTableWidget:
    """A table to read, not to edit: ``headers`` over ``rows`` empty rows and no row numbers;
    a click selects the whole row (only the cell with ``whole_rows=False``). ``name`` is the
    Qt object name."""
    table = QTableWidget(rows, len(headers), parent)
    if name:
        table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    if whole_rows:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    return table
