"""Airport search field: type an ICAO or IATA code, a name or a city; pick from the list.

The airport database (airportsdata, ~30 000 rows) loads on the first keystroke, not at
startup. The list shows :func:`avsec.io.airports.search_airports` in its own order (exact codes
first, then airports with an IATA code or scheduled service, matching words of the name or the
city): the ranking lives in one place, and "paris" offers CDG and ORY before any airstrip.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from avsec.gui.i18n import tr

if TYPE_CHECKING:
    # Importing a Qt class at run time makes its Python type and every enum of it and its
    # bases (QEvent's 179 event types for QKeyEvent): a cost the cold start need not pay.
    from PySide6.QtCore import QModelIndex, QStringListModel
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QCompleter

_SHOWN = 15


def airport_line(airport: Any) -> str:
    """One line describing an airport: codes, name, city and country."""
    codes = " / ".join(c for c in (airport.icao, airport.iata) if c)
    place = ", ".join(p for p in (airport.city, airport.country) if p)
    return f"{codes} — {airport.name}" + (f" ({place})" if place else "")


class AirportField(QLineEdit):
    """A line edit with an airport completer.

    ``airport()`` returns the chosen :class:`avsec.core.assessment.Airport` or None.
    """

    #: Emitted with the chosen Airport.
    airport_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("airport-field")
        self.setPlaceholderText(tr("ICAO, IATA, name or city"))
        self.setClearButtonEnabled(True)
        self._airport: Any = None
        self._matches: list[Any] = []
        # The completer, its model and the debounce timer are made on the first keystroke:
        # the start page must appear as fast as a bare window.
        self._model: QStringListModel | None = None
        self._completer: QCompleter | None = None
        self._timer: QTimer | None = None
        self.textEdited.connect(self._on_text_edited)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Enter in the open suggestion list picks the airport and nothing else.

        QCompleter hands the key to the field first; a line edit would emit returnPressed
        (the start page's Create). Ignored here, the key goes back to the completer, which
        picks the highlighted airport.
        """
        from PySide6.QtCore import Qt

        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            popup = self._completer.popup() if self._completer is not None else None
            if popup is not None and popup.isVisible():
                event.ignore()
                return
        super().keyPressEvent(event)

    def _ensure_completer(self) -> None:
        if self._completer is not None:
            return
        from PySide6.QtCore import QModelIndex, QStringListModel, Qt
        from PySide6.QtWidgets import QCompleter

        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        # The list is already filtered and ranked here; Qt must show it as it is.
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setMaxVisibleItems(_SHOWN)
        self._completer.activated[QModelIndex].connect(self._on_activated)  # type: ignore[index]  # PySide's overload selector
        self.setCompleter(self._completer)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self._on_search)

    def airport(self) -> Any:
        """The chosen airport, or None."""
        return self._airport

    def set_airport(self, airport: Any) -> None:
        """Show and remember ``airport`` (a custom airport, or a test's choice)."""
        self._airport = airport
        self.setText(airport_line(airport) if airport is not None else "")
        if airport is not None:
            self.airport_chosen.emit(airport)

    def matches(self) -> list[Any]:
        """The airports currently offered."""
        return list(self._matches)

    def search_now(self) -> None:
        """Run the search at once (the timer runs it 120 ms after the last keystroke)."""
        self._ensure_completer()
        assert self._timer is not None
        self._timer.stop()
        self._on_search()

    def _on_text_edited(self, _text: str) -> None:
        self._airport = None
        self._ensure_completer()
        assert self._timer is not None
        self._timer.start()

    def _on_search(self) -> None:
        from avsec.io.airports import search_airports

        self._ensure_completer()
        assert self._model is not None and self._completer is not None
        text = self.text().strip()
        if len(text) < 2:
            self._matches = []
            self._model.setStringList([])
            return
        # search_airports ranks; re-ranking here would make the app disagree with it.
        self._matches = list(search_airports(text, limit=_SHOWN))[:_SHOWN]
        self._model.setStringList([airport_line(a) for a in self._matches])
        if self._matches and self.hasFocus():
            self._completer.complete()
        if len(self._matches) == 1 or (
            self._matches and text.upper() in (self._matches[0].icao, self._matches[0].iata)
        ):
            # An exact code needs no click: remember it so "Create" works straight away.
            self._airport = self._matches[0]
            self.airport_chosen.emit(self._airport)

    def _on_activated(self, index: QModelIndex) -> None:
        row = index.row()
        if 0 <= row < len(self._matches):
            self._airport = self._matches[row]
            self.setText(airport_line(self._airport))
            self.airport_chosen.emit(self._airport)
