"""The base of every view of the open assessment."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from avsec.gui.session import Session


class SessionWidget(QWidget):
    """A widget that shows (and edits) the open assessment through its session.

    ``name`` is the Qt object name: style sheets, tests and screenshots find the view by it.
    """

    def __init__(self, session: Session, parent: QWidget | None = None, *, name: str = ""):
        super().__init__(parent)
        self.session = session
        if name:
            self.setObjectName(name)
