"""Small widget factories that several views share, so that the same thing looks the same."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from avsec.gui.style import MARKING_BACKGROUND, MARKING_FOREGROUND


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


def rich_text_label(parent: QWidget, name: str) -> QLabel:
    """A wrapped rich-text label whose text can be selected and whose links can be followed."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
    )
    return label
